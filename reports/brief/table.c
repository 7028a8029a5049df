/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "table.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "grow.h"
#include "map.h"
#include "text.h"

#define CACHE_SIZE 64

struct brief_table_cache {
	const char *name[CACHE_SIZE];
	long col[CACHE_SIZE];
};

static long find_col(const struct brief_table *t, const char *name);

struct loader {
	struct brief_table *t;
	size_t len, cap;          /* text */
	size_t noff, offcap;
	size_t rowcap;
	/* grouped */
	const char *const *keys;
	size_t nkeys;
	long *keycol;             /* nkeys column indexes, -1 when absent */
	struct rk_map *groups;    /* key → kept row */
	char *key;                /* the key of the row being read */
	size_t keycap;
	const char *solo, *solo_value;  /* rows with this value in this
					   column are each kept (never
					   grouped); NULL none */
	long solo_col;
};

static int put_text(struct loader *l, const char *s, size_t n, size_t *at)
{
	struct brief_table *t = l->t;

	if (rk_grow((void **)&t->text, &l->cap, l->len + n + 1, 1) < 0)
		return -1;
	memcpy(t->text + l->len, s, n);
	t->text[l->len + n] = '\0';
	*at = l->len;
	l->len += n + 1;
	return 0;
}

static int add_row(struct loader *l, const struct csvr_row *row)
{
	struct brief_table *t = l->t;

	if (l->noff + t->ncols > l->offcap) {
		size_t cap = l->offcap ? l->offcap * 2 : 256;
		size_t *p;

		while (cap < l->noff + t->ncols)
			cap *= 2;
		if ((p = realloc(t->off, cap * sizeof(*p))) == NULL)
			return -1;
		t->off = p;
		l->offcap = cap;
	}
	if (t->nrows == l->rowcap) {
		size_t cap = l->rowcap ? l->rowcap * 2 : 64;
		long *p = realloc(t->line, cap * sizeof(*p));

		if (!p)
			return -1;
		t->line = p;
		if (l->keys) {
			size_t *c = realloc(t->count, cap * sizeof(*c));

			if (!c)
				return -1;
			t->count = c;
		}
		l->rowcap = cap;
	}
	if (l->keys)
		t->count[t->nrows] = 1;
	for (size_t i = 0; i < t->ncols; i++)
		if (put_text(l, row->field[i], row->len[i],
			     &t->off[l->noff + i]) < 0)
			return -1;
	l->noff += t->ncols;
	t->line[t->nrows++] = row->line;
	return 0;
}

/*
 * Grouped: 1 when the row's key was seen (its group's count is raised),
 * 0 when the row starts a group (it is then kept), -1 out of memory.
 */
static int seen(struct loader *l, const struct csvr_row *row)
{
	size_t n = 0, kept;
	int rc;

	if (l->solo_col >= 0 &&
	    row->len[l->solo_col] >= strlen(l->solo_value) &&
	    memcmp(row->field[l->solo_col], l->solo_value,
		   strlen(l->solo_value)) == 0)
		return 0;
	for (size_t k = 0; k < l->nkeys; k++) {
		size_t len = l->keycol[k] < 0 ? 0 : row->len[l->keycol[k]];

		if (n + len + 1 > l->keycap) {
			size_t cap = (n + len + 1) * 2;
			char *p = realloc(l->key, cap);

			if (!p)
				return -1;
			l->key = p;
			l->keycap = cap;
		}
		if (len)
			memcpy(l->key + n, row->field[l->keycol[k]], len);
		n += len;
		l->key[n++] = '\0';       /* fields hold no NUL */
	}
	rc = rk_map_put(l->groups, l->key, n, l->t->nrows, &kept, NULL);
	if (rc < 0)
		return -1;
	if (rc == 0)
		l->t->count[kept]++;
	return rc == 0;
}

static int set_keys(struct loader *l)
{
	if (!l->keys)
		return 0;
	l->keycol = calloc(l->nkeys + 1, sizeof(*l->keycol));
	l->groups = rk_map_new();
	if (!l->keycol || !l->groups)
		return -1;
	for (size_t k = 0; k < l->nkeys; k++)
		l->keycol[k] = find_col(l->t, l->keys[k]);
	l->solo_col = l->solo ? find_col(l->t, l->solo) : -1;
	return 0;
}

static int set_header(struct brief_table *t, const struct csvr_row *h)
{
	t->ncols = h->n;
	t->col = calloc(h->n ? h->n : 1, sizeof(*t->col));
	if (!t->col)
		return -1;
	for (size_t i = 0; i < h->n; i++)
		if ((t->col[i] = strdup(h->field[i])) == NULL)
			return -1;
	return 0;
}

static int read_rows(struct loader *l, struct csvr *csv, struct rk_error *err)
{
	struct brief_table *t = l->t;
	struct csvr_row row;
	int rc, header = 1;

	while ((rc = csvr_next(csv, &row, err)) == 1) {
		if (row.n == 0)
			continue;
		if (header) {
			header = 0;
			if (set_header(t, &row) < 0 || set_keys(l) < 0)
				goto oom;
			continue;
		}
		if (row.n != t->ncols)
			return rk_error_set(err, RK_EXIT_DATAERR, t->name,
					    row.line, "row has %zu fields, the "
					    "header has %zu", row.n, t->ncols);
		t->total++;
		if (l->keys && (rc = seen(l, &row)) != 0) {
			if (rc < 0)
				goto oom;
			continue;
		}
		if (add_row(l, &row) < 0)
			goto oom;
	}
	if (rc < 0)
		return -1;
	if (header) {
		rk_error_set(err, RK_EXIT_DATAERR, t->name, 0, "empty file");
		rk_error_hint(err, "a CSV file starts with its header row");
		return -1;
	}
	return 0;
oom:
	return rk_error_set(err, RK_EXIT_SOFTWARE, t->name, 0, "out of memory");
}

static int load(struct brief_table *t, const char *path,
		const char *const *keys, size_t nkeys, const char *solo,
		const char *solo_value, struct rk_error *err)
{
	struct loader l = { .t = t, .keys = keys, .nkeys = nkeys,
			    .solo = solo, .solo_value = solo_value,
			    .solo_col = -1 };
	struct rk_text *text = NULL;
	struct csvr *csv = NULL;
	FILE *f = NULL;
	int rc = -1;

	memset(t, 0, sizeof(*t));
	if ((t->name = strdup(path)) == NULL ||
	    (t->cache = calloc(1, sizeof(*t->cache))) == NULL)
		return rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
				    "out of memory");
	if ((f = fopen(path, "rb")) == NULL) {
		rk_error_set(err, RK_EXIT_NOINPUT, path, 0, "cannot open: %s",
			     strerror(errno));
		goto out;
	}
	if ((text = rk_text_open(f, path, RK_ENC_UTF8, err)) == NULL ||
	    (csv = csvr_open(text, ',', path, err)) == NULL)
		goto out;
	rc = read_rows(&l, csv, err);
	t->text_len = l.len;
	t->text_cap = l.cap;
out:
	csvr_close(csv);
	rk_text_close(text);
	if (f)
		fclose(f);
	free(l.keycol);
	free(l.key);
	rk_map_free(l.groups);
	return rc;
}

int brief_table_load(struct brief_table *t, const char *path,
		     struct rk_error *err)
{
	return load(t, path, NULL, 0, NULL, NULL, err);
}

int brief_table_load_grouped(struct brief_table *t, const char *path,
			     const char *const *keys, size_t nkeys,
			     const char *solo, const char *solo_value,
			     struct rk_error *err)
{
	return load(t, path, keys, nkeys, solo, solo_value, err);
}

static long find_col(const struct brief_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (strcmp(t->col[i], name) == 0)
			return (long)i;
	return -1;
}

long brief_table_col(const struct brief_table *t, const char *name)
{
	size_t slot = ((uintptr_t)name >> 3) % CACHE_SIZE;
	struct brief_table_cache *c = t->cache;

	/* the address may hold another name since: check the text too */
	if (c && c->name[slot] == name && c->col[slot] >= 0 &&
	    strcmp(t->col[c->col[slot]], name) == 0)
		return c->col[slot];
	if (!c)
		return find_col(t, name);
	c->name[slot] = name;
	c->col[slot] = find_col(t, name);
	return c->col[slot];
}

const char *brief_table_get(const struct brief_table *t, size_t r, long col)
{
	if (col < 0 || (size_t)col >= t->ncols || r >= t->nrows)
		return "";
	return t->text + t->off[r * t->ncols + (size_t)col];
}

const char *brief_table_str(const struct brief_table *t, size_t r,
			    const char *name)
{
	return brief_table_get(t, r, brief_table_col(t, name));
}

double brief_table_num(const struct brief_table *t, size_t r,
		       const char *name)
{
	const char *s = brief_table_str(t, r, name);
	char *end;
	double x;

	if (!*s)
		return NAN;
	x = strtod(s, &end);
	return *end ? NAN : x;
}

void brief_table_release(struct brief_table *t)
{
	if (t->col)
		for (size_t i = 0; i < t->ncols; i++)
			free(t->col[i]);
	free(t->col);
	free(t->line);
	free(t->count);
	free(t->text);
	free(t->off);
	free(t->cache);
	free(t->name);
	memset(t, 0, sizeof(*t));
}

int brief_table_set(struct brief_table *t, size_t r, const char *name,
		    const char *value)
{
	long col = brief_table_col(t, name);
	size_t n = strlen(value);

	if (col < 0 || r >= t->nrows)
		return -1;
	if (rk_grow((void **)&t->text, &t->text_cap, t->text_len + n + 1,
		    1) < 0)
		return -1;
	memcpy(t->text + t->text_len, value, n + 1);
	t->off[r * t->ncols + (size_t)col] = t->text_len;
	t->text_len += n + 1;
	return 0;
}
