/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_RECORD_H
#define RECKON_COMPARE_RECORD_H

#include "align.h"
#include "cells.h"
#include "out.h"
#include "error.h"

/*
 * The per-cell results of a run recorded in the warehouse
 * (reckon.discrepancy, design.md §4), so that a gap can be followed from
 * one quarterly review to the next.  One transaction: the run's earlier
 * rows are deleted and its cells copied in; a rerun of the same run id
 * replaces them, and a failure leaves the table as it was.
 */
struct compare_record;

/*
 * Connects (conninfo as for --db), begins, and deletes the rows of run_id.
 * dims are the dimension names of the cells' values.  NULL with err set
 * (the lib/db.h codes; RK_EXIT_NOINPUT when there is no reckon schema).
 */
struct compare_record *compare_record_open(const char *conninfo,
					   const char *run_id,
					   char *const *dims, size_t ndims,
					   struct rk_error *err);

/* Copies in the cells of one pair.  0, or -1 with err set. */
int compare_record_cells(struct compare_record *r, const struct compare_pair *p,
			 const struct alignment *al, const struct cell_stats *st,
			 struct rk_error *err);

/* Ends the copy and commits; frees r either way.  0, or -1 with err set. */
int compare_record_commit(struct compare_record *r, struct rk_error *err);

/* Rolls back and frees; accepts NULL. */
void compare_record_abort(struct compare_record *r);

#endif
