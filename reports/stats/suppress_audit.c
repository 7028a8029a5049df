/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The audit: what an attacker can learn of each withheld item from what
 * the table publishes, found by integer programming (GLPK), independently
 * of the boxes that chose what to withhold.
 *
 * The unknowns are the base cells, non-negative integers.  Every item is
 * the sum of its base cells, and what is published of it bounds that sum:
 * a shown item equals its value, a "<k" item lies in [1, k-1], an "x" item
 * in [k, inf) (or [1, inf) when it is a masked small count: the attacker is
 * granted knowledge of which ones are).  The interval of a withheld item is
 * the least and the largest value of its sum over the integer tables that
 * satisfy all of this; the true table is one, so they exist.
 */
#include <glpk.h>
#include <math.h>
#include <stdlib.h>

#include "suppress_impl.h"

/* The bounds what is published puts on item i. */
static void published_bounds(const struct supp_table *t, size_t i, int *type,
			     double *lo, double *hi)
{
	*hi = 0;
	switch ((enum supp_state)t->state[i]) {
	case SUPP_SHOWN:
		*type = GLP_FX;
		*lo = *hi = t->value[i];
		break;
	case SUPP_PRIMARY:
		*type = GLP_DB;
		*lo = 1;
		*hi = ceil(t->k) - 1;
		break;
	case SUPP_SECONDARY:
		*type = GLP_LO;
		*lo = ceil(t->k);
		break;
	default:
		*type = GLP_LO;
		*lo = 1;
		break;
	}
}

/* Whether item i's value is the sum of its base cells' values. */
static int is_sum_of_parts(const struct supp_table *t, size_t i)
{
	double s = 0;

	for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++)
		s += t->value[t->memb[m]];
	return fabs(s - t->value[i]) <= 1e-9 * (1 + fabs(s));
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
		int type, len = 0;
		double lo, hi;

		for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++) {
			ind[++len] = col[t->memb[m]];
			val[len] = 1;
		}
		published_bounds(t, i, &type, &lo, &hi);
		if (!is_sum_of_parts(t, i))
			type = GLP_FR;   /* a source's own total that is not the
					    sum of its parts says nothing of
					    them */
		glp_set_row_bnds(lp, (int)i + 1, len ? type : GLP_FR, lo, hi);
		if (len)
			glp_set_mat_row(lp, (int)i + 1, len, ind, val);
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

int supp_audit(const struct supp_table *t, double *lo, double *hi)
{
	int *col;
	glp_prob *lp;

	for (size_t i = 0; i < t->n; i++)
		lo[i] = hi[i] = NAN;
	if (!t->ran || !t->memb_off)
		return 0;               /* nothing withheld: nothing built */
	if (!(col = calloc(t->n ? t->n : 1, sizeof(*col))))
		return -1;
	glp_term_out(GLP_OFF);
	if (!(lp = problem(t, col))) {
		free(col);
		return -1;
	}
	for (size_t i = 0; i < t->n; i++) {
		if (t->state[i] == SUPP_SHOWN)
			continue;
		lo[i] = extreme(lp, t, col, i, GLP_MIN);
		hi[i] = extreme(lp, t, col, i, GLP_MAX);
	}
	glp_delete_prob(lp);
	free(col);
	return 0;
}

int supp_audit_wide_enough(const struct supp_table *t, size_t i, double lo,
			   double hi)
{
	double k = ceil(t->k);

	if (isnan(lo) || isnan(hi))
		return 0;
	if (t->state[i] == SUPP_PRIMARY)
		return lo <= 1 && hi >= k - 1;
	return hi - lo + 1 >= k - 1;
}
