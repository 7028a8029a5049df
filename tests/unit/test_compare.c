/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The per-pair figures of reckon-compare: cells, summary, trend, numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <gsl/gsl_errno.h>

#include "compare/align.h"
#include "close.h"
#include "compare/cells.h"
#include "compare/obs_set.h"
#include "compare/out.h"
#include "compare/summary.h"
#include "compare/trend.h"

static char *dims[] = { "region" };

static void add(struct obs_set *s, const char *src, const char *period,
		const char *region, const char *value)
{
	const char *dim[1] = { region };
	struct obs_input in = { src, "x", period, dim, value, NULL, "t", 1 };
	struct rk_error err = { 0 };

	assert_int_equal(obs_set_add(s, &in, &err), 0);
}

static void test_numbers_round_trip(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(compare_number(0.1, buf), "0.1");
	assert_string_equal(compare_number(1.0 / 3, buf), "0.3333333333333333");
	assert_string_equal(compare_number(100000, buf), "100000");
	assert_string_equal(compare_number(-0.0, buf), "0");
	assert_string_equal(compare_number(-12, buf), "-12");
	assert_string_equal(compare_number(NAN, buf), "");
	assert_string_equal(compare_number(INFINITY, buf), "");
	assert_string_equal(compare_number(1e20, buf), "1e+20");
	assert_string_equal(compare_number(2.9535891832117580e-07, buf),
			    "2.953589183211758e-07");
	assert_string_equal(compare_number(0.2070941557432579, buf),
			    "0.2070941557432579");
	for (double x = 1e-9; x < 1e9; x *= 7.3) {
		compare_number(x, buf);
		assert_true(strtod(buf, NULL) == x);
	}
}

/* Flags per cell; BH over the tested cells of the pair only. */
static void test_cell_flags(void **state)
{
	struct obs_set *s = obs_set_new(dims, 1);
	struct alignment al;
	struct cell_stats st[6];
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2024", "r1", "10");
	add(s, "b", "2024", "r1", "40");   /* p 1.4e-5: significant */
	add(s, "a", "2024", "r2", "0");
	add(s, "b", "2024", "r2", "0");    /* no information */
	add(s, "a", "2024", "r3", "50");
	add(s, "b", "2024", "r3", "60");   /* within noise: 110 events */
	add(s, "a", "2024", "r4", "");
	add(s, "b", "2024", "r4", "6");    /* missing */
	add(s, "a", "2024", "r5", "1");    /* only a */
	add(s, "b", "2024", "r6", "2.5");  /* only b */
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(al.n, 6);
	assert_int_equal(cells_compute(&al, 0.05, st), 0);
	assert_int_equal(st[0].flag, CELL_SIGNIFICANT);
	assert_close(st[0].diff, 30, 0);
	assert_close(st[0].sym_pct, 120, 1e-14);
	assert_close(st[0].ratio, 4, 0);
	/* two tested cells: q of the smaller p is 2 p */
	assert_close(st[0].q, 2 * st[0].p, 1e-15);
	assert_int_equal(st[1].flag, CELL_NO_INFORMATION);
	assert_nan(st[1].sym_pct);
	assert_nan(st[1].ratio);
	assert_nan(st[1].p);
	assert_close(st[1].diff, 0, 0);
	assert_int_equal(st[2].flag, CELL_WITHIN_NOISE);
	assert_string_equal(cells_flag_name(st[2].flag), "within_noise");
	assert_int_equal(st[3].flag, CELL_MISSING);
	assert_nan(st[3].diff);
	assert_int_equal(st[4].flag, CELL_ONLY_A);
	assert_int_equal(st[5].flag, CELL_ONLY_B);
	assert_string_equal(cells_flag_name(st[5].flag), "only_b");
	align_release(&al);
	obs_set_free(s);
}

/*
 * A cell with too few events to show a twofold gap (3 vs 11: 14 events) is
 * "too few to tell", not "within chance"; one with 40 events is within
 * chance; a significant one stays significant however few its events.
 */
static void test_too_few_to_tell(void **state)
{
	struct obs_set *s = obs_set_new(dims, 1);
	struct alignment al;
	struct cell_stats st[3];
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2024", "r1", "3");
	add(s, "b", "2024", "r1", "11");   /* p 0.057, 14 events */
	add(s, "a", "2024", "r2", "18");
	add(s, "b", "2024", "r2", "22");   /* 40 events */
	add(s, "a", "2024", "r3", "0");
	add(s, "b", "2024", "r3", "9");    /* p 0.004 */
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(cells_compute(&al, 0.05, st), 0);
	assert_int_equal(st[0].flag, CELL_TOO_FEW);
	assert_string_equal(cells_flag_name(st[0].flag), "too_few");
	assert_int_equal(st[1].flag, CELL_WITHIN_NOISE);
	assert_int_equal(st[2].flag, CELL_SIGNIFICANT);
	align_release(&al);
	obs_set_free(s);
}

/* A value that is not a count is compared but not tested. */
static void test_not_counts(void **state)
{
	struct obs_set *s = obs_set_new(dims, 1);
	struct alignment al;
	struct cell_stats st[1];
	struct summary sm;
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2024", "r1", "2.5");
	add(s, "b", "2024", "r1", "4");
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(cells_compute(&al, 0.05, st), 0);
	assert_int_equal(st[0].flag, CELL_UNTESTED);
	assert_close(st[0].ratio, 1.6, 1e-15);
	assert_nan(st[0].p);
	assert_int_equal(summary_compute(&al, st, &sm), 0);
	assert_int_equal(sm.untested, 1);
	assert_close(sm.total.ratio, 1.6, 1e-15);
	assert_nan(sm.total.p);
	assert_non_null(strstr(sm.note, "not whole counts"));
	align_release(&al);
	obs_set_free(s);
}

/*
 * B grows by 10 % a quarter against a flat A: B's trend and the
 * interaction are 1.1 exactly (the data follow the model), A's is 1.
 */
static void test_trend_widening_gap(void **state)
{
	static const char *q[] = { "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4",
				   "2025-Q1" };
	struct obs_set *s = obs_set_new(dims, 1);
	struct alignment al;
	struct trend t;
	struct rk_error err = { 0 };
	char v[32];

	(void)state;
	for (int i = 0; i < 5; i++) {
		add(s, "a", q[i], "r1", "1000");
		snprintf(v, sizeof(v), "%.17g", 1000 * pow(1.1, i));
		add(s, "b", q[i], "r1", v);
	}
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(trend_compute(&al, 2, &t), 0);
	assert_int_equal(t.periods, 5);
	assert_string_equal(t.per, "quarter");
	assert_close(t.a.estimate, 1, 1e-9);
	assert_close(t.b.estimate, 1.1, 1e-9);
	assert_close(t.interaction.estimate, 1.1, 1e-9);
	assert_true(t.interaction.lo > 1 && t.interaction.p < 1e-6);
	assert_close(t.deviance, 0, 1e-8);
	assert_close(t.df, 6, 0);
	align_release(&al);
	obs_set_free(s);
}

/* Periods of mixed grain are placed in years; a gap in time is kept. */
static void test_trend_uneven_periods(void **state)
{
	struct obs_set *s = obs_set_new(dims, 1);
	struct alignment al;
	struct trend t;
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2022", "r1", "100");
	add(s, "b", "2022", "r1", "100");
	add(s, "a", "2024", "r1", "100");  /* two years on */
	add(s, "b", "2024", "r1", "121");
	add(s, "a", "2025", "r1", "100");
	add(s, "b", "2025", "r1", "133.1");
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(trend_compute(&al, 2, &t), 0);
	assert_string_equal(t.per, "year");
	assert_close(t.interaction.estimate, 1.1, 1e-9);
	align_release(&al);
	obs_set_free(s);
}

static void test_trend_undefined(void **state)
{
	struct obs_set *s = obs_set_new(dims, 1);
	struct alignment al;
	struct trend t;
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2023", "r1", "0");
	add(s, "b", "2023", "r1", "5");
	add(s, "a", "2024", "r1", "0");
	add(s, "b", "2024", "r1", "7");
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(trend_compute(&al, 2, &t), 0);
	assert_nan(t.a.estimate);
	assert_nan(t.interaction.p);
	assert_non_null(strstr(t.note, "counts nothing"));
	align_release(&al);
	obs_set_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_round_trip),
		cmocka_unit_test(test_cell_flags),
		cmocka_unit_test(test_too_few_to_tell),
		cmocka_unit_test(test_not_counts),
		cmocka_unit_test(test_trend_widening_gap),
		cmocka_unit_test(test_trend_uneven_periods),
		cmocka_unit_test(test_trend_undefined),
	};

	gsl_set_error_handler_off();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
