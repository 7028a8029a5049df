/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "serial.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MS_PER_DAY 86400000LL

/* Howard Hinnant's algorithms for the proleptic Gregorian calendar. */
long long serial_days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

void serial_civil_from_days(long long z, long long *y, unsigned *m, unsigned *d)
{
	long long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long long)yoe + era * 400 + (*m <= 2);
}

static void hms(long long secs, char *buf)
{
	snprintf(buf, SERIAL_MAX, "%02lld:%02lld:%02lld", secs / 3600,
		 secs / 60 % 60, secs % 60);
}

static void put_digits(char *p, unsigned v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* "YYYY-MM-DD" for years 1–9999. */
static void put_date(char *buf, unsigned y, unsigned m, unsigned d)
{
	put_digits(buf, y, 4);
	buf[4] = '-';
	put_digits(buf + 5, m, 2);
	buf[7] = '-';
	put_digits(buf + 8, d, 2);
	buf[10] = '\0';
}

int serial_date(double x, enum serial_system sys, char *buf)
{
	double day = floor(x), fraction = x - day;
	long long epoch = sys == SERIAL_1904 ? serial_days_from_civil(1904, 1, 1)
					     : serial_days_from_civil(1899, 12, 30);
	long long ms, total, secs, y, days;
	unsigned m, d;

	buf[0] = '\0';
	if (!isfinite(x) || fabs(x) > 4e6)
		return -1;            /* before any conversion: NaN has no integer */
	ms = (long long)rint(fraction * 86400.0 * 1000.0);
	if (x >= 0 && x < 1 && ms < MS_PER_DAY) {
		hms((ms + 500) / 1000, buf);          /* a time of day */
		return 0;
	}
	if (sys == SERIAL_1900 && x > 0 && x < 60)
		day += 1;
	total = (long long)day * MS_PER_DAY + ms;
	secs = total >= 0 ? (total + 500) / 1000 : -((-total + 499) / 1000);
	days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	secs -= days * 86400;
	serial_civil_from_days(epoch + days, &y, &m, &d);
	if (y < 1 || y > 9999)
		return -1;
	put_date(buf, (unsigned)y, m, d);   /* without printf: a date per cell */
	if (secs)
		snprintf(buf + 10, SERIAL_MAX - 10, "T%02lld:%02lld:%02lld",
			 secs / 3600, secs / 60 % 60, secs % 60);
	return 0;
}

int serial_duration(double x, char *buf)
{
	double a = fabs(x);
	long long us, ms, secs;

	buf[0] = '\0';
	if (!isfinite(x) || a > 1e8)
		return -1;            /* microseconds must fit a long long */
	/* as openpyxl: microseconds, cut to whole seconds plus rounded ms */
	us = (long long)rint(a * 86400e6);
	ms = us / 1000000 * 1000 + (long long)rint((double)(us % 1000000) / 1000.0);
	secs = (ms + 500) / 1000;
	if (x < 0 && secs > 0) {
		buf[0] = '-';
		hms(secs, buf + 1);
	} else {
		hms(secs, buf);
	}
	return 0;
}
