/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "trend.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "../stats/quantile.h"
#include "../stats/regress.h"

/* The totals of one period. */
struct point {
	size_t period;
	struct rk_period when;
	double a, b;
};

__attribute__((format(printf, 2, 3)))
static void note(struct trend *t, const char *fmt, ...)
{
	size_t len = strlen(t->note);
	va_list ap;

	if (len && len + 2 < sizeof(t->note)) {
		strcat(t->note, "; ");
		len += 2;
	}
	va_start(ap, fmt);
	vsnprintf(t->note + len, sizeof(t->note) - len, fmt, ap);
	va_end(ap);
}

/* Per-period totals of the compared cells (cells come sorted by period). */
static size_t totals(const struct alignment *al, struct point *pt)
{
	size_t n = 0;

	for (size_t i = 0; i < al->n; i++) {
		const struct aligned_cell *c = &al->cell[i];

		if (c->sa != SIDE_VALUE || c->sb != SIDE_VALUE)
			continue;
		if (n == 0 || pt[n - 1].period != c->period) {
			pt[n] = (struct point){ c->period, c->when, 0, 0 };
			n++;
		}
		pt[n - 1].a += c->a;
		pt[n - 1].b += c->b;
	}
	return n;
}

/* The period's position in units of its grain, or years when mixed. */
static double position(const struct rk_period *p, enum rk_grain g)
{
	double month = p->year * 12.0 + (p->first - 1);

	switch (g) {
	case RK_GRAIN_YEAR: return p->year;
	case RK_GRAIN_HALF: return month / 6;
	case RK_GRAIN_QUARTER: return month / 3;
	case RK_GRAIN_MONTH: return month;
	case RK_GRAIN_DAY: return (double)rk_period_first_day(p);
	default: return (double)rk_period_first_day(p) / 365.2425;
	}
}

static enum rk_grain common_grain(const struct point *pt, size_t n)
{
	enum rk_grain g = n ? rk_period_grain(&pt[0].when) : RK_GRAIN_NONE;

	for (size_t i = 1; i < n; i++)
		if (rk_period_grain(&pt[i].when) != g)
			return RK_GRAIN_NONE;
	return g;
}

static struct trend_term term(double est, double var, double scale, double z)
{
	struct trend_term r = { NAN, NAN, NAN, NAN };
	double se = sqrt(var * scale);

	if (!isfinite(est) || !(se > 0) || !isfinite(se))
		return r;
	r.estimate = exp(est);
	r.lo = exp(est - z * se);
	r.hi = exp(est + z * se);
	r.p = 2 * gsl_cdf_ugaussian_Q(fabs(est) / se);
	return r;
}

static void fill_terms(const struct regress_fit *f, struct trend *t)
{
	const double *v = f->cov;     /* 4 x 4: b0 t s st */
	double scale = 1, z;

	t->deviance = f->deviance;
	t->df = f->df;
	if (f->df > 0) {
		t->dispersion = f->pearson / f->df;
		if (t->dispersion > 1) {
			scale = t->dispersion;
			note(t, "overdispersed (%.3g): intervals widened",
			     t->dispersion);
		}
	} else {
		note(t, "two periods: a saturated model without dispersion");
	}
	if (quantile_normal(0.975, &z) < 0)
		return;
	t->a = term(f->coef[1], v[1 * 4 + 1], scale, z);
	t->b = term(f->coef[1] + f->coef[3],
		    v[1 * 4 + 1] + v[3 * 4 + 3] + 2 * v[1 * 4 + 3], scale, z);
	t->interaction = term(f->coef[3], v[3 * 4 + 3], scale, z);
}

static int fit(const struct point *pt, size_t n, enum rk_grain g,
	       struct trend *t)
{
	double *X = malloc(2 * n * 4 * sizeof(*X)), *y = malloc(2 * n * sizeof(*y));
	double t0 = position(&pt[0].when, g);
	struct regress_fit f;
	int rc;

	if (!X || !y) {
		free(X);
		free(y);
		return -1;
	}
	for (size_t i = 0; i < 2 * n; i++) {
		double s = i >= n, tt = position(&pt[i % n].when, g) - t0;

		X[4 * i] = 1;
		X[4 * i + 1] = tt;
		X[4 * i + 2] = s;
		X[4 * i + 3] = s * tt;
		y[i] = s ? pt[i % n].b : pt[i % n].a;
	}
	rc = regress_poisson(X, y, NULL, 2 * n, 4, &f);
	free(X);
	free(y);
	if (rc == REGRESS_NOMEM)
		return -1;
	if (rc == REGRESS_OK)
		fill_terms(&f, t);
	else if (rc == REGRESS_DOMAIN)
		note(t, "totals are not counts: no model");
	else
		note(t, "the model did not converge (a source with zero "
			"counts)");
	regress_release(&f);
	return 0;
}

int trend_compute(const struct alignment *al, long min_periods,
		  struct trend *t)
{
	struct point *pt = malloc((al->n + 1) * sizeof(*pt));
	enum rk_grain g;
	double sa = 0, sb = 0;
	int rc = 0;

	memset(t, 0, sizeof(*t));
	t->a = t->b = t->interaction = (struct trend_term){ NAN, NAN, NAN, NAN };
	t->deviance = t->df = t->dispersion = NAN;
	if (!pt)
		return -1;
	t->periods = totals(al, pt);
	g = common_grain(pt, t->periods);
	t->per = g == RK_GRAIN_NONE ? "year" : rk_grain_name(g);
	for (size_t i = 0; i < t->periods; i++) {
		sa += pt[i].a;
		sb += pt[i].b;
	}
	if (t->periods < 2)
		note(t, "fewer than 2 periods compared: no trend");
	else if ((long)t->periods < min_periods)
		note(t, "%zu periods: too short for a trend (at least %ld; "
		     "compare: min_periods)", t->periods, min_periods);
	else if (!(sa > 0) || !(sb > 0))
		note(t, "a source counts nothing in these cells: no trend");
	else
		rc = fit(pt, t->periods, g, t);
	free(pt);
	return rc;
}
