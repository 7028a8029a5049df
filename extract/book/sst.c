/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sst.h"

#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "ooxml.h"
#include "xstring.h"

struct sst {
	struct bytebuf arena;     /* items, each followed by a NUL */
	size_t *off;              /* n + 1 offsets into arena */
	size_t n, cap;
};

enum collect { NONE, PLAIN, RUN };

struct loader {
	struct xmlzip_user u;
	struct xmlzip *z;
	struct sst *t;
	struct bytebuf plain, runs;
	long depth, si_depth, r_depth, t_depth;
	enum collect collect;
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

static void end_item(struct loader *L)
{
	struct sst *t = L->t;
	size_t start = t->arena.len, len;

	if (t->n >= SST_MAX_COUNT) {
		xmlzip_abort(&L->u, L->z, "more than %u shared strings",
			     SST_MAX_COUNT);
		return;
	}
	if (t->arena.len + L->plain.len + L->runs.len + 1 > SST_MAX_BYTES) {
		xmlzip_abort(&L->u, L->z, "shared strings longer than %zu "
			     "bytes in all", SST_MAX_BYTES);
		return;
	}
	if (bytebuf_add(&t->arena, L->plain.p, L->plain.len) < 0 ||
	    bytebuf_add(&t->arena, L->runs.p, L->runs.len) < 0)
		goto oom;
	len = xstring_decode(t->arena.p + start, t->arena.len - start);
	t->arena.len = start + len;
	if (bytebuf_add(&t->arena, "", 1) < 0 || push_offset(L) < 0)
		goto oom;
	return;
oom:
	rk_error_set(L->u.err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	XML_StopParser(L->u.parser, XML_FALSE);
}

static void XMLCALL on_start(void *data, const XML_Char *name,
			     const XML_Char **atts)
{
	struct loader *L = data;
	const char *local;

	(void)atts;
	L->depth++;
	if (ooxml_name(name, &local) != OOXML_NS_MAIN)
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

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct loader *L = data;

	(void)name;
	if (L->collect != NONE && L->depth == L->t_depth)
		L->collect = NONE;
	if (L->r_depth == L->depth)
		L->r_depth = 0;
	if (L->si_depth == L->depth) {
		L->si_depth = 0;
		end_item(L);
	}
	L->depth--;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct loader *L = data;
	struct bytebuf *b = L->collect == PLAIN ? &L->plain : &L->runs;

	if (L->collect == NONE || L->depth != L->t_depth)
		return;
	if (b->len + (size_t)len > SST_MAX_ITEM) {
		xmlzip_abort(&L->u, L->z, "a shared string longer than %zu "
			     "bytes", SST_MAX_ITEM);
		return;
	}
	if (bytebuf_add(b, s, (size_t)len) < 0) {
		rk_error_set(L->u.err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		XML_StopParser(L->u.parser, XML_FALSE);
	}
}

struct sst *sst_load(struct xmlzip *z, long idx, struct rk_error *err)
{
	struct loader L = { .z = z };
	struct xmlzip_part *p = NULL;
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
	if (xmlzip_parser(&L.u, err) < 0)
		goto out;
	XML_SetElementHandler(L.u.parser, on_start, on_end);
	XML_SetCharacterDataHandler(L.u.parser, on_text);
	p = xmlzip_part_open(z, idx, err);
	if (!p || xmlzip_parse(p, &L.u) != 0)
		goto out;
	rc = 0;
out:
	xmlzip_part_close(p);
	if (L.u.parser)
		XML_ParserFree(L.u.parser);
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
