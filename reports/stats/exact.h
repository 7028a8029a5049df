/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STATS_EXACT_H
#define RECKON_STATS_EXACT_H

/*
 * Exact inference for counts.  Counts are doubles holding whole numbers
 * (they come from CSV); a count that is negative, not whole, or above
 * 4294967295 is refused (-1); n, the sum of two counts, may reach twice
 * that.  Results a count cannot define are NaN:
 * callers write them as empty.
 *
 * p-values are two-sided by the central method: twice the smaller tail,
 * capped at 1 (the convention whose acceptance region is the
 * Clopper-Pearson interval, so a ratio CI excludes 1 exactly when p <
 * 1 - level).
 */

/* Is v a count these functions accept? */
int exact_is_count(double v);

/*
 * Two-sided central p-value of x successes in n Bernoulli(pi0) trials:
 * min(1, 2 min(P(X <= x), P(X >= x))).  Returns 0, or -1 when x > n, pi0 is
 * not in (0, 1) or a count is refused.
 */
int exact_binomial_p(double x, double n, double pi0, double *p);

/*
 * Whether n events are too few to tell even a twofold difference: a 2:1
 * split of them (ceil(2n/3) against the rest) would not be significant at
 * alpha in the two-sided exact test of equal rates.  Then a test of them
 * that finds nothing says nothing: "too few to tell", not "within chance".
 * The test is discrete, so n counts as enough once any of n - 5 .. n is.
 * At 0.05: 34 events (or fewer) are too few, 35 and more are not.
 */
int exact_too_few(double n, double alpha);

/*
 * Clopper-Pearson interval for a binomial proportion x / n at the given
 * level (0.95): lo = Beta((1-level)/2; x, n-x+1), hi = Beta((1+level)/2;
 * x+1, n-x); lo = 0 when x = 0, hi = 1 when x = n.  n = 0 gives [0, 1].
 */
int exact_clopper_pearson(double x, double n, double level, double *lo,
			  double *hi);

/*
 * The conditional test and interval for the ratio of two Poisson rates:
 * (x1 / t1) / (x2 / t2).  Given x1 + x2, x1 is binomial with
 * pi = t1 / (t1 + t2) under equal rates; the interval is Clopper-Pearson on
 * x1 / (x1 + x2) mapped to the ratio scale (R's poisson.test, with the
 * central p-value).  Ratio NaN when x2 = 0; hi infinite (NaN here) when
 * x2 = 0; p, lo, hi NaN when x1 + x2 = 0 (no information).
 */
struct exact_ratio {
	double ratio, lo, hi, p;
};

int exact_rate_ratio(double x1, double t1, double x2, double t2,
		     double level, struct exact_ratio *r);

/*
 * Garwood's exact interval for a Poisson mean from x events:
 * lo = Gamma((1-level)/2; x) (0 when x = 0), hi = Gamma((1+level)/2; x+1).
 */
int exact_garwood(double x, double level, double *lo, double *hi);

#endif
