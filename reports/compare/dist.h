/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_DIST_H
#define RECKON_COMPARE_DIST_H

#include <stddef.h>

#include "align.h"
#include "../stats/table.h"

/*
 * How differently two sources spread an indicator over the categories of
 * one compared dimension: the 2 x k table of their totals per category
 * (over the compared cells of every period and the other dimensions),
 * tested for homogeneity.  One per compared dimension.
 */
struct dist {
	size_t dim;                 /* index in the set */
	size_t ncat;
	size_t *cat;                /* category string ids, sorted as text */
	double *a, *b;              /* totals per category */
	double *resid;              /* adjusted residual of B per category
				       (A's is its negative) */
	struct table_test test;
};

/*
 * Fills *out with one struct dist per compared dimension (*n of them),
 * allocated; free with dist_free.  A table with a negative total gets an
 * undefined (NaN) test.  Returns 0, or -1 when out of memory.
 */
int dist_compute(const struct alignment *al, struct dist **out, size_t *n);

void dist_free(struct dist *d, size_t n);

#endif
