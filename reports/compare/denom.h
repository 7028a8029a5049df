/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_DENOM_H
#define RECKON_COMPARE_DENOM_H

#include <stddef.h>

#include "align.h"
#include "error.h"

/*
 * Denominators (issue 19 item 3): the population, or another exposure,
 * that a cell's count is a rate of, from a CSV the compare entry names:
 *
 *   region,period,population          a column per dimension it is broken
 *   TJ-DU,2024,1201800                down by (codes, as in the tidy
 *   TJ-SU,2024,2848600                data), optionally period and source,
 *                                     and population (or exposure)
 *
 * A cell's denominator is the sum of the rows that agree with it on every
 * dimension it is broken down by (the file must have each of those
 * columns; its other dimensions, such as sex for a cell of both sexes, are
 * summed over), that are for its source (a row with no source is for
 * every source) and for its period: the rows of that period, else the
 * rows of the one period that contains it (a year's population for its
 * quarters); populations of different periods are never added (they are
 * counts on a date).  A row given twice is an error.  Where no
 * denominator can be found, the cell has none and the reason says why.
 */
struct denom;

/*
 * Reads path for the pipeline dimensions dims[0 .. ndims) (borrowed: they
 * must outlive the table).  Returns the
 * table, or NULL with err set: RK_EXIT_NOINPUT when it cannot be opened,
 * RK_EXIT_DATAERR for a file without a population column, a column that
 * is no dimension, a blank code (it would be a total summed with its own
 * parts), a value that is not a number above 0, or a duplicate row
 * (naming its line).
 */
struct denom *denom_read(const char *path, char *const *dims, size_t ndims,
			 struct rk_error *err);

/*
 * The denominator of cell i of al for source (its name): > 0, or NaN with
 * why (at least 160 bytes) saying why there is none (d NULL: a comparison
 * without denominators, in a run where others have them).
 */
double denom_find(const struct denom *d, const struct alignment *al,
		  size_t i, const char *source, char *why, size_t size);

/* Frees the table; accepts NULL. */
void denom_free(struct denom *d);

#endif
