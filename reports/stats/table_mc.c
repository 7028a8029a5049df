/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Monte Carlo p-values of X^2 and G^2 for a table with small expected
 * counts (issue 19 item 4), where the chi-squared approximation is poor:
 * tables with the observed margins are drawn from their exact conditional
 * distribution (the multivariate hypergeometric: each column spread over
 * the rows by sequential hypergeometric draws, as R's r2dtable gives), and
 * p = (1 + #{X^2 >= observed}) / (1 + draws), as R's chisq.test with
 * simulate.p.value = TRUE computes it.  The generator is GSL's mt19937
 * with a fixed seed, so the same table always gives the same p.
 */
#include "table.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

/* A statistic equal to the observed up to rounding counts as reaching it. */
#define TIE 1e-7

static void fill(const gsl_rng *r, const double *rsum, const double *csum,
		 size_t rows, size_t cols, double *y, double *left)
{
	for (size_t i = 0; i < rows; i++)
		left[i] = rsum[i];
	for (size_t j = 0; j < cols; j++) {
		double c = csum[j], rest = 0;

		for (size_t i = 0; i < rows; i++)
			rest += left[i];
		for (size_t i = 0; i + 1 < rows; i++) {
			double v;

			rest -= left[i];
			v = c > 0 ? (double)gsl_ran_hypergeometric(
					    r, (unsigned)left[i],
					    (unsigned)rest, (unsigned)c)
				  : 0;
			y[i * cols + j] = v;
			left[i] -= v;
			c -= v;
		}
		y[(rows - 1) * cols + j] = c;
		left[rows - 1] -= c;
	}
}

static void both(const double *y, const double *rsum, const double *csum,
		 size_t rows, size_t cols, double n, double *x2, double *g2)
{
	*x2 = *g2 = 0;
	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++) {
			double o = y[i * cols + j], e = rsum[i] * csum[j] / n;

			if (csum[j] == 0)
				continue;
			*x2 += (o - e) * (o - e) / e;
			if (o > 0)
				*g2 += 2 * o * log(o / e);
		}
}

int table_mc_p(const double *x, size_t rows, size_t cols,
	       const struct table_test *t, size_t draws, unsigned long seed,
	       double *p_chi2, double *p_g2)
{
	double *rsum = calloc(rows + cols + 1, sizeof(*rsum));
	double *csum = rsum ? rsum + rows : NULL;
	double *y = malloc((rows * cols + rows + 1) * sizeof(*y));
	double *left = y ? y + rows * cols : NULL;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	size_t hx = 0, hg = 0;
	int rc = -1;

	if (!rsum || !y || !r || !draws)
		goto out;
	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++) {
			rsum[i] += x[i * cols + j];
			csum[j] += x[i * cols + j];
		}
	gsl_rng_set(r, seed);
	for (size_t b = 0; b < draws; b++) {
		double x2, g2;

		fill(r, rsum, csum, rows, cols, y, left);
		both(y, rsum, csum, rows, cols, t->n, &x2, &g2);
		hx += x2 >= t->chi2 * (1 - TIE);
		hg += g2 >= t->g2 * (1 - TIE);
	}
	*p_chi2 = (1.0 + (double)hx) / (1.0 + (double)draws);
	*p_g2 = (1.0 + (double)hg) / (1.0 + (double)draws);
	rc = 0;
out:
	gsl_rng_free(r);
	free(y);
	free(rsum);
	return rc;
}
