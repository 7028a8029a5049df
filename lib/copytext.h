/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_COPYTEXT_H
#define RECKON_COPYTEXT_H

#include <stddef.h>

/*
 * Rows for COPY ... FROM STDIN in PostgreSQL's text format: fields
 * separated by tabs, rows ended by LF, NULL written \N, and backslash,
 * tab, LF and CR escaped (\\, \t, \n, \r), so that any text survives.
 * The buffer grows as needed; the caller sends data[0..len) and calls
 * copybuf_clear().  Every function returning int returns 0, or -1 when
 * memory runs out (the buffer is then unchanged).
 */
struct copybuf {
	char *data;
	size_t len;
	size_t cap;
	int fields;       /* written in the current row */
};

int copybuf_init(struct copybuf *b, size_t cap);

/* Appends a text field of n bytes. */
int copybuf_text(struct copybuf *b, const char *s, size_t n);

/* Appends a NULL field. */
int copybuf_null(struct copybuf *b);

/* Appends an integer field. */
int copybuf_long(struct copybuf *b, long long v);

/* Ends the row. */
int copybuf_end_row(struct copybuf *b);

/* Empties the buffer (after sending it); keeps the memory. */
void copybuf_clear(struct copybuf *b);

/* Frees the memory; accepts a zeroed or freed buffer. */
void copybuf_free(struct copybuf *b);

#endif
