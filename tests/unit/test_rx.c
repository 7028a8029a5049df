/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "rx.h"

static int search(struct rk_rx *rx, const char *s)
{
	return rk_rx_search(rx, s, strlen(s));
}

static void test_cyrillic_search(void **state)
{
	struct rk_error err = { 0 };
	struct rk_rx *rx = rk_rx_compile("^(Итого|Всего|Total)", "p.yaml", 7, &err);

	(void)state;
	assert_non_null(rx);
	assert_int_equal(search(rx, "Итого по стране"), 1);
	assert_int_equal(search(rx, "Всего"), 1);
	assert_int_equal(search(rx, "г. Душанбе"), 0);
	assert_int_equal(search(rx, " Итого"), 0);
	rk_rx_free(rx);
}

static void test_case_folding_any_script(void **state)
{
	struct rk_error err = { 0 };
	struct rk_rx *rx = rk_rx_compile("(?i)^итого", NULL, 0, &err);

	(void)state;
	assert_int_equal(search(rx, "ИТОГО"), 1);
	assert_int_equal(search(rx, "итого:"), 1);
	rk_rx_free(rx);
}

static void test_length_is_respected(void **state)
{
	struct rk_error err = { 0 };
	struct rk_rx *rx = rk_rx_compile("b$", NULL, 0, &err);

	(void)state;
	assert_int_equal(rk_rx_search(rx, "abc", 2), 1);
	assert_int_equal(rk_rx_search(rx, "abc", 3), 0);
	rk_rx_free(rx);
}

/* The memo of recent texts must never answer for a different text. */
static void test_memo_many_texts(void **state)
{
	struct rk_error err = { 0 };
	struct rk_rx *rx = rk_rx_compile("^Итого", NULL, 0, &err);
	char buf[64];

	(void)state;
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 5000; i++) {
			int n = snprintf(buf, sizeof(buf), i % 3 ? "Район %d" :
					 "Итого %d", i);

			assert_int_equal(rk_rx_search(rx, buf, (size_t)n),
					 i % 3 == 0);
			/* a prefix of the same text is another text */
			assert_int_equal(rk_rx_search(rx, buf, 2), 0);
		}
	rk_rx_free(rx);
}

static void test_bad_pattern(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	assert_null(rk_rx_compile("(Итого", "p.yaml", 7, &err));
	assert_int_equal(err.code, RK_EXIT_CONFIG);
	assert_int_equal(err.line, 7);
	assert_non_null(strstr(err.msg, "bad regular expression"));
	rk_rx_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cyrillic_search),
		cmocka_unit_test(test_case_folding_any_script),
		cmocka_unit_test(test_length_is_respected),
		cmocka_unit_test(test_memo_many_texts),
		cmocka_unit_test(test_bad_pattern),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
