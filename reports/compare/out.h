/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_OUT_H
#define RECKON_COMPARE_OUT_H

#include <stddef.h>

#include "align.h"
#include "cells.h"
#include "dist.h"
#include "mse.h"
#include "rates.h"
#include "summary.h"
#include "trend.h"
#include "error.h"

/*
 * The result files of reckon-compare under one directory: cells.csv,
 * summary.csv, distribution.csv, trend.csv, with case lists mse.csv, and
 * with denominators rates.csv.
 * Each is written to a temporary name and all are renamed into place by
 * compare_out_commit, only when every one was written whole.  CSV in the
 * C locale; numbers in their shortest round-trip form; figures that are
 * undefined (NaN, infinite) are empty.
 */
struct compare_out;

/* What a row of the pair tables starts with. */
struct compare_pair {
	const char *reference, *against, *indicator;
	double alpha;
};

/*
 * Opens the files in dir (created if missing) and writes their headers;
 * dims are the dimension columns of cells.csv.  Returns NULL with err set
 * (RK_EXIT_CANTCREAT).
 */
struct compare_out *compare_out_open(const char *dir, char *const *dims,
				     size_t ndims, int with_mse, int with_rates,
				     struct rk_error *err);

/* rates.csv: one row per cell of a pair with denominators. */
int compare_out_rates(struct compare_out *o, const struct compare_pair *p,
		      const struct alignment *al, double per,
		      const struct rate_stats *rs, struct rk_error *err);

int compare_out_cells(struct compare_out *o, const struct compare_pair *p,
		      const struct alignment *al, const struct cell_stats *st,
		      struct rk_error *err);

int compare_out_summary(struct compare_out *o, const struct compare_pair *p,
			const struct summary *s, struct rk_error *err);

int compare_out_distribution(struct compare_out *o,
			     const struct compare_pair *p,
			     const struct obs_set *set, const struct dist *d,
			     size_t n, struct rk_error *err);

int compare_out_trend(struct compare_out *o, const struct compare_pair *p,
		      const struct trend *t, struct rk_error *err);

int compare_out_mse(struct compare_out *o, const struct mse_data *d,
		    size_t group, const struct mse_analysis *a,
		    struct rk_error *err);

/* Renames every file into place; -1 with err set (RK_EXIT_IOERR). */
int compare_out_commit(struct compare_out *o, struct rk_error *err);

/* Removes what was written and frees; accepts NULL and committed outputs. */
void compare_out_abort(struct compare_out *o);

/*
 * x in its shortest form that reads back as the same double (C locale,
 * %.17g at most, "-0" as "0"), into buf[32]; "" for NaN and infinities.
 */
const char *compare_number(double x, char *buf);

#endif
