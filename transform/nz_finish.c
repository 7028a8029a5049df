/* SPDX-License-Identifier: GPL-3.0-or-later */
/* After the last raw row: de-cumulation, completeness, order. */
#include "nz.h"

#include <stdio.h>
#include <string.h>

struct order {
	const struct normaliser *n;
	int by_year_to_date;      /* series together, then by end month */
};

static int cmp_dims(const struct normaliser *n, const struct cells *t,
		    size_t a, size_t b)
{
	const uint32_t *x = cells_dims(t, a), *y = cells_dims(t, b);

	for (size_t d = 0; d < n->ndims; d++) {
		int c;

		if (x[d] == y[d])
			continue;
		c = strcmp(mapper_text(n->dim[d], x[d]),
			   mapper_text(n->dim[d], y[d]));
		if (c)
			return c;
	}
	return 0;
}

static int cmp_cells(const struct cells *t, size_t a, size_t b, void *ctx)
{
	const struct order *o = ctx;
	const struct normaliser *n = o->n;
	const struct cell *x = cells_at((struct cells *)t, a);
	const struct cell *y = cells_at((struct cells *)t, b);
	int c;

	if (x->source != y->source &&
	    (c = strcmp(n->src[x->source].id, n->src[y->source].id)) != 0)
		return c;
	if (x->indicator != y->indicator &&
	    (c = strcmp(mapper_text(n->indicator, x->indicator),
			mapper_text(n->indicator, y->indicator))) != 0)
		return c;
	if (o->by_year_to_date) {
		if ((c = cmp_dims(n, t, a, b)) != 0)
			return c;
		if (x->period.year != y->period.year)
			return x->period.year < y->period.year ? -1 : 1;
		return (x->period.last > y->period.last) -
		       (x->period.last < y->period.last);
	}
	if ((c = rk_period_cmp(&x->period, &y->period)) != 0)
		return c;
	return cmp_dims(n, t, a, b);
}

int nz_sort(struct normaliser *n, struct cells *t, int by_year_to_date)
{
	struct order o = { n, by_year_to_date };

	return cells_sort(t, cmp_cells, &o);
}

/* ---- de-cumulation ----------------------------------------------------- */

static int same_series(struct normaliser *n, struct cells *t, size_t a,
		       size_t b)
{
	const struct cell *x = cells_at(t, a), *y = cells_at(t, b);

	return x->source == y->source && x->indicator == y->indicator &&
	       x->period.year == y->period.year &&
	       !memcmp(cells_dims(t, a), cells_dims(t, b),
		       n->ndims * sizeof(uint32_t));
}

static int known(const struct cell *c)
{
	return c->valued && !c->missing && !c->suppressed && !c->overflow;
}

struct piece {
	struct rk_period span;    /* the months between two figures */
	struct rk_period out;     /* in the grain */
	struct cell_add add;
	const char *origin[2 * CELL_ORIGINS];
};

/* Why the piece cannot be used, or NULL. */
static const char *piece_problem(struct normaliser *n, struct piece *p,
				 const struct cell *cur, const struct cell *prev,
				 char *why, size_t size)
{
	char a[RK_PERIOD_TEXT], b[RK_PERIOD_TEXT], c[RK_PERIOD_TEXT];
	const char *grain = n->grain == RK_GRAIN_NONE
			    ? "year, half-year, quarter or month"
			    : rk_grain_name(n->grain);

	if (prev && p->add.has_value && p->add.count < 0 &&
	    nz_type_of(n, cur->indicator) != NZ_NUMBER) {
		snprintf(why, size, "the year-to-date figure fell from %lld "
			 "(%s) to %lld (%s)", (long long)prev->count,
			 rk_period_format(&prev->period, a),
			 (long long)cur->count,
			 rk_period_format(&cur->period, b));
		return why;
	}
	if (n->grain == RK_GRAIN_NONE
	    ? rk_period_grain(&p->span) != RK_GRAIN_NONE
	    : rk_period_to_grain(&p->span, n->grain, &p->out) == 0) {
		if (n->grain == RK_GRAIN_NONE)
			p->out = p->span;
		return NULL;
	}
	rk_period_format(&p->span, c);
	if (prev)
		snprintf(why, size, "year-to-date %s minus %s leaves %s, "
			 "which is not one %s", rk_period_format(&cur->period, a),
			 rk_period_format(&prev->period, b), c, grain);
	else
		snprintf(why, size, "year-to-date %s is the first figure of "
			 "its year, and %s is not one %s: the earlier figures "
			 "are missing", rk_period_format(&cur->period, a), c,
			 grain);
	return why;
}

static void make_piece(struct normaliser *n, struct cells *t, size_t i,
		       long prev_i, struct piece *p)
{
	const struct cell *cur = cells_at(t, i);
	const struct cell *prev = prev_i < 0 ? NULL
					   : cells_at(t, (size_t)prev_i);
	size_t k;

	memset(p, 0, sizeof(*p));
	p->span = cur->period;
	p->span.first = prev ? prev->period.last + 1 : 1;
	p->add.has_value = known(cur) && (!prev || known(prev));
	p->add.count = cur->count - (prev ? prev->count : 0);
	p->add.number = cur->number - (prev ? prev->number : 0);
	p->add.places = prev && prev->places > cur->places ? prev->places
							   : cur->places;
	p->add.status = p->add.has_value ? nz_cell_status(n, cur) : "missing";
	p->add.months = rk_period_months(&p->span);
	p->add.rows = cur->rows;   /* prev's rows count in their own piece */
	for (k = 0; k < cur->norigin; k++)
		p->origin[p->add.norigin++] = cells_origin(t, i, k);
	for (k = 0; prev && k < prev->norigin; k++)
		p->origin[p->add.norigin++] =
			cells_origin(t, (size_t)prev_i, k);
	p->add.origin = p->origin;
}

int nz_decumulate(struct normaliser *n, struct rk_error *err)
{
	struct cells *t = n->cum;
	char why[512];

	if (!cells_count(t))
		return 0;
	if (nz_sort(n, t, 1) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	for (size_t i = 0; i < cells_count(t); i++) {
		long prev = i && same_series(n, t, i - 1, i) ? (long)i - 1 : -1;
		const struct cell *cur = cells_at(t, i);
		struct piece p;
		struct cell_key k;

		if (prev >= 0 && cells_at(t, (size_t)prev)->period.last ==
				 cur->period.last)
			continue;   /* cannot happen: one cell per key */
		make_piece(n, t, i, prev, &p);
		if (piece_problem(n, &p, cur,
				  prev < 0 ? NULL : cells_at(t, (size_t)prev),
				  why, sizeof(why))) {
			if (nz_reject_cell(n, t, i, "cumulative", 0, why, err))
				return -1;
			continue;
		}
		if (!nz_in_range(n, &p.out)) {
			n->sum.rows_outside += cur->rows;
			continue;
		}
		k.source = cur->source;
		k.indicator = cur->indicator;
		k.period = p.out;
		k.dim = cells_dims(t, i);
		if (cells_add(n->cells, &k, &p.add, err) < 0)
			return -1;
	}
	return 0;
}

/* ---- completeness ------------------------------------------------------ */

static void month_list(const struct rk_period *p, unsigned bits, char *buf,
		       size_t size)
{
	size_t used = 0;
	int first = 1;

	buf[0] = '\0';
	for (int m = p->first; m <= p->last && used + 12 < size; m++) {
		if (!(bits & (1u << (m - 1))))
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%s%04d-%02d",
					 first ? "" : ", ", p->year % 10000, m);
		first = 0;
	}
}

/* A sum with parts that have no value: what it is, is a lower bound. */
static int partly_missing(struct normaliser *n, size_t i, struct rk_error *err)
{
	struct cell *c = cells_at(n->cells, i);
	char why[256], per[RK_PERIOD_TEXT];

	c->incomplete = 1;
	n->sum.incomplete++;
	snprintf(why, sizeof(why), "%s: %u of the %u rows summed have no "
		 "value (missing or suppressed); the value is the sum of the "
		 "others", rk_period_format(&c->period, per),
		 c->missing + c->suppressed, c->rows);
	return nz_reject_cell(n, n->cells, i, "complete", 1, why, err);
}

/* A stock's rows of two dates in one cell (a quarter's closing stock and
 * a row for the quarter itself): never summed. */
static int stock_dates(struct normaliser *n, size_t i, struct rk_error *err)
{
	struct cell *c = cells_at(n->cells, i);
	char why[512], per[RK_PERIOD_TEXT], d0[RK_PERIOD_TEXT],
	     d1[RK_PERIOD_TEXT];

	snprintf(why, sizeof(why), "stock in %s has rows for %s and for %s: "
		 "a stock is a count on a date and is never summed; keep "
		 "one of them in the source (skip_rows), or give them as "
		 "two sources", rk_period_format(&c->period, per),
		 rk_period_format(&c->stock_own[0], d0),
		 rk_period_format(&c->stock_own[1], d1));
	return nz_reject_cell(n, n->cells, i, "stock", 0, why, err);
}

int nz_check_complete(struct normaliser *n, struct rk_error *err)
{
	char have[160], lack[160], why[512], per[RK_PERIOD_TEXT];

	for (size_t i = 0; i < cells_count(n->cells); i++) {
		struct cell *c = cells_at(n->cells, i);
		unsigned need = rk_period_months(&c->period);

		if (c->overflow && !c->rejected) {
			if (nz_reject_cell(n, n->cells, i, "value", 0,
					   "the sum is too large", err) < 0)
				return -1;
			continue;
		}
		if (c->stock_periods == 2) {
			if (stock_dates(n, i, err) < 0)
				return -1;
			continue;
		}
		if (c->overlap) {    /* never a stock: its rows keep their period */
			snprintf(why, sizeof(why), "%s sums rows for the "
				 "whole of a period and rows for its parts "
				 "(a quarter and its months, say): they would "
				 "be counted twice; keep one of them in the "
				 "source (skip_rows) or give them as two "
				 "sources", rk_period_format(&c->period, per));
			if (nz_reject_cell(n, n->cells, i, "overlap", 0, why,
					   err) < 0)
				return -1;
			continue;
		}
		if (c->valued && (c->missing || c->suppressed)) {
			if (partly_missing(n, i, err) < 0)
				return -1;
			continue;
		}
		if (!c->months || (c->months & need) == need ||
		    nz_type_of(n, c->indicator) == NZ_STOCK)
			continue;
		c->incomplete = 1;
		n->sum.incomplete++;
		month_list(&c->period, c->months & need, have, sizeof(have));
		month_list(&c->period, need & ~c->months, lack, sizeof(lack));
		snprintf(why, sizeof(why), "%s has figures for %s only: %s "
			 "missing", rk_period_format(&c->period, per), have,
			 lack);
		if (nz_reject_cell(n, n->cells, i, "complete", 1, why, err) < 0)
			return -1;
	}
	return 0;
}

int normaliser_finish(struct normaliser *n, struct rk_error *err)
{
	if (nz_decumulate(n, err) < 0)
		return -1;
	if (nz_sort(n, n->cells, 0) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (nz_check_complete(n, err) < 0 ||
	    nz_check_source_totals(n, err) < 0 ||
	    nz_check_hierarchy(n, err) < 0 ||
	    nz_apply_source_notes(n, err) < 0)
		return -1;
	return nz_rules_run(n, err);
}
