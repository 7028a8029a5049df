/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * brief_publish: the statistics of the protected brief, computed from the
 * protected table.  reckon-compare computed them on every count; where a
 * count is withheld (brief_protect), a figure that depends on it would
 * give it away (an agreement measure at full precision and the other
 * source's figures solve for it; so does a q-value, which depends on every
 * p of its family).  So, for each pair with a withheld cell:
 *
 *   - the cells' own figures (difference, ratio, interval, p, q, flag)
 *     are cleared where either count is withheld;
 *   - the q-values and flags of the other cells are recomputed over the
 *     family of the cells whose counts are both published, and so are the
 *     summary's tested and significant counts;
 *   - the agreement measures (r, rho, CCC, Bland-Altman, GMR, sMAPE, WAPE)
 *     are recomputed over the cells whose counts are both published, and
 *     so is the dispersion that widens the totals' interval (the interval
 *     itself rests on the published totals);
 *   - the distribution tests of a dimension with a withheld category, the
 *     trend of a pair with a withheld period total and the
 *     capture-recapture estimates of lists with a withheld count are
 *     cleared: each is a function of every count it rests on.
 *
 * The figures are written back into the tables the sheets read, so that
 * every sheet shows the same protected figures.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brief.h"
#include "../stats/agree.h"
#include "../stats/disperse.h"
#include "../stats/exact.h"
#include "../stats/fdr.h"

#define LEVEL 0.95                     /* as reckon-compare's CELLS_LEVEL */

static int set_num(struct brief_table *t, size_t r, const char *col, double x)
{
	char buf[40];

	if (!isfinite(x))
		return brief_table_set(t, r, col, "");
	snprintf(buf, sizeof(buf), "%.17g", x);
	return brief_table_set(t, r, col, buf);
}

static int clear(struct brief_table *t, size_t r, const char *const *cols)
{
	for (; *cols; cols++)
		if (brief_table_col(t, *cols) >= 0 &&
		    brief_table_set(t, r, *cols, "") < 0)
			return -1;
	return 0;
}

static const char *const cell_figures[] = {
	"diff", "sym_pct", "ratio", "ratio_lo", "ratio_hi", "p_value",
	"q_value", "flag", NULL
};

/* Whether row r of cells.csv has a count withheld on either side. */
static int cell_withheld(const struct brief *b, size_t r)
{
	return brief_hidden(b->cell_a[r]) || brief_hidden(b->cell_b[r]);
}

/* The flag of a tested cell (reckon-compare's rule, cells.c). */
static const char *flag_of(const struct brief_table *t, size_t r, int sig,
			   double alpha)
{
	if (sig)
		return "significant";
	return exact_too_few(brief_table_num(t, r, "a") +
			     brief_table_num(t, r, "b"), alpha)
		? "too_few" : "within_noise";
}

/* The family of published tests: q and flags again, and the counts. */
static int refit_tests(struct brief *b, struct brief_pair *p)
{
	struct brief_table *t = &b->cells;
	double *pv = malloc((p->ncell ? p->ncell : 1) * sizeof(*pv));
	size_t tested = 0, significant = 0;
	int rc = -1;

	if (!pv)
		return -1;
	for (size_t i = 0; i < p->ncell; i++) {
		size_t r = p->cell[i];
		const char *flag = brief_table_str(t, r, "flag");
		int test = strcmp(flag, "significant") == 0 ||
			   strcmp(flag, "within_noise") == 0 ||
			   strcmp(flag, "too_few") == 0;

		pv[i] = test && !cell_withheld(b, r) ?
			brief_table_num(t, r, "p_value") : NAN;
	}
	if (fdr_bh(pv, p->ncell, pv) < 0)
		goto out;
	for (size_t i = 0; i < p->ncell; i++) {
		size_t r = p->cell[i];
		int sig = pv[i] < p->alpha;

		if (cell_withheld(b, r)) {
			if (clear(t, r, cell_figures) < 0)
				goto out;
			continue;
		}
		if (isnan(pv[i]))
			continue;
		tested++;
		significant += (size_t)sig;
		if (set_num(t, r, "q_value", pv[i]) < 0 ||
		    brief_table_set(t, r, "flag", flag_of(t, r, sig,
							   p->alpha)) < 0)
			goto out;
	}
	rc = 0;
	if (p->summary >= 0)
		rc = set_num(&b->summary, (size_t)p->summary, "tested",
			     (double)tested) |
		     set_num(&b->summary, (size_t)p->summary, "significant",
			     (double)significant);
out:
	free(pv);
	return rc;
}

/*
 * The totals' interval: exact on the published totals, or quasi-Poisson
 * with the dispersion of the published cells when they vary more than
 * counting noise.  Untested totals (no model) stay untested.
 */
static int refit_total(struct brief *b, const struct brief_pair *p,
		       const double *a, const double *v, size_t n)
{
	struct brief_table *s = &b->summary;
	size_t r = (size_t)p->summary;
	double A = brief_table_num(s, r, "total_a");
	double B = brief_table_num(s, r, "total_b");
	struct exact_ratio e = { NAN, NAN, NAN, NAN };
	struct disperse d;
	const char *model = "exact_poisson";

	if (!*brief_table_str(s, r, "total_model"))
		return set_num(s, r, "dispersion", NAN);
	if (disperse_ratio(a, v, n, LEVEL, &d) < 0 ||
	    (d.phi > 1 && disperse_interval(A, B, d.phi, d.df, LEVEL, &d) < 0))
		d.quasi = 0;
	if (d.quasi) {
		e = (struct exact_ratio){ d.ratio, d.lo, d.hi, d.p };
		model = "quasi_poisson";
	} else if (exact_rate_ratio(B, 1, A, 1, LEVEL, &e) < 0) {
		model = "";
	}
	return set_num(s, r, "total_ratio_lo", e.lo) |
	       set_num(s, r, "total_ratio_hi", e.hi) |
	       set_num(s, r, "total_p_value", e.p) |
	       brief_table_set(s, r, "total_model", model) |
	       set_num(s, r, "dispersion", d.phi);
}

/* The agreement measures over the cells both sources publish. */
static int refit_agreement(struct brief *b, struct brief_pair *p)
{
	struct brief_table *s = &b->summary;
	size_t n = 0, r = (size_t)p->summary;
	double *a = malloc((p->ncell ? p->ncell : 1) * sizeof(*a));
	double *v = malloc((p->ncell ? p->ncell : 1) * sizeof(*v));
	struct agree ag;
	int rc = -1;

	if (!a || !v)
		goto out;
	for (size_t i = 0; i < p->ncell; i++) {
		size_t c = p->cell[i];
		double x = brief_table_num(&b->cells, c, "a");
		double y = brief_table_num(&b->cells, c, "b");

		if (isnan(x) || isnan(y))
			continue;
		if (cell_withheld(b, c)) {
			p->left_out++;
			continue;
		}
		a[n] = x;
		v[n++] = y;
	}
	if (agree_compute(a, v, n, LEVEL, &ag) < 0)
		goto out;
	rc = set_num(s, r, "pearson_r", ag.pearson) |
	     set_num(s, r, "spearman_rho", ag.spearman) |
	     set_num(s, r, "ccc", ag.ccc) | set_num(s, r, "ccc_lo", ag.ccc_lo) |
	     set_num(s, r, "ccc_hi", ag.ccc_hi) |
	     set_num(s, r, "ba_pairs", (double)ag.ba_n) |
	     set_num(s, r, "gmr", ag.gmr) | set_num(s, r, "loa_lo", ag.loa_lo) |
	     set_num(s, r, "loa_hi", ag.loa_hi) |
	     set_num(s, r, "smape", ag.smape) | set_num(s, r, "wape", ag.wape) |
	     refit_total(b, p, a, v, n);
out:
	free(a);
	free(v);
	return rc;
}

static int pair_withheld(const struct brief *b, const struct brief_pair *p)
{
	for (size_t i = 0; i < p->ncell; i++)
		if (cell_withheld(b, p->cell[i]))
			return 1;
	return 0;
}

static const char *const trend_figures[] = {
	"estimate", "ci_lo", "ci_hi", "p_value", "deviance", "dispersion",
	NULL
};

/* The trend rests on the totals per period: cleared if one is withheld. */
static int clear_trend(struct brief *b, struct brief_pair *p)
{
	int withheld = 0;

	for (size_t k = 0; k < p->nperiod; k++)
		withheld |= brief_hidden(p->pa_mark[k]) ||
			    brief_hidden(p->pb_mark[k]);
	if (!withheld)
		return 0;
	p->trend_withheld = 1;
	for (size_t i = 0; i < p->ntrend; i++)
		if (clear(&b->trend, p->trend[i], trend_figures) < 0)
			return -1;
	return 0;
}

/* The note too: whether the test was Monte Carlo (an expected count below
 * 5) rests on every count of the table. */
static const char *const dist_figures[] = {
	"share_a", "share_b", "adj_residual", "chi2", "g2", "chi2_p", "g2_p",
	"cramers_v", "tv", "js", "note", NULL
};

/* A dimension's tests rest on all its categories. */
static int clear_distribution(struct brief *b, struct brief_pair *p)
{
	for (size_t i = 0; i < p->ndist; i++) {
		const char *dim = brief_table_str(&b->dist, p->dist[i],
						  "dimension");
		int withheld = 0;
		char *d;

		for (size_t j = 0; j < p->ndist; j++) {
			size_t r = p->dist[j];

			if (strcmp(brief_table_str(&b->dist, r, "dimension"),
				   dim) == 0)
				withheld |= brief_hidden(b->dist_a[r]) ||
					    brief_hidden(b->dist_b[r]);
		}
		if (!withheld)
			continue;
		if (!(d = strdup(dim)))
			return -1;
		for (size_t j = 0; j < p->ndist; j++) {
			size_t r = p->dist[j];

			if (strcmp(brief_table_str(&b->dist, r, "dimension"),
				   d) == 0 &&
			    clear(&b->dist, r, dist_figures) < 0) {
				free(d);
				return -1;
			}
		}
		free(d);
		p->dist_withheld = 1;
	}
	return 0;
}

static const char *const mse_figures[] = {
	"estimate", "se", "ci_lo", "ci_hi", "deviance", "aic", NULL
};

/* The estimates of an indicator's lists rest on all their counts. */
static int clear_mse(struct brief *b)
{
	struct brief_table *t = &b->mse;
	size_t first = 0;

	for (size_t r = 1; r <= t->nrows; r++) {
		int withheld = 0;

		if (r < t->nrows &&
		    strcmp(brief_table_str(t, r, "indicator"),
			   brief_table_str(t, first, "indicator")) == 0)
			continue;
		for (size_t i = first; i < r; i++)
			withheld |= brief_hidden(b->mse_mark[i]);
		for (size_t i = first; withheld && i < r; i++)
			if (clear(t, i, mse_figures) < 0)
				return -1;
		b->mse_withheld += (size_t)withheld;
		first = r;
	}
	return 0;
}

int brief_publish(struct brief *b, struct rk_error *err)
{
	if (b->k == 0)
		return 0;
	for (size_t i = 0; i < b->npair; i++) {
		struct brief_pair *p = &b->pair[i];

		if (clear_trend(b, p) < 0 || clear_distribution(b, p) < 0)
			goto oom;
		if (!pair_withheld(b, p))
			continue;
		if (refit_tests(b, p) < 0 ||
		    (p->summary >= 0 && refit_agreement(b, p) < 0))
			goto oom;
	}
	if (b->mse.nrows && clear_mse(b) < 0)
		goto oom;
	return 0;
oom:
	return rk_error_oom(err);
}
