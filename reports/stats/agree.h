/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_STATS_AGREE_H
#define RECKON_STATS_AGREE_H

#include <stddef.h>

/*
 * How well two sources agree over n paired values a[i] (the reference) and
 * b[i].  Every figure that the data cannot define is NaN, and a note says
 * why; nothing here fails otherwise.
 */
enum agree_note {
	AGREE_FEW = 1 << 0,       /* fewer than 3 pairs: no CCC interval (one
				     pair: no correlation either) */
	AGREE_CONSTANT = 1 << 1,  /* a constant series: r, rho undefined */
	AGREE_IDENTICAL = 1 << 2, /* a = b everywhere: CCC = 1, no interval */
	AGREE_NONPOSITIVE = 1 << 3, /* pairs with a zero left out of the
				       log-scale Bland-Altman */
	AGREE_ALLZERO = 1 << 4    /* no pair carries information for sMAPE */
};

struct agree {
	size_t n;                 /* pairs */
	double pearson;           /* Pearson r */
	double spearman;          /* Spearman rho (Pearson on mid-ranks) */
	double ccc, ccc_lo, ccc_hi; /* Lin's CCC; Fisher-z interval (Lin 1989) */
	size_t ba_n;              /* pairs with a > 0 and b > 0 */
	double ba_bias, ba_sd;    /* mean and SD of log(b / a) */
	double gmr, loa_lo, loa_hi; /* exp(bias), exp(bias -+ z sd) */
	double smape;             /* mean |b - a| / ((|a| + |b|) / 2), percent;
				     0-vs-0 pairs left out */
	double wape;              /* sum |b - a| / sum |a|, percent */
	unsigned notes;           /* enum agree_note bits */
};

/*
 * Fills r for the n pairs at the given level (0.95).  Returns 0, or -1
 * when out of memory.
 */
int agree_compute(const double *a, const double *b, size_t n, double level,
		  struct agree *r);

/*
 * Bland-Altman on the scale given: the mean and SD (n - 1) of b[i] - a[i].
 * NaN where n is too small (mean n < 1, SD n < 2).
 */
void agree_bland_altman(const double *a, const double *b, size_t n,
			double *bias, double *sd);

/* Lin's CCC of a and b (moments over n); NaN when undefined. */
double agree_ccc(const double *a, const double *b, size_t n);

#endif
