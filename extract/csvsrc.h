/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CSVSRC_H
#define RECKON_CSVSRC_H

#include <stdio.h>

#include "error.h"
#include "layout.h"
#include "progress.h"
#include "text.h"
#include "tidy.h"

/* Delimited text as an extraction source. */

struct csvsrc_opts {
	enum rk_encoding encoding;   /* RK_ENC_AUTO to detect */
	unsigned char delimiter;     /* 0 to sniff */
	/* called every few thousand input rows with the count so far; NULL */
	rk_progress_fn *progress;
	void *progress_arg;
	char *warning;               /* out, warning_size bytes: "name: "
					and the text reader's warning; left
					alone when there is none; NULL */
	size_t warning_size;
};

/*
 * Streams the rows of in (name: how errors call it) through the layout
 * engine into w.  Returns 0, or -1 with err set.
 */
int csvsrc_extract(FILE *in, const char *name, const struct csvsrc_opts *o,
		   struct layout *L, struct tidy_writer *w, struct rk_error *err);

/*
 * Writes the cells view (sheet,cell,type,value) of in: one row per
 * non-empty cell; plain decimal numbers are type n in their shortest form,
 * everything else type s.  sheet names the table in the sheet column.
 */
int csvsrc_cells(FILE *in, const char *name, const char *sheet,
		 const struct csvsrc_opts *o, struct tidy_writer *w,
		 struct rk_error *err);

/* Parses a --delimiter or config delimiter: one character, "tab", "\t". */
/*
 * Hands each row of in (decoded and parsed as csvsrc_extract does) to fn,
 * which returns 0 to go on or -1 with err set.  Returns 0, or -1 with err
 * set.
 */
struct csvr_row;
int csvsrc_rows(FILE *in, const char *name, const struct csvsrc_opts *o,
		int (*fn)(void *arg, const struct csvr_row *row,
			  struct rk_error *err),
		void *arg, struct rk_error *err);

int csvsrc_parse_delimiter(const char *s, unsigned char *out);

#endif
