/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

/* A Data row: its table and row there, and its number on the sheet. */
struct row {
	size_t table, r, sheet_row;
	size_t next;               /* the next row of its group; 0 none */
};

struct brief_trace {
	struct rk_map *groups;     /* "source\x1Findicator\x1Fperiod" → the
				      group's first row + 1 */
	struct row *row;           /* row 0 unused: 0 ends a group */
	size_t nrow;
	size_t *last;              /* each group's last row, by first */
};

static size_t key_of(const char *source, const char *indicator,
		     const char *period, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s\x1F%s\x1F%s", source, indicator,
			 period);

	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

struct brief_trace *brief_trace_new(const struct brief *b)
{
	struct brief_trace *t;
	size_t total = 0, sheet_row = 2;   /* row 1: the header */
	char key[512];

	for (size_t i = 0; i < b->ndata; i++)
		total += b->data[i].nrows;
	if (!total || !(t = calloc(1, sizeof(*t))))
		return NULL;
	t->groups = rk_map_new();
	t->row = calloc(total + 1, sizeof(*t->row));
	t->last = calloc(total + 1, sizeof(*t->last));
	if (!t->groups || !t->row || !t->last) {
		brief_trace_free(t);
		return NULL;
	}
	for (size_t i = 0; i < b->ndata; i++)
		for (size_t r = 0; r < b->data[i].nrows; r++) {
			const struct brief_table *d = &b->data[i];
			size_t len = key_of(brief_table_get(d, r, 0),
					    brief_table_get(d, r, 1),
					    brief_table_get(d, r, 2), key,
					    sizeof(key));
			size_t k = ++t->nrow, first;
			int added = rk_map_put(t->groups, key, len, k, &first,
					       NULL);

			t->row[k] = (struct row){ i, r, sheet_row++, 0 };
			if (added < 0) {
				brief_trace_free(t);
				return NULL;
			}
			if (added) {
				t->last[k] = k;
			} else {
				t->row[t->last[first]].next = k;
				t->last[first] = k;
			}
		}
	return t;
}

/* Does Data row w hold the cell's category in every dimension?  wild: a
 * dimension the cell is not broken down by takes any category but the
 * total; else only the total (""). */
static int fits(const struct brief *b, const struct row *w, size_t r,
		int wild)
{
	for (size_t d = 0; d < b->ndims; d++) {
		const char *want = brief_cell_dim(b, r, d);
		long col = b->data_dim[w->table][d];
		const char *have = col < 0 ? ""
				 : brief_table_get(&b->data[w->table], w->r,
						   col);

		if (*want ? strcmp(want, have) != 0
			  : wild ? !*have : *have != '\0')
			return 0;
	}
	return 1;
}

/* Sheet rows as runs, "40–42, 45"; "…" for what does not fit or was not
 * kept (more). */
static void runs(const size_t *v, size_t n, int more, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n;) {
		size_t j = i;
		char one[64];

		while (j + 1 < n && v[j + 1] == v[j] + 1)
			j++;
		snprintf(one, sizeof(one), j > i ? "%s%zu–%zu" : "%s%zu",
			 i ? ", " : "", v[i], v[j]);
		if (len + strlen(one) + sizeof("…") >= size) {
			more = 1;
			break;
		}
		len += (size_t)snprintf(buf + len, size - len, "%s", one);
		i = j + 1;
	}
	if (more && len + sizeof("…") <= size)
		snprintf(buf + len, size - len, "…");
}

void brief_trace_rows(const struct brief_trace *t, const struct brief *b,
		      const char *source, size_t r, char *buf, size_t size)
{
	const struct brief_table *c = &b->cells;
	char key[512];
	size_t first, len, v[64], n = 0;
	int more = 0;

	buf[0] = '\0';
	if (!t)
		return;
	len = key_of(source, brief_table_str(c, r, "indicator"),
		     brief_table_str(c, r, "period"), key, sizeof(key));
	if (!rk_map_get(t->groups, key, len, &first))
		return;
	/* the cell's own categories first; summed over a dimension, the
	   rows of its categories when no row is the total */
	for (int wild = 0; wild < 2 && !n; wild++)
		for (size_t k = first; k; k = t->row[k].next)
			if (fits(b, &t->row[k], r, wild)) {
				if (n == sizeof(v) / sizeof(*v)) {
					more = 1;
					break;
				}
				v[n++] = t->row[k].sheet_row;
			}
	runs(v, n, more, buf, size);
}

void brief_trace_free(struct brief_trace *t)
{
	if (!t)
		return;
	rk_map_free(t->groups);
	free(t->row);
	free(t->last);
	free(t);
}
