/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CFB_H
#define RECKON_CFB_H

#include <stddef.h>

#include "error.h"

/*
 * A Compound File Binary container (OLE2, [MS-CFB]) held in memory, for
 * the streams of an xls.  Sector chains are checked: a loop, a sector
 * outside the file or a chain that does not end where the stream's size
 * says is an error, never a crash or a hang.
 */

#define CFB_MAX_FILE ((size_t)1 << 30)

struct cfb;

/*
 * Reads the file at path (name is how errors call it).  Returns NULL with
 * err set: RK_EXIT_NOINPUT (unreadable), RK_EXIT_DATAERR (not a valid
 * compound file, or larger than CFB_MAX_FILE).
 */
struct cfb *cfb_open(const char *path, const char *name, struct rk_error *err);

/* Whether a stream of that name (any case) exists. */
int cfb_has(const struct cfb *c, const char *stream);

/*
 * Reads the whole stream named stream (any case) into a malloc'd buffer.
 * Returns 0, 1 when there is no such stream, -1 with err set.
 */
int cfb_read(const struct cfb *c, const char *stream, unsigned char **data,
	     size_t *len, struct rk_error *err);

/* Frees; accepts NULL. */
void cfb_close(struct cfb *c);

#endif
