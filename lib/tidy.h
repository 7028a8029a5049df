/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_TIDY_H
#define RECKON_TIDY_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "text.h"

/*
 * The tidy observation CSV (design.md §3): UTF-8, RFC 4180, LF line ends,
 * header source,indicator,period,<dims...>,value,status,origin.
 */

/* Column positions that every tidy file shares. */
enum { TIDY_SOURCE = 0, TIDY_INDICATOR = 1, TIDY_PERIOD = 2, TIDY_FIRST_DIM = 3 };

/* The statuses a value may carry; "" is none. */
int tidy_status_valid(const char *s);

/*
 * The one form of a tidy value: the shortest decimal that reads back as
 * the same double, positional (never an exponent: the reader takes
 * -?digits(.digits)?), integral values without a point, no "-0"; "" for
 * NaN (missing).  buf holds TIDY_VALUE_MAX bytes.
 */
#define TIDY_VALUE_MAX 352
const char *tidy_value_format(double v, char *buf);

/* ---- writing ---- */

struct tidy_writer;

/*
 * A buffered CSV writer on out (borrowed; flushed, not closed, by
 * tidy_writer_close).  name is how errors call the output.
 */
struct tidy_writer *tidy_writer_open(FILE *out, const char *name,
				     struct rk_error *err);

/*
 * Writes one record of n fields; len may be NULL (then strlen is used).
 * Fields are quoted exactly when they hold a comma, quote, CR or LF.
 * Returns 0, or -1 with err set (RK_EXIT_IOERR).
 */
int tidy_writer_row(struct tidy_writer *w, const char *const *field,
		    const size_t *len, size_t n, struct rk_error *err);

/* Whether s[0..n) is written as it is: no comma, quote, CR or LF in it. */
int tidy_field_clean(const char *s, size_t n);

/*
 * tidy_writer_row for a caller that knows some of its fields already (a
 * constant, a header's text, a number: the same on many rows): where
 * clean[i] is set, field i is len[i] bytes that tidy_field_clean passed,
 * copied without a look; the other fields are written as tidy_writer_row
 * writes them, and their len[i] is not read.  The bytes written are the
 * same as tidy_writer_row's.
 */
int tidy_writer_row_known(struct tidy_writer *w, const char *const *field,
			  const size_t *len, const unsigned char *clean,
			  size_t n, struct rk_error *err);

/* Writes the tidy header for these dimensions. */
int tidy_writer_header(struct tidy_writer *w, char *const *dims, size_t ndims,
		       struct rk_error *err);

/* Flushes and frees; returns -1 with err set if the flush fails. Accepts NULL. */
int tidy_writer_close(struct tidy_writer *w, struct rk_error *err);

/* ---- reading ---- */

struct tidy_reader;

/* One observation; strings borrowed until the next tidy_reader_next. */
struct tidy_row {
	const char *source, *indicator, *period;
	const char *const *dim;   /* ndims values, "" for not broken down */
	const char *value;        /* "" when missing */
	const char *status;
	const char *origin;
	long line;                /* 1-based line in the tidy file */
};

/*
 * Opens path ("-" for stdin) and checks its header.  Returns NULL with err
 * set: RK_EXIT_NOINPUT if it cannot be opened, RK_EXIT_DATAERR for a header
 * that is not a tidy header.
 */
struct tidy_reader *tidy_reader_open(const char *path, struct rk_error *err);

/*
 * tidy_reader_open for long files: the parsing is shared with threads
 * (csvr_thread).  Rows and errors are the same.
 */
struct tidy_reader *tidy_reader_open_threaded(const char *path,
					      struct rk_error *err);

/* The dimension names from the header; valid while the reader lives. */
char *const *tidy_reader_dims(const struct tidy_reader *r, size_t *ndims);

/*
 * Reads the next observation.  Returns 1, 0 at the end, or -1 with err set
 * (RK_EXIT_DATAERR: malformed CSV, a row with the wrong number of fields,
 * a value that is not a C-locale number, an unknown status).
 */
int tidy_reader_next(struct tidy_reader *r, struct tidy_row *row,
		     struct rk_error *err);


/* Closes the file and frees; accepts NULL. */
void tidy_reader_close(struct tidy_reader *r);

#endif
