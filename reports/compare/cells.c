/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cells.h"

#include <math.h>
#include <stdlib.h>

#include "../stats/exact.h"
#include "../stats/fdr.h"

static const char *const flag_names[] = {
	"", "significant", "within_noise", "no_information", "only_a",
	"only_b", "missing"
};

const char *cells_flag_name(enum cell_flag f)
{
	return flag_names[f];
}

static void compare_values(double a, double b, struct cell_stats *st)
{
	struct exact_ratio r;

	st->diff = b - a;
	if (a == 0 && b == 0) {
		st->flag = CELL_NO_INFORMATION;
		return;
	}
	if (a + b != 0)
		st->sym_pct = 100 * (b - a) / ((a + b) / 2);
	if (a != 0)
		st->ratio = b / a;
	if (exact_rate_ratio(b, 1, a, 1, CELLS_LEVEL, &r) < 0)
		return;                 /* not counts: untested */
	st->lo = r.lo;
	st->hi = r.hi;
	st->p = r.p;
}

static void compute_one(const struct aligned_cell *c, struct cell_stats *st)
{
	*st = (struct cell_stats){ NAN, NAN, NAN, NAN, NAN, NAN, NAN,
				   CELL_UNTESTED };
	if (c->sb == SIDE_ABSENT)
		st->flag = CELL_ONLY_A;
	else if (c->sa == SIDE_ABSENT)
		st->flag = CELL_ONLY_B;
	else if (c->sa == SIDE_MISSING || c->sb == SIDE_MISSING)
		st->flag = CELL_MISSING;
	else
		compare_values(c->a, c->b, st);
}

int cells_compute(const struct alignment *al, double alpha,
		  struct cell_stats *st)
{
	double *q = malloc((al->n + 1) * sizeof(*q));

	if (!q)
		return -1;
	for (size_t i = 0; i < al->n; i++) {
		compute_one(&al->cell[i], &st[i]);
		q[i] = st[i].p;
	}
	if (fdr_bh(q, al->n, q) < 0) {
		free(q);
		return -1;
	}
	for (size_t i = 0; i < al->n; i++) {
		st[i].q = q[i];
		if (!isnan(q[i]))
			st[i].flag = q[i] < alpha ? CELL_SIGNIFICANT
						  : CELL_WITHIN_NOISE;
	}
	free(q);
	return 0;
}
