/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_A1REF_H
#define RECKON_A1REF_H

#include <stddef.h>

/* A1-style cell references as workbooks store them. */

#define A1REF_MAX_ROW 1048576L
#define A1REF_MAX_COL 16384L
#define A1REF_BUF 32

/*
 * Parses s[0..n) as [$]LETTERS[$]DIGITS (letters in either case) into a
 * 1-based row and 0-based column.  Returns 0, or -1 when it is not such a
 * reference or lies beyond XFD1048576.
 */
int a1ref_parse(const char *s, size_t n, long *row, long *col);

/*
 * Parses a range "A1:B2" (or a single cell "A1") into its corners, ordered
 * so that r1 <= r2 and c1 <= c2.  Returns 0 or -1.
 */
int a1ref_range(const char *s, size_t n, long *r1, long *c1, long *r2,
		long *c2);

/*
 * Writes the reference of (row >= 1, col >= 0) into buf (at least A1REF_BUF
 * bytes); returns its length.
 */
size_t a1ref_format(long row, long col, char *buf);

#endif
