/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Data quality sheet: labels that could not be mapped (unmapped.csv),
 * rejected rows by reason (rejects.csv), coverage gaps (cells one source
 * lacks), incomplete periods (observations flagged incomplete, and
 * periods of the pipeline where a source has no observation at all), and
 * the revisions of the sources' latest editions (revisions.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "reasons.h"
#include "sheets.h"
#include "wording.h"
#include "map.h"
#include "period.h"

static void not_given(struct brief_page *pg)
{
	brief_page_line(pg, brief_t(pg->lang, "quality.not_given"),
			pg->bk->f.note);
}

static void none(struct brief_page *pg)
{
	brief_page_line(pg, brief_t(pg->lang, "none"), pg->bk->f.note);
}

/* ---- unmapped labels ---- */

static void suggestions(const struct brief_table *t, size_t r, char *buf,
			size_t size)
{
	size_t len = 0;
	char col[32], score[32];

	buf[0] = '\0';
	for (int i = 1; i <= 9 && len < size; i++) {
		const char *code, *s;

		snprintf(col, sizeof(col), "suggest_%d", i);
		snprintf(score, sizeof(score), "score_%d", i);
		code = brief_table_str(t, r, col);
		s = brief_table_str(t, r, score);
		if (*code)
			len += (size_t)snprintf(buf + len, size - len,
						"%s%s%s%s%s", len ? ", " : "",
						code, *s ? " (" : "", s,
						*s ? ")" : "");
	}
}

static void unmapped(struct brief_page *pg)
{
	static const char *const head[] = { "col.dimension", "col.label",
					    "col.rows", "col.first_origin",
					    "col.suggestions" };
	const struct brief_table *t = &pg->b->unmapped;
	const struct brief_formats *f = &pg->bk->f;
	char buf[512], name[64];

	brief_page_heading(pg, brief_t(pg->lang, "quality.unmapped"));
	brief_page_para(pg, brief_t(pg->lang, "quality.unmapped.reading"),
			NULL);
	if (!t->ncols) {
		not_given(pg);
		return;
	}
	if (!t->nrows) {
		none(pg);
		return;
	}
	brief_page_header(pg, head, 5, 0x4);
	worksheet_write_string(pg->ws, pg->row - 1, 3,
			       brief_t(pg->lang, head[3]), f->head_indent);
	for (size_t r = 0; r < t->nrows; r++) {
		brief_page_wrap(pg, 0, brief_dim_name(pg->lang,
				brief_table_str(t, r, "dimension"), name,
				sizeof(name)), f->wrap);
		brief_page_wrap(pg, 1, brief_table_str(t, r, "label"), f->wrap);
		brief_put_num(pg->ws, pg->row, 2, brief_table_num(t, r, "rows"),
			      f->count);
		brief_page_wrap(pg, 3, brief_table_str(t, r, "first_origin"),
				f->indent);
		suggestions(t, r, buf, sizeof(buf));
		brief_page_wrap(pg, 4, buf, f->wrap);
		brief_page_next(pg);
	}
}

/* ---- rejects by reason ---- */

static int is_source_total(const struct brief_table *t, size_t r)
{
	return strcmp(brief_table_str(t, r, "check"), "source_total") == 0 ||
	       strcmp(brief_table_str(t, r, "check"), "source_note") == 0;
}

static int is_note(const struct brief_table *t, size_t r)
{
	return strcmp(brief_table_str(t, r, "check"), "source_note") == 0;
}

/*
 * Whether text quotes a number other than a year (1900-2100): a remark
 * "I кв. 2024, ГБАО: из них 2 несовершеннолетних" does, a period label
 * alone does not.
 */
static int quotes_number(const char *text)
{
	for (const char *p = text; *p;) {
		size_t n = strspn(p, "0123456789");
		long v;

		if (!n) {
			p++;
			continue;
		}
		v = n == 4 ? strtol(p, NULL, 10) : 0;
		if (!(v >= 1900 && v <= 2100))
			return 1;
		p += n;
	}
	return 0;
}

/*
 * The reason of a rejected row, unless it quotes numbers of a source whose
 * counts are protected ("the parts over sex sum to 7, the total is 9"):
 * those would give away counts the brief withholds.
 */
static const char *reason_shown(const struct brief_page *pg,
				const struct brief_table *t, size_t r)
{
	const struct brief *b = pg->b;
	const char *reason = brief_table_str(t, r, "reason");
	const struct rk_source *s = rk_config_source(b->cfg,
					brief_table_str(t, r, "source"));

	if (!brief_protects(b) || (s && s->published) || !quotes_number(reason))
		return reason;
	return brief_t(pg->lang, "quality.reason_withheld");
}

static void rejects(struct brief_page *pg)
{
	static const char *const head[] = { "col.source", "col.check",
					    "col.action", "col.rows",
					    "col.example", "col.origin" };
	const struct brief_table *t = &pg->b->rejects;   /* grouped */
	const struct brief_formats *f = &pg->bk->f;
	char why[768];
	size_t shown = 0;

	brief_page_heading(pg, brief_t(pg->lang, "quality.rejects"));
	brief_page_para(pg, brief_t(pg->lang, "quality.rejects.reading"), NULL);
	if (!t->ncols) {
		not_given(pg);
		return;
	}
	for (size_t r = 0; r < t->nrows; r++)
		shown += !is_source_total(t, r);
	if (!shown) {              /* only the sources' totals and notes, */
		none(pg);          /* which have their own sections */
		return;
	}
	brief_page_header(pg, head, 6, 0x8);
	worksheet_write_string(pg->ws, pg->row - 1, 4,
			       brief_t(pg->lang, head[4]), f->head_indent);
	for (size_t r = 0; r < t->nrows; r++) {
		if (is_source_total(t, r))
			continue;          /* their own section */
		brief_page_wrap(pg, 0, brief_source_name(pg->b->labels,
				brief_table_str(t, r, "source"), pg->lang),
				f->wrap);
		brief_page_wrap(pg, 1, brief_word(pg->lang, "check",
				brief_table_str(t, r, "check")), f->wrap);
		brief_page_wrap(pg, 2, brief_word(pg->lang, "action",
				brief_table_str(t, r, "action")), f->wrap);
		brief_put_num(pg->ws, pg->row, 3,
			      (double)(t->count ? t->count[r] : 1), f->count);
		brief_page_wrap(pg, 4, brief_reason(pg->lang,
							reason_shown(pg, t, r),
							why, sizeof(why)),
				f->indent);
		brief_page_wrap(pg, 5, brief_table_str(t, r, "origin"), f->wrap);
		brief_page_next(pg);
	}
}

/* ---- the sources' own totals ---- */

/* "Region: all; Sex: male" of a rejects row: the fields a total is over. */
static void total_where(const struct brief_page *pg, const struct brief_table *t,
			size_t r, char *buf, size_t size)
{
	const struct brief *b = pg->b;
	char name[64];
	size_t len = 0;

	buf[0] = '\0';
	for (size_t d = 0; d < b->ndims && len < size; d++) {
		const char *v = brief_table_str(t, r, b->dims[d]);

		len += (size_t)snprintf(buf + len, size - len, "%s%s: %s",
					len ? "; " : "",
					brief_dim_name(pg->lang, b->dims[d],
						       name, sizeof(name)),
					*v ? brief_label(b->labels, d, v,
							 pg->lang)
					   : brief_t(pg->lang, "quality.all"));
	}
}

/*
 * What differs, in the sheet's language, from the numbers of
 * reckon-normalise's reason ("... the 5 parts it stands over sum to 18
 * ..."); the reason as written when it does not read so.
 */
static const char *total_reason(const struct brief_page *pg,
				const struct brief_table *t, size_t r,
				char *buf, size_t size)
{
	const char *reason = brief_table_str(t, r, "reason");
	const char *at = strstr(reason, " sum to ");
	double total = brief_table_num(t, r, "value"), parts;
	char a[40], b[40], d[40];

	if (!at || sscanf(at, " sum to %lf", &parts) != 1 || isnan(total))
		return reason;
	brief_num(pg->lang, parts, 0, a, sizeof(a));
	brief_num(pg->lang, total, 0, b, sizeof(b));
	brief_num(pg->lang, fabs(parts - total), 0, d, sizeof(d));
	snprintf(buf, size, brief_t(pg->lang, "quality.totals.differs"), a, b,
		 parts > total ? "+" : "−", d);
	return buf;
}

/*
 * Totals the sources printed that are not the sum of the parts they stand
 * over ("Итого" 11 under rows that add up to 18), as reckon-normalise
 * found them (check source_total), with the source's figure and its cell.
 * A protected source's numbers are not shown: they would give away counts.
 */
static void source_totals(struct brief_page *pg)
{
	static const char *const head[] = { "col.source", "col.period",
					    "col.where", "col.source_total",
					    "col.difference_reason",
					    "col.origin" };
	const struct brief *b = pg->b;
	const struct brief_table *t = &b->rejects;
	const struct brief_formats *f = &pg->bk->f;
	char where[512], period[64], why[512];
	size_t n = 0;

	for (size_t r = 0; r < t->nrows; r++)
		n += (size_t)(is_source_total(t, r) && !is_note(t, r));
	brief_page_heading(pg, brief_t(pg->lang, "quality.totals"));
	brief_page_para(pg, brief_t(pg->lang, "quality.totals.reading"), NULL);
	if (!t->ncols) {
		not_given(pg);
		return;
	}
	if (!n) {
		none(pg);
		return;
	}
	brief_page_header(pg, head, 6, 0x8);
	for (size_t r = 0; r < t->nrows; r++) {
		const struct rk_source *s;
		int open;

		if (!is_source_total(t, r) || is_note(t, r))
			continue;
		s = rk_config_source(b->cfg, brief_table_str(t, r, "source"));
		open = !brief_protects(b) || (s && s->published);
		brief_page_wrap(pg, 0, brief_source_name(b->labels,
				brief_table_str(t, r, "source"), pg->lang),
				f->wrap);
		brief_page_wrap(pg, 1, brief_period(pg->lang,
				brief_table_str(t, r, "period"), period,
				sizeof(period)), f->wrap);
		total_where(pg, t, r, where, sizeof(where));
		brief_page_wrap(pg, 2, where, f->wrap);
		if (open)
			brief_put_num(pg->ws, pg->row, 3,
				      brief_table_num(t, r, "value"), f->count);
		else
			brief_put_str(pg->ws, pg->row, 3, "x", f->mark);
		brief_page_wrap(pg, 4, open ? total_reason(pg, t, r, why,
							   sizeof(why))
					    : brief_t(pg->lang,
						      "quality.reason_withheld"),
				f->indent);
		brief_page_wrap(pg, 5, brief_table_str(t, r, "origin"), f->wrap);
		brief_page_next(pg);
	}
}

/* ---- the sources' notes ---- */

/*
 * The notes the sources printed under their tables, in their own words,
 * with the period a note names and what it makes of that period's figures
 * (provisional, revised), so that an official sees the caveats of their
 * own table next to the brief's use of it.
 */
static void source_notes(struct brief_page *pg)
{
	static const char *const head[] = { "col.source", "col.note",
					    "col.period", "col.status",
					    "col.origin" };
	const struct brief *b = pg->b;
	const struct brief_table *t = &b->rejects;
	const struct brief_formats *f = &pg->bk->f;
	char period[64], key[64];
	size_t n = 0;

	for (size_t r = 0; r < t->nrows; r++)
		n += (size_t)is_note(t, r);
	brief_page_heading(pg, brief_t(pg->lang, "quality.notes"));
	brief_page_para(pg, brief_t(pg->lang, "quality.notes.reading"), NULL);
	if (!t->ncols) {
		not_given(pg);
		return;
	}
	if (!n) {
		none(pg);
		return;
	}
	brief_page_header(pg, head, 5, 0);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *st = brief_table_str(t, r, "status");

		if (!is_note(t, r))
			continue;
		brief_page_wrap(pg, 0, brief_source_name(b->labels,
				brief_table_str(t, r, "source"), pg->lang),
				f->wrap);
		brief_page_wrap(pg, 1, reason_shown(pg, t, r), f->wrap);
		brief_page_wrap(pg, 2, brief_period(pg->lang,
				brief_table_str(t, r, "period"), period,
				sizeof(period)), f->wrap);
		snprintf(key, sizeof(key), "status.%s", *st ? st : "none");
		brief_page_wrap(pg, 3, brief_t(pg->lang, key), f->wrap);
		brief_page_wrap(pg, 4, brief_table_str(t, r, "origin"), f->wrap);
		brief_page_next(pg);
	}
}

/* ---- coverage gaps ---- */

static void gap_row(struct brief_page *pg, const struct brief_pair *p,
		    size_t r)
{
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	const char *flag = brief_table_str(&b->cells, r, "flag");
	int has_a = *brief_table_str(&b->cells, r, "a") != '\0';
	char where[512], title[512];

	snprintf(title, sizeof(title), brief_t(pg->lang, "pair.short"),
		 brief_source_name(b->labels, p->against, pg->lang),
		 brief_source_name(b->labels, p->reference, pg->lang));
	brief_cell_where(b, r, p->dims, pg->lang, where, sizeof(where));
	brief_page_wrap(pg, 0, title, f->wrap);
	brief_page_wrap(pg, 1, where, f->wrap);
	brief_page_wrap(pg, 2, brief_source_name(b->labels,
			has_a ? p->reference : p->against, pg->lang), f->wrap);
	brief_put_count(pg->bk, pg->ws, pg->row, 3,
			brief_table_num(&b->cells, r, has_a ? "a" : "b"),
			has_a ? b->cell_a[r] : b->cell_b[r], f->count);
	brief_page_wrap(pg, 4, strcmp(flag, "missing") == 0
				   ? brief_t(pg->lang, "gap.missing")
				   : strcmp(flag, "withheld_by_source") == 0
				   ? brief_t(pg->lang, "gap.withheld")
				   : brief_flag_text(pg->lang, flag), f->indent);
	brief_page_next(pg);
}

static void coverage(struct brief_page *pg)
{
	static const char *const head[] = { "col.comparison", "col.where",
					    "col.reported_by", "col.value",
					    "col.flag" };
	const struct brief *b = pg->b;
	size_t n = 0;

	brief_page_heading(pg, brief_t(pg->lang, "quality.coverage"));
	brief_page_para(pg, brief_t(pg->lang, "quality.coverage.reading"),
			NULL);
	for (size_t i = 0; i < b->npair; i++) {
		const struct brief_pair *p = &b->pair[i];

		for (size_t k = 0; k < p->ncell; k++) {
			const char *flag = brief_table_str(&b->cells,
							   p->cell[k], "flag");

			if (strcmp(flag, "only_a") && strcmp(flag, "only_b") &&
			    strcmp(flag, "missing") &&
			    strcmp(flag, "withheld_by_source"))
				continue;
			if (n++ == 0) {
				brief_page_header(pg, head, 5, 0x8);
				worksheet_write_string(pg->ws, pg->row - 1, 4,
						       brief_t(pg->lang,
							       head[4]),
						       pg->bk->f.head_indent);
			}
			gap_row(pg, p, p->cell[k]);
		}
	}
	if (n == 0)
		none(pg);
}

/* ---- incomplete periods ---- */

static void incomplete_rows(struct brief_page *pg, size_t *n)
{
	static const char *const head[] = { "col.source", "col.indicator",
					    "col.period", "col.where",
					    "col.origin" };
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	char period[64], where[512];

	for (size_t i = 0; i < b->ndata; i++) {
		const struct brief_table *t = &b->data[i];

		for (size_t r = 0; r < t->nrows; r++) {
			size_t len = 0;

			if (strcmp(brief_table_str(t, r, "status"),
				   "incomplete") != 0)
				continue;
			if ((*n)++ == 0)
				brief_page_header(pg, head, 5, 0);
			where[0] = '\0';
			for (size_t d = 0; d < b->ndims && len < sizeof(where); d++) {
				const char *v = brief_table_get(t, r,
								b->data_dim[i][d]);

				if (*v)
					len += (size_t)snprintf(where + len,
						sizeof(where) - len, "%s%s",
						len ? ", " : "",
						brief_label(b->labels, d, v,
							    pg->lang));
			}
			brief_page_wrap(pg, 0, brief_source_name(b->labels,
					brief_table_get(t, r, 0), pg->lang),
					f->wrap);
			brief_page_wrap(pg, 1, brief_indicator(b->labels,
					brief_table_get(t, r, 1), pg->lang),
					f->wrap);
			brief_put_str(pg->ws, pg->row, 2,
				      brief_period(pg->lang,
						   brief_table_get(t, r, 2),
						   period, sizeof(period)),
				      f->text);
			brief_page_wrap(pg, 3, where, f->wrap);
			brief_page_wrap(pg, 4, brief_table_str(t, r, "origin"),
					f->wrap);
			brief_page_next(pg);
		}
	}
}

static int put_key(struct rk_map *m, const char *source,
		   const char *indicator, const char *period, int add)
{
	const char *part[3] = { source, indicator, period };
	char key[512];
	size_t n = 0;

	for (size_t i = 0; i < 3; i++) {
		size_t l = strlen(part[i]);

		if (n + l + 1 > sizeof(key))
			return 0;
		memcpy(key + n, part[i], l);
		n += l;
		key[n++] = '\037';
	}
	return add ? rk_map_put(m, key, n, 0, NULL, NULL)
		   : rk_map_get(m, key, n, NULL);
}

/* Every (source, indicator, period) observed; NULL when out of memory. */
static struct rk_map *observed(const struct brief *b)
{
	struct rk_map *m = rk_map_new();

	for (size_t i = 0; m && i < b->ndata; i++)
		for (size_t r = 0; r < b->data[i].nrows; r++)
			if (put_key(m, brief_table_get(&b->data[i], r, 0),
				    brief_table_get(&b->data[i], r, 1),
				    brief_table_get(&b->data[i], r, 2), 1) < 0) {
				rk_map_free(m);
				return NULL;
			}
	return m;
}

/* The pipeline's periods at its grain, as tidy text; how many (max 240). */
static size_t periods(const struct brief *b, char out[][RK_PERIOD_TEXT])
{
	const struct rk_config *c = b->cfg;
	struct rk_period from, to, p;
	char why[RK_PERIOD_REASON];
	enum rk_grain g = c->period_grain ? rk_grain_parse(c->period_grain)
					  : RK_GRAIN_NONE;
	int step = g == RK_GRAIN_YEAR ? 12 : g == RK_GRAIN_HALF ? 6 :
		   g == RK_GRAIN_QUARTER ? 3 : g == RK_GRAIN_MONTH ? 1 : 0;
	size_t n = 0;

	if (!step || !c->period_from || !c->period_to ||
	    rk_period_parse(c->period_from, strlen(c->period_from), &from,
			    why) < 0 ||
	    rk_period_parse(c->period_to, strlen(c->period_to), &to, why) < 0 ||
	    rk_period_to_grain(&from, g, &p) < 0)
		return 0;
	while (n < 240 && rk_period_cmp(&p, &to) <= 0) {
		rk_period_format(&p, out[n++]);
		p.first += step;
		if (p.first > 12) {
			p.first -= 12;
			p.year++;
		}
		p.last = p.first + step - 1;
	}
	return n;
}

static void missing_row(struct brief_page *pg, const char *source,
			const char *indicator, const char *tidy)
{
	const struct brief *b = pg->b;
	char period[64];

	brief_page_wrap(pg, 0, brief_source_name(b->labels, source, pg->lang),
			pg->bk->f.wrap);
	brief_page_wrap(pg, 1, brief_indicator(b->labels, indicator, pg->lang),
			pg->bk->f.wrap);
	brief_put_str(pg->ws, pg->row, 2,
		      brief_period(pg->lang, tidy, period, sizeof(period)),
		      pg->bk->f.text);
	brief_page_wrap(pg, 3, brief_t(pg->lang, "quality.no_data"),
			pg->bk->f.note_wrap);
	brief_page_next(pg);
}

/* Periods of the pipeline where a compared source has no observation. */
static void missing_periods(struct brief_page *pg, size_t *n)
{
	static const char *const head[] = { "col.source", "col.indicator",
					    "col.period", "col.where",
					    "col.origin" };
	static char list[240][RK_PERIOD_TEXT];
	const struct brief *b = pg->b;
	size_t np = periods(b, list);
	struct rk_map *seen = rk_map_new(), *obs = np ? observed(b) : NULL;

	for (size_t i = 0; obs && seen && i < b->npair; i++) {
		const struct brief_pair *p = &b->pair[i];
		const char *src[2] = { p->reference, p->against };

		for (size_t s = 0; s < 2; s++) {
			if (put_key(seen, src[s], p->indicator, "", 1) != 1)
				continue;        /* done already */
			for (size_t k = 0; k < np; k++) {
				if (put_key(obs, src[s], p->indicator, list[k],
					    0))
					continue;
				if ((*n)++ == 0)
					brief_page_header(pg, head, 5, 0);
				missing_row(pg, src[s], p->indicator, list[k]);
			}
		}
	}
	rk_map_free(seen);
	rk_map_free(obs);
}

static void incomplete(struct brief_page *pg)
{
	size_t n = 0;

	brief_page_heading(pg, brief_t(pg->lang, "quality.incomplete"));
	brief_page_para(pg, brief_t(pg->lang, "quality.incomplete.reading"),
			NULL);
	if (!pg->b->ndata) {
		not_given(pg);
		return;
	}
	incomplete_rows(pg, &n);
	missing_periods(pg, &n);
	if (n == 0)
		none(pg);
}

int brief_write_quality(struct brief_book *bk, const struct brief *b,
			const char *lang, struct rk_error *err)
{
	struct brief_page pg;

	if (brief_page_open(&pg, bk, b, lang, brief_t(lang, "sheet.quality"),
			    5, err) < 0)
		return -1;
	brief_page_cols(&pg, 0, 1, 36);
	brief_page_cols(&pg, 2, 2, 26);
	brief_page_cols(&pg, 3, 3, 18);
	brief_page_cols(&pg, 4, 4, 44);
	brief_page_cols(&pg, 5, 5, 30);
	brief_page_line(&pg, brief_t(lang, "quality.title"), bk->f.title);
	unmapped(&pg);
	rejects(&pg);
	source_totals(&pg);
	source_notes(&pg);
	coverage(&pg);
	incomplete(&pg);
	brief_quality_revisions(&pg);
	brief_page_finish(&pg);
	return 0;
}
