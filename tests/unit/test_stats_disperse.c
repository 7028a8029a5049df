/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>

#include <gsl/gsl_errno.h>

#include "close.h"
#include "stats/disperse.h"
#include "stats/quantile.h"
#include "stats/regress.h"

static const double A8[] = { 14, 3, 9, 11, 2, 6, 17, 4 };
static const double B8[] = { 30, 12, 8, 40, 5, 9, 25, 20 };

/*
 * Reference values from mpmath 1.3 at 40 digits: X^2 summed directly, the
 * t quantile solved on the regularised incomplete beta (findroot), the
 * interval and p from the formulas in disperse.h.
 */
static void test_quasi_reference(void **state)
{
	struct disperse d;

	(void)state;
	assert_int_equal(disperse_ratio(A8, B8, 8, 0.95, &d), 0);
	assert_int_equal(d.quasi, 1);
	assert_close(d.chi2, 11.518095146428419945, 1e-13);
	assert_close(d.df, 7, 0);
	assert_close(d.phi, 1.6454421637754885636, 1e-13);
	assert_close(d.ratio, 2.2575757575757575758, 1e-15);
	assert_close(d.lo, 1.4416619676756304425, 1e-12);
	assert_close(d.hi, 3.5352588994291109052, 1e-12);
	assert_close(d.p, 0.0035963697843012171583, 1e-10);
}

/*
 * The same fit another way: reckon's own Poisson GLM (IRLS) with one
 * parameter per cell and one for the source.  Its Pearson X^2 and its
 * source coefficient's se, scaled by the dispersion, are what the closed
 * form gives.
 */
static void test_matches_glm_with_cell_effects(void **state)
{
	enum { K = 8, P = K + 1 };
	double X[2 * K * P] = { 0 }, y[2 * K];
	struct regress_fit f = { 0 };
	struct disperse d;
	double se, t;

	(void)state;
	for (size_t i = 0; i < K; i++) {
		X[(2 * i) * P + i] = 1;
		X[(2 * i + 1) * P + i] = 1;
		X[(2 * i + 1) * P + K] = 1;
		y[2 * i] = A8[i];
		y[2 * i + 1] = B8[i];
	}
	assert_int_equal(regress_poisson(X, y, NULL, 2 * K, P, &f), 0);
	assert_int_equal(disperse_ratio(A8, B8, K, 0.95, &d), 0);
	assert_close(f.df, d.df, 0);
	assert_close(f.pearson, d.chi2, 1e-9);
	assert_close(exp(f.coef[K]), d.ratio, 1e-9);
	se = regress_se(&f, K) * sqrt(f.pearson / f.df);
	assert_int_equal(quantile_t(0.975, f.df, &t), 0);
	assert_close(exp(f.coef[K] - t * se), d.lo, 1e-8);
	assert_close(exp(f.coef[K] + t * se), d.hi, 1e-8);
	regress_release(&f);
}

/* Cells that share one ratio vary less than Poisson: the exact stands. */
static void test_underdispersed_keeps_exact(void **state)
{
	const double a[] = { 10, 20, 30, 40 }, b[] = { 20, 40, 60, 80 };
	struct disperse d;

	(void)state;
	assert_int_equal(disperse_ratio(a, b, 4, 0.95, &d), 0);
	assert_int_equal(d.quasi, 0);
	assert_close(d.phi, 0, 0);
	assert_close(d.ratio, 2, 0);
	assert_true(isnan(d.lo) && isnan(d.p));
}

/* Too few cells, a zero total, empty cells: no dispersion to estimate. */
static void test_edges(void **state)
{
	const double a2[] = { 1, 50 }, b2[] = { 40, 2 };
	const double a0[] = { 0, 0, 0 }, b0[] = { 3, 4, 5 };
	const double ae[] = { 0, 5, 0, 9, 0 }, be[] = { 0, 30, 0, 2, 0 };
	const double neg[] = { 1, -1, 2 };
	struct disperse d;

	(void)state;
	assert_int_equal(disperse_ratio(a2, b2, 2, 0.95, &d), 0);
	assert_int_equal(d.quasi, 0);
	assert_true(isnan(d.phi));
	assert_int_equal(disperse_ratio(a0, b0, 3, 0.95, &d), 0);
	assert_int_equal(d.quasi, 0);
	assert_true(isnan(d.ratio));
	/* three empty cells are no evidence: two cells with counts left */
	assert_int_equal(disperse_ratio(ae, be, 5, 0.95, &d), 0);
	assert_int_equal(d.quasi, 0);
	assert_true(isnan(d.phi));
	assert_int_equal(disperse_ratio(neg, b0, 3, 0.95, &d), -1);
	assert_int_equal(disperse_ratio(a0, b0, 3, 1.0, &d), -1);
}

/* Huge counts: the figures stay finite and the interval tight. */
static void test_huge_counts(void **state)
{
	const double a[] = { 3e9, 2e9, 1e9 }, b[] = { 3.3e9, 2e9, 1.2e9 };
	struct disperse d;

	(void)state;
	assert_int_equal(disperse_ratio(a, b, 3, 0.95, &d), 0);
	assert_int_equal(d.quasi, 1);
	assert_true(d.phi > 1e6);
	assert_true(d.lo < d.ratio && d.ratio < d.hi);
	assert_true(d.p > 0 && d.p <= 1);
}

/* t quantiles against mpmath (40 digits). */
static void test_t_quantiles(void **state)
{
	double x;

	(void)state;
	assert_int_equal(quantile_t(0.975, 7, &x), 0);
	assert_close(x, 2.3646242515927853417, 1e-12);
	assert_int_equal(quantile_t(0.975, 1, &x), 0);
	assert_close(x, 12.706204736174704646, 1e-12);
	assert_int_equal(quantile_t(0.025, 7, &x), 0);
	assert_close(x, -2.3646242515927853417, 1e-12);
	assert_int_equal(quantile_t(0.5, 3, &x), 0);
	assert_close(x, 0, 1e-15);
	assert_int_equal(quantile_t(0.975, 0, &x), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quasi_reference),
		cmocka_unit_test(test_matches_glm_with_cell_effects),
		cmocka_unit_test(test_underdispersed_keeps_exact),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_huge_counts),
		cmocka_unit_test(test_t_quantiles),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
