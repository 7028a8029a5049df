/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CSVREAD_H
#define RECKON_CSVREAD_H

#include <stddef.h>

#include "error.h"
#include "text.h"

/*
 * A streaming, strict RFC 4180 reader on libcsv over an rk_text (UTF-8)
 * source: any one-byte delimiter, CRLF or LF line ends, quoted fields with
 * embedded delimiters, quotes and line breaks.  Rows come out one at a
 * time with the 1-based line where each starts; memory is bounded by the
 * reader's block size and the longest field (capped at CSVR_FIELD_MAX).
 * Fields are not trimmed.  Blank lines come out as rows with n == 0 so that
 * callers that care (stop_at: blank) can see them.
 */

#define CSVR_FIELD_MAX (16u << 20)

struct csvr;

struct csvr_row {
	size_t n;          /* fields; 0 for a blank line */
	char **field;      /* NUL-terminated; borrowed until the next call */
	size_t *len;       /* byte lengths */
	long line;         /* 1-based line where the row starts */
	long record;       /* 1-based record number, blank lines included */
};

/*
 * Opens a reader over src (borrowed: it must outlive the reader).  name is
 * how errors call the file.  Returns NULL with err set on failure.
 */
struct csvr *csvr_open(struct rk_text *src, unsigned char delim,
		       const char *name, struct rk_error *err);

/*
 * Reads the next row.  Returns 1 with *row filled, 0 at end of input,
 * -1 with err set: RK_EXIT_DATAERR for malformed CSV (a stray quote, an
 * unterminated quoted field, an over-long field), naming the line, or the
 * error of the text source.
 */
int csvr_next(struct csvr *r, struct csvr_row *row, struct rk_error *err);

/*
 * Moves the parsing (decoding the text source and libcsv) to a second
 * thread, which fills batches of rows while the caller works on the rows
 * of another: for long inputs, where parsing takes as long as what the
 * caller does with a row.  Rows, lines and errors are the same as
 * unthreaded.  May be called after some rows were read (a header): rows
 * already parsed come first.  From then on the source belongs to the
 * thread until csvr_close.  Returns 0, or -1 with err set
 * (RK_EXIT_SOFTWARE) when the thread cannot start: the reader then stays
 * unthreaded and usable.
 */
int csvr_thread(struct csvr *r, struct rk_error *err);

/* Frees the reader (stopping its thread); accepts NULL. */
void csvr_close(struct csvr *r);

#endif
