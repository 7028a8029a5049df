/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The raw rows as they stream by, and what the run counted. */
#include "nz.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "tidy.h"

#define PROBLEM_MAX 1024

/* What is wrong with one raw row; all of it is reported at once. */
struct problems {
	char check[128];
	char reason[PROBLEM_MAX];
};

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

int nz_stock_at(const struct normaliser *n, uint32_t v)
{
	long code = mapper_code(n->indicator, v);

	return code < 0 ? 0 : n->stock_at[code];
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
	struct rk_period own;     /* as read, the year filled in */
	unsigned months;
	int outside;
	uint32_t indicator;
	struct cell_add add;
	int dropped;              /* a label outside a list kept by drop */
	struct problems pb;
};

/* A stock on the first (at: start) or last (at: end) day of a grain
 * period stands for that period; on another day it keeps its date. */
static int stock_in_grain(struct normaliser *n, struct raw *x,
			  const struct rk_period *p)
{
	int at = nz_stock_at(n, x->indicator);

	if (n->grain == RK_GRAIN_NONE || !at ||
	    rk_period_stock_to_grain(p, n->grain, at == 2, &x->period) != 0)
		return 0;
	x->outside = !nz_in_range(n, &x->period);
	return 1;
}

/* The period: parsed, the year filled in, put in the grain. */
static int row_period(struct normaliser *n, struct raw *x, enum nz_type type,
		      struct rk_error *err)
{
	const char *label = x->r->period, *why;
	char g[RK_PERIOD_TEXT];
	struct rk_period p;
	int rc = period_memo_get(n->periods[x->src->fiscal_start], label, &p,
				 &why, err);

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
	x->own = p;
	x->months = rk_period_months(&p);
	if (x->src->cumulative && type != NZ_STOCK) {
		if (p.end_year) {
			problem(&x->pb, "period", "period '%s' (%s) runs "
				"across years; a year-to-date figure runs from "
				"January", label, rk_period_format(&p, g));
			return 0;
		}
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
	if (type == NZ_STOCK && stock_in_grain(n, x, &p))
		return 0;
	if (type != NZ_STOCK && n->grain != RK_GRAIN_NONE) {
		if (rk_period_to_grain(&p, n->grain, &x->period) < 0) {
			problem(&x->pb, "period", "period '%s' (%s) does not "
				"fit in one %s, the pipeline's grain%s", label,
				rk_period_format(&p, g), rk_grain_name(n->grain),
				p.end_year ? ": a span across years fits in no "
				  "grain; leave period.grain out to keep it "
				  "whole"
				: rk_period_grain(&p) == RK_GRAIN_NONE
				? ": set cumulative: true on the source if its "
				  "figures are year-to-date" : "");
			return 0;
		}
	} else if (p.end_year) {
		x->period = p;      /* a span: kept whole, never split */
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

	if (rc == 0 && mapper_policy(n->indicator) == MAPPER_DROP)
		x->dropped = 1;
	else if (rc == 0 && origin)
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
		if (rc == 0 && mapper_policy(n->dim[d]) == MAPPER_DROP)
			x->dropped = 1;
		else if (rc == 0)
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
	x->add.has_value = *v && strcmp(s, "missing") &&
			   strcmp(s, "suppressed");
	if (!x->add.has_value)
		return;
	if (type == NZ_NUMBER) {
		const char *point = strchr(v, '.');

		x->add.number = strtod(v, NULL);
		x->add.places = point ? (unsigned)strlen(point + 1) : 0;
		return;
	}
	if ((why = parse_count(v, &x->add.count)) != NULL)
		problem(&x->pb, "value", "value '%s': %s", v, why);
	x->add.number = (double)x->add.count;
}

static int reject_raw(struct normaliser *n, struct raw *x,
		      struct rk_error *err)
{
	if (!strcmp(x->pb.check, "unmapped"))
		n->sum.rows_unmapped_only++;
	struct reject j = {
		x->r->source, x->r->indicator, x->r->period, x->r->dim,
		x->r->value, x->r->status, x->origin, x->pb.check, 0,
		x->pb.reason, 1
	};

	return rejects_add(n->rejects, &j, err);
}

/*
 * The row's origin, or file:line of the raw tidy file when it has none;
 * NULL when out of memory.
 */
static const char *origin_of(struct normaliser *n, const char *file,
			     const struct tidy_row *r)
{
	size_t need = strlen(file) + 24;

	if (*r->origin)
		return r->origin;
	if (rk_grow((void **)&n->text, &n->textcap, need, 1))
		return NULL;
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
	if (!strcmp(r->status, "source_note"))        /* the text: indicator */
		return nz_note_add(n, (size_t)s, r->indicator,
				   r->origin) < 0 ? rk_error_oom(err) : 0;
	memset(&x, 0, offsetof(struct raw, pb));  /* pb is 1 KiB: not per row */
	x.pb.check[0] = x.pb.reason[0] = '\0';
	x.file = file;
	x.r = r;
	x.origin = origin_of(n, file, r);
	if (!x.origin)
		return rk_error_set(err, RK_EXIT_SOFTWARE, file, r->line,
				    "out of memory");
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
	if (x.dropped) {
		n->sum.rows_dropped++;  /* not wanted, whatever else it has */
		return 0;
	}
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
	x.add.own = type == NZ_STOCK ? &x.own : NULL;
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
	/* parsing (libcsv) takes as long as the rest: shared with a thread */
	struct tidy_reader *r = tidy_reader_open_threaded(path, err);
	const char *file = strcmp(path, "-") ? path : "stdin";
	struct tidy_row row_;
	int rc = -1;

	if (!r) {
		if (err->code == RK_EXIT_NOINPUT && !err->hint[0])
			rk_error_hint(err, "check the path; RAW files are what "
					   "reckon-extract writes");
		return -1;
	}
	if (check_dims(n, r, file, err) < 0)
		goto out;
	while ((rc = tidy_reader_next(r, &row_, err)) == 1) {
		if ((++n->sum.rows_read & 0xFFFF) == 0 && n->progress)
			n->progress(n->progress_arg,
				    (long long)n->sum.rows_read);
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

void normaliser_progress(struct normaliser *n, rk_progress_fn *fn, void *arg)
{
	n->progress = fn;
	n->progress_arg = arg;
}

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
