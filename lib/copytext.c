/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "copytext.h"

#include <stdlib.h>
#include <string.h>

int copybuf_init(struct copybuf *b, size_t cap)
{
	b->data = malloc(cap ? cap : 1);
	b->len = 0;
	b->cap = b->data ? (cap ? cap : 1) : 0;
	b->fields = 0;
	return b->data ? 0 : -1;
}

static int reserve(struct copybuf *b, size_t more)
{
	size_t cap = b->cap;
	char *p;

	if (b->len + more <= b->cap)
		return 0;
	while (cap < b->len + more)
		cap = cap * 2 + 64;
	p = realloc(b->data, cap);
	if (!p)
		return -1;
	b->data = p;
	b->cap = cap;
	return 0;
}

/* Room for the separator and a field of n bytes escaped at worst. */
static int field_start(struct copybuf *b, size_t n)
{
	if (reserve(b, 2 * n + 2) < 0)
		return -1;
	if (b->fields++)
		b->data[b->len++] = '\t';
	return 0;
}

/* The bytes COPY's text format escapes, and how. */
static char escaped(char c)
{
	switch (c) {
	case '\\': return '\\';
	case '\t': return 't';
	case '\n': return 'n';
	case '\r': return 'r';
	default: return 0;
	}
}

int copybuf_text(struct copybuf *b, const char *s, size_t n)
{
	char *out;
	size_t run;

	if (field_start(b, n) < 0)
		return -1;
	out = b->data + b->len;
	while (n) {
		/* a run of plain bytes goes in one copy: most fields are one */
		for (run = 0; run < n && !escaped(s[run]); run++)
			;
		memcpy(out, s, run);
		out += run;
		s += run;
		n -= run;
		if (n) {
			*out++ = '\\';
			*out++ = escaped(*s++);
			n--;
		}
	}
	b->len = (size_t)(out - b->data);
	return 0;
}

int copybuf_null(struct copybuf *b)
{
	if (field_start(b, 1) < 0)
		return -1;
	b->data[b->len++] = '\\';
	b->data[b->len++] = 'N';
	return 0;
}

int copybuf_long(struct copybuf *b, long long v)
{
	char num[24], *p = num + sizeof(num);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
				     : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return copybuf_text(b, p, (size_t)(num + sizeof(num) - p));
}

int copybuf_end_row(struct copybuf *b)
{
	if (reserve(b, 1) < 0)
		return -1;
	b->data[b->len++] = '\n';
	b->fields = 0;
	return 0;
}

void copybuf_clear(struct copybuf *b)
{
	b->len = 0;
	b->fields = 0;
}

void copybuf_free(struct copybuf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->fields = 0;
}
