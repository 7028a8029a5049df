/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_RUNINFO_H
#define RECKON_BRIEF_RUNINFO_H

#include <stddef.h>

#include "error.h"

/*
 * What the brief takes from a run's manifest.json (written by `reckon
 * run`, design.md §3): the run id, the tool version, the mode, the
 * SOURCE_DATE_EPOCH the run had, and the files that went in with their
 * SHA-256 and size; read by lib/manifest, the one reader of the file.
 */
struct brief_manifest_file {
	char *role;              /* "config", "codelist", "input" */
	char *source;            /* inputs: the source id; NULL */
	char *path;
	char *sha256;            /* NULL when not recorded */
	long long size;          /* -1 when not recorded */
	long rows;               /* inputs: rows extracted from its
				    source's edition read; -1 */
	long rows_previous;      /* inputs: rows extracted from its
				    source's edition before (files only,
				    the config's editions:); -1 */
};

struct brief_manifest {
	char *version, *pipeline, *run_id, *mode, *source_date_epoch;
	char *as_of;             /* reckon run --as-of; NULL */
	struct brief_manifest_file *file;
	size_t nfile;
};

/*
 * Reads path into m (zeroed first).  Returns 0, or -1 with err set:
 * RK_EXIT_NOINPUT when it cannot be opened, RK_EXIT_DATAERR when it is
 * not JSON or not an object.  Members that are not there stay NULL.
 * Release m either way.
 */
int brief_manifest_read(struct brief_manifest *m, const char *path,
			struct rk_error *err);

void brief_manifest_release(struct brief_manifest *m);

#endif
