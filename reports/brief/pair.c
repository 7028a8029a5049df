/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * One sheet per reference-against pair: the reading, a clustered column
 * chart of A and B by the main dimension, a line chart of both over
 * periods, and the cell table with its flags coloured by conditional
 * formatting.  The charts plot "chart data" blocks written to the right of
 * the table (outside the print area), where withheld counts are blank:
 * they are left out of the charts.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "sheets.h"
#include "trace.h"
#include "wording.h"

#define CHART_ROWS 17
#define MAX_DIMS 32

struct pair_page {
	struct brief_page pg;
	const struct brief_pair *p;
	char sheet[64];               /* the sheet's name, for chart ranges */
	size_t ndims;                 /* dims shown */
	size_t dim[MAX_DIMS];
	lxw_row_t chart_row;          /* where the charts go */
	lxw_row_t data_row;           /* the next row of the chart data */
	lxw_col_t data_col;           /* its first column */
	lxw_row_t nnotes;             /* notes under the charts (chart_notes) */
	lxw_row_t notes;              /* written so far */
};

static const struct brief_formats *F(const struct pair_page *pp)
{
	return &pp->pg.bk->f;
}

/* The column of the flag: period, dims, then A, B and eight figures. */
static lxw_col_t flag_col(const struct pair_page *pp)
{
	return (lxw_col_t)(pp->ndims + 10);
}

/* The rows of the Data sheet that hold A's and B's figures: the sheet's
 * last column. */
static lxw_col_t trace_col(const struct pair_page *pp)
{
	return flag_col(pp) + 1;
}

/* Chart text may not start with '=' (it would be read as a reference). */
static const char *chart_text(const char *s, char *buf, size_t size)
{
	if (*s != '=')
		return s;
	snprintf(buf, size, " %s", s);
	return buf;
}

static void names_line(struct pair_page *pp)
{
	const struct brief *b = pp->pg.b;
	const char *lang = pp->pg.lang;
	char line[1024];
	const char *ka = brief_kind_text(b, pp->p->reference, lang);
	const char *kb = brief_kind_text(b, pp->p->against, lang);

	snprintf(line, sizeof(line), "A: %s%s%s%s · B: %s%s%s%s",
		 brief_source_name(b->labels, pp->p->reference, lang),
		 *ka ? " (" : "", ka, *ka ? ")" : "",
		 brief_source_name(b->labels, pp->p->against, lang),
		 *kb ? " (" : "", kb, *kb ? ")" : "");
	brief_page_line(&pp->pg, line, F(pp)->subtitle);
}

/* "Compared by region, period; not broken down by sex" */
static void breakdown_line(struct pair_page *pp)
{
	const struct brief *b = pp->pg.b;
	const char *lang = pp->pg.lang;
	char line[1024], name[64], low[64];
	size_t len;

	len = (size_t)snprintf(line, sizeof(line), "%s",
			       brief_t(lang, "pair.by"));
	for (size_t i = 0; i < pp->ndims && len < sizeof(line); i++)
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s, ",
			brief_lower_first(brief_dim_name(lang,
				b->dims[pp->dim[i]], name, sizeof(name)),
				low, sizeof(low)));
	if (len < sizeof(line))
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s",
					brief_t(lang, "pair.by_period"));
	for (size_t d = 0; d < b->ndims && len < sizeof(line); d++) {
		if (pp->p->dims >> d & 1)
			continue;
		len += (size_t)snprintf(line + len, sizeof(line) - len,
			brief_t(lang, "pair.summed"),
			brief_lower_first(brief_dim_name(lang, b->dims[d], name,
							 sizeof(name)),
					  low, sizeof(low)));
	}
	brief_page_line(&pp->pg, line, F(pp)->note);
}

static void reading(struct pair_page *pp)
{
	char s[BRIEF_FINDINGS_MAX][BRIEF_SENTENCE_MAX], where[256];
	char text[2 * BRIEF_SENTENCE_MAX + 4];
	struct brief_facts f;
	size_t n;

	brief_pair_facts(pp->pg.b, pp->p, pp->pg.lang, &f, where,
			 sizeof(where));
	n = brief_findings(&f, s);
	if (n == 0)
		return;
	snprintf(text, sizeof(text), "%s%s%s", s[0], n > 1 ? " " : "",
		 n > 1 ? s[1] : "");
	pp->pg.row++;
	brief_page_para(&pp->pg, text, NULL);
}

/* ---- the cell table ---- */

static void table_header(struct pair_page *pp)
{
	static const char *const tail[] = {
		"col.a", "col.b", "col.diff", "col.sym_pct", "col.ratio",
		"col.ci_lo", "col.ci_hi", "col.p", "col.q", "col.flag"
	};
	struct brief_page *pg = &pp->pg;
	char name[64];
	lxw_col_t c = 0;

	brief_page_wrap(pg, c++, brief_t(pg->lang, "col.period"),
			F(pp)->head);
	for (size_t i = 0; i < pp->ndims; i++)
		brief_page_wrap(pg, c++,
				brief_dim_name(pg->lang,
					       pg->b->dims[pp->dim[i]], name,
					       sizeof(name)), F(pp)->head);
	for (size_t i = 0; i < 10; i++)
		brief_page_wrap(pg, c++, brief_t(pg->lang, tail[i]),
				i < 9 ? F(pp)->head_num : F(pp)->head_indent);
	if (pg->b->trace)
		brief_page_wrap(pg, c, brief_t(pg->lang, "col.data_rows"),
				F(pp)->head_indent);
	worksheet_repeat_rows(pg->ws, pg->row, pg->row);
	brief_page_next(pg);
}

static void table_row(struct pair_page *pp, size_t r)
{
	struct brief_page *pg = &pp->pg;
	const struct brief *b = pg->b;
	const struct brief_table *t = &b->cells;
	lxw_worksheet *ws = pg->ws;
	char period[64];
	lxw_col_t c = 0;
	int hide = brief_hidden(b->cell_a[r]) || brief_hidden(b->cell_b[r]);
	static const char *const stats[] = { "diff", "sym_pct", "ratio",
					     "ratio_lo", "ratio_hi", "p_value",
					     "q_value" };
	lxw_format *sf[] = { F(pp)->count, F(pp)->pct, F(pp)->ratio,
			     F(pp)->ratio, F(pp)->ratio, F(pp)->pval,
			     F(pp)->pval };

	brief_page_anchor(pg, pg->row, 0, "cell", r);
	brief_put_str(ws, pg->row, c++,
		      brief_period(pg->lang, brief_table_str(t, r, "period"),
				   period, sizeof(period)), F(pp)->text);
	for (size_t i = 0; i < pp->ndims; i++)
		brief_page_wrap(pg, c++,
				brief_label(b->labels, pp->dim[i],
					    brief_cell_dim(b, r, pp->dim[i]),
					    pg->lang), F(pp)->wrap);
	brief_put_count(pg->bk, ws, pg->row, c++,
			brief_table_num(t, r, "a"), b->cell_a[r], F(pp)->count);
	brief_put_count(pg->bk, ws, pg->row, c++,
			brief_table_num(t, r, "b"), b->cell_b[r], F(pp)->count);
	for (size_t i = 0; i < 7; i++, c++)
		if (!hide) {
			double x = brief_table_num(t, r, stats[i]);

			brief_put_num(ws, pg->row, c, x,
				      i == 0 && x != floor(x) ? F(pp)->decimal
							      : sf[i]);
		}
	brief_page_wrap(pg, c++, brief_flag_text(pg->lang,
			brief_table_str(t, r, "flag")), F(pp)->indent);
	if (b->trace) {
		char ra[160], rb[160], both[400];

		brief_trace_rows(b->trace, b, pp->p->reference, r, ra,
				 sizeof(ra));
		brief_trace_rows(b->trace, b, pp->p->against, r, rb,
				 sizeof(rb));
		snprintf(both, sizeof(both), "%s%s%s%s%s",
			 *ra ? "A " : "", ra, *ra && *rb ? "; " : "",
			 *rb ? "B " : "", rb);
		brief_page_wrap(pg, c, both, F(pp)->indent);
	}
	brief_page_next(pg);
}

static void flag_colours(struct pair_page *pp, lxw_row_t first,
			 lxw_row_t last)
{
	static const char *const flags[] = { "significant", "only_a", "only_b",
					     "missing", "no_information",
					     "withheld_by_source" };
	struct brief_page *pg = &pp->pg;
	lxw_col_t col = flag_col(pp);

	for (size_t i = 0; i < sizeof(flags) / sizeof(*flags); i++) {
		lxw_conditional_format cf = { 0 };
		char value[256];

		snprintf(value, sizeof(value), "\"%s\"",
			 brief_flag_text(pg->lang, flags[i]));
		cf.type = LXW_CONDITIONAL_TYPE_CELL;
		cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
		cf.value_string = value;
		cf.format = i == 0 ? F(pp)->flag_sig :
			    i < 3 ? F(pp)->flag_gap : F(pp)->flag_missing;
		worksheet_conditional_format_range(pg->ws, first, col, last,
						   col, &cf);
	}
}

static void legend(struct pair_page *pp)
{
	struct brief_page *pg = &pp->pg;
	char line[1024], alpha[32];

	brief_num(pg->lang, pp->p->alpha, 2, alpha, sizeof(alpha));
	snprintf(line, sizeof(line), brief_t(pg->lang, "pair.legend"), alpha);
	brief_page_para(pg, line, F(pp)->note_wrap);
	if (pg->b->k > 0) {
		snprintf(line, sizeof(line), brief_t(pg->lang, "marks.legend"),
			 pg->b->k, pg->b->k - 1);
		brief_page_para(pg, line, F(pp)->note_wrap);
	}
}

static void cell_table(struct pair_page *pp)
{
	struct brief_page *pg = &pp->pg;
	lxw_row_t first;

	brief_page_heading(pg, brief_t(pg->lang, "pair.cells"));
	brief_page_anchor(pg, pg->row - 1, 0, "cells",
			  (size_t)(pp->p - pg->b->pair));
	pp->data_row = pg->row;
	if (pp->p->ncell == 0) {
		brief_page_line(pg, brief_t(pg->lang, "pair.nocells"),
				F(pp)->note);
		return;
	}
	table_header(pp);
	first = pg->row;
	for (size_t i = 0; i < pp->p->ncell; i++)
		table_row(pp, pp->p->cell[i]);
	flag_colours(pp, first, pg->row - 1);
	pg->row++;
	legend(pp);
}

/* ---- charts ---- */

/* A value of the chart data: a withheld one shows its mark ("<5", "x"). */
static void chart_value(struct pair_page *pp, lxw_row_t r, lxw_col_t c,
			double x, unsigned char mark)
{
	brief_put_count(pp->pg.bk, pp->pg.ws, r, c, x, mark,
			brief_chart_count(&pp->pg));
}

/*
 * How many notes the charts need (each takes a row of the chart band, at
 * its foot): one when a category of the column chart has a withheld count,
 * one per series of the line chart with a withheld total.
 */
static lxw_row_t chart_notes(const struct pair_page *pp)
{
	const struct brief *b = pp->pg.b;
	const struct brief_pair *p = pp->p;
	int left = 0, a = 0, v = 0;

	for (size_t i = 0; pp->ndims && i < p->ndist; i++) {
		size_t r = p->dist[i];

		left |= strcmp(brief_table_str(&b->dist, r, "dimension"),
			       b->dims[pp->dim[0]]) == 0 &&
			(brief_hidden(b->dist_a[r]) ||
			 brief_hidden(b->dist_b[r]));
	}
	for (size_t k = 0; k < p->nperiod; k++) {
		a |= brief_hidden(p->pa_mark[k]);
		v |= brief_hidden(p->pb_mark[k]);
	}
	return (lxw_row_t)(left + a + v);
}

/*
 * A note under the charts, inside the print area: what is not drawn
 * because a count is withheld.  Charts never show a withheld count, not
 * even as a gap or a missing bar, which would read as zero.
 */
static void chart_note(struct pair_page *pp, const char *text)
{
	struct brief_page *pg = &pp->pg;
	lxw_row_t r = pp->chart_row + CHART_ROWS - pp->nnotes + pp->notes++;

	worksheet_merge_range(pg->ws, r, 0, r, flag_col(pp), text,
			      F(pp)->note_wrap);
	brief_page_row_height(pg, r, 26);
}

/* A chart data block's heading and header; returns its first data row. */
static lxw_row_t chart_block(struct pair_page *pp, const char *heading,
			     const char *first_col)
{
	struct brief_page *pg = &pp->pg;
	lxw_col_t c = pp->data_col;

	brief_put_str(pg->ws, pp->data_row++, c, heading, F(pp)->bold);
	brief_put_str(pg->ws, pp->data_row, c, first_col, F(pp)->head);
	brief_put_str(pg->ws, pp->data_row, c + 1, "A", F(pp)->head_num);
	brief_put_str(pg->ws, pp->data_row, c + 2, "B", F(pp)->head_num);
	return ++pp->data_row;
}

/* Points few enough to label each with its value. */
#define LABELLED_POINTS 8
/* Category names longer than this (bytes) slant under columns. */
#define LONG_LABEL 24

/*
 * One source's series.  A and B differ by more than colour, so that a
 * greyscale print tells them apart: B's columns are hatched, its line
 * dashed with square markers (A: solid, circles).
 */
static void add_series(struct pair_page *pp, lxw_chart *ch, const char *name,
		       lxw_row_t first, lxw_row_t last, int side,
		       unsigned colour)
{
	lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
	lxw_chart_fill fill = { .color = colour };
	lxw_chart_pattern hatch = { .fg_color = colour, .bg_color = 0xFFFFFF,
				    .type = LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL };
	lxw_chart_line line = { .color = colour, .width = 2.25,
				.dash_type = side == 2 ? LXW_CHART_LINE_DASH_DASH
						       : LXW_CHART_LINE_DASH_SOLID };
	lxw_chart_line edge = { .color = colour, .width = 0.75 };
	lxw_col_t c = pp->data_col;
	char buf[300];

	chart_series_set_categories(s, pp->sheet, first, c, last, c);
	chart_series_set_values(s, pp->sheet, first, c + (lxw_col_t)side, last,
				c + (lxw_col_t)side);
	chart_series_set_name(s, chart_text(name, buf, sizeof(buf)));
	if (ch->type == LXW_CHART_LINE) {
		chart_series_set_line(s, &line);
		chart_series_set_marker_type(s, side == 2
					     ? LXW_CHART_MARKER_SQUARE
					     : LXW_CHART_MARKER_CIRCLE);
	} else {
		if (side == 2)
			chart_series_set_pattern(s, &hatch);
		else
			chart_series_set_fill(s, &fill);
		chart_series_set_line(s, &edge);
	}
	if (last - first + 1 <= LABELLED_POINTS)
		chart_series_set_labels(s);
}

/* The series of A and B; drawn[0], drawn[1]: whether each is drawn. */
static void both_series(struct pair_page *pp, lxw_chart *ch, lxw_row_t first,
			lxw_row_t last, const int *drawn)
{
	const struct brief *b = pp->pg.b;
	const char *lang = pp->pg.lang;

	if (drawn[0])
		add_series(pp, ch, brief_source_name(b->labels,
						     pp->p->reference, lang),
			   first, last, 1, BRIEF_COLOUR_A);
	if (drawn[1])
		add_series(pp, ch, brief_source_name(b->labels,
						     pp->p->against, lang),
			   first, last, 2, BRIEF_COLOUR_B);
}

/*
 * A chart with its axes named: the indicator on the value axis, the
 * dimension or the period on the category axis.
 */
static lxw_chart *new_chart(struct pair_page *pp, uint8_t type,
			    const char *title, const char *categories)
{
	lxw_chart *ch = workbook_add_chart(pp->pg.bk->wb, type);
	lxw_chart_font font = { .size = 11, .bold = 1 };
	lxw_chart_font axis = { .size = 9 };
	lxw_chart_font name = { .size = 9, .bold = 1 };
	/* a bar chart's categories are on its y axis (libxlsxwriter swaps) */
	lxw_chart_axis *cat = type == LXW_CHART_BAR ? ch->y_axis : ch->x_axis;
	lxw_chart_axis *val = type == LXW_CHART_BAR ? ch->x_axis : ch->y_axis;
	char buf[300], ind[300];

	chart_title_set_name(ch, chart_text(title, buf, sizeof(buf)));
	chart_title_set_name_font(ch, &font);
	chart_axis_set_name(cat, chart_text(categories, buf, sizeof(buf)));
	chart_axis_set_name(val, chart_text(brief_indicator(
		pp->pg.b->labels, pp->p->indicator, pp->pg.lang), ind,
		sizeof(ind)));
	chart_axis_set_name_font(cat, &name);
	chart_axis_set_name_font(val, &name);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	chart_show_blanks_as(ch, LXW_CHART_BLANKS_AS_GAP);
	chart_axis_set_num_format(val, brief_chart_num_format(&pp->pg));
	chart_axis_set_num_font(ch->x_axis, &axis);
	chart_axis_set_num_font(ch->y_axis, &axis);
	chart_axis_major_gridlines_set_visible(val, LXW_TRUE);
	return ch;
}

/* Puts a chart at column col of the chart band, width pixels wide. */
static void insert(struct pair_page *pp, lxw_chart *ch, lxw_col_t col,
		   double width)
{
	/* its rows less the offset and a margin: it ended 4 pixels into the
	   first note under it, covering the note's first line */
	lxw_chart_options o = { .x_scale = width / 480.0,
				.y_scale = ((CHART_ROWS - pp->nnotes) * 20.0 -
					    8) / 288.0,
				.x_offset = 2, .y_offset = 4 };

	worksheet_insert_chart_opt(pp->pg.ws, pp->chart_row, col, ch, &o);
}

/* Pixels of columns 0..n-1 (a character of width is 7 pixels, plus 5). */
static double pixels(const struct pair_page *pp, lxw_col_t n)
{
	double px = 0;

	for (lxw_col_t c = 0; c < n && c < 64; c++)
		px += pp->pg.colw[c] * 7 + 5;
	return px;
}

/* The column chart: A and B by the first dimension of the pair. */
static void column_chart(struct pair_page *pp)
{
	struct brief_page *pg = &pp->pg;
	const struct brief *b = pg->b;
	const struct brief_pair *p = pp->p;
	static const int both[2] = { 1, 1 };
	char name[64], low[64], title[256], left[1024];
	lxw_row_t first;
	size_t dim, n = 0, left_len = 0, longest = 0;
	lxw_chart *ch;
	int bars;

	if (pp->ndims == 0 || p->ndist == 0)
		return;
	dim = pp->dim[0];
	brief_dim_name(pg->lang, b->dims[dim], name, sizeof(name));
	snprintf(title, sizeof(title), brief_t(pg->lang, "chart.by_dim"),
		 brief_lower_first(name, low, sizeof(low)));
	first = chart_block(pp, title, name);
	/* the categories with both counts shown first: the chart's range;
	   then those with a count withheld, listed with their marks */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < p->ndist; i++) {
			size_t r = p->dist[i];
			const char *label;
			int hidden = brief_hidden(b->dist_a[r]) ||
				     brief_hidden(b->dist_b[r]);

			if (strcmp(brief_table_str(&b->dist, r, "dimension"),
				   b->dims[dim]) != 0 || hidden != pass)
				continue;
			label = brief_label(b->labels, dim,
					    brief_table_str(&b->dist, r,
							    "category"),
					    pg->lang);
			brief_put_str(pg->ws, pp->data_row, pp->data_col,
				      label, F(pp)->text);
			chart_value(pp, pp->data_row, pp->data_col + 1,
				    brief_table_num(&b->dist, r, "a"),
				    b->dist_a[r]);
			chart_value(pp, pp->data_row, pp->data_col + 2,
				    brief_table_num(&b->dist, r, "b"),
				    b->dist_b[r]);
			pp->data_row++;
			if (pass == 0) {
				n++;
				if (strlen(label) > longest)
					longest = strlen(label);
			}
			else
				left_len += (size_t)snprintf(left + left_len,
					left_len < sizeof(left) ?
					sizeof(left) - left_len : 0, "%s%s",
					left_len ? ", " : "", label);
		}
	pp->data_row++;
	if (left_len) {
		char line[1400];

		snprintf(line, sizeof(line), brief_t(pg->lang,
						     "chart.left_out"),
			 low, left);
		chart_note(pp, line);
	}
	if (n == 0)
		return;
	/* many categories, or long names: horizontal bars, the names read
	   across instead of slanting under the columns */
	bars = n > LABELLED_POINTS || (n > 3 && longest > LONG_LABEL);
	ch = new_chart(pp, bars ? LXW_CHART_BAR : LXW_CHART_COLUMN, title,
		       name);
	if (bars)           /* the first category at the top */
		chart_axis_set_reverse(ch->y_axis);
	both_series(pp, ch, first, first + (lxw_row_t)n - 1, both);
	insert(pp, ch, 0, pixels(pp, (lxw_col_t)(pp->ndims + 6)) - 12);
}

static void line_chart(struct pair_page *pp)
{
	struct brief_page *pg = &pp->pg;
	const struct brief_pair *p = pp->p;
	const char *title = brief_t(pg->lang, "chart.by_period");
	lxw_row_t first;
	lxw_chart *ch;
	char period[64];
	lxw_col_t at = (lxw_col_t)(pp->ndims + 6);
	int drawn[2] = { 1, 1 };

	if (p->nperiod == 0)
		return;
	first = chart_block(pp, title, brief_t(pg->lang, "col.period"));
	for (size_t k = 0; k < p->nperiod; k++) {
		drawn[0] &= !brief_hidden(p->pa_mark[k]);
		drawn[1] &= !brief_hidden(p->pb_mark[k]);
		brief_put_str(pg->ws, pp->data_row, pp->data_col,
			      brief_period(pg->lang, p->period[k], period,
					   sizeof(period)), F(pp)->text);
		chart_value(pp, pp->data_row, pp->data_col + 1, p->pa[k],
			    p->pa_mark[k]);
		chart_value(pp, pp->data_row, pp->data_col + 2, p->pb[k],
			    p->pb_mark[k]);
		pp->data_row++;
	}
	pp->data_row++;
	for (int side = 0; side < 2; side++)
		if (!drawn[side]) {
			char line[600];

			snprintf(line, sizeof(line), brief_t(pg->lang,
							     "chart.not_drawn"),
				 brief_source_name(pg->b->labels, side ?
						   p->against : p->reference,
						   pg->lang));
			chart_note(pp, line);
		}
	if (!drawn[0] && !drawn[1])
		return;
	ch = new_chart(pp, LXW_CHART_LINE, title,
		       brief_t(pg->lang, "col.period"));
	both_series(pp, ch, first, first + (lxw_row_t)p->nperiod - 1, drawn);
	insert(pp, ch, at, pixels(pp, flag_col(pp) + 1) - pixels(pp, at));
}

static void columns(struct pair_page *pp)
{
	struct brief_page *pg = &pp->pg;
	lxw_col_t c = (lxw_col_t)(pp->ndims + 1);

	brief_page_cols(pg, 0, 0, 11);
	if (pp->ndims)
		brief_page_cols(pg, 1, (lxw_col_t)pp->ndims, 26);
	brief_page_cols(pg, c, c + 8, 9.5);
	brief_page_cols(pg, c + 9, c + 9, 24);
	brief_page_cols(pg, c + 10, c + 10, 14);
	pp->data_col = c + 12;
	brief_page_cols(pg, pp->data_col, pp->data_col, 26);
	brief_page_cols(pg, pp->data_col + 1, pp->data_col + 2, 9.5);
}

int brief_write_pair(struct brief_book *bk, const struct brief *b, size_t i,
		     const char *lang, struct rk_error *err)
{
	struct pair_page pp = { .p = &b->pair[i] };
	char name[128], title[512];

	for (size_t d = 0; d < b->ndims && pp.ndims < MAX_DIMS; d++)
		if (pp.p->dims >> d & 1)
			pp.dim[pp.ndims++] = d;
	snprintf(name, sizeof(name), "%zu %s", i + 1,
		 brief_source_short(b->labels, pp.p->against, lang));
	if (brief_page_open(&pp.pg, bk, b, lang, name,
			    b->trace ? trace_col(&pp) : flag_col(&pp), err) < 0)
		return -1;
	snprintf(pp.sheet, sizeof(pp.sheet), "%s", bk->names[bk->nnames - 1]);
	columns(&pp);
	brief_pair_title(b, pp.p, lang, title, sizeof(title));
	brief_page_line(&pp.pg, title, bk->f.title);
	names_line(&pp);
	breakdown_line(&pp);
	reading(&pp);
	pp.pg.row++;
	pp.chart_row = pp.pg.row;
	pp.nnotes = chart_notes(&pp);
	pp.pg.row += CHART_ROWS + 1;
	/* the charts and their reading on a page, the table from the next:
	   shrinking the whole sheet onto one page printed it at 6 points */
	brief_page_break(&pp.pg);
	cell_table(&pp);
	column_chart(&pp);
	line_chart(&pp);
	brief_page_finish(&pp.pg);
	return 0;
}
