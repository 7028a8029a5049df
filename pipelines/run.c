/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "run.h"
#include "path.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cluster.h"
#include "db.h"
#include "grow.h"
#include "proc.h"
#include "runid.h"
#include "tally.h"

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int run_plan(struct run *r, const struct rk_config *cfg,
	     const struct run_options *o, struct rk_error *err)
{
	memset(r, 0, sizeof(*r));
	manifest_init(&r->m);
	r->cfg = cfg;
	r->opt = *o;
	if (!r->opt.out)
		r->opt.out = "runs";
	if (!cfg->pipeline || !cfg->pipeline[0] || cfg->pipeline[0] == '.' ||
	    strchr(cfg->pipeline, '/')) {
		rk_error_set(err, RK_EXIT_CONFIG, cfg->path, 0,
			     "pipeline name '%s' cannot name a directory",
			     cfg->pipeline ? cfg->pipeline : "");
		rk_error_hint(err, "use letters, digits, '-' and '_'");
		return -1;
	}
	if (plan_build(&r->plan, cfg, o->use_db, o->as_of, o->only, o->nonly,
		       err) < 0)
		return -1;
	r->plan.editions = o->editions;
	for (size_t i = 0; o->as_of && i < r->plan.nsteps; i++)
		if (r->plan.steps[i].kind == PLAN_LOAD)
			r->plan.steps[i].skipped = 1;
	return 0;
}

int run_check(struct run *r, struct rk_error *err)
{
	if (plan_check_inputs(&r->plan, err) < 0)
		return -1;
	return plan_find_programs(&r->plan, r->opt.self_dir, err);
}

static int hash_only(struct run *r, struct rk_error *err)
{
	const struct rk_config *cfg = r->cfg;

	if (r->opt.nonly == 0)
		return 0;
	r->m.only = calloc(cfg->nsources, sizeof(*r->m.only));
	if (!r->m.only)
		return rk_error_oom(err);
	/* in config order, whatever the command line's */
	for (size_t i = 0; i < r->plan.nsteps; i++) {
		const struct plan_step *s = &r->plan.steps[i];

		if (s->kind == PLAN_EXTRACT && !s->previous &&
		    manifest_set(&r->m.only[r->m.nonly++], s->source->id,
				 err) < 0)
			return -1;
	}
	return 0;
}

/*
 * path (resolved against the config's directory, as the config loader
 * does) relative to that directory again: what the manifest records.
 */
static const char *from_config_dir(const struct rk_config *cfg,
				   const char *path)
{
	size_t n = strlen(cfg->dir);

	if (strcmp(cfg->dir, ".") == 0 || path[0] == '\0')
		return path;
	if (strncmp(path, cfg->dir, n) != 0)
		return path;
	if (n > 0 && cfg->dir[n - 1] == '/')
		return path + n;
	return path[n] == '/' ? path + n + 1 : path;
}

static void log_start(struct run *r);

/* The config and code lists: everything hashed but the inputs. */
static int hash_config(struct run *r, struct rk_error *err)
{
	const struct rk_config *cfg = r->cfg;
	struct manifest *m = &r->m;

	m->use_db = r->opt.use_db;
	if (manifest_set(&m->version, RECKON_VERSION, err) < 0 ||
	    manifest_set(&m->pipeline, cfg->pipeline, err) < 0 ||
	    manifest_set(&m->source_date_epoch, getenv("SOURCE_DATE_EPOCH"),
			 err) < 0 ||
	    manifest_set(&m->as_of, r->opt.as_of, err) < 0 ||
	    manifest_set(&m->config_dir, cfg->dir, err) < 0 ||
	    hash_only(r, err) < 0 ||
	    manifest_hash_file(&m->config, NULL, cfg->path, err) < 0 ||
	    manifest_set(&m->config.path, from_config_dir(cfg, cfg->path),
			 err) < 0)
		return -1;
	for (size_t i = 0; i < r->plan.ncodelists; i++) {
		const char *p = r->plan.codelists[i];

		if (manifest_add_codelist(m, from_config_dir(cfg, p), p,
					  err) < 0)
			return -1;
	}
	return 0;
}

static int set_id(struct run *r, struct rk_error *err)
{
	char id[RUNID_LEN + 1];

	runid_compute(&r->m, id);
	if (manifest_set(&r->m.run_id, id, err) < 0)
		return -1;
	r->plan.run_id = r->m.run_id;
	return 0;
}

static int hash_inputs_here(struct run *r, struct rk_error *err)
{
	const struct rk_config *cfg = r->cfg;

	for (size_t i = 0; i < r->plan.ninputs; i++) {
		const char *p = r->plan.inputs[i].path;

		if (manifest_add_input(&r->m, r->plan.inputs[i].source,
				       from_config_dir(cfg, p), p, err) < 0)
			return -1;
	}
	return set_id(r, err);
}

int run_hash(struct run *r, struct rk_error *err)
{
	return hash_config(r, err) < 0 ? -1 : hash_inputs_here(r, err);
}

/*
 * Files hashed on a second thread while a stage runs: the front is
 * otherwise idle then.  The inputs are hashed while the first stage runs
 * (hashing a large input before starting would add its whole time to the
 * run's), each raw file while the stages after its extraction run.
 */
struct run_hashing {
	pthread_t thread;
	size_t n;
	char **path;                   /* owned */
	struct manifest_file *got;     /* sha256 and size, per path */
	struct rk_error err;
	int failed;
	int joined;
};

static void *hash_files(void *arg)
{
	struct run_hashing *h = arg;

	for (size_t i = 0; i < h->n; i++)
		if (rk_sha256_file(h->path[i], h->got[i].sha256,
				   &h->got[i].size, &h->err) < 0) {
			h->failed = 1;
			break;
		}
	return NULL;
}

static void hashing_free(struct run_hashing *h)
{
	if (!h)
		return;
	if (!h->joined)
		pthread_join(h->thread, NULL);
	for (size_t i = 0; h->path && i < h->n; i++)
		free(h->path[i]);
	free(h->path);
	free(h->got);
	free(h);
}

/* Starts hashing n files; NULL when that cannot be (hash them here). */
static struct run_hashing *hashing_start(const char *const *path, size_t n)
{
	struct run_hashing *h = calloc(1, sizeof(*h));

	if (!h)
		return NULL;
	h->path = calloc(n + 1, sizeof(*h->path));
	h->got = calloc(n + 1, sizeof(*h->got));
	h->joined = 1;
	for (size_t i = 0; h->path && i < n; i++, h->n++)
		if ((h->path[i] = strdup(path[i])) == NULL)
			break;
	if (!h->path || !h->got || h->n < n ||
	    pthread_create(&h->thread, NULL, hash_files, h) != 0) {
		hashing_free(h);
		return NULL;
	}
	h->joined = 0;
	return h;
}

/* Waits for the thread; 0, or -1 with err set when a file failed. */
static int hashing_join(struct run_hashing *h, struct rk_error *err)
{
	if (!h->joined)
		pthread_join(h->thread, NULL);
	h->joined = 1;
	if (h->failed) {
		*err = h->err;
		return -1;
	}
	return 0;
}

int run_hash_start(struct run *r, struct rk_error *err)
{
	const char **paths;

	if (hash_config(r, err) < 0)
		return -1;
	paths = calloc(r->plan.ninputs + 1, sizeof(*paths));
	for (size_t i = 0; paths && i < r->plan.ninputs; i++)
		paths[i] = r->plan.inputs[i].path;
	r->hashing = paths ? hashing_start(paths, r->plan.ninputs) : NULL;
	free(paths);
	return r->hashing ? 0 : hash_inputs_here(r, err);
}

/* Waits for the inputs' hashing thread; frees it.  0, or -1 with err set. */
static int hash_join(struct run *r, struct rk_error *err)
{
	struct run_hashing *h = r->hashing;
	int rc;

	if (!h)
		return 0;
	rc = hashing_join(h, err);
	for (size_t i = 0; rc == 0 && i < r->plan.ninputs; i++) {
		const char *p = r->plan.inputs[i].path;

		rc = manifest_add_input_hashed(&r->m, r->plan.inputs[i].source,
					       from_config_dir(r->cfg, p),
					       h->got[i].sha256, h->got[i].size,
					       err);
	}
	hashing_free(h);
	r->hashing = NULL;
	return rc;
}

/* Starts hashing a raw file, after the one before it is hashed. */
static void hash_raw(struct run *r, const char *full)
{
	struct run_hashing **v;
	struct rk_error ignored = { 0 };

	if (r->nraw && hashing_join(r->raw[r->nraw - 1], &ignored) < 0)
		return;     /* list_outputs hashes again, and says why */
	v = realloc(r->raw, (r->nraw + 1) * sizeof(*v));
	if (!v)
		return;
	r->raw = v;
	if ((v[r->nraw] = hashing_start(&full, 1)) != NULL)
		r->nraw++;
}

/* A raw file's digest from hash_raw, or NULL. */
static const struct manifest_file *raw_hashed(struct run *r, const char *full)
{
	struct rk_error ignored = { 0 };

	for (size_t i = 0; i < r->nraw; i++)
		if (strcmp(r->raw[i]->path[0], full) == 0)
			return hashing_join(r->raw[i], &ignored) == 0 ?
				       &r->raw[i]->got[0] : NULL;
	return NULL;
}

/*
 * The inputs are hashed (run_hash_start's thread has ended, or there was
 * none): the run has its id, its directory its final name, and the log its
 * head.
 */
static int hashed(struct run *r, struct rk_error *err)
{
	if (r->m.run_id)
		return 0;
	if (hash_join(r, err) < 0 || set_id(r, err) < 0 ||
	    rundir_set_id(&r->dir, r->m.run_id, err) < 0)
		return -1;
	log_start(r);
	return 0;
}

char *run_final_dir(const struct run *r)
{
	size_t n = strlen(r->opt.out) + strlen(r->cfg->pipeline) +
		   RUNID_LEN + 3;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s/%s", r->opt.out, r->cfg->pipeline,
			 r->m.run_id ? r->m.run_id : "RUNID");
	return p;
}

/* ---- the log ---- */

static void log_cmd(const struct run *r, const struct proc_cmd *c)
{
	size_t tl = strlen(r->dir.tmp);

	fputs("\n$", r->log);
	for (size_t i = 0; i < c->argc; i++) {
		const char *a = c->argv[i];

		if (strncmp(a, r->dir.tmp, tl) == 0)
			fprintf(r->log, " %s%s", r->dir.final, a + tl);
		else
			fprintf(r->log, " %s", a);
	}
	fputc('\n', r->log);
}

/* Appends n bytes of s to the malloc'd string *dst. */
static void append(char **dst, const char *s, size_t n)
{
	size_t have = *dst ? strlen(*dst) : 0;
	char *m = realloc(*dst, have + n + 1);

	if (!m)
		return;
	memcpy(m + have, s, n);
	m[have + n] = '\0';
	*dst = m;
}

/*
 * The text of fd (a stage's stdout or stderr, a memory file) with the
 * temporary name of the run directory replaced by its final one, which is
 * where the user will find the files named; malloc'd, NULL when empty or
 * unreadable.
 */
static char *stage_text(const struct run *r, int fd)
{
	char *raw = NULL, *out = NULL;
	size_t len = 0, cap = 0, tl = strlen(r->dir.tmp);
	const char *p, *hit;
	ssize_t n;

	if (lseek(fd, 0, SEEK_SET) != 0)
		return NULL;
	/* read whole, growing by doubling (a chatty stage writes a lot) */
	while (rk_grow((void **)&raw, &cap, len + 8192 + 1, 1) == 0 &&
	       ((n = read(fd, raw + len, 8192)) > 0 ||
		(n < 0 && errno == EINTR)))
		len += n > 0 ? (size_t)n : 0;
	if (raw)
		raw[len] = '\0';
	if (!len) {
		free(raw);
		return NULL;
	}
	for (p = raw; p && (hit = strstr(p, r->dir.tmp)) != NULL; p = hit + tl) {
		append(&out, p, (size_t)(hit - p));
		append(&out, r->dir.final, strlen(r->dir.final));
	}
	if (p)
		append(&out, p, strlen(p));
	free(raw);
	return out;
}

/*
 * Copies fd into the log (and into r->messages when keep): the messages
 * are kept even when the log cannot be written (a full disk).
 */
static void log_file(struct run *r, int fd, int keep)
{
	char *text = stage_text(r, fd);

	if (!text)
		return;
	fputs(text, r->log);
	if (keep)
		append(&r->messages, text, strlen(text));
	free(text);
}

/* Without a database, --as-of leaves out a source with no edition yet. */
static void log_left_out(struct run *r)
{
	for (size_t i = 0; !r->opt.use_db && r->opt.as_of &&
			   i < r->cfg->nsources; i++) {
		const struct rk_source *s = &r->cfg->sources[i];
		long cur, prev;
		int selected = r->opt.nonly == 0;

		for (size_t k = 0; k < r->opt.nonly; k++)
			selected |= !strcmp(r->opt.only[k], s->id);
		rk_source_editions_on(s, r->opt.as_of, &cur, &prev);
		if (selected && cur == RK_EDITION_NONE)
			fprintf(r->log, "left out: source %s, whose first "
				"edition is dated after %s\n", s->id,
				r->opt.as_of);
	}
}

static void log_start(struct run *r)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(r->m.started, sizeof(r->m.started), "%Y-%m-%dT%H:%M:%SZ",
		 &tm);
	fprintf(r->log, "reckon %s: run %s of pipeline %s (%s)\n",
		RECKON_VERSION, r->m.run_id, r->cfg->pipeline, r->cfg->path);
	fprintf(r->log, "started %s\n", r->m.started);
	fprintf(r->log, "(built in %s and renamed at the end: paths below "
		"name the final directory)\n", r->dir.tmp);
	fprintf(r->log, "mode: %s\n", r->opt.use_db ? "database" :
		"files only (--no-db)");
	if (r->opt.as_of)
		fprintf(r->log, "as of: %s (nothing loaded; the editions "
			"current on that day compared)\n", r->opt.as_of);
	log_left_out(r);
	if (r->opt.use_db && r->opt.db_note)
		fprintf(r->log, "database: %s\n", r->opt.db_note);
	if (r->m.source_date_epoch)
		fprintf(r->log, "SOURCE_DATE_EPOCH=%s\n",
			r->m.source_date_epoch);
}

/* ---- the stages ---- */

static int run_step(struct run *r, size_t i, size_t k, size_t n,
		    struct manifest_stage *ms, struct rk_error *err)
{
	const struct plan_step *s = &r->plan.steps[i];
	int out = -1, errs = -1;
	struct proc_cmd c;
	double t0;
	pid_t pid;
	int status = 0, rc = -1;

	proc_cmd_init(&c);
	if ((out = proc_memfile("stdout", err)) < 0 ||
	    (errs = proc_memfile("stderr", err)) < 0)
		goto out;
	if (plan_step_cmd(&r->plan, s, r->dir.tmp, &c, err) < 0)
		goto out;
	if (r->opt.progress)
		r->opt.progress(ms, k, n, -1, r->opt.ctx);
	t0 = now();
	if (proc_start(s->path, &c, out, errs, &pid, err) < 0)
		goto out;
	if (hashed(r, err) < 0) {
		struct rk_error ignored = { 0 };

		kill(pid, SIGTERM);
		proc_wait(s->path, pid, &status, &ignored);
		goto out;
	}
	log_cmd(r, &c);
	fflush(r->log);
	if (proc_wait(s->path, pid, &status, err) < 0)
		goto out;
	ms->seconds = now() - t0;
	ms->ran = 1;
	ms->exit = status;
	log_file(r, out, 0);
	/* a source with collect: says who sent its forms even when it is
	   read: shown with the run's messages */
	log_file(r, errs, status != 0 || (s->kind == PLAN_EXTRACT &&
					  s->edition == RK_EDITION_LATEST &&
					  s->source && s->source->collect));
	fprintf(r->log, "exit %d after %.3f s\n", status, ms->seconds);
	rc = 0;
out:
	proc_cmd_release(&c);
	if (out >= 0)
		close(out);
	if (errs >= 0)
		close(errs);
	return rc;
}

/* rows of dir/rel; -1 with err set when it is not there */
/* Rows of rejects.csv kept with a warning (t->matches). */
static int tally_rejects(const struct run *r, struct tally *t,
			 struct rk_error *err)
{
	char *p = rk_path_join(r->dir.tmp, "rejects.csv");
	int rc;

	if (!p)
		return rk_error_oom(err);
	rc = tally_csv(p, "action", "kept", t, err);
	free(p);
	return rc;
}

static int count_rows(const struct run *r, const struct plan_step *s,
		      const char *rel, const char *column, struct tally *t,
		      int required, struct rk_error *err)
{
	char *p = rk_path_join(r->dir.tmp, rel);
	int rc = 0;

	t->rows = t->matches = -1;
	if (!p)
		return rk_error_oom(err);
	if (access(p, F_OK) != 0) {
		if (required) {
			rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				     "%s ended well but wrote no %s",
				     s->program, rel);
			rc = -1;
		}
	} else {
		rc = tally_csv(p, column, column && !strcmp(column, "action")
				    ? "rejected" : "significant", t, err);
	}
	free(p);
	return rc;
}

static int count_results(struct run *r, const struct plan_step *s,
			 struct manifest_stage *ms, struct rk_error *err)
{
	char *dir = rk_path_join(r->dir.tmp, "results");
	char **files = NULL;
	size_t n = 0;
	int rc = -1;

	if (!dir || rundir_list(dir, &files, &n, NULL) < 0) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
			     "%s ended well but its results cannot be read",
			     s->program);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		char rel[600];
		struct tally t;
		int cells = strcmp(files[i], "cells.csv") == 0;

		if (strlen(files[i]) < 5 ||
		    strcmp(files[i] + strlen(files[i]) - 4, ".csv") != 0)
			continue;
		snprintf(rel, sizeof(rel), "results/%s", files[i]);
		if (count_rows(r, s, rel, cells ? "flag" : NULL, &t, 1,
			       err) < 0 ||
		    manifest_add_result(&r->m, files[i], t.rows, err) < 0)
			goto out;
		if (cells) {
			ms->rows = t.rows;
			r->m.significant = t.matches;
		}
	}
	rc = 0;
out:
	rundir_list_free(files, n);
	free(dir);
	return rc;
}

static int count_step(struct run *r, size_t i, struct manifest_stage *ms,
		      struct rk_error *err)
{
	const struct plan_step *s = &r->plan.steps[i];
	struct tally t;

	switch (s->kind) {
	case PLAN_EXTRACT: {
		char *full = rk_path_join(r->dir.tmp, s->output);

		if (full)
			hash_raw(r, full);
		free(full);
		if (count_rows(r, s, s->output, NULL, &t, 1, err) < 0)
			return -1;
		ms->rows = t.rows;
		if (!s->previous)
			r->m.raw_rows = (r->m.raw_rows < 0 ? 0 : r->m.raw_rows)
					+ t.rows;
		return 0;
	}
	case PLAN_NORMALISE:
		if (s->previous) {      /* the editions before: rows only */
			if (count_rows(r, s, s->output, NULL, &t, 1, err) < 0)
				return -1;
			ms->rows = t.rows;
			return 0;
		}
		if (count_rows(r, s, "tidy.csv", NULL, &t, 1, err) < 0)
			return -1;
		ms->rows = r->m.tidy_rows = t.rows;
		/* rows rejected or flagged; not the sources' totals and notes
		   (action checked, noted) */
		if (count_rows(r, s, "rejects.csv", "action", &t, 0, err) < 0)
			return -1;
		r->m.rejects = t.rows < 0 ? -1 : t.matches;
		if (t.rows >= 0) {
			if (tally_rejects(r, &t, err) < 0)
				return -1;
			r->m.rejects += t.matches;
		}
		if (count_rows(r, s, "unmapped.csv", NULL, &t, 0, err) < 0)
			return -1;
		r->m.unmapped = t.rows;
		return 0;
	case PLAN_COMPARE:
		return count_results(r, s, ms, err);
	case PLAN_REPORT: {
		char *p = rk_path_join(r->dir.tmp, s->output);
		int there = p && access(p, F_OK) == 0;

		free(p);
		if (!there)
			return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					    "%s ended well but wrote no %s",
					    s->program, s->output);
		return 0;
	}
	case PLAN_LOAD:
		return 0;
	}
	return 0;
}

/* ---- the run ---- */

static int add_stages(struct run *r, struct rk_error *err)
{
	for (size_t i = 0; i < r->plan.nsteps; i++) {
		const struct plan_step *s = &r->plan.steps[i];

		if (!manifest_add_stage(&r->m, s->stage,
					s->source ? s->source->id : NULL,
					s->program,
					s->output[0] ? s->output : NULL, err))
			return -1;
	}
	return 0;
}

static int write_manifest(struct run *r, struct rk_error *err)
{
	char *p = rk_path_join(r->dir.tmp, "manifest.json");
	int rc;

	if (!p)
		return rk_error_oom(err);
	rc = manifest_write(&r->m, p, err);
	free(p);
	return rc;
}

static int list_outputs(struct run *r, struct rk_error *err)
{
	char **files = NULL;
	size_t n = 0;
	int rc = 0;

	if (rundir_list(r->dir.tmp, &files, &n, NULL) < 0)
		rc = rk_error_set(err, RK_EXIT_IOERR, r->dir.tmp, 0,
				  "cannot list the run directory");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char *full;

		if (strcmp(files[i], "manifest.json") == 0 ||
		    strcmp(files[i], "log.txt") == 0)
			continue;
		full = rk_path_join(r->dir.tmp, files[i]);
		if (!full) {
			rc = rk_error_oom(err);
		} else {
			const struct manifest_file *h = raw_hashed(r, full);

			rc = h ? manifest_add_output_hashed(&r->m, files[i],
							    h->sha256, h->size,
							    err) :
				 manifest_add_output(&r->m, files[i], full, err);
		}
		free(full);
	}
	rundir_list_free(files, n);
	return rc;
}

/*
 * Ends the run: the manifest in full, the log closed, the directory
 * renamed into place (to .failed when failed).
 */
static int finish(struct run *r, double t0, int failed, struct rk_error *err)
{
	struct rk_error e = { 0 };
	const char *suffix = failed ? ".failed" : NULL;
	char *final;

	r->m.finished = 1;
	r->m.seconds = now() - t0;
	/* a failed run keeps what it did even when its manifest or log
	 * cannot be written (a full disk): the .failed directory is all the
	 * user has to look at */
	if ((list_outputs(r, &e) < 0 || write_manifest(r, &e) < 0) &&
	    !failed)
		goto fail;
	fprintf(r->log, "\n%s with exit %d after %.3f s\n",
		failed ? "stopped" : "finished", r->m.exit, r->m.seconds);
	if (fclose(r->log) != 0 && !failed) {
		r->log = NULL;
		rk_error_set(&e, RK_EXIT_IOERR, "log.txt", 0, "cannot write");
		goto fail;
	}
	r->log = NULL;
	if (rundir_commit(&r->dir, suffix, &r->replaced, &e) < 0)
		goto fail;
	final = failed ? malloc(strlen(r->dir.final) + 8) : strdup(r->dir.final);
	if (final && failed)
		sprintf(final, "%s.failed", r->dir.final);
	r->where = final;
	return 0;
fail:
	if (!failed)
		*err = e;
	return -1;
}

static int stage_failed(struct run *r, size_t i, struct rk_error *err)
{
	const struct manifest_stage *ms = &r->m.stages[i];

	r->m.exit = ms->exit;
	if (manifest_set(&r->m.failed_stage, ms->name, err) < 0)
		return -1;
	if (ms->exit >= 128) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
			     "%s was ended by signal %d", ms->program,
			     ms->exit - 128);
		r->m.exit = RK_EXIT_SOFTWARE;
	} else {
		rk_error_set(err, ms->exit, NULL, 0,
			     "stage %s%s%s failed: %s exited with status %d",
			     ms->name, ms->source ? " " : "",
			     ms->source ? ms->source : "", ms->program,
			     ms->exit);
	}
	return -1;
}

/*
 * verify: the warehouse keeps the editions the run loaded, and compare
 * reads them by the run's editions.csv; loading the run's tidy.csv again
 * would make a new edition of old figures once the warehouse has moved
 * on.  The load is recorded as the run recorded it.
 */
static void replay_load(struct run *r, struct manifest_stage *ms)
{
	ms->ran = 1;
	ms->exit = 0;
	fprintf(r->log, "\n(load: not run again: the warehouse keeps every "
		"edition, and compare reads the run's, %s)\n",
		r->opt.editions);
}

static int run_stages(struct run *r, struct rk_error *err)
{
	size_t n = 0, k = 0;

	for (size_t i = 0; i < r->plan.nsteps; i++)
		n += !r->plan.steps[i].skipped;
	for (size_t i = 0; i < r->plan.nsteps; i++) {
		struct manifest_stage *ms = &r->m.stages[i];

		if (r->plan.steps[i].skipped)
			continue;
		if (r->plan.steps[i].kind == PLAN_LOAD && r->opt.replay_load) {
			replay_load(r, ms);
			k++;
			continue;
		}
		if (r->plan.steps[i].kind == PLAN_REPORT &&
		    write_manifest(r, err) < 0)
			return -1;
		if (run_step(r, i, k++, n, ms, err) < 0)
			return -1;
		if (ms->exit != 0 && ms->exit != RK_EXIT_THRESHOLD)
			return stage_failed(r, i, err);
		if (ms->exit == RK_EXIT_THRESHOLD)
			r->m.exit = RK_EXIT_THRESHOLD;
		if (count_step(r, i, ms, err) < 0) {
			r->m.exit = err->code;
			manifest_set(&r->m.failed_stage, ms->name, NULL);
			return -1;
		}
		if (r->opt.progress)
			r->opt.progress(ms, k - 1, n, ms->seconds, r->opt.ctx);
	}
	return hashed(r, err);      /* when no stage ran */
}

/* previous/raw/: where the editions before are extracted. */
static int previous_dirs(struct run *r, struct rk_error *err)
{
	char *p = rk_path_join(r->dir.tmp, "previous/raw");
	int rc;

	if (!p)
		return rk_error_oom(err);
	rc = rundir_mkdirs(p, err);
	free(p);
	return rc;
}

int run_execute(struct run *r, struct rk_error *err)
{
	double t0 = now();
	char *log;

	/* named after the run id once the inputs are hashed (hashed()) */
	if (rundir_create(&r->dir, r->opt.out, r->cfg->pipeline,
			  r->m.run_id ? r->m.run_id : "run", err) < 0)
		return -1;
	log = rk_path_join(r->dir.tmp, "log.txt");
	r->log = log ? fopen(log, "w") : NULL;
	free(log);
	if (!r->log)
		return rk_error_set(err, RK_EXIT_CANTCREAT, r->dir.parent, 0,
				    "cannot create log.txt in the run "
				    "directory");
	if (r->m.run_id)
		log_start(r);
	if (plan_has_previous(&r->plan) && previous_dirs(r, err) < 0)
		return -1;
	if (add_stages(r, err) < 0)
		return -1;
	if (run_stages(r, err) < 0) {
		if (r->m.failed_stage)
			finish(r, t0, 1, err);
		return -1;
	}
	if (finish(r, t0, 0, err) < 0)
		return -1;
	return r->m.exit;
}

char *run_db_note(const char *dsn)
{
	struct rk_cluster *c;
	char *note = NULL;

	switch (rk_db_choose(dsn)) {
	case RK_DB_VIA_ARG:
		return rk_db_redact(dsn);
	case RK_DB_VIA_ENV:
		return rk_db_redact(getenv("RECKON_DB"));
	case RK_DB_VIA_LIBPQ:
		return strdup("libpq's PG* environment or service file");
	case RK_DB_VIA_PRIVATE:
		break;
	}
	c = rk_cluster_open(NULL, NULL);
	if (c) {
		size_t n = strlen(rk_cluster_home(c)) + 32;

		note = malloc(n);
		if (note)
			snprintf(note, n, "the private cluster in %s",
				 rk_cluster_home(c));
	}
	rk_cluster_close(c);
	return note ? note : strdup("the private cluster");
}

void run_release(struct run *r)
{
	struct rk_error ignored = { 0 };

	hash_join(r, &ignored);
	for (size_t i = 0; i < r->nraw; i++)
		hashing_free(r->raw[i]);
	free(r->raw);
	if (r->log)
		fclose(r->log);
	rundir_release(&r->dir);
	plan_release(&r->plan);
	manifest_release(&r->m);
	free(r->where);
	free(r->messages);
	memset(r, 0, sizeof(*r));
}
