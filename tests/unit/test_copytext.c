/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "copytext.h"

static void assert_buf(const struct copybuf *b, const char *want)
{
	assert_int_equal(b->len, strlen(want));
	assert_memory_equal(b->data, want, b->len);
}

static void test_fields_tabs_and_rows(void **state)
{
	struct copybuf b;

	(void)state;
	assert_int_equal(copybuf_init(&b, 4), 0);
	assert_int_equal(copybuf_long(&b, 12), 0);
	assert_int_equal(copybuf_text(&b, "gpo", 3), 0);
	assert_int_equal(copybuf_null(&b), 0);
	assert_int_equal(copybuf_text(&b, "", 0), 0);
	assert_int_equal(copybuf_end_row(&b), 0);
	assert_int_equal(copybuf_long(&b, -7), 0);
	assert_int_equal(copybuf_long(&b, 0), 0);
	assert_int_equal(copybuf_long(&b, -9223372036854775807LL - 1), 0);
	assert_int_equal(copybuf_end_row(&b), 0);
	assert_buf(&b, "12\tgpo\t\\N\t\n-7\t0\t-9223372036854775808\n");
	copybuf_free(&b);
}

/* Backslash, tab, LF and CR are escaped; everything else passes. */
static void test_escapes(void **state)
{
	struct copybuf b;
	const char in[] = "a\\b\tc\nd\re\\N.\"'Душанбе\x01";

	(void)state;
	assert_int_equal(copybuf_init(&b, 1), 0);
	assert_int_equal(copybuf_text(&b, in, sizeof(in) - 1), 0);
	assert_int_equal(copybuf_end_row(&b), 0);
	assert_buf(&b, "a\\\\b\\tc\\nd\\re\\\\N.\"'Душанбе\x01\n");
	copybuf_free(&b);
}

/* A field that is only "\." must not end the data: it is escaped. */
static void test_end_marker_is_escaped(void **state)
{
	struct copybuf b;

	(void)state;
	assert_int_equal(copybuf_init(&b, 16), 0);
	assert_int_equal(copybuf_text(&b, "\\.", 2), 0);
	assert_int_equal(copybuf_end_row(&b), 0);
	assert_buf(&b, "\\\\.\n");
	copybuf_free(&b);
}

static void test_clear_keeps_memory(void **state)
{
	struct copybuf b;
	char big[5000];

	(void)state;
	memset(big, '\n', sizeof(big));
	assert_int_equal(copybuf_init(&b, 8), 0);
	assert_int_equal(copybuf_text(&b, big, sizeof(big)), 0);
	assert_int_equal(b.len, 2 * sizeof(big));
	copybuf_clear(&b);
	assert_int_equal(b.len, 0);
	assert_true(b.cap >= 2 * sizeof(big));
	assert_int_equal(copybuf_text(&b, "x", 1), 0);
	assert_buf(&b, "x");
	copybuf_free(&b);
	copybuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_tabs_and_rows),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_end_marker_is_escaped),
		cmocka_unit_test(test_clear_keeps_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
