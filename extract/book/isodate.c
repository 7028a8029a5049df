/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "isodate.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "period.h"

struct stamp {
	long long y;
	unsigned mo, d, h, mi, s;
	long us;             /* microseconds, 0–999999 */
	int has_date, has_time;
};

/* Reads exactly n digits. */
static int digits(const char **p, int n, long long *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		*v = *v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return 0;
}

/* A fraction ".ddd": microseconds, truncated, at most maxd digits read. */
static long fraction(const char **p, int maxd)
{
	long us = 0, scale = 100000;
	int n = 0;

	if (**p != '.' || !isdigit((unsigned char)(*p)[1]))
		return 0;
	for ((*p)++; isdigit((unsigned char)**p) && n < maxd; (*p)++, n++) {
		us += (**p - '0') * scale;
		scale /= 10;
	}
	return us;
}

static int valid(const struct stamp *t)
{
	if (t->has_date && (t->y < 1 || t->y > 9999 || t->mo < 1 || t->mo > 12 ||
			    t->d < 1 || (int)t->d > rk_days_in_month((int)t->y, (int)t->mo)))
		return 0;
	return !t->has_time || (t->h < 24 && t->mi < 60 && t->s < 60);
}

static void hms(long long secs, char *out)
{
	const char *sign = secs < 0 ? "-" : "";

	if (secs < 0)
		secs = -secs;
	snprintf(out, SERIAL_MAX, "%s%02lld:%02lld:%02lld", sign, secs / 3600,
		 secs / 60 % 60, secs % 60);
}

/* Writes a stamp, seconds rounded half up. */
static int write_stamp(const struct stamp *t, char *out)
{
	long long secs = (long long)t->h * 3600 + t->mi * 60 + t->s +
			 (t->us >= 500000), days;
	long long y;
	unsigned m, d;

	if (!t->has_date) {
		hms(secs, out);
		return 0;
	}
	days = serial_days_from_civil(t->y, t->mo, t->d) + secs / 86400;
	secs %= 86400;
	serial_civil_from_days(days, &y, &m, &d);
	if (y > 9999)
		return -1;
	if (secs == 0)
		snprintf(out, SERIAL_MAX, "%04lld-%02u-%02u", y, m, d);
	else
		snprintf(out, SERIAL_MAX, "%04lld-%02u-%02uT%02lld:%02lld:%02lld",
			 y, m, d, secs / 3600, secs / 60 % 60, secs % 60);
	return 0;
}

/* YYYY-MM-DD; exactly four year digits when exact, else four or more. */
static int date_part(const char **p, struct stamp *t, int exact)
{
	const char *q = *p;
	long long v;
	int n = 0;

	while (isdigit((unsigned char)q[n]))
		n++;
	if (n < 4 || n > 9 || (exact && n != 4))
		return -1;
	if (digits(&q, n, &t->y) < 0 || *q++ != '-' || digits(&q, 2, &v) < 0)
		return -1;
	t->mo = (unsigned)v;
	if (*q++ != '-' || digits(&q, 2, &v) < 0)
		return -1;
	t->d = (unsigned)v;
	t->has_date = 1;
	*p = q;
	return 0;
}

/* HH:MM[:SS[.f]] */
static int time_part(const char **p, struct stamp *t, int need_seconds,
		     int frac_digits)
{
	const char *q = *p;
	long long v;

	if (digits(&q, 2, &v) < 0 || *q != ':')
		return -1;
	t->h = (unsigned)v;
	q++;
	if (digits(&q, 2, &v) < 0)
		return -1;
	t->mi = (unsigned)v;
	if (*q == ':' && isdigit((unsigned char)q[1])) {
		q++;
		if (digits(&q, 2, &v) < 0)
			return -1;
		t->s = (unsigned)v;
		t->us = fraction(&q, frac_digits);
	} else if (need_seconds) {
		return -1;
	}
	t->has_time = 1;
	*p = q;
	return 0;
}

/* Whether s starts with n digits (stops at the NUL). */
static int lead_digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* openpyxl: PT[nH][nM][n[.ddd]S], matched at the start. */
static int xlsx_duration(const char *s, char *out)
{
	double parts[3] = { 0, 0, 0 };
	const char *p = s + 2;
	int any = 0;

	if (strncmp(s, "PT", 2) != 0)
		return -1;
	for (int k = 0; k < 3; k++) {
		const char *q = p;
		double v = 0, scale = 0.1;

		while (isdigit((unsigned char)*q))
			v = v * 10 + (*q++ - '0');
		if (k == 2 && *q == '.' && isdigit((unsigned char)q[1]))
			for (q++; isdigit((unsigned char)*q); q++, scale /= 10)
				v += (*q - '0') * scale;
		if (q > p && *q == "HMS"[k]) {
			parts[k] = v;
			p = q + 1;
			any = 1;
		}
	}
	if (!any)
		return -1;
	{
		double total = parts[0] * 3600 + parts[1] * 60 + parts[2];
		long long us = (long long)(total * 1e6 + 0.5);

		hms((us + 500000) / 1000000, out);
	}
	return 0;
}

int isodate_xlsx(const char *s, char *out)
{
	struct stamp t = { 0 };
	const char *p = s;

	out[0] = '\0';
	if (lead_digits(p, 4) && p[4] == '-' && date_part(&p, &t, 1) < 0)
		return -1;
	if (*p == 'T')
		p++;
	if (lead_digits(p, 2) && p[2] == ':')
		if (time_part(&p, &t, 0, 3) < 0)
			return -1;
	if (!t.has_date && !t.has_time)
		return xlsx_duration(s, out);
	if (!valid(&t))
		return -1;
	return write_stamp(&t, out);
}

int isodate_ods_date(const char *s, char *out)
{
	struct stamp t = { 0 };
	const char *p = s;

	out[0] = '\0';
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || date_part(&p, &t, 0) < 0)
		return -1;
	if (*p == 'T' && (p++, time_part(&p, &t, 1, 6) < 0))
		return -1;
	if (t.has_time && *p == '.')
		while (isdigit((unsigned char)*++p))
			;
	if (*p == 'Z')
		p++;
	else if ((*p == '+' || *p == '-') && isdigit((unsigned char)p[1]))
		p += 6;
	while (isspace((unsigned char)*p))
		p++;
	if (*p || !valid(&t))
		return -1;
	return write_stamp(&t, out);
}

static int number(const char **p, long long *v)
{
	const char *q = *p;

	*v = 0;
	if (!isdigit((unsigned char)*q))
		return 0;
	while (isdigit((unsigned char)*q)) {
		if (*v > 100000000000LL)
			return -1;
		*v = *v * 10 + (*q++ - '0');
	}
	*p = q;
	return 1;
}

int isodate_ods_time(const char *s, char *out)
{
	const char *p = s;
	long long d = 0, h = 0, mi = 0, sec = 0, v, us = 0, total;
	int neg = 0, got;

	out[0] = '\0';
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-')
		neg = 1, p++;
	if (*p++ != 'P')
		return -1;
	if ((got = number(&p, &v)) < 0 || (got && *p++ != 'D'))
		return -1;
	d = got ? v : 0;
	if (*p == 'T') {
		p++;
		if ((got = number(&p, &v)) < 0)
			return -1;
		if (got && *p == 'H')
			h = v, p++, got = number(&p, &v);
		if (got < 0)
			return -1;
		if (got && *p == 'M')
			mi = v, p++, got = number(&p, &v);
		if (got < 0)
			return -1;
		if (got && (*p == 'S' || *p == '.')) {
			sec = v;
			if (*p == '.') {
				us = fraction(&p, 6);
				while (isdigit((unsigned char)*p))
					p++;
				if (*p == '.')
					p++;
			}
			if (*p++ != 'S')
				return -1;
		} else if (got) {
			return -1;
		}
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p)
		return -1;
	total = ((d * 24 + h) * 60 + mi) * 60 + sec;
	total += us >= 500000;
	hms(neg ? -total : total, out);
	return 0;
}
