/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>

#include <gsl/gsl_errno.h>

#include "close.h"
#include "stats/table.h"

/*
 * Agresti, An Introduction to Categorical Data Analysis (2007), table 2.5:
 * party identification by gender.  X^2 30.070, df 2, p 2.954e-07; G^2
 * 30.017; adjusted residuals 4.50, 0.70, -5.32 for the first row.  More
 * digits by mpmath.
 */
static void test_agresti_party_by_gender(void **state)
{
	static const double x[] = { 762, 327, 468, 484, 239, 477 };
	double res[6];
	struct table_test t;

	(void)state;
	assert_int_equal(table_homogeneity(x, 2, 3, &t, res), 0);
	assert_close(t.chi2, 30.070, 1e-4);
	assert_close(t.df, 2, 0);
	assert_close(t.chi2_p / 1e-7, 2.954, 1e-3);
	assert_close(t.chi2, 30.070149095754672, 1e-13);
	assert_close(t.chi2_p, 2.9535891832117580e-07 , 1e-18);
	assert_close(t.g2, 30.016692613239671, 1e-13);
	assert_close(t.g2_p, 3.0335979106388095e-07, 1e-18);
	assert_close(t.cramers_v, 0.10443580235646777, 1e-14);
	assert_close(t.tv, 0.096921965317919075, 1e-14);
	assert_close(t.js, 0.089278056946313257, 1e-13);
	assert_close(res[0], 4.502053521086702, 1e-12);
	assert_close(res[1], 0.6994517329844302, 1e-12);
	assert_close(res[2], -5.31594554270493, 1e-12);
	assert_close(res[3], -4.502053521086702, 1e-12);
}

/* A column of zeros carries no information: it leaves the test. */
static void test_zero_column(void **state)
{
	static const double x[] = { 762, 0, 327, 468, 484, 0, 239, 477 };
	double res[8];
	struct table_test t;

	(void)state;
	assert_int_equal(table_homogeneity(x, 2, 4, &t, res), 0);
	assert_int_equal(t.used_cols, 3);
	assert_close(t.df, 2, 0);
	assert_close(t.chi2, 30.070149095754672, 1e-13);
	assert_nan(res[1]);
	assert_close(t.tv, 0.096921965317919075, 1e-14);
}

/* One category, or a source with nothing: no test; equal shares: 0. */
static void test_degenerate(void **state)
{
	static const double one[] = { 5, 9 }, empty[] = { 0, 0, 3, 4 };
	static const double same[] = { 10, 20, 30, 1, 2, 3 };
	struct table_test t;

	(void)state;
	assert_int_equal(table_homogeneity(one, 2, 1, &t, NULL), 0);
	assert_nan(t.chi2);
	assert_nan(t.df);
	assert_close(t.tv, 0, 0);
	assert_int_equal(table_homogeneity(empty, 2, 2, &t, NULL), 0);
	assert_nan(t.chi2);
	assert_nan(t.tv);
	assert_int_equal(table_homogeneity(same, 2, 3, &t, NULL), 0);
	assert_close(t.chi2, 0, 1e-12);
	assert_close(t.chi2_p, 1, 1e-12);
	assert_close(t.tv, 0, 1e-15);
	assert_close(t.js, 0, 1e-7);
	assert_int_equal(table_homogeneity((double[]){ -1, 2, 3, 4 }, 2, 2,
					   &t, NULL), -1);
}

/* Disjoint supports: TV and JS distance are 1. */
static void test_disjoint(void **state)
{
	static const double x[] = { 10, 0, 0, 7 };
	struct table_test t;

	(void)state;
	assert_int_equal(table_homogeneity(x, 2, 2, &t, NULL), 0);
	assert_close(t.tv, 1, 1e-15);
	assert_close(t.js, 1, 1e-15);
	assert_close(t.cramers_v, 1, 1e-15);
}

/*
 * Small expected counts (the smallest 1.09): the p-values are Monte Carlo
 * over tables with the same margins, within 4 standard errors of the exact
 * conditional p, 0.10303 for both X^2 (4.878) and G^2 (6.103), found by
 * enumerating every table with these margins (Python, exact fractions);
 * the chi-squared tails would say 0.087 and 0.047.  The same table gives
 * the same p every time (fixed seed).
 */
static void test_small_expected_monte_carlo(void **state)
{
	static const double x[] = { 3, 1, 0, 1, 2, 4 };
	double se = sqrt(0.10303 * (1 - 0.10303) / TABLE_MC_DRAWS);
	struct table_test t, again;

	(void)state;
	assert_int_equal(table_homogeneity(x, 2, 3, &t, NULL), 0);
	assert_true(t.monte_carlo);
	assert_close(t.min_expected, 4.0 * 3 / 11, 1e-12);
	assert_close(t.chi2, 4.877976190476191, 1e-12);
	assert_true(fabs(t.chi2_p - 0.10303030303030303) < 4 * se);
	assert_true(fabs(t.g2_p - 0.10303030303030303) < 4 * se);
	assert_int_equal(table_homogeneity(x, 2, 3, &again, NULL), 0);
	assert_true(again.chi2_p == t.chi2_p && again.g2_p == t.g2_p);
}

/* Large expected counts keep the chi-squared tails. */
static void test_large_expected_no_monte_carlo(void **state)
{
	static const double x[] = { 762, 327, 468, 484, 239, 477 };
	struct table_test t;

	(void)state;
	assert_int_equal(table_homogeneity(x, 2, 3, &t, NULL), 0);
	assert_false(t.monte_carlo);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agresti_party_by_gender),
		cmocka_unit_test(test_zero_column),
		cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_disjoint),
		cmocka_unit_test(test_small_expected_monte_carlo),
		cmocka_unit_test(test_large_expected_no_monte_carlo),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
