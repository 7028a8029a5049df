/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "edition.h"
#include "migrate.h"

/* The migrations built in are numbered 1..n, named NNN_what, non-empty. */
static void test_built_in_list(void **state)
{
	size_t n;
	const struct migration *m = migrate_list(&n);
	struct rk_error err = { 0 };

	(void)state;
	assert_true(n >= 1);
	assert_int_equal(migrate_check_list(m, n, &err), 0);
	assert_int_equal(migrate_latest(), (int)n);
	for (size_t i = 0; i < n; i++) {
		char prefix[24];

		snprintf(prefix, sizeof(prefix), "%03zu_", i + 1);
		assert_memory_equal(m[i].name, prefix, 4);
		assert_true(m[i].len > 0);
		assert_int_equal(strlen(m[i].sql), m[i].len);
	}
	assert_string_equal(m[0].name, "001_initial");
	assert_true(n >= 2);
	assert_string_equal(m[1].name, "002_editions");
	assert_non_null(strstr(m[1].sql, "CREATE TABLE reckon.edition"));
	assert_non_null(strstr(m[0].sql, "CREATE TABLE reckon.observation"));
}

static void test_gaps_refused(void **state)
{
	const struct migration m[] = {
		{ 1, "001_a", "", 0 }, { 3, "003_c", "", 0 }
	};
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(migrate_check_list(m, 2, &err), -1);
	assert_int_equal(err.code, RK_EXIT_SOFTWARE);
	assert_string_equal(err.file, "003_c");
}

/* --edition-date: a day that exists, written YYYY-MM-DD. */
static void test_edition_dates(void **state)
{
	(void)state;
	assert_true(edition_date_valid("2024-10-01"));
	assert_true(edition_date_valid("2024-02-29"));
	assert_true(edition_date_valid("2000-02-29"));
	assert_false(edition_date_valid("1900-02-29"));
	assert_false(edition_date_valid("2023-02-29"));
	assert_false(edition_date_valid("2024-04-31"));
	assert_false(edition_date_valid("2024-13-01"));
	assert_false(edition_date_valid("2024-00-10"));
	assert_false(edition_date_valid("2024-1-01"));
	assert_false(edition_date_valid("2024-10-01 "));
	assert_false(edition_date_valid("2024/10/01"));
	assert_false(edition_date_valid("0999-10-01"));
	assert_false(edition_date_valid(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_built_in_list),
		cmocka_unit_test(test_gaps_refused),
		cmocka_unit_test(test_edition_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
