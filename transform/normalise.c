/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Setting up from the config, and the raw rows as they stream by. */
#include "nz.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tidy.h"

#define PROBLEM_MAX 1024

/* What is wrong with one raw row; all of it is reported at once. */
struct problems {
	char check[128];
	char reason[PROBLEM_MAX];
};

static int oom(struct rk_error *err)
{
	return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
}

/* ---- set-up ------------------------------------------------------------ */

static enum mapper_policy policy_of(const struct rk_config *c,
				    const char *name)
{
	for (size_t i = 0; i < c->unmapped.n; i++) {
		const struct rk_kv *kv = &c->unmapped.items[i];

		if (strcmp(kv->key, name))
			continue;
		return !strcmp(kv->value, "keep") ? MAPPER_KEEP :
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
		oom(err);
		return NULL;
	}
	snprintf(path, len, "%s/%s.csv", c->codelists_dir, name);
	cl = rk_codelist_load(path, name, n->fold, aff ? aff->items : NULL,
			      aff ? aff->n : 0, err);
	if (cl && !(m = mapper_new(cl, policy_of(c, name)))) {
		rk_codelist_free(cl);
		oom(err);
	}
	free(path);
	return m;
}

static int load_types(struct normaliser *n, struct rk_error *err)
{
	struct rk_codelist *cl = mapper_codelist(n->indicator);
	size_t k = rk_codelist_size(cl);

	n->types = calloc(k + 1, sizeof(*n->types));
	if (!n->types)
		return oom(err);
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
		return oom(err);
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
		return oom(err);
	for (size_t i = 0; i < c->nsources; i++) {
		const struct rk_source *s = &c->sources[i];

		n->src[i].id = s->id;
		n->src[i].cumulative = s->cumulative;
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

static int load_periods(struct normaliser *n, struct rk_error *err)
{
	const struct rk_config *c = n->cfg;
	struct rk_period from, to;

	n->grain = rk_grain_parse(c->period_grain);
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
		oom(err);
		return NULL;
	}
	n->cfg = cfg;
	n->dims = cfg->dimensions.items;
	n->ndims = cfg->dimensions.n;
	n->dimv = calloc(n->ndims + 1, sizeof(*n->dimv));
	n->fieldv = calloc(n->ndims + 10, sizeof(*n->fieldv));
	n->periods = period_memo_new();
	n->cells = cells_new(n->ndims);
	n->cum = cells_new(n->ndims);
	if (!n->dimv || !n->fieldv || !n->periods || !n->cells || !n->cum) {
		oom(err);
		goto fail;
	}
	if (load_codelists(n, err) < 0 || load_sources(n, err) < 0 ||
	    load_periods(n, err) < 0 || nz_rules_init(n, err) < 0)
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

/* ---- one raw row ------------------------------------------------------- */

__attribute__((format(printf, 3, 4)))
static void problem(struct problems *p, const char *check, const char *fmt,
		    ...)
{
	size_t used = strlen(p->reason);
	va_list ap;

	if (!strstr(p->check, check))
		snprintf(p->check + strlen(p->check),
			 sizeof(p->check) - strlen(p->check), "%s%s",
			 p->check[0] ? ";" : "", check);
	if (used && used + 2 < sizeof(p->reason)) {
		memcpy(p->reason + used, "; ", 3);
		used += 2;
	}
	va_start(ap, fmt);
	vsnprintf(p->reason + used, sizeof(p->reason) - used, fmt, ap);
	va_end(ap);
}

static long find_source(struct normaliser *n, const char *id)
{
	if (n->last_src < n->nsrc && !strcmp(n->src[n->last_src].id, id))
		return (long)n->last_src;
	for (size_t i = 0; i < n->nsrc; i++)
		if (!strcmp(n->src[i].id, id)) {
			n->last_src = i;
			return (long)i;
		}
	return -1;
}

static int unknown_source(struct normaliser *n, const char *file,
			  const struct tidy_row *r, struct rk_error *err)
{
	char known[256] = "";
	size_t used = 0;

	for (size_t i = 0; i < n->nsrc && used < sizeof(known) - 1; i++) {
		snprintf(known + used, sizeof(known) - used, "%s%s",
			 i ? ", " : "", n->src[i].id);
		used = strlen(known);
	}
	rk_error_set(err, RK_EXIT_DATAERR, file, r->line,
		     "unknown source '%s'", r->source);
	rk_error_hint(err, "the config's sources are %s; extract with "
			   "reckon-extract --config %s --source ID", known,
		      n->cfg->path ? n->cfg->path : "PIPELINE.yaml");
	return -1;
}

int nz_in_range(const struct normaliser *n, const struct rk_period *p)
{
	return !n->has_range || (rk_period_first_day(p) >= n->range_first &&
				 rk_period_last_day(p) <= n->range_last);
}

enum nz_type nz_type_of(const struct normaliser *n, uint32_t v)
{
	long code = mapper_code(n->indicator, v);

	return code < 0 ? NZ_COUNT : n->types[code];
}

/* A whole number >= 0 from a C-locale decimal; NULL, or why not. */
static const char *parse_count(const char *s, int64_t *out)
{
	int64_t v = 0;

	if (*s == '-' && strspn(s + 1, "0.") != strlen(s + 1))
		return "a count cannot be negative";
	if (*s == '-')
		s++;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (INT64_MAX - 9) / 10)
			return "the number is too large";
		v = v * 10 + (*s - '0');
	}
	if (*s == '.' && strspn(s + 1, "0") != strlen(s + 1))
		return "a count must be a whole number";
	*out = v;
	return NULL;
}

struct raw {
	const char *file;
	const struct tidy_row *r;
	const char *origin;
	struct nz_source *src;
	struct rk_period period;  /* as keyed */
	unsigned months;
	int outside;
	uint32_t indicator;
	struct cell_add add;
	struct problems pb;
};

/* The period: parsed, the year filled in, put in the grain. */
static int row_period(struct normaliser *n, struct raw *x, enum nz_type type,
		      struct rk_error *err)
{
	const char *label = x->r->period, *why;
	char g[RK_PERIOD_TEXT];
	struct rk_period p;
	int rc = period_memo_get(n->periods, label, &p, &why, err);

	if (rc < 0)
		return -1;
	if (rc == 1) {
		problem(&x->pb, "period", "cannot read period '%s': %s", label,
			why);
		return 0;
	}
	if (!p.year && !x->src->year) {
		problem(&x->pb, "period", "period '%s' has no year: add "
			"constants: {year: YYYY} to source '%s'", label,
			x->src->id);
		return 0;
	}
	if (!p.year)
		p.year = x->src->year;
	x->months = rk_period_months(&p);
	if (x->src->cumulative && type != NZ_STOCK) {
		if (p.day) {
			problem(&x->pb, "period", "period '%s' is a day; a "
				"year-to-date figure needs a month, quarter, "
				"half-year or year", label);
			return 0;
		}
		p.first = 1;
		x->period = p;
		x->outside = n->has_range && (p.year < n->range_year_first ||
					      p.year > n->range_year_last);
		return 0;
	}
	if (type != NZ_STOCK && n->grain != RK_GRAIN_NONE) {
		if (rk_period_to_grain(&p, n->grain, &x->period) < 0) {
			problem(&x->pb, "period", "period '%s' (%s) does not "
				"fit in one %s, the pipeline's grain%s", label,
				rk_period_format(&p, g), rk_grain_name(n->grain),
				rk_period_grain(&p) == RK_GRAIN_NONE
				? ": set cumulative: true on the source if its "
				  "figures are year-to-date" : "");
			return 0;
		}
	} else if (rk_period_grain(&p) == RK_GRAIN_NONE) {
		problem(&x->pb, "period", "period '%s' (%s) is not a year, "
			"half-year, quarter, month or day: set cumulative: "
			"true on the source if its figures are year-to-date",
			label, rk_period_format(&p, g));
		return 0;
	} else {
		x->period = p;
	}
	x->outside = !nz_in_range(n, &x->period);
	return 0;
}

/* The indicator, without counting it as unmapped yet (origin NULL). */
static int row_indicator(struct normaliser *n, struct raw *x,
			 const char *origin, struct rk_error *err)
{
	int rc = mapper_map(n->indicator, x->r->indicator, origin,
			    &x->indicator, err);

	if (rc == 0 && origin)
		problem(&x->pb, "unmapped", "indicator '%s' is not in %s",
			x->r->indicator,
			rk_codelist_name(mapper_codelist(n->indicator)));
	return rc < 0 ? -1 : 0;
}

static int row_dims(struct normaliser *n, struct raw *x,
		    struct rk_error *err)
{
	for (size_t d = 0; d < n->ndims; d++) {
		int rc = mapper_map(n->dim[d], x->r->dim[d], x->origin,
				    &n->dimv[d], err);

		if (rc < 0)
			return -1;
		if (rc == 0)
			problem(&x->pb, "unmapped", "%s '%s' is not in %s",
				n->dims[d], x->r->dim[d],
				rk_codelist_name(mapper_codelist(n->dim[d])));
	}
	return 0;
}

static void row_value(struct raw *x, enum nz_type type)
{
	const char *v = x->r->value, *s = x->r->status, *why;

	x->add.status = s;
	x->add.has_value = *v && strcmp(s, "missing") && strcmp(s, "suppressed");
	if (!x->add.has_value)
		return;
	if (type == NZ_NUMBER) {
		x->add.number = strtod(v, NULL);
		return;
	}
	if ((why = parse_count(v, &x->add.count)) != NULL)
		problem(&x->pb, "value", "value '%s': %s", v, why);
	x->add.number = (double)x->add.count;
}

static int reject_raw(struct normaliser *n, struct raw *x,
		      struct rk_error *err)
{
	struct reject j = {
		x->r->source, x->r->indicator, x->r->period, x->r->dim,
		x->r->value, x->r->status, x->origin, x->pb.check, 0,
		x->pb.reason, 1
	};

	return rejects_add(n->rejects, &j, err);
}

/* The row's origin, or file:line of the raw tidy file when it has none. */
static const char *origin_of(struct normaliser *n, const char *file,
			     const struct tidy_row *r)
{
	size_t need = strlen(file) + 24;

	if (*r->origin)
		return r->origin;
	if (need > n->textcap) {
		char *t = realloc(n->text, need);

		if (!t)
			return "";
		n->text = t;
		n->textcap = need;
	}
	snprintf(n->text, need, "%s:%ld", file, r->line);
	return n->text;
}

static int row(struct normaliser *n, const char *file,
	       const struct tidy_row *r, struct rk_error *err)
{
	long s = find_source(n, r->source);
	struct raw x;
	struct cell_key k;
	enum nz_type type;

	if (s < 0)
		return unknown_source(n, file, r, err);
	memset(&x, 0, sizeof(x));
	x.file = file;
	x.r = r;
	x.origin = origin_of(n, file, r);
	x.src = &n->src[s];
	if (row_indicator(n, &x, NULL, err) < 0)
		return -1;
	type = nz_type_of(n, x.indicator);
	if (row_period(n, &x, type, err) < 0)
		return -1;
	if (x.outside && !x.pb.check[0]) {
		n->sum.rows_outside++;
		return 0;
	}
	if (row_indicator(n, &x, x.origin, err) < 0 || row_dims(n, &x, err) < 0)
		return -1;
	row_value(&x, type);
	if (x.pb.check[0])
		return reject_raw(n, &x, err);
	k.source = (uint32_t)s;
	k.indicator = x.indicator;
	k.period = x.period;
	k.dim = n->dimv;
	x.add.months = x.period.day ? 0 : x.months;
	x.add.origin = &x.origin;
	x.add.norigin = 1;
	x.add.rows = 1;
	return cells_add(x.src->cumulative && type != NZ_STOCK ? n->cum
							       : n->cells,
			 &k, &x.add, err);
}

/* The file's dimensions are the pipeline's, in order. */
static int check_dims(struct normaliser *n, struct tidy_reader *r,
		      const char *file, struct rk_error *err)
{
	size_t nd, d;
	char *const *dims = tidy_reader_dims(r, &nd);
	char want[512] = "", got[512] = "";

	for (d = 0; d < nd && d < n->ndims && !strcmp(dims[d], n->dims[d]); d++)
		;
	if (d == nd && nd == n->ndims)
		return 0;
	for (d = 0; d < n->ndims; d++)
		snprintf(want + strlen(want), sizeof(want) - strlen(want),
			 "%s%s", d ? ", " : "", n->dims[d]);
	for (d = 0; d < nd; d++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s",
			 d ? ", " : "", dims[d]);
	rk_error_set(err, RK_EXIT_DATAERR, file, 1,
		     "the file's dimensions (%s) are not the pipeline's (%s)",
		     nd ? got : "none", n->ndims ? want : "none");
	rk_error_hint(err, "extract it with the same config");
	return -1;
}

int normaliser_read(struct normaliser *n, const char *path,
		    struct rk_error *err)
{
	struct tidy_reader *r = tidy_reader_open(path, err);
	const char *file = strcmp(path, "-") ? path : "stdin";
	struct tidy_row row_;
	int rc = -1;

	if (!r)
		return -1;
	if (check_dims(n, r, file, err) < 0)
		goto out;
	while ((rc = tidy_reader_next(r, &row_, err)) == 1) {
		n->sum.rows_read++;
		if (row(n, file, &row_, err) < 0) {
			rc = -1;
			break;
		}
	}
out:
	tidy_reader_close(r);
	return rc < 0 ? -1 : 0;
}

/* ---- the rest ---------------------------------------------------------- */

void normaliser_summary(const struct normaliser *n,
			struct normalise_summary *s)
{
	*s = n->sum;
	s->rows_rejected = rejects_rejected(n->rejects);
	s->rows_warned = rejects_kept(n->rejects);
	s->unmapped_labels = mapper_unmapped_labels(n->indicator);
	s->unmapped_rows = mapper_unmapped_rows(n->indicator);
	s->unmapped_fail = mapper_policy(n->indicator) == MAPPER_FAIL &&
			   mapper_unmapped_rows(n->indicator);
	for (size_t d = 0; d < n->ndims; d++) {
		s->unmapped_labels += mapper_unmapped_labels(n->dim[d]);
		s->unmapped_rows += mapper_unmapped_rows(n->dim[d]);
		if (mapper_policy(n->dim[d]) == MAPPER_FAIL &&
		    mapper_unmapped_rows(n->dim[d]))
			s->unmapped_fail = 1;
	}
}

const char *normaliser_first_reject(const struct normaliser *n,
				    const char **origin)
{
	*origin = rejects_first_origin(n->rejects);
	return rejects_first_reason(n->rejects);
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
	free(n->src);
	free(n->rules);
	rk_fold_free(n->fold);
	period_memo_free(n->periods);
	cells_free(n->cells);
	cells_free(n->cum);
	free(n->dimv);
	free(n->fieldv);
	free(n->text);
	free(n);
	return rc;
}
