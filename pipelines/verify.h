/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_VERIFY_H
#define RECKON_VERIFY_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "manifest.h"
#include "run.h"

/*
 * `reckon verify RUN_DIR`: proves that a run can be reproduced.
 *
 *  1. Reads RUN_DIR/manifest.json and hashes the config, code lists and
 *     inputs it records, as they are now: a changed, missing or added
 *     file is a finding.
 *  2. Reruns the pipeline with the recorded mode and sources (and
 *     SOURCE_DATE_EPOCH) into a temporary directory.
 *  3. Compares every file of the two run directories byte for byte,
 *     except log.txt (it holds times) and manifest.json, whose trees are
 *     compared without their "timings" member.
 *
 * Before that, the run's identity: the directory's name must be the
 * manifest's run id, and the run id the hash of what the manifest records
 * (runid.h).  Links in the run directory are never followed: each one, and
 * anything else that is not a regular file, is a finding.  A database run
 * is rerun only where a database is configured (--db, $RECKON_DB, libpq's
 * environment) or the private cluster already runs: verify starts no
 * server.  The run is verified when there is no finding.
 */
enum verify_kind {
	VERIFY_SAME = 0,    /* an output identical in the rerun */
	VERIFY_CHANGED,     /* an input whose digest is not the recorded one */
	VERIFY_MISSING,     /* a recorded input that is gone */
	VERIFY_ADDED,       /* a code list that was not there */
	VERIFY_DIFFERS,     /* an output that differs in the rerun */
	VERIFY_ONLY_RUN,    /* an output the rerun did not write */
	VERIFY_ONLY_RERUN,  /* an output only the rerun wrote */
	VERIFY_NOT_FILE,    /* a link, or anything but a regular file */
	VERIFY_MISNAMED,    /* the directory's name is not the run id */
	VERIFY_BAD_ID       /* the run id is not the hash of the manifest */
};

struct verify_item {
	enum verify_kind kind;
	char *path;         /* inputs: as recorded; outputs: in the run dir */
	char *detail;       /* where it differs, or NULL */
};

struct verify {
	char *run_dir;            /* as given */
	struct manifest recorded;
	char *base;               /* directory the recorded paths are
				     relative to; NULL = the current one */
	struct verify_item *items;
	size_t nitems;
	size_t nfindings;         /* items that are not VERIFY_SAME */
	size_t ninputs_missing;
	char *rerun_out;          /* the rerun's OUT; removed on release */
	char *rerun_dir;          /* the rerun's run directory */
	char *messages;           /* the rerun's stages' stderr on failure */
	int compared;             /* verify_compare went through */
};

/*
 * Reads the run's manifest and finds the directory its paths are
 * relative to: the current one, else the one holding OUT (RUN_DIR/../..).
 * Returns 0, or -1 with err set (RK_EXIT_NOINPUT, RK_EXIT_DATAERR).
 */
int verify_open(struct verify *v, const char *run_dir, struct rk_error *err);

/*
 * Checks the run's identity (its name and run id), then hashes the
 * recorded inputs as they are now (from v->base).
 */
int verify_inputs(struct verify *v, struct rk_error *err);

/*
 * Reruns into a temporary directory with o's self_dir, db_note and
 * progress (mode, sources and output from the manifest).  Returns 0, or
 * -1 with err set (a stage's status in err->code, its message in
 * v->messages; RK_EXIT_UNAVAILABLE for a database run with no database
 * configured and the private cluster not running).
 */
int verify_rerun(struct verify *v, const struct run_options *o,
		 struct rk_error *err);

/*
 * Compares the run directory with the rerun's.  Returns 0, or -1 with err
 * set (RK_EXIT_NOINPUT naming an entry that cannot be read).
 */
int verify_compare(struct verify *v, struct rk_error *err);

/* Writes what was found, one line per file, and the verdict (none when
 * the verification stopped short without a finding: the error says why). */
void verify_write(const struct verify *v, FILE *f);

/* Frees and removes the rerun; accepts a zeroed struct. */
void verify_release(struct verify *v);

#endif
