/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_EDITION_H
#define RECKON_EDITION_H

#include "db.h"
#include "error.h"
#include "loadrun.h"

/*
 * The editions of a load (reckon.edition, load/migrations/002_editions.sql):
 * after the merge, each source of the file gets a new edition made by this
 * load when the load changed any of its cells, when it is the source's
 * first, or when label or date differ from the source's latest edition's;
 * a reload of the same figures under the same name adds none.
 */
struct edition_request {
	const char *label;        /* --edition, or NULL */
	const char *date;         /* --edition-date YYYY-MM-DD, or NULL */
	char *const *label_of;    /* SOURCE=LABEL (--edition-of): a source's
				     own, over label; a source the file does
				     not hold is ignored */
	size_t nlabel_of;
	char *const *date_of;     /* SOURCE=YYYY-MM-DD (--edition-date-of) */
	size_t ndate_of;
	const char *sources;      /* the file's sources, a text[] literal */
};

/*
 * Records them inside the load's transaction; *made gets how many.
 * Returns 0, or -1 with err set: RK_EXIT_DATAERR when a new edition would
 * be dated before the source's latest one, or after today (UTC): editions
 * load in date order, so that the edition current on a day is well
 * defined and never one loaded later; the lib/db.h codes for server
 * errors.
 */
int edition_record(struct rk_db *db, const struct load_run *r,
		   const struct edition_request *q, long long *made,
		   struct rk_error *err);

/*
 * Whether s is a date YYYY-MM-DD that exists (the Gregorian calendar,
 * years 1000 to 9999): 1 or 0.
 */
int edition_date_valid(const char *s);

#endif
