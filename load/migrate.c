/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "migrate.h"

#include <stdlib.h>
#include <string.h>

#include "lock.h"
#include "sha256.h"

#include "migrations.h"   /* generated: migration_list[] */

static const char version_table[] =
	"CREATE TABLE reckon.schema_version ("
	" version integer PRIMARY KEY,"
	" name text NOT NULL,"
	" sha256 text NOT NULL,"
	" tool_version text NOT NULL,"
	" applied_at timestamptz NOT NULL DEFAULT now(),"
	" applied_by text NOT NULL DEFAULT session_user)";

const struct migration *migrate_list(size_t *n)
{
	*n = sizeof(migration_list) / sizeof(migration_list[0]);
	return migration_list;
}

int migrate_latest(void)
{
	size_t n;
	const struct migration *m = migrate_list(&n);

	return n ? m[n - 1].version : 0;
}

int migrate_check_list(const struct migration *m, size_t n,
		       struct rk_error *err)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].version != (int)i + 1)
			return rk_error_set(err, RK_EXIT_SOFTWARE, m[i].name, 0,
					    "migration numbers must run 1, 2, "
					    "3...: found %d where %zu belongs",
					    m[i].version, i + 1);
	return 0;
}

static void sql_sha256(const struct migration *m, char hex[RK_SHA256_HEX])
{
	struct rk_sha256 s;
	unsigned char d[32];

	rk_sha256_init(&s);
	rk_sha256_update(&s, m->sql, m->len);
	rk_sha256_final(&s, d);
	rk_sha256_hex(d, hex);
}

int migrate_use_owner(struct rk_db *db, int *used, struct rk_error *err)
{
	PGresult *res;
	int member;

	if (used)
		*used = 0;
	res = rk_db_query(db, "SELECT pg_has_role(session_user, r.oid, "
			      "'MEMBER') FROM pg_namespace n JOIN pg_roles r ON "
			      "r.oid = n.nspowner WHERE n.nspname = 'reckon' "
			      "AND r.rolname = 'reckon_loader'", 0, NULL,
			  "cannot look for the role reckon_loader", err);
	if (!res)
		return -1;
	member = PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (!member)
		return 0;
	if (rk_db_exec(db, "SET ROLE reckon_loader",
		       "cannot act as the role reckon_loader", err) < 0)
		return -1;
	if (used)
		*used = 1;
	return 0;
}

/* Creates the schema and the version table when they are missing. */
static int bootstrap(struct rk_db *db, struct rk_error *err)
{
	PGresult *res = rk_db_query(db, "SELECT to_regnamespace('reckon') IS "
					"NULL, to_regclass('reckon.schema_"
					"version') IS NULL", 0, NULL,
				    "cannot read the schema", err);
	int no_schema, no_table, rc = 0;

	if (!res)
		return -1;
	no_schema = PQgetvalue(res, 0, 0)[0] == 't';
	no_table = PQgetvalue(res, 0, 1)[0] == 't';
	PQclear(res);
	if (no_schema)
		rc = rk_db_exec(db, "CREATE SCHEMA reckon",
				"cannot create the schema reckon", err);
	if (rc == 0 && no_table)
		rc = rk_db_exec(db, version_table,
				"cannot create reckon.schema_version", err);
	return rc;
}

/* Checks one recorded row against the built-in migrations. */
static int check_applied(const char *ver, const char *name, const char *sha,
			 int *from, struct rk_error *err)
{
	size_t n;
	const struct migration *m = migrate_list(&n);
	int v = atoi(ver);
	char hex[RK_SHA256_HEX];

	if (v < 1 || (size_t)v > n) {
		rk_error_set(err, RK_EXIT_UNAVAILABLE, NULL, 0,
			     "the database's schema is at version %d (%s), "
			     "newer than this reckon-load knows (%zu)", v,
			     name, n);
		rk_error_hint(err, "use a newer reckon, or another database");
		return -1;
	}
	sql_sha256(&m[v - 1], hex);
	if (strcmp(name, m[v - 1].name) != 0) {
		rk_error_set(err, RK_EXIT_UNAVAILABLE, NULL, 0,
			     "migration %d is '%s' in the database but '%s' in "
			     "this reckon-load", v, name, m[v - 1].name);
		rk_error_hint(err, "use the reckon that migrated the database");
		return -1;
	}
	if (strcmp(hex, sha) != 0) {
		rk_error_set(err, RK_EXIT_UNAVAILABLE, NULL, 0,
			     "migration %s in the database differs from this "
			     "reckon-load's", name);
		rk_error_hint(err, "a released migration is never edited: "
				   "use the reckon that applied it");
		return -1;
	}
	if (v > *from)
		*from = v;
	return 0;
}

static int read_applied(struct rk_db *db, int *from, struct rk_error *err)
{
	PGresult *res = rk_db_query(db, "SELECT version, name, sha256 FROM "
					"reckon.schema_version ORDER BY "
					"version", 0, NULL,
				    "cannot read the schema version", err);
	int rc = 0;

	if (!res)
		return -1;
	*from = 0;
	for (int i = 0; i < PQntuples(res) && rc == 0; i++)
		rc = check_applied(PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
				   PQgetvalue(res, i, 2), from, err);
	PQclear(res);
	return rc;
}

static int apply_one(struct rk_db *db, const struct migration *m,
		     struct rk_error *err)
{
	char what[128], hex[RK_SHA256_HEX], ver[16];
	const char *params[4] = { ver, m->name, hex, RECKON_VERSION };
	PGresult *res;

	snprintf(what, sizeof(what), "cannot apply migration %s", m->name);
	if (rk_db_exec(db, m->sql, what, err) < 0)
		return -1;
	snprintf(ver, sizeof(ver), "%d", m->version);
	sql_sha256(m, hex);
	res = rk_db_query(db, "INSERT INTO reckon.schema_version (version, "
			      "name, sha256, tool_version) VALUES ($1, $2, $3, "
			      "$4)", 4, params, what, err);
	PQclear(res);
	return res ? 0 : -1;
}

int migrate_apply(struct rk_db *db, int *from, int *to, struct rk_error *err)
{
	size_t n;
	const struct migration *m = migrate_list(&n);
	int rc = -1;

	*from = *to = 0;
	if (migrate_check_list(m, n, err) < 0 ||
	    rk_db_exec(db, "BEGIN", "cannot begin the migration", err) < 0)
		return -1;
	if (load_lock(db, "cannot lock the schema", err) < 0 ||
	    bootstrap(db, err) < 0 || read_applied(db, from, err) < 0)
		goto out;
	for (size_t i = (size_t)*from; i < n; i++)
		if (apply_one(db, &m[i], err) < 0)
			goto out;
	if (rk_db_exec(db, "COMMIT", "cannot commit the migration", err) < 0)
		return -1;
	*to = (int)n > *from ? (int)n : *from;
	return 0;
out:
	PQclear(PQexec(rk_db_conn(db), "ROLLBACK"));
	return rc;
}
