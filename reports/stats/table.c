/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "table.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>

static int margins(const double *x, size_t rows, size_t cols, double *rsum,
		   double *csum, double *n)
{
	*n = 0;
	for (size_t j = 0; j < cols; j++)
		csum[j] = 0;
	for (size_t i = 0; i < rows; i++) {
		rsum[i] = 0;
		for (size_t j = 0; j < cols; j++) {
			double v = x[i * cols + j];

			if (!(v >= 0) || !isfinite(v))
				return -1;
			rsum[i] += v;
			csum[j] += v;
		}
		*n += rsum[i];
	}
	return 0;
}

static void statistics(const double *x, const double *rsum, const double *csum,
		       struct table_test *t, double *resid)
{
	size_t k = t->cols;

	t->chi2 = t->g2 = 0;
	for (size_t i = 0; i < t->rows; i++) {
		for (size_t j = 0; j < k; j++) {
			double o = x[i * k + j], e = rsum[i] * csum[j] / t->n;
			double v = e * (1 - rsum[i] / t->n) * (1 - csum[j] / t->n);

			if (resid)
				resid[i * k + j] = v > 0 ? (o - e) / sqrt(v) : NAN;
			if (csum[j] == 0)
				continue;
			t->chi2 += (o - e) * (o - e) / e;
			if (o > 0)
				t->g2 += 2 * o * log(o / e);
		}
	}
}

/* Shares of rows 0 and 1 give the total-variation and JS distances. */
static void distances(const double *x, const double *rsum,
		      struct table_test *t)
{
	double tv = 0, js = 0;
	size_t k = t->cols;

	for (size_t j = 0; j < k; j++) {
		double p = x[j] / rsum[0], q = x[k + j] / rsum[1];
		double m = (p + q) / 2;

		tv += fabs(p - q);
		if (p > 0)
			js += p * log2(p / m) / 2;
		if (q > 0)
			js += q * log2(q / m) / 2;
	}
	t->tv = tv / 2;
	t->js = sqrt(fmax(js, 0));
}

static double min_expected(const double *rsum, const double *csum,
			   size_t rows, size_t cols, double n)
{
	double m = INFINITY;

	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++)
			if (csum[j] > 0)
				m = fmin(m, rsum[i] * csum[j] / n);
	return m;
}

static int whole(const double *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (x[i] != floor(x[i]) || x[i] > 4294967295.0)
			return 0;
	return 1;
}

int table_homogeneity(const double *x, size_t rows, size_t cols,
		      struct table_test *t, double *resid)
{
	double *rsum = malloc((rows + cols + 1) * sizeof(*rsum));
	double *csum = rsum ? rsum + rows : NULL;
	int rc = -1, empty_row = 0;

	*t = (struct table_test){ .rows = rows, .cols = cols };
	t->chi2 = t->g2 = t->df = t->chi2_p = t->g2_p = NAN;
	t->cramers_v = t->tv = t->js = NAN;
	t->min_expected = NAN;
	for (size_t i = 0; resid && i < rows * cols; i++)
		resid[i] = NAN;
	if (!rsum || margins(x, rows, cols, rsum, csum, &t->n) < 0)
		goto out;
	rc = 0;
	for (size_t j = 0; j < cols; j++)
		t->used_cols += csum[j] > 0;
	for (size_t i = 0; i < rows; i++)
		empty_row |= rsum[i] == 0;
	if (empty_row || rows < 2)
		goto out;
	if (rows == 2)
		distances(x, rsum, t);
	if (t->used_cols < 2)
		goto out;
	statistics(x, rsum, csum, t, resid);
	t->g2 = fmax(t->g2, 0);
	t->df = (double)(rows - 1) * (double)(t->used_cols - 1);
	t->chi2_p = gsl_cdf_chisq_Q(t->chi2, t->df);
	t->g2_p = gsl_cdf_chisq_Q(t->g2, t->df);
	t->min_expected = min_expected(rsum, csum, rows, cols, t->n);
	if (t->min_expected < TABLE_SMALL_EXPECTED && whole(x, rows * cols) &&
	    t->n <= TABLE_MC_MAX_N) {
		if (table_mc_p(x, rows, cols, t, TABLE_MC_DRAWS, TABLE_MC_SEED,
			       &t->chi2_p, &t->g2_p) < 0) {
			rc = -1;
			goto out;
		}
		t->monte_carlo = 1;
	}
	t->cramers_v = sqrt(t->chi2 / (t->n * (double)((rows < t->used_cols
							  ? rows
							  : t->used_cols) - 1)));
out:
	free(rsum);
	return rc;
}
