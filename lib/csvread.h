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
 * Shares the parsing (decoding the text source and libcsv) with worker
 * threads, for long inputs: the text is cut into segments of whole
 * records (at line feeds outside quotes), which the workers and the
 * caller, when it would otherwise wait, parse side by side; rows come out
 * in order with the same lines, records and errors as unthreaded.  Call
 * before the first csvr_next (later it does nothing).  The source then
 * belongs to the threads until csvr_close.  Returns 0, or -1 with err set
 * (RK_EXIT_SOFTWARE) when no thread can start: the reader then stays
 * unthreaded and usable.
 */
int csvr_thread(struct csvr *r, struct rk_error *err);

/* Tests: segments of about bytes (default 256 KiB); before csvr_thread. */
void csvr_set_segment(struct csvr *r, size_t bytes);

/* Frees the reader (stopping its thread); accepts NULL. */
void csvr_close(struct csvr *r);

#endif
