/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CELLREF_H
#define RECKON_CELLREF_H

#include <stddef.h>

/* Spreadsheet column letters and A1 references.  Columns are 0-based here. */

#define CELLREF_MAX_COL 16383          /* XFD */

/* "A" → 0, "XFD" → 16383; -1 if s is not 1–3 upper-case letters within XFD. */
long cellref_col(const char *s);

/* Writes the letters of col (0-based) into buf (at least 4 bytes). */
void cellref_letters(long col, char *buf);

/*
 * Parses a column range "B:E" into 0-based first and last; returns 0, or -1
 * if s is not a range of column letters with first <= last.
 */
int cellref_col_range(const char *s, long *first, long *last);

#define CELLREF_MAX_ROW 1048576L
#define CELLREF_BUF 32                 /* enough for any reference */

/*
 * Parses s[0..n) as [$]LETTERS[$]DIGITS (letters in either case) into a
 * 1-based row and 0-based column.  Returns 0, or -1 when it is not such a
 * reference or lies beyond XFD1048576.
 */
int cellref_parse(const char *s, size_t n, long *row, long *col);

/*
 * Parses a range "A3:F40" (or a single cell "A3") into its corners,
 * ordered so that r1 <= r2 and c1 <= c2.  Returns 0 or -1.
 */
int cellref_area(const char *s, size_t n, long *r1, long *c1, long *r2,
		 long *c2);

/*
 * Writes the reference of (row >= 1, col >= 0) into buf (at least
 * CELLREF_BUF bytes); returns its length.
 */
size_t cellref_format(long row, long col, char *buf);

#endif
