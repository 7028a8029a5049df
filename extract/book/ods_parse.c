/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * content.xml of an ods, as odfpy reads it for the corpus oracle: tables
 * directly under office:spreadsheet; rows directly in a table or in
 * table-header-rows, table-rows and table-row-group; repeats expanded only
 * for cells with a value; covered cells skipped; a cell's text is its
 * text:p and text:h paragraphs joined by LF, with text:s, text:tab and
 * text:line-break as what they stand for and annotations left out.
 */
#include "ods_impl.h"
#include "grow.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cellref.h"
#include "isodate.h"
#include "numfmt.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_CALCEXT "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"

#define MAX_TEXT ((size_t)4 << 20)

enum ns { NS_OTHER_, OFFICE, TABLE, TEXT, CALCEXT };

static enum ns split(const char *name, const char **local)
{
	size_t n;

	*local = xmlzip_local(name, &n);
	if (n == sizeof(NS_TABLE) - 1 && memcmp(name, NS_TABLE, n) == 0)
		return TABLE;
	if (n == sizeof(NS_TEXT) - 1 && memcmp(name, NS_TEXT, n) == 0)
		return TEXT;
	if (n == sizeof(NS_OFFICE) - 1 && memcmp(name, NS_OFFICE, n) == 0)
		return OFFICE;
	if (n == sizeof(NS_CALCEXT) - 1 && memcmp(name, NS_CALCEXT, n) == 0)
		return CALCEXT;
	return NS_OTHER_;
}

static struct ods_parser *of_user(void *u)
{
	return (struct ods_parser *)((char *)u - offsetof(struct ods_parser, u));
}

static const char *attr(const char **atts, enum ns want, const char *local)
{
	for (; *atts; atts += 2) {
		const char *l;

		if (split(atts[0], &l) == want && strcmp(l, local) == 0)
			return atts[1];
	}
	return NULL;
}

/* A repeat or span count: 1 when absent or not a positive number. */
static long count_attr(const char **atts, const char *local)
{
	const char *v = attr(atts, TABLE, local);
	char *end;
	long n;

	if (!v)
		return 1;
	n = strtol(v, &end, 10);
	return end == v || n < 1 ? 1 : n;
}

static void oom(struct ods_parser *p)
{
	rk_error_set(p->u.err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	XML_StopParser(p->u.parser, XML_FALSE);
}

static void too_many(struct ods_parser *p, const char *what)
{
	xmlzip_abort(&p->u, p->b->zip, "%s", what);
	rk_error_hint(p->u.err, "the file may be crafted to exhaust memory "
				"(zip bomb of repeated cells)");
}

/*
 * at + n for a position at <= last + 1, or last + 1 when that lies past the
 * sheet's last row or column: repeats of empty cells near LONG_MAX leave a
 * position past the edge instead of overflowing.
 */
static long advance(long at, long n, long last)
{
	return n > last + 1 - at ? last + 1 : at + n;
}

/* A value at row, col (0-based) or repeated past the sheet's edge. */
static void past_edge(struct ods_parser *p, const char *what, long row,
		      long col)
{
	char ref[CELLREF_BUF], place[300];

	too_many(p, what);
	cellref_format(row, col, ref);
	snprintf(place, sizeof(place), "%s!%s", p->b->base.sheets[p->want], ref);
	rk_error_cell(p->u.err, place);
}

/* ---- first pass: names and spans ---- */

static void scan_table(struct ods_parser *p, const char **atts)
{
	const char *name = attr(atts, TABLE, "name");
	size_t t = (size_t)p->tables - 1;

	if (p->tables > ODS_MAX_SHEETS) {
		too_many(p, "more than 100000 tables");
		return;
	}
	if (rk_grow((void **)&p->spans, &p->capspans, t + 1, sizeof(*p->spans)) < 0) {
		oom(p);
		return;
	}
	p->spans[t] = (struct ods_spans){ NULL, 0, 0 };
	if (bytebuf_add(&p->names, name ? name : "", name ? strlen(name) : 0) < 0 ||
	    bytebuf_add(&p->names, "", 1) < 0)
		oom(p);
}

static void scan_span(struct ods_parser *p)
{
	struct ods_spans *sp = &p->spans[p->tables - 1];

	if ((p->col_span < 2 && p->row_span < 2) ||
	    p->row > CELLREF_MAX_ROW || p->col > CELLREF_MAX_COL)
		return;
	if (sp->n >= ODS_MAX_MERGES) {
		too_many(p, "more than a million merged ranges in a table");
		return;
	}
	if (rk_grow((void **)&sp->v, &sp->cap, sp->n + 1, sizeof(*sp->v)) < 0) {
		oom(p);
		return;
	}
	sp->v[sp->n++] = (struct sheet_range){
		p->row, p->col,
		advance(p->row, p->row_span, CELLREF_MAX_ROW) - 1,
		advance(p->col, p->col_span, CELLREF_MAX_COL) - 1 };
}

/* ---- values ---- */

static enum ods_value value_type(const char *vt)
{
	if (!vt)
		return V_NONE;
	if (!strcmp(vt, "float") || !strcmp(vt, "percentage") ||
	    !strcmp(vt, "currency"))
		return V_FLOAT;
	if (!strcmp(vt, "date"))
		return V_DATE;
	if (!strcmp(vt, "time"))
		return V_TIME;
	if (!strcmp(vt, "boolean"))
		return V_BOOL;
	if (!strcmp(vt, "string"))
		return V_STRING;
	return V_NONE;
}

static void start_cell(struct ods_parser *p, const char **atts, int covered)
{
	const char *calc = attr(atts, CALCEXT, "value-type");
	const char *v = NULL;

	p->covered = covered;
	p->cell_rep = count_attr(atts, "number-columns-repeated");
	p->col_span = count_attr(atts, "number-columns-spanned");
	p->row_span = count_attr(atts, "number-rows-spanned");
	p->vt = covered ? V_NONE : value_type(attr(atts, OFFICE, "value-type"));
	p->error_type = !covered && calc && strcmp(calc, "error") == 0;
	p->has_string_value = 0;
	p->paras = 0;
	p->attr.len = p->text.len = 0;
	if (p->scan || p->vt == V_NONE)
		return;
	switch (p->vt) {
	case V_FLOAT: v = attr(atts, OFFICE, "value"); break;
	case V_DATE: v = attr(atts, OFFICE, "date-value"); break;
	case V_TIME: v = attr(atts, OFFICE, "time-value"); break;
	case V_BOOL: v = attr(atts, OFFICE, "boolean-value"); break;
	default:
		v = attr(atts, OFFICE, "string-value");
		p->has_string_value = v != NULL;
	}
	if (v && bytebuf_add(&p->attr, v, strlen(v)) < 0)
		oom(p);
}

static void bad_value(struct ods_parser *p, const char *what)
{
	char place[64];

	xmlzip_abort(&p->u, p->b->zip, "cell holds '%s' where %s belongs",
		     p->attr.p ? p->attr.p : "", what);
	snprintf(place, sizeof(place), "table %ld row %ld column %ld",
		 p->tables, p->row, p->col + 1);
	rk_error_cell(p->u.err, place);
}

static int lower_eq(const char *s, const char *word)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	for (; *word; s++, word++)
		if ((*s | 0x20) != *word)
			return 0;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == '\0';
}

/* The cell's value into buf (or p->text); returns its type, 0 for none, -1. */
static char cell_value(struct ods_parser *p, char *buf, const char **text,
		       size_t *len)
{
	const char *a = p->attr.p ? p->attr.p : "";
	char *end;
	double x;

	*text = buf;
	if (p->error_type) {
		*text = p->text.p;
		*len = p->text.len;
		return p->text.len ? 'e' : 0;
	}
	switch (p->vt) {
	case V_FLOAT:
		x = strtod(a, &end);
		while (end != a && (*end == ' ' || *end == '\t'))
			end++;
		if (end == a || *end) {
			bad_value(p, "a number");
			return -1;
		}
		numfmt_shortest(x, buf);
		break;
	case V_DATE:
		if (isodate_ods_date(a, buf) < 0) {
			bad_value(p, "a date");
			return -1;
		}
		break;
	case V_TIME:
		if (isodate_ods_time(a, buf) < 0) {
			bad_value(p, "a duration");
			return -1;
		}
		break;
	case V_BOOL:
		strcpy(buf, lower_eq(a, "true") || lower_eq(a, "1") ? "TRUE" : "FALSE");
		break;
	case V_STRING:
		*text = p->has_string_value ? a : p->text.p;
		*len = p->has_string_value ? p->attr.len : p->text.len;
		return *len ? 's' : 0;
	default:
		return 0;
	}
	*len = strlen(buf);
	return p->vt == V_FLOAT ? 'n' : p->vt == V_BOOL ? 'b' : 'd';
}

static int add_cells(struct ods_parser *p, char type, const char *text,
		     size_t len)
{
	size_t off = p->arena.len, need = p->ncells + (size_t)p->cell_rep;

	if (p->cell_rep > CELLREF_MAX_COL + 1 - p->col) {
		past_edge(p, "cell limit exceeded: a cell with a value past "
			     "column XFD after expanding repeated cells",
			  p->row, CELLREF_MAX_COL);
		return -1;
	}
	if (bytebuf_add(&p->arena, text, len) < 0 ||
	    bytebuf_add(&p->arena, "", 1) < 0)
		goto oom;
	while (need > p->capcells)
		if (rk_grow((void **)&p->cells, &p->capcells, p->capcells + 1,
			 sizeof(*p->cells)) < 0)
			goto oom;
	for (long k = 0; k < p->cell_rep; k++)
		p->cells[p->ncells++] = (struct ods_cell){ p->col + k, type, off, len };
	return 0;
oom:
	oom(p);
	return -1;
}

static void end_cell(struct ods_parser *p)
{
	char buf[SERIAL_MAX > NUMFMT_MAX ? SERIAL_MAX : NUMFMT_MAX];
	const char *text;
	size_t len = 0;
	char type;

	if (p->scan) {
		if (!p->covered)
			scan_span(p);
	} else if (!p->covered && (type = cell_value(p, buf, &text, &len)) > 0) {
		add_cells(p, type, text ? text : "", len);
	}
	p->col = advance(p->col, p->cell_rep, CELLREF_MAX_COL);
}

/* ---- text inside a cell ---- */

static void add_text(struct ods_parser *p, const char *s, size_t n)
{
	if (p->text.len + n > MAX_TEXT) {
		xmlzip_abort(&p->u, p->b->zip, "a cell text longer than 4 MiB");
		return;
	}
	if (bytebuf_add(&p->text, s, n) < 0)
		oom(p);
}

static void add_spaces(struct ods_parser *p, const char **atts)
{
	const char *c = attr(atts, TEXT, "c");
	long n = c ? strtol(c, NULL, 10) : 1;

	if (n < 0)
		n = 0;
	if (p->text.len + (size_t)n > MAX_TEXT) {
		xmlzip_abort(&p->u, p->b->zip, "a cell text longer than 4 MiB");
		return;
	}
	for (long i = 0; i < n; i++)
		add_text(p, " ", 1);
}

static void start_in_para(struct ods_parser *p, enum ns ns, const char *local,
			  const char **atts)
{
	if ((ns == OFFICE && strncmp(local, "annotation", 10) == 0) ||
	    (ns == TEXT && (!strcmp(local, "note") ||
			    !strcmp(local, "soft-page-break")))) {
		p->skip_depth = p->depth;
	} else if (ns == TEXT && !strcmp(local, "s")) {
		add_spaces(p, atts);
		p->skip_depth = p->depth;
	} else if (ns == TEXT && !strcmp(local, "tab")) {
		add_text(p, "\t", 1);
		p->skip_depth = p->depth;
	} else if (ns == TEXT && !strcmp(local, "line-break")) {
		add_text(p, "\n", 1);
		p->skip_depth = p->depth;
	}
}

/* ---- structure ---- */

static int is_container(enum ns ns, const char *local)
{
	return ns == TABLE && (!strcmp(local, "table-header-rows") ||
			       !strcmp(local, "table-rows") ||
			       !strcmp(local, "table-row-group"));
}

static void start_table(struct ods_parser *p, const char **atts)
{
	p->tables++;
	p->in_table = p->scan || p->tables - 1 == p->want;
	if (!p->in_table)
		return;
	p->table_depth = p->container_depth = p->depth;
	p->row = 1;
	if (p->scan)
		scan_table(p, atts);
}

static void start_row(struct ods_parser *p, const char **atts)
{
	p->row_depth = p->depth;
	p->row_rep = count_attr(atts, "number-rows-repeated");
	p->col = 0;
	p->ncells = 0;
	p->arena.len = 0;
}

static void start_in_cell(struct ods_parser *p, enum ns ns, const char *local,
			  const char **atts)
{
	if (p->skip_depth)
		return;
	if (p->para_depth) {
		start_in_para(p, ns, local, atts);
	} else if (p->depth == p->cell_depth + 1 && ns == TEXT &&
		   (!strcmp(local, "p") || !strcmp(local, "h"))) {
		if (p->paras++)
			add_text(p, "\n", 1);
		p->para_depth = p->depth;
	}
}

static void XMLCALL on_start(void *data, const XML_Char *name,
			     const XML_Char **atts)
{
	struct ods_parser *p = of_user(data);
	const char *local;
	enum ns ns = split(name, &local);

	p->depth++;
	if (p->cell_depth) {
		if (!p->scan && !p->covered)
			start_in_cell(p, ns, local, atts);
	} else if (p->row_depth) {
		if (p->depth == p->row_depth + 1 && ns == TABLE &&
		    (!strcmp(local, "table-cell") ||
		     !strcmp(local, "covered-table-cell"))) {
			p->cell_depth = p->depth;
			start_cell(p, atts, local[0] == 'c');
		}
	} else if (p->table_depth) {
		if (p->depth != p->container_depth + 1)
			return;
		if (is_container(ns, local))
			p->container_depth = p->depth;
		else if (ns == TABLE && !strcmp(local, "table-row"))
			start_row(p, atts);
	} else if (p->body_depth) {
		if (p->depth == p->body_depth + 1 && ns == TABLE &&
		    !strcmp(local, "table"))
			start_table(p, atts);
	} else if (ns == OFFICE && !strcmp(local, "spreadsheet")) {
		p->body_depth = p->depth;
	}
}

static void end_row(struct ods_parser *p)
{
	if (!p->scan && p->ncells) {
		if (p->total + (unsigned long)p->ncells * (unsigned long)p->row_rep >
		    ODS_MAX_CELLS || p->row_rep > (long)ODS_MAX_CELLS) {
			too_many(p, "cell limit exceeded: more than 10000000 "
				    "cells with a value after expanding repeated "
				    "rows and columns");
			return;
		}
		if (p->row_rep - 1 > CELLREF_MAX_ROW - p->row) {
			past_edge(p, "cell limit exceeded: a cell with a value "
				     "past row 1048576 after expanding repeated rows",
				  CELLREF_MAX_ROW, p->cells[0].col);
			return;
		}
		p->total += (unsigned long)p->ncells * (unsigned long)p->row_rep;
		XML_StopParser(p->u.parser, XML_TRUE);
		return;               /* the sheet moves p->row on */
	}
	p->row = advance(p->row, p->row_rep, CELLREF_MAX_ROW);
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct ods_parser *p = of_user(data);
	long d = p->depth--;

	(void)name;
	if (d == p->skip_depth)
		p->skip_depth = 0;
	else if (d == p->para_depth)
		p->para_depth = 0;
	else if (d == p->cell_depth) {
		p->cell_depth = 0;
		end_cell(p);
	} else if (d == p->row_depth) {
		p->row_depth = 0;
		end_row(p);
	} else if (d == p->table_depth) {
		p->table_depth = p->container_depth = 0;
		if (!p->scan) {
			p->done = 1;
			XML_StopParser(p->u.parser, XML_TRUE);
		}
	} else if (p->table_depth && d == p->container_depth) {
		p->container_depth--;
	} else if (d == p->body_depth) {
		p->body_depth = 0;
	}
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct ods_parser *p = of_user(data);

	if (p->para_depth && !p->skip_depth)
		add_text(p, s, (size_t)len);
}

int ods_parser_init(struct ods_parser *p, struct ods_book *b, int scan,
		    long want, struct rk_error *err)
{
	memset(p, 0, sizeof(*p));
	p->b = b;
	p->scan = scan;
	p->want = want;
	if (xmlzip_parser(&p->u, err) < 0)
		return -1;
	XML_SetElementHandler(p->u.parser, on_start, on_end);
	if (!scan)
		XML_SetCharacterDataHandler(p->u.parser, on_text);
	return 0;
}

void ods_parser_release(struct ods_parser *p)
{
	if (p->u.parser)
		XML_ParserFree(p->u.parser);
	p->u.parser = NULL;
	bytebuf_free(&p->attr);
	bytebuf_free(&p->text);
	bytebuf_free(&p->arena);
	bytebuf_free(&p->names);
	free(p->cells);
	p->cells = NULL;
	if (p->spans)
		for (long t = 0; t < p->tables && (size_t)t < p->capspans; t++)
			free(p->spans[t].v);
	free(p->spans);
	p->spans = NULL;
}
