/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_PERIOD_MEMO_H
#define RECKON_PERIOD_MEMO_H

#include "error.h"
#include "period.h"
#include "period_map.h"

/*
 * rk_period_parse_opts, remembered per distinct label: a million rows hold
 * a few dozen period labels.  A label the period map lists takes the map's
 * period, before any rule.
 */
struct period_memo;

/* opts and map (both may be NULL) are borrowed and must outlive the memo. */
struct period_memo *period_memo_new(const struct rk_period_opts *opts,
				    const struct rk_period_map *map);

/*
 * Parses label (or recalls it).  Returns 0 with *p set, 1 when the label
 * is not a period (*why then points at the reason, owned by the memo and
 * valid while it lives), -1 when out of memory (err set).
 */
int period_memo_get(struct period_memo *m, const char *label,
		    struct rk_period *p, const char **why,
		    struct rk_error *err);

void period_memo_free(struct period_memo *m);

#endif
