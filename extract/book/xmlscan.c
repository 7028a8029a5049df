/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "xmlscan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bytebuf.h"
#include "text.h"
#include "xstring.h"

#define CHUNK (256 * 1024)
#define MAX_BINDINGS 1024
#define MAX_PREFIX 64

struct binding {
	char prefix[MAX_PREFIX];     /* "" for the default namespace */
	size_t len;
	int ns;
	int depth;
};

struct xmlscan {
	struct xmlzip *z;
	struct xmlzip_part *part;
	const char *const *uris;
	char *buf;
	size_t cap, pos, end;        /* unread bytes are buf[pos, end) */
	unsigned long long offset;   /* part offset of buf[0] */
	int eof, started, root_done;

	int depth;
	size_t name_off[XMLSCAN_MAX_DEPTH + 1];
	struct bytebuf names;        /* qualified names of open elements */
	int ns_at[XMLSCAN_MAX_DEPTH + 1];        /* their namespaces */
	size_t local_at[XMLSCAN_MAX_DEPTH + 1];  /* their local names' offsets */
	struct binding bind[MAX_BINDINGS];
	int nbind;
	int dflt;                    /* the default namespace in scope */

	int pending_end;             /* a self-closing tag still to close */
	const char *pending_local;
	int pending_ns;
	const char *atts[2 * XMLSCAN_MAX_ATTS + 1];
	struct bytebuf text;
};

static int malformed(struct xmlscan *x, const char *what, struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, xmlzip_name(x->z), 0,
		     "malformed XML in '%s' at byte %llu: %s",
		     xmlzip_part_name(x->part), x->offset + x->pos, what);
	rk_error_hint(err, "the file is damaged; open it in Excel or "
			   "LibreOffice and save it again");
	return -1;
}

struct xmlscan *xmlscan_open(struct xmlzip *z, struct xmlzip_part *part,
			     const char *const *uris, struct rk_error *err)
{
	struct xmlscan *x = calloc(1, sizeof(*x));

	if (!x || !(x->buf = malloc(CHUNK + 1))) {
		free(x);
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	x->z = z;
	x->part = part;
	x->uris = uris;
	x->cap = CHUNK;
	return x;
}

void xmlscan_close(struct xmlscan *x)
{
	if (!x)
		return;
	free(x->buf);
	bytebuf_free(&x->names);
	bytebuf_free(&x->text);
	free(x);
}

/*
 * Reads more: keeps buf[pos, end), grows the buffer when a token fills it.
 * Returns 1 when bytes were added, 0 at the end of the part, -1.
 */
static int fill(struct xmlscan *x, struct rk_error *err)
{
	long n;

	if (x->eof)
		return 0;
	if (x->pos > 0) {
		memmove(x->buf, x->buf + x->pos, x->end - x->pos);
		x->offset += x->pos;
		x->end -= x->pos;
		x->pos = 0;
	}
	if (x->cap - x->end < CHUNK / 2) {
		size_t cap = x->cap * 2;
		char *b;

		if (cap > XMLSCAN_MAX_TAG + CHUNK)
			return malformed(x, "a tag or text longer than 16 MiB", err);
		b = realloc(x->buf, cap + 1);
		if (!b)
			return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		x->buf = b;
		x->cap = cap;
	}
	n = xmlzip_part_read(x->part, x->buf + x->end, x->cap - x->end, err);
	if (n < 0)
		return -1;
	if (n == 0)
		x->eof = 1;
	x->end += (size_t)n;
	return n > 0;
}

/* ---- references and text ---- */

static int xml_char(unsigned long c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* Decodes the reference at s[0] == '&' into out; returns its length or 0. */
static size_t reference(const char *s, const char *end, char *out, size_t *outn)
{
	static const struct { const char *name; char c; } named[] = {
		{ "lt;", '<' }, { "gt;", '>' }, { "amp;", '&' },
		{ "quot;", '"' }, { "apos;", '\'' },
	};
	unsigned long c = 0;
	const char *p = s + 1;
	int hex, digits = 0;

	for (size_t i = 0; i < 5; i++) {
		size_t n = strlen(named[i].name);

		if ((size_t)(end - p) >= n && memcmp(p, named[i].name, n) == 0) {
			out[0] = named[i].c;
			*outn = 1;
			return n + 1;
		}
	}
	if (p >= end || *p++ != '#')
		return 0;
	hex = p < end && *p == 'x';
	p += hex;
	for (; p < end && *p != ';' && digits < 8; p++, digits++) {
		int d = *p >= '0' && *p <= '9' ? *p - '0'
		      : hex && (*p | 0x20) >= 'a' && (*p | 0x20) <= 'f'
			? (*p | 0x20) - 'a' + 10 : -1;

		if (d < 0)
			return 0;
		c = c * (hex ? 16 : 10) + (unsigned long)d;
	}
	if (!digits || p >= end || *p != ';' || !xml_char(c))
		return 0;
	*outn = xstring_utf8(c, out);
	return (size_t)(p + 1 - s);
}

/* Text handed out: no C0 controls but TAB, LF, CR; valid UTF-8. */
static int check_text(struct xmlscan *x, struct rk_error *err)
{
	const unsigned char *p = (const unsigned char *)x->text.p;
	int high = 0;

	for (size_t i = 0; i < x->text.len; i++) {
		if (p[i] >= 0x20) {
			high |= p[i] & 0x80;
			continue;
		}
		if (p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
			return malformed(x, "a control character in text", err);
	}
	if (high && rk_utf8_valid_prefix(x->text.p, x->text.len) != x->text.len)
		return malformed(x, "text that is not UTF-8", err);
	return 0;
}

/* Decodes s[0, n) into x->text (CR LF and CR as LF; references). */
static int decode_text(struct xmlscan *x, const char *s, size_t n, int cdata,
		       struct rk_error *err)
{
	const char *end = s + n;

	x->text.len = 0;
	if (bytebuf_reserve(&x->text, n) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	while (s < end) {
		const char *stop = s;
		size_t k, m;

		while (stop < end && *stop != '&' && *stop != '\r')
			stop++;
		memcpy(x->text.p + x->text.len, s, (size_t)(stop - s));
		x->text.len += (size_t)(stop - s);
		if (stop == end)
			break;
		if (*stop == '\r') {
			x->text.p[x->text.len++] = '\n';
			s = stop + 1 + (stop + 1 < end && stop[1] == '\n');
		} else if (cdata) {
			x->text.p[x->text.len++] = '&';
			s = stop + 1;
		} else if ((k = reference(stop, end, x->text.p + x->text.len, &m))) {
			x->text.len += m;
			s = stop + k;
		} else {
			return malformed(x, "an undefined entity or a bad character "
					    "reference", err);
		}
	}
	x->text.p[x->text.len] = '\0';
	return check_text(x, err);
}

/* ---- tags ---- */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The end of the tag starting at buf[pos] ('>' outside quotes), or NULL. */
static char *tag_end(struct xmlscan *x)
{
	char *p = x->buf + x->pos + 1, *end = x->buf + x->end;

	static const unsigned char stop[256] = {
		['>'] = 1, ['"'] = 1, ['\''] = 1
	};

	while (p < end) {
		char *q = p;

		while (q < end && !stop[(unsigned char)*q])
			q++;
		if (q == end)
			return NULL;
		if (*q == '>')
			return q;
		p = memchr(q + 1, *q, (size_t)(end - q - 1));
		if (!p)
			return NULL;
		p++;
	}
	return NULL;
}

static int bind(struct xmlscan *x, const char *prefix, const char *uri,
		struct rk_error *err)
{
	struct binding *b;
	int ns = 0;

	if (x->nbind == MAX_BINDINGS || strlen(prefix) >= MAX_PREFIX)
		return malformed(x, "too many or too long namespace prefixes", err);
	for (int i = 0; x->uris[i]; i++)
		if (strcmp(uri, x->uris[i]) == 0)
			ns = i + 1;
	b = &x->bind[x->nbind++];
	strcpy(b->prefix, prefix);
	b->len = strlen(prefix);
	b->ns = ns;
	b->depth = x->depth;
	if (b->len == 0)
		x->dflt = ns;
	return 0;
}

/* The namespace of a qualified name of n bytes; -1 for an unbound prefix. */
static int resolve(const struct xmlscan *x, const char *qname, size_t n,
		   const char **local)
{
	const char *colon = NULL;
	size_t plen = 0;

	for (size_t i = 0; i < n; i++)       /* names are short: no memchr call */
		if (qname[i] == ':') {
			colon = qname + i;
			plen = i;
			break;
		}
	*local = colon ? colon + 1 : qname;
	if (!colon)
		return x->dflt;
	for (int i = x->nbind - 1; i >= 0; i--)
		if (x->bind[i].len == plen &&
		    (plen == 0 || memcmp(x->bind[i].prefix, qname, plen) == 0))
			return x->bind[i].ns;
	if (plen == 3 && memcmp(qname, "xml", 3) == 0)
		return 0;
	return colon ? -1 : 0;
}

/* Decodes an attribute value in place (references; white space as space). */
static int attr_value(struct xmlscan *x, char *s, char *end, struct rk_error *err)
{
	static const unsigned char special[256] = {
		['<'] = 1, ['&'] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1
	};
	char *w = s;

	while (w < end && !special[(unsigned char)*w])
		w++;                  /* most values ("A1", "s") stay as they are */
	for (char *r = w; r < end;) {
		size_t k, m;
		char tmp[4];

		if (*r == '<')
			return malformed(x, "'<' in an attribute value", err);
		if (*r != '&') {
			*w++ = is_space(*r) ? ' ' : *r;
			r++;
			continue;
		}
		k = reference(r, end, tmp, &m);
		if (!k)
			return malformed(x, "an undefined entity or a bad "
					    "character reference", err);
		memcpy(w, tmp, m);
		w += m;
		r += k;
	}
	*w = '\0';
	return 0;
}

/* Parses the attributes in p[0, end) into x->atts, binding namespaces. */
static int attributes(struct xmlscan *x, char *p, char *end, struct rk_error *err)
{
	int n = 0;

	for (;;) {
		char *name, *q, quote;

		while (p < end && is_space(*p))
			p++;
		if (p >= end)
			break;
		name = p;
		while (p < end && !is_space(*p) && *p != '=')
			p++;
		q = p;
		while (p < end && is_space(*p))
			p++;
		if (p >= end || *p != '=' || q == name)
			return malformed(x, "an attribute without a value", err);
		*q = '\0';
		p++;
		while (p < end && is_space(*p))
			p++;
		if (p >= end || (*p != '"' && *p != '\''))
			return malformed(x, "an unquoted attribute value", err);
		quote = *p++;
		for (q = p; q < end && *q != quote; q++)
			;
		if (q == end || n == XMLSCAN_MAX_ATTS ||
		    attr_value(x, p, q, err) < 0)
			return err->code ? -1 : malformed(x, "a bad attribute", err);
		x->atts[2 * n] = name;
		x->atts[2 * n + 1] = p;
		n++;
		if (name[0] == 'x' && strncmp(name, "xmlns", 5) == 0 &&
		    (name[5] == '\0' || name[5] == ':') &&
		    bind(x, name[5] ? name + 6 : "", p, err) < 0)
			return -1;
		p = q + 1;
	}
	x->atts[2 * n] = NULL;
	return 0;
}

static int start_tag(struct xmlscan *x, char *gt, struct xmlscan_tok *t,
		     struct rk_error *err)
{
	char *name = x->buf + x->pos + 1, *p = name, *attend = gt;
	int empty = gt[-1] == '/', ns;
	size_t nlen;

	if (empty)
		attend--;
	while (p < attend && !is_space(*p))
		p++;
	nlen = (size_t)(p - name);
	if (nlen == 0)
		return malformed(x, "a tag without a name", err);
	if (x->root_done)
		return malformed(x, "a second root element", err);
	if (x->depth == XMLSCAN_MAX_DEPTH)
		return malformed(x, "elements nested too deep", err);
	x->depth++;
	x->name_off[x->depth] = x->names.len;
	if (bytebuf_reserve(&x->names, nlen + 1) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	memcpy(x->names.p + x->names.len, name, nlen);
	x->names.len += nlen + 1;
	x->names.p[x->names.len - 1] = '\0';
	x->names.p[x->names.len] = '\0';
	if (attributes(x, p, attend, err) < 0)
		return -1;
	name[nlen] = '\0';
	ns = resolve(x, name, nlen, &t->local);
	if (ns < 0)
		return malformed(x, "an unbound namespace prefix", err);
	x->ns_at[x->depth] = ns;
	x->local_at[x->depth] = (size_t)(t->local - name);
	t->kind = XS_START;
	t->ns = ns;
	t->atts = x->atts;
	x->pos = (size_t)(gt - x->buf) + 1;
	if (empty) {
		x->pending_end = 1;
		x->pending_local = t->local;
		x->pending_ns = ns;
	}
	return 1;
}

/* The innermost default namespace binding's, or none (0). */
static int default_ns(const struct xmlscan *x)
{
	for (int i = x->nbind - 1; i >= 0; i--)
		if (x->bind[i].len == 0)
			return x->bind[i].ns;
	return 0;
}

static void close_element(struct xmlscan *x)
{
	int popped = 0;

	while (x->nbind > 0 && x->bind[x->nbind - 1].depth >= x->depth) {
		popped |= x->bind[x->nbind - 1].len == 0;
		x->nbind--;
	}
	if (popped)
		x->dflt = default_ns(x);
	x->names.len = x->name_off[x->depth];
	x->depth--;
	if (x->depth == 0)
		x->root_done = 1;
}

/* Names are short ("c", "v", "row"): compared here, not by a memcmp call. */
static int same_name(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

static int end_tag(struct xmlscan *x, char *gt, struct xmlscan_tok *t,
		   struct rk_error *err)
{
	char *name = x->buf + x->pos + 2, *p = gt;
	size_t n, open;

	while (p > name && is_space(p[-1]))
		p--;
	*p = '\0';
	n = (size_t)(p - name);
	open = x->depth ? x->names.len - x->name_off[x->depth] - 1 : 0;
	if (x->depth == 0 || n != open ||
	    !same_name(name, x->names.p + x->name_off[x->depth], n))
		return malformed(x, "an end tag that does not match its start", err);
	/* the name its start tag had, in the same bindings */
	t->local = name + x->local_at[x->depth];
	t->kind = XS_END;
	t->ns = x->ns_at[x->depth];
	close_element(x);
	x->pos = (size_t)(gt - x->buf) + 1;
	return 1;
}

/* The end of a construct closed by close (e.g. "-->"), or NULL. */
static char *find(struct xmlscan *x, size_t from, const char *close)
{
	size_t n = strlen(close);
	char *p = x->buf + from, *end = x->buf + x->end;

	while (p + n <= end) {
		char *q = memchr(p, close[0], (size_t)(end - p));

		if (!q || q + n > end)
			return NULL;
		if (memcmp(q, close, n) == 0)
			return q;
		p = q + 1;
	}
	return NULL;
}

static int declaration(struct xmlscan *x, char *close, struct rk_error *err)
{
	char *enc = NULL;

	*close = '\0';
	if (x->offset + x->pos == 0 || (x->offset == 0 && x->pos == 3))
		enc = strstr(x->buf + x->pos, "encoding");
	if (enc) {
		enc = strpbrk(enc, "\"'");
		if (enc && strncasecmp(enc + 1, "utf-8", 5) != 0 &&
		    strncasecmp(enc + 1, "utf8", 4) != 0) {
			rk_error_set(err, RK_EXIT_DATAERR, xmlzip_name(x->z), 0,
				     "XML part '%s' is not in UTF-8",
				     xmlzip_part_name(x->part));
			rk_error_hint(err, "save the workbook again in Excel or "
					   "LibreOffice");
			return -1;
		}
	}
	x->pos = (size_t)(close - x->buf) + 2;
	return 0;
}

/*
 * Markup that gives no token: comments, processing instructions, the XML
 * declaration.  Returns 1 when skipped, 0 when more bytes are needed, 2 for
 * CDATA (text follows), -1.
 */
static int special(struct xmlscan *x, struct xmlscan_tok *t, struct rk_error *err)
{
	char *s = x->buf + x->pos, *close;
	size_t avail = x->end - x->pos;

	if (avail < 9 && !x->eof)
		return 0;
	if (s[1] == '?') {
		close = find(x, x->pos + 2, "?>");
		return !close ? 0 : declaration(x, close, err) < 0 ? -1 : 1;
	}
	if (avail >= 4 && memcmp(s, "<!--", 4) == 0) {
		close = find(x, x->pos + 4, "-->");
		if (close)
			x->pos = (size_t)(close - x->buf) + 3;
		return close != NULL;
	}
	if (avail >= 9 && memcmp(s, "<![CDATA[", 9) == 0) {
		close = find(x, x->pos + 9, "]]>");
		if (!close)
			return 0;
		if (x->depth == 0)
			return malformed(x, "CDATA outside the root element", err);
		if (decode_text(x, s + 9, (size_t)(close - s - 9), 1, err) < 0)
			return -1;
		t->kind = XS_TEXT;
		t->text = x->text.p;
		t->len = x->text.len;
		x->pos = (size_t)(close - x->buf) + 3;
		return 2;
	}
	if (avail >= 9 && memcmp(s, "<!DOCTYPE", 9) == 0) {
		rk_error_set(err, RK_EXIT_DATAERR, xmlzip_name(x->z), 0,
			     "XML with a DOCTYPE declaration in '%s'",
			     xmlzip_part_name(x->part));
		rk_error_hint(err, "workbooks never declare one; the file is "
				   "damaged or crafted");
		return -1;
	}
	return malformed(x, "unknown markup after '<!'", err);
}

static int text(struct xmlscan *x, struct xmlscan_tok *t, struct rk_error *err)
{
	char *s = x->buf + x->pos;
	char *lt = memchr(s, '<', x->end - x->pos);
	size_t n;

	if (!lt && !x->eof)
		return 0;
	n = lt ? (size_t)(lt - s) : x->end - x->pos;
	if (x->depth == 0) {
		for (size_t i = 0; i < n; i++)
			if (!is_space(s[i]))
				return malformed(x, "text outside the root element", err);
		x->pos += n;
		return 3;             /* nothing to give */
	}
	if (decode_text(x, s, n, 0, err) < 0)
		return -1;
	t->kind = XS_TEXT;
	t->text = x->text.p;
	t->len = x->text.len;
	x->pos += n;
	return 1;
}

static int check_start(struct xmlscan *x, struct rk_error *err)
{
	const unsigned char *b = (const unsigned char *)x->buf;

	if (x->end - x->pos < 4 && !x->eof)
		return 0;
	x->started = 1;
	if (x->end >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		x->pos = 3;
	else if (x->end >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) ||
				 (b[0] == 0xFF && b[1] == 0xFE))) {
		rk_error_set(err, RK_EXIT_DATAERR, xmlzip_name(x->z), 0,
			     "XML part '%s' is in UTF-16, not UTF-8",
			     xmlzip_part_name(x->part));
		rk_error_hint(err, "save the workbook again in Excel or LibreOffice");
		return -1;
	}
	return 1;
}

/* One step; 1 token, 0 need bytes, 3 skipped something, -1. */
static int step(struct xmlscan *x, struct xmlscan_tok *t, struct rk_error *err)
{
	char *s = x->buf + x->pos, *gt;
	int rc;

	if (!x->started && (rc = check_start(x, err)) <= 0)
		return rc;
	if (x->pos == x->end)
		return 0;
	if (*s != '<')
		return text(x, t, err);
	if (x->end - x->pos < 2)
		return 0;
	if (s[1] == '?' || s[1] == '!') {
		rc = special(x, t, err);
		return rc == 2 ? 1 : rc == 1 ? 3 : rc;
	}
	gt = tag_end(x);
	if (!gt)
		return 0;
	return s[1] == '/' ? end_tag(x, gt, t, err) : start_tag(x, gt, t, err);
}

int xmlscan_next(struct xmlscan *x, struct xmlscan_tok *t, struct rk_error *err)
{
	if (x->pending_end) {
		x->pending_end = 0;
		t->kind = XS_END;
		t->local = x->pending_local;
		t->ns = x->pending_ns;
		close_element(x);
		return 1;
	}
	for (;;) {
		int rc = step(x, t, err);

		if (rc == 1 || rc < 0)
			return rc;
		if (rc == 3)
			continue;
		if (x->eof) {
			if (x->pos < x->end)
				return malformed(x, "the document ends inside a tag", err);
			if (!x->root_done)
				return malformed(x, x->depth ? "the document ends "
						 "inside an element" : "no root element", err);
			return 0;
		}
		if (fill(x, err) < 0)
			return -1;
	}
}
