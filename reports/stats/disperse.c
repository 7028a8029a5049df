/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "disperse.h"

#include <math.h>

#include <gsl/gsl_cdf.h>

#include "quantile.h"

static void clear(struct disperse *d)
{
	d->chi2 = d->df = d->phi = NAN;
	d->quasi = 0;
	d->ratio = d->lo = d->hi = d->p = NAN;
}

/* The totals and the cells with any count; -1 on a value that is not one. */
static int totals(const double *a, const double *b, size_t k, double *A,
		  double *B, size_t *used)
{
	*A = *B = 0;
	*used = 0;
	for (size_t i = 0; i < k; i++) {
		if (!(a[i] >= 0 && b[i] >= 0) || !isfinite(a[i]) ||
		    !isfinite(b[i]))
			return -1;
		*A += a[i];
		*B += b[i];
		*used += a[i] + b[i] > 0;
	}
	return 0;
}

static double pearson(const double *a, const double *b, size_t k, double pi)
{
	double x2 = 0;

	for (size_t i = 0; i < k; i++) {
		double n = a[i] + b[i], e = n * pi;

		if (n > 0)
			x2 += (b[i] - e) * (b[i] - e) / (e * (1 - pi));
	}
	return x2;
}

int disperse_interval(double A, double B, double phi, double df, double level,
		      struct disperse *d)
{
	double est, se, t;

	if (!(A > 0 && B > 0) || !(level > 0 && level < 1))
		return -1;
	d->phi = phi;
	d->df = df;
	d->quasi = 0;
	d->ratio = B / A;
	d->lo = d->hi = d->p = NAN;
	if (!(phi > 1) || !(df >= 1))
		return 0;
	est = log(B / A);
	se = sqrt(phi * (1 / A + 1 / B));
	if (quantile_t(0.5 + level / 2, df, &t) < 0 || !isfinite(se))
		return 0;
	d->quasi = 1;
	d->lo = exp(est - t * se);
	d->hi = exp(est + t * se);
	d->p = fmin(1.0, 2 * gsl_cdf_tdist_Q(fabs(est) / se, df));
	return 0;
}

int disperse_ratio(const double *a, const double *b, size_t k, double level,
		   struct disperse *d)
{
	double A, B;
	size_t used;

	clear(d);
	if (!(level > 0 && level < 1) || totals(a, b, k, &A, &B, &used) < 0)
		return -1;
	if (A > 0)
		d->ratio = B / A;
	if (used < 3 || A <= 0 || B <= 0)
		return 0;
	d->chi2 = pearson(a, b, k, B / (A + B));
	return disperse_interval(A, B, d->chi2 / (double)(used - 1),
				 (double)(used - 1), level, d);
}
