/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_NZ_H
#define RECKON_NZ_H

/*
 * The inside of struct normaliser, shared by its files: normalise.c (the
 * raw rows), nz_open.c (set-up), nz_finish.c (de-cumulation,
 * completeness, order), nz_notes.c (what to tell the user),
 * nz_rules.c (validation rules), nz_write.c (outputs).
 */
#include <stdint.h>

#include "cells.h"
#include "config.h"
#include "fold.h"
#include "mapper.h"
#include "normalise.h"
#include "period.h"
#include "period_memo.h"
#include "rejects.h"

/* How an indicator's values behave (the type column of indicator.csv). */
enum nz_type {
	NZ_COUNT,     /* whole numbers >= 0, summed to the grain (default) */
	NZ_STOCK,     /* whole numbers >= 0 on a date: never summed over time */
	NZ_NUMBER     /* any decimal, summed to the grain */
};

struct nz_source {
	const char *id;
	int year;                 /* constants.year, or 0 */
	int cumulative;
	int fiscal_start;         /* its fiscal years' first month, or 0 */
};

struct nz_rule {
	const struct rk_rule *r;
	long indicator;           /* indicator value, or -1 for all */
	size_t over;              /* dimension index */
};

struct normaliser {
	const struct rk_config *cfg;
	char *const *dims;
	size_t ndims;
	struct rk_fold *fold;
	struct mapper *indicator;
	struct mapper **dim;      /* ndims */
	enum nz_type *types;      /* per indicator code */
	signed char *stock_at;    /* per indicator code, a stock's at column:
				     0 none, 1 start, 2 end of a grain
				     period */
	struct nz_source *src;
	size_t nsrc, last_src;
	enum rk_grain grain;      /* RK_GRAIN_NONE: periods as they come */
	int has_range;
	long range_first, range_last;   /* days */
	int range_year_first, range_year_last;
	struct rk_period_map *period_map;   /* period.map, or NULL */
	struct rk_period_opts fiscal[13];  /* by first month; 0: none */
	struct period_memo *periods[13];   /* by fiscal_start, as used */
	struct cells *cells;      /* the output */
	struct cells *cum;        /* year-to-date figures, before finish */
	struct rejects *rejects;
	struct nz_rule *rules;
	size_t nrules;
	struct normalise_summary sum;
	struct nz_note *notes;    /* the sources' notes (nz_srcnotes.c) */
	uint32_t **parent;        /* per dimension, value -> its parent's
				     value (0: a top code), or NULL when its
				     code list has no parent column */
	size_t nnotes, notecap;
	rk_progress_fn *progress;
	void *progress_arg;
	/* scratch */
	uint32_t *dimv;
	const char **fieldv;
	char *text;
	size_t textcap;
};

/* The type of indicator value v. */
enum nz_type nz_type_of(const struct normaliser *n, uint32_t v);

/* A stock's at (0 none, 1 start, 2 end) for indicator value v. */
int nz_stock_at(const struct normaliser *n, uint32_t v);

/* Whether p (in the output grain) lies in the pipeline's period range. */
int nz_in_range(const struct normaliser *n, const struct rk_period *p);

/* Cell i's value and status as the tidy output writes them. */
const char *nz_cell_status(const struct normaliser *n, const struct cell *c);
double nz_round_places(double v, unsigned k);
void nz_cell_value(const struct normaliser *n, const struct cell *c,
		   char *buf, size_t size);

/*
 * Writes cell i of t to rejects with check, action and reason.  Returns 0
 * or -1 with err set.
 */
int nz_reject_cell(struct normaliser *n, struct cells *t, size_t i,
		   const char *check, int kept, const char *reason,
		   struct rk_error *err);

/* nz_finish.c */
int nz_decumulate(struct normaliser *n, struct rk_error *err);
int nz_check_complete(struct normaliser *n, struct rk_error *err);
int nz_sort(struct normaliser *n, struct cells *t, int by_year_to_date);

/* nz_hier.c */
int nz_hier_init(struct normaliser *n, struct rk_error *err);
int nz_check_hierarchy(struct normaliser *n, struct rk_error *err);
void nz_hier_free(struct normaliser *n);

/* nz_srcnotes.c */
int nz_note_add(struct normaliser *n, size_t source, const char *text,
		const char *origin);
int nz_apply_source_notes(struct normaliser *n, struct rk_error *err);
void nz_notes_free(struct normaliser *n);

/* nz_totals.c */
int nz_check_source_totals(struct normaliser *n, struct rk_error *err);

/* Whether cell c is a source's own total (every row of it is one). */
static inline int nz_is_source_total(const struct cell *c)
{
	return c->source_total && c->source_total == c->rows;
}

/* Whether cell c is not a figure of the output: a source's own total, or
 * a category whose parts are present. */
static inline int nz_left_out(const struct cell *c)
{
	return nz_is_source_total(c) || c->hier_parent;
}

/* nz_rules.c */
int nz_rules_init(struct normaliser *n, struct rk_error *err);
int nz_rules_run(struct normaliser *n, struct rk_error *err);

#endif
