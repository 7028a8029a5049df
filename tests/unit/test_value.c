/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "value.h"

static void expect(const char *in, enum value_decimal d, const char *want)
{
	char out[128];

	assert_int_equal(value_parse(in, strlen(in), d, out), VALUE_OK);
	assert_string_equal(out, want);
}

static void expect_result(const char *in, enum value_decimal d,
			  enum value_result r)
{
	char out[128];

	assert_int_equal(value_parse(in, strlen(in), d, out), r);
}

static void test_plain(void **state)
{
	(void)state;
	expect("12", VALUE_DECIMAL_AUTO, "12");
	expect("0", VALUE_DECIMAL_AUTO, "0");
	expect("007", VALUE_DECIMAL_AUTO, "7");
	expect("-0", VALUE_DECIMAL_AUTO, "0");
	expect("+5", VALUE_DECIMAL_AUTO, "5");
	expect("  42 ", VALUE_DECIMAL_AUTO, "42");
	expect("1.50", VALUE_DECIMAL_AUTO, "1.5");
	expect("2.000", VALUE_DECIMAL_POINT, "2");
	expect(".5", VALUE_DECIMAL_AUTO, "0.5");
}

static void test_decimal_comma(void **state)
{
	(void)state;
	expect("1,5", VALUE_DECIMAL_AUTO, "1.5");
	expect("0,50", VALUE_DECIMAL_AUTO, "0.5");
	expect("1,2345", VALUE_DECIMAL_AUTO, "1.2345");
	expect("1,234", VALUE_DECIMAL_COMMA, "1.234");
	expect("1,234", VALUE_DECIMAL_POINT, "1234");
}

static void test_thousands(void **state)
{
	(void)state;
	expect("1 234", VALUE_DECIMAL_AUTO, "1234");
	expect("1 234 567,25", VALUE_DECIMAL_AUTO, "1234567.25");
	expect("12\xc2\xa0" "500", VALUE_DECIMAL_AUTO, "12500");     /* NBSP */
	expect("12\xe2\x80\x89" "500", VALUE_DECIMAL_AUTO, "12500"); /* thin */
	expect("12\xe2\x80\xaf" "500", VALUE_DECIMAL_AUTO, "12500"); /* narrow NBSP */
	expect("12'500", VALUE_DECIMAL_AUTO, "12500");
	expect("1.234.567", VALUE_DECIMAL_AUTO, "1234567");
	expect("1.234,5", VALUE_DECIMAL_AUTO, "1234.5");
	expect("1,234.5", VALUE_DECIMAL_AUTO, "1234.5");
	expect("1,234,567", VALUE_DECIMAL_AUTO, "1234567");
	expect("1.234", VALUE_DECIMAL_COMMA, "1234");
}

static void test_minus(void **state)
{
	(void)state;
	expect("-3", VALUE_DECIMAL_AUTO, "-3");
	expect("\xe2\x88\x92" "3", VALUE_DECIMAL_AUTO, "-3");       /* U+2212 */
	expect("-0,0", VALUE_DECIMAL_AUTO, "0");
}

static void test_rejects(void **state)
{
	(void)state;
	expect_result("", VALUE_DECIMAL_AUTO, VALUE_EMPTY);
	expect_result(" \xc2\xa0 ", VALUE_DECIMAL_AUTO, VALUE_EMPTY);
	expect_result("abc", VALUE_DECIMAL_AUTO, VALUE_NOT_A_NUMBER);
	expect_result("12a", VALUE_DECIMAL_AUTO, VALUE_NOT_A_NUMBER);
	expect_result("1 2 3", VALUE_DECIMAL_AUTO, VALUE_NOT_A_NUMBER);
	expect_result("1 23", VALUE_DECIMAL_AUTO, VALUE_NOT_A_NUMBER);
	expect_result("1234 567", VALUE_DECIMAL_AUTO, VALUE_NOT_A_NUMBER);
	expect_result("1,2,3", VALUE_DECIMAL_AUTO, VALUE_NOT_A_NUMBER);
	expect_result("1.5.5,2", VALUE_DECIMAL_AUTO, VALUE_NOT_A_NUMBER);
	expect_result("1,", VALUE_DECIMAL_COMMA, VALUE_NOT_A_NUMBER);
	expect_result("-", VALUE_DECIMAL_AUTO, VALUE_NOT_A_NUMBER);
	expect_result("1e5", VALUE_DECIMAL_AUTO, VALUE_NOT_A_NUMBER);
	expect_result("12%", VALUE_DECIMAL_AUTO, VALUE_NOT_A_NUMBER);
	expect_result("1,234", VALUE_DECIMAL_AUTO, VALUE_AMBIGUOUS);
}

static void test_huge_is_exact(void **state)
{
	(void)state;
	/* kept as text: no double rounding */
	expect("12 345 678 901 234 567 890", VALUE_DECIMAL_AUTO,
	       "12345678901234567890");
	expect("0,1000000000000000055511151231257827", VALUE_DECIMAL_AUTO,
	       "0.1000000000000000055511151231257827");
}

static void test_trim(void **state)
{
	const char *s = "\xc2\xa0 x \xe2\x80\x89";
	size_t n = strlen(s);

	(void)state;
	value_trim(&s, &n);
	assert_int_equal(n, 1);
	assert_memory_equal(s, "x", 1);
}

/* The digits-only fast path gives what the general path gives, up to the
 * 127 digits the general path takes and no further. */
static void test_digits_alone(void **state)
{
	char in[130], out[140];

	(void)state;
	expect("000", VALUE_DECIMAL_AUTO, "0");
	expect("0012", VALUE_DECIMAL_COMMA, "12");
	memset(in, '9', sizeof(in));
	assert_int_equal(value_parse(in, 127, VALUE_DECIMAL_AUTO, out), VALUE_OK);
	assert_int_equal(strlen(out), 127);
	assert_int_equal(value_parse(in, 128, VALUE_DECIMAL_AUTO, out),
			 VALUE_NOT_A_NUMBER);
}

/* Nothing to trim, and a label that ends in a byte like a space's last. */
static void test_trim_untouched(void **state)
{
	const char *s = "Итого", *t = "x\xe2\x80\x8b";
	size_t n = strlen(s), m = strlen(t);

	(void)state;
	value_trim(&s, &n);
	assert_int_equal(n, strlen("Итого"));
	value_trim(&t, &m);
	assert_int_equal(m, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_decimal_comma),
		cmocka_unit_test(test_thousands),
		cmocka_unit_test(test_minus),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_huge_is_exact),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_digits_alone),
		cmocka_unit_test(test_trim_untouched),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
