/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_LOAD_H
#define RECKON_LOAD_H

#include "db.h"
#include "error.h"
#include "loadrun.h"
#include "progress.h"

/*
 * One load of a tidy CSV file into the warehouse, all or nothing (design.md
 * §4): in one transaction, the rows are checked as they are read (numbers,
 * statuses: tidy.h) and streamed by COPY into a staging table; then merged
 * (merge.h) and recorded in reckon.load_run (loadrun.h).  Any failure, a
 * bad row, a rejected row, a lost connection, rolls everything back.
 * The transaction takes the warehouse's lock first (lock.h), so
 * concurrent loads run one after another.  The schema must be current
 * (migrate.h).  Each source the load changes gets a new edition
 * (edition.h).
 */
struct load_options {
	const char *input;        /* path, or "-" for stdin */
	const char *config;       /* pipeline config to record, or NULL */
	int replace;              /* delete what the file no longer has */
	int dry_run;              /* do everything, then roll back */
	const char *edition;      /* the edition's label, or NULL */
	const char *edition_date; /* its publication date, YYYY-MM-DD, or
				     NULL (then the day it is loaded) */
	char *const *edition_of;  /* SOURCE=LABEL: a source's own label */
	size_t nedition_of;
	char *const *edition_date_of;  /* SOURCE=YYYY-MM-DD */
	size_t nedition_date_of;
	/* called every 65536 rows read, when not NULL */
	rk_progress_fn *progress;
	void *progress_arg;
};

/*
 * Loads; fills *run (id, counts, digests; its input_name and config_name
 * are valid while o lives, its dims only during the call).  Returns 0, or -1 with err set: RK_EXIT_NOINPUT (input or
 * config missing), RK_EXIT_DATAERR (bad row, with file and line; an edition dated
 * before its source's latest),
 * RK_EXIT_UNAVAILABLE (database gone or refusing, or another load held
 * the warehouse past the wait), RK_EXIT_IOERR.
 */
int load_file(struct rk_db *db, const struct load_options *o,
	      struct load_run *run, struct rk_error *err);

#endif
