/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_MERGESET_H
#define RECKON_MERGESET_H

#include <stddef.h>

#include "book.h"

/*
 * Which cells merged ranges hide (every cell of a range but its top-left
 * anchor), for readers that give rows mostly in ascending order: the ranges
 * covering the current row are kept at hand.
 */
struct mergeset {
	const struct sheet_range *r;   /* borrowed, sorted by r1 */
	size_t n, next, *active, nactive;
	long row;
};

/*
 * Sorts r (n ranges, owned by the caller, who keeps it alive) by first row
 * and sets m up.  Returns -1 when out of memory.
 */
int mergeset_init(struct mergeset *m, struct sheet_range *r, size_t n);

/* Moves to row (any order; ascending is cheapest). */
void mergeset_row(struct mergeset *m, long row);

/* Whether (current row, col) is hidden by a range. */
int mergeset_hidden(const struct mergeset *m, long col);

void mergeset_release(struct mergeset *m);

#endif
