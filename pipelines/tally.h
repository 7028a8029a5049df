/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_TALLY_H
#define RECKON_TALLY_H

#include "error.h"

/* What a stage wrote, counted: the data rows of a UTF-8 CSV file. */
struct tally {
	long rows;      /* records after the header; blank lines not counted */
	long matches;   /* rows whose column holds the value asked for */
};

/*
 * Counts path's rows, and (when column is not NULL) the rows whose column
 * of that header name is exactly value; a file without that column has
 * none.  Returns 0, or -1 with err set (RK_EXIT_NOINPUT when it cannot be
 * opened, RK_EXIT_DATAERR for malformed CSV).  Without a column, rows are
 * counted from the quotes and line ends alone (a file of LF lines that
 * ends outside quotes), for speed: the fields of a stage's output are not
 * checked again.
 */
int tally_csv(const char *path, const char *column, const char *value,
	      struct tally *t, struct rk_error *err);

#endif
