/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BOOK_IMPL_H
#define RECKON_BOOK_IMPL_H

/*
 * What a format reader provides to book.c.  A reader's own book and sheet
 * structs start with struct book / struct sheet, so book.c can hand them
 * out and call back through ops.
 */

#include "book.h"

struct book_ops {
	struct sheet *(*sheet_open)(struct book *b, size_t i,
				    struct rk_error *err);
	int (*next_row)(struct sheet *s, struct sheet_row *row,
			struct rk_error *err);
	void (*sheet_close)(struct sheet *s);
	void (*close)(struct book *b);
	int (*props)(struct book *b, struct book_props *out,
		     struct rk_error *err);     /* NULL: says nothing */
};

struct book {
	const struct book_ops *ops;
	char *name;              /* for errors; owned, freed by book_close */
	char **sheets;           /* worksheet names; owned, freed by book_close */
	size_t nsheets;
};

struct sheet {
	const struct book_ops *ops;
	struct book *book;
	size_t index;
	struct sheet_range *merges;  /* owned, freed by sheet_close */
	size_t nmerges;
};

#endif
