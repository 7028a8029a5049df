/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "book.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "brief.h"

#define SHEET_NAME_MAX 31
#define CELL_TEXT_MAX 32767

/* Colours: dark blue headings, a light grey header band, soft flag fills. */
#define INK 0x1F3864
#define BAND 0xDCE6F1
#define GREY 0x595959

static lxw_format *fmt(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, "Calibri");
	format_set_font_size(f, 10);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

static lxw_format *numfmt(lxw_workbook *wb, const char *num)
{
	lxw_format *f = fmt(wb);

	format_set_num_format(f, num);
	return f;
}

static void formats(struct brief_book *bk)
{
	lxw_workbook *wb = bk->wb;
	struct brief_formats *f = &bk->f;

	f->title = fmt(wb);
	format_set_font_size(f->title, 16);
	format_set_bold(f->title);
	format_set_text_wrap(f->title);
	format_set_align(f->title, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_color(f->title, INK);
	f->subtitle = fmt(wb);
	format_set_font_size(f->subtitle, 11);
	format_set_font_color(f->subtitle, GREY);
	f->heading = fmt(wb);
	format_set_font_size(f->heading, 12);
	format_set_bold(f->heading);
	format_set_font_color(f->heading, INK);
	f->note = fmt(wb);
	format_set_italic(f->note);
	format_set_font_color(f->note, GREY);
	f->note_wrap = fmt(wb);
	format_set_italic(f->note_wrap);
	format_set_font_color(f->note_wrap, GREY);
	format_set_text_wrap(f->note_wrap);
	f->text = fmt(wb);
	f->indent = fmt(wb);
	format_set_indent(f->indent, 1);
	format_set_text_wrap(f->indent);
	f->wrap = fmt(wb);
	format_set_text_wrap(f->wrap);
	f->bold = fmt(wb);
	format_set_bold(f->bold);
	f->label = fmt(wb);
	format_set_bold(f->label);
	format_set_text_wrap(f->label);
	f->head = fmt(wb);
	format_set_bold(f->head);
	format_set_bg_color(f->head, BAND);
	format_set_text_wrap(f->head);
	format_set_bottom(f->head, LXW_BORDER_THIN);
	f->head_indent = fmt(wb);
	format_set_bold(f->head_indent);
	format_set_bg_color(f->head_indent, BAND);
	format_set_text_wrap(f->head_indent);
	format_set_bottom(f->head_indent, LXW_BORDER_THIN);
	format_set_indent(f->head_indent, 1);
	f->head_num = fmt(wb);
	format_set_bold(f->head_num);
	format_set_bg_color(f->head_num, BAND);
	format_set_text_wrap(f->head_num);
	format_set_bottom(f->head_num, LXW_BORDER_THIN);
	format_set_align(f->head_num, LXW_ALIGN_RIGHT);
	f->count = numfmt(wb, "#,##0");
	f->count_plain = numfmt(wb, "0");
	f->decimal = numfmt(wb, "#,##0.0##");
	f->ratio = numfmt(wb, "0.00");
	f->pct = numfmt(wb, "0.0");
	f->pval = numfmt(wb, "[<0.001]\"<0.001\";0.000");
	f->stat = numfmt(wb, "0.000");
	f->mark = fmt(wb);
	format_set_align(f->mark, LXW_ALIGN_RIGHT);
	format_set_font_color(f->mark, GREY);
	f->code = fmt(wb);
	format_set_font_color(f->code, GREY);
	f->flag_sig = workbook_add_format(wb);
	/* neutral colours: a mark to look at, not an alarm (issue 20) */
	format_set_bg_color(f->flag_sig, 0xDDEBF7);
	format_set_font_color(f->flag_sig, 0x1F4E79);
	format_set_bold(f->flag_sig);
	f->flag_gap = workbook_add_format(wb);
	format_set_bg_color(f->flag_gap, 0xE4DFEC);
	f->flag_missing = workbook_add_format(wb);
	format_set_bg_color(f->flag_missing, 0xEDEDED);
	format_set_font_color(f->flag_missing, GREY);
	f->link = fmt(wb);
	format_set_font_color(f->link, INK);
	format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
	format_set_align(f->link, LXW_ALIGN_RIGHT);
}

static int temp_name(struct brief_book *bk, const char *path,
		     struct rk_error *err)
{
	size_t n = strlen(path) + 16;
	int fd;

	bk->path = strdup(path);
	bk->tmp = malloc(n);
	if (!bk->path || !bk->tmp)
		return rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
				    "out of memory");
	snprintf(bk->tmp, n, "%s.tmp.XXXXXX", path);
	fd = mkstemp(bk->tmp);
	if (fd < 0) {
		rk_error_set(err, RK_EXIT_CANTCREAT, path, 0,
			     "cannot create: %s", strerror(errno));
		rk_error_hint(err, "check that the directory exists and is "
				   "writable");
		free(bk->tmp);
		bk->tmp = NULL;
		return -1;
	}
	close(fd);
	return 0;
}

/* Footer text: '&' doubled (it starts a code), at most 200 bytes. */
void brief_book_escape(const char *s, char *buf, size_t size)
{
	size_t n = 0;

	for (; *s && n + 3 < size; s++) {
		if (*s == '&')
			buf[n++] = '&';
		buf[n++] = *s;
	}
	/* cut short: not in the middle of a character */
	while (*s && n && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
		n--;
	if (*s && n && ((unsigned char)buf[n - 1] & 0xC0) == 0xC0)
		n--;
	buf[n] = '\0';
}

void brief_book_footer(const struct brief_book *bk, lxw_worksheet *ws,
		       const char *word)
{
	char foot[400], esc[64];

	brief_book_escape(word ? word : "", esc, sizeof(esc));
	snprintf(foot, sizeof(foot), "&L&9 %s&R&9 &A · %s%s&P", bk->footer, esc,
		 word ? " " : "");
	worksheet_set_footer(ws, foot);
}

struct brief_book *brief_book_open(const char *path,
				   const struct brief_props *props, long k,
				   struct rk_error *err)
{
	struct brief_book *bk = calloc(1, sizeof(*bk));
	lxw_workbook_options opt = { .constant_memory = 0 };
	lxw_doc_properties p = { 0 };

	if (!bk) {
		rk_error_set(err, RK_EXIT_SOFTWARE, path, 0, "out of memory");
		return NULL;
	}
	bk->k = k;
	if (temp_name(bk, path, err) < 0)
		goto fail;
	bk->wb = workbook_new_opt(bk->tmp, &opt);
	if (!bk->wb) {
		rk_error_set(err, RK_EXIT_CANTCREAT, path, 0, "cannot create");
		goto fail;
	}
	p.title = (char *)props->title;
	p.subject = (char *)props->subject;
	p.author = (char *)(props->author ? props->author : "reckon");
	p.company = (char *)(props->author ? props->author : "");
	p.category = (char *)props->subject;
	p.keywords = (char *)props->keywords;
	p.comments = (char *)props->comments;
	p.created = (time_t)props->created;
	workbook_set_properties(bk->wb, &p);
	brief_book_escape(props->footer ? props->footer : "", bk->footer,
			  200);
	if (props->header)
		snprintf(bk->header, sizeof(bk->header), "&C&\"-,Bold\"&10%s",
			 props->header);
	formats(bk);
	return bk;
fail:
	brief_book_abort(bk);
	return NULL;
}

/* name made valid for Excel into buf[128]: at most 31 characters. */
static void clean_name(const char *name, char *buf, size_t size)
{
	size_t n = 0, chars = 0;

	for (const unsigned char *p = (const unsigned char *)name;
	     *p && n + 4 < size; p++) {
		if ((*p & 0xC0) != 0x80 && ++chars > SHEET_NAME_MAX - 4)
			break;       /* room for " (9)" */
		buf[n++] = strchr("[]:*?/\\", *p) ? '-' : (char)*p;
	}
	/* cut short: at a word, never inside one (unless it is one word) */
	if (name[n] && n && buf[n - 1] != ' ') {
		size_t cut = n;

		while (n && buf[n - 1] != ' ')
			n--;
		if (!n)
			n = cut;
	}
	while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\''))
		n--;
	if (n && buf[0] == '\'')
		buf[0] = '-';
	buf[n] = '\0';
	if (!n)
		snprintf(buf, size, "Sheet");
}

static int taken(const struct brief_book *bk, const char *name)
{
	for (size_t i = 0; i < bk->nnames; i++)
		if (strcasecmp(bk->names[i], name) == 0)
			return 1;
	return 0;
}

static void print_setup(const struct brief_book *bk, lxw_worksheet *ws)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);                 /* A4 */
	worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.7);
	worksheet_fit_to_pages(ws, 1, 0);
	brief_book_footer(bk, ws, NULL);
	if (bk->header[0])
		worksheet_set_header(ws, bk->header);
}

lxw_worksheet *brief_book_sheet(struct brief_book *bk, const char *name,
				struct rk_error *err)
{
	char base[128], full[140];
	lxw_worksheet *ws;
	char **names;

	clean_name(name, base, sizeof(base));
	snprintf(full, sizeof(full), "%s", base);
	for (int i = 2; taken(bk, full) && i < 100; i++)
		snprintf(full, sizeof(full), "%s (%d)", base, i);
	names = realloc(bk->names, (bk->nnames + 1) * sizeof(*names));
	if (!names || !(names[bk->nnames] = strdup(full))) {
		if (names)
			bk->names = names;
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	bk->names = names;
	bk->nnames++;
	ws = workbook_add_worksheet(bk->wb, full);
	if (!ws) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
			     "cannot add the sheet '%s'", full);
		return NULL;
	}
	print_setup(bk, ws);
	return ws;
}

/* ---- links ---- */

void brief_book_anchor(struct brief_book *bk, const char *key, lxw_row_t row,
		       lxw_col_t col)
{
	struct brief_anchor *a;

	if (!bk->nnames)
		return;
	a = realloc(bk->anchor, (bk->nanchor + 1) * sizeof(*a));
	if (!a)
		return;
	bk->anchor = a;
	a += bk->nanchor;
	a->key = strdup(key);
	a->sheet = strdup(bk->names[bk->nnames - 1]);
	a->row = row;
	a->col = col;
	if (!a->key || !a->sheet) {
		free(a->key);
		free(a->sheet);
		return;
	}
	bk->nanchor++;
}

void brief_book_link(struct brief_book *bk, lxw_worksheet *ws, lxw_row_t row,
		     lxw_col_t col, const char *key, const char *text,
		     lxw_format *f)
{
	struct brief_link *l;

	if (!text || !*text)
		return;
	l = realloc(bk->link, (bk->nlink + 1) * sizeof(*l));
	if (!l)
		return;
	bk->link = l;
	l += bk->nlink;
	*l = (struct brief_link){ .ws = ws, .row = row, .col = col, .f = f,
				  .key = strdup(key), .text = strdup(text) };
	if (!l->key || !l->text) {
		free(l->key);
		free(l->text);
		return;
	}
	bk->nlink++;
}

static const struct brief_anchor *anchor_of(const struct brief_book *bk,
					    const char *key)
{
	for (size_t i = 0; i < bk->nanchor; i++)
		if (strcmp(bk->anchor[i].key, key) == 0)
			return &bk->anchor[i];
	return NULL;
}

/* "internal:'Sheet name'!A12", the quote in a name doubled, into buf. */
static void internal_url(const struct brief_anchor *a, char *buf, size_t size)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH];
	size_t n = (size_t)snprintf(buf, size, "internal:'");

	for (const char *p = a->sheet; *p && n + 3 < size; p++) {
		if (*p == '\'')
			buf[n++] = '\'';
		buf[n++] = *p;
	}
	lxw_rowcol_to_cell(cell, a->row, a->col);
	snprintf(buf + n, size - n, "'!%s", cell);
}

static void write_links(struct brief_book *bk)
{
	char url[256];

	for (size_t i = 0; i < bk->nlink; i++) {
		const struct brief_link *l = &bk->link[i];
		const struct brief_anchor *a = anchor_of(bk, l->key);

		if (!a)
			continue;
		internal_url(a, url, sizeof(url));
		worksheet_write_url_opt(l->ws, l->row, l->col, url, l->f,
					l->text, NULL);
	}
}

static void free_book(struct brief_book *bk)
{
	for (size_t i = 0; i < bk->nanchor; i++) {
		free(bk->anchor[i].key);
		free(bk->anchor[i].sheet);
	}
	free(bk->anchor);
	for (size_t i = 0; i < bk->nlink; i++) {
		free(bk->link[i].key);
		free(bk->link[i].text);
	}
	free(bk->link);
	for (size_t i = 0; i < bk->nnames; i++)
		free(bk->names[i]);
	free(bk->names);
	free(bk->path);
	free(bk->tmp);
	free(bk);
}

int brief_book_commit(struct brief_book *bk, struct rk_error *err)
{
	lxw_error e;
	mode_t um;

	write_links(bk);
	e = workbook_close(bk->wb);
	bk->wb = NULL;
	if (e != LXW_NO_ERROR) {
		rk_error_set(err, RK_EXIT_IOERR, bk->path, 0,
			     "cannot write: %s", lxw_strerror(e));
		goto fail;
	}
	/* mkstemp made it 0600; an output gets the usual mode */
	um = umask(0);
	umask(um);
	chmod(bk->tmp, 0666 & ~um);
	if (rename(bk->tmp, bk->path) != 0) {
		rk_error_set(err, RK_EXIT_IOERR, bk->path, 0,
			     "cannot write: %s", strerror(errno));
		goto fail;
	}
	free_book(bk);
	return 0;
fail:
	unlink(bk->tmp);
	free_book(bk);
	return -1;
}

void brief_book_abort(struct brief_book *bk)
{
	if (!bk)
		return;
	if (bk->wb) {
		/* libxlsxwriter has no discard: write it out, then remove it */
		workbook_close(bk->wb);
		bk->wb = NULL;
	}
	if (bk->tmp)
		unlink(bk->tmp);
	free_book(bk);
}

/* ---- cells ---- */

void brief_put_str(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		   lxw_format *f)
{
	char buf[CELL_TEXT_MAX + 1];

	if (!s || !*s)
		return;
	if (strlen(s) > CELL_TEXT_MAX) {
		size_t n = CELL_TEXT_MAX;

		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;       /* not inside a UTF-8 sequence */
		memcpy(buf, s, n);
		buf[n] = '\0';
		s = buf;
	}
	worksheet_write_string(ws, r, c, s, f);
}

/*
 * The decimal places a number format shows: those after the point of its
 * last section ("#,##0" 0, "0.00" 2, "[<0.001]\"<0.001\";0.000" 3); -1 for
 * the General format.
 */
static int places_shown(const lxw_format *f)
{
	const char *s = f ? f->num_format : "";
	const char *sect = strrchr(s, ';'), *dot;
	int n = 0;

	if (!*s)
		return -1;
	sect = sect ? sect + 1 : s;
	if ((dot = strchr(sect, '.')) == NULL)
		return 0;
	while (dot[1 + n] == '0' || dot[1 + n] == '#')
		n++;
	return n;
}

/*
 * x as the cell shows it: rounded to the places of its format, or to the
 * 10 significant digits of General.  The workbook stores this, not the
 * full double behind a format, so that no digit a reader does not see can
 * be read from the file (design.md §6: disclosure).
 */
double brief_shown_value(const lxw_format *f, double x)
{
	int places = places_shown(f);
	char buf[64];

	if (places < 0)
		snprintf(buf, sizeof(buf), "%.10g", x);
	else
		snprintf(buf, sizeof(buf), "%.*f", places, x);
	x = strtod(buf, NULL);
	return x == 0 ? 0 : x;           /* no -0 */
}

void brief_put_num(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double x,
		   lxw_format *f)
{
	if (isfinite(x))
		worksheet_write_number(ws, r, c, brief_shown_value(f, x), f);
}

const char *brief_mark_text(const struct brief_book *bk, unsigned char mark,
			    char *buf)
{
	if (mark == BRIEF_SMALL)
		snprintf(buf, 16, "<%ld", bk->k);
	else if (mark == BRIEF_HIDDEN)
		snprintf(buf, 16, "x");
	else
		buf[0] = '\0';
	return buf;
}

void brief_put_count(const struct brief_book *bk, lxw_worksheet *ws,
		     lxw_row_t r, lxw_col_t c, double x, unsigned char mark,
		     lxw_format *f)
{
	char buf[16];

	if (mark != BRIEF_SHOWN) {
		worksheet_write_string(ws, r, c, brief_mark_text(bk, mark, buf),
				       bk->f.mark);
		return;
	}
	if (isfinite(x) && x != floor(x) && f == bk->f.count)
		f = bk->f.decimal;
	brief_put_num(ws, r, c, x, f);
}
