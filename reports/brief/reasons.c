/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * reckon-normalise's reasons for a rejected or flagged row (rejects.csv,
 * English, for the analyst) in the reader's language on the Data quality
 * sheet (issue 20 item 3).  Each shape reckon-normalise writes is matched
 * against a pattern; its parts (the labels, numbers and periods it quotes)
 * go into the text reason.<name> of the sheet's language, which names them
 * with {1}, {2}… ({1d}: a dimension, by its name).  The advice to the
 * analyst that ends some reasons ("set cumulative: true on the source")
 * is left to rejects.csv.  A reason of no known shape is shown as written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "reasons.h"
#include "wording.h"

#define CAPS 8
#define CAP 256

/* In the order tried: a more specific shape before a more general one. */
static const struct shape {
	const char *pattern, *key;
} shapes[] = {
	{ "cannot read period '%s': %s", "reason.period_unread" },
	{ "period '%s' has no year: %s", "reason.period_no_year" },
	{ "period '%s' (%s) runs across years%s", "reason.period_across" },
	{ "period '%s' is a day; %s", "reason.period_day" },
	{ "period '%s' (%s) does not fit in one %s, the pipeline's grain%s",
	  "reason.period_grain" },
	{ "period '%s' (%s) is not a year, %s", "reason.period_odd" },
	{ "indicator '%s' is not in %s", "reason.indicator_unmapped" },
	{ "%s '%s' is not in %s", "reason.unmapped" },
	{ "value %s is above the maximum %s", "reason.maximum" },
	{ "value %s is negative", "reason.negative" },
	{ "value '%s': %s", "reason.value" },
	{ "the known parts over %s sum to %s, more than the total %s "
	  "(tolerance %s)", "reason.parts_known" },
	{ "the parts over %s sum to %s, not the total %s (tolerance %s)",
	  "reason.parts" },
	{ "%s '%s' is %s, but the %s part of it present sum to %s: %s",
	  "reason.hierarchy" },
	{ "%s '%s' is %s, but the %s parts of it present sum to %s: %s",
	  "reason.hierarchy" },
	{ "the year-to-date figure fell from %s (%s) to %s (%s)",
	  "reason.ytd_fell" },
	{ "year-to-date %s minus %s leaves %s, which is not one %s",
	  "reason.ytd_gap" },
	{ "year-to-date %s is the first figure of its year, and %s is not one "
	  "%s: the earlier figures are missing", "reason.ytd_first" },
	{ "%s: %s of the %s rows summed have no value (missing or "
	  "suppressed); the value is the sum of the others",
	  "reason.rows_without_value" },
	{ "stock in %s has rows for %s and for %s: %s", "reason.stock" },
	{ "%s sums rows for the whole of a period and rows for its parts%s",
	  "reason.overlap" },
	{ "%s has figures for %s only: %s missing", "reason.months_missing" },
};

struct caps {
	char text[CAPS][CAP];
	int n;
	long steps;          /* tries left: a reason made to make the search
				try every split gives up, shown as written */
};

/*
 * Does text match pat from here?  A %s takes the shortest text (one
 * character or more) after which the rest matches; what it took goes to
 * c->text[i].
 */
static int match(const char *pat, const char *text, struct caps *c, int i)
{
	if (--c->steps < 0)
		return 0;
	while (*pat && !(pat[0] == '%' && pat[1] == 's')) {
		if (*pat++ != *text++)
			return 0;
	}
	if (!*pat)
		return !*text;
	if (i == CAPS)
		return 0;
	pat += 2;
	for (size_t len = 1; text[len - 1]; len++) {
		/* the next literal character must follow: prune early */
		if (*pat && *pat != '%' && text[len] != *pat)
			continue;
		if (len < CAP && match(pat, text + len, c, i + 1)) {
			snprintf(c->text[i], CAP, "%.*s", (int)len, text);
			if (i + 1 > c->n)
				c->n = i + 1;
			return 1;
		}
	}
	return 0;
}

/* text, a period or a list of them ("2024-01, 2024-02"), each written
 * for people, at buf + len; returns the new length (at most size - 1). */
static size_t periods(const char *lang, const char *text, char *buf,
		      size_t size, size_t len)
{
	for (const char *s = text; *s && len + 1 < size;) {
		const char *comma = strstr(s, ", ");
		size_t n = comma ? (size_t)(comma - s) : strlen(s);
		char one[CAP], word[CAP];

		snprintf(one, sizeof(one), "%.*s", (int)n, s);
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					s == text ? "" : ", ",
					brief_period(lang, one, word,
						     sizeof(word)));
		s += n + (comma ? 2 : 0);
	}
	return len < size ? len : size - 1;
}

/* template with {N} (capture N, a period written for people) and {Nd} (a
 * dimension's name) filled in, into buf. */
static void fill(const char *lang, const char *template,
		 const struct caps *c, char *buf, size_t size)
{
	size_t len = 0;

	for (const char *p = template; *p && len + 1 < size;) {
		char *end;
		long k;

		if (*p == '{' && (k = strtol(p + 1, &end, 10)) >= 1 &&
		    k <= c->n && (*end == '}' || (end[0] == 'd' &&
						  end[1] == '}'))) {
			char word[CAP];

			if (end[0] == 'd')
				len += (size_t)snprintf(buf + len, size - len,
					"%s", brief_dim_name(lang,
						c->text[k - 1], word,
						sizeof(word)));
			else
				len = periods(lang, c->text[k - 1], buf, size,
					      len);
			p = end + (end[0] == 'd' ? 2 : 1);
			continue;
		}
		buf[len++] = *p++;
		buf[len] = '\0';
	}
	if (len >= size)
		len = size - 1;
	buf[len] = '\0';
}

const char *brief_reason(const char *lang, const char *reason, char *buf,
			 size_t size)
{
	struct caps c;

	if (strcmp(lang, "en") == 0 || !*reason)
		return reason;
	for (size_t i = 0; i < sizeof(shapes) / sizeof(*shapes); i++) {
		memset(&c, 0, sizeof(c));
		c.steps = 20000;
		if (match(shapes[i].pattern, reason, &c, 0)) {
			fill(lang, brief_t(lang, shapes[i].key), &c, buf, size);
			return buf;
		}
	}
	return reason;
}
