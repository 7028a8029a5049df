/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_RUN_H
#define RECKON_COMPARE_RUN_H

#include <stddef.h>

#include "mse.h"
#include "config.h"
#include "error.h"

/* --edition-of, --previous-edition-of: what a source's edition is called. */
struct compare_edition_name {
	const char *source, *name;
	int previous;                     /* its edition in the --previous
					     files; 0: in the --from files */
};

/*
 * What reckon-compare is asked to do.  Comparisons come from the config's
 * compare entries, or ad hoc from reference/against (every indicator both
 * have, or only indicator).  Observations come from the tidy files or
 * from the database.  Everything is borrowed.
 */
struct compare_request {
	const struct rk_config *config;   /* NULL: ad hoc */
	const char *reference;            /* ad hoc */
	char *const *against;             /* ad hoc */
	size_t nagainst;
	const char *indicator;            /* ad hoc; NULL: all */
	double alpha;                     /* ad hoc, or overriding the config
					     when > 0 */
	char *const *from;                /* tidy files */
	size_t nfrom;
	char *const *previous;            /* tidy files of the sources'
					     editions before (no database):
					     revisions.csv */
	size_t nprevious;
	const struct compare_edition_name *names; /* the editions' names in
					     revisions.csv; a source not
					     named is named by its file */
	size_t nnames;
	int use_db;                       /* read the database instead */
	const char *db;                   /* --db; NULL: RECKON_DB etc. */
	const char *as_of;                /* with use_db: the editions
					     current on this day
					     (YYYY-MM-DD); NULL: the latest */
	const char *editions;             /* with use_db: an editions.csv
					     naming the editions to read
					     (reckon verify); NULL */
	const char *run_id;               /* with use_db: record the cells
					     in reckon.discrepancy under it;
					     NULL: do not */
	const char *out;                  /* the results directory */
	const struct mse_list *cases;     /* record-level lists; may be 0 */
	size_t ncases;
	const char *key;                  /* their linkage key column */
	char *const *stocks;              /* --stock: indicators that are
					     counts on a date, beside the
					     code list's type stock */
	size_t nstocks;
	int no_rounding;                  /* --no-rounding: the analyst's
					     results, on the true counts,
					     whatever report.rounding says */
};

/* What was found, for a closing line on a terminal. */
struct compare_totals {
	size_t pairs, cells, significant, only_a, only_b;
};

/*
 * Reads, aligns, measures and writes the results under q->out; from the
 * database, also editions.csv and revisions.csv (editions.h,
 * revisions.h).  Returns
 * 0, or -1 with err set (nothing is left under q->out then).
 */
int compare_run(const struct compare_request *q, struct compare_totals *t,
		struct rk_error *err);

#endif
