/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BOOK_CELLBUF_H
#define RECKON_BOOK_CELLBUF_H

#include <stddef.h>
#include <stdint.h>

#include "book.h"
#include "bytebuf.h"
#include "mergeset.h"

/*
 * The cells a reader has collected and not yet handed out, for the xls
 * reader (a whole sheet) and the xlsx reader (one <row> element): their
 * text in an arena, put in row and column order with the last of
 * duplicates winning (as xlrd and openpyxl do), and handed out a row at a
 * time without the cells merged ranges hide.
 *
 * Set up with cellbuf_init, empty with cellbuf_clear, free what it owns
 * with cellbuf_release.  Limits with their own messages are the reader's:
 * it checks n before each push.
 */
struct cellbuf_cell {
	uint32_t row, col;       /* row 1-based, col 0-based */
	uint32_t seq;            /* arrival: the last of duplicates wins */
	char type;               /* as struct sheet_cell */
	const char *ext;         /* text kept elsewhere (a shared string), or
				    NULL: at off in the arena */
	size_t off, len;
};

struct cellbuf {
	struct cellbuf_cell *cell;   /* owned */
	size_t n, cap, next;         /* next: the first not handed out */
	size_t first, max;           /* growth: the first capacity, the most */
	int unsorted;                /* a cell came before one it follows */
	struct bytebuf arena;        /* owned: the cells' text, NUL after each */
	struct sheet_cell *out;      /* owned: the row handed out */
	size_t capout;
};

/* Zeroes cb; its cells grow from first to at most max. */
void cellbuf_init(struct cellbuf *cb, size_t first, size_t max);

/* Forgets every cell and its text, keeping the memory. */
void cellbuf_clear(struct cellbuf *cb);

/* Makes room for one more cell; returns -1 when out of memory or at max. */
int cellbuf_grow(struct cellbuf *cb);

/*
 * Appends n bytes of text and a NUL to the arena; *off is where they
 * start.  Returns -1 when out of memory.
 */
int cellbuf_text(struct cellbuf *cb, const char *p, size_t n, size_t *off);

/*
 * Records a cell whose text is ext, or len bytes at off in the arena when
 * ext is NULL (ext is borrowed and must outlive the rows handed out).
 * Returns -1 when out of memory.  Inline: the xlsx reader's hot path.
 */
static inline int cellbuf_push(struct cellbuf *cb, long row, long col,
			       char type, const char *ext, size_t off,
			       size_t len)
{
	struct cellbuf_cell *c;

	if (cb->n == cb->cap && cellbuf_grow(cb) < 0)
		return -1;
	c = &cb->cell[cb->n];
	if (cb->n && (c[-1].row > row ||
		      (c[-1].row == row && c[-1].col >= col)))
		cb->unsorted = 1;
	*c = (struct cellbuf_cell){ (uint32_t)row, (uint32_t)col,
				    (uint32_t)cb->n, type, ext, off, len };
	cb->n++;
	return 0;
}

/*
 * Puts the cells in row and column order, keeps the last of duplicates,
 * and makes room to hand out the widest row.  Returns -1 when out of
 * memory.
 */
int cellbuf_order(struct cellbuf *cb);

/*
 * Hands out the next row that has a cell m does not hide: 1 with *row
 * filled (borrowed until the next call or cellbuf_clear), 0 when no cell
 * is left.  m is moved to each row it looks at.
 */
int cellbuf_next(struct cellbuf *cb, struct mergeset *m, struct sheet_row *row);

void cellbuf_release(struct cellbuf *cb);

#endif
