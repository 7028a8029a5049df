/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "header.h"

#include <stdlib.h>
#include <string.h>

#include "value.h"

struct tier {
	size_t n;
	char **text;
	unsigned char *under;      /* under a block merged down from above */
};

struct header {
	size_t tiers, held;
	struct tier *row;          /* row[0] is the top tier */
};

struct header *header_new(size_t tiers)
{
	struct header *h = calloc(1, sizeof(*h));

	if (!h || !(h->row = calloc(tiers ? tiers : 1, sizeof(*h->row)))) {
		free(h);
		return NULL;
	}
	h->tiers = tiers ? tiers : 1;
	return h;
}

static void tier_clear(struct tier *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->text[i]);
	free(t->text);
	free(t->under);
	memset(t, 0, sizeof(*t));
}

/*
 * A trimmed copy of the cell as Excel and LibreOffice show it: a cell
 * beside the anchor of its merged block shows the anchor's text; a cell
 * under it shows nothing, and *under says so (a heading merged down over
 * the lower tiers: the column is not broken down by them).
 */
static char *cell_text(const struct grid_row *r, size_t i,
		       const struct merges *m, unsigned char *under)
{
	const char *s = i < r->n ? r->cell[i] : "", *fill;
	size_t n = i < r->n ? r->len[i] : 0;
	int below = 0;

	*under = 0;
	if ((fill = merges_cover(m, r->index, (long)i, &below)) != NULL) {
		s = below ? "" : fill;
		n = strlen(s);
		*under = (unsigned char)below;
	}
	value_trim(&s, &n);
	return strndup(s, n);
}

int header_push(struct header *h, const struct grid_row *r,
		const struct merges *m)
{
	struct tier t = { 0, NULL, NULL };
	size_t width = r->n, mw = merges_width(m, r->index);

	if (mw > width)
		width = mw;           /* cells a merge covers past the row */
	t.text = calloc(width ? width : 1, sizeof(*t.text));
	t.under = calloc(width ? width : 1, 1);
	if (!t.text || !t.under) {
		tier_clear(&t);
		return -1;
	}
	for (; t.n < width; t.n++) {
		t.text[t.n] = cell_text(r, t.n, m, &t.under[t.n]);
		if (!t.text[t.n]) {
			tier_clear(&t);
			return -1;
		}
	}
	if (h->held == h->tiers) {
		tier_clear(&h->row[0]);
		memmove(h->row, h->row + 1, (h->tiers - 1) * sizeof(*h->row));
		h->held--;
	}
	h->row[h->held++] = t;
	return 0;
}

size_t header_rows_held(const struct header *h)
{
	return h->held;
}

long header_find(const struct header *h, const char *text)
{
	size_t width = header_width(h);

	for (size_t c = 0; c < width; c++)
		for (size_t k = 0; k < h->held; k++)
			if (c < h->row[k].n && strcmp(h->row[k].text[c], text) == 0)
				return (long)c;
	return -1;
}

long header_find_in(const struct header *h, size_t k, const char *text)
{
	for (size_t c = 0; k < h->held && c < h->row[k].n; c++)
		if (strcmp(h->row[k].text[c], text) == 0)
			return (long)c;
	return -1;
}

static const char *raw(const struct header *h, size_t k, long col)
{
	if (k >= h->held || col < 0 || (size_t)col >= h->row[k].n)
		return "";
	return h->row[k].text[col];
}

const char *header_cell(const struct header *h, size_t k, long col)
{
	return raw(h, k, col);
}

static int under(const struct header *h, size_t k, long col)
{
	return k < h->held && col >= 0 && (size_t)col < h->row[k].n &&
	       h->row[k].under[col];
}

const char *header_tier_text(const struct header *h, size_t k, long col,
			     const long *cols, size_t ncols)
{
	const char *t = raw(h, k, col);
	size_t i;

	if (*t || k + 1 >= h->held || under(h, k, col))
		return t;
	for (i = 0; i < ncols && cols[i] != col; i++)
		;
	while (i-- > 0 && cols[i] < col && !under(h, k, cols[i])) {
		t = raw(h, k, cols[i]);
		if (*t)
			return t;
	}
	return "";
}

size_t header_width(const struct header *h)
{
	size_t w = 0;

	for (size_t k = 0; k < h->held; k++)
		if (h->row[k].n > w)
			w = h->row[k].n;
	return w;
}

void header_free(struct header *h)
{
	if (!h)
		return;
	for (size_t k = 0; k < h->held; k++)
		tier_clear(&h->row[k]);
	free(h->row);
	free(h);
}
