/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_GROW_H
#define RECKON_GROW_H

#include <stddef.h>

/*
 * Makes the array *p (of *cap elements of elem bytes) hold at least need
 * elements, doubling its capacity (from 16) so that appending is amortised
 * constant time.  On success *p and *cap are updated and 0 is returned; on
 * overflow or allocation failure -1, with *p and *cap untouched.
 */
int rk_grow(void **p, size_t *cap, size_t need, size_t elem);

#endif
