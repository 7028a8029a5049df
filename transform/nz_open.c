/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Setting up from the config (code lists, sources, periods), and closing. */
#include "nz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum mapper_policy policy_of(const struct rk_config *c,
				    const char *name)
{
	for (size_t i = 0; i < c->unmapped.n; i++) {
		const struct rk_kv *kv = &c->unmapped.items[i];

		if (strcmp(kv->key, name))
			continue;
		return !strcmp(kv->value, "keep") ? MAPPER_KEEP :
		       !strcmp(kv->value, "drop") ? MAPPER_DROP :
		       !strcmp(kv->value, "warn") ? MAPPER_WARN : MAPPER_FAIL;
	}
	return MAPPER_FAIL;
}

static const struct rk_strlist *affixes_of(const struct rk_config *c,
					   const char *name)
{
	for (size_t i = 0; i < c->nstrip; i++)
		if (!strcmp(c->strip[i].dimension, name))
			return &c->strip[i].affixes;
	return NULL;
}

static struct mapper *open_mapper(struct normaliser *n, const char *name,
				  struct rk_error *err)
{
	const struct rk_config *c = n->cfg;
	const struct rk_strlist *aff = affixes_of(c, name);
	size_t len = strlen(c->codelists_dir) + strlen(name) + 6;
	char *path = malloc(len);
	struct rk_codelist *cl;
	struct mapper *m = NULL;

	if (!path) {
		rk_error_oom(err);
		return NULL;
	}
	snprintf(path, len, "%s/%s.csv", c->codelists_dir, name);
	cl = rk_codelist_load(path, name, n->fold, aff ? aff->items : NULL,
			      aff ? aff->n : 0, err);
	if (cl && !(m = mapper_new(cl, policy_of(c, name)))) {
		rk_codelist_free(cl);
		rk_error_oom(err);
	}
	free(path);
	return m;
}

/* The at column: where a stock on a grain period's bound stands. */
static int load_at(struct normaliser *n, size_t i, struct rk_error *err)
{
	struct rk_codelist *cl = mapper_codelist(n->indicator);
	const char *at = rk_codelist_extra(cl, i, "at");

	if (!at || !*at)
		return 0;
	if (n->types[i] == NZ_STOCK && !strcmp(at, "start"))
		n->stock_at[i] = 1;
	else if (n->types[i] == NZ_STOCK && !strcmp(at, "end"))
		n->stock_at[i] = 2;
	else {
		rk_error_set(err, RK_EXIT_CONFIG, rk_codelist_name(cl),
			     rk_codelist_code(cl, i)->line,
			     n->types[i] == NZ_STOCK
			     ? "unknown at '%s' for stock '%s'"
			     : "at '%s' given for '%s', which is not a stock",
			     at, rk_codelist_code(cl, i)->code);
		rk_error_hint(err, "at is for stocks (type stock): start (a "
				   "stock on a grain period's first day is its "
				   "opening stock) or end (on its last day, its "
				   "closing stock)");
		return -1;
	}
	return 0;
}

static int load_types(struct normaliser *n, struct rk_error *err)
{
	struct rk_codelist *cl = mapper_codelist(n->indicator);
	size_t k = rk_codelist_size(cl);

	n->types = calloc(k + 1, sizeof(*n->types));
	n->stock_at = calloc(k + 1, sizeof(*n->stock_at));
	if (!n->types || !n->stock_at)
		return rk_error_oom(err);
	for (size_t i = 0; i < k; i++) {
		const char *t = rk_codelist_extra(cl, i, "type");

		if (!t || !*t || !strcmp(t, "count"))
			n->types[i] = NZ_COUNT;
		else if (!strcmp(t, "stock"))
			n->types[i] = NZ_STOCK;
		else if (!strcmp(t, "number"))
			n->types[i] = NZ_NUMBER;
		else {
			rk_error_set(err, RK_EXIT_CONFIG, rk_codelist_name(cl),
				     rk_codelist_code(cl, i)->line,
				     "unknown type '%s' for indicator '%s'", t,
				     rk_codelist_code(cl, i)->code);
			rk_error_hint(err, "use count (whole numbers, summed), "
					   "stock (whole numbers on a date) or "
					   "number (any decimal, summed)");
			return -1;
		}
	}
	for (size_t i = 0; i < k; i++)
		if (load_at(n, i, err) < 0)
			return -1;
	return 0;
}

static int load_codelists(struct normaliser *n, struct rk_error *err)
{
	const struct rk_config *c = n->cfg;

	if (!c->codelists_dir) {
		rk_error_set(err, RK_EXIT_CONFIG, c->path, 0,
			     "the config names no code lists");
		rk_error_hint(err, "add codelists: {dir: codelists} with one "
				   "<dimension>.csv per dimension and "
				   "indicator.csv");
		return -1;
	}
	if (!(n->fold = rk_fold_new(err)))
		return -1;
	if (!(n->indicator = open_mapper(n, "indicator", err)))
		return -1;
	n->dim = calloc(n->ndims + 1, sizeof(*n->dim));
	if (!n->dim)
		return rk_error_oom(err);
	for (size_t d = 0; d < n->ndims; d++)
		if (!(n->dim[d] = open_mapper(n, n->dims[d], err)))
			return -1;
	return load_types(n, err);
}

static int load_sources(struct normaliser *n, struct rk_error *err)
{
	const struct rk_config *c = n->cfg;

	n->src = calloc(c->nsources + 1, sizeof(*n->src));
	if (!n->src)
		return rk_error_oom(err);
	for (size_t i = 0; i < c->nsources; i++) {
		const struct rk_source *s = &c->sources[i];

		n->src[i].id = s->id;
		n->src[i].cumulative = s->cumulative;
		n->src[i].fiscal_start = (int)(s->fiscal_year_start
					       ? s->fiscal_year_start
					       : c->fiscal_year_start);
		for (size_t k = 0; k < s->constants.n; k++)
			if (!strcmp(s->constants.items[k].key, "year"))
				n->src[i].year =
					atoi(s->constants.items[k].value);
	}
	n->nsrc = c->nsources;
	return 0;
}

static int period_bound(struct normaliser *n, const char *text,
			const char *which, struct rk_period *p,
			struct rk_error *err)
{
	char why[RK_PERIOD_REASON];

	if (rk_period_parse(text, strlen(text), p, why) == 0 && p->year &&
	    rk_period_grain(p) != RK_GRAIN_NONE)
		return 0;
	rk_error_set(err, RK_EXIT_CONFIG, n->cfg->path, 0,
		     "invalid period %s '%s' in the config%s%s", which, text,
		     why[0] ? ": " : "", why);
	rk_error_hint(err, "write it like 2024, 2024-S1, 2024-Q3, 2024-07 or "
			   "2024-07-15");
	return -1;
}

/* The period map, and a memo for each fiscal year start the sources use. */
static int period_memos(struct normaliser *n, struct rk_error *err)
{
	if (n->cfg->period_map &&
	    !(n->period_map = rk_period_map_load(n->cfg->period_map, err)))
		return -1;
	for (size_t i = 0; i < n->nsrc; i++) {
		int k = n->src[i].fiscal_start;

		if (n->periods[k])
			continue;
		n->fiscal[k].fiscal_start = k;
		n->periods[k] = period_memo_new(&n->fiscal[k], n->period_map);
		if (!n->periods[k])
			return rk_error_oom(err);
	}
	return 0;
}

static int load_periods(struct normaliser *n, struct rk_error *err)
{
	const struct rk_config *c = n->cfg;
	struct rk_period from, to;

	n->grain = rk_grain_parse(c->period_grain);
	if (period_memos(n, err) < 0)
		return -1;
	if (!c->period_from && !c->period_to)
		return 0;
	if (!c->period_from || !c->period_to) {
		rk_error_set(err, RK_EXIT_CONFIG, c->path, 0,
			     "the period range has only one end");
		rk_error_hint(err, "give both: period: {from: 2024-Q1, to: "
				   "2024-Q3}");
		return -1;
	}
	if (period_bound(n, c->period_from, "from", &from, err) < 0 ||
	    period_bound(n, c->period_to, "to", &to, err) < 0)
		return -1;
	n->has_range = 1;
	n->range_first = rk_period_first_day(&from);
	n->range_last = rk_period_last_day(&to);
	n->range_year_first = from.year;
	n->range_year_last = to.year;
	if (n->range_first > n->range_last) {
		rk_error_set(err, RK_EXIT_CONFIG, c->path, 0,
			     "the period range ends (%s) before it starts (%s)",
			     c->period_to, c->period_from);
		rk_error_hint(err, "swap from and to");
		return -1;
	}
	return 0;
}

struct normaliser *normaliser_open(const struct rk_config *cfg, FILE *rejects,
				   const char *rejects_name,
				   struct rk_error *err)
{
	struct normaliser *n = calloc(1, sizeof(*n));

	if (!n) {
		rk_error_oom(err);
		return NULL;
	}
	n->cfg = cfg;
	n->dims = cfg->dimensions.items;
	n->ndims = cfg->dimensions.n;
	n->dimv = calloc(n->ndims + 1, sizeof(*n->dimv));
	n->fieldv = calloc(n->ndims + 10, sizeof(*n->fieldv));
	n->cells = cells_new(n->ndims);
	n->cum = cells_new(n->ndims);
	if (!n->dimv || !n->fieldv || !n->cells || !n->cum) {
		rk_error_oom(err);
		goto fail;
	}
	if (load_codelists(n, err) < 0 || load_sources(n, err) < 0 ||
	    load_periods(n, err) < 0 || nz_rules_init(n, err) < 0 ||
	    nz_hier_init(n, err) < 0)
		goto fail;
	n->rejects = rejects_open(rejects, rejects_name, n->dims, n->ndims,
				  err);
	if (!n->rejects)
		goto fail;
	return n;
fail:
	normaliser_close(n, NULL);
	return NULL;
}

int normaliser_close(struct normaliser *n, struct rk_error *err)
{
	int rc;

	if (!n)
		return 0;
	rc = rejects_close(n->rejects, err);
	mapper_free(n->indicator);
	for (size_t d = 0; n->dim && d < n->ndims; d++)
		mapper_free(n->dim[d]);
	free(n->dim);
	free(n->types);
	free(n->stock_at);
	free(n->src);
	free(n->rules);
	rk_fold_free(n->fold);
	for (int k = 0; k < 13; k++)
		period_memo_free(n->periods[k]);
	rk_period_map_free(n->period_map);
	cells_free(n->cells);
	cells_free(n->cum);
	free(n->dimv);
	free(n->fieldv);
	free(n->text);
	nz_notes_free(n);
	nz_hier_free(n);
	free(n);
	return rc;
}
