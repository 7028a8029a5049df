/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "book/isodate.h"

#define IS(fn, in, want) \
	do { \
		char b_[SERIAL_MAX]; \
		assert_int_equal(fn(in, b_), 0); \
		assert_string_equal(b_, want); \
	} while (0)

#define BAD(fn, in) \
	do { \
		char b_[SERIAL_MAX]; \
		assert_int_equal(fn(in, b_), -1); \
	} while (0)

static void test_xlsx(void **state)
{
	(void)state;
	IS(isodate_xlsx, "2024-07-15", "2024-07-15");
	IS(isodate_xlsx, "2024-07-15T10:20:30", "2024-07-15T10:20:30");
	IS(isodate_xlsx, "2024-07-15T23:59:59.500Z", "2024-07-16");
	IS(isodate_xlsx, "2024-07-15T00:00:00", "2024-07-15");
	IS(isodate_xlsx, "10:20", "10:20:00");
	IS(isodate_xlsx, "23:59:59.6", "24:00:00");
	IS(isodate_xlsx, "PT255H10M10S", "255:10:10");
	BAD(isodate_xlsx, "2024-13-01");
	BAD(isodate_xlsx, "tomorrow");
	BAD(isodate_xlsx, "");
}

static void test_ods(void **state)
{
	(void)state;
	IS(isodate_ods_date, "2021-01-01", "2021-01-01");
	IS(isodate_ods_date, "2021-01-01T10:10:10", "2021-01-01T10:10:10");
	IS(isodate_ods_date, "2021-01-01T10:10:10.5+02:00", "2021-01-01T10:10:11");
	BAD(isodate_ods_date, "2021-02-30");
	BAD(isodate_ods_date, "2021-01-01T10");
	IS(isodate_ods_time, "PT10H10M10.123456S", "10:10:10");
	IS(isodate_ods_time, "PT255H10M10S", "255:10:10");
	IS(isodate_ods_time, "P1DT1H", "25:00:00");
	IS(isodate_ods_time, "-PT0H0M1.5S", "-00:00:02");
	IS(isodate_ods_time, "PT10.S", "00:00:10");
	BAD(isodate_ods_time, "10:10");
	BAD(isodate_ods_time, "PT1X");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx),
		cmocka_unit_test(test_ods),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
