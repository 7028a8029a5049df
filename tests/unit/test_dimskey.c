/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "dimskey.h"

static const char *key(struct dimskey *k, const char *const *v)
{
	size_t len;
	const char *s = dimskey_make(k, v, &len);

	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	return s;
}

/* jsonb's order: shorter keys first, then bytes; empty values left out. */
static void test_jsonb_order_and_empties(void **state)
{
	char *names[] = { "region", "sex", "age" };
	const char *v1[] = { "TJ-SU", "F", "18-29" };
	const char *v2[] = { "TJ-SU", "", "" };
	const char *v3[] = { "", "", "" };
	struct rk_error err = { 0 };
	struct dimskey *k = dimskey_new(names, 3, "in.csv", &err);

	(void)state;
	assert_non_null(k);
	assert_string_equal(key(k, v1),
			    "{\"age\": \"18-29\", \"sex\": \"F\", "
			    "\"region\": \"TJ-SU\"}");
	assert_string_equal(key(k, v2), "{\"region\": \"TJ-SU\"}");
	assert_string_equal(key(k, v3), "{}");
	dimskey_free(k);
}

/* The same cells key the same whatever the column order. */
static void test_column_order_does_not_matter(void **state)
{
	char *a[] = { "region", "sex" };
	char *b[] = { "sex", "facility", "region" };
	const char *va[] = { "TJ-SU", "F" };
	const char *vb[] = { "F", "", "TJ-SU" };
	struct rk_error err = { 0 };
	struct dimskey *ka = dimskey_new(a, 2, "a", &err);
	struct dimskey *kb = dimskey_new(b, 3, "b", &err);

	(void)state;
	assert_string_equal(key(ka, va), key(kb, vb));
	dimskey_free(ka);
	dimskey_free(kb);
}

/* Strings escaped as PostgreSQL's escape_json() writes them. */
static void test_escapes_like_postgres(void **state)
{
	char *names[] = { "b", "a\"q" };
	const char *v[] = { "x\\y\t\n\r\b\f\x01 \"z\" Душанбе", "1" };
	struct rk_error err = { 0 };
	struct dimskey *k = dimskey_new(names, 2, "in.csv", &err);

	(void)state;
	assert_string_equal(key(k, v),
			    "{\"b\": \"x\\\\y\\t\\n\\r\\b\\f\\u0001 \\\"z\\\" "
			    "Душанбе\", \"a\\\"q\": \"1\"}");
	dimskey_free(k);
}

static void test_no_dimensions(void **state)
{
	struct rk_error err = { 0 };
	struct dimskey *k = dimskey_new(NULL, 0, "in.csv", &err);

	(void)state;
	assert_non_null(k);
	assert_string_equal(key(k, NULL), "{}");
	dimskey_free(k);
}

static void test_bad_headers(void **state)
{
	char *twice[] = { "sex", "region", "sex" };
	char *empty[] = { "region", "" };
	struct rk_error err = { 0 };

	(void)state;
	assert_null(dimskey_new(twice, 3, "in.csv", &err));
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_int_equal(err.line, 1);
	assert_string_equal(err.msg, "dimension 'sex' appears twice in the "
				     "header");
	assert_null(dimskey_new(empty, 2, "in.csv", &err));
	assert_string_equal(err.msg, "dimension column 5 has no name");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonb_order_and_empties),
		cmocka_unit_test(test_column_order_does_not_matter),
		cmocka_unit_test(test_escapes_like_postgres),
		cmocka_unit_test(test_no_dimensions),
		cmocka_unit_test(test_bad_headers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
