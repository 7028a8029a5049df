/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The front page's key messages and its chart (issue 20 item 1): up to
 * three plain sentences, each linked to the row that holds its figures,
 * and one chart of each comparison's two totals.  Both show only what the
 * brief publishes: a comparison with a total withheld or shown as "<k"
 * has no message and no bars (a note names it).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "messages.h"
#include "sheets.h"
#include "wording.h"

#define MESSAGES 3
#define CHART_MIN_ROWS 8
#define CHART_MAX_ROWS 14

/*
 * How a pair's cells are broken down, in lang: "by region and quarter",
 * "по регионам и кварталам"; "" when a dimension has no such words.
 */
static void by_phrase(const struct brief *b, const struct brief_pair *p,
		      const char *lang, char *buf, size_t size)
{
	const char *part[34];
	size_t n = 0, len;

	buf[0] = '\0';
	for (size_t d = 0; d < b->ndims && n < 32; d++) {
		if (!(p->dims >> d & 1))
			continue;
		part[n] = brief_word(lang, "by", b->dims[d]);
		if (part[n++] == b->dims[d])
			return;              /* no words for it */
	}
	if (b->cfg->period_grain) {
		part[n] = brief_word(lang, "by", b->cfg->period_grain);
		if (part[n++] == b->cfg->period_grain)
			return;
	}
	if (n == 0)
		return;
	len = (size_t)snprintf(buf, size, "%s", brief_t(lang, "by"));
	for (size_t i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					i == 0 ? "" : i + 1 == n ?
					brief_t(lang, "by.and") : ", ",
					part[i]);
}

/* How far a pair's totals are apart: |log ratio|; -1 without a message. */
static double distance(const struct brief_facts *f)
{
	if (f->mark_a || f->mark_b || !isfinite(f->total_a) ||
	    !isfinite(f->total_b) || f->total_a <= 0 || f->total_b <= 0)
		return -1;
	return fabs(log(f->total_b / f->total_a));
}

struct message {
	char text[BRIEF_SENTENCE_MAX];
	char key[64];                   /* the anchor of its figures */
};

/* The pairs by how far apart their totals are, the farthest first. */
static void pair_order(const struct brief *b, const char *lang, size_t *order,
		       double *dist)
{
	char where[256];
	struct brief_facts f;

	for (size_t i = 0; i < b->npair; i++) {
		brief_pair_facts(b, &b->pair[i], lang, &f, where,
				 sizeof(where));
		dist[i] = distance(&f);
		order[i] = i;
	}
	for (size_t i = 1; i < b->npair; i++)        /* stable insertion */
		for (size_t j = i; j > 0 && dist[order[j]] > dist[order[j - 1]];
		     j--) {
			size_t t = order[j];

			order[j] = order[j - 1];
			order[j - 1] = t;
		}
}

/* The largest gap beyond chance over all pairs, into m; 0 when none. */
static int gap_message(const struct brief *b, const char *lang,
		       struct message *m)
{
	char where[256], by[256];
	struct brief_facts f;
	double best = -1;
	int found = 0;

	for (size_t i = 0; i < b->npair; i++) {
		brief_pair_facts(b, &b->pair[i], lang, &f, where,
				 sizeof(where));
		if (!f.gap_where || fabs(f.gap_b - f.gap_a) <= best)
			continue;
		by_phrase(b, &b->pair[i], lang, by, sizeof(by));
		if (!brief_message_gap(&f, by, m->text))
			continue;
		best = fabs(f.gap_b - f.gap_a);
		snprintf(m->key, sizeof(m->key), "%s/cell/%zu", lang,
			 f.gap_row);
		found = 1;
	}
	return found;
}

static size_t choose(const struct brief *b, const char *lang,
		     struct message *m)
{
	size_t *order = calloc(b->npair ? b->npair : 1, sizeof(*order));
	double *dist = calloc(b->npair ? b->npair : 1, sizeof(*dist));
	char where[256], by[256];
	size_t n = 0;
	int gap_done = 0;

	if (!order || !dist)
		goto out;
	pair_order(b, lang, order, dist);
	for (size_t k = 0; k < b->npair && n < MESSAGES; k++) {
		size_t i = order[k];
		struct brief_facts f;

		brief_pair_facts(b, &b->pair[i], lang, &f, where,
				 sizeof(where));
		by_phrase(b, &b->pair[i], lang, by, sizeof(by));
		if (brief_message_totals(&f, by, m[n].text)) {
			snprintf(m[n].key, sizeof(m[n].key), "%s/total/%zu",
				 lang, i);
			n++;
		}
		/* the largest gap second, after the largest difference */
		if (!gap_done && n && n < MESSAGES) {
			gap_done = 1;
			n += (size_t)gap_message(b, lang, &m[n]);
		}
	}
	if (!gap_done && n < MESSAGES)
		n += (size_t)gap_message(b, lang, &m[n]);
out:
	free(order);
	free(dist);
	return n;
}

void brief_front_messages(struct brief_page *pg)
{
	struct message m[MESSAGES];
	size_t n = choose(pg->b, pg->lang, m);
	char line[BRIEF_SENTENCE_MAX + 32];

	if (n == 0)
		return;
	brief_page_heading(pg, brief_t(pg->lang, "messages"));
	for (size_t i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "%zu. %.*s", i + 1,
			 (int)(BRIEF_SENTENCE_MAX - 1), m[i].text);
		brief_page_link_para(pg, line, m[i].key);
	}
}

/* ---- the chart ---- */

struct front_chart {
	struct brief_page *pg;
	char sheet[64];
	lxw_col_t col;                  /* the chart data's first column */
	lxw_row_t first, row;           /* its first row, the next row */
	int one_reference, one_indicator;
};

/* Chart text may not start with '=' (it would be read as a reference). */
static const char *chart_text(const char *s, char *buf, size_t size)
{
	if (*s != '=')
		return s;
	snprintf(buf, size, " %s", s);
	return buf;
}

/* The bar of a pair: "Coalition against torture", with what differs. */
static void category(const struct front_chart *fc, const struct brief_pair *p,
		     char *buf, size_t size)
{
	const struct brief *b = fc->pg->b;
	const char *lang = fc->pg->lang;
	size_t len = 0;

	buf[0] = '\0';
	if (!fc->one_indicator)
		len = (size_t)snprintf(buf, size, "%s: ",
				       brief_indicator(b->labels, p->indicator,
						       lang));
	if (len < size)
		len += (size_t)snprintf(buf + len, size - len, "%s",
					brief_source_name(b->labels, p->against,
							  lang));
	if (!fc->one_reference && len < size)
		snprintf(buf + len, size - len, brief_t(lang,
							"front.chart.vs"),
			 brief_source_name(b->labels, p->reference, lang));
}

static void series(struct front_chart *fc, lxw_chart *ch, const char *name,
		   int side, unsigned colour)
{
	lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
	lxw_chart_fill fill = { .color = colour };
	lxw_chart_pattern hatch = { .fg_color = colour, .bg_color = 0xFFFFFF,
				    .type = LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL };
	lxw_chart_line edge = { .color = colour, .width = 0.75 };
	lxw_chart_font label = { .size = 9 };
	char buf[300];

	chart_series_set_categories(s, fc->sheet, fc->first, fc->col,
				    fc->row - 1, fc->col);
	chart_series_set_values(s, fc->sheet, fc->first,
				fc->col + (lxw_col_t)side, fc->row - 1,
				fc->col + (lxw_col_t)side);
	chart_series_set_name(s, chart_text(name, buf, sizeof(buf)));
	if (side == 2)
		chart_series_set_pattern(s, &hatch);
	else
		chart_series_set_fill(s, &fill);
	chart_series_set_line(s, &edge);
	chart_series_set_labels(s);
	chart_series_set_labels_font(s, &label);
}

static lxw_chart *new_chart(struct front_chart *fc, const char *indicator)
{
	struct brief_page *pg = fc->pg;
	const char *lang = pg->lang;
	lxw_chart *ch = workbook_add_chart(pg->bk->wb, LXW_CHART_BAR);
	lxw_chart_font font = { .size = 11, .bold = 1 };
	lxw_chart_font axis = { .size = 9 };
	lxw_chart_font name = { .size = 9, .bold = 1 };
	char title[512], buf[600];

	snprintf(title, sizeof(title), brief_t(lang, "front.chart.title"),
		 indicator ? indicator : brief_t(lang, "front.chart.count"));
	chart_title_set_name(ch, chart_text(title, buf, sizeof(buf)));
	chart_title_set_name_font(ch, &font);
	/* a bar chart's categories are on its y axis */
	chart_axis_set_name(ch->y_axis, brief_t(lang, "col.against"));
	chart_axis_set_name(ch->x_axis, chart_text(indicator ? indicator :
				brief_t(lang, "front.chart.count"), buf,
				sizeof(buf)));
	chart_axis_set_name_font(ch->x_axis, &name);
	chart_axis_set_name_font(ch->y_axis, &name);
	chart_axis_set_num_format(ch->x_axis, brief_chart_num_format(pg));
	chart_axis_set_num_font(ch->x_axis, &axis);
	chart_axis_set_num_font(ch->y_axis, &axis);
	chart_axis_major_gridlines_set_visible(ch->x_axis, LXW_TRUE);
	chart_axis_set_reverse(ch->y_axis);       /* the first at the top */
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	return ch;
}

/*
 * The chart data, right of the print area: one row per pair with both
 * totals published; those with a total withheld or "<k" are named in
 * left instead.
 */
static size_t chart_data(struct front_chart *fc, char *left, size_t size)
{
	struct brief_page *pg = fc->pg;
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	char cat[512];
	size_t n = 0, len = 0;

	left[0] = '\0';
	brief_put_str(pg->ws, fc->row, fc->col, brief_t(pg->lang,
			"col.against"), f->head);
	brief_put_str(pg->ws, fc->row, fc->col + 1, "A", f->head_num);
	brief_put_str(pg->ws, fc->row++, fc->col + 2, "B", f->head_num);
	fc->first = fc->row;
	for (size_t i = 0; i < b->npair; i++) {
		const struct brief_pair *p = &b->pair[i];
		double ta = p->summary < 0 ? NAN :
			brief_table_num(&b->summary, (size_t)p->summary,
					"total_a");
		double tb = p->summary < 0 ? NAN :
			brief_table_num(&b->summary, (size_t)p->summary,
					"total_b");

		category(fc, p, cat, sizeof(cat));
		if (p->total_a || p->total_b || !isfinite(ta) ||
		    !isfinite(tb)) {
			if ((p->total_a || p->total_b) && len < size)
				len += (size_t)snprintf(left + len, size - len,
							"%s%s", len ? ", " : "",
							cat);
			continue;
		}
		brief_put_str(pg->ws, fc->row, fc->col, cat, f->text);
		brief_put_count(pg->bk, pg->ws, fc->row, fc->col + 1, ta,
				BRIEF_SHOWN, brief_chart_count(pg));
		brief_put_count(pg->bk, pg->ws, fc->row++, fc->col + 2, tb,
				BRIEF_SHOWN, brief_chart_count(pg));
		n++;
	}
	return n;
}

void brief_front_chart(struct brief_page *pg)
{
	const struct brief *b = pg->b;
	struct front_chart fc = { .pg = pg, .one_reference = 1,
				  .one_indicator = 1 };
	char left[1024], line[1200];
	const char *indicator, *name_a, *name_b;
	lxw_chart_options o = { .x_offset = 2, .y_offset = 4 };
	lxw_row_t rows;
	double px = 0;
	lxw_chart *ch;
	size_t n;

	if (b->npair == 0)
		return;
	for (size_t i = 1; i < b->npair; i++) {
		fc.one_reference &= strcmp(b->pair[i].reference,
					   b->pair[0].reference) == 0;
		fc.one_indicator &= strcmp(b->pair[i].indicator,
					   b->pair[0].indicator) == 0;
	}
	snprintf(fc.sheet, sizeof(fc.sheet), "%s",
		 pg->bk->names[pg->bk->nnames - 1]);
	fc.col = pg->last + 2;
	fc.row = pg->row;
	brief_page_cols(pg, fc.col, fc.col, 30);
	n = chart_data(&fc, left, sizeof(left));
	pg->row++;
	if (n) {
		indicator = fc.one_indicator ? brief_indicator(b->labels,
				b->pair[0].indicator, pg->lang) : NULL;
		name_a = fc.one_reference ? brief_source_name(b->labels,
				b->pair[0].reference, pg->lang)
					  : brief_t(pg->lang, "col.reference");
		name_b = b->npair == 1 ? brief_source_name(b->labels,
				b->pair[0].against, pg->lang)
				       : brief_t(pg->lang, "front.chart.b");
		ch = new_chart(&fc, indicator);
		series(&fc, ch, name_a, 1, BRIEF_COLOUR_A);
		series(&fc, ch, name_b, 2, BRIEF_COLOUR_B);
		rows = (lxw_row_t)(2 + 3 * n);
		rows = rows < CHART_MIN_ROWS ? CHART_MIN_ROWS :
		       rows > CHART_MAX_ROWS ? CHART_MAX_ROWS : rows;
		for (lxw_col_t c = 0; c <= pg->last && c < 64; c++)
			px += pg->colw[c] * 7 + 5;
		o.x_scale = (px - 12) / 480.0;
		o.y_scale = rows * 20.0 / 288.0;
		worksheet_insert_chart_opt(pg->ws, pg->row, 0, ch, &o);
		pg->row += rows + 1;
	}
	if (*left) {
		snprintf(line, sizeof(line), brief_t(pg->lang,
						     "front.chart.left_out"),
			 left);
		brief_page_para(pg, line, pg->bk->f.note_wrap);
	}
}
