/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_RUNDIR_H
#define RECKON_RUNDIR_H

#include "error.h"

/*
 * A run directory, built under a temporary name beside where it will end
 * up (OUT/PIPELINE/.RUNID.tmp.XXXXXX) and renamed into place whole: a
 * reader never sees a half-written run.  An older run with the same id is
 * replaced.  The paths are owned by the struct.
 */
struct rundir {
	char *parent;     /* OUT/PIPELINE */
	char *final;      /* OUT/PIPELINE/RUNID */
	char *tmp;        /* where the run is built; NULL once committed */
};

/*
 * Creates OUT/PIPELINE (and OUT) as needed and the temporary directory
 * with raw/ and results/ in it.  Returns 0, or -1 with err set
 * (RK_EXIT_CANTCREAT).
 */
int rundir_create(struct rundir *d, const char *out, const char *pipeline,
		  const char *run_id, struct rk_error *err);

/* The final name, when the run id was not known at rundir_create. */
int rundir_set_id(struct rundir *d, const char *run_id, struct rk_error *err);

/*
 * Renames the temporary directory to final, or to final + suffix (e.g.
 * ".failed") when suffix is not NULL, replacing what was there.
 * *replaced (may be NULL) is set to 1 when something was.  Returns 0, or
 * -1 with err set (RK_EXIT_IOERR).
 */
int rundir_commit(struct rundir *d, const char *suffix, int *replaced,
		  struct rk_error *err);

/* Removes the temporary directory if it is still there, and frees. */
void rundir_release(struct rundir *d);

/*
 * The entries under dir that are not directories, recursively, as paths
 * relative to dir ("raw/a.csv"), sorted by byte value; names starting
 * with '.' are left out.  Links are listed, never followed (a link to a
 * directory is not descended).  *v and *n are set (free with
 * rundir_list_free).  Returns 0, or -1 with err set (may be NULL):
 * RK_EXIT_NOINPUT naming the entry that cannot be read, and why.
 */
int rundir_list(const char *dir, char ***v, size_t *n, struct rk_error *err);
void rundir_list_free(char **v, size_t n);

/* Creates path and its missing parents (mode 0777 & ~umask). */
int rundir_mkdirs(const char *path, struct rk_error *err);

/* Removes the tree at path (like rm -rf); 0, or -1 with errno set. */
int rundir_remove_tree(const char *path);

#endif
