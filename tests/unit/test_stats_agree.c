/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <gsl/gsl_errno.h>

#include "close.h"
#include "stats/agree.h"

/*
 * Bland & Altman (1986), Lancet i:307-310, Table 1: peak expiratory flow
 * (l/min) of 17 subjects, first reading with the Wright and with the mini
 * Wright meter.
 */
static const double wright[17] = { 494, 395, 516, 434, 476, 557, 413, 442,
				   650, 433, 417, 656, 267, 478, 178, 423,
				   427 };
static const double mini[17] = { 512, 430, 520, 428, 500, 600, 364, 380,
				 658, 445, 432, 626, 260, 477, 259, 350, 451 };

/* bias (Wright - mini) -2.1176, sd 38.7651 */
static void test_bland_altman_1986(void **state)
{
	double bias, sd;

	(void)state;
	agree_bland_altman(mini, wright, 17, &bias, &sd);
	assert_close(bias, -2.1176, 1e-4);
	assert_close(sd, 38.7651, 1e-4);
	assert_close(bias, -36.0 / 17, 1e-14);
	assert_close(sd, 38.765129873607377, 1e-12);   /* mpmath */
}

/* Lin's CCC 0.942742, z-transform CI 0.850492-0.978726 (epiR, DescTools) */
static void test_lin_ccc(void **state)
{
	struct agree r;

	(void)state;
	assert_int_equal(agree_compute(wright, mini, 17, 0.95, &r), 0);
	assert_close(r.ccc, 0.942742, 1e-6);
	assert_close(r.ccc_lo, 0.850492, 1e-6);
	assert_close(r.ccc_hi, 0.978726, 1e-6);
	assert_close(r.ccc, 0.94274243142748464, 1e-13);
	assert_close(r.ccc_lo, 0.85049187316856064, 1e-12);
	assert_close(r.ccc_hi, 0.97872627917012256, 1e-12);
	assert_close(r.pearson, 0.94327944689094608, 1e-13);
	assert_int_equal(r.n, 17);
	assert_int_equal(r.ba_n, 17);
	assert_int_equal(r.notes, 0);
}

static void test_identical_sources(void **state)
{
	static const double x[] = { 3, 0, 12, 7, 7, 40 };
	struct agree r;

	(void)state;
	assert_int_equal(agree_compute(x, x, 6, 0.95, &r), 0);
	assert_close(r.ccc, 1, 0);
	assert_nan(r.ccc_lo);
	assert_nan(r.ccc_hi);
	assert_close(r.pearson, 1, 1e-15);
	assert_close(r.spearman, 1, 1e-15);
	assert_close(r.gmr, 1, 0);
	assert_close(r.loa_lo, 1, 0);
	assert_close(r.smape, 0, 0);
	assert_close(r.wape, 0, 0);
	assert_true(r.notes & AGREE_IDENTICAL);
	assert_true(r.notes & AGREE_NONPOSITIVE);   /* the 0-vs-0 pair */
	assert_int_equal(r.ba_n, 5);
}

/* A constant series: correlations undefined, empty plus a note. */
static void test_constant_series(void **state)
{
	static const double a[] = { 5, 5, 5, 5 }, b[] = { 4, 6, 5, 9 };
	struct agree r;

	(void)state;
	assert_int_equal(agree_compute(a, b, 4, 0.95, &r), 0);
	assert_nan(r.pearson);
	assert_nan(r.spearman);
	assert_nan(r.ccc);
	assert_true(r.notes & AGREE_CONSTANT);
	assert_close(r.wape, 100.0 * 6 / 20, 1e-15);
	assert_false(isnan(r.gmr));
}

static void test_single_pair(void **state)
{
	static const double a[] = { 10 }, b[] = { 20 };
	struct agree r;

	(void)state;
	assert_int_equal(agree_compute(a, b, 1, 0.95, &r), 0);
	assert_nan(r.pearson);
	assert_nan(r.ccc);
	assert_close(r.gmr, 2, 1e-15);
	assert_nan(r.loa_lo);       /* no SD from one pair */
	assert_close(r.smape, 100.0 * 10 / 15, 1e-14);
	assert_close(r.wape, 100, 1e-15);
}

static void test_zero_cells(void **state)
{
	static const double a[] = { 0, 0, 0 }, b[] = { 0, 0, 0 };
	struct agree r;

	(void)state;
	assert_int_equal(agree_compute(a, b, 3, 0.95, &r), 0);
	assert_nan(r.smape);
	assert_nan(r.wape);
	assert_nan(r.gmr);
	assert_int_equal(r.ba_n, 0);
	assert_true(r.notes & AGREE_ALLZERO);
	assert_true(r.notes & AGREE_CONSTANT);
	assert_int_equal(agree_compute(a, b, 0, 0.95, &r), 0);
	assert_int_equal(r.n, 0);
	assert_nan(r.pearson);
}

/* Ties take mid-ranks: rho of (1,2,2,3) and (1,2,3,4) is 0.9486833. */
static void test_spearman_ties(void **state)
{
	static const double a[] = { 1, 2, 2, 3 }, b[] = { 1, 2, 3, 4 };
	struct agree r;

	(void)state;
	assert_int_equal(agree_compute(a, b, 4, 0.95, &r), 0);
	assert_close(r.spearman, 0.94868329805051377, 1e-14);
}

/* On the log scale: b = 2a everywhere gives GMR 2 and zero-width limits. */
static void test_log_scale(void **state)
{
	static const double a[] = { 1, 10, 100, 1000 }, b[] = { 2, 20, 200, 2000 };
	struct agree r;

	(void)state;
	assert_int_equal(agree_compute(a, b, 4, 0.95, &r), 0);
	assert_close(r.gmr, 2, 1e-14);
	assert_close(r.loa_lo, 2, 1e-12);
	assert_close(r.loa_hi, 2, 1e-12);
	assert_close(r.smape, 100.0 * 2 / 3, 1e-13);
	assert_close(r.wape, 100, 1e-14);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bland_altman_1986),
		cmocka_unit_test(test_lin_ccc),
		cmocka_unit_test(test_identical_sources),
		cmocka_unit_test(test_constant_series),
		cmocka_unit_test(test_single_pair),
		cmocka_unit_test(test_zero_cells),
		cmocka_unit_test(test_spearman_ties),
		cmocka_unit_test(test_log_scale),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
