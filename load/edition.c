/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "edition.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * $1 load run, $2 label, $3 date, $4 input digest, $5 sources, $6 whether
 * the load changed anything at all (when not, no source needs a look at
 * its rows), $7 and $8 labels and dates per source (SOURCE=VALUE).
 */
#define OF_SOURCE(arr) \
	"(SELECT substr(x, length(s) + 2) FROM unnest(" arr "::text[]) x" \
	" WHERE left(x, length(s) + 1) = s || '=' LIMIT 1)"

static const char record_sql[] =
	"WITH input AS (SELECT s,"
	"  coalesce(" OF_SOURCE("$7") ", $2::text) AS label,"
	"  coalesce(" OF_SOURCE("$8") ", $3::text)::date AS published"
	"  FROM unnest($5::text[]) AS s),"
	" latest AS (SELECT DISTINCT ON (source) source, label, published"
	"  FROM reckon.edition WHERE source = ANY ($5::text[])"
	"  ORDER BY source, id DESC)"
	" INSERT INTO reckon.edition (source, load_run, label, published,"
	" input_sha256, loaded_at)"
	" SELECT i.s, $1, i.label, i.published, $4, now()"
	" FROM input i LEFT JOIN latest l ON l.source = i.s"
	" WHERE l.source IS NULL"
	" OR ((i.label IS NOT NULL OR i.published IS NOT NULL)"
	"  AND (l.label, l.published) IS DISTINCT FROM (i.label, i.published))"
	" OR ($6 AND (EXISTS (SELECT 1 FROM reckon.observation o"
	"   WHERE o.source = i.s AND o.load_run = $1)"
	"  OR EXISTS (SELECT 1 FROM reckon.observation_history h"
	"   WHERE h.source = i.s AND h.superseded_by = $1)))"
	" ORDER BY i.s";

/* A new edition of this load dated after today (UTC). */
static const char future_sql[] =
	"SELECT source, published"
	" FROM reckon.edition WHERE load_run = $1"
	" AND published > (now() AT TIME ZONE 'UTC')::date"
	" ORDER BY source LIMIT 1";

/* A new edition of this load dated before an earlier one of its source. */
static const char order_sql[] =
	"SELECT n.source, reckon.edition_date(n.published, n.loaded_at),"
	" reckon.edition_date(e.published, e.loaded_at),"
	" coalesce(e.label, '')"
	" FROM reckon.edition n JOIN reckon.edition e"
	" ON e.source = n.source AND e.id < n.id"
	" WHERE n.load_run = $1"
	" AND reckon.edition_date(e.published, e.loaded_at) >"
	"  reckon.edition_date(n.published, n.loaded_at)"
	" ORDER BY n.source, e.id DESC LIMIT 1";

/* An edition is dated on or before the day it is loaded: the edition
 * current on a day is then never one loaded later. */
static int check_future(struct rk_db *db, const struct load_run *r,
			const char *run, struct rk_error *err)
{
	const char *params[1] = { run };
	PGresult *res = rk_db_query(db, future_sql, 1, params,
				    "cannot check the editions' dates", err);

	if (!res)
		return -1;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return 0;
	}
	rk_error_set(err, RK_EXIT_DATAERR, r->input_name, 0,
		     "edition of '%.64s' dated %s, after today (UTC)",
		     PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
	rk_error_hint(err, "give the day the edition was published");
	PQclear(res);
	return -1;
}

static int check_order(struct rk_db *db, const struct load_run *r,
		       const char *run, struct rk_error *err)
{
	const char *params[1] = { run };
	PGresult *res = rk_db_query(db, order_sql, 1, params,
				    "cannot check the editions' order", err);
	char name[80];

	if (!res)
		return -1;
	if (PQntuples(res) == 0) {
		PQclear(res);
		return 0;
	}
	name[0] = '\0';
	if (*PQgetvalue(res, 0, 3))
		snprintf(name, sizeof(name), "'%.64s' ", PQgetvalue(res, 0, 3));
	rk_error_set(err, RK_EXIT_DATAERR, r->input_name, 0,
		     "edition of '%.64s' dated %s is older than its edition "
		     "%sdated %s", PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1),
		     name, PQgetvalue(res, 0, 2));
	rk_error_hint(err, "load a source's editions in date order; give "
			   "--edition-date on or after its latest edition's");
	PQclear(res);
	return -1;
}

int edition_record(struct rk_db *db, const struct load_run *r,
		   const struct edition_request *q, long long *made,
		   struct rk_error *err)
{
	char run[24];
	int changed = r->inserted || r->updated || r->deleted;
	char *labels = rk_db_text_array(q->label_of, q->nlabel_of);
	char *dates = rk_db_text_array(q->date_of, q->ndate_of);
	const char *params[8] = {
		run, q->label, q->date,
		r->input_sha256[0] ? r->input_sha256 : NULL, q->sources,
		changed ? "true" : "false", labels, dates
	};
	PGresult *res = NULL;
	int rc = -1;

	*made = 0;
	if (!labels || !dates) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	snprintf(run, sizeof(run), "%lld", r->id);
	res = rk_db_query(db, record_sql, 8, params,
			  "cannot record the edition", err);
	if (!res)
		goto out;
	*made = strtoll(PQcmdTuples(res), NULL, 10);
	rc = *made ? (check_future(db, r, run, err) < 0 ||
		      check_order(db, r, run, err) < 0 ? -1 : 0) : 0;
out:
	PQclear(res);
	free(labels);
	free(dates);
	return rc;
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int edition_date_valid(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				    30, 31 };
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1000 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days[m - 1] + (m == 2 && leap(y));
}
