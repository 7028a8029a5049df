/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Agreement, Distribution, Trend and Estimates sheets: summary.csv,
 * distribution.csv, trend.csv and mse.csv, each with a one-line reading.
 * Columns reckon-compare may add later are shown under their own names.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "sheets.h"
#include "wording.h"

enum kind { TEXT, COUNT, TOTAL_A, TOTAL_B, DERIVED, RATIO, STAT, PVAL, PCT,
	    DIMS, SUMMED };

struct measure {
	const char *col;
	enum kind kind;
};

static lxw_format *format_of(const struct brief_formats *f, enum kind k)
{
	switch (k) {
	case COUNT: case TOTAL_A: case TOTAL_B: return f->count;
	case DERIVED: case RATIO: return f->ratio;
	case STAT: return f->stat;
	case PVAL: return f->pval;
	case PCT: return f->pct;
	default: return f->wrap;
	}
}

/* A column's label: col.<name> in lang, or the name itself. */
static const char *col_label(const char *lang, const char *col, char *buf,
			     size_t size)
{
	char key[128];
	const char *s;

	snprintf(key, sizeof(key), "col.%s", col);
	s = brief_t(lang, key);
	snprintf(buf, size, "%s", strcmp(s, key) == 0 ? col : s);
	return buf;
}

/* "region|sex" as dimension names in lang. */
static void dims_text(const char *lang, const char *s, char *buf, size_t size)
{
	char name[64], one[64];
	size_t len = 0;

	buf[0] = '\0';
	while (*s && len < size) {
		size_t n = strcspn(s, "|");

		snprintf(one, sizeof(one), "%.*s", (int)n, s);
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? ", " : "",
					brief_dim_name(lang, one, name,
						       sizeof(name)));
		s += n + (s[n] == '|');
	}
}

/*
 * "sex from wol; age|sex from gpo" → "sex: summed out of Coalition ...".
 */
static void summed_text(const struct brief *b, const char *lang,
			const char *s, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	while (*s && len < size) {
		size_t n = strcspn(s, ";");
		char piece[256], dims[256], low[256];
		const char *from;

		snprintf(piece, sizeof(piece), "%.*s", (int)n, s);
		from = strstr(piece, " from ");
		if (from) {
			piece[from - piece] = '\0';
			dims_text(lang, piece, dims, sizeof(dims));
			len += (size_t)snprintf(buf + len, size - len,
				brief_t(lang, "summed.from"), len ? "; " : "",
				brief_lower_first(dims, low, sizeof(low)),
				brief_source_name(b->labels, from + 6, lang));
		} else {
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? "; " : "", piece);
		}
		s += n;
		while (*s == ';' || *s == ' ')
			s++;
	}
}

/* ---- Agreement: summary.csv, one column per pair ---- */

static const struct measure measures[] = {
	{ "alpha", STAT }, { "breakdown", DIMS }, { "summed_out", SUMMED },
	{ "cells", COUNT }, { "compared", COUNT }, { "tested", COUNT },
	{ "significant", COUNT }, { "only_a", COUNT }, { "only_b", COUNT },
	{ "missing", COUNT }, { "no_information", COUNT },
	{ "total_a", TOTAL_A }, { "total_b", TOTAL_B },
	{ "total_ratio", DERIVED }, { "total_ratio_lo", DERIVED },
	{ "total_ratio_hi", DERIVED }, { "total_p_value", PVAL },
	{ "pearson_r", STAT }, { "spearman_rho", STAT }, { "ccc", STAT },
	{ "ccc_lo", STAT }, { "ccc_hi", STAT }, { "ba_pairs", COUNT },
	{ "gmr", RATIO }, { "loa_lo", RATIO }, { "loa_hi", RATIO },
	{ "smape", PCT }, { "wape", PCT }, { "note", TEXT },
};

static enum kind kind_of(const char *col)
{
	for (size_t i = 0; i < sizeof(measures) / sizeof(*measures); i++)
		if (strcmp(measures[i].col, col) == 0)
			return measures[i].kind;
	return STAT;
}

static int shown_col(const char *col)
{
	return strcmp(col, "reference") && strcmp(col, "against") &&
	       strcmp(col, "indicator");
}

static void agreement_value(struct brief_page *pg, const struct brief_pair *p,
			    size_t r, const char *col, lxw_col_t c)
{
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	const char *s = brief_table_str(&b->summary, r, col);
	enum kind k = kind_of(col);
	char buf[512];
	double x = brief_table_num(&b->summary, r, col);

	switch (k) {
	case TOTAL_A:
	case TOTAL_B:
		brief_put_count(pg->bk, pg->ws, pg->row, c, x,
				k == TOTAL_A ? p->total_a : p->total_b,
				f->count);
		return;
	case DERIVED:
	case PVAL:
		if (brief_hidden(p->total_a) || brief_hidden(p->total_b))
			return;
		break;
	case DIMS:
		dims_text(pg->lang, s, buf, sizeof(buf));
		brief_page_wrap(pg, c, buf, f->wrap);
		return;
	case SUMMED:
		summed_text(b, pg->lang, s, buf, sizeof(buf));
		brief_page_wrap(pg, c, buf, f->wrap);
		return;
	case TEXT:
		brief_page_wrap(pg, c, s, f->wrap);
		return;
	default:
		break;
	}
	if (!isnan(x))
		brief_put_num(pg->ws, pg->row, c, x, format_of(f, k));
	else
		brief_page_wrap(pg, c, s, f->wrap);
}

int brief_write_agreement(struct brief_book *bk, const struct brief *b,
			  const char *lang, struct rk_error *err)
{
	struct brief_page pg;
	char label[128];
	lxw_col_t c = 1;

	if (!b->summary.ncols)
		return 0;
	if (brief_page_open(&pg, bk, b, lang, brief_t(lang, "sheet.agreement"),
			    b->npair < 3 ? 4 : (lxw_col_t)b->npair, err) < 0)
		return -1;
	brief_page_cols(&pg, 0, 0, 40);
	brief_page_cols(&pg, 1, (lxw_col_t)(b->npair < 3 ? 4 : b->npair), 28);
	brief_page_line(&pg, brief_t(lang, "agreement.title"), bk->f.title);
	brief_page_para(&pg, brief_t(lang, "agreement.reading"), NULL);
	brief_page_skip(&pg);
	brief_page_wrap(&pg, 0, brief_t(lang, "col.measure"), bk->f.head);
	for (size_t i = 0; i < b->npair; i++) {
		char title[512];

		if (b->pair[i].summary < 0)
			continue;
		brief_pair_title(b, &b->pair[i], lang, title, sizeof(title));
		brief_page_wrap(&pg, c++, title, bk->f.head_num);
	}
	worksheet_repeat_rows(pg.ws, pg.row, pg.row);
	brief_page_next(&pg);
	for (size_t k = 0; k < b->summary.ncols; k++) {
		const char *col = b->summary.col[k];

		if (!shown_col(col))
			continue;
		brief_page_wrap(&pg, 0, col_label(lang, col, label,
						   sizeof(label)), bk->f.wrap);
		c = 1;
		for (size_t i = 0; i < b->npair; i++)
			if (b->pair[i].summary >= 0)
				agreement_value(&pg, &b->pair[i],
						(size_t)b->pair[i].summary, col,
						c++);
		brief_page_next(&pg);
	}
	return 0;
}

/* ---- Distribution ---- */

static void dist_tests(struct brief_page *pg, size_t r)
{
	static const char *const cols[] = { "chi2", "df", "chi2_p", "g2",
					    "g2_p", "cramers_v", "tv", "js" };
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	char label[128];

	brief_page_wrap(pg, 0, brief_t(pg->lang, "col.tests"), f->head);
	for (size_t i = 0; i < 8; i++)
		brief_page_wrap(pg, (lxw_col_t)(i + 1),
				col_label(pg->lang, cols[i], label,
					  sizeof(label)), f->head_num);
	brief_page_next(pg);
	brief_page_wrap(pg, 0, brief_table_str(&b->dist, r, "note"),
			f->note_wrap);
	for (size_t i = 0; i < 8; i++)
		brief_put_num(pg->ws, pg->row, (lxw_col_t)(i + 1),
			      brief_table_num(&b->dist, r, cols[i]),
			      strstr(cols[i], "_p") ? f->pval :
			      strcmp(cols[i], "df") == 0 ? f->count : f->stat);
	brief_page_next(pg);
}

/*
 * A category row.  A share is blank when its count is withheld, and when
 * the total it is a share of is (count / share would give the total away);
 * the residual, which both counts and both totals make, when any is.
 */
static void dist_row(struct brief_page *pg, const struct brief_pair *p,
		     size_t dim, size_t r)
{
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	int hide_a = brief_hidden(b->dist_a[r]) || brief_hidden(p->total_a);
	int hide_b = brief_hidden(b->dist_b[r]) || brief_hidden(p->total_b);
	int hide = hide_a || hide_b;

	brief_page_wrap(pg, 0, brief_label(b->labels, dim,
					   brief_table_str(&b->dist, r,
							   "category"),
					   pg->lang), f->wrap);
	brief_put_count(pg->bk, pg->ws, pg->row, 1,
			brief_table_num(&b->dist, r, "a"), b->dist_a[r],
			f->count);
	brief_put_count(pg->bk, pg->ws, pg->row, 2,
			brief_table_num(&b->dist, r, "b"), b->dist_b[r],
			f->count);
	if (!hide_a)
		brief_put_num(pg->ws, pg->row, 3,
			      100 * brief_table_num(&b->dist, r, "share_a"),
			      f->pct);
	if (!hide_b)
		brief_put_num(pg->ws, pg->row, 4,
			      100 * brief_table_num(&b->dist, r, "share_b"),
			      f->pct);
	if (!hide)
		brief_put_num(pg->ws, pg->row, 5,
			      brief_table_num(&b->dist, r, "adj_residual"),
			      f->ratio);
	brief_page_next(pg);
}

static void dist_pair(struct brief_page *pg, const struct brief_pair *p)
{
	static const char *const head[] = { "col.category", "col.a", "col.b",
					    "col.share_a", "col.share_b",
					    "col.adj_residual" };
	const struct brief *b = pg->b;
	char title[512], name[64], line[700];

	brief_pair_title(b, p, pg->lang, title, sizeof(title));
	for (size_t i = 0; i < p->ndist;) {
		const char *dim = brief_table_str(&b->dist, p->dist[i],
						  "dimension");
		long d = brief_dim_index(b, dim);
		size_t first = i;

		snprintf(line, sizeof(line), "%s — %s", title,
			 brief_dim_name(pg->lang, dim, name, sizeof(name)));
		brief_page_heading(pg, line);
		brief_page_header(pg, head, 6, 0x3E);
		while (i < p->ndist &&
		       strcmp(brief_table_str(&b->dist, p->dist[i],
					      "dimension"), dim) == 0)
			dist_row(pg, p, d < 0 ? (size_t)-1 : (size_t)d,
				 p->dist[i++]);
		pg->row++;
		dist_tests(pg, p->dist[first]);
	}
}

int brief_write_distribution(struct brief_book *bk, const struct brief *b,
			     const char *lang, struct rk_error *err)
{
	struct brief_page pg;

	if (!b->dist.ncols)
		return 0;
	if (brief_page_open(&pg, bk, b, lang,
			    brief_t(lang, "sheet.distribution"), 8, err) < 0)
		return -1;
	brief_page_cols(&pg, 0, 0, 34);
	brief_page_cols(&pg, 1, 8, 12);
	brief_page_line(&pg, brief_t(lang, "distribution.title"), bk->f.title);
	brief_page_para(&pg, brief_t(lang, "distribution.reading"), NULL);
	if (b->dist.nrows == 0)
		brief_page_line(&pg, brief_t(lang, "none"), bk->f.note);
	for (size_t i = 0; i < b->npair; i++)
		if (b->pair[i].ndist)
			dist_pair(&pg, &b->pair[i]);
	return 0;
}

/* ---- Trend ---- */

static void trend_pair(struct brief_page *pg, const struct brief_pair *p)
{
	static const char *const head[] = { "col.term", "col.estimate",
					    "col.ci_lo", "col.ci_hi", "col.p",
					    "col.periods", "col.deviance",
					    "col.df", "col.dispersion",
					    "col.note" };
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	char title[512], term[512];

	brief_pair_title(b, p, pg->lang, title, sizeof(title));
	brief_page_heading(pg, title);
	brief_page_header(pg, head, 10, 0x1FE);
	worksheet_write_string(pg->ws, pg->row - 1, 9,
			       brief_t(pg->lang, "col.note"), f->head_indent);
	for (size_t i = 0; i < p->ntrend; i++) {
		size_t r = p->trend[i];
		const char *t = brief_table_str(&b->trend, r, "term");
		const char *src = brief_table_str(&b->trend, r, "source");

		if (strcmp(t, "interaction") == 0)
			snprintf(term, sizeof(term), "%s",
				 brief_t(pg->lang, "trend.gap"));
		else if (strcmp(t, "trend") == 0)
			snprintf(term, sizeof(term),
				 brief_t(pg->lang, "trend.of"),
				 brief_source_name(b->labels, src, pg->lang));
		else
			snprintf(term, sizeof(term), "%s %s", t, src);
		brief_page_wrap(pg, 0, term, f->wrap);
		brief_put_num(pg->ws, pg->row, 1,
			      brief_table_num(&b->trend, r, "estimate"), f->stat);
		brief_put_num(pg->ws, pg->row, 2,
			      brief_table_num(&b->trend, r, "ci_lo"), f->stat);
		brief_put_num(pg->ws, pg->row, 3,
			      brief_table_num(&b->trend, r, "ci_hi"), f->stat);
		brief_put_num(pg->ws, pg->row, 4,
			      brief_table_num(&b->trend, r, "p_value"), f->pval);
		brief_put_num(pg->ws, pg->row, 5,
			      brief_table_num(&b->trend, r, "periods"), f->count);
		brief_put_num(pg->ws, pg->row, 6,
			      brief_table_num(&b->trend, r, "deviance"), f->stat);
		brief_put_num(pg->ws, pg->row, 7,
			      brief_table_num(&b->trend, r, "df"), f->count);
		brief_put_num(pg->ws, pg->row, 8,
			      brief_table_num(&b->trend, r, "dispersion"),
			      f->stat);
		brief_page_wrap(pg, 9, brief_table_str(&b->trend, r, "note"),
				f->indent);
		brief_page_next(pg);
	}
}

int brief_write_trend(struct brief_book *bk, const struct brief *b,
		      const char *lang, struct rk_error *err)
{
	struct brief_page pg;

	if (!b->trend.ncols)
		return 0;
	if (brief_page_open(&pg, bk, b, lang, brief_t(lang, "sheet.trend"), 9,
			    err) < 0)
		return -1;
	brief_page_cols(&pg, 0, 0, 40);
	brief_page_cols(&pg, 1, 8, 11);
	brief_page_cols(&pg, 9, 9, 40);
	brief_page_line(&pg, brief_t(lang, "trend.title"), bk->f.title);
	brief_page_para(&pg, brief_t(lang, "trend.reading"), NULL);
	if (b->trend.nrows == 0)
		brief_page_line(&pg, brief_t(lang, "none"), bk->f.note);
	for (size_t i = 0; i < b->npair; i++)
		if (b->pair[i].ntrend)
			trend_pair(&pg, &b->pair[i]);
	return 0;
}

/* ---- Estimates: mse.csv ---- */

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

static void mse_row(struct brief_page *pg, size_t r)
{
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	const struct brief_table *t = &b->mse;
	const char *kind = brief_table_str(t, r, "kind");
	char key[64], what[1024];
	int hide = brief_hidden(b->mse_mark[r]);
	static const char *const nums[] = { "estimate", "se", "ci_lo", "ci_hi",
					    "df", "deviance", "aic", "rank" };

	snprintf(key, sizeof(key), "mse.%s", kind);
	brief_put_str(pg->ws, pg->row, 0, strcmp(brief_t(pg->lang, key), key)
			  ? brief_t(pg->lang, key) : kind, f->text);
	if (strcmp(kind, "loglinear") == 0)
		snprintf(what, sizeof(what), "%s",
			 *brief_table_str(t, r, "model")
				 ? brief_table_str(t, r, "model")
				 : brief_table_str(t, r, "pattern"));
	else
		pattern_text(b, pg->lang, brief_table_str(t, r, "lists"),
			     strcmp(kind, "pattern") == 0
				 ? brief_table_str(t, r, "pattern") : "",
			     what, sizeof(what));
	brief_page_wrap(pg, 1, what, f->wrap);
	brief_put_count(pg->bk, pg->ws, pg->row, 2,
			brief_table_num(t, r, "count"), b->mse_mark[r], f->count);
	for (size_t i = 0; i < 8 && !hide; i++)
		brief_put_num(pg->ws, pg->row, (lxw_col_t)(3 + i),
			      brief_table_num(t, r, nums[i]),
			      i == 5 || i == 6 ? f->stat : f->count);
	brief_page_wrap(pg, 11, brief_table_str(t, r, "note"), f->indent);
	brief_page_next(pg);
}

int brief_write_estimates(struct brief_book *bk, const struct brief *b,
			  const char *lang, struct rk_error *err)
{
	static const char *const head[] = {
		"col.kind_mse", "col.lists", "col.count", "col.estimate",
		"col.se", "col.ci_lo", "col.ci_hi", "col.df", "col.deviance",
		"col.aic", "col.rank", "col.note"
	};
	struct brief_page pg;
	const char *last = NULL;

	if (!b->mse.ncols)
		return 0;
	if (brief_page_open(&pg, bk, b, lang, brief_t(lang, "sheet.estimates"),
			    11, err) < 0)
		return -1;
	brief_page_cols(&pg, 0, 0, 20);
	brief_page_cols(&pg, 1, 1, 44);
	brief_page_cols(&pg, 2, 10, 10);
	brief_page_cols(&pg, 11, 11, 36);
	brief_page_line(&pg, brief_t(lang, "estimates.title"), bk->f.title);
	brief_page_para(&pg, brief_t(lang, "estimates.reading"), NULL);
	for (size_t r = 0; r < b->mse.nrows; r++) {
		const char *ind = brief_table_str(&b->mse, r, "indicator");

		if (!last || strcmp(last, ind) != 0) {
			brief_page_heading(&pg, *ind ? brief_indicator(b->labels,
								       ind, lang)
						     : brief_t(lang, "all.cases"));
			brief_page_header(&pg, head, 12, 0x7FC);
			worksheet_write_string(pg.ws, pg.row - 1, 11,
					       brief_t(lang, "col.note"),
					       bk->f.head_indent);
			last = ind;
		}
		mse_row(&pg, r);
	}
	return 0;
}
