/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon-normalise's modules: cells, mapper, period memo, rejects. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cells.h"
#include "mapper.h"
#include "period_memo.h"
#include "rejects.h"

/* ---- cells ---- */

static void add(struct cells *t, uint32_t src, int month, uint32_t dim,
		int64_t v, const char *status, const char *origin)
{
	struct rk_error err = { 0 };
	struct rk_period p = { 2024, 7, 9, 0, 0 };
	uint32_t d[1] = { dim };
	struct cell_key k = { src, 1, p, d };
	struct rk_period m = { 2024, month, month, 0, 0 };
	struct cell_add a = { 0 };

	a.has_value = status == NULL;
	a.count = v;
	a.number = (double)v;
	a.status = status ? status : "";
	a.months = rk_period_months(&m);
	a.origin = &origin;
	a.norigin = 1;
	a.rows = 1;
	assert_int_equal(cells_add(t, &k, &a, &err), 0);
}

static void origin_is(struct cells *t, size_t i, const char *want)
{
	char *buf = NULL;
	size_t cap = 0;

	assert_true(cells_origin_text(t, i, &buf, &cap) >= 0);
	assert_string_equal(buf, want);
	free(buf);
}

static void test_cells_sum(void **state)
{
	struct cells *t = cells_new(1);
	struct cell *c;

	(void)state;
	add(t, 0, 7, 5, 3, NULL, "a.csv:2");
	add(t, 0, 8, 5, 4, NULL, "a.csv:3");
	add(t, 0, 9, 5, 0, "missing", "a.csv:4");
	add(t, 1, 7, 5, 1, NULL, "b.csv:2");
	assert_int_equal(cells_count(t), 2);
	c = cells_at(t, 0);
	assert_int_equal(c->count, 7);
	assert_int_equal(c->rows, 3);
	assert_int_equal(c->valued, 2);
	assert_int_equal(c->missing, 1);
	assert_int_equal(c->months, 0x1C0);
	assert_int_equal(cells_dims(t, 0)[0], 5);
	assert_string_equal(cells_origin(t, 0, 1), "a.csv:3");
	origin_is(t, 0, "a.csv:2;a.csv:3;a.csv:4");
	origin_is(t, 1, "b.csv:2");
	cells_free(t);
	cells_free(NULL);
}

/* Adds a row covering the months first..last of 2024 to the 2024-Q3 cell. */
static void add_span(struct cells *t, uint32_t src, int first, int last)
{
	struct rk_error err = { 0 };
	struct rk_period p = { 2024, 7, 9, 0, 0 }, m = { 2024, first, last, 0, 0 };
	uint32_t d[1] = { 5 };
	struct cell_key k = { src, 1, p, d };
	struct cell_add a = { 0 };
	const char *origin = "x.csv:2";

	a.has_value = 1;
	a.count = 1;
	a.months = rk_period_months(&m);
	a.origin = &origin;
	a.norigin = 1;
	a.rows = 1;
	assert_int_equal(cells_add(t, &k, &a, &err), 0);
}

/*
 * Rows of one span are summed (two districts' July); rows of different
 * spans may not share a month (the quarter and its July would count July
 * twice).
 */
static void test_cells_overlap(void **state)
{
	struct cells *t = cells_new(1);

	(void)state;
	add_span(t, 0, 7, 7);
	add_span(t, 0, 7, 7);
	add_span(t, 0, 8, 9);
	add_span(t, 0, 8, 9);
	add_span(t, 1, 7, 7);        /* July, then the quarter */
	add_span(t, 1, 7, 9);
	add_span(t, 2, 7, 9);        /* the quarter, then September */
	add_span(t, 2, 9, 9);
	add_span(t, 3, 7, 9);        /* the quarter twice: summed */
	add_span(t, 3, 7, 9);
	for (int d = 0; d < 2; d++)  /* two districts' twelve months */
		for (int m = 1; m <= 12; m++)
			add_span(t, 4, m, m);
	add_span(t, 5, 1, 6);        /* twelve spans, then a thirteenth */
	for (int m = 7; m <= 12; m++)
		add_span(t, 5, m, m);
	for (int m = 7; m <= 11; m++)
		add_span(t, 5, m, m);
	add_span(t, 5, 3, 3);
	assert_int_equal(cells_count(t), 6);
	assert_false(cells_at(t, 0)->overlap);
	assert_int_equal(cells_at(t, 0)->months, 0x1C0);
	assert_true(cells_at(t, 1)->overlap);
	assert_true(cells_at(t, 2)->overlap);
	assert_false(cells_at(t, 3)->overlap);
	assert_false(cells_at(t, 4)->overlap);
	assert_int_equal(cells_at(t, 4)->months, 0xFFF);
	assert_true(cells_at(t, 5)->overlap);
	cells_free(t);
}

static void test_cells_origin_more(void **state)
{
	struct cells *t = cells_new(1);
	char o[16];

	(void)state;
	for (int i = 0; i < 5; i++) {
		snprintf(o, sizeof(o), "a.csv:%d", i + 2);
		add(t, 0, 7, 1, 1, NULL, o);
	}
	origin_is(t, 0, "a.csv:2;a.csv:3;a.csv:4;a.csv:5;a.csv:6");
	add(t, 0, 7, 1, 1, NULL, "a.csv:7");
	add(t, 0, 7, 1, 1, NULL, "a.csv:8");
	origin_is(t, 0, "a.csv:2;a.csv:3;a.csv:4;a.csv:5;+3 more");
	assert_int_equal(cells_at(t, 0)->rows, 7);
	cells_free(t);
}

static void test_cells_overflow(void **state)
{
	struct cells *t = cells_new(1);

	(void)state;
	add(t, 0, 7, 1, INT64_MAX, NULL, "a");
	add(t, 0, 7, 1, 1, NULL, "b");
	assert_int_equal(cells_at(t, 0)->overflow, 1);
	cells_free(t);
}

static int by_dim_desc(const struct cells *t, size_t a, size_t b, void *ctx)
{
	uint32_t x = cells_dims(t, a)[0], y = cells_dims(t, b)[0];

	(void)ctx;
	return (x < y) - (x > y);
}

static void test_cells_sort(void **state)
{
	struct cells *t = cells_new(1);

	(void)state;
	add(t, 0, 7, 2, 1, NULL, "first two");
	add(t, 0, 7, 9, 1, NULL, "nine");
	add(t, 1, 7, 2, 1, NULL, "second two");
	add(t, 0, 7, 4, 1, NULL, "four");
	assert_int_equal(cells_sort(t, by_dim_desc, NULL), 0);
	assert_int_equal(cells_dims(t, 0)[0], 9);
	assert_int_equal(cells_dims(t, 1)[0], 4);
	assert_string_equal(cells_origin(t, 2, 0), "first two");   /* stable */
	assert_string_equal(cells_origin(t, 3, 0), "second two");
	cells_free(t);
}

/* ---- mapper ---- */

static struct rk_fold *fold;

static struct mapper *sex_mapper(enum mapper_policy policy)
{
	static const char text[] =
		"code,label_en,label_ru,label_tg,aliases\n"
		"1,male,мужчины,мардон,муж|M\n"
		"2,female,женщины,занон,жен|F\n"
		"_T,total,всего,ҳамагӣ,итого\n";
	struct rk_error err = { 0 };
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct rk_codelist *cl = rk_codelist_read(f, "sex.csv", "sex", fold,
						  NULL, 0, &err);

	fclose(f);
	assert_non_null(cl);
	return mapper_new(cl, policy);
}

static int map(struct mapper *m, const char *label, const char *origin,
	       uint32_t *v)
{
	struct rk_error err = { 0 };

	return mapper_map(m, label, origin, v, &err);
}

static void test_mapper_codes(void **state)
{
	struct mapper *m = sex_mapper(MAPPER_FAIL);
	uint32_t v;

	(void)state;
	assert_int_equal(map(m, "муж.", "x:1", &v), 1);
	assert_string_equal(mapper_text(m, v), "1");
	assert_int_equal(mapper_code(m, v), 0);
	assert_int_equal(map(m, "муж.", "x:2", &v), 1);       /* memo */
	assert_string_equal(mapper_text(m, v), "1");
	assert_int_equal(map(m, "Занон", "x:3", &v), 1);
	assert_string_equal(mapper_text(m, v), "2");
	assert_int_equal(map(m, "", "x:4", &v), 1);
	assert_int_equal(v, MAPPER_TOTAL);
	assert_int_equal(map(m, "Ҳамагӣ", "x:5", &v), 1);     /* _T */
	assert_int_equal(v, MAPPER_TOTAL);
	assert_string_equal(mapper_text(m, v), "");
	assert_int_equal(mapper_code(m, v), -1);
	assert_int_equal(mapper_unmapped_labels(m), 0);
	mapper_free(m);
}

static void test_mapper_unmapped(void **state)
{
	struct mapper *m = sex_mapper(MAPPER_WARN);
	const char *label, *origin;
	size_t rows;
	uint32_t v;

	(void)state;
	assert_int_equal(map(m, "оба", NULL, &v), 0);          /* not counted */
	assert_int_equal(mapper_unmapped_rows(m), 0);
	assert_int_equal(map(m, "оба", "x:7", &v), 0);
	assert_int_equal(map(m, "man", "x:8", &v), 0);
	assert_int_equal(map(m, "оба", "x:9", &v), 0);
	assert_int_equal(mapper_unmapped_labels(m), 2);
	assert_int_equal(mapper_unmapped_rows(m), 3);
	assert_int_equal(mapper_first_unmapped(m, &label, &rows, &origin), 1);
	assert_string_equal(label, "оба");
	assert_int_equal(rows, 2);
	assert_string_equal(origin, "x:7");
	assert_int_equal(mapper_policy(m), MAPPER_WARN);
	mapper_free(m);
	mapper_free(NULL);
}

static void test_mapper_keep(void **state)
{
	struct mapper *m = sex_mapper(MAPPER_KEEP);
	uint32_t a, b;

	(void)state;
	assert_int_equal(map(m, "оба пола", "x:1", &a), 1);
	assert_int_equal(map(m, "n/a", "x:2", &b), 1);
	assert_true(a != b && a > 3 && b > 3);
	assert_string_equal(mapper_text(m, a), "оба пола");
	assert_string_equal(mapper_text(m, b), "n/a");
	assert_int_equal(mapper_code(m, a), -1);
	assert_int_equal(mapper_unmapped_rows(m), 2);
	mapper_free(m);
}

static void test_mapper_write_unmapped(void **state)
{
	struct mapper *m = sex_mapper(MAPPER_FAIL);
	struct rk_error err = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct tidy_writer *w = tidy_writer_open(f, "unmapped.csv", &err);
	uint32_t v;

	(void)state;
	map(m, "femail", "x:3", &v);
	map(m, "zzz", "x:4", &v);
	map(m, "zzz", "x:5", &v);
	assert_int_equal(mapper_write_unmapped_header(w, &err), 0);
	assert_int_equal(mapper_write_unmapped(m, w, &err), 0);
	assert_int_equal(tidy_writer_close(w, &err), 0);
	fclose(f);
	assert_string_equal(buf,
		"dimension,label,rows,first_origin,suggest_1,score_1,"
		"suggest_2,score_2,suggest_3,score_3\n"
		"sex,zzz,2,x:4,,,,,,\n"
		"sex,femail,1,x:3,2,0.933,1,0.722,,\n");
	free(buf);
	mapper_free(m);
}

/* ---- period memo ---- */

static void test_period_memo(void **state)
{
	struct period_memo *m = period_memo_new(NULL, NULL);
	struct rk_error err = { 0 };
	struct rk_period p;
	const char *why;

	(void)state;
	assert_int_equal(period_memo_get(m, "III кв. 2024", &p, &why, &err), 0);
	assert_int_equal(p.first, 7);
	assert_null(why);
	assert_int_equal(period_memo_get(m, "Итого", &p, &why, &err), 1);
	assert_string_equal(why, "unknown word 'итого'");
	assert_int_equal(period_memo_get(m, "III кв. 2024", &p, &why, &err), 0);
	assert_int_equal(p.last, 9);
	assert_int_equal(period_memo_get(m, "Итого", &p, &why, &err), 1);
	period_memo_free(m);
	period_memo_free(NULL);
}

/* A source with fiscal years from April reads 2004/05 as one. */
static void test_period_memo_fiscal(void **state)
{
	const struct rk_period_opts april = { 4 };
	struct period_memo *m = period_memo_new(&april, NULL);
	struct period_memo *cal = period_memo_new(NULL, NULL);
	struct rk_error err = { 0 };
	struct rk_period p;
	const char *why;

	(void)state;
	assert_int_equal(period_memo_get(m, "2004/05", &p, &why, &err), 0);
	assert_int_equal(p.first, 4);
	assert_int_equal(p.end_year, 2005);
	assert_int_equal(period_memo_get(cal, "2004/05", &p, &why, &err), 1);
	assert_non_null(strstr(why, "fiscal_year_start"));
	period_memo_free(m);
	period_memo_free(cal);
}

/* ---- rejects ---- */

static void test_rejects(void **state)
{
	static char *const dims[] = { "region", "sex" };
	const char *dv[] = { "Rasht", "муж." };
	struct rk_error err = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct rejects *r = rejects_open(f, "rejects.csv", dims, 2, &err);
	char cbuf[64];
	struct reject x = { "ngo", "torture_complaints", "март 2024", dv, "1",
			    "", "ngo.csv:16", "unmapped", 0,
			    "region 'Rasht' is not in region.csv", 1 };

	(void)state;
	assert_non_null(r);
	assert_int_equal(rejects_add(r, &x, &err), 0);
	x.kept = 1;
	x.rows = 3;
	x.reason = "a, b";
	assert_int_equal(rejects_add(r, &x, &err), 0);
	assert_int_equal(rejects_rejected(r), 1);
	assert_int_equal(rejects_kept(r), 3);
	assert_string_equal(rejects_first_origin(r), "ngo.csv:16");
	x.kept = 0;
	x.rows = 2;
	x.check = "period;unmapped";
	assert_int_equal(rejects_add(r, &x, &err), 0);
	assert_string_equal(rejects_by_check(r, cbuf, sizeof(cbuf)),
			    "unmapped 3, period 2");
	assert_int_equal(rejects_close(r, &err), 0);
	fclose(f);
	assert_string_equal(buf,
		"source,indicator,period,region,sex,value,status,origin,check,"
		"action,reason\n"
		"ngo,torture_complaints,март 2024,Rasht,муж.,1,,ngo.csv:16,"
		"unmapped,rejected,region 'Rasht' is not in region.csv\n"
		"ngo,torture_complaints,март 2024,Rasht,муж.,1,,ngo.csv:16,"
		"unmapped,kept,\"a, b\"\n"
		"ngo,torture_complaints,март 2024,Rasht,муж.,1,,ngo.csv:16,"
		"period;unmapped,rejected,\"a, b\"\n");
	free(buf);
	/* with no file: counted only */
	x.kept = 1;
	x.rows = 3;
	r = rejects_open(NULL, NULL, dims, 2, &err);
	assert_int_equal(rejects_add(r, &x, &err), 0);
	assert_int_equal(rejects_kept(r), 3);
	assert_int_equal(rejects_close(r, &err), 0);
	assert_int_equal(rejects_close(NULL, &err), 0);
}

/* ---- the threaded tidy reader (tidy_reader_open_threaded) ---- */

/* A tidy file of n rows (and a bad row after them when bad). */
static char *tidy_file(size_t n, int bad)
{
	char *path = strdup("/tmp/test_tidythread.XXXXXX");
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	assert_non_null(f);
	fputs("source,indicator,period,region,value,status,origin\n", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "s,\"ind, %zu\",2024-Q%zu,r%zu,%zu,,f.csv:%zu\n",
			i, i % 4 + 1, i % 7, i, i + 2);
	if (bad)
		fputs("s,i,2024,r,abc,,f.csv:x\n", f);
	fclose(f);
	return path;
}

static struct tidy_reader *threaded_reader(const char *path,
					   struct rk_error *err)
{
	struct tidy_reader *p = tidy_reader_open_threaded(path, err);

	assert_non_null(p);
	return p;
}

static void test_tidythread_order(void **state)
{
	size_t n = 20000, i = 0, nd;
	char *path = tidy_file(n, 0), want[64];
	struct rk_error err = { 0 };
	struct tidy_reader *p = threaded_reader(path, &err);
	struct tidy_row r;
	int rc;

	(void)state;
	assert_non_null(p);
	assert_string_equal(tidy_reader_dims(p, &nd)[0], "region");
	assert_int_equal(nd, 1);
	while ((rc = tidy_reader_next(p, &r, &err)) == 1) {
		snprintf(want, sizeof(want), "ind, %zu", i);
		assert_string_equal(r.indicator, want);
		snprintf(want, sizeof(want), "r%zu", i % 7);
		assert_string_equal(r.dim[0], want);
		snprintf(want, sizeof(want), "f.csv:%zu", i + 2);
		assert_string_equal(r.origin, want);
		assert_int_equal(r.line, (long)i + 2);
		i++;
	}
	assert_int_equal(rc, 0);
	assert_int_equal(i, n);
	assert_int_equal(tidy_reader_next(p, &r, &err), 0);
	tidy_reader_close(p);
	unlink(path);
	free(path);
}

static void test_tidythread_error_after_rows(void **state)
{
	size_t n = 9000, i = 0;
	char *path = tidy_file(n, 1);
	struct rk_error err = { 0 };
	struct tidy_reader *p = threaded_reader(path, &err);
	struct tidy_row r;

	(void)state;
	while (tidy_reader_next(p, &r, &err) == 1)
		i++;
	assert_int_equal(i, n);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_int_equal(err.line, (long)n + 2);
	tidy_reader_close(p);
	unlink(path);
	free(path);
}

static void test_tidythread_early_close(void **state)
{
	char *path = tidy_file(50000, 0);
	struct rk_error err = { 0 };
	struct tidy_reader *p = threaded_reader(path, &err);
	struct tidy_row r;

	(void)state;
	assert_int_equal(tidy_reader_next(p, &r, &err), 1);
	tidy_reader_close(p);             /* the reader thread stops */
	tidy_reader_close(NULL);
	assert_null(tidy_reader_open("/nonexistent.csv", &err));
	assert_int_equal(err.code, RK_EXIT_NOINPUT);
	unlink(path);
	free(path);
}

static int setup(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	fold = rk_fold_new(&err);
	return fold ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	rk_fold_free(fold);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells_sum),
		cmocka_unit_test(test_cells_overlap),
		cmocka_unit_test(test_cells_origin_more),
		cmocka_unit_test(test_cells_overflow),
		cmocka_unit_test(test_cells_sort),
		cmocka_unit_test(test_mapper_codes),
		cmocka_unit_test(test_mapper_unmapped),
		cmocka_unit_test(test_mapper_keep),
		cmocka_unit_test(test_mapper_write_unmapped),
		cmocka_unit_test(test_period_memo),
		cmocka_unit_test(test_period_memo_fiscal),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_tidythread_order),
		cmocka_unit_test(test_tidythread_error_after_rows),
		cmocka_unit_test(test_tidythread_early_close),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
