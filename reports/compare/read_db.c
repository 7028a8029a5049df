/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "read_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FETCH_ROWS "5000"
#define FIXED_COLUMNS 6   /* source, indicator, period, value, status, origin */

static const char where_clause[] =
	" FROM reckon.observation"
	" WHERE ($1::text[] IS NULL OR source = ANY ($1::text[]))"
	"   AND ($2::text[] IS NULL OR indicator = ANY ($2::text[]))";

static int has_schema(struct rk_db *db, struct rk_error *err)
{
	int yes = rk_db_has_table(db, "reckon.observation",
				  "cannot look for the observations", err);

	if (yes != 0)
		return yes > 0 ? 0 : -1;
	rk_error_set(err, RK_EXIT_NOINPUT, rk_db_target(db), 0,
		     "the database holds no observations yet");
	rk_error_hint(err, "load the tidy data with reckon-load first");
	return -1;
}

/* Adds the dims keys of the selected rows that s does not have yet. */
static int add_keys(struct obs_set *s, struct rk_db *db,
		    const char *const *params, struct rk_error *err)
{
	static const char sql[] =
		"SELECT DISTINCT k COLLATE \"C\" FROM reckon.observation,"
		" jsonb_object_keys(dims) AS k"
		" WHERE ($1::text[] IS NULL OR source = ANY ($1::text[]))"
		"   AND ($2::text[] IS NULL OR indicator = ANY ($2::text[]))"
		" ORDER BY 1";
	PGresult *res;
	int rc = 0;

	res = rk_db_query(db, sql, 2, params, "cannot read the dimensions",
			  err);
	if (!res)
		return -1;
	for (int i = 0; i < PQntuples(res) && rc == 0; i++)
		if (obs_set_dim(s, PQgetvalue(res, i, 0)) == (size_t)-1)
			rc = rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					  "out of memory");
	PQclear(res);
	return rc;
}

/* The cursor's query: the fixed columns, then dims->>$3, dims->>$4, ... */
static char *select_sql(const struct obs_set *s)
{
	size_t len = 512 + 24 * s->ndims;
	char *sql = malloc(len);
	size_t at;

	if (!sql)
		return NULL;
	at = (size_t)snprintf(sql, len, "DECLARE obs NO SCROLL CURSOR FOR "
			      "SELECT source, indicator, period, value::text, "
			      "status, origin");
	for (size_t d = 0; d < s->ndims; d++)
		at += (size_t)snprintf(sql + at, len - at,
				       ", dims->>$%zu::text", d + 3);
	snprintf(sql + at, len - at, "%s ORDER BY indicator, source, period, "
		 "dims_key", where_clause);
	return sql;
}

static int add_rows(struct obs_set *s, PGresult *res, const char **dim,
		    struct rk_error *err)
{
	for (int i = 0; i < PQntuples(res); i++) {
		int col = FIXED_COLUMNS;
		struct obs_input in = {
			PQgetvalue(res, i, 0), PQgetvalue(res, i, 1),
			PQgetvalue(res, i, 2), dim,
			PQgetisnull(res, i, 3) ? "" : PQgetvalue(res, i, 3),
			PQgetisnull(res, i, 4) ? "" : PQgetvalue(res, i, 4),
			PQgetvalue(res, i, 5), 0
		};

		for (size_t d = 0; d < s->ndims; d++, col++)
			dim[d] = PQgetisnull(res, i, col) ? ""
							  : PQgetvalue(res, i, col);
		if (obs_set_add(s, &in, err) < 0)
			return -1;
	}
	return 0;
}

static int fetch_all(struct obs_set *s, struct rk_db *db,
		     struct rk_error *err)
{
	const char **dim = calloc(s->ndims + 1, sizeof(*dim));
	PGresult *res = NULL;
	int rc = -1;

	if (!dim)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	for (;;) {
		res = rk_db_query(db, "FETCH " FETCH_ROWS " FROM obs", 0, NULL,
				  "cannot read the observations", err);
		if (!res)
			goto out;
		if (PQntuples(res) == 0)
			break;
		if (add_rows(s, res, dim, err) < 0)
			goto out;
		PQclear(res);
	}
	rc = 0;
out:
	PQclear(res);
	free(dim);
	return rc;
}

static int read_rows(struct obs_set *s, struct rk_db *db,
		     const char *const *fixed, struct rk_error *err)
{
	const char **params = calloc(s->ndims + 3, sizeof(*params));
	char *sql = select_sql(s);
	PGresult *res = NULL;
	int rc = -1;

	if (!params || !sql) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	params[0] = fixed[0];
	params[1] = fixed[1];
	for (size_t d = 0; d < s->ndims; d++)
		params[d + 2] = s->dim[d];
	res = rk_db_query(db, sql, (int)s->ndims + 2, params,
			  "cannot select the observations", err);
	if (!res)
		goto out;
	rc = fetch_all(s, db, err);
out:
	PQclear(res);
	free(sql);
	free(params);
	return rc;
}

int compare_read_db(struct obs_set *s, struct rk_db *db, struct rk_error *err)
{
	/* NULL: no filter on that column */
	char *sources = s->want_source ? rk_db_text_array(s->want_source,
							  s->nwant_source)
				       : NULL;
	char *indicators = s->want_indicator
				   ? rk_db_text_array(s->want_indicator,
						      s->nwant_indicator)
				   : NULL;
	const char *params[2] = { sources, indicators };
	int rc = -1, open = 0;

	if ((s->want_source && !sources) ||
	    (s->want_indicator && !indicators)) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	if (has_schema(db, err) < 0 ||
	    rk_db_exec(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
		       "cannot start reading", err) < 0)
		goto out;
	open = 1;
	if (add_keys(s, db, params, err) < 0 || read_rows(s, db, params, err) < 0)
		goto out;
	rc = rk_db_exec(db, "COMMIT", "cannot finish reading", err);
	open = rc < 0;
out:
	if (open)
		PQclear(PQexec(rk_db_conn(db), "ROLLBACK"));
	free(sources);
	free(indicators);
	return rc;
}
