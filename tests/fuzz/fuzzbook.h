/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Shared by the workbook fuzz targets: the readers open files by path, so
 * each input is written to a file in /dev/shm (or /tmp) and read through
 * every sheet, merged ranges, document properties and cells view included.
 */
#ifndef RECKON_FUZZBOOK_H
#define RECKON_FUZZBOOK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzzpath.h"
#include "book/book.h"
#include "bookcells.h"
#include "tidy.h"

static int fuzz_write(const char *path, const void *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return -1;
	if (size && fwrite(data, 1, size, f) != size) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

/* Reads the workbook at path every way the API allows. */
static void fuzz_read_book(const char *path)
{
	static FILE *sink;
	struct rk_error err = { 0 };
	struct book *b = book_open(path, "fuzz", &err);
	struct tidy_writer *w;
	struct book_props props;

	if (!sink)
		sink = fopen("/dev/null", "w");
	if (!b)
		return;
	for (size_t i = 0; i < book_sheet_count(b); i++) {
		struct sheet *s = book_sheet_open(b, i, &err);
		struct sheet_row row;
		size_t n;

		if (!s)
			continue;
		sheet_merges(s, &n);
		while (sheet_next_row(s, &row, &err) > 0)
			for (size_t k = 0; k < row.n; k++)
				if (row.cell[k].text[row.cell[k].len] != '\0')
					abort();   /* texts are NUL-terminated */
		sheet_close(s);
	}
	book_props(b, &props, &err);
	w = tidy_writer_open(sink, "sink", &err);
	if (w) {
		bookcells_write(b, book_sheet_count(b) ? "1" : NULL, w, &err);
		tidy_writer_close(w, NULL);
	}
	book_close(b);
}

#endif
