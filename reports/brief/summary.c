/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Summary sheet: title, period, sources, headline table, findings. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "define.h"
#include "layout.h"
#include "sheets.h"
#include "status.h"
#include "wording.h"

static double sum_num(const struct brief *b, const struct brief_pair *p,
		      const char *col)
{
	return p->summary < 0 ? NAN
			      : brief_table_num(&b->summary, (size_t)p->summary,
						col);
}

/* Whether a cells.csv flag is the status of a qualified figure. */
static int is_qualified(const char *flag)
{
	static const char *const q[] = { "provisional", "revised", "estimated",
					 "footnote", "incomplete", NULL };

	for (size_t i = 0; q[i]; i++)
		if (strcmp(flag, q[i]) == 0)
			return 1;
	return 0;
}

/*
 * The compared cells whose figures a source qualifies, and which: "provisional
 * Q3 2024" (each status and period once, in order of first sight).
 */
static void qualified_facts(const struct brief *b, const struct brief_pair *p,
			    const char *lang, struct brief_facts *f)
{
	char seen[512] = "", one[128], key[64], period[64];
	size_t len = 0;

	f->qualified = 0;
	f->qualified_what[0] = '\0';
	for (size_t i = 0; i < p->ncell; i++) {
		size_t r = p->cell[i];
		const char *flag = brief_table_str(&b->cells, r, "flag");

		if (!is_qualified(flag))
			continue;
		f->qualified++;
		snprintf(key, sizeof(key), "status.%s", flag);
		snprintf(one, sizeof(one), "%s %s", brief_t(lang, key),
			 brief_period(lang, brief_table_str(&b->cells, r,
							    "period"),
				      period, sizeof(period)));
		if (strstr(seen, one))
			continue;
		snprintf(seen + strlen(seen), sizeof(seen) - strlen(seen),
			 "%s|", one);
		len += (size_t)snprintf(f->qualified_what + len,
					len < sizeof(f->qualified_what) ?
					sizeof(f->qualified_what) - len : 0,
					"%s%s", len ? ", " : "", one);
	}
}

/* The significant cell with the largest gap whose counts are both shown. */
static void largest_gap(const struct brief *b, const struct brief_pair *p,
			const char *lang, struct brief_facts *f, char *where,
			size_t size)
{
	double best = -1;

	for (size_t i = 0; i < p->ncell; i++) {
		size_t r = p->cell[i];
		double a = brief_table_num(&b->cells, r, "a");
		double v = brief_table_num(&b->cells, r, "b");

		if (strcmp(brief_table_str(&b->cells, r, "flag"),
			   "significant") != 0 ||
		    brief_hidden(b->cell_a[r]) || brief_hidden(b->cell_b[r]) ||
		    fabs(v - a) <= best)
			continue;
		best = fabs(v - a);
		f->gap_a = a;
		f->gap_b = v;
		f->gap_row = r;
		brief_cell_where(b, r, p->dims, lang, where, size);
		f->gap_where = where;
	}
}

static void trend_facts(const struct brief *b, const struct brief_pair *p,
			struct brief_facts *f)
{
	for (size_t i = 0; i < p->ntrend; i++) {
		size_t r = p->trend[i];

		if (strcmp(brief_table_str(&b->trend, r, "term"),
			   "interaction") != 0)
			continue;
		f->trend = brief_table_num(&b->trend, r, "estimate");
		f->trend_lo = brief_table_num(&b->trend, r, "ci_lo");
		f->trend_hi = brief_table_num(&b->trend, r, "ci_hi");
		f->trend_p = brief_table_num(&b->trend, r, "p_value");
		f->periods = brief_table_num(&b->trend, r, "periods");
		f->per = brief_table_str(&b->trend, r, "per");
	}
}

void brief_pair_facts(const struct brief *b, const struct brief_pair *p,
		      const char *lang, struct brief_facts *f, char *where,
		      size_t size)
{
	static char dim[64], low[64];

	memset(f, 0, sizeof(*f));
	f->lang = lang;
	f->indicator = brief_indicator(b->labels, p->indicator, lang);
	f->a = brief_source_name(b->labels, p->reference, lang);
	f->b = brief_source_name(b->labels, p->against, lang);
	f->a_gen = brief_source_case(b->labels, p->reference, lang, 'g');
	f->b_gen = brief_source_case(b->labels, p->against, lang, 'g');
	f->alpha = p->alpha;
	f->k = b->k;
	f->total_a = sum_num(b, p, "total_a");
	f->total_b = sum_num(b, p, "total_b");
	f->mark_a = p->total_a;
	f->mark_b = p->total_b;
	f->ratio = sum_num(b, p, "total_ratio");
	f->lo = sum_num(b, p, "total_ratio_lo");
	f->hi = sum_num(b, p, "total_ratio_hi");
	f->p = sum_num(b, p, "total_p_value");
	f->compared = sum_num(b, p, "compared");
	f->tested = sum_num(b, p, "tested");
	f->significant = sum_num(b, p, "significant");
	f->too_few = 0;
	for (size_t i = 0; i < p->ncell; i++)
		f->too_few += strcmp(brief_table_str(&b->cells, p->cell[i],
						     "flag"), "too_few") == 0;
	qualified_facts(b, p, lang, f);
	f->only_a = sum_num(b, p, "only_a");
	f->only_b = sum_num(b, p, "only_b");
	f->missing = sum_num(b, p, "missing");
	f->ccc = sum_num(b, p, "ccc");
	f->ccc_lo = sum_num(b, p, "ccc_lo");
	f->ccc_hi = sum_num(b, p, "ccc_hi");
	f->trend = f->trend_lo = f->trend_hi = f->trend_p = NAN;
	f->periods = NAN;
	f->dist_p = NAN;
	trend_facts(b, p, f);
	largest_gap(b, p, lang, f, where, size);
	if (p->ndist > 0) {
		size_t r = p->dist[0];

		f->dist_dim = brief_lower_first(
			brief_dim_name(lang, brief_table_str(&b->dist, r,
							     "dimension"),
				       dim, sizeof(dim)), low, sizeof(low));
		f->dist_p = brief_table_num(&b->dist, r, "chi2_p");
	}
}


/* "Released by ... · contact ... · version ...", from the config's report. */
static void release_line(struct brief_page *pg)
{
	const struct rk_report *r = &pg->b->cfg->report;
	const char *org = brief_i18n(&r->organisation, pg->lang);
	char line[768];
	size_t n = 0;

	line[0] = '\0';
	if (org)
		n += (size_t)snprintf(line + n, sizeof(line) - n,
				      brief_t(pg->lang, "release.by"), org);
	if (r->contact && n < sizeof(line))
		n += (size_t)snprintf(line + n, sizeof(line) - n, "%s%s%s",
				      n ? " · " : "",
				      brief_t(pg->lang, "release.contact"),
				      r->contact);
	if (r->version && n < sizeof(line))
		snprintf(line + n, sizeof(line) - n, "%s%s%s", n ? " · " : "",
			 brief_t(pg->lang, "release.version"), r->version);
	if (line[0])
		brief_page_line(pg, line, pg->bk->f.note);
}

static void heading_block(struct brief_page *pg)
{
	const struct brief *b = pg->b;
	char line[512], range[160], date[32];
	struct tm tm;
	time_t t = (time_t)b->created;

	brief_page_line(pg, brief_title_in(b, pg->lang), pg->bk->f.title);
	brief_period_range(b, pg->lang, range, sizeof(range));
	if (*range) {
		snprintf(line, sizeof(line), "%s: %s",
			 brief_t(pg->lang, "period"), range);
		brief_page_line(pg, line, pg->bk->f.subtitle);
	}
	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%Y-%m-%d", &tm);
	if (b->run_id && !brief_protects(b))
		snprintf(line, sizeof(line), brief_t(pg->lang, "made.run"),
			 RECKON_VERSION, b->run_id, date);
	else
		snprintf(line, sizeof(line), brief_t(pg->lang, "made"),
			 RECKON_VERSION, date);
	brief_page_line(pg, line, pg->bk->f.note);
	release_line(pg);
}

static void sources_block(struct brief_page *pg)
{
	static const char *const head[] = { "col.source", "col.kind",
					    "col.code" };
	const struct brief *b = pg->b;

	brief_page_heading(pg, brief_t(pg->lang, "sources"));
	brief_page_header(pg, head, 3, 0);
	for (size_t i = 0; i < b->cfg->nsources; i++) {
		const char *id = b->cfg->sources[i].id;

		brief_page_wrap(pg, 0, brief_source_name(b->labels, id,
							 pg->lang),
				pg->bk->f.wrap);
		brief_page_wrap(pg, 1, brief_kind_text(b, id, pg->lang),
				pg->bk->f.wrap);
		brief_put_str(pg->ws, pg->row, 2, id, pg->bk->f.code);
		brief_page_next(pg);
	}
}

static void headline_row(struct brief_page *pg, const struct brief_pair *p)
{
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	lxw_worksheet *ws = pg->ws;
	lxw_row_t r = pg->row;
	int hide = brief_hidden(p->total_a) || brief_hidden(p->total_b);
	double one = sum_num(b, p, "only_a") + sum_num(b, p, "only_b");

	brief_page_anchor(pg, r, 0, "total", (size_t)(p - b->pair));
	brief_page_wrap(pg, 0, brief_indicator(b->labels, p->indicator,
					       pg->lang), f->wrap);
	brief_page_wrap(pg, 1, brief_source_name(b->labels, p->reference,
						 pg->lang), f->wrap);
	brief_page_wrap(pg, 2, brief_source_name(b->labels, p->against,
						 pg->lang), f->wrap);
	brief_put_count(pg->bk, ws, r, 3, sum_num(b, p, "total_a"),
			p->total_a, f->count);
	brief_put_count(pg->bk, ws, r, 4, sum_num(b, p, "total_b"),
			p->total_b, f->count);
	if (!hide) {
		brief_put_num(ws, r, 5, sum_num(b, p, "total_ratio"), f->ratio);
		brief_put_num(ws, r, 6, sum_num(b, p, "total_ratio_lo"),
			      f->ratio);
		brief_put_num(ws, r, 7, sum_num(b, p, "total_ratio_hi"),
			      f->ratio);
	}
	brief_put_num(ws, r, 8, sum_num(b, p, "compared"), f->count);
	brief_put_num(ws, r, 9, sum_num(b, p, "significant"), f->count);
	brief_put_num(ws, r, 10, one, f->count);
	brief_page_next(pg);
}

static void headline_block(struct brief_page *pg)
{
	static const char *const head[] = {
		"col.indicator", "col.reference", "col.against", "col.total_a",
		"col.total_b", "col.ratio", "col.ci_lo", "col.ci_hi",
		"col.compared", "col.significant", "col.one_source"
	};

	int untested = 0;

	brief_page_heading(pg, brief_t(pg->lang, "headline"));
	brief_page_header(pg, head, 11, 0x7F8);
	for (size_t i = 0; i < pg->b->npair; i++) {
		const struct brief_pair *p = &pg->b->pair[i];
		struct brief_facts f;

		headline_row(pg, p);
		/* an interval left blank: say why, not leave it to be read as
		   missing */
		qualified_facts(pg->b, p, pg->lang, &f);
		untested |= f.qualified > 0 &&
			    !isnan(sum_num(pg->b, p, "total_ratio")) &&
			    isnan(sum_num(pg->b, p, "total_ratio_lo"));
	}
	brief_page_line(pg, brief_t(pg->lang, "headline.note"),
			pg->bk->f.note);
	if (untested)
		brief_page_para(pg, brief_t(pg->lang, "headline.untested"),
				pg->bk->f.note_wrap);
	if (pg->b->nsmall || pg->b->nhidden) {
		char line[1024];

		snprintf(line, sizeof(line), brief_t(pg->lang, "marks.legend"),
			 pg->b->k, pg->b->k - 1);
		brief_page_para(pg, line, pg->bk->f.note_wrap);
	}
}

/* Where a finding's figures are: the key of its anchor (layout.h). */
static void finding_key(const char *lang, enum brief_finding kind, size_t i,
			char *key, size_t size)
{
	static const char *const what[] = {
		[BRIEF_FINDING_TOTALS] = "total", [BRIEF_FINDING_CELLS] = "cells",
		[BRIEF_FINDING_COVERAGE] = "cells", [BRIEF_FINDING_TREND] = "trend",
		[BRIEF_FINDING_CCC] = "ccc", [BRIEF_FINDING_DIST] = "dist",
	};

	snprintf(key, size, "%s/%s/%zu", lang, what[kind], i);
}

static void findings_block(struct brief_page *pg)
{
	const struct brief *b = pg->b;
	char s[BRIEF_FINDINGS_MAX][BRIEF_SENTENCE_MAX];
	enum brief_finding kind[BRIEF_FINDINGS_MAX];
	char title[512], where[256], line[BRIEF_SENTENCE_MAX + 32], key[64];

	brief_page_heading(pg, brief_t(pg->lang, "findings"));
	for (size_t i = 0; i < b->npair; i++) {
		struct brief_facts f;
		size_t n;

		brief_pair_facts(b, &b->pair[i], pg->lang, &f, where,
				 sizeof(where));
		n = brief_findings_kinds(&f, s, kind);
		brief_pair_title(b, &b->pair[i], pg->lang, title,
				 sizeof(title));
		brief_page_line(pg, title, pg->bk->f.bold);
		if (brief_definition_note(b, &b->pair[i], pg->lang, line,
					  sizeof(line)))
			brief_page_para(pg, line, NULL);
		if (n == 0)
			brief_page_para(pg, brief_t(pg->lang, "findings.none"),
					NULL);
		for (size_t k = 0; k < n; k++) {
			snprintf(line, sizeof(line), "%zu. %.*s", k + 1,
				 (int)(BRIEF_SENTENCE_MAX - 1), s[k]);
			finding_key(pg->lang, kind[k], i, key, sizeof(key));
			brief_page_link_para(pg, line, key);
		}
	}
}

/* Findings resting on figures a new edition changed say so. */
static void revisions_line(struct brief_page *pg)
{
	const struct brief_table *t = &pg->b->revisions;
	char line[512];

	if (!t->ncols || !t->nrows)
		return;
	snprintf(line, sizeof(line), brief_t(pg->lang, "revisions.line"),
		 t->nrows);
	brief_page_para(pg, line, NULL);
}

static void quality_line(struct brief_page *pg)
{
	const struct brief *b = pg->b;
	const struct brief_table *t = &b->rejects;
	size_t rejected = 0;
	char line[512];

	if (!t->ncols && !b->unmapped.ncols)
		return;
	/* rows taken out or flagged; not the sources' totals and notes */
	for (size_t r = 0; r < t->nrows; r++)
		if (strncmp(brief_table_str(t, r, "check"), "source_", 7) != 0)
			rejected += t->count ? t->count[r] : 1;
	snprintf(line, sizeof(line), brief_t(pg->lang, "quality.line"),
		 rejected, b->unmapped.nrows);
	brief_page_para(pg, line, NULL);
}

static void protection_block(struct brief_page *pg)
{
	const struct brief *b = pg->b;
	char line[1024];

	if (b->internal) {
		brief_page_heading(pg, brief_t(pg->lang, "protection"));
		brief_internal_note(pg);
		return;
	}
	if (b->k == 0 && b->rounding == 0)
		return;
	brief_page_heading(pg, brief_t(pg->lang, "protection"));
	if (b->rounding)
		snprintf(line, sizeof(line),
			 brief_t(pg->lang, "protection.rounding"), b->rounding,
			 b->rounding - 1, b->rounding - 1);
	else
		snprintf(line, sizeof(line), brief_t(pg->lang,
						     "protection.rule"),
			 b->k - 1, b->k, b->nsmall, b->nhidden);
	brief_page_para(pg, line, NULL);
	if (b->withheld_tables) {
		snprintf(line, sizeof(line),
			 brief_t(pg->lang, "protection.whole"),
			 b->withheld_tables);
		brief_page_para(pg, line, NULL);
	}
}

int brief_write_summary(struct brief_book *bk, const struct brief *b,
			const char *lang, struct rk_error *err)
{
	struct brief_page pg;
	lxw_row_t front;

	if (brief_page_open(&pg, bk, b, lang, brief_t(lang, "sheet.summary"),
			    10, err) < 0)
		return -1;
	/* each language's sheets are numbered from 1 when the workbook is
	   printed (the sheets after this one continue from it), so the
	   reader's part starts at page 1 whatever comes before it
	   (libxlsxwriter 1.1.4 writes useFirstPageNumber alone, and the
	   first page number defaults to 1: only 1 works) */
	worksheet_set_start_page(pg.ws, 1);
	brief_page_cols(&pg, 0, 0, 26);
	brief_page_cols(&pg, 1, 2, 30);
	brief_page_cols(&pg, 3, 10, 11);
	heading_block(&pg);
	brief_status_block(&pg);
	revisions_line(&pg);
	front = pg.row;
	brief_front_messages(&pg);
	brief_definitions_front(&pg);
	brief_front_chart(&pg);
	brief_estimate_sentences(&pg);
	/* the first printed page: title, status, key messages, chart and
	   the estimate of cases no source holds */
	if (pg.row > front)
		brief_page_break(&pg);
	/* the definitions name each source and its kind; without them the
	   sources' table does */
	if (!brief_any_definition(b))
		sources_block(&pg);
	brief_definitions_block(&pg);
	if (b->npair)
		headline_block(&pg);
	brief_not_shown_block(&pg);
	protection_block(&pg);
	/* the page above stands alone when printed; the findings follow */
	brief_page_break(&pg);
	if (b->npair) {
		findings_block(&pg);
	} else {
		/* a one-source pipeline, or one with no compare entries */
		brief_page_heading(&pg, brief_t(lang, "findings"));
		brief_page_para(&pg, brief_t(lang, "summary.no_pairs"), NULL);
	}
	quality_line(&pg);
	brief_page_finish(&pg);
	return 0;
}
