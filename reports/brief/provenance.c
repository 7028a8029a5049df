/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Provenance sheet (one, in every sheet language at once): the run,
 * the tool, the database or "files", and every file the brief was made
 * from with its SHA-256.  The Data sheet: the tidy observations.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout.h"
#include "sheets.h"
#include "utf8.h"
#include "wording.h"

/*
 * key in every sheet language, the reader's first, sep-joined into buf;
 * a text the same as one before it once.  With max, only as many
 * languages as fit in max characters (a sheet name: never one cut off).
 */
static const char *joined(const struct brief *b, const char *key,
			  const char *sep, size_t max, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t l = 0; l < b->nlang; l++) {
		const char *s = brief_t(b->lang[l], key);
		int seen = 0;

		for (size_t k = 0; k < l; k++)
			seen |= strcmp(s, brief_t(b->lang[k], key)) == 0;
		if (seen || (l && max && rk_utf8_chars(buf) + rk_utf8_chars(sep) +
					 rk_utf8_chars(s) >
						 max))
			continue;
		if (len >= size)
			break;
		len += (size_t)snprintf(buf + len, size - len,
					"%s%s", l ? sep : "", s);
	}
	return buf;
}

static const char *all_langs(const struct brief *b, const char *key,
			     char *buf, size_t size)
{
	return joined(b, key, " / ", 0, buf, size);
}

static void fact(struct brief_page *pg, const char *key, const char *value)
{
	char label[256];

	brief_page_wrap(pg, 0, all_langs(pg->b, key, label, sizeof(label)),
			pg->bk->f.label);
	brief_page_wrap_span(pg, 1, 4, value, pg->bk->f.wrap);
	brief_page_next(pg);
}

static void run_block(struct brief_page *pg)
{
	const struct brief *b = pg->b;
	char date[64], buf[512], words[256];
	time_t t = (time_t)b->created;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(buf, sizeof(buf), "%s (%s)", date,
		 strcmp(b->created_from, "run") == 0
			 ? all_langs(b, "dated.run", words, sizeof(words))
			 : b->created_from);
	fact(pg, "prov.run_id", !b->run_id ? "—" : brief_protects(b) ?
	     all_langs(b, "prov.withheld", words, sizeof(words)) : b->run_id);
	fact(pg, "prov.pipeline", b->cfg->pipeline);
	if (b->version)
		fact(pg, "prov.run_version", b->version);
	fact(pg, "prov.report_version", "reckon-report " RECKON_VERSION);
	fact(pg, "prov.dated", buf);
	fact(pg, "prov.database", *b->db_target
			? b->db_target
			: all_langs(b, "prov.files", words, sizeof(words)));
	if (b->rounding) {
		snprintf(buf, sizeof(buf), "%ld", b->rounding);
		fact(pg, "prov.rounding", buf);
		return;
	}
	snprintf(buf, sizeof(buf), "%ld", b->k);
	fact(pg, "prov.suppress_below", b->k ? buf : "—");
}

static void files_block(struct brief_page *pg)
{
	static const char *const keys[] = { "col.role", "col.source",
					     "col.file", "col.sheet",
					     "col.sha256", "col.bytes",
					     "col.rows" };
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	char label[256], key[64];

	pg->row++;
	brief_put_str(pg->ws, pg->row++, 0,
		      all_langs(b, "prov.files_head", label, sizeof(label)),
		      f->heading);
	for (size_t i = 0; i < 7; i++)
		brief_page_wrap(pg, (lxw_col_t)i,
				all_langs(b, keys[i], label, sizeof(label)),
				i >= 5 ? f->head_num : f->head);
	worksheet_repeat_rows(pg->ws, pg->row, pg->row);
	brief_page_next(pg);
	for (size_t i = 0; i < b->nfile; i++) {
		const struct brief_file *x = &b->file[i];

		snprintf(key, sizeof(key), "role.%s", x->role);
		brief_page_wrap(pg, 0, all_langs(b, key, label, sizeof(label)),
				f->wrap);
		brief_put_str(pg->ws, pg->row, 1, x->source, f->code);
		brief_page_wrap(pg, 2, x->path, f->wrap);
		brief_page_wrap(pg, 3, x->sheet, f->wrap);
		if (brief_file_protected(b, x)) {
			brief_page_wrap(pg, 4, all_langs(b, "prov.withheld",
							 label, sizeof(label)),
					f->note_wrap);
			brief_page_next(pg);
			continue;
		}
		brief_put_str(pg->ws, pg->row, 4, x->sha256, f->code);
		if (x->size >= 0)
			brief_put_num(pg->ws, pg->row, 5, (double)x->size,
				      f->count);
		if (x->rows >= 0)
			brief_put_num(pg->ws, pg->row, 6, (double)x->rows,
				      f->count);
		brief_page_next(pg);
	}
}

int brief_write_provenance(struct brief_book *bk, const struct brief *b,
			   struct rk_error *err)
{
	struct brief_page pg;
	char name[128], word[128];

	if (brief_page_open(&pg, bk, b, b->lang[0],
			    joined(b, "sheet.provenance", " · ", 31, name,
				   sizeof(name)),
			    6, err) < 0)
		return -1;
	/* the annex of all languages: its own pages, numbered in both */
	worksheet_set_start_page(pg.ws, 1);
	brief_annex_header(pg.ws, b);
	brief_book_footer(bk, pg.ws, all_langs(b, "footer.page", word,
					       sizeof(word)));
	/* the SHA-256 column holds a whole digest (64 digits) at 9 points or
	   more: the others are as narrow as their words allow */
	brief_page_cols(&pg, 0, 0, 16);
	brief_page_cols(&pg, 1, 1, 7);
	brief_page_cols(&pg, 2, 2, 28);
	brief_page_cols(&pg, 3, 3, 10);
	brief_page_cols(&pg, 4, 4, 70);
	brief_page_cols(&pg, 5, 5, 9);
	brief_page_cols(&pg, 6, 6, 8);
	brief_page_line(&pg, all_langs(b, "prov.title", name, sizeof(name)),
			bk->f.title);
	for (size_t l = 0; l < b->nlang; l++)
		brief_page_para(&pg, brief_t(b->lang[l], "prov.reading"), NULL);
	pg.row++;
	run_block(&pg);
	files_block(&pg);
	brief_page_finish(&pg);
	return 0;
}

/* ---- Data ---- */

/* The columns' names in every sheet language (no codes, issue 20 item 7). */
static void data_header(lxw_worksheet *ws, const struct brief *b,
			const struct brief_formats *f)
{
	static const char *const head[] = { "col.source", "col.indicator",
					    "col.period" };
	static const char *const tail[] = { "col.value", "col.figure_status",
					    "col.origin" };
	char text[512], word[128];
	lxw_col_t c = 0;

	/* one line per language */
	worksheet_set_row(ws, 0, 13.0 * (double)b->nlang + 4, NULL);
	for (size_t i = 0; i < 3; i++)
		brief_put_str(ws, 0, c++, joined(b, head[i], "\n", 0, text,
						 sizeof(text)), f->head);
	for (size_t d = 0; d < b->ndims; d++) {
		size_t len = 0;

		text[0] = '\0';
		for (size_t l = 0; l < b->nlang && len < sizeof(text); l++) {
			const char *s = brief_dim_name(b->lang[l], b->dims[d],
						       word, sizeof(word));

			if (!strstr(text, s))
				len += (size_t)snprintf(text + len,
							sizeof(text) - len,
							"%s%s", len ? "\n" : "",
							s);
		}
		brief_put_str(ws, 0, c++, text, f->head);
	}
	for (size_t i = 0; i < 3; i++)
		brief_put_str(ws, 0, c++, joined(b, tail[i], "\n", 0, text,
						 sizeof(text)),
			      i ? f->head : f->head_num);
}

/* Row r of a Data table as the reader reads it: names and labels in the
 * first language, the period written for people, the status in words. */
static void data_row(lxw_worksheet *ws, lxw_row_t row,
		     const struct brief *b, size_t i, size_t r,
		     struct brief_book *bk)
{
	const struct brief_table *t = &b->data[i];
	const char *lang = b->lang[0];
	long nc = (long)t->ncols;
	const char *v = brief_table_get(t, r, nc - 3);
	const char *st = brief_table_get(t, r, nc - 2);
	char per[64];
	lxw_col_t c = 0;

	lxw_format *f = bk->f.text;       /* the value's size and alignment */

	brief_put_str(ws, row, c++, brief_source_name(b->labels,
			brief_table_get(t, r, 0), lang), f);
	brief_put_str(ws, row, c++, brief_indicator(b->labels,
			brief_table_get(t, r, 1), lang), f);
	brief_put_str(ws, row, c++, brief_period(lang,
			brief_table_get(t, r, 2), per, sizeof(per)), f);
	for (size_t d = 0; d < b->ndims; d++)
		brief_put_str(ws, row, c++, brief_label(b->labels, d,
			brief_table_get(t, r, b->data_dim[i][d]), lang), f);
	if (*v)
		brief_put_count(bk, ws, row, c, atof(v), b->data_mark[i][r],
				bk->f.count);
	c++;
	brief_put_str(ws, row, c++, *st ? brief_word(lang, "status", st) : "",
		      f);
	brief_put_str(ws, row, c, brief_table_get(t, r, nc - 1), f);
}

int brief_write_data(struct brief_book *bk, const struct brief *b,
		     struct rk_error *err)
{
	const struct brief_formats *f = &bk->f;
	lxw_worksheet *ws;
	lxw_row_t row = 1;
	lxw_col_t ncols = (lxw_col_t)(b->ndims + 6);
	char name[128], word[128];

	if (!b->ndata)
		return 0;
	if (!(ws = brief_book_sheet(bk, joined(b, "sheet.data", " · ", 31, name,
					       sizeof(name)), err)))
		return -1;
	brief_book_footer(bk, ws, all_langs(b, "footer.page", word,
					    sizeof(word)));
	brief_annex_header(ws, b);
	/* names and labels as wide as the printed page allows (fitted to
	   its width, more would print the rows below 9 points) */
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 16, NULL);
	worksheet_set_column(ws, 2, 2, 11, NULL);
	worksheet_set_column(ws, 3, (lxw_col_t)(2 + b->ndims),
			     b->ndims > 2 ? 12 : 17, NULL);
	worksheet_set_column(ws, ncols - 3, ncols - 3, 8, NULL);
	worksheet_set_column(ws, ncols - 2, ncols - 2, 12, NULL);
	worksheet_set_column(ws, ncols - 1, ncols - 1, 30, NULL);
	data_header(ws, b, f);
	for (size_t i = 0; i < b->ndata; i++)
		for (size_t r = 0; r < b->data[i].nrows; r++, row++)
			data_row(ws, row, b, i, r, bk);
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, row > 1 ? row - 1 : 1, ncols - 1);
	worksheet_repeat_rows(ws, 0, 0);
	return 0;
}
