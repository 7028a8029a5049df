/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_NORMALISE_H
#define RECKON_NORMALISE_H

#include <stddef.h>
#include <stdio.h>

#include "config.h"
#include "error.h"
#include "progress.h"

/*
 * reckon-normalise's work (issue 4): raw tidy rows in, comparable ones out.
 *
 *   open    loads the code lists named by the config, checks them and the
 *           rules against each other;
 *   read    streams one raw tidy file: each row's labels are mapped to
 *           codes, its period parsed and put in the pipeline's grain, its
 *           value checked, and it is summed into its output cell or
 *           written to rejects.csv with the reasons; rows outside the
 *           pipeline's period range are counted and dropped;
 *   finish  de-cumulates year-to-date sources, flags incomplete periods,
 *           sorts the cells and runs the rules over all of them;
 *   write   the tidy output and unmapped.csv.
 *
 * Only the cells (one per output row) and one entry per distinct label are
 * held; raw rows are not.
 */
struct normaliser;

struct normalise_summary {
	size_t rows_read;         /* raw rows */
	size_t rows_written;      /* output rows */
	size_t rows_summed;       /* raw rows summed into the output rows */
	size_t rows_rejected;     /* raw rows not in the output (rejects.csv) */
	size_t rows_warned;       /* rows kept with a warning (rejects.csv) */
	size_t rows_outside;      /* outside the pipeline's period range */
	size_t rows_dropped;      /* labels outside a list kept by
				     codelists.unmapped: drop */
	size_t incomplete;        /* output rows with a period part missing */
	size_t unmapped_labels;   /* distinct labels no code list knows */
	size_t unmapped_rows;
	size_t rows_unmapped_only; /* rejected rows whose only fault is an
				      unmapped label */
	int unmapped_fail;        /* some are under the fail policy */
	size_t source_totals;     /* the sources' own total rows ("Итого"),
				     checked against their parts, not written */
	size_t source_totals_off; /* of them, figures that are not the sum
				     of their parts (rejects.csv) */
	size_t source_notes;      /* notes printed under the sources' tables */
	size_t hier_parents;      /* categories whose parts are present:
				     checked against them, not written */
	size_t hier_off;          /* of them, not the sum of their parts */
	size_t source_notes_marking; /* of them, notes that call a period's
					figures provisional or revised */
};

/*
 * Sets up from the config: every dimension and the indicator need a code
 * list <codelists.dir>/<name>.csv.  Rejected and flagged rows go to
 * rejects (borrowed; NULL: only counted), called rejects_name in errors.
 * Returns NULL with err set: RK_EXIT_CONFIG for a config or code list
 * problem, RK_EXIT_NOINPUT for a code list that cannot be read.
 */
struct normaliser *normaliser_open(const struct rk_config *cfg, FILE *rejects,
				   const char *rejects_name,
				   struct rk_error *err);

/*
 * Reads one raw tidy file (path "-" is stdin).  Its dimensions must be the
 * pipeline's, in order, and its sources the config's.  Returns 0, or -1
 * with err set (RK_EXIT_NOINPUT, RK_EXIT_DATAERR with file:line).
 */
int normaliser_read(struct normaliser *n, const char *path,
		    struct rk_error *err);

/*
 * Calls fn with arg and the rows read so far every 65536 rows (for a
 * progress line on a terminal); NULL: none.
 */
void normaliser_progress(struct normaliser *n, rk_progress_fn *fn, void *arg);

/* After the last read.  Returns 0, or -1 with err set. */
int normaliser_finish(struct normaliser *n, struct rk_error *err);

/* The tidy output, sorted by key, to out (named name in errors). */
int normaliser_write(struct normaliser *n, FILE *out, const char *name,
		     struct rk_error *err);

/* unmapped.csv to out. */
int normaliser_write_unmapped(struct normaliser *n, FILE *out,
			      const char *name, struct rk_error *err);

void normaliser_summary(const struct normaliser *n,
			struct normalise_summary *s);

/* The first rejected row's reason and origin, "" when none. */
const char *normaliser_first_reject(const struct normaliser *n,
				    const char **origin);

/* --max-rejects: a number of rows, or a percentage of the rows read. */
struct normalise_limit {
	int given;
	int percent;
	double value;
	const char *text;         /* as the user wrote it */
};

/* Where the reports went, for the notes (NULL: not written). */
struct normalise_files {
	const char *rejects;
	const char *unmapped;
};

/*
 * Reads N (a whole number) or P% (0 to 100) into l, which keeps a pointer
 * to s.  Returns 0, or -1 when s is neither.
 */
int normalise_limit_parse(const char *s, struct normalise_limit *l);

#define NORMALISE_NOTES 4

/*
 * What the user should hear after a run, as error records: code
 * RK_EXIT_THRESHOLD for what makes the run exit 1 (unmapped labels under
 * the fail policy, more rejects than limit allows), 0 for a warning
 * (unmapped labels under warn or keep, rejects with no rejects file).
 * Fills up to NORMALISE_NOTES records and returns how many.
 */
int normaliser_notes(const struct normaliser *n,
		     const struct normalise_limit *limit,
		     const struct normalise_files *files,
		     struct rk_error *notes);

/* Flushes rejects; returns -1 with err set when writing them failed. */
int normaliser_close(struct normaliser *n, struct rk_error *err);

#endif
