/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_TRACE_H
#define RECKON_BRIEF_TRACE_H

#include <stddef.h>

#include "brief.h"

/*
 * Which rows of the Data sheet hold a comparison cell's figures (issue 20
 * item 7): each row there has its origin (file, sheet, cell), so a
 * comparison row is traced to the cells it came from.  The Data rows are
 * indexed once by source, indicator and period.
 */
struct brief_trace;

/* The index of b's tidy data; NULL when b has none or out of memory (the
 * comparison sheets then say nothing of rows). */
struct brief_trace *brief_trace_new(const struct brief *b);

/*
 * The Data sheet's rows (as the sheet numbers them) of source's figures
 * for cells.csv row r, into buf: "12", "40–42, 45", "" when none.  A cell
 * broken down by a dimension takes the rows of its category; one summed
 * over it, the row not broken down, else the rows summed.
 */
void brief_trace_rows(const struct brief_trace *t, const struct brief *b,
		      const char *source, size_t r, char *buf, size_t size);

/* Frees; accepts NULL. */
void brief_trace_free(struct brief_trace *t);

#endif
