/* SPDX-License-Identifier: GPL-3.0-or-later */
/* When a workbook says it was made and saved (extract/book/docprops.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <time.h>
#include <cmocka.h>

#include "bookfix.h"
#include "book/docprops.h"

#define NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG "http://schemas.openxmlformats.org/package/2006/relationships"
#define CORE_REL "http://schemas.openxmlformats.org/package/2006/" \
	"relationships/metadata/core-properties"

/* 2024-10-15T09:30:00Z */
#define T0 1728984600LL

static long long parsed(const char *s)
{
	long long t = -7;

	return docprops_time(s, strlen(s), &t) == 0 ? t : -7;
}

static void test_time(void **state)
{
	(void)state;
	assert_int_equal(parsed("2024-10-15T09:30:00Z"), T0);
	assert_int_equal(parsed(" 2024-10-15T09:30:00Z\n"), T0);
	assert_int_equal(parsed("2024-10-15T09:30Z"), T0);
	assert_int_equal(parsed("2024-10-15T09:30:00.123456Z"), T0);
	assert_int_equal(parsed("2024-10-15T14:30:00+05:00"), T0);
	assert_int_equal(parsed("2024-10-15T05:30:00-04:00"), T0);
	assert_int_equal(parsed("2024-10-15"), T0 - 9 * 3600 - 30 * 60);
	assert_int_equal(parsed("2024-10"), T0 - 14 * 86400 - 34200);
	assert_int_equal(parsed("1970"), 0);
	assert_int_equal(parsed("2024-02-29T00:00:00Z"), 1709164800LL);
	assert_int_equal(parsed("2016-12-31T23:59:60Z"), 1483228799LL);
	assert_int_equal(parsed("1969-12-31T23:59:59Z"), -1);
}

static void test_time_refused(void **state)
{
	static const char *const bad[] = {
		"", " ", "24-10-15", "2024-1-5", "2024-13-01", "2024-00-10",
		"2023-02-29", "2024-04-31", "0000-01-01", "2024-10-15T",
		"2024-10-15T24:00:00Z", "2024-10-15T09:60Z", "2024-10-15T9:30Z",
		"2024-10-15T09:30:61Z", "2024-10-15T09:30:00.Z",
		"2024-10-15T09:30:00+5:00", "2024-10-15T09:30:00+05",
		"2024-10-15T09:30:00+15:00", "2024-10-15T09:30:00+05:60",
		"2024-10-15T09:30:00ZZ", "2024T09:30Z", "2024-10T09:30Z",
		"2024-10-15 09:30:00Z", "15.10.2024", "2024-10-15T09:30:00Z x",
		"-2024-10-15",
	};
	long long t;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (docprops_time(bad[i], strlen(bad[i]), &t) == 0)
			fail_msg("'%s' taken as %lld", bad[i], t);
	/* the length bounds the text: no NUL needed */
	assert_int_equal(docprops_time("2024-10-15T09:30:00Zjunk", 20, &t), 0);
	assert_int_equal(t, T0);
}

/* A date-time with no zone (LibreOffice's dc:date) is local time. */
static void test_time_local(void **state)
{
	const char *tz = getenv("TZ");
	char *saved = tz ? strdup(tz) : NULL;

	(void)state;
	setenv("TZ", "TJT-5", 1);      /* POSIX: five hours east of UTC */
	tzset();
	assert_int_equal(parsed("2024-10-15T14:30:00"), T0);
	assert_int_equal(parsed("2024-10-15T14:30:00.5"), T0);
	assert_int_equal(parsed("2024-10-15T14:30:00Z"), T0 + 5 * 3600);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

static const char content_types[] =
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	"content-types\"/>";
static const char workbook[] =
	"<workbook xmlns=\"" NS "\" xmlns:r=\"" REL "\"><sheets>"
	"<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char wb_rels[] =
	"<Relationships xmlns=\"" PKG "\"><Relationship Id=\"rId1\" Type=\""
	REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
static const char sheet[] = "<worksheet xmlns=\"" NS "\"><sheetData/>"
			    "</worksheet>";

#define CORE(body) \
	"<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/" \
	"package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/" \
	"dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" " \
	"xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" body \
	"</cp:coreProperties>"

/* An xlsx whose core properties are core at part (NULL: none). */
static const char *xlsx(const char *part, const char *core,
			const char *pkg_rels)
{
	struct part p[6] = {
		{ "[Content_Types].xml", content_types, 0 },
		{ "xl/workbook.xml", workbook, 0 },
		{ "xl/_rels/workbook.xml.rels", wb_rels, 0 },
		{ "xl/worksheets/sheet1.xml", sheet, 0 },
	};
	size_t n = 4;

	if (pkg_rels)
		p[n++] = (struct part){ "_rels/.rels", pkg_rels, 0 };
	if (part)
		p[n++] = (struct part){ part, core, 0 };
	return write_zip(p, n);
}

static struct book_props props_of(const char *path)
{
	struct rk_error err = { 0 };
	struct book *b = book_open(path, "t.xlsx", &err);
	struct book_props p = { -1, -1, -1, -1 };

	assert_non_null(b);
	assert_int_equal(book_props(b, &p, &err), 0);
	book_close(b);
	return p;
}

static void test_xlsx_core(void **state)
{
	struct book_props p;

	(void)state;
	p = props_of(xlsx("docProps/core.xml", CORE(
		"<dc:creator>reckon</dc:creator>"
		"<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
		"2024-10-01T00:00:00Z</dcterms:created>"
		"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">"
		"2024-10-15T09:30:00Z</dcterms:modified>"), NULL));
	assert_true(p.has_created && p.has_modified);
	assert_int_equal(p.created, 1727740800LL);
	assert_int_equal(p.modified, T0);
	/* the package relationship names the part */
	p = props_of(xlsx("meta/props.xml", CORE(
		"<dcterms:modified>2024-10-15T14:30:00+05:00</dcterms:modified>"),
		"<Relationships xmlns=\"" PKG "\"><Relationship Id=\"rId1\" "
		"Type=\"" REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
		"<Relationship Id=\"rId2\" Type=\"" CORE_REL "\" "
		"Target=\"/meta/props.xml\"/></Relationships>"));
	assert_false(p.has_created);
	assert_true(p.has_modified);
	assert_int_equal(p.modified, T0);
}

/* What is not there, or not a date-time, or not XML, says nothing. */
static void test_xlsx_says_nothing(void **state)
{
	struct book_props p;

	(void)state;
	p = props_of(xlsx(NULL, NULL, NULL));
	assert_false(p.has_created || p.has_modified);
	p = props_of(xlsx("docProps/core.xml", CORE(
		"<dcterms:created>yesterday</dcterms:created>"
		"<dcterms:modified>2024-10-15T09:30:00Z 2024-10-16T09:30:00Z"
		"</dcterms:modified>"), NULL));
	assert_false(p.has_created || p.has_modified);
	p = props_of(xlsx("docProps/core.xml", CORE(
		"<dcterms:modified>2024-10-15T09:30:00Z</dcterms:modified>"
		"<dcterms:modified>1999-01-01T00:00:00Z</dcterms:modified>"),
		NULL));
	assert_true(p.has_modified);
	assert_int_equal(p.modified, T0);   /* the first */
	p = props_of(xlsx("docProps/core.xml", CORE(
		"<modified>2024-10-15T09:30:00Z</modified>"
		"<dc:modified>2024-10-15T09:30:00Z</dc:modified>"), NULL));
	assert_false(p.has_modified);       /* another namespace */
	p = props_of(xlsx("docProps/core.xml", "<cp:coreProperties "
			  "xmlns:dcterms=\"http://purl.org/dc/terms/\"><dcterms:"
			  "modified>2024-10-15T09:30:00Z</dcterms:modified>",
			  NULL));
	assert_false(p.has_modified);       /* not well-formed */
	p = props_of(xlsx("docProps/core.xml", CORE(
		"<dcterms:modified>2024-10-15T09:30:00Z"
		"                                                              "
		"</dcterms:modified>"), NULL));
	assert_false(p.has_modified);       /* too long to be one */
}

static void test_ods_meta(void **state)
{
	struct part parts[] = {
		{ "mimetype", "application/vnd.oasis.opendocument.spreadsheet", 0 },
		{ "content.xml", "<office:document-content xmlns:office=\""
		  "urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:"
		  "table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\">"
		  "<office:body><office:spreadsheet><table:table table:name=\"S\"/>"
		  "</office:spreadsheet></office:body></office:document-content>",
		  0 },
		{ "meta.xml", "<office:document-meta xmlns:office=\"urn:oasis:"
		  "names:tc:opendocument:xmlns:office:1.0\" xmlns:meta=\"urn:"
		  "oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http:"
		  "//purl.org/dc/elements/1.1/\"><office:meta><meta:creation-date>"
		  "2024-10-01T00:00:00Z</meta:creation-date><dc:date>"
		  "2024-10-15T09:30:00Z</dc:date></office:meta>"
		  "</office:document-meta>", 0 },
	};
	struct book_props p = props_of(write_zip(parts, 3));

	(void)state;
	assert_true(p.has_created && p.has_modified);
	assert_int_equal(p.created, 1727740800LL);
	assert_int_equal(p.modified, T0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_time_refused),
		cmocka_unit_test(test_time_local),
		cmocka_unit_test(test_xlsx_core),
		cmocka_unit_test(test_xlsx_says_nothing),
		cmocka_unit_test(test_ods_meta),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
