/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "mergeset.h"

#include <stdlib.h>

static int by_first_row(const void *a, const void *b)
{
	const struct sheet_range *x = a, *y = b;

	return x->r1 < y->r1 ? -1 : x->r1 > y->r1;
}

int mergeset_init(struct mergeset *m, struct sheet_range *r, size_t n)
{
	*m = (struct mergeset){ r, n, 0, NULL, 0, 0 };
	if (!n)
		return 0;
	qsort(r, n, sizeof(*r), by_first_row);
	m->active = malloc(n * sizeof(*m->active));
	return m->active ? 0 : -1;
}

void mergeset_row(struct mergeset *m, long row)
{
	size_t w = 0;

	if (!m->n)
		return;
	if (row < m->row) {
		m->next = 0;
		m->nactive = 0;
	}
	m->row = row;
	for (size_t i = 0; i < m->nactive; i++)
		if (m->r[m->active[i]].r2 >= row)
			m->active[w++] = m->active[i];
	m->nactive = w;
	for (; m->next < m->n && m->r[m->next].r1 <= row; m->next++)
		if (m->r[m->next].r2 >= row)
			m->active[m->nactive++] = m->next;
}

int mergeset_hidden(const struct mergeset *m, long col)
{
	for (size_t i = 0; i < m->nactive; i++) {
		const struct sheet_range *g = &m->r[m->active[i]];

		if (col >= g->c1 && col <= g->c2 &&
		    (m->row != g->r1 || col != g->c1))
			return 1;
	}
	return 0;
}

void mergeset_release(struct mergeset *m)
{
	free(m->active);
	m->active = NULL;
}
