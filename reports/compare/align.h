/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_ALIGN_H
#define RECKON_ALIGN_H

#include <stddef.h>
#include <stdint.h>

#include "obs_set.h"
#include "error.h"

/*
 * The cells of one indicator in a reference source A and a compared
 * source B, brought to their finest common breakdown and paired on
 * (period, dimension values).
 *
 * The common breakdown is the largest set of dimensions that both sources
 * publish a table at least as fine as (ties go to the set with the
 * earlier dimensions).  In each period, each source's coarsest table that
 * holds the common breakdown is used, and the dimensions it has beyond it
 * are summed out (a sum with a missing part is missing).  Dimensions are
 * bits in masks: bit d is set->dim[d]; at most ALIGN_MAX_DIMS.
 */

#define ALIGN_MAX_DIMS 20

enum side {
	SIDE_ABSENT = 0,   /* the source has no such cell */
	SIDE_MISSING,      /* it has the cell, reported as missing (no value,
			      or a value marked missing) */
	SIDE_VALUE,
	SIDE_WITHHELD      /* it has the cell and withheld it itself (status
			      suppressed: "x", "скрыто по просьбе") */
};

struct aligned_cell {
	size_t period;              /* string id in the set */
	struct rk_period when;
	size_t key;                 /* index of ndims ids in dimval; 0 ("")
				       for dimensions not compared */
	double a, b;                /* NaN unless SIDE_VALUE */
	unsigned char sa, sb;       /* enum side */
	unsigned months_a, months_b; /* months the side's rows cover (a span
					summed from finer periods must cover
					all of it) */
	size_t status_a, status_b;  /* string ids: the first status other
				       than missing or suppressed among the
				       side's rows (provisional, incomplete,
				       estimated, footnote); 0 ("") when every
				       row is a complete count */
};

struct alignment {
	const struct obs_set *set;  /* borrowed */
	size_t indicator, ref, against; /* string ids; (size_t)-1 if unseen */
	uint64_t compared;          /* the common breakdown */
	uint64_t summed_a, summed_b;/* dimensions summed out of A, of B */
	size_t rows_a, rows_b;      /* rows of each source for the indicator */
	size_t periods_a, periods_b;/* periods where the source had no table
				       as fine as the common breakdown */
	struct aligned_cell *cell;  /* sorted by period, then values */
	size_t n;
	size_t *dimval;             /* n * set->ndims ids */
};

/*
 * Aligns the rows of the set for indicator between ref and against.
 * Returns 0 with al filled (release it), or -1 with err set
 * (RK_EXIT_SOFTWARE: out of memory; RK_EXIT_DATAERR: more than
 * ALIGN_MAX_DIMS dimensions).
 */
int align_build(const struct obs_set *s, const char *indicator,
		const char *ref, const char *against, struct alignment *al,
		struct rk_error *err);

/*
 * The same for a stock indicator (a count on a date: detainees): a
 * source's periods are never summed into the other's longer one, so each
 * date is paired only with the same date.
 */
int align_build_stock(const struct obs_set *s, const char *indicator,
		      const char *ref, const char *against, int stock,
		      struct alignment *al, struct rk_error *err);

/* The dimension value ids of cell i. */
static inline const size_t *align_dims(const struct alignment *al, size_t i)
{
	return al->dimval + al->cell[i].key;
}

/* Frees what al owns; accepts a zeroed alignment. */
void align_release(struct alignment *al);

#endif
