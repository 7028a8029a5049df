/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cells.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

struct cells {
	size_t ndims;
	struct cell *cell;
	uint32_t *dims;           /* ndims per cell */
	size_t n, cap;
	struct rk_map *index;     /* packed key → cell */
	unsigned char *key;       /* scratch for packing */
	char *text;               /* origins, NUL-terminated, back to back */
	size_t tlen, tcap;
};

struct cells *cells_new(size_t ndims)
{
	struct cells *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->ndims = ndims;
	t->index = rk_map_new();
	t->key = malloc(16 + 4 * (ndims + 1));
	if (!t->index || !t->key) {
		cells_free(t);
		return NULL;
	}
	return t;
}

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static size_t pack(const struct cells *t, const struct cell_key *k)
{
	unsigned char *p = t->key;

	put32(p, k->source);
	put32(p + 4, k->indicator);
	put32(p + 8, (uint32_t)k->period.year);
	p[12] = (unsigned char)k->period.first;
	p[13] = (unsigned char)k->period.last;
	p[14] = (unsigned char)k->period.day;
	for (size_t d = 0; d < t->ndims; d++)
		put32(p + 15 + 4 * d, k->dim[d]);
	return 15 + 4 * t->ndims;
}

static int new_cell(struct cells *t, const struct cell_key *k)
{
	struct cell *c;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		struct cell *nc = realloc(t->cell, cap * sizeof(*nc));
		uint32_t *nd;

		if (!nc)
			return -1;
		t->cell = nc;
		nd = realloc(t->dims, cap * (t->ndims ? t->ndims : 1) *
				      sizeof(*nd));
		if (!nd)
			return -1;
		t->dims = nd;
		t->cap = cap;
	}
	c = &t->cell[t->n];
	memset(c, 0, sizeof(*c));
	c->source = k->source;
	c->indicator = k->indicator;
	c->period = k->period;
	if (t->ndims)
		memcpy(t->dims + t->n * t->ndims, k->dim,
		       t->ndims * sizeof(*k->dim));
	t->n++;
	return 0;
}

static int keep_origin(struct cells *t, struct cell *c, const char *o)
{
	size_t n = strlen(o) + 1;

	if (t->tlen + n > t->tcap) {
		size_t cap = t->tcap ? t->tcap * 2 : 4096;
		char *p;

		while (cap < t->tlen + n)
			cap *= 2;
		p = realloc(t->text, cap);
		if (!p)
			return -1;
		t->text = p;
		t->tcap = cap;
	}
	memcpy(t->text + t->tlen, o, n);
	c->origin[c->norigin++] = t->tlen;
	t->tlen += n;
	return 0;
}

static void add_status(struct cell *c, const struct cell_add *a)
{
	const char *s = a->status ? a->status : "";

	if (!a->has_value) {
		if (!strcmp(s, "suppressed"))
			c->suppressed += a->rows;
		else
			c->missing += a->rows;
		return;
	}
	c->valued += a->rows;
	if (!strcmp(s, "estimated"))
		c->estimated += a->rows;
	else if (!strcmp(s, "provisional"))
		c->provisional += a->rows;
	else if (!strcmp(s, "footnote"))
		c->footnote += a->rows;
	else if (!strcmp(s, "revised"))
		c->revised += a->rows;
	else if (!strcmp(s, "source_total"))
		c->source_total += a->rows;
}

/*
 * Rows of one span (several rows for July: districts of one region) are
 * summed; rows of different spans must not share a month (a row for the
 * quarter and rows for its months would count them twice).
 */
static void add_span(struct cell *c, unsigned months)
{
	size_t i;

	for (i = 0; i < c->nspans && c->spans[i] != months; i++)
		;
	if (i == c->nspans) {
		if (c->months & months)
			c->overlap = 1;
		if (c->nspans < CELL_SPANS)
			c->spans[c->nspans++] = months;
	}
	c->months |= months;
}

/* A stock's rows of one cell must share their date. */
static void add_stock_date(struct cell *c, const struct rk_period *own)
{
	if (c->stock_periods == 0 ||
	    (c->stock_periods == 1 && rk_period_cmp(own, c->stock_own) != 0))
		c->stock_own[c->stock_periods++] = *own;
}

int cells_add(struct cells *t, const struct cell_key *k,
	      const struct cell_add *a, struct rk_error *err)
{
	size_t len = pack(t, k), at;
	struct cell *c;
	int rc = rk_map_put(t->index, t->key, len, t->n, &at, NULL);

	if (rc < 0)
		return rk_error_oom(err);
	if (rc == 1) {
		at = t->n;
		if (new_cell(t, k) < 0)
			return rk_error_oom(err);
	}
	c = &t->cell[at];
	c->rows += a->rows;
	add_status(c, a);
	if (a->has_value) {
		if (__builtin_add_overflow(c->count, a->count, &c->count))
			c->overflow = 1;
		c->number += a->number;
		if (a->places > c->places)
			c->places = a->places;
	}
	if (a->own)
		add_stock_date(c, a->own);
	if (a->months)
		add_span(c, a->months);
	else
		c->dated = 1;
	for (size_t i = 0; i < a->norigin && c->norigin < CELL_ORIGINS; i++)
		if (keep_origin(t, c, a->origin[i]) < 0)
			return rk_error_oom(err);
	return 0;
}

size_t cells_count(const struct cells *t)
{
	return t->n;
}

struct cell *cells_at(struct cells *t, size_t i)
{
	return &t->cell[i];
}

const uint32_t *cells_dims(const struct cells *t, size_t i)
{
	return t->dims + i * t->ndims;
}

const char *cells_origin(const struct cells *t, size_t i, size_t k)
{
	return t->text + t->cell[i].origin[k];
}

static int append(char **buf, size_t *cap, size_t *len, const char *s,
		  size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t c = *cap ? *cap : 256;
		char *p;

		while (c < *len + n + 1)
			c *= 2;
		p = realloc(*buf, c);
		if (!p)
			return -1;
		*buf = p;
		*cap = c;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

long cells_origin_text(const struct cells *t, size_t i, char **buf,
		       size_t *cap)
{
	const struct cell *c = &t->cell[i];
	size_t len = 0, show = c->norigin;
	char more[48];

	if (c->rows > c->norigin && show == CELL_ORIGINS)
		show = CELL_ORIGINS - 1;
	if (append(buf, cap, &len, "", 0) < 0)
		return -1;
	for (size_t k = 0; k < show; k++) {
		const char *o = t->text + c->origin[k];

		if ((k && append(buf, cap, &len, ";", 1) < 0) ||
		    append(buf, cap, &len, o, strlen(o)) < 0)
			return -1;
	}
	if (c->rows > show) {
		int n = snprintf(more, sizeof(more), "%s+%u more",
				 show ? ";" : "", c->rows - (unsigned)show);

		if (append(buf, cap, &len, more, (size_t)n) < 0)
			return -1;
	}
	return (long)len;
}

struct sorter {
	const struct cells *t;
	cells_cmp_fn cmp;
	void *ctx;
	size_t *tmp;
};

static void merge_sort(struct sorter *s, size_t *v, size_t n)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	merge_sort(s, v, h);
	merge_sort(s, v + h, n - h);
	while (i < h && j < n)
		s->tmp[k++] = s->cmp(s->t, v[j], v[i], s->ctx) < 0 ? v[j++]
								    : v[i++];
	while (i < h)
		s->tmp[k++] = v[i++];
	while (j < n)
		s->tmp[k++] = v[j++];
	memcpy(v, s->tmp, n * sizeof(*v));
}

int cells_sort(struct cells *t, cells_cmp_fn cmp, void *ctx)
{
	size_t *perm = malloc((t->n + 1) * sizeof(*perm));
	size_t *tmp = malloc((t->n + 1) * sizeof(*tmp));
	struct cell *nc = malloc((t->n + 1) * sizeof(*nc));
	uint32_t *nd = malloc((t->n * t->ndims + 1) * sizeof(*nd));
	struct sorter s = { t, cmp, ctx, tmp };
	int rc = -1;

	if (!perm || !tmp || !nc || !nd)
		goto out;
	for (size_t i = 0; i < t->n; i++)
		perm[i] = i;
	merge_sort(&s, perm, t->n);
	for (size_t i = 0; i < t->n; i++) {
		nc[i] = t->cell[perm[i]];
		if (t->ndims)
			memcpy(nd + i * t->ndims, t->dims + perm[i] * t->ndims,
			       t->ndims * sizeof(*nd));
	}
	free(t->cell);
	free(t->dims);
	t->cell = nc;
	t->dims = nd;
	t->cap = t->n;
	nc = NULL;
	nd = NULL;
	rk_map_free(t->index);
	t->index = NULL;
	rc = 0;
out:
	free(perm);
	free(tmp);
	free(nc);
	free(nd);
	return rc;
}

void cells_free(struct cells *t)
{
	if (!t)
		return;
	rk_map_free(t->index);
	free(t->cell);
	free(t->dims);
	free(t->key);
	free(t->text);
	free(t);
}
