/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_DIMSKEY_H
#define RECKON_DIMSKEY_H

#include <stddef.h>

#include "error.h"

/*
 * The canonical key of an observation's dimensions: a JSON object of the
 * dimensions that are not empty, written exactly as PostgreSQL prints that
 * object as jsonb (keys shorter first, then byte order; ": " and ", ";
 * its string escapes).  So key = dims::text in the warehouse, and the
 * same cell keys the same whatever the order of a file's dimension
 * columns, and whether a file carries extra dimensions left empty
 * ("not broken down").
 *
 *   region=TJ-SU, sex=F, age=""   ->   {"sex": "F", "region": "TJ-SU"}
 */
struct dimskey;

/*
 * Prepares keys for a file whose dimension columns are names[0..n).
 * Returns NULL with err set (RK_EXIT_DATAERR, line 1 of file) for an empty
 * or repeated dimension name.
 */
struct dimskey *dimskey_new(char *const *names, size_t n, const char *file,
			    struct rk_error *err);

/*
 * The key of one row's dimension values (n of them, in the file's order);
 * *len gets its length.  Borrowed until the next call or dimskey_free;
 * NULL when memory runs out.
 */
const char *dimskey_make(struct dimskey *k, const char *const *values,
			 size_t *len);

/* Frees; accepts NULL. */
void dimskey_free(struct dimskey *k);

#endif
