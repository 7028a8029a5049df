/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "json.h"

/* Runs fn on a writer over a memory stream; returns what it wrote. */
static char *written(void (*fn)(struct json_writer *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct json_writer j;
	struct rk_error err = { 0 };

	json_writer_init(&j, f);
	fn(&j);
	assert_int_equal(json_writer_finish(&j, "mem", &err), 0);
	fclose(f);
	return buf;
}

static void nested(struct json_writer *j)
{
	json_object_begin(j, NULL, 0);
	json_string(j, "name", "tj");
	json_int(j, "rows", 23);
	json_array_begin(j, "files", 0);
	json_object_begin(j, NULL, 1);
	json_string(j, "path", "a.csv");
	json_int(j, "size", 3);
	json_object_end(j);
	json_array_end(j);
	json_object_end(j);
}

static void test_layout(void **state)
{
	char *s;

	(void)state;
	s = written(nested);
	assert_string_equal(s,
		"{\n"
		"  \"name\": \"tj\",\n"
		"  \"rows\": 23,\n"
		"  \"files\": [\n"
		"    {\"path\": \"a.csv\", \"size\": 3}\n"
		"  ]\n"
		"}\n");
	free(s);
}

static void scalars(struct json_writer *j)
{
	json_object_begin(j, NULL, 0);
	json_null(j, "none");
	json_string(j, "null_string", NULL);
	json_bool(j, "yes", 1);
	json_seconds(j, "t", 1.23456);
	json_seconds(j, "zero", 0.0004);
	json_array_begin(j, "empty", 1);
	json_array_end(j);
	json_object_begin(j, "obj", 0);
	json_object_end(j);
	json_object_end(j);
}

static void test_scalars(void **state)
{
	char *s;

	(void)state;
	s = written(scalars);
	assert_string_equal(s,
		"{\n"
		"  \"none\": null,\n"
		"  \"null_string\": null,\n"
		"  \"yes\": true,\n"
		"  \"t\": 1.235,\n"
		"  \"zero\": 0.000,\n"
		"  \"empty\": [],\n"
		"  \"obj\": {}\n"
		"}\n");
	free(s);
}

static void test_escapes(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	json_write_string(f, "a\"b\\c\nd\te\x01 Душанбе ҳ");
	fclose(f);
	assert_string_equal(buf, "\"a\\\"b\\\\c\\nd\\te\\u0001 Душанбе ҳ\"");
	free(buf);
}

static void inline_array(struct json_writer *j)
{
	json_object_begin(j, NULL, 0);
	json_array_begin(j, "only", 1);
	json_string(j, NULL, "gpo");
	json_string(j, NULL, "wol");
	json_array_end(j);
	json_int(j, "after", 1);
	json_object_end(j);
}

static void test_inline(void **state)
{
	char *s;

	(void)state;
	s = written(inline_array);
	assert_string_equal(s,
		"{\n"
		"  \"only\": [\"gpo\", \"wol\"],\n"
		"  \"after\": 1\n"
		"}\n");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_inline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
