/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STATS_DISPERSE_H
#define RECKON_STATS_DISPERSE_H

#include <stddef.h>

/*
 * The ratio of two totals B/A over k paired cells (a[i], b[i]) when the
 * cells vary more than counting noise would make them (issue 19 item 5).
 *
 * The exact interval of B/A treats the totals as two Poisson counts: it
 * holds when every cell shares one ratio.  Registers differ by region and
 * quarter far more than that, so the model here is the one a statistician
 * fits, a Poisson GLM with one parameter per cell and one for the source
 * (log mu_ia = c_i, log mu_ib = c_i + log theta), which conditioned on the
 * cells' sums n_i is b_i ~ Binomial(n_i, pi), pi = theta / (1 + theta):
 *
 *   pi^ = B / N, theta^ = B / A;
 *   dispersion phi = X^2 / (k' - 1), X^2 = sum (b_i - n_i pi^)^2 /
 *     (n_i pi^ (1 - pi^)) over the k' cells with n_i > 0 (Pearson);
 *   quasi-Poisson: se(log theta^) = sqrt(phi (1/A + 1/B)), interval
 *     exp(log theta^ -+ t_{k'-1, (1+level)/2} se), p = 2 P(T_{k'-1} >
 *     |log theta^| / se) (McCullagh and Nelder 1989, 9.2; R's glm with
 *     family quasipoisson gives the same estimate, se and t test).
 *
 * It is used (quasi = 1) only when phi > 1 and it can be estimated (k' >=
 * 3, A > 0, B > 0); otherwise the exact interval stands and quasi = 0,
 * with phi filled where it could be computed (NaN where not).
 */
struct disperse {
	double chi2, df, phi;     /* Pearson X^2, k' - 1, X^2 / df */
	int quasi;                /* 1: ratio, lo, hi and p are quasi-Poisson */
	double ratio, lo, hi, p;
};

/*
 * Fills d from the cells (values >= 0).  Returns 0, or -1 when the input
 * is unusable (a negative or non-finite value, level outside (0, 1)),
 * with every figure NaN.
 */
int disperse_ratio(const double *a, const double *b, size_t k, double level,
		   struct disperse *d);

/*
 * The quasi-Poisson interval and p of the totals B/A with a dispersion phi
 * on df degrees of freedom estimated elsewhere (a protecting brief
 * estimates it over the cells it publishes): fills ratio, lo, hi, p and
 * sets quasi when phi > 1; leaves chi2 as it was.  Returns 0, or -1 when
 * A or B is not positive or level is outside (0, 1).
 */
int disperse_interval(double A, double B, double phi, double df, double level,
		      struct disperse *d);

#endif
