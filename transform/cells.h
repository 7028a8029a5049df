/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CELLS_H
#define RECKON_CELLS_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "period.h"

/*
 * The output table of reckon-normalise while it is being built: one cell
 * per key (source, indicator, period, dimension values), into which raw
 * rows are summed as they stream by.  Sources, indicators and dimension
 * values are small integers (the normaliser's mappers say what they
 * mean); the table holds no raw row.
 */

#define CELL_ORIGINS 5    /* origins kept per cell; the rest are counted */
/* Distinct row spans told apart per cell: spans that share no month are at
 * most 12, and once two share one the cell is flagged, so 12 is exact. */
#define CELL_SPANS 12

struct cell_key {
	uint32_t source;
	uint32_t indicator;
	struct rk_period period;
	const uint32_t *dim;      /* ndims values */
};

/* What one raw row (or one de-cumulated piece) brings to a cell. */
struct cell_add {
	int has_value;
	int64_t count;            /* for whole-number indicators */
	double number;            /* for decimal ones */
	unsigned places;          /* decimal places the number was given to */
	const char *status;       /* tidy status of the row */
	unsigned months;          /* months it covers (rk_period_months);
				     0 for a day, which is never checked
				     for completeness */
	const char *const *origin; /* norigin origins */
	size_t norigin;
	unsigned rows;            /* raw rows it stands for (>= norigin) */
	const struct rk_period *own; /* a stock's row: its own period (a
				     date), else NULL */
};

struct cell {
	uint32_t source, indicator;
	struct rk_period period;
	int64_t count;
	double number;
	unsigned places;          /* the most decimal places of its numbers:
				     the sum is exact to these, not beyond
				     (0.1 + 0.2 is 0.3, not 0.30000000000000004) */
	int overflow;             /* the count left the 64-bit range */
	unsigned rows;            /* raw rows summed in */
	unsigned valued;          /* of them, rows with a value */
	unsigned missing, suppressed;
	unsigned estimated, provisional, footnote, revised;
	unsigned source_total;    /* rows that are the source's own total */
	unsigned months;          /* covered by rows of a month or longer */
	unsigned spans[CELL_SPANS];    /* the distinct months of its rows */
	unsigned nspans;
	int overlap;              /* rows of different spans share a month
				     (a quarter row and its month rows):
				     summed, they count it twice */
	int dated;                /* some rows were single days */
	struct rk_period stock_own[2]; /* a stock's periods as read: the
				     first row's, and the first other one */
	unsigned stock_periods;   /* how many of those are set (0..2): 2 means
				     rows of two dates met in one cell, which
				     a stock never sums */
	int incomplete;           /* set by the normaliser */
	int rejected;             /* set by the normaliser */
	int flagged;              /* set by the normaliser */
	int hier_parent;          /* a category whose parts are present:
				     checked against them, not written */
	size_t norigin;
	size_t origin[CELL_ORIGINS];   /* offsets into the table's text */
};

struct cells;

/* An empty table for keys with ndims dimension values; NULL: out of memory. */
struct cells *cells_new(size_t ndims);

/*
 * Adds a to the cell of k, making the cell when new.  Returns 0, or -1
 * when out of memory.
 */
int cells_add(struct cells *t, const struct cell_key *k,
	      const struct cell_add *a, struct rk_error *err);

size_t cells_count(const struct cells *t);

/*
 * Cell i (in order of creation until cells_sort); valid until the next
 * cells_add.
 */
struct cell *cells_at(struct cells *t, size_t i);

/* The dimension values of cell i. */
const uint32_t *cells_dims(const struct cells *t, size_t i);

/* Origin k of cell i (k < norigin). */
const char *cells_origin(const struct cells *t, size_t i, size_t k);

/*
 * The origins of cell i for the tidy origin column: all of them joined by
 * ';' when there are at most CELL_ORIGINS, else the first four and
 * "+N more".  Into *buf (grown as needed, freed by the caller).  Returns
 * the length, or -1 when out of memory.
 */
long cells_origin_text(const struct cells *t, size_t i, char **buf,
		       size_t *cap);

/*
 * Orders the cells with a stable merge sort; cmp compares cells a and b
 * (indexes) and gets ctx.  No cells_add after this: the key index is
 * dropped.  Returns 0, or -1 when out of memory.
 */
typedef int (*cells_cmp_fn)(const struct cells *t, size_t a, size_t b,
			    void *ctx);
int cells_sort(struct cells *t, cells_cmp_fn cmp, void *ctx);

/* Frees; accepts NULL. */
void cells_free(struct cells *t);

#endif
