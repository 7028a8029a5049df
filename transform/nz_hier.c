/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Categories that contain others (issue 17): a code list may name each
 * code's parent (a `parent` column: the crimes total, then "из них" its
 * sub-categories).  A source's table often holds a parent and its parts
 * side by side; summed over the dimension they would count the parts
 * twice.  So, per source, indicator, period and every other field: a
 * figure whose code has parts present is checked against the sum of the
 * leaves under it and left out; the leaves are written.  Where the parent
 * is more than its parts, the difference is what the source did not
 * break down ("other/unspecified"); either way it is listed in rejects.csv
 * (check hierarchy, action checked) with both numbers.  A parent with no
 * parts present is a leaf itself, and is written.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "map.h"
#include "nz.h"

/* Reads the parent column of dimension d's code list: 0 when it has none. */
static int load_parents(struct normaliser *n, size_t d, struct rk_error *err)
{
	const struct rk_codelist *cl = mapper_codelist(n->dim[d]);
	size_t k = rk_codelist_size(cl);
	uint32_t *parent;
	int any = 0;

	n->parent[d] = NULL;
	if (!cl || !rk_codelist_extra(cl, 0, "parent"))
		return 0;
	if (!(parent = calloc(k + 1, sizeof(*parent))))
		return rk_error_oom(err);
	for (size_t i = 0; i < k; i++) {
		const char *p = rk_codelist_extra(cl, i, "parent");
		long j;

		if (!p || !*p)
			continue;
		if ((j = rk_codelist_find(cl, p)) < 0 || (size_t)j == i) {
			free(parent);
			rk_error_set(err, RK_EXIT_CONFIG, rk_codelist_name(cl),
				     rk_codelist_code(cl, i)->line,
				     "the parent '%s' of code '%s' is %s", p,
				     rk_codelist_code(cl, i)->code,
				     j < 0 ? "not a code of the list"
					   : "the code itself");
			rk_error_hint(err, "a parent is another code of the "
					   "same list, or empty for a top code");
			return -1;
		}
		parent[i + 1] = (uint32_t)j + 1;
		any = 1;
	}
	/* no cycles: every chain reaches a top code within k steps */
	for (size_t i = 1; i <= k && any; i++) {
		uint32_t v = (uint32_t)i;
		size_t steps = 0;

		while (parent[v] && steps++ <= k)
			v = parent[v];
		if (steps > k) {
			free(parent);
			rk_error_set(err, RK_EXIT_CONFIG, rk_codelist_name(cl),
				     rk_codelist_code(cl, i - 1)->line,
				     "the parents of code '%s' go round in a "
				     "circle", rk_codelist_code(cl, i - 1)->code);
			rk_error_hint(err, "follow its parent column up: one "
					   "code must be the top, with no parent");
			return -1;
		}
	}
	if (any)
		n->parent[d] = parent;
	else
		free(parent);
	return 0;
}

int nz_hier_init(struct normaliser *n, struct rk_error *err)
{
	if (!(n->parent = calloc(n->ndims + 1, sizeof(*n->parent))))
		return rk_error_oom(err);
	for (size_t d = 0; d < n->ndims; d++)
		if (load_parents(n, d, err) < 0)
			return -1;
	return 0;
}

void nz_hier_free(struct normaliser *n)
{
	for (size_t d = 0; n->parent && d < n->ndims; d++)
		free(n->parent[d]);
	free(n->parent);
	n->parent = NULL;
}

/* Whether value a lies under value b in d's hierarchy ("" is the top). */
static int under(const uint32_t *parent, uint32_t a, uint32_t b)
{
	if (a == b)
		return 0;
	if (b == MAPPER_TOTAL)
		return a != MAPPER_TOTAL;
	for (size_t steps = 0; a != MAPPER_TOTAL && steps < 64; steps++) {
		a = parent[a];
		if (a == b)
			return 1;
	}
	return 0;
}

static double value_of(const struct normaliser *n, const struct cell *c)
{
	return nz_type_of(n, c->indicator) == NZ_NUMBER ? c->number
							: (double)c->count;
}

/* The key of cell i without dimension d. */
static size_t key_without(const struct normaliser *n, size_t i, size_t d,
			  unsigned char *key)
{
	const struct cell *c = cells_at(n->cells, i);
	const uint32_t *v = cells_dims(n->cells, i);
	uint32_t head[6] = { c->source, c->indicator, (uint32_t)c->period.year,
			     (uint32_t)c->period.first,
			     (uint32_t)c->period.last, (uint32_t)c->period.day };
	size_t len = sizeof(head);

	memcpy(key, head, sizeof(head));
	for (size_t k = 0; k < n->ndims; k++, len += 4) {
		uint32_t x = k == d ? 0 : v[k];

		memcpy(key + len, &x, 4);
	}
	return len;
}

static int usable(const struct cell *c)
{
	return !c->rejected && !c->overflow && !nz_is_source_total(c);
}

/* One group: cells that differ only in dimension d. */
static int judge_group(struct normaliser *n, size_t d, const size_t *cell,
		       size_t m, struct rk_error *err)
{
	const uint32_t *parent = n->parent[d];

	for (size_t a = 0; a < m; a++) {
		struct cell *p = cells_at(n->cells, cell[a]);
		uint32_t pv = cells_dims(n->cells, cell[a])[d];
		double sum = 0;
		size_t leaves = 0, parts = 0;
		int unknown = 0;
		char why[400], x[48], y[48];

		for (size_t b = 0; b < m; b++) {
			uint32_t cv = cells_dims(n->cells, cell[b])[d];
			const struct cell *c = cells_at(n->cells, cell[b]);
			int leaf = 1;

			if (!under(parent, cv, pv))
				continue;
			parts++;
			for (size_t e = 0; e < m && leaf; e++)
				leaf = !under(parent,
					      cells_dims(n->cells, cell[e])[d],
					      cv);
			if (!leaf)
				continue;
			leaves++;
			sum += value_of(n, c);
			unknown |= !c->valued || c->missing || c->suppressed;
		}
		if (!parts)
			continue;             /* a leaf: written */
		p->hier_parent = 1;           /* its parts are: left out */
		n->sum.hier_parents++;
		if (unknown || !p->valued ||
		    fabs(sum - value_of(n, p)) <= 1e-9 * fmax(1, sum))
			continue;
		n->sum.hier_off++;
		snprintf(x, sizeof(x), "%.15g", value_of(n, p));
		snprintf(y, sizeof(y), "%.15g", sum);
		snprintf(why, sizeof(why), "%s '%s' is %s, but the %zu part%s "
			 "of it present sum to %s: ", n->dims[d],
			 pv == MAPPER_TOTAL ? "(all)" :
			 mapper_text(n->dim[d], pv), x, leaves,
			 leaves == 1 ? "" : "s", y);
		snprintf(why + strlen(why), sizeof(why) - strlen(why),
			 value_of(n, p) > sum
			 ? "%.15g of it is not broken down (other or "
			   "unspecified); the parts are compared, it is not"
			 : "more than it, by %.15g; the parts are compared, it "
			   "is not", fabs(value_of(n, p) - sum));
		if (nz_reject_cell(n, n->cells, cell[a], "hierarchy",
				   REJECT_CHECKED, why, err) < 0)
			return -1;
	}
	return 0;
}

int nz_check_hierarchy(struct normaliser *n, struct rk_error *err)
{
	unsigned char *key = malloc(24 + 4 * (n->ndims + 1));
	size_t *group = NULL, *order = NULL, *start = NULL, ng = 0, cap = 0;
	size_t count = cells_count(n->cells);
	int rc = -1;

	if (!key)
		return rk_error_oom(err);
	for (size_t d = 0; d < n->ndims; d++) {
		struct rk_map *index;

		if (!n->parent[d])
			continue;
		if (!(index = rk_map_new()))
			goto oom;
		free(group);
		group = malloc((count + 1) * sizeof(*group));
		if (!group) {
			rk_map_free(index);
			goto oom;
		}
		ng = 0;
		for (size_t i = 0; i < count; i++) {
			size_t len, at;
			int put;

			group[i] = SIZE_MAX;
			if (!usable(cells_at(n->cells, i)))
				continue;
			len = key_without(n, i, d, key);
			put = rk_map_put(index, key, len, ng, &at, NULL);
			if (put < 0) {
				rk_map_free(index);
				goto oom;
			}
			group[i] = put == 1 ? ng++ : at;
		}
		rk_map_free(index);
		/* the cells of each group together: counting sort */
		if (rk_grow((void **)&start, &cap, ng + 2, sizeof(*start)) < 0)
			goto oom;
		memset(start, 0, (ng + 2) * sizeof(*start));
		free(order);
		if (!(order = malloc((count + 1) * sizeof(*order))))
			goto oom;
		for (size_t i = 0; i < count; i++)
			if (group[i] != SIZE_MAX)
				start[group[i] + 2]++;
		for (size_t g = 2; g < ng + 2; g++)
			start[g] += start[g - 1];
		for (size_t i = 0; i < count; i++)
			if (group[i] != SIZE_MAX)
				order[start[group[i] + 1]++] = i;
		for (size_t g = 0; g < ng; g++)
			if (start[g + 1] - start[g] > 1 &&
			    judge_group(n, d, order + start[g],
					start[g + 1] - start[g], err) < 0)
				goto out;
	}
	rc = 0;
	goto out;
oom:
	rk_error_oom(err);
out:
	free(key);
	free(group);
	free(order);
	free(start);
	return rc;
}
