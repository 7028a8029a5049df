/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_SOURCE_H
#define RECKON_SOURCE_H

#include <stdio.h>

#include "config.h"
#include "error.h"
#include "progress.h"

struct collect;

/*
 * One extraction as the user asked for it: a source of a pipeline config,
 * or a file with a layout given by options.  Strings are borrowed from
 * argv; what the request builds itself it frees in
 * source_request_release.
 */
struct source_request {
	const char *config, *source, *output, *encoding, *delimiter, *file;
	const char *cases_out;        /* --cases-out: the case registers'
					 cases as a case list; NULL */
	const char *forms_summary;    /* --forms-summary: a source of forms
					 summed up as CSV; NULL */
	const char *edition;          /* --edition: with config, the
					 source's edition of that label or
					 date (editions:); NULL: file: */
	int cells, quiet, list_sheets, dry_run;
	rk_progress_fn *progress;    /* for long inputs; NULL for none */
	void *progress_arg;          /* progress's first argument */
	struct rk_layout layout;      /* ad hoc layout from options */
	struct rk_kvlist constants;
	struct rk_strlist dims;       /* --dimensions, split */
	int dims_given;
	struct collect *forms;        /* out: a source of forms (collect.h):
					 who sent which, when, and what keeps
					 any from being read, for the caller
					 to report (also when source_run
					 fails); NULL */
	char warning[2048];           /* out: a warning for the caller to
					 print, "file: ..." ("" none): a
					 forced encoding the text does not
					 look like */
};

void source_request_init(struct source_request *q);

/*
 * Takes one layout option by its long name ("field", "value",
 * "value-header", "constant", "dimensions", "header-row", "header-rows",
 * "sheet", "range", "skip-rows", "stop-at", "sentinel", "period",
 * "decimal").  Returns 0, or -1 if the
 * value is malformed.
 */
int source_request_option(struct source_request *q, const char *name,
			  const char *arg);

/*
 * Runs the request, writing tidy rows (or cells) to out.  Returns 0, or -1
 * with err set.
 */
int source_run(struct source_request *q, FILE *out, struct rk_error *err);

void source_request_release(struct source_request *q);

#endif
