/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_REVISIONS_H
#define RECKON_COMPARE_REVISIONS_H

#include "db.h"
#include "error.h"
#include "editions.h"
#include "obs_set.h"

/*
 * revisions.csv (lib/results.h): for each source s selects, what its
 * chosen edition (editions.h: the latest, the one current on a day, or
 * one named) changed from the edition before it: cells revised (value or status),
 * added and withdrawn, with the old and new values, their difference
 * (exact decimal) and the relative change (new - old) / old.  Rows in
 * source, indicator, period, dimensions order.  Written only when some
 * chosen edition has one before it; else an earlier revisions.csv in the
 * directory is removed, so that the directory says "no revisions known".
 */
struct compare_revisions;

/*
 * Reads them from the warehouse (the selection's sources and indicators;
 * dimensions in s's order).  A warehouse without editions (schema
 * before 002) has none.  Returns NULL with err set (the lib/db.h codes;
 * out of memory).  s, c and their strings are borrowed until
 * compare_revisions_free.
 */
struct compare_revisions *compare_revisions_read(struct rk_db *db,
						 const struct obs_set *s,
						 const struct compare_editions_choice *c,
						 struct rk_error *err);

/*
 * For revisions found elsewhere (revisions_files.h): an empty list that
 * is written even when it stays empty.  NULL with err set.
 */
struct compare_revisions *compare_revisions_new(const struct obs_set *s,
						struct rk_error *err);

/*
 * Appends a row (copied): source, indicator, period, old and new value,
 * their exact difference, old and new status, kind, old and new edition,
 * then s's dimensions; NULL fields are empty.  -1 when out of memory.
 */
int compare_revisions_add(struct compare_revisions *r, const char *const *f);

/* How many cells changed (0 also when there is no second edition). */
size_t compare_revisions_count(const struct compare_revisions *r);

/*
 * Writes dir/revisions.csv under a temporary name (nothing when no source
 * has two editions).  Returns 0, or -1 with err set (RK_EXIT_CANTCREAT,
 * RK_EXIT_IOERR).
 */
int compare_revisions_write(struct compare_revisions *r, const char *dir,
			    struct rk_error *err);

/* Renames it into place, or removes a stale one; -1 with err set. */
int compare_revisions_commit(struct compare_revisions *r, struct rk_error *err);

/* Removes an uncommitted file, frees; accepts NULL. */
void compare_revisions_free(struct compare_revisions *r);

#endif
