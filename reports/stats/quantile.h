/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STATS_QUANTILE_H
#define RECKON_STATS_QUANTILE_H

/*
 * Quantiles that stay right for large parameters.  GSL 2.7.1's inverse
 * CDFs are wrong or NaN there (gsl_cdf_gamma_Qinv(0.025, 25000, 1) gives
 * 30871.9 for 25310.84; gsl_cdf_gamma_Pinv(0.975, 2459, 1) gives NaN), and
 * national totals and prison populations (1e4-1e5) live there.  So every
 * quantile GSL offers is checked by its forward CDF, on the smaller tail,
 * and when it is off it is solved by bracketing on that forward CDF
 * (Brent's method).
 *
 * The functions return 0 and set *x, or -1 (x set to NaN) when the
 * arguments are outside the domain (p not in [0, 1], a parameter not
 * positive) or the solver fails.  They need gsl_set_error_handler_off().
 */

/* x with P(X <= x) = p for X ~ Gamma(shape, scale 1). */
int quantile_gamma(double p, double shape, double *x);

/* x with P(X > x) = q for X ~ Gamma(shape, scale 1). */
int quantile_gamma_upper(double q, double shape, double *x);

/* x with P(X <= x) = p for X ~ Beta(a, b). */
int quantile_beta(double p, double a, double b, double *x);

/* x with P(X <= x) = p for X ~ chi-squared with df degrees of freedom. */
int quantile_chisq(double p, double df, double *x);

/* x with P(T <= x) = p for Student's t with df degrees of freedom. */
int quantile_t(double p, double df, double *x);

/* x with P(Z <= x) = p for the standard normal Z. */
int quantile_normal(double p, double *x);

/*
 * The root of f on [lo, hi], where f changes sign (or is 0 at an end), by
 * Brent's method to a relative 4e-16.  Returns 0 and sets *x, or -1 (x
 * NaN) when [lo, hi] holds no sign change or the solver fails.
 */
int quantile_root(double (*f)(double, void *), void *arg, double lo,
		  double hi, double *x);

/*
 * The relative error in probability that a GSL inverse may have before it
 * is solved again; tests use it to see which path was taken.
 */
#define QUANTILE_TOLERANCE 1e-8

#endif
