/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bytebuf.h"

#include <stdlib.h>
#include <string.h>

int bytebuf_grow(struct bytebuf *b, size_t n)
{
	size_t want = b->len + n + 1, cap = b->cap ? b->cap : 256;
	char *p;

	if (want <= b->cap)
		return 0;
	if (want < b->len)
		return -1;
	while (cap < want) {
		if (cap > (size_t)-1 / 2)
			return -1;
		cap *= 2;
	}
	p = realloc(b->p, cap);
	if (!p)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

void bytebuf_free(struct bytebuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
