/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_GRID_H
#define RECKON_GRID_H

#include <stddef.h>

/*
 * One row of a table as every reader hands it to the layout engine: cell
 * texts in UTF-8, numbers already in C-locale form.  Borrowed from the
 * reader until its next row.
 */
struct grid_row {
	long index;        /* 1-based row (record) number */
	long line;         /* line where it starts, for text files; else index */
	size_t n;          /* cells, trailing empty ones included */
	char **cell;       /* NUL-terminated */
	size_t *len;
};

#endif
