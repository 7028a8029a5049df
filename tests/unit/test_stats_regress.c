/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <gsl/gsl_errno.h>

#include "close.h"
#include "stats/regress.h"

/* NIST StRD, Norris (lower difficulty): y on x, 36 observations. */
static const double norris_y[36] = {
	0.1, 338.8, 118.1, 888.0, 9.2, 228.1, 668.5, 998.5, 449.1, 778.9,
	559.2, 0.3, 0.1, 778.1, 668.8, 339.3, 448.9, 10.8, 557.7, 228.3,
	998.0, 888.8, 119.6, 0.3, 0.6, 557.6, 339.3, 888.0, 998.5, 778.9,
	10.2, 117.6, 228.9, 668.4, 449.2, 0.2 };
static const double norris_x[36] = {
	0.2, 337.4, 118.2, 884.6, 10.1, 226.5, 666.3, 996.3, 448.6, 777.0,
	558.2, 0.4, 0.6, 775.5, 666.9, 338.0, 447.5, 11.6, 556.0, 228.1,
	995.8, 887.6, 120.2, 0.3, 0.3, 556.8, 339.1, 887.2, 999.0, 779.0,
	11.1, 118.3, 229.2, 669.1, 448.9, 0.5 };

/*
 * Certified: b0 -0.262323073774029 (sd 0.232818234301152), b1
 * 1.00211681802045 (sd 0.429796848199937E-03), R^2 0.999993745883712,
 * residual SD 0.884796396144373.
 */
static void test_norris(void **state)
{
	double X[72];
	struct regress_fit fit;

	(void)state;
	for (int i = 0; i < 36; i++) {
		X[2 * i] = 1;
		X[2 * i + 1] = norris_x[i];
	}
	assert_int_equal(regress_linear(X, norris_y, NULL, 36, 2, &fit), 0);
	assert_close(fit.coef[0], -0.262323073774029, 1e-12);
	assert_close(fit.coef[1], 1.00211681802045, 1e-13);
	assert_close(fit.r2, 0.999993745883712, 1e-14);
	assert_close(regress_se(&fit, 0), 0.232818234301152, 1e-11);
	assert_close(regress_se(&fit, 1), 0.429796848199937e-03, 1e-11);
	assert_close(sqrt(fit.rss / fit.df), 0.884796396144373, 1e-12);
	regress_release(&fit);
}

/*
 * Dobson (1990), p. 93, as in R's ?glm:
 *   counts <- c(18,17,15,20,10,20,25,13,12); outcome <- gl(3,1,9)
 *   treatment <- gl(3,3); glm(counts ~ outcome + treatment, poisson)
 * Residual deviance 5.129141 on 4 df (5.1291410770011482 by mpmath, the
 * model being closed-form), null deviance 10.58145, AIC 56.76,
 * intercept 3.044522, outcome2 -0.4542553, outcome3 -0.2929871.
 */
static void test_dobson_glm(void **state)
{
	static const double y[9] = { 18, 17, 15, 20, 10, 20, 25, 13, 12 };
	double X[45];
	struct regress_fit fit;

	(void)state;
	for (int i = 0; i < 9; i++) {
		double *r = X + 5 * i;

		r[0] = 1;
		r[1] = i % 3 == 1;
		r[2] = i % 3 == 2;
		r[3] = i / 3 == 1;
		r[4] = i / 3 == 2;
	}
	assert_int_equal(regress_poisson(X, y, NULL, 9, 5, &fit), 0);
	assert_close(fit.deviance, 5.129141, 1e-6);
	assert_close(fit.deviance, 5.1291410770011482, 1e-10);
	assert_close(fit.df, 4, 0);
	assert_close(fit.aic, 56.761318401957674, 1e-10);
	assert_close(fit.coef[0], 3.0445224377234230, 1e-10);
	assert_close(fit.coef[1], -0.45425527227759639, 1e-10);
	assert_close(fit.coef[2], -0.29298712468147410, 1e-10);
	assert_close(fit.coef[3], 0, 1e-10);
	/* R: Std. Error of the intercept 0.1709, of outcome2 0.2022 */
	assert_close(regress_se(&fit, 0), 0.1709, 1e-4);
	assert_close(regress_se(&fit, 1), 0.2022, 1e-4);
	regress_release(&fit);
}

/* Intercept only: the mean, deviance = the null deviance 10.58145. */
static void test_null_model(void **state)
{
	static const double y[9] = { 18, 17, 15, 20, 10, 20, 25, 13, 12 };
	static const double X[9] = { 1, 1, 1, 1, 1, 1, 1, 1, 1 };
	struct regress_fit fit;

	(void)state;
	assert_int_equal(regress_poisson(X, y, NULL, 9, 1, &fit), 0);
	assert_close(exp(fit.coef[0]), 150.0 / 9, 1e-12);
	assert_close(fit.deviance, 10.581445863750861, 1e-10);
	regress_release(&fit);
}

static void test_rank_deficient(void **state)
{
	static const double y[3] = { 1, 2, 3 };
	static const double X[6] = { 1, 2, 1, 2, 1, 2 };
	struct regress_fit fit;

	(void)state;
	assert_int_equal(regress_poisson(X, y, NULL, 3, 2, &fit), REGRESS_RANK);
	assert_null(fit.coef);
	assert_int_equal(regress_linear(X, y, NULL, 3, 2, &fit), REGRESS_RANK);
}

/* A group of zeros sends its mean to 0: reported, not a huge number. */
static void test_all_zero_group(void **state)
{
	static const double y[4] = { 0, 0, 5, 7 };
	static const double X[8] = { 1, 0, 1, 0, 1, 1, 1, 1 };
	struct regress_fit fit;

	(void)state;
	assert_int_equal(regress_poisson(X, y, NULL, 4, 2, &fit),
			 REGRESS_DIVERGED);
}

static void test_domain(void **state)
{
	static const double y[2] = { 1, -2 }, X[2] = { 1, 1 };
	struct regress_fit fit;

	(void)state;
	assert_int_equal(regress_poisson(X, y, NULL, 2, 1, &fit),
			 REGRESS_DOMAIN);
	assert_int_equal(regress_poisson(X, y, NULL, 0, 1, &fit),
			 REGRESS_DOMAIN);
}

/* Counts of 1e5 with a log-linear trend recover the trend exactly. */
static void test_large_counts_trend(void **state)
{
	double X[8], y[4];
	struct regress_fit fit;

	(void)state;
	for (int t = 0; t < 4; t++) {
		X[2 * t] = 1;
		X[2 * t + 1] = t;
		y[t] = 100000 * pow(1.1, t);
	}
	assert_int_equal(regress_poisson(X, y, NULL, 4, 2, &fit), 0);
	assert_close(exp(fit.coef[1]), 1.1, 1e-9);
	assert_close(fit.deviance, 0, 1e-6);
	regress_release(&fit);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norris),
		cmocka_unit_test(test_dobson_glm),
		cmocka_unit_test(test_null_model),
		cmocka_unit_test(test_rank_deficient),
		cmocka_unit_test(test_all_zero_group),
		cmocka_unit_test(test_domain),
		cmocka_unit_test(test_large_counts_trend),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
