/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Period labels: every form of period.h, the tidy forms, the arithmetic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "period.h"

/* label parses to the tidy form want. */
static void eq(const char *label, const char *want)
{
	char why[RK_PERIOD_REASON], buf[RK_PERIOD_TEXT];
	struct rk_period p;
	int rc = rk_period_parse(label, strlen(label), &p, why);

	if (rc != 0)
		fail_msg("'%s': %s", label, why);
	assert_string_equal(rk_period_format(&p, buf), want);
}

/* label is refused for a reason that contains want. */
static void bad(const char *label, const char *want)
{
	char why[RK_PERIOD_REASON];
	struct rk_period p;

	if (rk_period_parse(label, strlen(label), &p, why) == 0)
		fail_msg("'%s' parsed", label);
	if (!strstr(why, want))
		fail_msg("'%s': '%s' lacks '%s'", label, why, want);
}

static void test_iso(void **state)
{
	(void)state;
	eq("2024", "2024");
	eq("2024-07", "2024-07");
	eq("2024-07-15", "2024-07-15");
	eq("2024-Q3", "2024-Q3");
	eq("2024Q3", "2024-Q3");
	eq("2024-q3", "2024-Q3");
	eq("2024-S1", "2024-S1");
	eq("2024-H2", "2024-S2");
	eq(" 2024-Q1 ", "2024-Q1");
}

static void test_excel_dates(void **state)
{
	(void)state;
	eq("2024-07-15T00:00:00", "2024-07-15");
	eq("2024-09-30T13:45:00", "2024-09-30");
	eq("2024-02-29", "2024-02-29");
}

static void test_numeric(void **state)
{
	(void)state;
	eq("15.07.2024", "2024-07-15");
	eq("5.7.2024", "2024-07-05");
	eq("15.07.2024 г.", "2024-07-15");
	eq("07.2024", "2024-07");
	eq("7/2024", "2024-07");
	eq("07/2024", "2024-07");
	eq("2024/07", "2024-07");
	eq("2024.07.15", "2024-07-15");
	eq("2024/07/15", "2024-07-15");
	bad("2024-07/15", "more than a date");
}

static void test_months_russian(void **state)
{
	(void)state;
	eq("январь 2024", "2024-01");
	eq("февраль 2024", "2024-02");
	eq("март 2024 г.", "2024-03");
	eq("апрель 2024", "2024-04");
	eq("май 2024", "2024-05");
	eq("июнь 2024", "2024-06");
	eq("июль 2024", "2024-07");
	eq("август 2024 года", "2024-08");
	eq("сентябрь 2024", "2024-09");
	eq("октябрь 2024", "2024-10");
	eq("ноябрь 2024", "2024-11");
	eq("декабрь 2024", "2024-12");
	eq("ИЮЛЬ 2024", "2024-07");
	eq("в июле 2024 года", "2024-07");
}

static void test_months_abbreviated(void **state)
{
	(void)state;
	eq("янв. 2024", "2024-01");
	eq("февр. 2024", "2024-02");
	eq("июл. 2024", "2024-07");
	eq("сент. 2024", "2024-09");
	eq("дек 2024", "2024-12");
	eq("Jul 2024", "2024-07");
	eq("Sept 2024", "2024-09");
	eq("DEC 2024", "2024-12");
}

static void test_months_tajik(void **state)
{
	(void)state;
	eq("январ 2024", "2024-01");
	eq("феврали 2024", "2024-02");
	eq("июли 2024", "2024-07");
	eq("сентябри соли 2024", "2024-09");
	eq("декабри 2024", "2024-12");
}

static void test_months_english(void **state)
{
	(void)state;
	eq("January 2024", "2024-01");
	eq("july 2024", "2024-07");
	eq("2024 July", "2024-07");
	eq("September, 2024", "2024-09");
}

static void test_month_with_day(void **state)
{
	(void)state;
	eq("15 июля 2024 г.", "2024-07-15");
	eq("1 January 2024", "2024-01-01");
	bad("31 июня 2024", "does not exist");
	bad("15 июля", "without a year");
}

static void test_month_ranges(void **state)
{
	(void)state;
	eq("Jul–Sep 2024", "2024-Q3");
	eq("июль - сентябрь 2024", "2024-Q3");
	eq("январь–июнь 2024", "2024-S1");
	eq("январь-декабрь 2024", "2024");
	eq("Jan-Feb 2024", "2024-01..02");
	bad("Сентябрь–Июль 2024", "backwards");
}

static void test_quarters(void **state)
{
	(void)state;
	eq("III кв. 2024", "2024-Q3");
	eq("3 кв. 2024 г.", "2024-Q3");
	eq("3-й квартал 2024", "2024-Q3");
	eq("3й квартал 2024 года", "2024-Q3");
	eq("Q3 2024", "2024-Q3");
	eq("Q3/2024", "2024-Q3");
	eq("квартали 3 2024", "2024-Q3");
	eq("семоҳаи 3-юм соли 2024", "2024-Q3");
	eq("СЕМОҲАИ 3 СОЛИ 2024", "2024-Q3");
	eq("семоһаи 3 соли 2024", "2024-Q3");     /* һ typed for ҳ */
	eq("9 моһ 2024", "2024-01..09");
	eq("IV квартал 2023 года", "2023-Q4");
	eq("I кв 2024", "2024-Q1");
	eq("II кв. 2024", "2024-Q2");
	eq("3rd quarter 2024", "2024-Q3");
	eq("third quarter 2024", "2024-Q3");
	eq("третий квартал 2024", "2024-Q3");
	eq("quarter 3, 2024", "2024-Q3");
	eq("Ⅲ кв. 2024", "2024-Q3");              /* roman numeral sign */
	eq("ІІІ кв. 2024", "2024-Q3");            /* Cyrillic І */
	eq("2024 III кв.", "2024-Q3");
}

/* Runs of quarters: what CIS reports give for the year so far. */
static void test_quarter_ranges(void **state)
{
	(void)state;
	eq("I–III кв. 2024", "2024-01..09");
	eq("I-II кв. 2024", "2024-S1");
	eq("за I–II кварталы 2024 г.", "2024-S1");
	eq("1-3 кварталы 2024", "2024-01..09");
	eq("II–IV квартал 2024", "2024-04..12");
	eq("Q1-Q2 2024", "2024-S1");
	eq("I–IV кв. 2024", "2024");
	eq("1-2 полугодие 2024", "2024");
	bad("III–I кв. 2024", "backwards");
	bad("II–II кв. 2024", "backwards");
	bad("3-5 кв. 2024", "quarter 5 does not exist");
	bad("Q1 Q3 2024", "more than one quarter number");
	bad("1 3 кв. 2024", "more than one quarter number");
}

static void test_halves(void **state)
{
	(void)state;
	eq("1 полугодие 2024", "2024-S1");
	eq("I полугодие 2024", "2024-S1");
	eq("2-е полугодие 2024", "2024-S2");
	eq("второе полугодие 2024", "2024-S2");
	eq("H1 2024", "2024-S1");
	eq("1st half 2024", "2024-S1");
	eq("нимсолаи 1 2024", "2024-S1");
	bad("3 полугодие 2024", "does not exist");
}

static void test_months_since_january(void **state)
{
	(void)state;
	eq("9 месяцев 2024", "2024-01..09");
	eq("за 9 мес. 2024 г.", "2024-01..09");
	eq("6 months 2024", "2024-S1");
	eq("12 месяцев 2024", "2024");
	bad("13 месяцев 2024", "does not exist");
}

static void test_no_year(void **state)
{
	char why[RK_PERIOD_REASON];
	struct rk_period p;

	(void)state;
	assert_int_equal(rk_period_parse("III кв.", strlen("III кв."), &p, why), 0);
	assert_int_equal(p.year, 0);
	assert_int_equal(p.first, 7);
	assert_int_equal(p.last, 9);
	assert_int_equal(rk_period_parse("июль", strlen("июль"), &p, why), 0);
	assert_int_equal(p.year, 0);
	assert_int_equal(p.first, 7);
}

static void test_refused(void **state)
{
	(void)state;
	bad("", "no year");
	bad("Итого", "unknown word 'итого'");
	bad("3 2024", "ambiguous");
	bad("2024-13", "month 13");
	bad("31.06.2024", "day 31");
	bad("5 кв 2024", "quarter 5");
	bad("кв. 2024", "no quarter number");
	bad("2023 2024", "two years");
	bad("III кв. июль 2024", "both a quarter and a month");
	bad("12345", "neither a year");
	bad("2024 Q3 H1", "more than one of");
	bad("999", "neither a year");
	bad("0999", "four-digit year");
	bad("2024 @", "unexpected character");
	bad("1 2 3 4 5 2024", "too many numbers");
}

static void test_grain(void **state)
{
	struct rk_period y = { 2024, 1, 12, 0 }, h = { 2024, 7, 12, 0 };
	struct rk_period q = { 2024, 7, 9, 0 }, m = { 2024, 7, 7, 0 };
	struct rk_period d = { 2024, 7, 7, 15 }, r = { 2024, 1, 9, 0 };
	struct rk_period odd = { 2024, 2, 4, 0 };

	(void)state;
	assert_int_equal(rk_period_grain(&y), RK_GRAIN_YEAR);
	assert_int_equal(rk_period_grain(&h), RK_GRAIN_HALF);
	assert_int_equal(rk_period_grain(&q), RK_GRAIN_QUARTER);
	assert_int_equal(rk_period_grain(&m), RK_GRAIN_MONTH);
	assert_int_equal(rk_period_grain(&d), RK_GRAIN_DAY);
	assert_int_equal(rk_period_grain(&r), RK_GRAIN_NONE);
	assert_int_equal(rk_period_grain(&odd), RK_GRAIN_NONE);
	assert_string_equal(rk_grain_name(RK_GRAIN_QUARTER), "quarter");
	assert_null(rk_grain_name(RK_GRAIN_NONE));
	assert_int_equal(rk_grain_parse("half"), RK_GRAIN_HALF);
	assert_int_equal(rk_grain_parse("week"), RK_GRAIN_NONE);
	assert_int_equal(rk_grain_parse(NULL), RK_GRAIN_NONE);
}

static void to(const struct rk_period *p, enum rk_grain g, const char *want)
{
	struct rk_period out;
	char buf[RK_PERIOD_TEXT];

	if (!want) {
		assert_int_equal(rk_period_to_grain(p, g, &out), -1);
		return;
	}
	assert_int_equal(rk_period_to_grain(p, g, &out), 0);
	assert_string_equal(rk_period_format(&out, buf), want);
}

static void test_to_grain(void **state)
{
	struct rk_period m = { 2024, 8, 8, 0 }, d = { 2024, 8, 8, 31 };
	struct rk_period q = { 2024, 7, 9, 0 }, ytd = { 2024, 1, 9, 0 };
	struct rk_period y = { 2024, 1, 12, 0 };

	(void)state;
	to(&m, RK_GRAIN_QUARTER, "2024-Q3");
	to(&m, RK_GRAIN_HALF, "2024-S2");
	to(&m, RK_GRAIN_YEAR, "2024");
	to(&m, RK_GRAIN_MONTH, "2024-08");
	to(&m, RK_GRAIN_DAY, NULL);
	to(&d, RK_GRAIN_MONTH, "2024-08");
	to(&d, RK_GRAIN_QUARTER, "2024-Q3");
	to(&d, RK_GRAIN_DAY, "2024-08-31");
	to(&q, RK_GRAIN_YEAR, "2024");
	to(&q, RK_GRAIN_MONTH, NULL);
	to(&ytd, RK_GRAIN_QUARTER, NULL);
	to(&ytd, RK_GRAIN_YEAR, "2024");
	to(&y, RK_GRAIN_HALF, NULL);
}

static void test_days_and_order(void **state)
{
	struct rk_period a = { 1970, 1, 1, 1 }, q = { 2024, 1, 3, 0 };
	struct rk_period feb = { 2024, 2, 2, 0 }, y = { 2024, 1, 12, 0 };

	(void)state;
	assert_int_equal(rk_period_first_day(&a), 0);
	assert_int_equal(rk_period_last_day(&feb) - rk_period_first_day(&feb), 28);
	assert_int_equal(rk_period_last_day(&q) - rk_period_first_day(&q), 90);
	assert_true(rk_period_cmp(&q, &y) < 0);      /* same start, ends sooner */
	assert_true(rk_period_cmp(&feb, &q) > 0);
	assert_int_equal(rk_period_cmp(&q, &q), 0);
	assert_int_equal(rk_period_months(&q), 0x7);
	assert_int_equal(rk_period_months(&y), 0xFFF);
	assert_int_equal(rk_days_in_month(2023, 2), 28);
	assert_int_equal(rk_days_in_month(2000, 2), 29);
	assert_int_equal(rk_days_in_month(1900, 2), 28);
	assert_int_equal(rk_days_in_month(2024, 13), 0);
}

static void test_format(void **state)
{
	struct rk_period none = { 0, 7, 9, 0 };
	char buf[RK_PERIOD_TEXT];

	(void)state;
	assert_string_equal(rk_period_format(&none, buf), "0000-Q3");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_excel_dates),
		cmocka_unit_test(test_numeric),
		cmocka_unit_test(test_months_russian),
		cmocka_unit_test(test_months_abbreviated),
		cmocka_unit_test(test_months_tajik),
		cmocka_unit_test(test_months_english),
		cmocka_unit_test(test_month_with_day),
		cmocka_unit_test(test_month_ranges),
		cmocka_unit_test(test_quarters),
		cmocka_unit_test(test_quarter_ranges),
		cmocka_unit_test(test_halves),
		cmocka_unit_test(test_months_since_january),
		cmocka_unit_test(test_no_year),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_grain),
		cmocka_unit_test(test_to_grain),
		cmocka_unit_test(test_days_and_order),
		cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
