/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "runinfo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "manifest.h"

static int dup(char **out, const char *s)
{
	*out = NULL;
	return s && (*out = strdup(s)) == NULL ? -1 : 0;
}

static int add_file(struct brief_manifest *m, const struct manifest_file *in,
		    const char *role, long rows, long rows_previous)
{
	struct brief_manifest_file *f;
	void *p = realloc(m->file, (m->nfile + 1) * sizeof(*m->file));

	if (!p)
		return -1;
	m->file = p;
	f = &m->file[m->nfile++];
	memset(f, 0, sizeof(*f));
	f->size = in->size;
	f->rows = rows;
	f->rows_previous = rows_previous;
	return dup(&f->role, role) | dup(&f->source, in->source) |
	       dup(&f->path, in->path) |
	       dup(&f->sha256, in->sha256[0] ? in->sha256 : NULL);
}

/* Rows the stage of source wrote; -1 when not recorded. */
static long extracted(const struct manifest *r, const char *stage,
		      const char *source)
{
	for (size_t i = 0; source && i < r->nstages; i++)
		if (r->stages[i].source && r->stages[i].name &&
		    !strcmp(r->stages[i].name, stage)
		    && !strcmp(r->stages[i].source, source))
			return r->stages[i].rows;
	return -1;
}

static int fill(struct brief_manifest *m, const struct manifest *r)
{
	if (dup(&m->version, r->version) < 0 ||
	    dup(&m->pipeline, r->pipeline) < 0 ||
	    dup(&m->run_id, r->run_id) < 0 ||
	    dup(&m->mode, r->use_db ? "database" : "files") < 0 ||
	    dup(&m->source_date_epoch, r->source_date_epoch) < 0 ||
	    dup(&m->as_of, r->as_of) < 0 ||
	    add_file(m, &r->config, "config", -1, -1) < 0)
		return -1;
	for (size_t i = 0; i < r->ncodelists; i++)
		if (add_file(m, &r->codelists[i], "codelist", -1, -1) < 0)
			return -1;
	for (size_t i = 0; i < r->ninputs; i++)
		if (add_file(m, &r->inputs[i], "input",
			     extracted(r, "extract", r->inputs[i].source),
			     extracted(r, "extract-previous",
				       r->inputs[i].source)) < 0)
			return -1;
	return 0;
}

int brief_manifest_read(struct brief_manifest *m, const char *path,
			struct rk_error *err)
{
	struct manifest r;
	int rc;

	memset(m, 0, sizeof(*m));
	if (manifest_read(&r, path, err) < 0) {
		if (err->code == RK_EXIT_DATAERR)
			rk_error_hint(err, "give the manifest.json that `reckon "
					   "run` wrote");
		return -1;
	}
	rc = fill(m, &r);
	manifest_release(&r);
	if (rc < 0)
		return rk_error_oom(err);
	return 0;
}

void brief_manifest_release(struct brief_manifest *m)
{
	for (size_t i = 0; i < m->nfile; i++) {
		free(m->file[i].role);
		free(m->file[i].source);
		free(m->file[i].path);
		free(m->file[i].sha256);
	}
	free(m->file);
	free(m->version);
	free(m->pipeline);
	free(m->run_id);
	free(m->mode);
	free(m->source_date_epoch);
	free(m->as_of);
	memset(m, 0, sizeof(*m));
}
