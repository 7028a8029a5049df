/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "exact.h"

#include <math.h>

#include "quantile.h"
#include "tails.h"

#define COUNT_MAX 4294967295.0
#define EXACT_SUM_MAX 1000     /* 2^-1000 is still a normal double */
/* above this the limits come from tails.c, not from GSL's inverse beta
 * and gamma (which hang or go wrong for large parameters) */
#define GSL_INVERSE_MAX 1e5

int exact_is_count(double v)
{
	return v >= 0 && v <= COUNT_MAX && v == floor(v);
}

/* n, the sum of two counts: to twice the largest count */
static int is_trials(double v)
{
	return v >= 0 && v <= 2 * COUNT_MAX && v == floor(v);
}

/*
 * P(X <= x) and P(X >= x) for X ~ Bin(n, 1/2) by summing C(n, k) / 2^n,
 * each term from the last by t (n - k) / (k + 1): exact while C(n, k) fits
 * in 53 bits, within a few ulps beyond.  The incomplete beta function GSL
 * uses is off by 1e-15 already for small n, which turns the p of 1 vs 2
 * into 0.9999999999999982.
 */
static void half_tails(unsigned x, unsigned n, double *lower, double *upper)
{
	double t = ldexp(1.0, -(int)n);

	*lower = *upper = 0;
	for (unsigned k = 0; k <= n; k++) {
		if (k <= x)
			*lower += t;
		if (k >= x)
			*upper += t;
		t = t * (double)(n - k) / (double)(k + 1);
	}
}

int exact_binomial_p(double x, double n, double pi0, double *p)
{
	double lower, upper;

	*p = NAN;
	if (!exact_is_count(x) || !is_trials(n) || x > n ||
	    !(pi0 > 0 && pi0 < 1))
		return -1;
	if (pi0 == 0.5 && n <= EXACT_SUM_MAX)
		half_tails((unsigned)x, (unsigned)n, &lower, &upper);
	else if (tails_binom(x, n, pi0, &lower, &upper) < 0)
		return -1;
	if (!isfinite(lower) || !isfinite(upper))
		return -1;
	*p = fmin(1.0, 2.0 * fmin(lower, upper));
	return 0;
}

int exact_clopper_pearson(double x, double n, double level, double *lo,
			  double *hi)
{
	double alpha = 1.0 - level;

	*lo = *hi = NAN;
	if (!exact_is_count(x) || !is_trials(n) || x > n ||
	    !(level > 0 && level < 1))
		return -1;
	*lo = 0;
	*hi = 1;
	if (n > GSL_INVERSE_MAX)
		return (x > 0 && tails_binom_p_for_upper(x, n, alpha / 2, lo) < 0) ||
		       (x < n && tails_binom_p_for_lower(x, n, alpha / 2, hi) < 0)
			       ? -1 : 0;
	if (x > 0 && quantile_beta(alpha / 2, x, n - x + 1, lo) < 0)
		return -1;
	if (x < n && quantile_beta(1 - alpha / 2, x + 1, n - x, hi) < 0)
		return -1;
	return 0;
}

/* pi / (1 - pi) scaled by t2 / t1; NaN where it is infinite. */
static double odds_to_ratio(double pi, double t1, double t2)
{
	return pi >= 1 ? NAN : pi / (1 - pi) * (t2 / t1);
}

int exact_rate_ratio(double x1, double t1, double x2, double t2,
		     double level, struct exact_ratio *r)
{
	double n = x1 + x2, plo, phi;

	r->ratio = r->lo = r->hi = r->p = NAN;
	if (!exact_is_count(x1) || !exact_is_count(x2) || !is_trials(n) ||
	    !(t1 > 0) || !(t2 > 0) || !isfinite(t1) || !isfinite(t2))
		return -1;
	if (x2 > 0)
		r->ratio = (x1 / t1) / (x2 / t2);
	if (n == 0)
		return 0;
	if (exact_binomial_p(x1, n, t1 / (t1 + t2), &r->p) < 0 ||
	    exact_clopper_pearson(x1, n, level, &plo, &phi) < 0)
		return -1;
	r->lo = odds_to_ratio(plo, t1, t2);
	r->hi = odds_to_ratio(phi, t1, t2);
	return 0;
}

int exact_garwood(double x, double level, double *lo, double *hi)
{
	double alpha = 1.0 - level;

	*lo = *hi = NAN;
	if (!exact_is_count(x) || !(level > 0 && level < 1))
		return -1;
	*lo = 0;
	if (x > GSL_INVERSE_MAX)
		return tails_pois_mean_for_upper(x, alpha / 2, lo) < 0 ||
		       tails_pois_mean_for_lower(x, alpha / 2, hi) < 0 ? -1 : 0;
	if (x > 0 && quantile_gamma(alpha / 2, x, lo) < 0)
		return -1;
	return quantile_gamma(1 - alpha / 2, x + 1, hi);
}

/* Whether a 2:1 split of n events is not significant at alpha. */
static int split_not_significant(double n, double alpha)
{
	double p;

	if (!(n > 0) || exact_binomial_p(ceil(2 * n / 3), n, 0.5, &p) < 0)
		return 1;
	return p >= alpha;
}

int exact_too_few(double n, double alpha)
{
	/* the test is discrete: at 0.05 a 2:1 split of 35 events is
	   significant, of 36 not, of 37 again; n is too few only when none
	   of the last few sizes up to it could show the split, so that
	   "too few" stops at one size and does not come back */
	for (int d = 0; d < 6; d++)
		if (!split_not_significant(n - d, alpha))
			return 0;
	return 1;
}
