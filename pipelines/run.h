/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_RUN_H
#define RECKON_RUN_H

#include <stddef.h>

#include "config.h"
#include "error.h"
#include "manifest.h"
#include "plan.h"
#include "rundir.h"

/*
 * `reckon run`: runs a pipeline's stages, each a separate program, into a
 * run directory OUT/PIPELINE/RUNID (design.md §3):
 *
 *   manifest.json  log.txt  raw/SOURCE.csv  tidy.csv  rejects.csv
 *   unmapped.csv  results/NAME.csv  BRIEF.xlsx
 *
 * The directory is built under a temporary name and renamed at the end.
 * A stage that exits 1 (done, thresholds crossed) lets the run go on and
 * makes its status 1; any other failure stops it, and what was built is
 * kept as OUT/PIPELINE/RUNID.failed for inspection.  Timings are kept out
 * of everything but manifest.json's "timings" member and log.txt.
 */

/* Called when a stage starts (seconds < 0) and when it ends. */
typedef void run_progress_fn(const struct manifest_stage *s, size_t step,
			     size_t nsteps, double seconds, void *ctx);

struct run_options {
	const char *out;            /* OUT; NULL = "runs" */
	const char *self_dir;       /* programs are looked for here first */
	int use_db;                 /* load, and compare from the database */
	char *const *only;          /* sources to run; none = all */
	size_t nonly;
	const char *db_note;        /* how the database is reached, for
				       log.txt (no password); NULL */
	const char *as_of;          /* --as-of DAY: load nothing, compare the
				       editions current on DAY; NULL */
	const char *editions;       /* verify: compare exactly the editions
				       of this editions.csv; NULL */
	int replay_load;            /* verify: the load is not run again
				       (the warehouse keeps every edition)
				       but recorded as done */
	run_progress_fn *progress;  /* NULL = none */
	void *ctx;
};

struct run {
	const struct rk_config *cfg;  /* borrowed */
	struct run_options opt;       /* borrowed strings */
	struct plan plan;
	struct manifest m;
	struct rundir dir;
	char *where;        /* the run directory once written (final, or
			       final.failed) */
	char *messages;     /* what stages that ended non-zero said on
			       stderr, in order; NULL when none did */
	int replaced;       /* an earlier run with the same id was replaced */
	FILE *log;
	struct run_hashing *hashing;  /* run_hash_start's thread */
	struct run_hashing **raw;     /* the raw files', one each */
	size_t nraw;
};

/*
 * Plans the run of cfg (borrowed; must outlive r).  Returns 0, or -1 with
 * err set (RK_EXIT_USAGE for an --only id that names no source).
 */
int run_plan(struct run *r, const struct rk_config *cfg,
	     const struct run_options *o, struct rk_error *err);

/*
 * Checks that the inputs exist and the stage programs are found: -1 with
 * err naming the first problem (RK_EXIT_NOINPUT, RK_EXIT_UNAVAILABLE).
 */
int run_check(struct run *r, struct rk_error *err);

/*
 * Hashes the config, code lists and inputs into the manifest and derives
 * the run id (r->m.run_id).  -1 with err set.
 */
int run_hash(struct run *r, struct rk_error *err);

/*
 * run_hash for run_execute: the config and code lists now, the inputs on a
 * second thread while the first stage runs; the run id is set when that
 * thread ends (run_execute waits for it).  -1 with err set.
 */
int run_hash_start(struct run *r, struct rk_error *err);

/*
 * Runs the stages (after run_check and run_hash or run_hash_start).  Returns the run's exit
 * status, 0 or 1, with r->where set; or -1 with err set: a stage's
 * failure carries its exit status in err->code (its own message is in
 * r->messages), and r->where is the .failed directory when one was kept.
 */
int run_execute(struct run *r, struct rk_error *err);

/* The directory the run writes, once hashed: OUT/PIPELINE/RUNID (malloc'd). */
char *run_final_dir(const struct run *r);

/*
 * How the stages will reach the database, given the --db argument (or
 * NULL) and the environment, for log.txt: a connection string without its
 * password, or where the settings come from.  malloc'd; NULL when out of
 * memory.
 */
char *run_db_note(const char *dsn);

/* Frees; removes a half-built directory.  Accepts a zeroed run. */
void run_release(struct run *r);

#endif
