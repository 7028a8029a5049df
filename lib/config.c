/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The pipeline config loader (design.md §3).
 *
 * libcyaml owns the schema: the tables below say which keys exist, which
 * are required and what shape each value has, and cyaml_load_data fills
 * the fixed part into the y_* structs.  libcyaml cannot describe maps with
 * user-chosen keys or a value that is text or a list, so those keys are
 * CYAML_IGNORE and are read from a libyaml node tree instead; integers are
 * read there too, because libcyaml 1.3.1 takes `80abc` for 80 and `010` for
 * 8.  The tree is also walked against the libcyaml tables before libcyaml
 * runs: libcyaml's backtrace points at the last event it consumed, not at
 * the offending key (an unknown key on line 6 is reported at 5:10), so the
 * walk is what gives exact lines and columns.  What libcyaml still rejects
 * after the walk is reported from its log (lines there are 1-based).
 */
#include "config.h"

#include <cyaml/cyaml.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MAX_CONFIG_BYTES (1024 * 1024)
#define MAX_DEPTH 64
#define CTX_LEN 256
#define HINT_LEN 400

/* ---- the schema, as libcyaml tables ---------------------------------- */

struct y_layout {
	char *sheet, *range, *period, *skip_rows, *stop_at;
	char *decimal, *encoding, *delimiter;
	char **value_headers;
	unsigned value_headers_count;
};

struct y_source {
	char *id;
	struct rk_i18n *name;
	char *kind, *file, *sheet;
	struct y_layout *layout;
};

struct y_rule {
	char *check, *over, *severity, *indicator;
};

struct y_cases {
	char *key;
};

struct y_compare {
	char *indicator, *reference;
	char **against;
	unsigned against_count;
	struct y_cases *cases;
};

struct y_report {
	char *output;
	char **languages;
	unsigned languages_count;
};

struct y_period {
	char *from, *to, *grain;
};

struct y_codelists {
	char *dir;
};

struct y_doc {
	char *pipeline;
	struct rk_i18n *title;
	struct y_period *period;
	char **dimensions;
	unsigned dimensions_count;
	struct y_codelists *codelists;
	struct y_source *sources;
	unsigned sources_count;
	struct y_rule *rules;
	unsigned rules_count;
	struct y_compare *compare;
	unsigned compare_count;
	struct y_report *report;
};

#define OPT CYAML_FLAG_OPTIONAL
#define REQ CYAML_FLAG_DEFAULT
#define TEXT(key, flags, type, member) \
	CYAML_FIELD_STRING_PTR(key, CYAML_FLAG_POINTER | (flags), type, \
			       member, 1, CYAML_UNLIMITED)
#define TEXTS(key, flags, type, member, min) \
	CYAML_FIELD_SEQUENCE(key, CYAML_FLAG_POINTER | (flags), type, member, \
			     &text_entry, min, CYAML_UNLIMITED)
#define MAP(key, flags, type, member, fields) \
	CYAML_FIELD_MAPPING_PTR(key, CYAML_FLAG_POINTER | (flags), type, \
				member, fields)
#define LIST(key, flags, type, member, entry, min) \
	CYAML_FIELD_SEQUENCE(key, CYAML_FLAG_POINTER | (flags), type, member, \
			     entry, min, CYAML_UNLIMITED)

static const cyaml_schema_value_t text_entry = {
	CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 1, CYAML_UNLIMITED),
};

static const cyaml_schema_field_t i18n_fields[] = {
	TEXT("en", OPT, struct rk_i18n, en),
	TEXT("ru", OPT, struct rk_i18n, ru),
	TEXT("tg", OPT, struct rk_i18n, tg),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t period_fields[] = {
	TEXT("from", OPT, struct y_period, from),
	TEXT("to", OPT, struct y_period, to),
	TEXT("grain", OPT, struct y_period, grain),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t codelists_fields[] = {
	TEXT("dir", OPT, struct y_codelists, dir),
	CYAML_FIELD_IGNORE("strip", OPT),
	CYAML_FIELD_IGNORE("unmapped", OPT),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t layout_fields[] = {
	TEXT("sheet", OPT, struct y_layout, sheet),
	TEXT("range", OPT, struct y_layout, range),
	CYAML_FIELD_IGNORE("header_rows", OPT),
	CYAML_FIELD_IGNORE("header_row", OPT),
	CYAML_FIELD_IGNORE("fields", OPT),
	CYAML_FIELD_IGNORE("values", OPT),
	TEXTS("value_headers", OPT, struct y_layout, value_headers, 0),
	TEXT("period", OPT, struct y_layout, period),
	TEXT("skip_rows", OPT, struct y_layout, skip_rows),
	TEXT("stop_at", OPT, struct y_layout, stop_at),
	CYAML_FIELD_IGNORE("sentinels", OPT),
	TEXT("decimal", OPT, struct y_layout, decimal),
	TEXT("encoding", OPT, struct y_layout, encoding),
	TEXT("delimiter", OPT, struct y_layout, delimiter),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t source_fields[] = {
	TEXT("id", REQ, struct y_source, id),
	MAP("name", OPT, struct y_source, name, i18n_fields),
	TEXT("kind", OPT, struct y_source, kind),
	TEXT("file", REQ, struct y_source, file),
	TEXT("sheet", OPT, struct y_source, sheet),
	MAP("layout", OPT, struct y_source, layout, layout_fields),
	CYAML_FIELD_IGNORE("constants", OPT),
	CYAML_FIELD_IGNORE("cumulative", OPT),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t rule_fields[] = {
	TEXT("check", REQ, struct y_rule, check),
	TEXT("over", OPT, struct y_rule, over),
	TEXT("severity", OPT, struct y_rule, severity),
	TEXT("indicator", OPT, struct y_rule, indicator),
	CYAML_FIELD_IGNORE("max", OPT),
	CYAML_FIELD_IGNORE("tolerance", OPT),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t cases_fields[] = {
	TEXT("key", OPT, struct y_cases, key),
	CYAML_FIELD_IGNORE("lists", REQ),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t compare_fields[] = {
	TEXT("indicator", REQ, struct y_compare, indicator),
	TEXT("reference", REQ, struct y_compare, reference),
	TEXTS("against", REQ, struct y_compare, against, 1),
	CYAML_FIELD_IGNORE("alpha", OPT),
	MAP("cases", OPT, struct y_compare, cases, cases_fields),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t report_fields[] = {
	TEXT("output", OPT, struct y_report, output),
	TEXTS("languages", OPT, struct y_report, languages, 0),
	CYAML_FIELD_IGNORE("suppress_below", OPT),
	CYAML_FIELD_END
};

static const cyaml_schema_value_t source_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct y_source, source_fields),
};
static const cyaml_schema_value_t rule_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct y_rule, rule_fields),
};
static const cyaml_schema_value_t compare_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct y_compare,
			    compare_fields),
};

static const cyaml_schema_field_t doc_fields[] = {
	TEXT("pipeline", REQ, struct y_doc, pipeline),
	MAP("title", OPT, struct y_doc, title, i18n_fields),
	MAP("period", OPT, struct y_doc, period, period_fields),
	TEXTS("dimensions", OPT, struct y_doc, dimensions, 0),
	MAP("codelists", OPT, struct y_doc, codelists, codelists_fields),
	LIST("sources", REQ, struct y_doc, sources, &source_entry, 1),
	LIST("rules", OPT, struct y_doc, rules, &rule_entry, 0),
	LIST("compare", OPT, struct y_doc, compare, &compare_entry, 0),
	MAP("report", OPT, struct y_doc, report, report_fields),
	CYAML_FIELD_END
};

static const cyaml_schema_value_t doc_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct y_doc, doc_fields),
};

/* Labels for the entries of the lists of mappings, for messages. */
static const struct {
	const char *key, *label;
} entry_labels[] = {
	{ "sources", "source" },
	{ "rules", "rule" },
	{ "compare", "comparison" },
};

static const char *const kinds[] = {
	"government", "nhri", "civil_society", "international", "other", NULL
};
static const char *const grains[] = {
	"year", "half", "quarter", "month", "day", NULL
};
/* "fail" is the old word for error, still read. */
static const char *const severities[] = { "error", "warn", "fail", NULL };
static const char *const checks[] = {
	"parts_sum_to_total", "non_negative", "maximum", NULL
};
static const char *const unmapped_actions[] = { "fail", "warn", "keep", NULL };
static const char *const languages[] = { "en", "ru", "tg", NULL };
static const char *const reserved_names[] = {
	"source", "indicator", "period", "value", "status", "origin", NULL
};

/* ---- the loader and its error helpers -------------------------------- */

struct loader {
	const char *name;          /* for errors */
	const unsigned char *data;
	size_t len;
	struct rk_error *err;
	yaml_document_t doc;
	int have_doc;
	yaml_node_t *root;
	const char *dir;           /* of the config, for resolving paths */
	const char **dims;         /* dimension names, sorted */
	size_t ndims;
	const char *period_template; /* of the source being built, or NULL */
};

static struct rk_mark mark_of(const yaml_node_t *n)
{
	struct rk_mark m = { (long)n->start_mark.line + 1,
			     (long)n->start_mark.column + 1 };
	return m;
}

static void vfail(struct loader *l, struct rk_mark m, const char *fmt,
		  va_list ap)
{
	char msg[sizeof(l->err->msg)];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	rk_error_set(l->err, RK_EXIT_CONFIG, l->name, m.line, "%s", msg);
	rk_error_column(l->err, m.column);
}

__attribute__((format(printf, 3, 4)))
static int fail_at(struct loader *l, struct rk_mark m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(l, m, fmt, ap);
	va_end(ap);
	return -1;
}

__attribute__((format(printf, 3, 4)))
static int fail(struct loader *l, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(l, mark_of(n), fmt, ap);
	va_end(ap);
	return -1;
}

static int oom(struct loader *l)
{
	rk_error_set(l->err, RK_EXIT_SOFTWARE, l->name, 0,
		     "out of memory while loading the config");
	return -1;
}

__attribute__((format(printf, 3, 4)))
static void fmt_into(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

/* "'key' in ctx", or "'key'" at the top level. */
static void subject_of(char *buf, const char *key, const char *ctx)
{
	if (ctx[0])
		fmt_into(buf, CTX_LEN, "'%s' in %s", key, ctx);
	else
		fmt_into(buf, CTX_LEN, "'%s'", key);
}

/* The context for what is inside key: "key of ctx", or "key". */
static void inside(char *buf, const char *key, const char *ctx)
{
	if (ctx[0])
		fmt_into(buf, CTX_LEN, "%s of %s", key, ctx);
	else
		fmt_into(buf, CTX_LEN, "%s", key);
}

static void join_words(char *buf, size_t size, const char *const *words)
{
	size_t used = 0;

	buf[0] = '\0';
	for (; *words && used < size; words++) {
		snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
			 *words);
		used += strlen(buf + used);
	}
}

/* ---- nodes ------------------------------------------------------------ */

static yaml_node_t *node(struct loader *l, int id)
{
	return yaml_document_get_node(&l->doc, id);
}

static const char *text(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* "", or a scalar that YAML would read as null: `key:`, `~`, `null`. */
static int is_empty(const yaml_node_t *n)
{
	const char *s = text(n);

	if (!s[0])
		return 1;
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	return !strcmp(s, "~") || !strcmp(s, "null") ||
	       !strcmp(s, "Null") || !strcmp(s, "NULL");
}

static const char *kind_of(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return "a mapping";
	case YAML_SEQUENCE_NODE:
		return "a list";
	default:
		return is_empty(n) ? "an empty value" : "text";
	}
}

static size_t npairs(const yaml_node_t *n)
{
	return (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
}

static size_t nitems(const yaml_node_t *n)
{
	return (size_t)(n->data.sequence.items.top -
			n->data.sequence.items.start);
}

/* The value under key in mapping map, or NULL (also when map is NULL). */
static yaml_node_t *get(struct loader *l, const yaml_node_t *map,
			const char *key)
{
	yaml_node_pair_t *p;

	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++)
		if (!strcmp(text(node(l, p->key)), key))
			return node(l, p->value);
	return NULL;
}

static char *dup_text(struct loader *l, const yaml_node_t *n)
{
	char *s = malloc(n->data.scalar.length + 1);

	if (!s) {
		oom(l);
		return NULL;
	}
	memcpy(s, text(n), n->data.scalar.length + 1);
	return s;
}

static int wrong_type(struct loader *l, const yaml_node_t *n,
		      const char *subject, const char *expected)
{
	fail(l, n, "wrong type for %s: expected %s, found %s", subject,
	     expected, kind_of(n));
	if (!strcmp(expected, "a mapping"))
		rk_error_hint(l->err, "write 'key: value' pairs indented "
			      "below it, or {key: value}");
	else if (!strcmp(expected, "a list"))
		rk_error_hint(l->err, "write '- item' lines indented below "
			      "it, or [item, item]");
	else
		rk_error_hint(l->err, "write a single value; quote it if it "
			      "contains ': ' or starts with '[' or '{'");
	return -1;
}

/* A non-empty scalar, or an error naming subject. */
static int need_text(struct loader *l, const yaml_node_t *n,
		     const char *subject)
{
	if (n->type != YAML_SCALAR_NODE)
		return wrong_type(l, n, subject, "text");
	if (is_empty(n)) {
		fail(l, n, "empty value for %s", subject);
		rk_error_hint(l->err, "give a value or remove the key");
		return -1;
	}
	return 0;
}

/* ---- pass 1: syntax, aliases, depth, documents (libyaml events) ------ */

static void mark_at_offset(struct loader *l, size_t offset, struct rk_mark *m)
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

static int syntax_error(struct loader *l, const yaml_parser_t *p)
{
	struct rk_mark m = { (long)p->problem_mark.line + 1,
			     (long)p->problem_mark.column + 1 };
	const char *problem = p->problem ? p->problem : "syntax error";

	if (p->error == YAML_MEMORY_ERROR)
		return oom(l);
	if (p->error == YAML_READER_ERROR) {
		mark_at_offset(l, p->problem_offset, &m);
		fail_at(l, m, "invalid yaml: %s", problem);
		rk_error_hint(l->err, "save the config as UTF-8 text");
		return -1;
	}
	fail_at(l, m, "invalid yaml: %s", problem);
	if (p->context)
		rk_error_hint(l->err, "%s at line %lu; check the indentation "
			      "and quoting", p->context,
			      (unsigned long)p->context_mark.line + 1);
	else
		rk_error_hint(l->err, "check the indentation and quoting");
	return -1;
}

static int lint_event(struct loader *l, const yaml_event_t *ev, int *depth,
		      int *docs)
{
	struct rk_mark m = { (long)ev->start_mark.line + 1,
			     (long)ev->start_mark.column + 1 };

	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		fail_at(l, m, "yaml aliases are not supported");
		rk_error_hint(l->err, "write the value out in full instead "
			      "of '*%s'", (const char *)ev->data.alias.anchor);
		return -1;
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs == 1)
			return 0;
		fail_at(l, m, "more than one yaml document in the config");
		rk_error_hint(l->err, "a config is one document; remove the "
			      "second '---' and what follows it");
		return -1;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (++*depth <= MAX_DEPTH)
			return 0;
		fail_at(l, m, "config nested too deeply (more than %d levels)",
			MAX_DEPTH);
		rk_error_hint(l->err, "check the brackets and indentation");
		return -1;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		--*depth;
		return 0;
	default:
		return 0;
	}
}

static int lint(struct loader *l)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0, docs = 0, rc = -1, bad, end = 0;

	if (!yaml_parser_initialize(&p))
		return oom(l);
	yaml_parser_set_input_string(&p, l->data, l->len);
	while (!end) {
		if (!yaml_parser_parse(&p, &ev)) {
			syntax_error(l, &p);
			goto out;
		}
		bad = lint_event(l, &ev, &depth, &docs);
		end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (bad)
			goto out;
	}
	rc = 0;
out:
	yaml_parser_delete(&p);
	return rc;
}

/* ---- pass 2: the node tree ------------------------------------------- */

static int load_tree(struct loader *l)
{
	yaml_parser_t p;
	int rc = -1;

	if (!yaml_parser_initialize(&p))
		return oom(l);
	yaml_parser_set_input_string(&p, l->data, l->len);
	if (!yaml_parser_load(&p, &l->doc)) {
		syntax_error(l, &p);
		goto out;
	}
	l->have_doc = 1;
	l->root = yaml_document_get_root_node(&l->doc);
	rc = 0;
out:
	yaml_parser_delete(&p);
	return rc;
}

struct key_ref {
	const char *key;
	size_t idx;
};

static int cmp_key_ref(const void *a, const void *b)
{
	const struct key_ref *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c)
		return c;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

/*
 * Sorts refs and finds the repeated key that comes first in the original
 * order: sets *first and *second (first < second) and returns 1, or
 * returns 0 when all keys differ.
 */
static int find_dup(struct key_ref *refs, size_t n, size_t *first,
		    size_t *second)
{
	size_t i, best = SIZE_MAX;

	qsort(refs, n, sizeof(*refs), cmp_key_ref);
	for (i = 1; i < n; i++) {
		if (strcmp(refs[i - 1].key, refs[i].key) ||
		    refs[i].idx >= best)
			continue;
		if (i >= 2 && !strcmp(refs[i - 2].key, refs[i].key))
			continue;
		best = refs[i].idx;
		*first = refs[i - 1].idx;
	}
	*second = best;
	return best != SIZE_MAX;
}

static int check_keys(struct loader *l, const yaml_node_t *map,
		      struct key_ref *refs)
{
	const yaml_node_pair_t *pairs = map->data.mapping.pairs.start;
	size_t i, n = npairs(map), a, b;

	for (i = 0; i < n; i++) {
		const yaml_node_t *k = node(l, pairs[i].key);

		if (k->type != YAML_SCALAR_NODE) {
			fail(l, k, "mapping key is %s, not text", kind_of(k));
			rk_error_hint(l->err, "keys are plain names; quote a "
				      "key that starts with '[' or '{'");
			return -1;
		}
		refs[i].key = text(k);
		refs[i].idx = i;
	}
	if (!find_dup(refs, n, &a, &b))
		return 0;
	fail(l, node(l, pairs[b].key), "duplicate key '%s'",
	     text(node(l, pairs[b].key)));
	rk_error_hint(l->err, "'%s' is already given at line %ld, column %ld; "
		      "remove one of them", text(node(l, pairs[a].key)),
		      mark_of(node(l, pairs[a].key)).line,
		      mark_of(node(l, pairs[a].key)).column);
	return -1;
}

/* Keys are unique text and no scalar hides a NUL, anywhere in the tree. */
static int check_tree(struct loader *l)
{
	yaml_node_t *n;
	struct key_ref *refs = NULL;
	int rc = 0;

	for (n = l->doc.nodes.start; n < l->doc.nodes.top && !rc; n++) {
		if (n->type == YAML_SCALAR_NODE &&
		    strlen(text(n)) != n->data.scalar.length) {
			rc = fail(l, n, "NUL character in text");
			rk_error_hint(l->err, "remove the \\0 escape");
		} else if (n->type == YAML_MAPPING_NODE && npairs(n)) {
			refs = malloc(npairs(n) * sizeof(*refs));
			rc = refs ? check_keys(l, n, refs) : oom(l);
			free(refs);
		}
	}
	return rc;
}

static int check_root(struct loader *l)
{
	if (!l->root || (l->root->type == YAML_SCALAR_NODE &&
			 is_empty(l->root))) {
		rk_error_set(l->err, RK_EXIT_CONFIG, l->name, 0,
			     "empty config");
		rk_error_hint(l->err, "start with 'pipeline: <name>' and a "
			      "list of sources");
		return -1;
	}
	if (l->root->type == YAML_MAPPING_NODE)
		return 0;
	fail(l, l->root, "config is %s, not a mapping", kind_of(l->root));
	rk_error_hint(l->err, "start with 'pipeline: <name>' and a list of "
		      "sources");
	return -1;
}

/* ---- pass 3: the tree against the libcyaml schema --------------------- */

static int check_value(struct loader *l, const cyaml_schema_value_t *s,
		       const yaml_node_t *n, const char *key,
		       const char *subject, const char *ctx);

static const cyaml_schema_field_t *field_named(
	const cyaml_schema_field_t *fields, const char *key)
{
	for (; fields->key; fields++)
		if (!strcmp(fields->key, key))
			return fields;
	return NULL;
}

static int unknown_key(struct loader *l, const yaml_node_t *k,
		       const cyaml_schema_field_t *fields, const char *ctx)
{
	char allowed[HINT_LEN];
	const char *names[32];
	size_t n = 0;

	for (; fields->key && n < 31; fields++)
		names[n++] = fields->key;
	names[n] = NULL;
	join_words(allowed, sizeof(allowed), names);
	if (ctx[0])
		fail(l, k, "unknown key '%s' in %s", text(k), ctx);
	else
		fail(l, k, "unknown key '%s'", text(k));
	rk_error_hint(l->err, "check the spelling; allowed here: %s", allowed);
	return -1;
}

static int check_required(struct loader *l, const yaml_node_t *map,
			  const cyaml_schema_field_t *fields, const char *ctx)
{
	for (; fields->key; fields++) {
		if ((fields->value.flags & CYAML_FLAG_OPTIONAL) ||
		    get(l, map, fields->key))
			continue;
		if (ctx[0])
			fail(l, map, "missing required key '%s' in %s",
			     fields->key, ctx);
		else
			fail(l, map, "missing required key '%s'", fields->key);
		rk_error_hint(l->err, "add '%s: ...'", fields->key);
		return -1;
	}
	return 0;
}

static int check_mapping(struct loader *l, const cyaml_schema_field_t *fields,
			 const yaml_node_t *map, const char *ctx)
{
	const yaml_node_pair_t *p;
	char subject[CTX_LEN], inner[CTX_LEN];

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = node(l, p->key);
		const cyaml_schema_field_t *f = field_named(fields, text(k));

		if (!f)
			return unknown_key(l, k, fields, ctx);
		if (f->value.type == CYAML_IGNORE)
			continue;
		subject_of(subject, f->key, ctx);
		inside(inner, f->key, ctx);
		if (check_value(l, &f->value, node(l, p->value), f->key,
				subject, inner))
			return -1;
	}
	return check_required(l, map, fields, ctx);
}

/* How messages name entry i (0-based) of the list under key. */
static void entry_place(struct loader *l, const yaml_node_t *entry,
			const char *key, const char *subject, size_t i,
			char *buf)
{
	const yaml_node_t *id = get(l, entry, "id");
	size_t k;

	for (k = 0; k < sizeof(entry_labels) / sizeof(entry_labels[0]); k++) {
		if (strcmp(entry_labels[k].key, key))
			continue;
		if (!strcmp(key, "sources") && id &&
		    id->type == YAML_SCALAR_NODE && !is_empty(id) &&
		    id->data.scalar.length <= 64)
			fmt_into(buf, CTX_LEN, "source '%s'", text(id));
		else
			fmt_into(buf, CTX_LEN, "%s %zu", entry_labels[k].label,
			       i + 1);
		return;
	}
	fmt_into(buf, CTX_LEN, "entry %zu of %s", i + 1, subject);
}

static int check_sequence(struct loader *l, const cyaml_schema_value_t *s,
			  const yaml_node_t *seq, const char *key,
			  const char *subject)
{
	const yaml_node_item_t *it;
	char place[CTX_LEN];
	size_t i = 0;

	if (nitems(seq) < s->sequence.min) {
		fail(l, seq, "empty list for %s", subject);
		rk_error_hint(l->err, "list at least one entry");
		return -1;
	}
	for (it = seq->data.sequence.items.start;
	     it < seq->data.sequence.items.top; it++, i++) {
		const yaml_node_t *e = node(l, *it);

		entry_place(l, e, key, subject, i, place);
		if (check_value(l, s->sequence.entry, e, key, place, place))
			return -1;
	}
	return 0;
}

static int check_value(struct loader *l, const cyaml_schema_value_t *s,
		       const yaml_node_t *n, const char *key,
		       const char *subject, const char *ctx)
{
	switch (s->type) {
	case CYAML_MAPPING:
		if (n->type != YAML_MAPPING_NODE)
			return wrong_type(l, n, subject, "a mapping");
		return check_mapping(l, s->mapping.fields, n, ctx);
	case CYAML_SEQUENCE:
		if (n->type != YAML_SEQUENCE_NODE)
			return wrong_type(l, n, subject, "a list");
		return check_sequence(l, s, n, key, subject);
	default:
		return need_text(l, n, subject);
	}
}

/* ---- pass 4: libcyaml fills the fixed part ---------------------------- */

struct cy_log {
	char reason[512];
	long line, column;
};

static void cy_log_fn(cyaml_log_t level, void *ctx, const char *fmt,
		      va_list args)
{
	struct cy_log *log = ctx;
	char buf[512];
	const char *at;

	if (level < CYAML_LOG_ERROR)
		return;
	vsnprintf(buf, sizeof(buf), fmt, args);
	buf[strcspn(buf, "\n")] = '\0';
	at = strstr(buf, "(line: ");
	if (at) {
		/* the first place printed is the innermost */
		if (!log->line)
			sscanf(at, "(line: %ld, column: %ld)", &log->line,
			       &log->column);
	} else if (!log->reason[0] && !strstr(buf, "Backtrace:")) {
		at = strncmp(buf, "Load: ", 6) ? buf : buf + 6;
		snprintf(log->reason, sizeof(log->reason), "%s", at);
	}
}

static void *cy_mem(void *ctx, void *ptr, size_t size)
{
	(void)ctx;
	if (size == 0) {
		free(ptr);
		return NULL;
	}
	return realloc(ptr, size);
}

static const struct {
	const char *prefix, *message;
} cy_messages[] = {
	{ "Unexpected key: ", "unknown key '%s'" },
	{ "Missing required mapping field: ", "missing required key '%s'" },
	{ "Mapping field already seen: ", "duplicate key '%s'" },
};

/* Only reached when libcyaml rejects what the tree walk accepted. */
static int cy_error(struct loader *l, cyaml_err_t e, const struct cy_log *log)
{
	struct rk_mark m = { log->line, log->column };
	const char *reason = log->reason[0] ? log->reason : cyaml_strerror(e);
	size_t i, n;

	if (e == CYAML_ERR_OOM)
		return oom(l);
	for (i = 0; i < sizeof(cy_messages) / sizeof(cy_messages[0]); i++) {
		n = strlen(cy_messages[i].prefix);
		if (!strncmp(reason, cy_messages[i].prefix, n))
			break;
	}
	if (i < sizeof(cy_messages) / sizeof(cy_messages[0]))
		fail_at(l, m, cy_messages[i].message, reason + n);
	else
		fail_at(l, m, "config rejected: %s", reason);
	rk_error_hint(l->err, "libcyaml rejected the config here; check this "
		      "value against the pipeline config format");
	return -1;
}

static int cy_load(struct loader *l, struct y_doc **doc)
{
	struct cy_log log = { { 0 }, 0, 0 };
	cyaml_config_t cfg = {
		.log_fn = cy_log_fn,
		.log_ctx = &log,
		.mem_fn = cy_mem,
		.log_level = CYAML_LOG_ERROR,
		.flags = CYAML_CFG_NO_ALIAS,
	};
	cyaml_err_t e;

	e = cyaml_load_data(l->data, l->len, &cfg, &doc_schema,
			    (cyaml_data_t **)doc, NULL);
	if (e == CYAML_OK && *doc)
		return 0;
	return cy_error(l, e == CYAML_OK ? CYAML_ERR_INTERNAL_ERROR : e, &log);
}

static void cy_free(struct y_doc *doc)
{
	cyaml_config_t cfg = { .mem_fn = cy_mem, .log_level = CYAML_LOG_ERROR };

	if (doc)
		cyaml_free(&cfg, &doc_schema, doc, 0);
}

/* ---- pass 5: building the config ------------------------------------- */

static char *take(char **p)
{
	char *s = *p;

	*p = NULL;
	return s;
}

static void take_list(struct rk_strlist *out, char ***items, unsigned *n,
		      const yaml_node_t *at)
{
	out->items = *items;
	out->n = *n;
	*items = NULL;
	*n = 0;
	if (at)
		out->mark = mark_of(at);
}

static void take_i18n(struct rk_i18n *out, struct rk_i18n *in)
{
	if (!in)
		return;
	out->en = take(&in->en);
	out->ru = take(&in->ru);
	out->tg = take(&in->tg);
}

/* path resolved against dir, unless absolute or dir is "." */
static char *resolve(struct loader *l, const char *path)
{
	size_t a = strlen(l->dir), b = strlen(path);
	char *s;

	if (path[0] == '/' || !strcmp(l->dir, "."))
		a = 0;
	s = malloc(a + b + 2);
	if (!s) {
		oom(l);
		return NULL;
	}
	memcpy(s, l->dir, a);
	if (a && l->dir[a - 1] != '/')
		s[a++] = '/';
	memcpy(s + a, path, b + 1);
	return s;
}

static char *dir_of(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	size_t n;
	char *d;

	if (!slash)
		return strdup(".");
	while (slash > path && slash[-1] == '/')
		slash--;
	n = slash > path ? (size_t)(slash - path) : 1;
	d = malloc(n + 1);
	if (d) {
		memcpy(d, path, n);
		d[n] = '\0';
	}
	return d;
}

static int is_word(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (!strcmp(s, *words))
			return 1;
	return 0;
}

/* value (from the scalar under key in map) is one of words. */
static int check_word(struct loader *l, const yaml_node_t *map,
		      const char *key, const char *value,
		      const char *const *words, const char *ctx)
{
	char allowed[HINT_LEN];

	if (!value || is_word(value, words))
		return 0;
	join_words(allowed, sizeof(allowed), words);
	fail(l, get(l, map, key), "invalid %s '%s' in %s", key, value, ctx);
	rk_error_hint(l->err, "use one of: %s", allowed);
	return -1;
}

static int check_list_words(struct loader *l, const yaml_node_t *seq,
			    const struct rk_strlist *list, const char *what,
			    const char *const *words, const char *ctx)
{
	char allowed[HINT_LEN];
	size_t i;

	for (i = 0; i < list->n; i++) {
		if (is_word(list->items[i], words))
			continue;
		join_words(allowed, sizeof(allowed), words);
		fail(l, node(l, seq->data.sequence.items.start[i]),
		     "invalid %s '%s' in %s", what, list->items[i], ctx);
		rk_error_hint(l->err, "use one of: %s", allowed);
		return -1;
	}
	return 0;
}

/* Integers are decimal digits with an optional '-' and no leading zero. */
static int is_integer(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		return s[1] == '\0';
	if (*s < '1' || *s > '9')
		return 0;
	while (*s >= '0' && *s <= '9')
		s++;
	return *s == '\0';
}

/* A count >= 0 under key in map; *out is left alone when not given. */
static int get_count(struct loader *l, const yaml_node_t *map,
		     const char *key, const char *ctx, long *out)
{
	const yaml_node_t *n = get(l, map, key);
	char subject[CTX_LEN];
	long v;

	if (!n)
		return 0;
	subject_of(subject, key, ctx);
	if (need_text(l, n, subject))
		return -1;
	errno = 0;
	v = is_integer(text(n)) ? strtol(text(n), NULL, 10) : 0;
	if (!is_integer(text(n)) || errno == ERANGE) {
		fail(l, n, "invalid integer '%s' for %s", text(n), subject);
		rk_error_hint(l->err, "write a whole number in decimal digits "
			      "without leading zeros, e.g. 2");
		return -1;
	}
	if (v < 0) {
		fail(l, n, "%s must be 0 or more, not %ld", subject, v);
		rk_error_hint(l->err, "write a whole number such as 0 or 2");
		return -1;
	}
	*out = v;
	return 0;
}

static int is_decimal_number(const char *s)
{
	int digits = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (!strchr(".eE+-", *s))
			return 0;
	}
	return digits > 0;
}

static int get_alpha(struct loader *l, const yaml_node_t *map,
		     const char *ctx, double *out)
{
	const yaml_node_t *n = get(l, map, "alpha");
	char subject[CTX_LEN], *end = NULL;
	double v = 0;

	*out = 0.05;
	if (!n)
		return 0;
	subject_of(subject, "alpha", ctx);
	if (need_text(l, n, subject))
		return -1;
	if (is_decimal_number(text(n)))
		v = strtod(text(n), &end);
	if (!end || *end) {
		fail(l, n, "invalid number '%s' for %s", text(n), subject);
		rk_error_hint(l->err, "write a decimal number such as 0.05");
		return -1;
	}
	if (!(v > 0 && v < 1)) {
		fail(l, n, "%s must be between 0 and 1, not %s", subject,
		     text(n));
		rk_error_hint(l->err, "alpha is a significance level such as "
			      "0.05");
		return -1;
	}
	*out = v;
	return 0;
}

/*
 * A number under key in map (C locale: 12, 0.5, 1e3), or, when percent is
 * not NULL, also a percentage like "5%" (then *percent is 1).  Negative
 * numbers are refused.  *out is left alone when the key is not given.
 */
static int get_number(struct loader *l, const yaml_node_t *map,
		      const char *key, const char *ctx, int allow_percent,
		      double *out, int *percent)
{
	const yaml_node_t *n = get(l, map, key);
	char subject[CTX_LEN], buf[64], *end = NULL;
	size_t len;
	double v = 0;
	int pct = 0;

	if (!n)
		return 0;
	subject_of(subject, key, ctx);
	if (need_text(l, n, subject))
		return -1;
	len = strlen(text(n));
	if (len < sizeof(buf)) {
		memcpy(buf, text(n), len + 1);
		if (allow_percent && len && buf[len - 1] == '%') {
			buf[--len] = '\0';
			pct = 1;
		}
		if (is_decimal_number(buf))
			v = strtod(buf, &end);
	}
	if (!end || *end || v != v) {
		fail(l, n, "invalid number '%s' for %s", text(n), subject);
		rk_error_hint(l->err, allow_percent
			      ? "write a number such as 2, or a percentage "
				"such as 5%%"
			      : "write a number such as 1000");
		return -1;
	}
	if (v < 0) {
		fail(l, n, "%s must be 0 or more, not %s", subject, text(n));
		rk_error_hint(l->err, "write a number such as 0 or 2");
		return -1;
	}
	*out = v;
	if (percent)
		*percent = pct;
	return 0;
}

/* true or false under key in map; *out is left alone when not given. */
static int get_flag(struct loader *l, const yaml_node_t *map,
		    const char *key, const char *ctx, int *out)
{
	const yaml_node_t *n = get(l, map, key);
	char subject[CTX_LEN];

	if (!n)
		return 0;
	subject_of(subject, key, ctx);
	if (need_text(l, n, subject))
		return -1;
	if (!strcmp(text(n), "true") || !strcmp(text(n), "false")) {
		*out = !strcmp(text(n), "true");
		return 0;
	}
	fail(l, n, "invalid value '%s' for %s", text(n), subject);
	rk_error_hint(l->err, "write true or false");
	return -1;
}

/* The `year` constant, when given, is a four-digit year. */
static int check_year(struct loader *l, const struct rk_source *s,
		      const char *ctx)
{
	for (size_t i = 0; i < s->constants.n; i++) {
		const struct rk_kv *kv = &s->constants.items[i];
		const char *v = kv->value;

		if (strcmp(kv->key, "year"))
			continue;
		if (strlen(v) == 4 && v[0] >= '1' && v[0] <= '9' &&
		    strspn(v, "0123456789") == 4)
			return 0;
		fail_at(l, kv->mark, "invalid year '%s' in %s", v, ctx);
		rk_error_hint(l->err, "write the year in four digits, e.g. "
			      "year: 2024");
		return -1;
	}
	return 0;
}

static int cmp_str_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_dimension(struct loader *l, const char *name)
{
	return l->ndims && bsearch(&name, l->dims, l->ndims, sizeof(*l->dims),
				   cmp_str_ptr) != NULL;
}

/* A word the source's period template uses, as in "{quarter} {year}". */
static int in_period_template(const struct loader *l, const char *name)
{
	const char *t = l->period_template;
	size_t n = strlen(name);

	for (; t && (t = strchr(t, '{')) != NULL; t++)
		if (strncmp(t + 1, name, n) == 0 && t[1 + n] == '}')
			return 1;
	return 0;
}

/* A tidy field a layout or constants may name. */
static int is_field(struct loader *l, const char *name)
{
	return !strcmp(name, "indicator") || !strcmp(name, "period") ||
	       is_dimension(l, name) || in_period_template(l, name);
}

static int check_name(struct loader *l, const yaml_node_t *n)
{
	const char *s = text(n);
	size_t i;

	if (is_word(s, reserved_names)) {
		fail(l, n, "reserved dimension name '%s'", s);
		rk_error_hint(l->err, "source, indicator, period, value, status "
			      "and origin are tidy columns already; choose "
			      "another name");
		return -1;
	}
	for (i = 0; s[i]; i++)
		if (!(s[i] >= 'a' && s[i] <= 'z') &&
		    !(i && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_')))
			break;
	if (!s[i])
		return 0;
	fail(l, n, "invalid dimension name '%s'", s);
	rk_error_hint(l->err, "use lower-case letters, digits and '_', "
		      "starting with a letter");
	return -1;
}

static int check_unique(struct loader *l, const char *const *keys, size_t n,
			const yaml_node_t *const *at, const char *what)
{
	struct key_ref *refs = malloc((n ? n : 1) * sizeof(*refs));
	size_t i, a, b;
	int dup;

	if (!refs)
		return oom(l);
	for (i = 0; i < n; i++) {
		refs[i].key = keys[i];
		refs[i].idx = i;
	}
	dup = find_dup(refs, n, &a, &b);
	free(refs);
	if (!dup)
		return 0;
	fail(l, at[b], "duplicate %s '%s'", what, keys[b]);
	rk_error_hint(l->err, "the first '%s' is at line %ld, column %ld; make "
		      "each %s unique", keys[a], mark_of(at[a]).line,
		      mark_of(at[a]).column, what);
	return -1;
}

static int build_dimensions(struct loader *l, struct y_doc *d,
			    struct rk_config *c)
{
	const yaml_node_t *seq = get(l, l->root, "dimensions");
	const yaml_node_t **at;
	size_t i;
	int rc;

	take_list(&c->dimensions, &d->dimensions, &d->dimensions_count, seq);
	if (!c->dimensions.n)
		return 0;
	at = malloc(c->dimensions.n * sizeof(*at));
	l->dims = malloc(c->dimensions.n * sizeof(*l->dims));
	if (!at || !l->dims) {
		free(at);
		return oom(l);
	}
	for (i = 0; i < c->dimensions.n; i++) {
		at[i] = node(l, seq->data.sequence.items.start[i]);
		l->dims[i] = c->dimensions.items[i];
	}
	for (rc = 0, i = 0; i < c->dimensions.n && !rc; i++)
		rc = check_name(l, at[i]);
	if (!rc)
		rc = check_unique(l, l->dims, c->dimensions.n, at, "dimension");
	free(at);
	l->ndims = c->dimensions.n;
	qsort(l->dims, l->ndims, sizeof(*l->dims), cmp_str_ptr);
	return rc;
}

/*
 * KEYS_CONSTANTS: fields, and `year`; KEYS_CODELISTS: dimensions, and
 * `indicator` (which has a code list too).
 */
enum key_rule { KEYS_ANY, KEYS_FIELDS, KEYS_DIMENSIONS, KEYS_CONSTANTS,
		KEYS_CODELISTS };

static int check_kv_key(struct loader *l, const yaml_node_t *k,
			enum key_rule rule, const char *rule_ctx)
{
	if (rule == KEYS_CONSTANTS && !strcmp(text(k), "year"))
		return 0;
	if (rule == KEYS_CODELISTS && !strcmp(text(k), "indicator"))
		return 0;
	if ((rule == KEYS_FIELDS || rule == KEYS_CONSTANTS) &&
	    !is_field(l, text(k))) {
		fail(l, k, "unknown field '%s' in %s", text(k), rule_ctx);
		rk_error_hint(l->err, "declare it under dimensions, use "
			      "indicator/period, or use it in the period "
			      "template as {%s}", text(k));
		return -1;
	}
	if ((rule == KEYS_DIMENSIONS || rule == KEYS_CODELISTS) &&
	    !is_dimension(l, text(k))) {
		fail(l, k, "unknown dimension '%s' in %s", text(k), rule_ctx);
		rk_error_hint(l->err, rule == KEYS_CODELISTS
			      ? "declare it under dimensions, or write "
				"indicator"
			      : "declare it under dimensions");
		return -1;
	}
	return 0;
}

/*
 * The mapping under key in map, with user-chosen keys and text values.
 * Keys must obey rule; rule_ctx names where they are for messages.
 */
static int kv_list(struct loader *l, const yaml_node_t *map, const char *key,
		   const char *ctx, enum key_rule rule, const char *rule_ctx,
		   struct rk_kvlist *out)
{
	const yaml_node_t *m = get(l, map, key);
	const yaml_node_pair_t *p;
	char subject[CTX_LEN], inner[CTX_LEN];

	subject_of(subject, key, ctx);
	inside(inner, key, ctx);
	if (!m)
		return 0;
	if (m->type != YAML_MAPPING_NODE)
		return wrong_type(l, m, subject, "a mapping");
	out->items = calloc(npairs(m) ? npairs(m) : 1, sizeof(*out->items));
	if (!out->items)
		return oom(l);
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = node(l, p->key), *v = node(l, p->value);
		struct rk_kv *kv = &out->items[out->n];
		char vsubject[CTX_LEN];

		subject_of(vsubject, text(k), inner);
		if (check_kv_key(l, k, rule, rule_ctx) ||
		    need_text(l, v, vsubject))
			return -1;
		kv->key = dup_text(l, k);
		kv->value = kv->key ? dup_text(l, v) : NULL;
		kv->mark = mark_of(v);
		out->n++;
		if (!kv->value)
			return -1;
	}
	return 0;
}

/* Text entries of a list, or (scalar_ok) one text as a list of one. */
static int text_list(struct loader *l, const yaml_node_t *n,
		     const char *subject, int scalar_ok, struct rk_strlist *out)
{
	const yaml_node_item_t *it;
	char place[CTX_LEN];
	size_t count;

	out->mark = mark_of(n);
	if (n->type == YAML_SEQUENCE_NODE)
		count = nitems(n);
	else if (scalar_ok && n->type == YAML_SCALAR_NODE)
		count = 1;
	else
		return wrong_type(l, n, subject,
				  scalar_ok ? "text or a list" : "a list");
	if (n->type == YAML_SCALAR_NODE) {
		if (need_text(l, n, subject))
			return -1;
		out->items = calloc(1, sizeof(*out->items));
		if (!out->items)
			return oom(l);
		out->items[0] = dup_text(l, n);
		out->n = 1;
		return out->items[0] ? 0 : -1;
	}
	out->items = calloc(count ? count : 1, sizeof(*out->items));
	if (!out->items)
		return oom(l);
	for (it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++) {
		fmt_into(place, sizeof(place), "entry %zu of %s", out->n + 1,
		       subject);
		if (need_text(l, node(l, *it), place))
			return -1;
		out->items[out->n] = dup_text(l, node(l, *it));
		if (!out->items[out->n])
			return -1;
		out->n++;
	}
	return 0;
}

static int build_strip(struct loader *l, const yaml_node_t *codelists,
		       struct rk_config *c)
{
	const yaml_node_t *m = get(l, codelists, "strip");
	const yaml_node_pair_t *p;
	char subject[CTX_LEN];

	if (!m)
		return 0;
	if (m->type != YAML_MAPPING_NODE)
		return wrong_type(l, m, "'strip' in codelists", "a mapping");
	c->strip = calloc(npairs(m) ? npairs(m) : 1, sizeof(*c->strip));
	if (!c->strip)
		return oom(l);
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = node(l, p->key);
		struct rk_strip *s = &c->strip[c->nstrip];

		if (check_kv_key(l, k, KEYS_CODELISTS, "strip of codelists"))
			return -1;
		s->dimension = dup_text(l, k);
		if (!s->dimension)
			return -1;
		c->nstrip++;
		subject_of(subject, text(k), "strip of codelists");
		if (text_list(l, node(l, p->value), subject, 0, &s->affixes))
			return -1;
	}
	return 0;
}

static int build_codelists(struct loader *l, struct y_codelists *y,
			   struct rk_config *c)
{
	const yaml_node_t *n = get(l, l->root, "codelists");
	size_t i;
	char allowed[HINT_LEN];

	if (!y)
		return 0;
	if (y->dir && !(c->codelists_dir = resolve(l, y->dir)))
		return -1;
	if (build_strip(l, n, c) ||
	    kv_list(l, n, "unmapped", "codelists", KEYS_CODELISTS,
		    "unmapped of codelists", &c->unmapped))
		return -1;
	for (i = 0; i < c->unmapped.n; i++) {
		if (is_word(c->unmapped.items[i].value, unmapped_actions))
			continue;
		join_words(allowed, sizeof(allowed), unmapped_actions);
		fail_at(l, c->unmapped.items[i].mark,
			"invalid action '%s' for '%s' in unmapped of codelists",
			c->unmapped.items[i].value, c->unmapped.items[i].key);
		rk_error_hint(l->err, "use one of: %s", allowed);
		return -1;
	}
	return 0;
}

static int check_decimal(struct loader *l, const yaml_node_t *layout,
			 const char *decimal, const char *ctx)
{
	if (!decimal || !strcmp(decimal, ",") || !strcmp(decimal, "."))
		return 0;
	fail(l, get(l, layout, "decimal"), "invalid decimal '%s' in %s",
	     decimal, ctx);
	rk_error_hint(l->err, "write decimal: \",\" or decimal: \".\"");
	return -1;
}

static int take_sheet(struct loader *l, struct y_source *y,
		      const yaml_node_t *layout, const char *ctx,
		      struct rk_layout *out)
{
	if (y->sheet && y->layout && y->layout->sheet) {
		fail(l, get(l, layout, "sheet"), "'sheet' given twice in %s",
		     ctx);
		rk_error_hint(l->err, "keep either the source's sheet or the "
			      "layout's");
		return -1;
	}
	out->sheet = y->sheet ? take(&y->sheet) :
		     y->layout ? take(&y->layout->sheet) : NULL;
	return 0;
}

static int build_layout(struct loader *l, struct y_source *y,
			const yaml_node_t *src, const char *ctx,
			struct rk_source *s)
{
	const yaml_node_t *n = get(l, src, "layout"), *values;
	struct y_layout *yl = y->layout;
	struct rk_layout *out = &s->layout;
	char lctx[CTX_LEN], subject[CTX_LEN];

	out->header_rows = out->header_row = -1;
	out->mark = n ? mark_of(n) : s->mark;
	if (take_sheet(l, y, n, ctx, out))
		return -1;
	if (!yl)
		return 0;
	inside(lctx, "layout", ctx);
	out->range = take(&yl->range);
	out->period = take(&yl->period);
	l->period_template = out->period;
	out->skip_rows = take(&yl->skip_rows);
	out->stop_at = take(&yl->stop_at);
	out->decimal = take(&yl->decimal);
	out->encoding = take(&yl->encoding);
	out->delimiter = take(&yl->delimiter);
	take_list(&out->value_headers, &yl->value_headers,
		  &yl->value_headers_count, get(l, n, "value_headers"));
	values = get(l, n, "values");
	subject_of(subject, "values", lctx);
	if (get_count(l, n, "header_rows", lctx, &out->header_rows) ||
	    get_count(l, n, "header_row", lctx, &out->header_row) ||
	    kv_list(l, n, "fields", lctx, KEYS_FIELDS, lctx, &out->fields) ||
	    (values && text_list(l, values, subject, 1, &out->values)) ||
	    kv_list(l, n, "sentinels", lctx, KEYS_ANY, lctx,
		    &out->sentinels))
		return -1;
	return check_decimal(l, n, out->decimal, lctx);
}

static int check_source_id(struct loader *l, const yaml_node_t *src,
			   const char *id)
{
	size_t i;

	for (i = 0; id[i]; i++)
		if (!(id[i] >= 'a' && id[i] <= 'z') &&
		    !(id[i] >= '0' && id[i] <= '9') &&
		    !(i && (id[i] == '_' || id[i] == '-')))
			break;
	if (!id[i])
		return 0;
	fail(l, get(l, src, "id"), "invalid source id '%s'", id);
	rk_error_hint(l->err, "use lower-case letters, digits, '_' and '-', "
		      "starting with a letter or digit");
	return -1;
}

static int build_source(struct loader *l, struct y_source *y,
			const yaml_node_t *n, size_t i, struct rk_source *s)
{
	char ctx[CTX_LEN], cctx[CTX_LEN];

	entry_place(l, n, "sources", "", i, ctx);
	inside(cctx, "constants", ctx);
	s->mark = mark_of(n);
	s->id = take(&y->id);
	take_i18n(&s->name, y->name);
	s->kind = take(&y->kind);
	s->file_as_written = take(&y->file);
	if (check_source_id(l, n, s->id) ||
	    check_word(l, n, "kind", s->kind, kinds, ctx))
		return -1;
	s->file = resolve(l, s->file_as_written);
	l->period_template = NULL;
	if (!s->file || build_layout(l, y, n, ctx, s))
		return -1;
	if (get_flag(l, n, "cumulative", ctx, &s->cumulative) ||
	    kv_list(l, n, "constants", ctx, KEYS_CONSTANTS, cctx,
		    &s->constants))
		return -1;
	return check_year(l, s, cctx);
}

static int build_sources(struct loader *l, struct y_doc *d,
			 struct rk_config *c)
{
	const yaml_node_t *seq = get(l, l->root, "sources");
	const yaml_node_t **at;
	const char **ids;
	size_t i;
	int rc = 0;

	c->sources = calloc(d->sources_count, sizeof(*c->sources));
	at = malloc(d->sources_count * sizeof(*at));
	ids = malloc(d->sources_count * sizeof(*ids));
	if (!c->sources || !at || !ids) {
		rc = oom(l);
		goto out;
	}
	for (i = 0; i < d->sources_count && !rc; i++) {
		const yaml_node_t *n = node(l, seq->data.sequence.items.start[i]);

		c->nsources++;
		rc = build_source(l, &d->sources[i], n, i, &c->sources[i]);
		at[i] = get(l, n, "id");
		ids[i] = c->sources[i].id;
	}
	if (!rc)
		rc = check_unique(l, ids, c->nsources, at, "source id");
out:
	free(at);
	free(ids);
	return rc;
}

static int rule_needs(struct loader *l, const yaml_node_t *n,
		      const struct rk_rule *r, const char *key, int given,
		      int wanted, const char *ctx)
{
	if (given == wanted)
		return 0;
	if (wanted) {
		fail(l, n, "missing required key '%s' in %s", key, ctx);
		rk_error_hint(l->err, "%s needs '%s: ...'", r->check, key);
		return -1;
	}
	fail(l, get(l, n, key), "'%s' has no meaning for %s in %s", key,
	     r->check, ctx);
	rk_error_hint(l->err, "remove it; only parts_sum_to_total takes "
		      "over and tolerance, only maximum takes max");
	return -1;
}

static int check_rule(struct loader *l, const yaml_node_t *n,
		      struct rk_rule *r, const char *ctx)
{
	int sums = !strcmp(r->check, "parts_sum_to_total");
	int maximum = !strcmp(r->check, "maximum");

	if (check_word(l, n, "check", r->check, checks, ctx) ||
	    check_word(l, n, "severity", r->severity, severities, ctx) ||
	    rule_needs(l, n, r, "over", r->over != NULL, sums, ctx) ||
	    rule_needs(l, n, r, "tolerance", get(l, n, "tolerance") != NULL,
		       sums && get(l, n, "tolerance"), ctx) ||
	    rule_needs(l, n, r, "max", get(l, n, "max") != NULL, maximum,
		       ctx))
		return -1;
	if (r->over && !is_dimension(l, r->over)) {
		fail(l, get(l, n, "over"), "unknown dimension '%s' in %s",
		     r->over, ctx);
		rk_error_hint(l->err, "over names one of the dimensions");
		return -1;
	}
	r->warn = r->severity && !strcmp(r->severity, "warn");
	return get_number(l, n, "max", ctx, 0, &r->max, NULL) ||
	       get_number(l, n, "tolerance", ctx, 1, &r->tolerance,
			  &r->tolerance_percent);
}

static int build_rules(struct loader *l, struct y_doc *d, struct rk_config *c)
{
	const yaml_node_t *seq = get(l, l->root, "rules");
	char ctx[CTX_LEN];
	size_t i;

	if (!d->rules_count)
		return 0;
	c->rules = calloc(d->rules_count, sizeof(*c->rules));
	if (!c->rules)
		return oom(l);
	for (i = 0; i < d->rules_count; i++) {
		const yaml_node_t *n = node(l, seq->data.sequence.items.start[i]);
		struct rk_rule *r = &c->rules[i];

		c->nrules++;
		r->check = take(&d->rules[i].check);
		r->over = take(&d->rules[i].over);
		r->severity = take(&d->rules[i].severity);
		r->indicator = take(&d->rules[i].indicator);
		r->mark = mark_of(n);
		fmt_into(ctx, sizeof(ctx), "rule %zu", i + 1);
		if (check_rule(l, n, r, ctx))
			return -1;
	}
	return 0;
}

static int check_source_ref(struct loader *l, const struct rk_config *c,
			    const yaml_node_t *at, const char *id,
			    const char *ctx)
{
	const char *ids[32];
	char known[HINT_LEN];
	size_t i;

	if (rk_config_source(c, id))
		return 0;
	for (i = 0; i < c->nsources && i < 31; i++)
		ids[i] = c->sources[i].id;
	ids[i] = NULL;
	join_words(known, sizeof(known), ids);
	fail(l, at, "unknown source '%s' in %s", id, ctx);
	rk_error_hint(l->err, "name one of the sources: %s", known);
	return -1;
}

/*
 * cases: {key: COLUMN, lists: {SOURCE: FILE, ...}} — record-level case
 * lists for capture-recapture; paths resolve like source files.
 */
static int build_cases(struct loader *l, struct y_compare *y,
		       const yaml_node_t *n, const char *ctx,
		       const struct rk_config *c, struct rk_compare *cmp)
{
	const yaml_node_t *lists;
	char cctx[CTX_LEN];
	size_t k;

	if (!n || !y->cases)
		return 0;
	inside(cctx, "cases", ctx);
	cmp->cases_key = y->cases->key ? take(&y->cases->key) : strdup("key");
	if (!cmp->cases_key)
		return oom(l);
	if (kv_list(l, n, "lists", cctx, KEYS_ANY, cctx, &cmp->cases))
		return -1;
	lists = get(l, n, "lists");
	for (k = 0; k < cmp->cases.n; k++) {
		struct rk_kv *kv = &cmp->cases.items[k];
		char *path;

		if (check_source_ref(l, c,
				     node(l, lists->data.mapping.pairs.start[k].key),
				     kv->key, cctx))
			return -1;
		if ((path = resolve(l, kv->value)) == NULL)
			return -1;
		free(kv->value);
		kv->value = path;
	}
	return 0;
}

static int build_compare(struct loader *l, struct y_compare *y,
			 const yaml_node_t *n, size_t i, struct rk_config *c)
{
	struct rk_compare *cmp = &c->compares[i];
	const yaml_node_t *against = get(l, n, "against");
	char ctx[CTX_LEN];
	size_t k;

	fmt_into(ctx, sizeof(ctx), "comparison %zu", i + 1);
	cmp->mark = mark_of(n);
	cmp->indicator = take(&y->indicator);
	cmp->reference = take(&y->reference);
	take_list(&cmp->against, &y->against, &y->against_count, against);
	if (get_alpha(l, n, ctx, &cmp->alpha) ||
	    check_source_ref(l, c, get(l, n, "reference"), cmp->reference,
			     ctx))
		return -1;
	for (k = 0; k < cmp->against.n; k++)
		if (check_source_ref(l, c,
				     node(l, against->data.sequence.items.start[k]),
				     cmp->against.items[k], ctx))
			return -1;
	return build_cases(l, y, get(l, n, "cases"), ctx, c, cmp);
}

static int build_compares(struct loader *l, struct y_doc *d,
			  struct rk_config *c)
{
	const yaml_node_t *seq = get(l, l->root, "compare");
	size_t i;

	if (!d->compare_count)
		return 0;
	c->compares = calloc(d->compare_count, sizeof(*c->compares));
	if (!c->compares)
		return oom(l);
	for (i = 0; i < d->compare_count; i++) {
		c->ncompares++;
		if (build_compare(l, &d->compare[i],
				  node(l, seq->data.sequence.items.start[i]),
				  i, c))
			return -1;
	}
	return 0;
}

static int build_report(struct loader *l, struct y_report *y,
			struct rk_config *c)
{
	const yaml_node_t *n = get(l, l->root, "report");
	const yaml_node_t *langs = get(l, n, "languages");

	if (!y)
		return 0;
	if (y->output && !(c->report.output = resolve(l, y->output)))
		return -1;
	take_list(&c->report.languages, &y->languages, &y->languages_count,
		  langs);
	if (check_list_words(l, langs, &c->report.languages, "language",
			     languages, "report"))
		return -1;
	return get_count(l, n, "suppress_below", "report",
			 &c->report.suppress_below);
}

static int build_period(struct loader *l, struct y_period *y,
			struct rk_config *c)
{
	if (!y)
		return 0;
	c->period_from = take(&y->from);
	c->period_to = take(&y->to);
	c->period_grain = take(&y->grain);
	return check_word(l, get(l, l->root, "period"), "grain",
			  c->period_grain, grains, "period");
}

/* libcyaml and the tree must agree on the lists the build indexes. */
static int same_counts(struct loader *l, const struct y_doc *d)
{
	static const char *const keys[] = { "sources", "rules", "compare" };
	unsigned counts[] = { d->sources_count, d->rules_count,
			      d->compare_count };
	const yaml_node_t *n;
	size_t i;

	for (i = 0; i < 3; i++) {
		n = get(l, l->root, keys[i]);
		if ((n ? nitems(n) : 0) != counts[i]) {
			rk_error_set(l->err, RK_EXIT_SOFTWARE, l->name, 0,
				     "internal error: libcyaml and libyaml "
				     "disagree on '%s'", keys[i]);
			return -1;
		}
	}
	return 0;
}

static int build(struct loader *l, struct y_doc *d, struct rk_config *c)
{
	if (same_counts(l, d))
		return -1;
	c->pipeline = take(&d->pipeline);
	take_i18n(&c->title, d->title);
	if (build_period(l, d->period, c) || build_dimensions(l, d, c) ||
	    build_codelists(l, d->codelists, c) || build_sources(l, d, c) ||
	    build_rules(l, d, c) || build_compares(l, d, c))
		return -1;
	return build_report(l, d->report, c);
}

/* ---- the interface ---------------------------------------------------- */

static int check_document(struct loader *l)
{
	if (l->len > MAX_CONFIG_BYTES) {
		rk_error_set(l->err, RK_EXIT_CONFIG, l->name, 0,
			     "config larger than %d bytes", MAX_CONFIG_BYTES);
		rk_error_hint(l->err, "a pipeline config is a short text file; "
			      "check the path");
		return -1;
	}
	if (lint(l) || load_tree(l) || check_root(l) || check_tree(l))
		return -1;
	return check_mapping(l, doc_fields, l->root, "");
}

static struct rk_config *new_config(struct loader *l, const char *name)
{
	struct rk_config *c = calloc(1, sizeof(*c));

	if (!c) {
		oom(l);
		return NULL;
	}
	c->dir = dir_of(name);
	c->path = name ? strdup(name) : NULL;
	if (!c->dir || (name && !c->path)) {
		rk_config_free(c);
		oom(l);
		return NULL;
	}
	l->dir = c->dir;
	return c;
}

struct rk_config *rk_config_load_data(const char *data, size_t len,
				      const char *name, struct rk_error *err)
{
	struct loader l;
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
	if (check_document(&l) || cy_load(&l, &d))
		goto out;
	c = new_config(&l, name);
	if (c && build(&l, d, c)) {
		rk_config_free(c);
		c = NULL;
	}
out:
	cy_free(d);
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

struct rk_config *rk_config_load(const char *path, struct rk_error *err)
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
		c = rk_config_load_data(buf, len, path, err);
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
	free(y->decimal);
	free(y->encoding);
	free(y->delimiter);
}

static void free_source(struct rk_source *s)
{
	free(s->id);
	free_i18n(&s->name);
	free(s->kind);
	free(s->file);
	free(s->file_as_written);
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
		free_kvlist(&c->compares[i].cases);
	}
	free(c->compares);
	free(c->report.output);
	free_strlist(&c->report.languages);
	free(c);
}
