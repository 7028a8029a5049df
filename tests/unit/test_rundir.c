/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "rundir.h"

static char out[] = "/tmp/test_rundir_XXXXXX";

static void put(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int entries(const char *dir)
{
	char **v;
	size_t n;

	assert_int_equal(rundir_list(dir, &v, &n, NULL), 0);
	rundir_list_free(v, n);
	return (int)n;
}

static void test_build_and_replace(void **state)
{
	struct rundir d;
	struct rk_error err = { 0 };
	char final[512], parent[512];
	int replaced = -1;

	(void)state;
	assert_int_equal(rundir_create(&d, out, "tj", "0123abcd", &err), 0);
	snprintf(final, sizeof(final), "%s/tj/0123abcd", out);
	snprintf(parent, sizeof(parent), "%s/tj", out);
	assert_string_equal(d.final, final);
	assert_int_equal(access(final, F_OK), -1);      /* not before commit */
	put(d.tmp, "raw/a.csv", "1\n");
	assert_int_equal(rundir_commit(&d, NULL, &replaced, &err), 0);
	assert_int_equal(replaced, 0);
	assert_int_equal(entries(final), 1);
	rundir_release(&d);

	/* the same id again: the new run replaces the old, nothing is left over */
	assert_int_equal(rundir_create(&d, out, "tj", "0123abcd", &err), 0);
	put(d.tmp, "raw/b.csv", "2\n");
	put(d.tmp, "tidy.csv", "3\n");
	assert_int_equal(rundir_commit(&d, NULL, &replaced, &err), 0);
	assert_int_equal(replaced, 1);
	assert_int_equal(entries(final), 2);
	rundir_release(&d);
	assert_int_equal(entries(parent), 2);
}

static void test_failed_and_released(void **state)
{
	struct rundir d;
	struct rk_error err = { 0 };
	char failed[512], parent[512], **v;
	size_t n;

	(void)state;
	assert_int_equal(rundir_create(&d, out, "kg", "ffff", &err), 0);
	put(d.tmp, "log.txt", "x\n");
	assert_int_equal(rundir_commit(&d, ".failed", NULL, &err), 0);
	rundir_release(&d);
	snprintf(failed, sizeof(failed), "%s/kg/ffff.failed", out);
	assert_int_equal(access(failed, F_OK), 0);

	/* released before commit: the temporary directory goes */
	assert_int_equal(rundir_create(&d, out, "kg", "eeee", &err), 0);
	put(d.tmp, "tidy.csv", "x\n");
	rundir_release(&d);
	snprintf(parent, sizeof(parent), "%s/kg", out);
	assert_int_equal(rundir_list(parent, &v, &n, NULL), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "ffff.failed/log.txt");
	rundir_list_free(v, n);
}

static void test_list_sorted(void **state)
{
	char dir[512], **v;
	size_t n;
	struct rk_error err = { 0 };

	(void)state;
	snprintf(dir, sizeof(dir), "%s/list/results", out);
	assert_int_equal(rundir_mkdirs(dir, &err), 0);
	snprintf(dir, sizeof(dir), "%s/list", out);
	put(dir, "tidy.csv", "");
	put(dir, "results/cells.csv", "");
	put(dir, "brief.xlsx", "");
	put(dir, ".hidden", "");
	assert_int_equal(rundir_list(dir, &v, &n, NULL), 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[0], "brief.xlsx");
	assert_string_equal(v[1], "results/cells.csv");
	assert_string_equal(v[2], "tidy.csv");
	rundir_list_free(v, n);
	assert_int_equal(rundir_list("/nonexistent/x", &v, &n, NULL), -1);
}

/* verify listed 6,470 files through a link to a directory outside the run */
static void test_list_links_not_followed(void **state)
{
	char dir[512], link[600], **v;
	size_t n;
	struct rk_error err = { 0 };

	(void)state;
	snprintf(dir, sizeof(dir), "%s/links/far", out);
	assert_int_equal(rundir_mkdirs(dir, &err), 0);
	put(dir, "a.csv", "");
	put(dir, "b.csv", "");
	snprintf(dir, sizeof(dir), "%s/links/run", out);
	assert_int_equal(rundir_mkdirs(dir, &err), 0);
	put(dir, "tidy.csv", "");
	snprintf(link, sizeof(link), "%s/far", dir);
	assert_int_equal(symlink("../far", link), 0);
	snprintf(link, sizeof(link), "%s/gone", dir);
	assert_int_equal(symlink("/nonexistent/x", link), 0);
	assert_int_equal(rundir_list(dir, &v, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[0], "far");
	assert_string_equal(v[1], "gone");
	assert_string_equal(v[2], "tidy.csv");
	rundir_list_free(v, n);
	assert_int_equal(rundir_list("/nonexistent/x", &v, &n, &err), -1);
	assert_int_equal(err.code, RK_EXIT_NOINPUT);
	assert_string_equal(err.file, "/nonexistent/x");
	assert_non_null(strstr(err.msg, "cannot read"));
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(out) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rundir_remove_tree(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_and_replace),
		cmocka_unit_test(test_failed_and_released),
		cmocka_unit_test(test_list_sorted),
		cmocka_unit_test(test_list_links_not_followed),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
