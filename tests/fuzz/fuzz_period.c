/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The period parser on arbitrary bytes, then everything done with what it
 * returns: the tidy form, grain conversion, days and month bits.  A parsed
 * period must be well formed, and its tidy form must parse back to itself.
 * Each input is read twice: as a calendar source's label and as one of a
 * source whose fiscal year begins in April.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "period.h"

static void check(const struct rk_period *p)
{
	if (p->end_year) {
		if (p->end_year <= p->year || p->end_year > 9999 || p->day ||
		    p->first < 1 || p->first > 12 || p->last < 1 ||
		    p->last > 12 || !p->year)
			abort();
		return;
	}
	if (p->first < 1 || p->last > 12 || p->first > p->last ||
	    (p->day && (p->first != p->last || p->day < 1 ||
			p->day > rk_days_in_month(p->year, p->first))) ||
	    (p->year && (p->year < 1000 || p->year > 9999)))
		abort();
}

static void round_trip(const struct rk_period *p)
{
	char buf[RK_PERIOD_TEXT], why[RK_PERIOD_REASON];
	struct rk_period q;

	if (!p->year || (rk_period_grain(p) == RK_GRAIN_NONE && !p->end_year))
		return;
	rk_period_format(p, buf);
	if (rk_period_parse(buf, strlen(buf), &q, why) != 0 ||
	    q.year != p->year || q.first != p->first || q.last != p->last ||
	    q.day != p->day || q.end_year != p->end_year)
		abort();
}

static void one(const uint8_t *data, size_t size,
		const struct rk_period_opts *o)
{
	char why[RK_PERIOD_REASON], buf[RK_PERIOD_TEXT];
	struct rk_period p, g;

	if (rk_period_parse_opts((const char *)data, size, o, &p, why) != 0) {
		if (!why[0] || strlen(why) >= RK_PERIOD_REASON)
			abort();
		return;
	}
	check(&p);
	rk_period_format(&p, buf);
	round_trip(&p);
	(void)rk_period_months(&p);
	if (!p.year)
		p.year = 2024;
	if (rk_period_last_day(&p) < rk_period_first_day(&p))
		abort();
	for (int k = RK_GRAIN_YEAR; k <= RK_GRAIN_DAY; k++)
		if (rk_period_to_grain(&p, (enum rk_grain)k, &g) == 0) {
			check(&g);
			if (rk_period_first_day(&g) > rk_period_first_day(&p) ||
			    rk_period_last_day(&g) < rk_period_last_day(&p))
				abort();
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct rk_period_opts april = { 4 };

	one(data, size, NULL);
	one(data, size, &april);
	return 0;
}
