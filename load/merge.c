/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stage.h"

/* The observation columns and the staged expressions that fill them. */
#define OBS_COLUMNS "source, indicator, period, dims_key, dims, value, " \
		    "status, origin, load_run, first_load_run"
#define OBS_VALUES(p) p "source, " p "indicator, " p "period, " \
		      p "dims_key, " p "dims_key::jsonb, " p "value::numeric, " \
		      p "status, " p "origin"

/* The history's columns; superseded_by comes last, from $1. */
#define HISTORY_COLUMNS "source, indicator, period, dims_key, dims, " \
			"value, status, origin, load_run, first_load_run, " \
			"superseded_by"
#define HISTORY_VALUES(p) p "source, " p "indicator, " p "period, " \
			  p "dims_key, " p "dims, " p "value, " p "status, " \
			  p "origin, " p "load_run, " p "first_load_run"

#define SAME_KEY(a, b) a "source = " b "source AND " a "indicator = " \
			b "indicator AND " a "period = " b "period AND " \
			a "dims_key = " b "dims_key"

/* Whether the warehouse holds any row of the staged sources and
 * indicators: when not, every staged row is new. */
static const char known_sql[] =
	"SELECT EXISTS (SELECT 1 FROM reckon.observation"
	" WHERE source = ANY ($1::text[]) AND indicator = ANY ($2::text[]))";

/* Whether the warehouse is empty, and ours to alter. */
static const char empty_sql[] =
	"SELECT NOT EXISTS (SELECT 1 FROM reckon.observation)"
	" AND pg_has_role(current_user, relowner, 'USAGE')"
	" FROM pg_class WHERE oid = 'reckon.observation'::regclass";

/* The primary key, to build it again (see fill_empty). */
static const char pkey_sql[] =
	"SELECT quote_ident(conname), pg_get_constraintdef(oid)"
	" FROM pg_constraint WHERE contype = 'p'"
	" AND conrelid = 'reckon.observation'::regclass";

/* All rows new: a key twice among them breaks the primary key (23505). */
static const char insert_all_sql[] =
	"INSERT INTO reckon.observation (" OBS_COLUMNS ")"
	" SELECT " OBS_VALUES("s.") ", $1, $1 FROM " STAGE_TABLE " s";

/* In one pass: how many rows are new, and how many changed.  (No ctid:
 * on Citus it names a row within a shard only.) */
static const char classify_sql[] =
	"SELECT count(*) FILTER (WHERE o.source IS NULL),"
	" count(*) FILTER (WHERE o.source IS NOT NULL AND"
	"  (o.value, o.status, o.origin) IS DISTINCT FROM"
	"  (s.value::numeric, s.status, s.origin))"
	" FROM " STAGE_TABLE " s LEFT JOIN reckon.observation o"
	" ON " SAME_KEY("o.", "s.");

/* A key twice in the file: among known keys nothing else would notice
 * (an UPDATE takes either row), so it is looked for. */
static const char repeated_sql[] =
	"SELECT EXISTS (SELECT 1 FROM " STAGE_TABLE " GROUP BY source,"
	" indicator, period, dims_key HAVING count(*) > 1)";

/* The new keys among known ones; a key twice among them breaks the
 * primary key (23505). */
static const char insert_sql[] =
	"INSERT INTO reckon.observation (" OBS_COLUMNS ")"
	" SELECT " OBS_VALUES("s.") ", $1, $1 FROM " STAGE_TABLE " s"
	" WHERE NOT EXISTS (SELECT 1 FROM reckon.observation o"
	"  WHERE " SAME_KEY("o.", "s.") ")";

/* The rows of known keys about to change, as they were, into the history
 * (valid until this load): an edition's figures are never lost. */
static const char keep_changed_sql[] =
	"INSERT INTO reckon.observation_history (" HISTORY_COLUMNS ")"
	" SELECT " HISTORY_VALUES("o.") ", $1 FROM reckon.observation o"
	" JOIN " STAGE_TABLE " s ON " SAME_KEY("o.", "s.") ""
	" WHERE o.load_run <> $1"
	" AND (o.value, o.status, o.origin) IS DISTINCT FROM"
	"  (s.value::numeric, s.status, s.origin)";

/* Known keys whose value, status or origin changed. */
static const char update_sql[] =
	"UPDATE reckon.observation o SET value = s.value::numeric,"
	" status = s.status, origin = s.origin, load_run = $1"
	" FROM " STAGE_TABLE " s WHERE " SAME_KEY("o.", "s.") ""
	" AND o.load_run <> $1"
	" AND (o.value, o.status, o.origin) IS DISTINCT FROM"
	"  (s.value::numeric, s.status, s.origin)";

static const char sources_sql[] =
	"INSERT INTO reckon.source (id, first_load_run)"
	" SELECT unnest($2::text[]), $1 ON CONFLICT (id) DO NOTHING";

/* Hash joins for the big joins (a merge join would sort both sides);
 * the planner still takes index lookups for a small file. */
static const char big_joins_sql[] =
	"ANALYZE " STAGE_TABLE "; SET LOCAL work_mem = '256MB';"
	" SET LOCAL enable_mergejoin = off";

/* Rows of the staged (source, indicator) pairs, inside their staged
 * period range, that the file does not have: withdrawn, so into the
 * history (valid until this load). */
static const char replace_sql[] =
	"WITH r AS (SELECT indicator, source,"
	"  min(reckon.period_start(period)) AS lo,"
	"  max(reckon.period_end(period)) AS hi"
	"  FROM " STAGE_TABLE " GROUP BY indicator, source),"
	" d AS (DELETE FROM reckon.observation o USING r"
	" WHERE o.indicator = r.indicator AND o.source = r.source"
	" AND reckon.period_start(o.period) >= r.lo"
	" AND reckon.period_end(o.period) <= r.hi"
	" AND NOT EXISTS (SELECT 1 FROM " STAGE_TABLE " s"
	"  WHERE s.indicator = o.indicator AND s.source = o.source"
	"  AND s.period = o.period AND s.dims_key = o.dims_key)"
	"  RETURNING o.*)"
	" INSERT INTO reckon.observation_history (" HISTORY_COLUMNS ")"
	" SELECT " HISTORY_VALUES("d.") ", $1 FROM d";

static const char duplicate_sql[] =
	"SELECT b.line, b.origin, a.line, a.origin, b.source, b.indicator,"
	" b.period, b.dims_key FROM " STAGE_TABLE " a JOIN " STAGE_TABLE " b"
	" ON a.indicator = b.indicator AND a.source = b.source"
	" AND a.period = b.period AND a.dims_key = b.dims_key"
	" AND a.line < b.line ORDER BY b.line, a.line LIMIT 1";

/* Tries the staged rows one by one, in line order, into a copy of the
 * observation table's constraints; returns the first one refused. */
static const char probe_sql[] =
	"CREATE FUNCTION pg_temp.reckon_probe() RETURNS TABLE ("
	" bad_line bigint, bad_origin text, bad_message text,"
	" bad_state text) LANGUAGE plpgsql AS $$"
	"DECLARE r record;"
	" BEGIN"
	" CREATE TEMPORARY TABLE observation (LIKE reckon.observation"
	"  INCLUDING CONSTRAINTS) ON COMMIT DROP;"
	" FOR r IN SELECT * FROM " STAGE_TABLE " ORDER BY line LOOP"
	"  BEGIN"
	"   INSERT INTO pg_temp.observation (" OBS_COLUMNS ")"
	"    VALUES (" OBS_VALUES("r.") ", 0, 0);"
	"  EXCEPTION WHEN OTHERS THEN"
	"   bad_line := r.line; bad_origin := r.origin;"
	"   GET STACKED DIAGNOSTICS bad_message = MESSAGE_TEXT,"
	"    bad_state = RETURNED_SQLSTATE;"
	"   RETURN NEXT; RETURN;"
	"  END;"
	" END LOOP;"
	" END $$";

static long long tuples(const PGresult *res)
{
	return strtoll(PQcmdTuples((PGresult *)res), NULL, 10);
}

/* The first repeated key, in err: 1; 0 when there is none; -1 on error. */
static int report_duplicate(struct rk_db *db, const struct load_run *r,
			    struct rk_error *err)
{
	PGresult *res = rk_db_query(db, duplicate_sql, 0, NULL,
				    "cannot look for repeated rows", err);

	if (!res)
		return -1;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return 0;
	}
	rk_error_set(err, RK_EXIT_DATAERR, r->input_name,
		     strtol(PQgetvalue(res, 0, 0), NULL, 10),
		     "observation repeated: line %s (from '%.200s') and this "
		     "row (from '%.200s') are both %.64s, %.64s, %.32s, "
		     "%.200s", PQgetvalue(res, 0, 2), PQgetvalue(res, 0, 3),
		     PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 4),
		     PQgetvalue(res, 0, 5), PQgetvalue(res, 0, 6),
		     PQgetvalue(res, 0, 7));
	rk_error_hint(err, "a file may hold each (source, indicator, period, "
			   "dimensions) once");
	PQclear(res);
	return 1;
}

/* The first row the server refuses, in err: 1; 0 when none; -1 on error. */
static int report_rejected(struct rk_db *db, const struct load_run *r,
			   struct rk_error *err)
{
	PGresult *res;

	if (rk_db_exec(db, probe_sql, "cannot look for the rejected row",
		       err) < 0)
		return -1;
	res = rk_db_query(db, "SELECT * FROM pg_temp.reckon_probe()", 0, NULL,
			  "cannot look for the rejected row", err);
	if (!res)
		return -1;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return 0;
	}
	rk_error_set(err, RK_EXIT_DATAERR, r->input_name,
		     strtol(PQgetvalue(res, 0, 0), NULL, 10),
		     "the database rejected the row from '%.200s': %.400s",
		     PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2));
	if (strcmp(PQgetvalue(res, 0, 3), "22003") == 0)
		rk_error_hint(err, "the warehouse keeps numbers of up to "
				   "131072 digits before the point and 16383 "
				   "after: correct the value");
	else
		rk_error_hint(err, "correct the row: the warehouse's "
				   "constraints refuse it");
	PQclear(res);
	return 1;
}

/*
 * After a step of the merge failed with res on bad data (SQLSTATE class
 * 22 or 23): back to the savepoint, then find the row to blame.  The
 * server's own message stands when no row is found, and for any other
 * failure.  Returns -1.
 */
static int diagnose(struct rk_db *db, const struct load_run *r,
		    const PGresult *res, struct rk_error *err)
{
	const char *st = rk_db_sqlstate(res);
	struct rk_error found = { 0 };
	int rc;

	rk_db_fail(db, res, "cannot merge the rows", err);
	if ((strncmp(st, "22", 2) != 0 && strncmp(st, "23", 2) != 0) ||
	    rk_db_exec(db, "ROLLBACK TO SAVEPOINT merge", "", NULL) < 0)
		return -1;
	if (strcmp(st, "23505") == 0)
		rc = report_duplicate(db, r, &found);
	else
		rc = report_rejected(db, r, &found);
	if (rc == 1 && err)
		*err = found;
	return -1;
}

/* Runs a statement of the merge with the load_run id as $1. */
static PGresult *merge_step(struct rk_db *db, const struct load_run *r,
			    const char *sql)
{
	char run[24];
	const char *params[1] = { run };

	snprintf(run, sizeof(run), "%lld", r->id);
	return PQexecParams(rk_db_conn(db), sql, 1, NULL, params, NULL, NULL,
			    0);
}

static int replace(struct rk_db *db, struct load_run *r, struct rk_error *err);

/* Runs one step; *n gets the rows it wrote.  On failure, finds the row
 * to blame. */
static int write_step(struct rk_db *db, struct load_run *r, const char *sql,
		      long long *n, struct rk_error *err)
{
	PGresult *res = merge_step(db, r, sql);
	int rc = 0;

	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = diagnose(db, r, res, err);
	else
		*n = tuples(res);
	PQclear(res);
	return rc;
}

static int known_keys(struct rk_db *db, const char *sources,
		      const char *indicators, int *known, struct rk_error *err)
{
	const char *params[2] = { sources, indicators };
	PGresult *res = rk_db_query(db, known_sql, 2, params,
				    "cannot read the warehouse", err);

	if (!res)
		return -1;
	*known = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	return 0;
}

static int is_empty(struct rk_db *db, int *empty, struct rk_error *err)
{
	PGresult *res = rk_db_query(db, empty_sql, 0, NULL,
				    "cannot read the warehouse", err);

	if (!res)
		return -1;
	*empty = PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	return 0;
}

/* Drops the primary key; sql gets the statement that builds it again. */
static int drop_key(struct rk_db *db, char *sql, size_t size,
		    struct rk_error *err)
{
	PGresult *res = rk_db_query(db, pkey_sql, 0, NULL,
				    "cannot read the warehouse", err);
	char drop[256];

	if (!res)
		return -1;
	if (PQntuples(res) != 1) {
		PQclear(res);
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "reckon.observation has no primary key");
	}
	snprintf(sql, size, "SET LOCAL maintenance_work_mem = '256MB'; "
		 "ALTER TABLE reckon.observation ADD CONSTRAINT %s %s",
		 PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
	snprintf(drop, sizeof(drop), "ALTER TABLE reckon.observation DROP "
		 "CONSTRAINT %.200s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return rk_db_exec(db, drop, "cannot prepare the warehouse", err);
}

/*
 * Into an empty warehouse (its first load, often years of figures at
 * once), inserting under the primary key costs more than building the key
 * afterwards, by sorting: so the key is dropped, the rows inserted and the
 * key built again, all in the load's transaction (a repeated key then
 * fails the build, 23505, and is reported as ever).  The table is locked
 * meanwhile; it was empty, so no reader loses anything.  *done is 0 when
 * the warehouse was not empty after all, or is not ours to alter (a
 * login granted INSERT only).
 */
static int fill_empty(struct rk_db *db, struct load_run *r, int *done,
		      struct rk_error *err)
{
	PGresult *res;
	char build[1024];
	int empty;

	*done = 0;
	if (is_empty(db, &empty, err) < 0)
		return -1;
	if (!empty)
		return 0;
	if (rk_db_exec(db, "LOCK TABLE reckon.observation IN ACCESS "
		       "EXCLUSIVE MODE", "cannot lock the warehouse", err) < 0 ||
	    is_empty(db, &empty, err) < 0)
		return -1;
	if (!empty)
		return 0;
	if (drop_key(db, build, sizeof(build), err) < 0 ||
	    write_step(db, r, insert_all_sql, &r->inserted, err) < 0)
		return -1;
	res = PQexec(rk_db_conn(db), build);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		diagnose(db, r, res, err);
		PQclear(res);
		return -1;
	}
	PQclear(res);
	*done = 1;
	return 0;
}

/* Rows of known (source, indicator) pairs: classify, then write. */
static int merge_known(struct rk_db *db, struct load_run *r,
		       struct rk_error *err)
{
	PGresult *res;
	long long fresh, changed, kept;
	int repeated;

	if (rk_db_exec(db, big_joins_sql, "cannot prepare the merge", err) < 0)
		return -1;
	res = PQexec(rk_db_conn(db), classify_sql);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		diagnose(db, r, res, err);
		PQclear(res);
		return -1;
	}
	fresh = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	changed = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
	PQclear(res);
	res = rk_db_query(db, repeated_sql, 0, NULL,
			  "cannot look for repeated rows", err);
	if (!res)
		return -1;
	repeated = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (repeated)
		return report_duplicate(db, r, err) != 0 ? -1 :
		       rk_error_set(err, RK_EXIT_SOFTWARE, r->input_name, 0,
				    "a repeated row was counted, then lost");
	if (fresh && write_step(db, r, insert_sql, &r->inserted, err) < 0)
		return -1;
	if (changed && (write_step(db, r, keep_changed_sql, &kept, err) < 0 ||
			write_step(db, r, update_sql, &r->updated, err) < 0))
		return -1;
	if (r->replace && replace(db, r, err) < 0)
		return -1;
	return 0;
}

static int add_sources(struct rk_db *db, const struct load_run *r,
		       const char *sources, struct rk_error *err)
{
	char run[24];
	const char *params[2] = { run, sources };
	PGresult *res;

	snprintf(run, sizeof(run), "%lld", r->id);
	res = rk_db_query(db, sources_sql, 2, params,
			  "cannot record the sources", err);
	PQclear(res);
	return res ? 0 : -1;
}

static int replace(struct rk_db *db, struct load_run *r, struct rk_error *err)
{
	PGresult *res = merge_step(db, r, replace_sql);

	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rk_db_fail(db, res, "cannot delete the rows the file no longer "
			   "has", err);
		PQclear(res);
		return -1;
	}
	r->deleted = tuples(res);
	PQclear(res);
	return 0;
}

int merge_apply(struct rk_db *db, struct load_run *r, const struct stage *st,
		struct rk_error *err)
{
	char *sources = stage_sources(st), *indicators = stage_indicators(st);
	int known, filled = 0, rc = -1;

	r->inserted = r->updated = r->deleted = r->unchanged = 0;
	if (!sources || !indicators) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	if (known_keys(db, sources, indicators, &known, err) < 0 ||
	    rk_db_exec(db, "SAVEPOINT merge", "cannot prepare the merge",
		       err) < 0)
		goto out;
	if (!known && fill_empty(db, r, &filled, err) < 0)
		goto out;
	if (known ? merge_known(db, r, err) < 0
		  : !filled && write_step(db, r, insert_all_sql, &r->inserted,
					 err) < 0)
		goto out;
	if (add_sources(db, r, sources, err) < 0)
		goto out;
	r->unchanged = r->read - r->inserted - r->updated;
	rc = 0;
out:
	free(sources);
	free(indicators);
	return rc;
}
