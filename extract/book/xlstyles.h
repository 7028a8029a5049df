/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_XLSTYLES_H
#define RECKON_XLSTYLES_H

#include <stddef.h>

#include "error.h"
#include "numfmt_date.h"
#include "xmlzip.h"

/*
 * The cell formats of an xlsx (xl/styles.xml, cellXfs), reduced to what
 * the reader needs: whether a style's number format makes its numbers
 * dates or durations (numfmt_date_kind on the custom or built-in code).
 */

#define XLSTYLES_MAX 1000000

struct xlstyles;

/* Reads entry idx of z.  Returns NULL with err set. */
struct xlstyles *xlstyles_load(struct xmlzip *z, long idx, struct rk_error *err);

/* The kind of style index s; NUMFMT_NUMBER for an unknown index or NULL styles. */
enum numfmt_kind xlstyles_kind(const struct xlstyles *st, unsigned long s);

/* Frees; accepts NULL. */
void xlstyles_free(struct xlstyles *st);

#endif
