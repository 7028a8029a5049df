/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STATS_REGRESS_H
#define RECKON_STATS_REGRESS_H

#include <stddef.h>

/*
 * Regression on a design matrix X (n rows, p columns, row-major, the
 * intercept a column of ones when wanted): weighted least squares, and the
 * Poisson log-linear model fitted by iteratively reweighted least squares,
 * each step a gsl_multifit_wlinear solve, its rank checked on the singular
 * values.
 */
struct regress_fit {
	size_t n, p;
	double *coef;        /* p estimates; owned */
	double *cov;         /* p x p row-major covariance; owned.  Linear:
				s^2 (X'WX)^-1; Poisson: (X'WX)^-1 (scale 1) */
	double rss;          /* linear: weighted residual sum of squares */
	double r2;           /* linear: 1 - rss / weighted centred TSS */
	double deviance;     /* Poisson: residual deviance */
	double pearson;      /* Poisson: Pearson X^2 */
	double loglik, aic;  /* Poisson: log-likelihood, -2 loglik + 2 p */
	double df;           /* residual degrees of freedom, n - p */
	int iterations;      /* Poisson: IRLS steps taken */
};

/* Why a fit failed; the fit is then released. */
enum regress_status {
	REGRESS_OK = 0,
	REGRESS_NOMEM = -1,
	REGRESS_RANK = -2,       /* X is rank deficient */
	REGRESS_DIVERGED = -3,   /* IRLS did not converge: a mean ran off to 0
				    or infinity (e.g. an all-zero group) */
	REGRESS_DOMAIN = -4      /* a negative or non-finite y, a bad weight, n < p */
};

/*
 * Least squares of y on X with weights w (NULL: all 1).  Returns
 * REGRESS_OK with fit filled (release it), or a negative status.
 */
int regress_linear(const double *X, const double *y, const double *w,
		   size_t n, size_t p, struct regress_fit *fit);

/*
 * Poisson regression of counts y on X, log link, with an offset (NULL:
 * none).  Converges when the deviance changes by less than 1e-10
 * relative (R's glm uses 1e-8), then takes one step more.  Returns REGRESS_OK with fit filled, or a
 * negative status.
 */
int regress_poisson(const double *X, const double *y, const double *offset,
		    size_t n, size_t p, struct regress_fit *fit);

/* The standard error of coefficient j. */
double regress_se(const struct regress_fit *fit, size_t j);

/* Frees what fit owns; accepts a zeroed or released fit. */
void regress_release(struct regress_fit *fit);

#endif
