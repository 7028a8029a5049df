/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "dimskey.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

struct dimskey {
	size_t n;
	size_t *order;     /* column indexes in jsonb key order */
	char **name;       /* "\"name\": " ready to copy, per column */
	size_t *namelen;
	char *buf;
	size_t cap;
};

/* jsonb's key order: shorter first, then bytewise. */
static int key_cmp(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la != lb)
		return la < lb ? -1 : 1;
	return memcmp(a, b, la);
}

static int check_names(char *const *names, size_t n, const char *file,
		       struct rk_error *err)
{
	for (size_t i = 0; i < n; i++) {
		if (!names[i][0]) {
			rk_error_set(err, RK_EXIT_DATAERR, file, 1,
				     "dimension column %zu has no name", i + 4);
			rk_error_hint(err, "name every column of the header");
			return -1;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(names[i], names[j]) == 0) {
				rk_error_set(err, RK_EXIT_DATAERR, file, 1,
					     "dimension '%.64s' appears twice "
					     "in the header", names[i]);
				rk_error_hint(err, "give each dimension one "
						   "column");
				return -1;
			}
	}
	return 0;
}

static int prepare(struct dimskey *k, char *const *names)
{
	for (size_t i = 0; i < k->n; i++) {
		k->name[i] = malloc(6 * strlen(names[i]) + 5);
		if (!k->name[i])
			return -1;
		k->namelen[i] = json_escape(k->name[i], names[i]);
		memcpy(k->name[i] + k->namelen[i], ": ", 3);
		k->namelen[i] += 2;
		k->order[i] = i;
	}
	/* insertion sort: a handful of dimensions */
	for (size_t i = 1; i < k->n; i++)
		for (size_t j = i; j > 0 && key_cmp(names[k->order[j - 1]],
						    names[k->order[j]]) > 0; j--) {
			size_t t = k->order[j];

			k->order[j] = k->order[j - 1];
			k->order[j - 1] = t;
		}
	return 0;
}

struct dimskey *dimskey_new(char *const *names, size_t n, const char *file,
			    struct rk_error *err)
{
	struct dimskey *k;

	if (check_names(names, n, file, err) < 0)
		return NULL;
	k = calloc(1, sizeof(*k));
	if (k) {
		k->n = n;
		k->order = calloc(n + 1, sizeof(*k->order));
		k->name = calloc(n + 1, sizeof(*k->name));
		k->namelen = calloc(n + 1, sizeof(*k->namelen));
	}
	if (!k || !k->order || !k->name || !k->namelen ||
	    prepare(k, names) < 0) {
		dimskey_free(k);
		rk_error_set(err, RK_EXIT_SOFTWARE, file, 0, "out of memory");
		return NULL;
	}
	return k;
}

static int reserve(struct dimskey *k, size_t need)
{
	char *p;

	if (need <= k->cap)
		return 0;
	p = realloc(k->buf, need * 2);
	if (!p)
		return -1;
	k->buf = p;
	k->cap = need * 2;
	return 0;
}

const char *dimskey_make(struct dimskey *k, const char *const *values,
			 size_t *len)
{
	size_t need = 3, pos = 0;
	int first = 1;

	for (size_t i = 0; i < k->n; i++)
		if (values[i][0])
			need += k->namelen[i] + 6 * strlen(values[i]) + 4;
	if (reserve(k, need) < 0)
		return NULL;
	k->buf[pos++] = '{';
	for (size_t i = 0; i < k->n; i++) {
		size_t c = k->order[i];

		if (!values[c][0])
			continue;
		if (!first) {
			k->buf[pos++] = ',';
			k->buf[pos++] = ' ';
		}
		first = 0;
		memcpy(k->buf + pos, k->name[c], k->namelen[c]);
		pos += k->namelen[c];
		pos += json_escape(k->buf + pos, values[c]);
	}
	k->buf[pos++] = '}';
	k->buf[pos] = '\0';
	*len = pos;
	return k->buf;
}

void dimskey_free(struct dimskey *k)
{
	if (!k)
		return;
	for (size_t i = 0; k->name && i < k->n; i++)
		free(k->name[i]);
	free(k->name);
	free(k->namelen);
	free(k->order);
	free(k->buf);
	free(k);
}
