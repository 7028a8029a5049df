/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The schema of the pipeline config, as libcyaml tables: which keys exist,
 * which are required and what shape each value has.  config_check.c walks
 * the node tree against them (with exact lines and columns, which
 * libcyaml's own loader cannot give: its backtrace points at the last
 * event it consumed, so an unknown key on line 6 was reported at 5:10),
 * and cfg_schema_load fills the fixed part into the y_* structs from the
 * same tree, so the YAML is parsed once; cyaml_free frees them by the same
 * tables.  The tables cannot describe maps with user-chosen keys or a
 * value that is text or a list, so those keys are CYAML_IGNORE and
 * config_build.c reads them from the tree; integers are read there too
 * (libcyaml 1.3.1 took `80abc` for 80 and `010` for 8).
 */
#include "config_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	CYAML_FIELD_IGNORE("fiscal_year_start", OPT),
	TEXT("map", OPT, struct y_period, map),
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
	CYAML_FIELD_IGNORE("blank_labels", OPT),
	CYAML_FIELD_IGNORE("marks", OPT),
	TEXT("remark", OPT, struct y_layout, remark),
	TEXT("xlsform", OPT, struct y_layout, xlsform),
	CYAML_FIELD_IGNORE("remarks", OPT),
	TEXT("decimal", OPT, struct y_layout, decimal),
	TEXT("encoding", OPT, struct y_layout, encoding),
	TEXT("delimiter", OPT, struct y_layout, delimiter),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t edition_fields[] = {
	TEXT("label", OPT, struct y_edition, label),
	TEXT("date", OPT, struct y_edition, date),
	CYAML_FIELD_END
};

/* an entry of editions: (its file read like the source's, from the tree) */
static const cyaml_schema_field_t earlier_edition_fields[] = {
	CYAML_FIELD_IGNORE("file", REQ),
	TEXT("label", OPT, struct y_edition, label),
	TEXT("date", REQ, struct y_edition, date),
	CYAML_FIELD_END
};

static const cyaml_schema_value_t earlier_edition_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct y_edition,
			    earlier_edition_fields),
};

static const cyaml_schema_field_t name_ru_fields[] = {
	TEXT("genitive", OPT, struct y_name_ru, genitive),
	TEXT("instrumental", OPT, struct y_name_ru, instrumental),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t source_fields[] = {
	TEXT("id", REQ, struct y_source, id),
	MAP("name", OPT, struct y_source, name, i18n_fields),
	MAP("name_ru", OPT, struct y_source, name_ru, name_ru_fields),
	MAP("short", OPT, struct y_source, short_name, i18n_fields),
	TEXT("kind", OPT, struct y_source, kind),
	CYAML_FIELD_IGNORE("file", REQ),
	TEXT("sheet", OPT, struct y_source, sheet),
	MAP("layout", OPT, struct y_source, layout, layout_fields),
	CYAML_FIELD_IGNORE("constants", OPT),
	CYAML_FIELD_IGNORE("cumulative", OPT),
	CYAML_FIELD_IGNORE("fiscal_year_start", OPT),
	CYAML_FIELD_IGNORE("published", OPT),
	CYAML_FIELD_IGNORE("definitions", OPT),
	CYAML_FIELD_IGNORE("file_fields", OPT),
	CYAML_FIELD_IGNORE("sheet_fields", OPT),
	MAP("edition", OPT, struct y_source, edition, edition_fields),
	LIST("editions", OPT, struct y_source, editions,
	     &earlier_edition_entry, 1),
	CYAML_FIELD_IGNORE("collect", OPT),
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

static const cyaml_schema_field_t denominators_fields[] = {
	TEXT("file", REQ, struct y_denominators, file),
	CYAML_FIELD_IGNORE("per", OPT),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t compare_fields[] = {
	TEXT("indicator", REQ, struct y_compare, indicator),
	TEXT("reference", REQ, struct y_compare, reference),
	TEXTS("against", REQ, struct y_compare, against, 1),
	CYAML_FIELD_IGNORE("alpha", OPT),
	CYAML_FIELD_IGNORE("min_periods", OPT),
	MAP("cases", OPT, struct y_compare, cases, cases_fields),
	MAP("denominators", OPT, struct y_compare, denominators,
	    denominators_fields),
	CYAML_FIELD_END
};

static const cyaml_schema_field_t report_fields[] = {
	TEXT("output", OPT, struct y_report, output),
	TEXTS("languages", OPT, struct y_report, languages, 0),
	CYAML_FIELD_IGNORE("suppress_below", OPT),
	CYAML_FIELD_IGNORE("rounding", OPT),
	CYAML_FIELD_IGNORE("front_estimate", OPT),
	CYAML_FIELD_IGNORE("organisation", OPT),
	CYAML_FIELD_IGNORE("contact", OPT),
	CYAML_FIELD_IGNORE("version", OPT),
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

const cyaml_schema_field_t cfg_doc_fields[] = {
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
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct y_doc, cfg_doc_fields),
};

/* Labels for the entries of the lists of mappings, for messages. */
static const struct {
	const char *key, *label;
} entry_labels[] = {
	{ "sources", "source" },
	{ "rules", "rule" },
	{ "compare", "comparison" },
};

const char *const cfg_kinds[] = {
	"government", "nhri", "civil_society", "international", "other", NULL
};
const char *const cfg_grains[] = {
	"year", "half", "quarter", "month", "day", NULL
};
/* "fail" is the old word for error, still read. */
const char *const cfg_severities[] = { "error", "warn", "fail", NULL };
const char *const cfg_checks[] = {
	"parts_sum_to_total", "non_negative", "maximum", NULL
};
const char *const cfg_unmapped_actions[] = { "fail", "warn", "keep", "drop",
					      NULL };
const char *const cfg_languages[] = { "en", "ru", "tg", NULL };
const char *const cfg_reserved_names[] = {
	"source", "indicator", "period", "value", "status", "origin", NULL
};
const char *cfg_entry_label(const char *key)
{
	size_t k;

	for (k = 0; k < sizeof(entry_labels) / sizeof(entry_labels[0]); k++)
		if (!strcmp(entry_labels[k].key, key))
			return entry_labels[k].label;
	return NULL;
}

const cyaml_schema_field_t *cfg_field_named(
	const cyaml_schema_field_t *fields, const char *key)
{
	for (; fields->key; fields++)
		if (!strcmp(fields->key, key))
			return fields;
	return NULL;
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

static int fill_value(struct cfg_loader *l, const cyaml_schema_value_t *s,
		      const yaml_node_t *n, void *at);

/* What the checks should have refused, or the schema holds and the fill
   does not know. */
static int unexpected(struct cfg_loader *l, const char *what)
{
	return rk_error_set(l->err, RK_EXIT_SOFTWARE, l->name, 0,
			    "internal error: unexpected %s in the config "
			    "schema", what);
}

/* A sequence's entry count, in the width the field gives it. */
static void put_count(void *base, const cyaml_schema_field_t *f, size_t n)
{
	unsigned char *p = (unsigned char *)base + f->count_offset;
	uint8_t n8 = (uint8_t)n;
	uint16_t n16 = (uint16_t)n;
	uint32_t n32 = (uint32_t)n;
	uint64_t n64 = n;

	switch (f->count_size) {
	case 1:
		memcpy(p, &n8, 1);
		break;
	case 2:
		memcpy(p, &n16, 2);
		break;
	case 4:
		memcpy(p, &n32, 4);
		break;
	default:
		memcpy(p, &n64, 8);
		break;
	}
}

/* The text of a scalar, as a new string stored through at. */
static int fill_string(struct cfg_loader *l, const yaml_node_t *n, void *at)
{
	char *s = cfg_dup_text(l, n);

	if (!s)
		return -1;
	memcpy(at, &s, sizeof(s));
	return 0;
}

static int fill_sequence(struct cfg_loader *l, const cyaml_schema_field_t *f,
			 const yaml_node_t *seq, unsigned char *base);

/* The fields of map, by the schema's fields; the check let only these in. */
static int fill_mapping(struct cfg_loader *l,
			const cyaml_schema_field_t *fields,
			const yaml_node_t *map, unsigned char *base)
{
	const yaml_node_pair_t *p;

	for (p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		const cyaml_schema_field_t *f =
			cfg_field_named(fields, cfg_text(cfg_node(l, p->key)));
		const yaml_node_t *v = cfg_node(l, p->value);
		int rc;

		if (!f)
			return unexpected(l, "key");
		if (f->value.type == CYAML_IGNORE)
			continue;
		if (f->value.type == CYAML_SEQUENCE)
			rc = fill_sequence(l, f, v, base);
		else
			rc = fill_value(l, &f->value, v,
					base + f->data_offset);
		if (rc)
			return -1;
	}
	return 0;
}

/* The entries are counted before they are filled, so that a half-filled
   array is freed whole (its unfilled entries are zero). */
static int fill_sequence(struct cfg_loader *l, const cyaml_schema_field_t *f,
			 const yaml_node_t *seq, unsigned char *base)
{
	const cyaml_schema_value_t *e = f->value.sequence.entry;
	size_t i, n = cfg_nitems(seq);
	size_t size = e->flags & CYAML_FLAG_POINTER ? sizeof(void *)
						     : e->data_size;
	unsigned char *items;

	if (!n)
		return 0;
	items = calloc(n, size);
	if (!items)
		return cfg_oom(l);
	memcpy(base + f->data_offset, &items, sizeof(items));
	put_count(base, f, n);
	for (i = 0; i < n; i++)
		if (fill_value(l, e, cfg_item(l, seq, i), items + i * size))
			return -1;
	return 0;
}

/* A mapping stored through at: inline, or (a pointer) newly allocated. */
static int fill_struct(struct cfg_loader *l, const cyaml_schema_value_t *s,
		       const yaml_node_t *n, void *at)
{
	unsigned char *base = at;

	if (s->flags & CYAML_FLAG_POINTER) {
		base = calloc(1, s->data_size);
		if (!base)
			return cfg_oom(l);
		memcpy(at, &base, sizeof(base));
	}
	return fill_mapping(l, s->mapping.fields, n, base);
}

static int fill_value(struct cfg_loader *l, const cyaml_schema_value_t *s,
		      const yaml_node_t *n, void *at)
{
	switch (s->type) {
	case CYAML_STRING:
		return fill_string(l, n, at);
	case CYAML_MAPPING:
		return fill_struct(l, s, n, at);
	default:
		return unexpected(l, "value type");
	}
}

int cfg_schema_load(struct cfg_loader *l, struct y_doc **doc)
{
	*doc = NULL;
	return fill_value(l, &doc_schema, l->root, doc);
}

void cfg_schema_free(struct y_doc *doc)
{
	cyaml_config_t cfg = { .mem_fn = cy_mem, .log_level = CYAML_LOG_ERROR };

	if (doc)
		cyaml_free(&cfg, &doc_schema, doc, 0);
}
