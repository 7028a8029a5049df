/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Methodology sheet: each measure in plain words, the p-value
 * convention, the interval method, the suppression rule as applied, and
 * the codes of the code lists with their labels.
 */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "sheets.h"
#include "wording.h"

static const char *const sections[] = {
	"method.alignment", "method.zero", "method.diff", "method.sym_pct",
	"method.ratio", "method.totals", "method.p", "method.q", "method.flags",
	"method.agreement", "method.ba", "method.errors",
	"method.distribution", "method.trend", "method.mse",
};

static void section(struct brief_page *pg, const char *key)
{
	char head[96];

	snprintf(head, sizeof(head), "%s.head", key);
	brief_page_heading(pg, brief_t(pg->lang, head));
	brief_page_para(pg, brief_t(pg->lang, key), NULL);
}

void brief_internal_note(struct brief_page *pg)
{
	char text[1024];

	if (pg->b->internal > 0)
		snprintf(text, sizeof(text), brief_t(pg->lang, "internal.note"),
			 pg->b->internal - 1);
	else
		snprintf(text, sizeof(text), "%s",
			 brief_t(pg->lang, "internal.note.none"));
	brief_page_para(pg, text, pg->bk->f.bold);
}

/* The names of the sources that have (or have not) published their
 * figures, "a, b"; "None." when there are none. */
static void sources_named(const struct brief *b, const char *lang,
			  int published, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < b->cfg->nsources && len < size; i++) {
		const struct rk_source *s = &b->cfg->sources[i];

		if (!s->published != !published)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? ", " : "",
					brief_source_name(b->labels, s->id,
							  lang));
	}
	if (!len)
		snprintf(buf, size, "%s", brief_t(lang, "sources.none"));
}

static void suppression(struct brief_page *pg)
{
	const struct brief *b = pg->b;
	char text[3072], pub[1024], prot[1024];

	brief_page_heading(pg, brief_t(pg->lang, "method.suppression.head"));
	if (b->internal) {
		brief_internal_note(pg);
		return;
	}
	if (b->k == 0 && b->rounding == 0) {
		brief_page_para(pg, brief_t(pg->lang, "method.suppression.off"),
				NULL);
		return;
	}
	sources_named(b, pg->lang, 1, pub, sizeof(pub));
	sources_named(b, pg->lang, 0, prot, sizeof(prot));
	snprintf(text, sizeof(text), brief_t(pg->lang, "method.threat"), pub,
		 prot);
	brief_page_para(pg, text, NULL);
	if (b->rounding) {
		snprintf(text, sizeof(text),
			 brief_t(pg->lang, "method.rounding"), b->rounding,
			 b->rounding - 1, b->rounding - 1, b->rounded.nrows,
			 b->rounding);
		brief_page_para(pg, text, NULL);
		return;
	}
	snprintf(text, sizeof(text), brief_t(pg->lang, "method.suppression"),
		 b->k - 1, b->k, b->nsmall, b->nhidden);
	brief_page_para(pg, text, NULL);
	if (b->audited) {
		snprintf(text, sizeof(text), brief_t(pg->lang, "method.audit"),
			 b->audited, b->k, b->k - 1, b->k - 1);
		brief_page_para(pg, text, NULL);
	}
}

static void codes(struct brief_page *pg)
{
	static const char *const head[] = { "col.code", "col.label" };
	const struct brief *b = pg->b;
	char name[64], line[256];

	for (size_t d = 0; d < b->ndims; d++) {
		size_t n = brief_labels_ncodes(b->labels, d);

		if (n == 0)
			continue;
		snprintf(line, sizeof(line), brief_t(pg->lang, "method.codes"),
			 brief_dim_name(pg->lang, b->dims[d], name,
					sizeof(name)));
		brief_page_heading(pg, line);
		brief_page_header(pg, head, 2, 0);
		for (size_t i = 0; i < n; i++) {
			const char *code = brief_labels_code(b->labels, d, i);

			brief_put_str(pg->ws, pg->row, 0, code, pg->bk->f.code);
			brief_put_str(pg->ws, pg->row, 1,
				      brief_label(b->labels, d, code, pg->lang),
				      pg->bk->f.text);
			pg->row++;
		}
	}
}

int brief_write_method(struct brief_book *bk, const struct brief *b,
		       const char *lang, struct rk_error *err)
{
	struct brief_page pg;

	if (brief_page_open(&pg, bk, b, lang, brief_t(lang, "sheet.method"), 5,
			    err) < 0)
		return -1;
	brief_page_cols(&pg, 0, 0, 20);
	brief_page_cols(&pg, 1, 5, 24);
	brief_page_line(&pg, brief_t(lang, "method.title"), bk->f.title);
	brief_page_para(&pg, brief_t(lang, "method.intro"), NULL);
	for (size_t i = 0; i < sizeof(sections) / sizeof(*sections); i++)
		/* capture-recapture only when the brief has estimates */
		if (strcmp(sections[i], "method.mse") || b->mse.nrows)
			section(&pg, sections[i]);
	suppression(&pg);
	codes(&pg);
	brief_page_finish(&pg);
	return 0;
}
