/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Estimates sheet: mse.csv, the capture-recapture estimates per
 * indicator, with a one-line reading.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "sheets.h"
#include "wording.h"

/* "101" over lists "gpo|omb|wol" → "Prosecutor ... + Coalition ..." */
static void pattern_text(const struct brief *b, const char *lang,
			 const char *lists, const char *pattern, char *buf,
			 size_t size)
{
	size_t len = 0, i = 0;
	char one[128];

	buf[0] = '\0';
	while (*lists && len < size) {
		size_t n = strcspn(lists, "|");

		snprintf(one, sizeof(one), "%.*s", (int)n, lists);
		if (!*pattern || pattern[i] == '1')
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
				len ? " + " : "",
				brief_source_name(b->labels, one, lang));
		lists += n + (lists[n] == '|');
		if (*pattern && pattern[i])
			i++;
	}
}

/* Any log-linear model (three lists or more)?  Else only Chapman's. */
static int has_models(const struct brief *b)
{
	for (size_t r = 0; r < b->mse.nrows; r++)
		if (!strcmp(brief_table_str(&b->mse, r, "kind"), "loglinear"))
			return 1;
	return 0;
}

/*
 * A log-linear model in words: "independence", or the pairs of lists it
 * lets depend on each other by the sources' names ("gpo:omb+omb:wol" →
 * "dependence: Prosecutor General's Office × Ombudsman; …").
 */
static void model_text(const struct brief *b, const char *lang,
		       const char *model, char *buf, size_t size)
{
	size_t len;

	if (strcmp(model, "independence") == 0) {
		snprintf(buf, size, "%s", brief_t(lang, "mse.model.independence"));
		return;
	}
	len = (size_t)snprintf(buf, size, "%s",
			       brief_t(lang, "mse.model.dependence"));
	for (const char *s = model; *s && len < size;) {
		size_t n = strcspn(s, "+"), colon = strcspn(s, ":");
		char one[128], two[128];

		if (colon < n) {
			snprintf(one, sizeof(one), "%.*s", (int)colon, s);
			snprintf(two, sizeof(two), "%.*s", (int)(n - colon - 1),
				 s + colon + 1);
			len += (size_t)snprintf(buf + len, size - len,
						"%s%s × %s", s == model ? "" : "; ",
						brief_source_name(b->labels, one,
								  lang),
						brief_source_name(b->labels, two,
								  lang));
		} else {
			len += (size_t)snprintf(buf + len, size - len, "%s%.*s",
						s == model ? "" : "; ", (int)n, s);
		}
		s += n;
		if (*s == '+')
			s++;
	}
}

/*
 * The total of source's table for indicator over the cells of the first
 * comparison it is in (all its cells, those the other source lacks too),
 * as the list is to be set beside it (issue 20 item 5).  0 when it is in
 * no comparison, has no figure, or when the sum could give away a count
 * the brief withholds: only a published source's figures, or a brief that
 * protects nothing, are summed.
 */
static int table_total(const struct brief *b, const char *indicator,
		       const char *source, double *total)
{
	const struct brief_table *t = &b->cells;
	const struct rk_source *s = rk_config_source(b->cfg, source);
	const char *ref = NULL, *against = NULL;
	int any = 0;

	if (!s || (!s->published && brief_protects(b)))
		return 0;
	*total = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *a = brief_table_str(t, r, "reference");
		const char *o = brief_table_str(t, r, "against");
		int side;

		if (strcmp(brief_table_str(t, r, "indicator"), indicator))
			continue;
		if (!ref && (!strcmp(a, source) || !strcmp(o, source))) {
			ref = a;
			against = o;
		}
		if (!ref || strcmp(a, ref) || strcmp(o, against))
			continue;
		side = strcmp(a, source) == 0;
		if (!isnan(brief_table_num(t, r, side ? "a" : "b"))) {
			*total += brief_table_num(t, r, side ? "a" : "b");
			any = 1;
		}
	}
	return any;
}

/* A list's count beside its source's table, after the note of row r. */
static void reconcile(const struct brief_page *pg, size_t r, char *buf,
		      size_t size)
{
	const struct brief *b = pg->b;
	const struct brief_table *t = &b->mse;
	const char *lang = pg->lang;
	double n = brief_table_num(t, r, "count"), total;
	char x[32], d[32], one[512];
	size_t len;

	snprintf(buf, size, "%s", brief_table_str(t, r, "note"));
	if (strcmp(brief_table_str(t, r, "kind"), "list") ||
	    brief_hidden(b->mse_mark[r]) || isnan(n))
		return;
	if (!table_total(b, brief_table_str(t, r, "indicator"),
			 brief_table_str(t, r, "lists"), &total))
		snprintf(one, sizeof(one), "%s",
			 brief_t(lang, "estimates.table_withheld"));
	else
		snprintf(one, sizeof(one),
			 brief_t(lang, n > total ? "estimates.table_more"
				       : n < total ? "estimates.table_fewer"
						   : "estimates.table_same"),
			 brief_num(lang, total, 0, x, sizeof(x)),
			 brief_num(lang, fabs(n - total), 0, d, sizeof(d)));
	len = strlen(buf);
	snprintf(buf + len, size - len, "%s%s", len ? "; " : "", one);
}

static void mse_row(struct brief_page *pg, size_t r, int models)
{
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	const struct brief_table *t = &b->mse;
	const char *kind = brief_table_str(t, r, "kind");
	char what[1024];
	int hide = brief_hidden(b->mse_mark[r]);
	static const char *const nums[] = { "estimate", "se", "ci_lo", "ci_hi",
					    "df", "deviance", "aic", "rank" };

	brief_put_str(pg->ws, pg->row, 0, brief_word(pg->lang, "mse", kind),
		      f->text);
	if (strcmp(kind, "loglinear") == 0 && *brief_table_str(t, r, "model"))
		model_text(b, pg->lang, brief_table_str(t, r, "model"), what,
			   sizeof(what));
	else if (strcmp(kind, "loglinear") == 0)
		snprintf(what, sizeof(what), "%s",
			 brief_table_str(t, r, "pattern"));
	else
		pattern_text(b, pg->lang, brief_table_str(t, r, "lists"),
			     strcmp(kind, "pattern") == 0
				 ? brief_table_str(t, r, "pattern") : "",
			     what, sizeof(what));
	brief_page_wrap(pg, 1, what, f->wrap);
	brief_put_count(pg->bk, pg->ws, pg->row, 2,
			brief_table_num(t, r, "count"), b->mse_mark[r], f->count);
	/* two lists fit no model: no empty columns for df, deviance, AIC */
	for (size_t i = 0; i < (models ? 8u : 4u) && !hide; i++)
		brief_put_num(pg->ws, pg->row, (lxw_col_t)(3 + i),
			      brief_table_num(t, r, nums[i]),
			      i == 5 || i == 6 ? f->stat : f->count);
	reconcile(pg, r, what, sizeof(what));
	brief_page_wrap(pg, models ? 11 : 7, what, f->indent);
	brief_page_next(pg);
}

/*
 * The front page's one sentence per indicator: the estimate of the
 * best-ranked model (three lists or more) or Chapman's (two), how many
 * cases no list holds, and the assumption it rests on; nothing when the
 * config says front_estimate: false or the estimate is withheld.
 */
void brief_estimate_sentences(struct brief_page *pg)
{
	const struct brief *b = pg->b;
	const struct brief_table *t = &b->mse;
	int models = has_models(b), said = 0;
	char lists[512], est[32], lo[32], hi[32], none[32], line[1024];

	if (!t->ncols || b->cfg->report.no_front_estimate)
		return;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *kind = brief_table_str(t, r, "kind");
		double e = brief_table_num(t, r, "estimate");
		double seen = brief_table_num(t, r, "count");

		if (models ? strcmp(kind, "loglinear") ||
				     brief_table_num(t, r, "rank") != 1
			   : strcmp(kind, "chapman"))
			continue;
		if (brief_hidden(b->mse_mark[r]) || isnan(e) || isnan(seen))
			continue;
		pattern_text(b, pg->lang, brief_table_str(t, r, "lists"), "",
			     lists, sizeof(lists));
		brief_num(pg->lang, e, 0, est, sizeof(est));
		brief_num(pg->lang, brief_table_num(t, r, "ci_lo"), 0, lo,
			  sizeof(lo));
		brief_num(pg->lang, brief_table_num(t, r, "ci_hi"), 0, hi,
			  sizeof(hi));
		brief_num(pg->lang, e - seen > 0 ? e - seen : 0, 0, none,
			  sizeof(none));
		snprintf(line, sizeof(line),
			 brief_t(pg->lang, models ? "estimates.front_models"
						  : "estimates.front_chapman"),
			 brief_indicator(b->labels,
					 brief_table_str(t, r, "indicator"),
					 pg->lang),
			 lists, est, lo, hi, none);
		if (!said++)
			brief_page_heading(pg, brief_t(pg->lang,
						       "method.mse.head"));
		brief_page_para(pg, line, NULL);
	}
}

int brief_write_estimates(struct brief_book *bk, const struct brief *b,
			  const char *lang, struct rk_error *err)
{
	static const char *const head[] = {
		"col.kind_mse", "col.lists", "col.count", "col.estimate",
		"col.se", "col.ci_lo", "col.ci_hi", "col.df", "col.deviance",
		"col.aic", "col.rank", "col.note"
	};
	static const char *const head2[] = {
		"col.kind_mse", "col.lists", "col.count", "col.estimate",
		"col.se", "col.ci_lo", "col.ci_hi", "col.note"
	};
	struct brief_page pg;
	const char *last = NULL;
	int models = has_models(b);
	lxw_col_t note = models ? 11 : 7;

	if (!b->mse.ncols)
		return 0;
	if (brief_page_open(&pg, bk, b, lang, brief_t(lang, "sheet.estimates"),
			    note, err) < 0)
		return -1;
	brief_page_cols(&pg, 0, 0, 20);
	brief_page_cols(&pg, 1, 1, 44);
	brief_page_cols(&pg, 2, note - 1, 10);
	brief_page_cols(&pg, note, note, 36);
	brief_page_line(&pg, brief_t(lang, "estimates.title"), bk->f.title);
	brief_page_para(&pg, brief_t(lang, "estimates.reading"), NULL);
	brief_page_para(&pg, brief_t(lang, models ? "estimates.loglinear"
						  : "estimates.chapman"), NULL);
	brief_page_para(&pg, brief_t(lang, "estimates.reconcile"), NULL);
	for (size_t r = 0; r < b->mse.nrows; r++) {
		const char *ind = brief_table_str(&b->mse, r, "indicator");

		if (!last || strcmp(last, ind) != 0) {
			brief_page_heading(&pg, *ind ? brief_indicator(b->labels,
								       ind, lang)
						     : brief_t(lang, "all.cases"));
			if (models)
				brief_page_header(&pg, head, 12, 0x7FC);
			else
				brief_page_header(&pg, head2, 8, 0x7C);
			worksheet_write_string(pg.ws, pg.row - 1, note,
					       brief_t(lang, "col.note"),
					       bk->f.head_indent);
			last = ind;
		}
		mse_row(&pg, r, models);
	}
	brief_page_finish(&pg);
	return 0;
}
