/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_NUMFMT_H
#define RECKON_NUMFMT_H

/*
 * Numbers as the cells format writes them (../shared/corpus/README.md,
 * "Number rule"): integral values below 2^53 as plain integers; otherwise
 * the shortest digits that read back as the same double, positional for
 * 1e-6 <= |x| < 1e16, else d.ddde±XX.  NUMFMT_MAX bytes are enough.
 */
#define NUMFMT_MAX 40

void numfmt_shortest(double x, char *buf);

#endif
