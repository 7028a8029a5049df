/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "record.h"

#include <libpq-fe.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copytext.h"
#include "db.h"
#include "dimskey.h"

struct compare_record {
	struct rk_db *db;
	const char *run_id;       /* borrowed */
	struct dimskey *key;
	struct copybuf buf;
	const char **values;      /* ndims, for the key */
	size_t ndims;
	int copying;
};

static const char COPY_SQL[] =
	"COPY reckon.discrepancy (run_id, indicator, period, dims_key, dims,"
	" reference, against, value_reference, value_against, difference,"
	" sym_pct, ratio, ratio_lo, ratio_hi, p_value, q_value, flag)"
	" FROM STDIN";

/* Whether the schema has the table: reckon-load makes it. */
static int have_table(struct compare_record *r, struct rk_error *err)
{
	int yes = rk_db_has_table(r->db, "reckon.discrepancy",
				  "cannot read the schema", err);

	if (yes != 0)
		return yes > 0 ? 0 : -1;
	rk_error_set(err, RK_EXIT_NOINPUT, rk_db_target(r->db), 0,
		     "the database has no reckon.discrepancy table");
	rk_error_hint(err, "load the data with reckon-load first: it creates "
			   "the schema");
	return -1;
}

struct compare_record *compare_record_open(const char *conninfo,
					   const char *run_id,
					   char *const *dims, size_t ndims,
					   struct rk_error *err)
{
	struct compare_record *r = calloc(1, sizeof(*r));
	const char *param[1] = { run_id };
	PGresult *res;

	if (!r || copybuf_init(&r->buf, 1 << 16) < 0 ||
	    !(r->values = calloc(ndims + 1, sizeof(*r->values)))) {
		rk_error_oom(err);
		goto fail;
	}
	r->run_id = run_id;
	r->ndims = ndims;
	r->key = dimskey_new(dims, ndims, "cells", err);
	if (!r->key || (r->db = rk_db_open(conninfo, "reckon-compare", err)) == NULL)
		goto fail;
	if (rk_db_exec(r->db, "BEGIN", "cannot begin", err) < 0 ||
	    have_table(r, err) < 0)
		goto fail;
	res = rk_db_query(r->db, "DELETE FROM reckon.discrepancy WHERE run_id = $1",
			  1, param, "cannot replace the run's discrepancies",
			  err);
	if (!res)
		goto fail;
	PQclear(res);
	res = PQexec(rk_db_conn(r->db), COPY_SQL);
	if (PQresultStatus(res) != PGRES_COPY_IN) {
		rk_db_fail(r->db, res, "cannot record the discrepancies", err);
		PQclear(res);
		goto fail;
	}
	PQclear(res);
	r->copying = 1;
	return r;
fail:
	compare_record_abort(r);
	return NULL;
}

static int text(struct copybuf *b, const char *s)
{
	return copybuf_text(b, s, strlen(s));
}

static int num(struct copybuf *b, double x)
{
	char s[40];

	return isfinite(x) ? text(b, compare_number(x, s)) : copybuf_null(b);
}

static int side(struct copybuf *b, unsigned char sd, double v)
{
	return sd == SIDE_VALUE ? num(b, v) : copybuf_null(b);
}

static int send(struct compare_record *r, struct rk_error *err)
{
	if (PQputCopyData(rk_db_conn(r->db), r->buf.data, (int)r->buf.len) != 1)
		return rk_db_fail(r->db, NULL, "cannot record the discrepancies",
				  err);
	copybuf_clear(&r->buf);
	return 0;
}

int compare_record_cells(struct compare_record *r, const struct compare_pair *p,
			 const struct alignment *al, const struct cell_stats *st,
			 struct rk_error *err)
{
	const struct obs_set *set = al->set;

	for (size_t i = 0; i < al->n; i++) {
		const struct aligned_cell *c = &al->cell[i];
		const size_t *v = align_dims(al, i);
		const char *key;
		size_t klen;
		int rc;

		for (size_t d = 0; d < r->ndims; d++)
			r->values[d] = set->str[v[d]];
		key = dimskey_make(r->key, r->values, &klen);
		if (!key)
			return rk_error_oom(err);
		rc = text(&r->buf, r->run_id) | text(&r->buf, p->indicator) |
		     text(&r->buf, set->str[c->period]) |
		     copybuf_text(&r->buf, key, klen) |
		     copybuf_text(&r->buf, key, klen) |       /* dims: jsonb */
		     text(&r->buf, p->reference) | text(&r->buf, p->against) |
		     side(&r->buf, c->sa, c->a) | side(&r->buf, c->sb, c->b) |
		     num(&r->buf, st[i].diff) | num(&r->buf, st[i].sym_pct) |
		     num(&r->buf, st[i].ratio) | num(&r->buf, st[i].lo) |
		     num(&r->buf, st[i].hi) | num(&r->buf, st[i].p) |
		     num(&r->buf, st[i].q);
		rc |= st[i].flag == CELL_UNTESTED ? copybuf_null(&r->buf) :
			text(&r->buf, cells_flag_text(&st[i]));
		if (rc | copybuf_end_row(&r->buf))
			return rk_error_oom(err);
		if (r->buf.len >= (1 << 16) && send(r, err) < 0)
			return -1;
	}
	return 0;
}

static void release(struct compare_record *r)
{
	dimskey_free(r->key);
	copybuf_free(&r->buf);
	free(r->values);
	rk_db_close(r->db);
	free(r);
}

int compare_record_commit(struct compare_record *r, struct rk_error *err)
{
	PGconn *conn = rk_db_conn(r->db);
	PGresult *res;
	int rc = 0;

	if (r->buf.len && send(r, err) < 0)
		goto fail;
	if (PQputCopyEnd(conn, NULL) != 1) {
		rk_db_fail(r->db, NULL, "cannot record the discrepancies", err);
		goto fail;
	}
	r->copying = 0;
	while ((res = PQgetResult(conn)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK && rc == 0)
			rc = rk_db_fail(r->db, res, "cannot record the "
					"discrepancies", err);
		PQclear(res);
	}
	if (rc == 0 && PQstatus(conn) != CONNECTION_OK)
		rc = rk_db_fail(r->db, NULL, "cannot record the discrepancies",
				err);
	if (rc < 0 || rk_db_exec(r->db, "COMMIT", "cannot commit the "
				 "discrepancies", err) < 0)
		goto fail;
	release(r);
	return 0;
fail:
	compare_record_abort(r);
	return -1;
}

void compare_record_abort(struct compare_record *r)
{
	struct rk_error ignored = { 0 };

	if (!r)
		return;
	if (r->db && r->copying) {
		PGresult *res;

		PQputCopyEnd(rk_db_conn(r->db), "aborted");
		while ((res = PQgetResult(rk_db_conn(r->db))) != NULL)
			PQclear(res);
	}
	if (r->db)
		rk_db_exec(r->db, "ROLLBACK", "cannot roll back", &ignored);
	release(r);
}
