/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_REJECTS_H
#define RECKON_REJECTS_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

/*
 * rejects.csv: every row that reckon-normalise took out of the output, and
 * every row a warning rule flagged but kept:
 *
 *   source,indicator,period,<dims...>,value,status,origin,check,action,reason
 *
 * A raw row keeps its raw fields; an output row (a sum) has codes, its
 * period in the pipeline grain and the origins of what it was summed
 * from.  check names what found it: unmapped, period, value, cumulative,
 * complete, or a rule (parts_sum_to_total, non_negative, maximum); several
 * are joined with ';'.  action is `rejected` (not in the output) or `kept`;
 * `checked` for a source's own total (check source_total) that is not the
 * sum of its parts: totals are checked and never written, whatever they
 * say, and are not counted as rejected; `noted` for a note the source
 * printed under its table (check source_note: the text as reason, the
 * period it names, the status it gives that period's figures).
 */

#define REJECT_CHECKED 2          /* kept: a source's own total */
#define REJECT_NOTED 3            /* kept: a note the source printed */

struct rejects;

struct reject {
	const char *source, *indicator, *period;
	const char *const *dim;
	const char *value, *status, *origin;
	const char *check;
	int kept;
	const char *reason;
	size_t rows;              /* raw rows it stands for */
};

/*
 * Rejects written to f (borrowed; NULL writes nothing and only counts),
 * named name in errors, for these dimensions.  Writes the header.
 */
struct rejects *rejects_open(FILE *f, const char *name, char *const *dims,
			     size_t ndims, struct rk_error *err);

/* Writes and counts one; returns 0 or -1 with err set. */
int rejects_add(struct rejects *r, const struct reject *x,
		struct rk_error *err);

/* Raw rows rejected, and rows kept with a warning. */
size_t rejects_rejected(const struct rejects *r);
size_t rejects_kept(const struct rejects *r);

/*
 * The rejected rows by check, in the order first seen, into buf[size]:
 * "period 2, unmapped 1" (a row rejected by two checks counts under each;
 * "" when none).  Returns buf.
 */
char *rejects_by_check(const struct rejects *r, char *buf, size_t size);

/* The first rejected row's reason and origin ("" when none). */
const char *rejects_first_reason(const struct rejects *r);
const char *rejects_first_origin(const struct rejects *r);

/* Flushes and frees; -1 with err set if writing failed.  Accepts NULL. */
int rejects_close(struct rejects *r, struct rk_error *err);

#endif
