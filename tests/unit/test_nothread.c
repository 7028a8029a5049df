/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Regression for 609ffdf: when no reader thread can start (a process at its
 * thread limit), the tidy reader and reckon-extract's CSV source go on
 * unthreaded, as csvread.h promises, instead of failing.  Linked with
 * -Wl,--wrap=pthread_create (see the Makefile), so that every thread fails
 * to start.
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "csvread.h"
#include "csvsrc.h"
#include "tidy.h"

static int starts;

int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *a,
			  void *(*fn)(void *), void *arg);

int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *a,
			  void *(*fn)(void *), void *arg)
{
	(void)t; (void)a; (void)fn; (void)arg;
	starts++;
	return EAGAIN;
}

static char *write_tmp(const char *text)
{
	char *path = strdup("/tmp/test_nothread.XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void test_csvread_refuses_then_reads(void **state)
{
	const char *s = "a,b\n1,2\n3,4\n";
	FILE *f = tmpfile();
	struct rk_error err = { 0 };
	struct rk_text *t;
	struct csvr *r;
	struct csvr_row row;
	int n = 0;

	(void)state;
	fputs(s, f);
	rewind(f);
	t = rk_text_open(f, "t.csv", RK_ENC_UTF8, &err);
	r = csvr_open(t, ',', "t.csv", &err);
	assert_non_null(r);
	starts = 0;
	assert_int_equal(csvr_thread(r, &err), -1);
	assert_true(starts > 0);
	while (csvr_next(r, &row, &err) == 1)
		n++;
	assert_int_equal(n, 3);
	csvr_close(r);
	rk_text_close(t);
	fclose(f);
}

static void test_tidy_reader_unthreaded(void **state)
{
	char *path = write_tmp("source,indicator,period,region,value,status,"
			       "origin\ns,i,2024,A,1,,x:2\ns,i,2024,B,2,,x:3\n");
	struct rk_error err = { 0 };
	struct tidy_reader *r;
	struct tidy_row row;
	int n = 0;

	(void)state;
	starts = 0;
	r = tidy_reader_open_threaded(path, &err);
	assert_non_null(r);
	assert_true(starts > 0);
	while (tidy_reader_next(r, &row, &err) == 1)
		n++;
	assert_int_equal(err.code, 0);
	assert_int_equal(n, 2);
	tidy_reader_close(r);
	unlink(path);
	free(path);
}

static void test_csvsrc_unthreaded(void **state)
{
	FILE *in = tmpfile(), *out = tmpfile();
	struct csvsrc_opts o = { .encoding = RK_ENC_UTF8, .delimiter = ',' };
	struct rk_error err = { 0 };
	struct tidy_writer *w;
	char buf[256];
	size_t n;

	(void)state;
	fputs("region,value\nSughd,3\n", in);
	rewind(in);
	w = tidy_writer_open(out, "out", &err);
	assert_non_null(w);
	starts = 0;
	assert_int_equal(csvsrc_cells(in, "in.csv", "in", &o, w, &err), 0);
	assert_int_equal(tidy_writer_close(w, &err), 0);
	assert_true(starts > 0);
	rewind(out);
	n = fread(buf, 1, sizeof(buf) - 1, out);
	buf[n] = '\0';
	assert_non_null(strstr(buf, "in,B2,n,3"));
	fclose(in);
	fclose(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csvread_refuses_then_reads),
		cmocka_unit_test(test_tidy_reader_unthreaded),
		cmocka_unit_test(test_csvsrc_unthreaded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
