/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "copytext.h"

#include <stdio.h>
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

int copybuf_text(struct copybuf *b, const char *s, size_t n)
{
	char *out;

	if (field_start(b, n) < 0)
		return -1;
	out = b->data + b->len;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		switch (c) {
		case '\\': *out++ = '\\'; *out++ = '\\'; break;
		case '\t': *out++ = '\\'; *out++ = 't'; break;
		case '\n': *out++ = '\\'; *out++ = 'n'; break;
		case '\r': *out++ = '\\'; *out++ = 'r'; break;
		default: *out++ = c;
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
	char num[24];
	int n = snprintf(num, sizeof(num), "%lld", v);

	return copybuf_text(b, num, (size_t)n);
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
