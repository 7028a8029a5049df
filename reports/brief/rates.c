/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Rates sheet: rates.csv, per pair each cell's counts per 100,000 of
 * its population with their exact intervals, and the ratio of the rates.
 * A withheld count's rate is withheld with it (the rate times the
 * population is the count); the other figures rest on one cell's counts
 * and the public populations alone.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "sheets.h"
#include "wording.h"

/* 100000 as the reader writes it: "100,000", "100 000". */
static const char *per_text(const char *lang, double per, char *buf,
			    size_t size)
{
	char digits[32];
	size_t n, o = 0;
	const char *sep = strcmp(lang, "en") ? "\u00a0" : ",";

	snprintf(digits, sizeof(digits), "%.0f", per);
	n = strlen(digits);
	for (size_t i = 0; i < n && o + 4 < size; i++) {
		if (i && (n - i) % 3 == 0)
			o += (size_t)snprintf(buf + o, size - o, "%s", sep);
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

/* "0.516 – 1.74": an interval at the precision it is read at. */
static void put_ci(struct brief_page *pg, lxw_col_t c, double lo, double hi)
{
	char buf[64];

	if (!isfinite(lo) || !isfinite(hi))
		return;
	snprintf(buf, sizeof(buf), "%.3g – %.3g", lo, hi);
	brief_put_str(pg->ws, pg->row, c, buf, pg->bk->f.text);
}

/* Why a cell has no rate ratio, in the reader's words. */
static const char *why_not(const struct brief *b, size_t r, const char *lang)
{
	const struct brief_table *t = &b->rates;

	if (isnan(brief_table_num(t, r, "exposure_a")) ||
	    isnan(brief_table_num(t, r, "exposure_b")))
		return brief_t(lang, "rates.no_population");
	if (!isnan(brief_table_num(t, r, "rate_ratio")))
		return "";
	return brief_flag_text(lang, brief_table_str(&b->cells, r, "flag"));
}

static void rate_row(struct brief_page *pg, size_t r)
{
	const struct brief *b = pg->b;
	const struct brief_table *t = &b->rates;
	const struct brief_formats *f = &pg->bk->f;
	int hide_a = brief_hidden(b->cell_a[r]);
	int hide_b = brief_hidden(b->cell_b[r]);
	char where[512];

	brief_cell_where(b, r, ~0u, pg->lang, where, sizeof(where));
	brief_page_wrap(pg, 0, where, f->wrap);
	brief_put_count(pg->bk, pg->ws, pg->row, 1,
			brief_table_num(&b->cells, r, "a"), b->cell_a[r],
			f->count);
	brief_put_count(pg->bk, pg->ws, pg->row, 2,
			brief_table_num(&b->cells, r, "b"), b->cell_b[r],
			f->count);
	brief_put_num(pg->ws, pg->row, 3,
		      brief_table_num(t, r, "exposure_a"), f->count);
	brief_put_num(pg->ws, pg->row, 4,
		      brief_table_num(t, r, "exposure_b"), f->count);
	if (!hide_a) {
		brief_put_num(pg->ws, pg->row, 5,
			      brief_table_num(t, r, "rate_a"), f->stat);
		put_ci(pg, 6, brief_table_num(t, r, "rate_a_lo"),
		       brief_table_num(t, r, "rate_a_hi"));
	}
	if (!hide_b) {
		brief_put_num(pg->ws, pg->row, 7,
			      brief_table_num(t, r, "rate_b"), f->stat);
		put_ci(pg, 8, brief_table_num(t, r, "rate_b_lo"),
		       brief_table_num(t, r, "rate_b_hi"));
	}
	if (!hide_a && !hide_b) {
		brief_put_num(pg->ws, pg->row, 9,
			      brief_table_num(t, r, "rate_ratio"), f->ratio);
		put_ci(pg, 10, brief_table_num(t, r, "rate_ratio_lo"),
		       brief_table_num(t, r, "rate_ratio_hi"));
		brief_put_num(pg->ws, pg->row, 11,
			      brief_table_num(t, r, "p_value"), f->pval);
		brief_page_wrap(pg, 12, why_not(b, r, pg->lang), f->indent);
	}
	brief_page_next(pg);
}

/* Has any cell of the pair a population (its comparison names them)? */
static int has_rates(const struct brief *b, const struct brief_pair *p)
{
	for (size_t i = 0; i < p->ncell; i++)
		if (!isnan(brief_table_num(&b->rates, p->cell[i], "per")))
			return 1;
	return 0;
}

static void rates_pair(struct brief_page *pg, const struct brief_pair *p)
{
	const struct brief *b = pg->b;
	char title[512], per[32], a[96], bb[96];
	const char *const head[] = {
		"col.where", "col.a", "col.b", "col.exposure_a",
		"col.exposure_b", NULL, "col.ci", NULL, "col.ci",
		"col.rate_ratio", "col.ci", "col.p", "col.note"
	};

	brief_pair_title(b, p, pg->lang, title, sizeof(title));
	brief_page_heading(pg, title);
	per_text(pg->lang, brief_table_num(&b->rates, p->cell[0], "per"), per,
		 sizeof(per));
	snprintf(a, sizeof(a), brief_t(pg->lang, "col.rate_a"), per);
	snprintf(bb, sizeof(bb), brief_t(pg->lang, "col.rate_b"), per);
	for (lxw_col_t c = 0; c < 13; c++)
		brief_page_wrap(pg, c, c == 5 ? a : c == 7 ? bb
					: brief_t(pg->lang, head[c]),
				c == 0 || c == 12 ? pg->bk->f.head
						  : pg->bk->f.head_num);
	brief_page_next(pg);
	for (size_t i = 0; i < p->ncell; i++)
		rate_row(pg, p->cell[i]);
}

int brief_write_rates(struct brief_book *bk, const struct brief *b,
		      const char *lang, struct rk_error *err)
{
	struct brief_page pg;

	if (!b->rates.ncols || !b->rates.nrows)
		return 0;
	if (brief_page_open(&pg, bk, b, lang, brief_t(lang, "sheet.rates"),
			    12, err) < 0)
		return -1;
	brief_page_cols(&pg, 0, 0, 30);
	brief_page_cols(&pg, 1, 11, 11);
	brief_page_cols(&pg, 12, 12, 30);
	brief_page_line(&pg, brief_t(lang, "rates.title"), bk->f.title);
	brief_page_para(&pg, brief_t(lang, "rates.reading"), NULL);
	for (size_t i = 0; i < b->npair; i++)
		if (b->pair[i].ncell && has_rates(b, &b->pair[i]))
			rates_pair(&pg, &b->pair[i]);
	brief_page_finish(&pg);
	return 0;
}
