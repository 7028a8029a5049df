/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "jsondoc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct jsondoc {
	yaml_document_t doc;
	int loaded;
};

struct jsondoc *jsondoc_load(const char *path, struct rk_error *err)
{
	yaml_parser_t parser;
	struct jsondoc *d = NULL;
	FILE *f = fopen(path, "rb");
	yaml_node_t *root;

	if (!f) {
		rk_error_set(err, RK_EXIT_NOINPUT, path, 0, "cannot open: %s",
			     strerror(errno));
		return NULL;
	}
	d = calloc(1, sizeof(*d));
	if (!d || !yaml_parser_initialize(&parser)) {
		rk_error_set(err, RK_EXIT_SOFTWARE, path, 0, "out of memory");
		free(d);
		fclose(f);
		return NULL;
	}
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &d->doc)) {
		rk_error_set(err, RK_EXIT_DATAERR, path,
			     (long)parser.problem_mark.line + 1,
			     "not valid JSON: %s",
			     parser.problem ? parser.problem : "parse error");
		goto fail;
	}
	d->loaded = 1;
	root = yaml_document_get_root_node(&d->doc);
	if (!root || root->type != YAML_MAPPING_NODE) {
		rk_error_set(err, RK_EXIT_DATAERR, path, 0,
			     "not a JSON object");
		goto fail;
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return d;
fail:
	yaml_parser_delete(&parser);
	fclose(f);
	jsondoc_free(d);
	return NULL;
}

void jsondoc_free(struct jsondoc *d)
{
	if (!d)
		return;
	if (d->loaded)
		yaml_document_delete(&d->doc);
	free(d);
}

static yaml_node_t *node(const struct jsondoc *d, int id)
{
	if (!d || id <= 0)
		return NULL;
	return yaml_document_get_node((yaml_document_t *)&d->doc, id);
}

int jsondoc_root(const struct jsondoc *d)
{
	return node(d, 1) ? 1 : 0;
}

static const char *scalar(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static int is_null(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE &&
	       n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       strcmp(scalar(n), "null") == 0;
}

int jsondoc_get(const struct jsondoc *d, int id, const char *key)
{
	yaml_node_t *n = node(d, id);

	if (!n || n->type != YAML_MAPPING_NODE)
		return 0;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(d, p->key);

		if (k && k->type == YAML_SCALAR_NODE &&
		    strcmp(scalar(k), key) == 0)
			return p->value;
	}
	return 0;
}

const char *jsondoc_str(const struct jsondoc *d, int id)
{
	yaml_node_t *n = node(d, id);

	if (!n || n->type != YAML_SCALAR_NODE || is_null(n))
		return NULL;
	return scalar(n);
}

size_t jsondoc_count(const struct jsondoc *d, int id)
{
	yaml_node_t *n = node(d, id);

	if (!n || n->type != YAML_SEQUENCE_NODE)
		return 0;
	return (size_t)(n->data.sequence.items.top -
			n->data.sequence.items.start);
}

int jsondoc_at(const struct jsondoc *d, int id, size_t i)
{
	if (i >= jsondoc_count(d, id))
		return 0;
	return node(d, id)->data.sequence.items.start[i];
}

static void show(const yaml_node_t *n, char *buf, size_t size)
{
	if (!n)
		snprintf(buf, size, "absent");
	else if (n->type == YAML_SCALAR_NODE)
		snprintf(buf, size, "%s", scalar(n));
	else
		snprintf(buf, size, "%s",
			 n->type == YAML_MAPPING_NODE ? "an object" : "an array");
}

static int differ(const yaml_node_t *x, const yaml_node_t *y, const char *path,
		  char *where, size_t n)
{
	char a[128], b[128];

	show(x, a, sizeof(a));
	show(y, b, sizeof(b));
	snprintf(where, n, "%s: %s, now %s", path[0] ? path : "(top)", a, b);
	return 1;
}

static int tree_diff(const struct jsondoc *A, int ia, const struct jsondoc *B,
		     int ib, const char *skip, const char *path, char *where,
		     size_t n);

/* The value node of key k in mapping m, or 0. */
static int map_value(const struct jsondoc *D, const yaml_node_t *m,
		     const char *k)
{
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
	     p < m->data.mapping.pairs.top; p++)
		if (strcmp(scalar(node(D, p->key)), k) == 0)
			return p->value;
	return 0;
}

static int map_diff(const struct jsondoc *A, const yaml_node_t *x,
		    const struct jsondoc *B, const yaml_node_t *y,
		    const char *skip, const char *path, char *where, size_t n)
{
	char sub[512];
	yaml_node_pair_t *p;

	for (p = x->data.mapping.pairs.start; p < x->data.mapping.pairs.top;
	     p++) {
		const char *k = scalar(node(A, p->key));

		if (skip && strcmp(k, skip) == 0)
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", path, path[0] ? "." : "",
			 k);
		if (tree_diff(A, p->value, B, map_value(B, y, k), NULL, sub,
			      where, n))
			return 1;
	}
	for (p = y->data.mapping.pairs.start; p < y->data.mapping.pairs.top;
	     p++) {
		const char *k = scalar(node(B, p->key));

		if ((skip && strcmp(k, skip) == 0) || map_value(A, x, k))
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", path, path[0] ? "." : "",
			 k);
		return differ(NULL, node(B, p->value), sub, where, n);
	}
	return 0;
}

static int tree_diff(const struct jsondoc *A, int ia, const struct jsondoc *B,
		     int ib, const char *skip, const char *path, char *where,
		     size_t n)
{
	const yaml_node_t *x = node(A, ia), *y = node(B, ib);
	char sub[512];

	if (!x || !y || x->type != y->type)
		return differ(x, y, path, where, n);
	switch (x->type) {
	case YAML_SCALAR_NODE:
		if (strcmp(scalar(x), scalar(y)) != 0 ||
		    is_null(x) != is_null(y))
			return differ(x, y, path, where, n);
		return 0;
	case YAML_SEQUENCE_NODE:
		for (size_t i = 0;; i++) {
			int a = jsondoc_at(A, ia, i), b = jsondoc_at(B, ib, i);

			if (!a && !b)
				return 0;
			snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
			if (tree_diff(A, a, B, b, NULL, sub, where, n))
				return 1;
		}
	case YAML_MAPPING_NODE:
		return map_diff(A, x, B, y, skip, path, where, n);
	default:
		return differ(x, y, path, where, n);
	}
}

int jsondoc_diff(const struct jsondoc *a, const struct jsondoc *b,
		 const char *skip, char *where, size_t n)
{
	return tree_diff(a, jsondoc_root(a), b, jsondoc_root(b), skip, "",
			 where, n);
}
