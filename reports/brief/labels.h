/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_LABELS_H
#define RECKON_BRIEF_LABELS_H

#include <stddef.h>

#include "config.h"
#include "error.h"

/*
 * What the brief calls codes: the labels of the config's code lists
 * (codelists.dir/<dimension>.csv and indicator.csv) in a language, and the
 * names of sources.  A dimension without a code list shows its codes.
 */
struct brief_labels;

/*
 * Loads the code lists of dims[0..ndims) and of indicators from the
 * config's code-list directory; a list that is not there is left out.
 * Returns NULL with err set: RK_EXIT_CONFIG (or the code list's own code)
 * for a code list that does not load, RK_EXIT_SOFTWARE when out of memory.
 * cfg is borrowed and must outlive the labels.
 */
struct brief_labels *brief_labels_load(const struct rk_config *cfg,
				       char *const *dims, size_t ndims,
				       struct rk_error *err);

/*
 * The label of code in dimension dim (an index into dims) in lang; code ""
 * (not broken down) is the list's total (_T) label, else "total" in lang.
 * Unknown codes come back as they are.  Valid while l lives.
 */
const char *brief_label(const struct brief_labels *l, size_t dim,
			const char *code, const char *lang);

/* An indicator's label in lang, or the code. */
const char *brief_indicator(const struct brief_labels *l, const char *code,
			    const char *lang);

/*
 * Whether the indicator counts people or events (type count or stock in
 * indicator.csv, or no type given): only those are suppressed.
 */
int brief_indicator_is_count(const struct brief_labels *l, const char *code);

/* A source's name in lang (then English, then its id). */
const char *brief_source_name(const struct brief_labels *l, const char *id,
			      const char *lang);

/* A source's short name in lang (short: in the config), for a sheet's
 * tab; its name when it has none. */
const char *brief_source_short(const struct brief_labels *l, const char *id,
			       const char *lang);

/*
 * A source's name in a case: form 'g' genitive (данные Генеральной
 * прокуратуры), 'i' instrumental (в сравнении с Генеральной прокуратурой).
 * Russian takes it from the config's name_ru (NULL when not given, or when
 * the source has no Russian name: the caller words the sentence so that
 * the name stays in the nominative); English and Tajik do not decline it.
 */
const char *brief_source_case(const struct brief_labels *l, const char *id,
			      const char *lang, char form);

/*
 * Where code stands in dimension dim's code list (its line, counting from
 * 0), so that categories are shown in the list's order: -1 for "" (not
 * broken down), LONG_MAX for a code the list does not hold.
 */
long brief_label_rank(const struct brief_labels *l, size_t dim,
		      const char *code);

/* A source's kind as configured, or "" (valid while the config lives). */
const char *brief_source_kind(const struct brief_labels *l, const char *id);

/* The code-list files loaded, for the provenance: n of them, each path. */
size_t brief_labels_nfiles(const struct brief_labels *l);
const char *brief_labels_file(const struct brief_labels *l, size_t i);

/* How many codes dimension dim's list has (0 without a list), and code i. */
size_t brief_labels_ncodes(const struct brief_labels *l, size_t dim);
const char *brief_labels_code(const struct brief_labels *l, size_t dim,
			      size_t i);

/* Frees; accepts NULL. */
void brief_labels_free(struct brief_labels *l);

#endif
