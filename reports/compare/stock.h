/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_STOCK_H
#define RECKON_COMPARE_STOCK_H

#include <stddef.h>

#include "align.h"
#include "cells.h"
#include "dist.h"
#include "summary.h"
#include "trend.h"
#include "config.h"
#include "error.h"

/*
 * Stock indicators (issue 18 item 2): counts on a date (detainees,
 * prisoners), declared by type stock in the indicator code list (or
 * --stock).  Their figures are never summed over dates: cells pair date
 * with date (align_build_stock), and the totals, correlations and
 * distribution of a pair are those of one date, the latest with figures on
 * both sides, never a sum of several.
 */
struct stock_list {
	char **code;
	size_t n;
};

/*
 * Adds the indicators of type stock in <codelists.dir>/indicator.csv (none
 * when the config names no code lists or the file is not there).  Returns
 * 0, or -1 with err set (unreadable or malformed file, out of memory).
 */
int stock_list_read(struct stock_list *l, const struct rk_config *c,
		    struct rk_error *err);

/* Adds one code (--stock); -1 out of memory. */
int stock_list_add(struct stock_list *l, const char *code);

int stock_list_has(const struct stock_list *l, const char *code);

void stock_list_release(struct stock_list *l);

/*
 * The cells of al on its latest date with values on both sides, as an
 * alignment of their own in out (sharing al's set and dimension values:
 * release it with stock_latest_release, not align_release) and their
 * figures in *st_out (from st, copied; freed by the caller).  The date's
 * id in *period ((size_t)-1 when no date has both).  Returns 0, or -1 out
 * of memory.
 */
int stock_latest(const struct alignment *al, const void *st, size_t st_size,
		 struct alignment *out, void **st_out, size_t *period);

void stock_latest_release(struct alignment *a);

/*
 * For a stock: sm (summary_compute over every cell: its counts of cells
 * stay) gets the totals, their ratio and interval of the latest date with
 * figures on both sides, never a sum over dates, and a note saying which
 * date; *d is the distribution of that date.  Returns 0, or -1 out of
 * memory.
 */
int stock_measure(const struct alignment *al, const struct cell_stats *st,
		  struct summary *sm, struct dist **d, size_t *nd);

/* A stock's trend note: each period's total is a level, not a sum.  0. */
int stock_trend_note(struct trend *t);

#endif
