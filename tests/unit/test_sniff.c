/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "book/cellref.h"
#include "sniff.h"

static unsigned char sniff(const char *s)
{
	return sniff_delimiter(s, strlen(s));
}

static void test_delimiters(void **state)
{
	(void)state;
	assert_int_equal(sniff("a,b,c\n1,2,3\n"), ',');
	assert_int_equal(sniff("a;b;c\r\n1;2;3\r\n"), ';');
	assert_int_equal(sniff("a\tb\n1\t2\n"), '\t');
	assert_int_equal(sniff("a|b\n1|2\n"), '|');
	assert_int_equal(sniff("just one column\nvalue\n"), ',');
}

static void test_decimal_commas_in_semicolon_file(void **state)
{
	(void)state;
	assert_int_equal(sniff("r;v;w\nx;1,5;2\ny;3;4,25\nz;12;1,2\n"), ';');
}

static void test_quotes_hide_delimiters(void **state)
{
	(void)state;
	assert_int_equal(sniff("a,b\n\"x;y;z\",1\n\"p;q\nr;s\",2\n"), ',');
}

static void test_cellref(void **state)
{
	char buf[8];
	long a, b;

	(void)state;
	assert_int_equal(cellref_col("A"), 0);
	assert_int_equal(cellref_col("Z"), 25);
	assert_int_equal(cellref_col("AA"), 26);
	assert_int_equal(cellref_col("XFD"), 16383);
	assert_int_equal(cellref_col("XFE"), -1);
	assert_int_equal(cellref_col("a"), -1);
	assert_int_equal(cellref_col(""), -1);
	assert_int_equal(cellref_col("ABCD"), -1);
	cellref_letters(0, buf);
	assert_string_equal(buf, "A");
	cellref_letters(27, buf);
	assert_string_equal(buf, "AB");
	cellref_letters(16383, buf);
	assert_string_equal(buf, "XFD");
	assert_int_equal(cellref_col_range("B:E", &a, &b), 0);
	assert_int_equal(a, 1);
	assert_int_equal(b, 4);
	assert_int_equal(cellref_col_range("E:B", &a, &b), -1);
	assert_int_equal(cellref_col_range("B", &a, &b), -1);
}

static void test_cell_and_area(void **state)
{
	long c, r, r1, c1, r2, c2;

	(void)state;
	assert_int_equal(cellref_parse("C12", 3, &r, &c), 0);
	assert_int_equal(c, 2);
	assert_int_equal(r, 12);
	assert_int_equal(cellref_parse("$AB$3", 5, &r, &c), 0);
	assert_int_equal(c, 27);
	assert_int_equal(r, 3);
	assert_int_equal(cellref_parse("XFD1048576", 10, &r, &c), 0);
	assert_int_equal(cellref_parse("XFD1048577", 10, &r, &c), -1);
	assert_int_equal(cellref_parse("C0", 2, &r, &c), -1);
	assert_int_equal(cellref_parse("12", 2, &r, &c), -1);
	assert_int_equal(cellref_parse("c3", 2, &r, &c), 0);    /* either case */
	assert_int_equal(cellref_area("F40:A3", 6, &r1, &c1, &r2, &c2), 0);
	assert_int_equal(r1, 3);
	assert_int_equal(c1, 0);
	assert_int_equal(r2, 40);
	assert_int_equal(c2, 5);
	assert_int_equal(cellref_area("A3", 2, &r1, &c1, &r2, &c2), 0); /* one cell */
	assert_int_equal(cellref_area("A3:", 3, &r1, &c1, &r2, &c2), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delimiters),
		cmocka_unit_test(test_decimal_commas_in_semicolon_file),
		cmocka_unit_test(test_quotes_hide_delimiters),
		cmocka_unit_test(test_cellref),
		cmocka_unit_test(test_cell_and_area),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
