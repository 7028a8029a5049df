/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "revisions.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"
#include "outfile.h"
#include "results.h"
#include "tidy.h"

/* The columns before the dimensions ($4, $5, ... are their names). */
enum { C_SOURCE, C_INDICATOR, C_PERIOD, C_OLD, C_NEW, C_DIFF, C_OLD_STATUS,
       C_NEW_STATUS, C_KIND, C_OLD_EDITION, C_NEW_EDITION, C_DIMS };

/*
 * $1 sources, $2 indicators (NULL: all), $3 the day (NULL: today); cur,
 * the chosen editions (editions.h), comes first.  Each against the
 * source's edition before it.
 */
static const char pairs_sql[] =
	" p AS (SELECT c.source, o.load_run AS old_run, c.load_run AS new_run,"
	"  coalesce(o.label, o.published::text, 'load ' || o.load_run)"
	"  AS old_name,"
	"  coalesce(c.label, c.published::text, 'load ' || c.load_run)"
	"  AS new_name"
	"  FROM cur c CROSS JOIN LATERAL (SELECT * FROM reckon.edition x"
	"  WHERE x.source = c.source AND x.id < c.id"
	"  ORDER BY x.id DESC LIMIT 1) o)"
	" SELECT p.source, r.indicator, r.period, r.old_value::text,"
	" r.new_value::text, (r.new_value - r.old_value)::text, r.old_status,"
	" r.new_status, r.kind, p.old_name, p.new_name";

static const char changes_sql[] =
	" FROM p CROSS JOIN LATERAL (SELECT"
	"  coalesce(a.indicator, b.indicator) AS indicator,"
	"  coalesce(a.period, b.period) AS period,"
	"  coalesce(a.dims_key, b.dims_key) AS dims_key,"
	"  coalesce(b.dims, a.dims) AS dims,"
	"  a.value AS old_value, b.value AS new_value,"
	"  a.status AS old_status, b.status AS new_status,"
	"  CASE WHEN a.source IS NULL THEN 'added'"
	"   WHEN b.source IS NULL THEN 'withdrawn' ELSE 'revised' END AS kind"
	"  FROM reckon.observation_at(p.source, p.old_run) a"
	"  FULL JOIN reckon.observation_at(p.source, p.new_run) b"
	"  ON a.indicator = b.indicator AND a.period = b.period"
	"  AND a.dims_key = b.dims_key"
	"  WHERE a.source IS NULL OR b.source IS NULL"
	"  OR (a.value, a.status) IS DISTINCT FROM (b.value, b.status)) r"
	" WHERE ($2::text[] IS NULL OR r.indicator = ANY ($2::text[]))"
	" ORDER BY p.source COLLATE \"C\", r.indicator COLLATE \"C\","
	" r.period COLLATE \"C\", r.dims_key COLLATE \"C\"";

/* Whether a chosen edition ($1 sources, $2 the day) has one before it. */
static const char any_sql[] =
	" SELECT EXISTS (SELECT 1 FROM cur c WHERE EXISTS (SELECT 1"
	" FROM reckon.edition x WHERE x.source = c.source AND x.id < c.id))";

struct compare_revisions {
	const struct obs_set *set;
	const struct compare_editions_choice *choice;
	int have;                 /* some source has an edition before */
	PGresult *res;            /* the database's rows, or NULL */
	char **cell;              /* or the files': nrows * (C_DIMS + ndims)
				     strings, owned */
	size_t nrows, cap;
	struct rk_out out;
	struct tidy_writer *w;
	char *path;
	int open;
};

static char *select_sql(const struct compare_revisions *r)
{
	const struct obs_set *s = r->set;
	static char chosen[COMPARE_EDITIONS_SQL_MAX];
	const char *cur = compare_editions_sql(r->choice, 3, chosen);
	size_t len = strlen(cur) + sizeof(pairs_sql) + sizeof(changes_sql) +
		     32 * s->ndims + 32;
	char *sql = malloc(len);
	size_t at;

	if (!sql)
		return NULL;
	at = (size_t)snprintf(sql, len, "WITH cur AS (%s),%s", cur, pairs_sql);
	for (size_t d = 0; d < s->ndims; d++)
		at += (size_t)snprintf(sql + at, len - at,
				       ", r.dims->>$%zu::text", d + 4);
	snprintf(sql + at, len - at, "%s", changes_sql);
	return sql;
}

static int any_pair(const struct compare_revisions *r, struct rk_db *db,
		    const char *sources, int *yes, struct rk_error *err)
{
	const char *params[2] = { sources, r->choice->as_of };
	static char chosen[COMPARE_EDITIONS_SQL_MAX];
	static char sql[COMPARE_EDITIONS_SQL_MAX + sizeof(any_sql) + 32];
	PGresult *res;

	snprintf(sql, sizeof(sql), "WITH cur AS (%s)%s",
		 compare_editions_sql(r->choice, 2, chosen),
		 any_sql);
	res = rk_db_query(db, sql, 2, params,
			  "cannot read the editions", err);
	if (!res)
		return -1;
	*yes = PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	return 0;
}

static int read_changes(struct compare_revisions *r, struct rk_db *db,
			const char *sources, const char *indicators,
			struct rk_error *err)
{
	const struct obs_set *s = r->set;
	const char **params = calloc(s->ndims + 3, sizeof(*params));
	char *sql = select_sql(r);
	int rc = -1;

	if (!params || !sql) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	params[0] = sources;
	params[1] = indicators;
	params[2] = r->choice->as_of;
	for (size_t d = 0; d < s->ndims; d++)
		params[d + 3] = s->dim[d];
	r->res = rk_db_query(db, sql, (int)s->ndims + 3, params,
			     "cannot read the revisions", err);
	r->have = r->res != NULL;
	rc = r->res ? 0 : -1;
out:
	free(sql);
	free(params);
	return rc;
}

static char *array_or_null(char **v, size_t n, int *oom)
{
	char *a = v ? rk_db_text_array(v, n) : NULL;

	*oom |= v && !a;
	return a;
}

static int fill(struct compare_revisions *r, struct rk_db *db,
		struct rk_error *err)
{
	const struct obs_set *s = r->set;
	int oom = 0, yes = 0, rc = -1;
	char *sources = array_or_null(s->want_source, s->nwant_source, &oom);
	char *indicators = array_or_null(s->want_indicator,
					 s->nwant_indicator, &oom);

	if (oom) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	if ((yes = rk_db_has_table(db, "reckon.edition",
				   "cannot look for the editions", err)) < 0)
		goto out;
	if (yes && any_pair(r, db, sources, &yes, err) < 0)
		goto out;
	rc = yes ? read_changes(r, db, sources, indicators, err) : 0;
out:
	free(sources);
	free(indicators);
	return rc;
}

struct compare_revisions *compare_revisions_read(struct rk_db *db,
						 const struct obs_set *s,
						 const struct compare_editions_choice *c,
						 struct rk_error *err)
{
	struct compare_revisions *r = calloc(1, sizeof(*r));

	if (!r) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	r->set = s;
	r->choice = c;
	if (fill(r, db, err) < 0) {
		compare_revisions_free(r);
		return NULL;
	}
	return r;
}

size_t compare_revisions_count(const struct compare_revisions *r)
{
	if (!r)
		return 0;
	return r->res ? (size_t)PQntuples(r->res) : r->nrows;
}

static size_t ncols(const struct compare_revisions *r)
{
	return C_DIMS + r->set->ndims;
}

/* Field col (C_*, then the dimensions) of row i. */
static const char *field(const struct compare_revisions *r, size_t i,
			 size_t col)
{
	if (r->res)
		return PQgetvalue(r->res, (int)i, (int)col);
	return r->cell[i * ncols(r) + col];
}

struct compare_revisions *compare_revisions_new(const struct obs_set *s,
						struct rk_error *err)
{
	struct compare_revisions *r = calloc(1, sizeof(*r));

	if (!r) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	r->set = s;
	r->have = 1;
	return r;
}

int compare_revisions_add(struct compare_revisions *r, const char *const *f)
{
	size_t n = ncols(r);

	if (r->nrows == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		char **p = realloc(r->cell, cap * n * sizeof(*p));

		if (!p)
			return -1;
		r->cell = p;
		r->cap = cap;
	}
	for (size_t k = 0; k < n; k++)
		r->cell[r->nrows * n + k] = NULL;
	r->nrows++;
	for (size_t k = 0; k < n; k++)
		if (!(r->cell[(r->nrows - 1) * n + k] = strdup(f[k] ? f[k] : "")))
			return -1;
	return 0;
}

static int put_header(struct compare_revisions *r, struct rk_error *err)
{
	const struct obs_set *s = r->set;
	const char **f = calloc(s->ndims + 16, sizeof(*f));
	size_t n = 0;
	int rc;

	if (!f)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	for (size_t i = 0; results_revisions_head[i]; i++)
		f[n++] = results_revisions_head[i];
	for (size_t d = 0; d < s->ndims; d++)
		f[n++] = s->dim[d];
	for (size_t i = 0; results_revisions_tail[i]; i++)
		f[n++] = results_revisions_tail[i];
	rc = tidy_writer_row(r->w, f, NULL, n, err);
	free(f);
	return rc;
}

/* (new - old) / old, when both are numbers and old is not zero. */
static const char *relative(const char *old, const char *new, char *buf)
{
	double a, b;

	buf[0] = '\0';
	if (!*old || !*new)
		return buf;
	a = strtod(old, NULL);
	b = strtod(new, NULL);
	return a != 0 ? compare_number((b - a) / a, buf) : buf;
}

static int put_row(struct compare_revisions *r, size_t i, const char **f,
		   struct rk_error *err)
{
	static const int head[] = { C_SOURCE, C_INDICATOR, C_PERIOD };
	static const int tail[] = { C_OLD, C_NEW, C_DIFF, -1, C_OLD_STATUS,
				    C_NEW_STATUS, C_KIND, C_OLD_EDITION,
				    C_NEW_EDITION };
	const struct obs_set *s = r->set;
	char rel[32];
	size_t n = 0;

	for (size_t k = 0; k < 3; k++)
		f[n++] = field(r, i, (size_t)head[k]);
	for (size_t d = 0; d < s->ndims; d++)
		f[n++] = field(r, i, C_DIMS + d);
	for (size_t k = 0; k < sizeof(tail) / sizeof(tail[0]); k++)
		f[n++] = tail[k] >= 0 ? field(r, i, (size_t)tail[k])
				      : relative(field(r, i, C_OLD),
						 field(r, i, C_NEW), rel);
	return tidy_writer_row(r->w, f, NULL, n, err);
}

static int put_rows(struct compare_revisions *r, struct rk_error *err)
{
	const char **f = calloc(r->set->ndims + 16, sizeof(*f));
	int rc = 0;

	if (!f)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	for (size_t i = 0; i < compare_revisions_count(r) && rc == 0; i++)
		rc = put_row(r, i, f, err);
	free(f);
	return rc;
}

static int set_path(struct compare_revisions *r, const char *dir,
		    struct rk_error *err)
{
	size_t n = strlen(dir) + sizeof(RESULTS_REVISIONS) + 1;

	if (!(r->path = malloc(n)))
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	snprintf(r->path, n, "%s/%s", dir, RESULTS_REVISIONS);
	return 0;
}

int compare_revisions_write(struct compare_revisions *r, const char *dir,
			    struct rk_error *err)
{
	if (set_path(r, dir, err) < 0)
		return -1;
	if (!r->have)
		return 0;
	if (rk_out_open(&r->out, r->path, err) < 0)
		return -1;
	r->open = 1;
	if (!(r->w = tidy_writer_open(r->out.f, r->path, err)))
		return -1;
	return put_header(r, err) < 0 ? -1 : put_rows(r, err);
}

int compare_revisions_commit(struct compare_revisions *r, struct rk_error *err)
{
	int rc;

	if (!r->open) {
		if (r->path && unlink(r->path) < 0 && errno != ENOENT)
			return rk_error_set(err, RK_EXIT_IOERR, r->path, 0,
					    "cannot remove the stale file: "
					    "%s", strerror(errno));
		return 0;
	}
	rc = tidy_writer_close(r->w, err);
	r->w = NULL;
	if (rc < 0)
		return -1;
	if (rk_out_commit(&r->out, err) < 0)
		return -1;
	r->open = 0;
	return 0;
}

void compare_revisions_free(struct compare_revisions *r)
{
	if (!r)
		return;
	if (r->w)
		tidy_writer_close(r->w, NULL);
	if (r->open)
		rk_out_abort(&r->out);
	PQclear(r->res);
	for (size_t i = 0; r->cell && i < r->nrows * ncols(r); i++)
		free(r->cell[i]);
	free(r->cell);
	free(r->path);
	free(r);
}
