/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "prov.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runinfo.h"
#include "csvread.h"
#include "path.h"
#include "text.h"
#include "db.h"
#include "period.h"

static struct brief_file *new_file(struct brief *b, const char *role)
{
	struct brief_file *f = realloc(b->file, (b->nfile + 1) * sizeof(*f));

	if (!f)
		return NULL;
	b->file = f;
	f = &b->file[b->nfile++];
	memset(f, 0, sizeof(*f));
	f->role = role;
	f->size = -1;
	f->rows = -1;
	return f;
}

/* "dir/results/cells.csv" → "results/cells.csv"; "dir/tidy.csv" → "tidy.csv" */
static const char *shown_path(const char *role, const char *path)
{
	const char *last = strrchr(path, '/'), *p;

	if (!last)
		return path;
	if (strcmp(role, "result") != 0)
		return last + 1;
	for (p = last; p > path && p[-1] != '/'; p--)
		;
	return p == last ? last + 1 : p;
}

static int dup_or_null(char **out, const char *s)
{
	*out = NULL;
	return s && (*out = strdup(s)) == NULL ? -1 : 0;
}

int brief_prov_add(struct brief *b, const char *role, const char *path,
		   long rows, struct rk_error *err)
{
	struct brief_file *f = new_file(b, role);

	if (!f || dup_or_null(&f->path, shown_path(role, path)) < 0)
		return rk_error_oom(err);
	f->rows = rows;
	return rk_sha256_file(path, f->sha256, &f->size, err);
}

int brief_prov_config(struct brief *b, const struct brief_options *o,
		      struct rk_error *err)
{
	struct brief_file *f = new_file(b, "config");

	if (!f || dup_or_null(&f->path, o->config) < 0)
		return rk_error_oom(err);
	if (rk_sha256_file(o->config, f->sha256, &f->size, err) < 0)
		return -1;
	for (size_t i = 0; i < brief_labels_nfiles(b->labels); i++) {
		const char *path = brief_labels_file(b->labels, i);

		if (!(f = new_file(b, "codelist")) ||
		    dup_or_null(&f->path, path) < 0)
			return rk_error_oom(err);
		if (rk_sha256_file(path, f->sha256, &f->size, err) < 0)
			return -1;
	}
	return 0;
}

static const char *sheet_of(const struct brief *b, const char *source)
{
	const struct rk_source *s = source ? rk_config_source(b->cfg, source)
					   : NULL;

	return s ? s->layout.sheet : NULL;
}

/* Is path (as the manifest has it, from the config's directory) in l? */
static int listed(const struct rk_strlist *l, const char *path)
{
	size_t n = strlen(path);

	for (size_t k = 0; k < l->n; k++) {
		const char *f = l->items[k];
		size_t m = strlen(f);

		if (!strcmp(f, path) ||
		    (m > n && f[m - n - 1] == '/' && !strcmp(f + m - n, path)))
			return 1;
	}
	return 0;
}

/*
 * Is path one of the source's own files, rather than another input under
 * its id (a case list)?  1: of the edition the run read, 2: of the
 * edition before it (a files-only run of a source with editions:), 0.
 */
static int source_file(const struct brief *b, const struct brief_manifest *m,
		       const char *source, const char *path)
{
	const struct rk_source *s = source ? rk_config_source(b->cfg, source)
					   : NULL;
	int files_only = m->mode && !strcmp(m->mode, "files");
	long cur = RK_EDITION_LATEST, prev = RK_EDITION_NONE;

	if (!s)
		return 0;
	if (files_only)
		rk_source_editions_on(s, m->as_of, &cur, &prev);
	if (cur != RK_EDITION_NONE &&
	    listed(rk_source_edition_files(s, cur), path))
		return 1;
	return prev != RK_EDITION_NONE &&
	       listed(rk_source_edition_files(s, prev), path) ? 2 : 0;
}

/* The records of a CSV file (its header not counted); -1 unreadable. */
static long csv_records(const struct brief *b, const char *path)
{
	char *full = rk_path_join(b->cfg->dir, path);
	FILE *f = full ? fopen(full, "rb") : NULL;
	struct rk_error err = { 0 };
	struct rk_text *t = f ? rk_text_open(f, path, RK_ENC_AUTO, &err) : NULL;
	struct csvr *csv = t ? csvr_open(t, ',', path, &err) : NULL;
	struct csvr_row row;
	long n = -1;
	int rc = 0;

	while (csv && (rc = csvr_next(csv, &row, &err)) == 1)
		n += row.n > 0;
	csvr_close(csv);
	rk_text_close(t);
	if (f)
		fclose(f);
	free(full);
	return rc < 0 ? -1 : n;
}

/*
 * The code lists the run hashed that the labels did not read (a list of a
 * dimension no comparison uses is still in the run id).
 */
static int manifest_codelists(struct brief *b, const struct brief_manifest *m,
			      struct rk_error *err)
{
	for (size_t i = 0; i < m->nfile; i++) {
		const struct brief_manifest_file *mf = &m->file[i];
		struct brief_file *f;
		int listed = 0;

		if (strcmp(mf->role, "codelist") != 0 || !mf->sha256)
			continue;
		for (size_t k = 0; k < b->nfile; k++)
			listed |= !strcmp(b->file[k].role, "codelist") &&
				  !strcmp(b->file[k].sha256, mf->sha256);
		if (listed)
			continue;
		if (!(f = new_file(b, "codelist")) ||
		    dup_or_null(&f->path, mf->path ? mf->path : "") < 0)
			return rk_error_oom(err);
		snprintf(f->sha256, sizeof(f->sha256), "%s", mf->sha256);
		f->size = mf->size;
	}
	return 0;
}

/*
 * The inputs as the manifest recorded them: a source's own files with its
 * sheet and the rows extracted from it; another file under a source's id
 * (a case list, CSV) with its own records and no sheet.
 */
static int manifest_inputs(struct brief *b, const struct brief_manifest *m,
			   struct rk_error *err)
{
	for (size_t i = 0; i < m->nfile; i++) {
		const struct brief_manifest_file *mf = &m->file[i];
		const char *path = mf->path ? mf->path : "";
		int own = source_file(b, m, mf->source, path);
		struct brief_file *f;

		if (strcmp(mf->role, "input") != 0)
			continue;
		if (!(f = new_file(b, "input")) ||
		    dup_or_null(&f->path, path) < 0 ||
		    dup_or_null(&f->source, mf->source) < 0 ||
		    dup_or_null(&f->sheet, own ? sheet_of(b, mf->source)
					       : NULL) < 0)
			return rk_error_oom(err);
		snprintf(f->sha256, sizeof(f->sha256), "%s",
			 mf->sha256 ? mf->sha256 : "");
		f->size = mf->size;
		f->rows = own == 1 ? mf->rows : own == 2 ? mf->rows_previous
						   : csv_records(b, path);
	}
	return manifest_codelists(b, m, err);
}

/* Without a manifest: the config's source files, hashed when readable. */
static int config_inputs(struct brief *b, struct rk_error *err)
{
	for (size_t i = 0; i < b->cfg->nsources; i++) {
		const struct rk_source *s = &b->cfg->sources[i];
		struct brief_file *f;

		if (!s->file)
			continue;
		if (!(f = new_file(b, "input")) ||
		    dup_or_null(&f->path, s->file) < 0 ||
		    dup_or_null(&f->source, s->id) < 0 ||
		    dup_or_null(&f->sheet, s->layout.sheet) < 0)
			return rk_error_oom(err);
		if (access(s->file, R_OK) == 0 &&
		    rk_sha256_file(s->file, f->sha256, &f->size, err) < 0)
			return -1;
	}
	return 0;
}

/* Seconds since the epoch in s (digits only), or -1. */
static long long epoch_of(const char *s)
{
	long long v = 0;

	if (!*s || strlen(s) > 15)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* The last day of period text s, or -1 when it is not one. */
static long last_day_of(const char *s)
{
	struct rk_period p;
	char why[RK_PERIOD_REASON];

	if (!s || !*s || rk_period_parse(s, strlen(s), &p, why) < 0 ||
	    !p.year)
		return -1;
	return rk_period_last_day(&p);
}

/* The latest last day of the periods in column col of t (-1: none). */
static long latest_in(const struct brief_table *t, long col)
{
	const char *prev = NULL;
	long best = -1;

	for (size_t r = 0; col >= 0 && r < t->nrows; r++) {
		const char *s = brief_table_get(t, r, col);
		long d;

		if (prev && strcmp(prev, s) == 0)
			continue;           /* periods come in runs */
		prev = s;
		if ((d = last_day_of(s)) > best)
			best = d;
	}
	return best;
}

/*
 * The first second after the pipeline's period: its period.to; without
 * one, the latest period in the results and the data (then period.from),
 * so that a brief is never dated by a default (1980-01-01 only when there
 * is no period anywhere).
 */
static long long after_period(const struct brief *b)
{
	const struct rk_config *cfg = b->cfg;
	long last = last_day_of(cfg->period_to), d;

	if (last < 0) {
		last = latest_in(&b->cells, brief_table_col(&b->cells,
							     "period"));
		for (size_t f = 0; f < b->ndata; f++)
			if ((d = latest_in(&b->data[f], 2)) > last)
				last = d;
		if (last < 0)
			last = last_day_of(cfg->period_from);
	}
	if (last >= 0)
		return (last + 1) * 86400LL;
	return 315532800LL;
}

static int dated(struct brief *b, const struct brief_options *o,
		 const char *recorded, struct rk_error *err)
{
	long long t;

	if (o->source_date_epoch && *o->source_date_epoch) {
		if ((t = epoch_of(o->source_date_epoch)) < 0) {
			rk_error_set(err, RK_EXIT_USAGE, NULL, 0,
				     "SOURCE_DATE_EPOCH '%.32s' is not a "
				     "number of seconds", o->source_date_epoch);
			rk_error_hint(err, "set it to a Unix time like "
					   "1727740800, or unset it");
			return -1;
		}
		b->created_from = "SOURCE_DATE_EPOCH";
	} else if (recorded && (t = epoch_of(recorded)) >= 0) {
		b->created_from = "SOURCE_DATE_EPOCH";
	} else if (b->run_id) {
		t = after_period(b);
		b->created_from = "run";
	} else {
		t = o->now;
		b->created_from = "clock";
	}
	b->created = t > 0 ? t : 1;     /* libxlsxwriter takes 0 as "now" */
	return 0;
}

/* The database as libpq's environment names it, without a password. */
static char *libpq_env_target(void)
{
	static const char *const vars[] = { "PGSERVICE", "PGHOST", "PGHOSTADDR",
					    "PGPORT", "PGDATABASE", "PGUSER",
					    NULL };
	char buf[1024] = "";
	size_t len = 0;

	for (size_t i = 0; vars[i]; i++) {
		const char *v = getenv(vars[i]);

		if (v && *v && len < sizeof(buf))
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s=%s", len ? " " : "",
						vars[i], v);
	}
	return len ? strdup(buf) : NULL;
}

static int db_target(struct brief *b, const struct brief_options *o,
		     int database, struct rk_error *err)
{
	const char *conninfo = o->db && *o->db ? o->db : getenv("RECKON_DB");

	if (!o->db && !database)
		return (b->db_target = strdup("")) ? 0 : rk_error_oom(err);
	if (conninfo && *conninfo) {
		if ((b->db_target = rk_db_redact(conninfo)) == NULL)
			return rk_error_set(err, RK_EXIT_USAGE, NULL, 0,
					    "cannot parse the database "
					    "connection string");
		return 0;
	}
	if ((b->db_target = libpq_env_target()) != NULL)
		return 0;
	b->db_target = strdup("private cluster");
	return b->db_target ? 0 : rk_error_oom(err);
}

int brief_prov_run(struct brief *b, const struct brief_options *o,
		   struct rk_error *err)
{
	struct brief_manifest m = { 0 };
	int rc = -1, database = 0;

	if (o->manifest) {
		if (brief_manifest_read(&m, o->manifest, err) < 0 ||
		    brief_prov_add(b, "manifest", o->manifest, -1, err) < 0)
			goto out;
		if (dup_or_null(&b->run_id, m.run_id) < 0 ||
		    dup_or_null(&b->version, m.version) < 0 ||
		    dup_or_null(&b->pipeline, m.pipeline) < 0) {
			rk_error_oom(err);
			goto out;
		}
		database = m.mode && strcmp(m.mode, "database") == 0;
		if (manifest_inputs(b, &m, err) < 0)
			goto out;
	} else if (config_inputs(b, err) < 0) {
		goto out;
	}
	if (db_target(b, o, database, err) < 0 ||
	    dated(b, o, m.source_date_epoch, err) < 0)
		goto out;
	rc = 0;
out:
	brief_manifest_release(&m);
	return rc;
}

void brief_prov_release(struct brief *b)
{
	for (size_t i = 0; i < b->nfile; i++) {
		free(b->file[i].source);
		free(b->file[i].sheet);
		free(b->file[i].path);
	}
	free(b->file);
	free(b->run_id);
	free(b->version);
	free(b->pipeline);
	free(b->db_target);
}
