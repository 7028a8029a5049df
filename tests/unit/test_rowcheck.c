/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "rowcheck.h"

static void test_tidy_periods(void **state)
{
	const char *good[] = { "2024", "2024-S1", "2024-S2", "2024-Q1",
			       "2024-Q4", "2024-01", "2024-12", "2024-07-15",
			       "2024-02-29", "1000", "2004-04/2005-03",
			       "2000-01/2007-12", NULL };
	const char *bad[] = { "", "24", "2024-", "2024-S3", "2024-Q0",
			      "2024-Q5", "2024-00", "2024-13", "2024-7",
			      "2024-07-00", "2024-07-32", "2024-07-1",
			      "2024Q3", "2024-q3", "III кв. 2024", "2024 ",
			      "2024-07-15T00:00:00", "2024-01..09",
			      "2024-02-30", "2023-02-29", "2024-04-31", "0999",
			      "0000", "2005-04/2004-03", "2004-04/2004-09",
			      "2004-13/2005-03", "2004-04/2005-3", NULL };

	(void)state;
	for (int i = 0; good[i]; i++)
		assert_true(rowcheck_period(good[i]));
	for (int i = 0; bad[i]; i++)
		assert_false(rowcheck_period(bad[i]));
}

static void test_row_errors_name_line_and_origin(void **state)
{
	const char *dims[] = { "" };
	struct tidy_row r = { "wol", "cases", "III кв. 2024", dims, "6", "",
			      "wol.csv:5", 4 };
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(rowcheck(&r, "in.csv", &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_string_equal(err.file, "in.csv");
	assert_int_equal(err.line, 4);
	assert_string_equal(err.msg, "period 'III кв. 2024' is not in tidy "
				     "form in the row from 'wol.csv:5'");
	r.period = "2024-Q3";
	assert_int_equal(rowcheck(&r, "in.csv", &err), 0);
	r.indicator = "";
	assert_int_equal(rowcheck(&r, "in.csv", &err), -1);
	assert_string_equal(err.msg, "no indicator in the row from "
				     "'wol.csv:5'");
	r.source = "";
	r.origin = "";
	assert_int_equal(rowcheck(&r, "in.csv", &err), -1);
	assert_string_equal(err.msg, "no source");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tidy_periods),
		cmocka_unit_test(test_row_errors_name_line_and_origin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
