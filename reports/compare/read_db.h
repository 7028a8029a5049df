/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_READ_DB_H
#define RECKON_COMPARE_READ_DB_H

#include "editions.h"
#include "obs_set.h"
#include "db.h"
#include "error.h"

/*
 * Reads what reckon-load wrote (reckon.observation) into s: the rows of the
 * sources and indicators s selects (all when it selects none), in one
 * read-only snapshot through a cursor.  Dimensions are the jsonb keys of
 * dims; a key s lacks is added (in name order after s's own).  Values come
 * as numeric text, NULL being missing, exactly as the tidy path reads
 * them.  Returns 0, or -1 with err set: RK_EXIT_NOINPUT when the database
 * has no reckon schema yet, the lib/db.h codes for server errors, and
 * obs_set_add's.
 *
 * With c->as_of (YYYY-MM-DD), the rows are those of each source's edition
 * current on that day (reckon.observation_as_of): a source with no
 * edition by then has none; with c->pinned, those of the editions named
 * (reckon.observation_of_editions).  RK_EXIT_USAGE for a malformed day,
 * RK_EXIT_UNAVAILABLE when the warehouse's schema predates editions.
 */
int compare_read_db(struct obs_set *s, struct rk_db *db,
		    const struct compare_editions_choice *c,
		    struct rk_error *err);

#endif
