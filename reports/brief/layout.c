/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "layout.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "status.h"
#include "wording.h"

#define LINE_POINTS 13.0
/*
 * The widest a sheet's printed columns may be, in pixels of Calibri's
 * digits at 100 %: A4 landscape within the margins is 770 points, and
 * 10-point text fitted to it stays at 9 points or more up to 770 / 0.9
 * points, 1140 pixels; LibreOffice lays columns out about an eighth wider
 * than Excel (measured with Carlito, Calibri's metric twin), so 1010.
 */
#define PRINT_PIXELS 1010.0
#define DEFAULT_WIDTH 8.43
/*
 * Latin lower-case letters of 10-point text per unit of column width (the
 * width of an 11-point digit): a little under what fits, so that text is
 * never cut.
 */
#define FILL 1.12

lxw_format *brief_chart_count(const struct brief_page *pg)
{
	return strcmp(pg->lang, "en") ? pg->bk->f.count_plain
				      : pg->bk->f.count;
}

const char *brief_chart_num_format(const struct brief_page *pg)
{
	return strcmp(pg->lang, "en") ? "0" : "#,##0";
}

const char *brief_i18n(const struct rk_i18n *t, const char *lang)
{
	int tg = strcmp(lang, "tg") == 0;
	const char *s = strcmp(lang, "ru") == 0 ? t->ru : tg ? t->tg : t->en;

	if (!s && tg)
		s = t->ru;             /* a Tajik reader reads Russian next */
	return s ? s : t->en ? t->en : t->ru ? t->ru : t->tg;
}

const char *brief_title_in(const struct brief *b, const char *lang)
{
	const char *s = brief_i18n(&b->cfg->title, lang);

	return s ? s : b->cfg->pipeline;
}

/*
 * Every printed page says what it is from, in the sheet's language: the
 * brief's title, its date and whether its data are final (issue 20 item
 * 6).  An internal brief's header says that instead.
 */
static const char *status_word(const struct brief *b, const char *lang)
{
	return brief_t(lang, b->data_final > 0 ? "header.final"
			     : b->data_final < 0 ? "header.unchecked"
						 : "header.provisional");
}

/* lang's header; all: the status in every sheet language (the annex). */
static void header_of(lxw_worksheet *ws, const struct brief *b,
		      const char *lang, int all)
{
	char title[200], head[400], date[16], status[200] = "";
	time_t t = (time_t)b->created;
	struct tm tm;

	char cut[160];
	const char *full = brief_title_in(b, lang);
	size_t len = 0;

	for (size_t l = 0; l < (all ? b->nlang : 1); l++)
		if (len < sizeof(status) &&
		    !strstr(status, status_word(b, all ? b->lang[l] : lang)))
			len += (size_t)snprintf(status + len,
						sizeof(status) - len, "%s%s",
						len ? " / " : "",
						status_word(b, all ? b->lang[l]
								   : lang));

	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%Y-%m-%d", &tm);
	/* a long title ends at a word, with "…": never inside one (the header
	   holds 255 characters with the date and status) */
	if (strlen(full) < 140) {
		snprintf(cut, sizeof(cut), "%s", full);
	} else {
		size_t n = 136;

		while (n && full[n] != ' ')
			n--;
		while (n && strchr(" ,;:—–-", full[n - 1]))
			n--;
		snprintf(cut, sizeof(cut), "%.*s…", (int)n, full);
	}
	brief_book_escape(cut, title, sizeof(title));
	snprintf(head, sizeof(head), "&L&9 %s&R&9 %s · %s", title, date,
		 status);
	worksheet_set_header(ws, head);
}

static void page_header(struct brief_page *pg)
{
	header_of(pg->ws, pg->b, pg->lang, 0);
}

void brief_annex_header(lxw_worksheet *ws, const struct brief *b)
{
	if (!b->internal)
		header_of(ws, b, b->lang[0], 1);
}

int brief_page_open(struct brief_page *pg, struct brief_book *bk,
		    const struct brief *b, const char *lang, const char *name,
		    lxw_col_t last, struct rk_error *err)
{
	memset(pg, 0, sizeof(*pg));
	pg->bk = bk;
	pg->b = b;
	pg->lang = lang;
	pg->last = last;
	for (size_t i = 0; i < sizeof(pg->colw) / sizeof(*pg->colw); i++)
		pg->colw[i] = DEFAULT_WIDTH;
	pg->ws = brief_book_sheet(bk, name, err);
	if (pg->ws)
		brief_book_footer(bk, pg->ws, brief_t(lang, "footer.page"));
	if (pg->ws && !bk->header[0])
		page_header(pg);
	return pg->ws ? 0 : -1;
}

void brief_page_cols(struct brief_page *pg, lxw_col_t first, lxw_col_t last,
		     double width)
{
	for (lxw_col_t c = first; c <= last && c < 64; c++) {
		pg->colw[c] = width;
		pg->set |= 1ULL << c;
	}
	/* after the fitting (or beyond what it keeps), as asked */
	if (pg->committed || last >= 64)
		worksheet_set_column(pg->ws, pg->committed ? first : 64, last,
				     width, NULL);
}

/*
 * The widths asked for, fitted to the page (issue 20 item 6): the sheet
 * prints fitted to the page's width, so columns wider in all than
 * PRINT_PIXELS would print the body below 9 points.  They are narrowed
 * in proportion (text wraps into more lines instead), once, before the
 * first row that measures text against them is written.
 */
static void commit_cols(struct brief_page *pg)
{
	double px = 0, text = 0, f = 1;

	if (pg->committed)
		return;
	pg->committed = 1;
	for (lxw_col_t c = 0; c <= pg->last && c < 64; c++) {
		px += pg->colw[c] * 7 + 5;
		text += pg->colw[c] * 7;
	}
	if (px > PRINT_PIXELS && text > 0)
		f = (text - (px - PRINT_PIXELS)) / text;
	for (lxw_col_t c = 0; c < 64; c++) {
		if (c <= pg->last)
			pg->colw[c] *= f;
		if (pg->set >> c & 1)
			worksheet_set_column(pg->ws, c, c, pg->colw[c], NULL);
	}
}

/*
 * How wide text is, in widths of a Latin lower-case letter: capitals and
 * Cyrillic letters are wider, spaces narrower.  Crude, but it keeps a
 * Russian paragraph from being cut where an English one of as many
 * letters fits.
 */
static double text_width(const char *s, size_t n)
{
	double w = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xC0) == 0x80)
			continue;
		if (c == 0xD0 || c == 0xD1) {    /* Cyrillic */
			unsigned char d = i + 1 < n ? (unsigned char)s[i + 1] : 0;

			w += c == 0xD0 && d >= 0x90 && d <= 0xAF ? 1.25 : 1.05;
		} else if (c >= 'A' && c <= 'Z') {
			w += 1.25;
		} else if (c == ' ' || c == '.' || c == ',' || c == ';' ||
			   c == ':' || c == '\'' || c == 'i' || c == 'l') {
			w += 0.6;
		} else {
			w += 1.0;
		}
	}
	return w;
}

/*
 * Lines text takes in a column width characters wide, wrapped at spaces
 * as a spreadsheet does: a word that does not fit goes to the next line.
 */
static double lines_in(const char *text, double width)
{
	double cap = width * FILL, used = 0, lines = 1;
	const char *p = text;

	while (*p) {
		size_t n = strcspn(p, " \n");
		double w = text_width(p, n);

		if (used > 0 && used + 0.6 + w > cap) {
			lines++;
			used = 0;
		}
		used += (used > 0 ? 0.6 : 0) + w;
		while (used > cap) {         /* a word longer than the line */
			lines++;
			used -= cap;
		}
		p += n;
		if (*p == '\n') {
			lines++;
			used = 0;
		}
		if (*p)
			p++;
	}
	return lines;
}

/* A4 landscape within the margins is 501 points high at 100 %. */
#define PAGE_POINTS 501.0
#define ROW_POINTS 15.0                /* a row of the default height */

/*
 * Room for rows on a printed page of this sheet, in points.  The sheet is
 * fitted to the page's width: LibreOffice prints columns of PRINT_PIXELS
 * at about 95 % (measured: 10-point text prints in 9.4-9.6-point type),
 * a narrower
 * sheet at 100 %, and the page holds as many more points of rows.  A
 * margin for rows drawn a little taller than asked.
 */
static double page_room(const struct brief_page *pg)
{
	double px = 0, scale;

	for (lxw_col_t c = 0; c <= pg->last && c < 64; c++)
		px += pg->colw[c] * 7 + 5;
	scale = px > 960 ? 960 / px : 1;
	return PAGE_POINTS / scale - 8;
}

/* Grows the row notes to hold row r, new rows zero; 0 when out of
 * memory (the page then breaks only where it was asked to). */
static int noted(struct brief_page *pg, lxw_row_t r)
{
	size_t n = pg->nheight;
	float *h;
	unsigned char *k;

	if (r < n)
		return 1;
	while (n <= r)
		n = n ? 2 * n : 64;
	h = realloc(pg->height, n * sizeof(*h));
	if (h)
		pg->height = h;
	k = h ? realloc(pg->keep, n) : NULL;
	if (!k)
		return 0;
	pg->keep = k;
	memset(h + pg->nheight, 0, (n - pg->nheight) * sizeof(*h));
	memset(k + pg->nheight, 0, n - pg->nheight);
	pg->nheight = n;
	return 1;
}

void brief_page_row_height(struct brief_page *pg, lxw_row_t r, double pts)
{
	worksheet_set_row(pg->ws, r, pts, NULL);
	if (noted(pg, r))
		pg->height[r] = (float)pts;
}

static void keep_with_next(struct brief_page *pg, lxw_row_t r)
{
	if (noted(pg, r))
		pg->keep[r] = 1;
}

void brief_page_break(struct brief_page *pg)
{
	lxw_row_t *v = realloc(pg->breaks,
			       (pg->nbreaks + 1) * sizeof(*pg->breaks));

	if (!v)
		return;
	pg->breaks = v;
	pg->breaks[pg->nbreaks++] = pg->row;
}

static double row_points(const struct brief_page *pg, lxw_row_t r)
{
	return r < pg->nheight && pg->height[r] > 0 ? pg->height[r]
						   : ROW_POINTS;
}

static int asked(const struct brief_page *pg, lxw_row_t r)
{
	for (size_t i = 0; i < pg->nbreaks; i++)
		if (pg->breaks[i] == r)
			return 1;
	return 0;
}

/* The breaks: asked for, and before a row (a heading with the two rows
 * after it) that the page has no room for.  Zero-ended, as libxlsxwriter
 * takes them. */
static void paginate(struct brief_page *pg)
{
	lxw_row_t *out = calloc(pg->row + 2, sizeof(*out));
	size_t n = 0;
	double y = 0, room = page_room(pg);

	if (!out)
		return;
	for (lxw_row_t r = 0; r < pg->row && n < 1022; r++) {
		double need = row_points(pg, r);

		if (r < pg->nheight && pg->keep[r] && r + 1 < pg->row)
			need += row_points(pg, r + 1);    /* its first line */
		if (r > 0 && (asked(pg, r) || (y > 0 && y + need > room))) {
			out[n++] = r;
			y = 0;
		}
		y += row_points(pg, r);
	}
	out[n] = 0;
	if (n)
		worksheet_set_h_pagebreaks(pg->ws, out);
	free(out);
}

void brief_page_finish(struct brief_page *pg)
{
	commit_cols(pg);
	worksheet_print_area(pg->ws, 0, 0, pg->row ? pg->row - 1 : 0, pg->last);
	paginate(pg);
	free(pg->height);
	free(pg->keep);
	free(pg->breaks);
	pg->height = NULL;
	pg->keep = NULL;
	pg->breaks = NULL;
	pg->nheight = pg->nbreaks = 0;
}

void brief_page_wrap(struct brief_page *pg, lxw_col_t c, const char *text,
		     lxw_format *f)
{
	double l;

	commit_cols(pg);
	if (!text || !*text)
		return;
	brief_put_str(pg->ws, pg->row, c, text, f);
	l = lines_in(text, c < 64 ? pg->colw[c] : DEFAULT_WIDTH);
	if (l > pg->lines)
		pg->lines = l;
}

void brief_page_wrap_span(struct brief_page *pg, lxw_col_t first,
			  lxw_col_t last, const char *text, lxw_format *f)
{
	double width = 0, l;

	commit_cols(pg);
	for (lxw_col_t c = first; c <= last; c++)
		width += c < 64 ? pg->colw[c] : DEFAULT_WIDTH;
	worksheet_merge_range(pg->ws, pg->row, first, pg->row, last,
			      text ? text : "", f);
	l = text && *text ? lines_in(text, width) : 1;
	if (l > pg->lines)
		pg->lines = l;
}

void brief_page_next(struct brief_page *pg)
{
	commit_cols(pg);
	/* every row of text its height, one line too: a row left to the
	   reader's program is drawn as it measures it, and the page breaks
	   would no longer fall where brief_page_finish counted them */
	if (pg->lines > 0)
		brief_page_row_height(pg, pg->row, pg->lines > 1
				      ? pg->lines * LINE_POINTS + 2
				      : ROW_POINTS);
	pg->lines = 0;
	pg->row++;
}

void brief_page_line(struct brief_page *pg, const char *text, lxw_format *f)
{
	double width = 0;

	commit_cols(pg);
	if (f == pg->bk->f.title) {
		/* a long title wraps within the page: it was cut at its edge */
		for (lxw_col_t c = 0; c <= pg->last && c < 64; c++)
			width += pg->colw[c];
		worksheet_merge_range(pg->ws, pg->row, 0, pg->row, pg->last,
				      "", f);
		brief_page_row_height(pg, pg->row,
				      24 * lines_in(text, width / 1.6));
		keep_with_next(pg, pg->row);
	} else {
		/* a heading (12 points) a little taller than a line */
		brief_page_row_height(pg, pg->row, f == pg->bk->f.heading
						   ? 18 : ROW_POINTS);
	}
	brief_put_str(pg->ws, pg->row++, 0, text, f);
}

void brief_page_skip(struct brief_page *pg)
{
	commit_cols(pg);
	pg->row++;
}

void brief_page_heading(struct brief_page *pg, const char *text)
{
	commit_cols(pg);
	if (pg->row > 0)
		pg->row++;
	keep_with_next(pg, pg->row);
	brief_page_line(pg, text, pg->bk->f.heading);
}

/* A paragraph wrapped across columns 0..last, its row made tall enough. */
static void para(struct brief_page *pg, const char *text, lxw_format *f,
		 lxw_col_t last)
{
	lxw_format *wrap = f ? f : pg->bk->f.wrap;
	double width = 0, lines;

	commit_cols(pg);
	for (lxw_col_t c = 0; c <= last && c < 64; c++)
		width += pg->colw[c];
	lines = lines_in(text, width);
	if (last > 0)
		worksheet_merge_range(pg->ws, pg->row, 0, pg->row, last, "",
				      wrap);
	brief_put_str(pg->ws, pg->row, 0, text, wrap);
	brief_page_row_height(pg, pg->row, lines * LINE_POINTS + 3);
	pg->row++;
}

void brief_page_para(struct brief_page *pg, const char *text, lxw_format *f)
{
	para(pg, text, f, pg->last);
}

void brief_page_anchor(struct brief_page *pg, lxw_row_t row, lxw_col_t col,
		       const char *what, size_t i)
{
	char key[64];

	snprintf(key, sizeof(key), "%s/%s/%zu", pg->lang, what, i);
	brief_book_anchor(pg->bk, key, row, col);
}

/*
 * The link is a short word in the last column, not the paragraph itself:
 * LibreOffice does not wrap the text of a cell that holds a link.
 */
void brief_page_link_para(struct brief_page *pg, const char *text,
			  const char *key)
{
	const char *word = brief_t(pg->lang, "link.figures");

	para(pg, text, NULL, pg->last ? pg->last - 1 : 0);
	brief_put_str(pg->ws, pg->row - 1, pg->last, word, pg->bk->f.link);
	brief_book_link(pg->bk, pg->ws, pg->row - 1, pg->last, key, word,
			pg->bk->f.link);
}

void brief_page_header(struct brief_page *pg, const char *const *keys,
		       size_t n, unsigned long numeric)
{
	commit_cols(pg);
	keep_with_next(pg, pg->row);      /* a table's header, with a row */
	for (size_t i = 0; i < n; i++)
		brief_page_wrap(pg, (lxw_col_t)i, brief_t(pg->lang, keys[i]),
				numeric >> i & 1 ? pg->bk->f.head_num
						 : pg->bk->f.head);
	brief_page_next(pg);
}

void brief_pair_title(const struct brief *b, const struct brief_pair *p,
		      const char *lang, char *buf, size_t size)
{
	const char *ins = brief_source_case(b->labels, p->reference, lang,
					    'i');

	snprintf(buf, size,
		 brief_t(lang, ins ? "pair.title.case" : "pair.title"),
		 brief_indicator(b->labels, p->indicator, lang),
		 brief_source_name(b->labels, p->against, lang),
		 ins ? ins : brief_source_name(b->labels, p->reference, lang));
}

/* prefix.name in lang, or name itself when it has no translation. */
static const char *translated(const char *lang, const char *prefix,
			      const char *name, char *buf, size_t size)
{
	snprintf(buf, size, "%s", brief_word(lang, prefix, name));
	return buf;
}

const char *brief_dim_name(const char *lang, const char *dim, char *buf,
			   size_t size)
{
	return translated(lang, "dim", dim, buf, size);
}

const char *brief_col_label(const char *lang, const char *col, char *buf,
			    size_t size)
{
	return translated(lang, "col", col, buf, size);
}

void brief_period_range(const struct brief *b, const char *lang, char *buf,
			size_t size)
{
	char from[64], to[64];
	const char *f = b->cfg->period_from, *t = b->cfg->period_to;

	buf[0] = '\0';
	if (!f && !t)
		return;
	if (!f || !t || strcmp(f, t) == 0) {
		brief_period(lang, f ? f : t, buf, size);
		return;
	}
	snprintf(buf, size, "%s – %s", brief_period(lang, f, from, sizeof(from)),
		 brief_period(lang, t, to, sizeof(to)));
}

void brief_cell_where(const struct brief *b, size_t r, unsigned dims,
		      const char *lang, char *buf, size_t size)
{
	size_t len = 0;
	char period[64];

	buf[0] = '\0';
	for (size_t d = 0; d < b->ndims && len < size; d++)
		if (dims >> d & 1)
			len += (size_t)snprintf(buf + len, size - len, "%s, ",
				brief_label(b->labels, d,
					    brief_cell_dim(b, r, d), lang));
	if (len < size)
		snprintf(buf + len, size - len, "%s",
			 brief_period(lang, brief_table_str(&b->cells, r,
							    "period"),
				      period, sizeof(period)));
}

const char *brief_kind_text(const struct brief *b, const char *id,
			    const char *lang)
{
	const char *kind = brief_source_kind(b->labels, id);
	char key[96];
	const char *s;

	if (!*kind)
		return "";
	snprintf(key, sizeof(key), "kind.%s", kind);
	s = brief_t(lang, key);
	return strcmp(s, key) == 0 ? kind : s;
}

const char *brief_flag_text(const char *lang, const char *flag)
{
	char key[96];
	const char *s;

	snprintf(key, sizeof(key), "flag.%s", *flag ? flag : "untested");
	s = brief_t(lang, key);
	return strcmp(s, key) == 0 ? flag : s;
}
