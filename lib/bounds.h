/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BOUNDS_H
#define RECKON_BOUNDS_H

#include <stddef.h>

/*
 * The bounds every reader of outside input keeps, so that an endless or
 * hostile input is refused with a message instead of eating memory or
 * time.  Each has a default and an environment variable that overrides it
 * (a number of bytes, with an optional K, M or G suffix: "128M"):
 *
 *   RECKON_MAX_RECORD   one CSV record or line, in bytes (default 64M)
 *   RECKON_MAX_STREAM   the whole of an input that is not a regular file
 *                       (a pipe, a FIFO, a device), in bytes (default 16G)
 *
 * A value that does not parse, or is 0, leaves the default.
 */
size_t rk_bound_record(void);
unsigned long long rk_bound_stream(void);

/* Parses "64M"-style sizes: returns 0 and sets *out, or -1. */
int rk_bound_parse(const char *s, unsigned long long *out);

#endif
