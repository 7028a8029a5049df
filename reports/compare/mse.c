/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "mse.h"
#include "grow.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "map.h"
#include "text.h"

#define MAX_LISTS 16

/* Cases seen so far: (indicator, key) -> the lists that hold them. */
struct cases {
	struct rk_map *index;       /* "indicator\0key" -> case */
	uint32_t *lists;            /* bitmask per case */
	size_t *group;              /* indicator group per case */
	size_t n, cap;
	struct rk_map *groups;      /* indicator -> group */
	char **indicator;           /* per group */
	size_t ngroups, gcap;
	double *repeats;            /* ngroups * k */
};

static size_t group_of(struct cases *c, const char *indicator, size_t k)
{
	size_t g = c->ngroups, old = c->gcap;
	int put;

	if (rk_grow((void **)&c->indicator, &c->gcap, g + 1,
		 sizeof(*c->indicator)) < 0)
		return (size_t)-1;
	if (c->gcap != old) {
		double *r = realloc(c->repeats, c->gcap * k * sizeof(*r));

		if (!r)
			return (size_t)-1;
		c->repeats = r;
	}
	put = rk_map_put(c->groups, indicator, strlen(indicator), g, &g, NULL);
	if (put < 0)
		return (size_t)-1;
	if (put == 1) {
		if ((c->indicator[g] = strdup(indicator)) == NULL)
			return (size_t)-1;
		memset(c->repeats + g * k, 0, k * sizeof(*c->repeats));
		c->ngroups++;
	}
	return g;
}

static int add_case(struct cases *c, const char *indicator, const char *key,
		    size_t list, size_t k)
{
	size_t li = strlen(indicator), lk = strlen(key), at = c->n, g;
	char *buf = malloc(li + lk + 2);
	int put;

	if (!buf || (g = group_of(c, indicator, k)) == (size_t)-1) {
		free(buf);
		return -1;
	}
	memcpy(buf, indicator, li + 1);
	memcpy(buf + li + 1, key, lk + 1);
	put = rk_map_put(c->index, buf, li + lk + 1, at, &at, NULL);
	free(buf);
	if (put < 0 || rk_grow((void **)&c->lists, &c->cap, c->n + 1,
			    sizeof(*c->lists)) < 0)
		return -1;
	if (put == 1) {
		size_t *gr = realloc(c->group, c->cap * sizeof(*gr));

		if (!gr)
			return -1;
		c->group = gr;
		c->lists[at] = 0;
		c->group[at] = g;
		c->n++;
	}
	if (c->lists[at] >> list & 1)
		c->repeats[g * k + list] += 1;
	c->lists[at] |= (uint32_t)1 << list;
	return 0;
}

static int find_column(const struct csvr_row *h, const char *name)
{
	for (size_t i = 0; i < h->n; i++)
		if (strcmp(h->field[i], name) == 0)
			return (int)i;
	return -1;
}

static int no_key_column(const char *path, const char *key,
			 struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, path, 1,
		     "no linkage key column '%s'", key);
	rk_error_hint(err, "name the column that identifies a case with "
			   "--key");
	return -1;
}

/* Reads one list's rows into c. */
static int read_rows(struct csvr *csv, const char *path, const char *key,
		     size_t list, size_t k, struct cases *c,
		     struct rk_error *err)
{
	struct csvr_row row;
	int kcol = -1, icol = -1, rc;

	while ((rc = csvr_next(csv, &row, err)) == 1) {
		if (row.n == 0)
			continue;
		if (kcol < 0) {
			if ((kcol = find_column(&row, key)) < 0)
				return no_key_column(path, key, err);
			icol = find_column(&row, "indicator");
			continue;
		}
		if ((size_t)kcol >= row.n || !row.field[kcol][0]) {
			rk_error_set(err, RK_EXIT_DATAERR, path, row.line,
				     "a case without a linkage key");
			rk_error_hint(err, "every record needs its '%s'", key);
			return -1;
		}
		if (add_case(c, icol >= 0 && (size_t)icol < row.n
					? row.field[icol] : "",
			     row.field[kcol], list, k) < 0)
			return rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
					    "out of memory");
	}
	if (rc == 0 && kcol < 0)
		return no_key_column(path, key, err);
	return rc;
}

static int read_list(const struct mse_list *l, const char *key, size_t list,
		     size_t k, struct cases *c, struct rk_error *err)
{
	FILE *f = fopen(l->path, "rb");
	struct rk_text *t = NULL;
	struct csvr *csv = NULL;
	int rc = -1;

	if (!f) {
		rk_error_set(err, RK_EXIT_NOINPUT, l->path, 0,
			     "cannot open: %s", strerror(errno));
		rk_error_hint(err, "check the path of the %s case list",
			      l->source);
		return -1;
	}
	if ((t = rk_text_open(f, l->path, RK_ENC_AUTO, err)) == NULL ||
	    (csv = csvr_open(t, ',', l->path, err)) == NULL)
		goto out;
	rc = read_rows(csv, l->path, key, list, k, c, err);
out:
	csvr_close(csv);
	rk_text_close(t);
	fclose(f);
	return rc;
}

static int by_indicator(const void *x, const void *y)
{
	return strcmp(((const struct mse_group *)x)->indicator,
		      ((const struct mse_group *)y)->indicator);
}

static int make_groups(struct cases *c, size_t k, struct mse_data *d)
{
	d->group = calloc(c->ngroups + 1, sizeof(*d->group));
	if (!d->group)
		return -1;
	d->ngroups = c->ngroups;
	for (size_t g = 0; g < c->ngroups; g++) {
		struct mse_group *m = &d->group[g];

		m->k = k;
		m->indicator = c->indicator[g];
		c->indicator[g] = NULL;
		m->size = calloc(k, sizeof(*m->size));
		m->repeats = malloc(k * sizeof(*m->repeats));
		m->count = calloc((size_t)1 << k, sizeof(*m->count));
		if (!m->size || !m->repeats || !m->count)
			return -1;
		memcpy(m->repeats, c->repeats + g * k, k * sizeof(*m->repeats));
	}
	for (size_t i = 0; i < c->n; i++) {
		struct mse_group *m = &d->group[c->group[i]];

		m->count[c->lists[i]] += 1;
		for (size_t j = 0; j < k; j++)
			m->size[j] += c->lists[i] >> j & 1;
	}
	qsort(d->group, d->ngroups, sizeof(*d->group), by_indicator);
	return 0;
}

static void cases_free(struct cases *c)
{
	rk_map_free(c->index);
	rk_map_free(c->groups);
	for (size_t g = 0; g < c->ngroups; g++)
		free(c->indicator[g]);
	free(c->indicator);
	free(c->lists);
	free(c->group);
	free(c->repeats);
}

int mse_data_read(const struct mse_list *lists, size_t k,
		  const char *key_column, struct mse_data *d,
		  struct rk_error *err)
{
	struct cases c = { 0 };
	int rc = -1;

	memset(d, 0, sizeof(*d));
	if (k < 2 || k > MAX_LISTS) {
		rk_error_set(err, RK_EXIT_USAGE, NULL, 0,
			     "capture-recapture needs 2 to %d case lists, "
			     "not %zu", MAX_LISTS, k);
		return -1;
	}
	c.index = rk_map_new();
	c.groups = rk_map_new();
	d->source = calloc(k + 1, sizeof(*d->source));
	if (!c.index || !c.groups || !d->source)
		goto nomem;
	d->k = k;
	for (size_t i = 0; i < k; i++)
		if ((d->source[i] = strdup(lists[i].source)) == NULL)
			goto nomem;
	for (size_t i = 0; i < k; i++)
		if (read_list(&lists[i], key_column, i, k, &c, err) < 0)
			goto out;
	if (make_groups(&c, k, d) < 0)
		goto nomem;
	rc = 0;
	goto out;
nomem:
	rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
out:
	cases_free(&c);
	if (rc < 0)
		mse_data_free(d);
	return rc;
}

int mse_analyse(const struct mse_data *d, size_t g, struct mse_analysis *a)
{
	const struct mse_group *m = &d->group[g];
	size_t k = m->k, np = k * (k - 1) / 2, p = 0;

	memset(a, 0, sizeof(*a));
	a->pair = calloc(np + 1, sizeof(*a->pair));
	a->pair_overlap = calloc(np + 1, sizeof(*a->pair_overlap));
	if (!a->pair || !a->pair_overlap)
		goto nomem;
	for (size_t h = 1; h < ((size_t)1 << k); h++)
		a->observed += m->count[h];
	for (size_t i = 0; i < k; i++) {
		for (size_t j = i + 1; j < k; j++, p++) {
			for (size_t h = 1; h < ((size_t)1 << k); h++)
				if ((h >> i & 1) && (h >> j & 1))
					a->pair_overlap[p] += m->count[h];
			recapture_chapman(m->size[i], m->size[j], a->pair_overlap[p],
				    0.95, &a->pair[p]);
		}
	}
	if (k >= 3 && k <= RECAPTURE_MAX_LISTS &&
	    recapture_loglinear(m->count, (unsigned)k, 0.95, &a->model,
			  &a->nmodels) < 0)
		goto nomem;
	return 0;
nomem:
	mse_analysis_release(a);
	return -1;
}

void mse_analysis_release(struct mse_analysis *a)
{
	free(a->pair);
	free(a->pair_overlap);
	free(a->model);
	memset(a, 0, sizeof(*a));
}

void mse_data_free(struct mse_data *d)
{
	for (size_t i = 0; d->source && i < d->k; i++)
		free(d->source[i]);
	free(d->source);
	for (size_t g = 0; d->group && g < d->ngroups; g++) {
		free(d->group[g].indicator);
		free(d->group[g].size);
		free(d->group[g].repeats);
		free(d->group[g].count);
	}
	free(d->group);
	memset(d, 0, sizeof(*d));
}
