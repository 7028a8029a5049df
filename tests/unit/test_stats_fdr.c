/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "close.h"
#include "stats/fdr.h"

/*
 * Benjamini & Hochberg (1995), section 4: the 15 p-values of a trial; at
 * q* = 0.05 the procedure rejects the 4 smallest.  Expected q-values are
 * R's p.adjust(p, "BH").
 */
static void test_bh_1995(void **state)
{
	static const double p[15] = { 0.0001, 0.0004, 0.0019, 0.0095, 0.0201,
				      0.0278, 0.0298, 0.0344, 0.0459, 0.3240,
				      0.4262, 0.5719, 0.6528, 0.7590, 1.000 };
	static const double want[15] = {
		0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857142857142857,
		0.063857142857142857, 0.0645, 0.0765, 0.486, 0.58118181818181818,
		0.714875, 0.75323076923076923, 0.81321428571428571, 1.0 };
	double q[15];

	(void)state;
	assert_int_equal(fdr_bh(p, 15, q), 0);
	for (int i = 0; i < 15; i++)
		assert_close(q[i], want[i], 1e-14);
	assert_int_equal(fdr_rejections(q, 15, 0.05), 4);
}

/* Order does not matter; untested (NaN) entries are skipped, not counted. */
static void test_bh_unsorted_with_untested(void **state)
{
	double p[] = { 0.04, NAN, 0.01, 0.03, NAN };
	double q[5];

	(void)state;
	assert_int_equal(fdr_bh(p, 5, q), 0);
	assert_close(q[0], 0.04, 1e-15);
	assert_nan(q[1]);
	assert_close(q[2], 0.03, 1e-15);
	assert_close(q[3], 0.04, 1e-15);
	assert_nan(q[4]);
	/* in place */
	assert_int_equal(fdr_bh(p, 5, p), 0);
	assert_close(p[2], 0.03, 1e-15);
}

static void test_bh_edges(void **state)
{
	double p[] = { 0.2 }, q[1];
	double ties[] = { 0.01, 0.01, 0.01 }, tq[3];

	(void)state;
	assert_int_equal(fdr_bh(p, 0, q), 0);
	assert_int_equal(fdr_bh(p, 1, q), 0);
	assert_close(q[0], 0.2, 0);
	assert_int_equal(fdr_bh(ties, 3, tq), 0);
	for (int i = 0; i < 3; i++)
		assert_close(tq[i], 0.01, 1e-15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bh_1995),
		cmocka_unit_test(test_bh_unsorted_with_untested),
		cmocka_unit_test(test_bh_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
