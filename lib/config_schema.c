/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The schema of the pipeline config.  libcyaml owns it: the tables below
 * say which keys exist, which are required and what shape each value has,
 * and cyaml_load_data fills the fixed part into the y_* structs.  libcyaml
 * cannot describe maps with user-chosen keys or a value that is text or a
 * list, so those keys are CYAML_IGNORE and config_build.c reads them from
 * the node tree; integers are read there too, because libcyaml 1.3.1 takes
 * `80abc` for 80 and `010` for 8.  config_check.c walks the tree against
 * these tables before libcyaml runs; what libcyaml still rejects after the
 * walk is reported from its log (lines there are 1-based).
 */
#include "config_impl.h"

#include <stdarg.h>
#include <stdio.h>
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
const char *const cfg_unmapped_actions[] = { "fail", "warn", "keep", NULL };
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
static int cy_error(struct cfg_loader *l, cyaml_err_t e, const struct cy_log *log)
{
	struct rk_mark m = { log->line, log->column };
	const char *reason = log->reason[0] ? log->reason : cyaml_strerror(e);
	size_t i, n;

	if (e == CYAML_ERR_OOM)
		return cfg_oom(l);
	for (i = 0; i < sizeof(cy_messages) / sizeof(cy_messages[0]); i++) {
		n = strlen(cy_messages[i].prefix);
		if (!strncmp(reason, cy_messages[i].prefix, n))
			break;
	}
	if (i < sizeof(cy_messages) / sizeof(cy_messages[0]))
		cfg_fail_at(l, m, cy_messages[i].message, reason + n);
	else
		cfg_fail_at(l, m, "config rejected: %s", reason);
	rk_error_hint(l->err, "libcyaml rejected the config here; check this "
		      "value against the pipeline config format");
	return -1;
}

int cfg_schema_load(struct cfg_loader *l, struct y_doc **doc)
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

void cfg_schema_free(struct y_doc *doc)
{
	cyaml_config_t cfg = { .mem_fn = cy_mem, .log_level = CYAML_LOG_ERROR };

	if (doc)
		cyaml_free(&cfg, &doc_schema, doc, 0);
}
