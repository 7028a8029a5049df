/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_ERROR_H
#define RECKON_ERROR_H

#include <stdio.h>

/*
 * Exit codes shared by every reckon program (design.md §7, <sysexits.h>).
 * A module reports which of these its failure maps to; only main() exits.
 */
enum rk_exit {
	RK_EXIT_OK = 0,
	RK_EXIT_THRESHOLD = 1,   /* done, but thresholds crossed */
	RK_EXIT_USAGE = 64,      /* bad command line */
	RK_EXIT_DATAERR = 65,    /* bad input data */
	RK_EXIT_NOINPUT = 66,    /* input missing or unreadable */
	RK_EXIT_UNAVAILABLE = 69,/* database unavailable */
	RK_EXIT_SOFTWARE = 70,   /* internal error */
	RK_EXIT_CANTCREAT = 73,  /* cannot create an output */
	RK_EXIT_IOERR = 74,      /* I/O error while writing */
	RK_EXIT_CONFIG = 78      /* bad configuration */
};

/*
 * What went wrong, where, and what to do about it.  Modules fill one and
 * return -1; main() prints it with rk_error_print() and exits with ->code.
 * All strings are owned by the record (fixed buffers, truncated if long).
 */
struct rk_error {
	int code;         /* an enum rk_exit value; 0 while no error is set */
	char file[512];   /* the file concerned, as the user named it, or "" */
	long line;        /* 1-based line, 0 if not known */
	long column;      /* 1-based column, 0 if not known */
	char cell[256];   /* a spreadsheet place like "Sheet1!C12", or "" */
	char msg[1024];   /* what went wrong: lower-case, no full stop */
	char hint[512];   /* what to do about it, or "" */
};

/* Empties the record. */
void rk_error_clear(struct rk_error *e);

/*
 * Sets code, file, line and message (printf-style); clears column, cell and
 * hint.  file may be NULL.  Returns -1 so that callers can write
 * "return rk_error_set(...)".  e may be NULL (the error is then dropped).
 */
int rk_error_set(struct rk_error *e, int code, const char *file, long line,
		 const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Sets "out of memory" (RK_EXIT_SOFTWARE, no file); returns -1. */
int rk_error_oom(struct rk_error *e);

/* Sets the hint (printf-style). */
void rk_error_hint(struct rk_error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Sets the column (1-based). */
void rk_error_column(struct rk_error *e, long column);

/* Sets the spreadsheet place, e.g. "Жалобы!C12". */
void rk_error_cell(struct rk_error *e, const char *cell);

/*
 * Writes "prog: msg (file:line:column): hint\n" to f; parts that are not
 * known are left out.
 */
void rk_error_print(FILE *f, const char *prog, const struct rk_error *e);

/* The one-line summary of the exit codes, for --help texts. */
extern const char rk_exit_codes_help[];

#endif
