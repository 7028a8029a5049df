/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

#define NONE ((size_t)-1)

/* The rows of one source for the indicator, with their breakdowns. */
struct side_rows {
	size_t *row;
	uint64_t *sig;          /* bit d: dimension d broken down */
	size_t n;
};

/* The work of one alignment. */
struct build {
	const struct obs_set *s;
	struct alignment *al;
	struct rk_map *index;   /* (period, values) -> cell */
	size_t *key;            /* 1 + ndims ids */
	size_t cap, dimcap;
	size_t *eff;            /* per row: the period it is compared in (a
				   span of the other side its own period
				   lies in), or its own; NULL: its own */
	const struct rk_period **when;  /* per period id: the period */
	struct rk_map *seen;    /* (cell, finer period) summed into a span */
	int stock;              /* periods never summed into spans */
};

static int popcount(uint64_t x)
{
	int n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Of two sets of one size: does x hold the earlier dimension? */
static int earlier(uint64_t x, uint64_t y)
{
	uint64_t d = x ^ y;

	return (x & d & (~d + 1)) != 0;
}

static uint64_t signature(const struct obs_set *s, size_t i)
{
	const size_t *v = obs_set_dims(s, i);
	uint64_t m = 0;

	for (size_t d = 0; d < s->ndims; d++)
		if (v[d] != 0)
			m |= (uint64_t)1 << d;
	return m;
}

static int collect(const struct obs_set *s, size_t indicator, size_t source,
		   struct side_rows *r)
{
	r->row = malloc((s->n + 1) * sizeof(*r->row));
	r->sig = malloc((s->n + 1) * sizeof(*r->sig));
	r->n = 0;
	if (!r->row || !r->sig)
		return -1;
	for (size_t i = 0; i < s->n; i++) {
		if (s->row[i].indicator != indicator || s->row[i].source != source)
			continue;
		r->row[r->n] = i;
		r->sig[r->n++] = signature(s, i);
	}
	return 0;
}

static int holds(const struct side_rows *r, uint64_t c)
{
	for (size_t i = 0; i < r->n; i++)
		if ((r->sig[i] & c) == c)
			return 1;
	return 0;
}

/* The largest set of dimensions both sides have a table as fine as. */
static uint64_t common_breakdown(const struct side_rows *a,
				 const struct side_rows *b)
{
	uint64_t ua = 0, ub = 0, common, best = 0, sub;

	for (size_t i = 0; i < a->n; i++)
		ua |= a->sig[i];
	for (size_t i = 0; i < b->n; i++)
		ub |= b->sig[i];
	common = ua & ub;
	for (sub = common;; sub = (sub - 1) & common) {
		if (holds(a, sub) && holds(b, sub) &&
		    (popcount(sub) > popcount(best) ||
		     (popcount(sub) == popcount(best) && earlier(sub, best))))
			best = sub;
		if (sub == 0)
			break;
	}
	return best;
}

/* A side's row as the per-period pass sorts them. */
struct entry {
	size_t period;          /* string id */
	uint64_t sig;
	size_t row;
};

static int by_period_sig(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;

	if (a->period != b->period)
		return a->period < b->period ? -1 : 1;
	if (a->sig != b->sig)
		return a->sig < b->sig ? -1 : 1;
	return a->row < b->row ? -1 : a->row > b->row;
}

static int grow_cells(struct build *b)
{
	struct alignment *al = b->al;
	size_t nd = b->s->ndims;

	size_t cap = b->cap ? 2 * b->cap : 64;
	struct aligned_cell *cell;
	size_t *dv;

	if (al->n < b->cap)
		return 0;
	cell = realloc(al->cell, cap * sizeof(*cell));
	if (!cell)
		return -1;
	al->cell = cell;
	dv = realloc(al->dimval, (cap * nd + 1) * sizeof(*dv));
	if (!dv)
		return -1;
	al->dimval = dv;
	b->cap = cap;
	return 0;
}

/* The cell of the row's projection onto the common breakdown, made if new. */
static struct aligned_cell *cell_of(struct build *b, size_t row)
{
	const struct obs_set *s = b->s;
	struct alignment *al = b->al;
	const size_t *v = obs_set_dims(s, row);
	size_t nd = s->ndims, at = al->n;
	struct aligned_cell *c;
	int put;

	b->key[0] = b->eff ? b->eff[row] : s->row[row].period;
	for (size_t d = 0; d < nd; d++)
		b->key[1 + d] = al->compared >> d & 1 ? v[d] : 0;
	put = rk_map_put(b->index, b->key, (1 + nd) * sizeof(size_t), at, &at,
			 NULL);
	if (put < 0)
		return NULL;
	if (put == 0)
		return &al->cell[at];
	if (grow_cells(b) < 0)
		return NULL;
	c = &al->cell[al->n];
	c->period = b->key[0];
	c->when = b->when && b->when[c->period] ? *b->when[c->period]
						 : s->row[row].when;
	c->months_a = c->months_b = 0;
	c->key = al->n * nd;
	c->a = c->b = NAN;
	c->sa = c->sb = SIDE_ABSENT;
	c->status_a = c->status_b = 0;
	memcpy(al->dimval + c->key, b->key + 1, nd * sizeof(size_t));
	al->n++;
	return c;
}

/* Adds a row's value to its cell on side A or B; a missing part wins. */
static int accumulate(struct build *b, size_t row, int side_b)
{
	struct aligned_cell *c = cell_of(b, row);
	double v = b->s->row[row].value;
	size_t status = b->s->row[row].status;
	const char *text = b->s->str[status];
	unsigned char *st;
	size_t *qualified;
	double *sum;

	if (!c)
		return -1;
	st = side_b ? &c->sb : &c->sa;
	sum = side_b ? &c->b : &c->a;
	qualified = side_b ? &c->status_b : &c->status_a;
	if (b->eff && b->eff[row] != b->s->row[row].period) {
		/* a finer period summed into a span: its months, once */
		size_t key[2] = { (size_t)(c - b->al->cell),
				  b->s->row[row].period };
		int put = rk_map_put(b->seen, key, sizeof(key), 0, NULL,
				     NULL);

		if (put < 0)
			return -1;
		if (put == 1)
			*(side_b ? &c->months_b : &c->months_a) +=
				rk_period_months(&b->s->row[row].when);
	}
	/* a number the source marked missing or withheld is not a value */
	if (!strcmp(text, "suppressed")) {
		if (*st != SIDE_MISSING)
			*st = SIDE_WITHHELD;   /* a missing part wins */
		*sum = NAN;
		return 0;
	}
	if (!strcmp(text, "missing"))
		v = NAN;
	else if (*text && !*qualified)
		*qualified = status;
	if (isnan(v)) {
		*st = SIDE_MISSING;
		*sum = NAN;
	} else if (*st == SIDE_ABSENT) {
		*st = SIDE_VALUE;
		*sum = v;
	} else if (*st == SIDE_VALUE) {
		*sum += v;
	}
	return 0;
}

/*
 * Of one period's entries [lo, hi): the coarsest breakdown that holds the
 * common one; *found 0 when there is none.
 */
static uint64_t coarsest(const struct entry *e, size_t lo, size_t hi,
			 uint64_t c, int *found)
{
	uint64_t best = 0;

	*found = 0;
	for (size_t k = lo; k < hi; k++) {
		uint64_t g = e[k].sig;

		if ((g & c) != c)
			continue;
		if (!*found || popcount(g) < popcount(best) ||
		    (popcount(g) == popcount(best) && earlier(g, best)))
			best = g;
		*found = 1;
	}
	return best;
}

static int add_period(struct build *b, const struct entry *e, size_t lo,
		      size_t hi, int side_b)
{
	struct alignment *al = b->al;
	int found;
	uint64_t g = coarsest(e, lo, hi, al->compared, &found);

	if (!found) {
		*(side_b ? &al->periods_b : &al->periods_a) += 1;
		return 0;
	}
	*(side_b ? &al->summed_b : &al->summed_a) |= g & ~al->compared;
	for (size_t k = lo; k < hi; k++)
		if (e[k].sig == g && accumulate(b, e[k].row, side_b) < 0)
			return -1;
	return 0;
}

static int add_side(struct build *b, const struct side_rows *r, int side_b)
{
	struct entry *e = malloc((r->n + 1) * sizeof(*e));
	int rc = 0;

	if (!e)
		return -1;
	for (size_t k = 0; k < r->n; k++) {
		e[k].period = b->eff ? b->eff[r->row[k]]
				     : b->s->row[r->row[k]].period;
		e[k].sig = r->sig[k];
		e[k].row = r->row[k];
	}
	qsort(e, r->n, sizeof(*e), by_period_sig);
	for (size_t lo = 0, hi; rc == 0 && lo < r->n; lo = hi) {
		for (hi = lo; hi < r->n && e[hi].period == e[lo].period; hi++)
			;
		rc = add_period(b, e, lo, hi, side_b);
	}
	free(e);
	return rc;
}

/*
 * Cells in order: period (chronological), then values as text.  qsort has
 * no context argument in C11: the alignment being sorted is here.
 */
static const struct alignment *sort_al;

static int by_cell(const void *x, const void *y)
{
	const struct aligned_cell *a = x, *b = y;
	const struct obs_set *s = sort_al->set;
	int c = rk_period_cmp(&a->when, &b->when);

	if (c)
		return c;
	if (a->period != b->period)
		return strcmp(s->str[a->period], s->str[b->period]);
	for (size_t d = 0; d < s->ndims; d++) {
		size_t u = sort_al->dimval[a->key + d];
		size_t v = sort_al->dimval[b->key + d];

		if (u != v)
			return strcmp(s->str[u], s->str[v]);
	}
	return 0;
}

/*
 * Spans meet grains (issue 18): a period of one side that the other side
 * does not have, but covers exactly with finer periods of its own (a
 * fiscal year 2004-04/2005-03 and the four quarters 2004-Q2 .. 2005-Q1),
 * is compared with the sum of those: their rows are compared in the span.
 * Periods that only partly cover it, or overlap, are left as they are.
 */
static int by_first_day(const void *x, const void *y)
{
	const struct rk_period *a = *(const struct rk_period *const *)x;
	const struct rk_period *b = *(const struct rk_period *const *)y;
	long p = rk_period_first_day(a), q = rk_period_first_day(b);

	return (p > q) - (p < q);
}

static void roll_up(struct build *b, const struct side_rows *fine,
		    const struct side_rows *span, const unsigned char *in_fine,
		    const unsigned char *in_span, const struct rk_period **tmp)
{
	const struct obs_set *s = b->s;
	unsigned char *done = calloc(s->nstr + 1, 1);

	for (size_t k = 0; done && k < span->n; k++) {
		size_t sp = s->row[span->row[k]].period, n = 0;
		const struct rk_period *w = b->when[sp];
		long first = rk_period_first_day(w), last = rk_period_last_day(w);
		long at = first;

		if (done[sp] || in_fine[sp])
			continue;
		done[sp] = 1;
		for (size_t id = 0; id < s->nstr; id++)
			if (in_fine[id] && !in_span[id] && b->when[id] &&
			    rk_period_first_day(b->when[id]) >= first &&
			    rk_period_last_day(b->when[id]) <= last)
				tmp[n++] = b->when[id];
		if (n < 2)
			continue;
		qsort(tmp, n, sizeof(*tmp), by_first_day);
		for (size_t i = 0; i < n && at >= 0; i++)
			at = rk_period_first_day(tmp[i]) == at
				? rk_period_last_day(tmp[i]) + 1 : -1;
		if (at != last + 1)
			continue;              /* they do not tile it */
		for (size_t i = 0; i < fine->n; i++) {
			const struct rk_period *p = b->when[b->eff[fine->row[i]]];

			if (b->eff[fine->row[i]] == s->row[fine->row[i]].period &&
			    rk_period_first_day(p) >= first &&
			    rk_period_last_day(p) <= last &&
			    !in_span[s->row[fine->row[i]].period])
				b->eff[fine->row[i]] = sp;
		}
	}
	free(done);
}

static int spans(struct build *b, const struct side_rows *ra,
		 const struct side_rows *rb)
{
	const struct obs_set *s = b->s;
	unsigned char *in_a = calloc(s->nstr + 1, 1);
	unsigned char *in_b = calloc(s->nstr + 1, 1);
	const struct rk_period **tmp = calloc(s->nstr + 1, sizeof(*tmp));
	int rc = -1;

	b->eff = malloc((s->n + 1) * sizeof(*b->eff));
	b->when = calloc(s->nstr + 1, sizeof(*b->when));
	if (!in_a || !in_b || !tmp || !b->eff || !b->when)
		goto out;
	for (size_t i = 0; i < s->n; i++) {
		b->eff[i] = s->row[i].period;
		b->when[s->row[i].period] = &s->row[i].when;
	}
	for (size_t i = 0; i < ra->n; i++)
		in_a[s->row[ra->row[i]].period] = 1;
	for (size_t i = 0; i < rb->n; i++)
		in_b[s->row[rb->row[i]].period] = 1;
	/* a stock is a count on a date: its periods are never summed */
	if (!b->stock) {
		roll_up(b, ra, rb, in_a, in_b, tmp);  /* A's quarters, B's year */
		roll_up(b, rb, ra, in_b, in_a, tmp);
	}
	rc = 0;
out:
	free(in_a);
	free(in_b);
	free(tmp);
	return rc;
}

/*
 * A side summed over finer periods that does not cover its span in a cell
 * (a quarter missing there) is not a figure for the span: it is kept as
 * what it is, an incomplete sum (as reckon-normalise keeps a quarter with
 * a month missing), shown and never tested, not called missing.
 */
static void partial_spans(struct build *b)
{
	struct alignment *al = b->al;

	for (size_t i = 0; i < al->n; i++) {
		struct aligned_cell *c = &al->cell[i];
		unsigned m = rk_period_months(&c->when);

		if (c->sa == SIDE_VALUE && c->months_a && c->months_a != m)
			c->status_a = OBS_INCOMPLETE;
		if (c->sb == SIDE_VALUE && c->months_b && c->months_b != m)
			c->status_b = OBS_INCOMPLETE;
	}
}

static int build(struct build *b, const struct side_rows *ra,
		 const struct side_rows *rb)
{
	struct alignment *al = b->al;

	al->rows_a = ra->n;
	al->rows_b = rb->n;
	al->compared = ra->n && rb->n ? common_breakdown(ra, rb) : 0;
	if (spans(b, ra, rb) < 0 || add_side(b, ra, 0) < 0 ||
	    add_side(b, rb, 1) < 0)
		return -1;
	partial_spans(b);
	sort_al = al;
	if (al->n > 1)
		qsort(al->cell, al->n, sizeof(*al->cell), by_cell);
	return 0;
}

int align_build(const struct obs_set *s, const char *indicator,
		const char *ref, const char *against, struct alignment *al,
		struct rk_error *err)
{
	return align_build_stock(s, indicator, ref, against, 0, al, err);
}

int align_build_stock(const struct obs_set *s, const char *indicator,
		      const char *ref, const char *against, int stock,
		      struct alignment *al, struct rk_error *err)
{
	struct side_rows ra = { 0 }, rb = { 0 };
	struct build b = { s, al, NULL, NULL, 0, 0, NULL, NULL, NULL, stock };
	int rc = -1;

	memset(al, 0, sizeof(*al));
	al->set = s;
	al->indicator = obs_set_find(s, indicator);
	al->ref = obs_set_find(s, ref);
	al->against = obs_set_find(s, against);
	if (s->ndims > ALIGN_MAX_DIMS)
		return rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
				    "%zu dimensions are more than the %d "
				    "reckon-compare can align", s->ndims,
				    ALIGN_MAX_DIMS);
	b.index = rk_map_new();
	b.seen = rk_map_new();
	b.key = malloc((1 + s->ndims) * sizeof(*b.key));
	if (!b.index || !b.seen || !b.key ||
	    collect(s, al->indicator, al->ref, &ra) < 0 ||
	    collect(s, al->indicator, al->against, &rb) < 0 ||
	    build(&b, &ra, &rb) < 0) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		align_release(al);
		goto out;
	}
	rc = 0;
out:
	free(ra.row);
	free(ra.sig);
	free(rb.row);
	free(rb.sig);
	free(b.key);
	free(b.eff);
	free(b.when);
	rk_map_free(b.seen);
	rk_map_free(b.index);
	return rc;
}

void align_release(struct alignment *al)
{
	free(al->cell);
	free(al->dimval);
	al->cell = NULL;
	al->dimval = NULL;
	al->n = 0;
}
