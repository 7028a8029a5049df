/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_TABLE_H
#define RECKON_BRIEF_TABLE_H

#include <stddef.h>

#include "error.h"

/*
 * A CSV file held whole in memory, looked up by column name: the result
 * files of reckon-compare (cells.csv, summary.csv, distribution.csv,
 * trend.csv, mse.csv) and the quality files of reckon-normalise
 * (rejects.csv, unmapped.csv).  UTF-8, RFC 4180, a header row; every row
 * must have as many fields as the header.  Blank lines are skipped.
 */
struct brief_table {
	char *name;          /* the path as given */
	size_t ncols, nrows;
	char **col;          /* ncols header names */
	long *line;          /* nrows: the line each row starts on */
	size_t total;        /* data rows in the file (more than nrows when
				grouped) */
	size_t *count;       /* grouped: nrows counts, the rows of the file
				each kept row stands for; else NULL */
	/* private */
	char *text;          /* every field, NUL-terminated */
	size_t text_len, text_cap;
	size_t *off;         /* nrows * ncols offsets into text */
	struct brief_table_cache *cache;   /* column names looked up */
};

/*
 * Loads path into t.  Returns 0; or -1 with err set: RK_EXIT_NOINPUT when
 * it cannot be opened, RK_EXIT_DATAERR for malformed CSV, bad UTF-8, an
 * empty file or a ragged row.  t is zeroed first; release it either way.
 */
int brief_table_load(struct brief_table *t, const char *path,
		     struct rk_error *err);

/*
 * brief_table_load keeping only the first row of each group of rows that
 * agree in the key columns (in the order groups first appear), and how
 * many rows each stands for in t->count: for files with a row per input
 * row (rejects.csv), which the brief shows grouped, so that memory is
 * bounded by the groups.  A key column the file lacks counts as "".
 * Rows whose column solo begins with solo_value are each kept, never
 * grouped (solo NULL: none): few rows that are each worth showing.
 */
int brief_table_load_grouped(struct brief_table *t, const char *path,
			     const char *const *keys, size_t nkeys,
			     const char *solo, const char *solo_value,
			     struct rk_error *err);

/*
 * The index of column name, or -1.  Names found are remembered by address
 * (and checked), so looking up the same string literal again is cheap.
 */
long brief_table_col(const struct brief_table *t, const char *name);

/* Field col of row r (borrowed, valid while t lives); "" when col < 0. */
const char *brief_table_get(const struct brief_table *t, size_t r, long col);

/* The field of row r in column name; "" when there is no such column. */
const char *brief_table_str(const struct brief_table *t, size_t r,
			    const char *name);

/*
 * The number in column name of row r (C locale); NaN when empty, not a
 * number or no such column.
 */
double brief_table_num(const struct brief_table *t, size_t r,
		       const char *name);

/*
 * Replaces the field of row r in column name with value (copied): for the
 * figures the brief recomputes from what it publishes.  Pointers from
 * brief_table_get and brief_table_str are invalid after it.  Returns 0, or
 * -1 when there is no such column or memory ran out.
 */
int brief_table_set(struct brief_table *t, size_t r, const char *name,
		    const char *value);

/* Frees what t owns; accepts a zeroed table. */
void brief_table_release(struct brief_table *t);

#endif
