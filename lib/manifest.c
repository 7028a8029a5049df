/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "manifest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "jsondoc.h"
#include "outfile.h"

void manifest_init(struct manifest *m)
{
	memset(m, 0, sizeof(*m));
	m->raw_rows = m->tidy_rows = m->rejects = m->unmapped = -1;
	m->significant = -1;
}

static void file_release(struct manifest_file *f)
{
	free(f->source);
	free(f->path);
	f->source = f->path = NULL;
}

static void files_release(struct manifest_file *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		file_release(&f[i]);
	free(f);
}

void manifest_release(struct manifest *m)
{
	free(m->version);
	free(m->pipeline);
	free(m->run_id);
	for (size_t i = 0; i < m->nonly; i++)
		free(m->only[i]);
	free(m->only);
	free(m->source_date_epoch);
	free(m->as_of);
	free(m->config_dir);
	file_release(&m->config);
	files_release(m->codelists, m->ncodelists);
	files_release(m->inputs, m->ninputs);
	files_release(m->outputs, m->noutputs);
	for (size_t i = 0; i < m->nstages; i++) {
		free(m->stages[i].name);
		free(m->stages[i].source);
		free(m->stages[i].program);
		free(m->stages[i].output);
	}
	free(m->stages);
	for (size_t i = 0; i < m->nresults; i++)
		free(m->results[i].file);
	free(m->results);
	free(m->failed_stage);
	manifest_init(m);
}

int manifest_set(char **member, const char *value, struct rk_error *err)
{
	char *s = value ? strdup(value) : NULL;

	if (value && !s)
		return rk_error_oom(err);
	free(*member);
	*member = s;
	return 0;
}

/* Makes room for one more element of size sz in *v holding *n. */
static void *grow(void *v, size_t n, size_t sz)
{
	void *p = realloc(v, (n + 1) * sz);

	if (p)
		memset((char *)p + n * sz, 0, sz);
	return p;
}

int manifest_hash_file(struct manifest_file *f, const char *source,
		       const char *path, struct rk_error *err)
{
	memset(f, 0, sizeof(*f));
	if (manifest_set(&f->source, source, err) < 0 ||
	    manifest_set(&f->path, path, err) < 0)
		return -1;
	return rk_sha256_file(path, f->sha256, &f->size, err);
}

static int add_file(struct manifest_file **v, size_t *n, const char *source,
		    const char *path, const char *full, struct rk_error *err)
{
	struct manifest_file *p = grow(*v, *n, sizeof(**v));

	if (!p)
		return rk_error_oom(err);
	*v = p;
	if (manifest_hash_file(&p[*n], source, full, err) < 0 ||
	    manifest_set(&p[*n].path, path, err) < 0) {
		file_release(&p[*n]);
		return -1;
	}
	(*n)++;
	return 0;
}

static int add_hashed(struct manifest_file **v, size_t *n, const char *source,
		      const char *path, const char sha256[RK_SHA256_HEX],
		      long long size, struct rk_error *err)
{
	struct manifest_file *p = grow(*v, *n, sizeof(**v));

	if (!p)
		return rk_error_oom(err);
	*v = p;
	p += *n;
	if (manifest_set(&p->source, source, err) < 0 ||
	    manifest_set(&p->path, path, err) < 0) {
		file_release(p);
		return -1;
	}
	memcpy(p->sha256, sha256, RK_SHA256_HEX);
	p->size = size;
	(*n)++;
	return 0;
}

int manifest_add_input_hashed(struct manifest *m, const char *source,
			      const char *path,
			      const char sha256[RK_SHA256_HEX],
			      long long size, struct rk_error *err)
{
	return add_hashed(&m->inputs, &m->ninputs, source, path, sha256, size,
			  err);
}

int manifest_add_output_hashed(struct manifest *m, const char *path,
			       const char sha256[RK_SHA256_HEX],
			       long long size, struct rk_error *err)
{
	return add_hashed(&m->outputs, &m->noutputs, NULL, path, sha256, size,
			  err);
}

int manifest_add_input(struct manifest *m, const char *source,
		       const char *path, const char *full_path,
		       struct rk_error *err)
{
	return add_file(&m->inputs, &m->ninputs, source, path, full_path, err);
}

int manifest_add_codelist(struct manifest *m, const char *path,
			  const char *full_path, struct rk_error *err)
{
	return add_file(&m->codelists, &m->ncodelists, NULL, path, full_path,
			err);
}

int manifest_add_output(struct manifest *m, const char *path,
			const char *full_path, struct rk_error *err)
{
	return add_file(&m->outputs, &m->noutputs, NULL, path, full_path, err);
}

int manifest_add_result(struct manifest *m, const char *file, long rows,
			struct rk_error *err)
{
	struct manifest_result *p = grow(m->results, m->nresults, sizeof(*p));

	if (!p)
		return rk_error_oom(err);
	m->results = p;
	if (manifest_set(&p[m->nresults].file, file, err) < 0)
		return -1;
	p[m->nresults++].rows = rows;
	return 0;
}

struct manifest_stage *manifest_add_stage(struct manifest *m, const char *name,
					  const char *source,
					  const char *program,
					  const char *output,
					  struct rk_error *err)
{
	struct manifest_stage *p = grow(m->stages, m->nstages, sizeof(*p)), *s;

	if (!p) {
		rk_error_oom(err);
		return NULL;
	}
	m->stages = p;
	s = &p[m->nstages];
	s->rows = -1;
	if (manifest_set(&s->name, name, err) < 0 ||
	    manifest_set(&s->source, source, err) < 0 ||
	    manifest_set(&s->program, program, err) < 0 ||
	    manifest_set(&s->output, output, err) < 0) {
		free(s->name);
		free(s->source);
		free(s->program);
		free(s->output);
		memset(s, 0, sizeof(*s));
		return NULL;
	}
	m->nstages++;
	return s;
}

/* ---- writing ---- */

static void write_file(struct json_writer *j, const char *key,
		       const struct manifest_file *f)
{
	json_object_begin(j, key, 1);
	if (f->source)
		json_string(j, "source", f->source);
	json_string(j, "path", f->path);
	json_string(j, "sha256", f->sha256);
	json_int(j, "size", f->size);
	json_object_end(j);
}

static void write_files(struct json_writer *j, const char *key,
			const struct manifest_file *f, size_t n)
{
	json_array_begin(j, key, 0);
	for (size_t i = 0; i < n; i++)
		write_file(j, NULL, &f[i]);
	json_array_end(j);
}

static void write_count(struct json_writer *j, const char *key, long v)
{
	if (v < 0)
		json_null(j, key);
	else
		json_int(j, key, v);
}

static void write_stages(struct json_writer *j, const struct manifest *m)
{
	json_array_begin(j, "stages", 0);
	for (size_t i = 0; i < m->nstages; i++) {
		const struct manifest_stage *s = &m->stages[i];

		json_object_begin(j, NULL, 1);
		json_string(j, "stage", s->name);
		if (s->source)
			json_string(j, "source", s->source);
		json_string(j, "program", s->program);
		json_string(j, "output", s->output);
		if (s->ran)
			json_int(j, "exit", s->exit);
		else
			json_null(j, "exit");
		write_count(j, "rows", s->rows);
		json_object_end(j);
	}
	json_array_end(j);
}

static void write_counts(struct json_writer *j, const struct manifest *m)
{
	json_object_begin(j, "counts", 1);
	write_count(j, "raw", m->raw_rows);
	write_count(j, "tidy", m->tidy_rows);
	write_count(j, "rejects", m->rejects);
	write_count(j, "unmapped", m->unmapped);
	write_count(j, "significant", m->significant);
	json_object_end(j);
	json_array_begin(j, "results", 0);
	for (size_t i = 0; i < m->nresults; i++) {
		json_object_begin(j, NULL, 1);
		json_string(j, "file", m->results[i].file);
		json_int(j, "rows", m->results[i].rows);
		json_object_end(j);
	}
	json_array_end(j);
}

static void write_end(struct json_writer *j, const struct manifest *m)
{
	write_files(j, "outputs", m->outputs, m->noutputs);
	json_object_begin(j, "status", 1);
	json_int(j, "exit", m->exit);
	json_string(j, "failed_stage", m->failed_stage);
	json_object_end(j);
	/* last, and the only member that changes between identical runs */
	json_object_begin(j, "timings", 0);
	json_string(j, "started", m->started);
	json_seconds(j, "total", m->seconds);
	json_array_begin(j, "stages", 0);
	for (size_t i = 0; i < m->nstages; i++) {
		const struct manifest_stage *s = &m->stages[i];

		if (!s->ran)
			continue;
		json_object_begin(j, NULL, 1);
		json_string(j, "stage", s->name);
		if (s->source)
			json_string(j, "source", s->source);
		json_seconds(j, "seconds", s->seconds);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

static void write_doc(struct json_writer *j, const struct manifest *m)
{
	json_object_begin(j, NULL, 0);
	json_string(j, "reckon", m->version);
	json_string(j, "pipeline", m->pipeline);
	json_string(j, "run_id", m->run_id);
	json_string(j, "mode", m->use_db ? "database" : "files");
	json_array_begin(j, "only", 1);
	for (size_t i = 0; i < m->nonly; i++)
		json_string(j, NULL, m->only[i]);
	json_array_end(j);
	json_string(j, "source_date_epoch", m->source_date_epoch);
	if (m->as_of)
		json_string(j, "as_of", m->as_of);
	json_string(j, "config_dir", m->config_dir);
	write_file(j, "config", &m->config);
	write_files(j, "codelists", m->codelists, m->ncodelists);
	write_files(j, "inputs", m->inputs, m->ninputs);
	write_stages(j, m);
	write_counts(j, m);
	if (m->finished)
		write_end(j, m);
	json_object_end(j);
}

int manifest_write(const struct manifest *m, const char *path,
		   struct rk_error *err)
{
	struct rk_out out;
	struct json_writer j;

	if (rk_out_open(&out, path, err) < 0)
		return -1;
	json_writer_init(&j, out.f);
	write_doc(&j, m);
	if (json_writer_finish(&j, path, err) < 0 ||
	    rk_out_commit(&out, err) < 0) {
		rk_out_abort(&out);
		return -1;
	}
	return 0;
}

/* ---- reading ---- */

static int bad(struct rk_error *err, const char *path, const char *what)
{
	rk_error_set(err, RK_EXIT_DATAERR, path, 0,
		     "not a reckon manifest: %s", what);
	rk_error_hint(err, "give the run directory that 'reckon run' wrote");
	return -1;
}

static int read_file(const struct jsondoc *d, int node,
		     struct manifest_file *f, struct rk_error *err)
{
	const char *path = jsondoc_str(d, jsondoc_get(d, node, "path"));
	const char *sha = jsondoc_str(d, jsondoc_get(d, node, "sha256"));
	const char *size = jsondoc_str(d, jsondoc_get(d, node, "size"));

	memset(f, 0, sizeof(*f));
	if (!path || !sha || strlen(sha) != RK_SHA256_HEX - 1)
		return 1;
	memcpy(f->sha256, sha, RK_SHA256_HEX);
	f->size = size ? strtoll(size, NULL, 10) : -1;
	if (manifest_set(&f->path, path, err) < 0 ||
	    manifest_set(&f->source,
			 jsondoc_str(d, jsondoc_get(d, node, "source")),
			 err) < 0) {
		file_release(f);
		return -1;
	}
	return 0;
}

static int read_files(const struct jsondoc *d, const char *key,
		      struct manifest_file **v, size_t *n, const char *path,
		      struct rk_error *err)
{
	int arr = jsondoc_get(d, jsondoc_root(d), key);
	size_t count = jsondoc_count(d, arr);

	for (size_t i = 0; i < count; i++) {
		struct manifest_file *p = grow(*v, *n, sizeof(**v));
		int rc;

		if (!p)
			return rk_error_oom(err);
		*v = p;
		rc = read_file(d, jsondoc_at(d, arr, i), &p[*n], err);
		if (rc > 0)
			return bad(err, path, key);
		if (rc < 0)
			return -1;
		(*n)++;
	}
	return 0;
}

static int read_only(const struct jsondoc *d, struct manifest *m,
		     struct rk_error *err)
{
	int arr = jsondoc_get(d, jsondoc_root(d), "only");
	size_t n = jsondoc_count(d, arr);

	if (n == 0)
		return 0;
	m->only = calloc(n, sizeof(*m->only));
	if (!m->only)
		return rk_error_oom(err);
	for (size_t i = 0; i < n; i++) {
		if (manifest_set(&m->only[i],
				 jsondoc_str(d, jsondoc_at(d, arr, i)), err) < 0)
			return -1;
		m->nonly++;
	}
	return 0;
}

/* The stages as written: name, source, program, output, exit, rows. */
static int read_stages(const struct jsondoc *d, struct manifest *m,
		       struct rk_error *err)
{
	int arr = jsondoc_get(d, jsondoc_root(d), "stages");

	for (size_t i = 0, n = jsondoc_count(d, arr); i < n; i++) {
		int node = jsondoc_at(d, arr, i);
		const char *exit = jsondoc_str(d, jsondoc_get(d, node, "exit"));
		const char *rows = jsondoc_str(d, jsondoc_get(d, node, "rows"));
		struct manifest_stage *s = manifest_add_stage(m,
			jsondoc_str(d, jsondoc_get(d, node, "stage")),
			jsondoc_str(d, jsondoc_get(d, node, "source")),
			jsondoc_str(d, jsondoc_get(d, node, "program")),
			jsondoc_str(d, jsondoc_get(d, node, "output")), err);

		if (!s)
			return -1;
		s->ran = exit != NULL;
		s->exit = exit ? atoi(exit) : 0;
		s->rows = rows ? strtol(rows, NULL, 10) : -1;
	}
	return 0;
}

static int read_doc(const struct jsondoc *d, struct manifest *m,
		    const char *path, struct rk_error *err)
{
	int root = jsondoc_root(d);
	const char *mode = jsondoc_str(d, jsondoc_get(d, root, "mode"));
	int rc;

	if (!jsondoc_str(d, jsondoc_get(d, root, "reckon")) || !mode ||
	    !jsondoc_str(d, jsondoc_get(d, root, "run_id")))
		return bad(err, path, "no reckon, mode or run_id member");
	m->use_db = strcmp(mode, "database") == 0;
	if (manifest_set(&m->version,
			 jsondoc_str(d, jsondoc_get(d, root, "reckon")), err) ||
	    manifest_set(&m->pipeline,
			 jsondoc_str(d, jsondoc_get(d, root, "pipeline")), err) ||
	    manifest_set(&m->run_id,
			 jsondoc_str(d, jsondoc_get(d, root, "run_id")), err) ||
	    manifest_set(&m->source_date_epoch,
			 jsondoc_str(d, jsondoc_get(d, root,
						    "source_date_epoch")),
			 err) ||
	    manifest_set(&m->as_of,
			 jsondoc_str(d, jsondoc_get(d, root, "as_of")), err) ||
	    manifest_set(&m->config_dir,
			 jsondoc_str(d, jsondoc_get(d, root, "config_dir")),
			 err) ||
	    read_only(d, m, err) < 0)
		return -1;
	rc = read_file(d, jsondoc_get(d, root, "config"), &m->config, err);
	if (rc != 0)
		return rc < 0 ? -1 : bad(err, path, "config");
	if (read_files(d, "codelists", &m->codelists, &m->ncodelists, path,
		       err) < 0 ||
	    read_files(d, "inputs", &m->inputs, &m->ninputs, path, err) < 0 ||
	    read_files(d, "outputs", &m->outputs, &m->noutputs, path, err) < 0 ||
	    read_stages(d, m, err) < 0)
		return -1;
	return 0;
}

int manifest_read(struct manifest *m, const char *path, struct rk_error *err)
{
	struct jsondoc *d = jsondoc_load(path, err);
	int rc;

	if (!d)
		return -1;
	manifest_init(m);
	rc = read_doc(d, m, path, err);
	jsondoc_free(d);
	if (rc < 0)
		manifest_release(m);
	return rc;
}
