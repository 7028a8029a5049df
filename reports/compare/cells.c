/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cells.h"

#include <math.h>
#include <stdlib.h>

#include "../stats/exact.h"
#include "../stats/fdr.h"

static const char *const flag_names[] = {
	"", "significant", "within_noise", "no_information", "only_a",
	"only_b", "missing", "qualified", "too_few", "withheld_by_source"
};

const char *cells_flag_name(enum cell_flag f)
{
	return flag_names[f];
}

const char *cells_flag_text(const struct cell_stats *st)
{
	return st->flag == CELL_QUALIFIED && st->qualifier ? st->qualifier
							   : flag_names[st->flag];
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

/* The figures of a pair that is not a complete count on one side: shown,
 * never tested (no p, no interval, no flag of significance). */
static void describe_values(double a, double b, const char *status,
			    struct cell_stats *st)
{
	st->diff = b - a;
	if (a + b != 0)
		st->sym_pct = 100 * (b - a) / ((a + b) / 2);
	if (a != 0)
		st->ratio = b / a;
	st->flag = CELL_QUALIFIED;
	st->qualifier = status;
}

static void compute_one(const struct alignment *al,
			const struct aligned_cell *c, struct cell_stats *st)
{
	*st = (struct cell_stats){ NAN, NAN, NAN, NAN, NAN, NAN, NAN,
				   CELL_UNTESTED, NULL };
	if (c->sb == SIDE_ABSENT)
		st->flag = CELL_ONLY_A;
	else if (c->sa == SIDE_ABSENT)
		st->flag = CELL_ONLY_B;
	else if (c->sa == SIDE_MISSING || c->sb == SIDE_MISSING)
		st->flag = CELL_MISSING;
	else if (c->sa == SIDE_WITHHELD || c->sb == SIDE_WITHHELD)
		st->flag = CELL_WITHHELD;
	else if (c->status_a || c->status_b)
		describe_values(c->a, c->b,
				al->set->str[c->status_a ? c->status_a
							 : c->status_b], st);
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
		compute_one(al, &al->cell[i], &st[i]);
		q[i] = st[i].p;
	}
	if (fdr_bh(q, al->n, q) < 0) {
		free(q);
		return -1;
	}
	for (size_t i = 0; i < al->n; i++) {
		st[i].q = q[i];
		if (isnan(q[i]))
			continue;
		if (q[i] < alpha)
			st[i].flag = CELL_SIGNIFICANT;
		else if (exact_too_few(al->cell[i].a + al->cell[i].b, alpha))
			st[i].flag = CELL_TOO_FEW;
		else
			st[i].flag = CELL_WITHIN_NOISE;
	}
	free(q);
	return 0;
}
