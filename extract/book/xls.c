/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xls workbooks (BIFF5/7 and BIFF8 in a compound file): the Workbook
 * stream's globals give the sheets, shared strings, number formats, cell
 * formats, date system and code page.  libfreexl cannot serve here: it
 * opens none of the BIFF5 files of the corpus, gives no merged ranges,
 * booleans, errors or formula strings, and turns durations into times of day.
 */
#include "xls_impl.h"
#include "formats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfb.h"
#include "xstring.h"

#define MAX_SHEETS 65536
#define MAX_CHUNKS 1000000

static unsigned u16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t u32(const unsigned char *p)
{
	return (uint32_t)u16(p) | (uint32_t)u16(p + 2) << 16;
}

int xls_rec(const struct xls_book *b, size_t pos, struct biff_rec *r)
{
	size_t len;

	if (pos + 4 > b->len)
		return -1;
	len = u16(b->stream + pos + 2);
	if (pos + 4 + len > b->len)
		return -1;
	*r = (struct biff_rec){ u16(b->stream + pos), b->stream + pos + 4, len, pos };
	return 0;
}

static int damaged(struct xls_book *b, struct rk_error *err, const char *what)
{
	rk_error_set(err, RK_EXIT_DATAERR, b->base.name, 0,
		     "damaged xls workbook: %s", what);
	rk_error_hint(err, "open it in Excel or LibreOffice and save it again");
	return -1;
}

/* ---- strings ---- */

static int add_utf16(struct bytebuf *out, const unsigned char *p, size_t n,
		     int high)
{
	if (bytebuf_reserve(out, n * 3) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned long c = high ? u16(p + 2 * i) : p[i];

		if (high && c >= 0xD800 && c <= 0xDBFF && i + 1 < n &&
		    u16(p + 2 * i + 2) >= 0xDC00 && u16(p + 2 * i + 2) <= 0xDFFF) {
			c = 0x10000 + ((c - 0xD800) << 10) + (u16(p + 2 * i + 2) - 0xDC00);
			i++;
			if (bytebuf_reserve(out, 4) < 0)
				return -1;
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			c = 0xFFFD;     /* a lone surrogate cannot be UTF-8 */
		}
		out->len += xstring_utf8(c, out->p + out->len);
	}
	out->p[out->len] = '\0';
	return 0;
}

long xls_unicode(const unsigned char *p, size_t len, size_t nchars,
		 struct bytebuf *out, int *oom_flag)
{
	size_t pos = 1, size;
	int high;

	*oom_flag = 0;
	if (len < 1)
		return -1;
	high = p[0] & 1;
	if (p[0] & 8)
		pos += 2;             /* rich-text run count */
	if (p[0] & 4)
		pos += 4;             /* phonetic block size */
	size = nchars * (high ? 2 : 1);
	if (pos > len || size > len - pos)
		return -1;
	if (add_utf16(out, p + pos, nchars, high) < 0) {
		*oom_flag = 1;
		return -1;
	}
	return (long)(pos + size);
}

int xls_bytes(struct xls_book *b, const unsigned char *p, size_t n,
	      struct bytebuf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar *u;
	int32_t nu;

	if (!b->cnv)
		return add_utf16(out, p, n, 0);      /* ISO-8859-1 */
	u = malloc((n + 1) * 2 * sizeof(UChar));
	if (!u)
		return -1;
	nu = ucnv_toUChars(b->cnv, u, (int32_t)(n + 1) * 2, (const char *)p,
			   (int32_t)n, &st);
	if (U_FAILURE(st) || nu < 0) {
		free(u);
		return add_utf16(out, p, n, 0);
	}
	if (bytebuf_reserve(out, (size_t)nu * 3) < 0) {
		free(u);
		return -1;
	}
	for (int32_t i = 0; i < nu; i++) {
		unsigned long c = u[i];

		if (c >= 0xD800 && c <= 0xDBFF && i + 1 < nu &&
		    u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
			c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00u);
		}
		out->len += xstring_utf8(c, out->p + out->len);
	}
	out->p[out->len] = '\0';
	free(u);
	return 0;
}

/* ICU's name for a Windows code page number, as xlrd maps them. */
static const char *codepage_name(unsigned cp, char *buf, size_t n)
{
	switch (cp) {
	case 367: return "US-ASCII";
	case 1200: return NULL;
	case 10000: case 32768: return "macintosh";
	case 10006: return "x-mac-greek";
	case 10007: return "x-mac-cyrillic";
	case 10029: return "x-mac-centraleurroman";
	case 10081: return "x-mac-turkish";
	case 32769: return "windows-1252";
	}
	if (cp >= 1250 && cp <= 1258)
		snprintf(buf, n, "windows-%u", cp);
	else
		snprintf(buf, n, "cp%u", cp);
	return buf;
}

static void set_codepage(struct xls_book *b, unsigned cp)
{
	char buf[32];
	const char *name = codepage_name(cp, buf, sizeof(buf));
	UErrorCode st = U_ZERO_ERROR;

	if (b->cnv)
		ucnv_close(b->cnv);
	b->cnv = NULL;
	if (!name || b->biff8)
		return;
	b->cnv = ucnv_open(name, &st);
	if (U_FAILURE(st))
		b->cnv = NULL;
}

/* ---- shared strings: an SST record and its CONTINUE records ---- */

struct chunks {
	const unsigned char **p;
	size_t *len, n, ci, off;
};

static int chunks_collect(struct xls_book *b, size_t pos, struct chunks *c)
{
	struct biff_rec r;
	size_t cap = 0;

	memset(c, 0, sizeof(*c));
	while (xls_rec(b, pos, &r) == 0 && (c->n == 0 || r.type == BIFF_CONTINUE)) {
		if (c->n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			const unsigned char **p = realloc(c->p, nc * sizeof(*p));
			size_t *l = p ? realloc(c->len, nc * sizeof(*l)) : NULL;

			if (p)
				c->p = p;
			if (!p || !l || c->n >= MAX_CHUNKS)
				return -1;
			c->len = l;
			cap = nc;
		}
		c->p[c->n] = r.data;
		c->len[c->n++] = r.len;
		pos += 4 + r.len;
	}
	return 0;
}

static void chunks_free(struct chunks *c)
{
	free(c->p);
	free(c->len);
}

/* Moves to the next chunk when the current one is used up. */
static int chunks_avail(struct chunks *c)
{
	while (c->ci < c->n && c->off >= c->len[c->ci]) {
		c->ci++;
		c->off = 0;
	}
	return c->ci < c->n;
}

static int chunks_bytes(struct chunks *c, unsigned char *dst, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!chunks_avail(c))
			return -1;
		if (dst)
			dst[i] = c->p[c->ci][c->off];
		c->off++;
	}
	return 0;
}

/* Characters that continue into the next record restate their width there. */
static int chunks_chars(struct chunks *c, size_t nchars, int high,
			struct bytebuf *out)
{
	while (nchars > 0) {
		size_t avail, take;

		if (c->ci < c->n && c->off >= c->len[c->ci]) {
			c->ci++;
			c->off = 0;
			if (c->ci >= c->n || c->len[c->ci] < 1)
				return -1;
			high = c->p[c->ci][c->off++] & 1;
		}
		if (c->ci >= c->n)
			return -1;
		avail = (c->len[c->ci] - c->off) / (high ? 2 : 1);
		take = avail < nchars ? avail : nchars;
		if (take == 0)
			return -1;
		if (add_utf16(out, c->p[c->ci] + c->off, take, high) < 0)
			return -2;
		c->off += take * (high ? 2 : 1);
		nchars -= take;
	}
	return 0;
}

/* One XLUnicodeRichExtendedString; -1 when the data runs out, -2 out of memory. */
static int sst_item(struct chunks *c, struct bytebuf *out)
{
	unsigned char h[3], x[4];
	size_t runs = 0, ext = 0;
	int rc;

	if (chunks_bytes(c, h, 3) < 0)
		return -1;
	if (h[2] & 8) {
		if (chunks_bytes(c, x, 2) < 0)
			return -1;
		runs = u16(x);
	}
	if (h[2] & 4) {
		if (chunks_bytes(c, x, 4) < 0)
			return -1;
		ext = u32(x);
	}
	if ((rc = chunks_chars(c, u16(h), h[2] & 1, out)) < 0)
		return rc;
	chunks_bytes(c, NULL, runs * 4 + ext);      /* runs and phonetic data */
	return 0;
}

static int push_sst_offset(struct xls_book *b, size_t *cap)
{
	if (b->nsst + 1 >= *cap) {
		size_t nc = *cap ? *cap * 2 : 1024;
		size_t *o = realloc(b->sst_off, nc * sizeof(*o));

		if (!o)
			return -1;
		b->sst_off = o;
		*cap = nc;
	}
	b->sst_off[++b->nsst] = b->sst.len;
	return 0;
}

/* Reads what strings there are; a count larger than the data is tolerated. */
static int read_sst(struct xls_book *b, size_t pos, struct rk_error *err)
{
	struct chunks c;
	size_t cap = 0, declared;
	int rc = 0;

	if (b->sst_off)
		return 0;             /* a second SST is ignored */
	if (chunks_collect(b, pos, &c) < 0 || push_sst_offset(b, &cap) < 0) {
		chunks_free(&c);
		return rk_error_oom(err);
	}
	b->nsst = 0;
	b->sst_off[0] = 0;
	if (c.len[0] < 8) {
		chunks_free(&c);
		return 0;
	}
	declared = u32(c.p[0] + 4);
	c.off = 8;
	for (size_t i = 0; i < declared; i++) {
		if ((rc = sst_item(&c, &b->sst)) < 0)
			break;
		if (bytebuf_add(&b->sst, "", 1) < 0 || push_sst_offset(b, &cap) < 0) {
			rc = -2;
			break;
		}
	}
	chunks_free(&c);
	return rc == -2 ? rk_error_oom(err) : 0;
}

/* ---- globals ---- */

static int add_format(struct xls_book *b, const struct biff_rec *r,
		      struct rk_error *err)
{
	struct bytebuf code = { 0 };
	unsigned key;
	int bad_oom = 0, ok;

	if (r->len < 3)
		return 0;
	key = u16(r->data);
	if (b->biff8)
		ok = r->len >= 5 && xls_unicode(r->data + 4, r->len - 4,
						u16(r->data + 2), &code, &bad_oom) >= 0;
	else
		ok = (size_t)r->data[2] + 3 <= r->len &&
		     xls_bytes(b, r->data + 3, r->data[2], &code) == 0;
	if (bad_oom)
		return rk_error_oom(err);
	if (ok)
		b->fmt_kind[key] = (unsigned char)(numfmt_date_kind_xls(code.p ? code.p : "") + 1);
	bytebuf_free(&code);
	return 0;
}

static int add_xf(struct xls_book *b, const struct biff_rec *r,
		  struct rk_error *err)
{
	if (r->len < 4)
		return 0;
	if (b->nxf == b->capxf) {
		size_t nc = b->capxf ? b->capxf * 2 : 64;
		uint16_t *f = realloc(b->xf_fmt, nc * sizeof(*f));

		if (!f || nc > 1000000)
			return f ? damaged(b, err, "too many cell formats") : rk_error_oom(err);
		b->xf_fmt = f;
		b->capxf = nc;
	}
	b->xf_fmt[b->nxf++] = (uint16_t)u16(r->data + 2);
	return 0;
}

static int add_sheet(struct xls_book *b, const struct biff_rec *r,
		     struct rk_error *err)
{
	struct bytebuf name = { 0 };
	size_t i = b->base.nsheets;
	int bad_oom = 0, ok;

	if (r->len < 8 || r->data[5] != 0)
		return 0;             /* charts, macro sheets, VB modules */
	if (i >= MAX_SHEETS)
		return damaged(b, err, "too many sheets");
	if (b->biff8)
		ok = xls_unicode(r->data + 7, r->len - 7, r->data[6], &name,
				 &bad_oom) >= 0;
	else
		ok = (size_t)r->data[6] + 7 <= r->len &&
		     xls_bytes(b, r->data + 7, r->data[6], &name) == 0;
	if (bad_oom || (ok && !name.p && bytebuf_add(&name, "", 0) < 0))
		return rk_error_oom(err);
	if (!ok) {
		bytebuf_free(&name);
		return damaged(b, err, "a sheet name runs past its record");
	}
	if (!(i & (i + 1))) {    /* grow at powers of two */
		char **s = realloc(b->base.sheets, (2 * i + 2) * sizeof(*s));
		size_t *p = s ? realloc(b->sheet_pos, (2 * i + 2) * sizeof(*p)) : NULL;

		if (s)
			b->base.sheets = s;
		if (!p) {
			bytebuf_free(&name);
			return rk_error_oom(err);
		}
		b->sheet_pos = p;
	}
	b->base.sheets[i] = name.p;
	b->sheet_pos[i] = u32(r->data);
	b->base.nsheets++;
	return 0;
}

/* xlrd's built-in format types for keys no FORMAT record defines. */
static enum numfmt_kind builtin_kind(unsigned key)
{
	if (key == 46)
		return NUMFMT_DURATION;
	if ((key >= 14 && key <= 22) || (key >= 27 && key <= 36) ||
	    (key >= 45 && key <= 47) || (key >= 50 && key <= 58) ||
	    (key >= 71 && key <= 81))
		return NUMFMT_DATE;
	return NUMFMT_NUMBER;
}

static int resolve_xfs(struct xls_book *b, struct rk_error *err)
{
	b->xf_kind = malloc(b->nxf ? b->nxf : 1);
	if (!b->xf_kind)
		return rk_error_oom(err);
	for (size_t i = 0; i < b->nxf; i++) {
		unsigned key = b->xf_fmt[i];

		b->xf_kind[i] = (unsigned char)(b->fmt_kind[key]
				? b->fmt_kind[key] - 1u : builtin_kind(key));
	}
	return 0;
}

enum numfmt_kind xls_xf_kind(const struct xls_book *b, unsigned xf)
{
	return xf < b->nxf ? (enum numfmt_kind)b->xf_kind[xf] : NUMFMT_NUMBER;
}

static int check_bof(struct xls_book *b, struct rk_error *err)
{
	struct biff_rec r;
	unsigned version;

	if (xls_rec(b, 0, &r) < 0)
		return damaged(b, err, "empty Workbook stream");
	if (r.type == BIFF_BOF2 || r.type == BIFF_BOF3 || r.type == BIFF_BOF4) {
		rk_error_set(err, RK_EXIT_DATAERR, b->base.name, 0,
			     "Excel 2.x–4.x workbook (BIFF2–4) not supported");
		rk_error_hint(err, "save it from Excel or LibreOffice as .xlsx");
		return -1;
	}
	if (r.type != BIFF_BOF || r.len < 4)
		return damaged(b, err, "the Workbook stream does not start with BOF");
	version = u16(r.data);
	b->biff8 = version == 0x0600;
	if (version != 0x0600 && version != 0x0500)
		return damaged(b, err, "unknown BIFF version");
	return 0;
}

static int encrypted(struct xls_book *b, struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, b->base.name, 0,
		     "the workbook is password-protected");
	rk_error_hint(err, "save an unprotected copy and extract that");
	return -1;
}

static int global_record(struct xls_book *b, const struct biff_rec *r,
			 struct rk_error *err)
{
	switch (r->type) {
	case BIFF_FILEPASS: return encrypted(b, err);
	case BIFF_CODEPAGE:
		if (r->len >= 2)
			set_codepage(b, u16(r->data));
		return 0;
	case BIFF_DATEMODE:
		b->dates = r->len >= 2 && u16(r->data) == 1 ? SERIAL_1904 : SERIAL_1900;
		return 0;
	case BIFF_FORMAT: return add_format(b, r, err);
	case BIFF_XF: return add_xf(b, r, err);
	case BIFF_BOUNDSHEET: return add_sheet(b, r, err);
	case BIFF_SST: return read_sst(b, r->pos, err);
	}
	return 0;
}

static int read_globals(struct xls_book *b, struct rk_error *err)
{
	struct biff_rec r;
	size_t pos;

	if (check_bof(b, err) < 0)
		return -1;
	for (pos = 0; xls_rec(b, pos, &r) == 0; pos += 4 + r.len) {
		if (r.type == BIFF_EOF)
			break;
		if (global_record(b, &r, err) < 0)
			return -1;
	}
	if (!b->base.sheets && !(b->base.sheets = calloc(1, sizeof(char *))))
		return rk_error_oom(err);
	if (!b->sst_off && !(b->sst_off = calloc(1, sizeof(size_t))))
		return rk_error_oom(err);
	return resolve_xfs(b, err);
}

static int read_stream(struct xls_book *b, const char *path, const char *name,
		       struct rk_error *err)
{
	struct cfb *c = cfb_open(path, name, err);
	int rc;

	if (!c)
		return -1;
	if (cfb_has(c, "EncryptedPackage")) {
		cfb_close(c);
		return encrypted(b, err);
	}
	rc = cfb_read(c, "Workbook", &b->stream, &b->len, err);
	if (rc == 1)
		rc = cfb_read(c, "Book", &b->stream, &b->len, err);
	cfb_close(c);
	if (rc == 1) {
		rk_error_set(err, RK_EXIT_DATAERR, name, 0,
			     "no Workbook stream in the compound file");
		rk_error_hint(err, "the file is not an Excel workbook");
	}
	return rc == 0 ? 0 : -1;
}

static void xls_close(struct book *base)
{
	struct xls_book *b = (struct xls_book *)base;

	free(b->stream);
	if (b->cnv)
		ucnv_close(b->cnv);
	free(b->xf_kind);
	free(b->xf_fmt);
	bytebuf_free(&b->sst);
	free(b->sst_off);
	free(b->sheet_pos);
	free(b);
}

static const struct book_ops xls_ops = {
	xls_sheet_open, xls_sheet_next, xls_sheet_close, xls_close, NULL
};

struct book *xls_book_open(const char *path, const char *name,
			   struct rk_error *err)
{
	struct xls_book *b = calloc(1, sizeof(*b));

	if (!b) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	b->base.ops = &xls_ops;
	b->base.name = (char *)name;   /* for errors until book_open sets its copy */
	if (read_stream(b, path, name, err) < 0 || read_globals(b, err) < 0) {
		b->base.name = NULL;
		book_close(&b->base);
		return NULL;
	}
	b->base.name = NULL;
	return &b->base;
}
