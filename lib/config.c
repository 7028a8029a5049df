/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The pipeline config loader (design.md §3): reading the file, the one
 * parse of the YAML into a libyaml node tree, the entry points and
 * freeing.  The other parts (config_impl.h): config_schema.c says which
 * keys exist and what shape each value has and fills the fixed part from
 * the tree, config_check.c checks the tree and every value with
 * file:line:column, config_build.c builds the typed struct rk_config.
 */
#include "config_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yamldoc.h"

/* ---- nodes ------------------------------------------------------------ */

yaml_node_t *cfg_node(struct cfg_loader *l, int id)
{
	return yaml_document_get_node(&l->doc, id);
}

const char *cfg_text(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* "", or a scalar that YAML would read as null: `key:`, `~`, `null`. */
int cfg_is_empty(const yaml_node_t *n)
{
	const char *s = cfg_text(n);

	if (!s[0])
		return 1;
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	return !strcmp(s, "~") || !strcmp(s, "null") ||
	       !strcmp(s, "Null") || !strcmp(s, "NULL");
}

const char *cfg_kind_of(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return "a mapping";
	case YAML_SEQUENCE_NODE:
		return "a list";
	default:
		return cfg_is_empty(n) ? "an empty value" : "text";
	}
}

size_t cfg_npairs(const yaml_node_t *n)
{
	return (size_t)(n->data.mapping.pairs.top -
			n->data.mapping.pairs.start);
}

size_t cfg_nitems(const yaml_node_t *n)
{
	return yamldoc_count(n);
}

/* Entry i (0-based, below cfg_nitems) of sequence seq. */
yaml_node_t *cfg_item(struct cfg_loader *l, const yaml_node_t *seq, size_t i)
{
	return cfg_node(l, yamldoc_item(seq, i));
}

/* The value under key in mapping map, or NULL (also when map is NULL). */
yaml_node_t *cfg_get(struct cfg_loader *l, const yaml_node_t *map,
		     const char *key)
{
	return cfg_node(l, yamldoc_get(&l->doc, map, key));
}

char *cfg_dup_text(struct cfg_loader *l, const yaml_node_t *n)
{
	char *s = malloc(n->data.scalar.length + 1);

	if (!s) {
		cfg_oom(l);
		return NULL;
	}
	memcpy(s, cfg_text(n), n->data.scalar.length + 1);
	return s;
}

/* ---- the one parse: libyaml events into the node tree ---------------- */

static void mark_at_offset(struct cfg_loader *l, size_t offset,
			   struct rk_mark *m)
{
	size_t i;

	m->line = 1;
	m->column = 1;
	for (i = 0; i < offset && i < l->len; i++) {
		if (l->data[i] == '\n') {
			m->line++;
			m->column = 1;
		} else if ((l->data[i] & 0xc0) != 0x80) {
			m->column++;
		}
	}
}

static int syntax_error(struct cfg_loader *l, const yaml_parser_t *p)
{
	struct rk_mark m = { (long)p->problem_mark.line + 1,
			     (long)p->problem_mark.column + 1 };
	const char *problem = p->problem ? p->problem : "syntax error";

	if (p->error == YAML_MEMORY_ERROR)
		return cfg_oom(l);
	if (p->error == YAML_READER_ERROR) {
		mark_at_offset(l, p->problem_offset, &m);
		cfg_fail_at(l, m, "invalid yaml: %s", problem);
		rk_error_hint(l->err, "save the config as UTF-8 text");
		return -1;
	}
	cfg_fail_at(l, m, "invalid yaml: %s", problem);
	if (p->context)
		rk_error_hint(l->err, "%s at line %lu; check the indentation "
			      "and quoting", p->context,
			      (unsigned long)p->context_mark.line + 1);
	else
		rk_error_hint(l->err, "check the indentation and quoting");
	return -1;
}

/*
 * The tree as it grows from the events: the open collections and, for an
 * open mapping, the key still waiting for its value.  Anchors are kept to
 * report a duplicate the way libyaml's loader does, but only after the
 * whole stream has passed the other checks (which come first in the order
 * the messages have always had).
 */
struct tree_build {
	int open[MAX_DEPTH + 1];
	int key[MAX_DEPTH + 1];
	int depth, docs;
	char **anchors;
	yaml_mark_t *anchor_marks;
	size_t nanchors;
	int dup;                    /* a duplicate anchor was seen */
	yaml_mark_t dup_first, dup_second;
};

static int misplaced(struct cfg_loader *l, const yaml_event_t *ev,
		     const char *msg)
{
	struct rk_mark m = { (long)ev->start_mark.line + 1,
			     (long)ev->start_mark.column + 1 };

	return cfg_fail_at(l, m, "%s", msg);
}

static int refuse_alias(struct cfg_loader *l, const yaml_event_t *ev)
{
	misplaced(l, ev, "yaml aliases are not supported");
	rk_error_hint(l->err, "write the value out in full instead of '*%s'",
		      (const char *)ev->data.alias.anchor);
	return -1;
}

static int refuse_second_document(struct cfg_loader *l,
				  const yaml_event_t *ev)
{
	misplaced(l, ev, "more than one yaml document in the config");
	rk_error_hint(l->err, "a config is one document; remove the second "
		      "'---' and what follows it");
	return -1;
}

static int refuse_depth(struct cfg_loader *l, const yaml_event_t *ev)
{
	struct rk_mark m = { (long)ev->start_mark.line + 1,
			     (long)ev->start_mark.column + 1 };

	cfg_fail_at(l, m, "config nested too deeply (more than %d levels)",
		    MAX_DEPTH);
	rk_error_hint(l->err, "check the brackets and indentation");
	return -1;
}

/* Remembers an anchor, and the first duplicate one. */
static int add_anchor(struct cfg_loader *l, struct tree_build *t,
		      const yaml_char_t *anchor, yaml_mark_t at)
{
	size_t i, n = t->nanchors;
	char **names;
	yaml_mark_t *marks;

	if (!anchor)
		return 0;
	for (i = 0; i < n; i++) {
		if (strcmp(t->anchors[i], (const char *)anchor))
			continue;
		if (!t->dup) {
			t->dup = 1;
			t->dup_first = t->anchor_marks[i];
			t->dup_second = at;
		}
		return 0;
	}
	names = realloc(t->anchors, (n + 1) * sizeof(*names));
	if (names)
		t->anchors = names;
	marks = realloc(t->anchor_marks, (n + 1) * sizeof(*marks));
	if (marks)
		t->anchor_marks = marks;
	if (!names || !marks || !(names[n] = strdup((const char *)anchor)))
		return cfg_oom(l);
	marks[n] = at;
	t->nanchors++;
	return 0;
}

/* Hangs node id under the innermost open collection. */
static int attach(struct cfg_loader *l, struct tree_build *t, int id)
{
	int parent, ok = 1;
	yaml_node_t *p;

	if (!t->depth)
		return 0;
	parent = t->open[t->depth - 1];
	p = cfg_node(l, parent);
	if (p->type == YAML_SEQUENCE_NODE) {
		ok = yaml_document_append_sequence_item(&l->doc, parent, id);
	} else if (!t->key[t->depth - 1]) {
		t->key[t->depth - 1] = id;
	} else {
		ok = yaml_document_append_mapping_pair(&l->doc, parent,
				t->key[t->depth - 1], id);
		t->key[t->depth - 1] = 0;
	}
	return ok ? 0 : cfg_oom(l);
}

static int add_node(struct cfg_loader *l, struct tree_build *t,
		    const yaml_event_t *ev)
{
	int id;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		id = yaml_document_add_scalar(&l->doc, NULL,
					      ev->data.scalar.value,
					      (int)ev->data.scalar.length,
					      ev->data.scalar.style);
		break;
	case YAML_SEQUENCE_START_EVENT:
		id = yaml_document_add_sequence(&l->doc, NULL,
						ev->data.sequence_start.style);
		break;
	default:
		id = yaml_document_add_mapping(&l->doc, NULL,
					       ev->data.mapping_start.style);
		break;
	}
	if (!id)
		return cfg_oom(l);
	cfg_node(l, id)->start_mark = ev->start_mark;
	cfg_node(l, id)->end_mark = ev->end_mark;
	if (attach(l, t, id) ||
	    add_anchor(l, t, ev->type == YAML_SCALAR_EVENT
			     ? ev->data.scalar.anchor
			     : ev->type == YAML_SEQUENCE_START_EVENT
			     ? ev->data.sequence_start.anchor
			     : ev->data.mapping_start.anchor,
		       ev->start_mark))
		return -1;
	if (ev->type == YAML_SCALAR_EVENT)
		return 0;
	if (t->depth == MAX_DEPTH)
		return refuse_depth(l, ev);
	t->key[t->depth] = 0;
	t->open[t->depth++] = id;
	return 0;
}

/* One event: refused, or added to the tree. */
static int take_event(struct cfg_loader *l, struct tree_build *t,
		      const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		return refuse_alias(l, ev);
	case YAML_DOCUMENT_START_EVENT:
		return ++t->docs == 1 ? 0 : refuse_second_document(l, ev);
	case YAML_SCALAR_EVENT:
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return add_node(l, t, ev);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		cfg_node(l, t->open[--t->depth])->end_mark = ev->end_mark;
		return 0;
	default:
		return 0;
	}
}

/* libyaml's loader refuses a duplicate anchor with these words. */
static int refuse_duplicate_anchor(struct cfg_loader *l,
				   const struct tree_build *t)
{
	struct rk_mark m = { (long)t->dup_second.line + 1,
			     (long)t->dup_second.column + 1 };

	cfg_fail_at(l, m, "invalid yaml: second occurrence");
	rk_error_hint(l->err, "found duplicate anchor; first occurrence at "
		      "line %lu; check the indentation and quoting",
		      (unsigned long)t->dup_first.line + 1);
	return -1;
}

/*
 * The one parse: libyaml's events, checked for what a config may not hold
 * (aliases, a second document, deep nesting), built into l->doc.
 */
static int parse(struct cfg_loader *l)
{
	struct tree_build t;
	yaml_parser_t p;
	yaml_event_t ev;
	int rc = -1, bad, end = 0;
	size_t i;

	memset(&t, 0, sizeof(t));
	if (!yaml_parser_initialize(&p))
		return cfg_oom(l);
	if (!yaml_document_initialize(&l->doc, NULL, NULL, NULL, 1, 1)) {
		yaml_parser_delete(&p);
		return cfg_oom(l);
	}
	l->have_doc = 1;
	yaml_parser_set_input_string(&p, l->data, l->len);
	while (!end) {
		if (!yaml_parser_parse(&p, &ev)) {
			syntax_error(l, &p);
			goto out;
		}
		bad = take_event(l, &t, &ev);
		end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (bad)
			goto out;
	}
	rc = t.dup ? refuse_duplicate_anchor(l, &t) : 0;
	l->root = yaml_document_get_root_node(&l->doc);
out:
	for (i = 0; i < t.nanchors; i++)
		free(t.anchors[i]);
	free(t.anchors);
	free(t.anchor_marks);
	yaml_parser_delete(&p);
	return rc;
}

/* ---- the interface ---------------------------------------------------- */

static int check_document(struct cfg_loader *l)
{
	if (l->len > MAX_CONFIG_BYTES) {
		rk_error_set(l->err, RK_EXIT_CONFIG, l->name, 0,
			     "config larger than %d bytes", MAX_CONFIG_BYTES);
		rk_error_hint(l->err, "a pipeline config is a short text file; "
			      "check the path");
		return -1;
	}
	if (parse(l) || cfg_check_root(l) || cfg_check_tree(l))
		return -1;
	return cfg_check_mapping(l, cfg_doc_fields, l->root, "");
}

static struct rk_config *new_config(struct cfg_loader *l, const char *name)
{
	struct rk_config *c = calloc(1, sizeof(*c));

	if (!c) {
		cfg_oom(l);
		return NULL;
	}
	c->dir = cfg_dir_of(name);
	c->path = name ? strdup(name) : NULL;
	if (!c->dir || (name && !c->path)) {
		rk_config_free(c);
		cfg_oom(l);
		return NULL;
	}
	l->dir = c->dir;
	return c;
}

static struct rk_config *load_data(const char *data, size_t len,
				   const char *name, unsigned flags,
				   struct rk_error *err)
{
	struct cfg_loader l;
	struct rk_error scratch;
	struct y_doc *d = NULL;
	struct rk_config *c = NULL;

	memset(&l, 0, sizeof(l));
	if (!err)
		err = &scratch;
	l.name = name;
	l.data = (const unsigned char *)(data ? data : "");
	l.len = data ? len : 0;
	l.err = err;
	l.flags = flags;
	if (check_document(&l) || cfg_schema_load(&l, &d))
		goto out;
	c = new_config(&l, name);
	if (c && cfg_build(&l, d, c)) {
		rk_config_free(c);
		c = NULL;
	}
out:
	cfg_schema_free(d);
	if (l.have_doc)
		yaml_document_delete(&l.doc);
	free(l.dims);
	return c;
}

static int read_file(FILE *f, const char *path, char **buf, size_t *len,
		     struct rk_error *err)
{
	*buf = malloc(MAX_CONFIG_BYTES + 1);
	if (!*buf)
		return rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
				    "out of memory while loading the config");
	*len = fread(*buf, 1, MAX_CONFIG_BYTES + 1, f);
	if (ferror(f)) {
		rk_error_set(err, RK_EXIT_NOINPUT, path, 0,
			     "cannot read config '%s': %s", path,
			     strerror(errno));
		rk_error_hint(err, "check that the path names a readable file");
		return -1;
	}
	return 0;
}

struct rk_config *rk_config_load_data(const char *data, size_t len,
				      const char *name, struct rk_error *err)
{
	return load_data(data, len, name, 0, err);
}

struct rk_config *rk_config_load(const char *path, struct rk_error *err)
{
	return rk_config_load_opts(path, 0, err);
}

struct rk_config *rk_config_load_opts(const char *path, unsigned flags,
				      struct rk_error *err)
{
	struct rk_config *c = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = fopen(path, "rb");

	if (!f) {
		rk_error_set(err, RK_EXIT_NOINPUT, path, 0,
			     "cannot open config '%s': %s", path,
			     strerror(errno));
		rk_error_hint(err, "check the path");
		return NULL;
	}
	if (read_file(f, path, &buf, &len, err) == 0)
		c = load_data(buf, len, path, flags, err);
	free(buf);
	fclose(f);
	return c;
}

const struct rk_source *rk_config_source(const struct rk_config *c,
					 const char *id)
{
	size_t i;

	for (i = 0; c && id && i < c->nsources; i++)
		if (c->sources[i].id && !strcmp(c->sources[i].id, id))
			return &c->sources[i];
	return NULL;
}

void rk_source_editions_on(const struct rk_source *s, const char *day,
			   long *cur, long *prev)
{
	long k = (long)s->neditions - 1;

	*cur = RK_EDITION_LATEST;
	if (day && s->edition_date && strcmp(s->edition_date, day) > 0) {
		while (k >= 0 && strcmp(s->editions[k].date, day) > 0)
			k--;
		*cur = k >= 0 ? k : RK_EDITION_NONE;
		k--;
	}
	*prev = *cur != RK_EDITION_NONE && k >= 0 ? k : RK_EDITION_NONE;
}

const struct rk_strlist *rk_source_edition_files(const struct rk_source *s,
						 long e)
{
	return e >= 0 && (size_t)e < s->neditions ? &s->editions[e].files
						   : &s->files;
}

const char *rk_source_edition_name(const struct rk_source *s, long e)
{
	if (e >= 0 && (size_t)e < s->neditions)
		return s->editions[e].label ? s->editions[e].label
					    : s->editions[e].date;
	return s->edition_label ? s->edition_label : s->edition_date;
}

long rk_source_edition(const struct rk_source *s, const char *name)
{
	const char *latest = rk_source_edition_name(s, RK_EDITION_LATEST);

	for (size_t k = 0; name && k < s->neditions; k++)
		if (!strcmp(rk_source_edition_name(s, (long)k), name))
			return (long)k;
	if (name && latest && !strcmp(latest, name))
		return RK_EDITION_LATEST;
	for (size_t k = 0; name && k < s->neditions; k++)
		if (!strcmp(s->editions[k].date, name))
			return (long)k;
	return name && s->edition_date && !strcmp(s->edition_date, name)
		       ? RK_EDITION_LATEST : RK_EDITION_NONE;
}

static void free_i18n(struct rk_i18n *t)
{
	free(t->en);
	free(t->ru);
	free(t->tg);
}

static void free_strlist(struct rk_strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
}

static void free_kvlist(struct rk_kvlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->items[i].key);
		free(l->items[i].value);
	}
	free(l->items);
}

static void free_layout(struct rk_layout *y)
{
	free(y->sheet);
	free(y->range);
	free_kvlist(&y->fields);
	free_strlist(&y->values);
	free_strlist(&y->value_headers);
	free(y->period);
	free(y->skip_rows);
	free(y->stop_at);
	free_kvlist(&y->sentinels);
	free_kvlist(&y->blank_labels);
	free_kvlist(&y->marks);
	free(y->remark);
	free(y->xlsform);
	free_kvlist(&y->remarks);
	free(y->decimal);
	free(y->encoding);
	free(y->delimiter);
}

static void free_definitions(struct rk_source *s)
{
	for (size_t i = 0; i < s->ndefinitions; i++) {
		struct rk_definition *d = &s->definitions[i];

		free(d->indicator);
		free(d->unit);
		free(d->date);
		free_i18n(&d->counts);
		free_i18n(&d->coverage);
		free_i18n(&d->legal_basis);
		free_i18n(&d->publication);
	}
	free(s->definitions);
}

static void free_source(struct rk_source *s)
{
	free_definitions(s);
	free(s->id);
	free_i18n(&s->name);
	free_i18n(&s->short_name);
	free(s->name_ru_genitive);
	free(s->name_ru_instrumental);
	free(s->kind);
	free(s->edition_label);
	free(s->edition_date);
	for (size_t k = 0; k < s->neditions; k++) {
		free(s->editions[k].label);
		free(s->editions[k].date);
		free_strlist(&s->editions[k].files);
	}
	free(s->editions);
	cfg_collect_free(s->collect);
	free(s->file);
	free(s->file_as_written);
	free_strlist(&s->files);
	free_kvlist(&s->file_fields);
	free_kvlist(&s->sheet_fields);
	free_layout(&s->layout);
	free_kvlist(&s->constants);
}

void rk_config_free(struct rk_config *c)
{
	size_t i;

	if (!c)
		return;
	free(c->path);
	free(c->dir);
	free(c->pipeline);
	free_i18n(&c->title);
	free(c->period_from);
	free(c->period_to);
	free(c->period_grain);
	free(c->period_map);
	free_strlist(&c->dimensions);
	free(c->codelists_dir);
	free_kvlist(&c->unmapped);
	for (i = 0; i < c->nstrip; i++) {
		free(c->strip[i].dimension);
		free_strlist(&c->strip[i].affixes);
	}
	free(c->strip);
	for (i = 0; i < c->nsources; i++)
		free_source(&c->sources[i]);
	free(c->sources);
	for (i = 0; i < c->nrules; i++) {
		free(c->rules[i].check);
		free(c->rules[i].over);
		free(c->rules[i].severity);
		free(c->rules[i].indicator);
	}
	free(c->rules);
	for (i = 0; i < c->ncompares; i++) {
		free(c->compares[i].indicator);
		free(c->compares[i].reference);
		free_strlist(&c->compares[i].against);
		free(c->compares[i].cases_key);
		free(c->compares[i].denominators);
		free_kvlist(&c->compares[i].cases);
	}
	free(c->compares);
	free(c->report.output);
	free_strlist(&c->report.languages);
	free_i18n(&c->report.organisation);
	free(c->report.contact);
	free(c->report.version);
	free(c);
}
