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

/*
 * Parses "C12" into a 0-based column and 1-based row; returns 0, or -1 if s
 * is not a cell reference (a leading $ on either part is allowed).
 */
int cellref_parse(const char *s, long *col, long *row);

/* Parses "A3:F40" (corners in any order); returns 0 or -1. */
int cellref_area(const char *s, long *r1, long *c1, long *r2, long *c2);

#endif
