/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The forms of a source summed up by organisation (extract/collect.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "collect.h"

/* 2024-10-15T12:00:00Z, noon of the due day */
#define DUE_NOON 1728993600LL
#define DAY 86400LL

static const char yaml[] =
	"pipeline: p\n"
	"sources:\n"
	"  - id: coal\n"
	"    file: [a.xlsx, b.xlsx]\n"
	"    collect: {due: 2024-10-15, organisations: [nhrc, ippt, bureau]}\n"
	"  - id: open\n"
	"    file: [c.xlsx]\n"
	"    collect: {}\n";

static struct rk_config *cfg;

static int setup(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	cfg = rk_config_load_data(yaml, strlen(yaml), "p.yaml", &err);
	return cfg ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	rk_config_free(cfg);
	return 0;
}

static struct collect *made(size_t source)
{
	struct rk_error err = { 0 };
	struct collect *c = collect_new(cfg, cfg->sources[source].id,
					cfg->sources[source].collect, &err);

	assert_non_null(c);
	return c;
}

static void add(struct collect *c, const char *file, const char *org,
		long long when, size_t problems, const char *msg)
{
	struct rk_error err = { 0 }, why = { 0 };

	if (msg)
		rk_error_set(&why, RK_EXIT_DATAERR, file, 0, "%s", msg);
	assert_int_equal(collect_add(c, file, org, when, COLLECT_FROM_WORKBOOK,
				     problems, msg ? &why : NULL, &err), 0);
}

static long closed(struct collect *c)
{
	struct rk_error err = { 0 };

	return collect_close(c, &err);
}

static void assert_row(const struct collect *c, size_t i, const char *org,
		       const char *file, enum collect_status status,
		       long days_late, int expected)
{
	const struct collect_row *r = collect_row(c, i);

	assert_non_null(r);
	assert_string_equal(r->organisation, org);
	if (file)
		assert_string_equal(r->file, file);
	else
		assert_null(r->file);
	assert_int_equal(r->status, status);
	assert_int_equal(r->days_late, days_late);
	assert_int_equal(r->expected, expected);
}

/* On time to the end of the due day; late by the days after it. */
static void test_on_time_and_late(void **state)
{
	struct collect *c = made(0);

	(void)state;
	add(c, "forms/a.xlsx", "IPPT", DUE_NOON + 2 * DAY, 0, NULL);
	add(c, "forms/b.xlsx", "nhrc", DUE_NOON + 12 * 3600 - 1, 0, NULL);
	add(c, "forms/c.xlsx", " Bureau.", DUE_NOON + 12 * 3600, 0, NULL);
	add(c, "forms/d.xlsx", "hrw", DUE_NOON - 30 * DAY, 0, NULL);
	assert_int_equal(closed(c), 0);
	assert_int_equal(collect_rows(c), 4);
	/* the config's order, the organisations not expected last */
	assert_row(c, 0, "nhrc", "forms/b.xlsx", COLLECT_ON_TIME, 0, 1);
	assert_row(c, 1, "ippt", "forms/a.xlsx", COLLECT_LATE, 2, 1);
	assert_row(c, 2, "bureau", "forms/c.xlsx", COLLECT_LATE, 1, 1);
	assert_row(c, 3, "hrw", "forms/d.xlsx", COLLECT_ON_TIME, 0, 0);
	assert_int_equal(collect_errors(c), 0);
	collect_free(c);
}

static void test_missing_invalid_duplicate(void **state)
{
	struct collect *c = made(0);
	struct rk_error err = { 0 };

	(void)state;
	add(c, "forms/nhrc.xlsx", "nhrc", DUE_NOON, 0, NULL);
	add(c, "forms/ippt.xlsx", "ippt", DUE_NOON + DAY, 2,
	    "2 cell(s) break the form's rules: S!B5 -1 is below 0; S!C6 'x' "
	    "is not a number");
	add(c, "forms/nhrc_v2.xlsx", "NHRC", DUE_NOON, 0, NULL);
	add(c, "forms/broken.xlsx", NULL, DUE_NOON, 1, "not a spreadsheet");
	assert_int_equal(closed(c), 4);
	assert_int_equal(collect_rows(c), 5);
	assert_row(c, 0, "nhrc", "forms/nhrc.xlsx", COLLECT_DUPLICATE, 0, 1);
	assert_string_equal(collect_row(c, 0)->other, "forms/nhrc_v2.xlsx");
	assert_row(c, 1, "nhrc", "forms/nhrc_v2.xlsx", COLLECT_DUPLICATE, 0, 1);
	assert_string_equal(collect_row(c, 1)->other, "forms/nhrc.xlsx");
	assert_row(c, 2, "ippt", "forms/ippt.xlsx", COLLECT_INVALID, 1, 1);
	assert_int_equal(collect_row(c, 2)->problems, 2);
	assert_row(c, 3, "bureau", NULL, COLLECT_MISSING, 0, 1);
	assert_row(c, 4, "", "forms/broken.xlsx", COLLECT_INVALID, 0, 0);
	/* each says whose it is; the duplicates once */
	assert_int_equal(collect_errors(c), 3);
	assert_string_equal(collect_error(c, 0)->msg, "organisation 'nhrc' "
			    "sent 2 forms: forms/nhrc.xlsx, forms/nhrc_v2.xlsx");
	assert_string_equal(collect_error(c, 1)->msg, "organisation 'ippt': 2 "
			    "cell(s) break the form's rules: S!B5 -1 is below 0; "
			    "S!C6 'x' is not a number");
	assert_string_equal(collect_error(c, 1)->file, "forms/ippt.xlsx");
	assert_string_equal(collect_error(c, 2)->msg, "not a spreadsheet");
	collect_fail(c, &err);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_string_equal(err.msg, "4 of the 4 forms of source 'coal' cannot "
			    "be read, so none is: nhrc (more than one form), "
			    "ippt (2 problems), forms/broken.xlsx (1 problem)");
	collect_free(c);
}

/* A source's only form: its own error, as reading it alone gives. */
static void test_one_form(void **state)
{
	struct collect *c = made(0);
	struct rk_error err = { 0 };

	(void)state;
	add(c, "forms/ippt.xlsx", "ippt", DUE_NOON, 1, "1 cell(s) break the "
	    "form's rules: S!B5 -1 is below 0");
	assert_int_equal(closed(c), 1);
	collect_fail(c, &err);
	assert_string_equal(err.msg, "1 cell(s) break the form's rules: S!B5 "
			    "-1 is below 0");
	assert_string_equal(err.file, "forms/ippt.xlsx");
	collect_free(c);
}

/* collect: {} expects nobody and sets no day: each form received. */
static void test_nothing_expected(void **state)
{
	struct collect *c = made(1);

	(void)state;
	add(c, "c.xlsx", "nhrc", DUE_NOON + 40 * DAY, 0, NULL);
	add(c, "d.xlsx", "", DUE_NOON, 0, NULL);
	add(c, "e.xlsx", "", DUE_NOON, 0, NULL);   /* none: never twice */
	assert_int_equal(closed(c), 0);
	assert_int_equal(collect_rows(c), 3);
	assert_row(c, 0, "nhrc", "c.xlsx", COLLECT_RECEIVED, 0, 1);
	assert_false(collect_row(c, 0)->has_days);
	assert_row(c, 2, "", "e.xlsx", COLLECT_RECEIVED, 0, 1);
	assert_true(collect_asked(c));
	collect_free(c);
}

static char *written(const struct collect *c, int csv)
{
	struct rk_error err = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct tidy_writer *w;

	assert_non_null(f);
	if (csv) {
		w = tidy_writer_open(f, "summary.csv", &err);
		assert_non_null(w);
		assert_int_equal(collect_write_csv(c, w, &err), 0);
		assert_int_equal(tidy_writer_close(w, &err), 0);
	} else {
		collect_table(c, "reckon-extract", f);
	}
	fclose(f);
	return buf;
}

static void test_csv_and_table(void **state)
{
	struct collect *c = made(0);
	char *text;

	(void)state;
	add(c, "forms/ippt.xlsx", "ippt", DUE_NOON + 3 * DAY, 0, NULL);
	add(c, "forms/Центр.xlsx", "Центр", DUE_NOON, 3, "3 cell(s)");
	add(c, "forms/nhrc.xlsx", "nhrc", DUE_NOON - DAY, 0, NULL);
	assert_int_equal(closed(c), 1);
	text = written(c, 1);
	assert_string_equal(text,
		"source,organisation,expected,file,received,received_from,"
		"status,days_late,problems\n"
		"coal,nhrc,yes,forms/nhrc.xlsx,2024-10-14 12:00,workbook,on_time,"
		"0,0\n"
		"coal,ippt,yes,forms/ippt.xlsx,2024-10-18 12:00,workbook,late,3,0\n"
		"coal,bureau,yes,,,,missing,,\n"
		"coal,Центр,no,forms/Центр.xlsx,2024-10-15 12:00,workbook,"
		"invalid,0,3\n");
	free(text);
	text = written(c, 0);
	assert_string_equal(text,
		"reckon-extract: forms of source 'coal', due 2024-10-15: 2 of 3 "
		"organisations sent a form; 1 on time, 1 late, 1 invalid, "
		"1 missing, 1 not expected\n"
		"  organisation  file              received          from       "
		"status\n"
		"  nhrc          forms/nhrc.xlsx   2024-10-14 12:00  workbook   "
		"on time\n"
		"  ippt          forms/ippt.xlsx   2024-10-18 12:00  workbook   "
		"late by 3 days\n"
		"  bureau        -                 -                 -          "
		"missing: no form\n"
		"  Центр         forms/Центр.xlsx  2024-10-15 12:00  workbook   "
		"invalid: 3 problems, not expected\n");
	free(text);
	collect_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_on_time_and_late),
		cmocka_unit_test(test_missing_invalid_duplicate),
		cmocka_unit_test(test_one_form),
		cmocka_unit_test(test_nothing_expected),
		cmocka_unit_test(test_csv_and_table),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
