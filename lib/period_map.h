/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_PERIOD_MAP_H
#define RECKON_PERIOD_MAP_H

#include <stddef.h>

#include "error.h"
#include "period.h"

/*
 * A period map (issue 18): the period of each label text no rule of
 * period.h reads ("отчётный период 3", "2001–2007 (без 2004)"), from a CSV
 * in git (`period.map` in the config) with the header text,period (more
 * columns allowed, in any order).  A text matches when its bytes are equal;
 * the period is written in a form rk_period_parse reads without settings:
 * best the tidy form (2024-Q3, 2004-04/2005-03, 2000-01/2007-12).
 */
struct rk_period_map;

/*
 * Reads the map at path.  Returns it (the caller frees it with
 * rk_period_map_free), or NULL with err set: RK_EXIT_NOINPUT when it
 * cannot be opened, RK_EXIT_CONFIG for a missing column, a period that
 * does not parse or a text listed twice (naming the line).
 */
struct rk_period_map *rk_period_map_load(const char *path,
					 struct rk_error *err);

/* The period of text[0..len): 0 with *p set, or -1 when it is not listed. */
int rk_period_map_find(const struct rk_period_map *m, const char *text,
		       size_t len, struct rk_period *p);

/* Frees the map; accepts NULL. */
void rk_period_map_free(struct rk_period_map *m);

#endif
