/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xlsx/xlsm workbooks: the package relationships lead to the workbook part,
 * whose relationships lead to the worksheets, shared strings and styles.
 * Sheets themselves are streamed by xlsx_sheet.c.
 */
#include "xlsx_impl.h"
#include "docprops.h"
#include "formats.h"
#include "grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ooxml.h"

#define MAX_SHEETS 100000
#define MAX_RELS 1000000

struct rel {
	char *id, *type, *target;   /* target: a part name, resolved */
};

struct sheet_entry {
	char *name, *rid;
};

/* One parse of a .rels part or of the workbook part. */
struct loader {
	struct xmlzip_user u;
	struct xmlzip *z;
	const char *base;           /* folder the targets are relative to */
	struct rel *rels;
	size_t nrels, caprels;
	struct sheet_entry *sheets;
	size_t nsheets, capsheets;
	int date1904;
};

static void oom(struct loader *L)
{
	rk_error_set(L->u.err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	XML_StopParser(L->u.parser, XML_FALSE);
}

/* Drops "." and ".." segments and empty ones. */
static void normalise(char *path)
{
	char *w = path, *r = path;

	while (*r) {
		size_t n = strcspn(r, "/");

		if (n == 0 || (n == 1 && r[0] == '.')) {
			/* skip */
		} else if (n == 2 && r[0] == '.' && r[1] == '.') {
			while (w > path && *--w != '/')
				;
		} else {
			if (w > path)
				*w++ = '/';
			memmove(w, r, n);
			w += n;
		}
		r += n;
		if (*r)
			r++;
	}
	*w = '\0';
}

/* The part a relationship target names: absolute, or relative to base. */
static char *resolve(const char *base, const char *target)
{
	size_t nb = strlen(base), nt = strlen(target);
	char *p = malloc(nb + nt + 2);

	if (!p)
		return NULL;
	if (target[0] == '/' || nb == 0)
		memcpy(p, target, nt + 1);
	else {
		memcpy(p, base, nb);
		p[nb] = '/';
		memcpy(p + nb + 1, target, nt + 1);
	}
	for (char *c = p; *c; c++)
		if (*c == '\\')
			*c = '/';
	normalise(p);
	return p;
}

static void add_rel(struct loader *L, const char **atts)
{
	const char *id = xmlzip_attr(atts, "Id");
	const char *type = xmlzip_attr(atts, "Type");
	const char *target = xmlzip_attr(atts, "Target");
	const char *mode = xmlzip_attr(atts, "TargetMode");
	struct rel *r;

	if (!id || !type || !target || (mode && strcmp(mode, "External") == 0))
		return;
	if (L->nrels >= MAX_RELS) {
		xmlzip_abort(&L->u, L->z, "more than %d relationships", MAX_RELS);
		return;
	}
	if (rk_grow((void **)&L->rels, &L->caprels, L->nrels + 1, sizeof(*r)) < 0) {
		oom(L);
		return;
	}
	r = &L->rels[L->nrels];
	r->id = strdup(id);
	r->type = strdup(type);
	r->target = resolve(L->base, target);
	L->nrels++;
	if (!r->id || !r->type || !r->target)
		oom(L);
}

static void add_sheet(struct loader *L, const char **atts)
{
	const char *name = xmlzip_attr(atts, "name");
	const char *rid = ooxml_rel_attr(atts, "id");
	struct sheet_entry *e;

	if (!name || !rid)
		return;                 /* openpyxl drops such sheets too */
	if (L->nsheets >= MAX_SHEETS) {
		xmlzip_abort(&L->u, L->z, "more than %d sheets", MAX_SHEETS);
		return;
	}
	if (rk_grow((void **)&L->sheets, &L->capsheets, L->nsheets + 1, sizeof(*e)) < 0) {
		oom(L);
		return;
	}
	e = &L->sheets[L->nsheets++];
	e->name = strdup(name);
	e->rid = strdup(rid);
	if (!e->name || !e->rid)
		oom(L);
}

static int truthy(const char *v)
{
	return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

static void XMLCALL on_start(void *data, const XML_Char *name,
			     const XML_Char **atts)
{
	struct loader *L = data;
	const char *local;
	enum ooxml_ns ns = ooxml_name(name, &local);

	if (ns == OOXML_NS_PKG_REL && strcmp(local, "Relationship") == 0)
		add_rel(L, atts);
	else if (ns == OOXML_NS_MAIN && strcmp(local, "sheet") == 0)
		add_sheet(L, atts);
	else if (ns == OOXML_NS_MAIN && strcmp(local, "workbookPr") == 0)
		L->date1904 = truthy(xmlzip_attr(atts, "date1904"));
}

static int parse_part(struct loader *L, long idx, struct rk_error *err)
{
	struct xmlzip_part *p = NULL;
	int rc = -1;

	if (xmlzip_parser(&L->u, err) < 0)
		return -1;
	XML_SetStartElementHandler(L->u.parser, on_start);
	p = xmlzip_part_open(L->z, idx, err);
	if (p && xmlzip_parse(p, &L->u) == 0)
		rc = 0;
	xmlzip_part_close(p);
	XML_ParserFree(L->u.parser);
	L->u.parser = NULL;
	return rc;
}

static void loader_release(struct loader *L)
{
	for (size_t i = 0; i < L->nrels; i++) {
		free(L->rels[i].id);
		free(L->rels[i].type);
		free(L->rels[i].target);
	}
	free(L->rels);
	for (size_t i = 0; i < L->nsheets; i++) {
		free(L->sheets[i].name);
		free(L->sheets[i].rid);
	}
	free(L->sheets);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static const struct rel *rel_by_type(const struct loader *L, const char *suffix)
{
	for (size_t i = 0; i < L->nrels; i++)
		if (ends_with(L->rels[i].type, suffix))
			return &L->rels[i];
	return NULL;
}

static const struct rel *rel_by_id(const struct loader *L, const char *id)
{
	for (size_t i = 0; i < L->nrels; i++)
		if (strcmp(L->rels[i].id, id) == 0)
			return &L->rels[i];
	return NULL;
}

/*
 * The workbook part, from the package relationships (xl/workbook.xml if
 * none), and the entry of the core properties (docProps/core.xml if none;
 * -1 when that is not there either) into *core.
 */
static char *workbook_part(struct xmlzip *z, long *core, struct rk_error *err)
{
	struct loader L = { .z = z, .base = "" };
	long idx = xmlzip_find(z, "_rels/.rels");
	const struct rel *r;
	char *part = NULL;

	*core = -1;
	if (idx >= 0 && parse_part(&L, idx, err) < 0)
		goto out;
	r = rel_by_type(&L, "/metadata/core-properties");
	if (!r || (*core = xmlzip_find(z, r->target)) < 0)
		*core = xmlzip_find(z, "docProps/core.xml");
	r = rel_by_type(&L, "/officeDocument");
	part = strdup(r ? r->target : "xl/workbook.xml");
	if (!part)
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
out:
	loader_release(&L);
	return part;
}

/* The .rels part of a part: dir/_rels/name.rels. */
static char *rels_of(const char *part)
{
	const char *slash = strrchr(part, '/');
	size_t dir = slash ? (size_t)(slash - part) + 1 : 0;
	char *p = malloc(strlen(part) + 12);

	if (!p)
		return NULL;
	memcpy(p, part, dir);
	strcpy(p + dir, "_rels/");
	strcat(p, part + dir);
	strcat(p, ".rels");
	return p;
}

static char *dir_of(const char *part)
{
	const char *slash = strrchr(part, '/');

	return strndup(part, slash ? (size_t)(slash - part) : 0);
}

static int no_workbook(struct xmlzip *z, const char *part, struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, xmlzip_name(z), 0,
		     ends_with(part, ".bin")
		     ? "binary workbook (xlsb) not supported"
		     : "no workbook part '%s' in the package", part);
	rk_error_hint(err, "save it from Excel or LibreOffice as .xlsx");
	return -1;
}

static int take_sheets(struct xlsx_book *b, struct loader *W, struct rk_error *err)
{
	b->base.sheets = calloc(W->nsheets + 1, sizeof(char *));
	b->sheet_part = calloc(W->nsheets + 1, sizeof(long));
	if (!b->base.sheets || !b->sheet_part)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	for (size_t i = 0; i < W->nsheets; i++) {
		const struct rel *r = rel_by_id(W, W->sheets[i].rid);
		long idx = r ? xmlzip_find(b->zip, r->target) : -1;

		if (idx < 0 || strstr(r->type, "chartsheet"))
			continue;
		b->sheet_part[b->base.nsheets] = idx;
		b->base.sheets[b->base.nsheets++] = W->sheets[i].name;
		W->sheets[i].name = NULL;
	}
	return 0;
}

static long find_related(struct xmlzip *z, const struct loader *W,
			 const char *type, const char *fallback)
{
	const struct rel *r = rel_by_type(W, type);
	long idx = r ? xmlzip_find(z, r->target) : -1;

	return idx >= 0 ? idx : xmlzip_find(z, fallback);
}

static int read_workbook(struct xlsx_book *b, struct rk_error *err)
{
	struct loader W = { .z = b->zip };
	char *part = workbook_part(b->zip, &b->core_part, err);
	char *rels = NULL, *dir = NULL;
	long idx, ridx;
	int rc = -1;

	if (!part)
		return -1;
	idx = xmlzip_find(b->zip, part);
	if (idx < 0 || ends_with(part, ".bin")) {
		no_workbook(b->zip, part, err);
		goto out;
	}
	rels = rels_of(part);
	dir = dir_of(part);
	if (!rels || !dir) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	W.base = dir;
	ridx = xmlzip_find(b->zip, rels);
	if ((ridx >= 0 && parse_part(&W, ridx, err) < 0) ||
	    parse_part(&W, idx, err) < 0 || take_sheets(b, &W, err) < 0)
		goto out;
	b->dates = W.date1904 ? SERIAL_1904 : SERIAL_1900;
	b->sst_part = find_related(b->zip, &W, "/sharedStrings", "xl/sharedStrings.xml");
	b->styles_part = find_related(b->zip, &W, "/styles", "xl/styles.xml");
	rc = 0;
out:
	loader_release(&W);
	free(part);
	free(rels);
	free(dir);
	return rc;
}

static void xlsx_close(struct book *base)
{
	struct xlsx_book *b = (struct xlsx_book *)base;

	sst_free(b->sst);
	xlstyles_free(b->styles);
	xmlzip_close(b->zip);
	free(b->sheet_part);
	free(b);
}

static int xlsx_props(struct book *base, struct book_props *out,
		      struct rk_error *err)
{
	struct xlsx_book *b = (struct xlsx_book *)base;

	return docprops_read(b->zip, b->core_part,
			     "http://purl.org/dc/terms/\001created",
			     "http://purl.org/dc/terms/\001modified", out, err);
}

static const struct book_ops ops = {
	xlsx_sheet_open, xlsx_sheet_next, xlsx_sheet_close, xlsx_close,
	xlsx_props
};

struct book *xlsx_book_open(const char *path, const char *name,
			    struct rk_error *err)
{
	struct xlsx_book *b = calloc(1, sizeof(*b));

	if (!b) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	b->base.ops = &ops;
	b->zip = xmlzip_open(path, name, err);
	if (!b->zip || read_workbook(b, err) < 0) {
		if (err->code && !err->file[0])
			snprintf(err->file, sizeof(err->file), "%s", name);
		book_close(&b->base);
		return NULL;
	}
	return &b->base;
}

int xlsx_book_load_shared(struct xlsx_book *b, struct rk_error *err)
{
	if (b->loaded)
		return 0;
	if (!b->sst && b->sst_part >= 0 &&
	    !(b->sst = sst_load(b->zip, b->sst_part, err)))
		return -1;
	if (!b->styles && b->styles_part >= 0 &&
	    !(b->styles = xlstyles_load(b->zip, b->styles_part, err)))
		return -1;
	b->loaded = 1;
	return 0;
}
