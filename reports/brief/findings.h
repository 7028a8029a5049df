/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_FINDINGS_H
#define RECKON_BRIEF_FINDINGS_H

#include <stddef.h>

/*
 * The findings of one comparison as plain sentences in English or Russian,
 * from its results.  Pure: the caller gathers the figures.  A sentence is
 * only written when the figures it states are there and published: a
 * small total is "fewer than k", a total withheld to protect one is
 * "withheld", and neither gets a ratio; "larger than chance"
 * only with p below alpha; "no clear sign" (never "no difference") when
 * p is not.
 */
struct brief_facts {
	const char *lang;              /* "en", "ru" or "tg" */
	const char *indicator;         /* label, as written */
	const char *a, *b;             /* source names */
	const char *a_gen, *b_gen;     /* in the genitive (Russian, from
					  name_ru), or NULL */
	double alpha;
	long k;                        /* suppress_below, 0 none */

	/* totals over the cells both report (summary.csv); NaN unknown */
	double total_a, total_b, ratio, lo, hi, p;
	int mark_a, mark_b;            /* enum brief_mark of the totals:
					  small (shown "<k") or withheld */
	double compared;               /* cells both report */

	/* cells (summary.csv), NaN unknown */
	double tested, significant, only_a, only_b, missing;
	double too_few;                /* tested, not significant, too few
					  cases to tell a twofold gap */
	double qualified;              /* compared cells with a figure its
					  source qualifies (provisional ...) */
	char qualified_what[160];      /* which, in the sheet's language:
					  "provisional: Prosecutor General's
					  Office, Q3 2024" */
	const char *gap_where;         /* the largest significant gap with
					  both counts published, or NULL */
	double gap_a, gap_b;
	size_t gap_row;                /* its row of cells.csv */

	/* trend.csv interaction, NaN unknown */
	double trend, trend_lo, trend_hi, trend_p, periods;
	const char *per;               /* "quarter", "month", "year", "half" */

	/* agreement: Lin's CCC, NaN unknown */
	double ccc, ccc_lo, ccc_hi;

	/* distribution: the first compared dimension, NaN unknown */
	const char *dist_dim;          /* its label */
	double dist_p;
};

#define BRIEF_SENTENCE_MAX 768
#define BRIEF_FINDINGS_MAX 6

/* What a finding is about: where its figures are. */
enum brief_finding {
	BRIEF_FINDING_TOTALS,          /* the headline row */
	BRIEF_FINDING_CELLS,           /* the pair's cell table */
	BRIEF_FINDING_COVERAGE,        /* the pair's cell table */
	BRIEF_FINDING_TREND,           /* the Trend sheet */
	BRIEF_FINDING_CCC,             /* the Agreement sheet */
	BRIEF_FINDING_DIST             /* the Distribution sheet */
};

/*
 * Writes up to BRIEF_FINDINGS_MAX sentences into out; returns how many.
 * brief_findings_kinds also says what each is about (kind[i], when kind
 * is not NULL).
 */
size_t brief_findings(const struct brief_facts *f,
		      char out[][BRIEF_SENTENCE_MAX]);
size_t brief_findings_kinds(const struct brief_facts *f,
			    char out[][BRIEF_SENTENCE_MAX],
			    enum brief_finding *kind);

/* "p < 0.001", "p = 0.034" (a comma in Russian), into buf. */
char *brief_p_text(const char *lang, double p, char *buf, size_t size);

#endif
