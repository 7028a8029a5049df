/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_PLAN_H
#define RECKON_PLAN_H

#include <stddef.h>
#include <stdio.h>

#include "config.h"
#include "error.h"
#include "proc.h"

/*
 * What `reckon run` will do for a pipeline config: the stages in order,
 * each a separate program with its command line, the inputs it reads and
 * the files it writes in the run directory.  The plan borrows the config,
 * which must outlive it; everything else is owned.
 */
enum plan_kind { PLAN_EXTRACT, PLAN_NORMALISE, PLAN_LOAD, PLAN_COMPARE,
		 PLAN_REPORT };

struct plan_step {
	enum plan_kind kind;
	const char *stage;               /* "extract", ... (static) */
	const char *program;             /* "reckon-extract", ... (static) */
	const struct rk_source *source;  /* extract: borrowed; else NULL */
	long edition;                    /* extract: the source's edition it
					    reads (RK_EDITION_LATEST: its
					    file:; else one of editions:) */
	int previous;                    /* files only: a step on the
					    sources' editions before
					    (editions:), writing under
					    previous/ for compare's
					    --previous */
	char *output;                    /* relative to the run directory */
	int skipped;                     /* load with --no-db */
	char *path;                      /* the program found; NULL before
					    plan_find_programs or if absent */
};

/* A file the run reads, and whether it is there. */
struct plan_input {
	char *path;                      /* as the config resolves it */
	const char *source;              /* its source id; NULL for others */
	const char *edition;             /* the name of the source's earlier
					    edition it is a file of; NULL:
					    its file: (borrowed) */
	int exists;
};

struct plan {
	const struct rk_config *cfg;
	int use_db;
	struct plan_step *steps;
	size_t nsteps;
	struct plan_input *inputs;       /* the selected sources' files */
	size_t ninputs;
	char **codelists;                /* *.csv in the code-list directory,
					    sorted */
	size_t ncodelists;
	int codelists_missing;           /* codelists.dir is not a directory */
	char *brief;                     /* the brief's file name */
	const char *run_id;              /* once known (borrowed): compare
					    records its cells under it in
					    the database */
	const char *as_of;               /* reckon run --as-of: nothing is
					    loaded; compare reads the
					    editions of that day (from the
					    database, or without one the
					    config's editions: files); NULL */
	const char *editions;            /* reckon verify: compare reads the
					    editions this editions.csv names
					    (over as_of); NULL */
};

/*
 * Builds the plan for cfg: every source, or those named in only (ids,
 * each naming a source: RK_EXIT_USAGE otherwise), in config order.
 * Without a database (use_db 0), a source with editions: is read in its
 * edition current on as_of (NULL: the latest; a source with no edition
 * on or before as_of is left out) and in the edition before that, which
 * previous steps extract and normalise for compare's --previous.  Looks
 * at the disk only to list the code lists and to see which inputs exist.
 * Returns 0, or -1 with err set.
 */
int plan_build(struct plan *p, const struct rk_config *cfg, int use_db,
	       const char *as_of, char *const *only, size_t nonly,
	       struct rk_error *err);

/* Whether the plan has previous steps (a previous/ directory). */
int plan_has_previous(const struct plan *p);

/*
 * Finds each stage's program (proc_find).  Returns 0 when all are there,
 * else -1 with err naming the first that is not (RK_EXIT_UNAVAILABLE).
 */
int plan_find_programs(struct plan *p, const char *self_dir,
		       struct rk_error *err);

/*
 * Checks the inputs: -1 with err naming the first missing one
 * (RK_EXIT_NOINPUT), else 0.
 */
int plan_check_inputs(const struct plan *p, struct rk_error *err);

/*
 * The command line of step s writing under dir (the run directory, or
 * where it is built).  cmd must be initialised; it is appended to.
 */
int plan_step_cmd(const struct plan *p, const struct plan_step *s,
		  const char *dir, struct proc_cmd *cmd, struct rk_error *err);

/*
 * Writes the plan as `reckon run --dry-run` shows it: the inputs and
 * whether each is there, then each stage's command line with outputs
 * under dir.
 */
int plan_write(const struct plan *p, const char *dir, FILE *f,
	       struct rk_error *err);

/* Frees what the plan owns; accepts a zeroed or half-built plan. */
void plan_release(struct plan *p);

#endif
