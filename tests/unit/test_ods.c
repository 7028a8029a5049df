/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "bookfix.h"

#define DOC(tables) \
	"<office:document-content " \
	"xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
	"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
	"xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\">" \
	"<office:body><office:spreadsheet>" tables \
	"</office:spreadsheet></office:body></office:document-content>"

static const char *ods(const char *content)
{
	struct part p[] = {
		{ "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0 },
		{ "content.xml", content, 0 },
	};

	return write_zip(p, 2);
}

static void test_value_types(void **state)
{
	(void)state;
	assert_cells(ods(DOC("<table:table table:name=\"T\"><table:table-row>"
		"<table:table-cell office:value-type=\"float\" office:value=\"1.5\"/>"
		"<table:table-cell office:value-type=\"percentage\" office:value=\"0.25\"/>"
		"<table:table-cell office:value-type=\"currency\" office:value=\"-3\"/>"
		"<table:table-cell office:value-type=\"date\" office:date-value=\"2024-07-15\"/>"
		"<table:table-cell office:value-type=\"date\" office:date-value=\"2024-07-15T23:59:59.6\"/>"
		"<table:table-cell office:value-type=\"time\" office:time-value=\"PT255H10M10.4S\"/>"
		"<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"/>"
		"<table:table-cell office:value-type=\"string\" office:string-value=\"attr\"><text:p>ignored</text:p></table:table-cell>"
		"<table:table-cell office:value-type=\"float\" office:value=\"0\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>"
		"<table:table-cell><text:p>no type: no value</text:p></table:table-cell>"
		"</table:table-row></table:table>")),
		"T,A1,n,1.5\nT,B1,n,0.25\nT,C1,n,-3\nT,D1,d,2024-07-15\n"
		"T,E1,d,2024-07-16\nT,F1,d,255:10:10\nT,G1,b,TRUE\nT,H1,s,attr\n"
		"T,I1,e,#DIV/0!\n");
}

static void test_text(void **state)
{
	(void)state;
	assert_cells(ods(DOC("<table:table table:name=\"T\"><table:table-row>"
		"<table:table-cell office:value-type=\"string\"><text:p>a<text:s text:c=\"3\"/>b<text:tab/>c"
		"<text:line-break/><text:span>d</text:span><office:annotation><text:p>note</text:p>"
		"</office:annotation></text:p><text:p>second</text:p></table:table-cell>"
		"<table:table-cell office:value-type=\"string\"><text:p/></table:table-cell>"
		"</table:table-row></table:table>")),
		"T,A1,s,\"a   b\tc\nd\nsecond\"\n");
}

static void test_repeats_and_covered(void **state)
{
	(void)state;
	/* empty repeats cost nothing; non-empty ones are expanded; covered
	 * cells are skipped even with text; rows inside groups count */
	assert_cells(ods(DOC("<table:table table:name=\"T\">"
		"<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell "
		"table:number-columns-repeated=\"16384\"/></table:table-row>"
		"<table:table-row-group><table:table-rows><table:table-row table:number-rows-repeated=\"2\">"
		"<table:table-cell table:number-columns-repeated=\"2\"/>"
		"<table:table-cell office:value-type=\"float\" office:value=\"7\" "
		"table:number-columns-repeated=\"2\" table:number-columns-spanned=\"1\"/>"
		"</table:table-row></table:table-rows></table:table-row-group>"
		"<table:table-row><table:table-cell office:value-type=\"string\" "
		"table:number-columns-spanned=\"2\"><text:p>m</text:p></table:table-cell>"
		"<table:covered-table-cell office:value-type=\"string\"><text:p>hidden</text:p>"
		"</table:covered-table-cell></table:table-row>"
		"</table:table><table:table table:name=\"U\"/>")),
		"T,C1048001,n,7\nT,D1048001,n,7\nT,C1048002,n,7\nT,D1048002,n,7\n"
		"T,A1048003,s,m\n");
}

static void test_sheets_and_spans(void **state)
{
	struct rk_error err = { 0 };
	const char *path = ods(DOC("<table:table table:name=\"First\"/>"
		"<table:table table:name=\"Second\"><table:table-row>"
		"<table:table-cell table:number-columns-spanned=\"3\" table:number-rows-spanned=\"2\" "
		"office:value-type=\"string\"><text:p>x</text:p></table:table-cell>"
		"</table:table-row></table:table>"));
	struct book *b = book_open(path, "b", &err);
	struct sheet *s;
	const struct sheet_range *r;
	size_t n;

	(void)state;
	assert_non_null(b);
	assert_int_equal(book_sheet_count(b), 2);
	assert_string_equal(book_sheet_name(b, 1), "Second");
	s = book_sheet_open(b, 1, &err);
	assert_non_null(s);
	r = sheet_merges(s, &n);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].r1, 1);
	assert_int_equal(r[0].c1, 0);
	assert_int_equal(r[0].r2, 2);
	assert_int_equal(r[0].c2, 2);
	sheet_close(s);
	book_close(b);
}

static void test_hostile(void **state)
{
	struct part enc[] = {
		{ "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0 },
		{ "content.xml", "\x01\x02 encrypted", 0 },
		{ "META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
		  "opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path="
		  "\"content.xml\"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>", 0 },
	};

	(void)state;
	assert_read_fails(write_zip(enc, 3), RK_EXIT_DATAERR, "password-protected");
	assert_read_fails(ods(DOC("<table:table table:name=\"T\"><table:table-row>"
		"<table:table-cell table:number-columns-repeated=\"999999999\" "
		"office:value-type=\"float\" office:value=\"1\"/></table:table-row></table:table>")),
		RK_EXIT_DATAERR, "cell limit exceeded");
	assert_read_fails(ods(DOC("<table:table table:name=\"T\"><table:table-row "
		"table:number-rows-repeated=\"999999999\"><table:table-cell "
		"office:value-type=\"float\" office:value=\"1\"/></table:table-row></table:table>")),
		RK_EXIT_DATAERR, "cell limit exceeded");
	assert_read_fails(ods(DOC("<table:table table:name=\"T\"><table:table-row>"
		"<table:table-cell office:value-type=\"float\" office:value=\"one\"/>"
		"</table:table-row></table:table>")), RK_EXIT_DATAERR, "where a number belongs");
}

/* Fuzz find: repeats near LONG_MAX overflowed the column (and row) and
 * the release build wrote cell references without their column letters. */
static void test_repeat_near_long_max(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	assert_null(cells_of(ods(DOC("<table:table table:name=\"S\"><table:table-row>"
		"<table:table-cell table:number-columns-repeated=\"9223372036854775807\"/>"
		"<table:table-cell table:number-columns-repeated=\"2\"/>"
		"<table:table-cell office:value-type=\"float\" office:value=\"7\"/>"
		"</table:table-row></table:table>")), NULL, &err));
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_non_null(strstr(err.msg, "past column XFD"));
	assert_string_equal(err.cell, "S!XFD1");
	assert_read_fails(ods(DOC("<table:table table:name=\"S\">"
		"<table:table-row table:number-rows-repeated=\"9223372036854775807\"/>"
		"<table:table-row table:number-rows-repeated=\"3\"/>"
		"<table:table-row><table:table-cell office:value-type=\"float\" "
		"office:value=\"7\"/></table:table-row></table:table>")),
		RK_EXIT_DATAERR, "past row 1048576");
	assert_read_fails(ods(DOC("<table:table table:name=\"S\"><table:table-row>"
		"<table:table-cell table:number-columns-repeated=\"2\"/>"
		"<table:table-cell table:number-columns-repeated=\"9223372036854775807\" "
		"office:value-type=\"float\" office:value=\"1\"/>"
		"</table:table-row></table:table>")), RK_EXIT_DATAERR, "past column XFD");
	/* spans reaching past the edge are clipped to it, not overflowed */
	assert_cells(ods(DOC("<table:table table:name=\"S\"><table:table-row>"
		"<table:table-cell table:number-columns-spanned=\"9223372036854775807\" "
		"table:number-rows-spanned=\"9223372036854775807\" "
		"office:value-type=\"float\" office:value=\"1\"/>"
		"</table:table-row></table:table>")), "S,A1,n,1\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_types),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_repeats_and_covered),
		cmocka_unit_test(test_sheets_and_spans),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_repeat_near_long_max),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
