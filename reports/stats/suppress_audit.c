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
 *
 * The brief's audit (supp_audit_protects) needs less than the extremes:
 * that each interval is wide enough.  Each side is settled, cheapest
 * first, by the true table itself, by a table that differs from it only
 * near the item (a small program), by the relaxation of the item's part
 * (integral: exact; short of the goal: the item fails), by a witness
 * table near the true one, and last by branch and bound on the part.
 * Every value it reports is reached by a consistent integer table, so an
 * interval it finds wide enough is; complementary suppression, which
 * changes what is shown, is in suppress_widen.c.
 */
#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "grow.h"
#include "suppress_impl.h"

/* The bounds what is published puts on item i. */
void supp_published_bounds(const struct supp_table *t, size_t i, int *type,
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
int supp_sum_of_parts(const struct supp_table *t, size_t i)
{
	double s = 0;

	for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++)
		s += t->value[t->memb[m]];
	return fabs(s - t->value[i]) <= 1e-9 * (1 + fabs(s));
}

/*
 * ---- the audit, by parts ----
 *
 * A shown base cell is known to the attacker, so only the withheld base
 * cells are unknowns.  Items that share no unknown cell, through any chain
 * of published sums, do not constrain one another: the unknowns fall into
 * independent parts (the connected components of "in one published sum"),
 * and each withheld item's least and largest value is the known part of
 * its sum plus the extremes of its unknown cells in each part, found by
 * integer programming on that part alone.  The feasible tables are the
 * same as those of the whole table's program (suppress_widen.c builds
 * it); the programs are the size of a part, not of the table.
 */

struct audit_pair {
	size_t part, item;
};

static int cmp_pair(const void *a, const void *b)
{
	const struct audit_pair *x = a, *y = b;

	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

static size_t root_of(size_t *parent, size_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static int unknown(const struct supp_table *t, size_t c)
{
	return t->base[c] && t->state[c] != SUPP_SHOWN;
}

struct audit_work {
	size_t *parent;              /* union-find over items (unknown cells) */
	double *known;               /* per item: the sum of its shown cells */
	int *col;                    /* per item: its column in the part */
	struct audit_pair *obj, *rows, *cols;
	size_t nobj, nrows, ncols, cap_obj, cap_rows;
	size_t *seen;                /* scratch: one item's parts */
	unsigned *nparts;            /* per withheld item: parts it holds */
	size_t *unk_off, *unk;       /* per item: its unknown cells */
	unsigned char *tight;        /* per item: its published bounds
					constrain its base cells (it has
					some, and is their sum) */
	/* the local search (local_reaches) */
	int *lcol, *lrow;            /* per item: column, row, or 0 */
	double *lsum;                /* per row: truth of its local cells */
	size_t *queue, *lrows;
	int *ia, *ja;
	double *ar;
	size_t cap_ia, cap_ja, cap_ar;
	int local;                   /* whether to search near items first */
};

static int push_pair(struct audit_pair **a, size_t *n, size_t *cap,
		     size_t part, size_t item)
{
	if (rk_grow((void **)a, cap, *n + 1, sizeof(**a)) < 0)
		return -1;
	(*a)[(*n)++] = (struct audit_pair){ part, item };
	return 0;
}

/* The parts, the rows of each and the (part, withheld item) objectives. */
static int audit_parts(const struct supp_table *t, struct audit_work *w)
{
	for (size_t i = 0; i < t->n; i++) {
		w->parent[i] = i;
		w->tight[i] = t->memb_off[i] < t->memb_off[i + 1] &&
			      supp_sum_of_parts(t, i);
	}
	for (size_t i = 0; i < t->n; i++) {
		size_t first = SIZE_MAX;

		if (!w->tight[i])
			continue;
		for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++) {
			size_t c = t->memb[m], a, b;

			if (!unknown(t, c))
				continue;
			if (first == SIZE_MAX) {
				first = c;
				continue;
			}
			a = root_of(w->parent, first);
			b = root_of(w->parent, c);
			if (a != b)
				w->parent[b] = a;
		}
	}
	w->ncols = 0;
	for (size_t i = 0; i < t->n; i++) {
		size_t nseen = 0;

		w->known[i] = 0;
		if (unknown(t, i))
			w->cols[w->ncols++] =
				(struct audit_pair){ root_of(w->parent, i), i };
		for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++) {
			size_t c = t->memb[m], r, s;

			if (!unknown(t, c)) {
				w->known[i] += t->value[c];
				continue;
			}
			w->unk_off[i + 1]++;
			r = root_of(w->parent, c);
			for (s = 0; s < nseen && w->seen[s] != r; s++)
				;
			if (s < nseen)
				continue;
			w->seen[nseen++] = r;
			if (w->tight[i] &&
			    push_pair(&w->rows, &w->nrows, &w->cap_rows, r,
				      i) < 0)
				return -1;
			if (t->state[i] != SUPP_SHOWN &&
			    push_pair(&w->obj, &w->nobj, &w->cap_obj, r, i) < 0)
				return -1;
		}
	}
	for (size_t i = 0; i < t->n; i++)
		w->unk_off[i + 1] += w->unk_off[i];
	if (!(w->unk = malloc((w->unk_off[t->n] ? w->unk_off[t->n] : 1) *
			      sizeof(*w->unk))))
		return -1;
	for (size_t i = 0, u = 0; i < t->n; i++)
		for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++)
			if (unknown(t, t->memb[m]))
				w->unk[u++] = t->memb[m];
	qsort(w->cols, w->ncols, sizeof(*w->cols), cmp_pair);
	qsort(w->rows, w->nrows, sizeof(*w->rows), cmp_pair);
	qsort(w->obj, w->nobj, sizeof(*w->obj), cmp_pair);
	return 0;
}

/* The program of one part: its unknown cells, and the rows of the items
 * whose sums hold them, less what is known of those sums. */
static glp_prob *part_problem(const struct supp_table *t, struct audit_work *w,
			      const struct audit_pair *cols, size_t ncols,
			      const struct audit_pair *rows, size_t nrows,
			      int *ind, double *val)
{
	glp_prob *lp = glp_create_prob();

	glp_add_cols(lp, (int)ncols);
	for (size_t c = 0; c < ncols; c++) {
		w->col[cols[c].item] = (int)c + 1;
		glp_set_col_bnds(lp, (int)c + 1, GLP_LO, 0, 0);
		glp_set_col_kind(lp, (int)c + 1, GLP_IV);
	}
	if (nrows)
		glp_add_rows(lp, (int)nrows);
	for (size_t r = 0; r < nrows; r++) {
		size_t i = rows[r].item;
		int len = 0, type;
		double lo, hi;

		for (size_t u = w->unk_off[i]; u < w->unk_off[i + 1]; u++) {
			ind[++len] = w->col[w->unk[u]];
			val[len] = 1;
		}
		glp_set_mat_row(lp, (int)r + 1, len, ind, val);
		supp_published_bounds(t, i, &type, &lo, &hi);
		glp_set_row_bnds(lp, (int)r + 1, type, lo - w->known[i],
				 hi - w->known[i]);
	}
	return lp;
}

/* Branch and bound stops once its best table reaches the goal, once no
 * open node can, or, searching for the goal, after this many nodes (a
 * count, not a clock, so that reruns give the same result). */
#define NODE_BUDGET 2000

struct goal {
	int dir;
	double goal, best;      /* best: the best integer value seen */
	long nodes, budget;     /* budget: LONG_MAX for the extreme itself */
};

static void on_event(glp_tree *tree, void *info)
{
	struct goal *g = info;
	int up = g->dir == GLP_MAX, p;
	double z;

	switch (glp_ios_reason(tree)) {
	case GLP_IBINGO:
		z = round(glp_get_obj_val(glp_ios_get_prob(tree)));
		if (up ? z > g->best : z < g->best)
			g->best = z;
		if (up ? g->best >= g->goal : g->best <= g->goal)
			glp_ios_terminate(tree);
		break;
	case GLP_ISELECT:
		p = glp_ios_best_node(tree);
		z = p ? glp_ios_node_bound(tree, p) : g->best;
		/* searching for the goal, a tree that cannot reach it is
		   done (what it found is short of it: the safe side); the
		   extreme itself needs the whole tree */
		if (++g->nodes > g->budget ||
		    (g->budget != LONG_MAX &&
		     (up ? z < g->goal - 1e-6 : z > g->goal + 1e-6)))
			glp_ios_terminate(tree);
		break;
	default:
		break;
	}
}

/* Branch and bound as the audit runs it: quiet, depth first on the most
 * fractional cell (a table reaching the goal is found soonest so), with
 * the callback that stops it. */
static void branch_parm(glp_iocp *iocp, int presolve,
			void (*cb)(glp_tree *, void *), void *info)
{
	glp_init_iocp(iocp);
	iocp->presolve = presolve;
	iocp->msg_lev = GLP_MSG_OFF;
	iocp->cb_func = cb;
	iocp->cb_info = info;
	iocp->br_tech = GLP_BR_MFV;
	iocp->bt_tech = GLP_BT_DFS;
}

/*
 * ---- the local search: a table that reaches the goal, found nearby ----
 *
 * A table that differs from the true one only in the cells near item i
 * (reached from its cells through published sums of few cells, up to a
 * bound: LOCAL_CELLS, then three and nine times as many) is one of the
 * consistent tables; so when the
 * program over those cells alone, every other cell held at its true value,
 * reaches the goal, the goal is reached.  It is small, so it is quick;
 * where it falls short the whole part is searched.
 */
#define LOCAL_CELLS 120

static int push_entry(struct audit_work *w, size_t *ne, int row, int col)
{
	if (rk_grow((void **)&w->ia, &w->cap_ia, *ne + 2, sizeof(*w->ia)) < 0 ||
	    rk_grow((void **)&w->ja, &w->cap_ja, *ne + 2, sizeof(*w->ja)) < 0 ||
	    rk_grow((void **)&w->ar, &w->cap_ar, *ne + 2, sizeof(*w->ar)) < 0)
		return -1;
	++*ne;
	w->ia[*ne] = row;
	w->ja[*ne] = col;
	w->ar[*ne] = 1;
	return 0;
}

static void local_add(struct audit_work *w, size_t *nq, size_t c)
{
	w->queue[*nq] = c;
	w->lcol[c] = (int)++*nq;
}

/* The cells near item i's (in part), in w->queue[0..return). */
static size_t local_cells(const struct supp_table *t, struct audit_work *w,
			  size_t i, size_t part, size_t most)
{
	size_t nq = 0;

	for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++) {
		size_t c = t->memb[m];

		if (unknown(t, c) && !w->lcol[c] &&
		    root_of(w->parent, c) == part)
			local_add(w, &nq, c);
	}
	for (size_t h = 0; h < nq && nq < most; h++) {
		size_t c = w->queue[h];

		for (size_t x = t->inc_off[c]; x < t->inc_off[c + 1]; x++) {
			size_t r = t->inc[x];

			if (!w->tight[r] ||
			    w->unk_off[r + 1] - w->unk_off[r] > most / 2)
				continue;
			for (size_t u = w->unk_off[r];
			     u < w->unk_off[r + 1] && nq < most; u++)
				if (!w->lcol[w->unk[u]])
					local_add(w, &nq, w->unk[u]);
		}
	}
	return nq;
}

/* The program over the cells near item i: -1 when out of memory. */
static glp_prob *local_problem(const struct supp_table *t,
			       struct audit_work *w, size_t nq, size_t *nr)
{
	size_t ne = 0;
	glp_prob *lp;

	*nr = 0;
	for (size_t q = 0; q < nq; q++) {
		size_t c = w->queue[q];

		for (size_t x = t->inc_off[c]; x < t->inc_off[c + 1]; x++) {
			size_t r = t->inc[x];

			if (!w->tight[r])
				continue;
			if (!w->lrow[r]) {
				w->lrows[(*nr)++] = r;
				w->lrow[r] = (int)*nr;
				w->lsum[r] = 0;
			}
			w->lsum[r] += t->value[c];
			if (push_entry(w, &ne, w->lrow[r], w->lcol[c]) < 0)
				return NULL;
		}
	}
	lp = glp_create_prob();
	glp_add_cols(lp, (int)nq);
	for (size_t q = 1; q <= nq; q++) {
		glp_set_col_bnds(lp, (int)q, GLP_LO, 0, 0);
		glp_set_col_kind(lp, (int)q, GLP_IV);
	}
	if (*nr)
		glp_add_rows(lp, (int)*nr);
	for (size_t x = 0; x < *nr; x++) {
		size_t r = w->lrows[x];
		double lo, hi, rest = t->value[r] - w->lsum[r];
		int type;

		supp_published_bounds(t, r, &type, &lo, &hi);
		glp_set_row_bnds(lp, (int)x + 1, type, lo - rest, hi - rest);
	}
	if (ne)
		glp_load_matrix(lp, (int)ne, w->ia, w->ja, w->ar);
	return lp;
}

/*
 * Whether a table that differs from the true one only near item i has the
 * sum of its cells in part at goal or beyond (dir); -1 when out of memory.
 */
static int local_reaches(const struct supp_table *t, struct audit_work *w,
			 size_t i, size_t part, int dir, double goal,
			 size_t most)
{
	struct goal g = { dir, goal, 0, 0, NODE_BUDGET };
	size_t nq = local_cells(t, w, i, part, most), nr = 0;
	glp_prob *lp = local_problem(t, w, nq, &nr);
	int reached = -1;

	if (lp) {
		glp_iocp iocp;

		for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++) {
			size_t c = t->memb[m];

			if (w->lcol[c]) {
				glp_set_obj_coef(lp, w->lcol[c], 1);
				g.best += t->value[c];
			}
		}
		glp_set_obj_dir(lp, dir);
		branch_parm(&iocp, GLP_ON, on_event, &g);
		if (glp_intopt(lp, &iocp) == 0 &&
		    glp_mip_status(lp) == GLP_OPT) {
			double z = round(glp_mip_obj_val(lp));

			if (dir == GLP_MAX ? z > g.best : z < g.best)
				g.best = z;
		}
		reached = dir == GLP_MAX ? g.best >= goal : g.best <= goal;
		glp_delete_prob(lp);
	}
	for (size_t q = 0; q < nq; q++)
		w->lcol[w->queue[q]] = 0;
	for (size_t x = 0; x < nr; x++)
		w->lrow[w->lrows[x]] = 0;
	return reached;
}

/*
 * ---- witnesses: a table that reaches the goal, near the true one ----
 *
 * Where the relaxation reaches an item's goal at a fractional vertex,
 * branching towards its extreme is slow; a table that merely reaches the
 * goal is all the protection needs.  The witness program asks for the
 * goal as a constraint and the least total change from the true table
 * (x - p + n = truth, p, n >= 0, minimising the sum of p and n): the
 * changes that keep every published sum are small cycles of cells, so its
 * optimum is mostly integral at once, else the first integer table the
 * branching finds will do.  Columns 1..nc are the cells (as in the part's
 * program), then p, then n; rows are the part's, then the nc links, then
 * the goal.
 */
static glp_prob *witness_problem(glp_prob *lp, const struct supp_table *t,
				 const struct audit_pair *cols, int nc)
{
	glp_prob *wp = glp_create_prob();
	int nr, ind[4];
	double val[4] = { 0, 1, -1, 1 };

	glp_copy_prob(wp, lp, GLP_OFF);
	nr = glp_get_num_rows(wp);
	glp_add_cols(wp, 2 * nc);
	glp_add_rows(wp, nc + 1);
	for (int c = 1; c <= nc; c++) {
		glp_set_obj_coef(wp, c, 0);
		glp_set_col_bnds(wp, nc + c, GLP_LO, 0, 0);
		glp_set_col_bnds(wp, 2 * nc + c, GLP_LO, 0, 0);
		glp_set_obj_coef(wp, nc + c, 1);
		glp_set_obj_coef(wp, 2 * nc + c, 1);
		ind[1] = c;
		ind[2] = nc + c;
		ind[3] = 2 * nc + c;
		glp_set_mat_row(wp, nr + c, 3, ind, val);
		glp_set_row_bnds(wp, nr + c, GLP_FX, t->value[cols[c - 1].item],
				 0);
	}
	glp_set_obj_dir(wp, GLP_MIN);
	return wp;
}

/* One part's programs: its cells (lp) and, once needed, its witnesses. */
struct part {
	glp_prob *lp, *wp;
	const struct audit_pair *cols;
	int *ind;
	double *val;
};

struct first {
	long nodes;
	int found;
};

static void on_first(glp_tree *tree, void *info)
{
	struct first *f = info;

	if (glp_ios_reason(tree) == GLP_IBINGO) {
		f->found = 1;
		glp_ios_terminate(tree);
	} else if (glp_ios_reason(tree) == GLP_ISELECT &&
		   ++f->nodes > NODE_BUDGET) {
		glp_ios_terminate(tree);
	}
}

/*
 * Whether an integer table has the sum of item i's cells in this part at
 * goal or beyond (dir); 0 when none was found within the node budget.
 */
static int witness(glp_prob *wp, const struct supp_table *t,
		   const struct audit_work *w, size_t i, size_t part, int dir,
		   double goal, int *ind, double *val)
{
	struct first f = { 0, 0 };
	int nc = glp_get_num_cols(wp) / 3, row = glp_get_num_rows(wp), len = 0;
	int integral = 1;
	glp_smcp smcp;
	glp_iocp iocp;

	for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++) {
		size_t c = t->memb[m];

		if (unknown(t, c) && root_of(w->parent, c) == part) {
			ind[++len] = w->col[c];
			val[len] = 1;
		}
	}
	glp_set_mat_row(wp, row, len, ind, val);
	glp_set_row_bnds(wp, row, dir == GLP_MAX ? GLP_LO : GLP_UP, goal,
			 goal);
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	smcp.meth = GLP_DUALP;
	if (glp_simplex(wp, &smcp) != 0) {
		glp_adv_basis(wp, 0);
		if (glp_simplex(wp, &smcp) != 0)
			return 0;
	}
	if (glp_get_status(wp) != GLP_OPT)
		return 0;
	for (int c = 1; integral && c <= nc; c++) {
		double x = glp_get_col_prim(wp, c);

		integral = fabs(x - round(x)) <= 1e-9 * (1 + fabs(x));
	}
	if (integral)
		return 1;
	branch_parm(&iocp, GLP_OFF, on_first, &f);
	glp_intopt(wp, &iocp);
	return f.found;
}

/*
 * The extreme (dir) of the sum of item i's unknown cells in this part, or
 * enough of it: a value an integer table reaches that is at least as far
 * as goal (±INFINITY: the extreme itself), or the extreme when it falls
 * short of the goal.  truth is that sum in the true table, which is one of
 * the tables.  The relaxation is solved first, from the last basis (only
 * the objective changes between calls): an integral optimum is the integer
 * one, and a bound short of the goal needs no branching.  When the node
 * budget runs out first, the best value reached is returned: short of the
 * goal, so the item counts as too narrow (the safe side).  NaN on failure,
 * INFINITY for an unbounded maximum.
 */
static double part_extreme(struct part *pt, const struct supp_table *t,
			   struct audit_work *w, size_t i, size_t part,
			   int dir, double goal)
{
	struct goal g = { dir, goal, 0, 0,
			  isfinite(goal) ? NODE_BUDGET : LONG_MAX };
	glp_prob *lp = pt->lp;
	glp_smcp smcp;
	glp_iocp iocp;
	int rc, nc = glp_get_num_cols(lp), integral = 1;
	double bound;

	for (int c = 1; c <= nc; c++)
		glp_set_obj_coef(lp, c, 0);
	for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++) {
		size_t c = t->memb[m];

		if (unknown(t, c) && root_of(w->parent, c) == part) {
			glp_set_obj_coef(lp, w->col[c], 1);
			g.best += t->value[c];
		}
	}
	if (dir == GLP_MAX ? g.best >= goal : g.best <= goal)
		return g.best;     /* the true table reaches the goal */
	if (w->local && isfinite(goal) &&
	    local_reaches(t, w, i, part, dir, goal, LOCAL_CELLS) == 1)
		return goal;
	glp_set_obj_dir(lp, dir);
	glp_init_smcp(&smcp);
	smcp.msg_lev = GLP_MSG_OFF;
	if ((rc = glp_simplex(lp, &smcp)) != 0) {
		glp_adv_basis(lp, 0);      /* a stale basis: from a fresh one */
		rc = glp_simplex(lp, &smcp);
	}
	if (rc != 0)
		return NAN;
	if (glp_get_status(lp) == GLP_UNBND)
		return dir == GLP_MAX ? INFINITY : NAN;
	if (glp_get_status(lp) != GLP_OPT)
		return NAN;
	for (int c = 1; integral && c <= nc; c++) {
		double x = glp_get_col_prim(lp, c);

		integral = fabs(x - round(x)) <= 1e-9 * (1 + fabs(x));
	}
	bound = glp_get_obj_val(lp);
	if (integral)
		return round(bound);
	/* an integer table reaches no further than the relaxation: when
	   that is short of the goal, the search is for the extreme itself */
	bound = dir == GLP_MAX ? floor(bound + 1e-9) : ceil(bound - 1e-9);
	if (dir == GLP_MAX ? bound < goal : bound > goal) {
		g.goal = bound;
	} else {
		/* reachable in the relaxation: nearby first, wider, then
		   anywhere in the part */
		for (size_t most = 3 * LOCAL_CELLS;
		     w->local && most <= 9 * LOCAL_CELLS; most *= 3)
			if (local_reaches(t, w, i, part, dir, goal, most) == 1)
				return goal;
		if (!pt->wp)
			pt->wp = witness_problem(lp, t, pt->cols, nc);
		if (witness(pt->wp, t, w, i, part, dir, goal, pt->ind,
			    pt->val))
			return goal;
	}
	if (g.best == g.goal)
		return g.best;
	branch_parm(&iocp, GLP_OFF, on_event, &g);
	rc = glp_intopt(lp, &iocp);
	if (rc == 0 && glp_mip_status(lp) == GLP_OPT)
		return round(glp_mip_obj_val(lp));
	return g.best;
}

static void audit_work_free(struct audit_work *w)
{
	free(w->parent);
	free(w->known);
	free(w->col);
	free(w->obj);
	free(w->rows);
	free(w->cols);
	free(w->seen);
	free(w->nparts);
	free(w->unk_off);
	free(w->unk);
	free(w->tight);
	free(w->lcol);
	free(w->lrow);
	free(w->lsum);
	free(w->queue);
	free(w->lrows);
	free(w->ia);
	free(w->ja);
	free(w->ar);
}

/*
 * Item i's interval in one part (its only one when single), widened to
 * what the protection asks when goals is set, else its extremes.
 */
static void item_interval(struct part *pt, const struct supp_table *t,
			  struct audit_work *w, size_t i, size_t part,
			  int single, int goals, double *lo, double *hi)
{
	double k = ceil(t->k), truth = 0, glo = -INFINITY, ghi = INFINITY;
	double h;

	if (goals && single) {
		for (size_t m = t->memb_off[i]; m < t->memb_off[i + 1]; m++)
			truth += t->value[t->memb[m]];
		if (t->state[i] == SUPP_PRIMARY) {
			glo = 1 - w->known[i];
			ghi = k - 1 - w->known[i];
		} else {
			ghi = truth + k - 2 - w->known[i];
		}
	}
	h = part_extreme(pt, t, w, i, part, GLP_MAX, ghi);
	if (goals && single && t->state[i] != SUPP_PRIMARY)
		glo = h - (k - 2);
	*hi += h;
	*lo += part_extreme(pt, t, w, i, part, GLP_MIN, glo);
}

static int audit_run(const struct supp_table *t, double *lo, double *hi,
		     int goals, int local)
{
	struct audit_work w = { 0 };
	size_t n1 = t->n ? t->n : 1, r = 0, c = 0;
	int *ind = NULL, rc = -1;
	double *val = NULL;

	for (size_t i = 0; i < t->n; i++)
		lo[i] = hi[i] = NAN;
	if (!t->ran || !t->memb_off)
		return 0;               /* nothing withheld: nothing built */
	w.parent = malloc(n1 * sizeof(*w.parent));
	w.known = malloc(n1 * sizeof(*w.known));
	w.col = calloc(n1, sizeof(*w.col));
	w.cols = malloc(n1 * sizeof(*w.cols));
	w.seen = malloc(n1 * sizeof(*w.seen));
	w.nparts = calloc(n1, sizeof(*w.nparts));
	w.unk_off = calloc(n1 + 1, sizeof(*w.unk_off));
	w.tight = malloc(n1);
	w.lcol = calloc(n1, sizeof(*w.lcol));
	w.lrow = calloc(n1, sizeof(*w.lrow));
	w.lsum = malloc(n1 * sizeof(*w.lsum));
	w.queue = malloc(n1 * sizeof(*w.queue));
	w.lrows = malloc(n1 * sizeof(*w.lrows));
	ind = malloc((n1 + 1) * sizeof(*ind));
	val = malloc((n1 + 1) * sizeof(*val));
	if (!w.parent || !w.known || !w.col || !w.cols || !w.seen ||
	    !w.nparts || !w.unk_off || !w.tight || !w.lcol || !w.lrow || !w.lsum ||
	    !w.queue || !w.lrows || !ind || !val || audit_parts(t, &w) < 0)
		goto out;
	glp_term_out(GLP_OFF);
	w.local = local;
	for (size_t i = 0; i < t->n; i++)
		if (t->state[i] != SUPP_SHOWN)
			lo[i] = hi[i] = w.known[i];
	for (size_t o = 0; o < w.nobj; o++)
		w.nparts[w.obj[o].item]++;
	for (size_t o = 0; o < w.nobj;) {
		size_t part = w.obj[o].part, c0, r0, e;
		struct part pt = { NULL, NULL, NULL, ind, val };

		while (c < w.ncols && w.cols[c].part < part)
			c++;
		for (c0 = c; c < w.ncols && w.cols[c].part == part; c++)
			;
		while (r < w.nrows && w.rows[r].part < part)
			r++;
		for (r0 = r; r < w.nrows && w.rows[r].part == part; r++)
			;
		pt.cols = w.cols + c0;
		pt.lp = part_problem(t, &w, pt.cols, c - c0, w.rows + r0,
				     r - r0, ind, val);
		for (e = o; e < w.nobj && w.obj[e].part == part; e++) {
			size_t i = w.obj[e].item;

			item_interval(&pt, t, &w, i, part, w.nparts[i] == 1,
				      goals, &lo[i], &hi[i]);
		}
		glp_delete_prob(pt.lp);
		if (pt.wp)
			glp_delete_prob(pt.wp);
		o = e;
	}
	rc = 0;
out:
	audit_work_free(&w);
	free(ind);
	free(val);
	return rc;
}

int supp_audit(const struct supp_table *t, double *lo, double *hi)
{
	return audit_run(t, lo, hi, 0, 0);
}

int supp_audit_protects(const struct supp_table *t, double *lo, double *hi)
{
	return audit_run(t, lo, hi, 1, 1);
}

int supp_audit_goals(const struct supp_table *t, double *lo, double *hi,
		     int local)
{
	return audit_run(t, lo, hi, 1, local);
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
