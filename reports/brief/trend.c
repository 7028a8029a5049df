/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Trend sheet: trend.csv, per pair the Poisson regression terms, with a
 * one-line reading.
 */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "sheets.h"
#include "wording.h"

/*
 * compare's note on a series too short for a trend, in the reader's
 * language; other notes as written.
 */
static const char *note_text(const char *lang, const char *note, char *buf,
			     size_t size)
{
	long n, min;

	if (sscanf(note, "%ld periods: too short for a trend (at least %ld",
		   &n, &min) != 2)
		return note;
	snprintf(buf, size, brief_t(lang, "trend.too_short"), n, min);
	return buf;
}

static void trend_pair(struct brief_page *pg, const struct brief_pair *p)
{
	static const char *const head[] = { "col.term", "col.estimate",
					    "col.ci_lo", "col.ci_hi", "col.p",
					    "col.periods", "col.deviance",
					    "col.df", "col.dispersion",
					    "col.note" };
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	char title[512], term[512], buf[256];

	brief_pair_title(b, p, pg->lang, title, sizeof(title));
	brief_page_heading(pg, title);
	brief_page_anchor(pg, pg->row - 1, 0, "trend", (size_t)(p - b->pair));
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
		else if (strcmp(t, "trend") == 0) {
			const char *gen = brief_source_case(b->labels, src,
							    pg->lang, 'g');

			snprintf(term, sizeof(term),
				 brief_t(pg->lang, gen ? "trend.of.case"
						       : "trend.of"),
				 gen ? gen
				     : brief_source_name(b->labels, src,
							 pg->lang));
		}
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
		brief_page_wrap(pg, 9, note_text(pg->lang,
				brief_table_str(&b->trend, r, "note"), buf,
				sizeof(buf)), f->indent);
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
	brief_page_finish(&pg);
	return 0;
}
