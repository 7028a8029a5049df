/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "layout.h"

/* Runs rows (cells separated by '|', one row per string) through a layout. */
struct run {
	char *out;
	struct rk_error err;
	int rc;          /* of the last layout_row / layout_end */
	long written;
};

static void feed_merged(const struct layout_spec *spec,
			const char *const *rows, size_t nrows,
			const struct sheet_range *m, size_t nm, struct run *r);

static void feed(const struct layout_spec *spec, const char *const *rows,
		 size_t nrows, struct run *r)
{
	feed_merged(spec, rows, nrows, NULL, 0, r);
}

static void feed_merged(const struct layout_spec *spec,
			const char *const *rows, size_t nrows,
			const struct sheet_range *m, size_t nm, struct run *r)
{
	size_t len = 0;
	FILE *f = open_memstream(&r->out, &len);
	struct layout *L;
	struct tidy_writer *w;

	memset(&r->err, 0, sizeof(r->err));
	L = layout_new(spec, &r->err);
	r->rc = -2;
	w = tidy_writer_open(f, "mem", &r->err);
	if (L && nm)
		assert_int_equal(layout_set_merges(L, m, nm, &r->err), 0);
	if (L) {
		r->rc = 0;
		for (size_t i = 0; i < nrows && r->rc == 0; i++) {
			char *copy = strdup(rows[i]), *cells[16], *save = NULL;
			size_t lens[16], n = 0;
			struct grid_row g = { (long)i + 1, (long)i + 1, 0, cells, lens };

			for (char *c = strtok_r(copy, "|", &save); c && n < 16;
			     c = strtok_r(NULL, "|", &save)) {
				cells[n] = strcmp(c, "_") == 0 ? c + 1 : c;
				lens[n] = strlen(cells[n]);
				n++;
			}
			g.n = n;
			r->rc = layout_row(L, &g, w, &r->err);
			free(copy);
		}
		if (r->rc >= 0 && layout_end(L, &r->err) < 0)
			r->rc = -1;
		r->written = layout_rows_written(L);
	}
	tidy_writer_close(w, NULL);
	fclose(f);
	layout_free(L);
}

static char *dims[] = { "region", "sex" };

static struct layout_spec spec_for(struct rk_layout *lay, struct rk_kvlist *consts)
{
	struct layout_spec s = { "wol", "in.csv", "in.csv", lay, consts, dims, 2,
				 "p.yaml", NULL, NULL };
	return s;
}

#define KV(k, v) { (char *)(k), (char *)(v), { 0, 0 } }

static void test_long_table_with_title_rows(void **state)
{
	struct rk_kv fields[] = { KV("region", "Регион"), KV("period", "Дата") };
	struct rk_kv consts[] = { KV("indicator", "tc") };
	char *values[] = { "Число" };
	struct rk_layout lay = { .header_rows = -1, .header_row = -1 };
	struct rk_kvlist kc = { consts, 1 };
	struct layout_spec s;
	const char *rows[] = {
		"Жалобы за 2024 год",
		"Регион|Дата|Число",
		"Душанбе|2024-Q1|12",
		"Сугд|2024-Q1|_",
	};
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 2 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	s = spec_for(&lay, &kc);
	feed(&s, rows, 4, &r);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.out,
		"wol,tc,2024-Q1,Душанбе,,12,,in.csv:3\n"
		"wol,tc,2024-Q1,Сугд,,,missing,in.csv:4\n");
	free(r.out);
}

static void test_wide_values_sentinels_skip_stop(void **state)
{
	struct rk_kv fields[] = { KV("region", "A"), KV("sex", "B") };
	struct rk_kv sent[] = { KV("-", "0"), KV("н/д", "missing"),
				KV("x", "suppressed") };
	char *values[] = { "C:D" }, *vh[] = { "year" };
	struct rk_layout lay = { .header_rows = -1, .header_row = 2,
				 .period = "{year}-Q3",
				 .skip_rows = "^Итого", .stop_at = "^\\*" };
	struct layout_spec s;
	const char *rows[] = {
		"title",
		"Регион|Пол|2023|2024",
		"Душанбе|Ж|-|н/д",
		"Итого|_|5|6",
		"Сугд|М|x|1 234,5",
		"* footnote",
		"Хатлон|М|1|1",
	};
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 2 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	lay.value_headers = (struct rk_strlist){ vh, 1, { 0, 0 } };
	lay.sentinels = (struct rk_kvlist){ sent, 3 };
	s = spec_for(&lay, NULL);
	feed(&s, rows, 7, &r);
	assert_int_equal(r.rc, 1);           /* stopped at the footnote */
	assert_string_equal(r.out,
		"wol,,2023-Q3,Душанбе,Ж,0,,in.csv:3\n"
		"wol,,2024-Q3,Душанбе,Ж,,missing,in.csv:3\n"
		"wol,,2023-Q3,,,5,source_total,in.csv:4\n"   /* Итого */
		"wol,,2024-Q3,,,6,source_total,in.csv:4\n"
		"wol,,2023-Q3,Сугд,М,,suppressed,in.csv:5\n"
		"wol,,2024-Q3,Сугд,М,1234.5,,in.csv:5\n"
		/* the row stop_at ends the table at is a note of the source */
		"wol,* footnote,,,,,source_note,in.csv:6\n");
	free(r.out);
}

static void test_errors_name_line_and_column(void **state)
{
	struct rk_kv fields[] = { KV("region", "r") };
	char *values[] = { "v" };
	struct rk_layout lay = { .header_rows = -1, .header_row = -1 };
	struct layout_spec s;
	const char *bad_value[] = { "r|v", "a|1", "b|abc" };
	const char *ragged[] = { "r|v", "a|1|2" };
	const char *no_header[] = { "x|y", "a|1" };
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 1 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	s = spec_for(&lay, NULL);

	feed(&s, bad_value, 3, &r);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.code, RK_EXIT_DATAERR);
	assert_int_equal(r.err.line, 3);
	assert_string_equal(r.err.msg, "expected a number, found 'abc' in column 'v'");
	free(r.out);

	feed(&s, ragged, 2, &r);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.line, 2);
	assert_string_equal(r.err.msg, "row has 3 fields, the header has 2");
	free(r.out);

	feed(&s, no_header, 2, &r);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.err.code, RK_EXIT_DATAERR);
	assert_non_null(strstr(r.err.msg, "header not found"));
	free(r.out);
}

static void test_spec_errors(void **state)
{
	struct rk_kv fields[] = { KV("regoin", "A") };
	char *values[] = { "B" };
	struct rk_layout lay = { .header_rows = -1, .header_row = 0,
				 .mark = { 5, 7 } };
	struct layout_spec s;
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 1 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	s = spec_for(&lay, NULL);
	feed(&s, NULL, 0, &r);
	assert_int_equal(r.rc, -2);
	assert_int_equal(r.err.code, RK_EXIT_CONFIG);
	assert_int_equal(r.err.line, 5);
	assert_int_equal(r.err.column, 7);
	assert_string_equal(r.err.msg, "unknown field 'regoin'");
	free(r.out);

	fields[0].key = "region";
	lay.period = "{quarter} {year}";
	feed(&s, NULL, 0, &r);
	assert_int_equal(r.rc, -2);
	assert_non_null(strstr(r.err.msg, "'quarter'"));
	free(r.out);
}

/* A year constant is for normalise when no period template here uses it. */
static void test_year_constant_left_to_normalise(void **state)
{
	struct rk_kv fields[] = { KV("region", "A"), KV("period", "B") };
	struct rk_kv consts[] = { KV("indicator", "tc"), KV("year", "2024") };
	char *values[] = { "C" };
	struct rk_layout lay = { .header_rows = -1, .header_row = 0 };
	struct rk_kvlist kc = { consts, 2 };
	struct layout_spec s;
	const char *rows[] = { "Сугд|III кв.|4" };
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 2 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	s = spec_for(&lay, &kc);
	feed(&s, rows, 1, &r);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.out, "wol,tc,III кв.,Сугд,,4,,in.csv:1\n");
	free(r.out);
}

static void test_no_header_letters(void **state)
{
	struct rk_kv fields[] = { KV("region", "A") };
	char *values[] = { "B" };
	struct rk_layout lay = { .header_rows = -1, .header_row = 0 };
	struct layout_spec s;
	const char *rows[] = { "Душанбе|5", "Сугд|7" };
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 1 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	s = spec_for(&lay, NULL);
	feed(&s, rows, 2, &r);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.written, 2);
	assert_string_equal(r.out, "wol,,,Душанбе,,5,,in.csv:1\n"
				   "wol,,,Сугд,,7,,in.csv:2\n");
	free(r.out);
}

/*
 * The agency cross-tab: a title, two merged header tiers (year over
 * quarters), a region label merged down two rows (by sex), totals,
 * a footnote, a number with a marker and a number stored as text.
 */
static void test_crosstab_two_tiers_merged(void **state)
{
	struct rk_kv fields[] = { KV("region", "Регион"), KV("sex", "Пол") };
	struct rk_kv consts[] = { KV("indicator", "tc") };
	struct rk_kv sent[] = { KV("-", "0"), KV("н/д", "missing") };
	char *values[] = { "C:E" }, *vh[] = { "year", "quarter" };
	struct rk_layout lay = { .header_rows = 2, .header_row = -1,
				 .period = "{quarter} {year}",
				 .skip_rows = "^Итого", .stop_at = "^\\*" };
	struct rk_kvlist kc = { consts, 1 };
	struct layout_spec s;
	const char *rows[] = {
		"Жалобы на пытки",                       /* 1 */
		"Регион|Пол|2024",                        /* 2 */
		"_|_|I кв.|II кв.|III кв.",               /* 3 */
		"Душанбе|М|5|-|7*",                       /* 4 */
		"_|Ж|1|н/д|2¹",                           /* 5 */
		"Итого|_|6|0|9",                          /* 6 */
		"* предварительно",                       /* 7 */
	};
	struct sheet_range m[] = {
		{ 2, 0, 3, 0 },   /* Регион over two tiers */
		{ 2, 1, 3, 1 },   /* Пол */
		{ 2, 2, 2, 4 },   /* 2024 across the quarters */
		{ 4, 0, 5, 0 },   /* Душанбе down two rows */
	};
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 2 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	lay.value_headers = (struct rk_strlist){ vh, 2, { 0, 0 } };
	lay.sentinels = (struct rk_kvlist){ sent, 2 };
	s = spec_for(&lay, &kc);
	s.sheet = "Жалобы";
	s.origin_name = "gpo.xlsx";
	feed_merged(&s, rows, 7, m, 4, &r);
	if (r.rc < 0)
		fail_msg("%s (%s): %s", r.err.msg, r.err.cell, r.err.hint);
	assert_int_equal(r.rc, 1);
	assert_string_equal(r.out,
		"wol,tc,I кв. 2024,Душанбе,М,5,,gpo.xlsx#Жалобы!C4\n"
		"wol,tc,II кв. 2024,Душанбе,М,0,,gpo.xlsx#Жалобы!D4\n"
		"wol,tc,III кв. 2024,Душанбе,М,7,footnote,gpo.xlsx#Жалобы!E4\n"
		"wol,tc,I кв. 2024,Душанбе,Ж,1,,gpo.xlsx#Жалобы!C5\n"
		"wol,tc,II кв. 2024,Душанбе,Ж,,missing,gpo.xlsx#Жалобы!D5\n"
		"wol,tc,III кв. 2024,Душанбе,Ж,2,footnote,gpo.xlsx#Жалобы!E5\n"
		/* the source's own total, for reckon-normalise to check */
		"wol,tc,I кв. 2024,,,6,source_total,gpo.xlsx#Жалобы!C6\n"
		"wol,tc,II кв. 2024,,,0,source_total,gpo.xlsx#Жалобы!D6\n"
		"wol,tc,III кв. 2024,,,9,source_total,gpo.xlsx#Жалобы!E6\n"
		"wol,* предварительно,,,,,source_note,gpo.xlsx#Жалобы!A7\n");
	free(r.out);
}

/* Without merge records (CSV), a blank upper tier takes the text to its left. */
static void test_unmerged_upper_tier_fills_left(void **state)
{
	struct rk_kv fields[] = { KV("region", "A") };
	char *values[] = { "B:E" }, *vh[] = { "year", "quarter" };
	struct rk_layout lay = { .header_rows = 2, .header_row = 1,
				 .period = "{year}-{quarter}" };
	struct layout_spec s;
	const char *rows[] = {
		"Регион|2023|_|2024|_",
		"_|Q1|Q2|Q1|Q2",
		"Сугд|1|2|3|4",
	};
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 1 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	lay.value_headers = (struct rk_strlist){ vh, 2, { 0, 0 } };
	s = spec_for(&lay, NULL);
	feed(&s, rows, 3, &r);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.out,
		"wol,,2023-Q1,Сугд,,1,,in.csv:3\n"
		"wol,,2023-Q2,Сугд,,2,,in.csv:3\n"
		"wol,,2024-Q1,Сугд,,3,,in.csv:3\n"
		"wol,,2024-Q2,Сугд,,4,,in.csv:3\n");
	free(r.out);
}

static void test_sheet_error_names_cell(void **state)
{
	struct rk_kv fields[] = { KV("region", "A") };
	char *values[] = { "B" };
	struct rk_layout lay = { .header_rows = -1, .header_row = 1 };
	struct layout_spec s;
	const char *rows[] = { "r|v", "a|12 x" };
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 1 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	s = spec_for(&lay, NULL);
	s.sheet = "Лист1";
	feed(&s, rows, 2, &r);
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.err.cell, "Лист1!B2");
	assert_string_equal(r.err.msg, "expected a number, found '12 x' in column 'v'");
	free(r.out);
}

/*
 * A heading merged down over the lower tiers: the column is not broken
 * down by them, so its sex is blank, never the heading's text nor the
 * sex of the column to its left.
 */
static void test_merged_down_leaves_lower_tiers_blank(void **state)
{
	struct rk_kv fields[] = { KV("region", "A") };
	char *values[] = { "B:D" }, *vh[] = { "period", "indicator", "sex" };
	struct rk_layout lay = { .header_rows = 3, .header_row = 1 };
	struct layout_spec s;
	const char *rows[] = {
		"Регион|2024",
		"_|Жалобы|_|Дела",
		"_|муж.|жен.",
		"Сугд|1|2|3",
	};
	struct sheet_range m[] = {
		{ 1, 0, 3, 0 }, { 1, 1, 1, 3 }, { 2, 1, 2, 2 }, { 2, 3, 3, 3 },
	};
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 1 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	lay.value_headers = (struct rk_strlist){ vh, 3, { 0, 0 } };
	s = spec_for(&lay, NULL);
	feed_merged(&s, rows, 4, m, 4, &r);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.out,
		"wol,Жалобы,2024,Сугд,муж.,1,,in.csv:4\n"
		"wol,Жалобы,2024,Сугд,жен.,2,,in.csv:4\n"
		"wol,Дела,2024,Сугд,,3,,in.csv:4\n");
	free(r.out);
}

/* Runs rows through a layout of region A, values B:C by period; the error. */
static void misfit(const char *const *rows, size_t n, const char *region,
		   long header_rows, struct run *r)
{
	struct rk_kv fields[] = { KV("region", region) };
	char *values[] = { "B:C" }, *vh[] = { "period" };
	struct rk_layout lay = { .header_rows = header_rows, .header_row = 1 };
	struct layout_spec s;

	lay.fields = (struct rk_kvlist){ fields, 1 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	lay.value_headers = (struct rk_strlist){ vh, 1, { 0, 0 } };
	s = spec_for(&lay, NULL);
	feed(&s, rows, n, r);
	free(r->out);
	assert_int_equal(r->rc, -1);
	assert_int_equal(r->err.code, RK_EXIT_DATAERR);
}

static void test_misfits_in_the_body(void **state)
{
	const char *tier_left_out[] = {
		"Регион|Жалобы|Дела", "_|муж.|жен.", "Сугд|1|2",
	};
	const char *labels_among_values[] = {
		"Регион|Пол|2024", "Сугд|муж.|1", "Сугд|жен.|2", "Хатлон|муж.|3",
	};
	const char *figures_for_labels[] = {
		"№|2023|2024", "1|10|5", "2|20|6",
	};
	struct run r;

	(void)state;
	misfit(tier_left_out, 3, "A", 1, &r);
	assert_string_equal(r.err.msg, "the first data row (line 2) holds "
		"labels, not numbers, in the value columns ('муж.' ...): the "
		"header may have more rows than header_rows says (1)");
	misfit(labels_among_values, 4, "A", 1, &r);
	assert_int_equal(r.err.line, 2);
	assert_string_equal(r.err.msg, "the values column B ('Пол') holds "
		"text, not numbers ('муж.', and text in 3 of the 3 cells "
		"read): a column of labels was taken among the values");
	misfit(figures_for_labels, 3, "A", 1, &r);
	assert_string_equal(r.err.msg, "the labels of region (column A) are "
		"all numbers ('1', and 1 more): a column of figures or of row "
		"numbers was taken for them");
}

/* A tier of ages is labels: numbers are what an age's labels are. */
static void test_age_tier(void **state)
{
	struct rk_kv fields[] = { KV("region", "A") };
	struct rk_kv consts[] = { KV("period", "2024") };
	char *values[] = { "B:D" }, *vh[] = { "age" }, *d[] = { "region", "age" };
	struct rk_layout lay = { .header_rows = 1, .header_row = 1 };
	struct rk_kvlist kc = { consts, 1 };
	struct layout_spec s;
	const char *rows[] = { "Регион|14|15|16", "Сугд|1|2|3" };
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 1 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	lay.value_headers = (struct rk_strlist){ vh, 1, { 0, 0 } };
	s = spec_for(&lay, &kc);
	s.dims = d;
	feed(&s, rows, 2, &r);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.out, "wol,,2024,Сугд,14,1,,in.csv:2\n"
				   "wol,,2024,Сугд,15,2,,in.csv:2\n"
				   "wol,,2024,Сугд,16,3,,in.csv:2\n");
	free(r.out);
}

/* Codes of one width with a leading zero are labels, not figures. */
static void test_codes_for_labels(void **state)
{
	struct rk_kv fields[] = { KV("region", "A") };
	char *values[] = { "B:C" }, *vh[] = { "period" };
	struct rk_layout lay = { .header_rows = 1, .header_row = 1 };
	struct layout_spec s;
	const char *rows[] = { "Код|2023|2024", "01|10|5", "02|20|6" };
	struct run r;

	(void)state;
	lay.fields = (struct rk_kvlist){ fields, 1 };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	lay.value_headers = (struct rk_strlist){ vh, 1, { 0, 0 } };
	s = spec_for(&lay, NULL);
	feed(&s, rows, 3, &r);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.written, 4);
	free(r.out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_table_with_title_rows),
		cmocka_unit_test(test_wide_values_sentinels_skip_stop),
		cmocka_unit_test(test_errors_name_line_and_column),
		cmocka_unit_test(test_spec_errors),
		cmocka_unit_test(test_no_header_letters),
		cmocka_unit_test(test_year_constant_left_to_normalise),
		cmocka_unit_test(test_crosstab_two_tiers_merged),
		cmocka_unit_test(test_unmerged_upper_tier_fills_left),
		cmocka_unit_test(test_sheet_error_names_cell),
		cmocka_unit_test(test_merged_down_leaves_lower_tiers_blank),
		cmocka_unit_test(test_misfits_in_the_body),
		cmocka_unit_test(test_codes_for_labels),
		cmocka_unit_test(test_age_tier),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
