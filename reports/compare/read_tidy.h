/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COMPARE_READ_TIDY_H
#define RECKON_COMPARE_READ_TIDY_H

#include "obs_set.h"
#include "error.h"

/*
 * Reads the tidy observation file at path ("-" for stdin) into s.  Its
 * dimension columns are matched to s's by name; a dimension s lacks is
 * added.  Rows the selection of s does not want are skipped.  Returns 0,
 * or -1 with err set: the tidy reader's errors (RK_EXIT_NOINPUT,
 * RK_EXIT_DATAERR) and obs_set_add's.
 */
int compare_read_tidy(struct obs_set *s, const char *path,
		      struct rk_error *err);

#endif
