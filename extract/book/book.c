/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "book_impl.h"

#include <stdlib.h>
#include <string.h>

const char *book_name(const struct book *b)
{
	return b->name;
}

size_t book_sheet_count(const struct book *b)
{
	return b->nsheets;
}

const char *book_sheet_name(const struct book *b, size_t i)
{
	return i < b->nsheets ? b->sheets[i] : NULL;
}

long book_find_sheet(const struct book *b, const char *name)
{
	char *end;
	long k;

	for (size_t i = 0; i < b->nsheets; i++)
		if (strcmp(b->sheets[i], name) == 0)
			return (long)i;
	k = strtol(name, &end, 10);
	if (*name >= '1' && *name <= '9' && !*end && k >= 1 &&
	    (size_t)k <= b->nsheets)
		return k - 1;
	return -1;
}

struct sheet *book_sheet_open(struct book *b, size_t i, struct rk_error *err)
{
	if (i >= b->nsheets) {
		rk_error_set(err, RK_EXIT_SOFTWARE, b->name, 0,
			     "sheet %zu out of range", i + 1);
		return NULL;
	}
	return b->ops->sheet_open(b, i, err);
}

const struct sheet_range *sheet_merges(const struct sheet *s, size_t *n)
{
	*n = s->nmerges;
	return s->merges;
}

int sheet_next_row(struct sheet *s, struct sheet_row *row, struct rk_error *err)
{
	return s->ops->next_row(s, row, err);
}

void sheet_close(struct sheet *s)
{
	if (!s)
		return;
	free(s->merges);
	s->merges = NULL;
	s->ops->sheet_close(s);
}

int book_props(struct book *b, struct book_props *out, struct rk_error *err)
{
	*out = (struct book_props){ 0 };
	return b->ops->props ? b->ops->props(b, out, err) : 0;
}

void book_close(struct book *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nsheets; i++)
		free(b->sheets[i]);
	free(b->sheets);
	free(b->name);
	b->sheets = NULL;
	b->name = NULL;
	b->ops->close(b);
}
