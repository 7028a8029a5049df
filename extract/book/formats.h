/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BOOK_FORMATS_H
#define RECKON_BOOK_FORMATS_H

/*
 * The format readers, as the factory (open.c) calls them.  Each returns a
 * book whose ops, sheets and nsheets are filled (name is set by
 * book_open), or NULL with err set; book_close frees it.
 */

#include "book_impl.h"

struct book *xlsx_book_open(const char *path, const char *name,
			    struct rk_error *err);
struct book *ods_book_open(const char *path, const char *name,
			   struct rk_error *err);
struct book *xls_book_open(const char *path, const char *name,
			   struct rk_error *err);

#endif
