/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Complementary suppression by least cost, after a failed audit: over the
 * whole table's integer program (columns the base cells, rows the items),
 * shown items are withheld, the cheapest first, while each widens a failing
 * item's interval.
 */
#include <glpk.h>
#include <math.h>
#include <stdlib.h>

#include "suppress_impl.h"

/* Row i's bounds: what is published of item i. */
static void set_row(glp_prob *lp, const struct supp_table *t, size_t i)
{
	int type;
	double lo, hi;

	supp_published_bounds(t, i, &type, &lo, &hi);
	if (t->memb_off[i] == t->memb_off[i + 1] || !supp_sum_of_parts(t, i))
		type = GLP_FR;   /* a source's own total that is not the sum of
				    its parts says nothing of them */
	glp_set_row_bnds(lp, (int)i + 1, type, lo, hi);
}

/* The problem: columns are the base cells, rows the items. */
static glp_prob *problem(const struct supp_table *t, int *col)
{
	glp_prob *lp = glp_create_prob();
	int nb = 0, *ind = malloc((t->n + 1) * sizeof(*ind));
	double *val = malloc((t->n + 1) * sizeof(*val));

	if (!ind || !val) {
		free(ind);
		free(val);
		glp_delete_prob(lp);
		return NULL;
	}
	for (size_t i = 0; i < t->n; i++)
		col[i] = t->base[i] ? ++nb : 0;
	if (nb)
		glp_add_cols(lp, nb);
	for (int c = 1; c <= nb; c++) {
		glp_set_col_bnds(lp, c, GLP_LO, 0, 0);
		glp_set_col_kind(lp, c, GLP_IV);
	}
	glp_add_rows(lp, (int)t->n);
	for (size_t i = 0; i < t->n; i++) {
		int len = 0;

		for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++) {
			ind[++len] = col[t->memb[m]];
			val[len] = 1;
		}
		if (len)
			glp_set_mat_row(lp, (int)i + 1, len, ind, val);
		set_row(lp, t, i);
	}
	free(ind);
	free(val);
	return lp;
}

/* The least (dir GLP_MIN) or largest value of item i; NaN on failure,
 * INFINITY when unbounded. */
static double extreme(glp_prob *lp, const struct supp_table *t,
		      const int *col, size_t i, int dir)
{
	glp_iocp iocp;
	int c, rc;
	double x;

	for (c = 1; c <= glp_get_num_cols(lp); c++)
		glp_set_obj_coef(lp, c, 0);
	for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++)
		glp_set_obj_coef(lp, col[t->memb[m]], 1);
	glp_set_obj_dir(lp, dir);
	glp_init_iocp(&iocp);
	iocp.presolve = GLP_ON;
	iocp.msg_lev = GLP_MSG_OFF;
	rc = glp_intopt(lp, &iocp);
	if (rc == GLP_ENODFS || glp_mip_status(lp) == GLP_UNDEF) {
		/* no primal feasible LP solution or unbounded: unbounded is
		   the only possibility for a feasible table and a maximum */
		return dir == GLP_MAX ? INFINITY : NAN;
	}
	if (rc != 0 || glp_mip_status(lp) != GLP_OPT)
		return NAN;
	x = glp_mip_obj_val(lp);
	return round(x);
}

/*
 * ---- widening: complementary suppression by least cost ----
 *
 * For an item whose interval is too narrow, the shown items are tried in
 * order of cost (their value; totals count four times, so that small cells
 * are withheld before a large aggregate), and the first whose withholding
 * widens the interval is withheld, until the interval is wide enough.
 */

struct cand_item {
	size_t id;
	double cost;
};

static int cmp_cand(const void *a, const void *b)
{
	const struct cand_item *x = a, *y = b;

	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* The width (hi - lo) of item i's interval; -1 when the solver fails. */
static double width(glp_prob *lp, const struct supp_table *t, const int *col,
		    size_t i)
{
	double lo = extreme(lp, t, col, i, GLP_MIN);
	double hi = extreme(lp, t, col, i, GLP_MAX);

	return isnan(lo) || isnan(hi) ? -1 : hi - lo;
}

/* Widens item i; 1 when wide enough, 0 when no candidate helps. */
static int widen_one(glp_prob *lp, struct supp_table *t, const int *col,
		     struct cand_item *cand, size_t i)
{
	for (;;) {
		double lo = extreme(lp, t, col, i, GLP_MIN);
		double hi = extreme(lp, t, col, i, GLP_MAX);
		double w = isnan(lo) || isnan(hi) ? -1 : hi - lo;
		size_t n = 0, j;

		if (supp_audit_wide_enough(t, i, lo, hi))
			return 1;
		for (size_t c = 0; c < t->n; c++)
			if (t->state[c] == SUPP_SHOWN && t->value[c] >= t->k)
				cand[n++] = (struct cand_item){ c,
					(t->value[c] + 1) * (t->base[c] ? 1 : 4) };
		qsort(cand, n, sizeof(*cand), cmp_cand);
		for (j = 0; j < n; j++) {
			size_t c = cand[j].id;

			t->state[c] = SUPP_SECONDARY;
			set_row(lp, t, c);
			if (width(lp, t, col, i) > w) {
				t->nsecondary++;
				break;
			}
			t->state[c] = SUPP_SHOWN;
			set_row(lp, t, c);
		}
		if (j == n)
			return 0;
	}
}

/*
 * Boxes that move item i as far as its interval must reach: a "<k" count
 * to 1 and to k-1, anything else by k-2 either way.  Returns -1 when out
 * of memory.
 */
static int widen_by_boxes(glp_prob *lp, struct supp_table *t, const int *col,
			  size_t i)
{
	double lo = extreme(lp, t, col, i, GLP_MIN);
	double hi = extreme(lp, t, col, i, GLP_MAX);
	double v = t->value[i], k = ceil(t->k);
	int r = 0;

	if (t->state[i] != SUPP_PRIMARY)
		return supp_box_step(t, i, (int)k - 2, 0) < 0 ? -1 : 0;
	if (!(hi >= k - 1))
		r = supp_box_step(t, i, (int)(k - 1 - v), 1);
	if (r >= 0 && !(lo <= 1))
		r = supp_box_step(t, i, (int)(v - 1), -1);
	return r < 0 ? -1 : 0;
}

int supp_widen(struct supp_table *t, const unsigned char *failing)
{
	struct cand_item *cand;
	int *col, all = 1;
	glp_prob *lp;

	if (!t->memb_off)
		return 1;
	cand = malloc((t->n ? t->n : 1) * sizeof(*cand));
	col = calloc(t->n ? t->n : 1, sizeof(*col));
	if (!cand || !col || !(lp = problem(t, col))) {
		free(cand);
		free(col);
		return -1;
	}
	/* boxes first (they withhold the cells that must move together),
	   then single cells by cost for what they leave */
	for (size_t i = 0; i < t->n; i++)
		if (failing[i] && t->state[i] != SUPP_SHOWN &&
		    widen_by_boxes(lp, t, col, i) < 0)
			all = -1;
	glp_delete_prob(lp);
	if (all < 0 || !(lp = problem(t, col))) {
		free(cand);
		free(col);
		return -1;
	}
	for (size_t i = 0; i < t->n; i++)
		if (failing[i] && t->state[i] != SUPP_SHOWN)
			all &= widen_one(lp, t, col, cand, i);
	glp_delete_prob(lp);
	free(cand);
	free(col);
	return all;
}
