/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "read_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FETCH_ROWS "5000"
#define FIXED_COLUMNS 6   /* source, indicator, period, value, status, origin */

#define WHERE_CLAUSE \
	" WHERE ($1::text[] IS NULL OR source = ANY ($1::text[]))" \
	"   AND ($2::text[] IS NULL OR indicator = ANY ($2::text[]))"

/* The rows to read: the current ones, or those of the editions current on
 * a day (load/migrations/002_editions.sql). */
struct relation {
	char text[COMPARE_EDITIONS_SQL_MAX + 64];
};

/* as_of is checked first: YYYY-MM-DD, digits and dashes only; the pinned
 * ids are compare_editions_pin's, digits and commas. */
static void relation_of(struct relation *r,
			const struct compare_editions_choice *c)
{
	if (c->pinned)
		snprintf(r->text, sizeof(r->text), "reckon.observation_of_"
			 "editions('%s'::bigint[])", c->pinned);
	else if (c->as_of)
		snprintf(r->text, sizeof(r->text),
			 "reckon.observation_as_of('%.10s'::date)", c->as_of);
	else
		snprintf(r->text, sizeof(r->text), "reckon.observation");
}

static int as_of_valid(const char *s)
{
	if (strlen(s) != 10)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* A warehouse migrated before editions cannot answer --as-of. */
static int has_editions(struct rk_db *db, struct rk_error *err)
{
	int yes = rk_db_has_table(db, "reckon.edition",
				  "cannot look for the editions", err);

	if (yes != 0)
		return yes > 0 ? 0 : -1;
	rk_error_set(err, RK_EXIT_UNAVAILABLE, rk_db_target(db), 0,
		     "the warehouse keeps no editions yet (its schema is older "
		     "than reckon-load's)");
	rk_error_hint(err, "run 'reckon-load --migrate' on it first");
	return -1;
}

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
		    const struct relation *rel, const char *const *params,
		    struct rk_error *err)
{
	static char sql[sizeof(rel->text) + 256];
	PGresult *res;
	int rc = 0;

	snprintf(sql, sizeof(sql), "SELECT DISTINCT k COLLATE \"C\" FROM %s,"
		 " jsonb_object_keys(dims) AS k" WHERE_CLAUSE " ORDER BY 1",
		 rel->text);
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
static char *select_sql(const struct obs_set *s, const struct relation *rel)
{
	size_t len = 512 + sizeof(rel->text) + 24 * s->ndims;
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
	snprintf(sql + at, len - at, " FROM %s" WHERE_CLAUSE " ORDER BY "
		 "indicator, source, period, dims_key", rel->text);
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
		     const struct relation *rel, const char *const *fixed,
		     struct rk_error *err)
{
	const char **params = calloc(s->ndims + 3, sizeof(*params));
	char *sql = select_sql(s, rel);
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

int compare_read_db(struct obs_set *s, struct rk_db *db,
		    const struct compare_editions_choice *c,
		    struct rk_error *err)
{
	static struct relation rel;
	const char *as_of = c->as_of;
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

	if (as_of && !as_of_valid(as_of)) {
		rk_error_set(err, RK_EXIT_USAGE, NULL, 0, "--as-of takes a day "
			     "as YYYY-MM-DD, not '%.40s'", as_of);
		goto out;
	}
	relation_of(&rel, c);
	if ((s->want_source && !sources) ||
	    (s->want_indicator && !indicators)) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	if (has_schema(db, err) < 0 || ((as_of || c->pinned) && has_editions(db, err) < 0) ||
	    rk_db_exec(db, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
		       "cannot start reading", err) < 0)
		goto out;
	open = 1;
	if (add_keys(s, db, &rel, params, err) < 0 ||
	    read_rows(s, db, &rel, params, err) < 0)
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
