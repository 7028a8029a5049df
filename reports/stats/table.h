/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STATS_TABLE_H
#define RECKON_STATS_TABLE_H

#include <stddef.h>

/*
 * Homogeneity of the distribution of counts over categories between
 * sources: an r x k table of non-negative counts, row i a source, column j a
 * category, stored row-major in x[i * k + j].  Columns whose total is zero
 * carry no information; they are left out of every statistic and get NaN
 * residuals.  Rows whose total is zero make the test undefined.
 */
struct table_test {
	size_t rows, cols;     /* as given */
	size_t used_cols;      /* columns with a positive total */
	double n;              /* grand total */
	double chi2, g2;       /* Pearson X^2 and the likelihood-ratio G^2 */
	double df;             /* (rows - 1)(used_cols - 1) */
	double chi2_p, g2_p;   /* upper tails of chi-squared on df */
	double cramers_v;      /* sqrt(X^2 / (n (min(rows, used_cols) - 1))) */
	double tv;             /* total variation distance of rows 0 and 1 */
	double js;             /* Jensen-Shannon distance (base 2, in [0, 1])
				  of rows 0 and 1 */
	double min_expected;   /* the smallest expected count of a used cell */
	int monte_carlo;       /* chi2_p and g2_p are Monte Carlo (below) */
};

/*
 * Expected counts below this make the chi-squared tail a poor p (Cochran):
 * table_homogeneity then gives Monte Carlo p-values of TABLE_MC_DRAWS tables
 * with the same margins, from the fixed seed TABLE_MC_SEED, for whole
 * counts up to TABLE_MC_MAX_N in all.
 */
#define TABLE_SMALL_EXPECTED 5.0
#define TABLE_MC_DRAWS 10000
#define TABLE_MC_SEED 20241001UL
#define TABLE_MC_MAX_N 1e6

/*
 * Tests the table.  resid, when not NULL, gets the adjusted (standardised)
 * residual of every cell, (O - E) / sqrt(E (1 - row/n) (1 - col/n)).
 * Fields the table cannot define are NaN (df < 1: one category or one
 * source with counts).  tv and js need two rows.  Where an expected count
 * is below TABLE_SMALL_EXPECTED, chi2_p and g2_p are Monte Carlo p-values
 * (monte_carlo set).  Returns 0, or -1 when a count is negative or not
 * finite, or out of memory.
 */
int table_homogeneity(const double *x, size_t rows, size_t cols,
		      struct table_test *t, double *resid);

/*
 * The Monte Carlo p-values of t's X^2 and G^2 (table_mc.c): draws tables
 * with x's margins from their exact conditional distribution (mt19937,
 * seed), p = (1 + as large or larger) / (1 + draws).  Whole counts only.
 * Returns 0, or -1 out of memory.
 */
int table_mc_p(const double *x, size_t rows, size_t cols,
	       const struct table_test *t, size_t draws, unsigned long seed,
	       double *p_chi2, double *p_g2);

#endif
