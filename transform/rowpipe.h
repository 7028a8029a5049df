/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_ROWPIPE_H
#define RECKON_ROWPIPE_H

#include <stddef.h>

#include "error.h"
#include "tidy.h"

/*
 * A raw tidy file read on a second thread: parsing CSV (libcsv) takes as
 * long as everything the normaliser does with a row, so the two run side
 * by side.  Rows come out in file order, in batches the reader thread
 * copies; memory is bounded by a few batches.  The interface is that of
 * tidy_reader: same rows, same errors, in the same order.
 */
struct rowpipe;

/*
 * Opens path ("-" for stdin) and checks its header on the calling thread,
 * then starts reading.  Returns NULL with err set as tidy_reader_open does
 * (or RK_EXIT_SOFTWARE when the thread cannot start).
 */
struct rowpipe *rowpipe_open(const char *path, struct rk_error *err);

/* The dimension names of the header; valid while the pipe lives. */
char *const *rowpipe_dims(const struct rowpipe *p, size_t *ndims);

/*
 * The next row: 1, 0 at the end, -1 with err set (the reader's error, after
 * every row before it).  Strings are borrowed until the next call.
 */
int rowpipe_next(struct rowpipe *p, struct tidy_row *row, struct rk_error *err);

/* Stops the thread, closes the file and frees; accepts NULL. */
void rowpipe_close(struct rowpipe *p);

#endif
