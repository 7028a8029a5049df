/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "csvread.h"

/* 1: every test again with the parsing on a second thread (csvr_thread) */
static int threaded;

/* A reader over an in-memory text. */
struct fixture {
	FILE *f;
	struct rk_text *t;
	struct csvr *r;
	struct rk_error err;
};

static void open_text(struct fixture *x, const char *s, size_t n, char delim)
{
	memset(x, 0, sizeof(*x));
	x->f = tmpfile();
	assert_non_null(x->f);
	assert_int_equal(fwrite(s, 1, n, x->f), n);
	rewind(x->f);
	x->t = rk_text_open(x->f, "t.csv", RK_ENC_UTF8, &x->err);
	assert_non_null(x->t);
	x->r = csvr_open(x->t, (unsigned char)delim, "t.csv", &x->err);
	assert_non_null(x->r);
	if (threaded)
		assert_int_equal(csvr_thread(x->r, &x->err), 0);
}

static void close_text(struct fixture *x)
{
	csvr_close(x->r);
	rk_text_close(x->t);
	fclose(x->f);
}

static void expect_row(struct fixture *x, long line, size_t n, ...)
{
	struct csvr_row row;
	va_list ap;

	assert_int_equal(csvr_next(x->r, &row, &x->err), 1);
	assert_int_equal(row.line, line);
	assert_int_equal(row.n, n);
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(row.field[i], va_arg(ap, const char *));
	va_end(ap);
}

static void expect_end(struct fixture *x)
{
	struct csvr_row row;

	assert_int_equal(csvr_next(x->r, &row, &x->err), 0);
}

static void test_lf_and_crlf(void **state)
{
	struct fixture x;
	const char *s = "a,b\r\n1,2\n3,4\r\n";

	(void)state;
	open_text(&x, s, strlen(s), ',');
	expect_row(&x, 1, 2, "a", "b");
	expect_row(&x, 2, 2, "1", "2");
	expect_row(&x, 3, 2, "3", "4");
	expect_end(&x);
	close_text(&x);
}

static void test_quotes_and_embedded_newlines(void **state)
{
	struct fixture x;
	const char *s = "\"a,b\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",x\n"
			"last,\"\"\n";

	(void)state;
	open_text(&x, s, strlen(s), ',');
	expect_row(&x, 1, 2, "a,b", "say \"hi\"");
	expect_row(&x, 2, 2, "two\r\nlines", "x");
	expect_row(&x, 4, 2, "last", "");
	expect_end(&x);
	close_text(&x);
}

static void test_blank_lines_and_no_final_newline(void **state)
{
	struct fixture x;
	const char *s = "a;b\n\n\r\n c ; d \n,\ne;f";

	(void)state;
	open_text(&x, s, strlen(s), ';');
	expect_row(&x, 1, 2, "a", "b");
	expect_row(&x, 2, 0);
	expect_row(&x, 3, 0);
	expect_row(&x, 4, 2, " c ", " d ");   /* never trimmed */
	expect_row(&x, 5, 1, ",");
	expect_row(&x, 6, 2, "e", "f");
	expect_end(&x);
	close_text(&x);
}

static void test_unterminated_quote(void **state)
{
	struct fixture x;
	struct csvr_row row;
	const char *s = "a,b\n1,2\n\"3,4\n5,6\n";

	(void)state;
	open_text(&x, s, strlen(s), ',');
	expect_row(&x, 1, 2, "a", "b");
	expect_row(&x, 2, 2, "1", "2");
	assert_int_equal(csvr_next(x.r, &row, &x.err), -1);
	assert_int_equal(x.err.code, RK_EXIT_DATAERR);
	assert_int_equal(x.err.line, 3);
	assert_string_equal(x.err.file, "t.csv");
	assert_non_null(strstr(x.err.msg, "unterminated"));
	close_text(&x);
}

static void test_stray_quote(void **state)
{
	struct fixture x;
	struct csvr_row row;
	const char *s = "a,b\n1,2\nx\"y,3\n";

	(void)state;
	open_text(&x, s, strlen(s), ',');
	expect_row(&x, 1, 2, "a", "b");
	expect_row(&x, 2, 2, "1", "2");
	assert_int_equal(csvr_next(x.r, &row, &x.err), -1);
	assert_int_equal(x.err.code, RK_EXIT_DATAERR);
	assert_int_equal(x.err.line, 3);
	close_text(&x);
}

/* Rows and quoted line breaks across the reader's chunk boundaries. */
static void test_large_input_line_numbers(void **state)
{
	struct fixture x;
	struct csvr_row row;
	size_t cap = 8u << 20, n = 0;
	char *s = malloc(cap);
	long rows = 0, want_line = 1;
	int rc;

	(void)state;
	assert_non_null(s);
	for (long i = 0; n + 64 < cap; i++)
		n += (size_t)snprintf(s + n, cap - n, i % 7 ? "%ld,value %ld\n"
						  : "%ld,\"multi\nline %ld\"\n",
				      i, i);
	open_text(&x, s, n, ',');
	while ((rc = csvr_next(x.r, &row, &x.err)) == 1) {
		assert_int_equal(row.line, want_line);
		assert_int_equal(atol(row.field[0]), rows);
		want_line += rows % 7 ? 1 : 2;
		rows++;
	}
	assert_int_equal(rc, 0);
	assert_true(rows > 100000);
	close_text(&x);
	free(s);
}

/* Many chunks of rows, then a stray quote: every row, then the error. */
static void test_error_after_many_chunks(void **state)
{
	struct fixture x;
	struct csvr_row row;
	size_t cap = 2u << 20, n = 0;
	char *s = malloc(cap);
	long rows = 0, want = 0;
	int rc;

	(void)state;
	assert_non_null(s);
	while (n + 64 < cap - 32)
		n += (size_t)snprintf(s + n, cap - n, "%ld,\"a \"\"b\"\"\"\n", want++);
	n += (size_t)snprintf(s + n, cap - n, "x\"y,1\n9,9\n");
	open_text(&x, s, n, ',');
	while ((rc = csvr_next(x.r, &row, &x.err)) == 1) {
		assert_int_equal(atol(row.field[0]), rows);
		assert_string_equal(row.field[1], "a \"b\"");
		rows++;
	}
	assert_int_equal(rc, -1);
	assert_int_equal(rows, want);
	assert_int_equal(x.err.code, RK_EXIT_DATAERR);
	assert_int_equal(x.err.line, want + 1);
	/* the error stays */
	assert_int_equal(csvr_next(x.r, &row, &x.err), -1);
	close_text(&x);
	free(s);
}

/* Closing after a few rows of a long input (stop_at): nothing leaks. */
static void test_close_early(void **state)
{
	struct fixture x;
	struct csvr_row row;
	size_t cap = 4u << 20, n = 0;
	char *s = malloc(cap);

	(void)state;
	assert_non_null(s);
	for (long i = 0; n + 64 < cap; i++)
		n += (size_t)snprintf(s + n, cap - n, "%ld,v\n", i);
	open_text(&x, s, n, ',');
	for (int i = 0; i < 10; i++)
		assert_int_equal(csvr_next(x.r, &row, &x.err), 1);
	close_text(&x);
	free(s);
}

/* The rows, lines, records and error of s, read plainly or in segments. */
static void differential(const char *s, size_t n, size_t segment)
{
	struct fixture a, b;
	struct csvr_row x, y;
	int ra, rb;

	open_text(&a, s, n, ',');            /* threaded as the group says */
	memset(&b, 0, sizeof(b));
	b.f = tmpfile();
	assert_non_null(b.f);
	assert_int_equal(fwrite(s, 1, n, b.f), n);
	rewind(b.f);
	b.t = rk_text_open(b.f, "t.csv", RK_ENC_UTF8, &b.err);
	b.r = csvr_open(b.t, ',', "t.csv", &b.err);
	csvr_set_segment(b.r, segment);
	assert_int_equal(csvr_thread(b.r, &b.err), 0);
	do {
		ra = csvr_next(a.r, &x, &a.err);
		rb = csvr_next(b.r, &y, &b.err);
		assert_int_equal(ra, rb);
		if (ra != 1)
			break;
		assert_int_equal(x.n, y.n);
		assert_int_equal(x.line, y.line);
		assert_int_equal(x.record, y.record);
		for (size_t i = 0; i < x.n; i++)
			assert_string_equal(x.field[i], y.field[i]);
	} while (1);
	if (ra < 0) {
		assert_int_equal(a.err.code, b.err.code);
		assert_int_equal(a.err.line, b.err.line);
		assert_string_equal(a.err.msg, b.err.msg);
	}
	close_text(&a);
	close_text(&b);
}

/*
 * Segments are cut at line feeds outside quotes: quoted line feeds, CR
 * and CRLF ends, blank lines, and errors must come out as the plain
 * reader gives them, whatever the segment size.
 */
static void test_segments(void **state)
{
	static const char *const cases[] = {
		"a,b\n1,2\n3,4\n",
		"a,b\r\n1,2\r\n\r\n3,4\r\n",
		"a,b\r1,2\r3,4\r",                       /* CR only */
		"a,b\n\n\n1,\"x\ny\nz\"\n\"\"\"q\"\"\",2\n\n",
		"h\n\"a\n\n\n\n\nb\"\nc\n\"d\r\ne\"\n",
		"a,b\n1,2\nx\"y,3\n4,5\n\"6\n7\n",      /* a stray quote */
		"a,b\n1,2\n\"x,3\n4,5\n6,7\n",          /* never closed */
		"a,b\n1,\"ab\"c,2\n\"\n\"\n",          /* text after a quote */
		"no newline at the end,\"x\"",
		"\n\n\n",
		"",
	};
	size_t cap = 1u << 20, n = 0;
	char *big = malloc(cap);

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		for (size_t seg = 1; seg < 24; seg++)
			differential(cases[i], strlen(cases[i]), seg);
	/* a quoted field longer than several segments, then an error */
	assert_non_null(big);
	n += (size_t)snprintf(big, cap, "a,b\n1,\"");
	for (; n < 200000; n++)
		big[n] = n % 50 ? 'x' : '\n';
	n += (size_t)snprintf(big + n, cap - n, "\"\n2,3\r\n\n4,\"5\"\"\"\n6\"7\n");
	differential(big, n, 4096);
	differential(big, n, 70000);
	free(big);
}

/*
 * A record of many short fields past the record bound (RECKON_MAX_RECORD,
 * here 1 MiB) is refused with its line, threaded or not: no field is long,
 * so the field cap alone let the row grow without end.
 */
static void test_record_bound_many_fields(void **state)
{
	size_t n = 3u << 20;
	char *s = malloc(n + 16);
	struct fixture x;
	struct csvr_row row;

	(void)state;
	assert_non_null(s);
	memcpy(s, "a,b\n", 4);
	for (size_t i = 4; i < n; i += 2)
		memcpy(s + i, "x,", 2);
	setenv("RECKON_MAX_RECORD", "1M", 1);
	open_text(&x, s, n, ',');
	expect_row(&x, 1, 2, "a", "b");
	assert_int_equal(csvr_next(x.r, &row, &x.err), -1);
	assert_int_equal(x.err.code, RK_EXIT_DATAERR);
	assert_int_equal(x.err.line, 2);
	assert_non_null(strstr(x.err.msg, "a record longer than 1 MiB"));
	close_text(&x);
	unsetenv("RECKON_MAX_RECORD");
	free(s);
}

/* Below the bound the same long record is read whole. */
static void test_record_bound_not_reached(void **state)
{
	size_t n = 1u << 20;
	char *s = malloc(n + 16);
	struct fixture x;
	struct csvr_row row;

	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i < n; i += 2)
		memcpy(s + i, "x,", 2);
	s[n - 1] = '\n';
	setenv("RECKON_MAX_RECORD", "2M", 1);
	open_text(&x, s, n, ',');
	assert_int_equal(csvr_next(x.r, &row, &x.err), 1);
	assert_int_equal(row.n, n / 2);
	expect_end(&x);
	close_text(&x);
	unsetenv("RECKON_MAX_RECORD");
	free(s);
}

static int unthreaded_group(void **state)
{
	(void)state;
	threaded = 0;
	return 0;
}

static int threaded_group(void **state)
{
	(void)state;
	threaded = 1;
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lf_and_crlf),
		cmocka_unit_test(test_quotes_and_embedded_newlines),
		cmocka_unit_test(test_blank_lines_and_no_final_newline),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_stray_quote),
		cmocka_unit_test(test_large_input_line_numbers),
		cmocka_unit_test(test_error_after_many_chunks),
		cmocka_unit_test(test_close_early),
		cmocka_unit_test(test_segments),
		cmocka_unit_test(test_record_bound_many_fields),
		cmocka_unit_test(test_record_bound_not_reached),
	};

	return cmocka_run_group_tests_name("unthreaded", tests,
					   unthreaded_group, NULL) |
	       cmocka_run_group_tests_name("threaded", tests, threaded_group,
					   NULL);
}
