/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The revisions section of the Data quality sheet (issue 22): what each
 * source's latest edition changed from the edition before (revisions.csv
 * of reckon-compare --db), cell by cell, so that "your figure last quarter
 * was different" is answered in the brief itself.  Shown only when the
 * results have it (a source with two editions or more).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sheets.h"
#include "wording.h"

/* Whether the brief may show this source's numbers (disclosure). */
static int numbers_shown(const struct brief *b, const char *source)
{
	const struct rk_source *s = rk_config_source(b->cfg, source);

	return !brief_protects(b) || (s && s->published);
}

/* "Torture complaints, Q3 2024, Sughd, female". */
static void where(const struct brief_page *pg, size_t r, char *buf,
		  size_t size)
{
	const struct brief *b = pg->b;
	const struct brief_table *t = &b->revisions;
	char period[64];
	size_t len;

	len = (size_t)snprintf(buf, size, "%s, %s",
			       brief_indicator(b->labels, brief_table_str(t, r,
					       "indicator"), pg->lang),
			       brief_period(pg->lang, brief_table_str(t, r,
					    "period"), period,
					    sizeof(period)));
	for (size_t d = 0; d < b->ndims && len < size; d++) {
		const char *v = brief_table_str(t, r, b->dims[d]);

		if (*v)
			len += (size_t)snprintf(buf + len, size - len, ", %s",
						brief_label(b->labels, d, v,
							    pg->lang));
	}
}

/* The status words of the notes section; no status is a final figure. */
static const char *status_text(const char *lang, const char *st, char *key,
			       size_t size)
{
	if (!*st)
		return brief_t(lang, "revisions.final");
	snprintf(key, size, "status.%s", st);
	return brief_t(lang, key);
}

/* "revised: +1 (+16.7 %); provisional → final", or "added", ... */
static void change(const struct brief_page *pg, size_t r, int shown,
		   char *buf, size_t size)
{
	const struct brief_table *t = &pg->b->revisions;
	const char *kind = brief_table_str(t, r, "kind");
	const char *os = brief_table_str(t, r, "old_status");
	const char *ns = brief_table_str(t, r, "new_status");
	double diff = brief_table_num(t, r, "difference");
	double rel = brief_table_num(t, r, "rel_change");
	char key[64], k2[64], a[40], p[40];
	size_t len;

	snprintf(key, sizeof(key), "revisions.%s", kind);
	len = (size_t)snprintf(buf, size, "%s", brief_t(pg->lang, key));
	if (shown && !isnan(diff) && len < size)
		len += (size_t)snprintf(buf + len, size - len, ": %s%s",
					diff > 0 ? "+" : diff < 0 ? "−" : "",
					brief_num(pg->lang, fabs(diff), 0, a,
						  sizeof(a)));
	if (shown && !isnan(rel) && len < size)
		len += (size_t)snprintf(buf + len, size - len, " (%s%s %%)",
					rel > 0 ? "+" : rel < 0 ? "−" : "",
					brief_num(pg->lang, fabs(rel) * 100, 1,
						  p, sizeof(p)));
	if (strcmp(kind, "revised") == 0 && strcmp(os, ns) != 0 && len < size)
		snprintf(buf + len, size - len, "; %s → %s",
			 status_text(pg->lang, os, key, sizeof(key)),
			 status_text(pg->lang, ns, k2, sizeof(k2)));
}

static void put_value(struct brief_page *pg, size_t r, lxw_col_t c,
		      const char *col, int shown)
{
	const struct brief_formats *f = &pg->bk->f;
	const char *v = brief_table_str(&pg->b->revisions, r, col);

	if (!*v)
		return;
	if (shown)
		brief_put_num(pg->ws, pg->row, c,
			      brief_table_num(&pg->b->revisions, r, col),
			      f->count);
	else
		brief_put_str(pg->ws, pg->row, c, "x", f->mark);
}

static void revision_row(struct brief_page *pg, size_t r)
{
	const struct brief *b = pg->b;
	const struct brief_table *t = &b->revisions;
	const struct brief_formats *f = &pg->bk->f;
	const char *source = brief_table_str(t, r, "source");
	int shown = numbers_shown(b, source);
	char buf[512], eds[300];

	brief_page_wrap(pg, 0, brief_source_name(b->labels, source, pg->lang),
			f->wrap);
	where(pg, r, buf, sizeof(buf));
	brief_page_wrap(pg, 1, buf, f->wrap);
	put_value(pg, r, 2, "old_value", shown);
	put_value(pg, r, 3, "new_value", shown);
	change(pg, r, shown, buf, sizeof(buf));
	brief_page_wrap(pg, 4, buf, f->indent);
	snprintf(eds, sizeof(eds), "%s → %s",
		 brief_table_str(t, r, "old_edition"),
		 brief_table_str(t, r, "new_edition"));
	brief_page_wrap(pg, 5, eds, f->wrap);
	brief_page_next(pg);
}

void brief_quality_revisions(struct brief_page *pg)
{
	static const char *const head[] = { "col.source", "col.where",
					    "col.old_value", "col.new_value",
					    "col.change", "col.editions" };
	const struct brief_table *t = &pg->b->revisions;

	if (!t->ncols)
		return;
	brief_page_heading(pg, brief_t(pg->lang, "revisions"));
	/* without a database the editions are the pipeline's files */
	brief_page_para(pg, brief_t(pg->lang, pg->b->db_target &&
				    !pg->b->db_target[0] &&
				    !pg->b->warehouse_editions ?
				    "revisions.reading_files" :
				    "revisions.reading"), NULL);
	if (!t->nrows) {
		brief_page_line(pg, brief_t(pg->lang, "none"),
				pg->bk->f.note);
		return;
	}
	brief_page_header(pg, head, 6, 0xc);
	for (size_t r = 0; r < t->nrows; r++)
		revision_row(pg, r);
}
