/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STAGE_H
#define RECKON_STAGE_H

#include <stddef.h>

#include "db.h"
#include "dimskey.h"
#include "error.h"
#include "tidy.h"

/*
 * The staging table of one load: a temporary table (dropped at the end of
 * the transaction), filled by COPY in text format, in chunks of 64 KiB
 * sent without blocking, so that the server parses while the next rows
 * are read (at most 4 MiB wait in libpq); its rows keep their input line,
 * so that whatever the server rejects later is found again in the file.  Columns: line, source,
 * indicator, period, dims_key, value, status, origin (all text but line;
 * NULL for an empty value or status).  Used inside the caller's
 * transaction.
 */
struct stage;

#define STAGE_TABLE "reckon_stage"

/*
 * Creates the table and starts the COPY.  keys is borrowed for the life of
 * the stage.  Returns NULL with err set.
 */
struct stage *stage_open(struct rk_db *db, struct dimskey *keys,
			 struct rk_error *err);

/* Adds one row.  Returns 0, or -1 with err set. */
int stage_row(struct stage *s, const struct tidy_row *row,
	      struct rk_error *err);

/*
 * Ends the COPY; *rows gets the number of rows staged.  Returns 0, or -1
 * with err set.
 */
int stage_finish(struct stage *s, long long *rows, struct rk_error *err);

/*
 * The distinct sources and indicators staged, in order of appearance, as
 * PostgreSQL text[] literals (rk_db_text_array); NULL when out of memory.
 * The caller frees them.
 */
char *stage_sources(const struct stage *s);
char *stage_indicators(const struct stage *s);

/*
 * Frees; an unfinished COPY is abandoned (the caller then rolls back).
 * Accepts NULL.
 */
void stage_close(struct stage *s);

#endif
