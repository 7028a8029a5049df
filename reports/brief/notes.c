/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The notes reckon-compare writes in summary.csv are English; the Russian
 * sheets showed them so (issue 20 item 3).  Each known part is put in the
 * reader's words here, its numbers and names kept.
 */
#include "notes.h"

#include <stdio.h>
#include <string.h>

#include "labels.h"
#include "layout.h"
#include "wording.h"

/* The parts that are fixed text: English, then the key of their words. */
static const struct {
	const char *en, *key;
} fixed[] = {
	{ "no cell has values on both sides", "note.no_pairs" },
	{ "a constant series: correlations and ccc undefined",
	  "note.constant" },
	{ "identical values: ccc 1 without an interval", "note.identical" },
	{ "one cell compared: no correlation or ccc", "note.one_cell" },
	{ "fewer than 3 cells compared: no ccc interval", "note.few_cells" },
	{ "a zero in every cell: no bland-altman", "note.all_zero_ba" },
	{ "one positive pair: no limits of agreement", "note.one_pair" },
	{ "every compared cell is 0 vs 0", "note.all_zero" },
	{ "the totals include them and are not tested", "note.totals_qualified" },
	{ "a stock (a count on a date): no date with figures from both, so no "
	  "totals", "note.stock_none" },
};

/* "sex and age" as dimension names in lang. */
static void dims(const char *lang, const char *s, char *buf, size_t size)
{
	char one[64], name[64];
	size_t len = 0;

	buf[0] = '\0';
	while (*s && len < size) {
		const char *and = strstr(s, " and ");
		size_t n = and ? (size_t)(and - s) : strlen(s);

		snprintf(one, sizeof(one), "%.*s", (int)n, s);
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? ", " : "",
					brief_dim_name(lang, one, name,
						       sizeof(name)));
		s += n + (and ? 5 : 0);
	}
}

/* One part in lang into out; 0 when it is not one it knows. */
static int part(const struct brief *b, const char *lang, const char *p,
		char *out, size_t size)
{
	char a[256], c[256], d[256];
	size_t n;

	for (size_t i = 0; i < sizeof(fixed) / sizeof(*fixed); i++)
		if (!strcmp(p, fixed[i].en)) {
			snprintf(out, size, "%s", brief_t(lang, fixed[i].key));
			return 1;
		}
	if (sscanf(p, "no rows of %255s", a) == 1) {
		const char *gen = brief_source_case(b->labels, a, lang, 'g');

		snprintf(out, size,
			 brief_t(lang, gen ? "note.no_rows.case"
					   : "note.no_rows"),
			 gen ? gen : brief_source_name(b->labels, a, lang));
		return 1;
	}
	if (sscanf(p, "%zu period(s) of %255s not broken down by %255[^\n]",
		   &n, a, c) == 3) {
		dims(lang, c, d, sizeof(d));
		snprintf(out, size, brief_t(lang, "note.coarse_periods"),
			 brief_source_name(b->labels, a, lang), d, n);
		return 1;
	}
	/* sscanf counts conversions, not the text after them: strstr first */
	if (strstr(p, " cell(s) not whole counts") &&
	    sscanf(p, "%zu", &n) == 1) {
		snprintf(out, size, brief_t(lang, "note.not_whole"), n);
		return 1;
	}
	if (strstr(p, " cell(s) not complete counts") &&
	    sscanf(p, "%zu", &n) == 1) {
		snprintf(out, size, brief_t(lang, "note.qualified"), n);
		return 1;
	}
	if (strstr(p, " cell(s) with a zero left out of bland-altman") &&
	    sscanf(p, "%zu", &n) == 1) {
		snprintf(out, size, brief_t(lang, "note.zero_ba"), n);
		return 1;
	}
	if (sscanf(p, "a stock (a count on a date): totals and distribution "
		      "are on %255[^,]", a) == 1) {
		snprintf(out, size, brief_t(lang, "note.stock_on"),
			 brief_period(lang, a, c, sizeof(c)));
		return 1;
	}
	{
		const char *of = strstr(p, " summed out of ");

		if (of) {
			const char *gen = brief_source_case(b->labels, of + 15,
							    lang, 'g');

			snprintf(c, sizeof(c), "%.*s", (int)(of - p), p);
			dims(lang, c, d, sizeof(d));
			snprintf(out, size,
				 brief_t(lang, gen ? "note.summed_out.case"
						   : "note.summed_out"), d,
				 gen ? gen
				     : brief_source_name(b->labels, of + 15,
							 lang));
			return 1;
		}
	}
	return 0;
}

const char *brief_summary_note(const struct brief *b, const char *lang,
			       const char *note, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	if (!strcmp(lang, "en")) {
		snprintf(buf, size, "%s", note);
		return buf;
	}
	while (*note && len < size) {
		size_t n = strcspn(note, ";");
		char p[512], out[512];

		snprintf(p, sizeof(p), "%.*s", (int)n, note);
		if (!part(b, lang, p, out, sizeof(out)))
			snprintf(out, sizeof(out), "%s", p);
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? "; " : "", out);
		note += n;
		while (*note == ';' || *note == ' ')
			note++;
	}
	if (len >= size) {          /* cut short: not inside a character */
		len = strlen(buf);
		while (len && ((unsigned char)buf[len - 1] & 0xC0) == 0x80)
			len--;
		if (len && ((unsigned char)buf[len - 1] & 0xC0) == 0xC0)
			len--;
		buf[len] = '\0';
	}
	return buf;
}
