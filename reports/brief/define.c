/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What each source counts (issue 20 item 2): the definitions the config
 * gives per source and indicator, side by side on the front page, and a
 * sentence for each compared pair whose unit or date basis differ, so that
 * a gap that may come from the definitions is not read as one of
 * counting.
 */
#include <stdio.h>
#include <string.h>

#include "define.h"
#include "findings.h"
#include "labels.h"
#include "layout.h"
#include "wording.h"

/* "unit.complaint" in lang; "" when word is NULL. */
static const char *word(const char *lang, const char *kind, const char *w)
{
	return w ? brief_word(lang, kind, w) : "";
}

static size_t add(char *buf, size_t size, size_t len, const char *lang,
		  const char *key, const char *text)
{
	if (!text || !*text || len >= size)
		return len;
	len += (size_t)snprintf(buf + len, size - len, "%s",
				len ? " " : "");
	if (len < size)
		len += (size_t)snprintf(buf + len, size - len,
					brief_t(lang, key), text);
	return len;
}

static void definition_para(struct brief_page *pg,
			    const struct rk_definition *d)
{
	const char *lang = pg->lang;
	char buf[2048];
	size_t len = 0;

	buf[0] = '\0';
	len = add(buf, sizeof(buf), len, lang, "def.counts",
		  brief_i18n(&d->counts, lang));
	len = add(buf, sizeof(buf), len, lang, "def.unit",
		  word(lang, "unit", d->unit));
	len = add(buf, sizeof(buf), len, lang, "def.date",
		  word(lang, "date", d->date));
	len = add(buf, sizeof(buf), len, lang, "def.coverage",
		  brief_i18n(&d->coverage, lang));
	len = add(buf, sizeof(buf), len, lang, "def.legal_basis",
		  brief_i18n(&d->legal_basis, lang));
	add(buf, sizeof(buf), len, lang, "def.publication",
	    brief_i18n(&d->publication, lang));
	brief_page_para(pg, buf, NULL);
}

/* Has the indicator been seen in an earlier pair? */
static int seen(const struct brief *b, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (!strcmp(b->pair[k].indicator, b->pair[i].indicator))
			return 1;
	return 0;
}

int brief_any_definition(const struct brief *b)
{
	for (size_t i = 0; i < b->cfg->nsources; i++)
		if (b->cfg->sources[i].ndefinitions)
			return 1;
	return 0;
}

static void indicator_block(struct brief_page *pg, const char *indicator)
{
	const struct brief *b = pg->b;
	char line[512];

	for (size_t i = 0; i < b->cfg->nsources; i++) {
		const struct rk_source *s = &b->cfg->sources[i];
		const struct rk_definition *d =
			rk_source_definition(s, indicator);

		snprintf(line, sizeof(line), "%s%s%s%s — %s",
			 brief_source_name(b->labels, s->id, pg->lang),
			 *brief_kind_text(b, s->id, pg->lang) ? " (" : "",
			 brief_kind_text(b, s->id, pg->lang),
			 *brief_kind_text(b, s->id, pg->lang) ? ")" : "",
			 brief_indicator(b->labels, indicator, pg->lang));
		if (!d)
			continue;
		brief_page_line(pg, line, pg->bk->f.bold);
		definition_para(pg, d);
	}
}

void brief_definitions_block(struct brief_page *pg)
{
	const struct brief *b = pg->b;
	char line[BRIEF_SENTENCE_MAX];

	brief_page_heading(pg, brief_t(pg->lang, "def.head"));
	if (!brief_any_definition(b)) {
		brief_page_para(pg, brief_t(pg->lang, "def.none"), NULL);
		return;
	}
	for (size_t i = 0; i < b->npair; i++)
		if (!seen(b, i))
			indicator_block(pg, b->pair[i].indicator);
	if (!b->npair)
		for (size_t i = 0; i < b->cfg->nsources; i++)
			for (size_t k = 0; k < b->cfg->sources[i].ndefinitions;
			     k++)
				definition_para(pg,
					&b->cfg->sources[i].definitions[k]);
	for (size_t i = 0; i < b->npair; i++)
		if (brief_definition_note(b, &b->pair[i], pg->lang, line,
					  sizeof(line)))
			brief_page_para(pg, line, pg->bk->f.note_wrap);
}

void brief_definitions_front(struct brief_page *pg)
{
	const struct brief *b = pg->b;
	const char *lang = pg->lang, *ind;
	char buf[1536];
	size_t len;

	if (!b->npair || !brief_any_definition(b))
		return;
	ind = b->pair[0].indicator;
	len = (size_t)snprintf(buf, sizeof(buf), "%s ",
			       brief_t(lang, "front.compared"));
	for (size_t i = 0, n = 0; i < b->cfg->nsources && len < sizeof(buf);
	     i++) {
		const struct rk_source *s = &b->cfg->sources[i];
		const struct rk_definition *d = rk_source_definition(s, ind);

		if (!d || (!d->unit && !d->date))
			continue;
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s — ",
					n++ ? "; " : "",
					brief_source_short(b->labels, s->id,
							   lang));
		if (d->unit && len < sizeof(buf))
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s", word(lang, "unit",
							     d->unit),
						d->date ? ", " : "");
		if (d->date && len < sizeof(buf))
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						brief_t(lang,
							"front.compared.date"),
						word(lang, "date", d->date));
	}
	if (len < sizeof(buf))
		snprintf(buf + len, sizeof(buf) - len, ". %s",
			 brief_t(lang, "front.not_shown"));
	brief_page_para(pg, buf, NULL);
}

/* Differ in a word both give? */
static int differ(const char *x, const char *y)
{
	return x && y && strcmp(x, y) != 0;
}

int brief_definition_note(const struct brief *b, const struct brief_pair *p,
			  const char *lang, char *buf, size_t size)
{
	const struct rk_definition *a = rk_source_definition(
		rk_config_source(b->cfg, p->reference), p->indicator);
	const struct rk_definition *v = rk_source_definition(
		rk_config_source(b->cfg, p->against), p->indicator);
	const char *na = brief_source_name(b->labels, p->reference, lang);
	const char *nb = brief_source_name(b->labels, p->against, lang);

	if (!brief_any_definition(b))
		return 0;
	if (!a || !v) {
		snprintf(buf, size, brief_t(lang, "def.unknown"), nb, na,
			 a ? nb : na);
		return 1;
	}
	if (!differ(a->unit, v->unit) && !differ(a->date, v->date))
		return 0;
	snprintf(buf, size, brief_t(lang, "def.differ"), na,
		 a->unit ? word(lang, "units", a->unit) : "—",
		 a->date ? word(lang, "date", a->date) : "—", nb,
		 v->unit ? word(lang, "units", v->unit) : "—",
		 v->date ? word(lang, "date", v->date) : "—");
	return 1;
}
