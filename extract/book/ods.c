/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ods workbooks: content.xml is read once when the book opens, for the
 * table names and their spanned cells (the merged ranges a sheet must give
 * before its first row), and again for each sheet opened.
 */
#define _GNU_SOURCE             /* memmem */
#include "ods_impl.h"
#include "docprops.h"
#include "formats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MANIFEST_MAX (1 << 20)

struct ods_sheet {
	struct sheet base;
	struct ods_parser p;
	struct xmlzip_part *part;
	long rep_left;            /* copies of the parsed row still to give */
	struct sheet_cell *out;
	size_t capout;
};

static const struct book_ops ops;

/* ODF encrypts parts itself; the manifest says so. */
static int check_encryption(struct xmlzip *z, struct rk_error *err)
{
	long idx = xmlzip_find(z, "META-INF/manifest.xml");
	struct xmlzip_part *p;
	char *buf;
	long n;
	int rc = 0;

	if (idx < 0)
		return 0;
	p = xmlzip_part_open(z, idx, err);
	buf = malloc(MANIFEST_MAX);
	if (!p || !buf) {
		xmlzip_part_close(p);
		free(buf);
		return p ? rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					"out of memory") : -1;
	}
	n = xmlzip_part_read(p, buf, MANIFEST_MAX, err);
	if (n < 0)
		rc = -1;
	else if (memmem(buf, (size_t)n, "encryption-data", 15)) {
		rk_error_set(err, RK_EXIT_DATAERR, xmlzip_name(z), 0,
			     "the workbook is password-protected");
		rk_error_hint(err, "save an unprotected copy and extract that");
		rc = -1;
	}
	xmlzip_part_close(p);
	free(buf);
	return rc;
}

/* The first pass: table names and spans. */
static int scan_content(struct ods_book *b, struct rk_error *err)
{
	struct ods_parser P;
	struct xmlzip_part *part = NULL;
	const char *name;
	int rc = -1;

	if (ods_parser_init(&P, b, 1, -1, err) < 0)
		goto out;
	part = xmlzip_part_open(b->zip, b->content, err);
	if (!part || xmlzip_parse(part, &P.u) != 0)
		goto out;
	b->base.sheets = calloc((size_t)P.tables + 1, sizeof(char *));
	if (!b->base.sheets) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	name = P.names.p;
	for (long t = 0; t < P.tables; t++, name += strlen(name) + 1) {
		if (!(b->base.sheets[t] = strdup(name))) {
			rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
			goto out;
		}
		b->base.nsheets++;
	}
	b->spans = P.spans;
	P.spans = NULL;
	rc = 0;
out:
	xmlzip_part_close(part);
	ods_parser_release(&P);
	return rc;
}

static void ods_close(struct book *base)
{
	struct ods_book *b = (struct ods_book *)base;

	if (b->spans)
		for (size_t i = 0; i < b->base.nsheets; i++)
			free(b->spans[i].v);
	free(b->spans);
	xmlzip_close(b->zip);
	free(b);
}

struct book *ods_book_open(const char *path, const char *name,
			   struct rk_error *err)
{
	struct ods_book *b = calloc(1, sizeof(*b));

	if (!b) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	b->base.ops = &ops;
	b->zip = xmlzip_open(path, name, err);
	if (!b->zip || check_encryption(b->zip, err) < 0)
		goto fail;
	b->content = xmlzip_find(b->zip, "content.xml");
	if (b->content < 0) {
		rk_error_set(err, RK_EXIT_DATAERR, name, 0,
			     "no content.xml in the package");
		rk_error_hint(err, "the file is damaged or not an ods workbook");
		goto fail;
	}
	if (scan_content(b, err) < 0)
		goto fail;
	return &b->base;
fail:
	if (err->code && !err->file[0])
		snprintf(err->file, sizeof(err->file), "%s", name);
	book_close(&b->base);
	return NULL;
}

/* ---- sheets ---- */

struct sheet *ods_sheet_open(struct book *base, size_t i, struct rk_error *err)
{
	struct ods_book *b = (struct ods_book *)base;
	struct ods_sheet *s = calloc(1, sizeof(*s));
	const struct ods_spans *sp = &b->spans[i];

	if (!s) {
		rk_error_set(err, RK_EXIT_SOFTWARE, base->name, 0, "out of memory");
		return NULL;
	}
	s->base.ops = base->ops;
	s->base.book = base;
	s->base.index = i;
	if (ods_parser_init(&s->p, b, 0, (long)i, err) < 0)
		goto fail;
	if (sp->n) {
		s->base.merges = malloc(sp->n * sizeof(*sp->v));
		if (!s->base.merges) {
			rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
			goto fail;
		}
		memcpy(s->base.merges, sp->v, sp->n * sizeof(*sp->v));
		s->base.nmerges = sp->n;
	}
	s->part = xmlzip_part_open(b->zip, b->content, err);
	if (!s->part)
		goto fail;
	return &s->base;
fail:
	sheet_close(&s->base);
	return NULL;
}

/* The parsed row's cells as the API gives them. */
static int fill_out(struct ods_sheet *s, struct rk_error *err)
{
	struct ods_parser *p = &s->p;

	if (p->ncells > s->capout) {
		struct sheet_cell *o = realloc(s->out, p->ncells * sizeof(*o));

		if (!o)
			return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					    "out of memory");
		s->out = o;
		s->capout = p->ncells;
	}
	for (size_t k = 0; k < p->ncells; k++)
		s->out[k] = (struct sheet_cell){ p->cells[k].col, p->cells[k].type,
						 p->arena.p + p->cells[k].off,
						 p->cells[k].len };
	s->rep_left = p->row_rep;
	return 0;
}

int ods_sheet_next(struct sheet *base, struct sheet_row *row,
		   struct rk_error *err)
{
	struct ods_sheet *s = (struct ods_sheet *)base;
	struct ods_parser *p = &s->p;

	p->u.err = err;
	for (;;) {
		int rc;

		if (s->rep_left > 0) {
			*row = (struct sheet_row){ p->row, p->ncells, s->out };
			p->row++;
			s->rep_left--;
			return 1;
		}
		if (p->done)
			return 0;
		rc = xmlzip_parse(s->part, &p->u);
		if (rc < 0) {
			if (!err->file[0])
				snprintf(err->file, sizeof(err->file), "%s",
					 base->book->name);
			return -1;
		}
		if (rc == 0)
			p->done = 1;
		else if (!p->done && fill_out(s, err) < 0)
			return -1;
	}
}

void ods_sheet_close(struct sheet *base)
{
	struct ods_sheet *s = (struct ods_sheet *)base;

	xmlzip_part_close(s->part);
	ods_parser_release(&s->p);
	free(s->out);
	free(s);
}

static int ods_props(struct book *base, struct book_props *out,
		     struct rk_error *err)
{
	struct ods_book *b = (struct ods_book *)base;

	return docprops_read(b->zip, xmlzip_find(b->zip, "meta.xml"),
			     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
			     "\001creation-date",
			     "http://purl.org/dc/elements/1.1/\001date", out,
			     err);
}

static const struct book_ops ops = {
	ods_sheet_open, ods_sheet_next, ods_sheet_close, ods_close, ods_props
};
