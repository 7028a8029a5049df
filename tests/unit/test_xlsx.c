/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "bookfix.h"

#define NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define STRICT "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG "http://schemas.openxmlformats.org/package/2006/relationships"

static const char content_types[] =
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

static const char one_sheet_wb[] =
	"<workbook xmlns=\"" NS "\" xmlns:r=\"" REL "\"><sheets>"
	"<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char rels[] =
	"<Relationships xmlns=\"" PKG "\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL "/styles\" Target=\"/xl/styles.xml\"/>"
	"</Relationships>";

static const char styles[] =
	"<styleSheet xmlns=\"" NS "\"><numFmts>"
	"<numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>"
	"<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/>"
	"<numFmt numFmtId=\"166\" formatCode=\"&quot;d&quot;0.00\"/>"
	"<numFmt numFmtId=\"167\" formatCode=\"[Red]0.0;[Blue]dd\"/>"
	"</numFmts><cellXfs count=\"7\">"
	"<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
	"<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/>"
	"<xf numFmtId=\"21\"/></cellXfs></styleSheet>";

/* A one-sheet workbook: sheet XML, shared strings (or NULL). */
static const char *book1(const char *sheet, const char *sst)
{
	struct part p[] = {
		{ "[Content_Types].xml", content_types, 0 },
		{ "xl/workbook.xml", one_sheet_wb, 0 },
		{ "xl/_rels/workbook.xml.rels", rels, 0 },
		{ "xl/styles.xml", styles, 0 },
		{ "xl/worksheets/sheet1.xml", sheet, 0 },
		{ "xl/sharedStrings.xml", sst ? sst : "<sst xmlns=\"" NS "\"/>", 0 },
	};

	return write_zip(p, 6);
}

#define SHEET(rows) "<worksheet xmlns=\"" NS "\"><sheetData>" rows "</sheetData></worksheet>"

static void test_types(void **state)
{
	(void)state;
	assert_cells(book1(SHEET(
		"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>1.5</v></c>"
		"<c r=\"C1\" t=\"b\"><v>1</v></c><c r=\"D1\" t=\"e\"><v>#N/A</v></c>"
		"<c r=\"E1\" t=\"str\"><f>A1</f><v>x_x000D_y</v></c>"
		"<c r=\"F1\" t=\"inlineStr\"><is><t>in</t><r><t>line</t></r></is></c>"
		"<c r=\"G1\" t=\"d\"><v>2024-07-15T10:30:00</v></c>"
		"<c r=\"H1\"><v>12345678901234567890</v></c>"
		"<c r=\"I1\"><v>1.5E-5</v></c></row>"),
		"<sst xmlns=\"" NS "\"><si><t>a</t></si></sst>"),
		"S,A1,s,a\nS,B1,n,1.5\nS,C1,b,TRUE\nS,D1,e,#N/A\n"
		"S,E1,s,\"x\ry\"\nS,F1,s,inline\nS,G1,d,2024-07-15T10:30:00\n"
		"S,H1,n,1.2345678901234567e+19\nS,I1,n,0.000015\n");
}

static void test_empty_values_left_out(void **state)
{
	(void)state;
	assert_cells(book1(SHEET(
		"<row r=\"1\"><c r=\"A1\" s=\"1\"/><c r=\"B1\"><f>1+1</f></c>"
		"<c r=\"C1\" t=\"s\"><v>0</v></c><c r=\"D1\" t=\"str\"><v></v></c>"
		"<c r=\"E1\"><v>7</v></c></row><row r=\"2\"/>"),
		"<sst xmlns=\"" NS "\"><si/></sst>"),
		"S,E1,n,7\n");
}

static void test_shared_strings(void **state)
{
	(void)state;
	assert_cells(book1(SHEET(
		"<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c>"
		"<c t=\"s\"><v>2</v></c></row>"),
		"<sst xmlns=\"" NS "\">"
		"<si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r></si>"
		"<si><r><t>after</t></r><t>plain </t></si>"
		"<si><t>課</t><rPh sb=\"0\" eb=\"1\"><t>か</t></rPh><t>_x005F_x0041_</t></si>"
		"</sst>"),
		"S,A1,s,rich text\nS,B1,s,plain after\nS,C1,s,_x0041_\n");
}

static void test_positions_without_r(void **state)
{
	(void)state;
	/* rows and cells without r count on; cells out of order are sorted;
	 * the last of two cells at one place wins */
	assert_cells(book1(SHEET(
		"<row><c><v>1</v></c><c><v>2</v></c></row>"
		"<row r=\"4\"><c r=\"C4\"><v>3</v></c><c r=\"A4\"><v>4</v></c>"
		"<c r=\"A4\"><v>5</v></c></row><row><c r=\"B5\"><v>6</v></c><c><v>7</v></c></row>"),
		NULL),
		"S,A1,n,1\nS,B1,n,2\nS,A4,n,5\nS,C4,n,3\nS,B5,n,6\nS,C5,n,7\n");
}

static void test_dates_from_formats(void **state)
{
	(void)state;
	assert_cells(book1(SHEET(
		"<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45488</v></c>"
		"<c r=\"B1\" s=\"2\"><v>45488.5</v></c><c r=\"C1\" s=\"3\"><v>10.6320601851852</v></c>"
		"<c r=\"D1\" s=\"4\"><v>3</v></c><c r=\"E1\" s=\"5\"><v>2</v></c>"
		"<c r=\"F1\" s=\"6\"><v>0.75</v></c><c r=\"G1\" s=\"1\"><v>99999999</v></c>"
		"<c r=\"H1\" s=\"99\"><v>5</v></c></row>"), NULL),
		"S,A1,d,2024-07-15\nS,B1,d,2024-07-15T12:00:00\nS,C1,d,255:10:10\n"
		"S,D1,n,3\nS,E1,n,2\nS,F1,d,18:00:00\nS,G1,e,#VALUE!\nS,H1,n,5\n");
}

static void test_merged_ranges(void **state)
{
	struct rk_error err = { 0 };
	const char *path = book1(
		"<worksheet xmlns=\"" NS "\"><sheetData>"
		"<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c><c r=\"C1\"><v>3</v></c></row>"
		"<row r=\"2\"><c r=\"A2\"><v>4</v></c><c r=\"B2\"><v>5</v></c></row>"
		"</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:B2\"/>"
		"<mergeCell ref=\"C1\"/></mergeCells></worksheet>", NULL);
	struct book *b = book_open(path, "b", &err);
	struct sheet *s = b ? book_sheet_open(b, 0, &err) : NULL;
	const struct sheet_range *r;
	size_t n;

	(void)state;
	assert_non_null(s);
	r = sheet_merges(s, &n);
	assert_int_equal(n, 1);          /* a one-cell merge hides nothing */
	assert_int_equal(r[0].r1, 1);
	assert_int_equal(r[0].c1, 0);
	assert_int_equal(r[0].r2, 2);
	assert_int_equal(r[0].c2, 1);
	sheet_close(s);
	book_close(b);
	assert_cells(path, "S,A1,n,1\nS,C1,n,3\n");
}

static void test_prefixes_and_strict(void **state)
{
	struct part p[] = {
		{ "[Content_Types].xml", content_types, 0 },
		{ "_rels/.rels", "<Relationships xmlns=\"" PKG "\"><Relationship Id=\"r\" "
		  "Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" "
		  "Target=\"/book/wb.xml\"/></Relationships>", 0 },
		{ "book/wb.xml", "<x:workbook xmlns:x=\"" STRICT "\" "
		  "xmlns:q=\"http://purl.oclc.org/ooxml/officeDocument/relationships\">"
		  "<x:workbookPr date1904=\"true\"/><x:sheets>"
		  "<x:sheet name=\"Chart\" sheetId=\"2\" q:id=\"c\"/>"
		  "<x:sheet name=\"Hidden\" state=\"hidden\" sheetId=\"1\" q:id=\"s\"/>"
		  "</x:sheets></x:workbook>", 0 },
		{ "book/_rels/wb.xml.rels", "<Relationships xmlns=\"" PKG "\">"
		  "<Relationship Id=\"s\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet\" Target=\"s/../one.xml\"/>"
		  "<Relationship Id=\"c\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/chartsheet\" Target=\"chart.xml\"/>"
		  "</Relationships>", 0 },
		{ "book/chart.xml", "<chartsheet/>", 0 },
		{ "book/one.xml", "<y:worksheet xmlns:y=\"" STRICT "\"><y:sheetData>"
		  "<y:row r=\"2\"><y:c r=\"B2\" t=\"inlineStr\"><y:is><y:t>ok</y:t></y:is></y:c>"
		  "<other:c xmlns:other=\"urn:x\" r=\"C2\"><other:v>9</other:v></other:c>"
		  "</y:row></y:sheetData></y:worksheet>", 0 },
	};
	struct rk_error err = { 0 };
	const char *path = write_zip(p, 6);
	struct book *b = book_open(path, "b", &err);

	(void)state;
	assert_non_null(b);
	assert_int_equal(book_sheet_count(b), 1);
	assert_string_equal(book_sheet_name(b, 0), "Hidden");
	assert_int_equal(book_find_sheet(b, "1"), 0);
	assert_int_equal(book_find_sheet(b, "Chart"), -1);
	book_close(b);
	assert_cells(path, "Hidden,B2,s,ok\n");
}

static void test_case_and_backslash_part_names(void **state)
{
	struct part p[] = {
		{ "[Content_Types].xml", content_types, 0 },
		{ "xl\\workbook.xml", one_sheet_wb, 0 },
		{ "xl\\_rels\\workbook.xml.rels", rels, 0 },
		{ "XL\\Worksheets\\Sheet1.xml", SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), 0 },
		{ "xl/SharedStrings.xml", "<sst xmlns=\"" NS "\"><si><t>Hello</t></si></sst>", 0 },
	};

	(void)state;
	assert_cells(write_zip(p, 5), "S,A1,s,Hello\n");
}

static void test_hostile(void **state)
{
	static char big[(16 << 20) + 4096];

	(void)state;
	memset(big, ' ', sizeof(big) - 1);
	memcpy(big, "<worksheet xmlns=\"" NS "\">", sizeof("<worksheet xmlns=\"" NS "\">") - 1);
	assert_read_fails(book1(big, NULL), RK_EXIT_DATAERR, "compression ratio");
	assert_read_fails(book1("<!DOCTYPE x [<!ENTITY a \"b\">]><worksheet/>", NULL),
			  RK_EXIT_DATAERR, "DOCTYPE");
	assert_read_fails(book1(SHEET("<row><c t=\"s\"><v>3</v></c></row>"), NULL),
			  RK_EXIT_DATAERR, "shared string '3' does not exist");
	assert_read_fails(book1(SHEET("<row><c r=\"A0\"><v>3</v></c></row>"), NULL),
			  RK_EXIT_DATAERR, "bad cell reference");
	assert_read_fails(book1(SHEET("<row><c><v>x</v></c></row>"), NULL),
			  RK_EXIT_DATAERR, "where a number belongs");
	assert_read_fails(book1(SHEET("<row><c><v>1</c></row>"), NULL),
			  RK_EXIT_DATAERR, "malformed XML");
}

static void test_sheet_selection(void **state)
{
	struct rk_error err = { 0 };
	const char *path = book1(SHEET("<row r=\"3\"><c r=\"A3\"><v>1</v></c></row>"), NULL);
	char *got = cells_of(path, "S", &err);

	(void)state;
	assert_string_equal(got, "sheet,cell,type,value\nS,A3,n,1\n");
	free(got);
	assert_null(cells_of(path, "T", &err));
	assert_int_equal(err.code, RK_EXIT_USAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_empty_values_left_out),
		cmocka_unit_test(test_shared_strings),
		cmocka_unit_test(test_positions_without_r),
		cmocka_unit_test(test_dates_from_formats),
		cmocka_unit_test(test_merged_ranges),
		cmocka_unit_test(test_prefixes_and_strict),
		cmocka_unit_test(test_case_and_backslash_part_names),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_sheet_selection),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
