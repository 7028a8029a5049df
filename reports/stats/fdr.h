/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STATS_FDR_H
#define RECKON_STATS_FDR_H

#include <stddef.h>

/*
 * Benjamini-Hochberg (1995) adjusted p-values (q-values, as R's
 * p.adjust(p, "BH")): q(i) = min over j >= i of min(1, m p(j) / j) on the
 * p-values sorted ascending.  NaN p-values are untested: they get NaN and
 * do not count in m.  q may be p (in place).  Returns 0, or -1 when out of
 * memory.
 */
int fdr_bh(const double *p, size_t n, double *q);

/* How many of the n q-values are below alpha (the BH rejections). */
size_t fdr_rejections(const double *q, size_t n, double alpha);

#endif
