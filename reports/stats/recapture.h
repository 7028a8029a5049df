/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STATS_RECAPTURE_H
#define RECKON_STATS_RECAPTURE_H

#include <stddef.h>

/*
 * Multiple-systems estimation (capture-recapture) of the cases no list
 * holds, from the overlaps of k record-level lists.
 */

/*
 * Two lists: Chapman's estimator N = (n1+1)(n2+1)/(m+1) - 1 with Seber's
 * variance (n1+1)(n2+1)(n1-m)(n2-m) / ((m+1)^2 (m+2)), and Chao's (1987)
 * log-normal interval: with r = n1+n2-m observed and f0 = N - r unseen,
 * C = exp(z sqrt(log(1 + var / f0^2))), [r + f0 / C, r + f0 C]; [r, r] when
 * f0 = 0 (one list holds the other).
 */
struct recapture_chapman {
	double observed, estimate, variance, lo, hi;
};

/* Returns 0, or -1 for counts that cannot be (m > n1 or n2, negative). */
int recapture_chapman(double n1, double n2, double m, double level,
		struct recapture_chapman *r);

/* At most this many lists for log-linear models (2^10 models at 5). */
#define RECAPTURE_MAX_LISTS 5

/*
 * One log-linear model of the 2^k - 1 observed capture histories: main
 * effects of every list plus the two-list interactions whose bits are set in
 * pairs, bit 0 upwards in the order (0,1), (0,2), ..., (0,k-1), (1,2), ...  The unseen count is exp(intercept); its
 * interval is Chao's log-normal one with var = (f0 se(intercept))^2.  When
 * the fit fails (status < 0, enum regress_status) the numbers are NaN.
 */
struct recapture_model {
	unsigned pairs;
	int status;
	double observed, unseen, estimate, se, lo, hi;
	double deviance, df, aic;
};

/*
 * Fits every model with k lists (3 <= k <= RECAPTURE_MAX_LISTS) to count[h], the
 * number of cases with capture history h (bit i: on list i; count[0] is
 * ignored), and sorts them by AIC (failed fits last).  *models is
 * allocated; the caller frees it.  Returns 0, or -1 for a bad k or count or
 * when out of memory.
 */
int recapture_loglinear(const double *count, unsigned k, double level,
		  struct recapture_model **models, size_t *nmodels);

#endif
