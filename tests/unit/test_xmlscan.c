/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "bookfix.h"
#include "bytebuf.h"
#include "book/xmlscan.h"

static const char *const uris[] = { "urn:a", "urn:b", NULL };

/* The tokens of doc, one line each: "<ns:local a=v>", "</ns:local>", "'text'". */
static char *tokens(const char *doc, size_t len, struct rk_error *err)
{
	struct part p[] = { { "x.xml", doc, len } };
	struct xmlzip *z = xmlzip_open(write_zip(p, 1), "z", err);
	struct xmlzip_part *part = z ? xmlzip_part_open(z, 0, err) : NULL;
	struct xmlscan *x = part ? xmlscan_open(z, part, uris, err) : NULL;
	struct bytebuf out = { 0 };
	struct xmlscan_tok t;
	int rc = -1;
	char line[256];

	while (x && (rc = xmlscan_next(x, &t, err)) > 0) {
		if (t.kind == XS_TEXT) {
			snprintf(line, sizeof(line), "'%s'\n", t.text);
		} else if (t.kind == XS_END) {
			snprintf(line, sizeof(line), "</%d:%s>\n", t.ns, t.local);
		} else {
			int n = snprintf(line, sizeof(line), "<%d:%s", t.ns, t.local);

			for (const char **a = t.atts; *a; a += 2)
				n += snprintf(line + n, sizeof(line) - (size_t)n,
					      " %s=%s", a[0], a[1]);
			snprintf(line + n, sizeof(line) - (size_t)n, ">\n");
		}
		bytebuf_add(&out, line, strlen(line));
	}
	xmlscan_close(x);
	xmlzip_part_close(part);
	xmlzip_close(z);
	if (rc < 0) {
		bytebuf_free(&out);
		return NULL;
	}
	bytebuf_add(&out, "", 0);
	return out.p;
}

#define SCANS(doc, want) \
	do { \
		struct rk_error e_ = { 0 }; \
		char *got_ = tokens((doc), sizeof(doc) - 1, &e_); \
		if (!got_) \
			fail_msg("%s", e_.msg); \
		assert_string_equal(got_, want); \
		free(got_); \
	} while (0)

#define FAILS(doc, text) \
	do { \
		struct rk_error e_ = { 0 }; \
		char *got_ = tokens((doc), sizeof(doc) - 1, &e_); \
		assert_null(got_); \
		assert_int_equal(e_.code, RK_EXIT_DATAERR); \
		if (!strstr(e_.msg, (text))) \
			fail_msg("'%s' lacks '%s'", e_.msg, (text)); \
	} while (0)

static void test_tokens(void **state)
{
	(void)state;
	SCANS("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
	      "<!-- c --><r xmlns=\"urn:a\" xmlns:p=\"urn:b\" xmlns:q=\"urn:q\">"
	      "<p:c r='A&amp;1' s = \"&#65;&#x42;\"/><q:d>a&lt;b&#x41F;\r\nc</q:d>"
	      "<e><![CDATA[<&>]]></e><?pi x?></r>\n<!-- after -->",
	      "<1:r xmlns=urn:a xmlns:p=urn:b xmlns:q=urn:q>\n"
	      "<2:c r=A&1 s=AB>\n</2:c>\n<0:d>\n'a<bП\nc'\n</0:d>\n"
	      "<1:e>\n'<&>'\n</1:e>\n</1:r>\n");
}

static void test_scopes(void **state)
{
	(void)state;
	SCANS("<a xmlns:x=\"urn:a\"><x:b xmlns:x=\"urn:b\"><x:c/></x:b><x:d/></a>",
	      "<0:a xmlns:x=urn:a>\n<2:b xmlns:x=urn:b>\n<2:c>\n</2:c>\n</2:b>\n"
	      "<1:d>\n</1:d>\n</0:a>\n");
}

static void test_chunk_boundaries(void **state)
{
	struct bytebuf doc = { 0 };
	struct rk_error err = { 0 };
	char *got;
	size_t lines = 0;

	(void)state;
	bytebuf_add(&doc, "<r xmlns=\"urn:a\">", 17);
	for (int i = 0; i < 30000; i++) {
		char row[64];
		int n = snprintf(row, sizeof(row), "<c n=\"%d\">v&amp;%d</c>", i, i);

		bytebuf_add(&doc, row, (size_t)n);
	}
	bytebuf_add(&doc, "</r>", 4);
	got = tokens(doc.p, doc.len, &err);
	assert_non_null(got);
	for (char *p = got; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 2 + 3 * 30000);
	assert_non_null(strstr(got, "<1:c n=29999>\n'v&29999'\n</1:c>\n</1:r>\n"));
	free(got);
	bytebuf_free(&doc);
}

static void test_malformed(void **state)
{
	(void)state;
	FAILS("<a><b></a>", "does not match");
	FAILS("<a>", "ends inside an element");
	FAILS("<a><b", "ends inside a tag");
	FAILS("<p:a/>", "unbound namespace prefix");
	FAILS("<a>&nbsp;</a>", "undefined entity");
	FAILS("<a>&#0;</a>", "undefined entity or a bad character");
	FAILS("<a>\x01</a>", "control character");
	FAILS("<a>\xC3\x28</a>", "not UTF-8");
	FAILS("<a/>junk", "outside the root");
	FAILS("<a/><b/>", "second root");
	FAILS("<a b=c/>", "unquoted");
	FAILS("<a b/>", "without a value");
	FAILS("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "DOCTYPE");
	FAILS("\xFF\xFE<\0a\0/\0>\0", "UTF-16");
	FAILS("<?xml version=\"1.0\" encoding=\"windows-1251\"?><a/>", "not in UTF-8");
	FAILS("", "no root element");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_scopes),
		cmocka_unit_test(test_chunk_boundaries),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
