/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_BOOK_H
#define RECKON_BRIEF_BOOK_H

#include <stddef.h>

#include <xlsxwriter.h>

#include "error.h"

/*
 * The workbook of the brief on libxlsxwriter: its formats, sheets with
 * unique valid names and the print setup, and writers that never turn
 * data into a formula (every text goes through worksheet_write_string).
 * The file is written under a temporary name beside the target and renamed
 * over it by brief_book_commit: whole or not at all.
 */

struct brief_formats {
	lxw_format *title, *subtitle, *heading, *note, *note_wrap, *text;
	lxw_format *wrap, *bold, *label;  /* label: bold, wrapped */
	lxw_format *indent, *head_indent; /* text after a number column */
	lxw_format *head, *head_num;      /* table headers */
	lxw_format *count, *decimal, *ratio, *pct, *pval, *stat, *mark;
	lxw_format *count_plain;          /* a chart's count in Russian or
					     Tajik: no English ',' between
					     thousands */
	lxw_format *code;
	lxw_format *flag_sig, *flag_gap, *flag_missing;   /* conditional */
	lxw_format *link;                 /* a link inside the workbook */
};

/* A place a link can go to: a key, the sheet and cell it names. */
struct brief_anchor {
	char *key, *sheet;
	lxw_row_t row;
	lxw_col_t col;
};

/* A cell that becomes a link to the anchor of its key, if there is one. */
struct brief_link {
	lxw_worksheet *ws;
	lxw_row_t row;
	lxw_col_t col;
	char *key, *text;
	lxw_format *f;
};

struct brief_book {
	lxw_workbook *wb;
	struct brief_formats f;
	char *path, *tmp;
	char **names;                     /* sheet names in use */
	size_t nnames;
	char footer[256];                 /* every footer's left part */
	char header[256];                 /* every sheet's header; "" none */
	long k;                           /* suppress_below, for "<k" */
	struct brief_anchor *anchor;      /* brief_book_anchor */
	size_t nanchor;
	struct brief_link *link;          /* brief_book_link */
	size_t nlink;
};

/*
 * s for a page header or footer into buf: '&' doubled (the codes' mark),
 * cut short on a character boundary.
 */
void brief_book_escape(const char *s, char *buf, size_t size);

/* Document properties (strings borrowed until brief_book_commit). */
struct brief_props {
	const char *title, *subject, *keywords, *comments;
	const char *author;               /* the releasing organisation; NULL:
					     "reckon" */
	long long created;                /* seconds since the epoch, > 0 */
	const char *footer;               /* left part of each footer; NULL */
	const char *header;               /* every page's header; NULL */
};

/*
 * Starts a workbook for path.  Returns NULL with err set: RK_EXIT_CANTCREAT
 * when the temporary file cannot be made beside path.
 */
struct brief_book *brief_book_open(const char *path,
				   const struct brief_props *props, long k,
				   struct rk_error *err);

/*
 * A new sheet named name (made valid: no []:*?/\, at most 31 characters,
 * " (2)" and so on when taken), landscape A4, fitted to the page width,
 * with the book's footer.  NULL with err set when libxlsxwriter fails.
 */
lxw_worksheet *brief_book_sheet(struct brief_book *bk, const char *name,
				struct rk_error *err);

/*
 * Links inside the workbook (issue 20 item 7): a finding links to the row
 * that holds its figures, which may be on a sheet written after it.  A
 * sheet names a place with brief_book_anchor (key: any text, e.g.
 * "ru/cell/12"; the place: row, col of the sheet added last); a cell
 * already holding text asks for a link with brief_book_link.  At commit,
 * each such cell whose key has an anchor is rewritten as an internal
 * hyperlink showing the same text (text, never a formula); a key without
 * an anchor leaves the text as it is.  The first anchor of a key counts.
 * Out of memory, a request is dropped: the text stays, without a link.
 */
void brief_book_anchor(struct brief_book *bk, const char *key, lxw_row_t row,
		       lxw_col_t col);
void brief_book_link(struct brief_book *bk, lxw_worksheet *ws, lxw_row_t row,
		     lxw_col_t col, const char *key, const char *text,
		     lxw_format *f);

/*
 * Sets ws's footer: the book's left part; on the right, the sheet's name
 * and its page number after word ("page", "стр."; NULL: the number
 * alone).  brief_book_sheet sets it with NULL.
 */
void brief_book_footer(const struct brief_book *bk, lxw_worksheet *ws,
		       const char *word);

/*
 * Closes the workbook and renames it into place.  Returns 0, or -1 with
 * err set (RK_EXIT_IOERR) after removing the temporary file.  Frees bk
 * either way.
 */
int brief_book_commit(struct brief_book *bk, struct rk_error *err);

/* Drops the workbook and its temporary file; accepts NULL. */
void brief_book_abort(struct brief_book *bk);

/* ---- writing cells ---- */

/* Text as text, never a formula; "" and NULL write nothing. */
void brief_put_str(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		   lxw_format *f);

/* x rounded as format f shows it (General: 10 significant digits). */
double brief_shown_value(const lxw_format *f, double x);

/*
 * A number, stored as f shows it (brief_shown_value); NaN and infinities
 * write nothing.
 */
void brief_put_num(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double x,
		   lxw_format *f);

/*
 * A published count under its mark (enum brief_mark): the number, "<k"
 * for a small count, "x" for one withheld to protect another.
 */
void brief_put_count(const struct brief_book *bk, lxw_worksheet *ws,
		     lxw_row_t r, lxw_col_t c, double x, unsigned char mark,
		     lxw_format *f);

/* The text shown for a mark: "<5", "x" (into buf[16]). */
const char *brief_mark_text(const struct brief_book *bk, unsigned char mark,
			    char *buf);

#endif
