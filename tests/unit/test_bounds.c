/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include "bounds.h"

static void test_parse_sizes(void **state)
{
	unsigned long long v;

	(void)state;
	assert_int_equal(rk_bound_parse("123", &v), 0);
	assert_true(v == 123);
	assert_int_equal(rk_bound_parse("64M", &v), 0);
	assert_true(v == 64ull << 20);
	assert_int_equal(rk_bound_parse("2k", &v), 0);
	assert_true(v == 2048);
	assert_int_equal(rk_bound_parse("16G", &v), 0);
	assert_true(v == 16ull << 30);
}

static void test_parse_refuses(void **state)
{
	unsigned long long v;

	(void)state;
	assert_int_equal(rk_bound_parse(NULL, &v), -1);
	assert_int_equal(rk_bound_parse("", &v), -1);
	assert_int_equal(rk_bound_parse("0", &v), -1);
	assert_int_equal(rk_bound_parse("-1", &v), -1);
	assert_int_equal(rk_bound_parse("12X", &v), -1);
	assert_int_equal(rk_bound_parse("1MB", &v), -1);
	assert_int_equal(rk_bound_parse("99999999999999999999", &v), -1);
	assert_int_equal(rk_bound_parse("18446744073709551615G", &v), -1);
}

/* A bad value in the environment leaves the default, never 0 (no bound). */
static void test_env_and_defaults(void **state)
{
	(void)state;
	unsetenv("RECKON_MAX_RECORD");
	unsetenv("RECKON_MAX_STREAM");
	assert_true(rk_bound_record() == 64u << 20);
	assert_true(rk_bound_stream() == 16ull << 30);
	setenv("RECKON_MAX_RECORD", "1M", 1);
	setenv("RECKON_MAX_STREAM", "5G", 1);
	assert_true(rk_bound_record() == 1u << 20);
	assert_true(rk_bound_stream() == 5ull << 30);
	setenv("RECKON_MAX_RECORD", "lots", 1);
	setenv("RECKON_MAX_STREAM", "0", 1);
	assert_true(rk_bound_record() == 64u << 20);
	assert_true(rk_bound_stream() == 16ull << 30);
	unsetenv("RECKON_MAX_RECORD");
	unsetenv("RECKON_MAX_STREAM");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_sizes),
		cmocka_unit_test(test_parse_refuses),
		cmocka_unit_test(test_env_and_defaults),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
