/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <math.h>
#include <cmocka.h>

#include "book/numfmt.h"

static void expect(double x, const char *want)
{
	char buf[NUMFMT_MAX];

	numfmt_shortest(x, buf);
	assert_string_equal(buf, want);
}

/* the examples of ../shared/corpus/README.md, "Number rule" */
static void test_corpus_examples(void **state)
{
	(void)state;
	expect(0, "0");
	expect(-0.0, "0");
	expect(-1, "-1");
	expect(120000000, "120000000");
	expect(9007199254740991.0, "9007199254740991");
	expect(1.2, "1.2");
	expect(0.1 + 0.2, "0.30000000000000004");
	expect(1.2e20, "1.2e+20");
	expect(1e-100, "1e-100");
	expect(9007199254740992.0, "9007199254740992.0");
	expect(1.5e-05, "0.000015");
	expect(-1.2e-06, "-0.0000012");
	expect(9.99e-07, "9.99e-07");
	expect(1.2e-20, "1.2e-20");
	expect(1e16, "1e+16");
	expect(12345678901234567890.0, "1.2345678901234567e+19");
}

static void test_fractions(void **state)
{
	(void)state;
	expect(0.5, "0.5");
	expect(-2.25, "-2.25");
	expect(123456.789, "123456.789");
	expect(1e15 + 0.5, "1000000000000000.5");
	expect(5e-324, "5e-324");
	expect(1.7976931348623157e308, "1.7976931348623157e+308");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_examples),
		cmocka_unit_test(test_fractions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
