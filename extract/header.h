/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_HEADER_H
#define RECKON_HEADER_H

#include <stddef.h>

#include "grid.h"
#include "merge.h"

/*
 * The header block of a table: the last N rows seen (the tiers), kept as
 * copies with merged cells as they are shown (the anchor's text beside
 * it, nothing under it), so that the layout
 * can look columns up by header text and give each value column the text
 * of every tier above it.
 */
struct header;

/* A block of tiers rows (at least 1).  NULL on allocation failure. */
struct header *header_new(size_t tiers);

/* Pushes a row, dropping the oldest beyond the tier count. -1 on allocation failure. */
int header_push(struct header *h, const struct grid_row *r,
		const struct merges *m);

/* Rows held (up to the tier count). */
size_t header_rows_held(const struct header *h);

/* The first column whose trimmed text in any tier equals text, or -1. */
long header_find(const struct header *h, const char *text);

/* The same in tier k alone (0 = the oldest row held). */
long header_find_in(const struct header *h, size_t k, const char *text);

/*
 * The text of tier k (0 = top) above column col: the cell, or for an
 * upper tier left blank the nearest text to its left among cols
 * (an unmerged spanning header, as CSV files and some writers leave it);
 * "" under a block merged down from a tier above, which the search to
 * the left does not pass either.
 * cols lists the value columns in order.  Never NULL.
 */
const char *header_tier_text(const struct header *h, size_t k, long col,
			     const long *cols, size_t ncols);

/* The text of tier k (0 = top) in column col as shown; "" past its end. */
const char *header_cell(const struct header *h, size_t k, long col);

/* Width of the widest tier row. */
size_t header_width(const struct header *h);

void header_free(struct header *h);

#endif
