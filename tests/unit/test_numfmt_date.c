/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "book/numfmt_date.h"

/* openpyxl's is_date_format / is_timedelta_format, as the xlsx oracle */
static void test_xlsx_rule(void **state)
{
	(void)state;
	for (long id = 14; id <= 22; id++)
		assert_int_equal(numfmt_date_kind(numfmt_builtin(id)), NUMFMT_DATE);
	assert_int_equal(numfmt_date_kind(numfmt_builtin(45)), NUMFMT_DATE);
	assert_int_equal(numfmt_date_kind(numfmt_builtin(46)), NUMFMT_DURATION);
	assert_int_equal(numfmt_date_kind(numfmt_builtin(47)), NUMFMT_DATE);
	assert_int_equal(numfmt_date_kind(numfmt_builtin(0)), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind(numfmt_builtin(44)), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind(numfmt_builtin(49)), NUMFMT_NUMBER);
	assert_null(numfmt_builtin(30));
	assert_int_equal(numfmt_date_kind(NULL), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind("DD.MM.YYYY"), NUMFMT_DATE);
	assert_int_equal(numfmt_date_kind("[$-419]d mmmm yyyy"), NUMFMT_DATE);
	assert_int_equal(numfmt_date_kind("[Red]0.00"), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind("\"days\" 0"), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind("0\\h"), NUMFMT_NUMBER);   /* escaped */
	assert_int_equal(numfmt_date_kind("0.0;dd"), NUMFMT_NUMBER);  /* first section only */
	assert_int_equal(numfmt_date_kind("d"), NUMFMT_NUMBER);       /* nothing before it */
	assert_int_equal(numfmt_date_kind("[hh]:mm"), NUMFMT_DURATION);
	assert_int_equal(numfmt_date_kind("[MM]:ss"), NUMFMT_DURATION);
	assert_int_equal(numfmt_date_kind("General"), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind("# ##0 \"руб.\""), NUMFMT_NUMBER);
}

/* xlrd's is_date_format_string, as the xls oracle */
static void test_xls_rule(void **state)
{
	(void)state;
	assert_int_equal(numfmt_date_kind_xls("yyyy-mm-dd"), NUMFMT_DATE);
	assert_int_equal(numfmt_date_kind_xls("[h]:mm:ss"), NUMFMT_DURATION);
	assert_int_equal(numfmt_date_kind_xls("0.00\"h\""), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind_xls("General"), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind_xls("@"), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind_xls("d"), NUMFMT_DATE);
	assert_int_equal(numfmt_date_kind_xls("0.00_h"), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind_xls("#,##0;[Red]-#,##0"), NUMFMT_NUMBER);
	assert_int_equal(numfmt_date_kind_xls("hh:mm 0"), NUMFMT_DATE);  /* 10 vs 5 */
	assert_int_equal(numfmt_date_kind_xls("0 0 d"), NUMFMT_NUMBER);  /* 5 vs 10 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx_rule),
		cmocka_unit_test(test_xls_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
