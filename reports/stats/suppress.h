/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_SUPPRESS_H
#define RECKON_SUPPRESS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Small-count suppression for the brief (issue 7): which published counts
 * of one source's table are withheld.  Pure: no I/O.
 *
 * A table holds every number the brief publishes for one source and one
 * indicator, as "items":
 *
 *   - a cell at coordinates (one id per dimension, the period being one of
 *     them; SUPP_ALL where the number is not broken down by that
 *     dimension).  A cell with no finer cell under it is a base cell; any
 *     other cell stands for the sum of the base cells under it (the
 *     reader of the brief may assume so even where the source's own total
 *     differs from the sum of its parts);
 *   - a sum of other items (a total over a selection of cells, such as
 *     the cells both sources report).
 *
 * Primary suppression: an item whose value v is 0 < v < k is withheld and
 * shown as "<k".
 *
 * Secondary suppression, by perturbation boxes (the hypercube method of
 * Repsilber, on base cells): for each primary item, pick a base cell p in
 * it and a box of base cells around p (p alone, or p with its values
 * swapped in one to four dimensions: 1, 2, 4, 8 or 16 corners), add +1 and
 * -1 alternately on the corners, and look at what changes.  Every published item whose sum
 * changes must be withheld too (it becomes secondary); the box is
 * admissible when some step t = +1 or -1 keeps every withheld item inside
 * what a reader knows of it: a primary in [1, k-1], a secondary in
 * [k, inf) (zeros are never made secondary).  Of the admissible boxes the
 * one that withholds the least (by value, totals weighing more) is taken.
 *
 * The guarantee: for every withheld item the module holds such a box, a
 * second table that agrees with every published number, every difference
 * and every total, and with what the "<k" and secondary marks say, but in
 * which that item has another value.  No withheld value can therefore be
 * derived.  supp_check re-verifies every box independently of the search.
 * When a table has an item for which no box is found within the search
 * budget, every non-zero item of the table is withheld (supp_withheld_all)
 * and the boxes are searched again.  If even that leaves a small count
 * unprotected, its "<k" mark is what gives it away (k-1 counts of 1 under
 * a total of k-1 can be nothing else): such counts are masked, shown as
 * withheld with nothing said of their size (SUPP_MASKED, range [1, inf)),
 * and searched again, which always succeeds.  An item whose base cells
 * are all 0 (a total that is not the sum of its parts) is protected by
 * that alone: no box can move it and no sum gives it.
 *
 * Ownership: the table copies what it is given; supp_free frees it.
 */

#define SUPP_ALL UINT32_MAX      /* "all" in a dimension: not broken down */
#define SUPP_MAX_DIMS 10

enum supp_state {
	SUPP_SHOWN = 0,
	SUPP_PRIMARY,            /* 0 < value < k: shown as "<k" */
	SUPP_SECONDARY,          /* withheld so that no primary can be derived */
	SUPP_MASKED              /* 0 < value < k, but shown as withheld: its
				    "<k" mark alone would give it away */
};

struct supp_table;

/*
 * A table with ndims dimensions (1..SUPP_MAX_DIMS) and threshold k (counts
 * 0 < v < k are primary; k < 2 suppresses nothing).  NULL when out of
 * memory or ndims is out of range.
 */
struct supp_table *supp_new(size_t ndims, double k);

/*
 * The item of the cell at coord[0..ndims) (copied) with value; a cell
 * added twice is one item (the first value stays).  Returns the item id
 * (0, 1, 2 ... in the order first added), or -1 when out of memory.
 * Items may not be added after supp_run.
 */
long supp_cell(struct supp_table *t, const uint32_t *coord, double value);

/*
 * An item for the sum of the items ids[0..n) (their base cells, each
 * counted once) with value.  Returns the item id, or -1 when out of memory
 * or an id is unknown.
 */
long supp_sum(struct supp_table *t, const size_t *ids, size_t n, double value);

/*
 * Decides what is withheld.  Returns 0, or -1 when out of memory (the
 * table is then unusable except for supp_free).
 */
int supp_run(struct supp_table *t);

/* The state of item id (SUPP_SHOWN before supp_run). */
enum supp_state supp_state(const struct supp_table *t, size_t id);

/* Items, primaries and secondaries. */
size_t supp_items(const struct supp_table *t);
size_t supp_primary(const struct supp_table *t);
size_t supp_secondary(const struct supp_table *t);

/* Small counts masked (shown as withheld: SUPP_MASKED). */
size_t supp_masked(const struct supp_table *t);

/* 1 when no box could be found and every non-zero item was withheld. */
int supp_withheld_all(const struct supp_table *t);

/*
 * Re-verifies the boxes: every withheld item changes in at least one box,
 * and in every box each item whose sum changes is withheld and stays in its
 * range.  Returns the number of withheld items without such a box (0 when
 * the guarantee holds).
 */
size_t supp_check(const struct supp_table *t);

/*
 * The audit (suppress_audit.c, by integer programming with GLPK): for each
 * withheld item i, lo[i] and hi[i] are the least and largest value it can
 * have in an integer table that agrees with every shown item and every
 * mark ("<k": 1 to k-1; "x": k or more, a masked one 1 or more); NaN for
 * shown items and where the solver fails; hi INFINITY when nothing bounds
 * it.  lo and hi hold supp_items(t) numbers.  Returns 0, or -1 when out of
 * memory.
 */
int supp_audit(const struct supp_table *t, double *lo, double *hi);

/*
 * The audit as the brief needs it: the same, except that the search for
 * an item's extreme stops once an integer table shows it far enough (a
 * "<k" count reaching 1 and k - 1, any other withheld item k - 1
 * consecutive values), and gives up after a fixed number of
 * branch-and-bound nodes.  So lo and hi are values that consistent integer
 * tables reach (never beyond the true extremes), exact where the interval
 * is narrower than the protection; supp_audit_wide_enough on them holds
 * only where the true interval is wide enough.
 */
int supp_audit_protects(const struct supp_table *t, double *lo, double *hi);

/*
 * Whether the interval [lo, hi] protects withheld item i: a "<k" count can
 * be any of 1 .. k-1 (nothing is learnt beyond its mark), any other
 * withheld item any of at least as many (k - 1) consecutive values.
 */
int supp_audit_wide_enough(const struct supp_table *t, size_t i, double lo,
			   double hi);

/*
 * Complementary suppression for the items failing[i] marks (withheld items
 * whose audited interval is too narrow): shown items are withheld, the
 * cheapest first (small cells before totals), while each widens the
 * interval, until it is wide enough.  Returns 1 when every marked item is
 * then wide enough, 0 when one could not be widened, -1 when out of memory.
 */
int supp_widen(struct supp_table *t, const unsigned char *failing);

/*
 * Withholds more after a failed audit: the whole table first (every
 * non-zero item), then the small counts failing[i] marks are masked (shown
 * as "x"), then, when none of them is small, every small count.  Returns 1 when it withheld more, 0 when there is nothing more
 * to do, -1 when out of memory.
 */
int supp_escalate(struct supp_table *t, const unsigned char *failing);

/* Frees; accepts NULL. */
void supp_free(struct supp_table *t);

#endif
