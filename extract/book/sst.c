/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sst.h"

#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "xmlscan.h"
#include "xstring.h"

struct sst {
	struct bytebuf arena;     /* items, each followed by a NUL */
	size_t *off;              /* n + 1 offsets into arena */
	size_t n, cap;
};

enum collect { NONE, PLAIN, RUN };

/*
 * The table is read with xmlscan, as the worksheets are: a big table
 * (tens of thousands of labels) took expat longer than the sheets that
 * use it.
 */
struct loader {
	struct xmlzip *z;
	struct sst *t;
	struct rk_error *err;
	struct bytebuf plain, runs;
	long depth, si_depth, r_depth, t_depth;
	enum collect collect;
};

static const char *const main_ns[] = {
	"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
	"http://purl.oclc.org/ooxml/spreadsheetml/main",
	NULL
};

static int push_offset(struct loader *L)
{
	struct sst *t = L->t;

	if (t->n + 1 >= t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		size_t *o = realloc(t->off, cap * sizeof(*o));

		if (!o)
			return -1;
		t->off = o;
		t->cap = cap;
	}
	t->off[++t->n] = t->arena.len;
	return 0;
}

static int end_item(struct loader *L)
{
	struct sst *t = L->t;
	size_t start = t->arena.len, len;

	if (t->n >= SST_MAX_COUNT)
		return rk_error_set(L->err, RK_EXIT_DATAERR, xmlzip_name(L->z),
				    0, "more than %u shared strings",
				    SST_MAX_COUNT);
	if (t->arena.len + L->plain.len + L->runs.len + 1 > SST_MAX_BYTES)
		return rk_error_set(L->err, RK_EXIT_DATAERR, xmlzip_name(L->z),
				    0, "shared strings longer than %zu bytes "
				    "in all", SST_MAX_BYTES);
	if (bytebuf_add(&t->arena, L->plain.p, L->plain.len) < 0 ||
	    bytebuf_add(&t->arena, L->runs.p, L->runs.len) < 0)
		return rk_error_oom(L->err);
	len = xstring_decode(t->arena.p + start, t->arena.len - start);
	t->arena.len = start + len;
	if (bytebuf_add(&t->arena, "", 1) < 0 || push_offset(L) < 0)
		return rk_error_oom(L->err);
	return 0;
}

static void on_start(struct loader *L, int ns, const char *local)
{
	L->depth++;
	if (!ns)
		return;
	if (L->si_depth == 0) {
		if (strcmp(local, "si") == 0) {
			L->si_depth = L->depth;
			L->plain.len = L->runs.len = 0;
		}
	} else if (L->depth == L->si_depth + 1 && strcmp(local, "t") == 0) {
		L->plain.len = 0;       /* a second plain <t> replaces the first */
		L->collect = PLAIN;
		L->t_depth = L->depth;
	} else if (L->depth == L->si_depth + 1 && strcmp(local, "r") == 0) {
		L->r_depth = L->depth;
	} else if (L->r_depth && L->depth == L->r_depth + 1 &&
		   strcmp(local, "t") == 0) {
		L->collect = RUN;
		L->t_depth = L->depth;
	}
}

static int on_end(struct loader *L)
{
	int rc = 0;

	if (L->collect != NONE && L->depth == L->t_depth)
		L->collect = NONE;
	if (L->r_depth == L->depth)
		L->r_depth = 0;
	if (L->si_depth == L->depth) {
		L->si_depth = 0;
		rc = end_item(L);
	}
	L->depth--;
	return rc;
}

static int on_text(struct loader *L, const char *s, size_t len)
{
	struct bytebuf *b = L->collect == PLAIN ? &L->plain : &L->runs;

	if (L->collect == NONE || L->depth != L->t_depth)
		return 0;
	if (b->len + len > SST_MAX_ITEM)
		return rk_error_set(L->err, RK_EXIT_DATAERR, xmlzip_name(L->z),
				    0, "a shared string longer than %zu bytes",
				    SST_MAX_ITEM);
	return bytebuf_add(b, s, len) < 0 ? rk_error_oom(L->err) : 0;
}

static int scan(struct loader *L, struct xmlscan *x)
{
	struct xmlscan_tok tok;
	int rc;

	while ((rc = xmlscan_next(x, &tok, L->err)) > 0) {
		if (tok.kind == XS_START)
			on_start(L, tok.ns, tok.local);
		else if ((tok.kind == XS_END ? on_end(L)
					     : on_text(L, tok.text, tok.len)) < 0)
			return -1;
	}
	return rc;
}

struct sst *sst_load(struct xmlzip *z, long idx, struct rk_error *err)
{
	struct loader L = { .z = z, .err = err };
	struct xmlzip_part *p = NULL;
	struct xmlscan *x = NULL;
	struct sst *t = calloc(1, sizeof(*t));
	int rc = -1;

	L.t = t;
	if (!t || !(t->off = malloc(1024 * sizeof(*t->off)))) {
		rk_error_set(err, RK_EXIT_SOFTWARE, xmlzip_name(z), 0,
			     "out of memory");
		goto out;
	}
	t->cap = 1024;
	t->off[0] = 0;
	p = xmlzip_part_open(z, idx, err);
	if (!p || !(x = xmlscan_open(z, p, main_ns, err)) || scan(&L, x) < 0)
		goto out;
	rc = 0;
out:
	xmlscan_close(x);
	xmlzip_part_close(p);
	bytebuf_free(&L.plain);
	bytebuf_free(&L.runs);
	if (rc < 0) {
		sst_free(t);
		return NULL;
	}
	return t;
}

size_t sst_count(const struct sst *t)
{
	return t->n;
}

const char *sst_get(const struct sst *t, size_t i, size_t *len)
{
	*len = t->off[i + 1] - t->off[i] - 1;
	return t->arena.p + t->off[i];
}

void sst_free(struct sst *t)
{
	if (!t)
		return;
	bytebuf_free(&t->arena);
	free(t->off);
	free(t);
}
