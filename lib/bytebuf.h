/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BYTEBUF_H
#define RECKON_BYTEBUF_H

#include <stddef.h>

/*
 * A growable byte buffer (the spreadsheet readers' text, connection
 * strings): zero it to start, free with bytebuf_free.  Contents are always NUL-terminated when
 * p is not NULL (the NUL is not counted in len).
 */
struct bytebuf {
	char *p;
	size_t len, cap;
};

/* Appends n bytes; returns -1 when out of memory (buffer unchanged). */
int bytebuf_add(struct bytebuf *b, const char *s, size_t n);

/* Makes room for n more bytes; returns -1 when out of memory. */
int bytebuf_reserve(struct bytebuf *b, size_t n);

void bytebuf_free(struct bytebuf *b);

#endif
