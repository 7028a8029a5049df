/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The rules of the config over the finished table: every rule sees every
 * cell as the data gave it (a row one rule rejects still counts in the
 * sums of another), so one run reports all violations.  An error rejects
 * the cells it names; a warning keeps them and lists them.
 */
#include "nz.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

int nz_rules_init(struct normaliser *n, struct rk_error *err)
{
	const struct rk_config *c = n->cfg;
	struct rk_codelist *ind = mapper_codelist(n->indicator);

	n->rules = calloc(c->nrules + 1, sizeof(*n->rules));
	if (!n->rules)
		return rk_error_oom(err);
	for (size_t i = 0; i < c->nrules; i++) {
		struct nz_rule *r = &n->rules[i];

		r->r = &c->rules[i];
		r->indicator = -1;
		if (r->r->indicator) {
			long code = rk_codelist_find(ind, r->r->indicator);

			if (code < 0) {
				rk_error_set(err, RK_EXIT_CONFIG, c->path,
					     r->r->mark.line,
					     "unknown indicator '%s' in rule "
					     "%zu", r->r->indicator, i + 1);
				rk_error_column(err, r->r->mark.column);
				rk_error_hint(err, "name a code of %s",
					      rk_codelist_name(ind));
				return -1;
			}
			r->indicator = code + 1;
		}
		for (size_t d = 0; r->r->over && d < n->ndims; d++)
			if (!strcmp(n->dims[d], r->r->over))
				r->over = d;
		n->nrules++;
	}
	return 0;
}

static int applies(const struct nz_rule *r, const struct cell *c)
{
	return !c->overflow && !nz_left_out(c) &&
	       (r->indicator < 0 || (long)c->indicator == r->indicator);
}

static double value_of(const struct normaliser *n, const struct cell *c)
{
	return nz_type_of(n, c->indicator) == NZ_NUMBER ? c->number
							: (double)c->count;
}

/* action is the row's fate: a warning on a rejected row says rejected. */
static int violation(struct normaliser *n, const struct nz_rule *r, size_t i,
		     const char *why, struct rk_error *err)
{
	int kept = r->r->warn && !cells_at(n->cells, i)->rejected;

	return nz_reject_cell(n, n->cells, i, r->r->check, kept, why, err);
}

static void fmt_number(char *buf, size_t size, double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(buf, size, "%.0f", v);
	else
		snprintf(buf, size, "%g", v);
}

static int run_bound(struct normaliser *n, const struct nz_rule *r,
		     struct rk_error *err)
{
	int maximum = !strcmp(r->r->check, "maximum");
	char why[256], a[48], b[48];

	for (size_t i = 0; i < cells_count(n->cells); i++) {
		const struct cell *c = cells_at(n->cells, i);
		double v = value_of(n, c);

		if (!applies(r, c) || !c->valued ||
		    (maximum ? !(v > r->r->max) : !(v < 0)))
			continue;
		fmt_number(a, sizeof(a), v);
		fmt_number(b, sizeof(b), r->r->max);
		if (maximum)
			snprintf(why, sizeof(why), "value %s is above the "
				 "maximum %s", a, b);
		else
			snprintf(why, sizeof(why), "value %s is negative", a);
		if (violation(n, r, i, why, err) < 0)
			return -1;
	}
	return 0;
}

/* ---- parts_sum_to_total ------------------------------------------------ */

struct group {
	long total;               /* cell, or -1 */
	double parts;
	size_t nparts;
	int unknown;              /* a part without a value */
	char *why;                /* set when the group breaks the rule */
};

struct sums {
	struct rk_map *index;
	struct group *g;
	size_t n, cap;
	size_t *of;               /* group of each cell, or SIZE_MAX */
	unsigned char *key;
};

static size_t group_key(const struct normaliser *n, const struct nz_rule *r,
			size_t i, unsigned char *key)
{
	const struct cell *c = cells_at(n->cells, i);
	uint32_t head[6] = { c->source, c->indicator, (uint32_t)c->period.year,
			     (uint32_t)c->period.first,
			     (uint32_t)c->period.last, (uint32_t)c->period.day };
	const uint32_t *d = cells_dims(n->cells, i);
	size_t len = sizeof(head);

	memcpy(key, head, sizeof(head));
	for (size_t k = 0; k < n->ndims; k++, len += 4) {
		uint32_t v = k == r->over ? 0 : d[k];

		memcpy(key + len, &v, 4);
	}
	return len;
}

static int find_group(struct sums *s, size_t len, size_t *at)
{
	int rc = rk_map_put(s->index, s->key, len, s->n, at, NULL);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return 0;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct group *g = realloc(s->g, cap * sizeof(*g));

		if (!g)
			return -1;
		s->g = g;
		s->cap = cap;
	}
	memset(&s->g[s->n], 0, sizeof(s->g[0]));
	s->g[s->n].total = -1;
	*at = s->n++;
	return 0;
}

static int gather(struct normaliser *n, const struct nz_rule *r,
		  struct sums *s)
{
	for (size_t i = 0; i < cells_count(n->cells); i++) {
		const struct cell *c = cells_at(n->cells, i);
		size_t g;

		s->of[i] = SIZE_MAX;
		if (!applies(r, c))
			continue;
		if (find_group(s, group_key(n, r, i, s->key), &g) < 0)
			return -1;
		s->of[i] = g;
		if (cells_dims(n->cells, i)[r->over] == MAPPER_TOTAL) {
			s->g[g].total = (long)i;
		} else {
			s->g[g].nparts++;
			s->g[g].parts += value_of(n, c);
			s->g[g].unknown |= !c->valued || c->missing ||
					   c->suppressed;
		}
	}
	return 0;
}

static int judge(struct normaliser *n, const struct nz_rule *r,
		 struct group *g)
{
	const struct cell *t;
	double total, tol, diff;
	char a[48], b[48], c[48], why[320];

	if (g->total < 0 || !g->nparts)
		return 0;
	t = cells_at(n->cells, (size_t)g->total);
	if (!t->valued)
		return 0;
	total = value_of(n, t);
	tol = r->r->tolerance_percent ? fabs(total) * r->r->tolerance / 100
				      : r->r->tolerance;
	diff = g->parts - total;
	if (g->unknown ? !(diff > tol) : !(fabs(diff) > tol))
		return 0;
	fmt_number(a, sizeof(a), g->parts);
	fmt_number(b, sizeof(b), total);
	fmt_number(c, sizeof(c), r->r->tolerance);
	snprintf(why, sizeof(why), "the %sparts over %s sum to %s, %s the "
		 "total %s (tolerance %s%s)", g->unknown ? "known " : "",
		 r->r->over, a, g->unknown ? "more than" : "not", b, c,
		 r->r->tolerance_percent ? "%" : "");
	g->why = strdup(why);
	return g->why ? 0 : -1;
}

static int run_sums(struct normaliser *n, const struct nz_rule *r,
		    struct rk_error *err)
{
	struct sums s = { rk_map_new(), NULL, 0, 0, NULL, NULL };
	int rc = -1;

	s.of = malloc((cells_count(n->cells) + 1) * sizeof(*s.of));
	s.key = malloc(24 + 4 * (n->ndims + 1));
	if (!s.index || !s.of || !s.key || gather(n, r, &s) < 0) {
		rk_error_oom(err);
		goto out;
	}
	for (size_t g = 0; g < s.n; g++)
		if (judge(n, r, &s.g[g]) < 0) {
			rk_error_oom(err);
			goto out;
		}
	for (size_t i = 0; i < cells_count(n->cells); i++)
		if (s.of[i] != SIZE_MAX && s.g[s.of[i]].why &&
		    violation(n, r, i, s.g[s.of[i]].why, err) < 0)
			goto out;
	rc = 0;
out:
	for (size_t g = 0; g < s.n; g++)
		free(s.g[g].why);
	free(s.g);
	free(s.of);
	free(s.key);
	rk_map_free(s.index);
	return rc;
}

/* Errors first, so that a warning knows whether its row is still in. */
int nz_rules_run(struct normaliser *n, struct rk_error *err)
{
	for (int warn = 0; warn < 2; warn++)
		for (size_t i = 0; i < n->nrules; i++) {
			const struct nz_rule *r = &n->rules[i];
			int rc;

			if (r->r->warn != warn)
				continue;
			rc = !strcmp(r->r->check, "parts_sum_to_total")
			     ? run_sums(n, r, err) : run_bound(n, r, err);
			if (rc < 0)
				return -1;
		}
	return 0;
}
