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

/* label, in a source whose fiscal year begins in month start (0: none). */
static void eq_fy(const char *label, int start, const char *want)
{
	char why[RK_PERIOD_REASON], buf[RK_PERIOD_TEXT];
	struct rk_period_opts o = { start };
	struct rk_period p;

	if (rk_period_parse_opts(label, strlen(label), &o, &p, why) != 0)
		fail_msg("'%s' (fiscal %d): %s", label, start, why);
	assert_string_equal(rk_period_format(&p, buf), want);
}

static void bad_fy(const char *label, int start, const char *want)
{
	char why[RK_PERIOD_REASON];
	struct rk_period_opts o = { start };
	struct rk_period p;

	if (rk_period_parse_opts(label, strlen(label), &o, &p, why) == 0)
		fail_msg("'%s' (fiscal %d) parsed", label, start);
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
	struct rk_period y = { 2024, 1, 12, 0, 0 }, h = { 2024, 7, 12, 0, 0 };
	struct rk_period q = { 2024, 7, 9, 0, 0 }, m = { 2024, 7, 7, 0, 0 };
	struct rk_period d = { 2024, 7, 7, 15, 0 }, r = { 2024, 1, 9, 0, 0 };
	struct rk_period odd = { 2024, 2, 4, 0, 0 };

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
	struct rk_period m = { 2024, 8, 8, 0, 0 }, d = { 2024, 8, 8, 31, 0 };
	struct rk_period q = { 2024, 7, 9, 0, 0 }, ytd = { 2024, 1, 9, 0, 0 };
	struct rk_period y = { 2024, 1, 12, 0, 0 };

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
	struct rk_period a = { 1970, 1, 1, 1, 0 }, q = { 2024, 1, 3, 0, 0 };
	struct rk_period feb = { 2024, 2, 2, 0, 0 }, y = { 2024, 1, 12, 0, 0 };

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

/* Issue 18: financial years as official tables write them. */
static void test_fiscal_years(void **state)
{
	(void)state;
	eq_fy("2004/05", 4, "2004-04/2005-03");
	eq_fy("04/05", 4, "2004-04/2005-03");
	eq_fy("2004-05", 4, "2004-04/2005-03");
	eq_fy("2019-20", 7, "2019-07/2020-06");
	eq_fy("2012/13", 4, "2012-04/2013-03");
	eq_fy("99/00", 4, "1999-04/2000-03");
	eq_fy("2019/2020 ФГ", 4, "2019-04/2020-03");
	eq_fy("2019-2020", 4, "2019-04/2020-03");
	eq_fy("ФГ 2019/20", 10, "2019-10/2020-09");
	eq_fy("финансовый год 2019/20", 4, "2019-04/2020-03");
	eq_fy("соли молиявии 2019/20", 4, "2019-04/2020-03");
	eq_fy("FY2019/20", 4, "2019-04/2020-03");
	eq_fy("FY 2019-20", 4, "2019-04/2020-03");
	eq_fy("2004-04/2005-03", 4, "2004-04/2005-03");
	eq_fy("2005-06/2006-05", 6, "2005-06/2006-05");
	/* other months stay months in a fiscal-year source */
	eq_fy("2024-07", 4, "2024-07");
	eq_fy("2024/07", 4, "2024-07");
	eq_fy("III кв. 2024", 4, "2024-Q3");
	eq_fy("2004-05-01", 4, "2004-05-01");
	/* and the same texts without the setting */
	eq("2004-05", "2004-05");
	eq("2024/07", "2024-07");
	eq("2019-2020", "2019-01/2020-12");
}

static void test_fiscal_refused(void **state)
{
	(void)state;
	bad("2004/05", "2004/05 is a fiscal year or a month: set "
	    "fiscal_year_start");
	bad("2004/05", "or write the month as 2004-05");
	bad("2012/13", "2012/13 is a fiscal year: set fiscal_year_start");
	bad("2019-20", "2019-20 is a fiscal year: set fiscal_year_start");
	bad("04/05", "04/05 is a fiscal year: set fiscal_year_start");
	bad("2019/2020", "2019/2020 is a fiscal year or two years: set "
	    "fiscal_year_start");
	bad("2019/2020 ФГ", "fiscal_year_start");
	bad("FY 2024", "a fiscal year: set fiscal_year_start");
	bad("соли молиявии 2024", "a fiscal year: set fiscal_year_start");
	bad_fy("FY 2024", 4, "a fiscal year named by one year may begin in "
	       "2023 or in 2024: write both years (2023/24), or give the "
	       "label's period in period.map");
	bad_fy("ФГ 2024", 7, "named by one year");
	bad_fy("III кв. 2019/20", 4, "a fiscal year with more than its years");
	bad_fy("2012/14", 4, "month 14 does not exist");
}

static void test_stock_dates(void **state)
{
	(void)state;
	eq("на 1 января 2009 г.", "2009-01-01");
	eq("на 1 января 2009 год", "2009-01-01");
	eq("на 01.01.2009", "2009-01-01");
	eq("по состоянию на 1 июля 2024 г.", "2024-07-01");
	eq("as at 31 March 2024", "2024-03-31");
	eq("As of 1 January 2024", "2024-01-01");
	eq("on 30 June 2024", "2024-06-30");
	eq("1 январи соли 2024", "2024-01-01");
	eq("ба ҳолати 1 июли соли 2024", "2024-07-01");
	bad("на 31 июня 2024", "day 31 does not exist");
}

static void test_spans(void **state)
{
	(void)state;
	eq("2000–2007", "2000-01/2007-12");
	eq("2000-2007", "2000-01/2007-12");
	eq("2000 — 2007 гг.", "2000-01/2007-12");
	eq("солҳои 2000–2007", "2000-01/2007-12");
	eq("years 2000–2007", "2000-01/2007-12");
	eq("2000/2007", "2000-01/2007-12");
	eq("2000-01/2007-12", "2000-01/2007-12");
	eq("январь 2023 – март 2024", "2023-01/2024-03");
	eq("январи 2023 – марти 2024", "2023-01/2024-03");
	eq("Oct 2023 – Mar 2024", "2023-10/2024-03");
	eq("III кв. 2023 – II кв. 2024", "2023-07/2024-06");
	eq("Q3 2023 – Q2 2024", "2023-07/2024-06");
	eq("семоҳаи 3-юм соли 2023 – семоҳаи 2-юм соли 2024",
	   "2023-07/2024-06");
	eq("2 полугодие 2023 – 1 полугодие 2024", "2023-07/2024-06");
	eq("за 9 месяцев 2024 г.", "2024-01..09");
	eq("9 моҳи соли 2024", "2024-01..09");
	eq("9 months of 2024", "2024-01..09");
	eq("январь–сентябрь 2024", "2024-01..09");
	eq("январ–сентябри 2024", "2024-01..09");
	eq("January–September 2024", "2024-01..09");
	eq("2024-01/2024-09", "2024-01..09");
	eq("2024-07/2024-09", "2024-Q3");
}

static void test_spans_refused(void **state)
{
	(void)state;
	bad("2007–2000", "years run backwards, 2007 then 2000");
	bad("I–III кв. 2023–2024", "after one run of months: give each its "
	    "year");
	bad("январь–март 2023–2024", "after one run of months");
	bad("2000 2007", "two years, 2000 and 2007: write a span with a dash");
	bad("2000–2004–2007", "more than two years");
	bad("01.01.2009/31.12.2009", "a span of days is not a period");
	bad("2024-01-01/2025-06-30", "a span of days is not a period");
	bad("2024-09/2024-01", "months run backwards");
}

static void test_span_arithmetic(void **state)
{
	struct rk_period fy = { 2004, 4, 3, 0, 2005 };
	struct rk_period yrs = { 2000, 1, 12, 0, 2007 };
	struct rk_period fy15 = { 2004, 10, 12, 0, 2005 };

	(void)state;
	assert_int_equal(rk_period_grain(&fy), RK_GRAIN_NONE);
	to(&fy, RK_GRAIN_YEAR, NULL);
	to(&fy, RK_GRAIN_QUARTER, NULL);
	to(&yrs, RK_GRAIN_YEAR, NULL);
	assert_int_equal(rk_period_last_day(&fy) - rk_period_first_day(&fy),
			 364);
	assert_int_equal(rk_period_months(&fy), 0xFFF);
	assert_int_equal(rk_period_months(&yrs), 0xFFF);
	assert_int_equal(rk_period_months(&fy15), 0xFFF);
	fy15.last = 2;
	assert_int_equal(rk_period_months(&fy15), 0xE03);
	assert_true(rk_period_cmp(&yrs, &fy) < 0);
}

static void test_format(void **state)
{
	struct rk_period none = { 0, 7, 9, 0, 0 };
	char buf[RK_PERIOD_TEXT];

	(void)state;
	assert_string_equal(rk_period_format(&none, buf), "0000-Q3");
}

/* label, a stock, in grain g at its start or end: want, or "" when it
 * keeps its date. */
static void stock(const char *label, enum rk_grain g, int at_end,
		  const char *want)
{
	char why[RK_PERIOD_REASON], buf[RK_PERIOD_TEXT];
	struct rk_period p, q;
	int rc;

	assert_int_equal(rk_period_parse(label, strlen(label), &p, why), 0);
	rc = rk_period_stock_to_grain(&p, g, at_end, &q);
	if (!*want) {
		assert_int_equal(rc, 1);
		return;
	}
	assert_int_equal(rc, 0);
	assert_string_equal(rk_period_format(&q, buf), want);
}

static void test_stock_in_grain(void **state)
{
	(void)state;
	stock("на 1 января 2025 г.", RK_GRAIN_QUARTER, 0, "2025-Q1");
	stock("на 31.12.2024", RK_GRAIN_QUARTER, 1, "2024-Q4");
	stock("as at 31 March 2024", RK_GRAIN_QUARTER, 1, "2024-Q1");
	stock("2024-07-01", RK_GRAIN_QUARTER, 0, "2024-Q3");
	stock("2024-07-01", RK_GRAIN_MONTH, 0, "2024-07");
	stock("2024-07-01", RK_GRAIN_YEAR, 0, "");     /* not 1 January */
	stock("2024-12-31", RK_GRAIN_YEAR, 1, "2024");
	stock("2024-06-30", RK_GRAIN_HALF, 1, "2024-S1");
	stock("2024-02-29", RK_GRAIN_MONTH, 1, "2024-02");
	stock("2024-02-28", RK_GRAIN_MONTH, 1, "");    /* a leap year */
	stock("на 1 января 2025 г.", RK_GRAIN_QUARTER, 1, "");
	stock("2024-02-15", RK_GRAIN_QUARTER, 0, "");
	stock("2024-Q1", RK_GRAIN_QUARTER, 0, "");     /* not a date */
	stock("2000-2007", RK_GRAIN_YEAR, 0, "");
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
		cmocka_unit_test(test_fiscal_years),
		cmocka_unit_test(test_fiscal_refused),
		cmocka_unit_test(test_stock_dates),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_spans_refused),
		cmocka_unit_test(test_span_arithmetic),
		cmocka_unit_test(test_stock_in_grain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
