/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_ROUNDING_H
#define RECKON_COMPARE_ROUNDING_H

#include "error.h"

struct obs_set;
struct mse_data;
struct rk_config;

/*
 * Controlled rounding ahead of every statistic (issue 16): with the
 * config's report.rounding b, the counts of each source that has not
 * published them itself (sources[].published) are rounded to multiples of
 * b, one table per source and indicator (../stats/round.h), so that every
 * figure reckon-compare writes, and so every figure of the brief, is
 * computed from the rounded table: nothing it publishes rests on a true
 * protected count.  A table's sums are kept: a total over a dimension
 * (the dimension blank) is the sum of the rounded counts of its
 * categories, and a year or quarter the sum of its quarters or months,
 * wherever the source's own figures add up.  The capture-recapture
 * counts of case lists are rounded too (case lists are never published).
 * rounded.csv, in the tidy format, holds the rounded observations, which
 * the brief's Data sheet shows.
 */
struct compare_rounding;

/*
 * Rounds s (and m, which may be NULL) in place when the config asks for
 * it; *out is then the rounding (else NULL).  Returns 0, or -1 with err
 * set: RK_EXIT_DATAERR for a protected count below zero, RK_EXIT_SOFTWARE
 * when out of memory or the audit finds a count narrower than the base.
 */
int compare_round(const struct rk_config *c, struct obs_set *s,
		  struct mse_data *m, struct compare_rounding **out,
		  struct rk_error *err);

/*
 * Writes rounded.csv into dir under a temporary name (r may be NULL: then
 * a stale rounded.csv is removed on commit); commit renames it.
 */
int compare_rounding_write(struct compare_rounding *r, const char *dir,
			   struct rk_error *err);
int compare_rounding_commit(struct compare_rounding *r, const char *dir,
			    struct rk_error *err);

void compare_rounding_free(struct compare_rounding *r);

#endif
