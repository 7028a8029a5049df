/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The data-status line and "what this brief does not show" of the front
 * page (issue 20 item 1).  A run that did not finish cleanly must not look
 * final: the line says PROVISIONAL with what is unresolved (figures the
 * sources call provisional, incomplete or estimated; labels not matched
 * to a code; rows rejected; the sources' own totals that are not the sum of
 * their parts), or that every figure is final.
 */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "sheets.h"
#include "status.h"
#include "wording.h"

#define LISTED 4        /* source-period pairs named; the rest counted */

static int unfinished(const char *st)
{
	return !strcmp(st, "provisional") || !strcmp(st, "incomplete") ||
	       !strcmp(st, "estimated");
}

struct unresolved {
	size_t figures, labels, rejected, totals;
	size_t forms;               /* expected organisations' forms missing */
	char missing[512];          /* "Coalition: kmc, ippt; ..." */
	char what[640];             /* "Prosecutor General's Office: provisional
				       Q3 2024; ..." */
	size_t listed, more;
};

/* Adds "source: status period" once; counts what is not listed. */
static void name_figure(const struct brief *b, const char *lang,
			const char *source, const char *st, const char *period,
			struct unresolved *u)
{
	char one[256], key[64], per[64];
	size_t len = strlen(u->what);

	snprintf(key, sizeof(key), "status.%s", st);
	snprintf(one, sizeof(one), "%s: %s %s",
		 brief_source_name(b->labels, source, lang), brief_t(lang, key),
		 brief_period(lang, period, per, sizeof(per)));
	if (strstr(u->what, one))
		return;
	if (u->listed == LISTED) {
		u->more++;
		return;
	}
	snprintf(u->what + len, sizeof(u->what) - len, "%s%s",
		 len ? "; " : "", one);
	u->listed++;
}

/* The organisations whose form did not come, by source, into u:
 * "Coalition against torture: kmc, ippt". */
static void missing_forms(const struct brief *b, const char *lang,
			  const struct brief_table *t, struct unresolved *u)
{
	const char *last = NULL;

	for (size_t r = 0; r < t->nrows; r++) {
		const char *src = brief_table_str(t, r, "source");
		size_t len = strlen(u->missing);

		if (strcmp(brief_table_str(t, r, "status"), "missing"))
			continue;
		u->forms++;
		if (!last || strcmp(last, src))
			snprintf(u->missing + len, sizeof(u->missing) - len,
				 "%s%s: %s", len ? "; " : "",
				 brief_source_name(b->labels, src, lang),
				 brief_table_str(t, r, "organisation"));
		else
			snprintf(u->missing + len, sizeof(u->missing) - len,
				 ", %s", brief_table_str(t, r, "organisation"));
		last = src;
	}
}

static void count(const struct brief *b, const char *lang,
		  struct unresolved *u)
{
	const struct brief_table *t = &b->rejects;

	memset(u, 0, sizeof(*u));
	for (size_t k = 0; k < b->ndata; k++)
		for (size_t r = 0; r < b->data[k].nrows; r++) {
			const char *st = brief_table_str(&b->data[k], r,
							 "status");

			if (!unfinished(st))
				continue;
			u->figures++;
			name_figure(b, lang,
				    brief_table_str(&b->data[k], r, "source"),
				    st, brief_table_str(&b->data[k], r,
							"period"), u);
		}
	u->labels = b->unmapped.nrows;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *check = brief_table_str(t, r, "check");
		size_t n = t->count ? t->count[r] : 1;

		if (!strcmp(check, "source_total"))
			u->totals += n;
		else if (strncmp(check, "source_", 7) != 0)
			u->rejected += n;
	}
	for (size_t k = 0; k < b->nforms; k++)
		missing_forms(b, lang, &b->forms[k], u);
}

static size_t part(char *buf, size_t size, size_t len, const char *text)
{
	if (len < size)
		len += (size_t)snprintf(buf + len, size - len, " %s", text);
	return len;
}

int brief_data_final(const struct brief *b)
{
	struct unresolved u;

	if (!b->ndata)
		return -1;           /* made without the data: not known */
	count(b, "en", &u);
	return !u.figures && !u.labels && !u.rejected && !u.totals &&
	       !u.forms;
}

void brief_status_block(struct brief_page *pg)
{
	const char *lang = pg->lang;
	struct unresolved u;
	char buf[2048], one[1024];
	size_t len;

	if (pg->b->data_final < 0) {
		brief_page_para(pg, brief_t(lang, "status.unchecked"),
				pg->bk->f.label);
		return;
	}
	count(pg->b, lang, &u);
	if (!u.figures && !u.labels && !u.rejected && !u.totals && !u.forms) {
		brief_page_para(pg, brief_t(lang, "status.final"),
				pg->bk->f.label);
		return;
	}
	len = (size_t)snprintf(buf, sizeof(buf), "%s",
			       brief_t(lang, "status.provisional_head"));
	if (u.figures) {
		snprintf(one, sizeof(one), brief_t(lang, "status.figures"),
			 u.figures, u.what);
		len = part(buf, sizeof(buf), len, one);
		if (u.more) {
			snprintf(one, sizeof(one),
				 brief_t(lang, "status.more"), u.more);
			len = part(buf, sizeof(buf), len, one);
		}
	}
	if (u.forms) {
		snprintf(one, sizeof(one), brief_t(lang, "status.forms"),
			 u.forms, u.missing);
		len = part(buf, sizeof(buf), len, one);
	}
	if (u.labels) {
		snprintf(one, sizeof(one), brief_t(lang, "status.labels"),
			 u.labels);
		len = part(buf, sizeof(buf), len, one);
	}
	if (u.rejected) {
		snprintf(one, sizeof(one), brief_t(lang, "status.rejected"),
			 u.rejected);
		len = part(buf, sizeof(buf), len, one);
	}
	if (u.totals) {
		snprintf(one, sizeof(one), brief_t(lang, "status.totals"),
			 u.totals);
		len = part(buf, sizeof(buf), len, one);
	}
	part(buf, sizeof(buf), len, brief_t(lang, "status.see"));
	brief_page_para(pg, buf, pg->bk->f.label);
}

void brief_not_shown_block(struct brief_page *pg)
{
	brief_page_heading(pg, brief_t(pg->lang, "not_shown.head"));
	brief_page_para(pg, brief_t(pg->lang, "not_shown"), NULL);
}
