/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "config.h"

#define NAME "pipelines/tj/pipeline.yaml"

/* design.md §3's sketch, plus a third source with a list of values. */
static const char full[] =
	"pipeline: tj-torture-2024q3\n"                                    /* 1 */
	"title: {en: \"Torture complaints: state and civil society, Q3 2024\", "
	"ru: \"Жалобы на пытки\"}\n"                                        /* 2 */
	"period: {from: 2024-Q1, to: 2024-Q3, grain: quarter}\n"            /* 3 */
	"dimensions: [region, sex, facility]\n"                             /* 4 */
	"codelists:                       # region.csv, sex.csv\n"          /* 5 */
	"  dir: codelists\n"                                                /* 6 */
	"  strip: {region: [\"г.\", \"ш.\", \"обл.\", \"область\", "
	"\"вилояти\", \"region\", \"oblast\"]}\n"                           /* 7 */
	"  unmapped: {region: fail, sex: warn}\n"                           /* 8 */
	"sources:\n"                                                        /* 9 */
	"  - id: gpo\n"                                                     /* 10 */
	"    name: {en: \"Prosecutor General's Office\", "
	"ru: \"Генеральная прокуратура\"}\n"                                /* 11 */
	"    kind: government\n"                                            /* 12 */
	"    file: data/gpo_2024.xlsx\n"                                    /* 13 */
	"    sheet: \"Жалобы\"\n"                                           /* 14 */
	"    layout:\n"                                                     /* 15 */
	"      range: A3:E12\n"                                             /* 16 */
	"      header_rows: 2\n"                                            /* 17 */
	"      fields: {region: A}\n"                                       /* 18 */
	"      values: B:E\n"                                               /* 19 */
	"      value_headers: [year, quarter]\n"                            /* 20 */
	"      period: \"{quarter} {year}\"\n"                              /* 21 */
	"      skip_rows: \"^(Итого|Всего|Total)\"\n"                       /* 22 */
	"      stop_at: blank\n"                                            /* 23 */
	"      sentinels: {\"-\": 0, \"н/д\": missing, \"x\": suppressed}\n"/* 24 */
	"    constants: {indicator: torture_complaints}\n"                  /* 25 */
	"  - id: wol\n"                                                     /* 26 */
	"    kind: civil_society\n"                                         /* 27 */
	"    file: data/wol_cases.csv\n"                                    /* 28 */
	"    layout: {fields: {region: \"Регион\", period: \"Дата\"}, "
	"values: \"Количество\"}\n"                                         /* 29 */
	"    constants: {indicator: torture_complaints}\n"                  /* 30 */
	"  - id: ombudsman\n"                                               /* 31 */
	"    file: /srv/data/ombudsman.xlsx\n"                              /* 32 */
	"    layout:\n"                                                     /* 33 */
	"      sheet: 3\n"                                                  /* 34 */
	"      header_row: 0\n"                                             /* 35 */
	"      values: [\"Мужчины\", \"Женщины\"]\n"                        /* 36 */
	"      decimal: \",\"\n"                                            /* 37 */
	"      encoding: windows-1251\n"                                    /* 38 */
	"      delimiter: tab\n"                                            /* 39 */
	"rules:\n"                                                          /* 40 */
	"  - {check: parts_sum_to_total, over: sex, severity: warn}\n"      /* 41 */
	"  - check: non_negative\n"                                         /* 42 */
	"compare:\n"                                                        /* 43 */
	"  - {indicator: torture_complaints, reference: gpo, "
	"against: [wol, ombudsman], alpha: 0.01}\n"                         /* 44 */
	"  - {indicator: torture_complaints, reference: wol, "
	"against: [gpo]}\n"                                                 /* 45 */
	"report: {output: brief.xlsx, languages: [en, ru], "
	"suppress_below: 5}\n";                                             /* 46 */

static struct rk_config *load(const char *yaml, struct rk_error *err)
{
	rk_error_clear(err);
	return rk_config_load_data(yaml, strlen(yaml), NAME, err);
}

/* Loading yaml fails with msg at line:column of NAME. */
static void expect_error(const char *yaml, long line, long column,
			 const char *msg)
{
	struct rk_error err;

	assert_null(load(yaml, &err));
	assert_int_equal(err.code, RK_EXIT_CONFIG);
	assert_string_equal(err.file, NAME);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.column, column);
}

static void expect_hint(const char *yaml, const char *hint)
{
	struct rk_error err;

	assert_null(load(yaml, &err));
	assert_string_equal(err.hint, hint);
}

static void assert_mark(struct rk_mark m, long line, long column)
{
	assert_int_equal(m.line, line);
	assert_int_equal(m.column, column);
}

static void assert_kv(const struct rk_kv *kv, const char *key,
		      const char *value, long line, long column)
{
	assert_string_equal(kv->key, key);
	assert_string_equal(kv->value, value);
	assert_mark(kv->mark, line, column);
}

static void check_top(const struct rk_config *c)
{
	assert_string_equal(c->path, NAME);
	assert_string_equal(c->dir, "pipelines/tj");
	assert_string_equal(c->pipeline, "tj-torture-2024q3");
	assert_string_equal(c->title.en,
			    "Torture complaints: state and civil society, Q3 2024");
	assert_string_equal(c->title.ru, "Жалобы на пытки");
	assert_null(c->title.tg);
	assert_string_equal(c->period_from, "2024-Q1");
	assert_string_equal(c->period_to, "2024-Q3");
	assert_string_equal(c->period_grain, "quarter");
	assert_int_equal(c->dimensions.n, 3);
	assert_string_equal(c->dimensions.items[0], "region");
	assert_string_equal(c->dimensions.items[2], "facility");
	assert_mark(c->dimensions.mark, 4, 13);
}

static void check_codelists(const struct rk_config *c)
{
	assert_string_equal(c->codelists_dir, "pipelines/tj/codelists");
	assert_int_equal(c->nstrip, 1);
	assert_string_equal(c->strip[0].dimension, "region");
	assert_int_equal(c->strip[0].affixes.n, 7);
	assert_string_equal(c->strip[0].affixes.items[0], "г.");
	assert_string_equal(c->strip[0].affixes.items[4], "вилояти");
	assert_string_equal(c->strip[0].affixes.items[6], "oblast");
	assert_mark(c->strip[0].affixes.mark, 7, 19);
	assert_int_equal(c->unmapped.n, 2);
	assert_kv(&c->unmapped.items[0], "region", "fail", 8, 22);
	assert_kv(&c->unmapped.items[1], "sex", "warn", 8, 33);
}

static void check_gpo(const struct rk_source *s)
{
	const struct rk_layout *l = &s->layout;

	assert_string_equal(s->id, "gpo");
	assert_mark(s->mark, 10, 5);
	assert_string_equal(s->name.en, "Prosecutor General's Office");
	assert_string_equal(s->name.ru, "Генеральная прокуратура");
	assert_string_equal(s->kind, "government");
	assert_string_equal(s->file_as_written, "data/gpo_2024.xlsx");
	assert_string_equal(s->file, "pipelines/tj/data/gpo_2024.xlsx");
	assert_string_equal(l->sheet, "Жалобы");
	assert_string_equal(l->range, "A3:E12");
	assert_int_equal(l->header_rows, 2);
	assert_int_equal(l->header_row, -1);
	assert_int_equal(l->fields.n, 1);
	assert_kv(&l->fields.items[0], "region", "A", 18, 24);
	assert_int_equal(l->values.n, 1);
	assert_string_equal(l->values.items[0], "B:E");
	assert_mark(l->values.mark, 19, 15);
	assert_int_equal(l->value_headers.n, 2);
	assert_string_equal(l->value_headers.items[1], "quarter");
	assert_string_equal(l->period, "{quarter} {year}");
	assert_string_equal(l->skip_rows, "^(Итого|Всего|Total)");
	assert_string_equal(l->stop_at, "blank");
	assert_int_equal(l->sentinels.n, 3);
	assert_kv(&l->sentinels.items[0], "-", "0", 24, 24);
	assert_kv(&l->sentinels.items[1], "н/д", "missing", 24, 34);
	assert_kv(&l->sentinels.items[2], "x", "suppressed", 24, 48);
	assert_null(l->decimal);
	assert_null(l->encoding);
	assert_null(l->delimiter);
	assert_mark(l->mark, 16, 7);
	assert_int_equal(s->constants.n, 1);
	assert_kv(&s->constants.items[0], "indicator", "torture_complaints",
		  25, 28);
}

static void check_wol(const struct rk_source *s)
{
	const struct rk_layout *l = &s->layout;

	assert_string_equal(s->id, "wol");
	assert_null(s->name.en);
	assert_string_equal(s->kind, "civil_society");
	assert_string_equal(s->file, "pipelines/tj/data/wol_cases.csv");
	assert_null(l->sheet);
	assert_null(l->range);
	assert_int_equal(l->header_rows, -1);
	assert_int_equal(l->fields.n, 2);
	assert_kv(&l->fields.items[0], "region", "Регион", 29, 31);
	assert_kv(&l->fields.items[1], "period", "Дата", 29, 49);
	assert_int_equal(l->values.n, 1);
	assert_string_equal(l->values.items[0], "Количество");
	assert_mark(l->mark, 29, 13);
	assert_int_equal(l->value_headers.n, 0);
	assert_int_equal(l->sentinels.n, 0);
}

static void check_ombudsman(const struct rk_source *s)
{
	const struct rk_layout *l = &s->layout;

	assert_null(s->kind);
	assert_string_equal(s->file_as_written, "/srv/data/ombudsman.xlsx");
	assert_string_equal(s->file, "/srv/data/ombudsman.xlsx");
	assert_string_equal(l->sheet, "3");
	assert_int_equal(l->header_row, 0);
	assert_int_equal(l->header_rows, -1);
	assert_int_equal(l->values.n, 2);
	assert_string_equal(l->values.items[0], "Мужчины");
	assert_string_equal(l->values.items[1], "Женщины");
	assert_mark(l->values.mark, 36, 15);
	assert_string_equal(l->decimal, ",");
	assert_string_equal(l->encoding, "windows-1251");
	assert_string_equal(l->delimiter, "tab");
	assert_int_equal(s->constants.n, 0);
}

static void check_rest(const struct rk_config *c)
{
	assert_int_equal(c->nrules, 2);
	assert_string_equal(c->rules[0].check, "parts_sum_to_total");
	assert_string_equal(c->rules[0].over, "sex");
	assert_string_equal(c->rules[0].severity, "warn");
	assert_mark(c->rules[0].mark, 41, 5);
	assert_null(c->rules[1].over);
	assert_null(c->rules[1].severity);
	assert_int_equal(c->ncompares, 2);
	assert_string_equal(c->compares[0].reference, "gpo");
	assert_int_equal(c->compares[0].against.n, 2);
	assert_string_equal(c->compares[0].against.items[1], "ombudsman");
	assert_true(c->compares[0].alpha == 0.01);
	assert_true(c->compares[1].alpha == 0.05);
	assert_mark(c->compares[1].mark, 45, 5);
	assert_string_equal(c->report.output, "pipelines/tj/brief.xlsx");
	assert_int_equal(c->report.languages.n, 2);
	assert_string_equal(c->report.languages.items[1], "ru");
	assert_int_equal(c->report.suppress_below, 5);
}

static void test_full_config(void **state)
{
	struct rk_error err;
	struct rk_config *c = load(full, &err);

	(void)state;
	assert_non_null(c);
	assert_int_equal(err.code, 0);
	check_top(c);
	check_codelists(c);
	assert_int_equal(c->nsources, 3);
	check_gpo(&c->sources[0]);
	check_wol(&c->sources[1]);
	check_ombudsman(&c->sources[2]);
	check_rest(c);
	assert_ptr_equal(rk_config_source(c, "wol"), &c->sources[1]);
	assert_null(rk_config_source(c, "nope"));
	rk_config_free(c);
}

/* Issue 18: fiscal years and the period map. */
static void test_fiscal_year_start(void **state)
{
	struct rk_error err;
	struct rk_config *c = load("pipeline: p\n"
				   "period: {fiscal_year_start: 4, map: p.csv}\n"
				   "sources: [{id: a, file: a.csv},\n"
				   "  {id: b, file: b.csv, fiscal_year_start: 7}]\n",
				   &err);

	(void)state;
	assert_non_null(c);
	assert_int_equal(c->fiscal_year_start, 4);
	assert_string_equal(c->period_map, "pipelines/tj/p.csv");
	assert_int_equal(c->sources[0].fiscal_year_start, 0);
	assert_int_equal(c->sources[1].fiscal_year_start, 7);
	rk_config_free(c);
	expect_error("pipeline: p\nperiod: {fiscal_year_start: 13}\n"
		     "sources: [{id: a, file: a.csv}]\n", 2, 29,
		     "'fiscal_year_start' in period must be a month from 2 "
		     "to 12, not 13");
	expect_error("pipeline: p\n"
		     "sources: [{id: a, file: a.csv, fiscal_year_start: 1}]\n",
		     2, 51, "'fiscal_year_start' in source 'a' must be a month "
		     "from 2 to 12, not 1");
	expect_hint("pipeline: p\nperiod: {fiscal_year_start: April}\n"
		    "sources: [{id: a, file: a.csv}]\n",
		    "write a whole number in decimal digits without leading "
		    "zeros, e.g. 2");
}

static void test_minimal_defaults(void **state)
{
	struct rk_error err;
	struct rk_config *c = load("pipeline: p\n"
				   "sources: [{id: a, file: a.csv}]\n", &err);

	(void)state;
	assert_non_null(c);
	assert_null(c->title.en);
	assert_null(c->period_grain);
	assert_int_equal(c->dimensions.n, 0);
	assert_null(c->codelists_dir);
	assert_int_equal(c->nstrip, 0);
	assert_int_equal(c->nrules, 0);
	assert_int_equal(c->ncompares, 0);
	assert_null(c->report.output);
	assert_int_equal(c->report.suppress_below, 0);
	assert_int_equal(c->sources[0].layout.header_rows, -1);
	assert_int_equal(c->sources[0].layout.header_row, -1);
	assert_mark(c->sources[0].layout.mark, 2, 11);
	assert_int_equal(c->sources[0].layout.values.n, 0);
	rk_config_free(c);
}

static void test_paths_from_file(void **state)
{
	char dir[] = "/tmp/test_config.XXXXXX", path[256], want[300];
	struct rk_error err;
	struct rk_config *c;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/pipeline.yaml", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("pipeline: p\n"
	      "codelists: {dir: ../codelists}\n"
	      "sources:\n"
	      "  - {id: a, file: data/a.csv}\n"
	      "  - {id: b, file: /abs/b.csv}\n"
	      "report: {output: out/brief.xlsx}\n", f);
	fclose(f);
	c = rk_config_load(path, &err);
	assert_non_null(c);
	assert_string_equal(c->path, path);
	assert_string_equal(c->dir, dir);
	snprintf(want, sizeof(want), "%s/data/a.csv", dir);
	assert_string_equal(c->sources[0].file, want);
	assert_string_equal(c->sources[0].file_as_written, "data/a.csv");
	assert_string_equal(c->sources[1].file, "/abs/b.csv");
	snprintf(want, sizeof(want), "%s/../codelists", dir);
	assert_string_equal(c->codelists_dir, want);
	snprintf(want, sizeof(want), "%s/out/brief.xlsx", dir);
	assert_string_equal(c->report.output, want);
	rk_config_free(c);
	unlink(path);
	rmdir(dir);
}

static void test_paths_in_current_dir(void **state)
{
	struct rk_error err;
	struct rk_config *c;
	const char *yaml = "pipeline: p\nsources: [{id: a, file: a.csv}]\n";

	(void)state;
	c = rk_config_load_data(yaml, strlen(yaml), "pipeline.yaml", &err);
	assert_non_null(c);
	assert_string_equal(c->dir, ".");
	assert_string_equal(c->sources[0].file, "a.csv");
	rk_config_free(c);
	c = rk_config_load_data(yaml, strlen(yaml), "/pipeline.yaml", &err);
	assert_non_null(c);
	assert_string_equal(c->dir, "/");
	assert_string_equal(c->sources[0].file, "/a.csv");
	rk_config_free(c);
}

static void test_missing_file(void **state)
{
	struct rk_error err;

	(void)state;
	rk_error_clear(&err);
	assert_null(rk_config_load("/nonexistent/pipeline.yaml", &err));
	assert_int_equal(err.code, RK_EXIT_NOINPUT);
	assert_string_equal(err.file, "/nonexistent/pipeline.yaml");
	assert_string_equal(err.msg, "cannot open config "
			    "'/nonexistent/pipeline.yaml': No such file or "
			    "directory");
}

static void test_unknown_key(void **state)
{
	const char *yaml = "pipeline: p\n"
			   "sources:\n"
			   "  - id: gpo\n"
			   "    file: a.csv\n"
			   "    colour: red\n";

	(void)state;
	expect_error(yaml, 5, 5, "unknown key 'colour' in source 'gpo'");
	expect_hint(yaml, "check the spelling; allowed here: id, name, "
		    "name_ru, short, kind, file, sheet, layout, constants, cumulative, "
		    "fiscal_year_start, published, definitions, file_fields, "
		    "sheet_fields, edition, editions, collect");
}

static void test_unknown_key_nested(void **state)
{
	(void)state;
	expect_error("pipeline: p\n"
		     "sources:\n"
		     "  - id: gpo\n"
		     "    file: a.csv\n"
		     "    layout:\n"
		     "      range: A1:B2\n"
		     "      header: 2\n", 7, 7,
		     "unknown key 'header' in layout of source 'gpo'");
	expect_error("pipeline: p\nfoo: 1\nsources: [{id: a, file: b}]\n",
		     2, 1, "unknown key 'foo'");
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n"
		     "rules: [{check: c, over: sex, sev: warn}]\n", 3, 31,
		     "unknown key 'sev' in rule 1");
}

static void test_wrong_type(void **state)
{
	const char *yaml = "pipeline: p\n"
			   "sources:\n"
			   "  - id: gpo\n"
			   "    file: a.csv\n"
			   "    layout: [A, B]\n";

	(void)state;
	expect_error(yaml, 5, 13, "wrong type for 'layout' in source 'gpo': "
		     "expected a mapping, found a list");
	expect_hint(yaml, "write 'key: value' pairs indented below it, or "
		    "{key: value}");
	expect_error("pipeline: p\nsources: gpo\n", 2, 10,
		     "wrong type for 'sources': expected a list, found text");
	expect_error("pipeline: [a, b]\nsources: [{id: a, file: b}]\n", 1, 11,
		     "wrong type for 'pipeline': expected text, found a list");
	expect_error("pipeline: p\nsources: [gpo]\n", 2, 11,
		     "wrong type for source 1: expected a mapping, found text");
	expect_error("pipeline: p\ndimensions: [a, {b: c}]\n"
		     "sources: [{id: a, file: b}]\n", 2, 17,
		     "wrong type for entry 2 of 'dimensions': expected text, "
		     "found a mapping");
	expect_error("pipeline: p\nsources:\n  - id: a\n    file: b\n"
		     "    layout: {fields: [A]}\n", 5, 22,
		     "wrong type for 'fields' in layout of source 'a': "
		     "expected a mapping, found a list");
	expect_error("pipeline: p\nsources:\n  - id: a\n    file: b\n"
		     "    layout: {values: {a: b}}\n", 5, 22,
		     "wrong type for 'values' in layout of source 'a': "
		     "expected text or a list, found a mapping");
	expect_error("pipeline: p\nsources:\n  - id: a\n    file: b\n"
		     "    layout:\n", 5, 12,
		     "wrong type for 'layout' in source 'a': expected a "
		     "mapping, found an empty value");
}

static void test_missing_pipeline(void **state)
{
	(void)state;
	expect_error("sources:\n  - {id: a, file: a.csv}\n", 1, 1,
		     "missing required key 'pipeline'");
	expect_hint("sources:\n  - {id: a, file: a.csv}\n",
		    "add 'pipeline: ...'");
}

static void test_missing_sources(void **state)
{
	(void)state;
	expect_error("pipeline: p\ntitle: {en: t}\n", 1, 1,
		     "missing required key 'sources'");
	expect_error("pipeline: p\nsources: []\n", 2, 10,
		     "empty list for 'sources'");
}

static void test_missing_source_file(void **state)
{
	(void)state;
	expect_error("pipeline: p\n"
		     "sources:\n"
		     "  - id: gpo\n"
		     "    file: a.csv\n"
		     "  - id: wol\n"
		     "    kind: nhri\n", 5, 5,
		     "missing required key 'file' in source 'wol'");
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n"
		     "compare:\n  - {indicator: i, against: [a]}\n", 4, 5,
		     "missing required key 'reference' in comparison 1");
}

static void test_empty_value(void **state)
{
	(void)state;
	expect_error("pipeline: p\nsources:\n  - id: a\n    file:\n", 4, 10,
		     "empty value for 'file' in source 'a'");
	expect_error("pipeline: \"\"\nsources: [{id: a, file: b}]\n", 1, 11,
		     "empty value for 'pipeline'");
}

static void test_duplicate_source_id(void **state)
{
	const char *yaml = "pipeline: p\n"
			   "sources:\n"
			   "  - id: gpo\n"
			   "    file: a.csv\n"
			   "  - id: wol\n"
			   "    file: b.csv\n"
			   "  - id: gpo\n"
			   "    file: c.csv\n";

	(void)state;
	expect_error(yaml, 7, 9, "duplicate source id 'gpo'");
	expect_hint(yaml, "the first 'gpo' is at line 3, column 9; make each "
		    "source id unique");
}

static void test_duplicate_key(void **state)
{
	const char *yaml = "pipeline: p\n"
			   "sources:\n"
			   "  - id: gpo\n"
			   "    file: a.csv\n"
			   "    layout: {sentinels: {\"-\": 0, x: 1, \"-\": missing}}\n";

	(void)state;
	expect_error(yaml, 5, 40, "duplicate key '-'");
	expect_hint(yaml, "'-' is already given at line 5, column 26; remove "
		    "one of them");
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\npipeline: q\n",
		     3, 1, "duplicate key 'pipeline'");
}

static void test_integer_80abc(void **state)
{
	const char *yaml = "pipeline: p\n"
			   "sources:\n"
			   "  - id: gpo\n"
			   "    file: a.csv\n"
			   "    layout:\n"
			   "      header_rows: 80abc\n";

	(void)state;
	expect_error(yaml, 6, 20, "invalid integer '80abc' for 'header_rows' "
		     "in layout of source 'gpo'");
	expect_hint(yaml, "write a whole number in decimal digits without "
		    "leading zeros, e.g. 2");
}

static void test_integer_010(void **state)
{
	(void)state;
	expect_error("pipeline: p\nsources:\n  - id: gpo\n    file: a.csv\n"
		     "    layout: {header_row: 010}\n", 5, 26,
		     "invalid integer '010' for 'header_row' in layout of "
		     "source 'gpo'");
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n"
		     "report: {suppress_below: 0x10}\n", 3, 26,
		     "invalid integer '0x10' for 'suppress_below' in report");
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n"
		     "report: {suppress_below: 1e3}\n", 3, 26,
		     "invalid integer '1e3' for 'suppress_below' in report");
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n"
		     "report: {suppress_below: -1}\n", 3, 26,
		     "'suppress_below' in report must be 0 or more, not -1");
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n"
		     "report: {suppress_below: 99999999999999999999}\n", 3, 26,
		     "invalid integer '99999999999999999999' for "
		     "'suppress_below' in report");
}

/* suppress_below 2 would publish what it claims to hide ("<2" is 1). */
static void test_suppress_below_two(void **state)
{
	const char *yaml = "pipeline: p\nsources: [{id: a, file: b}]\n"
			   "report:\n  languages: [en]\n  suppress_below: 2\n";
	struct rk_error err;
	struct rk_config *c;

	(void)state;
	expect_error(yaml, 5, 19, "report.suppress_below 2 protects nothing: "
		     "'<2' can only be 1");
	expect_hint(yaml, "use 3 or more, or 0 for no suppression");
	c = load("pipeline: p\nsources: [{id: a, file: b}]\n"
		 "report: {suppress_below: 3}\n", &err);
	assert_non_null(c);
	assert_int_equal(c->report.suppress_below, 3);
	rk_config_free(c);
}

/* report.output named manifest.json replaced the run's manifest unseen. */
static void test_report_output_reserved(void **state)
{
	const char *yaml = "pipeline: p\nsources: [{id: a, file: b}]\n"
			   "report:\n  output: out/manifest.json\n";
	const char *notx = "pipeline: p\nsources: [{id: a, file: b}]\n"
			   "report: {output: brief.pdf}\n";
	struct rk_error err;
	struct rk_config *c;

	(void)state;
	expect_error(yaml, 4, 11, "report.output 'manifest.json' is a file "
		     "the run directory already holds");
	expect_hint(yaml, "give the brief a name of its own, e.g. brief.xlsx");
	expect_error(notx, 3, 18, "report.output 'brief.pdf' is not an .xlsx "
		     "name");
	c = load("pipeline: p\nsources: [{id: a, file: b}]\n"
		 "report: {output: out/Brief-Q3.XLSX}\n", &err);
	assert_non_null(c);
	rk_config_free(c);
}

static void test_unknown_field(void **state)
{
	const char *yaml = "pipeline: p\n"
			   "dimensions: [region, sex]\n"
			   "sources:\n"
			   "  - id: gpo\n"
			   "    file: a.csv\n"
			   "    layout:\n"
			   "      fields: {region: A, regoin: B}\n";

	(void)state;
	expect_error(yaml, 7, 27, "unknown field 'regoin' in layout of source "
		     "'gpo'");
	expect_hint(yaml, "declare it under dimensions, use indicator/period, "
		    "or use it in the period template as {regoin}");
	expect_error("pipeline: p\nsources:\n  - id: gpo\n    file: a.csv\n"
		     "    constants: {indicator: x, sex: F}\n", 5, 31,
		     "unknown field 'sex' in constants of source 'gpo'");
}

/* Case lists for capture-recapture, by source, with their linkage key. */
static void test_compare_cases(void **state)
{
	static const char base[] = "pipeline: p\n"
				   "sources:\n"
				   "  - {id: a, file: a.csv}\n"
				   "  - {id: b, file: b.csv}\n"
				   "compare:\n"
				   "  - indicator: x\n"
				   "    reference: a\n"
				   "    against: [b]\n";
	char yaml[1024];
	struct rk_error err;
	struct rk_config *c;

	(void)state;
	snprintf(yaml, sizeof(yaml), "%s    cases: {key: pid, lists: "
		 "{a: data/ca.csv, b: cb.csv}}\n", base);
	c = load(yaml, &err);
	assert_non_null(c);
	assert_string_equal(c->compares[0].cases_key, "pid");
	assert_int_equal(c->compares[0].cases.n, 2);
	assert_string_equal(c->compares[0].cases.items[0].key, "a");
	assert_string_equal(c->compares[0].cases.items[0].value,
			    "pipelines/tj/data/ca.csv");
	rk_config_free(c);
	snprintf(yaml, sizeof(yaml), "%s    cases: {lists: {a: x.csv}}\n", base);
	c = load(yaml, &err);
	assert_string_equal(c->compares[0].cases_key, "key");
	rk_config_free(c);
	c = load(base, &err);
	assert_int_equal(c->compares[0].cases.n, 0);
	assert_null(c->compares[0].cases_key);
	rk_config_free(c);
	snprintf(yaml, sizeof(yaml), "%s    cases: {lists: {z: x.csv}}\n", base);
	expect_error(yaml, 9, 21, "unknown source 'z' in cases of comparison 1");
	snprintf(yaml, sizeof(yaml), "%s    cases: {key: k}\n", base);
	expect_error(yaml, 9, 12, "missing required key 'lists' in cases of "
		     "comparison 1");
	snprintf(yaml, sizeof(yaml), "%s    cases: {lsts: {a: x}}\n", base);
	expect_error(yaml, 9, 13, "unknown key 'lsts' in cases of comparison 1");
}

/* Words of the period template ("{quarter} {year}") are fields too. */
static void test_template_fields(void **state)
{
	struct rk_error err;
	struct rk_config *c = load("pipeline: p\n"
				   "dimensions: [region]\n"
				   "sources:\n"
				   "  - id: gpo\n"
				   "    file: a.csv\n"
				   "    layout:\n"
				   "      fields: {region: A, year: B}\n"
				   "      period: '{quarter} {year}'\n"
				   "    constants: {quarter: III}\n", &err);

	(void)state;
	assert_non_null(c);
	assert_string_equal(c->sources[0].layout.period, "{quarter} {year}");
	assert_kv(&c->sources[0].layout.fields.items[1], "year", "B", 7, 33);
	rk_config_free(c);
	expect_error("pipeline: p\nsources:\n  - id: gpo\n    file: a.csv\n"
		     "    constants: {quarter: III}\n", 5, 17,
		     "unknown field 'quarter' in constants of source 'gpo'");
}

static void test_bad_yaml_syntax(void **state)
{
	const char *yaml = "pipeline: p\n"
			   "sources:\n"
			   "  - id: gpo\n"
			   "    file: \"a.csv\n";
	struct rk_error err;

	(void)state;
	expect_error(yaml, 5, 1, "invalid yaml: found unexpected end of stream");
	expect_error("pipeline: p\nsources:\n  - id: a\n    file: b\n"
		     "   bad: 1\n", 5, 4,
		     "invalid yaml: did not find expected '-' indicator");
	assert_null(load("pipeline: p\n  sources: [\n", &err));
	assert_int_equal(err.code, RK_EXIT_CONFIG);
	assert_true(err.line > 0);
	assert_true(err.column > 0);
}

static void test_empty_document(void **state)
{
	struct rk_error err;

	(void)state;
	assert_null(load("", &err));
	assert_int_equal(err.code, RK_EXIT_CONFIG);
	assert_string_equal(err.msg, "empty config");
	assert_null(load("# nothing but a comment\n", &err));
	assert_string_equal(err.msg, "empty config");
	assert_null(load("---\n", &err));
	assert_string_equal(err.msg, "empty config");
	expect_error("- pipeline: p\n", 1, 1, "config is a list, not a mapping");
	expect_error("just text\n", 1, 1, "config is text, not a mapping");
}

static void test_unknown_compare_source(void **state)
{
	const char *yaml = "pipeline: p\n"
			   "sources: [{id: gpo, file: a}, {id: wol, file: b}]\n"
			   "compare:\n"
			   "  - indicator: i\n"
			   "    reference: gpo\n"
			   "    against: [wol, nhri]\n";

	(void)state;
	expect_error(yaml, 6, 20, "unknown source 'nhri' in comparison 1");
	expect_hint(yaml, "name one of the sources: gpo, wol");
	expect_error("pipeline: p\nsources: [{id: gpo, file: a}]\n"
		     "compare: [{indicator: i, reference: gop, against: [gpo]}]\n",
		     3, 37, "unknown source 'gop' in comparison 1");
}

static void test_alpha(void **state)
{
	(void)state;
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n"
		     "compare: [{indicator: i, reference: a, against: [a], "
		     "alpha: 1.5}]\n", 3, 61,
		     "'alpha' in comparison 1 must be between 0 and 1, not 1.5");
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n"
		     "compare: [{indicator: i, reference: a, against: [a], "
		     "alpha: 0x1p-3}]\n", 3, 61,
		     "invalid number '0x1p-3' for 'alpha' in comparison 1");
}

/* A trend over 3 quarters was reported with no warning: 6 by default. */
static void test_min_periods(void **state)
{
	struct rk_error err;
	struct rk_config *c;

	(void)state;
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n"
		     "compare: [{indicator: i, reference: a, against: [a], "
		     "min_periods: 2}]\n", 3, 67,
		     "min_periods 2 is too few for a trend in comparison 1");
	c = load("pipeline: p\nsources: [{id: a, file: b}]\n"
		 "compare: [{indicator: i, reference: a, against: [a]},\n"
		 "  {indicator: i, reference: a, against: [a], "
		 "min_periods: 3}]\n", &err);
	assert_non_null(c);
	assert_int_equal(c->compares[0].min_periods, RK_MIN_PERIODS);
	assert_int_equal(c->compares[1].min_periods, 3);
	rk_config_free(c);
}

static void test_dimensions(void **state)
{
	(void)state;
	expect_error("pipeline: p\ndimensions: [region, Sex]\n"
		     "sources: [{id: a, file: b}]\n", 2, 22,
		     "invalid dimension name 'Sex'");
	expect_error("pipeline: p\ndimensions: [region, period]\n"
		     "sources: [{id: a, file: b}]\n", 2, 22,
		     "reserved dimension name 'period'");
	expect_error("pipeline: p\ndimensions: [region, sex, region]\n"
		     "sources: [{id: a, file: b}]\n", 2, 27,
		     "duplicate dimension 'region'");
}

static void test_codelists(void **state)
{
	(void)state;
	expect_error("pipeline: p\ndimensions: [region]\n"
		     "codelists: {strip: {regoin: [г.]}}\n"
		     "sources: [{id: a, file: b}]\n", 3, 21,
		     "unknown dimension 'regoin' in strip of codelists");
	expect_error("pipeline: p\ndimensions: [region]\n"
		     "codelists: {unmapped: {region: ignore}}\n"
		     "sources: [{id: a, file: b}]\n", 3, 32,
		     "invalid action 'ignore' for 'region' in unmapped of "
		     "codelists");
	expect_error("pipeline: p\ndimensions: [region]\n"
		     "codelists: {strip: {region: г.}}\n"
		     "sources: [{id: a, file: b}]\n", 3, 29,
		     "wrong type for 'region' in strip of codelists: expected "
		     "a list, found text");
}

static void test_words(void **state)
{
	const char *yaml = "pipeline: p\nsources:\n  - id: gpo\n"
			   "    kind: goverment\n    file: a\n";

	(void)state;
	expect_error(yaml, 4, 11, "invalid kind 'goverment' in source 'gpo'");
	expect_hint(yaml, "use one of: government, nhri, civil_society, "
		    "international, other");
	expect_error("pipeline: p\nperiod: {grain: week}\n"
		     "sources: [{id: a, file: b}]\n", 2, 17,
		     "invalid grain 'week' in period");
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n"
		     "report: {languages: [en, fr]}\n", 3, 26,
		     "invalid language 'fr' in report");
	expect_error("pipeline: p\nsources: [{id: GPO, file: b}]\n", 2, 16,
		     "invalid source id 'GPO'");
	expect_error("pipeline: p\nsources:\n  - id: a\n    file: b\n"
		     "    layout: {decimal: ;}\n", 5, 23,
		     "invalid decimal ';' in layout of source 'a'");
}

static void test_sheet(void **state)
{
	struct rk_error err;
	struct rk_config *c;

	(void)state;
	expect_error("pipeline: p\nsources:\n  - id: a\n    file: b\n"
		     "    sheet: Лист1\n    layout: {sheet: 2}\n", 6, 21,
		     "'sheet' given twice in source 'a'");
	c = load("pipeline: p\nsources:\n  - {id: a, file: b, sheet: 2}\n", &err);
	assert_non_null(c);
	assert_string_equal(c->sources[0].layout.sheet, "2");
	rk_config_free(c);
}

static void test_aliases_rejected(void **state)
{
	const char *yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
			   "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
			   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";

	(void)state;
	expect_error(yaml, 2, 8, "yaml aliases are not supported");
	expect_hint(yaml, "write the value out in full instead of '*a'");
}

static void test_multiple_documents(void **state)
{
	(void)state;
	expect_error("pipeline: p\nsources: [{id: a, file: b}]\n---\n"
		     "pipeline: q\n", 3, 1,
		     "more than one yaml document in the config");
}

static void test_too_large(void **state)
{
	size_t n = 1024 * 1024 + 10;
	char *big = malloc(n + 1);
	struct rk_error err;

	(void)state;
	assert_non_null(big);
	memset(big, '#', n);
	big[n] = '\0';
	assert_null(load(big, &err));
	assert_int_equal(err.code, RK_EXIT_CONFIG);
	assert_string_equal(err.msg, "config larger than 1048576 bytes");
	free(big);
}

static void test_nul_and_null_err(void **state)
{
	static const char yaml[] = "pipeline: \"a\\0b\"\nsources: [{id: a, file: b}]\n";

	(void)state;
	expect_error(yaml, 1, 11, "NUL character in text");
	assert_null(rk_config_load_data(yaml, strlen(yaml), NULL, NULL));
	rk_config_free(NULL);
}

/* ---- what reckon-normalise reads (issue 4) ---- */

#define RULES_HEAD "pipeline: p\ndimensions: [region, sex]\n" \
		   "sources: [{id: a, file: b}]\nrules:\n"

static void test_rules_normalise(void **state)
{
	struct rk_error err;
	struct rk_config *c = load(RULES_HEAD
		"  - {check: parts_sum_to_total, over: sex, tolerance: 5%}\n"
		"  - {check: parts_sum_to_total, over: region, tolerance: 2,"
		" severity: error}\n"
		"  - {check: maximum, max: 1000, indicator: deaths_in_custody,"
		" severity: warn}\n"
		"  - {check: non_negative, severity: fail}\n", &err);

	(void)state;
	assert_non_null(c);
	assert_int_equal(c->nrules, 4);
	assert_string_equal(c->rules[0].over, "sex");
	assert_true(c->rules[0].tolerance == 5.0);
	assert_int_equal(c->rules[0].tolerance_percent, 1);
	assert_int_equal(c->rules[0].warn, 0);
	assert_null(c->rules[0].severity);
	assert_true(c->rules[1].tolerance == 2.0);
	assert_int_equal(c->rules[1].tolerance_percent, 0);
	assert_true(c->rules[2].max == 1000.0);
	assert_string_equal(c->rules[2].indicator, "deaths_in_custody");
	assert_int_equal(c->rules[2].warn, 1);
	assert_string_equal(c->rules[3].severity, "fail");   /* = error */
	assert_int_equal(c->rules[3].warn, 0);
	rk_config_free(c);
}

static void test_rules_normalise_errors(void **state)
{
	(void)state;
	expect_error(RULES_HEAD "  - {check: no_such_check}\n", 5, 13,
		     "invalid check 'no_such_check' in rule 1");
	expect_error(RULES_HEAD "  - {check: non_negative, severity: fatal}\n",
		     5, 37, "invalid severity 'fatal' in rule 1");
	expect_error(RULES_HEAD "  - {check: parts_sum_to_total}\n", 5, 5,
		     "missing required key 'over' in rule 1");
	expect_error(RULES_HEAD "  - {check: parts_sum_to_total, over: age}\n",
		     5, 39, "unknown dimension 'age' in rule 1");
	expect_error(RULES_HEAD "  - {check: maximum}\n", 5, 5,
		     "missing required key 'max' in rule 1");
	expect_error(RULES_HEAD "  - {check: maximum, max: 10, over: sex}\n",
		     5, 37, "'over' has no meaning for maximum in rule 1");
	expect_error(RULES_HEAD "  - {check: non_negative, tolerance: 1}\n",
		     5, 38, "'tolerance' has no meaning for non_negative in "
		     "rule 1");
	expect_error(RULES_HEAD "  - {check: maximum, max: lots}\n", 5, 27,
		     "invalid number 'lots' for 'max' in rule 1");
	expect_error(RULES_HEAD "  - {check: maximum, max: 5%}\n", 5, 27,
		     "invalid number '5%' for 'max' in rule 1");
	expect_error(RULES_HEAD "  - {check: parts_sum_to_total, over: sex, "
		     "tolerance: -1}\n", 5, 55,
		     "'tolerance' in rule 1 must be 0 or more, not -1");
}

static void test_cumulative_and_year(void **state)
{
	struct rk_error err;
	struct rk_config *c = load("pipeline: p\nsources:\n"
		"  - {id: a, file: b, cumulative: true}\n"
		"  - {id: c, file: d, cumulative: false,"
		" constants: {year: 2024}}\n", &err);

	(void)state;
	assert_non_null(c);
	assert_int_equal(c->sources[0].cumulative, 1);
	assert_int_equal(c->sources[1].cumulative, 0);
	assert_kv(&c->sources[1].constants.items[0], "year", "2024", 4, 59);
	rk_config_free(c);
	expect_error("pipeline: p\nsources:\n"
		     "  - {id: a, file: b, cumulative: yes}\n", 3, 34,
		     "invalid value 'yes' for 'cumulative' in source 'a'");
	expect_error("pipeline: p\nsources:\n"
		     "  - {id: a, file: b, constants: {year: 24}}\n", 3, 40,
		     "invalid year '24' in constants of source 'a'");
}

/* edition: {label, date} of a source (issue 22). */
static void test_edition(void **state)
{
	struct rk_error err;
	struct rk_config *c = load("pipeline: p\nsources:\n"
		"  - {id: a, file: b, edition: {label: 2024-Q3 final,"
		" date: 2025-01-20}}\n"
		"  - {id: c, file: d, edition: {label: annual}}\n"
		"  - {id: e, file: f}\n", &err);

	(void)state;
	assert_non_null(c);
	assert_string_equal(c->sources[0].edition_label, "2024-Q3 final");
	assert_string_equal(c->sources[0].edition_date, "2025-01-20");
	assert_string_equal(c->sources[1].edition_label, "annual");
	assert_null(c->sources[1].edition_date);
	assert_null(c->sources[2].edition_label);
	assert_null(c->sources[2].edition_date);
	rk_config_free(c);
	expect_error("pipeline: p\nsources:\n"
		     "  - {id: a, file: b, edition: {date: 2025-02-30}}\n", 3,
		     38, "invalid edition date '2025-02-30' in source 'a': "
		     "give a day as YYYY-MM-DD");
	expect_error("pipeline: p\nsources:\n"
		     "  - {id: a, file: b, edition: {label: \"x\\ny\"}}\n", 3,
		     39, "invalid edition label in source 'a': one line, "
		     "without control characters");
	expect_error("pipeline: p\nsources:\n"
		     "  - {id: a, file: b, edition: {date: 2025-Q1}}\n", 3,
		     38, "invalid edition date '2025-Q1' in source 'a': give a "
		     "day as YYYY-MM-DD");
}

/* editions: a source's earlier releases (issue 22 item 4). */
#define EDITIONS_HEAD "pipeline: p\nsources:\n  - id: a\n    file: b\n"
static void test_editions(void **state)
{
	struct rk_error err;
	struct rk_config *c = load(EDITIONS_HEAD
		"    edition: {label: rev 2, date: 2024-11-20}\n"
		"    editions:\n"
		"      - {file: p.csv, label: provisional, date: 2024-10-15}\n"
		"      - {file: [r1a.csv, r1b.csv], date: 2024-11-01}\n",
		&err);
	const struct rk_source *s;
	long cur, prev;

	(void)state;
	assert_non_null(c);
	s = &c->sources[0];
	assert_int_equal(s->neditions, 2);
	assert_string_equal(s->editions[0].label, "provisional");
	assert_string_equal(s->editions[0].files.items[0], "pipelines/tj/p.csv");
	assert_null(s->editions[1].label);
	assert_int_equal(s->editions[1].files.n, 2);
	assert_string_equal(rk_source_edition_name(s, 1), "2024-11-01");
	assert_string_equal(rk_source_edition_name(s, RK_EDITION_LATEST),
			    "rev 2");
	assert_int_equal(rk_source_edition(s, "provisional"), 0);
	assert_int_equal(rk_source_edition(s, "2024-10-15"), 0);
	assert_int_equal(rk_source_edition(s, "2024-11-01"), 1);
	assert_int_equal(rk_source_edition(s, "rev 2"), RK_EDITION_LATEST);
	assert_int_equal(rk_source_edition(s, "rev 3"), RK_EDITION_NONE);
	rk_source_editions_on(s, NULL, &cur, &prev);
	assert_int_equal(cur, RK_EDITION_LATEST);
	assert_int_equal(prev, 1);
	rk_source_editions_on(s, "2024-11-20", &cur, &prev);
	assert_int_equal(cur, RK_EDITION_LATEST);
	assert_int_equal(prev, 1);
	rk_source_editions_on(s, "2024-11-19", &cur, &prev);
	assert_int_equal(cur, 1);
	assert_int_equal(prev, 0);
	rk_source_editions_on(s, "2024-10-31", &cur, &prev);
	assert_int_equal(cur, 0);
	assert_int_equal(prev, RK_EDITION_NONE);
	rk_source_editions_on(s, "2024-10-14", &cur, &prev);
	assert_int_equal(cur, RK_EDITION_NONE);
	assert_int_equal(prev, RK_EDITION_NONE);
	rk_config_free(c);
	expect_error(EDITIONS_HEAD "    editions: [{file: p.csv, date: "
		     "2024-10-15}]\n", 5, 15, "no date of the current edition "
		     "in source 'a': editions: are the releases before it");
	expect_error(EDITIONS_HEAD "    edition: {date: 2024-11-20}\n"
		     "    editions: [{file: p.csv, date: 2024-11-02}, "
		     "{file: q.csv, date: 2024-11-01}]\n", 6, 69,
		     "editions of source 'a' out of order: entry 2 dated "
		     "2024-11-01 is not after entry 1 dated 2024-11-02");
	expect_error(EDITIONS_HEAD "    edition: {date: 2024-11-20}\n"
		     "    editions: [{file: p.csv, label: x, date: "
		     "2024-11-21}]\n", 6, 46, "edition 'x' of source 'a' is "
		     "dated 2024-11-21, not before the current edition's "
		     "2024-11-20");
	expect_error(EDITIONS_HEAD "    edition: {date: 2024-11-20}\n"
		     "    editions: [{file: p.csv, date: 2024-02-30}]\n", 6,
		     36, "invalid edition date '2024-02-30' in entry 1 of "
		     "'editions' in source 'a': give a day as YYYY-MM-DD");
	expect_error(EDITIONS_HEAD "    edition: {label: x, date: 2024-11-20}\n"
		     "    editions: [{file: p.csv, label: x, date: "
		     "2024-10-01}]\n", 6, 16, "edition 'x' of source 'a' named "
		     "twice");
	expect_error(EDITIONS_HEAD "    edition: {date: 2024-11-20}\n"
		     "    editions: [{label: x, date: 2024-10-01}]\n", 6, 16,
		     "missing required key 'file' in entry 1 of 'editions' in "
		     "source 'a'");
	expect_error(EDITIONS_HEAD "    edition: {date: 2024-11-20}\n"
		     "    editions: [{file: p.csv}]\n", 6, 16,
		     "missing required key 'date' in entry 1 of 'editions' in "
		     "source 'a'");
}

static void test_codelists_indicator(void **state)
{
	struct rk_error err;
	struct rk_config *c = load("pipeline: p\ndimensions: [region]\n"
		"codelists: {strip: {indicator: [ст.]}, "
		"unmapped: {indicator: warn}}\n"
		"sources: [{id: a, file: b}]\n", &err);

	(void)state;
	assert_non_null(c);
	assert_string_equal(c->strip[0].dimension, "indicator");
	assert_kv(&c->unmapped.items[0], "indicator", "warn", 3, 62);
	rk_config_free(c);
	expect_hint("pipeline: p\ndimensions: [region]\n"
		    "codelists: {strip: {regoin: [г.]}}\n"
		    "sources: [{id: a, file: b}]\n",
		    "declare it under dimensions, or write indicator");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_config),
		cmocka_unit_test(test_minimal_defaults),
		cmocka_unit_test(test_fiscal_year_start),
		cmocka_unit_test(test_paths_from_file),
		cmocka_unit_test(test_paths_in_current_dir),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_unknown_key_nested),
		cmocka_unit_test(test_wrong_type),
		cmocka_unit_test(test_missing_pipeline),
		cmocka_unit_test(test_missing_sources),
		cmocka_unit_test(test_missing_source_file),
		cmocka_unit_test(test_empty_value),
		cmocka_unit_test(test_duplicate_source_id),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_integer_80abc),
		cmocka_unit_test(test_integer_010),
		cmocka_unit_test(test_suppress_below_two),
		cmocka_unit_test(test_report_output_reserved),
		cmocka_unit_test(test_unknown_field),
		cmocka_unit_test(test_bad_yaml_syntax),
		cmocka_unit_test(test_empty_document),
		cmocka_unit_test(test_unknown_compare_source),
		cmocka_unit_test(test_alpha),
		cmocka_unit_test(test_min_periods),
		cmocka_unit_test(test_dimensions),
		cmocka_unit_test(test_codelists),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_sheet),
		cmocka_unit_test(test_aliases_rejected),
		cmocka_unit_test(test_multiple_documents),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_nul_and_null_err),
		cmocka_unit_test(test_template_fields),
		cmocka_unit_test(test_compare_cases),
		cmocka_unit_test(test_rules_normalise),
		cmocka_unit_test(test_rules_normalise_errors),
		cmocka_unit_test(test_cumulative_and_year),
		cmocka_unit_test(test_edition),
		cmocka_unit_test(test_editions),
		cmocka_unit_test(test_codelists_indicator),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
