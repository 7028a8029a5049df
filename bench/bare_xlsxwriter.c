/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The baseline of bench/report.sh: the bulk of what reckon-report writes,
 * with libxlsxwriter and nothing else.  Reads a tidy CSV and a cells.csv
 * (libcsv) and writes an .xlsx with the tidy rows on one sheet and the cell
 * table twice (the brief has it in English and in Russian), numbers as
 * numbers and text as text: no labels, no formats, no suppression, no
 * charts, no other sheets.
 *
 *   bare_xlsxwriter TIDY.csv CELLS.csv OUT.xlsx
 *
 * Prints the cells written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <xlsxwriter.h>

struct sheet {
	lxw_worksheet *ws;
	lxw_row_t row;
	lxw_col_t col;
	unsigned long cells;
};

/* A field that is a whole C-locale decimal. */
static int number(const char *s, size_t n, double *x)
{
	char buf[64], *end;

	if (n == 0 || n >= sizeof(buf))
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*x = strtod(buf, &end);
	return *end == '\0';
}

static void field(void *s, size_t n, void *data)
{
	struct sheet *sh = data;
	char *text;
	double x;

	if (number(s, n, &x)) {
		worksheet_write_number(sh->ws, sh->row, sh->col++, x, NULL);
	} else if (n > 0) {
		text = malloc(n + 1);
		memcpy(text, s, n);
		text[n] = '\0';
		worksheet_write_string(sh->ws, sh->row, sh->col++, text, NULL);
		free(text);
	} else {
		sh->col++;
	}
	sh->cells++;
}

static void record(int c, void *data)
{
	struct sheet *sh = data;

	(void)c;
	sh->row++;
	sh->col = 0;
}

static int copy(const char *path, struct sheet *sh)
{
	struct csv_parser p;
	char buf[1 << 16];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f || csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0) {
		perror(path);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (csv_parse(&p, buf, n, field, record, sh) != n) {
			fprintf(stderr, "%s: %s\n", path,
				csv_strerror(csv_error(&p)));
			return -1;
		}
	csv_fini(&p, field, record, sh);
	csv_free(&p);
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	lxw_workbook *wb;
	struct sheet data = { 0 }, en = { 0 }, ru = { 0 };

	if (argc != 4) {
		fprintf(stderr, "usage: bare_xlsxwriter TIDY.csv CELLS.csv "
				"OUT.xlsx\n");
		return 64;
	}
	wb = workbook_new(argv[3]);
	en.ws = workbook_add_worksheet(wb, "Cells");
	ru.ws = workbook_add_worksheet(wb, "Ячейки");
	data.ws = workbook_add_worksheet(wb, "Data");
	if (copy(argv[1], &data) < 0 || copy(argv[2], &en) < 0 ||
	    copy(argv[2], &ru) < 0)
		return 1;
	if (workbook_close(wb) != LXW_NO_ERROR)
		return 1;
	printf("cells=%lu\n", data.cells + en.cells + ru.cells);
	return 0;
}
