/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A source's collect: {due, organisations} (lib/config_collect.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "config.h"

#define NAME "pipelines/tj/pipeline.yaml"
#define HEAD "pipeline: p\nsources:\n  - id: coal\n    file: [forms/a.xlsx, forms/b.xlsx]\n"

static struct rk_config *load(const char *yaml, struct rk_error *err)
{
	rk_error_clear(err);
	return rk_config_load_data(yaml, strlen(yaml), NAME, err);
}

/* Loading yaml fails with msg at line:column, and hint when not NULL. */
static void expect_error(const char *yaml, long line, long column,
			 const char *msg, const char *hint)
{
	struct rk_error err;

	assert_null(load(yaml, &err));
	assert_int_equal(err.code, RK_EXIT_CONFIG);
	assert_string_equal(err.file, NAME);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.column, column);
	if (hint)
		assert_string_equal(err.hint, hint);
}

static void test_collect(void **state)
{
	struct rk_error err;
	struct rk_config *c = load(HEAD "    collect:\n"
				   "      due: 2024-10-15\n"
				   "      organisations: [nhrc, ippt, \"Бюро\"]\n"
				   "  - {id: gpo, file: g.csv}\n", &err);
	const struct rk_collect *k;

	(void)state;
	assert_non_null(c);
	k = c->sources[0].collect;
	assert_non_null(k);
	assert_string_equal(k->due, "2024-10-15");
	assert_int_equal(k->organisations.n, 3);
	assert_string_equal(k->organisations.items[0], "nhrc");
	assert_string_equal(k->organisations.items[2], "Бюро");
	assert_int_equal(k->organisations.mark.line, 7);
	assert_int_equal(k->mark.line, 6);
	assert_null(c->sources[1].collect);
	rk_config_free(c);
}

/* Either key may be left out; {} collects with nothing expected. */
static void test_collect_optional_keys(void **state)
{
	struct rk_error err;
	struct rk_config *c = load(HEAD "    collect: {due: 2024-02-29}\n"
				   "  - {id: b, file: b, collect: {}}\n"
				   "  - {id: c, file: c, collect: "
				   "{organisations: [x]}}\n", &err);

	(void)state;
	assert_non_null(c);
	assert_string_equal(c->sources[0].collect->due, "2024-02-29");
	assert_int_equal(c->sources[0].collect->organisations.n, 0);
	assert_null(c->sources[1].collect->due);
	assert_int_equal(c->sources[1].collect->organisations.n, 0);
	assert_null(c->sources[2].collect->due);
	assert_int_equal(c->sources[2].collect->organisations.n, 1);
	rk_config_free(c);
}

static void test_collect_due_errors(void **state)
{
	static const char hint[] = "give the day the forms are due as "
				   "YYYY-MM-DD, e.g. 2024-10-15";

	(void)state;
	expect_error(HEAD "    collect: {due: 2024-10-32}\n", 5, 20,
		     "invalid date '2024-10-32' for 'due' in collect of source "
		     "'coal'", hint);
	expect_error(HEAD "    collect: {due: 2023-02-29}\n", 5, 20,
		     "invalid date '2023-02-29' for 'due' in collect of source "
		     "'coal'", hint);
	expect_error(HEAD "    collect: {due: 15.10.2024}\n", 5, 20,
		     "invalid date '15.10.2024' for 'due' in collect of source "
		     "'coal'", hint);
	expect_error(HEAD "    collect: {due: 2024-Q4}\n", 5, 20,
		     "invalid date '2024-Q4' for 'due' in collect of source "
		     "'coal'", hint);
	expect_error(HEAD "    collect: {due: [2024-10-15]}\n", 5, 20,
		     "wrong type for 'due' in collect of source 'coal': "
		     "expected text, found a list", NULL);
	expect_error(HEAD "    collect: {due: \"\"}\n", 5, 20,
		     "empty value for 'due' in collect of source 'coal'",
		     NULL);
}

static void test_collect_errors(void **state)
{
	(void)state;
	expect_error(HEAD "    collect: 2024-10-15\n", 5, 14,
		     "wrong type for 'collect' in source 'coal': expected a "
		     "mapping, found text", NULL);
	expect_error(HEAD "    collect: {deadline: 2024-10-15}\n", 5, 15,
		     "unknown key 'deadline' in collect of source 'coal'",
		     "collect: has due (the day the forms are due, "
		     "YYYY-MM-DD) and organisations (a list of the "
		     "organisations expected to send one)");
	expect_error(HEAD "    collect: {organisations: nhrc}\n", 5, 30,
		     "wrong type for 'organisations' in collect of source "
		     "'coal': expected a list, found text", NULL);
	expect_error(HEAD "    collect: {organisations: []}\n", 5, 30,
		     "no organisation in 'organisations' in collect of source "
		     "'coal'", "list the organisations expected to send a "
		     "form, or leave organisations out");
	expect_error(HEAD "    collect: {organisations: [a, b, a]}\n", 5, 37,
		     "duplicate organisation 'a'", NULL);
	expect_error(HEAD "    collect: {organisations: [a, \"b\\nc\"]}\n", 5,
		     34, "invalid organisation in 'organisations' in collect "
		     "of source 'coal': one line, without control characters",
		     NULL);
	expect_error(HEAD "    collect: {organisations: [a, {b: c}]}\n", 5,
		     34, "wrong type for an organisation in 'organisations' in "
		     "collect of source 'coal': expected text, found a "
		     "mapping", NULL);
	expect_error(HEAD "    layout: {sheet: S, values: B:C}\n"
		     "    collect: {due: 2024-10-15}\n", 6, 14,
		     "collect: is for forms made by reckon template, and "
		     "source 'coal' has a layout",
		     "a source of forms has no layout: take out layout: to "
		     "read the forms, or collect: to read the files with their "
		     "layout");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_collect),
		cmocka_unit_test(test_collect_optional_keys),
		cmocka_unit_test(test_collect_due_errors),
		cmocka_unit_test(test_collect_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
