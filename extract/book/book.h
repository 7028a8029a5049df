/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BOOK_H
#define RECKON_BOOK_H

#include <stddef.h>

#include "error.h"

/*
 * A workbook of any supported format (xlsx/xlsm, xls, ods), read sheet by
 * sheet and row by row, streaming: a sheet is never held whole.  Cells
 * come as the cells format writes them (design.md §3,
 * ../shared/corpus/README.md): type and text value.  Cells inside a merged
 * range other than its top-left anchor are not reported; the ranges
 * themselves are, before the first row.
 */

struct book;
struct sheet;

struct sheet_cell {
	long col;             /* 0-based column */
	char type;            /* 's' string, 'n' number, 'b' boolean, 'd' date,
				 'e' error */
	const char *text;     /* value in the cells format: numbers in shortest
				 round-trip form, booleans TRUE/FALSE, dates
				 ISO; NUL-terminated, may hold NULs before len */
	size_t len;
};

struct sheet_row {
	long row;             /* 1-based */
	size_t n;             /* non-empty cells, in column order */
	const struct sheet_cell *cell;
};

/* A merged range: 1-based rows, 0-based columns, inclusive. */
struct sheet_range {
	long r1, c1, r2, c2;
};

/*
 * Opens the workbook at path; name is how errors call it.  The format is
 * recognised from the content (zip with xl/workbook.xml → xlsx, zip with
 * content.xml → ods, OLE2 compound file → xls), not the extension.
 * Returns NULL with err set: RK_EXIT_NOINPUT (cannot open), RK_EXIT_DATAERR
 * (not a workbook, damaged, encrypted, or over a safety cap).
 */
struct book *book_open(const char *path, const char *name, struct rk_error *err);

/* The name errors call the workbook by; valid until book_close. */
const char *book_name(const struct book *b);

/* Worksheets in workbook order (chartsheets are not worksheets). */
size_t book_sheet_count(const struct book *b);
const char *book_sheet_name(const struct book *b, size_t i);

/*
 * The sheet called name, or numbered by it (1-based digits) when no sheet
 * has that name; -1 when neither.
 */
long book_find_sheet(const struct book *b, const char *name);

/* Opens sheet i (0-based).  Returns NULL with err set. */
struct sheet *book_sheet_open(struct book *b, size_t i, struct rk_error *err);

/* The sheet's merged ranges; valid while the sheet is open. */
const struct sheet_range *sheet_merges(const struct sheet *s, size_t *n);

/*
 * The next row holding at least one non-empty cell, in row order.
 * *row is borrowed until the next call.  Returns 1, 0 at the end, -1 with
 * err set (RK_EXIT_DATAERR naming the file, sheet and cell where known).
 */
int sheet_next_row(struct sheet *s, struct sheet_row *row, struct rk_error *err);

/* When a workbook says it was made and last saved. */
struct book_props {
	int has_created, has_modified;  /* 0: the workbook does not say */
	long long created, modified;    /* seconds since 1970-01-01 UTC */
};

/*
 * The workbook's own record of when it was made and last saved, as the
 * program that saved it wrote it: xlsx docProps/core.xml (dcterms:created,
 * dcterms:modified), ods meta.xml (meta:creation-date, dc:date).  An xls
 * workbook, or one whose properties are missing or malformed, says
 * nothing.  Returns 0, or -1 with err set (out of memory).
 */
int book_props(struct book *b, struct book_props *out, struct rk_error *err);

/* Closes; both accept NULL.  Close every sheet before its book. */
void sheet_close(struct sheet *s);
void book_close(struct book *b);

#endif
