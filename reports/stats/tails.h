/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STATS_TAILS_H
#define RECKON_STATS_TAILS_H

/*
 * Binomial and Poisson tail probabilities that stay right at every size a
 * count or a sum of two counts can have here (to 8589934590).  GSL's incomplete beta and gamma
 * functions, which its binomial, Poisson, beta and gamma CDFs use, give up
 * or go wrong for large parameters (a beta continued fraction that does not
 * converge, a gamma tail off by 1e-5 from x = 5e6), and its inverse beta
 * never returns for a + b above about 2e6.  Here a point probability comes
 * from Loader's saddle-point form (Stirling's error and the deviance,
 * accurate to a few ulps at any n), and a tail is the sum of the point
 * probabilities from x outwards, on the side where they fall, until the
 * terms no longer change the sum.  The cost is about nine standard
 * deviations of terms: 3e5 for n = 4e9 (about a millisecond).
 *
 * Counts are doubles holding whole numbers.  The functions return 0, or -1
 * for arguments outside their domain (a count negative, not whole or too
 * large, x > n, p not in [0, 1], lambda negative or not finite).
 */

/* P(X = x) for X ~ Bin(n, p). */
double tails_binom_point(double x, double n, double p);

/* *lower = P(X <= x), *upper = P(X >= x) for X ~ Bin(n, p). */
int tails_binom(double x, double n, double p, double *lower, double *upper);

/* P(X = x) for X ~ Poisson(lambda). */
double tails_pois_point(double x, double lambda);

/* *lower = P(X <= x), *upper = P(X >= x) for X ~ Poisson(lambda). */
int tails_pois(double x, double lambda, double *lower, double *upper);

/*
 * The p in (0, 1) with P(X >= x | n, p) = t (lower_limit) or with
 * P(X <= x | n, p) = t: the Clopper-Pearson limits, solved on the tails
 * above by bracketing.  Returns 0, or -1 (x set to NaN).
 */
int tails_binom_p_for_upper(double x, double n, double t, double *p);
int tails_binom_p_for_lower(double x, double n, double t, double *p);

/*
 * The lambda with P(X >= x | lambda) = t, or with P(X <= x | lambda) = t:
 * Garwood's limits.  Returns 0, or -1 (lambda set to NaN).
 */
int tails_pois_mean_for_upper(double x, double t, double *lambda);
int tails_pois_mean_for_lower(double x, double t, double *lambda);

#endif
