/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _XOPEN_SOURCE 700
#include "verify.h"
#include "path.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cluster.h"
#include "config.h"
#include "db.h"
#include "jsondoc.h"
#include "rundir.h"
#include "runid.h"

static int add_item(struct verify *v, enum verify_kind kind, const char *path,
		    const char *detail, struct rk_error *err)
{
	struct verify_item *items = realloc(v->items,
					    (v->nitems + 1) * sizeof(*items));
	struct verify_item *it;

	if (!items)
		return rk_error_oom(err);
	v->items = items;
	it = &items[v->nitems];
	it->kind = kind;
	it->path = strdup(path);
	it->detail = detail ? strdup(detail) : NULL;
	if (!it->path || (detail && !it->detail)) {
		free(it->path);
		free(it->detail);
		return rk_error_oom(err);
	}
	v->nitems++;
	if (kind != VERIFY_SAME)
		v->nfindings++;
	return 0;
}

/* A recorded path as the working directory sees it (malloc'd). */
static char *recorded_path(const struct verify *v, const char *path)
{
	const char *dir = v->recorded.config_dir;

	if (path[0] == '/' || strcmp(dir, ".") == 0)
		return strdup(path);
	return rk_path_join(dir, path);
}

/* The directory that holds OUT when run_dir is OUT/PIPELINE/RUNID. */
static char *out_parent(const char *run_dir)
{
	char *p = rk_path_join(run_dir, "../../..");
	char *real = p ? realpath(p, NULL) : NULL;

	free(p);
	return real;
}

static int find_base(struct verify *v, struct rk_error *err)
{
	char *cfg = recorded_path(v, v->recorded.config.path), *cand;

	if (!cfg)
		return rk_error_oom(err);
	if (cfg[0] == '/' || access(cfg, F_OK) == 0) {
		free(cfg);
		return 0;
	}
	cand = out_parent(v->run_dir);
	if (cand) {
		char *p = rk_path_join(cand, cfg);
		int there = p && access(p, F_OK) == 0;

		free(p);
		if (there) {
			v->base = cand;
			free(cfg);
			return 0;
		}
		free(cand);
	}
	rk_error_set(err, RK_EXIT_NOINPUT, cfg, 0,
		     "the run's config is not found here, nor beside the run "
		     "directory");
	rk_error_hint(err, "run 'reckon verify' from the directory the run "
			   "was made in");
	free(cfg);
	return -1;
}

int verify_open(struct verify *v, const char *run_dir, struct rk_error *err)
{
	char *manifest;
	int rc;

	memset(v, 0, sizeof(*v));
	manifest_init(&v->recorded);
	v->run_dir = realpath(run_dir, NULL);
	if (!v->run_dir)
		return rk_error_set(err, RK_EXIT_NOINPUT, run_dir, 0,
				    "cannot open the run directory: %s",
				    strerror(errno));
	manifest = rk_path_join(v->run_dir, "manifest.json");
	if (!manifest)
		return rk_error_oom(err);
	rc = manifest_read(&v->recorded, manifest, err);
	free(manifest);
	if (rc < 0) {
		if (err && err->code == RK_EXIT_NOINPUT)
			rk_error_hint(err, "give a run directory that 'reckon "
					   "run' wrote (runs/PIPELINE/RUNID)");
		return -1;
	}
	if (!v->recorded.config_dir)
		return rk_error_set(err, RK_EXIT_DATAERR, "manifest.json", 0,
				    "not a reckon manifest: no config_dir "
				    "member (made before reckon recorded it)");
	return find_base(v, err);
}

/* ---- the run's identity ---- */

/* The directory's name is the run id, and the run id the hash of what the
 * manifest records: a run swapped in under another's name, or a manifest
 * edited, is found here. */
static int check_identity(struct verify *v, struct rk_error *err)
{
	const struct manifest *m = &v->recorded;
	const char *slash = strrchr(v->run_dir, '/');
	const char *name = slash ? slash + 1 : v->run_dir;
	char id[RUNID_LEN + 1], detail[200];

	if (strcmp(name, m->run_id) != 0) {
		snprintf(detail, sizeof(detail), "the manifest's run id is %.64s",
			 m->run_id);
		if (add_item(v, VERIFY_MISNAMED, name, detail, err) < 0)
			return -1;
	}
	runid_compute(m, id);
	if (strcmp(id, m->run_id) == 0)
		return 0;
	snprintf(detail, sizeof(detail), "run id %.64s is not the hash of what "
		 "the manifest records (%s)", m->run_id, id);
	return add_item(v, VERIFY_BAD_ID, "manifest.json", detail, err);
}

/* ---- inputs ---- */

static int check_file(struct verify *v, const struct manifest_file *f,
		      struct rk_error *err)
{
	struct manifest_file now;
	char detail[200], *path = recorded_path(v, f->path);
	int rc, n;

	if (!path)
		return rk_error_oom(err);
	if (access(path, F_OK) != 0) {
		v->ninputs_missing++;
		rc = add_item(v, VERIFY_MISSING, path,
			      f->source ? f->source : NULL, err);
		free(path);
		return rc;
	}
	rc = manifest_hash_file(&now, NULL, path, err);
	free(now.path);
	free(now.source);
	if (rc < 0 || strcmp(now.sha256, f->sha256) == 0) {
		free(path);
		return rc;
	}
	n = snprintf(detail, sizeof(detail), "%s%s%ssha256 was %.12s…, now "
		     "%.12s…", f->source ? "input of " : "",
		     f->source ? f->source : "", f->source ? ": " : "",
		     f->sha256, now.sha256);
	if (f->size != now.size && n > 0 && (size_t)n < sizeof(detail))
		snprintf(detail + n, sizeof(detail) - (size_t)n,
			 "; %lld bytes, now %lld", f->size, now.size);
	rc = add_item(v, VERIFY_CHANGED, path, detail, err);
	free(path);
	return rc;
}

/* Code lists in the recorded directory that the run did not have. */
static int check_added(struct verify *v, struct rk_error *err)
{
	const struct manifest *m = &v->recorded;
	char *first, *dir, *slash, **files = NULL;
	size_t n = 0;
	int rc = 0;

	if (m->ncodelists == 0)
		return 0;
	first = recorded_path(v, m->codelists[0].path);
	if (!first)
		return rk_error_oom(err);
	slash = strrchr(first, '/');
	dir = slash ? strndup(first, (size_t)(slash - first)) : strdup(".");
	if (!dir) {
		free(first);
		return rk_error_oom(err);
	}
	if (rundir_list(dir, &files, &n, NULL) < 0)
		n = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		char *p = rk_path_join(dir, files[i]);
		size_t k, len = strlen(files[i]);
		int known = 0;

		if (!p) {
			rc = rk_error_oom(err);
			break;
		}
		for (k = 0; k < m->ncodelists; k++) {
			char *rec = recorded_path(v, m->codelists[k].path);

			known |= rec && strcmp(rec, p) == 0;
			free(rec);
		}
		if (!known && !strchr(files[i], '/') && len > 4 &&
		    strcmp(files[i] + len - 4, ".csv") == 0)
			rc = add_item(v, VERIFY_ADDED, p, NULL, err);
		free(p);
	}
	rundir_list_free(files, n);
	free(dir);
	free(first);
	return rc;
}

int verify_inputs(struct verify *v, struct rk_error *err)
{
	const struct manifest *m = &v->recorded;

	if (check_identity(v, err) < 0 || check_file(v, &m->config, err) < 0)
		return -1;
	for (size_t i = 0; i < m->ncodelists; i++)
		if (check_file(v, &m->codelists[i], err) < 0)
			return -1;
	for (size_t i = 0; i < m->ninputs; i++)
		if (check_file(v, &m->inputs[i], err) < 0)
			return -1;
	return check_added(v, err);
}

/* ---- the rerun ---- */

static int rerun_env(const struct verify *v, struct rk_error *err)
{
	const char *sde = v->recorded.source_date_epoch;

	if ((sde ? setenv("SOURCE_DATE_EPOCH", sde, 1) :
		   unsetenv("SOURCE_DATE_EPOCH")) != 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "cannot set SOURCE_DATE_EPOCH: %s",
				    strerror(errno));
	return 0;
}

/*
 * A database run reruns against a configured database, or the private
 * cluster when it already runs, never one started for it: the stages are
 * told not to start it either (RK_DB_NO_START), so verify has nothing to
 * stop.
 */
static int rerun_db(const struct verify *v, struct rk_error *err)
{
	enum rk_cluster_state state;
	struct rk_cluster *c;
	pid_t pid;
	int rc;

	if (setenv(RK_DB_NO_START, "1", 1) != 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "cannot set " RK_DB_NO_START ": %s",
				    strerror(errno));
	if (!v->recorded.use_db || rk_db_choose(NULL) != RK_DB_VIA_PRIVATE)
		return 0;
	if (!(c = rk_cluster_open(NULL, err)))
		return -1;
	rc = rk_cluster_status(c, &state, &pid, err);
	if (rc == 0 && state != RK_CLUSTER_RUNNING) {
		rc = rk_error_set(err, RK_EXIT_UNAVAILABLE, NULL, 0,
				  "the run used the database, and verify starts "
				  "no database server");
		rk_error_hint(err, "give --db CONNINFO, or start the private "
				   "cluster with 'reckon db start', verify, then "
				   "'reckon db stop'");
	}
	rk_cluster_close(c);
	return rc;
}

static int make_out(struct verify *v, struct rk_error *err)
{
	const char *tmp = getenv("TMPDIR");

	v->rerun_out = rk_path_join(tmp && tmp[0] ? tmp : "/tmp", "reckon-verify.XXXXXX");
	if (!v->rerun_out)
		return rk_error_oom(err);
	if (!mkdtemp(v->rerun_out)) {
		rk_error_set(err, RK_EXIT_CANTCREAT, v->rerun_out, 0,
			     "cannot create a directory for the rerun: %s",
			     strerror(errno));
		free(v->rerun_out);
		v->rerun_out = NULL;
		return -1;
	}
	return 0;
}

/*
 * A database run's editions (results/editions.csv), read again by the
 * rerun's compare: the run's figures, whatever the warehouse received
 * since.  NULL for a run without one (files only, or made before
 * editions), and when out of memory.
 */
static char *recorded_editions(const struct verify *v)
{
	char *p = v->recorded.use_db ? rk_path_join(v->run_dir,
				"results/editions.csv") : NULL;
	char *real = p ? realpath(p, NULL) : NULL;

	free(p);
	return real;
}

/* Whether the run loaded (then the rerun does not load again). */
static int recorded_load(const struct verify *v)
{
	for (size_t i = 0; i < v->recorded.nstages; i++)
		if (strcmp(v->recorded.stages[i].name, "load") == 0)
			return v->recorded.stages[i].ran;
	return 0;
}

int verify_rerun(struct verify *v, const struct run_options *o,
		 struct rk_error *err)
{
	char *editions = NULL;
	struct rk_config *cfg = NULL;
	struct run_options ro = *o;
	struct run r;
	char *path;
	int rc = -1;

	memset(&r, 0, sizeof(r));
	if (rerun_env(v, err) < 0 || rerun_db(v, err) < 0 ||
	    make_out(v, err) < 0)
		return -1;
	path = recorded_path(v, v->recorded.config.path);
	cfg = path ? rk_config_load(path, err) : NULL;
	free(path);
	if (!cfg)
		return -1;
	ro.out = v->rerun_out;
	ro.use_db = v->recorded.use_db;
	ro.only = v->recorded.only;
	ro.nonly = v->recorded.nonly;
	ro.as_of = v->recorded.as_of;
	if ((editions = recorded_editions(v)) != NULL) {
		ro.editions = editions;
		ro.replay_load = recorded_load(v);
	}
	if (run_plan(&r, cfg, &ro, err) < 0 || run_check(&r, err) < 0 ||
	    run_hash(&r, err) < 0)
		goto out;
	if (run_execute(&r, err) < 0) {
		v->messages = r.messages;
		r.messages = NULL;
		goto out;
	}
	v->rerun_dir = r.where;
	r.where = NULL;
	rc = 0;
out:
	run_release(&r);
	rk_config_free(cfg);
	free(editions);
	return rc;
}

/* ---- comparing ---- */

/* Text outputs get a line number with the byte offset. */
static int is_text(const char *name)
{
	const char *dot = strrchr(name, '.');

	return dot && (strcmp(dot, ".csv") == 0 || strcmp(dot, ".txt") == 0 ||
		       strcmp(dot, ".json") == 0);
}

/* Where two files first differ, in detail: 1; 0 when they do not; -1
 * with err set when one cannot be read. */
static int file_diff(const char *a, const char *b, char *detail, size_t n,
		     struct rk_error *err)
{
	char line_note[48] = "";
	FILE *fa = fopen(a, "rb"), *fb = fa ? fopen(b, "rb") : NULL;
	long long off = 0, line = 1;
	int ca = EOF, cb = EOF, rc = 1;

	if (!fa || !fb) {
		rc = rk_error_set(err, RK_EXIT_NOINPUT, fa ? b : a, 0,
				  "cannot read: %s", strerror(errno));
		goto out;
	}
	for (;; off++) {
		ca = getc(fa);
		cb = getc(fb);
		if (ca != cb || ca == EOF)
			break;
		line += ca == '\n';
	}
	if (ferror(fa) || ferror(fb)) {
		rc = rk_error_set(err, RK_EXIT_NOINPUT, ferror(fa) ? a : b, 0,
				  "cannot read: %s", strerror(errno));
		goto out;
	}
	if (is_text(a))
		snprintf(line_note, sizeof(line_note), ", line %lld", line);
	if (ca == cb)
		rc = 0;
	else if (ca == EOF || cb == EOF)
		snprintf(detail, n, "the rerun's is %s (from byte %lld%s)",
			 ca == EOF ? "longer" : "shorter", off, line_note);
	else
		snprintf(detail, n, "first difference at byte %lld%s", off,
			 line_note);
out:
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return rc;
}

static int manifest_diff(const char *a, const char *b, char *detail,
			 size_t n, struct rk_error *err)
{
	struct jsondoc *da = jsondoc_load(a, err), *db = NULL;
	int rc = -1;

	if (!da || !(db = jsondoc_load(b, err)))
		goto out;
	rc = jsondoc_diff(da, db, "timings", detail, n);
out:
	jsondoc_free(da);
	jsondoc_free(db);
	return rc;
}

static int compare_one(struct verify *v, const char *name,
		       struct rk_error *err)
{
	char *a = rk_path_join(v->run_dir, name), *b = rk_path_join(v->rerun_dir, name);
	char detail[600] = "";
	int rc = -1, d;

	if (!a || !b) {
		rk_error_oom(err);
		goto out;
	}
	if (strcmp(name, "manifest.json") == 0)
		d = manifest_diff(a, b, detail, sizeof(detail), err);
	else
		d = file_diff(a, b, detail, sizeof(detail), err);
	if (d < 0)
		goto out;
	rc = add_item(v, d ? VERIFY_DIFFERS : VERIFY_SAME, name,
		      d ? detail : NULL, err);
out:
	free(a);
	free(b);
	return rc;
}

/* How path, which is not a regular file, is described. */
static void describe(const struct verify *v, const char *path, mode_t mode,
		     char *detail, size_t n)
{
	size_t len = strlen(v->run_dir);
	char to[PATH_MAX], *real;
	ssize_t k;

	if (!S_ISLNK(mode) || (k = readlink(path, to, sizeof(to) - 1)) < 0) {
		snprintf(detail, n, "%s, where a run writes regular files only",
			 S_ISLNK(mode) ? "a link" : S_ISFIFO(mode) ? "a FIFO" :
			 S_ISSOCK(mode) ? "a socket" : "a device or other "
			 "special file");
		return;
	}
	to[k] = '\0';
	real = realpath(path, NULL);
	if (!real)
		snprintf(detail, n, "a link to '%s', which does not exist "
			 "(links are not followed)", to);
	else if (strncmp(real, v->run_dir, len) != 0 || real[len] != '/')
		snprintf(detail, n, "a link to '%s', outside the run directory "
			 "(links are not followed)", to);
	else
		snprintf(detail, n, "a link to '%s', where a run writes regular "
			 "files only", to);
	free(real);
}

/* Anything in the run directory that is not a regular file, a link
 * above all, is a finding and is not read: 1 for one, 0 for a regular
 * file, -1 with err set. */
static int odd_entry(struct verify *v, const char *name, struct rk_error *err)
{
	char *p = rk_path_join(v->run_dir, name), detail[PATH_MAX + 100];
	struct stat st;
	int rc = 1;

	if (!p)
		return rk_error_oom(err);
	if (lstat(p, &st) != 0)
		rc = rk_error_set(err, RK_EXIT_NOINPUT, p, 0, "cannot read: %s",
				  strerror(errno));
	else if (S_ISREG(st.st_mode))
		rc = 0;
	else {
		describe(v, p, st.st_mode, detail, sizeof(detail));
		if (add_item(v, VERIFY_NOT_FILE, name, detail, err) < 0)
			rc = -1;
	}
	free(p);
	return rc;
}

static int walk(struct verify *v, char **x, size_t nx, char **y, size_t ny,
		struct rk_error *err)
{
	size_t i = 0, k = 0;

	while (i < nx || k < ny) {
		int c = i == nx ? 1 : k == ny ? -1 : strcmp(x[i], y[k]);
		const char *name = c <= 0 ? x[i] : y[k];
		int rc = c <= 0 ? odd_entry(v, name, err) : 0;

		if (rc != 0)
			rc = rc < 0 ? -1 : 0;
		else if (strcmp(name, "log.txt") == 0)
			rc = 0;
		else if (c < 0)
			rc = add_item(v, VERIFY_ONLY_RUN, name, NULL, err);
		else if (c > 0)
			rc = add_item(v, VERIFY_ONLY_RERUN, name, NULL, err);
		else
			rc = compare_one(v, name, err);
		if (rc < 0)
			return -1;
		i += c <= 0;
		k += c >= 0;
	}
	return 0;
}

int verify_compare(struct verify *v, struct rk_error *err)
{
	char **x = NULL, **y = NULL;
	size_t nx = 0, ny = 0;
	int rc = -1;

	if (rundir_list(v->run_dir, &x, &nx, err) < 0 ||
	    rundir_list(v->rerun_dir, &y, &ny, err) < 0)
		goto out;
	rc = walk(v, x, nx, y, ny, err);
	v->compared = rc == 0;
out:
	rundir_list_free(x, nx);
	rundir_list_free(y, ny);
	return rc;
}

/* ---- the report ---- */

static const char *const kind_word[] = {
	[VERIFY_SAME] = "same",
	[VERIFY_CHANGED] = "changed",
	[VERIFY_MISSING] = "missing",
	[VERIFY_ADDED] = "added",
	[VERIFY_DIFFERS] = "differs",
	[VERIFY_ONLY_RUN] = "not rerun",
	[VERIFY_ONLY_RERUN] = "new",
	[VERIFY_NOT_FILE] = "not a file",
	[VERIFY_MISNAMED] = "misnamed",
	[VERIFY_BAD_ID] = "bad run id",
};

enum finding_group { INPUTS, OUTPUTS, IDENTITY };

static enum finding_group group(enum verify_kind k)
{
	if (k == VERIFY_CHANGED || k == VERIFY_MISSING || k == VERIFY_ADDED)
		return INPUTS;
	if (k == VERIFY_MISNAMED || k == VERIFY_BAD_ID)
		return IDENTITY;
	return OUTPUTS;
}

static size_t count(const struct verify *v, enum finding_group g)
{
	size_t n = 0;

	for (size_t i = 0; i < v->nitems; i++)
		n += v->items[i].kind != VERIFY_SAME &&
		     group(v->items[i].kind) == g;
	return n;
}

void verify_write(const struct verify *v, FILE *f)
{
	const struct manifest *m = &v->recorded;
	size_t nin = count(v, INPUTS), nout = count(v, OUTPUTS), same = 0;

	fprintf(f, "reckon verify: run %s of pipeline %s\n", m->run_id,
		m->pipeline ? m->pipeline : "?");
	fprintf(f, "  inputs     %zu files recorded (config, code lists, "
		"sources), %s\n", 1 + m->ncodelists + m->ninputs,
		nin ? "not all as they were:" : "all as they were");
	for (size_t i = 0; i < v->nitems; i++) {
		const struct verify_item *it = &v->items[i];

		same += it->kind == VERIFY_SAME;
		fprintf(f, "  %-10s %s%s%s\n", kind_word[it->kind], it->path,
			it->detail ? ": " : "", it->detail ? it->detail : "");
	}
	if (v->nfindings == 0 && v->compared)
		fprintf(f, "verified: the rerun wrote the same %zu files byte "
			"for byte (manifest.json compared without its "
			"timings; log.txt not compared)\n", same);
	else if (v->nfindings)
		fprintf(f, "NOT verified: %zu %s not as recorded, %zu %s%s\n",
			nin, nin == 1 ? "input" : "inputs", nout,
			nout == 1 ? "output differs" : "outputs differ",
			count(v, IDENTITY) ? ", and the run id is not this "
			"run's" : "");
}

void verify_release(struct verify *v)
{
	if (v->rerun_out)
		rundir_remove_tree(v->rerun_out);
	free(v->rerun_out);
	free(v->rerun_dir);
	free(v->run_dir);
	free(v->base);
	free(v->messages);
	for (size_t i = 0; i < v->nitems; i++) {
		free(v->items[i].path);
		free(v->items[i].detail);
	}
	free(v->items);
	manifest_release(&v->recorded);
	memset(v, 0, sizeof(*v));
}
