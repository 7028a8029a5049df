/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "agree.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_statistics_double.h>

#include "quantile.h"

static int constant(const double *x, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (x[i] != x[0])
			return 0;
	return 1;
}

static int identical(const double *a, const double *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

void agree_bland_altman(const double *a, const double *b, size_t n,
			double *bias, double *sd)
{
	double sum = 0, ss = 0;

	*bias = *sd = NAN;
	if (n < 1)
		return;
	for (size_t i = 0; i < n; i++)
		sum += b[i] - a[i];
	*bias = sum / (double)n;
	if (n < 2)
		return;
	for (size_t i = 0; i < n; i++) {
		double d = b[i] - a[i] - *bias;

		ss += d * d;
	}
	*sd = sqrt(ss / (double)(n - 1));
}

/* Means, variances and covariance with divisor n, as Lin (1989) has them. */
struct moments {
	double ma, mb, va, vb, cov;
};

static struct moments moments(const double *a, const double *b, size_t n)
{
	struct moments m = { 0, 0, 0, 0, 0 };

	m.ma = gsl_stats_mean(a, 1, n);
	m.mb = gsl_stats_mean(b, 1, n);
	for (size_t i = 0; i < n; i++) {
		m.va += (a[i] - m.ma) * (a[i] - m.ma);
		m.vb += (b[i] - m.mb) * (b[i] - m.mb);
		m.cov += (a[i] - m.ma) * (b[i] - m.mb);
	}
	m.va /= (double)n;
	m.vb /= (double)n;
	m.cov /= (double)n;
	return m;
}

double agree_ccc(const double *a, const double *b, size_t n)
{
	struct moments m;
	double den;

	if (n < 2)
		return NAN;
	m = moments(a, b, n);
	den = m.va + m.vb + (m.ma - m.mb) * (m.ma - m.mb);
	return den > 0 ? 2 * m.cov / den : NAN;
}

/*
 * Lin's (1989) asymptotic interval on z = atanh(CCC):
 * var z = [(1 - r^2) c^2 / ((1 - c^2) r^2) + 2 c^3 (1 - c) u^2 /
 *          (r (1 - c^2)^2) - c^4 u^4 / (2 r^2 (1 - c^2)^2)] / (n - 2),
 * u = (mean a - mean b) / sqrt(sd a sd b).
 */
static void ccc_interval(const double *a, const double *b, size_t n,
			 double zq, struct agree *r)
{
	struct moments m = moments(a, b, n);
	double c = r->ccc, rr = m.cov / sqrt(m.va * m.vb);
	double u2 = (m.ma - m.mb) * (m.ma - m.mb) / sqrt(m.va * m.vb);
	double c2 = c * c, k = 1 - c2, z, se;
	double v = (1 - rr * rr) * c2 / (k * rr * rr) +
		   2 * c2 * c * (1 - c) * u2 / (rr * k * k) -
		   c2 * c2 * u2 * u2 / (2 * rr * rr * k * k);

	v /= (double)(n - 2);
	if (!(v > 0) || !isfinite(v) || !(fabs(c) < 1))
		return;
	z = atanh(c);
	se = sqrt(v);
	r->ccc_lo = tanh(z - zq * se);
	r->ccc_hi = tanh(z + zq * se);
}

static int correlations(const double *a, const double *b, size_t n,
			double zq, struct agree *r)
{
	double *work;

	if (n < 2) {
		r->notes |= n ? AGREE_FEW : 0;
		return 0;
	}
	if (constant(a, n) || constant(b, n)) {
		r->notes |= AGREE_CONSTANT;
		return 0;
	}
	work = malloc(2 * n * sizeof(*work));
	if (!work)
		return -1;
	r->pearson = gsl_stats_correlation(a, 1, b, 1, n);
	r->spearman = gsl_stats_spearman(a, 1, b, 1, n, work);
	free(work);
	r->ccc = agree_ccc(a, b, n);
	if (identical(a, b, n)) {
		r->ccc = 1;
		r->notes |= AGREE_IDENTICAL;
	} else if (n < 3) {
		r->notes |= AGREE_FEW;
	} else {
		ccc_interval(a, b, n, zq, r);
	}
	return 0;
}

/* Bland-Altman on log(b / a) over the pairs where both are positive. */
static int log_bland_altman(const double *a, const double *b, size_t n,
			    double zq, struct agree *r)
{
	double *la = malloc((n ? n : 1) * sizeof(*la));
	double *lb = malloc((n ? n : 1) * sizeof(*lb));
	size_t k = 0;

	if (!la || !lb) {
		free(la);
		free(lb);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (a[i] > 0 && b[i] > 0) {
			la[k] = log(a[i]);
			lb[k++] = log(b[i]);
		}
	}
	if (k < n)
		r->notes |= AGREE_NONPOSITIVE;
	r->ba_n = k;
	agree_bland_altman(la, lb, k, &r->ba_bias, &r->ba_sd);
	free(la);
	free(lb);
	r->gmr = exp(r->ba_bias);
	r->loa_lo = exp(r->ba_bias - zq * r->ba_sd);
	r->loa_hi = exp(r->ba_bias + zq * r->ba_sd);
	return 0;
}

static void percentage_errors(const double *a, const double *b, size_t n,
			      struct agree *r)
{
	double sum = 0, abs_diff = 0, abs_a = 0;
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		double scale = (fabs(a[i]) + fabs(b[i])) / 2;

		abs_diff += fabs(b[i] - a[i]);
		abs_a += fabs(a[i]);
		if (scale > 0) {
			sum += fabs(b[i] - a[i]) / scale;
			k++;
		}
	}
	if (k > 0)
		r->smape = 100 * sum / (double)k;
	else
		r->notes |= AGREE_ALLZERO;
	if (abs_a > 0)
		r->wape = 100 * abs_diff / abs_a;
}

int agree_compute(const double *a, const double *b, size_t n, double level,
		  struct agree *r)
{
	double zq;

	*r = (struct agree){ .n = n };
	r->pearson = r->spearman = r->ccc = r->ccc_lo = r->ccc_hi = NAN;
	r->ba_bias = r->ba_sd = r->gmr = r->loa_lo = r->loa_hi = NAN;
	r->smape = r->wape = NAN;
	if (quantile_normal((1 + level) / 2, &zq) < 0)
		zq = NAN;
	if (correlations(a, b, n, zq, r) < 0 ||
	    log_bland_altman(a, b, n, zq, r) < 0)
		return -1;
	percentage_errors(a, b, n, r);
	return 0;
}
