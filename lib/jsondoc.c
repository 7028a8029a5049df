/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "jsondoc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "yamldoc.h"

struct jsondoc {
	yaml_document_t doc;
	int loaded;
};

/* More members than a manifest ever has: refused, not searched. */
#define MAX_MEMBERS 4096

/*
 * 1 when a mapping of d has a key that is not a string (YAML allows it,
 * JSON does not), repeats a key, or is too large to check.
 */
static int bad_keys(yaml_document_t *d)
{
	for (yaml_node_t *n = d->nodes.start; n < d->nodes.top; n++) {
		yaml_node_pair_t *a, *b, *start = n->data.mapping.pairs.start;

		if (n->type != YAML_MAPPING_NODE)
			continue;
		if (n->data.mapping.pairs.top - start > MAX_MEMBERS)
			return 1;
		for (a = start; a < n->data.mapping.pairs.top; a++) {
			yaml_node_t *ka = yaml_document_get_node(d, a->key);

			if (!ka || ka->type != YAML_SCALAR_NODE)
				return 1;
			for (b = start; b < a; b++) {
				yaml_node_t *kb = yaml_document_get_node(d, b->key);

				if (ka && kb && ka->type == YAML_SCALAR_NODE &&
				    kb->type == YAML_SCALAR_NODE &&
				    strcmp((char *)ka->data.scalar.value,
					   (char *)kb->data.scalar.value) == 0)
					return 1;
			}
		}
	}
	return 0;
}

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
	if (bad_keys(&d->doc)) {
		rk_error_set(err, RK_EXIT_DATAERR, path, 0,
			     "an object has a key that is not a string, a "
			     "repeated key, or too many keys");
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
	return d ? yamldoc_node((yaml_document_t *)&d->doc, id) : NULL;
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
	return yamldoc_get((yaml_document_t *)&d->doc, node(d, id), key);
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
	return yamldoc_count(node(d, id));
}

int jsondoc_at(const struct jsondoc *d, int id, size_t i)
{
	return yamldoc_item(node(d, id), i);
}

/*
 * A comparison under way: where to describe the difference, and a budget,
 * so that a hostile document (aliases that multiply a tree, deep nesting)
 * cannot make it run for ever or exhaust the stack.
 */
struct walk {
	const struct jsondoc *A, *B;
	char *where;
	size_t n;
	long steps;        /* nodes left to visit */
};

#define WALK_STEPS 1000000
#define WALK_DEPTH 64

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

static int differ(struct walk *w, const yaml_node_t *x, const yaml_node_t *y,
		  const char *path)
{
	char a[128], b[128];

	show(x, a, sizeof(a));
	show(y, b, sizeof(b));
	snprintf(w->where, w->n, "%s: %s, now %s", path[0] ? path : "(top)", a,
		 b);
	return 1;
}

static int too_big(struct walk *w, const char *path)
{
	snprintf(w->where, w->n, "%s: too large or too deep to compare",
		 path[0] ? path : "(top)");
	return 1;
}

static int tree_diff(struct walk *w, int ia, int ib, const char *skip,
		     const char *path, int depth);

/* The value node of key k in mapping m, or 0. */
static int map_value(const struct jsondoc *D, const yaml_node_t *m,
		     const char *k)
{
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
	     p < m->data.mapping.pairs.top; p++) {
		const yaml_node_t *key = node(D, p->key);

		if (key && key->type == YAML_SCALAR_NODE &&
		    strcmp(scalar(key), k) == 0)
			return p->value;
	}
	return 0;
}

/* The key of pair p as text; a non-scalar key never matches. */
static const char *key_text(const struct jsondoc *D, const yaml_node_pair_t *p)
{
	const yaml_node_t *k = node(D, p->key);

	return k && k->type == YAML_SCALAR_NODE ? scalar(k) : "";
}

static int map_diff(struct walk *w, const yaml_node_t *x, const yaml_node_t *y,
		    const char *skip, const char *path, int depth)
{
	char sub[512];
	yaml_node_pair_t *p;

	for (p = x->data.mapping.pairs.start; p < x->data.mapping.pairs.top;
	     p++) {
		const char *k = key_text(w->A, p);

		if (skip && strcmp(k, skip) == 0)
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", path, path[0] ? "." : "",
			 k);
		if (tree_diff(w, p->value, map_value(w->B, y, k), NULL, sub,
			      depth + 1))
			return 1;
	}
	for (p = y->data.mapping.pairs.start; p < y->data.mapping.pairs.top;
	     p++) {
		const char *k = key_text(w->B, p);

		if ((skip && strcmp(k, skip) == 0) || map_value(w->A, x, k))
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", path, path[0] ? "." : "",
			 k);
		return differ(w, NULL, node(w->B, p->value), sub);
	}
	return 0;
}

static int tree_diff(struct walk *w, int ia, int ib, const char *skip,
		     const char *path, int depth)
{
	const yaml_node_t *x = node(w->A, ia), *y = node(w->B, ib);
	char sub[512];

	if (--w->steps < 0 || depth > WALK_DEPTH)
		return too_big(w, path);
	if (!x || !y || x->type != y->type)
		return differ(w, x, y, path);
	switch (x->type) {
	case YAML_SCALAR_NODE:
		if (strcmp(scalar(x), scalar(y)) != 0 ||
		    is_null(x) != is_null(y))
			return differ(w, x, y, path);
		return 0;
	case YAML_SEQUENCE_NODE:
		for (size_t i = 0;; i++) {
			int a = jsondoc_at(w->A, ia, i), b = jsondoc_at(w->B, ib, i);

			if (!a && !b)
				return 0;
			snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
			if (tree_diff(w, a, b, NULL, sub, depth + 1))
				return 1;
		}
	case YAML_MAPPING_NODE:
		return map_diff(w, x, y, skip, path, depth);
	default:
		return differ(w, x, y, path);
	}
}

int jsondoc_diff(const struct jsondoc *a, const struct jsondoc *b,
		 const char *skip, char *where, size_t n)
{
	struct walk w = { a, b, where, n, WALK_STEPS };

	return tree_diff(&w, jsondoc_root(a), jsondoc_root(b), skip, "", 0);
}
