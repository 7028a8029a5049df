/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "xlstyles.h"
#include "grow.h"

#include <stdlib.h>
#include <string.h>

#include "ooxml.h"

struct fmt {
	long id;
	size_t order;
	enum numfmt_kind kind;
};

struct xlstyles {
	unsigned char *kind;     /* per cellXfs index */
	size_t n;
};

struct loader {
	struct xmlzip_user u;
	struct xmlzip *z;
	long *xf_fmt;            /* numFmtId of each cellXfs xf */
	size_t nxf, capxf;
	struct fmt *fmts;
	size_t nfmts, capfmts;
	int in_cellxfs, in_numfmts;
	long depth, list_depth;
};

static void oom(struct loader *L)
{
	rk_error_set(L->u.err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	XML_StopParser(L->u.parser, XML_FALSE);
}

static long attr_long(const char **atts, const char *name, long dflt)
{
	const char *v = xmlzip_attr(atts, name);
	char *end;
	long x;

	if (!v)
		return dflt;
	x = strtol(v, &end, 10);
	return end == v ? dflt : x;
}

static void add_xf(struct loader *L, const char **atts)
{
	if (L->nxf >= XLSTYLES_MAX) {
		xmlzip_abort(&L->u, L->z, "more than %d cell formats in the "
			     "styles", XLSTYLES_MAX);
		return;
	}
	if (rk_grow((void **)&L->xf_fmt, &L->capxf, L->nxf + 1, sizeof(long)) < 0)
		{ oom(L); return; }
	L->xf_fmt[L->nxf++] = attr_long(atts, "numFmtId", 0);
}

static void add_fmt(struct loader *L, const char **atts)
{
	const char *code = xmlzip_attr(atts, "formatCode");

	if (L->nfmts >= XLSTYLES_MAX) {
		xmlzip_abort(&L->u, L->z, "more than %d number formats in the "
			     "styles", XLSTYLES_MAX);
		return;
	}
	if (rk_grow((void **)&L->fmts, &L->capfmts, L->nfmts + 1, sizeof(struct fmt)) < 0)
		{ oom(L); return; }
	L->fmts[L->nfmts] = (struct fmt){ attr_long(atts, "numFmtId", -1),
					  L->nfmts,
					  numfmt_date_kind(code ? code : "") };
	L->nfmts++;
}

static void XMLCALL on_start(void *data, const XML_Char *name,
			     const XML_Char **atts)
{
	struct loader *L = data;
	const char *local;

	L->depth++;
	if (ooxml_name(name, &local) != OOXML_NS_MAIN)
		return;
	if (!L->list_depth && strcmp(local, "cellXfs") == 0) {
		L->in_cellxfs = 1;
		L->list_depth = L->depth;
	} else if (!L->list_depth && strcmp(local, "numFmts") == 0) {
		L->in_numfmts = 1;
		L->list_depth = L->depth;
	} else if (L->list_depth && L->depth == L->list_depth + 1) {
		if (L->in_cellxfs && strcmp(local, "xf") == 0)
			add_xf(L, atts);
		else if (L->in_numfmts && strcmp(local, "numFmt") == 0)
			add_fmt(L, atts);
	}
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct loader *L = data;

	(void)name;
	if (L->depth == L->list_depth) {
		L->list_depth = 0;
		L->in_cellxfs = L->in_numfmts = 0;
	}
	L->depth--;
}

static int by_id(const void *a, const void *b)
{
	const struct fmt *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The kind of format id: the last custom definition, else the built-in one. */
static enum numfmt_kind fmt_kind(const struct loader *L, long id)
{
	size_t lo = 0, hi = L->nfmts;

	while (lo < hi) {             /* first index with fmts[i].id > id */
		size_t mid = lo + (hi - lo) / 2;

		if (L->fmts[mid].id <= id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && L->fmts[lo - 1].id == id)
		return L->fmts[lo - 1].kind;
	return numfmt_date_kind(numfmt_builtin(id));
}

static struct xlstyles *resolve(struct loader *L, struct rk_error *err)
{
	struct xlstyles *st = calloc(1, sizeof(*st));

	if (!st || !(st->kind = malloc(L->nxf ? L->nxf : 1))) {
		free(st);
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	if (L->nfmts)
		qsort(L->fmts, L->nfmts, sizeof(*L->fmts), by_id);
	for (size_t i = 0; i < L->nxf; i++)
		st->kind[i] = (unsigned char)fmt_kind(L, L->xf_fmt[i]);
	st->n = L->nxf;
	return st;
}

struct xlstyles *xlstyles_load(struct xmlzip *z, long idx, struct rk_error *err)
{
	struct loader L = { .z = z };
	struct xmlzip_part *p = NULL;
	struct xlstyles *st = NULL;

	if (xmlzip_parser(&L.u, err) < 0)
		goto out;
	XML_SetElementHandler(L.u.parser, on_start, on_end);
	p = xmlzip_part_open(z, idx, err);
	if (!p || xmlzip_parse(p, &L.u) != 0)
		goto out;
	st = resolve(&L, err);
out:
	xmlzip_part_close(p);
	if (L.u.parser)
		XML_ParserFree(L.u.parser);
	free(L.xf_fmt);
	free(L.fmts);
	return st;
}

enum numfmt_kind xlstyles_kind(const struct xlstyles *st, unsigned long s)
{
	if (!st || s >= st->n)
		return NUMFMT_NUMBER;
	return (enum numfmt_kind)st->kind[s];
}

void xlstyles_free(struct xlstyles *st)
{
	if (!st)
		return;
	free(st->kind);
	free(st);
}
