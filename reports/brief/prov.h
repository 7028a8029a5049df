/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_PROV_H
#define RECKON_BRIEF_PROV_H

#include "brief.h"

/*
 * The verbs of struct brief that brief_load calls in turn (brief.h has the
 * struct): where each file came from and when the brief is dated
 * (prov.c), and the pairs of the comparisons (pairs.c).
 */

/*
 * Adds a file read for the brief, hashed now; rows is its data rows or -1.
 * The path shown drops the directories of run-specific files (results,
 * data, quality files): "results/cells.csv", "tidy.csv", so that a rerun
 * elsewhere writes the same brief.  Returns 0, or -1 with err set.
 */
int brief_prov_add(struct brief *b, const char *role, const char *path,
		   long rows, struct rk_error *err);

/* The config and its code lists.  Returns 0, or -1 with err set. */
int brief_prov_config(struct brief *b, const struct brief_options *o,
		      struct rk_error *err);

/*
 * The run: the manifest's run id, version and inputs (or the config's
 * source files when there is no manifest), the database target, and the
 * time the brief is dated: SOURCE_DATE_EPOCH, else the run's recorded
 * SOURCE_DATE_EPOCH, else (for a run) the day after the pipeline's period,
 * else the clock.  Returns 0, or -1 with err set (RK_EXIT_USAGE for a
 * SOURCE_DATE_EPOCH that is not a number or a --db that does not parse).
 */
int brief_prov_run(struct brief *b, const struct brief_options *o,
		   struct rk_error *err);

void brief_prov_release(struct brief *b);

/*
 * The pairs: every reference-against pair of the config's compare
 * entries, then any other pair cells.csv has, each with its rows of the
 * result files and its per-period totals of the compared cells.
 */
int brief_pairs_build(struct brief *b, struct rk_error *err);

#endif
