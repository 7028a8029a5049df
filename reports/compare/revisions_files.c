/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "revisions_files.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "out.h"
#include "tidy.h"

/* One changed cell: a row of prev, of cur, or both. */
struct change {
	char *key;                /* the cell, sortable */
	long old, new;            /* row indexes; -1: none */
};

struct diff {
	const struct obs_set *prev, *cur;
	const struct compare_edition_name *names;
	size_t nnames;
	long *dimmap;             /* cur's dimension d in prev, or -1 */
	struct rk_map *prev_sources;
	struct change *ch;
	size_t n, cap;
};

/* "source\037indicator\037period\037dim...\037": sorts as the fields do. */
static char *cell_key(const struct obs_set *s, size_t i, const long *dimmap,
		      size_t ndims)
{
	const struct obs *o = &s->row[i];
	const size_t *v = obs_set_dims(s, i);
	size_t len = strlen(s->str[o->source]) + strlen(s->str[o->indicator]) +
		     strlen(s->str[o->period]) + 4, at;
	char *k;

	for (size_t d = 0; d < ndims; d++)
		len += (dimmap[d] >= 0 ? strlen(s->str[v[dimmap[d]]]) : 0) + 1;
	if (!(k = malloc(len)))
		return NULL;
	at = (size_t)sprintf(k, "%s\037%s\037%s\037", s->str[o->source],
			     s->str[o->indicator], s->str[o->period]);
	for (size_t d = 0; d < ndims; d++)
		at += (size_t)sprintf(k + at, "%s\037", dimmap[d] >= 0 ?
				      s->str[v[dimmap[d]]] : "");
	return k;
}

static int push(struct diff *df, char *key, long old, long new)
{
	if (!key)
		return -1;
	if (df->n == df->cap) {
		size_t cap = df->cap ? 2 * df->cap : 16;
		struct change *p = realloc(df->ch, cap * sizeof(*p));

		if (!p) {
			free(key);
			return -1;
		}
		df->ch = p;
		df->cap = cap;
	}
	df->ch[df->n++] = (struct change){ key, old, new };
	return 0;
}

static int same(const struct obs_set *a, size_t i, const struct obs_set *b,
		size_t k)
{
	double x = a->row[i].value, y = b->row[k].value;

	if (isnan(x) != isnan(y) || (!isnan(x) && x != y))
		return 0;
	return strcmp(a->str[a->row[i].status], b->str[b->row[k].status]) == 0;
}

/* prev's rows by cell; each source prev holds noted. */
static int index_prev(struct diff *df, struct rk_map *cells,
		      const long *prevmap, size_t ndims)
{
	const struct obs_set *p = df->prev;

	for (size_t i = 0; i < p->n; i++) {
		const char *src = p->str[p->row[i].source];
		char *k = cell_key(p, i, prevmap, ndims);
		int rc = k ? rk_map_put(cells, k, strlen(k), i, NULL, NULL) : -1;

		free(k);
		if (rc < 0 || rk_map_put(df->prev_sources, src, strlen(src), 0,
					 NULL, NULL) < 0)
			return -1;
	}
	return 0;
}

/* cur's cells of prev's sources: added or revised; marks prev's seen. */
static int walk_cur(struct diff *df, struct rk_map *cells,
		    unsigned char *seen, size_t ndims)
{
	const struct obs_set *c = df->cur;
	long *ident = malloc((ndims + 1) * sizeof(*ident));
	int rc = 0;

	if (!ident)
		return -1;
	for (size_t d = 0; d < ndims; d++)
		ident[d] = (long)d;
	for (size_t i = 0; i < c->n && rc == 0; i++) {
		const char *src = c->str[c->row[i].source];
		char *k;
		size_t at;

		if (!rk_map_get(df->prev_sources, src, strlen(src), NULL))
			continue;
		if (!(k = cell_key(c, i, ident, ndims))) {
			rc = -1;
			break;
		}
		if (!rk_map_get(cells, k, strlen(k), &at)) {
			rc = push(df, k, -1, (long)i);
			continue;
		}
		seen[at] = 1;
		if (!same(df->prev, at, c, i))
			rc = push(df, k, (long)at, (long)i);
		else
			free(k);
	}
	free(ident);
	return rc;
}

static int withdrawn(struct diff *df, const unsigned char *seen,
		     const long *prevmap, size_t ndims)
{
	for (size_t i = 0; i < df->prev->n; i++)
		if (!seen[i] && push(df, cell_key(df->prev, i, prevmap, ndims),
				     (long)i, -1) < 0)
			return -1;
	return 0;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct change *)a)->key,
		      ((const struct change *)b)->key);
}

/* The file a row came from ("file:line"), without its directory. */
static void file_of(const struct obs_set *s, long i, char *buf, size_t size)
{
	const char *w, *slash, *colon;
	size_t n;

	buf[0] = '\0';
	if (i < 0)
		return;
	w = s->str[s->row[i].where];
	slash = strrchr(w, '/');
	w = slash ? slash + 1 : w;
	colon = strrchr(w, ':');
	n = colon ? (size_t)(colon - w) : strlen(w);
	snprintf(buf, size, "%.*s", (int)n, w);
}

/* The first row of source src in s, or -1. */
static long first_of(const struct obs_set *s, const char *src)
{
	size_t id = obs_set_find(s, src);

	for (size_t i = 0; id != (size_t)-1 && i < s->n; i++)
		if (s->row[i].source == id)
			return (long)i;
	return -1;
}

/* src's edition in s (prev: the edition before): as named, else its file. */
static void edition_of(const struct diff *df, const char *src, int prev,
		       char *buf, size_t size)
{
	const struct obs_set *s = prev ? df->prev : df->cur;

	for (size_t i = 0; i < df->nnames; i++)
		if (df->names[i].previous == prev &&
		    !strcmp(df->names[i].source, src)) {
			snprintf(buf, size, "%s", df->names[i].name);
			return;
		}
	file_of(s, first_of(s, src), buf, size);
}

static const char *value_text(const struct obs_set *s, long i, char *buf)
{
	buf[0] = '\0';
	return i < 0 || isnan(s->row[i].value)
		       ? buf : tidy_value_format(s->row[i].value, buf);
}

static int emit(struct compare_revisions *r, const struct diff *df,
		const struct change *ch, const char **f)
{
	const struct obs_set *p = df->prev, *c = df->cur;
	const struct obs_set *s = ch->new >= 0 ? c : p;
	long i = ch->new >= 0 ? ch->new : ch->old;
	const char *src = s->str[s->row[i].source];
	char ov[TIDY_VALUE_MAX], nv[TIDY_VALUE_MAX], dv[32], oe[256], ne[256];
	const size_t *v = obs_set_dims(s, (size_t)i);

	edition_of(df, src, 1, oe, sizeof(oe));
	edition_of(df, src, 0, ne, sizeof(ne));
	f[0] = src;
	f[1] = s->str[s->row[i].indicator];
	f[2] = s->str[s->row[i].period];
	f[3] = value_text(p, ch->old, ov);
	f[4] = value_text(c, ch->new, nv);
	dv[0] = '\0';
	f[5] = *ov && *nv ? compare_number(c->row[ch->new].value -
					   p->row[ch->old].value, dv) : dv;
	f[6] = ch->old >= 0 ? p->str[p->row[ch->old].status] : "";
	f[7] = ch->new >= 0 ? c->str[c->row[ch->new].status] : "";
	f[8] = ch->old < 0 ? "added" : ch->new < 0 ? "withdrawn" : "revised";
	f[9] = oe;
	f[10] = ne;
	for (size_t d = 0; d < c->ndims; d++)
		f[11 + d] = s == c ? c->str[v[d]]
			   : df->dimmap[d] >= 0 ? p->str[v[df->dimmap[d]]] : "";
	return compare_revisions_add(r, f);
}

static long *map_dims(const struct obs_set *prev, const struct obs_set *cur)
{
	long *m = malloc((cur->ndims + 1) * sizeof(*m));

	for (size_t d = 0; m && d < cur->ndims; d++) {
		m[d] = -1;
		for (size_t k = 0; k < prev->ndims; k++)
			if (strcmp(prev->dim[k], cur->dim[d]) == 0)
				m[d] = (long)k;
	}
	return m;
}

int compare_revisions_files(struct compare_revisions *r,
			    const struct obs_set *prev,
			    const struct obs_set *cur,
			    const struct compare_edition_name *names, size_t n,
			    struct rk_error *err)
{
	struct diff df = { prev, cur, names, n, map_dims(prev, cur),
			   rk_map_new(), NULL, 0, 0 };
	struct rk_map *cells = rk_map_new();
	unsigned char *seen = calloc(prev->n + 1, 1);
	const char **f = calloc(cur->ndims + 12, sizeof(*f));
	int rc = -1;

	if (!df.dimmap || !df.prev_sources || !cells || !seen || !f ||
	    index_prev(&df, cells, df.dimmap, cur->ndims) < 0 ||
	    walk_cur(&df, cells, seen, cur->ndims) < 0 ||
	    withdrawn(&df, seen, df.dimmap, cur->ndims) < 0)
		goto out;
	qsort(df.ch, df.n, sizeof(*df.ch), by_key);
	for (size_t i = 0; i < df.n; i++)
		if (emit(r, &df, &df.ch[i], f) < 0)
			goto out;
	rc = 0;
out:
	if (rc < 0)
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	for (size_t i = 0; i < df.n; i++)
		free(df.ch[i].key);
	free(df.ch);
	free(df.dimmap);
	rk_map_free(df.prev_sources);
	rk_map_free(cells);
	free(seen);
	free(f);
	return rc;
}
