/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What reckon-report reads: result CSV tables and the run's manifest. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "brief/runinfo.h"
#include "brief/table.h"

static char path[64];

static const char *file(const char *text)
{
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/test_brief_inputs.%d", (int)getpid());
	f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static void test_table(void **state)
{
	struct brief_table t;
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(brief_table_load(&t, file("a,b,note\n1,2.5,\"x, y\"\n"
						   "\n-3,,z\n"), &err), 0);
	assert_int_equal(t.ncols, 3);
	assert_int_equal(t.nrows, 2);
	assert_int_equal(t.line[1], 4);
	assert_int_equal(brief_table_col(&t, "b"), 1);
	assert_int_equal(brief_table_col(&t, "nope"), -1);
	assert_string_equal(brief_table_str(&t, 0, "note"), "x, y");
	assert_string_equal(brief_table_str(&t, 1, "nope"), "");
	assert_true(brief_table_num(&t, 0, "b") == 2.5);
	assert_true(brief_table_num(&t, 1, "a") == -3);
	assert_true(isnan(brief_table_num(&t, 1, "b")));    /* empty */
	assert_true(isnan(brief_table_num(&t, 1, "note"))); /* not a number */
	brief_table_release(&t);
	unlink(path);
}

/*
 * Column names are remembered by address: a buffer that held "suggest_1"
 * and then holds "suggest_2" must find the second column (the Data quality
 * sheet once showed the first suggestion nine times).
 */
static void test_column_name_buffer_reused(void **state)
{
	struct brief_table t;
	struct rk_error err = { 0 };
	char name[32];

	(void)state;
	assert_int_equal(brief_table_load(&t, file("suggest_1,suggest_2\n"
						   "TJ-GB,TJ-DU\n"), &err), 0);
	snprintf(name, sizeof(name), "suggest_1");
	assert_string_equal(brief_table_str(&t, 0, name), "TJ-GB");
	snprintf(name, sizeof(name), "suggest_2");
	assert_string_equal(brief_table_str(&t, 0, name), "TJ-DU");
	snprintf(name, sizeof(name), "suggest_3");
	assert_string_equal(brief_table_str(&t, 0, name), "");
	brief_table_release(&t);
	unlink(path);
}

/*
 * rejects.csv has a row per rejected input row; the brief keeps the first
 * of each (source, check, action) group with a count, so that a file where
 * every row is rejected does not have to fit in memory.
 */
static void test_table_grouped(void **state)
{
	static const char *const by[] = { "source", "check", "action" };
	struct brief_table t;
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(brief_table_load_grouped(&t, file(
		"source,check,action,origin\n"
		"gpo,unmapped,rejected,a.csv:2\n"
		"gpo,unmapped,rejected,a.csv:3\n"
		"ngo,range,rejected,b.csv:9\n"
		"gpo,unmapped,rejected,a.csv:7\n"
		"gpo,unmapped,kept,a.csv:8\n"
		"\n"
		"ngo,range,rejected,b.csv:10\n"), by, 3, NULL, NULL, &err), 0);
	assert_int_equal(t.total, 6);
	assert_int_equal(t.nrows, 3);
	assert_string_equal(brief_table_str(&t, 0, "origin"), "a.csv:2");
	assert_int_equal(t.count[0], 3);
	assert_string_equal(brief_table_str(&t, 1, "origin"), "b.csv:9");
	assert_int_equal(t.count[1], 2);
	assert_string_equal(brief_table_str(&t, 2, "action"), "kept");
	assert_int_equal(t.count[2], 1);
	assert_int_equal(t.line[1], 4);
	brief_table_release(&t);

	/* a key column the file lacks counts as "" for every row */
	assert_int_equal(brief_table_load_grouped(&t, file(
		"source,action\na,x\na,x\nb,x\n"), by, 3, NULL, NULL, &err), 0);
	assert_int_equal(t.nrows, 2);
	assert_int_equal(t.count[0], 2);
	brief_table_release(&t);

	/* ungrouped: no counts, total is nrows */
	assert_int_equal(brief_table_load(&t, file("a\n1\n1\n"), &err), 0);
	assert_null(t.count);
	assert_int_equal(t.total, 2);
	brief_table_release(&t);
	unlink(path);
}

static void test_table_errors(void **state)
{
	struct brief_table t;
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(brief_table_load(&t, file("a,b\n1,2\n3\n"), &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_int_equal(err.line, 3);
	brief_table_release(&t);
	assert_int_equal(brief_table_load(&t, file(""), &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	brief_table_release(&t);
	assert_int_equal(brief_table_load(&t, file("a\n\"open\n"), &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	brief_table_release(&t);
	unlink(path);
	assert_int_equal(brief_table_load(&t, "/nonexistent/cells.csv", &err),
			 -1);
	assert_int_equal(err.code, RK_EXIT_NOINPUT);
	brief_table_release(&t);
}

/* 64 hex digits, as a manifest records a SHA-256 */
#define D0 "0000000000000000000000000000000000000000000000000000000000000000"
#define DA "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define DB "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define DC "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"

static void test_manifest(void **state)
{
	struct brief_manifest m;
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(brief_manifest_read(&m, file(
		"{\"reckon\": \"0.1.0\", \"pipeline\": \"p\", \"run_id\": \"ab12\",\n"
		" \"mode\": \"database\", \"source_date_epoch\": null,\n"
		" \"config\": {\"path\": \"p.yaml\", \"sha256\": \"" D0 "\", \"size\": 12},\n"
		" \"codelists\": [{\"path\": \"c/region.csv\", \"sha256\": \"" DA "\", \"size\": 3}],\n"
		" \"inputs\": [{\"source\": \"gpo\", \"path\": \"d/g.xlsx\", \"sha256\": \"" DB "\", \"size\": 9},\n"
		"            {\"source\": \"wol\", \"path\": \"d/w.csv\", \"sha256\": \"" DC "\", \"size\": 7}],\n"
		" \"stages\": [{\"stage\": \"extract\", \"source\": \"wol\", \"rows\": 23},\n"
		"            {\"stage\": \"normalise\", \"rows\": 67}]}\n"), &err), 0);
	assert_string_equal(m.run_id, "ab12");
	assert_string_equal(m.mode, "database");
	assert_null(m.source_date_epoch);
	assert_int_equal(m.nfile, 4);
	assert_string_equal(m.file[0].role, "config");
	assert_int_equal(m.file[0].size, 12);
	assert_string_equal(m.file[3].source, "wol");
	assert_int_equal(m.file[3].rows, 23);
	assert_int_equal(m.file[2].rows, -1);
	brief_manifest_release(&m);
	unlink(path);
}

static void test_not_a_manifest(void **state)
{
	struct brief_manifest m;
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(brief_manifest_read(&m, file("[1, 2]\n"), &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	brief_manifest_release(&m);
	assert_int_equal(brief_manifest_read(&m, file("{\"reckon\": \"0.1.0\"}"),
					     &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);   /* no run_id */
	brief_manifest_release(&m);
	assert_int_equal(brief_manifest_read(&m, file("{\"a\": [}"), &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	brief_manifest_release(&m);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_column_name_buffer_reused),
		cmocka_unit_test(test_table_grouped),
		cmocka_unit_test(test_table_errors),
		cmocka_unit_test(test_manifest),
		cmocka_unit_test(test_not_a_manifest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
