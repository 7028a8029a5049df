/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rates.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cells.h"
#include "../stats/exact.h"

static void note(struct rate_stats *r, const char *fmt, ...)
{
	size_t n = strlen(r->note);
	va_list ap;

	if (n + 3 >= sizeof(r->note))
		return;
	if (n) {
		memcpy(r->note + n, "; ", 3);
		n += 2;
	}
	va_start(ap, fmt);
	vsnprintf(r->note + n, sizeof(r->note) - n, fmt, ap);
	va_end(ap);
}

/* A count exact tests take: whole, 0 or more, not above 2^32 - 1. */
static int whole(double x)
{
	return x >= 0 && x <= 4294967295.0 && x == floor(x);
}

/* One side's rate; 1 when it is a complete whole count with a rate. */
static int side(const struct alignment *al, size_t i, int b, double per,
		double t, double *rate, double *lo, double *hi,
		struct rate_stats *r)
{
	const struct aligned_cell *c = &al->cell[i];
	double x = b ? c->b : c->a;
	size_t status = b ? c->status_b : c->status_a;
	const char *who = b ? "B" : "A";

	*rate = *lo = *hi = NAN;
	if ((b ? c->sb : c->sa) != SIDE_VALUE || !isfinite(t))
		return 0;
	*rate = x / t * per;
	if (status) {
		note(r, "%s is %s: no interval", who, al->set->str[status]);
		return 0;
	}
	if (!whole(x)) {
		note(r, "%s is not a whole count: no interval", who);
		return 0;
	}
	if (exact_garwood(x, CELLS_LEVEL, lo, hi) < 0)
		return 0;
	*lo *= per / t;
	*hi *= per / t;
	return 1;
}

static void one(const struct alignment *al, size_t i, const struct denom *d,
		double per, const char *ref, const char *against,
		struct rate_stats *r)
{
	struct exact_ratio e;
	char why[200];
	int ta, tb;

	memset(r, 0, sizeof(*r));
	r->ratio = r->lo = r->hi = r->p = NAN;
	r->exp_a = denom_find(d, al, i, ref, why, sizeof(why));
	if (isnan(r->exp_a))
		note(r, "A: %s", why);
	r->exp_b = denom_find(d, al, i, against, why, sizeof(why));
	if (isnan(r->exp_b))
		note(r, "B: %s", why);
	ta = side(al, i, 0, per, r->exp_a, &r->rate_a, &r->a_lo, &r->a_hi, r);
	tb = side(al, i, 1, per, r->exp_b, &r->rate_b, &r->b_lo, &r->b_hi, r);
	if (!ta || !tb)
		return;
	if (al->cell[i].a == 0 && al->cell[i].b == 0) {
		note(r, "0 vs 0: no ratio");
		return;
	}
	if (exact_rate_ratio(al->cell[i].b, r->exp_b, al->cell[i].a, r->exp_a,
			     CELLS_LEVEL, &e) == 0) {
		r->ratio = e.ratio;
		r->lo = e.lo;
		r->hi = e.hi;
		r->p = e.p;
	}
}

void rates_compute(const struct alignment *al, const struct denom *d,
		   double per, const char *ref, const char *against,
		   struct rate_stats *rs)
{
	for (size_t i = 0; i < al->n; i++)
		one(al, i, d, per, ref, against, &rs[i]);
}
