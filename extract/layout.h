/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_LAYOUT_H
#define RECKON_LAYOUT_H

#include <stddef.h>

#include "book/book.h"
#include "config.h"
#include <stdio.h>

#include "error.h"
#include "grid.h"
#include "tidy.h"

/*
 * The layout engine: turns the rows of a table, as any reader yields them,
 * into tidy observations.  It finds the header block (header_rows tiers,
 * merged cells spanning their columns), resolves the columns the layout
 * names (by header text or letter), then for every body row and every
 * value column writes one tidy row: the source, the fields from label
 * columns (merged labels filling down), constants and the value column's
 * header tiers, the value (parsed, a sentinel, or a number with a footnote
 * marker), its status and its origin.
 */

struct layout_spec {
	const char *source_id;           /* written in the source column */
	const char *input_name;          /* the input as errors call it */
	const char *origin_name;         /* the file name written in origins */
	const struct rk_layout *layout;
	const struct rk_kvlist *constants;
	char *const *dims;               /* output dimension order */
	size_t ndims;
	const char *config_name;         /* for errors in layout patterns; NULL */
	const char *sheet;               /* a spreadsheet's sheet: origins are
					    file#sheet!CELL and rows may differ
					    in width; NULL for text files */
	FILE *dry;                       /* --dry-run: what the layout finds
					    (the header, the first rows, the
					    rows it skips) is told here; NULL */
};

struct layout;

/*
 * Prepares the engine.  Everything in spec is borrowed and must outlive
 * it.  Returns NULL with err set: RK_EXIT_CONFIG (or RK_EXIT_USAGE for ad
 * hoc layouts, as err->code says) for a layout that cannot work.
 */
struct layout *layout_new(const struct layout_spec *spec, struct rk_error *err);

/*
 * Feeds one row.  Returns 0 to go on, 1 when the layout says to stop
 * (stop_at), -1 with err set (RK_EXIT_DATAERR naming file and line, or the
 * writer's error).
 */
int layout_row(struct layout *L, const struct grid_row *row,
	       struct tidy_writer *out, struct rk_error *err);

/*
 * The sheet's merged ranges (copied), before the first row.  Returns -1
 * with err set on allocation failure.
 */
int layout_set_merges(struct layout *L, const struct sheet_range *r, size_t n,
		      struct rk_error *err);

/*
 * After layout_row returned 1 (the table ended at stop_at): one of the rows
 * under it.  Its text is written as a note of the source (status
 * source_note, the text in the indicator field, its cell as origin), for
 * reckon-normalise to read (a period it calls provisional) and the brief
 * to show.  Returns 0 to go on, 1 when enough rows were read, -1 with err
 * set.
 */
int layout_note(struct layout *L, const struct grid_row *row,
		struct tidy_writer *out, struct rk_error *err);

/*
 * The rows just outside a given range, so that a range starting or
 * ending inside its table is refused rather than lose rows unread.
 * layout_above_range: the row just above it (copied), before the range's
 * first row; the first data row refuses the range when the body begins
 * at its top while that row holds figures.  layout_below_range: the row
 * just under it, after its last row; a total there ("Итого", or a row
 * skip_rows matches) right under the table's last row is refused.  Both
 * return -1 with err set (RK_EXIT_DATAERR, or out of memory).
 */
int layout_above_range(struct layout *L, const struct grid_row *row,
		       struct rk_error *err);
int layout_below_range(struct layout *L, const struct grid_row *row,
		       struct rk_error *err);

/* Ends the input: an error if the header was never found. */
int layout_end(struct layout *L, struct rk_error *err);

/* --dry-run: the closing lines (rows written, skipped) on spec.dry. */
void layout_dry_end(const struct layout *L);

/* The tidy rows written so far. */
long layout_rows_written(const struct layout *L);

/* Frees; accepts NULL. */
void layout_free(struct layout *L);

#endif
