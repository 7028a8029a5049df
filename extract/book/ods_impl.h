/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_ODS_IMPL_H
#define RECKON_ODS_IMPL_H

/*
 * The ods reader's parser of content.xml, shared by the book (a first pass
 * for the table names and their spanned cells) and the sheets (a pass that
 * reads one table's values).
 */

#include "book_impl.h"
#include "bytebuf.h"
#include "xmlzip.h"

#define ODS_MAX_CELLS 10000000UL     /* non-empty cells after expanding repeats */
#define ODS_MAX_MERGES 1000000
#define ODS_MAX_SHEETS 100000

/* The spanned (merged) cells of one table. */
struct ods_spans {
	struct sheet_range *v;
	size_t n, cap;
};

struct ods_book {
	struct book base;
	struct xmlzip *zip;
	long content;                    /* zip entry of content.xml */
	struct ods_spans *spans;         /* per sheet, from the first pass */
};

enum ods_value { V_NONE, V_FLOAT, V_DATE, V_TIME, V_BOOL, V_STRING };

struct ods_cell {
	long col;
	char type;
	size_t off, len;                 /* text in the arena */
};

struct ods_parser {
	struct xmlzip_user u;
	struct ods_book *b;
	int scan;                        /* first pass: names and spans only */
	long want;                       /* sheet pass: the table to read */

	long depth, body_depth, table_depth, container_depth, row_depth;
	long cell_depth, para_depth, skip_depth;
	long tables;                     /* tables started so far */
	int in_table;                    /* inside the table that matters */
	int done;

	long row, col;                   /* 1-based row, 0-based column */
	long row_rep, cell_rep, col_span, row_span;
	int covered, error_type, has_string_value, paras;
	enum ods_value vt;
	struct bytebuf attr, text;

	struct ods_cell *cells;          /* of the current row */
	size_t ncells, capcells;
	struct bytebuf arena;
	unsigned long total;             /* non-empty cells, expanded */

	/* first pass results (owned by the book once taken) */
	struct bytebuf names;            /* NUL-separated table names */
	struct ods_spans *spans;         /* per table */
	size_t capspans;
};

/* Sets up p for a pass over content.xml.  Returns -1 with err set. */
int ods_parser_init(struct ods_parser *p, struct ods_book *b, int scan,
		    long want, struct rk_error *err);

void ods_parser_release(struct ods_parser *p);

struct sheet *ods_sheet_open(struct book *b, size_t i, struct rk_error *err);
int ods_sheet_next(struct sheet *s, struct sheet_row *row, struct rk_error *err);
void ods_sheet_close(struct sheet *s);

#endif
