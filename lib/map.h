/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_MAP_H
#define RECKON_MAP_H

#include <stddef.h>

/*
 * A hash map from byte strings to size_t values: the memo tables and
 * indexes of the normaliser and the code lists.  Values are usually
 * indexes into an array the caller owns.
 *
 * Keys are copied into the map (into large blocks, not one allocation per
 * key), stored with a NUL after them so that text keys can be used as C
 * strings, and stay valid at the same address until rk_map_free.
 */
struct rk_map;

/* An empty map, or NULL when out of memory. */
struct rk_map *rk_map_new(void);

/* 1 and *value set when key[0..len) is present, else 0. value may be NULL. */
int rk_map_get(const struct rk_map *m, const void *key, size_t len,
	       size_t *value);

/*
 * Adds key → value unless key is present.  Returns 1 when added, 0 when
 * present (*value is then left alone in the map; *old, if not NULL, gets
 * the value already there), -1 when out of memory.  *stored, if not NULL,
 * gets the map's copy of the key either way.
 */
int rk_map_put(struct rk_map *m, const void *key, size_t len, size_t value,
	       size_t *old, const char **stored);

/* How many keys. */
size_t rk_map_count(const struct rk_map *m);

/* Frees the map and its keys; accepts NULL. */
void rk_map_free(struct rk_map *m);

#endif
