/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_RATES_H
#define RECKON_COMPARE_RATES_H

#include <stddef.h>

#include "align.h"
#include "denom.h"

/*
 * The rows of rates.csv (issue 19 item 3): each cell's counts as rates
 * per `per` people of its denominator (denom.h), with exact intervals
 * (Garwood's for each count, scaled), and the exact ratio of B's rate to
 * A's with their exposures (the conditional binomial test of b against
 * a + b at tb / (ta + tb)); with equal exposures it is the cells' own
 * ratio and test.  Only complete whole counts get intervals and tests; a
 * figure with a status or a fraction gets its rate alone, and the note
 * says why.
 */
struct rate_stats {
	double exp_a, exp_b;            /* denominators; NaN: none */
	double rate_a, a_lo, a_hi;
	double rate_b, b_lo, b_hi;
	double ratio, lo, hi, p;        /* (b / tb) / (a / ta) */
	char note[320];
};

/*
 * Fills rs[0 .. al->n) for the alignment of ref and against.  Undefined
 * figures are NaN.
 */
void rates_compute(const struct alignment *al, const struct denom *d,
		   double per, const char *ref, const char *against,
		   struct rate_stats *rs);

#endif
