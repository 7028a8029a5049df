/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Secondary suppression by perturbation boxes (suppress.h), and the audit
 * that recomputes every box before the brief is written.
 */
#include "suppress_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- boxes ---- */

static int hidden(const struct supp_table *t, size_t id)
{
	return t->state[id] != SUPP_SHOWN;
}

/* What withholding item id costs: its value, totals weighing more. */
static double cost_of(const struct supp_table *t, size_t id)
{
	return (fabs(t->value[id]) + 1) * (t->base[id] ? 1 : 4);
}

/* Whether a shown item may be withheld as a secondary. */
static int may_withhold(const struct supp_table *t, size_t id)
{
	return t->value[id] >= t->k;
}

/*
 * Whether value x is what a reader may believe of item id, were it
 * withheld: a primary lies in [1, k-1], anything else withheld in
 * [k, inf).
 */
static int in_range(const struct supp_table *t, size_t id, double x)
{
	if (t->state[id] == SUPP_PRIMARY)
		return x >= 1 && x <= t->k - 1;
	if (t->state[id] == SUPP_MASKED)
		return x >= 1;
	return x >= t->k;
}

/* The corners of a box: ids into out[2^nd], or -1 if one is not a base cell. */
static int corners(const struct supp_table *t, const struct box *b,
		   size_t *out)
{
	uint32_t c[SUPP_MAX_DIMS];

	for (unsigned mask = 0; mask < (1u << b->nd); mask++) {
		long id;

		memcpy(c, coord_of(t, b->pivot), t->ndims * sizeof(*c));
		for (unsigned i = 0; i < b->nd; i++)
			if (mask & (1u << i))
				c[b->dim[i]] = b->alt[i];
		id = lookup(t, c);
		if (id < 0 || !t->base[id])
			return -1;
		out[mask] = (size_t)id;
	}
	return 0;
}

/* Adds the box's +1/-1 to net[] of every item; returns how many touched. */
static size_t spread(struct supp_table *t, const struct box *b,
		     const size_t *corner)
{
	size_t nt = 0;

	for (unsigned mask = 0; mask < (1u << b->nd); mask++) {
		int sign = __builtin_parity(mask) ? -1 : 1;
		size_t c = corner[mask];

		for (size_t i = t->inc_off[c]; i < t->inc_off[c + 1]; i++) {
			size_t it = t->inc[i];

			if (!t->mark[it]) {
				t->mark[it] = 1;
				t->touched[nt++] = it;
			}
			t->net[it] += sign;
		}
	}
	return nt;
}

static void unspread(struct supp_table *t, size_t nt)
{
	for (size_t i = 0; i < nt; i++) {
		t->net[t->touched[i]] = 0;
		t->mark[t->touched[i]] = 0;
	}
}

/*
 * Evaluates box b for target: 1 when admissible with its cost in *cost
 * and the step in b->t, 0 when not (or when it would cost more than
 * limit).
 */
static int evaluate(struct supp_table *t, struct box *b, size_t target,
		    double limit, double *cost)
{
	size_t corner[1u << BOX_MAX_DIMS];
	size_t nt;
	int plus = 1, minus = 1, ok;
	double sum = 0;

	t->evals++;
	if (corners(t, b, corner) < 0)
		return 0;
	nt = spread(t, b, corner);
	ok = t->net[target] != 0;
	for (size_t i = 0; ok && i < nt; i++) {
		size_t it = t->touched[i];
		int d = t->net[it];

		if (d == 0)
			continue;
		if (!hidden(t, it)) {
			if (!may_withhold(t, it)) {
				ok = 0;
				break;
			}
			sum += cost_of(t, it);
			if (sum > limit) {
				ok = 0;
				break;
			}
		}
		plus = plus && in_range(t, it, t->value[it] + d * t->step);
		minus = minus && in_range(t, it, t->value[it] - d * t->step);
		ok = plus || minus;
	}
	/* the direction the target must move in, when one is asked for */
	if (ok && t->dir) {
		int up = t->net[target] * t->dir > 0;

		plus = plus && up;
		minus = minus && !up;
		ok = plus || minus;
	}
	unspread(t, nt);
	if (!ok)
		return 0;
	b->t = plus ? 1 : -1;
	*cost = sum;
	return 1;
}

static int keep_box(struct supp_table *t, const struct box *b)
{
	if (t->nboxes == t->boxcap) {
		size_t cap = t->boxcap ? t->boxcap * 2 : 64;
		struct box *p = realloc(t->boxes, cap * sizeof(*p));

		if (!p)
			return -1;
		t->boxes = p;
		t->boxcap = cap;
	}
	t->boxes[t->nboxes++] = *b;
	return 0;
}

/* Withholds what box b changes and marks it protected. */
static int apply(struct supp_table *t, const struct box *b)
{
	size_t corner[1u << BOX_MAX_DIMS];
	size_t nt;

	if (corners(t, b, corner) < 0)
		return 0;
	nt = spread(t, b, corner);
	for (size_t i = 0; i < nt; i++) {
		size_t it = t->touched[i];

		if (t->net[it] == 0)
			continue;
		if (!hidden(t, it)) {
			t->state[it] = SUPP_SECONDARY;
			t->nsecondary++;
		}
		t->covered[it] = 1;
	}
	unspread(t, nt);
	return keep_box(t, b);
}

static int cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return cmp_u32(&x->val, &y->val);
}

/*
 * The alternatives to pivot's value in dim d, cheapest neighbour first:
 * values whose neighbour cell is a base cell that is withheld or may be.
 * Returns how many (at most max) in out.
 */
static size_t alternatives(const struct supp_table *t, size_t pivot, size_t d,
			   struct cand *out, size_t max, struct cand *tmp)
{
	uint32_t c[SUPP_MAX_DIMS];
	size_t n = 0;

	memcpy(c, coord_of(t, pivot), t->ndims * sizeof(*c));
	for (size_t i = 0; i < t->nvals[d]; i++) {
		long id;

		if (t->vals[d][i] == coord_of(t, pivot)[d])
			continue;
		c[d] = t->vals[d][i];
		id = lookup(t, c);
		if (id < 0 || !t->base[id])
			continue;
		if (!hidden(t, (size_t)id) && !may_withhold(t, (size_t)id))
			continue;
		tmp[n].val = t->vals[d][i];
		tmp[n].cost = hidden(t, (size_t)id) ? 0 : cost_of(t, (size_t)id);
		n++;
	}
	qsort(tmp, n, sizeof(*tmp), cmp_cand);
	if (n > max)
		n = max;
	memcpy(out, tmp, n * sizeof(*out));
	return n;
}

/* Candidates per dim for boxes of nd dims: fewer as boxes grow. */
static size_t per_dim(unsigned nd)
{
	static const size_t k[BOX_MAX_DIMS + 1] = { 1, 64, 12, 5, 3 };

	return k[nd];
}

struct search {
	size_t target;
	struct box best;
	double best_cost;
	int found;
	struct cand *alt[SUPP_MAX_DIMS];   /* per dim, for the pivot */
	size_t nalt[SUPP_MAX_DIMS];
};

/* Tries every combination of alternatives for the dims in b (recursive). */
static void try_combos(struct supp_table *t, struct search *s, struct box *b,
		       unsigned i)
{
	double cost;

	if (s->found && s->best_cost == 0)
		return;
	if (t->evals > EVAL_BUDGET)
		return;
	if (i == b->nd) {
		if (evaluate(t, b, s->target,
			     s->found ? s->best_cost : INFINITY, &cost) &&
		    (!s->found || cost < s->best_cost)) {
			s->best = *b;
			s->best_cost = cost;
			s->found = 1;
		}
		return;
	}
	for (size_t j = 0; j < s->nalt[b->dim[i]] &&
			   j < per_dim(b->nd); j++) {
		b->alt[i] = s->alt[b->dim[i]][j].val;
		try_combos(t, s, b, i + 1);
	}
}

/* Boxes around one pivot, over every set of up to four of its dims. */
static void search_pivot(struct supp_table *t, struct search *s, size_t pivot)
{
	unsigned char dims[SUPP_MAX_DIMS];
	unsigned m = fixed_dims(t, pivot, dims);

	for (unsigned i = 0; i < m; i++) {
		size_t d = dims[i];

		s->nalt[d] = alternatives(t, pivot, d, s->alt[d], per_dim(1),
					  t->cand_tmp);
	}
	for (unsigned nd = 0; nd <= BOX_MAX_DIMS && nd <= m; nd++) {
		for (unsigned mask = 0; mask < (1u << m); mask++) {
			struct box b = { .pivot = pivot, .nd = nd };
			unsigned k = 0;

			if ((unsigned)__builtin_popcount(mask) != nd)
				continue;
			for (unsigned i = 0; i < m; i++)
				if (mask & (1u << i))
					b.dim[k++] = dims[i];
			try_combos(t, s, &b, 0);
		}
	}
}

/* Up to MAX_PIVOTS base cells of item id, largest first. */
static size_t pivots(const struct supp_table *t, size_t id, size_t *out)
{
	size_t n = 0;

	for (size_t m = t->memb_off[id]; m < t->memb_off[id + 1]; m++) {
		size_t c = t->memb[m];
		size_t j = n < MAX_PIVOTS ? n++ : MAX_PIVOTS;

		if (j == MAX_PIVOTS) {
			if (t->value[c] <= t->value[out[MAX_PIVOTS - 1]])
				continue;
			j = MAX_PIVOTS - 1;
		}
		while (j > 0 && t->value[out[j - 1]] < t->value[c]) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = c;
	}
	return n;
}

/* Finds and applies the cheapest box for target; 1 found, 0 not, -1 oom. */
static int protect(struct supp_table *t, size_t target)
{
	struct search s = { .target = target };
	size_t piv[MAX_PIVOTS], np;
	int rc = -1;

	for (size_t d = 0; d < t->ndims; d++) {
		s.alt[d] = malloc(per_dim(1) * sizeof(*s.alt[d]));
		if (!s.alt[d])
			goto out;
	}
	np = pivots(t, target, piv);
	for (size_t i = 0; i < np; i++)
		search_pivot(t, &s, piv[i]);
	rc = 0;
	if (s.found)
		rc = apply(t, &s.best) < 0 ? -1 : 1;
out:
	for (size_t d = 0; d < t->ndims; d++)
		free(s.alt[d]);
	return rc;
}

/* Protects every withheld item not yet protected; 1 if all were. */
static int protect_all(struct supp_table *t)
{
	int all = 1;

	/* base cells first: their boxes often cover the totals too */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < t->n; i++) {
			int r;

			if (!hidden(t, i) || t->covered[i] ||
			    t->base[i] != (pass == 0))
				continue;
			r = t->evals > EVAL_BUDGET ? 0 : protect(t, i);
			if (r < 0)
				return -1;
			if (r == 0)
				all = 0;
		}
	return all;
}

/* The boxes found so far stay good: withholding more never undoes one. */
static void withhold_all(struct supp_table *t)
{
	t->all = 1;
	t->evals = 0;
	for (size_t i = 0; i < t->n; i++)
		if (!hidden(t, i) && may_withhold(t, i)) {
			t->state[i] = SUPP_SECONDARY;
			t->nsecondary++;
		}
}

/*
 * An item none of whose base cells counts anything (a source's total over
 * parts that are all 0) cannot be worked out from them, nor moved by a box.
 */
static int vacuous(const struct supp_table *t, size_t id)
{
	for (size_t m = t->memb_off[id]; m < t->memb_off[id + 1]; m++)
		if (t->value[t->memb[m]] != 0)
			return 0;
	return 1;
}

/*
 * The last resort: a small count that even a table with everything else
 * withheld cannot hide is one that its own "<k" mark, with those of the
 * counts around it, gives away (k-1 counts of 1 under a total of k-1).  It
 * is marked "x" instead, which says nothing of its size.  When what is left
 * unprotected is not small itself but hemmed in by small neighbours, every
 * small count of the table is masked: then +1 on any base cell is a box.
 * Boxes found before stay good (a wider range never undoes one).  Returns
 * 1 when it masked anything.
 */
static int mask(struct supp_table *t)
{
	int changed = 0, left = 0;

	t->evals = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (!hidden(t, i) || t->covered[i])
			continue;
		if (vacuous(t, i)) {
			t->covered[i] = 1;
		} else if (t->state[i] == SUPP_PRIMARY) {
			t->state[i] = SUPP_MASKED;
			t->nmasked++;
			changed = 1;
		} else {
			left = 1;
		}
	}
	for (size_t i = 0; left && !changed && i < t->n; i++)
		if (t->state[i] == SUPP_PRIMARY) {
			t->state[i] = SUPP_MASKED;
			t->nmasked++;
		}
	return changed || left;
}

int supp_run(struct supp_table *t)
{
	int r;

	if (t->ran)
		return 0;
	t->ran = 1;
	if (t->k < 2 || t->n == 0)
		return 0;
	for (size_t i = 0; i < t->n; i++)
		if (t->value[i] > 0 && t->value[i] < t->k) {
			t->state[i] = SUPP_PRIMARY;
			t->nprimary++;
		}
	if (t->nprimary == 0)
		return 0;
	if (supp_build(t) < 0)
		return -1;
	r = protect_all(t);
	if (r == 0) {
		withhold_all(t);
		r = protect_all(t);
	}
	for (int round = 0; r == 0 && round < 3 && mask(t); round++)
		r = protect_all(t);
	return r < 0 ? -1 : 0;
}


/* ---- verification ---- */

/*
 * Recomputes a box: its corners, the change of every item through the
 * incidence lists, and whether each changed item is withheld and stays in
 * its range at the box's step.  Marks the changed items in ok.
 */
static int check_box(const struct supp_table *t, const struct box *b,
		     int *net, unsigned char *mark, size_t *touched,
		     unsigned char *ok)
{
	size_t corner[1u << BOX_MAX_DIMS];
	size_t nt = 0;
	int good = 1;

	if ((b->t != 1 && b->t != -1) || corners(t, b, corner) < 0)
		return 0;
	for (unsigned mask = 0; mask < (1u << b->nd); mask++) {
		size_t c = corner[mask];

		for (size_t i = t->inc_off[c]; i < t->inc_off[c + 1]; i++) {
			size_t it = t->inc[i];

			if (!mark[it]) {
				mark[it] = 1;
				touched[nt++] = it;
			}
			net[it] += __builtin_parity(mask) ? -1 : 1;
		}
	}
	for (size_t i = 0; i < nt; i++) {
		size_t it = touched[i];

		if (net[it] != 0 && !(hidden(t, it) &&
		    in_range(t, it, t->value[it] + b->t * net[it])))
			good = 0;
	}
	for (size_t i = 0; i < nt; i++) {
		if (good && net[touched[i]] != 0)
			ok[touched[i]] = 1;
		net[touched[i]] = 0;
		mark[touched[i]] = 0;
	}
	return good;
}

size_t supp_check(const struct supp_table *t)
{
	unsigned char *ok = NULL, *mark = NULL;
	int *net = NULL;
	size_t *touched = NULL;
	size_t bad = 0;

	if (!t->ran || t->nprimary == 0)
		return 0;
	ok = calloc(t->n, 1);
	net = calloc(t->n, sizeof(*net));
	mark = calloc(t->n, 1);
	touched = malloc(t->n * sizeof(*touched));
	if (!ok || !net || !mark || !touched) {
		bad = t->nprimary + t->nsecondary;
		goto out;
	}
	for (size_t i = 0; i < t->nboxes; i++)
		check_box(t, &t->boxes[i], net, mark, touched, ok);
	for (size_t i = 0; i < t->n; i++)
		bad += hidden(t, i) && !ok[i] && !vacuous(t, i);
out:
	free(ok);
	free(mark);
	free(net);
	free(touched);
	return bad;
}

int supp_escalate(struct supp_table *t, const unsigned char *failing)
{
	int changed = 0;

	if (!t->memb_off)
		return 0;
	if (!t->all) {
		withhold_all(t);
		changed = 1;
	} else {
		/* the failing small counts; when none is, every small count
		   (what narrows an "x" is then its small neighbours' marks) */
		for (int pass = 0; pass < 2 && !changed; pass++)
			for (size_t i = 0; i < t->n; i++)
				if ((pass || failing[i]) &&
				    t->state[i] == SUPP_PRIMARY) {
					t->state[i] = SUPP_MASKED;
					t->nmasked++;
					changed = 1;
				}
	}
	if (changed && protect_all(t) < 0)
		return -1;
	return changed;
}

int supp_box_step(struct supp_table *t, size_t target, int step, int dir)
{
	int r;

	if (step < 1)
		return 1;
	t->step = step;
	t->dir = dir;
	t->evals = 0;
	r = protect(t, target);
	t->step = 1;
	t->dir = 0;
	return r;
}
