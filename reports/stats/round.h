/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_ROUND_H
#define RECKON_ROUND_H

#include <stddef.h>
#include <stdint.h>

/*
 * Controlled rounding (issue 16): a protected table's counts published as
 * multiples of a base b (3, 5 or 10) instead of being withheld.  Pure: no
 * I/O.
 *
 * Each count v goes to one of the two multiples of b next to it (a
 * multiple stays as it is: zero-restricted rounding), and where the table
 * says a count is the sum of others (a total and its parts), the rounded
 * total is the sum of the rounded parts, so that the published table adds
 * up and its sums tell nothing beyond what its counts do.  Which way each
 * count goes is random, up with probability (v mod b) / b, so that
 * rounding is unbiased; the random numbers come from a seed made from the
 * whole table (every key and value), so the same table always rounds the
 * same way, while a reader who does not hold the table cannot know them.
 * Where a total and its parts force a choice, the fewest counts are
 * turned from their random direction (integer programming with GLPK, one
 * problem per group of counts linked by sums).  Where no rounding can
 * keep every sum (it can happen with three or more ways of summing the
 * same counts), a total is published as the sum of its rounded parts.
 *
 * The guarantee, checked by rnd_audit: given every rounded count and
 * every sum, each count could be any of at least b consecutive values.
 */

struct rnd_table;

/* A table rounding to multiples of base (>= 2); NULL when out of memory. */
struct rnd_table *rnd_new(long base);

/*
 * An item: a count (>= 0) with the key that names it (bytes, copied; it
 * seeds the random direction and orders the items).  Returns the item id
 * (0, 1, 2 ... in the order added), or -1 when out of memory or value is
 * not a finite number >= 0.
 */
long rnd_item(struct rnd_table *t, const void *key, size_t keylen,
	      double value);

/*
 * Says that item total is the sum of items parts[0..n) (n >= 1).  Taken
 * only where it holds for the values given (a source's total that is not
 * the sum of its parts is rounded on its own).  Returns 1 when taken, 0
 * when not, -1 when out of memory or an id is unknown.
 */
int rnd_sum(struct rnd_table *t, size_t total, const size_t *parts, size_t n);

/*
 * Rounds.  Returns 0, or -1 when out of memory or the solver failed.
 */
int rnd_run(struct rnd_table *t);

/* The rounded value of item id (its value before rnd_run). */
double rnd_value(const struct rnd_table *t, size_t id);

/* Items, and those whose value changed. */
size_t rnd_items(const struct rnd_table *t);
size_t rnd_changed(const struct rnd_table *t);

/* Sums that could not be kept (each such total is its parts' sum). */
size_t rnd_broken(const struct rnd_table *t);

/*
 * The audit: for every item i, lo[i] and hi[i] are the least and largest
 * value it can have in an integer table that rounds to what was published
 * (each count within b - 1 of its rounded value and not below 0; a total
 * published as its parts' sum only that) and keeps every sum.  lo and hi
 * hold rnd_items(t) numbers.  Returns 0, or -1 when out of memory or the
 * solver failed.
 */
int rnd_audit(const struct rnd_table *t, double *lo, double *hi);

/* Whether [lo, hi] holds at least b values: the guarantee. */
int rnd_audit_wide_enough(const struct rnd_table *t, double lo, double hi);

/* Frees; accepts NULL. */
void rnd_free(struct rnd_table *t);

#endif
