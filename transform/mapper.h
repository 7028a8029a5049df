/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_MAPPER_H
#define RECKON_MAPPER_H

#include <stddef.h>
#include <stdint.h>

#include "codelist.h"
#include "error.h"
#include "tidy.h"

/*
 * Labels of one dimension (or of the indicator) to codes, through its code
 * list, remembering the answer for every distinct label: a million rows
 * hold a few hundred labels, and folding with ICU is done once for each.
 *
 * A label maps to a value: MAPPER_TOTAL for an empty label or one of the
 * total code (RK_CODE_TOTAL), 1 + i for code i of the list, and, under the
 * keep policy, values above the list for labels kept as written.
 * Unmapped labels are counted with the origin of their first row.
 */

#define MAPPER_TOTAL 0u

/* MAPPER_DROP: only the codes of the list are wanted; rows with other
 * labels are left out and counted, not rejected or listed. */
enum mapper_policy { MAPPER_FAIL, MAPPER_WARN, MAPPER_KEEP, MAPPER_DROP };

struct mapper;

/*
 * A mapper over cl (owned from now on, freed with the mapper).  Returns
 * NULL when out of memory.
 */
struct mapper *mapper_new(struct rk_codelist *cl, enum mapper_policy policy);

/*
 * Maps label.  Returns 1 with *value set, 0 when the label is unmapped
 * under fail or warn, -1 with err set (the label is not UTF-8, out of
 * memory).  An unmapped label is counted, with origin when it is its first
 * row, unless origin is NULL (a look that counts nothing).
 */
int mapper_map(struct mapper *m, const char *label, const char *origin,
	       uint32_t *value, struct rk_error *err);

/* What value means: "" for MAPPER_TOTAL, a code, or a kept label. */
const char *mapper_text(const struct mapper *m, uint32_t value);

/* The code list index of value, or -1 (total, kept label). */
long mapper_code(const struct mapper *m, uint32_t value);

struct rk_codelist *mapper_codelist(const struct mapper *m);
enum mapper_policy mapper_policy(const struct mapper *m);

/* Distinct unmapped labels so far and the rows that had them. */
size_t mapper_unmapped_labels(const struct mapper *m);
size_t mapper_unmapped_rows(const struct mapper *m);

/*
 * Writes one unmapped.csv row per unmapped label: dimension, label, rows,
 * first_origin, then up to three suggested codes with their scores, most
 * rows first, then by label.  Returns 0 or -1 with err set.
 */
int mapper_write_unmapped(struct mapper *m, struct tidy_writer *w,
			  struct rk_error *err);

/* The header of unmapped.csv. */
int mapper_write_unmapped_header(struct tidy_writer *w, struct rk_error *err);

/*
 * The first unmapped label, for messages: its text, rows and first origin
 * (borrowed).  Returns 0 when there is none.
 */
int mapper_first_unmapped(const struct mapper *m, const char **label,
			  size_t *rows, const char **origin);

/* Frees the mapper and its code list; accepts NULL. */
void mapper_free(struct mapper *m);

#endif
