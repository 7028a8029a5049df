/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "manifest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

/* The node of key in mapping node n, or NULL. */
static yaml_node_t *member(yaml_document_t *d, yaml_node_t *n,
			   const char *key)
{
	if (!n || n->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(d, p->key);

		if (k && k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(d, p->value);
	}
	return NULL;
}

/* A scalar's text, NULL for a JSON null or a non-scalar. */
static const char *text(yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    strcmp((const char *)n->data.scalar.value, "null") == 0)
		return NULL;
	return (const char *)n->data.scalar.value;
}

static int dup(char **out, const char *s)
{
	*out = NULL;
	return s && (*out = strdup(s)) == NULL ? -1 : 0;
}

static long long number(yaml_node_t *n)
{
	const char *s = text(n);
	char *end;
	long long v;

	if (!s || !*s)
		return -1;
	v = strtoll(s, &end, 10);
	return *end ? -1 : v;
}

static int add_file(struct brief_manifest *m, yaml_document_t *d,
		    yaml_node_t *n, const char *role)
{
	struct brief_manifest_file *f;
	void *p;

	if (!n || n->type != YAML_MAPPING_NODE)
		return 0;
	p = realloc(m->file, (m->nfile + 1) * sizeof(*m->file));
	if (!p)
		return -1;
	m->file = p;
	f = &m->file[m->nfile++];
	memset(f, 0, sizeof(*f));
	f->size = number(member(d, n, "size"));
	f->rows = -1;
	return dup(&f->role, role) | dup(&f->source, text(member(d, n, "source"))) |
	       dup(&f->path, text(member(d, n, "path"))) |
	       dup(&f->sha256, text(member(d, n, "sha256")));
}

static int add_files(struct brief_manifest *m, yaml_document_t *d,
		     yaml_node_t *root, const char *key, const char *role)
{
	yaml_node_t *n = member(d, root, key);

	if (!n || n->type != YAML_SEQUENCE_NODE)
		return 0;
	for (yaml_node_item_t *i = n->data.sequence.items.start;
	     i < n->data.sequence.items.top; i++)
		if (add_file(m, d, yaml_document_get_node(d, *i), role) < 0)
			return -1;
	return 0;
}

/* Rows each extract stage wrote, onto the inputs of its source. */
static void stage_rows(struct brief_manifest *m, yaml_document_t *d,
		       yaml_node_t *root)
{
	yaml_node_t *n = member(d, root, "stages");

	if (!n || n->type != YAML_SEQUENCE_NODE)
		return;
	for (yaml_node_item_t *i = n->data.sequence.items.start;
	     i < n->data.sequence.items.top; i++) {
		yaml_node_t *s = yaml_document_get_node(d, *i);
		const char *stage = text(member(d, s, "stage"));
		const char *source = text(member(d, s, "source"));

		if (!stage || strcmp(stage, "extract") != 0 || !source)
			continue;
		for (size_t f = 0; f < m->nfile; f++)
			if (m->file[f].source &&
			    strcmp(m->file[f].source, source) == 0)
				m->file[f].rows = (long)number(member(d, s,
								      "rows"));
	}
}

static int fill(struct brief_manifest *m, yaml_document_t *d)
{
	yaml_node_t *root = yaml_document_get_root_node(d);

	if (!root || root->type != YAML_MAPPING_NODE)
		return 1;
	if (dup(&m->version, text(member(d, root, "reckon"))) < 0 ||
	    dup(&m->pipeline, text(member(d, root, "pipeline"))) < 0 ||
	    dup(&m->run_id, text(member(d, root, "run_id"))) < 0 ||
	    dup(&m->mode, text(member(d, root, "mode"))) < 0 ||
	    dup(&m->source_date_epoch,
		text(member(d, root, "source_date_epoch"))) < 0 ||
	    add_file(m, d, member(d, root, "config"), "config") < 0 ||
	    add_files(m, d, root, "codelists", "codelist") < 0 ||
	    add_files(m, d, root, "inputs", "input") < 0)
		return -1;
	stage_rows(m, d, root);
	return 0;
}

int brief_manifest_read(struct brief_manifest *m, const char *path,
			struct rk_error *err)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	FILE *f;
	int rc = -1, loaded = 0;

	memset(m, 0, sizeof(*m));
	if ((f = fopen(path, "rb")) == NULL)
		return rk_error_set(err, RK_EXIT_NOINPUT, path, 0,
				    "cannot open: %s", strerror(errno));
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		return rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
				    "out of memory");
	}
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		rk_error_set(err, RK_EXIT_DATAERR, path,
			     (long)parser.problem_mark.line + 1,
			     "not a manifest: %s",
			     parser.problem ? parser.problem : "unreadable");
		goto out;
	}
	loaded = 1;
	switch (fill(m, &doc)) {
	case 0:
		rc = 0;
		break;
	case 1:
		rk_error_set(err, RK_EXIT_DATAERR, path, 0,
			     "not a manifest: not a JSON object");
		break;
	default:
		rk_error_set(err, RK_EXIT_SOFTWARE, path, 0, "out of memory");
	}
	if (rc == 0 && !m->run_id) {
		rk_error_set(err, RK_EXIT_DATAERR, path, 0,
			     "not a manifest: no run_id");
		rk_error_hint(err, "give the manifest.json that `reckon run` "
				   "wrote");
		rc = -1;
	}
out:
	if (loaded)
		yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
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
	memset(m, 0, sizeof(*m));
}
