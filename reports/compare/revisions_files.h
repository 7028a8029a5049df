/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_REVISIONS_FILES_H
#define RECKON_COMPARE_REVISIONS_FILES_H

#include "error.h"
#include "obs_set.h"
#include "revisions.h"
#include "run.h"

/*
 * Revisions without a database (issue 22): each source that the tidy
 * files of its edition before (reckon-compare --previous) hold, against
 * the same source in the current files.  Cells pair on (source,
 * indicator, period, cur's dimensions); a value or status that differs is
 * revised, a cell only in cur added, one only in prev withdrawn.  An
 * edition is named as names says (n of them), else by the file its rows
 * came from.  Appends the rows to r
 * (made by compare_revisions_new for cur) in source, indicator, period,
 * dimensions order.  Returns 0, or -1 with err set (out of memory).
 */
int compare_revisions_files(struct compare_revisions *r,
			    const struct obs_set *prev,
			    const struct obs_set *cur,
			    const struct compare_edition_name *names, size_t n,
			    struct rk_error *err);

#endif
