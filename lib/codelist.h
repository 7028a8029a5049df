/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CODELIST_H
#define RECKON_CODELIST_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "fold.h"

/*
 * A code list (design.md §3): one CSV per dimension, in git, UTF-8, header
 * code,label_en,label_ru,label_tg,aliases in any order, extra columns
 * allowed (indicator.csv has `type`), aliases separated by '|'.
 *
 * Every code, label and alias is a key of its code after folding (fold.h)
 * with the list's affixes stripped.  A label matches a code when its folded
 * key equals one of the code's keys, never by similarity; similarity only
 * makes suggestions.
 *
 * The code RK_CODE_TOTAL stands for "all of this dimension": its labels
 * ("всего", "Total", "ҳамагӣ") mark rows that are not broken down, which
 * the tidy format writes as an empty field.
 */
#define RK_CODE_TOTAL "_T"

struct rk_code {
	char *code;
	char *label_en, *label_ru, *label_tg;   /* as written; "" when empty */
	long line;                              /* in the file */
};

struct rk_codelist;

/* Similar codes for a label that matched none. */
struct rk_suggestion {
	size_t code;     /* index of the code */
	double score;    /* Jaro-Winkler on transliterated keys, 0..1 */
};

/*
 * Loads the code list at path for one dimension (the name is used in
 * messages).  fold is borrowed and must outlive the list.  affixes[0..n)
 * are stripped from every key (codelists.strip in the config).  Returns
 * NULL with err set: RK_EXIT_NOINPUT when the file cannot be opened;
 * RK_EXIT_CONFIG with file:line for a bad header, a row with the wrong
 * number of fields, an empty or duplicate code, an alias that maps to two
 * codes, or two labels of different codes that fold to one key (each
 * naming both rows); RK_EXIT_DATAERR for malformed CSV, bad UTF-8 (file,
 * line and byte offset, with the hint to save the file as UTF-8) or a
 * NUL byte (file:line).
 */
struct rk_codelist *rk_codelist_load(const char *path, const char *dimension,
				     struct rk_fold *fold,
				     char *const *affixes, size_t naffixes,
				     struct rk_error *err);

/* The same from an open file (not closed); name is used in messages. */
struct rk_codelist *rk_codelist_read(FILE *f, const char *name,
				     const char *dimension,
				     struct rk_fold *fold,
				     char *const *affixes, size_t naffixes,
				     struct rk_error *err);

/* How many codes, and each in file order (valid while the list lives). */
size_t rk_codelist_size(const struct rk_codelist *cl);
const struct rk_code *rk_codelist_code(const struct rk_codelist *cl, size_t i);

/* The file as named when loading, and the dimension. */
const char *rk_codelist_name(const struct rk_codelist *cl);
const char *rk_codelist_dimension(const struct rk_codelist *cl);

/*
 * Code i's value in an extra column (e.g. "type"): "" when empty, NULL
 * when the list has no such column.
 */
const char *rk_codelist_extra(const struct rk_codelist *cl, size_t i,
			      const char *column);

/*
 * Code i's label in lang ("en", "ru", "tg"), falling back to English, then
 * to the code.
 */
const char *rk_codelist_label(const struct rk_codelist *cl, size_t i,
			      const char *lang);

/* The index of the code written exactly as code, or -1. */
long rk_codelist_find(const struct rk_codelist *cl, const char *code);

/*
 * The index of the code label[0..len) folds to, -1 when none does, or -2
 * with err set (the label is not UTF-8, or ICU failed).
 */
long rk_codelist_match(struct rk_codelist *cl, const char *label, size_t len,
		       struct rk_error *err);

/*
 * Up to max codes most like label (score 0.7 or more), best first, ties in
 * file order.  Returns how many, or -1 with err set.
 */
int rk_codelist_suggest(struct rk_codelist *cl, const char *label,
			size_t len, struct rk_suggestion *out, size_t max,
			struct rk_error *err);

/* Frees; accepts NULL. */
void rk_codelist_free(struct rk_codelist *cl);

#endif
