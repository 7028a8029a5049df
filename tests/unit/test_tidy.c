/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tidy.h"

static char *write_file(const char *content)
{
	char *path = strdup("/tmp/test_tidy_XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, strlen(content)),
			 (ssize_t)strlen(content));
	close(fd);
	return path;
}

static void test_writer_quotes_exactly_when_needed(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct rk_error err = { 0 };
	struct tidy_writer *w = tidy_writer_open(f, "mem", &err);
	const char *row[] = { "plain", "a,b", "say \"hi\"", "two\nlines",
			      " spaces ", "", "Душанбе" };

	(void)state;
	assert_non_null(w);
	assert_int_equal(tidy_writer_row(w, row, NULL, 7, &err), 0);
	assert_int_equal(tidy_writer_close(w, &err), 0);
	fclose(f);
	assert_string_equal(buf, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\","
				 " spaces ,,Душанбе\n");
	free(buf);
}

/* Fields the caller knows are copied as they are; the others written as
 * tidy_writer_row writes them: the same bytes. */
static void test_writer_known_fields(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct rk_error err = { 0 };
	struct tidy_writer *w = tidy_writer_open(f, "mem", &err);
	const char *row[] = { "plain", "a,b", "Душанбе", NULL, "x\"y" };
	size_t n[] = { 5, 0, strlen("Душанбе"), 0, 0 };
	unsigned char clean[] = { 1, 0, 1, 1, 0 };

	(void)state;
	assert_true(tidy_field_clean("Душанбе", strlen("Душанбе")));
	assert_false(tidy_field_clean("a,b", 3));
	assert_int_equal(tidy_writer_row_known(w, row, n, clean, 5, &err), 0);
	assert_int_equal(tidy_writer_close(w, &err), 0);
	fclose(f);
	assert_string_equal(buf, "plain,\"a,b\",Душанбе,,\"x\"\"y\"\n");
	free(buf);
}

static void test_writer_header(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct rk_error err = { 0 };
	struct tidy_writer *w = tidy_writer_open(f, "mem", &err);
	char *dims[] = { "region", "sex" };

	(void)state;
	assert_int_equal(tidy_writer_header(w, dims, 2, &err), 0);
	assert_int_equal(tidy_writer_close(w, &err), 0);
	fclose(f);
	assert_string_equal(buf, "source,indicator,period,region,sex,value,"
				 "status,origin\n");
	free(buf);
}

static void test_round_trip(void **state)
{
	char *path = write_file(
		"\xef\xbb\xbfsource,indicator,period,region,value,status,origin\r\n"
		"gpo,tc,2024-Q3,\"Sughd, north\",12,,g.xlsx#S!C3\r\n"
		"gpo,tc,2024-Q3,,,missing,g.xlsx#S!C4\r\n");
	struct rk_error err = { 0 };
	struct tidy_reader *r = tidy_reader_open(path, &err);
	struct tidy_row row;
	size_t nd;
	char *const *dims;

	(void)state;
	assert_non_null(r);
	dims = tidy_reader_dims(r, &nd);
	assert_int_equal(nd, 1);
	assert_string_equal(dims[0], "region");
	assert_int_equal(tidy_reader_next(r, &row, &err), 1);
	assert_string_equal(row.source, "gpo");
	assert_string_equal(row.dim[0], "Sughd, north");
	assert_string_equal(row.value, "12");
	assert_string_equal(row.origin, "g.xlsx#S!C3");
	assert_int_equal(row.line, 2);
	assert_int_equal(tidy_reader_next(r, &row, &err), 1);
	assert_string_equal(row.value, "");
	assert_string_equal(row.status, "missing");
	assert_int_equal(tidy_reader_next(r, &row, &err), 0);
	tidy_reader_close(r);
	unlink(path);
	free(path);
}

static void expect_read_error(const char *content, long line,
			      const char *needle)
{
	char *path = write_file(content);
	struct rk_error err = { 0 };
	struct tidy_reader *r = tidy_reader_open(path, &err);
	struct tidy_row row;
	int rc = -1;

	if (r) {
		while ((rc = tidy_reader_next(r, &row, &err)) == 1)
			;
	}
	assert_int_equal(rc, -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_int_equal(err.line, line);
	assert_non_null(strstr(err.msg, needle));
	tidy_reader_close(r);
	unlink(path);
	free(path);
}

static void test_reader_errors(void **state)
{
	static const char head[] = "source,indicator,period,value,status,origin\n";
	char buf[256];

	(void)state;
	expect_read_error("", 0, "empty");
	expect_read_error("a,b,c\n", 1, "not a tidy");
	expect_read_error("source,indicator,period,x,value,status\n", 1,
			  "not a tidy");
	snprintf(buf, sizeof(buf), "%sa,b,c,1,,o\na,b,c,1,,o,extra\n", head);
	expect_read_error(buf, 3, "7 fields");
	snprintf(buf, sizeof(buf), "%sa,b,c,\"1,5\",,o\n", head);
	expect_read_error(buf, 2, "not a number");
	snprintf(buf, sizeof(buf), "%sa,b,c,1,guessed,o\n", head);
	expect_read_error(buf, 2, "unknown status");
	snprintf(buf, sizeof(buf), "%sa,b,c,1,,\"o\n", head);
	expect_read_error(buf, 2, "unterminated");
	snprintf(buf, sizeof(buf), "%sa,b,c,1,,\xff\n", head);
	expect_read_error(buf, 2, "UTF-8");
}

static void test_missing_file(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	assert_null(tidy_reader_open("/nonexistent/tidy.csv", &err));
	assert_int_equal(err.code, RK_EXIT_NOINPUT);
	assert_string_equal(err.file, "/nonexistent/tidy.csv");
}

static void test_statuses(void **state)
{
	(void)state;
	assert_true(tidy_status_valid(""));
	assert_true(tidy_status_valid("suppressed"));
	assert_true(tidy_status_valid("footnote"));
	assert_false(tidy_status_valid("Missing"));
}

static void expect_formatted(double v, const char *want)
{
	char buf[TIDY_VALUE_MAX];

	assert_string_equal(tidy_value_format(v, buf), want);
	if (*want)
		assert_true(strtod(buf, NULL) == v || (v == 0 && buf[0] == '0'));
}

/*
 * One form for every tidy value: normalise wrote at most six places, so
 * 0.1234567 became 0.123457; and an exponent (1e-07) is not a tidy value.
 */
static void test_value_format(void **state)
{
	(void)state;
	expect_formatted(12, "12");
	expect_formatted(-0.0, "0");
	expect_formatted(0.1234567, "0.1234567");
	expect_formatted(1234.5, "1234.5");
	expect_formatted(0.1, "0.1");
	expect_formatted(1.0 / 3, "0.3333333333333333");
	expect_formatted(1.5e-7, "0.00000015");
	expect_formatted(-2.5e-3, "-0.0025");
	expect_formatted(123456.789, "123456.789");
	expect_formatted(1e20, "100000000000000000000");
	expect_formatted(4294967295.0, "4294967295");
	expect_formatted(12345678901.5, "12345678901.5");
	expect_formatted(NAN, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_format),
		cmocka_unit_test(test_writer_quotes_exactly_when_needed),
		cmocka_unit_test(test_writer_known_fields),
		cmocka_unit_test(test_writer_header),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_reader_errors),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_statuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
