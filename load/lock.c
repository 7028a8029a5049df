/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lock.h"

#include <stdio.h>
#include <string.h>

/* The session's lock_timeout, or LOAD_LOCK_WAIT for this transaction when
 * it has none; returns what the wait will be, for the message. */
static const char bound_sql[] =
	"SELECT CASE WHEN current_setting('lock_timeout') = '0'"
	" THEN set_config('lock_timeout', '" LOAD_LOCK_WAIT "', true)"
	" ELSE current_setting('lock_timeout') END";

int load_lock(struct rk_db *db, const char *what, struct rk_error *err)
{
	PGresult *res = rk_db_query(db, bound_sql, 0, NULL, what, err);
	char wait[64];
	int rc = 0;

	if (!res)
		return -1;
	snprintf(wait, sizeof(wait), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	res = PQexec(rk_db_conn(db),
		     "SELECT pg_advisory_xact_lock(" LOAD_LOCK_KEY ")");
	if (PQresultStatus(res) == PGRES_TUPLES_OK) {
		PQclear(res);
		/* back to the session's own timeout for the rest */
		return rk_db_exec(db, "SET LOCAL lock_timeout TO DEFAULT", what,
				  err);
	}
	if (strcmp(rk_db_sqlstate(res), "55P03") == 0) {
		rk_error_set(err, RK_EXIT_UNAVAILABLE, rk_db_target(db), 0,
			     "another load holds the warehouse (waited %s)",
			     wait);
		rk_error_hint(err, "run this load again when the other one has "
				   "finished; to wait longer, set lock_timeout "
				   "(e.g. PGOPTIONS='-c lock_timeout=1h')");
		rc = -1;
	} else {
		rc = rk_db_fail(db, res, what, err);
	}
	PQclear(res);
	return rc;
}
