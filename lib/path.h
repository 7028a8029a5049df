/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_PATH_H
#define RECKON_PATH_H

#include <stddef.h>

/*
 * "dir/name", malloc'd (the caller frees); NULL when out of memory.  dir is
 * taken as given (no slash is added when it already ends in one, so that
 * "/" and "runs/" work), name as given.
 */
char *rk_path_join(const char *dir, const char *name);

/* rk_path_join for the first ndir bytes of dir (a piece of PATH). */
char *rk_path_join_n(const char *dir, size_t ndir, const char *name);

#endif
