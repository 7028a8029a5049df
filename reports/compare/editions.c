/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "editions.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outfile.h"
#include "results.h"
#include "tidy.h"

#define SOURCES_FILTER "($1::text[] IS NULL OR e.source = ANY ($1::text[]))"

struct compare_editions {
	PGresult *res;            /* NULL: the warehouse has no editions */
	struct rk_out out;
	struct tidy_writer *w;
	char *path;
	int open;
};

/* Appends the id at the head of line to the literal; -1 if none. */
static int add_id(char **lit, size_t *len, const char *line)
{
	size_t n = strspn(line, "0123456789");
	char *p;

	if (n == 0 || n > 18 || line[n] != ',')
		return -1;
	if (!(p = realloc(*lit, *len + n + 3)))
		return -2;
	*lit = p;
	p[*len] = *len ? ',' : '{';
	(*len)++;
	memcpy(p + *len, line, n);
	*len += n;
	p[*len] = '\0';
	return 0;
}

static int pin_lines(struct compare_editions_choice *c, FILE *f,
		     const char *path, struct rk_error *err)
{
	char line[4096];
	char *lit = NULL;
	size_t len = 0;
	long no = 0;
	int rc = 0;

	while (rc == 0 && fgets(line, sizeof(line), f)) {
		if (no > COMPARE_EDITIONS_MAX) {
			rc = -1;
			break;
		}
		if (++no == 1) {
			if (strncmp(line, "edition,source,", 15) != 0)
				rc = -1;
			continue;
		}
		rc = add_id(&lit, &len, line);
	}
	if (rc == 0 && !lit && !(lit = strdup("{}")))
		rc = -2;
	if (rc == 0) {
		if (len)
			strcat(lit, "}");
		c->pinned = lit;
		return 0;
	}
	free(lit);
	if (rc == -2)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	rk_error_set(err, RK_EXIT_DATAERR, path, no, "not an editions.csv "
		     "of reckon-compare: expected an edition id first");
	rk_error_hint(err, "give --editions the editions.csv of the results "
			   "to reproduce");
	return -1;
}

int compare_editions_pin(struct compare_editions_choice *c, const char *path,
			 struct rk_error *err)
{
	FILE *f = fopen(path, "r");
	int rc;

	if (!f) {
		rk_error_set(err, RK_EXIT_NOINPUT, path, 0, "cannot open: %s",
			     strerror(errno));
		rk_error_hint(err, "check the path");
		return -1;
	}
	rc = pin_lines(c, f, path, err);
	fclose(f);
	return rc;
}

const char *compare_editions_sql(const struct compare_editions_choice *c,
				 int date_param, char *buf)
{
	size_t size = COMPARE_EDITIONS_SQL_MAX;

	/* the day is always a parameter, NULL but for --as-of */
	if (c->pinned)
		snprintf(buf, size, "SELECT e.* FROM reckon.edition e WHERE "
			 "e.id = ANY ('%s'::bigint[]) AND $%d::date IS NULL "
			 "AND " SOURCES_FILTER, c->pinned, date_param);
	else if (c->as_of)
		snprintf(buf, size, "SELECT e.* FROM reckon.edition_as_of("
			 "$%d::date) e WHERE " SOURCES_FILTER, date_param);
	else
		snprintf(buf, size, "SELECT DISTINCT ON (e.source) e.* FROM "
			 "reckon.edition e WHERE $%d::date IS NULL AND "
			 SOURCES_FILTER " ORDER BY e.source, e.id DESC",
			 date_param);
	return buf;
}

static int query(struct compare_editions *e, struct rk_db *db,
		 const char *sources, const struct compare_editions_choice *c,
		 struct rk_error *err)
{
	char sql[COMPARE_EDITIONS_SQL_MAX + 256];
	char chosen[COMPARE_EDITIONS_SQL_MAX];
	const char *params[2] = { sources, c->as_of };

	snprintf(sql, sizeof(sql), "SELECT e.id, e.source, e.label,"
		 " e.published, to_char(e.loaded_at AT TIME ZONE 'UTC',"
		 " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), e.input_sha256"
		 " FROM (%s) e ORDER BY e.source COLLATE \"C\"",
		 compare_editions_sql(c, 2, chosen));
	e->res = rk_db_query(db, sql, 2, params,
			     "cannot read the editions", err);
	return e->res ? 0 : -1;
}

struct compare_editions *compare_editions_read(struct rk_db *db,
					       const struct obs_set *s,
					       const struct compare_editions_choice *c,
					       struct rk_error *err)
{
	struct compare_editions *e = calloc(1, sizeof(*e));
	char *sources = NULL;
	int yes;

	if (!e || (s->want_source &&
		   !(sources = rk_db_text_array(s->want_source,
						s->nwant_source)))) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto fail;
	}
	yes = rk_db_has_table(db, "reckon.edition",
			      "cannot look for the editions", err);
	if (yes < 0 || (yes && query(e, db, sources, c, err) < 0))
		goto fail;
	free(sources);
	return e;
fail:
	free(sources);
	compare_editions_free(e);
	return NULL;
}

static int put_rows(struct compare_editions *e, struct rk_error *err)
{
	const char *f[6];
	int rc = tidy_writer_row(e->w, results_editions, NULL, 6, err);

	for (int i = 0; rc == 0 && i < PQntuples(e->res); i++) {
		for (int k = 0; k < 6; k++)
			f[k] = PQgetvalue(e->res, i, k);
		rc = tidy_writer_row(e->w, f, NULL, 6, err);
	}
	return rc;
}

int compare_editions_write(struct compare_editions *e, const char *dir,
			   struct rk_error *err)
{
	size_t n = strlen(dir) + sizeof(RESULTS_EDITIONS) + 1;

	if (!(e->path = malloc(n)))
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	snprintf(e->path, n, "%s/%s", dir, RESULTS_EDITIONS);
	if (!e->res)
		return 0;
	if (rk_out_open(&e->out, e->path, err) < 0)
		return -1;
	e->open = 1;
	if (!(e->w = tidy_writer_open(e->out.f, e->path, err)))
		return -1;
	return put_rows(e, err);
}

int compare_editions_commit(struct compare_editions *e, struct rk_error *err)
{
	int rc;

	if (!e->open) {
		if (e->path && unlink(e->path) < 0 && errno != ENOENT)
			return rk_error_set(err, RK_EXIT_IOERR, e->path, 0,
					    "cannot remove the stale file: "
					    "%s", strerror(errno));
		return 0;
	}
	rc = tidy_writer_close(e->w, err);
	e->w = NULL;
	if (rc < 0 || rk_out_commit(&e->out, err) < 0)
		return -1;
	e->open = 0;
	return 0;
}

void compare_editions_free(struct compare_editions *e)
{
	if (!e)
		return;
	if (e->w)
		tidy_writer_close(e->w, NULL);
	if (e->open)
		rk_out_abort(&e->out);
	PQclear(e->res);
	free(e->path);
	free(e);
}
