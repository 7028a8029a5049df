/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BOOKCELLS_H
#define RECKON_BOOKCELLS_H

#include "book/book.h"
#include "error.h"
#include "tidy.h"

/*
 * The cells view of a workbook (design.md §3, ../shared/corpus/README.md):
 * a header "sheet,cell,type,value", then one row per non-empty cell in
 * sheet, row, column order.  sheet selects one worksheet by name or 1-based
 * number; NULL writes them all.  Returns 0, or -1 with err set
 * (RK_EXIT_USAGE for a sheet that does not exist, else the reader's error).
 */
int bookcells_write(struct book *b, const char *sheet, struct tidy_writer *w,
		    struct rk_error *err);

/*
 * The worksheets of b: a header "index,sheet", then one row per worksheet
 * with its 1-based number and name.  Returns 0, or -1 with err set.
 */
int bookcells_list_sheets(const struct book *b, struct tidy_writer *w,
			  struct rk_error *err);

#endif
