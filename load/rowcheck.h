/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_ROWCHECK_H
#define RECKON_ROWCHECK_H

#include "error.h"
#include "tidy.h"

/*
 * What reckon-load checks of a tidy row before it goes to the server, on
 * top of the reader's checks (value a C-locale number, a known status):
 * a source and an indicator, and a period in its tidy form (2024,
 * 2024-S1, 2024-Q3, 2024-07, 2024-07-15), so that a file that was not
 * normalised stops at its first such row, with its line, before anything
 * is sent.  What only the server can judge (a number too large for it,
 * its constraints) is found after the COPY (merge.h).
 */

/*
 * Returns 0, or -1 with err set (RK_EXIT_DATAERR; file and the row's
 * line; the origin in the message).
 */
int rowcheck(const struct tidy_row *r, const char *file, struct rk_error *err);

/* 1 when p is a period in tidy form, with a month 01..12 and day 01..31. */
int rowcheck_period(const char *p);

#endif
