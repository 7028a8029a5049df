/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>

#include "path.h"

static void expect_join(const char *dir, const char *name, const char *want)
{
	char *p = rk_path_join(dir, name);

	assert_non_null(p);
	assert_string_equal(p, want);
	free(p);
}

static void test_join(void **state)
{
	(void)state;
	expect_join("runs", "p", "runs/p");
	expect_join("runs/", "p", "runs/p");      /* no doubled slash */
	expect_join("/", "etc", "/etc");
	expect_join("", "x", "/x");
	expect_join("a/b", ".old.XXXXXX", "a/b/.old.XXXXXX");
}

static void test_join_n(void **state)
{
	const char *path = "/usr/local/bin:/usr/bin";
	char *p = rk_path_join_n(path, 14, "reckon-load");

	(void)state;
	assert_string_equal(p, "/usr/local/bin/reckon-load");
	free(p);
	p = rk_path_join_n(".", 1, "reckon");
	assert_string_equal(p, "./reckon");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_join_n),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
