/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "plan.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "infile.h"

static char *concat(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

static int selected(const char *id, char *const *only, size_t nonly)
{
	if (nonly == 0)
		return 1;
	for (size_t i = 0; i < nonly; i++)
		if (strcmp(only[i], id) == 0)
			return 1;
	return 0;
}

static int check_only(const struct rk_config *cfg, char *const *only,
		      size_t nonly, struct rk_error *err)
{
	for (size_t i = 0; i < nonly; i++) {
		char ids[512] = "";

		if (rk_config_source(cfg, only[i]))
			continue;
		for (size_t k = 0; k < cfg->nsources; k++) {
			if (k)
				strncat(ids, ", ", sizeof(ids) - strlen(ids) - 1);
			strncat(ids, cfg->sources[k].id,
				sizeof(ids) - strlen(ids) - 1);
		}
		rk_error_set(err, RK_EXIT_USAGE, cfg->path, 0,
			     "no source '%s' in the pipeline", only[i]);
		rk_error_hint(err, "--only takes source ids: %s", ids);
		return -1;
	}
	return 0;
}

static struct plan_step *add_step(struct plan *p, enum plan_kind kind,
				  const char *stage, const char *program,
				  const char *output, struct rk_error *err)
{
	struct plan_step *v = realloc(p->steps, (p->nsteps + 1) * sizeof(*v));
	struct plan_step *s;

	if (!v) {
		rk_error_oom(err);
		return NULL;
	}
	p->steps = v;
	s = &v[p->nsteps];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->stage = stage;
	s->program = program;
	s->output = strdup(output);
	if (!s->output) {
		rk_error_oom(err);
		return NULL;
	}
	p->nsteps++;
	return s;
}

static int add_input(struct plan *p, const char *path, const char *source,
		     const char *edition, struct rk_error *err)
{
	struct plan_input *v = realloc(p->inputs, (p->ninputs + 1) * sizeof(*v));

	if (!v)
		return rk_error_oom(err);
	p->inputs = v;
	v[p->ninputs].path = strdup(path);
	v[p->ninputs].source = source;
	v[p->ninputs].edition = edition;
	v[p->ninputs].exists = access(path, R_OK) == 0;
	if (!v[p->ninputs].path)
		return rk_error_oom(err);
	p->ninputs++;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_csv(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".csv") == 0;
}

static int list_codelists(struct plan *p, struct rk_error *err)
{
	const char *dir = p->cfg->codelists_dir;
	DIR *d;
	struct dirent *e;
	int rc = 0;

	if (!dir)
		return 0;
	d = opendir(dir);
	if (!d) {
		p->codelists_missing = 1;
		return 0;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		char **v;

		if (!is_csv(e->d_name))
			continue;
		v = realloc(p->codelists, (p->ncodelists + 1) * sizeof(*v));
		if (!v || !(v[p->ncodelists] = concat(dir, "/", e->d_name))) {
			if (v)
				p->codelists = v;
			rc = rk_error_oom(err);
			break;
		}
		p->codelists = v;
		p->ncodelists++;
	}
	closedir(d);
	if (p->ncodelists > 1)
		qsort(p->codelists, p->ncodelists, sizeof(*p->codelists),
		      by_name);
	return rc;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * Which editions of src the plan reads: without a database, the one
 * current on as_of and the one before it (the config's editions:); with
 * one, its file: (the warehouse keeps the editions it was given).
 */
static void editions_of(const struct plan *p, const struct rk_source *src,
			long *cur, long *prev)
{
	*cur = RK_EDITION_LATEST;
	*prev = RK_EDITION_NONE;
	if (!p->use_db)
		rk_source_editions_on(src, p->as_of, cur, prev);
}

/* The extract step of edition e of src, and its files as inputs. */
static int add_extract(struct plan *p, const struct rk_source *src, long e,
		       int previous, struct rk_error *err)
{
	const struct rk_strlist *files = rk_source_edition_files(src, e);
	const char *edition = e == RK_EDITION_LATEST ? NULL
				: rk_source_edition_name(src, e);
	char *out = concat(previous ? "previous/raw/" : "raw/", src->id,
			   ".csv");
	struct plan_step *s;

	if (!out)
		return rk_error_oom(err);
	s = add_step(p, PLAN_EXTRACT, previous ? "extract-previous" :
		     "extract", "reckon-extract", out, err);
	free(out);
	if (!s)
		return -1;
	s->source = src;
	s->edition = e;
	s->previous = previous;
	/* every file of the edition: each is hashed into the run */
	for (size_t f = 0; f < files->n; f++)
		if (add_input(p, files->items[f], src->id, edition, err) < 0)
			return -1;
	return 0;
}

/* Each selected source's edition, then the editions before them. */
static int add_extracts(struct plan *p, char *const *only, size_t nonly,
			struct rk_error *err)
{
	const struct rk_config *cfg = p->cfg;

	for (int previous = 0; previous < 2; previous++)
		for (size_t i = 0; i < cfg->nsources; i++) {
			const struct rk_source *src = &cfg->sources[i];
			long cur, prev, e;

			if (!selected(src->id, only, nonly))
				continue;
			editions_of(p, src, &cur, &prev);
			e = previous ? prev : cur;
			if (e != RK_EDITION_NONE &&
			    add_extract(p, src, e, previous, err) < 0)
				return -1;
		}
	return 0;
}

static int add_steps(struct plan *p, char *const *only, size_t nonly,
		     struct rk_error *err)
{
	const struct rk_config *cfg = p->cfg;
	struct plan_step *s;

	if (add_extracts(p, only, nonly, err) < 0)
		return -1;
	/* case lists are inputs too: their hashes go into the run id */
	for (size_t i = 0; i < cfg->ncompares; i++)
		for (size_t k = 0; k < cfg->compares[i].cases.n; k++)
			if (add_input(p, cfg->compares[i].cases.items[k].value,
				      cfg->compares[i].cases.items[k].key,
				      NULL, err) < 0)
				return -1;
	/* and so are the populations that counts become rates of */
	for (size_t i = 0; i < cfg->ncompares; i++)
		if (cfg->compares[i].denominators &&
		    add_input(p, cfg->compares[i].denominators,
			      "denominators", NULL, err) < 0)
			return -1;
	if (!add_step(p, PLAN_NORMALISE, "normalise", "reckon-normalise",
		      "tidy.csv", err))
		return -1;
	if (plan_has_previous(p)) {
		s = add_step(p, PLAN_NORMALISE, "normalise-previous",
			     "reckon-normalise", "previous/tidy.csv", err);
		if (!s)
			return -1;
		s->previous = 1;
	}
	s = add_step(p, PLAN_LOAD, "load", "reckon-load", "", err);
	if (!s)
		return -1;
	s->skipped = !p->use_db;
	if (!add_step(p, PLAN_COMPARE, "compare", "reckon-compare", "results",
		      err) ||
	    !add_step(p, PLAN_REPORT, "report", "reckon-report", p->brief, err))
		return -1;
	return 0;
}

int plan_has_previous(const struct plan *p)
{
	for (size_t i = 0; i < p->nsteps; i++)
		if (p->steps[i].previous)
			return 1;
	return 0;
}

int plan_build(struct plan *p, const struct rk_config *cfg, int use_db,
	       const char *as_of, char *const *only, size_t nonly,
	       struct rk_error *err)
{
	memset(p, 0, sizeof(*p));
	p->cfg = cfg;
	p->use_db = use_db;
	p->as_of = as_of;
	if (check_only(cfg, only, nonly, err) < 0)
		return -1;
	p->brief = strdup(cfg->report.output ? base_name(cfg->report.output) :
			  "brief.xlsx");
	if (!p->brief)
		return rk_error_oom(err);
	if (add_steps(p, only, nonly, err) < 0 || list_codelists(p, err) < 0)
		return -1;
	return 0;
}

int plan_find_programs(struct plan *p, const char *self_dir,
		       struct rk_error *err)
{
	int rc = 0;

	for (size_t i = 0; i < p->nsteps; i++) {
		struct plan_step *s = &p->steps[i];
		struct rk_error e = { 0 };

		if (s->skipped || s->path)
			continue;
		s->path = proc_find(s->program, self_dir, &e);
		if (!s->path && rc == 0) {
			*err = e;
			rc = -1;
		}
	}
	return rc;
}

int plan_check_inputs(const struct plan *p, struct rk_error *err)
{
	if (access(p->cfg->path, R_OK) != 0)
		return rk_error_set(err, RK_EXIT_NOINPUT, p->cfg->path, 0,
				    "the config cannot be read");
	if (p->codelists_missing) {
		rk_error_set(err, RK_EXIT_NOINPUT, p->cfg->codelists_dir, 0,
			     "the code-list directory is missing");
		rk_error_hint(err, "create it, or correct codelists.dir in %s",
			      p->cfg->path);
		return -1;
	}
	for (size_t i = 0; i < p->ninputs; i++) {
		enum rk_infile_kind kind;

		if (p->inputs[i].exists) {
			if (rk_infile_kind(p->inputs[i].path, NULL, &kind,
					   err) < 0)
				return -1;
			if (kind == RK_INFILE_REGULAR)
				continue;
			/* a run hashes its inputs and verify reads them
			 * again: a pipe or device gives neither */
			rk_error_set(err, RK_EXIT_NOINPUT, p->inputs[i].path, 0,
				     "input of source '%s' is not a regular "
				     "file", p->inputs[i].source);
			rk_error_hint(err, "a run records and rereads its "
					   "inputs: save it to a file and "
					   "name that in %s", p->cfg->path);
			return -1;
		}
		if (p->inputs[i].edition) {
			rk_error_set(err, RK_EXIT_NOINPUT, p->inputs[i].path,
				     0, "edition '%s' of source '%s' is "
				     "missing", p->inputs[i].edition,
				     p->inputs[i].source);
			rk_error_hint(err, "put the file there, or correct its "
					   "file: under the source's editions: "
					   "in %s", p->cfg->path);
			return -1;
		}
		rk_error_set(err, RK_EXIT_NOINPUT, p->inputs[i].path, 0,
			     "input of source '%s' is missing",
			     p->inputs[i].source);
		rk_error_hint(err, "put the file there, or correct the "
				   "source's file: in %s", p->cfg->path);
		return -1;
	}
	return 0;
}

/* ---- command lines ---- */

static int add(struct proc_cmd *c, const char *a, struct rk_error *err)
{
	return proc_cmd_add(c, a, err);
}

/* dir/rel: a file in the run directory */
static int add_path(struct proc_cmd *c, const char *dir, const char *rel,
		    struct rk_error *err)
{
	char *s = concat(dir, "/", rel);
	int rc;

	if (!s)
		return rk_error_oom(err);
	rc = add(c, s, err);
	free(s);
	return rc;
}

static int opt_path(struct proc_cmd *c, const char *opt, const char *dir,
		    const char *rel, struct rk_error *err)
{
	return add(c, opt, err) < 0 ? -1 : add_path(c, dir, rel, err);
}

/* forms_ID.csv: who sent the forms of a source with collect: */
static char *forms_name(const struct rk_source *src)
{
	return concat("forms_", src->id, ".csv");
}

static int extract_cmd(const struct plan_step *s, const char *dir,
		       struct proc_cmd *c, struct rk_error *err)
{
	if (add(c, "--source", err) < 0 || add(c, s->source->id, err) < 0)
		return -1;
	if (s->source->collect && !s->previous) {
		char *name = forms_name(s->source);
		int rc = name ? opt_path(c, "--forms-summary", dir, name, err)
			      : rk_error_oom(err);

		free(name);
		if (rc < 0)
			return -1;
	}
	if (s->edition != RK_EDITION_LATEST &&
	    (add(c, "--edition", err) < 0 ||
	     add(c, rk_source_edition_name(s->source, s->edition), err) < 0))
		return -1;
	return opt_path(c, "-o", dir, s->output, err);
}

/* The current editions into tidy.csv; the ones before into previous/. */
static int normalise_cmd(const struct plan *p, const struct plan_step *s,
			 const char *dir, struct proc_cmd *c,
			 struct rk_error *err)
{
	const char *sub = s->previous ? "previous/" : "";
	char *out[3] = { concat(sub, "tidy.csv", ""),
			 concat(sub, "rejects.csv", ""),
			 concat(sub, "unmapped.csv", "") };
	int rc = -1;

	if (!out[0] || !out[1] || !out[2]) {
		rk_error_oom(err);
		goto out;
	}
	if (opt_path(c, "-o", dir, out[0], err) < 0 ||
	    opt_path(c, "--rejects", dir, out[1], err) < 0 ||
	    opt_path(c, "--unmapped", dir, out[2], err) < 0)
		goto out;
	for (size_t i = 0; i < p->nsteps; i++)
		if (p->steps[i].kind == PLAN_EXTRACT &&
		    p->steps[i].previous == s->previous &&
		    add_path(c, dir, p->steps[i].output, err) < 0)
			goto out;
	rc = 0;
out:
	for (size_t i = 0; i < 3; i++)
		free(out[i]);
	return rc;
}

/* Which editions compare reads: a run's again, or a day's. */
static int editions_opt(const struct plan *p, struct proc_cmd *c,
			struct rk_error *err)
{
	if (p->editions)
		return add(c, "--editions", err) < 0 ? -1
						     : add(c, p->editions, err);
	if (p->as_of)
		return add(c, "--as-of", err) < 0 ? -1 : add(c, p->as_of, err);
	return 0;
}

static int add_of(struct proc_cmd *c, const char *opt, const char *id,
		  const char *value, struct rk_error *err);

/* The extract step of src's current edition, or NULL. */
static const struct plan_step *current_of(const struct plan *p,
					  const struct rk_source *src)
{
	for (size_t i = 0; i < p->nsteps; i++)
		if (p->steps[i].kind == PLAN_EXTRACT && !p->steps[i].previous &&
		    p->steps[i].source == src)
			return &p->steps[i];
	return NULL;
}

/*
 * Without a database: the editions before, and the names revisions.csv
 * gives each source's two editions (the config's labels, else dates).
 */
static int previous_opts(const struct plan *p, const char *dir,
			 struct proc_cmd *c, struct rk_error *err)
{
	if (!plan_has_previous(p))
		return 0;
	if (opt_path(c, "--previous", dir, "previous/tidy.csv", err) < 0)
		return -1;
	for (size_t i = 0; i < p->nsteps; i++) {
		const struct plan_step *s = &p->steps[i], *cur;
		const char *name;

		if (s->kind != PLAN_EXTRACT || !s->previous)
			continue;
		cur = current_of(p, s->source);
		name = cur ? rk_source_edition_name(s->source, cur->edition)
			   : NULL;
		if ((name && add_of(c, "--edition-of", s->source->id, name,
				    err) < 0) ||
		    add_of(c, "--previous-edition-of", s->source->id,
			   rk_source_edition_name(s->source, s->edition),
			   err) < 0)
			return -1;
	}
	return 0;
}

static int compare_cmd(const struct plan *p, const char *dir,
		       struct proc_cmd *c, struct rk_error *err)
{
	if (opt_path(c, "--out", dir, "results", err) < 0)
		return -1;
	/* the database comes from RECKON_DB or libpq's settings, not argv;
	 * the cells are recorded there under the run's id */
	if (p->use_db)
		return add(c, "--db", err) < 0 || editions_opt(p, c, err) < 0
			       ? -1 :
		       !p->run_id ? 0 :
		       add(c, "--run-id", err) < 0 ? -1 : add(c, p->run_id, err);
	if (opt_path(c, "--from", dir, "tidy.csv", err) < 0)
		return -1;
	return previous_opts(p, dir, c, err);
}

/* opt SOURCE=VALUE */
static int add_of(struct proc_cmd *c, const char *opt, const char *id,
		  const char *value, struct rk_error *err)
{
	char *s = concat(id, "=", value);
	int rc;

	if (!s)
		return rk_error_oom(err);
	rc = add(c, opt, err) < 0 ? -1 : add(c, s, err);
	free(s);
	return rc;
}

/* The sources' editions from the config (edition: {label, date}). */
static int load_cmd(const struct plan *p, const char *dir,
		    struct proc_cmd *c, struct rk_error *err)
{
	for (size_t i = 0; i < p->nsteps; i++) {
		const struct rk_source *s = p->steps[i].source;

		if (p->steps[i].kind != PLAN_EXTRACT || p->steps[i].previous)
			continue;
		if ((s->edition_label &&
		     add_of(c, "--edition-of", s->id, s->edition_label,
			    err) < 0) ||
		    (s->edition_date &&
		     add_of(c, "--edition-date-of", s->id, s->edition_date,
			    err) < 0))
			return -1;
	}
	return add_path(c, dir, "tidy.csv", err);
}

static int report_cmd(const struct plan *p, const char *dir,
		      struct proc_cmd *c, struct rk_error *err)
{
	if (opt_path(c, "--results", dir, "results", err) < 0 ||
	    opt_path(c, "--data", dir, "tidy.csv", err) < 0 ||
	    opt_path(c, "--rejects", dir, "rejects.csv", err) < 0 ||
	    opt_path(c, "--unmapped", dir, "unmapped.csv", err) < 0 ||
	    opt_path(c, "--manifest", dir, "manifest.json", err) < 0)
		return -1;
	/* who sent the forms of the sources that collect them: a member
	   organisation whose form is missing leaves its source's figures
	   incomplete, and the brief says so */
	for (size_t i = 0; i < p->nsteps; i++) {
		const struct plan_step *s = &p->steps[i];
		char *name;
		int rc;

		if (s->kind != PLAN_EXTRACT || s->previous ||
		    !s->source->collect)
			continue;
		name = forms_name(s->source);
		rc = name ? opt_path(c, "--forms", dir, name, err)
			  : rk_error_oom(err);
		free(name);
		if (rc < 0)
			return -1;
	}
	/* provenance: the database target, from RECKON_DB or libpq */
	if (p->use_db && add(c, "--db", err) < 0)
		return -1;
	return opt_path(c, "-o", dir, p->brief, err);
}

int plan_step_cmd(const struct plan *p, const struct plan_step *s,
		  const char *dir, struct proc_cmd *c, struct rk_error *err)
{
	if (add(c, s->program, err) < 0 || add(c, "--config", err) < 0 ||
	    add(c, p->cfg->path, err) < 0)
		return -1;
	switch (s->kind) {
	case PLAN_EXTRACT: return extract_cmd(s, dir, c, err);
	case PLAN_NORMALISE: return normalise_cmd(p, s, dir, c, err);
	case PLAN_LOAD: return load_cmd(p, dir, c, err);
	case PLAN_COMPARE: return compare_cmd(p, dir, c, err);
	case PLAN_REPORT: return report_cmd(p, dir, c, err);
	}
	return 0;
}

/* ---- the dry-run view ---- */

static void write_cmd(FILE *f, const struct proc_cmd *c)
{
	for (size_t i = 0; i < c->argc; i++) {
		const char *a = c->argv[i];
		int plain = a[0] != '\0' &&
			    strpbrk(a, " \t\n'\"\\$`*?[]{}()<>|&;#~") == NULL;

		if (i)
			fputc(' ', f);
		if (plain) {
			fputs(a, f);
			continue;
		}
		fputc('\'', f);
		for (; *a; a++)
			if (*a == '\'')
				fputs("'\\''", f);
			else
				fputc(*a, f);
		fputc('\'', f);
	}
}

static void write_inputs(const struct plan *p, FILE *f)
{
	const struct rk_config *cfg = p->cfg;

	fprintf(f, "inputs:\n");
	fprintf(f, "  %-8s %s (config)\n",
		access(cfg->path, R_OK) == 0 ? "ok" : "MISSING", cfg->path);
	if (cfg->codelists_dir)
		fprintf(f, "  %-8s %s/ (%zu code lists)\n",
			p->codelists_missing ? "MISSING" : "ok",
			cfg->codelists_dir, p->ncodelists);
	for (size_t i = 0; i < p->ninputs; i++)
		fprintf(f, "  %-8s %s (source %s%s%s%s)\n",
			p->inputs[i].exists ? "ok" : "MISSING",
			p->inputs[i].path, p->inputs[i].source,
			p->inputs[i].edition ? ", edition '" : "",
			p->inputs[i].edition ? p->inputs[i].edition : "",
			p->inputs[i].edition ? "'" : "");
}

int plan_write(const struct plan *p, const char *dir, FILE *f,
	       struct rk_error *err)
{
	fprintf(f, "pipeline %s (%s)\n", p->cfg->pipeline, p->cfg->path);
	fprintf(f, "run directory %s\n", dir);
	write_inputs(p, f);
	fprintf(f, "stages:\n");
	for (size_t i = 0; i < p->nsteps; i++) {
		const struct plan_step *s = &p->steps[i];
		struct proc_cmd c;
		char name[128];

		snprintf(name, sizeof(name), "%s%s%s", s->stage,
			 s->source ? " " : "", s->source ? s->source->id : "");
		fprintf(f, "  %zu %-14s ", i + 1, name);
		if (s->skipped) {
			fprintf(f, "skipped (%s)\n", p->use_db ? "--as-of"
							     : "--no-db");
			continue;
		}
		proc_cmd_init(&c);
		if (plan_step_cmd(p, s, dir, &c, err) < 0) {
			proc_cmd_release(&c);
			return -1;
		}
		write_cmd(f, &c);
		fputc('\n', f);
		proc_cmd_release(&c);
	}
	return 0;
}

void plan_release(struct plan *p)
{
	for (size_t i = 0; i < p->nsteps; i++) {
		free(p->steps[i].output);
		free(p->steps[i].path);
	}
	free(p->steps);
	for (size_t i = 0; i < p->ninputs; i++)
		free(p->inputs[i].path);
	free(p->inputs);
	for (size_t i = 0; i < p->ncodelists; i++)
		free(p->codelists[i]);
	free(p->codelists);
	free(p->brief);
	memset(p, 0, sizeof(*p));
}
