/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "run.h"
#include "record.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "cells.h"
#include "read_db.h"
#include "editions.h"
#include "revisions.h"
#include "revisions_files.h"
#include "dist.h"
#include "obs_set.h"
#include "out.h"
#include "summary.h"
#include "read_tidy.h"
#include "stock.h"
#include "rates.h"
#include "rounding.h"
#include "trend.h"
#include "db.h"

#define DEFAULT_ALPHA 0.05

/* One reference-against pair of one indicator. */
struct job {
	const char *indicator, *reference, *against;
	double alpha;
	long min_periods;
	const struct rk_compare *entry;   /* NULL: ad hoc */
	struct denom *denom;              /* the entry's, read once; or NULL */
	int rates;                        /* rates.csv is written: a row for
					     every cell, as in cells.csv */
	int stock;                        /* a count on a date (stock.h) */
};

struct jobs {
	struct job *job;
	size_t n, cap;
};

static int push(struct jobs *j, const char *indicator, const char *ref,
		const char *against, double alpha, long min_periods)
{
	if (j->n == j->cap) {
		size_t cap = j->cap ? 2 * j->cap : 16;
		struct job *p = realloc(j->job, cap * sizeof(*p));

		if (!p)
			return -1;
		j->job = p;
		j->cap = cap;
	}
	j->job[j->n++] = (struct job){ indicator, ref, against, alpha,
				       min_periods, NULL, NULL, 0, 0 };
	return 0;
}

static double alpha_of(const struct compare_request *q, double configured)
{
	if (q->alpha > 0)
		return q->alpha;
	return configured > 0 ? configured : DEFAULT_ALPHA;
}

static int config_jobs(const struct compare_request *q, struct jobs *j,
		       struct rk_error *err)
{
	const struct rk_config *c = q->config;

	/* no compare entries (a one-source pipeline): results with no
	   comparison, from which reckon-report makes a brief of the
	   sources' data and quality */
	for (size_t i = 0; i < c->ncompares; i++) {
		const struct rk_compare *e = &c->compares[i];

		for (size_t k = 0; k < e->against.n; k++) {
			if (push(j, e->indicator, e->reference,
				 e->against.items[k], alpha_of(q, e->alpha),
				 e->min_periods) < 0)
				return rk_error_set(err, RK_EXIT_SOFTWARE, NULL,
						    0, "out of memory");
			j->job[j->n - 1].entry = e;
		}
	}
	return 0;
}

/* Every indicator with rows of both sources, in text order. */
static int indicators_of(const struct obs_set *s, const char *a,
			 const char *b, size_t **out, size_t *n)
{
	size_t ia = obs_set_find(s, a), ib = obs_set_find(s, b);
	unsigned char *in_a = calloc(s->nstr + 1, 1), *in_b = calloc(s->nstr + 1, 1);
	size_t *ids = malloc((s->nstr + 1) * sizeof(*ids)), k = 0;

	*out = ids;
	*n = 0;
	if (!in_a || !in_b || !ids) {
		free(in_a);
		free(in_b);
		return -1;
	}
	for (size_t i = 0; i < s->n; i++) {
		in_a[s->row[i].indicator] |= s->row[i].source == ia;
		in_b[s->row[i].indicator] |= s->row[i].source == ib;
	}
	for (size_t id = 0; id < s->nstr; id++) {
		if (!in_a[id] || !in_b[id])
			continue;
		/* insertion in text order: indicators are few */
		size_t at = k;

		while (at > 0 && strcmp(s->str[ids[at - 1]], s->str[id]) > 0) {
			ids[at] = ids[at - 1];
			at--;
		}
		ids[at] = id;
		k++;
	}
	free(in_a);
	free(in_b);
	*n = k;
	return 0;
}

static int adhoc_jobs(const struct compare_request *q,
		      const struct obs_set *s, struct jobs *j,
		      struct rk_error *err)
{
	for (size_t k = 0; k < q->nagainst; k++) {
		size_t *ids = NULL, n = 0;
		int rc = 0;

		if (q->indicator)
			rc = push(j, q->indicator, q->reference, q->against[k],
				  alpha_of(q, 0), RK_MIN_PERIODS);
		else if ((rc = indicators_of(s, q->reference, q->against[k],
					     &ids, &n)) == 0)
			for (size_t i = 0; i < n && rc == 0; i++)
				rc = push(j, s->str[ids[i]], q->reference,
					  q->against[k], alpha_of(q, 0),
					  RK_MIN_PERIODS);
		free(ids);
		if (rc < 0)
			return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					    "out of memory");
	}
	return 0;
}

/* The sources and indicators to read, from the config or the command line. */
static int select_rows(const struct compare_request *q, struct obs_set *s,
		       struct rk_error *err)
{
	const struct rk_config *c = q->config;
	char **src = NULL, **ind = NULL;
	size_t ns = 0, ni = 0, cap = 2 + q->nagainst;
	int rc = -1;

	for (size_t i = 0; c && i < c->ncompares; i++)
		cap += 2 + c->compares[i].against.n;
	src = calloc(cap, sizeof(*src));
	ind = calloc(cap, sizeof(*ind));
	if (!src || !ind) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	for (size_t i = 0; c && i < c->ncompares; i++) {
		src[ns++] = c->compares[i].reference;
		for (size_t k = 0; k < c->compares[i].against.n; k++)
			src[ns++] = c->compares[i].against.items[k];
		ind[ni++] = c->compares[i].indicator;
	}
	if (!c) {
		src[ns++] = (char *)q->reference;
		for (size_t k = 0; k < q->nagainst; k++)
			src[ns++] = q->against[k];
		if (q->indicator)
			ind[ni++] = (char *)q->indicator;
	}
	rc = obs_set_select(s, src, ns, ni ? ind : NULL, ni,
			    c ? c->period_from : NULL, c ? c->period_to : NULL,
			    err);
out:
	free(src);
	free(ind);
	return rc;
}

/* What the database gives besides the observations (editions.h). */
struct db_extra {
	struct compare_editions_choice choice;
	struct compare_editions *editions;
	struct compare_revisions *revisions;
};

/* The observations of the chosen editions, which they are, and what
 * they revised. */
static int read_db(const struct compare_request *q, struct obs_set *s,
		   struct db_extra *x, struct rk_error *err)
{
	struct rk_db *db;
	int rc;

	x->choice.as_of = q->as_of;
	if (q->editions &&
	    compare_editions_pin(&x->choice, q->editions, err) < 0)
		return -1;
	if (!(db = rk_db_open(q->db, "reckon-compare", err)))
		return -1;
	rc = compare_read_db(s, db, &x->choice, err);
	if (rc == 0 &&
	    (!(x->editions = compare_editions_read(db, s, &x->choice, err)) ||
	     !(x->revisions = compare_revisions_read(db, s, &x->choice, err))))
		rc = -1;
	rk_db_close(db);
	return rc;
}

static int write_extra(struct db_extra *x, const char *dir,
		       struct rk_error *err)
{
	if (x->editions && compare_editions_write(x->editions, dir, err) < 0)
		return -1;
	return x->revisions ? compare_revisions_write(x->revisions, dir, err)
			    : 0;
}

static int commit_extra(struct db_extra *x, struct rk_error *err)
{
	if (x->editions && compare_editions_commit(x->editions, err) < 0)
		return -1;
	return x->revisions ? compare_revisions_commit(x->revisions, err) : 0;
}

static void free_extra(struct db_extra *x)
{
	compare_editions_free(x->editions);
	compare_revisions_free(x->revisions);
	free(x->choice.pinned);
}

/* --previous: the revisions of the files' sources against theirs. */
static int read_previous(const struct compare_request *q,
			 const struct obs_set *s, struct db_extra *x,
			 struct rk_error *err)
{
	struct obs_set *prev = obs_set_new(s->dim, s->ndims);
	int rc = -1;

	if (!prev) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return -1;
	}
	if (select_rows(q, prev, err) < 0)
		goto out;
	for (size_t i = 0; i < q->nprevious; i++)
		if (compare_read_tidy(prev, q->previous[i], err) < 0)
			goto out;
	if ((x->revisions = compare_revisions_new(s, err)) != NULL)
		rc = compare_revisions_files(x->revisions, prev, s, q->names,
					     q->nnames, err);
out:
	obs_set_free(prev);
	return rc;
}

static struct obs_set *load(const struct compare_request *q,
			    struct db_extra *x, struct rk_error *err)
{
	const struct rk_config *c = q->config;
	struct obs_set *s = obs_set_new(c ? c->dimensions.items : NULL,
					c ? c->dimensions.n : 0);

	if (!s) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	if (select_rows(q, s, err) < 0)
		goto fail;
	if (q->use_db) {
		if (read_db(q, s, x, err) < 0)
			goto fail;
	} else {
		for (size_t i = 0; i < q->nfrom; i++)
			if (compare_read_tidy(s, q->from[i], err) < 0)
				goto fail;
		if (q->nprevious && read_previous(q, s, x, err) < 0)
			goto fail;
	}
	return s;
fail:
	obs_set_free(s);
	return NULL;
}

static void tally(const struct summary *sm, struct compare_totals *t)
{
	t->pairs++;
	t->cells += sm->cells;
	t->significant += sm->significant;
	t->only_a += sm->only_a;
	t->only_b += sm->only_b;
}

/* Everything about one pair, into the open result files. */
static int write_rates(const struct job *j, const struct compare_pair *p,
		       const struct alignment *al, struct compare_out *o,
		       struct rk_error *err)
{
	struct rate_stats *rs = malloc((al->n + 1) * sizeof(*rs));
	int rc;

	double per = j->entry && j->denom ? j->entry->per : NAN;

	if (!rs)
		return rk_error_oom(err);
	rates_compute(al, j->denom, per, j->reference, j->against, rs);
	rc = compare_out_rates(o, p, al, per, rs, err);
	free(rs);
	return rc;
}

/* Reads each entry's denominators once; 1 when any entry has them. */
static int read_denominators(struct jobs *j, const struct obs_set *s,
			     struct rk_error *err)
{
	int any = 0;

	for (size_t i = 0; i < j->n; i++) {
		struct job *b = &j->job[i];

		if (!b->entry || !b->entry->denominators)
			continue;
		any = 1;
		if (i > 0 && j->job[i - 1].entry == b->entry) {
			b->denom = j->job[i - 1].denom;
			continue;
		}
		b->denom = denom_read(b->entry->denominators, s->dim, s->ndims,
				      err);
		if (!b->denom)
			return -1;
	}
	for (size_t i = 0; i < j->n; i++)
		j->job[i].rates = any;
	return any;
}

/* The jobs of stock indicators: the code list's, and --stock. */
static int mark_stocks(const struct compare_request *q, struct jobs *j,
		       struct rk_error *err)
{
	struct stock_list l = { NULL, 0 };
	int rc = stock_list_read(&l, q->config, err);

	for (size_t i = 0; rc == 0 && i < q->nstocks; i++)
		if (stock_list_add(&l, q->stocks[i]) < 0)
			rc = rk_error_oom(err);
	for (size_t i = 0; rc == 0 && i < j->n; i++)
		j->job[i].stock = stock_list_has(&l, j->job[i].indicator);
	stock_list_release(&l);
	return rc;
}

static void free_denominators(struct jobs *j)
{
	for (size_t i = 0; i < j->n; i++)
		if (i == 0 || j->job[i - 1].denom != j->job[i].denom)
			denom_free(j->job[i].denom);
}

static int run_job(const struct obs_set *s, const struct job *j,
		   struct compare_out *o, struct compare_record *rec,
		   struct compare_totals *t, struct rk_error *err)
{
	struct compare_pair p = { j->reference, j->against, j->indicator,
				  j->alpha };
	struct alignment al;
	struct cell_stats *st = NULL;
	struct summary *sm = malloc(sizeof(*sm));
	struct dist *d = NULL;
	struct trend tr;
	size_t nd = 0;
	int rc = -1;

	if (align_build_stock(s, j->indicator, j->reference, j->against,
			      j->stock, &al, err) < 0) {
		free(sm);
		return -1;
	}
	st = malloc((al.n + 1) * sizeof(*st));
	if (!sm || !st || cells_compute(&al, j->alpha, st) < 0 ||
	    summary_compute(&al, st, sm) < 0 ||
	    (j->stock ? stock_measure(&al, st, sm, &d, &nd)
		      : dist_compute(&al, &d, &nd)) < 0 ||
	    trend_compute(&al, j->min_periods, &tr) < 0 ||
	    (j->stock && stock_trend_note(&tr) < 0)) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	if (j->rates && write_rates(j, &p, &al, o, err) < 0)
		goto out;
	if (compare_out_cells(o, &p, &al, st, err) < 0 ||
	    (rec && compare_record_cells(rec, &p, &al, st, err) < 0) ||
	    compare_out_summary(o, &p, sm, err) < 0 ||
	    compare_out_distribution(o, &p, s, d, nd, err) < 0 ||
	    compare_out_trend(o, &p, &tr, err) < 0)
		goto out;
	tally(sm, t);
	rc = 0;
out:
	dist_free(d, nd);
	free(sm);
	free(st);
	align_release(&al);
	return rc;
}

static int write_mse(const struct mse_data *m, struct compare_out *o,
		     struct rk_error *err)
{
	for (size_t g = 0; g < m->ngroups; g++) {
		struct mse_analysis a;
		int rc;

		if (mse_analyse(m, g, &a) < 0)
			return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					    "out of memory");
		rc = compare_out_mse(o, m, g, &a, err);
		mse_analysis_release(&a);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int compare_run(const struct compare_request *q, struct compare_totals *t,
		struct rk_error *err)
{
	struct obs_set *s = NULL;
	struct jobs j = { 0 };
	struct mse_data m = { 0 };
	struct compare_out *o = NULL;
	struct compare_record *rec = NULL;
	struct db_extra x = { { NULL, NULL }, NULL, NULL };
	struct compare_rounding *rnd = NULL;
	int rc = -1, rates;

	memset(t, 0, sizeof(*t));
	if (q->config && config_jobs(q, &j, err) < 0)
		goto out;
	if ((s = load(q, &x, err)) == NULL)
		goto out;
	if (!q->config && adhoc_jobs(q, s, &j, err) < 0)
		goto out;
	if (q->ncases && mse_data_read(q->cases, q->ncases, q->key, &m, err) < 0)
		goto out;
	/* before any statistic: every figure is then one of the rounded
	   table */
	if (!q->no_rounding &&
	    compare_round(q->config, s, q->ncases ? &m : NULL, &rnd, err) < 0)
		goto out;
	if ((rates = read_denominators(&j, s, err)) < 0 ||
	    mark_stocks(q, &j, err) < 0)
		goto out;
	o = compare_out_open(q->out, s->dim, s->ndims, q->ncases > 0, rates,
			     err);
	if (!o || write_extra(&x, q->out, err) < 0 ||
	    compare_rounding_write(rnd, q->out, err) < 0)
		goto out;
	if (q->use_db && q->run_id &&
	    (rec = compare_record_open(q->db, q->run_id, s->dim, s->ndims,
				       err)) == NULL)
		goto out;
	for (size_t i = 0; i < j.n; i++)
		if (run_job(s, &j.job[i], o, rec, t, err) < 0)
			goto out;
	if (q->ncases && write_mse(&m, o, err) < 0)
		goto out;
	/* the database first: a rerun of the run id replaces its rows */
	if (rec) {
		int r = compare_record_commit(rec, err);

		rec = NULL;
		if (r < 0)
			goto out;
	}
	if (commit_extra(&x, err) < 0 ||
	    compare_rounding_commit(rnd, q->out, err) < 0)
		goto out;
	rc = compare_out_commit(o, err);
out:
	compare_rounding_free(rnd);
	free_extra(&x);
	compare_record_abort(rec);
	compare_out_abort(o);
	mse_data_free(&m);
	free_denominators(&j);
	free(j.job);
	obs_set_free(s);
	return rc;
}
