/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cellbuf.h"

#include <stdlib.h>
#include <string.h>

void cellbuf_init(struct cellbuf *cb, size_t first, size_t max)
{
	memset(cb, 0, sizeof(*cb));
	cb->first = first;
	cb->max = max;
}

void cellbuf_clear(struct cellbuf *cb)
{
	cb->n = cb->next = 0;
	cb->unsorted = 0;
	cb->arena.len = 0;
}

int cellbuf_grow(struct cellbuf *cb)
{
	size_t cap = cb->cap ? cb->cap * 2 : cb->first;
	struct cellbuf_cell *c;

	if (cap > cb->max)
		cap = cb->max;
	if (cap <= cb->n)
		return -1;
	c = realloc(cb->cell, cap * sizeof(*c));
	if (!c)
		return -1;
	cb->cell = c;
	cb->cap = cap;
	return 0;
}

int cellbuf_text(struct cellbuf *cb, const char *p, size_t n, size_t *off)
{
	*off = cb->arena.len;
	if (bytebuf_add(&cb->arena, p, n) < 0 ||
	    bytebuf_add(&cb->arena, "", 1) < 0)
		return -1;
	return 0;
}

static int by_place(const void *a, const void *b)
{
	const struct cellbuf_cell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int cellbuf_order(struct cellbuf *cb)
{
	struct cellbuf_cell *c = cb->cell;
	size_t w = 0, width = 0, run = 0;

	if (cb->unsorted) {
		qsort(c, cb->n, sizeof(*c), by_place);
		for (size_t i = 0; i < cb->n; i++)
			if (i + 1 == cb->n || c[i + 1].row != c[i].row ||
			    c[i + 1].col != c[i].col)
				c[w++] = c[i];
		cb->n = w;
		cb->unsorted = 0;
	}
	for (size_t i = 0; i < cb->n; i++) {
		run = i && c[i - 1].row == c[i].row ? run + 1 : 1;
		if (run > width)
			width = run;
	}
	if (width > cb->capout) {
		struct sheet_cell *o = realloc(cb->out, width * sizeof(*o));

		if (!o)
			return -1;
		cb->out = o;
		cb->capout = width;
	}
	return 0;
}

int cellbuf_next(struct cellbuf *cb, struct mergeset *m, struct sheet_row *row)
{
	while (cb->next < cb->n) {
		uint32_t r = cb->cell[cb->next].row;
		size_t n = 0;

		mergeset_row(m, r);
		for (; cb->next < cb->n && cb->cell[cb->next].row == r; cb->next++) {
			const struct cellbuf_cell *c = &cb->cell[cb->next];

			if (m->nactive && mergeset_hidden(m, c->col))
				continue;
			cb->out[n++] = (struct sheet_cell){
				c->col, c->type,
				c->ext ? c->ext : cb->arena.p + c->off, c->len };
		}
		if (n) {
			*row = (struct sheet_row){ r, n, cb->out };
			return 1;
		}
	}
	return 0;
}

void cellbuf_release(struct cellbuf *cb)
{
	free(cb->cell);
	bytebuf_free(&cb->arena);
	free(cb->out);
	memset(cb, 0, sizeof(*cb));
}
