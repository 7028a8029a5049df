/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_PERIOD_H
#define RECKON_PERIOD_H

#include <stddef.h>

/*
 * Periods (design.md §3, issue 4): what a label like "III кв. 2024",
 * "июль 2024" or "15.07.2024" means, the tidy form ("2024-Q3"), and the
 * arithmetic the normaliser and the statistics need.
 *
 * A period is a run of whole months of one year, or one day.  The tidy
 * forms are 2024, 2024-S1, 2024-Q3, 2024-07 and 2024-07-15; other runs of
 * months (January to September: "9 месяцев 2024") have no tidy form but
 * are what year-to-date figures cover.
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
};

/* Longest tidy form plus NUL, and room for an error reason. */
#define RK_PERIOD_TEXT 24
#define RK_PERIOD_REASON 160

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
 * Words like г., год, года, сол, соли, за, year are allowed around.  A
 * label without a year gives year 0 (the caller may take a year from
 * elsewhere); a bare number other than a year is never guessed at.
 */
int rk_period_parse(const char *s, size_t len, struct rk_period *p,
		    char *why);

/* The grain of p: RK_GRAIN_NONE for a run like January–September. */
enum rk_grain rk_period_grain(const struct rk_period *p);

/* "year", "half", "quarter", "month", "day"; NULL for RK_GRAIN_NONE. */
const char *rk_grain_name(enum rk_grain g);

/* The grain named (as in a config), or RK_GRAIN_NONE. */
enum rk_grain rk_grain_parse(const char *name);

/*
 * The tidy form into buf[RK_PERIOD_TEXT]: 2024, 2024-S1, 2024-Q3, 2024-07,
 * 2024-07-15; a run of other months as 2024-01..09; a missing year as
 * 0000.  Returns buf.
 */
char *rk_period_format(const struct rk_period *p, char *buf);

/*
 * The period of grain g that holds p: July 2024 in quarters is 2024-Q3.
 * Returns 0, or -1 when p does not fit in one period of that grain (p is
 * coarser, or a run across its bounds).
 */
int rk_period_to_grain(const struct rk_period *p, enum rk_grain g,
		       struct rk_period *out);

/*
 * Days since 1970-01-01 of p's first and last day (proleptic Gregorian),
 * for ordering and ranges.
 */
long rk_period_first_day(const struct rk_period *p);
long rk_period_last_day(const struct rk_period *p);

/* Orders by first day, then last day. */
int rk_period_cmp(const struct rk_period *a, const struct rk_period *b);

/* Months of p as bits (bit 0 = January); 0 for a day. */
unsigned rk_period_months(const struct rk_period *p);

/* Days in month m of year y. */
int rk_days_in_month(int y, int m);

#endif
