/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "stage.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "copytext.h"

/*
 * The rows go out in chunks of CHUNK bytes through a nonblocking
 * connection, so that the server parses one while the next is being
 * read; at most about BACKLOG bytes wait in libpq before we wait for the
 * server (memory stays flat).
 */
#define CHUNK (1u << 16)
#define BACKLOG (1u << 22)

struct distinct {
	char **v;
	size_t n, last;
};

struct stage {
	struct rk_db *db;
	struct dimskey *keys;
	struct copybuf buf;
	int copying;
	size_t queued;        /* sent to libpq since it last had nothing */
	long long rows;
	struct distinct sources, indicators;
};

static const char create_sql[] =
	"CREATE TEMPORARY TABLE " STAGE_TABLE " ("
	" line bigint NOT NULL, source text, indicator text, period text,"
	" dims_key text, value text, status text, origin text"
	") ON COMMIT DROP";

static const char copy_sql[] =
	"COPY " STAGE_TABLE " (line, source, indicator, period, dims_key,"
	" value, status, origin) FROM STDIN";

static int begin_copy(struct stage *s, struct rk_error *err)
{
	PGresult *res;

	if (rk_db_exec(s->db, create_sql, "cannot create the staging table",
		       err) < 0)
		return -1;
	res = PQexec(rk_db_conn(s->db), copy_sql);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		rk_db_fail(s->db, res, "cannot start the COPY", err);
		PQclear(res);
		return -1;
	}
	PQclear(res);
	s->copying = 1;
	if (PQsetnonblocking(rk_db_conn(s->db), 1) != 0)
		return rk_db_fail(s->db, NULL, "cannot start the COPY", err);
	return 0;
}

struct stage *stage_open(struct rk_db *db, struct dimskey *keys,
			 struct rk_error *err)
{
	struct stage *s = calloc(1, sizeof(*s));

	if (!s || copybuf_init(&s->buf, CHUNK + CHUNK / 4) < 0) {
		free(s);
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	s->db = db;
	s->keys = keys;
	if (begin_copy(s, err) < 0) {
		stage_close(s);
		return NULL;
	}
	return s;
}

/* Waits until libpq has handed everything queued to the kernel. */
static int drain_output(struct stage *s, struct rk_error *err)
{
	PGconn *conn = rk_db_conn(s->db);
	struct pollfd p = { .fd = PQsocket(conn), .events = POLLOUT | POLLIN };
	int rc;

	while ((rc = PQflush(conn)) == 1) {
		if (poll(&p, 1, -1) < 0 && errno != EINTR)
			break;
		if ((p.revents & POLLIN) && !PQconsumeInput(conn))
			break;
	}
	if (rc != 0)
		return rk_db_fail(s->db, NULL, "cannot send the rows", err);
	s->queued = 0;
	return 0;
}

/* Queues the buffered rows; waits for the server only past BACKLOG. */
static int flush_rows(struct stage *s, struct rk_error *err)
{
	PGconn *conn = rk_db_conn(s->db);
	int rc;

	if (!s->buf.len)
		return 0;
	if (s->queued >= BACKLOG && drain_output(s, err) < 0)
		return -1;
	while ((rc = PQputCopyData(conn, s->buf.data, (int)s->buf.len)) == 0)
		if (drain_output(s, err) < 0)
			return -1;
	if (rc < 0 || (rc = PQflush(conn)) < 0)
		return rk_db_fail(s->db, NULL, "cannot send the rows", err);
	s->queued = rc ? s->queued + s->buf.len : 0;
	copybuf_clear(&s->buf);
	return 0;
}

/* Adds v to a list of distinct strings when new (files hold a few). */
static int note(struct distinct *d, const char *v)
{
	char **p;

	if (d->n && strcmp(d->v[d->last], v) == 0)
		return 0;
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->v[i], v) == 0) {
			d->last = i;
			return 0;
		}
	p = realloc(d->v, (d->n + 1) * sizeof(*p));
	if (!p)
		return -1;
	d->v = p;
	if (!(p[d->n] = strdup(v)))
		return -1;
	d->last = d->n++;
	return 0;
}

static void distinct_free(struct distinct *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i]);
	free(d->v);
}

static int text_or_null(struct copybuf *b, const char *v)
{
	return *v ? copybuf_text(b, v, strlen(v)) : copybuf_null(b);
}

int stage_row(struct stage *s, const struct tidy_row *r, struct rk_error *err)
{
	struct copybuf *b = &s->buf;
	size_t klen;
	const char *key = dimskey_make(s->keys, r->dim, &klen);

	if (!key || note(&s->sources, r->source) < 0 ||
	    note(&s->indicators, r->indicator) < 0 ||
	    copybuf_long(b, r->line) < 0 ||
	    copybuf_text(b, r->source, strlen(r->source)) < 0 ||
	    copybuf_text(b, r->indicator, strlen(r->indicator)) < 0 ||
	    copybuf_text(b, r->period, strlen(r->period)) < 0 ||
	    copybuf_text(b, key, klen) < 0 || text_or_null(b, r->value) < 0 ||
	    text_or_null(b, r->status) < 0 ||
	    copybuf_text(b, r->origin, strlen(r->origin)) < 0 ||
	    copybuf_end_row(b) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, r->line,
				    "out of memory");
	s->rows++;
	return b->len >= CHUNK ? flush_rows(s, err) : 0;
}

/* Reads the results that follow the end of a COPY. */
static int drain(struct stage *s, struct rk_error *err)
{
	PGresult *res;
	int rc = 0;

	while ((res = PQgetResult(rk_db_conn(s->db))) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && rc == 0 && err)
			rc = rk_db_fail(s->db, res, "cannot stage the rows",
					err);
		PQclear(res);
	}
	if (rc == 0 && PQstatus(rk_db_conn(s->db)) != CONNECTION_OK && err)
		rc = rk_db_fail(s->db, NULL, "cannot stage the rows", err);
	return rc;
}

int stage_finish(struct stage *s, long long *rows, struct rk_error *err)
{
	if (flush_rows(s, err) < 0 || drain_output(s, err) < 0)
		return -1;
	s->copying = 0;
	PQsetnonblocking(rk_db_conn(s->db), 0);
	if (PQputCopyEnd(rk_db_conn(s->db), NULL) != 1) {
		rk_db_fail(s->db, NULL, "cannot end the COPY", err);
		drain(s, NULL);
		return -1;
	}
	if (drain(s, err) < 0)
		return -1;
	*rows = s->rows;
	return 0;
}

char *stage_sources(const struct stage *s)
{
	return rk_db_text_array(s->sources.v, s->sources.n);
}

char *stage_indicators(const struct stage *s)
{
	return rk_db_text_array(s->indicators.v, s->indicators.n);
}

void stage_close(struct stage *s)
{
	if (!s)
		return;
	if (s->copying) {
		PQsetnonblocking(rk_db_conn(s->db), 0);
		if (PQputCopyEnd(rk_db_conn(s->db),
				 "reckon-load: load abandoned") == 1)
			drain(s, NULL);
	}
	distinct_free(&s->sources);
	distinct_free(&s->indicators);
	copybuf_free(&s->buf);
	free(s);
}
