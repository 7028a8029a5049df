/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "regress.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_sf_gamma.h>

#define IRLS_MAX_STEPS 100
#define IRLS_TOLERANCE 1e-10
#define MU_FLOOR 1e-8            /* a fitted mean below this has run off */
#define RANK_TOLERANCE 1e-12

/* The GSL objects of one weighted solve. */
struct solver {
	gsl_multifit_linear_workspace *work;
	gsl_matrix *X, *cov;
	gsl_vector *y, *w, *c;
};

static void solver_free(struct solver *s)
{
	gsl_multifit_linear_free(s->work);
	gsl_matrix_free(s->X);
	gsl_matrix_free(s->cov);
	gsl_vector_free(s->y);
	gsl_vector_free(s->w);
	gsl_vector_free(s->c);
}

static int solver_init(struct solver *s, const double *X, size_t n, size_t p)
{
	memset(s, 0, sizeof(*s));
	s->work = gsl_multifit_linear_alloc(n, p);
	s->X = gsl_matrix_alloc(n, p);
	s->cov = gsl_matrix_alloc(p, p);
	s->y = gsl_vector_alloc(n);
	s->w = gsl_vector_alloc(n);
	s->c = gsl_vector_alloc(p);
	if (!s->work || !s->X || !s->cov || !s->y || !s->w || !s->c) {
		solver_free(s);
		return REGRESS_NOMEM;
	}
	memcpy(s->X->data, X, n * p * sizeof(double));
	return REGRESS_OK;
}

/*
 * Solves with the y and w already in s; *rss the weighted residual SS.  A
 * singular value below RANK_TOLERANCE of the largest is rank deficiency.
 */
static int solver_run(struct solver *s, double *rss)
{
	if (gsl_multifit_wlinear(s->X, s->w, s->y, s->c, s->cov, rss,
				 s->work) != GSL_SUCCESS)
		return REGRESS_DIVERGED;
	if (gsl_multifit_linear_rank(RANK_TOLERANCE, s->work) < s->X->size2)
		return REGRESS_RANK;
	return REGRESS_OK;
}

static int fit_alloc(struct regress_fit *fit, size_t n, size_t p)
{
	memset(fit, 0, sizeof(*fit));
	fit->n = n;
	fit->p = p;
	fit->df = (double)n - (double)p;
	fit->coef = malloc(p * sizeof(*fit->coef));
	fit->cov = malloc(p * p * sizeof(*fit->cov));
	if (!fit->coef || !fit->cov) {
		regress_release(fit);
		return REGRESS_NOMEM;
	}
	return REGRESS_OK;
}

static void fit_take(struct regress_fit *fit, const struct solver *s,
		     double scale)
{
	size_t p = fit->p;

	for (size_t j = 0; j < p; j++)
		fit->coef[j] = gsl_vector_get(s->c, j);
	for (size_t j = 0; j < p * p; j++)
		fit->cov[j] = s->cov->data[(j / p) * s->cov->tda + j % p] * scale;
}

static double weighted_tss(const double *y, const double *w, size_t n)
{
	double sw = 0, swy = 0, tss = 0;

	for (size_t i = 0; i < n; i++) {
		sw += w ? w[i] : 1;
		swy += (w ? w[i] : 1) * y[i];
	}
	for (size_t i = 0; i < n; i++) {
		double d = y[i] - swy / sw;

		tss += (w ? w[i] : 1) * d * d;
	}
	return tss;
}

int regress_linear(const double *X, const double *y, const double *w,
		   size_t n, size_t p, struct regress_fit *fit)
{
	struct solver s;
	int rc;

	memset(fit, 0, sizeof(*fit));
	if (n < p || p == 0)
		return REGRESS_DOMAIN;
	for (size_t i = 0; i < n; i++)
		if (!isfinite(y[i]) || (w && !(w[i] >= 0 && isfinite(w[i]))))
			return REGRESS_DOMAIN;
	if ((rc = solver_init(&s, X, n, p)) != REGRESS_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		gsl_vector_set(s.y, i, y[i]);
		gsl_vector_set(s.w, i, w ? w[i] : 1.0);
	}
	rc = fit_alloc(fit, n, p);
	if (rc == REGRESS_OK)
		rc = solver_run(&s, &fit->rss);
	if (rc == REGRESS_OK) {
		fit_take(fit, &s, fit->df > 0 ? fit->rss / fit->df : NAN);
		fit->r2 = 1 - fit->rss / weighted_tss(y, w, n);
	} else {
		regress_release(fit);
	}
	solver_free(&s);
	return rc;
}

/* eta = X beta + offset, mu = exp(eta); REGRESS_DIVERGED if mu runs off. */
static int update_means(const struct solver *s, const double *offset,
			double *eta, double *mu)
{
	size_t n = s->X->size1, p = s->X->size2;

	for (size_t i = 0; i < n; i++) {
		eta[i] = offset ? offset[i] : 0;
		for (size_t j = 0; j < p; j++)
			eta[i] += gsl_matrix_get(s->X, i, j) *
				  gsl_vector_get(s->c, j);
		mu[i] = exp(eta[i]);
		if (!isfinite(mu[i]) || mu[i] < MU_FLOOR)
			return REGRESS_DIVERGED;
	}
	return REGRESS_OK;
}

/*
 * Twice the log-likelihood ratio against the saturated model.  A value
 * within the rounding of its terms (a few ulps of the total count) is 0:
 * a saturated model shows 0, not 5.6e-15.
 */
static double deviance(const double *y, const double *mu, size_t n)
{
	double d = 0, total = 0;

	for (size_t i = 0; i < n; i++) {
		d += 2 * ((y[i] > 0 ? y[i] * log(y[i] / mu[i]) : 0) -
			  (y[i] - mu[i]));
		total += y[i];
	}
	return d < 64 * DBL_EPSILON * (total + 1) ? 0 : d;
}

/* The working response and weights of the next IRLS step. */
static void working(struct solver *s, const double *y, const double *offset,
		    const double *eta, const double *mu)
{
	for (size_t i = 0; i < s->X->size1; i++) {
		double z = eta[i] - (offset ? offset[i] : 0) +
			   (y[i] - mu[i]) / mu[i];

		gsl_vector_set(s->y, i, z);
		gsl_vector_set(s->w, i, mu[i]);
	}
}

static void poisson_summary(struct regress_fit *fit, const double *y,
			    const double *mu)
{
	fit->deviance = deviance(y, mu, fit->n);
	fit->pearson = 0;
	fit->loglik = 0;
	for (size_t i = 0; i < fit->n; i++) {
		fit->pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
		fit->loglik += (y[i] > 0 ? y[i] * log(mu[i]) : 0) - mu[i] -
			       gsl_sf_lngamma(y[i] + 1);
	}
	fit->aic = -2 * fit->loglik + 2 * (double)fit->p;
}

static int irls(struct solver *s, const double *y, const double *offset,
		double *eta, double *mu, struct regress_fit *fit)
{
	size_t n = fit->n;
	double dev = INFINITY, rss;
	int rc, polished = 0;

	for (size_t i = 0; i < n; i++) {
		mu[i] = y[i] + 0.5;
		eta[i] = log(mu[i]);
	}
	for (fit->iterations = 1; fit->iterations <= IRLS_MAX_STEPS;
	     fit->iterations++) {
		double old = dev;

		working(s, y, offset, eta, mu);
		if ((rc = solver_run(s, &rss)) != REGRESS_OK ||
		    (rc = update_means(s, offset, eta, mu)) != REGRESS_OK)
			return rc;
		dev = deviance(y, mu, n);
		/* as R's glm: coefficients and covariance of the last
		   solve, deviance at the means they give; one step more
		   than R takes, since IRLS converges quadratically there
		   and it brings the estimates to machine precision */
		if (fabs(dev - old) < IRLS_TOLERANCE * (fabs(dev) + 0.1)) {
			if (polished)
				return REGRESS_OK;
			polished = 1;
		}
	}
	return REGRESS_DIVERGED;
}

int regress_poisson(const double *X, const double *y, const double *offset,
		    size_t n, size_t p, struct regress_fit *fit)
{
	struct solver s;
	double *eta = NULL, *mu = NULL;
	int rc;

	memset(fit, 0, sizeof(*fit));
	if (n < p || p == 0)
		return REGRESS_DOMAIN;
	for (size_t i = 0; i < n; i++)
		if (!(y[i] >= 0) || !isfinite(y[i]) ||
		    (offset && !isfinite(offset[i])))
			return REGRESS_DOMAIN;
	if ((rc = solver_init(&s, X, n, p)) != REGRESS_OK)
		return rc;
	eta = malloc(n * sizeof(*eta));
	mu = malloc(n * sizeof(*mu));
	rc = eta && mu ? fit_alloc(fit, n, p) : REGRESS_NOMEM;
	if (rc == REGRESS_OK)
		rc = irls(&s, y, offset, eta, mu, fit);
	if (rc == REGRESS_OK) {
		fit_take(fit, &s, 1.0);
		poisson_summary(fit, y, mu);
	} else {
		regress_release(fit);
	}
	free(eta);
	free(mu);
	solver_free(&s);
	return rc;
}

double regress_se(const struct regress_fit *fit, size_t j)
{
	return sqrt(fit->cov[j * fit->p + j]);
}

void regress_release(struct regress_fit *fit)
{
	free(fit->coef);
	free(fit->cov);
	fit->coef = NULL;
	fit->cov = NULL;
}
