/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An xls worksheet: its substream is in memory with the rest of the
 * Workbook stream, so the sheet is read whole when opened, its cells sorted
 * into row and column order (the last record for a cell wins, as in xlrd)
 * and handed out row by row.
 */
#include "xls_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cellbuf.h"
#include "cellref.h"
#include "mergeset.h"
#include "numfmt.h"

struct xls_sheet {
	struct sheet base;
	struct xls_book *b;
	struct cellbuf cells;        /* the whole sheet */
	struct mergeset merges;
	size_t capmerges;
};

static unsigned u16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t u32(const unsigned char *p)
{
	return (uint32_t)u16(p) | (uint32_t)u16(p + 2) << 16;
}

static int cell_limit(struct xls_sheet *s, struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, s->b->base.name, 0,
		     "more than %lu cells in sheet '%s'", XLS_MAX_CELLS,
		     s->b->base.sheets[s->base.index]);
	rk_error_hint(err, "the file may be crafted to exhaust memory");
	return -1;
}

static int add(struct xls_sheet *s, unsigned row, unsigned col, char type,
	       const char *ext, const char *text, size_t len, struct rk_error *err)
{
	size_t off = 0;

	if (col > CELLREF_MAX_COL) {
		rk_error_set(err, RK_EXIT_DATAERR, s->b->base.name, 0,
			     "damaged xls workbook: a cell beyond column XFD "
			     "in sheet '%s'", s->b->base.sheets[s->base.index]);
		return -1;
	}
	if (s->cells.n >= XLS_MAX_CELLS)     /* on every cell, not on growth */
		return cell_limit(s, err);
	if ((!ext && cellbuf_text(&s->cells, text, len, &off) < 0) ||
	    cellbuf_push(&s->cells, (long)row + 1, col, type, ext, off, len) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	return 0;
}

static int add_number(struct xls_sheet *s, unsigned row, unsigned col,
		      unsigned xf, double x, struct rk_error *err)
{
	char buf[SERIAL_MAX > NUMFMT_MAX ? SERIAL_MAX : NUMFMT_MAX];
	enum numfmt_kind kind = xls_xf_kind(s->b, xf);
	int rc = -1;

	if (kind == NUMFMT_DURATION)
		rc = serial_duration(x, buf);
	else if (kind == NUMFMT_DATE)
		rc = serial_date(x, s->b->dates, buf);
	if (rc == 0)
		return add(s, row, col, 'd', NULL, buf, strlen(buf), err);
	numfmt_shortest(x, buf);        /* also a date out of range, as xlrd */
	return add(s, row, col, 'n', NULL, buf, strlen(buf), err);
}

static const char *error_text(unsigned code)
{
	switch (code) {
	case 0x00: return "#NULL!";
	case 0x07: return "#DIV/0!";
	case 0x0F: return "#VALUE!";
	case 0x17: return "#REF!";
	case 0x1D: return "#NAME?";
	case 0x24: return "#NUM!";
	case 0x2A: return "#N/A";
	}
	return NULL;
}

static int add_boolerr(struct xls_sheet *s, unsigned row, unsigned col,
		       unsigned value, int is_error, struct rk_error *err)
{
	char buf[32];
	const char *t = error_text(value);

	if (!is_error)
		return value ? add(s, row, col, 'b', NULL, "TRUE", 4, err)
			     : add(s, row, col, 'b', NULL, "FALSE", 5, err);
	if (!t) {
		snprintf(buf, sizeof(buf), "#ERR%u!", value);
		t = buf;
	}
	return add(s, row, col, 'e', NULL, t, strlen(t), err);
}

static double rk_value(uint32_t rk)
{
	double d;

	if (rk & 2) {
		d = (double)((int32_t)rk >> 2);
	} else {
		uint64_t bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;

		memcpy(&d, &bits, sizeof(d));
	}
	return rk & 1 ? d / 100.0 : d;
}

/* A string cell: LABEL or RSTRING body at p. */
static int add_label(struct xls_sheet *s, unsigned row, unsigned col,
		     const unsigned char *p, size_t len, struct rk_error *err)
{
	struct bytebuf t = { 0 };
	int bad_oom = 0, ok, rc;

	if (len < 2)
		return 0;
	if (s->b->biff8)
		ok = xls_unicode(p + 2, len - 2, u16(p), &t, &bad_oom) >= 0;
	else
		ok = u16(p) + 2 <= len && xls_bytes(s->b, p + 2, u16(p), &t) == 0;
	if (bad_oom) {
		bytebuf_free(&t);
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	}
	rc = ok && t.len ? add(s, row, col, 's', NULL, t.p, t.len, err) : 0;
	bytebuf_free(&t);
	return rc;
}

static int add_sst(struct xls_sheet *s, unsigned row, unsigned col,
		   uint32_t i, struct rk_error *err)
{
	const struct xls_book *b = s->b;
	size_t len;

	if (i >= b->nsst)
		return 0;            /* a string the table does not hold */
	len = b->sst_off[i + 1] - b->sst_off[i] - 1;
	return len ? add(s, row, col, 's', b->sst.p + b->sst_off[i], NULL, len, err)
		   : 0;
}

/* The STRING record holding a formula's text result, after pos. */
static int formula_string(struct xls_sheet *s, size_t pos, unsigned row,
			  unsigned col, struct rk_error *err)
{
	struct biff_rec r;

	while (xls_rec(s->b, pos, &r) == 0) {
		if (r.type == BIFF_STRING)
			return add_label(s, row, col, r.data, r.len, err);
		if (r.type != BIFF_SHRFMLA && r.type != BIFF_ARRAY &&
		    r.type != BIFF_TABLEOP)
			return 0;
		pos += 4 + r.len;
	}
	return 0;
}

static int add_formula(struct xls_sheet *s, const struct biff_rec *r,
		       struct rk_error *err)
{
	const unsigned char *d = r->data;
	unsigned row = u16(d), col = u16(d + 2);
	double x;

	if (r->len < 16)
		return 0;
	if (d[12] != 0xFF || d[13] != 0xFF) {
		memcpy(&x, d + 6, sizeof(x));
		return add_number(s, row, col, u16(d + 4), x, err);
	}
	switch (d[6]) {
	case 0: return formula_string(s, r->pos + 4 + r->len, row, col, err);
	case 1: return add_boolerr(s, row, col, d[8], 0, err);
	case 2: return add_boolerr(s, row, col, d[8], 1, err);
	}
	return 0;                     /* 3: an empty string */
}

static int add_mulrk(struct xls_sheet *s, const struct biff_rec *r,
		     struct rk_error *err)
{
	const unsigned char *d = r->data;
	unsigned row, first, last;

	if (r->len < 6)
		return 0;
	row = u16(d);
	first = u16(d + 2);
	last = u16(d + r->len - 2);
	for (unsigned c = first; c <= last; c++) {
		size_t at = 4 + (size_t)(c - first) * 6;

		if (at + 6 > r->len - 2)
			break;
		if (add_number(s, row, c, u16(d + at), rk_value(u32(d + at + 2)),
			       err) < 0)
			return -1;
	}
	return 0;
}

static int add_merges(struct xls_sheet *s, const struct biff_rec *r,
		      struct rk_error *err)
{
	size_t n = r->len >= 2 ? u16(r->data) : 0;

	for (size_t i = 0; i < n && 2 + 8 * (i + 1) <= r->len; i++) {
		const unsigned char *m = r->data + 2 + 8 * i;
		long r1 = u16(m) + 1, r2 = u16(m + 2) + 1, c1 = u16(m + 4), c2 = u16(m + 6);

		if (s->base.nmerges == s->capmerges) {
			size_t cap = s->capmerges ? s->capmerges * 2 : 16;
			struct sheet_range *v = realloc(s->base.merges, cap * sizeof(*v));

			if (!v)
				return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
						    "out of memory");
			s->base.merges = v;
			s->capmerges = cap;
		}
		s->base.merges[s->base.nmerges++] = (struct sheet_range){
			r1 < r2 ? r1 : r2, c1 < c2 ? c1 : c2,
			r1 < r2 ? r2 : r1, c1 < c2 ? c2 : c1 };
	}
	return 0;
}

static int cell_record(struct xls_sheet *s, const struct biff_rec *r,
		       struct rk_error *err)
{
	const unsigned char *d = r->data;
	double x;

	switch (r->type) {
	case BIFF_NUMBER:
		if (r->len < 14)
			return 0;
		memcpy(&x, d + 6, sizeof(x));
		return add_number(s, u16(d), u16(d + 2), u16(d + 4), x, err);
	case BIFF_RK:
		return r->len < 10 ? 0 : add_number(s, u16(d), u16(d + 2), u16(d + 4),
						    rk_value(u32(d + 6)), err);
	case BIFF_MULRK: return add_mulrk(s, r, err);
	case BIFF_LABELSST:
		return r->len < 10 ? 0 : add_sst(s, u16(d), u16(d + 2), u32(d + 6), err);
	case BIFF_LABEL:
	case BIFF_RSTRING:
		return r->len < 8 ? 0 : add_label(s, u16(d), u16(d + 2), d + 6,
						  r->len - 6, err);
	case BIFF_BOOLERR:
		return r->len < 8 ? 0 : add_boolerr(s, u16(d), u16(d + 2), d[6],
						     d[7] != 0, err);
	case BIFF_FORMULA:
	case BIFF_FORMULA3:
	case BIFF_FORMULA4:
		return add_formula(s, r, err);
	case BIFF_MERGEDCELLS: return add_merges(s, r, err);
	}
	return 0;
}

/* Reads the substream from its BOF to its EOF, skipping embedded charts. */
static int read_cells(struct xls_sheet *s, size_t pos, struct rk_error *err)
{
	struct biff_rec r;

	if (xls_rec(s->b, pos, &r) < 0 || r.type != BIFF_BOF) {
		rk_error_set(err, RK_EXIT_DATAERR, s->b->base.name, 0,
			     "damaged xls workbook: sheet '%s' does not start "
			     "where the workbook says",
			     s->b->base.sheets[s->base.index]);
		rk_error_hint(err, "open it in Excel or LibreOffice and save it again");
		return -1;
	}
	for (pos += 4 + r.len; xls_rec(s->b, pos, &r) == 0; pos += 4 + r.len) {
		if (r.type == BIFF_EOF)
			break;
		if (r.type == BIFF_BOF) {
			while (xls_rec(s->b, pos + 4 + r.len, &r) == 0 &&
			       (pos += 4 + r.len, r.type != BIFF_EOF))
				;
			continue;
		}
		if (cell_record(s, &r, err) < 0)
			return -1;
	}
	return 0;
}

struct sheet *xls_sheet_open(struct book *base, size_t i, struct rk_error *err)
{
	struct xls_book *b = (struct xls_book *)base;
	struct xls_sheet *s = calloc(1, sizeof(*s));

	if (!s) {
		rk_error_set(err, RK_EXIT_SOFTWARE, base->name, 0, "out of memory");
		return NULL;
	}
	s->base.ops = base->ops;
	s->base.book = base;
	s->base.index = i;
	s->b = b;
	cellbuf_init(&s->cells, 256, XLS_MAX_CELLS);
	if (read_cells(s, b->sheet_pos[i], err) < 0)
		goto fail;
	if (cellbuf_order(&s->cells) < 0 ||
	    mergeset_init(&s->merges, s->base.merges, s->base.nmerges) < 0) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto fail;
	}
	return &s->base;
fail:
	sheet_close(&s->base);
	return NULL;
}

int xls_sheet_next(struct sheet *base, struct sheet_row *row,
		   struct rk_error *err)
{
	struct xls_sheet *s = (struct xls_sheet *)base;

	(void)err;
	return cellbuf_next(&s->cells, &s->merges, row);
}

void xls_sheet_close(struct sheet *base)
{
	struct xls_sheet *s = (struct xls_sheet *)base;

	cellbuf_release(&s->cells);
	mergeset_release(&s->merges);
	free(s);
}
