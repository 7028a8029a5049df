/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STATS_SUPPRESS_IMPL_H
#define RECKON_STATS_SUPPRESS_IMPL_H

/*
 * What the parts of suppress share: the table (suppress.c builds it and
 * answers for it), its structure (suppress_build.c) and the protection by
 * boxes with its audit (suppress_protect.c).  Only they include this.
 */

#include <stddef.h>
#include <stdint.h>

#include "map.h"
#include "suppress.h"

/*
 * Items live in parallel arrays indexed by id.  After supp_run, memb lists
 * each item's base cells and inc lists, for each base cell, the items that
 * hold it (both compressed: off[id] .. off[id + 1]).
 */

#define BOX_MAX_DIMS 4
#define MAX_PIVOTS 3
/* box evaluations per table before giving up and withholding it all */
#define EVAL_BUDGET 4000000L

enum kind { CELL = 0, SUM = 1 };

struct cand {
	uint32_t val;
	double cost;
};

struct box {
	size_t pivot;                  /* a base cell */
	unsigned nd;
	unsigned char dim[BOX_MAX_DIMS];
	uint32_t alt[BOX_MAX_DIMS];    /* the other value in each dim */
	int t;                         /* +1 or -1 on the pivot */
};

struct supp_table {
	size_t ndims;
	double k;
	int ran, all;
	size_t n, cap;
	double *value;
	unsigned char *kind, *state, *base, *covered;
	uint32_t *coord;               /* n * ndims; SUPP_ALL for sums */
	size_t *sum_first, *sum_count; /* into sum_ids, for sums */
	size_t *sum_ids, nsum_ids, sum_cap;
	struct rk_map *cells;          /* coordinates -> item id */

	size_t *memb_off, *memb;
	size_t *inc_off, *inc;
	uint32_t **vals;               /* per dim: values of base cells */
	size_t *nvals;

	struct box *boxes;
	size_t nboxes, boxcap;
	size_t nprimary, nsecondary, nmasked;
	long evals;
	int step, dir;                 /* boxes move the target by step, up
					  (dir 1), down (-1) or either (0) */

	int *net;                      /* scratch, all zero between uses */
	unsigned char *mark;           /* scratch: in touched */
	size_t *touched;
	struct cand *cand_tmp;         /* scratch, largest nvals */
};

static inline const uint32_t *coord_of(const struct supp_table *t, size_t id)
{
	return t->coord + id * t->ndims;
}

/* The item at these coordinates, or -1. */
static inline long lookup(const struct supp_table *t, const uint32_t *c)
{
	size_t v;

	if (!rk_map_get(t->cells, c, t->ndims * sizeof(*c), &v))
		return -1;
	return (long)v;
}

/* The dims where item id is broken down, as indexes; returns how many. */
static inline unsigned fixed_dims(const struct supp_table *t, size_t id,
				  unsigned char *dims)
{
	const uint32_t *c = coord_of(t, id);
	unsigned m = 0;

	for (size_t d = 0; d < t->ndims; d++)
		if (c[d] != SUPP_ALL)
			dims[m++] = (unsigned char)d;
	return m;
}

static inline int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/*
 * Marks base cells and builds members, incidence and the values of each
 * dimension, and the scratch the search uses (all owned by t, freed by
 * supp_free).  Returns 0, or -1 when out of memory.
 */
int supp_build(struct supp_table *t);

/*
 * Finds and applies the cheapest box that moves item target by step in
 * direction dir (1 up, -1 down, 0 either), withholding what it changes.
 * Returns 1 when found, 0 when not, -1 when out of memory.
 */
int supp_box_step(struct supp_table *t, size_t target, int step, int dir);

/*
 * What is published of item i bounds its sum: the GLPK row type and
 * bounds (suppress_audit.c).
 */
void supp_published_bounds(const struct supp_table *t, size_t i, int *type,
			   double *lo, double *hi);

/*
 * supp_audit_protects, with (local 1) or without the search near each item
 * first: the tests check both paths against the exact audit.
 */
int supp_audit_goals(const struct supp_table *t, double *lo, double *hi,
		     int local);

/* Whether item i's value is the sum of its base cells' values. */
int supp_sum_of_parts(const struct supp_table *t, size_t i);

#endif
