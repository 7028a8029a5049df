/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "merge.h"

#include <stdlib.h>
#include <string.h>

struct open_range {
	struct sheet_range r;
	char *anchor;              /* text of the top-left cell */
};

struct merges {
	struct sheet_range *all;   /* sorted by first row */
	size_t n, next;            /* next: first range not yet open */
	struct open_range *open;
	size_t nopen, cap;
};

static int by_first_row(const void *a, const void *b)
{
	const struct sheet_range *x = a, *y = b;

	if (x->r1 != y->r1)
		return x->r1 < y->r1 ? -1 : 1;
	return (x->c1 > y->c1) - (x->c1 < y->c1);
}

struct merges *merges_new(const struct sheet_range *r, size_t n)
{
	struct merges *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->all = malloc((n ? n : 1) * sizeof(*m->all));
	if (!m->all) {
		free(m);
		return NULL;
	}
	if (n)
		memcpy(m->all, r, n * sizeof(*r));
	m->n = n;
	qsort(m->all, n, sizeof(*m->all), by_first_row);
	return m;
}

/* Closes the ranges that end above row. */
static void close_passed(struct merges *m, long row)
{
	size_t k = 0;

	for (size_t i = 0; i < m->nopen; i++) {
		if (m->open[i].r.r2 < row) {
			free(m->open[i].anchor);
			continue;
		}
		m->open[k++] = m->open[i];
	}
	m->nopen = k;
}

static int open_range(struct merges *m, const struct sheet_range *r,
		      const struct grid_row *row)
{
	const char *t = (size_t)r->c1 < row->n && r->r1 == row->index
				? row->cell[r->c1] : "";

	if (m->nopen == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		struct open_range *p = realloc(m->open, cap * sizeof(*p));

		if (!p)
			return -1;
		m->open = p;
		m->cap = cap;
	}
	m->open[m->nopen].r = *r;
	m->open[m->nopen].anchor = strdup(t);
	if (!m->open[m->nopen].anchor)
		return -1;
	m->nopen++;
	return 0;
}

int merges_row(struct merges *m, const struct grid_row *row)
{
	close_passed(m, row->index);
	while (m->next < m->n && m->all[m->next].r1 <= row->index) {
		const struct sheet_range *r = &m->all[m->next++];

		if (r->r2 >= row->index && open_range(m, r, row) < 0)
			return -1;
	}
	return 0;
}

const char *merges_cover(const struct merges *m, long row, long col,
			 int *below)
{
	for (size_t i = 0; m && i < m->nopen; i++) {
		const struct sheet_range *r = &m->open[i].r;

		if (row >= r->r1 && row <= r->r2 && col >= r->c1 &&
		    col <= r->c2 && !(row == r->r1 && col == r->c1)) {
			*below = row > r->r1;
			return m->open[i].anchor;
		}
	}
	return NULL;
}

const char *merges_fill(const struct merges *m, long row, long col)
{
	int below;

	return merges_cover(m, row, col, &below);
}

size_t merges_width(const struct merges *m, long row)
{
	size_t w = 0;

	for (size_t i = 0; m && i < m->nopen; i++) {
		const struct sheet_range *r = &m->open[i].r;

		if (row >= r->r1 && row <= r->r2 && (size_t)r->c2 + 1 > w)
			w = (size_t)r->c2 + 1;
	}
	return w;
}

void merges_free(struct merges *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nopen; i++)
		free(m->open[i].anchor);
	free(m->open);
	free(m->all);
	free(m);
}
