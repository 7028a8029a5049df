/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table of items: adding cells and sums, the answers, freeing. */
#include "suppress_impl.h"

#include <stdlib.h>
#include <string.h>

struct supp_table *supp_new(size_t ndims, double k)
{
	struct supp_table *t;

	if (ndims < 1 || ndims > SUPP_MAX_DIMS)
		return NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->ndims = ndims;
	t->k = k;
	t->step = 1;
	t->cells = rk_map_new();
	if (!t->cells) {
		free(t);
		return NULL;
	}
	return t;
}

static int grow(struct supp_table *t)
{
	size_t cap = t->cap ? t->cap * 2 : 256;
	void *p;

#define GROW(field, count) \
	do { \
		p = realloc(t->field, (count) * sizeof(*t->field)); \
		if (!p) \
			return -1; \
		t->field = p; \
	} while (0)
	GROW(value, cap);
	GROW(kind, cap);
	GROW(state, cap);
	GROW(base, cap);
	GROW(covered, cap);
	GROW(coord, cap * t->ndims);
	GROW(sum_first, cap);
	GROW(sum_count, cap);
#undef GROW
	t->cap = cap;
	return 0;
}

static long add_item(struct supp_table *t, enum kind kind, double value)
{
	size_t id = t->n;

	if (t->ran || (t->n == t->cap && grow(t) < 0))
		return -1;
	t->value[id] = value;
	t->kind[id] = kind;
	t->state[id] = SUPP_SHOWN;
	t->base[id] = 0;
	t->covered[id] = 0;
	t->sum_first[id] = t->sum_count[id] = 0;
	for (size_t d = 0; d < t->ndims; d++)
		t->coord[id * t->ndims + d] = SUPP_ALL;
	t->n++;
	return (long)id;
}


long supp_cell(struct supp_table *t, const uint32_t *coord, double value)
{
	long id = lookup(t, coord);

	if (id >= 0)
		return id;
	id = add_item(t, CELL, value);
	if (id < 0)
		return -1;
	memcpy(t->coord + (size_t)id * t->ndims, coord,
	       t->ndims * sizeof(*coord));
	if (rk_map_put(t->cells, coord, t->ndims * sizeof(*coord), (size_t)id,
		       NULL, NULL) < 0) {
		t->n--;
		return -1;
	}
	return id;
}

long supp_sum(struct supp_table *t, const size_t *ids, size_t n, double value)
{
	long id;

	for (size_t i = 0; i < n; i++)
		if (ids[i] >= t->n)
			return -1;
	if (t->nsum_ids + n > t->sum_cap) {
		size_t cap = t->sum_cap ? t->sum_cap : 256;
		size_t *p;

		while (cap < t->nsum_ids + n)
			cap *= 2;
		p = realloc(t->sum_ids, cap * sizeof(*p));
		if (!p)
			return -1;
		t->sum_ids = p;
		t->sum_cap = cap;
	}
	id = add_item(t, SUM, value);
	if (id < 0)
		return -1;
	memcpy(t->sum_ids + t->nsum_ids, ids, n * sizeof(*ids));
	t->sum_first[id] = t->nsum_ids;
	t->sum_count[id] = n;
	t->nsum_ids += n;
	return id;
}
enum supp_state supp_state(const struct supp_table *t, size_t id)
{
	return id < t->n ? (enum supp_state)t->state[id] : SUPP_SHOWN;
}

size_t supp_items(const struct supp_table *t)
{
	return t->n;
}

size_t supp_primary(const struct supp_table *t)
{
	return t->nprimary;
}

size_t supp_secondary(const struct supp_table *t)
{
	return t->nsecondary;
}

size_t supp_masked(const struct supp_table *t)
{
	return t->nmasked;
}

int supp_withheld_all(const struct supp_table *t)
{
	return t->all;
}

void supp_free(struct supp_table *t)
{
	if (!t)
		return;
	free(t->value);
	free(t->kind);
	free(t->state);
	free(t->base);
	free(t->covered);
	free(t->coord);
	free(t->sum_first);
	free(t->sum_count);
	free(t->sum_ids);
	rk_map_free(t->cells);
	free(t->memb_off);
	free(t->memb);
	free(t->inc_off);
	free(t->inc);
	if (t->vals)
		for (size_t d = 0; d < t->ndims; d++)
			free(t->vals[d]);
	free(t->vals);
	free(t->nvals);
	free(t->boxes);
	free(t->net);
	free(t->touched);
	free(t->mark);
	free(t->cand_tmp);
	free(t);
}
