/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rowcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "period.h"
#include "utf8.h"

static int digits(const char *p, int n)
{
	for (int i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return 1;
}

/* Two digits from lo to hi. */
static int two(const char *p, int lo, int hi)
{
	int v;

	if (!digits(p, 2))
		return 0;
	v = (p[0] - '0') * 10 + (p[1] - '0');
	return v >= lo && v <= hi;
}

/* A span across years: 2004-04/2005-03 (issue 18). */
static int span_period(const char *p)
{
	return digits(p, 4) && p[0] != '0' && p[4] == '-' &&
	       two(p + 5, 1, 12) && p[7] == '/' && digits(p + 8, 4) &&
	       p[12] == '-' && two(p + 13, 1, 12) && p[15] == '\0' &&
	       atoi(p + 8) > atoi(p);
}

int rowcheck_period(const char *p)
{
	size_t n = strlen(p);

	if (n == 15)
		return span_period(p);
	if (n < 4 || !digits(p, 4) || p[0] == '0')
		return 0;       /* a year from 1000 */
	if (n == 4)
		return 1;
	if (p[4] != '-')
		return 0;
	if (n == 7 && p[5] == 'S')
		return p[6] == '1' || p[6] == '2';
	if (n == 7 && p[5] == 'Q')
		return p[6] >= '1' && p[6] <= '4';
	if (n == 7)
		return two(p + 5, 1, 12);
	return n == 10 && two(p + 5, 1, 12) && p[7] == '-' &&
	       two(p + 8, 1, rk_days_in_month(atoi(p), atoi(p + 5)));
}

static int row_error(const struct tidy_row *r, const char *file,
		     struct rk_error *err, const char *what)
{
	rk_error_set(err, RK_EXIT_DATAERR, file, r->line, "%s%s%.*s%s", what,
		     r->origin[0] ? " in the row from '" : "",
		     rk_utf8_cut(r->origin, 200), r->origin,
		     r->origin[0] ? "'" : "");
	return -1;
}

int rowcheck(const struct tidy_row *r, const char *file, struct rk_error *err)
{
	char what[160];

	if (!strncmp(r->status, "source_", 7)) {
		row_error(r, file, err, "a raw row of reckon-extract (a "
			  "source's own total or note)");
		rk_error_hint(err, "normalise the file first "
				   "(reckon-normalise): it checks and leaves "
				   "such rows out");
		return -1;
	}
	if (!r->source[0]) {
		row_error(r, file, err, "no source");
		rk_error_hint(err, "every row names its source");
		return -1;
	}
	if (!r->indicator[0]) {
		row_error(r, file, err, "no indicator");
		rk_error_hint(err, "every row names its indicator (a constant "
				   "in the layout, e.g. indicator=...)");
		return -1;
	}
	if (!rowcheck_period(r->period)) {
		snprintf(what, sizeof(what), "period '%.*s' is not in tidy "
			 "form", rk_utf8_cut(r->period, 64), r->period);
		row_error(r, file, err, what);
		rk_error_hint(err, "periods look like 2024, 2024-S1, 2024-Q3, "
				   "2024-07, 2024-07-15 or a span "
				   "2004-04/2005-03: normalise the file first "
				   "(reckon-normalise)");
		return -1;
	}
	return 0;
}
