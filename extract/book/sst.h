/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_SST_H
#define RECKON_SST_H

#include <stddef.h>

#include "error.h"
#include "xmlzip.h"

/*
 * The shared-string table of an xlsx (xl/sharedStrings.xml), held in one
 * arena with an offset table.  Each item is its plain <t> followed by its
 * rich-text runs, phonetic runs left out, _xHHHH_ escapes decoded.
 * Caps: SST_MAX_COUNT items, SST_MAX_BYTES of text, SST_MAX_ITEM bytes a
 * string.
 */

#define SST_MAX_COUNT (32u << 20)
#define SST_MAX_BYTES ((size_t)2 << 30)
#define SST_MAX_ITEM ((size_t)4 << 20)

struct sst;

/*
 * Reads the table from entry idx of z.  Returns NULL with err set
 * (RK_EXIT_DATAERR for malformed XML or a cap breached).
 */
struct sst *sst_load(struct xmlzip *z, long idx, struct rk_error *err);

/* The number of items. */
size_t sst_count(const struct sst *t);

/* Item i (< sst_count); *len its length.  Valid while t lives. */
const char *sst_get(const struct sst *t, size_t i, size_t *len);

/* Frees; accepts NULL. */
void sst_free(struct sst *t);

#endif
