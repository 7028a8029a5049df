/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "prov.h"

static long find_pair(const struct brief *b, const char *ind, const char *ref,
		      const char *against)
{
	for (size_t i = 0; i < b->npair; i++)
		if (strcmp(b->pair[i].indicator, ind) == 0 &&
		    strcmp(b->pair[i].reference, ref) == 0 &&
		    strcmp(b->pair[i].against, against) == 0)
			return (long)i;
	return -1;
}

static long add_pair(struct brief *b, const char *ind, const char *ref,
		     const char *against, double alpha)
{
	struct brief_pair *p = realloc(b->pair, (b->npair + 1) * sizeof(*p));

	if (!p)
		return -1;
	b->pair = p;
	p = &b->pair[b->npair];
	memset(p, 0, sizeof(*p));
	p->summary = -1;
	p->alpha = alpha;
	p->indicator = strdup(ind);
	p->reference = strdup(ref);
	p->against = strdup(against);
	b->npair++;
	if (!p->indicator || !p->reference || !p->against)
		return -1;
	return (long)(b->npair - 1);
}

static int push(size_t **list, size_t *n, size_t v)
{
	size_t *p = realloc(*list, (*n + 1) * sizeof(*p));

	if (!p)
		return -1;
	*list = p;
	p[(*n)++] = v;
	return 0;
}

/* The pair of row r of t (reference, against, indicator), added if new. */
static long pair_of(struct brief *b, const struct brief_table *t, size_t r)
{
	const char *ind = brief_table_str(t, r, "indicator");
	const char *ref = brief_table_str(t, r, "reference");
	const char *against = brief_table_str(t, r, "against");
	long i = find_pair(b, ind, ref, against);

	return i >= 0 ? i : add_pair(b, ind, ref, against, 0.05);
}

static int attach_cells(struct brief *b)
{
	for (size_t r = 0; r < b->cells.nrows; r++) {
		long i = pair_of(b, &b->cells, r);
		struct brief_pair *p;

		if (i < 0)
			return -1;
		p = &b->pair[i];
		if (push(&p->cell, &p->ncell, r) < 0)
			return -1;
		for (size_t d = 0; d < b->ndims; d++)
			if (*brief_cell_dim(b, r, d))
				p->dims |= 1u << d;
	}
	return 0;
}

static int attach_rest(struct brief *b)
{
	for (size_t r = 0; r < b->summary.nrows; r++) {
		long i = pair_of(b, &b->summary, r);
		double alpha = brief_table_num(&b->summary, r, "alpha");

		if (i < 0)
			return -1;
		b->pair[i].summary = (long)r;
		if (alpha > 0 && alpha < 1)
			b->pair[i].alpha = alpha;
	}
	for (size_t r = 0; r < b->dist.nrows; r++) {
		long i = pair_of(b, &b->dist, r);

		if (i < 0 || push(&b->pair[i].dist, &b->pair[i].ndist, r) < 0)
			return -1;
	}
	for (size_t r = 0; r < b->trend.nrows; r++) {
		long i = pair_of(b, &b->trend, r);

		if (i < 0 ||
		    push(&b->pair[i].trend, &b->pair[i].ntrend, r) < 0)
			return -1;
	}
	return 0;
}

/*
 * A pair's cells and its distribution's categories in the code lists'
 * order (Dushanbe, Sughd, Khatlon… as the list has them), period by
 * period; reckon-compare writes them in the codes' text order.  qsort
 * has no context in C11: the brief being sorted is kept here.
 */
static const struct brief *sorting;

static int by_rank(size_t d, const char *x, const char *y)
{
	long a = brief_label_rank(sorting->labels, d, x);
	long b = brief_label_rank(sorting->labels, d, y);

	return a != b ? (a < b ? -1 : 1) : strcmp(x, y);
}

static int by_cell(const void *x, const void *y)
{
	size_t r = *(const size_t *)x, s = *(const size_t *)y;
	const struct brief_table *t = &sorting->cells;
	int c = strcmp(brief_table_str(t, r, "period"),
		       brief_table_str(t, s, "period"));

	for (size_t d = 0; !c && d < sorting->ndims; d++)
		c = by_rank(d, brief_cell_dim(sorting, r, d),
			    brief_cell_dim(sorting, s, d));
	return c ? c : (r > s) - (r < s);
}

/* A dimension's place among the pipeline's (config order). */
static size_t dim_index(const char *name)
{
	size_t d = 0;

	while (d < sorting->ndims && strcmp(sorting->dims[d], name))
		d++;
	return d;
}

static int by_category(const void *x, const void *y)
{
	size_t r = *(const size_t *)x, s = *(const size_t *)y;
	const struct brief_table *t = &sorting->dist;
	size_t dr = dim_index(brief_table_str(t, r, "dimension"));
	size_t ds = dim_index(brief_table_str(t, s, "dimension"));
	int c = dr != ds ? (dr < ds ? -1 : 1) : 0;

	if (!c && dr < sorting->ndims)
		c = by_rank(dr, brief_table_str(t, r, "category"),
			    brief_table_str(t, s, "category"));
	return c ? c : (r > s) - (r < s);
}

static void in_list_order(const struct brief *b)
{
	sorting = b;
	for (size_t i = 0; i < b->npair; i++) {
		struct brief_pair *p = &b->pair[i];

		if (p->ncell > 1)
			qsort(p->cell, p->ncell, sizeof(*p->cell), by_cell);
		if (p->ndist > 1 && brief_table_col(&b->dist, "dimension") >= 0)
			qsort(p->dist, p->ndist, sizeof(*p->dist),
			      by_category);
	}
	sorting = NULL;
}

/* Whether both sources have a value in cells.csv row r. */
static int compared(const struct brief *b, size_t r)
{
	return *brief_table_str(&b->cells, r, "a") &&
	       *brief_table_str(&b->cells, r, "b");
}

/* Totals of the compared cells per period, periods in cells.csv order. */
static int period_totals(const struct brief *b, struct brief_pair *p)
{
	for (size_t i = 0; i < p->ncell; i++) {
		size_t r = p->cell[i], k;
		const char *period = brief_table_str(&b->cells, r, "period");

		if (!compared(b, r))
			continue;
		for (k = 0; k < p->nperiod; k++)
			if (strcmp(p->period[k], period) == 0)
				break;
		if (k == p->nperiod) {
			char **np = realloc(p->period, (k + 1) * sizeof(*np));
			double *a, *c;

			if (!np)
				return -1;
			p->period = np;
			if (!(a = realloc(p->pa, (k + 1) * sizeof(*a))))
				return -1;
			p->pa = a;
			if (!(c = realloc(p->pb, (k + 1) * sizeof(*c))))
				return -1;
			p->pb = c;
			if (!(p->period[k] = strdup(period)))
				return -1;
			p->pa[k] = p->pb[k] = 0;
			p->nperiod++;
		}
		p->pa[k] += brief_table_num(&b->cells, r, "a");
		p->pb[k] += brief_table_num(&b->cells, r, "b");
	}
	p->pa_mark = calloc(p->nperiod ? p->nperiod : 1, 1);
	p->pb_mark = calloc(p->nperiod ? p->nperiod : 1, 1);
	return p->pa_mark && p->pb_mark ? 0 : -1;
}

int brief_pairs_build(struct brief *b, struct rk_error *err)
{
	const struct rk_config *c = b->cfg;

	for (size_t e = 0; e < c->ncompares; e++)
		for (size_t a = 0; a < c->compares[e].against.n; a++) {
			const struct rk_compare *x = &c->compares[e];

			if (find_pair(b, x->indicator, x->reference,
				      x->against.items[a]) < 0 &&
			    add_pair(b, x->indicator, x->reference,
				     x->against.items[a], x->alpha) < 0)
				return rk_error_oom(err);
		}
	if (attach_cells(b) < 0 || attach_rest(b) < 0)
		return rk_error_oom(err);
	in_list_order(b);
	for (size_t i = 0; i < b->npair; i++)
		if (period_totals(b, &b->pair[i]) < 0)
			return rk_error_oom(err);
	return 0;
}
