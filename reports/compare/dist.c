/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "dist.h"

#include <stdlib.h>
#include <string.h>

/* Category ids sorted as text; qsort has no context in C11. */
static const struct obs_set *sort_set;

static int by_text(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;

	return strcmp(sort_set->str[a], sort_set->str[b]);
}

static int compared(const struct aligned_cell *c)
{
	return c->sa == SIDE_VALUE && c->sb == SIDE_VALUE;
}

/* The distinct values of dimension d among the compared cells. */
static int categories(const struct alignment *al, size_t d, struct dist *r)
{
	size_t *cat = malloc((al->n + 1) * sizeof(*cat)), k = 0;

	if (!cat)
		return -1;
	for (size_t i = 0; i < al->n; i++)
		if (compared(&al->cell[i]))
			cat[k++] = align_dims(al, i)[d];
	sort_set = al->set;
	qsort(cat, k, sizeof(*cat), by_text);
	r->ncat = 0;
	for (size_t i = 0; i < k; i++)
		if (r->ncat == 0 || cat[r->ncat - 1] != cat[i])
			cat[r->ncat++] = cat[i];
	r->cat = cat;
	return 0;
}

static size_t find(const struct dist *r, size_t id)
{
	size_t lo = 0, hi = r->ncat;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(sort_set->str[r->cat[mid]], sort_set->str[id]);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

static int one(const struct alignment *al, size_t d, struct dist *r)
{
	double *table, *res;
	int rc;

	memset(r, 0, sizeof(*r));
	r->dim = d;
	if (categories(al, d, r) < 0)
		return -1;
	r->a = calloc(r->ncat + 1, sizeof(*r->a));
	r->b = calloc(r->ncat + 1, sizeof(*r->b));
	r->resid = calloc(r->ncat + 1, sizeof(*r->resid));
	table = calloc(2 * r->ncat + 1, sizeof(*table));
	res = calloc(2 * r->ncat + 1, sizeof(*res));
	rc = r->a && r->b && r->resid && table && res ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < al->n; i++) {
		size_t j;

		if (!compared(&al->cell[i]))
			continue;
		j = find(r, align_dims(al, i)[d]);
		r->a[j] += al->cell[i].a;
		r->b[j] += al->cell[i].b;
	}
	if (rc == 0) {
		memcpy(table, r->a, r->ncat * sizeof(*table));
		memcpy(table + r->ncat, r->b, r->ncat * sizeof(*table));
		/* a negative total leaves the test undefined (NaN), no more */
		(void)table_homogeneity(table, 2, r->ncat, &r->test, res);
		memcpy(r->resid, res + r->ncat, r->ncat * sizeof(*res));
	}
	free(table);
	free(res);
	return rc;
}

int dist_compute(const struct alignment *al, struct dist **out, size_t *n)
{
	size_t nd = al->set->ndims, k = 0;
	struct dist *r = calloc(nd + 1, sizeof(*r));

	*out = NULL;
	*n = 0;
	if (!r)
		return -1;
	for (size_t d = 0; d < nd; d++) {
		if (!(al->compared >> d & 1))
			continue;
		if (one(al, d, &r[k++]) < 0) {
			dist_free(r, k);
			return -1;
		}
	}
	*out = r;
	*n = k;
	return 0;
}

void dist_free(struct dist *d, size_t n)
{
	for (size_t i = 0; d && i < n; i++) {
		free(d[i].cat);
		free(d[i].a);
		free(d[i].b);
		free(d[i].resid);
	}
	free(d);
}
