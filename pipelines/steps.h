/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STEPS_H
#define RECKON_STEPS_H

#include "error.h"
#include "progress.h"
#include "run.h"

/*
 * What `reckon run` and `reckon verify` show of a run on the terminal: a
 * line per stage ("reckon: [2/5] normalise ... 120 rows, 0.3 s") and, on
 * failure, the stages' own messages and the error.  For the front's
 * commands only: it prints.
 */

/* Has o report each stage on p (when p is on: a terminal, not quiet). */
void steps_attach(struct run_options *o, struct rk_progress *p);

/*
 * Ends an open stage line with " failed", writes messages (what stages
 * said; may be NULL) and err as "reckon: ...".  Returns the exit status
 * for err.
 */
int steps_fail(struct rk_progress *p, const struct rk_error *err,
	       const char *messages);

#endif
