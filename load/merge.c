/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stage.h"

/* The observation columns and the staged expressions that fill them. */
#define OBS_COLUMNS "indicator, source, period, dims_key, dims, value, " \
		    "status, origin, load_run, first_load_run"
#define OBS_VALUES(p) p "indicator, " p "source, " p "period, " \
		      p "dims_key, " p "dims_key::jsonb, " p "value::numeric, " \
		      p "status, " p "origin"

static const char upsert_sql[] =
	"WITH m AS ("
	" INSERT INTO reckon.observation AS o (" OBS_COLUMNS ")"
	" SELECT " OBS_VALUES("s.") ", $1, $1 FROM " STAGE_TABLE " s"
	" ON CONFLICT (indicator, source, period, dims_key) DO UPDATE"
	" SET value = excluded.value, status = excluded.status,"
	"  origin = excluded.origin, load_run = excluded.load_run"
	" WHERE (o.value, o.status, o.origin) IS DISTINCT FROM"
	"  (excluded.value, excluded.status, excluded.origin)"
	" RETURNING o.first_load_run = $1 AS fresh)"
	" SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT"
	" fresh) FROM m";

static const char sources_sql[] =
	"INSERT INTO reckon.source (id, first_load_run)"
	" SELECT unnest($2::text[]), $1 ON CONFLICT (id) DO NOTHING";

/* Rows of the staged (source, indicator) pairs, inside their staged
 * period range, that the file does not have. */
static const char replace_sql[] =
	"WITH r AS (SELECT indicator, source,"
	"  min(reckon.period_start(period)) AS lo,"
	"  max(reckon.period_end(period)) AS hi"
	"  FROM " STAGE_TABLE " GROUP BY indicator, source)"
	" DELETE FROM reckon.observation o USING r"
	" WHERE o.indicator = r.indicator AND o.source = r.source"
	" AND reckon.period_start(o.period) >= r.lo"
	" AND reckon.period_end(o.period) <= r.hi"
	" AND NOT EXISTS (SELECT 1 FROM " STAGE_TABLE " s"
	"  WHERE s.indicator = o.indicator AND s.source = o.source"
	"  AND s.period = o.period AND s.dims_key = o.dims_key)";

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
	" bad_line bigint, bad_origin text, bad_period text,"
	" bad_message text, bad_constraint text) LANGUAGE plpgsql AS $$"
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
	"   bad_period := r.period;"
	"   GET STACKED DIAGNOSTICS bad_message = MESSAGE_TEXT,"
	"    bad_constraint = CONSTRAINT_NAME;"
	"   RETURN NEXT; RETURN;"
	"  END;"
	" END LOOP;"
	" END $$";

static long long count_at(const PGresult *res, int col)
{
	return strtoll(PQgetvalue(res, 0, col), NULL, 10);
}

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
		     "the row from '%.200s' repeats line %s (from '%.200s'): "
		     "%.64s, %.64s, %.32s, %.200s", PQgetvalue(res, 0, 1),
		     PQgetvalue(res, 0, 2), PQgetvalue(res, 0, 3),
		     PQgetvalue(res, 0, 4), PQgetvalue(res, 0, 5),
		     PQgetvalue(res, 0, 6), PQgetvalue(res, 0, 7));
	rk_error_hint(err, "a file may hold each (source, indicator, period, "
			   "dimensions) once");
	PQclear(res);
	return -1;
}

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
		     PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 3));
	if (strcmp(PQgetvalue(res, 0, 4), "observation_period_check") == 0)
		rk_error_hint(err, "'%.64s' is not a period like 2024, "
				   "2024-S1, 2024-Q3, 2024-07 or 2024-07-15: "
				   "normalise the file first (reckon-normalise)",
			      PQgetvalue(res, 0, 2));
	else
		rk_error_hint(err, "correct the row, or normalise the file "
				   "first (reckon-normalise)");
	PQclear(res);
	return -1;
}

/*
 * After the merge failed with res: back to the savepoint, then find the
 * row to blame.  Keeps the server's message when no row is to blame.
 */
static int diagnose(struct rk_db *db, const struct load_run *r,
		    const PGresult *res, struct rk_error *err)
{
	const char *st = rk_db_sqlstate(res);
	int rc;

	rk_db_fail(db, res, "cannot merge the rows", err);
	if (PQstatus(rk_db_conn(db)) != CONNECTION_OK ||
	    rk_db_exec(db, "ROLLBACK TO SAVEPOINT merge", "", NULL) < 0)
		return -1;
	if (strcmp(st, "21000") == 0 || strcmp(st, "23505") == 0)
		rc = report_duplicate(db, r, err);
	else
		rc = report_rejected(db, r, err);
	if (rc == 0)    /* nothing found: the first message stands */
		rk_db_fail(db, res, "cannot merge the rows", err);
	return -1;
}

static int upsert(struct rk_db *db, struct load_run *r, struct rk_error *err)
{
	char run[24];
	const char *params[1] = { run };
	PGresult *res;
	int rc = 0;

	snprintf(run, sizeof(run), "%lld", r->id);
	if (rk_db_exec(db, "ANALYZE " STAGE_TABLE "; SAVEPOINT merge",
		       "cannot prepare the merge", err) < 0)
		return -1;
	res = PQexecParams(rk_db_conn(db), upsert_sql, 1, NULL, params, NULL,
			   NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = diagnose(db, r, res, err);
	} else {
		r->inserted = count_at(res, 0);
		r->updated = count_at(res, 1);
		r->unchanged = r->read - r->inserted - r->updated;
	}
	PQclear(res);
	return rc;
}

static int add_sources(struct rk_db *db, const struct load_run *r,
		       char *const *sources, size_t n, struct rk_error *err)
{
	char run[24], *list = rk_db_text_array(sources, n);
	const char *params[2] = { run, list };
	PGresult *res;

	if (!list)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	snprintf(run, sizeof(run), "%lld", r->id);
	res = rk_db_query(db, sources_sql, 2, params,
			  "cannot record the sources", err);
	free(list);
	PQclear(res);
	return res ? 0 : -1;
}

static int replace(struct rk_db *db, struct load_run *r, struct rk_error *err)
{
	PGresult *res = rk_db_query(db, replace_sql, 0, NULL,
				    "cannot delete the rows the file no "
				    "longer has", err);

	if (!res)
		return -1;
	r->deleted = strtoll(PQcmdTuples(res), NULL, 10);
	PQclear(res);
	return 0;
}

int merge_apply(struct rk_db *db, struct load_run *r, char *const *sources,
		size_t nsources, struct rk_error *err)
{
	r->inserted = r->updated = r->deleted = r->unchanged = 0;
	if (upsert(db, r, err) < 0)
		return -1;
	if (nsources && add_sources(db, r, sources, nsources, err) < 0)
		return -1;
	if (r->replace && replace(db, r, err) < 0)
		return -1;
	return 0;
}
