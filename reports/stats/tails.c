/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tails.h"

#include <float.h>
#include <math.h>

#include "quantile.h"

#define COUNT_MAX 8589934590.0     /* the sum of two 32-bit counts */
#define LOG_2PI 1.837877066409345483560659472811
/* a term this small beside the sum no longer changes it */
#define NEGLIGIBLE (DBL_EPSILON / 64)

static int is_count(double v)
{
	return v >= 0 && v <= COUNT_MAX && v == floor(v);
}

/*
 * Stirling's error, log(n!) - log(sqrt(2 pi n) (n/e)^n), for whole n:
 * a table to 15, the asymptotic series beyond (Loader 2000).
 */
static double stirlerr(double n)
{
	static const double table[16] = {
		0.0,
		0.08106146679532725822,
		0.041340695955409294094,
		0.027677925684998339149,
		0.020790672103765093112,
		0.016644691189821192163,
		0.013876128823070747999,
		0.011896709945891770095,
		0.010411265261972096497,
		0.0092554621827127329177,
		0.0083305634333628712565,
		0.007573675487951840795,
		0.0069428401072095298657,
		0.0064089941880042070684,
		0.0059513701127588477356,
		0.005554733551962801371,
	};
	static const double s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260,
			    s3 = 1.0 / 1680, s4 = 1.0 / 1188;
	double nn;

	if (n <= 15)
		return table[(int)n];
	nn = n * n;
	if (n > 500)
		return (s0 - s1 / nn) / n;
	if (n > 80)
		return (s0 - (s1 - s2 / nn) / nn) / n;
	if (n > 35)
		return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
	return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/*
 * The deviance term x log(x / m) + m - x, without the cancellation of the
 * plain formula when x is near m (Loader 2000).
 */
static double bd0(double x, double m)
{
	double v, s, ej;

	if (fabs(x - m) >= 0.1 * (x + m))
		return x * log(x / m) + m - x;
	v = (x - m) / (x + m);
	s = (x - m) * v;
	ej = 2 * x * v;
	v *= v;
	for (int j = 1; j < 1000; j++) {
		double s1;

		ej *= v;
		s1 = s + ej / (2 * j + 1);
		if (s1 == s)
			return s1;
		s = s1;
	}
	return s;
}

static double binom_point(double x, double n, double p, double q)
{
	double lc;

	if (p == 0)
		return x == 0;
	if (q == 0)
		return x == n;
	if (x == 0)
		return exp(p < 0.1 ? -bd0(n, n * q) - n * p : n * log(q));
	if (x == n)
		return exp(q < 0.1 ? -bd0(n, n * p) - n * q : n * log(p));
	lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) -
	     bd0(n - x, n * q);
	return exp(lc - 0.5 * (LOG_2PI + log(x) + log1p(-x / n)));
}

double tails_binom_point(double x, double n, double p)
{
	if (!is_count(x) || !is_count(n) || x > n || !(p >= 0 && p <= 1))
		return NAN;
	return binom_point(x, n, p, 1 - p);
}

static double clamp01(double v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

int tails_binom(double x, double n, double p, double *lower, double *upper)
{
	double q = 1 - p, t, s;

	*lower = *upper = NAN;
	if (!is_count(x) || !is_count(n) || x > n || !(p >= 0 && p <= 1))
		return -1;
	t = s = binom_point(x, n, p, q);
	if (p == 0 || q == 0) {
		*lower = p == 0 ? 1 : x == n;
		*upper = q == 0 ? 1 : x == 0;
		return 0;
	}
	if (x <= n * p) {              /* the terms fall below x: sum down */
		for (double k = x; k > 0 && t > s * NEGLIGIBLE; k--) {
			t *= k / (n - k + 1) * (q / p);
			s += t;
		}
		*lower = clamp01(s);
		*upper = clamp01(1 - s + binom_point(x, n, p, q));
	} else {                       /* and above it: sum up */
		for (double k = x; k < n && t > s * NEGLIGIBLE; k++) {
			t *= (n - k) / (k + 1) * (p / q);
			s += t;
		}
		*upper = clamp01(s);
		*lower = clamp01(1 - s + binom_point(x, n, p, q));
	}
	return 0;
}

static double pois_point(double x, double lambda)
{
	if (lambda == 0)
		return x == 0;
	if (x == 0)
		return exp(-lambda);
	return exp(-stirlerr(x) - bd0(x, lambda) - 0.5 * (LOG_2PI + log(x)));
}

double tails_pois_point(double x, double lambda)
{
	if (!is_count(x) || !(lambda >= 0) || !isfinite(lambda))
		return NAN;
	return pois_point(x, lambda);
}

int tails_pois(double x, double lambda, double *lower, double *upper)
{
	double t, s;

	*lower = *upper = NAN;
	if (!is_count(x) || !(lambda >= 0) || !isfinite(lambda))
		return -1;
	if (lambda == 0) {
		*lower = 1;
		*upper = x == 0;
		return 0;
	}
	t = s = pois_point(x, lambda);
	if (x <= lambda) {
		for (double k = x; k > 0 && t > s * NEGLIGIBLE; k--) {
			t *= k / lambda;
			s += t;
		}
		*lower = clamp01(s);
		*upper = clamp01(1 - s + pois_point(x, lambda));
	} else {
		for (double k = x; t > s * NEGLIGIBLE; k++) {
			t *= lambda / (k + 1);
			s += t;
		}
		*upper = clamp01(s);
		*lower = clamp01(1 - s + pois_point(x, lambda));
	}
	return 0;
}

/* ---- limits: a monotone tail solved for its parameter ---- */

struct limit {
	double x, n, t;
	int poisson;     /* else binomial */
	int upper_tail;  /* P(X >= x), else P(X <= x) */
};

static double limit_residual(double par, void *arg)
{
	const struct limit *L = arg;
	double lo, up;

	if (L->poisson ? tails_pois(L->x, par, &lo, &up) < 0
		       : tails_binom(L->x, L->n, par, &lo, &up) < 0)
		return NAN;
	return (L->upper_tail ? up : lo) - L->t;
}

static int solve(struct limit *L, double lo, double hi, double *par)
{
	return quantile_root(limit_residual, L, lo, hi, par);
}

static int binom_limit(double x, double n, double t, int upper_tail,
		       double *p)
{
	struct limit L = { x, n, t, 0, upper_tail };

	*p = NAN;
	if (!is_count(x) || !is_count(n) || x > n || !(t > 0 && t < 1))
		return -1;
	return solve(&L, 0, 1, p);
}

int tails_binom_p_for_upper(double x, double n, double t, double *p)
{
	return binom_limit(x, n, t, 1, p);
}

int tails_binom_p_for_lower(double x, double n, double t, double *p)
{
	return binom_limit(x, n, t, 0, p);
}

static int pois_limit(double x, double t, int upper_tail, double *lambda)
{
	struct limit L = { x, 0, t, 1, upper_tail };
	/* far enough that the tail has passed t: about 40 sd above x */
	double hi = x + 40 * sqrt(x + 1) + 40;

	*lambda = NAN;
	if (!is_count(x) || !(t > 0 && t < 1))
		return -1;
	return solve(&L, 0, hi, lambda);
}

int tails_pois_mean_for_upper(double x, double t, double *lambda)
{
	return pois_limit(x, t, 1, lambda);
}

int tails_pois_mean_for_lower(double x, double t, double *lambda)
{
	return pois_limit(x, t, 0, lambda);
}
