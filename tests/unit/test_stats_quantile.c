/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "close.h"
#include "stats/quantile.h"

/*
 * True values computed to 20 digits in two independent ways with mpmath
 * 1.3 (its regularised incomplete gamma, and the series
 * x^a e^-x / Gamma(a+1) sum x^k / ((a+1)...(a+k)), each bisected to 1e-40).
 * GSL 2.7.1 gives NaN for every P = 0.975 case here and 30871.9, 66434.6
 * for Qinv(0.025) at 25000 and 50001.
 */
static void test_gamma_large_shapes(void **state)
{
	static const struct {
		double p, shape, want;
	} t[] = {
		{ 0.025, 2459, 2362.7593007531183 },
		{ 0.975, 2459, 2557.1349497312783 },
		{ 0.025, 25000, 24691.050721637512 },
		{ 0.975, 25000, 25310.843578794909 },
		{ 0.025, 50001, 49563.682267725223 },
		{ 0.975, 50001, 50440.212035431293 },
	};
	double x;

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(quantile_gamma(t[i].p, t[i].shape, &x), 0);
		assert_close(x, t[i].want, 1e-12);
	}
}

/* The case: Qinv(0.025, 25000) is 25310.84, not GSL's 30871.9. */
static void test_gamma_upper_tail(void **state)
{
	double x;

	(void)state;
	assert_int_equal(quantile_gamma_upper(0.025, 25000, &x), 0);
	assert_close(x, 25310.843578794909, 1e-12);
	assert_int_equal(quantile_gamma_upper(0.975, 25000, &x), 0);
	assert_close(x, 24691.050721637512, 1e-12);
	assert_int_equal(quantile_gamma_upper(0.025, 50001, &x), 0);
	assert_close(x, 50440.212035431293, 1e-12);
}

/* Every quantile goes back to its probability through the forward CDF. */
static void test_round_trip_grid(void **state)
{
	static const double shapes[] = { 0.5, 1, 3, 10, 2459, 25000, 50001,
					 1e5, 1e6 };
	static const double ps[] = { 1e-10, 0.001, 0.025, 0.5, 0.975, 0.999 };
	double x;

	(void)state;
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		for (size_t j = 0; j < sizeof(ps) / sizeof(ps[0]); j++) {
			double p = ps[j], back;

			assert_int_equal(quantile_gamma(p, shapes[i], &x), 0);
			back = p > 0.5 ? 1 - gsl_cdf_gamma_Q(x, shapes[i], 1)
				       : gsl_cdf_gamma_P(x, shapes[i], 1);
			assert_close(back, p, 1e-9);
		}
	}
}

static void test_beta_large_arguments(void **state)
{
	static const double ab[][2] = { { 1e5, 1e5 + 1 }, { 1e5 + 1, 1e5 },
					{ 3, 1e5 }, { 1, 99999 },
					{ 1e5, 1 }, { 2e5, 3e5 } };
	double x;

	(void)state;
	for (size_t i = 0; i < sizeof(ab) / sizeof(ab[0]); i++) {
		assert_int_equal(quantile_beta(0.025, ab[i][0], ab[i][1], &x), 0);
		assert_close(gsl_cdf_beta_P(x, ab[i][0], ab[i][1]), 0.025, 1e-8);
		assert_int_equal(quantile_beta(0.975, ab[i][0], ab[i][1], &x), 0);
		assert_close(gsl_cdf_beta_Q(x, ab[i][0], ab[i][1]), 0.025, 1e-8);
	}
	/* symmetric: the median is 1/2 */
	assert_int_equal(quantile_beta(0.5, 1e5, 1e5, &x), 0);
	assert_close(x, 0.5, 1e-9);
}

static void test_small_and_classic(void **state)
{
	double x;

	(void)state;
	assert_int_equal(quantile_chisq(0.95, 1, &x), 0);
	assert_close(x, 3.8414588206941236, 1e-13);
	assert_int_equal(quantile_chisq(0.95, 2, &x), 0);
	assert_close(x, 5.9914645471079799, 1e-13);
	assert_int_equal(quantile_normal(0.975, &x), 0);
	assert_close(x, 1.959963984540054, 1e-14);
	assert_int_equal(quantile_gamma(0.025, 10, &x), 0);
	assert_close(x, 4.7953886961324336, 1e-12);
}

static void test_domain(void **state)
{
	double x;

	(void)state;
	assert_int_equal(quantile_gamma(-0.1, 3, &x), -1);
	assert_nan(x);
	assert_int_equal(quantile_gamma(0.5, 0, &x), -1);
	assert_int_equal(quantile_beta(1.5, 1, 1, &x), -1);
	assert_int_equal(quantile_beta(0.5, 1, -1, &x), -1);
	assert_int_equal(quantile_gamma(0, 3, &x), 0);
	assert_close(x, 0, 0);
	assert_int_equal(quantile_beta(1, 2, 3, &x), 0);
	assert_close(x, 1, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gamma_large_shapes),
		cmocka_unit_test(test_gamma_upper_tail),
		cmocka_unit_test(test_round_trip_grid),
		cmocka_unit_test(test_beta_large_arguments),
		cmocka_unit_test(test_small_and_classic),
		cmocka_unit_test(test_domain),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
