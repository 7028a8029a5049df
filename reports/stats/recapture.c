/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "recapture.h"

#include <math.h>
#include <stdlib.h>

#include "exact.h"
#include "quantile.h"
#include "regress.h"

/* Chao's log-normal interval for observed + f0 with variance var. */
static void chao_interval(double observed, double f0, double var, double z,
			  double *lo, double *hi)
{
	double c;

	if (f0 == 0) {
		*lo = *hi = observed;
		return;
	}
	if (!(f0 > 0) || !(var >= 0) || !isfinite(var)) {
		*lo = *hi = NAN;
		return;
	}
	c = exp(z * sqrt(log(1 + var / (f0 * f0))));
	*lo = observed + f0 / c;
	*hi = observed + f0 * c;
}

int recapture_chapman(double n1, double n2, double m, double level,
		struct recapture_chapman *r)
{
	double z;

	r->observed = r->estimate = r->variance = r->lo = r->hi = NAN;
	if (!exact_is_count(n1) || !exact_is_count(n2) || !exact_is_count(m) ||
	    m > n1 || m > n2 || quantile_normal((1 + level) / 2, &z) < 0)
		return -1;
	r->observed = n1 + n2 - m;
	r->estimate = (n1 + 1) * (n2 + 1) / (m + 1) - 1;
	r->variance = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) /
		      ((m + 1) * (m + 1) * (m + 2));
	chao_interval(r->observed, r->estimate - r->observed, r->variance, z,
		      &r->lo, &r->hi);
	return 0;
}

static unsigned pair_count(unsigned k)
{
	return k * (k - 1) / 2;
}

/* Fills the design row of history h: 1, list bits, chosen pair products. */
static size_t design_row(unsigned h, unsigned k, unsigned pairs, double *row)
{
	size_t c = 0;
	unsigned bit = 0;

	row[c++] = 1;
	for (unsigned i = 0; i < k; i++)
		row[c++] = (h >> i) & 1;
	for (unsigned i = 0; i < k; i++)
		for (unsigned j = i + 1; j < k; j++, bit++)
			if (pairs & (1u << bit))
				row[c++] = ((h >> i) & 1) && ((h >> j) & 1);
	return c;
}

static int fit_model(const double *count, unsigned k, unsigned pairs,
		     double z, struct recapture_model *m)
{
	size_t cells = ((size_t)1 << k) - 1, p = 0;
	double *X = NULL, *y = NULL, row[1 + RECAPTURE_MAX_LISTS + 10];
	struct regress_fit fit = { 0 };

	*m = (struct recapture_model){ .pairs = pairs };
	m->unseen = m->estimate = m->se = m->lo = m->hi = NAN;
	m->deviance = m->df = m->aic = NAN;
	m->observed = 0;
	p = design_row(0, k, pairs, row);
	X = malloc(cells * p * sizeof(*X));
	y = malloc(cells * sizeof(*y));
	if (!X || !y) {
		free(X);
		free(y);
		return -1;
	}
	for (unsigned h = 1; h <= cells; h++) {
		design_row(h, k, pairs, X + (h - 1) * p);
		y[h - 1] = count[h];
		m->observed += count[h];
	}
	m->status = regress_poisson(X, y, NULL, cells, p, &fit);
	if (m->status == REGRESS_OK) {
		m->unseen = exp(fit.coef[0]);
		m->estimate = m->observed + m->unseen;
		m->se = m->unseen * regress_se(&fit, 0);
		chao_interval(m->observed, m->unseen, m->se * m->se, z, &m->lo,
			      &m->hi);
		m->deviance = fit.deviance;
		m->df = fit.df;
		m->aic = fit.aic;
	}
	regress_release(&fit);
	free(X);
	free(y);
	return m->status == REGRESS_NOMEM ? -1 : 0;
}

static int by_aic(const void *x, const void *y)
{
	const struct recapture_model *a = x, *b = y;
	int fa = a->status != 0, fb = b->status != 0;

	if (fa != fb)
		return fa - fb;
	if (!fa && a->aic != b->aic)
		return a->aic < b->aic ? -1 : 1;
	return a->pairs < b->pairs ? -1 : a->pairs > b->pairs;
}

int recapture_loglinear(const double *count, unsigned k, double level,
		  struct recapture_model **models, size_t *nmodels)
{
	size_t n;
	double z;

	*models = NULL;
	*nmodels = 0;
	if (k < 3 || k > RECAPTURE_MAX_LISTS || quantile_normal((1 + level) / 2, &z) < 0)
		return -1;
	for (unsigned h = 1; h < (1u << k); h++)
		if (!exact_is_count(count[h]))
			return -1;
	n = (size_t)1 << pair_count(k);
	*models = calloc(n, sizeof(**models));
	if (!*models)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (fit_model(count, k, (unsigned)i, z, &(*models)[i]) < 0) {
			free(*models);
			*models = NULL;
			return -1;
		}
	}
	qsort(*models, n, sizeof(**models), by_aic);
	*nmodels = n;
	return 0;
}
