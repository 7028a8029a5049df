/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "grow.h"

static void test_doubles_and_keeps(void **state)
{
	int *v = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(rk_grow((void **)&v, &cap, 1, sizeof(*v)), 0);
	assert_int_equal(cap, 16);
	for (int i = 0; i < 16; i++)
		v[i] = i;
	assert_int_equal(rk_grow((void **)&v, &cap, 16, sizeof(*v)), 0);
	assert_int_equal(cap, 16);                  /* enough already */
	assert_int_equal(rk_grow((void **)&v, &cap, 17, sizeof(*v)), 0);
	assert_int_equal(cap, 32);
	assert_int_equal(rk_grow((void **)&v, &cap, 1000, sizeof(*v)), 0);
	assert_int_equal(cap, 1024);
	for (int i = 0; i < 16; i++)
		assert_int_equal(v[i], i);
	free(v);
}

static void test_overflow_refused(void **state)
{
	char *p = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(rk_grow((void **)&p, &cap, SIZE_MAX, 1), -1);
	assert_int_equal(rk_grow((void **)&p, &cap, SIZE_MAX / 4, 8), -1);
	assert_null(p);
	assert_int_equal(cap, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_doubles_and_keeps),
		cmocka_unit_test(test_overflow_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
