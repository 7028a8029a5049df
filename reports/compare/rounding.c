/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rounding.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "map.h"
#include "mse.h"
#include "obs_set.h"
#include "outfile.h"
#include "period.h"
#include "results.h"
#include "tidy.h"
#include "../stats/round.h"

struct compare_rounding {
	const struct obs_set *s;
	unsigned char *rounded;      /* per row of s: 1 when rounded */
	struct rk_out out;
	struct tidy_writer *w;
	char *path;
	int open;
};

/* A child of item total along one way of summing (a dimension or a grain). */
struct link {
	size_t total, way, part;
};

struct table {
	const struct obs_set *s;
	size_t *row;                 /* rows of s in this table */
	size_t n;
	struct rk_map *key;          /* key -> index in row[] */
	struct link *link;
	size_t nlink, linkcap;
};

static int oom(struct rk_error *err)
{
	return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
}

/* "period\037dim1\037dim2..." with dimension d blank (d = ndims: none). */
static char *key_of(const struct obs_set *s, const char *period, size_t row,
		    size_t blank)
{
	const size_t *dv = obs_set_dims(s, row);
	size_t len = strlen(period) + 1;
	char *k, *p;

	for (size_t d = 0; d < s->ndims; d++)
		len += (d == blank ? 0 : strlen(s->str[dv[d]])) + 1;
	if (!(k = malloc(len)))
		return NULL;
	p = k + sprintf(k, "%s", period);
	for (size_t d = 0; d < s->ndims; d++)
		p += sprintf(p, "\037%s", d == blank ? "" : s->str[dv[d]]);
	return k;
}

static int add_link(struct table *t, size_t total, size_t way, size_t part)
{
	if (t->nlink == t->linkcap) {
		size_t cap = t->linkcap ? 2 * t->linkcap : 64;
		struct link *p = realloc(t->link, cap * sizeof(*p));

		if (!p)
			return -1;
		t->link = p;
		t->linkcap = cap;
	}
	t->link[t->nlink++] = (struct link){ total, way, part };
	return 0;
}

/* The item whose key is k, or -1. */
static long lookup(const struct table *t, const char *k)
{
	size_t v;

	return rk_map_get(t->key, k, strlen(k), &v) ? (long)v : -1;
}

/* Row i (index in t->row) as a part of the totals above it. */
static int links_of(struct table *t, size_t i)
{
	const struct obs_set *s = t->s;
	const struct obs *o = &s->row[t->row[i]];
	const char *period = s->str[o->period];
	enum rk_grain g = rk_period_grain(&o->when);
	const size_t *dv = obs_set_dims(s, t->row[i]);

	for (size_t d = 0; d < s->ndims; d++) {
		char *k;
		long tot;

		if (!*s->str[dv[d]])
			continue;
		if (!(k = key_of(s, period, t->row[i], d)))
			return -1;
		tot = lookup(t, k);
		free(k);
		if (tot >= 0 && add_link(t, (size_t)tot, d, i) < 0)
			return -1;
	}
	if (g != RK_GRAIN_HALF && g != RK_GRAIN_QUARTER && g != RK_GRAIN_MONTH)
		return 0;
	for (enum rk_grain up = RK_GRAIN_YEAR; up < g; up++) {
		struct rk_period p;
		char text[64], *k;
		long tot;

		if (rk_period_to_grain(&o->when, up, &p) < 0 ||
		    !rk_period_format(&p, text))
			continue;
		if (!(k = key_of(s, text, t->row[i], s->ndims)))
			return -1;
		tot = lookup(t, k);
		free(k);
		if (tot >= 0 &&
		    add_link(t, (size_t)tot, s->ndims + (size_t)g, i) < 0)
			return -1;
	}
	return 0;
}

static int by_total(const void *a, const void *b)
{
	const struct link *x = a, *y = b;

	if (x->total != y->total)
		return x->total < y->total ? -1 : 1;
	if (x->way != y->way)
		return x->way < y->way ? -1 : 1;
	return (x->part > y->part) - (x->part < y->part);
}

/*
 * A period's parts of one grain add up to it only when they cover every
 * month of it (the finer periods of one grain never overlap).
 */
static int covers(const struct table *t, const struct link *l, size_t n)
{
	const struct obs_set *s = t->s;
	unsigned months = 0;

	if (l->way < s->ndims)
		return 1;
	for (size_t j = 0; j < n; j++)
		months |= rk_period_months(&s->row[t->row[l[j].part]].when);
	return months == rk_period_months(&s->row[t->row[l->total]].when);
}

static int sums(struct table *t, struct rnd_table *rt)
{
	size_t *parts = malloc((t->nlink ? t->nlink : 1) * sizeof(*parts));

	if (!parts)
		return -1;
	if (t->nlink)             /* qsort's base may not be NULL */
		qsort(t->link, t->nlink, sizeof(*t->link), by_total);
	for (size_t a = 0, b; a < t->nlink; a = b) {
		for (b = a; b < t->nlink && t->link[b].total == t->link[a].total &&
			    t->link[b].way == t->link[a].way; b++)
			parts[b - a] = t->link[b].part;
		if (covers(t, &t->link[a], b - a) &&
		    rnd_sum(rt, t->link[a].total, parts, b - a) < 0) {
			free(parts);
			return -1;
		}
	}
	free(parts);
	return 0;
}

/* Every count of the table within its interval: the guarantee. */
static int audit(struct rnd_table *rt, struct rk_error *err)
{
	size_t n = rnd_items(rt);
	double *lo = malloc((n ? n : 1) * sizeof(*lo));
	double *hi = malloc((n ? n : 1) * sizeof(*hi));
	int rc = -1;

	if (!lo || !hi || rnd_audit(rt, lo, hi) < 0) {
		oom(err);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (!rnd_audit_wide_enough(rt, lo[i], hi[i])) {
			rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				     "the rounded table would give away a "
				     "count (it could only be %.0f to %.0f)",
				     lo[i], hi[i]);
			rk_error_hint(err, "use report.suppress_below for "
				      "this pipeline, and report it: it is "
				      "a fault of reckon");
			goto out;
		}
	rc = 0;
out:
	free(lo);
	free(hi);
	return rc;
}

static int round_table(struct compare_rounding *cr, struct table *t,
		       long base, struct rk_error *err)
{
	struct obs_set *s = (struct obs_set *)t->s;
	struct rnd_table *rt = rnd_new(base);
	int rc = -1;

	if (!rt || !(t->key = rk_map_new()))
		goto fail;
	for (size_t i = 0; i < t->n; i++) {
		struct obs *o = &s->row[t->row[i]];
		char *k = key_of(s, s->str[o->period], t->row[i], s->ndims);
		int r;

		if (!k)
			goto fail;
		if (o->value < 0) {
			free(k);
			rk_error_set(err, RK_EXIT_DATAERR, s->str[o->where], 0,
				     "a count below zero (%g) cannot be "
				     "rounded for protection", o->value);
			rk_error_hint(err, "a protected source's figures are "
				      "counts of people or cases: correct the "
				      "value");
			goto out;
		}
		r = rnd_item(rt, k, strlen(k), o->value) < 0 ||
		    rk_map_put(t->key, k, strlen(k), i, NULL, NULL) < 0;
		free(k);
		if (r)
			goto fail;
	}
	for (size_t i = 0; i < t->n; i++)
		if (links_of(t, i) < 0)
			goto fail;
	if (sums(t, rt) < 0 || rnd_run(rt) < 0)
		goto fail;
	if (audit(rt, err) < 0)
		goto out;
	for (size_t i = 0; i < t->n; i++) {
		s->row[t->row[i]].value = rnd_value(rt, i);
		cr->rounded[t->row[i]] = 1;
	}
	rc = 0;
	goto out;
fail:
	oom(err);
out:
	rnd_free(rt);
	rk_map_free(t->key);
	t->key = NULL;
	free(t->link);
	t->link = NULL;
	t->nlink = t->linkcap = 0;
	return rc;
}

static int protected(const struct rk_config *c, const char *source)
{
	const struct rk_source *src = rk_config_source(c, source);

	return !src || !src->published;
}

/* A row of a protected source, ordered by its table. */
struct at {
	size_t source, indicator, row;
};

static int by_table(const void *a, const void *b)
{
	const struct at *x = a, *y = b;

	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	if (x->indicator != y->indicator)
		return x->indicator < y->indicator ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

static int round_obs(struct compare_rounding *cr, const struct rk_config *c,
		     struct obs_set *s, struct rk_error *err)
{
	struct at *at = malloc((s->n ? s->n : 1) * sizeof(*at));
	size_t *row = malloc((s->n ? s->n : 1) * sizeof(*row));
	size_t n = 0;
	int rc = 0;

	if (!at || !row) {
		free(at);
		free(row);
		return oom(err);
	}
	for (size_t i = 0; i < s->n; i++)
		if (!isnan(s->row[i].value) &&
		    protected(c, s->str[s->row[i].source]))
			at[n++] = (struct at){ s->row[i].source,
					       s->row[i].indicator, i };
	qsort(at, n, sizeof(*at), by_table);
	for (size_t i = 0; i < n; i++)
		row[i] = at[i].row;
	for (size_t a = 0, b; rc == 0 && a < n; a = b) {
		struct table t = { .s = s, .row = row + a };

		for (b = a; b < n && at[b].source == at[a].source &&
			    at[b].indicator == at[a].indicator; b++)
			;
		t.n = b - a;
		rc = round_table(cr, &t, c->report.rounding, err);
	}
	free(at);
	free(row);
	return rc;
}

/* The capture histories of each group, and the keys seen again. */
static int round_mse(long base, struct mse_data *m, struct rk_error *err)
{
	for (size_t g = 0; g < m->ngroups; g++) {
		struct mse_group *gr = &m->group[g];
		struct rnd_table *rt = rnd_new(base);
		size_t nh = (size_t)1 << gr->k;
		char key[96];
		int bad = !rt;

		for (size_t h = 1; !bad && h < nh; h++) {
			int len = snprintf(key, sizeof(key), "%.64s\037h%zu",
					   gr->indicator, h);

			bad = rnd_item(rt, key, (size_t)len, gr->count[h]) < 0;
		}
		for (size_t i = 0; !bad && i < gr->k; i++) {
			int len = snprintf(key, sizeof(key), "%.64s\037r%zu",
					   gr->indicator, i);

			bad = rnd_item(rt, key, (size_t)len,
				       gr->repeats[i]) < 0;
		}
		if (bad || rnd_run(rt) < 0) {
			rnd_free(rt);
			return oom(err);
		}
		for (size_t i = 0; i < gr->k; i++) {
			gr->size[i] = 0;
			gr->repeats[i] = rnd_value(rt, nh - 1 + i);
		}
		for (size_t h = 1; h < nh; h++) {
			gr->count[h] = rnd_value(rt, h - 1);
			for (size_t i = 0; i < gr->k; i++)
				if (h >> i & 1)
					gr->size[i] += gr->count[h];
		}
		rnd_free(rt);
	}
	return 0;
}

int compare_round(const struct rk_config *c, struct obs_set *s,
		  struct mse_data *m, struct compare_rounding **out,
		  struct rk_error *err)
{
	struct compare_rounding *cr;

	*out = NULL;
	if (!c || c->report.rounding < 2)
		return 0;
	if (!(cr = calloc(1, sizeof(*cr))) ||
	    !(cr->rounded = calloc(s->n ? s->n : 1, 1))) {
		free(cr);
		return oom(err);
	}
	cr->s = s;
	if (round_obs(cr, c, s, err) < 0 ||
	    (m && round_mse(c->report.rounding, m, err) < 0)) {
		compare_rounding_free(cr);
		return -1;
	}
	*out = cr;
	return 0;
}

static char *path_in(const char *dir, struct rk_error *err)
{
	size_t n = strlen(dir) + sizeof(RESULTS_ROUNDED) + 1;
	char *p = malloc(n);

	if (!p) {
		oom(err);
		return NULL;
	}
	snprintf(p, n, "%s/%s", dir, RESULTS_ROUNDED);
	return p;
}

static int put_rows(struct compare_rounding *cr, struct rk_error *err)
{
	const struct obs_set *s = cr->s;
	size_t nf = s->ndims + 6;
	const char **f = malloc(nf * sizeof(*f));
	char num[40];
	int rc = 0;

	if (!f)
		return oom(err);
	if (tidy_writer_header(cr->w, s->dim, s->ndims, err) < 0) {
		free(f);
		return -1;
	}
	for (size_t i = 0; rc == 0 && i < s->n; i++) {
		const struct obs *o = &s->row[i];
		const size_t *dv = obs_set_dims(s, i);
		size_t k = 0;

		if (!cr->rounded[i])
			continue;
		f[k++] = s->str[o->source];
		f[k++] = s->str[o->indicator];
		f[k++] = s->str[o->period];
		for (size_t d = 0; d < s->ndims; d++)
			f[k++] = s->str[dv[d]];
		f[k++] = tidy_value_format(o->value, num);
		f[k++] = o->status == OBS_INCOMPLETE ? "" : s->str[o->status];
		f[k++] = "";
		rc = tidy_writer_row(cr->w, f, NULL, k, err);
	}
	free(f);
	return rc;
}

int compare_rounding_write(struct compare_rounding *r, const char *dir,
			   struct rk_error *err)
{
	if (!r)
		return 0;
	if (!(r->path = path_in(dir, err)) ||
	    rk_out_open(&r->out, r->path, err) < 0)
		return -1;
	r->open = 1;
	if (!(r->w = tidy_writer_open(r->out.f, r->path, err)))
		return -1;
	return put_rows(r, err);
}

int compare_rounding_commit(struct compare_rounding *r, const char *dir,
			    struct rk_error *err)
{
	int rc;

	if (!r || !r->open) {
		char *p = path_in(dir, err);

		if (!p)
			return -1;
		rc = unlink(p) < 0 && errno != ENOENT
			? rk_error_set(err, RK_EXIT_IOERR, p, 0, "cannot "
				       "remove the stale file: %s",
				       strerror(errno))
			: 0;
		free(p);
		return rc;
	}
	rc = tidy_writer_close(r->w, err);
	r->w = NULL;
	r->open = 0;
	if (rc < 0) {
		rk_out_abort(&r->out);
		return -1;
	}
	return rk_out_commit(&r->out, err);
}

void compare_rounding_free(struct compare_rounding *r)
{
	if (!r)
		return;
	if (r->open) {
		tidy_writer_close(r->w, NULL);
		rk_out_abort(&r->out);
	}
	free(r->path);
	free(r->rounded);
	free(r);
}
