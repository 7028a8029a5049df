/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CONFIG_IMPL_H
#define RECKON_CONFIG_IMPL_H

/*
 * The parts of the pipeline config loader (lib/config*.c), private to them:
 *   config.c         reading, the one parse into a libyaml node tree, the
 *                    entry points, freeing
 *   config_schema.c  which keys exist and what shape each value has (the
 *                    libcyaml tables), and the fixed part filled by them
 *   config_check.c   the checks, each error with file:line:column
 *   config_build.c   the typed struct rk_config from the checked document
 * Nothing here prints or exits: every failure fills l->err and returns -1.
 */
#include <cyaml/cyaml.h>
#include <stddef.h>
#include <yaml.h>

#include "config.h"

#define MAX_CONFIG_BYTES (1024 * 1024)
#define MAX_DEPTH 64
#define CTX_LEN 256
#define HINT_LEN 400

/*
 * The fixed part of the document, as the schema (config_schema.c) fills
 * it.  Owned by the loader until the build takes a pointer out of it (and
 * sets it to NULL); cfg_schema_free frees what is left.
 */
struct y_layout {
	char *sheet, *range, *period, *skip_rows, *stop_at;
	char *decimal, *encoding, *delimiter, *remark, *xlsform;
	char **value_headers;
	unsigned value_headers_count;
};

struct y_edition {
	char *label, *date;
};

struct y_name_ru {
	char *genitive, *instrumental;
};

struct y_source {
	char *id;
	struct rk_i18n *name;
	struct y_name_ru *name_ru;
	struct rk_i18n *short_name;
	char *kind, *sheet;
	struct y_layout *layout;
	struct y_edition *edition;
	struct y_edition *editions;
	unsigned editions_count;
};

struct y_rule {
	char *check, *over, *severity, *indicator;
};

struct y_cases {
	char *key;
};

struct y_denominators {
	char *file;
};

struct y_compare {
	char *indicator, *reference;
	char **against;
	unsigned against_count;
	struct y_cases *cases;
	struct y_denominators *denominators;
};

struct y_report {
	char *output;
	char **languages;
	unsigned languages_count;
};

struct y_period {
	char *from, *to, *grain;
	char *map;
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

/* One load: the input, the node tree, and what the build has learnt. */
struct cfg_loader {
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
	unsigned flags;            /* RK_CONFIG_FILES_TO_COME */
};

/* A key of a mapping and its position there, for finding duplicates. */
struct cfg_key_ref {
	const char *key;
	size_t idx;
};

/*
 * Which keys a user-chosen mapping may have.  CFG_KEYS_CONSTANTS: fields,
 * and `year`; CFG_KEYS_CODELISTS: dimensions, and `indicator` (which has a
 * code list too).
 */
enum cfg_key_rule { CFG_KEYS_ANY, CFG_KEYS_FIELDS, CFG_KEYS_DIMENSIONS,
		    CFG_KEYS_CONSTANTS, CFG_KEYS_CODELISTS };

/* ---- config.c: the node tree (valid while l->doc lives) --------------- */

yaml_node_t *cfg_node(struct cfg_loader *l, int id);
const char *cfg_text(const yaml_node_t *n);
int cfg_is_empty(const yaml_node_t *n);
const char *cfg_kind_of(const yaml_node_t *n);
size_t cfg_npairs(const yaml_node_t *n);
size_t cfg_nitems(const yaml_node_t *n);
/* Entry i (0-based, below cfg_nitems) of sequence seq. */
yaml_node_t *cfg_item(struct cfg_loader *l, const yaml_node_t *seq, size_t i);
/* The value under key in mapping map, or NULL (also when map is NULL). */
yaml_node_t *cfg_get(struct cfg_loader *l, const yaml_node_t *map,
		     const char *key);
/* A copy of the scalar's text, for the caller to free; NULL on OOM. */
char *cfg_dup_text(struct cfg_loader *l, const yaml_node_t *n);
struct rk_mark cfg_mark_of(const yaml_node_t *n);

/* ---- config_schema.c -------------------------------------------------- */

extern const cyaml_schema_field_t cfg_doc_fields[];
extern const char *const cfg_kinds[], *const cfg_grains[],
	*const cfg_severities[], *const cfg_checks[],
	*const cfg_unmapped_actions[], *const cfg_languages[],
	*const cfg_reserved_names[];
/* The field named key in fields, or NULL. */
const cyaml_schema_field_t *cfg_field_named(
	const cyaml_schema_field_t *fields, const char *key);
/* How messages name an entry of the list under key ("source"), or NULL. */
const char *cfg_entry_label(const char *key);
/*
 * Fills *doc from l->root by the tables, once cfg_check_mapping has passed
 * it; the caller frees *doc with cfg_schema_free (also on failure).
 */
int cfg_schema_load(struct cfg_loader *l, struct y_doc **doc);
/* Accepts NULL. */
void cfg_schema_free(struct y_doc *doc);

/* ---- config_check.c: errors (each returns -1) ------------------------- */

__attribute__((format(printf, 3, 4)))
int cfg_fail_at(struct cfg_loader *l, struct rk_mark m, const char *fmt, ...);
__attribute__((format(printf, 3, 4)))
int cfg_fail(struct cfg_loader *l, const yaml_node_t *n, const char *fmt, ...);
int cfg_oom(struct cfg_loader *l);
int cfg_wrong_type(struct cfg_loader *l, const yaml_node_t *n,
		   const char *subject, const char *expected);
/* A non-empty scalar, or an error naming subject. */
int cfg_need_text(struct cfg_loader *l, const yaml_node_t *n,
		  const char *subject);

/* Message parts, written into buf (CTX_LEN bytes for the first two). */
__attribute__((format(printf, 3, 4)))
void cfg_fmt_into(char *buf, size_t size, const char *fmt, ...);
void cfg_subject_of(char *buf, const char *key, const char *ctx);
void cfg_inside(char *buf, const char *key, const char *ctx);
void cfg_join_words(char *buf, size_t size, const char *const *words);
void cfg_entry_place(struct cfg_loader *l, const yaml_node_t *entry,
		     const char *key, const char *subject, size_t i, char *buf);

/* ---- config_check.c: the document and the schema ---------------------- */

int cfg_check_root(struct cfg_loader *l);
int cfg_check_tree(struct cfg_loader *l);
int cfg_check_mapping(struct cfg_loader *l, const cyaml_schema_field_t *fields,
		      const yaml_node_t *map, const char *ctx);

/* ---- config_check.c: values (*out is left alone when not given) ------- */

int cfg_is_word(const char *s, const char *const *words);

/* ---- config_define.c -------------------------------------------------- */

extern const char *const cfg_units[], *const cfg_date_bases[];
/* A copy of the text under key in map (NULL, 0 when not given). */
int cfg_get_text(struct cfg_loader *l, const yaml_node_t *map,
		 const char *key, const char *ctx, char **out);
/* A text: one string (every language) or {en, ru, tg}; none when n NULL. */
int cfg_text_i18n(struct cfg_loader *l, const yaml_node_t *n,
		  const char *subject, struct rk_i18n *out);
/* A source's definitions: {INDICATOR: {counts, unit, date, ...}}. */
int cfg_build_definitions(struct cfg_loader *l, const yaml_node_t *src,
			  const char *ctx, struct rk_source *s);
int cfg_check_word(struct cfg_loader *l, const yaml_node_t *map,
		   const char *key, const char *value,
		   const char *const *words, const char *ctx);
int cfg_check_list_words(struct cfg_loader *l, const yaml_node_t *seq,
			 const struct rk_strlist *list, const char *what,
			 const char *const *words, const char *ctx);
int cfg_get_count(struct cfg_loader *l, const yaml_node_t *map,
		  const char *key, const char *ctx, long *out);
int cfg_get_alpha(struct cfg_loader *l, const yaml_node_t *map,
		  const char *ctx, double *out);
int cfg_get_min_periods(struct cfg_loader *l, const yaml_node_t *map,
			const char *ctx, long *out);
int cfg_get_number(struct cfg_loader *l, const yaml_node_t *map,
		   const char *key, const char *ctx, int allow_percent,
		   double *out, int *percent);
int cfg_get_flag(struct cfg_loader *l, const yaml_node_t *map,
		 const char *key, const char *ctx, int *out);
int cfg_get_fiscal_start(struct cfg_loader *l, const yaml_node_t *map,
			 const char *ctx, long *out);
int cfg_cmp_str_ptr(const void *a, const void *b);
int cfg_is_dimension(struct cfg_loader *l, const char *name);
int cfg_check_name(struct cfg_loader *l, const yaml_node_t *n);
int cfg_check_unique(struct cfg_loader *l, const char *const *keys, size_t n,
		     const yaml_node_t *const *at, const char *what);
int cfg_check_kv_key(struct cfg_loader *l, const yaml_node_t *k,
		     enum cfg_key_rule rule, const char *rule_ctx);
int cfg_check_year(struct cfg_loader *l, const struct rk_source *s,
		   const char *ctx);
/* layout.marks: non-empty marks meaning provisional, revised, estimated
 * or footnote. */
int cfg_check_remarks(struct cfg_loader *l, const yaml_node_t *layout,
		      const struct rk_layout *out, const char *ctx);
int cfg_check_marks(struct cfg_loader *l, const yaml_node_t *layout,
		    const struct rk_kvlist *marks, const char *ctx);

int cfg_check_decimal(struct cfg_loader *l, const yaml_node_t *layout,
		      const char *decimal, const char *ctx);
int cfg_check_source_id(struct cfg_loader *l, const yaml_node_t *src,
			const char *id);
int cfg_check_rule(struct cfg_loader *l, const yaml_node_t *n,
		   struct rk_rule *r, const char *ctx);
int cfg_check_report_output(struct cfg_loader *l, const yaml_node_t *n,
			    const char *output);
int cfg_check_suppress_below(struct cfg_loader *l, const yaml_node_t *n,
			     long k);
int cfg_check_rounding(struct cfg_loader *l, const yaml_node_t *report,
		       const struct rk_report *r);
int cfg_check_source_ref(struct cfg_loader *l, const struct rk_config *c,
			 const yaml_node_t *at, const char *id,
			 const char *ctx);

/* ---- config_build.c --------------------------------------------------- */

/* path resolved against l->dir, unless absolute or l->dir is "." */
char *cfg_resolve(struct cfg_loader *l, const char *path);
/* The directory of path ("." when it has no '/'); NULL on OOM. */
char *cfg_dir_of(const char *path);
/*
 * The files of fn (a path, a glob or a list of them; subject names it in
 * errors), resolved, appended to files; *first_written the first as
 * written when first_written is not NULL.
 */
int cfg_build_files(struct cfg_loader *l, const yaml_node_t *fn,
		    const char *subject, struct rk_strlist *files,
		    char **first_written);
/* Moves what d holds into c, checking it on the way. */
int cfg_build(struct cfg_loader *l, struct y_doc *d, struct rk_config *c);

/* ---- config_edition.c ------------------------------------------------- */

/* edition: {label, date} of source node n (y NULL: not given). */
int cfg_build_edition(struct cfg_loader *l, struct y_edition *y,
		      const yaml_node_t *n, const char *ctx,
		      struct rk_source *s);
/* editions: [{file, label, date}...] of source node n (y NULL: none);
 * after the edition: (its date is needed). */
int cfg_build_editions(struct cfg_loader *l, struct y_edition *y,
		       const yaml_node_t *n, const char *ctx,
		       struct rk_source *s);

/* ---- config_collect.c ------------------------------------------------- */

/* collect: {due, organisations} of source node n (none: s->collect NULL). */
int cfg_build_collect(struct cfg_loader *l, const yaml_node_t *n,
		      const char *ctx, struct rk_source *s);
/* Accepts NULL. */
void cfg_collect_free(struct rk_collect *c);

#endif
