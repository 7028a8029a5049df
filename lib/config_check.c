/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The checks of the pipeline config, each error with file:line:column:
 * the tree (keys unique, no NUL), the tree against the schema (unknown,
 * missing and wrongly typed keys), and the values (words, integers,
 * numbers, names, references).  Messages are built here and nowhere else.
 */
#include "config_impl.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct rk_mark cfg_mark_of(const yaml_node_t *n)
{
	struct rk_mark m = { (long)n->start_mark.line + 1,
			     (long)n->start_mark.column + 1 };
	return m;
}

static void vfail(struct cfg_loader *l, struct rk_mark m, const char *fmt,
		  va_list ap)
{
	char msg[sizeof(l->err->msg)];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	rk_error_set(l->err, RK_EXIT_CONFIG, l->name, m.line, "%s", msg);
	rk_error_column(l->err, m.column);
}

__attribute__((format(printf, 3, 4)))
int cfg_fail_at(struct cfg_loader *l, struct rk_mark m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(l, m, fmt, ap);
	va_end(ap);
	return -1;
}

__attribute__((format(printf, 3, 4)))
int cfg_fail(struct cfg_loader *l, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(l, cfg_mark_of(n), fmt, ap);
	va_end(ap);
	return -1;
}

int cfg_oom(struct cfg_loader *l)
{
	rk_error_set(l->err, RK_EXIT_SOFTWARE, l->name, 0,
		     "out of memory while loading the config");
	return -1;
}

__attribute__((format(printf, 3, 4)))
void cfg_fmt_into(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

/* "'key' in ctx", or "'key'" at the top level. */
void cfg_subject_of(char *buf, const char *key, const char *ctx)
{
	if (ctx[0])
		cfg_fmt_into(buf, CTX_LEN, "'%s' in %s", key, ctx);
	else
		cfg_fmt_into(buf, CTX_LEN, "'%s'", key);
}

/* The context for what is inside key: "key of ctx", or "key". */
void cfg_inside(char *buf, const char *key, const char *ctx)
{
	if (ctx[0])
		cfg_fmt_into(buf, CTX_LEN, "%s of %s", key, ctx);
	else
		cfg_fmt_into(buf, CTX_LEN, "%s", key);
}

void cfg_join_words(char *buf, size_t size, const char *const *words)
{
	size_t used = 0;

	buf[0] = '\0';
	for (; *words && used < size; words++) {
		snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
			 *words);
		used += strlen(buf + used);
	}
}
int cfg_wrong_type(struct cfg_loader *l, const yaml_node_t *n,
		   const char *subject, const char *expected)
{
	cfg_fail(l, n, "wrong type for %s: expected %s, found %s", subject,
		 expected, cfg_kind_of(n));
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
int cfg_need_text(struct cfg_loader *l, const yaml_node_t *n,
		  const char *subject)
{
	if (n->type != YAML_SCALAR_NODE)
		return cfg_wrong_type(l, n, subject, "text");
	if (cfg_is_empty(n)) {
		cfg_fail(l, n, "empty value for %s", subject);
		rk_error_hint(l->err, "give a value or remove the key");
		return -1;
	}
	return 0;
}

static int cmp_key_ref(const void *a, const void *b)
{
	const struct cfg_key_ref *x = a, *y = b;
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
static int find_dup(struct cfg_key_ref *refs, size_t n, size_t *first,
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

static int check_keys(struct cfg_loader *l, const yaml_node_t *map,
		      struct cfg_key_ref *refs)
{
	const yaml_node_pair_t *pairs = map->data.mapping.pairs.start;
	size_t i, n = cfg_npairs(map), a, b;

	for (i = 0; i < n; i++) {
		const yaml_node_t *k = cfg_node(l, pairs[i].key);

		if (k->type != YAML_SCALAR_NODE) {
			cfg_fail(l, k, "mapping key is %s, not text",
				 cfg_kind_of(k));
			rk_error_hint(l->err, "keys are plain names; quote a "
				      "key that starts with '[' or '{'");
			return -1;
		}
		refs[i].key = cfg_text(k);
		refs[i].idx = i;
	}
	if (!find_dup(refs, n, &a, &b))
		return 0;
	cfg_fail(l, cfg_node(l, pairs[b].key), "duplicate key '%s'",
		 cfg_text(cfg_node(l, pairs[b].key)));
	rk_error_hint(l->err, "'%s' is already given at line %ld, column %ld; "
		      "remove one of them", cfg_text(cfg_node(l, pairs[a].key)),
		      cfg_mark_of(cfg_node(l, pairs[a].key)).line,
		      cfg_mark_of(cfg_node(l, pairs[a].key)).column);
	return -1;
}

/* Keys are unique text and no scalar hides a NUL, anywhere in the tree. */
int cfg_check_tree(struct cfg_loader *l)
{
	yaml_node_t *n;
	struct cfg_key_ref *refs = NULL;
	int rc = 0;

	for (n = l->doc.nodes.start; n < l->doc.nodes.top && !rc; n++) {
		if (n->type == YAML_SCALAR_NODE &&
		    strlen(cfg_text(n)) != n->data.scalar.length) {
			rc = cfg_fail(l, n, "NUL character in text");
			rk_error_hint(l->err, "remove the \\0 escape");
		} else if (n->type == YAML_MAPPING_NODE && cfg_npairs(n)) {
			refs = malloc(cfg_npairs(n) * sizeof(*refs));
			rc = refs ? check_keys(l, n, refs) : cfg_oom(l);
			free(refs);
		}
	}
	return rc;
}

int cfg_check_root(struct cfg_loader *l)
{
	if (!l->root || (l->root->type == YAML_SCALAR_NODE &&
			 cfg_is_empty(l->root))) {
		rk_error_set(l->err, RK_EXIT_CONFIG, l->name, 0,
			     "empty config");
		rk_error_hint(l->err, "start with 'pipeline: <name>' and a "
			      "list of sources");
		return -1;
	}
	if (l->root->type == YAML_MAPPING_NODE)
		return 0;
	cfg_fail(l, l->root, "config is %s, not a mapping",
		 cfg_kind_of(l->root));
	rk_error_hint(l->err, "start with 'pipeline: <name>' and a list of "
		      "sources");
	return -1;
}

static int check_value(struct cfg_loader *l, const cyaml_schema_value_t *s,
		       const yaml_node_t *n, const char *key,
		       const char *subject, const char *ctx);

static int unknown_key(struct cfg_loader *l, const yaml_node_t *k,
		       const cyaml_schema_field_t *fields, const char *ctx)
{
	char allowed[HINT_LEN];
	const char *names[32];
	size_t n = 0;

	for (; fields->key && n < 31; fields++)
		names[n++] = fields->key;
	names[n] = NULL;
	cfg_join_words(allowed, sizeof(allowed), names);
	if (ctx[0])
		cfg_fail(l, k, "unknown key '%s' in %s", cfg_text(k), ctx);
	else
		cfg_fail(l, k, "unknown key '%s'", cfg_text(k));
	rk_error_hint(l->err, "check the spelling; allowed here: %s", allowed);
	return -1;
}

static int check_required(struct cfg_loader *l, const yaml_node_t *map,
			  const cyaml_schema_field_t *fields, const char *ctx)
{
	for (; fields->key; fields++) {
		if ((fields->value.flags & CYAML_FLAG_OPTIONAL) ||
		    cfg_get(l, map, fields->key))
			continue;
		if (ctx[0])
			cfg_fail(l, map, "missing required key '%s' in %s",
				 fields->key, ctx);
		else
			cfg_fail(l, map, "missing required key '%s'",
				 fields->key);
		rk_error_hint(l->err, "add '%s: ...'", fields->key);
		return -1;
	}
	return 0;
}

int cfg_check_mapping(struct cfg_loader *l, const cyaml_schema_field_t *fields,
		      const yaml_node_t *map, const char *ctx)
{
	const yaml_node_pair_t *p;
	char subject[CTX_LEN], inner[CTX_LEN];

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = cfg_node(l, p->key);
		const cyaml_schema_field_t *f = cfg_field_named(fields,
								cfg_text(k));

		if (!f)
			return unknown_key(l, k, fields, ctx);
		if (f->value.type == CYAML_IGNORE)
			continue;
		cfg_subject_of(subject, f->key, ctx);
		cfg_inside(inner, f->key, ctx);
		if (check_value(l, &f->value, cfg_node(l, p->value), f->key,
				subject, inner))
			return -1;
	}
	return check_required(l, map, fields, ctx);
}

/* How messages name entry i (0-based) of the list under key. */
void cfg_entry_place(struct cfg_loader *l, const yaml_node_t *entry,
		     const char *key, const char *subject, size_t i,
		     char *buf)
{
	const yaml_node_t *id = cfg_get(l, entry, "id");
	const char *label = cfg_entry_label(key);

	if (label) {
		if (!strcmp(key, "sources") && id &&
		    id->type == YAML_SCALAR_NODE && !cfg_is_empty(id) &&
		    id->data.scalar.length <= 64)
			cfg_fmt_into(buf, CTX_LEN, "source '%s'", cfg_text(id));
		else
			cfg_fmt_into(buf, CTX_LEN, "%s %zu", label,
				     i + 1);
		return;
	}
	cfg_fmt_into(buf, CTX_LEN, "entry %zu of %s", i + 1, subject);
}

static int check_sequence(struct cfg_loader *l, const cyaml_schema_value_t *s,
			  const yaml_node_t *seq, const char *key,
			  const char *subject)
{
	const yaml_node_item_t *it;
	char place[CTX_LEN];
	size_t i = 0;

	if (cfg_nitems(seq) < s->sequence.min) {
		cfg_fail(l, seq, "empty list for %s", subject);
		rk_error_hint(l->err, "list at least one entry");
		return -1;
	}
	for (it = seq->data.sequence.items.start;
	     it < seq->data.sequence.items.top; it++, i++) {
		const yaml_node_t *e = cfg_node(l, *it);

		cfg_entry_place(l, e, key, subject, i, place);
		if (check_value(l, s->sequence.entry, e, key, place, place))
			return -1;
	}
	return 0;
}

static int check_value(struct cfg_loader *l, const cyaml_schema_value_t *s,
		       const yaml_node_t *n, const char *key,
		       const char *subject, const char *ctx)
{
	switch (s->type) {
	case CYAML_MAPPING:
		if (n->type != YAML_MAPPING_NODE)
			return cfg_wrong_type(l, n, subject, "a mapping");
		return cfg_check_mapping(l, s->mapping.fields, n, ctx);
	case CYAML_SEQUENCE:
		if (n->type != YAML_SEQUENCE_NODE)
			return cfg_wrong_type(l, n, subject, "a list");
		return check_sequence(l, s, n, key, subject);
	default:
		return cfg_need_text(l, n, subject);
	}
}

int cfg_is_word(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (!strcmp(s, *words))
			return 1;
	return 0;
}

/* value (from the scalar under key in map) is one of words. */
int cfg_check_word(struct cfg_loader *l, const yaml_node_t *map,
		   const char *key, const char *value,
		   const char *const *words, const char *ctx)
{
	char allowed[HINT_LEN];

	if (!value || cfg_is_word(value, words))
		return 0;
	cfg_join_words(allowed, sizeof(allowed), words);
	cfg_fail(l, cfg_get(l, map, key), "invalid %s '%s' in %s", key, value,
		 ctx);
	rk_error_hint(l->err, "use one of: %s", allowed);
	return -1;
}

int cfg_check_list_words(struct cfg_loader *l, const yaml_node_t *seq,
			 const struct rk_strlist *list, const char *what,
			 const char *const *words, const char *ctx)
{
	char allowed[HINT_LEN];
	size_t i;

	for (i = 0; i < list->n; i++) {
		if (cfg_is_word(list->items[i], words))
			continue;
		cfg_join_words(allowed, sizeof(allowed), words);
		cfg_fail(l, cfg_item(l, seq, i),
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
int cfg_get_count(struct cfg_loader *l, const yaml_node_t *map,
		  const char *key, const char *ctx, long *out)
{
	const yaml_node_t *n = cfg_get(l, map, key);
	char subject[CTX_LEN];
	long v;

	if (!n)
		return 0;
	cfg_subject_of(subject, key, ctx);
	if (cfg_need_text(l, n, subject))
		return -1;
	errno = 0;
	v = is_integer(cfg_text(n)) ? strtol(cfg_text(n), NULL, 10) : 0;
	if (!is_integer(cfg_text(n)) || errno == ERANGE) {
		cfg_fail(l, n, "invalid integer '%s' for %s", cfg_text(n),
			 subject);
		rk_error_hint(l->err, "write a whole number in decimal digits "
			      "without leading zeros, e.g. 2");
		return -1;
	}
	if (v < 0) {
		cfg_fail(l, n, "%s must be 0 or more, not %ld", subject, v);
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

/* A trend needs periods: 2 at the very least (a line through 2 points
 * fits them exactly); RK_MIN_PERIODS when not given. */
int cfg_get_min_periods(struct cfg_loader *l, const yaml_node_t *map,
			const char *ctx, long *out)
{
	*out = RK_MIN_PERIODS;
	if (cfg_get_count(l, map, "min_periods", ctx, out))
		return -1;
	if (*out >= 3)
		return 0;
	cfg_fail(l, cfg_get(l, map, "min_periods"),
		 "min_periods %ld is too few for a trend in %s", *out, ctx);
	rk_error_hint(l->err, "a trend needs at least 3 periods; %d is the "
			      "default", RK_MIN_PERIODS);
	return -1;
}

int cfg_get_alpha(struct cfg_loader *l, const yaml_node_t *map,
		  const char *ctx, double *out)
{
	const yaml_node_t *n = cfg_get(l, map, "alpha");
	char subject[CTX_LEN], *end = NULL;
	double v = 0;

	*out = 0.05;
	if (!n)
		return 0;
	cfg_subject_of(subject, "alpha", ctx);
	if (cfg_need_text(l, n, subject))
		return -1;
	if (is_decimal_number(cfg_text(n)))
		v = strtod(cfg_text(n), &end);
	if (!end || *end) {
		cfg_fail(l, n, "invalid number '%s' for %s", cfg_text(n),
			 subject);
		rk_error_hint(l->err, "write a decimal number such as 0.05");
		return -1;
	}
	if (!(v > 0 && v < 1)) {
		cfg_fail(l, n, "%s must be between 0 and 1, not %s", subject,
			 cfg_text(n));
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
int cfg_get_number(struct cfg_loader *l, const yaml_node_t *map,
		   const char *key, const char *ctx, int allow_percent,
		   double *out, int *percent)
{
	const yaml_node_t *n = cfg_get(l, map, key);
	char subject[CTX_LEN], buf[64], *end = NULL;
	size_t len;
	double v = 0;
	int pct = 0;

	if (!n)
		return 0;
	cfg_subject_of(subject, key, ctx);
	if (cfg_need_text(l, n, subject))
		return -1;
	len = strlen(cfg_text(n));
	if (len < sizeof(buf)) {
		memcpy(buf, cfg_text(n), len + 1);
		if (allow_percent && len && buf[len - 1] == '%') {
			buf[--len] = '\0';
			pct = 1;
		}
		if (is_decimal_number(buf))
			v = strtod(buf, &end);
	}
	if (!end || *end || v != v) {
		cfg_fail(l, n, "invalid number '%s' for %s", cfg_text(n),
			 subject);
		rk_error_hint(l->err, allow_percent
			      ? "write a number such as 2, or a percentage "
				"such as 5%%"
			      : "write a number such as 1000");
		return -1;
	}
	if (v < 0) {
		cfg_fail(l, n, "%s must be 0 or more, not %s", subject,
			 cfg_text(n));
		rk_error_hint(l->err, "write a number such as 0 or 2");
		return -1;
	}
	*out = v;
	if (percent)
		*percent = pct;
	return 0;
}

/* true or false under key in map; *out is left alone when not given. */
int cfg_get_flag(struct cfg_loader *l, const yaml_node_t *map,
		 const char *key, const char *ctx, int *out)
{
	const yaml_node_t *n = cfg_get(l, map, key);
	char subject[CTX_LEN];

	if (!n)
		return 0;
	cfg_subject_of(subject, key, ctx);
	if (cfg_need_text(l, n, subject))
		return -1;
	if (!strcmp(cfg_text(n), "true") || !strcmp(cfg_text(n), "false")) {
		*out = !strcmp(cfg_text(n), "true");
		return 0;
	}
	cfg_fail(l, n, "invalid value '%s' for %s", cfg_text(n), subject);
	rk_error_hint(l->err, "write true or false");
	return -1;
}

/* The `year` constant, when given, is a four-digit year. */
int cfg_check_year(struct cfg_loader *l, const struct rk_source *s,
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
		cfg_fail_at(l, kv->mark, "invalid year '%s' in %s", v, ctx);
		rk_error_hint(l->err, "write the year in four digits, e.g. "
			      "year: 2024");
		return -1;
	}
	return 0;
}

int cfg_cmp_str_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int cfg_is_dimension(struct cfg_loader *l, const char *name)
{
	return l->ndims && bsearch(&name, l->dims, l->ndims, sizeof(*l->dims),
				   cfg_cmp_str_ptr) != NULL;
}

/* A word the source's period template uses, as in "{quarter} {year}". */
static int in_period_template(const struct cfg_loader *l, const char *name)
{
	const char *t = l->period_template;
	size_t n = strlen(name);

	for (; t && (t = strchr(t, '{')) != NULL; t++)
		if (strncmp(t + 1, name, n) == 0 && t[1 + n] == '}')
			return 1;
	return 0;
}

/* A tidy field a layout or constants may name. */
static int is_field(struct cfg_loader *l, const char *name)
{
	return !strcmp(name, "indicator") || !strcmp(name, "period") ||
	       cfg_is_dimension(l, name) || in_period_template(l, name);
}

int cfg_check_name(struct cfg_loader *l, const yaml_node_t *n)
{
	const char *s = cfg_text(n);
	size_t i;

	if (cfg_is_word(s, cfg_reserved_names)) {
		cfg_fail(l, n, "reserved dimension name '%s'", s);
		rk_error_hint(l->err,
			      "source, indicator, period, value, status "
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
	cfg_fail(l, n, "invalid dimension name '%s'", s);
	rk_error_hint(l->err, "use lower-case letters, digits and '_', "
		      "starting with a letter");
	return -1;
}

int cfg_check_unique(struct cfg_loader *l, const char *const *keys, size_t n,
		     const yaml_node_t *const *at, const char *what)
{
	struct cfg_key_ref *refs = malloc((n ? n : 1) * sizeof(*refs));
	size_t i, a, b;
	int dup;

	if (!refs)
		return cfg_oom(l);
	for (i = 0; i < n; i++) {
		refs[i].key = keys[i];
		refs[i].idx = i;
	}
	dup = find_dup(refs, n, &a, &b);
	free(refs);
	if (!dup)
		return 0;
	cfg_fail(l, at[b], "duplicate %s '%s'", what, keys[b]);
	rk_error_hint(l->err, "the first '%s' is at line %ld, column %ld; make "
		      "each %s unique", keys[a], cfg_mark_of(at[a]).line,
		      cfg_mark_of(at[a]).column, what);
	return -1;
}

int cfg_check_kv_key(struct cfg_loader *l, const yaml_node_t *k,
		     enum cfg_key_rule rule, const char *rule_ctx)
{
	if (rule == CFG_KEYS_CONSTANTS && !strcmp(cfg_text(k), "year"))
		return 0;
	if (rule == CFG_KEYS_CODELISTS && !strcmp(cfg_text(k), "indicator"))
		return 0;
	if ((rule == CFG_KEYS_FIELDS || rule == CFG_KEYS_CONSTANTS) &&
	    !is_field(l, cfg_text(k))) {
		cfg_fail(l, k, "unknown field '%s' in %s", cfg_text(k),
			 rule_ctx);
		rk_error_hint(l->err, "declare it under dimensions, use "
			      "indicator/period, or use it in the period "
			      "template as {%s}", cfg_text(k));
		return -1;
	}
	if ((rule == CFG_KEYS_DIMENSIONS || rule == CFG_KEYS_CODELISTS) &&
	    !cfg_is_dimension(l, cfg_text(k))) {
		cfg_fail(l, k, "unknown dimension '%s' in %s", cfg_text(k),
			 rule_ctx);
		rk_error_hint(l->err, rule == CFG_KEYS_CODELISTS
			      ? "declare it under dimensions, or write "
				"indicator"
			      : "declare it under dimensions");
		return -1;
	}
	return 0;
}

int cfg_check_decimal(struct cfg_loader *l, const yaml_node_t *layout,
		      const char *decimal, const char *ctx)
{
	if (!decimal || !strcmp(decimal, ",") || !strcmp(decimal, "."))
		return 0;
	cfg_fail(l, cfg_get(l, layout, "decimal"), "invalid decimal '%s' in %s",
		 decimal, ctx);
	rk_error_hint(l->err, "write decimal: \",\" or decimal: \".\"");
	return -1;
}

int cfg_check_marks(struct cfg_loader *l, const yaml_node_t *layout,
		    const struct rk_kvlist *marks, const char *ctx)
{
	static const char *const ok[] = { "provisional", "revised",
					   "estimated", "footnote", NULL };

	(void)layout;
	for (size_t i = 0; i < marks->n; i++) {
		if (!marks->items[i].key[0]) {
			cfg_fail_at(l, marks->items[i].mark, "an empty mark in "
				    "marks of %s", ctx);
			rk_error_hint(l->err, "a mark is the text after the "
					   "number: \"~\", \"*\", \"p\"");
			return -1;
		}
		if (cfg_is_word(marks->items[i].value, ok))
			continue;
		cfg_fail_at(l, marks->items[i].mark, "invalid status '%s' for "
			    "mark '%s' in %s", marks->items[i].value,
			    marks->items[i].key, ctx);
		rk_error_hint(l->err, "a mark means provisional, revised, "
				   "estimated or footnote");
		return -1;
	}
	return 0;
}

/* remarks: {TEXT: STATUS}, with the remark column they are read from. */
int cfg_check_remarks(struct cfg_loader *l, const yaml_node_t *layout,
		      const struct rk_layout *out, const char *ctx)
{
	static const char *const ok[] = { "missing", "suppressed",
					   "provisional", "revised",
					   "estimated", "footnote", NULL };
	const struct rk_kvlist *r = &out->remarks;

	if (r->n && !out->remark) {
		cfg_fail(l, cfg_get(l, layout, "remarks"), "remarks in %s, but "
			 "no remark column to read them from", ctx);
		rk_error_hint(l->err, "name the column: remark: \"Примечание\" "
				   "(its header text or letter)");
		return -1;
	}
	for (size_t i = 0; i < r->n; i++) {
		if (cfg_is_word(r->items[i].value, ok))
			continue;
		cfg_fail_at(l, r->items[i].mark, "invalid status '%s' for "
			    "remark '%s' in %s", r->items[i].value,
			    r->items[i].key, ctx);
		rk_error_hint(l->err, "a remark means missing, suppressed "
				   "(withheld by the source), provisional, "
				   "revised, estimated or footnote");
		return -1;
	}
	return 0;
}

int cfg_check_source_id(struct cfg_loader *l, const yaml_node_t *src,
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
	cfg_fail(l, cfg_get(l, src, "id"), "invalid source id '%s'", id);
	rk_error_hint(l->err, "use lower-case letters, digits, '_' and '-', "
		      "starting with a letter or digit");
	return -1;
}

static int rule_needs(struct cfg_loader *l, const yaml_node_t *n,
		      const struct rk_rule *r, const char *key, int given,
		      int wanted, const char *ctx)
{
	if (given == wanted)
		return 0;
	if (wanted) {
		cfg_fail(l, n, "missing required key '%s' in %s", key, ctx);
		rk_error_hint(l->err, "%s needs '%s: ...'", r->check, key);
		return -1;
	}
	cfg_fail(l, cfg_get(l, n, key), "'%s' has no meaning for %s in %s", key,
		 r->check, ctx);
	rk_error_hint(l->err, "remove it; only parts_sum_to_total takes "
		      "over and tolerance, only maximum takes max");
	return -1;
}

int cfg_check_rule(struct cfg_loader *l, const yaml_node_t *n,
		   struct rk_rule *r, const char *ctx)
{
	int sums = !strcmp(r->check, "parts_sum_to_total");
	int maximum = !strcmp(r->check, "maximum");

	if (cfg_check_word(l, n, "check", r->check, cfg_checks, ctx) ||
	    cfg_check_word(l, n, "severity", r->severity, cfg_severities,
			   ctx) ||
	    rule_needs(l, n, r, "over", r->over != NULL, sums, ctx) ||
	    rule_needs(l, n, r, "tolerance", cfg_get(l, n, "tolerance") != NULL,
		       sums && cfg_get(l, n, "tolerance"), ctx) ||
	    rule_needs(l, n, r, "max", cfg_get(l, n, "max") != NULL, maximum,
		       ctx))
		return -1;
	if (r->over && !cfg_is_dimension(l, r->over)) {
		cfg_fail(l, cfg_get(l, n, "over"),
			 "unknown dimension '%s' in %s",
			 r->over, ctx);
		rk_error_hint(l->err, "over names one of the dimensions");
		return -1;
	}
	r->warn = r->severity && !strcmp(r->severity, "warn");
	return cfg_get_number(l, n, "max", ctx, 0, &r->max, NULL) ||
	       cfg_get_number(l, n, "tolerance", ctx, 1, &r->tolerance,
			      &r->tolerance_percent);
}

/*
 * The brief is written into the run directory under output's last name:
 * it must not take the name of a file the run writes there (it silently
 * replaced manifest.json, and verify then passed), and it is an xlsx.
 */
int cfg_check_report_output(struct cfg_loader *l, const yaml_node_t *n,
			    const char *output)
{
	static const char *const reserved[] = {
		"manifest.json", "tidy.csv", "rejects.csv", "unmapped.csv",
		"log.txt", "raw", "results", NULL
	};
	const char *base = strrchr(output, '/');
	size_t len;

	base = base ? base + 1 : output;
	len = strlen(base);
	for (size_t i = 0; reserved[i]; i++) {
		if (strcmp(base, reserved[i]) != 0)
			continue;
		cfg_fail(l, n, "report.output '%s' is a file the run directory "
			 "already holds", base);
		rk_error_hint(l->err, "give the brief a name of its own, e.g. "
				      "brief.xlsx");
		return -1;
	}
	if (base[0] == '.' || len < 6 || strcasecmp(base + len - 5, ".xlsx")) {
		cfg_fail(l, n, "report.output '%s' is not an .xlsx name", base);
		rk_error_hint(l->err, "the brief is an Excel workbook: name it "
				      "e.g. brief.xlsx");
		return -1;
	}
	return 0;
}

/* "<2" can only mean 1: a threshold of 2 would publish what it hides. */
int cfg_check_suppress_below(struct cfg_loader *l, const yaml_node_t *n,
			     long k)
{
	if (k != 2)
		return 0;
	cfg_fail(l, n, "report.suppress_below 2 protects nothing: '<2' can "
		 "only be 1");
	rk_error_hint(l->err, "use 3 or more, or 0 for no suppression");
	return -1;
}

/*
 * report.rounding: a base of 3, 5 or 10, and not beside suppress_below
 * (one method protects a brief: rounded counts are not also withheld).
 */
int cfg_check_rounding(struct cfg_loader *l, const yaml_node_t *report,
		       const struct rk_report *r)
{
	if (r->rounding == 0)
		return 0;
	if (r->rounding != 3 && r->rounding != 5 && r->rounding != 10) {
		cfg_fail(l, cfg_get(l, report, "rounding"), "report.rounding "
			 "%ld is not a rounding base", r->rounding);
		rk_error_hint(l->err, "use 3, 5 or 10: protected counts are "
			      "published as multiples of it");
		return -1;
	}
	if (r->suppress_below > 0) {
		cfg_fail(l, cfg_get(l, report, "rounding"), "report.rounding "
			 "and report.suppress_below are two ways of protecting "
			 "the same counts");
		rk_error_hint(l->err, "keep one of them: rounding where "
			      "suppression would withhold too much");
		return -1;
	}
	return 0;
}

int cfg_check_source_ref(struct cfg_loader *l, const struct rk_config *c,
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
	cfg_join_words(known, sizeof(known), ids);
	cfg_fail(l, at, "unknown source '%s' in %s", id, ctx);
	rk_error_hint(l->err, "name one of the sources: %s", known);
	return -1;
}


/*
 * fiscal_year_start under map: the month a fiscal year begins, 2 to 12
 * (1 would be the calendar year).  *out is left alone when not given.
 */
int cfg_get_fiscal_start(struct cfg_loader *l, const yaml_node_t *map,
			 const char *ctx, long *out)
{
	long v = 0;
	char subject[CTX_LEN];

	if (cfg_get_count(l, map, "fiscal_year_start", ctx, &v))
		return -1;
	if (!cfg_get(l, map, "fiscal_year_start"))
		return 0;
	if (v < 2 || v > 12) {
		cfg_subject_of(subject, "fiscal_year_start", ctx);
		cfg_fail(l, cfg_get(l, map, "fiscal_year_start"),
			 "%s must be a month from 2 to 12, not %ld", subject,
			 v);
		rk_error_hint(l->err, "give the month the fiscal year begins "
			      "(4 for April); leave it out for calendar years");
		return -1;
	}
	*out = v;
	return 0;
}
