/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_TREND_H
#define RECKON_COMPARE_TREND_H

#include <stddef.h>

#include "align.h"

/*
 * Is the gap widening?  Per period, the totals of A and B over the
 * compared cells; a Poisson regression log mu = b0 + b1 t + b2 s + b3 s t
 * (s = 1 for B, t in periods from the first) by IRLS.  exp(b1) is A's
 * trend (factor per period), exp(b1 + b3) B's, and exp(b3) the change of
 * the ratio B/A per period: above 1 B grows faster than A.  Wald 95 %
 * intervals and two-sided p on the normal; when the residual dispersion
 * (Pearson X^2 / df) exceeds 1 the covariance is scaled by it
 * (quasi-Poisson), so overdispersed series do not look more certain than
 * they are.
 */
struct trend_term {
	double estimate, lo, hi, p;
};

struct trend {
	size_t periods;
	const char *per;          /* the time unit: "quarter", "year", ... */
	struct trend_term a, b, interaction;
	double deviance, df, dispersion;
	char note[512];
};

/* Fills t (figures it cannot define NaN, with a note).  -1 out of memory. */
/* No model under min_periods periods: a note says the series is too short. */
int trend_compute(const struct alignment *al, long min_periods,
		  struct trend *t);

#endif
