/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_CELLS_H
#define RECKON_COMPARE_CELLS_H

#include <stddef.h>

#include "align.h"

/*
 * The per-cell figures of cells.csv.  A cell one source lacks is a
 * coverage row (only_a, only_b); then a value reported as missing on
 * either side is `missing`; 0 vs 0 carries no information and is never
 * divided; every other pair of counts is tested: the exact conditional
 * binomial test of b against a + b at 1/2 (central two-sided p), the
 * Clopper-Pearson 95 % interval mapped to b / a, and Benjamini-Hochberg
 * q-values over the tested cells of the alignment.  Values that are not
 * counts (negative, fractional) are compared but not tested: their flag is
 * CELL_UNTESTED (written empty).  A value that is not a complete count (a
 * row with a status: provisional, incomplete, estimated, footnote) is
 * shown and compared but never tested as if it were one: CELL_QUALIFIED,
 * written as the status that stopped the test.
 */
enum cell_flag {
	CELL_UNTESTED = 0,
	CELL_SIGNIFICANT,
	CELL_WITHIN_NOISE,
	CELL_NO_INFORMATION,
	CELL_ONLY_A,
	CELL_ONLY_B,
	CELL_MISSING,
	CELL_QUALIFIED,
	CELL_TOO_FEW,       /* not significant, and too few events to tell
			       even a twofold difference (exact_too_few) */
	CELL_WITHHELD       /* a source withheld it itself (suppressed) */
};

struct cell_stats {
	double diff;        /* b - a */
	double sym_pct;     /* 100 (b - a) / ((a + b) / 2) */
	double ratio, lo, hi; /* b / a and its interval */
	double p, q;
	enum cell_flag flag;
	const char *qualifier;  /* CELL_QUALIFIED: the status (borrowed from
				   the set); else NULL */
};

/* The level of every interval reckon-compare writes. */
#define CELLS_LEVEL 0.95

/*
 * Fills st[0 .. al->n) for the alignment; q below alpha is significant.
 * Undefined figures are NaN.  Returns 0, or -1 when out of memory.
 */
int cells_compute(const struct alignment *al, double alpha,
		  struct cell_stats *st);

/* "significant", "within_noise", ...; "" for CELL_UNTESTED. */
const char *cells_flag_name(enum cell_flag f);

/* The flag column of a cell: its flag's name, or the status that kept a
 * qualified cell from being tested ("provisional"). */
const char *cells_flag_text(const struct cell_stats *st);

#endif
