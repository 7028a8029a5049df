/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "quantile.h"

#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>

/*
 * A continuous distribution as the solver sees it: both tails of its CDF,
 * GSL's two inverses, its support, and where to start looking.
 */
struct dist {
	double (*P)(double x, const double *par);
	double (*Q)(double x, const double *par);
	double (*Pinv)(double p, const double *par);
	double (*Qinv)(double q, const double *par);
	double par[2];
	double lo, hi;        /* support; may be infinite */
	double centre, step;  /* where brackets start, and how they grow */
	int trust_inverse;    /* GSL's inverse returns for these parameters */
};

/*
 * GSL 2.7's inverse beta never returns for a + b above about 2e6 (a cell
 * of 5001 vs 4999 summed over 200 cells hung reckon-compare); below this
 * it returns, right or wrong, and is checked.
 */
#define BETA_INVERSE_MAX 1e5

/* The equation tail(x) = target, for GSL's root finders. */
struct equation {
	const struct dist *d;
	int upper;            /* tail is Q, else P */
	double target;
};

static double gamma_P(double x, const double *par)
{
	return gsl_cdf_gamma_P(x, par[0], 1.0);
}

static double gamma_Q(double x, const double *par)
{
	return gsl_cdf_gamma_Q(x, par[0], 1.0);
}

static double gamma_Pinv(double p, const double *par)
{
	return gsl_cdf_gamma_Pinv(p, par[0], 1.0);
}

static double gamma_Qinv(double q, const double *par)
{
	return gsl_cdf_gamma_Qinv(q, par[0], 1.0);
}

static double beta_P(double x, const double *par)
{
	return gsl_cdf_beta_P(x, par[0], par[1]);
}

static double beta_Q(double x, const double *par)
{
	return gsl_cdf_beta_Q(x, par[0], par[1]);
}

static double beta_Pinv(double p, const double *par)
{
	return gsl_cdf_beta_Pinv(p, par[0], par[1]);
}

static double beta_Qinv(double q, const double *par)
{
	return gsl_cdf_beta_Qinv(q, par[0], par[1]);
}

static double normal_P(double x, const double *par)
{
	(void)par;
	return gsl_cdf_ugaussian_P(x);
}

static double normal_Q(double x, const double *par)
{
	(void)par;
	return gsl_cdf_ugaussian_Q(x);
}

static double normal_Pinv(double p, const double *par)
{
	(void)par;
	return gsl_cdf_ugaussian_Pinv(p);
}

static double normal_Qinv(double q, const double *par)
{
	(void)par;
	return gsl_cdf_ugaussian_Qinv(q);
}

static double t_P(double x, const double *par)
{
	return gsl_cdf_tdist_P(x, par[0]);
}

static double t_Q(double x, const double *par)
{
	return gsl_cdf_tdist_Q(x, par[0]);
}

static double t_Pinv(double p, const double *par)
{
	return gsl_cdf_tdist_Pinv(p, par[0]);
}

static double t_Qinv(double q, const double *par)
{
	return gsl_cdf_tdist_Qinv(q, par[0]);
}

static double tail(const struct equation *e, double x)
{
	return e->upper ? e->d->Q(x, e->d->par) : e->d->P(x, e->d->par);
}

static double residual(double x, void *arg)
{
	const struct equation *e = arg;

	return tail(e, x) - e->target;
}

/* Is x a quantile to within QUANTILE_TOLERANCE of the target tail? */
static int accurate(const struct equation *e, double x)
{
	double t;

	if (!isfinite(x) || x < e->d->lo || x > e->d->hi)
		return 0;
	t = tail(e, x);
	return isfinite(t) &&
	       fabs(t - e->target) <= QUANTILE_TOLERANCE * e->target;
}

/* Does [lo, hi] hold the root: is the residual of opposite signs at ends? */
static int brackets(const struct equation *e, double lo, double hi)
{
	double flo = residual(lo, (void *)e), fhi = residual(hi, (void *)e);

	return isfinite(flo) && isfinite(fhi) &&
	       ((flo <= 0 && fhi >= 0) || (flo >= 0 && fhi <= 0));
}

/* Grows an interval around the centre until it holds the root. */
static int find_bracket(const struct equation *e, double *lo, double *hi)
{
	const struct dist *d = e->d;
	double step = d->step;

	*lo = *hi = d->centre;
	for (int i = 0; i < 200; i++) {
		if (brackets(e, *lo, *hi))
			return 0;
		*lo = fmax(d->lo, *lo - step);
		*hi = fmin(d->hi, *hi + step);
		step *= 2;
	}
	return -1;
}

int quantile_root(double (*f)(double, void *), void *arg, double lo,
		  double hi, double *x)
{
	gsl_function fn = { f, arg };
	gsl_root_fsolver *s;
	double flo = f(lo, arg), fhi = f(hi, arg);
	int rc = -1, status = GSL_CONTINUE;

	*x = NAN;
	if (flo == 0 || fhi == 0) {
		*x = flo == 0 ? lo : hi;
		return 0;
	}
	if (!isfinite(flo) || !isfinite(fhi) || (flo > 0) == (fhi > 0))
		return -1;
	s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
	if (!s || gsl_root_fsolver_set(s, &fn, lo, hi) != GSL_SUCCESS)
		goto out;
	for (int i = 0; i < 500 && status == GSL_CONTINUE; i++) {
		if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
			goto out;
		status = gsl_root_test_interval(gsl_root_fsolver_x_lower(s),
						gsl_root_fsolver_x_upper(s),
						1e-300, 4e-16);
	}
	if (status == GSL_SUCCESS) {
		*x = gsl_root_fsolver_root(s);
		rc = 0;
	}
out:
	gsl_root_fsolver_free(s);
	return rc;
}

static int solve(const struct equation *e, double *x)
{
	double lo, hi;

	if (find_bracket(e, &lo, &hi) < 0)
		return -1;
	return quantile_root(residual, (void *)e, lo, hi, x);
}

/*
 * The x whose tail (upper or lower) is t: GSL's inverse when it checks out,
 * else the bracketing solver.
 */
static int quantile_tail(const struct dist *d, int upper, double t, double *x)
{
	struct equation e = { d, upper, t };
	double guess;

	*x = NAN;
	if (!(t >= 0 && t <= 1))
		return -1;
	if (t == 0 || t == 1) {
		*x = (t == 0) == !upper ? d->lo : d->hi;
		return 0;
	}
	/* GSL's inverse is only a first guess, and only where it returns */
	guess = d->trust_inverse ? (upper ? d->Qinv(t, d->par)
					  : d->Pinv(t, d->par))
				 : NAN;
	if (accurate(&e, guess)) {
		*x = guess;
		return 0;
	}
	if (solve(&e, x) < 0) {
		*x = NAN;
		return -1;
	}
	return 0;
}

/* The quantile with lower tail p, solved on the smaller of the two tails. */
static int quantile(const struct dist *d, double p, double *x)
{
	if (!(p >= 0 && p <= 1)) {
		*x = NAN;
		return -1;
	}
	return p > 0.5 ? quantile_tail(d, 1, 1.0 - p, x)
		       : quantile_tail(d, 0, p, x);
}

static int bad_parameter(double *x)
{
	*x = NAN;
	return -1;
}

static int positive(double v)
{
	return v > 0 && isfinite(v);
}

static struct dist gamma_dist(double shape)
{
	struct dist d = { gamma_P, gamma_Q, gamma_Pinv, gamma_Qinv,
			  { shape, 0 }, 0, INFINITY, shape,
			  sqrt(shape) + 1, 1 };
	return d;
}

int quantile_gamma(double p, double shape, double *x)
{
	struct dist d = gamma_dist(shape);

	if (!positive(shape))
		return bad_parameter(x);
	return quantile(&d, p, x);
}

int quantile_gamma_upper(double q, double shape, double *x)
{
	struct dist d = gamma_dist(shape);

	if (!positive(shape) || !(q >= 0 && q <= 1))
		return bad_parameter(x);
	return q > 0.5 ? quantile_tail(&d, 0, 1.0 - q, x)
		       : quantile_tail(&d, 1, q, x);
}

int quantile_beta(double p, double a, double b, double *x)
{
	struct dist d = { beta_P, beta_Q, beta_Pinv, beta_Qinv, { a, b },
			  0, 1, a / (a + b), 0.01, a + b <= BETA_INVERSE_MAX };

	if (!positive(a) || !positive(b))
		return bad_parameter(x);
	return quantile(&d, p, x);
}

int quantile_chisq(double p, double df, double *x)
{
	if (quantile_gamma(p, df / 2, x) < 0)
		return -1;
	*x *= 2;
	return 0;
}

int quantile_normal(double p, double *x)
{
	struct dist d = { normal_P, normal_Q, normal_Pinv, normal_Qinv,
			  { 0, 0 }, -INFINITY, INFINITY, 0, 1, 1 };

	return quantile(&d, p, x);
}

int quantile_t(double p, double df, double *x)
{
	struct dist d = { t_P, t_Q, t_Pinv, t_Qinv, { df, 0 },
			  -INFINITY, INFINITY, 0, 1, 1 };

	if (!positive(df))
		return bad_parameter(x);
	return quantile(&d, p, x);
}
