/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_FORMS_FORM_H
#define RECKON_FORMS_FORM_H

#include <stddef.h>

#include "error.h"
#include "sha256.h"

struct rk_config;
struct rk_source;
struct rk_codelist;
struct rk_fold;

/*
 * What a data-entry template offers one source (issue 21), from the
 * pipeline config: its indicators, the dimensions it breaks them down by
 * with their codes (the code lists', but "all"), the periods of the
 * pipeline's range at its grain, the labels in the form's language.
 */
struct form_dim {
	const char *name;                /* borrowed from the config */
	struct rk_codelist *cl;
	size_t *code;                    /* indices offered */
	size_t ncode;
};

enum form_shape { FORM_CROSSTAB, FORM_LONG, FORM_CASES };

struct form {
	const struct rk_config *cfg;
	const struct rk_source *src;
	const char *lang;                /* en, ru, tg */
	enum form_shape shape;
	const char *organisation;        /* "" when none */
	long rows;                       /* long: entry rows */
	char **indicator;                /* codes */
	size_t nind;
	struct rk_codelist *ind_cl;      /* NULL: no indicator list */
	struct form_dim *dim;            /* ndims dimensions, then nfield
					    fields (--fields: a register's
					    other columns from code lists,
					    not counted by) */
	size_t ndims, nfield;
	char *field_names[16];
	char **period, **period_label;   /* canonical, and as shown */
	size_t nper, nlabel;
	char hash[RK_SHA256_HEX];        /* form_codelists_hash */
	struct rk_fold *fold;
};

/*
 * Builds the form for source in cfg.  by: the dimensions to break down
 * (comma-separated), NULL for all of the pipeline's; fields: a
 * register's other columns (comma-separated code list names), or NULL.
 * Returns 0, or -1
 * with err set: RK_EXIT_USAGE for an unknown source, dimension or
 * language; RK_EXIT_CONFIG when the pipeline gives no period range, or a
 * dimension has no code list to offer; the code lists' errors.
 */
int form_build(struct form *f, const struct rk_config *cfg,
	       const char *source, const char *lang, const char *by,
	       const char *fields, struct rk_error *err);

/* An indicator's label in the form's language (the code without a list). */
const char *form_indicator_label(const struct form *f, size_t i);

/* Code k of dimension d, and its label. */
const char *form_code(const struct form *f, size_t d, size_t k);
const char *form_code_label(const struct form *f, size_t d, size_t k);

/* A dimension's name as a form's heading says it in lang; else the name. */
const char *form_dim_label(const char *dim, const char *lang);

void form_release(struct form *f);

#endif
