/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "error.h"
#include "outfile.h"

static char dir[] = "/tmp/test_outfile_XXXXXX";

static int entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void test_commit_renames(void **state)
{
	char path[256], buf[32] = { 0 };
	struct rk_out o;
	struct rk_error err = { 0 };
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/out.csv", dir);
	assert_int_equal(rk_out_open(&o, path, &err), 0);
	fputs("hello\n", o.f);
	assert_int_equal(access(path, F_OK), -1);   /* not there until commit */
	assert_int_equal(entries(), 1);
	assert_int_equal(rk_out_commit(&o, &err), 0);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(buf, sizeof(buf), f));
	fclose(f);
	assert_string_equal(buf, "hello\n");
	assert_int_equal(entries(), 1);
	unlink(path);
}

static void test_abort_leaves_nothing(void **state)
{
	char path[256];
	struct rk_out o;
	struct rk_error err = { 0 };

	(void)state;
	snprintf(path, sizeof(path), "%s/out.csv", dir);
	assert_int_equal(rk_out_open(&o, path, &err), 0);
	fputs("half", o.f);
	rk_out_abort(&o);
	assert_int_equal(entries(), 0);
}

static void test_cannot_create(void **state)
{
	struct rk_out o;
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(rk_out_open(&o, "/nonexistent/dir/out.csv", &err), -1);
	assert_int_equal(err.code, RK_EXIT_CANTCREAT);
	assert_string_equal(err.file, "/nonexistent/dir/out.csv");
	rk_out_abort(&o);
}

static void test_stdout(void **state)
{
	struct rk_out o;
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(rk_out_open(&o, "-", &err), 0);
	assert_ptr_equal(o.f, stdout);
	assert_int_equal(rk_out_commit(&o, &err), 0);
}

/* A device is written in place, never replaced by a regular file. */
static void test_special_file_in_place(void **state)
{
	struct rk_out o;
	struct rk_error err = { 0 };
	struct stat st;

	(void)state;
	assert_int_equal(rk_out_open(&o, "/dev/null", &err), 0);
	assert_null(o.tmp);
	fputs("discarded\n", o.f);
	assert_int_equal(rk_out_commit(&o, &err), 0);
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	assert_int_equal(entries(), 0);
}

static void test_error_print(void **state)
{
	struct rk_error e = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_int_equal(rk_error_set(&e, RK_EXIT_DATAERR, "wol.csv", 12,
				      "expected a number, found '%s'", "н/д"),
			 -1);
	rk_error_column(&e, 4);
	rk_error_hint(&e, "add it to %s", "sentinels");
	rk_error_print(f, "reckon-extract", &e);
	rk_error_clear(&e);
	rk_error_set(&e, RK_EXIT_DATAERR, "g.xlsx", 0, "bad");
	rk_error_cell(&e, "Жалобы!C12");
	rk_error_print(f, "reckon-extract", &e);
	rk_error_set(&e, RK_EXIT_USAGE, NULL, 0, "no input");
	rk_error_print(f, "reckon-extract", &e);
	fclose(f);
	assert_string_equal(buf,
		"reckon-extract: expected a number, found 'н/д' (wol.csv:12:4): "
		"add it to sentinels\n"
		"reckon-extract: bad (g.xlsx#Жалобы!C12)\n"
		"reckon-extract: no input\n");
	free(buf);
	assert_int_equal(rk_error_set(NULL, 1, NULL, 0, "x"), -1);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit_renames),
		cmocka_unit_test(test_abort_leaves_nothing),
		cmocka_unit_test(test_cannot_create),
		cmocka_unit_test(test_stdout),
		cmocka_unit_test(test_special_file_in_place),
		cmocka_unit_test(test_error_print),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
