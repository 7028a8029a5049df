/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_LAYOUT_H
#define RECKON_BRIEF_LAYOUT_H

#include <stddef.h>

#include "brief.h"
#include "book.h"

/*
 * What the sheets have in common: a writing position on a sheet, headings,
 * wrapped paragraphs, table headers, and the words for pairs, periods and
 * dimensions.  One struct brief_page per sheet being written.
 */
struct brief_page {
	struct brief_book *bk;
	const struct brief *b;
	lxw_worksheet *ws;
	const char *lang;
	lxw_row_t row;             /* the next row to write */
	lxw_col_t last;            /* paragraphs span columns 0..last */
	double colw[64];           /* column widths set, in characters */
	unsigned long long set;    /* columns given a width (bit c) */
	int committed;             /* widths fitted and written */
	double lines;              /* lines the current row needs */
	/* for the page breaks (brief_page_finish): each row's height in
	   points (0: the default), whether it keeps with the rows after it
	   (a heading), and the breaks asked for */
	float *height;
	unsigned char *keep;
	size_t nheight;
	lxw_row_t *breaks;
	size_t nbreaks;
};

/* The colours of source A and B in every chart (B is also hatched). */
#define BRIEF_COLOUR_A 0x1F4E79
#define BRIEF_COLOUR_B 0xC55A11

/*
 * The number format of a chart's counts in the sheet's language: "#,##0"
 * in English; in Russian and Tajik "0" (1279, as the text writes it: a
 * reader's program in an English locale printed "1,279" beside it).
 */
lxw_format *brief_chart_count(const struct brief_page *pg);
const char *brief_chart_num_format(const struct brief_page *pg);

/* A text in lang, else English, else any; NULL when none. */
const char *brief_i18n(const struct rk_i18n *t, const char *lang);

/*
 * The page header of a sheet shared by the languages (Provenance, Data):
 * the title in the first language, the date, and whether the data are
 * final in every language.  Not in an internal brief (its own header).
 */
void brief_annex_header(lxw_worksheet *ws, const struct brief *b);

/* The brief's title in lang, else in English, else the pipeline's id. */
const char *brief_title_in(const struct brief *b, const char *lang);

/*
 * Ends a sheet: its print area is columns 0..last of the rows written (a
 * line of text running on to the right would otherwise widen the printed
 * page and shrink its type), and its page breaks: where one was asked for
 * (brief_page_break), and before any row that would not fit on the page,
 * a heading kept with the row after it (issue 20 item 6: a heading
 * alone at a page's foot, a page of a lone paragraph).  Frees what the
 * page kept for them.
 */
void brief_page_finish(struct brief_page *pg);

/* A page break before the current row. */
void brief_page_break(struct brief_page *pg);

/* Row r's height in points, set on the sheet and noted for the breaks. */
void brief_page_row_height(struct brief_page *pg, lxw_row_t r, double pts);

/*
 * Starts a sheet called name, in lang; paragraphs wrap across columns
 * 0..last.  Returns 0, or -1 with err set.
 */
int brief_page_open(struct brief_page *pg, struct brief_book *bk,
		    const struct brief *b, const char *lang, const char *name,
		    lxw_col_t last, struct rk_error *err);

/* Sets the width (in characters) of columns first..last. */
void brief_page_cols(struct brief_page *pg, lxw_col_t first, lxw_col_t last,
		     double width);

/*
 * Writes text wrapped in column c of the current row, and notes how many
 * lines it takes; brief_page_next then makes the row that tall.
 */
void brief_page_wrap(struct brief_page *pg, lxw_col_t c, const char *text,
		     lxw_format *f);

/* text in the cells first..last of the current row, merged, wrapped, the
 * row as tall as it needs at their width together. */
void brief_page_wrap_span(struct brief_page *pg, lxw_col_t first,
			  lxw_col_t last, const char *text, lxw_format *f);

/* Ends the current row (its height fitted to wrapped text). */
void brief_page_next(struct brief_page *pg);

/* A line of text in format f, on its own row. */
void brief_page_line(struct brief_page *pg, const char *text, lxw_format *f);

/* A heading with a blank row before it (none at the top). */
void brief_page_heading(struct brief_page *pg, const char *text);

/*
 * A paragraph wrapped across the text columns, its row made tall enough;
 * f is bk->f.wrap or bk->f.note_wrap (NULL: wrap).
 */
void brief_page_para(struct brief_page *pg, const char *text, lxw_format *f);

/* The internal copy's notice, in bold (method.c): what it shows that the
 * brief for distribution withholds. */
void brief_internal_note(struct brief_page *pg);

/*
 * A table header row of n labels (keys of brief_t) from column 0; numeric
 * columns (bit i of numeric) are right-aligned.
 */
void brief_page_header(struct brief_page *pg, const char *const *keys,
		       size_t n, unsigned long numeric);

/*
 * Links (brief_book_anchor, brief_book_link) under keys "<lang>/<what>/<i>":
 * what: "total" (the headline row of pair i), "cells" (the cell table of
 * pair i), "cell" (row i of cells.csv on its pair sheet), "trend", "ccc",
 * "dist" (pair i on those sheets).  brief_page_anchor names row, col of
 * this sheet; brief_page_link_para writes a paragraph across all but the
 * last column and, in the last, a word ("figures →") that links to key.
 */
void brief_page_anchor(struct brief_page *pg, lxw_row_t row, lxw_col_t col,
		       const char *what, size_t i);
void brief_page_link_para(struct brief_page *pg, const char *text,
			  const char *key);

/* A blank row. */
void brief_page_skip(struct brief_page *pg);

/* "Complaints of torture: Coalition against torture vs Prosecutor ..." */
void brief_pair_title(const struct brief *b, const struct brief_pair *p,
		      const char *lang, char *buf, size_t size);

/* A dimension's name in lang ("region" → "Region" / "Регион"). */
const char *brief_dim_name(const char *lang, const char *dim, char *buf,
			   size_t size);

/* A column's label: col.<name> in lang, or the name itself. */
const char *brief_col_label(const char *lang, const char *col, char *buf,
			    size_t size);

/* The period range of the config in lang, "Q1 2024 – Q3 2024"; "" if none. */
void brief_period_range(const struct brief *b, const char *lang, char *buf,
			size_t size);

/*
 * Where cells.csv row r is, in lang: its dimension labels (those in
 * dims) and period, ", "-joined ("Dushanbe, Q3 2024").
 */
void brief_cell_where(const struct brief *b, size_t r, unsigned dims,
		      const char *lang, char *buf, size_t size);

/* A source's kind in lang ("civil society"); "" when not given. */
const char *brief_kind_text(const struct brief *b, const char *id,
			    const char *lang);

/* The flag of cells.csv in lang ("larger than chance"). */
const char *brief_flag_text(const char *lang, const char *flag);

#endif
