/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tally.h"

static char path[] = "/tmp/test_tally_XXXXXX";

static void put(const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}

/*
 * The quick count (no column asked) and the full reader (a column asked
 * for) must agree on the rows of every file a stage can write.
 */
static long both(const char *text, size_t len)
{
	struct tally quick, full;
	struct rk_error err = { 0 };

	put(text, len);
	assert_int_equal(tally_csv(path, NULL, NULL, &quick, &err), 0);
	assert_int_equal(tally_csv(path, "flag", "significant", &full, &err), 0);
	assert_int_equal(quick.rows, full.rows);
	return quick.rows;
}

#define BOTH(s) both(s, sizeof(s) - 1)

static void test_rows(void **state)
{
	(void)state;
	assert_int_equal(BOTH(""), 0);
	assert_int_equal(BOTH("a,b\n"), 0);
	assert_int_equal(BOTH("a,b"), 0);
	assert_int_equal(BOTH("a,b\n1,2\n3,4\n"), 2);
	assert_int_equal(BOTH("a,b\n1,2\n3,4"), 2);           /* no last LF */
	assert_int_equal(BOTH("a,b\r\n1,2\r\n3,4\r\n"), 2);    /* CRLF */
	assert_int_equal(BOTH("a,b\n\n1,2\n\n\n3,4\n\n"), 2);  /* blank lines */
	assert_int_equal(BOTH("a,b\r\n\r\n1,2\r\n"), 1);       /* a blank CRLF */
	assert_int_equal(BOTH("a,b\n\"x\ny\",2\n3,\"\"\n"), 2); /* a quoted LF */
	assert_int_equal(BOTH("a,b\n\"x\"\"\n\n\",2\n"), 1);   /* "" and LFs */
	assert_int_equal(BOTH("a,b\n\"\"\n"), 1);              /* one empty field */
	assert_int_equal(BOTH("a,b\n,\n"), 1);
	assert_int_equal(BOTH("a,b\n \n"), 1);                 /* a space is a field */
	assert_int_equal(BOTH("\n\na,b\n1,2\n"), 1);           /* blank before the header */
	assert_int_equal(BOTH("a,b\r1,2\r3,4\r"), 2);         /* CR line ends */
	assert_int_equal(BOTH("a,b\n\r\r\n1,2\n"), 1);       /* a lone CR */
}

static void test_long_file(void **state)
{
	/* records across the reader's 64 KiB blocks, one quoted field
	 * straddling a block boundary */
	size_t cap = 300000, len = 0;
	char *s = malloc(cap);
	long rows = 0;

	(void)state;
	assert_non_null(s);
	len += (size_t)sprintf(s + len, "source,value,origin\n");
	while (len < cap - 100) {
		len += (size_t)sprintf(s + len, rows % 7 ? "gpo,%ld,f.csv:%ld\n" :
				       "gpo,%ld,\"f.csv:%ld\n\"\"x\"\"\"\n",
				       rows, rows);
		rows++;
	}
	assert_int_equal(both(s, len), rows);
	free(s);
}

static void test_open_quote_is_an_error(void **state)
{
	struct tally t;
	struct rk_error err = { 0 };

	(void)state;
	put("a,b\n\"1,2\n", 9);
	assert_int_equal(tally_csv(path, NULL, NULL, &t, &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
}

static void test_missing_file(void **state)
{
	struct tally t;
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(tally_csv("/nonexistent/x.csv", NULL, NULL, &t, &err), -1);
	assert_int_equal(err.code, RK_EXIT_NOINPUT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_long_file),
		cmocka_unit_test(test_open_quote_is_an_error),
		cmocka_unit_test(test_missing_file),
	};
	int fd = mkstemp(path), rc;

	if (fd < 0)
		return 1;
	close(fd);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	unlink(path);
	return rc;
}
