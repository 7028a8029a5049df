/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "compare/align.h"
#include "close.h"
#include "compare/obs_set.h"

static char *dims[] = { "region", "sex", "facility" };

static struct obs_set *new_set(void)
{
	struct obs_set *s = obs_set_new(dims, 3);

	assert_non_null(s);
	return s;
}

/* Adds source,period,region,sex,facility,value ("" missing). */
static void add(struct obs_set *s, const char *src, const char *period,
		const char *region, const char *sex, const char *facility,
		const char *value)
{
	const char *dim[3] = { region, sex, facility };
	struct obs_input in = { src, "x", period, dim, value, NULL, "t.csv",
				(long)s->n + 2 };
	struct rk_error err = { 0 };

	assert_int_equal(obs_set_add(s, &in, &err), 0);
}

static const char *dim_of(const struct alignment *al, size_t i, size_t d)
{
	return al->set->str[align_dims(al, i)[d]];
}

/* A has region x sex, B region only: sex is summed out of A. */
static void test_sums_out_what_one_side_lacks(void **state)
{
	struct obs_set *s = new_set();
	struct alignment al;
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2024-Q1", "r1", "M", "", "3");
	add(s, "a", "2024-Q1", "r1", "F", "", "4");
	add(s, "a", "2024-Q1", "r2", "M", "", "1");
	add(s, "a", "2024-Q1", "r2", "F", "", "0");
	add(s, "b", "2024-Q1", "r1", "", "", "9");
	add(s, "b", "2024-Q1", "r2", "", "", "1");
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(al.compared, 1);          /* region */
	assert_int_equal(al.summed_a, 2);          /* sex */
	assert_int_equal(al.summed_b, 0);
	assert_int_equal(al.n, 2);
	assert_string_equal(dim_of(&al, 0, 0), "r1");
	assert_string_equal(dim_of(&al, 0, 1), "");
	assert_close(al.cell[0].a, 7, 0);
	assert_close(al.cell[0].b, 9, 0);
	assert_close(al.cell[1].a, 1, 0);
	align_release(&al);
	obs_set_free(s);
}

/* A published total is used as it is, not rebuilt from its parts. */
static void test_prefers_published_totals(void **state)
{
	struct obs_set *s = new_set();
	struct alignment al;
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2024", "r1", "M", "", "3");
	add(s, "a", "2024", "r1", "F", "", "4");
	add(s, "a", "2024", "r1", "", "", "8");    /* parts do not add up */
	add(s, "b", "2024", "r1", "", "", "9");
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(al.n, 1);
	assert_close(al.cell[0].a, 8, 0);
	assert_int_equal(al.summed_a, 0);
	align_release(&al);
	obs_set_free(s);
}

/*
 * A: region x sex and facility (separate tables), B: sex x facility.  The
 * common breakdowns of size one are sex and facility; sex (the earlier
 * dimension) wins.
 */
static void test_largest_common_breakdown(void **state)
{
	struct obs_set *s = new_set();
	struct alignment al;
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2024", "r1", "M", "", "3");
	add(s, "a", "2024", "r1", "F", "", "4");
	add(s, "a", "2024", "", "", "f1", "7");
	add(s, "b", "2024", "", "M", "f1", "2");
	add(s, "b", "2024", "", "F", "f1", "5");
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(al.compared, 2);          /* sex */
	assert_int_equal(al.summed_a, 1);          /* region */
	assert_int_equal(al.summed_b, 4);          /* facility */
	assert_int_equal(al.n, 2);
	assert_string_equal(dim_of(&al, 0, 1), "F");
	assert_close(al.cell[0].a, 4, 0);
	assert_close(al.cell[0].b, 5, 0);
	align_release(&al);
	obs_set_free(s);
}

/* A sum with a missing part is missing; zero stays zero. */
static void test_missing_part_makes_missing(void **state)
{
	struct obs_set *s = new_set();
	struct alignment al;
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2024", "r1", "M", "", "3");
	add(s, "a", "2024", "r1", "F", "", "");
	add(s, "a", "2024", "r2", "M", "", "0");
	add(s, "a", "2024", "r2", "F", "", "0");
	add(s, "b", "2024", "r1", "", "", "9");
	add(s, "b", "2024", "r2", "", "", "0");
	add(s, "b", "2024", "r3", "", "", "2");
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(al.n, 3);
	assert_int_equal(al.cell[0].sa, SIDE_MISSING);
	assert_nan(al.cell[0].a);
	assert_int_equal(al.cell[1].sa, SIDE_VALUE);
	assert_close(al.cell[1].a, 0, 0);
	assert_int_equal(al.cell[2].sa, SIDE_ABSENT);
	assert_int_equal(al.cell[2].sb, SIDE_VALUE);
	align_release(&al);
	obs_set_free(s);
}

/* Cells come in time order, then by value; periods are canonical. */
static void test_order_and_periods(void **state)
{
	struct obs_set *s = new_set();
	struct alignment al;
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2024-Q3", "r2", "", "", "1");
	add(s, "a", "2024-Q1", "r2", "", "", "1");
	add(s, "a", "2023", "r1", "", "", "1");
	add(s, "b", "2024Q1", "r1", "", "", "1");  /* read as 2024-Q1 */
	assert_int_equal(align_build(s, "x", "a", "b", &al, &err), 0);
	assert_int_equal(al.n, 4);
	assert_string_equal(s->str[al.cell[0].period], "2023");
	assert_string_equal(s->str[al.cell[1].period], "2024-Q1");
	assert_string_equal(dim_of(&al, 1, 0), "r1");
	assert_string_equal(dim_of(&al, 2, 0), "r2");
	assert_string_equal(s->str[al.cell[3].period], "2024-Q3");
	align_release(&al);
	obs_set_free(s);
}

/* A source with no rows: every cell of the other is coverage. */
static void test_one_side_empty(void **state)
{
	struct obs_set *s = new_set();
	struct alignment al;
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2024", "r1", "", "", "1");
	assert_int_equal(align_build(s, "x", "a", "nobody", &al, &err), 0);
	assert_int_equal(al.n, 1);
	assert_int_equal(al.rows_b, 0);
	assert_int_equal(al.cell[0].sb, SIDE_ABSENT);
	align_release(&al);
	obs_set_free(s);
}

static void test_duplicate_is_an_error(void **state)
{
	struct obs_set *s = new_set();
	const char *dim[3] = { "r1", "", "" };
	struct obs_input in = { "a", "x", "2024", dim, "1", NULL, "t.csv", 9 };
	struct rk_error err = { 0 };

	(void)state;
	add(s, "a", "2024", "r1", "", "", "1");
	assert_int_equal(obs_set_add(s, &in, &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_int_equal(err.line, 9);
	assert_non_null(strstr(err.hint, "t.csv:2"));
	obs_set_free(s);
}

/* A dimension added after rows were read: they get "" in it. */
static void test_dimension_added_later(void **state)
{
	struct obs_set *s = obs_set_new(NULL, 0);
	const char *none[1] = { NULL }, *one[1] = { "r1" };
	struct obs_input in = { "a", "x", "2024", none, "1", NULL, "t", 2 };
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(obs_set_add(s, &in, &err), 0);
	assert_int_equal(obs_set_dim(s, "region"), 0);
	assert_int_equal(obs_set_dim(s, "region"), 0);
	assert_int_equal(obs_set_dims(s, 0)[0], 0);
	in.dim = one;
	assert_int_equal(obs_set_add(s, &in, &err), 0);
	/* the first row again, now with region "": still a duplicate */
	in.dim = none;
	assert_int_equal(obs_set_add(s, &in, &err), -1);
	obs_set_free(s);
}

static void test_selection(void **state)
{
	struct obs_set *s = new_set();
	char *src[] = { "a" };
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(obs_set_select(s, src, 1, NULL, 0, "2024-Q2",
					"2024-Q3", &err), 0);
	add(s, "a", "2024-Q1", "r1", "", "", "1");     /* before the range */
	add(s, "a", "2024-Q2", "r1", "", "", "1");
	add(s, "a", "2024", "r1", "", "", "1");        /* wider than it */
	add(s, "b", "2024-Q2", "r1", "", "", "1");     /* not selected */
	add(s, "a", "2024-08", "r1", "", "", "1");
	assert_int_equal(s->n, 2);
	assert_int_equal(obs_set_select(s, NULL, 0, NULL, 0, "Q5", NULL, &err),
			 -1);
	assert_int_equal(err.code, RK_EXIT_CONFIG);
	obs_set_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sums_out_what_one_side_lacks),
		cmocka_unit_test(test_prefers_published_totals),
		cmocka_unit_test(test_largest_common_breakdown),
		cmocka_unit_test(test_missing_part_makes_missing),
		cmocka_unit_test(test_order_and_periods),
		cmocka_unit_test(test_one_side_empty),
		cmocka_unit_test(test_duplicate_is_an_error),
		cmocka_unit_test(test_dimension_added_later),
		cmocka_unit_test(test_selection),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
