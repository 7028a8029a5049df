/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "book/serial.h"

static void date_is(double x, enum serial_system sys, const char *want)
{
	char buf[SERIAL_MAX];

	assert_int_equal(serial_date(x, sys, buf), 0);
	assert_string_equal(buf, want);
}

/* the examples of ../shared/corpus/README.md, "Date rule" */
static void test_corpus_rules(void **state)
{
	(void)state;
	date_is(1, SERIAL_1900, "1900-01-01");
	date_is(61, SERIAL_1900, "1900-03-01");
	date_is(60, SERIAL_1900, "1900-02-28");
	date_is(59, SERIAL_1900, "1900-02-28");
	date_is(1, SERIAL_1904, "1904-01-02");
	date_is(0.5, SERIAL_1900, "12:00:00");
	date_is(0.5, SERIAL_1904, "12:00:00");
	date_is(0, SERIAL_1904, "00:00:00");
	date_is(1.5, SERIAL_1900, "1900-01-01T12:00:00");
	date_is(0.99999999, SERIAL_1900, "24:00:00");     /* rounds up to midnight */
	date_is(0.999999999999, SERIAL_1900, "1900-01-01"); /* within 0.5 ms of 1 */
}

static void test_ordinary_dates(void **state)
{
	(void)state;
	date_is(45474, SERIAL_1900, "2024-07-01");
	date_is(45474.75, SERIAL_1900, "2024-07-01T18:00:00");
	date_is(44000.000011574, SERIAL_1900, "2020-06-18T00:00:01");
	date_is(2958465, SERIAL_1900, "9999-12-31");
}

static void test_out_of_range(void **state)
{
	char buf[SERIAL_MAX];

	(void)state;
	assert_int_equal(serial_date(2958466, SERIAL_1900, buf), -1);
	assert_string_equal(buf, "");
	assert_int_equal(serial_date(-700000, SERIAL_1900, buf), -1);
}

static void test_durations(void **state)
{
	char buf[SERIAL_MAX];

	(void)state;
	assert_int_equal(serial_duration(10.6320601851852, buf), 0);
	assert_string_equal(buf, "255:10:10");
	serial_duration(0, buf);
	assert_string_equal(buf, "00:00:00");
	serial_duration(-0.25, buf);
	assert_string_equal(buf, "-06:00:00");
	serial_duration(1.5, buf);
	assert_string_equal(buf, "36:00:00");
}

static void test_civil(void **state)
{
	long long y;
	unsigned m, d;

	(void)state;
	assert_int_equal(serial_days_from_civil(1970, 1, 1), 0);
	serial_civil_from_days(serial_days_from_civil(2000, 2, 29), &y, &m, &d);
	assert_int_equal(y, 2000);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_rules),
		cmocka_unit_test(test_ordinary_dates),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_civil),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
