/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_PERIOD_H
#define RECKON_PERIOD_H

#include <stddef.h>

/*
 * Periods (design.md §3, issue 4): what a label like "III кв. 2024",
 * "июль 2024" or "15.07.2024" means, the tidy form ("2024-Q3"), and the
 * arithmetic the normaliser and the statistics need.
 *
 * A period is a run of whole months, or one day.  The tidy forms are 2024,
 * 2024-S1, 2024-Q3, 2024-07 and 2024-07-15; other runs of months in one
 * year (January to September: "9 месяцев 2024") have no tidy form but are
 * what year-to-date figures cover.  A run across years (a fiscal year
 * "2004/05" from April, the span "2000–2007") is a span: its tidy form is
 * an ISO 8601 interval of months, 2004-04/2005-03 and 2000-01/2007-12,
 * which fits in no grain, so that it is never summed into one.
 */

enum rk_grain {
	RK_GRAIN_NONE = 0,    /* a run of months that is none of the below */
	RK_GRAIN_YEAR,
	RK_GRAIN_HALF,
	RK_GRAIN_QUARTER,
	RK_GRAIN_MONTH,
	RK_GRAIN_DAY
};

struct rk_period {
	int year;      /* 1000..9999; 0 when the label names no year */
	int first;     /* first month, 1..12 */
	int last;      /* last month, first..12 */
	int day;       /* 1..31 for a day (then first == last), else 0 */
	int end_year;  /* a span across years: the year of its last month
			  (> year, and last may be below first); else 0 */
};

/* How to read labels a calendar alone cannot (issue 18). */
struct rk_period_opts {
	int fiscal_start;  /* the month a fiscal year begins, 2..12; 0 when
			      the source has no fiscal years */
};

/* Longest tidy form plus NUL, and room for an error reason. */
#define RK_PERIOD_TEXT 24
#define RK_PERIOD_REASON 256

/*
 * Parses a period label.  Returns 0 with *p set, or -1 with a reason in
 * why[RK_PERIOD_REASON] (lower-case, no full stop: "unknown word 'x'",
 * "no quarter number").  The forms, in any letter case, with any spaces,
 * dots and dashes between the parts:
 *
 *   ISO:      2024  2024-07  2024-07-15  2024-07-15T00:00:00 (an Excel
 *             date-time from the extractor)  2024-Q3  2024Q3  2024-S1
 *             2024-H1
 *   numeric:  15.07.2024 (dd.mm.yyyy)  07.2024  7/2024 (mm.yyyy)
 *             2024/07  2024.07.15 (year first: two-digit month and day)
 *   months:   Russian, Tajik and English names and abbreviations of
 *             three letters or more: июль 2024, июл. 2024, июли 2024,
 *             Jul 2024, 15 июля 2024 г.; ranges: Jul–Sep 2024,
 *             январь–июнь 2024
 *   quarters: a quarter word (кв, квартал, квартали, семоҳа, q, qtr,
 *             quarter) with one number 1–4, arabic, roman (III, Ⅲ) or a
 *             word (третий, сеюм, third), ordinal endings allowed:
 *             III кв. 2024, 3 кв. 2024 г., 3-й квартал 2024, Q3 2024,
 *             квартали 3 2024
 *   halves:   a half word (полугодие, нимсола, half, h, s) with 1 or 2:
 *             1 полугодие 2024, I полугодие 2024, H1 2024
 *   ranges of quarters or halves, two numbers with a dash: I–III кв.
 *             2024 (January to September), за I–II кварталы 2024 г.,
 *             Q1–Q2 2024
 *   months since January: 9 месяцев 2024, 6 мес. 2024, 9 months 2024
 *
 *   stock dates: на 1 января 2009 г., на 01.01.2009, по состоянию на …,
 *             as at 31 March 2024, as of …, 1 январи соли 2024,
 *             ба ҳолати …
 *   spans:    2000–2007, 2000-2007 (years); январь 2023 – март 2024,
 *             III кв. 2023 – II кв. 2024; the ISO intervals
 *             2004-04/2005-03 and 2000/2007
 *   fiscal years, only with opts->fiscal_start: 2004/05, 04/05, 2019-20,
 *             2004-05, 2019/2020, 2019/2020 ФГ, FY 2019/20 (the first
 *             year names it; a two-digit year below 50 is 20xx, else
 *             19xx).  Without the setting, a label that may be a fiscal
 *             year (2004/05, 2019-20, 2019/2020, a word like ФГ or FY) is
 *             refused with a reason naming fiscal_year_start; 2004-05
 *             stays May 2004, the ISO month.  A fiscal year named by one
 *             year (FY 2024) is refused either way: its first or its last?
 *
 * Words like г., год, года, сол, соли, за, year are allowed around.  A
 * label without a year gives year 0 (the caller may take a year from
 * elsewhere); a bare number other than a year is never guessed at.
 */
int rk_period_parse(const char *s, size_t len, struct rk_period *p,
		    char *why);

/* rk_period_parse with options; opts may be NULL (no fiscal years). */
int rk_period_parse_opts(const char *s, size_t len,
			 const struct rk_period_opts *opts,
			 struct rk_period *p, char *why);

/*
 * The grain of p: RK_GRAIN_NONE for a run like January–September and for
 * a span across years.
 */
enum rk_grain rk_period_grain(const struct rk_period *p);

/* "year", "half", "quarter", "month", "day"; NULL for RK_GRAIN_NONE. */
const char *rk_grain_name(enum rk_grain g);

/* The grain named (as in a config), or RK_GRAIN_NONE. */
enum rk_grain rk_grain_parse(const char *name);

/*
 * The tidy form into buf[RK_PERIOD_TEXT]: 2024, 2024-S1, 2024-Q3, 2024-07,
 * 2024-07-15; a run of other months as 2024-01..09; a span across years
 * as 2004-04/2005-03; a missing year as 0000.  Returns buf.
 */
char *rk_period_format(const struct rk_period *p, char *buf);

/*
 * The period of grain g that holds p: July 2024 in quarters is 2024-Q3.
 * Returns 0, or -1 when p does not fit in one period of that grain (p is
 * coarser, or a run across its bounds, or a span across years).
 */
int rk_period_to_grain(const struct rk_period *p, enum rk_grain g,
		       struct rk_period *out);

/*
 * Where a stock dated p (a day) stands in grain g: the period of g whose
 * first day p is (at_end 0: its opening stock) or whose last day p is
 * (at_end 1: its closing stock).  Returns 0 with *out set, or 1 when p is
 * not a day, or not that day of its period of g (then it keeps its date).
 */
int rk_period_stock_to_grain(const struct rk_period *p, enum rk_grain g,
			     int at_end, struct rk_period *out);

/*
 * Days since 1970-01-01 of p's first and last day (proleptic Gregorian),
 * for ordering and ranges.
 */
long rk_period_first_day(const struct rk_period *p);
long rk_period_last_day(const struct rk_period *p);

/* Orders by first day, then last day. */
int rk_period_cmp(const struct rk_period *a, const struct rk_period *b);

/*
 * Months of p as bits (bit 0 = January); 0 for a day.  A span across
 * years sets the months of the year it touches (all twelve from a year
 * on).
 */
unsigned rk_period_months(const struct rk_period *p);

/*
 * Moves p (a year, half, quarter or month) on to the next period of grain
 * g, which must be p's own.  Returns 0, or -1 for another grain.
 */
int rk_period_step(struct rk_period *p, enum rk_grain g);

/* Days in month m of year y. */
int rk_days_in_month(int y, int m);

#endif
