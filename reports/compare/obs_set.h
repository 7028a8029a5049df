/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_OBS_SET_H
#define RECKON_COMPARE_OBS_SET_H

#include <stddef.h>

#include "error.h"
#include "period.h"

struct rk_map;

/*
 * The observations reckon-compare works on, whichever way they came (tidy
 * CSV or the database): one row per (source, indicator, period, dims) with
 * a value or a missing mark.  Text is interned: rows hold string ids, and
 * id 0 is always "" (a dimension not broken down).  The set owns all of
 * it; ids and strings stay valid until obs_set_free.
 */

struct obs {
	size_t source, indicator;
	size_t period;              /* id of the canonical tidy form */
	struct rk_period when;      /* the period, parsed */
	size_t dims;                /* index of this row's ndims ids in
				       set->dimval */
	double value;               /* NaN when missing (empty value) */
	size_t status;              /* id; "" none */
	size_t where;               /* id of "file:line" for messages */
};

struct obs_set {
	char **dim;                 /* dimension names, in output order */
	size_t ndims;
	struct obs *row;
	size_t n;
	size_t *dimval;             /* n * ndims string ids */
	const char **str;           /* id -> text */
	size_t nstr;
	/* private */
	size_t cap, dimcap, strcap;
	struct rk_map *strings, *keys;
	char **want_source, **want_indicator;
	size_t nwant_source, nwant_indicator;
	struct rk_period from, to;
	int ranged;
};

/* One row as a reader has it; strings borrowed for the call. */
struct obs_input {
	const char *source, *indicator, *period;
	const char *const *dim;     /* values in set->dim order ("" or NULL:
				       not broken down) */
	const char *value;          /* C-locale decimal; "" or NULL: missing */
	const char *status;         /* NULL: none */
	const char *file;           /* where it came from, for messages */
	long line;                  /* 0 when not a line of a file */
};

/*
 * An empty set with these dimensions (copied).  NULL when out of memory.
 */
struct obs_set *obs_set_new(char *const *dims, size_t ndims);

/* The string id of "incomplete", interned by obs_set_new (after ""). */
#define OBS_INCOMPLETE 1

/*
 * The index of dimension name, added (rows so far get "" in it) when it is
 * new.  Returns (size_t)-1 when out of memory.
 */
size_t obs_set_dim(struct obs_set *s, const char *name);

/*
 * Limits what obs_set_add keeps: only these sources (NULL: all), only
 * these indicators (NULL: all), only periods within [from, to] (NULL:
 * unlimited).  Strings are copied.  Returns 0, or -1 with err set (a from
 * or to that is not a period: RK_EXIT_CONFIG; out of memory).
 */
int obs_set_select(struct obs_set *s, char *const *sources, size_t nsources,
		   char *const *indicators, size_t nindicators,
		   const char *from, const char *to, struct rk_error *err);

/* Is a row of this source and indicator wanted? */
int obs_set_wants(const struct obs_set *s, const char *source,
		  const char *indicator);

/*
 * Adds a row, or skips it (returns 0) when the selection does not want it.
 * Returns 0, or -1 with err set: RK_EXIT_DATAERR for a period that does not
 * parse, a value that is not a number, or a row whose source, indicator,
 * period and dimensions repeat an earlier row; RK_EXIT_SOFTWARE when out
 * of memory.
 */
int obs_set_add(struct obs_set *s, const struct obs_input *in,
		struct rk_error *err);

/* The id of text (interned), or (size_t)-1 when out of memory. */
size_t obs_set_intern(struct obs_set *s, const char *text);

/* The id of text if interned, else (size_t)-1. */
size_t obs_set_find(const struct obs_set *s, const char *text);

/* Dimension value ids of row i. */
static inline const size_t *obs_set_dims(const struct obs_set *s, size_t i)
{
	return s->dimval + s->row[i].dims;
}

/* Frees the set; accepts NULL. */
void obs_set_free(struct obs_set *s);

#endif
