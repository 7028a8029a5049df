/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The structure of a table: base cells, members, incidence. */
#include "suppress_impl.h"

#include <stdlib.h>
#include <string.h>

/* c = coordinates of id with the dims picked by mask (over dims) made ALL. */
static void coarsen(const struct supp_table *t, size_t id,
		    const unsigned char *dims, unsigned mask, uint32_t *c)
{
	memcpy(c, coord_of(t, id), t->ndims * sizeof(*c));
	for (unsigned i = 0; mask; i++, mask >>= 1)
		if (mask & 1)
			c[dims[i]] = SUPP_ALL;
}

static void mark_base(struct supp_table *t)
{
	unsigned char dims[SUPP_MAX_DIMS];
	uint32_t c[SUPP_MAX_DIMS];

	for (size_t i = 0; i < t->n; i++)
		t->base[i] = t->kind[i] == CELL;
	for (size_t i = 0; i < t->n; i++) {
		unsigned m;

		if (t->kind[i] != CELL)
			continue;
		m = fixed_dims(t, i, dims);
		for (unsigned mask = 1; mask < (1u << m); mask++) {
			long j;

			coarsen(t, i, dims, mask, c);
			if ((j = lookup(t, c)) >= 0)
				t->base[j] = 0;
		}
	}
}

struct pair {
	size_t item, cell;
};

static int push_pair(struct pair **p, size_t *n, size_t *cap, size_t item,
		     size_t cell)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 1024;
		struct pair *q = realloc(*p, nc * sizeof(*q));

		if (!q)
			return -1;
		*p = q;
		*cap = nc;
	}
	(*p)[*n].item = item;
	(*p)[*n].cell = cell;
	(*n)++;
	return 0;
}

/* Members of cells: every base cell under each registered coarsening. */
static int cell_pairs(struct supp_table *t, struct pair **p, size_t *n,
		      size_t *cap)
{
	unsigned char dims[SUPP_MAX_DIMS];
	uint32_t c[SUPP_MAX_DIMS];

	for (size_t i = 0; i < t->n; i++) {
		unsigned m;

		if (!t->base[i])
			continue;
		m = fixed_dims(t, i, dims);
		for (unsigned mask = 0; mask < (1u << m); mask++) {
			long j;

			coarsen(t, i, dims, mask, c);
			if ((j = lookup(t, c)) >= 0 &&
			    push_pair(p, n, cap, (size_t)j, i) < 0)
				return -1;
		}
	}
	return 0;
}

/* Compressed lists from pairs, keyed by item (by_item) or by cell. */
static int compress(const struct supp_table *t, const struct pair *p,
		    size_t n, int by_item, size_t **off, size_t **list)
{
	size_t *o = calloc(t->n + 1, sizeof(*o));
	size_t *l = malloc((n ? n : 1) * sizeof(*l));

	if (!o || !l) {
		free(o);
		free(l);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		o[(by_item ? p[i].item : p[i].cell) + 1]++;
	for (size_t i = 0; i < t->n; i++)
		o[i + 1] += o[i];
	/* pairs come in cell order, then item order: a stable fill keeps it */
	{
		size_t *fill = malloc((t->n + 1) * sizeof(*fill));

		if (!fill) {
			free(o);
			free(l);
			return -1;
		}
		memcpy(fill, o, (t->n + 1) * sizeof(*fill));
		for (size_t i = 0; i < n; i++) {
			size_t key = by_item ? p[i].item : p[i].cell;

			l[fill[key]++] = by_item ? p[i].cell : p[i].item;
		}
		free(fill);
	}
	*off = o;
	*list = l;
	return 0;
}

/* Members of sums: the union of their parts' members, in first-seen order. */
static int sum_pairs(struct supp_table *t, const size_t *moff,
		     const size_t *memb, struct pair **p, size_t *n,
		     size_t *cap)
{
	size_t *seen = calloc(t->n, sizeof(*seen));

	if (!seen)
		return -1;
	for (size_t i = 0; i < t->n; i++) {
		if (t->kind[i] != SUM)
			continue;
		for (size_t k = 0; k < t->sum_count[i]; k++) {
			size_t part = t->sum_ids[t->sum_first[i] + k];

			for (size_t m = moff[part]; m < moff[part + 1]; m++) {
				size_t cell = memb[m];

				if (seen[cell] == i + 1)
					continue;
				seen[cell] = i + 1;
				if (push_pair(p, n, cap, i, cell) < 0) {
					free(seen);
					return -1;
				}
			}
		}
	}
	free(seen);
	return 0;
}

/* Each dimension's values among base cells, sorted, once each. */
static int dim_values(struct supp_table *t)
{
	t->vals = calloc(t->ndims, sizeof(*t->vals));
	t->nvals = calloc(t->ndims, sizeof(*t->nvals));
	if (!t->vals || !t->nvals)
		return -1;
	for (size_t d = 0; d < t->ndims; d++) {
		size_t n = 0;
		uint32_t *v = malloc((t->n ? t->n : 1) * sizeof(*v));

		if (!v)
			return -1;
		for (size_t i = 0; i < t->n; i++)
			if (t->base[i] && coord_of(t, i)[d] != SUPP_ALL)
				v[n++] = coord_of(t, i)[d];
		qsort(v, n, sizeof(*v), cmp_u32);
		{
			size_t u = 0;

			for (size_t i = 0; i < n; i++)
				if (u == 0 || v[u - 1] != v[i])
					v[u++] = v[i];
			n = u;
		}
		t->vals[d] = v;
		t->nvals[d] = n;
	}
	return 0;
}

int supp_build(struct supp_table *t)
{
	struct pair *p = NULL;
	size_t n = 0, cap = 0;
	size_t *moff = NULL, *memb = NULL;
	int rc = -1;

	mark_base(t);
	if (cell_pairs(t, &p, &n, &cap) < 0)
		goto out;
	/* members of cells first: sums are built from them */
	if (compress(t, p, n, 1, &moff, &memb) < 0)
		goto out;
	if (sum_pairs(t, moff, memb, &p, &n, &cap) < 0)
		goto out;
	if (compress(t, p, n, 1, &t->memb_off, &t->memb) < 0 ||
	    compress(t, p, n, 0, &t->inc_off, &t->inc) < 0)
		goto out;
	if (dim_values(t) < 0)
		goto out;
	t->net = calloc(t->n ? t->n : 1, sizeof(*t->net));
	t->touched = malloc((t->n ? t->n : 1) * sizeof(*t->touched));
	t->mark = calloc(t->n ? t->n : 1, 1);
	{
		size_t most = 1;

		for (size_t d = 0; d < t->ndims; d++)
			if (t->nvals[d] > most)
				most = t->nvals[d];
		t->cand_tmp = malloc(most * sizeof(*t->cand_tmp));
	}
	if (!t->net || !t->touched || !t->mark || !t->cand_tmp)
		goto out;
	rc = 0;
out:
	free(p);
	free(moff);
	free(memb);
	return rc;
}
