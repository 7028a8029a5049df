/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Distribution sheet: distribution.csv, per pair and dimension, the
 * categories side by side and the homogeneity tests, with a one-line reading.
 */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "sheets.h"
#include "wording.h"


/* reckon-compare's note on a table's tests, in the reader's language. */
static const char *note_text(const char *lang, const char *note)
{
	static const struct {
		const char *start, *key;
	} known[] = {
		{ "no compared cells", "dist.no_cells" },
		{ "a source counts nothing here", "dist.nothing" },
		{ "fewer than 2 categories", "dist.few" },
		{ "expected counts below 5", "dist.monte_carlo" },
	};

	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
		if (!strncmp(note, known[i].start, strlen(known[i].start)))
			return brief_t(lang, known[i].key);
	return note;
}

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
				brief_col_label(pg->lang, cols[i], label,
						sizeof(label)), f->head_num);
	brief_page_next(pg);
	brief_page_wrap(pg, 0, note_text(pg->lang,
				brief_table_str(&b->dist, r, "note")),
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
static int dist_row(struct brief_page *pg, const struct brief_pair *p,
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
	return hide;
}

static void dist_pair(struct brief_page *pg, const struct brief_pair *p)
{
	static const char *const head[] = { "col.category", "col.a", "col.b",
					    "col.share_a", "col.share_b",
					    "col.adj_residual" };
	const struct brief *b = pg->b;
	char title[512], name[64], line[700];
	int hidden;

	brief_pair_title(b, p, pg->lang, title, sizeof(title));
	for (size_t i = 0; i < p->ndist;) {
		const char *dim = brief_table_str(&b->dist, p->dist[i],
						  "dimension");
		long d = brief_dim_index(b, dim);
		size_t first = i;

		snprintf(line, sizeof(line), "%s — %s", title,
			 brief_dim_name(pg->lang, dim, name, sizeof(name)));
		brief_page_heading(pg, line);
		if (i == first && first == 0)
			brief_page_anchor(pg, pg->row - 1, 0, "dist",
					  (size_t)(p - b->pair));
		brief_page_header(pg, head, 6, 0x3E);
		hidden = 0;
		while (i < p->ndist &&
		       strcmp(brief_table_str(&b->dist, p->dist[i],
					      "dimension"), dim) == 0)
			hidden |= dist_row(pg, p, d < 0 ? (size_t)-1
							: (size_t)d,
					   p->dist[i++]);
		/* blanks said for what they are, not left to read as none */
		if (hidden)
			brief_page_para(pg, brief_t(pg->lang, "dist.withheld"),
					pg->bk->f.note_wrap);
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
	brief_page_finish(&pg);
	return 0;
}
