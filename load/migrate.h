/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_MIGRATE_H
#define RECKON_MIGRATE_H

#include <stddef.h>

#include "db.h"
#include "error.h"

/*
 * The warehouse schema as numbered SQL migrations (load/migrations/
 * NNN_what.sql, built into the program).  They are applied in order, each
 * once, in one transaction, and recorded in reckon.schema_version with
 * their SHA-256, so that an edited released migration is noticed.
 */
struct migration {
	int version;          /* NNN */
	const char *name;     /* "001_initial" */
	const char *sql;      /* the file's text, NUL-terminated */
	size_t len;
};

/* The migrations built in, in order; static storage. */
const struct migration *migrate_list(size_t *n);

/*
 * Checks that versions run 1, 2, ... n without gaps or repeats.  Returns 0,
 * or -1 with err set (RK_EXIT_SOFTWARE: the program was built wrong).
 */
int migrate_check_list(const struct migration *m, size_t n,
		       struct rk_error *err);

/*
 * Acts as the role reckon_loader (SET ROLE) when the schema reckon belongs
 * to it and the session user is a member (load/roles.sql), so that what
 * the load creates and writes belongs to that role whoever loads.  *used
 * (may be NULL) tells whether it did.  Returns 0, or -1 with err set.
 */
int migrate_use_owner(struct rk_db *db, int *used, struct rk_error *err);

/*
 * Brings the schema up to date: creates the schema "reckon" and its
 * version table when missing, then applies the pending migrations, all in
 * one transaction under the warehouse's lock (lock.h: concurrent loads
 * and migrations wait).  *from and
 * *to are the versions before and after (0: none).  Returns 0, or -1 with
 * err set (RK_EXIT_UNAVAILABLE when the database is newer than this
 * program, or a recorded migration differs from the built-in one).
 */
int migrate_apply(struct rk_db *db, int *from, int *to, struct rk_error *err);

/*
 * The version this program's schema is at: the last migration built in.
 */
int migrate_latest(void);

#endif
