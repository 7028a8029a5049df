/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_LOADRUN_H
#define RECKON_LOADRUN_H

#include <stddef.h>

#include "db.h"
#include "error.h"
#include "sha256.h"

/*
 * The provenance of one load: its row in reckon.load_run, written inside
 * the load's transaction (begun first, to number the observations it
 * writes; finished last, with the counts and the input's digest), so that
 * a load that does not commit leaves no record either.
 */
struct load_run {
	/* given */
	const char *input_name;            /* path as given, or "stdin" */
	const char *config_name;           /* --config, or NULL */
	char config_sha256[RK_SHA256_HEX]; /* "" without --config */
	int replace;
	char *const *dims;                 /* the file's dimension columns */
	size_t ndims;
	/* found */
	long long id;
	char input_sha256[RK_SHA256_HEX];
	long long input_bytes;
	long long read, inserted, updated, deleted, unchanged;
	long long editions;                /* editions it made (edition.h) */
};

/* Inserts the row (started_at: the transaction's start) and sets r->id. */
int loadrun_begin(struct rk_db *db, struct load_run *r, struct rk_error *err);

/* Writes the digest, counts and finished_at. */
int loadrun_finish(struct rk_db *db, const struct load_run *r,
		   struct rk_error *err);

#endif
