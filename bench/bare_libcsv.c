/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The bare-libcsv baseline: parses FILE with libcsv in 1 MiB blocks, the
 * callbacks only counting fields and rows, and prints the counts.  What
 * reckon-extract does on top of this (decoding, layout, number parsing,
 * writing the tidy CSV) is the cost the benchmark measures against it.
 *
 *   bare_libcsv [-d DELIM] [-s] FILE
 *
 * -d  the delimiter (default ';'); -s  CSV_STRICT, as reckon's reader.
 * Prints "bytes=N fields=N rows=N" on stdout.
 *
 * Built by bench/run.sh:  cc -O2 -o build/bench/bare_libcsv bench/bare_libcsv.c -lcsv
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct counts {
	unsigned long long fields, rows;
};

static void on_field(void *data, size_t len, void *p)
{
	(void)data;
	(void)len;
	((struct counts *)p)->fields++;
}

static void on_row(int c, void *p)
{
	(void)c;
	((struct counts *)p)->rows++;
}

int main(int argc, char **argv)
{
	enum { BLOCK = 1 << 20 };
	unsigned char delim = ';', opts = 0;
	struct csv_parser parser;
	struct counts n = { 0, 0 };
	unsigned long long total = 0;
	const char *path;
	char *buf;
	FILE *f;
	size_t got;
	int i;

	for (i = 1; i < argc - 1; i++) {
		if (strcmp(argv[i], "-d") == 0 && i + 1 < argc - 1 &&
		    strlen(argv[i + 1]) == 1)
			delim = (unsigned char)argv[++i][0];
		else if (strcmp(argv[i], "-s") == 0)
			opts |= CSV_STRICT | CSV_STRICT_FINI;
		else
			break;
	}
	if (i != argc - 1) {
		fprintf(stderr, "usage: bare_libcsv [-d DELIM] [-s] FILE\n");
		return 64;
	}
	path = argv[i];
	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		perror(path);
		return 66;
	}
	buf = malloc(BLOCK);
	if (!buf || csv_init(&parser, opts) != 0) {
		fprintf(stderr, "bare_libcsv: out of memory\n");
		return 70;
	}
	csv_set_delim(&parser, delim);
	while ((got = fread(buf, 1, BLOCK, f)) > 0) {
		total += got;
		if (csv_parse(&parser, buf, got, on_field, on_row, &n) != got) {
			fprintf(stderr, "%s: %s\n", path,
				csv_strerror(csv_error(&parser)));
			return 65;
		}
	}
	if (ferror(f)) {
		perror(path);
		return 74;
	}
	if (csv_fini(&parser, on_field, on_row, &n) != 0) {
		fprintf(stderr, "%s: %s\n", path,
			csv_strerror(csv_error(&parser)));
		return 65;
	}
	csv_free(&parser);
	free(buf);
	if (f != stdin)
		fclose(f);
	printf("bytes=%llu fields=%llu rows=%llu\n", total, n.fields, n.rows);
	return 0;
}
