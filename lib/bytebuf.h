/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BYTEBUF_H
#define RECKON_BYTEBUF_H

#include <stddef.h>
#include <string.h>

/*
 * A growable byte buffer (the spreadsheet readers' text, connection
 * strings): zero it to start, free with bytebuf_free.  Contents are always NUL-terminated when
 * p is not NULL (the NUL is not counted in len).
 */
struct bytebuf {
	char *p;
	size_t len, cap;
};

/* Grows the buffer to hold n more bytes; -1 when out of memory. */
int bytebuf_grow(struct bytebuf *b, size_t n);

/*
 * Makes room for n more bytes; returns -1 when out of memory.  Inline:
 * the readers call it for every cell, and it seldom has to grow.
 */
static inline int bytebuf_reserve(struct bytebuf *b, size_t n)
{
	return n < b->cap - b->len ? 0 : bytebuf_grow(b, n);
}

/* Appends n bytes; returns -1 when out of memory (buffer unchanged). */
static inline int bytebuf_add(struct bytebuf *b, const char *s, size_t n)
{
	if (bytebuf_reserve(b, n) < 0)
		return -1;
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

void bytebuf_free(struct bytebuf *b);

#endif
