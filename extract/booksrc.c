/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "booksrc.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/cellref.h"

struct booksrc {
	struct book *book;
	long index;                /* of the sheet */
	long r1, c1, r2, c2;       /* the range; 0-based columns */
	int ranged;                /* a range was given */
	const char *pattern;       /* sheet: a glob of sheet names; NULL */
	const char *name;          /* how errors call the file (borrowed) */
	char **cell;               /* a dense row: borrowed texts or "" */
	size_t *len;
	size_t cap;
};

static void list_sheets(const struct book *b, char *buf, size_t cap)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < book_sheet_count(b) && o + 8 < cap; i++)
		o += (size_t)snprintf(buf + o, cap - o, "%s'%s'", i ? ", " : "",
				      book_sheet_name(b, i));
}

int booksrc_next_sheet(struct booksrc *s)
{
	size_t n = book_sheet_count(s->book);

	if (!s->pattern)
		return 0;
	while ((size_t)++s->index < n)
		if (fnmatch(s->pattern, book_sheet_name(s->book,
							(size_t)s->index),
			    0) == 0)
			return 1;
	return 0;
}

static int find_sheet(struct booksrc *s, const char *name, const char *sheet,
		      struct rk_error *err)
{
	char names[400];

	if (book_sheet_count(s->book) == 0) {
		rk_error_set(err, RK_EXIT_DATAERR, name, 0,
			     "the workbook has no worksheet");
		return -1;
	}
	if (sheet && strpbrk(sheet, "*?[")) {
		s->pattern = sheet;       /* every sheet it matches, in order */
		s->index = -1;
		if (booksrc_next_sheet(s) == 1)
			return 0;
		list_sheets(s->book, names, sizeof(names));
		rk_error_set(err, RK_EXIT_DATAERR, name, 0,
			     "no sheet matches '%s'", sheet);
		rk_error_hint(err, "the sheets are %s", names);
		return -1;
	}
	s->index = sheet ? book_find_sheet(s->book, sheet) : 0;
	if (s->index >= 0)
		return 0;
	list_sheets(s->book, names, sizeof(names));
	rk_error_set(err, RK_EXIT_DATAERR, name, 0, "no sheet '%s'", sheet);
	rk_error_hint(err, "the sheets are %s; give one by name or number",
		      names);
	return -1;
}

struct booksrc *booksrc_open(const char *path, const char *name,
			     const char *sheet, const char *range,
			     struct rk_error *err)
{
	struct booksrc *s = calloc(1, sizeof(*s));

	if (!s) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	s->name = name;
	s->ranged = range != NULL;
	s->r1 = 1;
	s->r2 = 1048576;
	s->c2 = CELLREF_MAX_COL;
	if (range && cellref_area(range, strlen(range), &s->r1, &s->c1, &s->r2,
			       &s->c2) < 0) {
		rk_error_set(err, RK_EXIT_DATAERR, name, 0,
			     "bad range '%s'", range);
		rk_error_hint(err, "write a range as two corners, e.g. A3:F40");
		goto fail;
	}
	s->book = book_open(path, name, err);
	if (!s->book || find_sheet(s, name, sheet, err) < 0)
		goto fail;
	return s;
fail:
	booksrc_close(s);
	return NULL;
}

const char *booksrc_sheet(const struct booksrc *s)
{
	return book_sheet_name(s->book, (size_t)s->index);
}

/* Spreads a sparse sheet row over columns 0..last within the range. */
static int densify(struct booksrc *s, const struct sheet_row *row,
		   struct grid_row *g)
{
	size_t width = 0;

	for (size_t i = 0; i < row->n; i++)
		if (row->cell[i].col >= s->c1 && row->cell[i].col <= s->c2)
			width = (size_t)row->cell[i].col + 1;
	if (width > s->cap) {
		char **c = realloc(s->cell, width * sizeof(*c));
		size_t *l = c ? realloc(s->len, width * sizeof(*l)) : NULL;

		if (c)
			s->cell = c;
		if (!l)
			return -1;
		s->len = l;
		s->cap = width;
	}
	for (size_t i = 0; i < width; i++) {
		s->cell[i] = "";
		s->len[i] = 0;
	}
	for (size_t i = 0; i < row->n; i++) {
		const struct sheet_cell *c = &row->cell[i];

		if (c->col >= s->c1 && (size_t)c->col < width) {
			s->cell[c->col] = (char *)c->text;
			s->len[c->col] = c->len;
		}
	}
	*g = (struct grid_row){ row->row, row->row, width, s->cell, s->len };
	return 0;
}

/* Feeds the blank rows a sheet leaves out, then the row itself. */
static int feed(struct booksrc *s, long *last, const struct grid_row *g,
		struct layout *L, struct tidy_writer *w, struct rk_error *err)
{
	int rc = 0;

	while (rc == 0 && *last + 1 < g->index) {
		struct grid_row blank;

		++*last;
		blank = (struct grid_row){ *last, *last, 0, s->cell, s->len };
		rc = layout_row(L, &blank, w, err);
	}
	*last = g->index;
	if (rc == 1)          /* the table ended in the gap: g is under it */
		return layout_note(L, g, w, err) < 0 ? -1 : 1;
	return rc ? rc : layout_row(L, g, w, err);
}

/* "B2:C3" for a range (0-based columns, 1-based rows). */
static void area_text(long r1, long c1, long r2, long c2, char *buf,
		      size_t size)
{
	char a[8], b[8];

	cellref_letters(c1, a);
	cellref_letters(c2, b);
	snprintf(buf, size, "%s%ld:%s%ld", a, r1, b, r2);
}

/*
 * A range that cuts through a merged block takes part of a heading or a
 * label without the rest (a region merged down over two rows, half of
 * it outside): refused, naming both.
 */
static int range_cuts_merges(const struct booksrc *s,
			     const struct sheet_range *m, size_t n,
			     struct rk_error *err)
{
	char range[48], block[48];

	for (size_t i = 0; s->ranged && i < n; i++) {
		const struct sheet_range *b = &m[i];
		int meets = b->r2 >= s->r1 && b->r1 <= s->r2 &&
			    b->c2 >= s->c1 && b->c1 <= s->c2;
		int inside = b->r1 >= s->r1 && b->r2 <= s->r2 &&
			     b->c1 >= s->c1 && b->c2 <= s->c2;

		if (!meets || inside)
			continue;
		area_text(s->r1, s->c1, s->r2, s->c2, range, sizeof(range));
		area_text(b->r1, b->c1, b->r2, b->c2, block, sizeof(block));
		rk_error_set(err, RK_EXIT_DATAERR, s->name, 0,
			     "the range %s cuts through the merged cells %s: "
			     "part of a heading or label would be read "
			     "without the rest", range, block);
		rk_error_hint(err, "move the range's edge so that it takes "
				   "the block %s whole, or leaves it out",
			      block);
		return -1;
	}
	return 0;
}

/* A row just above or under a given range, for the layout to judge. */
static int edge(const struct booksrc *s, struct layout *L,
		const struct grid_row *g, int notes, struct rk_error *err)
{
	if (!s->ranged)
		return 0;
	if (g->index < s->r1)
		return layout_above_range(L, g, err);
	return notes ? 0 : layout_below_range(L, g, err);
}

int booksrc_extract(struct booksrc *s, struct layout *L, struct tidy_writer *w,
		    rk_progress_fn *progress, void *arg, struct rk_error *err)
{
	struct sheet *sh = book_sheet_open(s->book, (size_t)s->index, err);
	const struct sheet_range *m;
	struct sheet_row row;
	struct grid_row g;
	long last = s->r1 - 1;
	size_t nm;
	int rc = -1, r, notes = 0;

	if (!sh)
		return -1;
	m = sheet_merges(sh, &nm);
	if (range_cuts_merges(s, m, nm, err) < 0 ||
	    layout_set_merges(L, m, nm, err) < 0)
		goto out;
	while ((r = sheet_next_row(sh, &row, err)) == 1) {
		if (row.row > s->r2 + 1)
			break;
		if (row.row < s->r1 - 1)
			continue;
		if (progress && (row.row & 0x3fff) == 0)
			progress(arg, row.row);
		if (densify(s, &row, &g) < 0) {
			rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				     "out of memory");
			goto out;
		}
		if (row.row < s->r1 || row.row > s->r2) {
			/* the rows just outside a range: is it the table's? */
			if (edge(s, L, &g, notes, err) < 0)
				goto out;
			if (row.row > s->r2)
				break;
			continue;
		}
		/* the table, then the notes under it */
		r = notes ? layout_note(L, &g, w, err)
			  : feed(s, &last, &g, L, w, err);
		if (r < 0)
			goto out;
		if (r == 1 && notes)
			break;
		notes |= r == 1;
	}
	if (r < 0 || layout_end(L, err) < 0)
		goto out;
	rc = 0;
out:
	sheet_close(sh);
	return rc;
}

void booksrc_close(struct booksrc *s)
{
	if (!s)
		return;
	book_close(s->book);
	free(s->cell);
	free(s->len);
	free(s);
}
