/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_EDITIONS_H
#define RECKON_COMPARE_EDITIONS_H

#include "db.h"
#include "error.h"
#include "obs_set.h"

/*
 * Which edition of each source reckon-compare --db reads (issue 22): the
 * latest (the default), those current on a day (--as-of), or exactly
 * those an editions.csv names (--editions: reckon verify reads a run's
 * editions so, whatever the warehouse received after it).  What was read
 * is written to editions.csv (lib/results.h), one row per selected source
 * with an edition, in source order.
 */
/* Room for compare_editions_sql (--editions names 512 editions at most). */
#define COMPARE_EDITIONS_SQL_MAX 16384
#define COMPARE_EDITIONS_MAX 512

struct compare_editions_choice {
	const char *as_of;        /* YYYY-MM-DD, or NULL */
	char *pinned;             /* the ids of --editions as a bigint[]
				     literal ("{3,7}"), or NULL; owned */
};

/*
 * Reads the edition ids of an editions.csv (its first column) into
 * c->pinned.  Returns 0, or -1 with err set (RK_EXIT_NOINPUT,
 * RK_EXIT_DATAERR for a file that is not one, or names more than
 * COMPARE_EDITIONS_MAX).
 */
int compare_editions_pin(struct compare_editions_choice *c, const char *path,
			 struct rk_error *err);

/*
 * The SQL that selects the current editions (columns of reckon.edition,
 * alias e) of the sources in $1 (a text[], NULL: all) under choice c,
 * the day being parameter date_param (NULL but for as_of), into
 * buf[COMPARE_EDITIONS_SQL_MAX]; returns buf.  Used by the revisions and
 * the observations too.
 */
const char *compare_editions_sql(const struct compare_editions_choice *c,
				 int date_param, char *buf);

struct compare_editions;

/*
 * Reads the editions chosen for s's sources.  A warehouse without
 * editions (schema before 002) gives none, and no file.  NULL with err
 * set on failure.  s is borrowed until compare_editions_free.
 */
struct compare_editions *compare_editions_read(struct rk_db *db,
					       const struct obs_set *s,
					       const struct compare_editions_choice *c,
					       struct rk_error *err);

/* Writes dir/editions.csv under a temporary name; -1 with err set. */
int compare_editions_write(struct compare_editions *e, const char *dir,
			   struct rk_error *err);

/* Renames it into place, or removes a stale one; -1 with err set. */
int compare_editions_commit(struct compare_editions *e, struct rk_error *err);

/* Removes an uncommitted file, frees; accepts NULL. */
void compare_editions_free(struct compare_editions *e);

#endif
