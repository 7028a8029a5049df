/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_SUMMARY_H
#define RECKON_COMPARE_SUMMARY_H

#include <stddef.h>

#include "align.h"
#include "cells.h"
#include "../stats/agree.h"
#include "../stats/exact.h"

/*
 * One row of summary.csv: a reference-against pair of one compare entry.
 * Totals, correlations and agreement are over the compared cells (both
 * sides have a value); coverage counts the rest.
 */
struct summary {
	char breakdown[256];        /* compared dimensions, "|"-joined */
	char summed_out[512];       /* e.g. "sex from wol" */
	size_t cells, compared, tested, significant;
	size_t only_a, only_b, missing, no_information, untested;
	size_t qualified;         /* cells with a status: shown, not tested */
	size_t too_few;           /* tested, not significant, and too few
				     events to tell a twofold difference */
	double total_a, total_b;
	struct exact_ratio total;   /* total_b / total_a: exact, or
				       quasi-Poisson when quasi */
	int quasi;                  /* the cells vary more than Poisson */
	double dispersion;          /* Pearson X^2 / df over the cells */
	struct agree agree;
	char note[1024];            /* why figures are empty, and what was
				       done; "; "-joined */
};

/*
 * Fills s from the alignment and its cell figures.  Returns 0, or -1 when
 * out of memory.
 */
int summary_compute(const struct alignment *al, const struct cell_stats *st,
		    struct summary *s);

/* Appends to s->note ("; "-joined), cut to fit. */
__attribute__((format(printf, 2, 3)))
void summary_note(struct summary *s, const char *fmt, ...);

#endif
