/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BOOKSRC_H
#define RECKON_BOOKSRC_H

#include "book/book.h"
#include "error.h"
#include "layout.h"
#include "progress.h"
#include "tidy.h"

/*
 * A sheet of a workbook as an extraction source: its rows, within an
 * optional range, turned into dense grid rows for the layout engine, with
 * blank rows where the sheet has none (so stop_at: blank sees them) and
 * the sheet's merged ranges handed over first.
 */
struct booksrc;

/*
 * Opens the workbook and finds the sheet: a name, a 1-based number, a
 * pattern ("*": the first it matches; booksrc_next_sheet for the others),
 * or NULL for the first.  range is NULL or like "A3:F40".  Returns NULL with
 * err set (RK_EXIT_DATAERR for an unknown sheet or a bad range, naming the
 * sheets there are).
 */
struct booksrc *booksrc_open(const char *path, const char *name,
			     const char *sheet, const char *range,
			     struct rk_error *err);

/*
 * With a sheet pattern ("*", "Форма*"): moves to the next sheet it
 * matches, 1; 0 when there is none (or the sheet was not a pattern).
 */
int booksrc_next_sheet(struct booksrc *s);

/* The chosen sheet's name; valid while the source is open. */
const char *booksrc_sheet(const struct booksrc *s);

/*
 * Streams the sheet through L into w; progress (may be NULL) now and then,
 * with arg.
 */
int booksrc_extract(struct booksrc *s, struct layout *L, struct tidy_writer *w,
		    rk_progress_fn *progress, void *arg, struct rk_error *err);

void booksrc_close(struct booksrc *s);

#endif
