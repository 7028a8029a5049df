/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include <gsl/gsl_errno.h>

#include "close.h"
#include "stats/recapture.h"
#include "stats/regress.h"

/*
 * Chapman for lists of 948 and 421 with 167 in both: 2383 (2382.797...).
 * Variance and Chao's log-normal interval by mpmath.
 */
static void test_chapman_reference(void **state)
{
	struct recapture_chapman r;

	(void)state;
	assert_int_equal(recapture_chapman(948, 421, 167, 0.95, &r), 0);
	assert_close(round(r.estimate), 2383, 0);
	assert_close(r.estimate, 2382.7976190476190, 1e-13);
	assert_close(r.observed, 1202, 0);
	assert_close(r.variance, 16655.518064276993, 1e-12);
	assert_close(r.lo, 2155.7152702651658, 1e-12);
	assert_close(r.hi, 2663.9489281752480, 1e-12);
}

static void test_chapman_edges(void **state)
{
	struct recapture_chapman r;

	(void)state;
	/* one list holds the other: nothing unseen, zero-width interval */
	assert_int_equal(recapture_chapman(50, 20, 20, 0.95, &r), 0);
	assert_close(r.estimate, 50, 1e-13);
	assert_close(r.lo, 50, 0);
	assert_close(r.hi, 50, 0);
	/* no overlap: Chapman stays finite */
	assert_int_equal(recapture_chapman(10, 10, 0, 0.95, &r), 0);
	assert_close(r.estimate, 120, 1e-13);
	assert_true(r.lo > 20 && r.hi > r.estimate);
	assert_int_equal(recapture_chapman(10, 10, 11, 0.95, &r), -1);
	assert_int_equal(recapture_chapman(10, 10, 2.5, 0.95, &r), -1);
}

/* Counts by history for 3 lists: bit 0 list 1, bit 1 list 2, bit 2 list 3. */
static const double three[8] = { 0, 60, 45, 20, 35, 15, 12, 8 };

static const struct recapture_model *find(const struct recapture_model *m, size_t n,
				    unsigned pairs)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].pairs == pairs)
			return &m[i];
	fail();
	return NULL;
}

/*
 * Closed forms: with every two-list interaction (no three-list term) the
 * unseen count is n100 n010 n001 n111 / (n110 n101 n011); with only lists
 * 1 and 2 dependent, list 3 against the union of 1 and 2 is Petersen's
 * estimate: (n100 + n010 + n110) n001 / (n101 + n011 + n111).
 */
static void test_loglinear_closed_forms(void **state)
{
	struct recapture_model *m;
	const struct recapture_model *sat, *one;
	size_t n;

	(void)state;
	assert_int_equal(recapture_loglinear(three, 3, 0.95, &m, &n), 0);
	assert_int_equal(n, 8);
	sat = find(m, n, 7);
	assert_int_equal(sat->status, 0);
	assert_close(sat->df, 0, 0);
	assert_close(sat->unseen, 60.0 * 45 * 35 * 8 / (20 * 15 * 12), 1e-9);
	one = find(m, n, 1);
	assert_close(one->unseen, (60.0 + 45 + 20) * 35 / (15 + 12 + 8), 1e-9);
	assert_close(one->observed, 195, 0);
	assert_close(one->estimate, 195 + one->unseen, 1e-9);
	assert_true(one->lo < one->estimate && one->hi > one->estimate);
	/* ranked by AIC */
	for (size_t i = 1; i < n; i++)
		assert_true(m[i - 1].aic <= m[i].aic);
	free(m);
}

/* AIC is -2 loglik + 2 params: the saturated model has 7 parameters. */
static void test_loglinear_aic(void **state)
{
	struct recapture_model *m;
	size_t n;
	const struct recapture_model *ind, *sat;

	(void)state;
	assert_int_equal(recapture_loglinear(three, 3, 0.95, &m, &n), 0);
	ind = find(m, n, 0);
	sat = find(m, n, 7);
	assert_close(ind->df, 3, 0);
	assert_close(sat->deviance, 0, 1e-8);
	/* AIC difference = deviance difference + 2 * parameter difference */
	assert_close(ind->aic - sat->aic, ind->deviance - sat->deviance - 6,
		     1e-8);
	free(m);
}

static void test_loglinear_four_lists(void **state)
{
	double c[16];
	struct recapture_model *m;
	size_t n;

	(void)state;
	for (int h = 0; h < 16; h++)
		c[h] = 5 + (h * 7) % 11;
	assert_int_equal(recapture_loglinear(c, 4, 0.95, &m, &n), 0);
	assert_int_equal(n, 64);
	assert_int_equal(m[0].status, 0);
	free(m);
	assert_int_equal(recapture_loglinear(c, 2, 0.95, &m, &n), -1);
	assert_int_equal(recapture_loglinear(c, RECAPTURE_MAX_LISTS + 1, 0.95, &m, &n), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chapman_reference),
		cmocka_unit_test(test_chapman_edges),
		cmocka_unit_test(test_loglinear_closed_forms),
		cmocka_unit_test(test_loglinear_aic),
		cmocka_unit_test(test_loglinear_four_lists),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
