/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "docprops.h"

#include <ctype.h>
#include <string.h>
#include <time.h>

#include "period.h"
#include "serial.h"

#define STAMP_MAX 64          /* longer text is no date-time */

/* Exactly n digits at *p, moved past them. */
static int digits(const char **p, const char *end, int n, long *v)
{
	*v = 0;
	if (end - *p < n)
		return -1;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		*v = *v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return 0;
}

/* c at *p, moved past it. */
static int next_is(const char **p, const char *end, char c)
{
	if (*p >= end || **p != c)
		return 0;
	(*p)++;
	return 1;
}

/* +hh:mm, -hh:mm or Z: *offset the seconds east of UTC. */
static int zone(const char **p, const char *end, long *offset)
{
	long h, m;
	int sign;

	if (next_is(p, end, 'Z')) {
		*offset = 0;
		return 0;
	}
	if (*p >= end || (**p != '+' && **p != '-'))
		return -1;
	sign = **p == '-' ? -1 : 1;
	(*p)++;
	if (digits(p, end, 2, &h) < 0 || !next_is(p, end, ':') ||
	    digits(p, end, 2, &m) < 0 || m > 59 || h * 60 + m > 14 * 60)
		return -1;
	*offset = sign * (h * 3600 + m * 60);
	return 0;
}

/* Seconds since the epoch of a local time; -1 when mktime cannot say. */
static int local_time(const struct tm *when, long long *t)
{
	struct tm tm = *when;
	time_t v;

	tm.tm_isdst = -1;
	if ((v = mktime(&tm)) == (time_t)-1)
		return -1;
	*t = (long long)v;
	return 0;
}

/* hh:mm[:ss[.s...]] after the T. */
static int clock_time(const char **p, const char *end, long *h, long *mi,
		      long *sec)
{
	if (digits(p, end, 2, h) < 0 || !next_is(p, end, ':') ||
	    digits(p, end, 2, mi) < 0 || *h > 23 || *mi > 59)
		return -1;
	if (next_is(p, end, ':') &&
	    (digits(p, end, 2, sec) < 0 || *sec > 60))
		return -1;
	if (*sec == 60)                 /* a leap second: the one before */
		*sec = 59;
	if (next_is(p, end, '.')) {
		if (*p >= end || !isdigit((unsigned char)**p))
			return -1;
		while (*p < end && isdigit((unsigned char)**p))
			(*p)++;
	}
	return 0;
}

int docprops_time(const char *s, size_t len, long long *t)
{
	const char *p = s, *end = s + len;
	long y, mo = 1, d = 1, h = 0, mi = 0, sec = 0, offset = 0;
	int zoned = 1;

	while (p < end && isspace((unsigned char)*p))
		p++;
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	if (digits(&p, end, 4, &y) < 0 || y < 1)
		return -1;
	if (next_is(&p, end, '-')) {
		if (digits(&p, end, 2, &mo) < 0 || mo < 1 || mo > 12)
			return -1;
		if (next_is(&p, end, '-')) {
			if (digits(&p, end, 2, &d) < 0 || d < 1 ||
			    d > rk_days_in_month((int)y, (int)mo))
				return -1;
			if (next_is(&p, end, 'T')) {   /* only after a day */
				if (clock_time(&p, end, &h, &mi, &sec) < 0)
					return -1;
				zoned = p < end;
				if (zoned && zone(&p, end, &offset) < 0)
					return -1;
			}
		}
	}
	if (p != end)
		return -1;
	if (!zoned)
		return local_time(&(struct tm){ .tm_year = (int)(y - 1900),
			.tm_mon = (int)(mo - 1), .tm_mday = (int)d,
			.tm_hour = (int)h, .tm_min = (int)mi,
			.tm_sec = (int)sec }, t);
	*t = serial_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 +
	     h * 3600 + mi * 60 + sec - offset;
	return 0;
}

/* What the parse of one part gathers. */
struct reader {
	struct xmlzip_user u;        /* first: the handlers' userData */
	const char *name[2];         /* created, modified */
	int in;                      /* which is open: 0, 1, or -1 */
	int found[2];
	char text[2][STAMP_MAX + 1];
	size_t len[2];
};

static void XMLCALL on_start(void *data, const XML_Char *name,
			     const XML_Char **atts)
{
	struct reader *R = data;

	(void)atts;
	for (int k = 0; k < 2; k++)
		if (!R->found[k] && R->in < 0 && !strcmp(name, R->name[k])) {
			R->in = k;
			R->len[k] = 0;
		}
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct reader *R = data;
	size_t room;

	if (R->in < 0)
		return;
	room = STAMP_MAX + 1 - R->len[R->in];    /* one over: too long */
	if ((size_t)len > room)
		len = (int)room;
	memcpy(R->text[R->in] + R->len[R->in], s, (size_t)len);
	R->len[R->in] += (size_t)len;
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct reader *R = data;

	(void)name;
	if (R->in < 0)
		return;
	R->found[R->in] = 1;
	R->in = -1;
	if (R->found[0] && R->found[1])   /* nothing more to read */
		XML_StopParser(R->u.parser, XML_TRUE);
}

int docprops_read(struct xmlzip *z, long idx, const char *created,
		  const char *modified, struct book_props *out,
		  struct rk_error *err)
{
	struct reader R = { .name = { created, modified }, .in = -1 };
	struct rk_error perr = { 0 };
	struct xmlzip_part *p = NULL;
	int rc = 0;

	*out = (struct book_props){ 0 };
	if (idx < 0)
		return 0;
	if (xmlzip_parser(&R.u, &perr) < 0)
		goto out;
	XML_SetElementHandler(R.u.parser, on_start, on_end);
	XML_SetCharacterDataHandler(R.u.parser, on_text);
	if (!(p = xmlzip_part_open(z, idx, &perr)) ||
	    xmlzip_parse(p, &R.u) < 0)
		goto out;
	/* an element nested in a matched one ends it early: its text is
	   then what came before, and no date-time unless that is one */
	out->has_created = R.found[0] && R.len[0] <= STAMP_MAX &&
			   docprops_time(R.text[0], R.len[0],
					 &out->created) == 0;
	out->has_modified = R.found[1] && R.len[1] <= STAMP_MAX &&
			    docprops_time(R.text[1], R.len[1],
					  &out->modified) == 0;
out:
	/* a damaged part says nothing; only running out of memory fails */
	if (perr.code == RK_EXIT_SOFTWARE) {
		*err = perr;
		rc = -1;
	}
	xmlzip_part_close(p);
	if (R.u.parser)
		XML_ParserFree(R.u.parser);
	return rc;
}
