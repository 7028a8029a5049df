/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An xlsx worksheet streamed through expat, one <row> at a time: the parser
 * is suspended at each row end and resumed by the next call.  Cell values
 * follow openpyxl (the corpus oracle): the type attribute decides, the
 * style's number format turns numbers into dates, and cells without a
 * value are left out.
 */
#include "xlsx_impl.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "a1ref.h"
#include "bytebuf.h"
#include "isodate.h"
#include "mergeset.h"
#include "numfmt.h"
#include "ooxml.h"
#include "xstring.h"

#define MAX_STRING ((size_t)4 << 20)     /* bytes in one cell's text */
#define MAX_ROW_CELLS 1000000            /* cells in one <row> element */
#define MAX_CELLS 2000000000ULL          /* cells in one sheet */

enum ctype { T_N, T_S, T_B, T_E, T_STR, T_D, T_INLINE, T_OTHER };
enum collect { C_NONE, C_V, C_PLAIN, C_RUN };

struct xcell {
	long row, col;
	size_t seq;
	const char *ext;         /* text kept elsewhere (a shared string) */
	size_t off, len;         /* else in the row arena */
	char type;
};

struct xlsx_sheet {
	struct sheet base;
	struct xmlzip_user u;
	struct xlsx_book *b;
	struct xmlzip_part *part;
	const char *name;
	int done;

	long depth, data_depth, row_depth, cell_depth, is_depth, r_depth;
	long text_depth;
	enum collect collect;
	long row_counter, col_counter;

	long cur_row, cur_col;
	enum ctype cur_t;
	unsigned long cur_s;
	int has_v, has_is;
	struct bytebuf v, plain, runs;

	struct xcell *cells;     /* of the current <row> element */
	size_t ncells, capcells, emit;
	int sorted;
	struct bytebuf arena;
	unsigned long long total;

	struct sheet_cell *out;
	size_t capout;

	struct mergeset merges;
};

/* The sheet whose xmlzip_user expat hands to the handlers. */
static struct xlsx_sheet *of_user(void *u)
{
	return (struct xlsx_sheet *)((char *)u - offsetof(struct xlsx_sheet, u));
}

static void fail_cell(struct xlsx_sheet *s, long row, long col,
		      const char *fmt, const char *what)
{
	char ref[A1REF_BUF], place[300];

	a1ref_format(row, col, ref);
	xmlzip_abort(&s->u, s->b->zip, fmt, what);
	snprintf(place, sizeof(place), "%s!%s", s->name, ref);
	rk_error_cell(s->u.err, place);
	rk_error_hint(s->u.err, "the file is damaged; open it in Excel or "
				"LibreOffice and save it again");
}

static void oom(struct xlsx_sheet *s)
{
	rk_error_set(s->u.err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	XML_StopParser(s->u.parser, XML_FALSE);
}

/* ---- attributes ---- */

static enum ctype type_code(const char *t)
{
	if (!t || strcmp(t, "n") == 0)
		return T_N;
	if (strcmp(t, "s") == 0)
		return T_S;
	if (strcmp(t, "str") == 0)
		return T_STR;
	if (strcmp(t, "inlineStr") == 0)
		return T_INLINE;
	if (strcmp(t, "b") == 0)
		return T_B;
	if (strcmp(t, "e") == 0)
		return T_E;
	if (strcmp(t, "d") == 0)
		return T_D;
	return T_OTHER;
}

/* A row number: an integer, or a float with an integral value (openpyxl). */
static long parse_row_number(const char *v)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(v, &end);
	while (end != v && isspace((unsigned char)*end))
		end++;
	if (end == v || *end || errno || d != floor(d) || d < 1 ||
	    d > A1REF_MAX_ROW)
		return -1;
	return (long)d;
}

static void start_row(struct xlsx_sheet *s, const char **atts)
{
	const char *r = xmlzip_attr(atts, "r");

	if (r) {
		long n = parse_row_number(r);

		if (n < 0) {
			fail_cell(s, s->row_counter + 1, 0,
				  "bad row number '%s'", r);
			return;
		}
		s->row_counter = n;
	} else if (++s->row_counter > A1REF_MAX_ROW) {
		fail_cell(s, A1REF_MAX_ROW, 0, "%s", "more than 1048576 rows");
		return;
	}
	s->col_counter = 0;
	s->ncells = s->emit = 0;
	s->sorted = 1;
	s->arena.len = 0;
}

static void start_cell(struct xlsx_sheet *s, const char **atts)
{
	const char *r = xmlzip_attr(atts, "r");
	const char *st = xmlzip_attr(atts, "s");

	if (r && *r) {
		if (a1ref_parse(r, strlen(r), &s->cur_row, &s->cur_col) < 0) {
			fail_cell(s, s->row_counter, s->col_counter,
				  "bad cell reference '%s'", r);
			return;
		}
		s->col_counter = s->cur_col + 1;
	} else {
		s->cur_row = s->row_counter;
		s->cur_col = s->col_counter++;
		if (s->cur_col >= A1REF_MAX_COL) {
			fail_cell(s, s->cur_row, A1REF_MAX_COL - 1, "%s",
				  "a row with more than 16384 cells");
			return;
		}
	}
	s->cur_t = type_code(xmlzip_attr(atts, "t"));
	s->cur_s = st ? strtoul(st, NULL, 10) : 0;
	s->has_v = s->has_is = 0;
	s->v.len = s->plain.len = s->runs.len = 0;
}

/* ---- cell values ---- */

static int push_cell(struct xlsx_sheet *s, char type, const char *ext,
		     size_t off, size_t len)
{
	struct xcell *c;

	if (s->ncells == s->capcells) {
		size_t cap = s->capcells ? s->capcells * 2 : 64;

		if (s->ncells >= MAX_ROW_CELLS) {
			fail_cell(s, s->cur_row, s->cur_col, "%s",
				  "more than a million cells in one row element");
			return -1;
		}
		c = realloc(s->cells, cap * sizeof(*c));
		if (!c) {
			oom(s);
			return -1;
		}
		s->cells = c;
		s->capcells = cap;
	}
	if (++s->total > MAX_CELLS) {
		fail_cell(s, s->cur_row, s->cur_col, "%s",
			  "more than 2 billion cells in one sheet");
		return -1;
	}
	c = &s->cells[s->ncells];
	if (s->ncells && (c[-1].row > s->cur_row ||
			  (c[-1].row == s->cur_row && c[-1].col >= s->cur_col)))
		s->sorted = 0;
	*c = (struct xcell){ s->cur_row, s->cur_col, s->ncells, ext, off, len,
			     type };
	s->ncells++;
	return 0;
}

/* Appends text plus a NUL to the arena and records the cell. */
static int push_text(struct xlsx_sheet *s, char type, const char *p, size_t n)
{
	size_t off = s->arena.len;

	if (bytebuf_add(&s->arena, p, n) < 0 || bytebuf_add(&s->arena, "", 1) < 0) {
		oom(s);
		return -1;
	}
	return push_cell(s, type, NULL, off, n);
}

/* Text that may hold _xHHHH_ escapes: decoded in the arena. */
static int push_xstring(struct xlsx_sheet *s, const char *p, size_t n)
{
	size_t off = s->arena.len, len;

	if (bytebuf_add(&s->arena, p, n) < 0) {
		oom(s);
		return -1;
	}
	len = xstring_decode(s->arena.p + off, n);
	s->arena.len = off + len;
	if (len == 0)
		return 0;             /* empty strings are not values */
	if (bytebuf_add(&s->arena, "", 1) < 0) {
		oom(s);
		return -1;
	}
	return push_cell(s, 's', NULL, off, len);
}

static int parse_number(const char *v, double *x)
{
	char *end;

	while (isspace((unsigned char)*v))
		v++;
	if (!*v || (!isdigit((unsigned char)*v) && !strchr("+-.", *v)))
		return -1;
	*x = strtod(v, &end);
	while (end != v && isspace((unsigned char)*end))
		end++;
	return end == v || *end ? -1 : 0;
}

static int number_cell(struct xlsx_sheet *s)
{
	char buf[SERIAL_MAX > NUMFMT_MAX ? SERIAL_MAX : NUMFMT_MAX];
	enum numfmt_kind kind = xlstyles_kind(s->b->styles, s->cur_s);
	double x;

	if (parse_number(s->v.p, &x) < 0) {
		fail_cell(s, s->cur_row, s->cur_col,
			  "cell holds '%s' where a number belongs", s->v.p);
		return -1;
	}
	if (kind == NUMFMT_NUMBER) {
		numfmt_shortest(x, buf);
		return push_text(s, 'n', buf, strlen(buf));
	}
	if ((kind == NUMFMT_DURATION ? serial_duration(x, buf)
				     : serial_date(x, s->b->dates, buf)) < 0)
		return push_text(s, 'e', "#VALUE!", 7);   /* as openpyxl */
	return push_text(s, 'd', buf, strlen(buf));
}

static int shared_cell(struct xlsx_sheet *s)
{
	char *end;
	unsigned long long i;
	size_t len;
	const char *text;

	errno = 0;
	i = strtoull(s->v.p, &end, 10);
	if (end == s->v.p || *end || errno || !s->b->sst ||
	    i >= sst_count(s->b->sst)) {
		fail_cell(s, s->cur_row, s->cur_col,
			  "shared string '%s' does not exist", s->v.p);
		return -1;
	}
	text = sst_get(s->b->sst, (size_t)i, &len);
	return len ? push_cell(s, 's', text, 0, len) : 0;
}

static int bool_cell(struct xlsx_sheet *s)
{
	const char *v = s->v.p;
	char *end;
	long x = strtol(v, &end, 10);

	if (end == v || *end) {
		if (strcmp(v, "true") && strcmp(v, "false")) {
			fail_cell(s, s->cur_row, s->cur_col,
				  "cell holds '%s' where a boolean belongs", v);
			return -1;
		}
		x = strcmp(v, "true") == 0;
	}
	return x ? push_text(s, 'b', "TRUE", 4) : push_text(s, 'b', "FALSE", 5);
}

static int date_cell(struct xlsx_sheet *s)
{
	char buf[SERIAL_MAX];

	if (isodate_xlsx(s->v.p, buf) < 0) {
		fail_cell(s, s->cur_row, s->cur_col,
			  "cell holds '%s' where an ISO 8601 date belongs",
			  s->v.p);
		return -1;
	}
	return push_text(s, 'd', buf, strlen(buf));
}

static int inline_cell(struct xlsx_sheet *s)
{
	if (bytebuf_add(&s->plain, s->runs.p, s->runs.len) < 0) {
		oom(s);
		return -1;
	}
	return push_xstring(s, s->plain.p, s->plain.len);
}

static void end_cell(struct xlsx_sheet *s)
{
	if (s->cur_t == T_INLINE) {
		if (s->has_is)
			inline_cell(s);
		return;
	}
	if (!s->has_v || s->v.len == 0)
		return;               /* no value: openpyxl stores None */
	switch (s->cur_t) {
	case T_N: number_cell(s); break;
	case T_S: shared_cell(s); break;
	case T_B: bool_cell(s); break;
	case T_E: push_text(s, 'e', s->v.p, s->v.len); break;
	case T_D: date_cell(s); break;
	default: push_xstring(s, s->v.p, s->v.len); break;
	}
}

/* ---- rows ---- */

static int by_place(const void *a, const void *b)
{
	const struct xcell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sorts the row element's cells by place; the last of duplicates wins. */
static void order_cells(struct xlsx_sheet *s)
{
	size_t w = 0;

	if (s->sorted)
		return;
	qsort(s->cells, s->ncells, sizeof(*s->cells), by_place);
	for (size_t i = 0; i < s->ncells; i++) {
		if (i + 1 < s->ncells && s->cells[i + 1].row == s->cells[i].row &&
		    s->cells[i + 1].col == s->cells[i].col)
			continue;
		s->cells[w++] = s->cells[i];
	}
	s->ncells = w;
}

static void end_row(struct xlsx_sheet *s)
{
	if (s->ncells == 0)
		return;
	order_cells(s);
	XML_StopParser(s->u.parser, XML_TRUE);
}

/* ---- expat handlers ---- */

static void start_in_cell(struct xlsx_sheet *s, const char *local)
{
	if (s->depth == s->cell_depth + 1) {
		if (strcmp(local, "v") == 0 && !s->has_v) {
			s->has_v = 1;
			s->collect = C_V;
			s->text_depth = s->depth;
		} else if (strcmp(local, "is") == 0 && !s->has_is) {
			s->has_is = 1;
			s->is_depth = s->depth;
		}
	} else if (s->is_depth && s->depth == s->is_depth + 1) {
		if (strcmp(local, "t") == 0) {
			s->plain.len = 0;
			s->collect = C_PLAIN;
			s->text_depth = s->depth;
		} else if (strcmp(local, "r") == 0) {
			s->r_depth = s->depth;
		}
	} else if (s->r_depth && s->depth == s->r_depth + 1 &&
		   strcmp(local, "t") == 0) {
		s->collect = C_RUN;
		s->text_depth = s->depth;
	}
}

static void XMLCALL on_start(void *data, const XML_Char *name,
			     const XML_Char **atts)
{
	struct xlsx_sheet *s = of_user(data);
	const char *local;

	s->depth++;
	if (ooxml_name(name, &local) != OOXML_NS_MAIN)
		return;
	if (s->cell_depth) {
		start_in_cell(s, local);
	} else if (s->row_depth) {
		if (s->depth == s->row_depth + 1 && strcmp(local, "c") == 0) {
			s->cell_depth = s->depth;
			start_cell(s, atts);
		}
	} else if (s->data_depth) {
		if (s->depth == s->data_depth + 1 && strcmp(local, "row") == 0) {
			s->row_depth = s->depth;
			start_row(s, atts);
		}
	} else if (strcmp(local, "sheetData") == 0) {
		s->data_depth = s->depth;
	}
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct xlsx_sheet *s = of_user(data);
	long d = s->depth--;

	(void)name;
	if (s->collect != C_NONE && d == s->text_depth)
		s->collect = C_NONE;
	if (d == s->r_depth)
		s->r_depth = 0;
	else if (d == s->is_depth)
		s->is_depth = 0;
	else if (d == s->cell_depth) {
		s->cell_depth = 0;
		end_cell(s);
	} else if (d == s->row_depth) {
		s->row_depth = 0;
		end_row(s);
	} else if (d == s->data_depth) {
		s->data_depth = 0;
		s->done = 1;          /* nothing after sheetData holds cells */
		XML_StopParser(s->u.parser, XML_TRUE);
	}
}

static void XMLCALL on_text(void *data, const XML_Char *t, int len)
{
	struct xlsx_sheet *s = of_user(data);
	struct bytebuf *b;

	if (s->collect == C_NONE || s->depth != s->text_depth)
		return;
	b = s->collect == C_V ? &s->v : s->collect == C_PLAIN ? &s->plain
							     : &s->runs;
	if (b->len + (size_t)len > MAX_STRING) {
		fail_cell(s, s->cur_row, s->cur_col,
			  "%s", "a cell text longer than 4 MiB");
		return;
	}
	if (bytebuf_add(b, t, (size_t)len) < 0)
		oom(s);
}

/* ---- merged ranges ---- */

static int load_merges(struct xlsx_sheet *s, long idx, struct rk_error *err)
{
	if (xlsx_merges_scan(s->b->zip, idx, &s->base.merges, &s->base.nmerges,
			     err) < 0)
		return -1;
	if (mergeset_init(&s->merges, s->base.merges, s->base.nmerges) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	return 0;
}

/* ---- the sheet API ---- */

/* The next group of cells of one row from the current row element. */
static int emit(struct xlsx_sheet *s, struct sheet_row *row)
{
	while (s->emit < s->ncells) {
		long r = s->cells[s->emit].row;
		size_t n = 0;

		mergeset_row(&s->merges, r);
		for (; s->emit < s->ncells && s->cells[s->emit].row == r; s->emit++) {
			const struct xcell *c = &s->cells[s->emit];

			if (s->merges.nactive && mergeset_hidden(&s->merges, c->col))
				continue;
			s->out[n++] = (struct sheet_cell){
				c->col, c->type,
				c->ext ? c->ext : s->arena.p + c->off, c->len };
		}
		if (n) {
			*row = (struct sheet_row){ r, n, s->out };
			return 1;
		}
	}
	return 0;
}

static int grow_out(struct xlsx_sheet *s, struct rk_error *err)
{
	struct sheet_cell *o;

	if (s->ncells <= s->capout)
		return 0;
	o = realloc(s->out, s->ncells * sizeof(*o));
	if (!o)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	s->out = o;
	s->capout = s->ncells;
	return 0;
}

int xlsx_sheet_next(struct sheet *base, struct sheet_row *row,
		    struct rk_error *err)
{
	struct xlsx_sheet *s = (struct xlsx_sheet *)base;

	s->u.err = err;
	for (;;) {
		int rc;

		if (emit(s, row))
			return 1;
		if (s->done)
			return 0;
		s->ncells = s->emit = 0;
		rc = xmlzip_parse(s->part, &s->u);
		if (rc < 0) {
			if (!err->file[0])
				snprintf(err->file, sizeof(err->file), "%s",
					 xmlzip_name(s->b->zip));
			return -1;
		}
		if (rc == 0)
			s->done = 1;
		else if (grow_out(s, err) < 0)
			return -1;
	}
}

struct sheet *xlsx_sheet_open(struct book *base, size_t i, struct rk_error *err)
{
	struct xlsx_book *b = (struct xlsx_book *)base;
	struct xlsx_sheet *s = calloc(1, sizeof(*s));

	if (!s) {
		rk_error_set(err, RK_EXIT_SOFTWARE, base->name, 0, "out of memory");
		return NULL;
	}
	s->base.ops = base->ops;
	s->base.book = base;
	s->base.index = i;
	s->b = b;
	s->name = base->sheets[i];
	if (xlsx_book_load_shared(b, err) < 0 ||
	    load_merges(s, b->sheet_part[i], err) < 0 ||
	    xmlzip_parser(&s->u, err) < 0)
		goto fail;
	XML_SetElementHandler(s->u.parser, on_start, on_end);
	XML_SetCharacterDataHandler(s->u.parser, on_text);
	s->part = xmlzip_part_open(b->zip, b->sheet_part[i], err);
	if (!s->part)
		goto fail;
	return &s->base;
fail:
	sheet_close(&s->base);
	return NULL;
}

void xlsx_sheet_close(struct sheet *base)
{
	struct xlsx_sheet *s = (struct xlsx_sheet *)base;

	xmlzip_part_close(s->part);
	if (s->u.parser)
		XML_ParserFree(s->u.parser);
	bytebuf_free(&s->v);
	bytebuf_free(&s->plain);
	bytebuf_free(&s->runs);
	bytebuf_free(&s->arena);
	free(s->cells);
	free(s->out);
	mergeset_release(&s->merges);
	free(s);
}
