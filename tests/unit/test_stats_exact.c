/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <gsl/gsl_errno.h>

#include "close.h"
#include "stats/exact.h"

/*
 * R: poisson.test(c(2, 9), c(17877, 16660)): rate ratio 0.2070941557,
 * 95 % CI 0.02177406-1.00054910; the central two-sided p is 0.05011
 * (R's own p, by summing small probabilities, differs).  Exact values by
 * mpmath: p 0.050106495614108895, CI 0.021774062759064700-
 * 1.0005491044877219.
 */
static void test_rate_ratio_reference(void **state)
{
	struct exact_ratio r;

	(void)state;
	assert_int_equal(exact_rate_ratio(2, 17877, 9, 16660, 0.95, &r), 0);
	assert_close(r.ratio, 0.2070941557, 1e-10);
	assert_close(r.lo, 0.02177406, 1e-8);
	assert_close(r.hi, 1.00054910, 1e-8);
	assert_close(r.p, 0.05011, 1e-5);
	assert_close(r.lo, 0.021774062759064700, 1e-12);
	assert_close(r.hi, 1.0005491044877219, 1e-12);
	assert_close(r.p, 0.050106495614108895, 1e-12);
}

/* Garwood for 10 events: 4.795389-18.390356. */
static void test_garwood_reference(void **state)
{
	double lo, hi;

	(void)state;
	assert_int_equal(exact_garwood(10, 0.95, &lo, &hi), 0);
	assert_close(lo, 4.795389, 1e-6);
	assert_close(hi, 18.390356, 1e-6);
	assert_int_equal(exact_garwood(0, 0.95, &lo, &hi), 0);
	assert_close(lo, 0, 0);
	assert_close(hi, 3.6888794541139363, 1e-12);    /* -log(0.025) */
}

/* Garwood at national-total scale takes the robust gamma quantiles. */
static void test_garwood_large(void **state)
{
	double lo, hi;

	(void)state;
	assert_int_equal(exact_garwood(25000, 0.95, &lo, &hi), 0);
	assert_close(lo, 24691.050721637512, 1e-12);
	assert_int_equal(exact_garwood(50000, 0.95, &lo, &hi), 0);
	assert_close(hi, 50440.212035431293, 1e-12);
}

static void test_binomial_central_p(void **state)
{
	double p;

	(void)state;
	/* 0 of 5 at 1/2: 2 * 1/32 */
	assert_int_equal(exact_binomial_p(0, 5, 0.5, &p), 0);
	assert_close(p, 0.0625, 1e-15);
	/* the middle of an even n: capped at 1 */
	assert_int_equal(exact_binomial_p(5, 10, 0.5, &p), 0);
	assert_close(p, 1, 0);
	/* 1 of 1 */
	assert_int_equal(exact_binomial_p(1, 1, 0.5, &p), 0);
	assert_close(p, 1, 0);
	/* 7 of 20: 2 P(X <= 7) = 2 * 0.131588 */
	assert_int_equal(exact_binomial_p(7, 20, 0.5, &p), 0);
	assert_close(p, 0.26317596435546875, 1e-13);
	/* small counts come out exact: 1 vs 2 is p = 1, 3 of 9 is 65/128 */
	assert_int_equal(exact_binomial_p(2, 3, 0.5, &p), 0);
	assert_true(p == 1.0);
	assert_int_equal(exact_binomial_p(3, 9, 0.5, &p), 0);
	assert_true(p == 0.5078125);
	/* and at n = 1000, the largest summed, to 1e-12 */
	assert_int_equal(exact_binomial_p(470, 1000, 0.5, &p), 0);
	assert_close(p, 0.062023195098363181, 1e-12);    /* mpmath */
	assert_int_equal(exact_binomial_p(3, 2, 0.5, &p), -1);
	assert_int_equal(exact_binomial_p(1.5, 2, 0.5, &p), -1);
	assert_int_equal(exact_binomial_p(-1, 2, 0.5, &p), -1);
}

/* 0 vs 0 carries no information: no p, no interval, no ratio. */
static void test_zero_zero(void **state)
{
	struct exact_ratio r;

	(void)state;
	assert_int_equal(exact_rate_ratio(0, 1, 0, 1, 0.95, &r), 0);
	assert_nan(r.ratio);
	assert_nan(r.lo);
	assert_nan(r.hi);
	assert_nan(r.p);
}

/* b > 0 = a: the ratio is infinite (NaN), the lower bound is finite. */
static void test_zero_reference(void **state)
{
	struct exact_ratio r;

	(void)state;
	assert_int_equal(exact_rate_ratio(4, 1, 0, 1, 0.95, &r), 0);
	assert_nan(r.ratio);
	assert_nan(r.hi);
	/* pi_lo = 0.025^(1/4); ratio lo = pi_lo / (1 - pi_lo) */
	assert_close(r.lo, 0.66012401936009340, 1e-12);
	assert_close(r.p, 0.125, 1e-15);
	/* a > 0 = b: ratio 0, lower 0 */
	assert_int_equal(exact_rate_ratio(0, 1, 4, 1, 0.95, &r), 0);
	assert_close(r.ratio, 0, 0);
	assert_close(r.lo, 0, 0);
	assert_true(r.hi > 0);
}

/* Counts of 1e5: the interval brackets the ratio and p is sane. */
static void test_counts_of_1e5(void **state)
{
	struct exact_ratio r;

	(void)state;
	assert_int_equal(exact_rate_ratio(100000, 1, 100000, 1, 0.95, &r), 0);
	assert_close(r.ratio, 1, 0);
	assert_close(r.p, 1, 0);
	assert_true(r.lo < 1 && r.hi > 1);
	/*
	 * Clopper-Pearson bounds solved independently by bisection on the
	 * binomial sum P(X <= 1e5 | 2e5, pi) in double precision
	 */
	assert_close(r.lo, 0.9912631614158441, 1e-10);
	assert_close(r.hi, 1.008813843713991, 1e-10);
	assert_int_equal(exact_rate_ratio(101000, 1, 100000, 1, 0.95, &r), 0);
	assert_true(r.p < 0.05 && r.lo > 1);
	assert_int_equal(exact_rate_ratio(100200, 1, 100000, 1, 0.95, &r), 0);
	assert_true(r.p > 0.05 && r.lo < 1 && r.hi > 1);
}

/* The central p and the interval agree: p < 0.05 iff 1 is outside. */
static void test_p_matches_interval(void **state)
{
	struct exact_ratio r;

	(void)state;
	for (int a = 0; a <= 30; a++) {
		for (int b = 0; b <= 30; b++) {
			if (a + b == 0)
				continue;
			assert_int_equal(exact_rate_ratio(b, 1, a, 1, 0.95, &r), 0);
			if (r.p < 0.05)
				assert_true(r.lo > 1 || (!isnan(r.hi) && r.hi < 1));
			else
				assert_true(r.lo <= 1 && (isnan(r.hi) || r.hi >= 1));
		}
	}
}

static void test_clopper_pearson(void **state)
{
	double lo, hi;

	(void)state;
	/* binom.test(7, 20)$conf.int: 0.1539092 0.5921885 */
	assert_int_equal(exact_clopper_pearson(7, 20, 0.95, &lo, &hi), 0);
	assert_close(lo, 0.1539092, 1e-6);
	assert_close(hi, 0.5921885, 1e-6);
	assert_int_equal(exact_clopper_pearson(0, 0, 0.95, &lo, &hi), 0);
	assert_close(lo, 0, 0);
	assert_close(hi, 1, 0);
}

/*
 * Too few to tell a twofold gap: the smallest n whose 2:1 split is
 * significant (mpmath, exact binomial sums at 30 digits) is 35 at 0.05,
 * 59 at 0.01 and 23 at 0.1; from there on, n is enough even where the
 * discrete test dips (a 2:1 split of 36 events has p = 0.065).
 */
static void test_too_few(void **state)
{
	(void)state;
	assert_true(exact_too_few(14, 0.05));      /* 3 vs 11 */
	assert_true(exact_too_few(34, 0.05));
	assert_false(exact_too_few(35, 0.05));
	assert_false(exact_too_few(36, 0.05));
	assert_false(exact_too_few(39, 0.05));
	assert_true(exact_too_few(58, 0.01));
	assert_false(exact_too_few(59, 0.01));
	assert_true(exact_too_few(22, 0.1));
	assert_false(exact_too_few(23, 0.1));
	assert_false(exact_too_few(1e9, 0.05));
	assert_false(exact_too_few(4e9, 0.05));
	assert_true(exact_too_few(0, 0.05));
	assert_true(exact_too_few(1, 0.05));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rate_ratio_reference),
		cmocka_unit_test(test_garwood_reference),
		cmocka_unit_test(test_garwood_large),
		cmocka_unit_test(test_binomial_central_p),
		cmocka_unit_test(test_zero_zero),
		cmocka_unit_test(test_zero_reference),
		cmocka_unit_test(test_counts_of_1e5),
		cmocka_unit_test(test_p_matches_interval),
		cmocka_unit_test(test_clopper_pearson),
		cmocka_unit_test(test_too_few),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
