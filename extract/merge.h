/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_EXTRACT_MERGE_H
#define RECKON_EXTRACT_MERGE_H

#include <stddef.h>

#include "book/book.h"
#include "grid.h"

/*
 * Merged ranges as rows stream by: remembers each range's anchor text when
 * its first row passes, so that a covered cell further right or down can
 * take it (a merged header spans columns; a merged label spans rows).
 * Memory grows with the ranges open at once, not with the sheet.
 */
struct merges;

/* Copies the ranges.  Returns NULL on allocation failure. */
struct merges *merges_new(const struct sheet_range *r, size_t n);

/* Feeds every row in order (rows may be skipped when blank). Returns -1 on allocation failure. */
int merges_row(struct merges *m, const struct grid_row *row);

/*
 * The anchor text of the range covering (row, col), when that cell is
 * covered but is not the anchor and the anchor's row has passed; NULL
 * otherwise.  Valid until the next merges_row.
 */
const char *merges_fill(const struct merges *m, long row, long col);

/*
 * The same, with *below set when the cell lies under the anchor's row (a
 * block merged down over it) rather than beside it.
 */
const char *merges_cover(const struct merges *m, long row, long col,
			 int *below);

/*
 * The width row must have to hold every merged range over it: one past
 * the rightmost column of a range open at row (0 when none).  A sheet
 * row stops at its last cell with content, so the covered cells of a
 * range merged down (D3 under D2:D3) may lie beyond it.
 */
size_t merges_width(const struct merges *m, long row);

/* Frees; accepts NULL. */
void merges_free(struct merges *m);

#endif
