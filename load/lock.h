/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_LOCK_H
#define RECKON_LOCK_H

#include "db.h"
#include "error.h"

/*
 * The warehouse's writer lock: one transaction-level advisory lock on a
 * fixed key, taken first by every load and every migration, so that any
 * number of reckon-load runs into one warehouse serialise instead of
 * racing (a deadlock, or a row two loads both found new).  It is released
 * by the COMMIT or ROLLBACK of the transaction that took it.
 */

/* pg_advisory_xact_lock key: "reckon" in ASCII */
#define LOAD_LOCK_KEY "114101099107111110"

/* How long to wait for another load when the session's lock_timeout is 0
 * (unset); a lock_timeout set for the session (PGOPTIONS, ALTER ROLE)
 * wins. */
#define LOAD_LOCK_WAIT "10min"

/*
 * Takes the lock inside the open transaction, waiting for another load up
 * to the bounded time.  Returns 0, or -1 with err set: RK_EXIT_UNAVAILABLE
 * when another load held the warehouse past the wait (the message says so
 * and what to do), or as rk_db_fail() for other failures, whose message
 * what begins ("cannot lock the warehouse").
 */
int load_lock(struct rk_db *db, const char *what, struct rk_error *err);

#endif
