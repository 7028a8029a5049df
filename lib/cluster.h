/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CLUSTER_H
#define RECKON_CLUSTER_H

#include <sys/types.h>

#include "error.h"

/*
 * The private PostgreSQL cluster used when no database is configured
 * (design.md §4, `reckon db`).  It lives under the state directory
 * ($RECKON_HOME, default ./.reckon):
 *
 *   pg/data/     the cluster (initdb on first use; UTF8, C locale)
 *   pg/run/      the Unix socket, mode 0700: the only way in (no TCP,
 *                listen_addresses = ''); local connections are trusted,
 *                so the directory's mode is the access control
 *   pg/server.log, pg/lock
 *
 * Run as root, the server runs as the `postgres` system user (PostgreSQL
 * refuses root): pg/ then belongs to it, and it must be able to reach
 * the state directory.  The PostgreSQL programs are found in
 * $RECKON_PG_BINDIR, else the newest /usr/lib/postgresql/N/bin, else PATH.
 * Starting and stopping take a lock (pg/lock), so that programs started
 * together start the server once.
 */

struct rk_cluster;

/* What rk_cluster_status() found. */
enum rk_cluster_state {
	RK_CLUSTER_ABSENT = 0,   /* no cluster yet (initdb not run) */
	RK_CLUSTER_STOPPED,
	RK_CLUSTER_RUNNING
};

/*
 * Describes the cluster under home (NULL: $RECKON_HOME, else ./.reckon),
 * made absolute.  Touches nothing on disk.  Returns NULL with err set
 * (RK_EXIT_CONFIG when the socket path would be too long for a Unix
 * socket, with a hint to choose a shorter RECKON_HOME).
 */
struct rk_cluster *rk_cluster_open(const char *home, struct rk_error *err);

/*
 * Creates the cluster if needed (initdb, then the database "reckon") and
 * starts the server if it is not running.  *started (may be NULL) is set
 * to 1 when this call started it.  Returns 0, or -1 with err set
 * (RK_EXIT_UNAVAILABLE, with the log file named in the hint).
 */
int rk_cluster_start(struct rk_cluster *c, int *started, struct rk_error *err);

/*
 * Stops the server (fast shutdown: open sessions are rolled back).
 * *stopped (may be NULL) is set to 1 when it was running.
 */
int rk_cluster_stop(struct rk_cluster *c, int *stopped, struct rk_error *err);

/* Finds whether the cluster exists and runs; *pid is the server's or 0. */
int rk_cluster_status(struct rk_cluster *c, enum rk_cluster_state *state,
		      pid_t *pid, struct rk_error *err);

/*
 * The libpq connection string of the cluster, e.g.
 * "host=/home/a/.reckon/pg/run port=5432 dbname=reckon user=reckon"
 * (values quoted when they hold spaces).  Valid while c lives.
 */
const char *rk_cluster_conninfo(const struct rk_cluster *c);

/* The absolute state directory; valid while c lives. */
const char *rk_cluster_home(const struct rk_cluster *c);

/* The server log; valid while c lives. */
const char *rk_cluster_log(const struct rk_cluster *c);

/*
 * The directory holding psql, pg_ctl, initdb, or NULL with err set
 * (RK_EXIT_UNAVAILABLE, hint: install postgresql).  Valid while c lives.
 */
const char *rk_cluster_bindir(struct rk_cluster *c, struct rk_error *err);

/* Frees; accepts NULL.  Leaves the server running. */
void rk_cluster_close(struct rk_cluster *c);

#endif
