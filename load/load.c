/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "dimskey.h"
#include "edition.h"
#include "input.h"
#include "lock.h"
#include "merge.h"
#include "rowcheck.h"
#include "stage.h"
#include "tidy.h"

#define PROGRESS_EVERY 65536

/* Reads every row into the stage; run->read gets the count. */
static int stage_all(struct tidy_reader *r, struct stage *st,
		     const struct load_options *o, struct load_run *run,
		     struct rk_error *err)
{
	struct tidy_row row;
	long long n = 0;
	int rc;

	while ((rc = tidy_reader_next(r, &row, err)) == 1) {
		if (rowcheck(&row, run->input_name, err) < 0 ||
		    stage_row(st, &row, err) < 0)
			return -1;
		if (++n % PROGRESS_EVERY == 0 && o->progress)
			o->progress(o->progress_arg, n);
	}
	if (rc < 0)
		return -1;
	return stage_finish(st, &run->read, err);
}

static int config_digest(const struct load_options *o, struct load_run *run,
			 struct rk_error *err)
{
	run->config_name = o->config;
	run->config_sha256[0] = '\0';
	if (!o->config)
		return 0;
	return rk_sha256_file(o->config, run->config_sha256, NULL, err);
}

static int record_editions(struct rk_db *db, const struct stage *st,
			   const struct load_options *o, struct load_run *run,
			   struct rk_error *err)
{
	struct edition_request q = {
		o->edition, o->edition_date, o->edition_of, o->nedition_of,
		o->edition_date_of, o->nedition_date_of, stage_sources(st)
	};
	int rc;

	if (!q.sources)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	rc = edition_record(db, run, &q, &run->editions, err);
	free((char *)q.sources);
	return rc;
}

/* The transaction's part, from BEGIN to just before COMMIT. */
static int load_rows(struct rk_db *db, struct tidy_reader *r,
		     struct load_input *in, const struct load_options *o,
		     struct load_run *run, struct rk_error *err)
{
	struct dimskey *keys = NULL;
	struct stage *st = NULL;
	int rc = -1;

	run->dims = tidy_reader_dims(r, &run->ndims);
	keys = dimskey_new(run->dims, run->ndims, run->input_name, err);
	if (!keys || loadrun_begin(db, run, err) < 0)
		goto out;
	if (!(st = stage_open(db, keys, err)) ||
	    stage_all(r, st, o, run, err) < 0 ||
	    load_input_finish(in, run->input_sha256, &run->input_bytes,
			      err) < 0)
		goto out;
	if (merge_apply(db, run, st, err) < 0 ||
	    record_editions(db, st, o, run, err) < 0 ||
	    loadrun_finish(db, run, err) < 0)
		goto out;
	rc = 0;
out:
	stage_close(st);
	dimskey_free(keys);
	return rc;
}

static void rollback(struct rk_db *db)
{
	if (PQstatus(rk_db_conn(db)) == CONNECTION_OK)
		PQclear(PQexec(rk_db_conn(db), "ROLLBACK"));
}

int load_file(struct rk_db *db, const struct load_options *o,
	      struct load_run *run, struct rk_error *err)
{
	struct load_input *in = NULL;
	struct tidy_reader *r = NULL;
	int began = 0, rc = -1;

	memset(run, 0, sizeof(*run));
	run->replace = o->replace;
	if (config_digest(o, run, err) < 0 ||
	    !(in = load_input_open(o->input, err)))
		goto out;
	run->input_name = strcmp(o->input, "-") ? o->input : "stdin";
	if (!(r = tidy_reader_open(load_input_path(in), err)))
		goto out;
	/* the staging table in memory (settable before the session's first
	 * temporary table only, so before BEGIN; harmless if it fails) */
	PQclear(PQexec(rk_db_conn(db), "SET temp_buffers = '256MB'"));
	/* read committed whatever the server's default: under the lock,
	 * each statement sees what the loads before this one committed */
	if (rk_db_exec(db, "BEGIN ISOLATION LEVEL READ COMMITTED",
		       "cannot begin the load", err) < 0)
		goto out;
	began = 1;
	if (load_lock(db, "cannot lock the warehouse", err) < 0 ||
	    load_rows(db, r, in, o, run, err) < 0)
		goto out;
	if (rk_db_exec(db, o->dry_run ? "ROLLBACK" : "COMMIT",
		       "cannot commit the load", err) < 0)
		goto out;
	began = 0;
	rc = 0;
out:
	if (rc < 0 && began)
		rollback(db);
	if (rc < 0 && began && PQstatus(rk_db_conn(db)) != CONNECTION_OK)
		rk_error_hint(err, "a load is one transaction: nothing of "
				   "this one was kept; run it again when the "
				   "server is back");
	if (rc < 0 && in)
		load_input_name_error(in, err);
	run->dims = NULL;          /* the reader's, freed here */
	run->ndims = 0;
	tidy_reader_close(r);
	load_input_close(in);
	return rc;
}
