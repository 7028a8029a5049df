/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "book/numfmt.h"
#include "book/numtext.h"

static void keeps(const char *v, const char *want)
{
	size_t k = numtext_canonical(v, strlen(v));

	if (!want) {
		assert_int_equal(k, 0);
		return;
	}
	assert_int_equal(k, strlen(want));
	assert_memory_equal(v, want, k);
}

static void test_examples(void **state)
{
	(void)state;
	keeps("0", "0");
	keeps("12", "12");
	keeps("-12", "-12");
	keeps("1.50", "1.5");
	keeps("2.0", "2");
	keeps("0.0", "0");
	keeps("0.25", "0.25");
	keeps("0.0000012", "0.0000012");
	keeps("123456789012345", "123456789012345");
	keeps("0.00000012", NULL);          /* below 1e-6: an exponent */
	keeps("1234567890123456", NULL);    /* 16 digits */
	keeps("-0", NULL);
	keeps("-0.0", NULL);
	keeps("007", NULL);
	keeps(".5", NULL);
	keeps("5.", NULL);
	keeps("+5", NULL);
	keeps("1E3", NULL);
	keeps(" 1", NULL);
	keeps("0.30000000000000004", NULL);
}

/* Whatever it keeps is what numfmt_shortest writes. */
static void test_agrees_with_numfmt(void **state)
{
	char v[64], want[NUMFMT_MAX];

	(void)state;
	srand(20240715);
	for (int i = 0; i < 200000; i++) {
		int ni = rand() % 17, nf = rand() % 12, k = 0;
		size_t keep;

		if (rand() % 4 == 0)
			v[k++] = '-';
		if (ni == 0)
			v[k++] = '0';
		for (int j = 0; j < ni; j++)
			v[k++] = (char)('0' + (j == 0 ? 1 + rand() % 9 : rand() % 10));
		if (nf) {
			v[k++] = '.';
			for (int j = 0; j < nf; j++)
				v[k++] = (char)('0' + (rand() % 3 ? rand() % 10 : 0));
		}
		v[k] = '\0';
		keep = numtext_canonical(v, (size_t)k);
		if (!keep)
			continue;
		numfmt_shortest(strtod(v, NULL), want);
		if (strlen(want) != keep || memcmp(v, want, keep) != 0)
			fail_msg("'%s' kept as '%.*s', numfmt writes '%s'", v,
				 (int)keep, v, want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_agrees_with_numfmt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
