/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_DB_H
#define RECKON_DB_H

#include <libpq-fe.h>

#include "error.h"

/*
 * The PostgreSQL connection that reckon-load writes through and the later
 * stages read through (design.md §4).  Where it goes, first match wins:
 *
 *   1. the --db argument: a libpq connection string ("host=... dbname=...")
 *      or URI ("postgresql://user@host/db"), or a service ("service=NAME");
 *   2. $RECKON_DB, the same forms;
 *   3. libpq's own environment, when any of PGHOST, PGHOSTADDR, PGPORT,
 *      PGDATABASE, PGUSER or PGSERVICE is set (with the service file and
 *      ~/.pgpass as libpq reads them);
 *   4. the private cluster under $RECKON_HOME (default ./.reckon), created
 *      and started on demand (lib/cluster.h, `reckon db`), unless
 *      $RECKON_DB_NO_START is set (by `reckon verify`): then only a
 *      cluster already running is used.
 *
 * Passwords belong in ~/.pgpass or PGPASSFILE.  Nothing here ever puts a
 * password in a message: targets are shown by rk_db_target(), which drops
 * every password-like option.
 *
 * Failures to connect are RK_EXIT_UNAVAILABLE with the password-free target
 * in err->file and a hint; so is a connection lost later (rk_db_fail()).
 */

/* Which of the four places above the connection came from. */
enum rk_db_via {
	RK_DB_VIA_ARG = 1,      /* --db */
	RK_DB_VIA_ENV,          /* $RECKON_DB */
	RK_DB_VIA_LIBPQ,        /* PG* environment / service file */
	RK_DB_VIA_PRIVATE       /* the private cluster */
};

struct rk_db;

/* Set in the environment: the private cluster is never started here. */
#define RK_DB_NO_START "RECKON_DB_NO_START"

/*
 * Connects.  conninfo is the --db argument or NULL; app is the
 * application_name the server shows (e.g. "reckon-load").  Starts the
 * private cluster when nothing else is configured.  Returns NULL with err
 * set: RK_EXIT_USAGE for a connection string that does not parse (the
 * string itself is never echoed: it may hold a password),
 * RK_EXIT_UNAVAILABLE when the server cannot be reached or refuses us.
 * The caller owns the result (rk_db_close).
 */
struct rk_db *rk_db_open(const char *conninfo, const char *app,
			 struct rk_error *err);

/* The libpq connection, borrowed for the life of db. */
PGconn *rk_db_conn(const struct rk_db *db);

/*
 * The password-free target for messages, like
 * "host=/srv/pg port=5432 dbname=reckon user=etl"; valid while db lives.
 */
const char *rk_db_target(const struct rk_db *db);

/* 1 when the connection string given carried a password (main may warn). */
int rk_db_password_given(const struct rk_db *db);

/* Closes the connection and frees; accepts NULL. */
void rk_db_close(struct rk_db *db);

/*
 * Runs sql (no parameters; several statements allowed) expecting no rows.
 * Returns 0, or -1 with err set by rk_db_fail(db, res, what, err).
 */
int rk_db_exec(struct rk_db *db, const char *sql, const char *what,
	       struct rk_error *err);

/*
 * Runs a parameterised query (text parameters, $1..$n; NULL entries are SQL
 * NULL) and returns its result when it is PGRES_TUPLES_OK or
 * PGRES_COMMAND_OK; the caller PQclear()s it.  NULL with err set otherwise.
 * what names the step for the message, e.g. "cannot read the schema version".
 */
PGresult *rk_db_query(struct rk_db *db, const char *sql, int nparams,
		      const char *const *params, const char *what,
		      struct rk_error *err);

/*
 * Fills err from a failed result (res may be NULL: the message is then the
 * connection's).  The message is "WHAT: SERVER MESSAGE" (lower-cased first
 * letter, no full stop, DETAIL appended).  The code follows the SQLSTATE:
 * a lost connection, class 08, 57P01..57P03, 53xxx, 42501 (privileges) and
 * 3D000 (no such database) are RK_EXIT_UNAVAILABLE with the target in
 * err->file; classes 22 and 23 (bad data) are RK_EXIT_DATAERR; anything
 * else RK_EXIT_SOFTWARE.  A deadlock (40P01) or serialization failure
 * (40001) gets a hint to run again.  Returns -1.
 */
int rk_db_fail(struct rk_db *db, const PGresult *res, const char *what,
	       struct rk_error *err);

/*
 * Whether the table (schema-qualified, e.g. "reckon.observation") exists:
 * 1 or 0, or -1 with err set (what names the step, as for rk_db_query).
 */
int rk_db_has_table(struct rk_db *db, const char *table, const char *what,
		    struct rk_error *err);

/*
 * The SQLSTATE of a failed result ("23505"), or "" when there is none
 * (e.g. the connection was lost).  Borrowed from res.
 */
const char *rk_db_sqlstate(const PGresult *res);

/*
 * v[0..n) as a PostgreSQL array literal for a text[] parameter
 * ({"a","b \"c\""}).  Returns a malloc'd string, NULL when out of memory.
 */
char *rk_db_text_array(char *const *v, size_t n);

/*
 * A password-free display of a connection string or URI: the options set
 * in it, in libpq's order, as key=value pairs (values quoted when needed),
 * without password, sslpassword or any option whose value libpq marks as
 * secret ("*").  An empty string becomes "" (libpq's defaults).  Returns a
 * malloc'd string, or NULL if conninfo does not parse (or out of memory).
 */
char *rk_db_redact(const char *conninfo);

/*
 * Which place the settings come from, given the --db argument (or NULL)
 * and the environment: the pure half of rk_db_open(), for tests.
 */
enum rk_db_via rk_db_choose(const char *conninfo);

#endif
