/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_MSE_H
#define RECKON_COMPARE_MSE_H

#include <stddef.h>

#include "error.h"
#include "../stats/recapture.h"

/*
 * Record-level case lists for capture-recapture: one CSV file per source,
 * one row per case, with a linkage key column whose value is the same for
 * the same case in every list (a case number, a hash of name and date of
 * birth...).  A file with an `indicator` column is split by it; the
 * others count under the indicator "".  A key repeated in one list is
 * one case.
 */
struct mse_list {
	const char *source;      /* borrowed */
	const char *path;        /* borrowed */
};

/* The overlaps of k lists for one indicator. */
struct mse_group {
	char *indicator;
	size_t k;                /* lists, in the order given */
	double *size;            /* k distinct cases per list */
	double *repeats;         /* k keys seen again in the same list */
	double *count;           /* 2^k: cases by capture history (bit i:
				    on list i); count[0] = 0 */
};

struct mse_data {
	char **source;           /* k source ids */
	size_t k;
	struct mse_group *group; /* sorted by indicator */
	size_t ngroups;
};

/*
 * Reads the k lists (2 <= k <= 16; log-linear models need k <=
 * RECAPTURE_MAX_LISTS) keyed by key_column.  Returns 0 with d filled (free with mse_data_free), or -1
 * with err set: RK_EXIT_NOINPUT for a file that cannot be opened,
 * RK_EXIT_DATAERR for malformed CSV, a missing key column or an empty key,
 * RK_EXIT_USAGE for fewer than two lists or more than 16.
 */
int mse_data_read(const struct mse_list *lists, size_t k,
		  const char *key_column, struct mse_data *d,
		  struct rk_error *err);

/* The estimates of one group: Chapman per pair, log-linear for k >= 3. */
struct mse_analysis {
	struct recapture_chapman *pair;  /* k (k - 1) / 2, in order (0,1), (0,2)... */
	double *pair_overlap;      /* the same order: cases on both */
	struct recapture_model *model;   /* sorted by AIC; NULL when k < 3 or k >
				      RECAPTURE_MAX_LISTS */
	size_t nmodels;
	double observed;
};

/* Analyses group g of d.  Returns 0, or -1 when out of memory. */
int mse_analyse(const struct mse_data *d, size_t g, struct mse_analysis *a);

void mse_analysis_release(struct mse_analysis *a);

/* Frees what d owns; accepts a zeroed struct. */
void mse_data_free(struct mse_data *d);

#endif
