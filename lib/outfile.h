/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_OUTFILE_H
#define RECKON_OUTFILE_H

#include <stdio.h>

#include "error.h"

/*
 * An output that appears whole or not at all: written to a temporary name
 * beside the target and renamed over it on commit.  With no path (NULL or
 * "-") it is stdout, committed by flushing; a target that exists and is not
 * a regular file (/dev/stdout, a FIFO) is written in place.
 */
struct rk_out {
	FILE *f;          /* write here */
	char *path;       /* target, NULL for stdout */
	char *tmp;        /* temporary name, NULL when written in place */
};

/* Opens; returns 0, or -1 with err set (RK_EXIT_CANTCREAT). */
int rk_out_open(struct rk_out *o, const char *path, struct rk_error *err);

/*
 * Flushes, syncs and renames into place.  Returns 0, or -1 with err set
 * (RK_EXIT_IOERR) after removing the temporary file.
 */
int rk_out_commit(struct rk_out *o, struct rk_error *err);

/* Discards what was written; safe after a failed open or a commit. */
void rk_out_abort(struct rk_out *o);

#endif
