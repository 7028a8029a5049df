/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The merged ranges of a worksheet, wanted before its first row although
 * <mergeCells> follows <sheetData>: a scan of the inflated bytes, much
 * cheaper than a second XML parse.  Only tags after the end of sheetData
 * count; an element there can only be markup, since '<' cannot occur raw
 * in text or attribute values (CDATA and comments aside).
 */
#define _GNU_SOURCE             /* memmem */
#include "xlsx_impl.h"

#include <stdlib.h>
#include <string.h>

#include "cellref.h"

#define CHUNK (256 * 1024)
#define CARRY 4096
#define OVERLAP 128              /* kept so that a split tag name is found */

struct scan {
	struct sheet_range *v;
	size_t n, cap;
	int after_data;          /* </sheetData> or <sheetData/> seen */
	unsigned long long base; /* stream offset of the buffer's first byte */
	unsigned long long done; /* stream offset past the last tag taken */
};

/* The start of the tag holding position at, or NULL: '<' [prefix ':'] */
static const char *tag_start(const char *buf, const char *at)
{
	const char *p = at;

	if (p > buf && p[-1] == '<')
		return p - 1;
	if (p - buf >= 2 && p[-1] == '/' && p[-2] == '<')
		return p - 2;
	if (p == buf || p[-1] != ':')
		return NULL;
	for (p -= 2; p >= buf && p > at - 64; p--) {
		if (*p == '<')
			return p;
		if (*p == '/' && p > buf && p[-1] == '<')
			return p - 1;
		if (*p == ' ' || *p == '>' || *p == '"' || *p == '\'')
			return NULL;
	}
	return NULL;
}

static int name_ends(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' ||
	       c == '>';
}

/* ref="..." inside tag [s, e). */
static const char *ref_attr(const char *s, const char *e, size_t *n)
{
	for (const char *p = s; p + 5 < e; p++) {
		const char *q;
		char quote;

		if (memcmp(p, "ref", 3) != 0 || !name_ends(p[-1]))
			continue;
		q = p + 3;
		while (q < e && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
			q++;
		if (q >= e || *q++ != '=')
			continue;
		while (q < e && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
			q++;
		if (q >= e || (*q != '"' && *q != '\''))
			continue;
		quote = *q++;
		for (const char *v = q; v < e; v++)
			if (*v == quote) {
				*n = (size_t)(v - q);
				return q;
			}
		return NULL;
	}
	return NULL;
}

static int add_range(struct scan *S, const char *ref, size_t n)
{
	struct sheet_range r;

	if (cellref_area(ref, n, &r.r1, &r.c1, &r.r2, &r.c2) < 0 ||
	    (r.r1 == r.r2 && r.c1 == r.c2))
		return 0;               /* a one-cell merge hides nothing */
	if (S->n >= XLSX_MAX_MERGES)          /* on every merge, not on growth */
		return -2;
	if (S->n == S->cap) {
		size_t cap = S->cap ? S->cap * 2 : 16;
		struct sheet_range *v;

		if (cap > XLSX_MAX_MERGES)
			cap = XLSX_MAX_MERGES;
		v = realloc(S->v, cap * sizeof(*v));
		if (!v)
			return -1;
		S->v = v;
		S->cap = cap;
	}
	S->v[S->n++] = r;
	return 0;
}

static void see_sheetdata(struct scan *S, const char *buf, size_t len)
{
	for (const char *p = buf; (p = memmem(p, len - (size_t)(p - buf),
					      "sheetData", 9)); p += 9) {
		const char *t = tag_start(buf, p);
		const char *gt = t ? memchr(p, '>', len - (size_t)(p - buf)) : NULL;

		if (t && gt && (t[1] == '/' || gt[-1] == '/'))
			S->after_data = 1;
	}
}

/*
 * Scans buf[0..len) for mergeCell tags; returns how many bytes at the end
 * must be kept for the next round (an unfinished tag or a split name), or
 * -1 / -2 (out of memory / too many).
 */
static long scan_chunk(struct scan *S, const char *buf, size_t len, int last)
{
	const char *p = buf, *end = buf + len;

	if (!S->after_data)
		see_sheetdata(S, buf, len);
	while (S->after_data && (p = memmem(p, (size_t)(end - p), "mergeCell", 9))) {
		const char *t = tag_start(buf, p), *gt, *ref;
		size_t n;
		int rc;

		if (!t || p + 9 >= end || !name_ends(p[9]) || t[1] == '/' ||
		    S->base + (size_t)(t - buf) < S->done) {
			p += 9;
			continue;
		}
		gt = memchr(p, '>', (size_t)(end - p));
		if (!gt)
			return last ? 0 : (long)(end - t);
		ref = ref_attr(p + 9, gt, &n);
		if (ref && (rc = add_range(S, ref, n)) < 0)
			return rc;
		p = gt + 1;
		S->done = S->base + (size_t)(p - buf);
	}
	return last ? 0 : (long)(len < OVERLAP ? len : OVERLAP);
}

static int too_many(struct xmlzip *z, struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, xmlzip_name(z), 0,
		     "more than %d merged ranges in a sheet", XLSX_MAX_MERGES);
	rk_error_hint(err, "the file may be crafted to exhaust memory");
	return -1;
}

int xlsx_merges_scan(struct xmlzip *z, struct xmlzip_part *p,
		     struct sheet_range **out, size_t *n, struct rk_error *err)
{
	struct scan S = { 0 };
	char *buf = malloc(CHUNK + CARRY);
	size_t keep = 0;
	long got, rc = 0;

	if (!p || !buf)
		goto fail;
	do {
		got = xmlzip_part_read(p, buf + keep, CHUNK, err);
		if (got < 0)
			goto fail;
		rc = scan_chunk(&S, buf, keep + (size_t)got, got == 0);
		if (rc < 0)
			goto fail;
		if (rc > CARRY)
			rc = CARRY;     /* a tag that long is no mergeCell */
		S.base += keep + (size_t)got - (size_t)rc;
		memmove(buf, buf + keep + (size_t)got - (size_t)rc, (size_t)rc);
		keep = (size_t)rc;
	} while (got > 0);
	free(buf);
	*out = S.v;
	*n = S.n;
	return 0;
fail:
	if (rc == -2)
		too_many(z, err);
	else if (!err->code)
		rk_error_set(err, RK_EXIT_SOFTWARE, xmlzip_name(z), 0,
			     "out of memory");
	free(buf);
	free(S.v);
	return -1;
}
