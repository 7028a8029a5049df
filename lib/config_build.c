/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The building of struct rk_config: the fixed part is taken out of the
 * struct y_doc the schema filled, the keys the schema cannot describe (maps
 * with user-chosen keys, text-or-list values, integers and numbers) are
 * read from the node tree, and each value is checked on the way in.
 */
#include "config_impl.h"

#include <glob.h>
#include <stdlib.h>
#include <string.h>

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
		out->mark = cfg_mark_of(at);
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
char *cfg_resolve(struct cfg_loader *l, const char *path)
{
	size_t a = strlen(l->dir), b = strlen(path);
	char *s;

	if (path[0] == '/' || !strcmp(l->dir, "."))
		a = 0;
	s = malloc(a + b + 2);
	if (!s) {
		cfg_oom(l);
		return NULL;
	}
	memcpy(s, l->dir, a);
	if (a && l->dir[a - 1] != '/')
		s[a++] = '/';
	memcpy(s + a, path, b + 1);
	return s;
}

char *cfg_dir_of(const char *path)
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

static int build_dimensions(struct cfg_loader *l, struct y_doc *d,
			    struct rk_config *c)
{
	const yaml_node_t *seq = cfg_get(l, l->root, "dimensions");
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
		return cfg_oom(l);
	}
	for (i = 0; i < c->dimensions.n; i++) {
		at[i] = cfg_item(l, seq, i);
		l->dims[i] = c->dimensions.items[i];
	}
	for (rc = 0, i = 0; i < c->dimensions.n && !rc; i++)
		rc = cfg_check_name(l, at[i]);
	if (!rc)
		rc = cfg_check_unique(l, l->dims, c->dimensions.n, at,
				      "dimension");
	free(at);
	l->ndims = c->dimensions.n;
	qsort(l->dims, l->ndims, sizeof(*l->dims), cfg_cmp_str_ptr);
	return rc;
}

/*
 * The mapping under key in map, with user-chosen keys and text values.
 * Keys must obey rule; rule_ctx names where they are for messages.
 */
static int kv_list(struct cfg_loader *l, const yaml_node_t *map,
		   const char *key, const char *ctx, enum cfg_key_rule rule,
		   const char *rule_ctx, struct rk_kvlist *out)
{
	const yaml_node_t *m = cfg_get(l, map, key);
	const yaml_node_pair_t *p;
	char subject[CTX_LEN], inner[CTX_LEN];

	cfg_subject_of(subject, key, ctx);
	cfg_inside(inner, key, ctx);
	if (!m)
		return 0;
	if (m->type != YAML_MAPPING_NODE)
		return cfg_wrong_type(l, m, subject, "a mapping");
	out->items = calloc(cfg_npairs(m) ? cfg_npairs(m) : 1,
			    sizeof(*out->items));
	if (!out->items)
		return cfg_oom(l);
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = cfg_node(l, p->key);
		const yaml_node_t *v = cfg_node(l, p->value);
		struct rk_kv *kv = &out->items[out->n];
		char vsubject[CTX_LEN];

		cfg_subject_of(vsubject, cfg_text(k), inner);
		if (cfg_check_kv_key(l, k, rule, rule_ctx) ||
		    cfg_need_text(l, v, vsubject))
			return -1;
		kv->key = cfg_dup_text(l, k);
		kv->value = kv->key ? cfg_dup_text(l, v) : NULL;
		kv->mark = cfg_mark_of(v);
		out->n++;
		if (!kv->value)
			return -1;
	}
	return 0;
}

/* Text entries of a list, or (scalar_ok) one text as a list of one. */
static int text_list(struct cfg_loader *l, const yaml_node_t *n,
		     const char *subject, int scalar_ok, struct rk_strlist *out)
{
	const yaml_node_item_t *it;
	char place[CTX_LEN];
	size_t count;

	out->mark = cfg_mark_of(n);
	if (n->type == YAML_SEQUENCE_NODE)
		count = cfg_nitems(n);
	else if (scalar_ok && n->type == YAML_SCALAR_NODE)
		count = 1;
	else
		return cfg_wrong_type(l, n, subject,
				      scalar_ok ? "text or a list" : "a list");
	if (n->type == YAML_SCALAR_NODE) {
		if (cfg_need_text(l, n, subject))
			return -1;
		out->items = calloc(1, sizeof(*out->items));
		if (!out->items)
			return cfg_oom(l);
		out->items[0] = cfg_dup_text(l, n);
		out->n = 1;
		return out->items[0] ? 0 : -1;
	}
	out->items = calloc(count ? count : 1, sizeof(*out->items));
	if (!out->items)
		return cfg_oom(l);
	for (it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++) {
		cfg_fmt_into(place, sizeof(place), "entry %zu of %s",
			     out->n + 1,
			     subject);
		if (cfg_need_text(l, cfg_node(l, *it), place))
			return -1;
		out->items[out->n] = cfg_dup_text(l, cfg_node(l, *it));
		if (!out->items[out->n])
			return -1;
		out->n++;
	}
	return 0;
}

static int build_strip(struct cfg_loader *l, const yaml_node_t *codelists,
		       struct rk_config *c)
{
	const yaml_node_t *m = cfg_get(l, codelists, "strip");
	const yaml_node_pair_t *p;
	char subject[CTX_LEN];

	if (!m)
		return 0;
	if (m->type != YAML_MAPPING_NODE)
		return cfg_wrong_type(l, m, "'strip' in codelists",
				      "a mapping");
	c->strip = calloc(cfg_npairs(m) ? cfg_npairs(m) : 1, sizeof(*c->strip));
	if (!c->strip)
		return cfg_oom(l);
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = cfg_node(l, p->key);
		struct rk_strip *s = &c->strip[c->nstrip];

		if (cfg_check_kv_key(l, k, CFG_KEYS_CODELISTS,
				     "strip of codelists"))
			return -1;
		s->dimension = cfg_dup_text(l, k);
		if (!s->dimension)
			return -1;
		c->nstrip++;
		cfg_subject_of(subject, cfg_text(k), "strip of codelists");
		if (text_list(l, cfg_node(l, p->value), subject, 0,
			      &s->affixes))
			return -1;
	}
	return 0;
}

static int build_codelists(struct cfg_loader *l, struct y_codelists *y,
			   struct rk_config *c)
{
	const yaml_node_t *n = cfg_get(l, l->root, "codelists");
	size_t i;
	char allowed[HINT_LEN];

	if (!y)
		return 0;
	if (y->dir && !(c->codelists_dir = cfg_resolve(l, y->dir)))
		return -1;
	if (build_strip(l, n, c) ||
	    kv_list(l, n, "unmapped", "codelists", CFG_KEYS_CODELISTS,
		    "unmapped of codelists", &c->unmapped))
		return -1;
	for (i = 0; i < c->unmapped.n; i++) {
		if (cfg_is_word(c->unmapped.items[i].value,
				cfg_unmapped_actions))
			continue;
		cfg_join_words(allowed, sizeof(allowed), cfg_unmapped_actions);
		cfg_fail_at(l, c->unmapped.items[i].mark,
			"invalid action '%s' for '%s' in unmapped of codelists",
			c->unmapped.items[i].value, c->unmapped.items[i].key);
		rk_error_hint(l->err, "use one of: %s", allowed);
		return -1;
	}
	return 0;
}

static int take_sheet(struct cfg_loader *l, struct y_source *y,
		      const yaml_node_t *layout, const char *ctx,
		      struct rk_layout *out)
{
	if (y->sheet && y->layout && y->layout->sheet) {
		cfg_fail(l, cfg_get(l, layout, "sheet"),
			 "'sheet' given twice in %s",
			 ctx);
		rk_error_hint(l->err, "keep either the source's sheet or the "
			      "layout's");
		return -1;
	}
	out->sheet = y->sheet ? take(&y->sheet) :
		     y->layout ? take(&y->layout->sheet) : NULL;
	return 0;
}

static int build_layout(struct cfg_loader *l, struct y_source *y,
			const yaml_node_t *src, const char *ctx,
			struct rk_source *s)
{
	const yaml_node_t *n = cfg_get(l, src, "layout"), *values;
	struct y_layout *yl = y->layout;
	struct rk_layout *out = &s->layout;
	char lctx[CTX_LEN], subject[CTX_LEN];

	out->header_rows = out->header_row = -1;
	out->mark = n ? cfg_mark_of(n) : s->mark;
	if (take_sheet(l, y, n, ctx, out))
		return -1;
	if (!yl)
		return 0;
	cfg_inside(lctx, "layout", ctx);
	out->range = take(&yl->range);
	out->period = take(&yl->period);
	l->period_template = out->period;
	out->skip_rows = take(&yl->skip_rows);
	out->stop_at = take(&yl->stop_at);
	out->decimal = take(&yl->decimal);
	out->encoding = take(&yl->encoding);
	out->delimiter = take(&yl->delimiter);
	out->remark = take(&yl->remark);
	if (yl->xlsform && !(out->xlsform = cfg_resolve(l, yl->xlsform)))
		return -1;
	take_list(&out->value_headers, &yl->value_headers,
		  &yl->value_headers_count, cfg_get(l, n, "value_headers"));
	values = cfg_get(l, n, "values");
	cfg_subject_of(subject, "values", lctx);
	if (cfg_get_count(l, n, "header_rows", lctx, &out->header_rows) ||
	    cfg_get_count(l, n, "header_row", lctx, &out->header_row) ||
	    kv_list(l, n, "fields", lctx, CFG_KEYS_FIELDS, lctx,
		    &out->fields) ||
	    (values && text_list(l, values, subject, 1, &out->values)) ||
	    kv_list(l, n, "sentinels", lctx, CFG_KEYS_ANY, lctx,
		    &out->sentinels) ||
	    kv_list(l, n, "blank_labels", lctx, CFG_KEYS_FIELDS, lctx,
		    &out->blank_labels) ||
	    kv_list(l, n, "marks", lctx, CFG_KEYS_ANY, lctx, &out->marks) ||
	    cfg_check_marks(l, n, &out->marks, lctx) ||
	    kv_list(l, n, "remarks", lctx, CFG_KEYS_ANY, lctx,
		    &out->remarks) ||
	    cfg_check_remarks(l, n, out, lctx))
		return -1;
	return cfg_check_decimal(l, n, out->decimal, lctx);
}

static int has_glob(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/* Adds path (resolved) to files; -1 out of memory. */
static int add_file(struct cfg_loader *l, struct rk_strlist *files,
		    char *path)
{
	char **v;

	if (!path)
		return cfg_oom(l);
	if (!(v = realloc(files->items, (files->n + 1) * sizeof(*v)))) {
		free(path);
		return cfg_oom(l);
	}
	files->items = v;
	v[files->n++] = path;
	return 0;
}

int cfg_build_files(struct cfg_loader *l, const yaml_node_t *fn,
		    const char *subject, struct rk_strlist *files,
		    char **first_written)
{
	struct rk_strlist written = { 0 };
	int rc = -1;

	if (text_list(l, fn, subject, 1, &written) < 0)
		goto out;
	for (size_t i = 0; i < written.n; i++) {
		char *path = cfg_resolve(l, written.items[i]);
		glob_t g;
		int r;

		if (!path) {
			cfg_oom(l);
			goto out;
		}
		if (!has_glob(written.items[i])) {
			if (add_file(l, files, path) < 0)
				goto out;
			continue;
		}
		r = glob(path, 0, NULL, &g);
		if (r == GLOB_NOMATCH && (l->flags & RK_CONFIG_FILES_TO_COME)) {
			if (add_file(l, files, path) < 0)   /* forms to come */
				goto out;
			continue;
		}
		free(path);
		if (r != 0) {
			cfg_fail(l, fn, "no file matches '%s' (%s)",
				 written.items[i], subject);
			rk_error_hint(l->err, "check the pattern: it is read "
					   "from the config's directory");
			goto out;
		}
		for (size_t k = 0; k < g.gl_pathc; k++)
			if (add_file(l, files, strdup(g.gl_pathv[k])) < 0) {
				globfree(&g);
				goto out;
			}
		globfree(&g);
	}
	if (!files->n) {
		cfg_fail(l, fn, "no file in %s", subject);
		goto out;
	}
	rc = 0;
	if (first_written &&
	    !(*first_written = strdup(written.items[0])))
		rc = cfg_oom(l);
out:
	for (size_t i = 0; i < written.n; i++)
		free(written.items[i]);
	free(written.items);
	return rc;
}

/*
 * file: a path, a glob ("data/gpo_*.xlsx": the files it matches, sorted,
 * at least one) or a list of them: one source over many files.
 */
static int build_files(struct cfg_loader *l, const yaml_node_t *n,
		       const char *ctx, struct rk_source *s)
{
	const yaml_node_t *fn = cfg_get(l, n, "file");
	char subject[CTX_LEN];

	snprintf(subject, sizeof(subject), "'file' in %.200s", ctx);
	if (!fn || cfg_build_files(l, fn, subject, &s->files,
				   &s->file_as_written) < 0)
		return -1;
	s->file = strdup(s->files.items[0]);
	return s->file ? 0 : cfg_oom(l);
}

static int build_source(struct cfg_loader *l, struct y_source *y,
			const yaml_node_t *n, size_t i, struct rk_source *s)
{
	char ctx[CTX_LEN], cctx[CTX_LEN];

	cfg_entry_place(l, n, "sources", "", i, ctx);
	cfg_inside(cctx, "constants", ctx);
	s->mark = cfg_mark_of(n);
	s->id = take(&y->id);
	take_i18n(&s->name, y->name);
	take_i18n(&s->short_name, y->short_name);
	if (y->name_ru) {
		s->name_ru_genitive = take(&y->name_ru->genitive);
		s->name_ru_instrumental = take(&y->name_ru->instrumental);
	}
	s->kind = take(&y->kind);
	if (cfg_check_source_id(l, n, s->id) ||
	    cfg_check_word(l, n, "kind", s->kind, cfg_kinds, ctx) ||
	    build_files(l, n, ctx, s))
		return -1;
	l->period_template = NULL;
	if (build_layout(l, y, n, ctx, s) ||
	    cfg_build_edition(l, y->edition, n, ctx, s) ||
	    cfg_build_editions(l, y->editions, n, ctx, s))
		return -1;
	if (cfg_get_flag(l, n, "cumulative", ctx, &s->cumulative) ||
	    cfg_get_flag(l, n, "published", ctx, &s->published) ||
	    cfg_get_fiscal_start(l, n, ctx, &s->fiscal_year_start) ||
	    kv_list(l, n, "constants", ctx, CFG_KEYS_CONSTANTS, cctx,
		    &s->constants) ||
	    kv_list(l, n, "file_fields", ctx, CFG_KEYS_FIELDS, ctx,
		    &s->file_fields) ||
	    kv_list(l, n, "sheet_fields", ctx, CFG_KEYS_FIELDS, ctx,
		    &s->sheet_fields) ||
	    cfg_build_definitions(l, n, ctx, s) ||
	    cfg_build_collect(l, n, ctx, s))
		return -1;
	return cfg_check_year(l, s, cctx);
}

static int build_sources(struct cfg_loader *l, struct y_doc *d,
			 struct rk_config *c)
{
	const yaml_node_t *seq = cfg_get(l, l->root, "sources");
	const yaml_node_t **at;
	const char **ids;
	size_t i;
	int rc = 0;

	c->sources = calloc(d->sources_count, sizeof(*c->sources));
	at = malloc(d->sources_count * sizeof(*at));
	ids = malloc(d->sources_count * sizeof(*ids));
	if (!c->sources || !at || !ids) {
		rc = cfg_oom(l);
		goto out;
	}
	for (i = 0; i < d->sources_count && !rc; i++) {
		const yaml_node_t *n = cfg_item(l, seq, i);

		c->nsources++;
		rc = build_source(l, &d->sources[i], n, i, &c->sources[i]);
		at[i] = cfg_get(l, n, "id");
		ids[i] = c->sources[i].id;
	}
	if (!rc)
		rc = cfg_check_unique(l, ids, c->nsources, at, "source id");
out:
	free(at);
	free(ids);
	return rc;
}

static int build_rules(struct cfg_loader *l, struct y_doc *d,
		       struct rk_config *c)
{
	const yaml_node_t *seq = cfg_get(l, l->root, "rules");
	char ctx[CTX_LEN];
	size_t i;

	if (!d->rules_count)
		return 0;
	c->rules = calloc(d->rules_count, sizeof(*c->rules));
	if (!c->rules)
		return cfg_oom(l);
	for (i = 0; i < d->rules_count; i++) {
		const yaml_node_t *n = cfg_item(l, seq, i);
		struct rk_rule *r = &c->rules[i];

		c->nrules++;
		r->check = take(&d->rules[i].check);
		r->over = take(&d->rules[i].over);
		r->severity = take(&d->rules[i].severity);
		r->indicator = take(&d->rules[i].indicator);
		r->mark = cfg_mark_of(n);
		cfg_fmt_into(ctx, sizeof(ctx), "rule %zu", i + 1);
		if (cfg_check_rule(l, n, r, ctx))
			return -1;
	}
	return 0;
}

/*
 * cases: {key: COLUMN, lists: {SOURCE: FILE, ...}} — record-level case
 * lists for capture-recapture; paths resolve like source files.
 */
static int build_cases(struct cfg_loader *l, struct y_compare *y,
		       const yaml_node_t *n, const char *ctx,
		       const struct rk_config *c, struct rk_compare *cmp)
{
	const yaml_node_t *lists;
	char cctx[CTX_LEN];
	size_t k;

	if (!n || !y->cases)
		return 0;
	cfg_inside(cctx, "cases", ctx);
	cmp->cases_key = y->cases->key ? take(&y->cases->key) : strdup("key");
	if (!cmp->cases_key)
		return cfg_oom(l);
	if (kv_list(l, n, "lists", cctx, CFG_KEYS_ANY, cctx, &cmp->cases))
		return -1;
	lists = cfg_get(l, n, "lists");
	for (k = 0; k < cmp->cases.n; k++) {
		struct rk_kv *kv = &cmp->cases.items[k];
		const yaml_node_t *key =
			cfg_node(l, lists->data.mapping.pairs.start[k].key);
		char *path;

		if (cfg_check_source_ref(l, c, key, kv->key, cctx))
			return -1;
		if ((path = cfg_resolve(l, kv->value)) == NULL)
			return -1;
		free(kv->value);
		kv->value = path;
	}
	return 0;
}

/*
 * denominators: {file: FILE, per: 100000} — the populations (or other
 * exposures) the counts are rates of; the path resolves like a source's.
 */
static int build_denominators(struct cfg_loader *l, struct y_compare *y,
			      const yaml_node_t *n, const char *ctx,
			      struct rk_compare *cmp)
{
	char dctx[CTX_LEN];

	cmp->per = 100000;
	if (!n || !y->denominators)
		return 0;
	cfg_inside(dctx, "denominators", ctx);
	if ((cmp->denominators = cfg_resolve(l, y->denominators->file)) == NULL)
		return -1;
	if (cfg_get_number(l, n, "per", dctx, 0, &cmp->per, NULL))
		return -1;
	if (!(cmp->per >= 1)) {
		cfg_fail(l, cfg_get(l, n, "per"), "per must be 1 or more "
			 "in %s, not %g", dctx, cmp->per);
		rk_error_hint(l->err, "write per: 100000 for rates per "
				      "100,000 people");
		return -1;
	}
	return 0;
}

static int build_compare(struct cfg_loader *l, struct y_compare *y,
			 const yaml_node_t *n, size_t i, struct rk_config *c)
{
	struct rk_compare *cmp = &c->compares[i];
	const yaml_node_t *against = cfg_get(l, n, "against");
	char ctx[CTX_LEN];
	size_t k;

	cfg_fmt_into(ctx, sizeof(ctx), "comparison %zu", i + 1);
	cmp->mark = cfg_mark_of(n);
	cmp->indicator = take(&y->indicator);
	cmp->reference = take(&y->reference);
	take_list(&cmp->against, &y->against, &y->against_count, against);
	if (cfg_get_alpha(l, n, ctx, &cmp->alpha) ||
	    cfg_get_min_periods(l, n, ctx, &cmp->min_periods) ||
	    cfg_check_source_ref(l, c, cfg_get(l, n, "reference"),
				 cmp->reference, ctx))
		return -1;
	for (k = 0; k < cmp->against.n; k++) {
		const yaml_node_t *at = cfg_item(l, against, k);

		if (cfg_check_source_ref(l, c, at, cmp->against.items[k], ctx))
			return -1;
	}
	return build_cases(l, y, cfg_get(l, n, "cases"), ctx, c, cmp) ||
	       build_denominators(l, y, cfg_get(l, n, "denominators"), ctx,
				  cmp);
}

static int build_compares(struct cfg_loader *l, struct y_doc *d,
			  struct rk_config *c)
{
	const yaml_node_t *seq = cfg_get(l, l->root, "compare");
	size_t i;

	if (!d->compare_count)
		return 0;
	c->compares = calloc(d->compare_count, sizeof(*c->compares));
	if (!c->compares)
		return cfg_oom(l);
	for (i = 0; i < d->compare_count; i++) {
		c->ncompares++;
		if (build_compare(l, &d->compare[i], cfg_item(l, seq, i), i, c))
			return -1;
	}
	return 0;
}

static int build_report(struct cfg_loader *l, struct y_report *y,
			struct rk_config *c)
{
	const yaml_node_t *n = cfg_get(l, l->root, "report");
	const yaml_node_t *langs = cfg_get(l, n, "languages");
	int front;

	if (!y)
		return 0;
	if (y->output &&
	    (cfg_check_report_output(l, cfg_get(l, n, "output"), y->output) ||
	     !(c->report.output = cfg_resolve(l, y->output))))
		return -1;
	take_list(&c->report.languages, &y->languages, &y->languages_count,
		  langs);
	if (cfg_check_list_words(l, langs, &c->report.languages, "language",
				 cfg_languages, "report"))
		return -1;
	front = 1;
	if (cfg_get_flag(l, n, "front_estimate", "report", &front) ||
	    cfg_text_i18n(l, cfg_get(l, n, "organisation"),
			  "organisation in report", &c->report.organisation) ||
	    cfg_get_text(l, n, "contact", "report", &c->report.contact) ||
	    cfg_get_text(l, n, "version", "report", &c->report.version))
		return -1;
	c->report.no_front_estimate = !front;
	return cfg_get_count(l, n, "suppress_below", "report",
			     &c->report.suppress_below) ||
	       cfg_check_suppress_below(l, cfg_get(l, n, "suppress_below"),
					c->report.suppress_below) ||
	       cfg_get_count(l, n, "rounding", "report",
			     &c->report.rounding) ||
	       cfg_check_rounding(l, n, &c->report);
}

static int build_period(struct cfg_loader *l, struct y_period *y,
			struct rk_config *c)
{
	if (!y)
		return 0;
	c->period_from = take(&y->from);
	c->period_to = take(&y->to);
	c->period_grain = take(&y->grain);
	if (y->map && !(c->period_map = cfg_resolve(l, y->map)))
		return -1;
	if (cfg_get_fiscal_start(l, cfg_get(l, l->root, "period"), "period",
				 &c->fiscal_year_start))
		return -1;
	return cfg_check_word(l, cfg_get(l, l->root, "period"), "grain",
			      c->period_grain, cfg_grains, "period");
}

int cfg_build(struct cfg_loader *l, struct y_doc *d, struct rk_config *c)
{
	c->pipeline = take(&d->pipeline);
	take_i18n(&c->title, d->title);
	if (build_period(l, d->period, c) || build_dimensions(l, d, c) ||
	    build_codelists(l, d->codelists, c) || build_sources(l, d, c) ||
	    build_rules(l, d, c) || build_compares(l, d, c))
		return -1;
	return build_report(l, d->report, c);
}

