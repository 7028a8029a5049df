/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_PROGRESS_H
#define RECKON_PROGRESS_H

/*
 * The progress line of long work, on stderr, shown only when stderr is a
 * terminal and the user did not ask for --quiet (design.md §7).  Two
 * shapes: a count that redraws itself in place ("reckon-load: 65536 rows
 * read", at most twice a second, wiped at the end), and steps that each
 * get a line ("reckon: [2/5] normalise ... 120 rows, 0.3 s").  Like
 * lib/cli, it is for main() and the front's commands; modules are handed
 * rk_progress_count as a callback and never print themselves.
 */
struct rk_progress {
	const char *prog;      /* the message prefix, e.g. "reckon-load" */
	int on;                /* a terminal, not --quiet */
	int shown;             /* 1: a count is on the line; 2: a step is open */
	long long last_ms;     /* when the count was last drawn */
};

/* The callback shape modules take: arg is what main() gave with it. */
typedef void rk_progress_fn(void *arg, long long rows);

/* Sets p up for prog; it shows nothing when quiet or stderr is no tty. */
void rk_progress_init(struct rk_progress *p, const char *prog, int quiet);

/* Draws "PROG: ROWS rows read" over the line; arg is a struct rk_progress. */
void rk_progress_count(void *arg, long long rows);

/* Starts a step's line: "PROG: TEXT ..." (printf-style), left open. */
void rk_progress_step(struct rk_progress *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Ends the open step's line with " TEXT" (printf-style). */
void rk_progress_step_done(struct rk_progress *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Clears the line for what follows: a count is wiped, an open step ends
 * with " failed".  Call it before any other message; harmless when
 * nothing is shown.
 */
void rk_progress_end(struct rk_progress *p);

#endif
