/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_JSONDOC_H
#define RECKON_JSONDOC_H

#include <stddef.h>

#include "error.h"

/*
 * A JSON document read back (the run manifest), parsed by libyaml: JSON
 * as reckon writes it is YAML.  Nodes are small positive integers valid
 * while the document lives; 0 means "no such node".  Strings returned are
 * borrowed from the document.
 */
struct jsondoc;

/*
 * Reads path.  Returns NULL with err set: RK_EXIT_NOINPUT when it cannot
 * be read, RK_EXIT_DATAERR when it is not a JSON object.
 */
struct jsondoc *jsondoc_load(const char *path, struct rk_error *err);

void jsondoc_free(struct jsondoc *d);

/* The top-level object. */
int jsondoc_root(const struct jsondoc *d);

/* The member key of an object node, or 0. */
int jsondoc_get(const struct jsondoc *d, int node, const char *key);

/* A scalar's text; NULL for null, a missing node or a container. */
const char *jsondoc_str(const struct jsondoc *d, int node);

/* The items of an array node (0 for anything else), and item i. */
size_t jsondoc_count(const struct jsondoc *d, int node);
int jsondoc_at(const struct jsondoc *d, int node, size_t i);

/*
 * Compares two documents' trees, leaving out the top-level member skip
 * (may be NULL).  Returns 0 when they are equal, else 1 with the first
 * difference described in where ("stages[3].rows: 23, now 24").
 */
int jsondoc_diff(const struct jsondoc *a, const struct jsondoc *b,
		 const char *skip, char *where, size_t n);

#endif
