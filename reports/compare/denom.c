/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "denom.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "period.h"
#include "text.h"

#define NO_COLUMN ((size_t)-1)

struct denom_row {
	char **val;                 /* per pipeline dimension; NULL: the
				       file has no such column */
	char *period, *source;      /* "" when not given */
	struct rk_period when;
	double pop;
	long line;
};

struct denom {
	char *path;
	char *const *dim;           /* the pipeline's; borrowed */
	size_t ndims;
	unsigned char *has_dim;     /* per pipeline dimension */
	int has_period;
	struct denom_row *row;
	size_t n, cap;
};

/* Where each column of the header goes. */
struct columns {
	size_t *dim;                /* per file column: pipeline dim or
				       NO_COLUMN */
	size_t period, source, pop, n;
};

static int fail(struct rk_error *err, const char *path, long line,
		const char *hint, const char *fmt, const char *arg)
{
	rk_error_set(err, RK_EXIT_DATAERR, path, line, fmt, arg);
	if (hint)
		rk_error_hint(err, "%s", hint);
	return -1;
}

static size_t dim_index(char *const *dims, size_t ndims, const char *name)
{
	for (size_t d = 0; d < ndims; d++)
		if (strcmp(dims[d], name) == 0)
			return d;
	return NO_COLUMN;
}

static int read_header(struct denom *d, const struct csvr_row *h,
		       char *const *dims, struct columns *c,
		       struct rk_error *err)
{
	c->period = c->source = c->pop = NO_COLUMN;
	c->n = h->n;
	if (!(c->dim = malloc((h->n + 1) * sizeof(*c->dim))))
		return rk_error_oom(err);
	for (size_t i = 0; i < h->n; i++) {
		const char *name = h->field[i];

		c->dim[i] = NO_COLUMN;
		for (size_t k = 0; k < i; k++)
			if (!strcmp(h->field[k], name))
				return fail(err, d->path, h->line, "keep one "
					    "column of each name", "column "
					    "'%s' given twice", name);
		if (!strcmp(name, "period"))
			c->period = i;
		else if (!strcmp(name, "source"))
			c->source = i;
		else if (!strcmp(name, "population") ||
			 !strcmp(name, "exposure"))
			c->pop = i;
		else if ((c->dim[i] = dim_index(dims, d->ndims, name)) ==
			 NO_COLUMN)
			return fail(err, d->path, h->line,
				    "the columns are the pipeline's "
				    "dimensions, period, source and "
				    "population", "column '%s' is no "
				    "dimension of the pipeline", name);
		else
			d->has_dim[c->dim[i]] = 1;
	}
	if (c->pop == NO_COLUMN)
		return fail(err, d->path, h->line, "name the column of "
			    "figures 'population' (or 'exposure')",
			    "no population column%s", "");
	d->has_period = c->period != NO_COLUMN;
	return 0;
}

static const char *field(const struct csvr_row *r, size_t i)
{
	return i != NO_COLUMN && i < r->n ? r->field[i] : "";
}

static int same_key(const struct denom *d, const struct denom_row *a,
		    const struct denom_row *b)
{
	for (size_t k = 0; k < d->ndims; k++)
		if (d->has_dim[k] && strcmp(a->val[k], b->val[k]))
			return 0;
	return !strcmp(a->period, b->period) && !strcmp(a->source, b->source);
}

static int parse_row(struct denom *d, const struct columns *c,
		     const struct csvr_row *r, struct denom_row *o,
		     struct rk_error *err)
{
	const char *pop = field(r, c->pop);
	char *end = NULL, why[RK_PERIOD_REASON];

	o->line = r->line;
	o->pop = *pop ? strtod(pop, &end) : NAN;
	if (!end || *end || !(o->pop > 0) || !isfinite(o->pop))
		return fail(err, d->path, r->line, "a population is a number "
			    "above 0, written with a decimal point if any",
			    "population '%s' is not a number above 0", pop);
	if (!(o->val = calloc(d->ndims + 1, sizeof(*o->val))) ||
	    !(o->period = strdup(field(r, c->period))) ||
	    !(o->source = strdup(field(r, c->source))))
		return rk_error_oom(err);
	for (size_t i = 0; i < c->n; i++) {
		if (c->dim[i] == NO_COLUMN)
			continue;
		/* a blank would be a total, summed with its own parts */
		if (!*field(r, i))
			return fail(err, d->path, r->line, "give every row "
				    "its code; a population not broken down "
				    "by a dimension goes in a file without "
				    "that column", "a blank %s",
				    d->dim[c->dim[i]]);
		if (!(o->val[c->dim[i]] = strdup(field(r, i))))
			return rk_error_oom(err);
	}
	if (d->has_period &&
	    rk_period_parse(o->period, strlen(o->period), &o->when, why) < 0)
		return fail(err, d->path, r->line, "write periods as in the "
			    "tidy data: 2024, 2024-Q3, 2024-07",
			    "cannot read period '%s'", o->period);
	return 0;
}

static int add_row(struct denom *d, const struct columns *c,
		   const struct csvr_row *r, struct rk_error *err)
{
	struct denom_row *o;

	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 64;
		struct denom_row *p = realloc(d->row, cap * sizeof(*p));

		if (!p)
			return rk_error_oom(err);
		d->row = p;
		d->cap = cap;
	}
	o = &d->row[d->n];
	memset(o, 0, sizeof(*o));
	d->n++;
	if (parse_row(d, c, r, o, err) < 0)
		return -1;
	for (size_t i = 0; i + 1 < d->n; i++)
		if (same_key(d, &d->row[i], o)) {
			char first[32];

			snprintf(first, sizeof(first), "%ld", d->row[i].line);
			return fail(err, d->path, r->line, "keep one row per "
				    "dimension values, period and source",
				    "the same row as line %s: its population "
				    "would be counted twice", first);
		}
	return 0;
}

static int read_rows(struct denom *d, struct csvr *csv, char *const *dims,
		     struct rk_error *err)
{
	struct csvr_row r;
	struct columns c = { 0 };
	int rc, head = 1;

	while ((rc = csvr_next(csv, &r, err)) == 1) {
		if (r.n == 0)
			continue;
		if (head) {
			head = 0;
			rc = read_header(d, &r, dims, &c, err);
		} else {
			rc = add_row(d, &c, &r, err);
		}
		if (rc < 0)
			break;
	}
	free(c.dim);
	return rc < 0 ? -1 : 0;
}

struct denom *denom_read(const char *path, char *const *dims, size_t ndims,
			 struct rk_error *err)
{
	struct denom *d = calloc(1, sizeof(*d));
	FILE *f = NULL;
	struct rk_text *t = NULL;
	struct csvr *csv = NULL;
	int rc = -1;

	if (!d || !(d->path = strdup(path)) ||
	    !(d->has_dim = calloc(ndims + 1, 1))) {
		rk_error_oom(err);
		goto out;
	}
	d->ndims = ndims;
	d->dim = dims;
	if (!(f = fopen(path, "rb"))) {
		rk_error_set(err, RK_EXIT_NOINPUT, path, 0, "cannot open: %s",
			     strerror(errno));
		rk_error_hint(err, "check the path of the compare entry's "
				   "denominators");
		goto out;
	}
	if ((t = rk_text_open(f, path, RK_ENC_AUTO, err)) != NULL &&
	    (csv = csvr_open(t, ',', path, err)) != NULL)
		rc = read_rows(d, csv, dims, err);
out:
	csvr_close(csv);
	rk_text_close(t);
	if (f)
		fclose(f);
	if (rc < 0) {
		denom_free(d);
		return NULL;
	}
	return d;
}

/* Does the row's period hold the cell's (a year holds its quarters)? */
static int holds(const struct rk_period *outer, const struct rk_period *in)
{
	if (outer->end_year || in->end_year || outer->day ||
	    outer->year != in->year)
		return 0;
	return (rk_period_months(outer) & rk_period_months(in)) ==
	       rk_period_months(in);
}

/* Does row r agree with cell i on its breakdown and source? */
static int agrees(const struct denom *d, const struct denom_row *r,
		  const struct alignment *al, size_t i, const char *source)
{
	const size_t *v = align_dims(al, i);

	if (*r->source && strcmp(r->source, source))
		return 0;
	for (size_t k = 0; k < d->ndims; k++)
		if ((al->compared >> k & 1) &&
		    strcmp(r->val[k], al->set->str[v[k]]))
			return 0;
	return 1;
}

/* 1: exact period, 2: a period that holds it, 0: neither. */
static int period_fit(const struct denom *d, const struct denom_row *r,
		      const struct alignment *al, size_t i)
{
	const struct aligned_cell *c = &al->cell[i];

	if (!d->has_period)
		return 1;
	if (!strcmp(r->period, al->set->str[c->period]))
		return 1;
	return holds(&r->when, &c->when) ? 2 : 0;
}

double denom_find(const struct denom *d, const struct alignment *al,
		  size_t i, const char *source, char *why, size_t size)
{
	double sum[3] = { 0, 0, 0 };
	const struct denom_row *outer = NULL;
	int mixed = 0, part = 0;

	if (!d) {
		snprintf(why, size, "the comparison names no denominators");
		return NAN;
	}
	for (size_t k = 0; k < d->ndims; k++)
		if ((al->compared >> k & 1) && !d->has_dim[k]) {
			snprintf(why, size, "the denominators are not broken "
				 "down by %s", al->set->dim[k]);
			return NAN;
		}
	for (size_t r = 0; r < d->n; r++) {
		const struct denom_row *row = &d->row[r];
		int fit;

		if (!agrees(d, row, al, i, source))
			continue;
		if (!(fit = period_fit(d, row, al, i))) {
			part |= holds(&al->cell[i].when, &row->when);
			continue;
		}
		if (fit == 2) {
			mixed |= outer && strcmp(outer->period, row->period);
			outer = outer ? outer : row;
		}
		sum[fit] += row->pop;
	}
	if (sum[1] > 0)
		return sum[1];
	if (sum[2] > 0 && !mixed)
		return sum[2];
	snprintf(why, size, mixed ? "denominators of several periods hold "
		 "%s: populations on different dates are not added"
		 : part ? "denominators for parts of %s only: populations on "
		 "different dates are not added; give one for the whole"
		 : "no denominator for %s", al->set->str[al->cell[i].period]);
	return NAN;
}

void denom_free(struct denom *d)
{
	if (!d)
		return;
	for (size_t r = 0; r < d->n; r++) {
		for (size_t k = 0; d->row[r].val && k < d->ndims; k++)
			free(d->row[r].val[k]);
		free(d->row[r].val);
		free(d->row[r].period);
		free(d->row[r].source);
	}
	free(d->row);
	free(d->has_dim);
	free(d->path);
	free(d);
}
