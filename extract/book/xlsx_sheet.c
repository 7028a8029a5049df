/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An xlsx worksheet streamed through xmlscan (much faster than expat on
 * sheets of millions of cells), one <row> at a time: scanning stops at
 * each row end and goes on at the next call.  Cell values
 * follow openpyxl (the corpus oracle): the type attribute decides, the
 * style's number format turns numbers into dates, and cells without a
 * value are left out.
 */
#include "xlsx_impl.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytebuf.h"
#include "cellbuf.h"
#include "cellref.h"
#include "isodate.h"
#include "mergeset.h"
#include "numfmt.h"
#include "numtext.h"
#include "xmlscan.h"
#include "xstring.h"

#define MAX_STRING ((size_t)4 << 20)     /* bytes in one cell's text */
#define MAX_ROW_CELLS 1000000            /* cells in one <row> element */
#define MAX_CELLS 2000000000ULL          /* cells in one sheet */

enum ctype { T_N, T_S, T_B, T_E, T_STR, T_D, T_INLINE, T_OTHER };
enum collect { C_NONE, C_V, C_PLAIN, C_RUN };

struct xlsx_sheet {
	struct sheet base;
	struct xlsx_book *b;
	struct xmlzip_part *part;
	struct xmlscan *scan;
	struct rk_error *err;    /* of the current call */
	const char *name;
	int done, ready, failed;

	long depth, data_depth, row_depth, cell_depth, is_depth, r_depth;
	long text_depth;
	enum collect collect;
	long row_counter, col_counter;

	long cur_row, cur_col;
	enum ctype cur_t;
	unsigned long cur_s;
	int has_v, has_is;
	struct bytebuf v, plain, runs;

	struct cellbuf cells;    /* of the current <row> element */
	unsigned long long total;

	struct mergeset merges;
};

static const char *const main_ns[] = {
	"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
	"http://purl.oclc.org/ooxml/spreadsheetml/main",
	NULL
};

static void fail_cell(struct xlsx_sheet *s, long row, long col,
		      const char *fmt, const char *what)
{
	char ref[CELLREF_BUF], place[300];

	cellref_format(row, col, ref);
	rk_error_set(s->err, RK_EXIT_DATAERR, xmlzip_name(s->b->zip), 0, fmt,
		     what);
	snprintf(place, sizeof(place), "%s!%s", s->name, ref);
	rk_error_cell(s->err, place);
	rk_error_hint(s->err, "the file is damaged; open it in Excel or "
			      "LibreOffice and save it again");
	s->failed = 1;
}

static void oom(struct xlsx_sheet *s)
{
	rk_error_set(s->err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	s->failed = 1;
}

/* ---- attributes ---- */

/* An unprefixed attribute's value, or NULL (cells have few attributes). */
static const char *attr(const char **atts, const char *name)
{
	for (; *atts; atts += 2)
		if (atts[0][0] == name[0] && strcmp(atts[0], name) == 0)
			return atts[1];
	return NULL;
}

/* Whether local is the one-to-three letter name want. */
static int named(const char *local, const char *want)
{
	return local[0] == want[0] && strcmp(local, want) == 0;
}

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
	    d > CELLREF_MAX_ROW)
		return -1;
	return (long)d;
}

static void start_row(struct xlsx_sheet *s, const char **atts)
{
	const char *r = attr(atts, "r");

	if (r) {
		long n = parse_row_number(r);

		if (n < 0) {
			fail_cell(s, s->row_counter + 1, 0,
				  "bad row number '%s'", r);
			return;
		}
		s->row_counter = n;
	} else if (++s->row_counter > CELLREF_MAX_ROW) {
		fail_cell(s, CELLREF_MAX_ROW, 0, "%s", "more than 1048576 rows");
		return;
	}
	s->col_counter = 0;
	cellbuf_clear(&s->cells);
}

static void start_cell(struct xlsx_sheet *s, const char **atts)
{
	const char *r = attr(atts, "r");
	const char *st = attr(atts, "s");

	if (r && *r) {
		if (cellref_parse(r, strlen(r), &s->cur_row, &s->cur_col) < 0) {
			fail_cell(s, s->row_counter, s->col_counter,
				  "bad cell reference '%s'", r);
			return;
		}
		s->col_counter = s->cur_col + 1;
	} else {
		s->cur_row = s->row_counter;
		s->cur_col = s->col_counter++;
		if (s->cur_col > CELLREF_MAX_COL) {
			fail_cell(s, s->cur_row, CELLREF_MAX_COL, "%s",
				  "a row with more than 16384 cells");
			return;
		}
	}
	s->cur_t = type_code(attr(atts, "t"));
	s->cur_s = st ? strtoul(st, NULL, 10) : 0;
	s->has_v = s->has_is = 0;
	s->v.len = s->plain.len = s->runs.len = 0;
}

/* ---- cell values ---- */

static int push_cell(struct xlsx_sheet *s, char type, const char *ext,
		     size_t off, size_t len)
{
	if (s->cells.n >= MAX_ROW_CELLS) {   /* on every cell, not on growth */
		fail_cell(s, s->cur_row, s->cur_col, "%s",
			  "more than a million cells in one row element");
		return -1;
	}
	if (++s->total > MAX_CELLS) {
		fail_cell(s, s->cur_row, s->cur_col, "%s",
			  "more than 2 billion cells in one sheet");
		return -1;
	}
	if (cellbuf_push(&s->cells, s->cur_row, s->cur_col, type, ext, off,
			 len) < 0) {
		oom(s);
		return -1;
	}
	return 0;
}

/* Appends text plus a NUL to the arena and records the cell. */
static int push_text(struct xlsx_sheet *s, char type, const char *p, size_t n)
{
	size_t off;

	if (cellbuf_text(&s->cells, p, n, &off) < 0) {
		oom(s);
		return -1;
	}
	return push_cell(s, type, NULL, off, n);
}

/* Text that may hold _xHHHH_ escapes: decoded in the arena. */
static int push_xstring(struct xlsx_sheet *s, const char *p, size_t n)
{
	struct bytebuf *arena = &s->cells.arena;
	size_t off = arena->len, len;

	if (bytebuf_add(arena, p, n) < 0) {
		oom(s);
		return -1;
	}
	len = xstring_decode(arena->p + off, n);
	arena->len = off + len;
	if (len == 0)
		return 0;             /* empty strings are not values */
	if (bytebuf_add(arena, "", 1) < 0) {
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
	size_t keep;
	double x;

	if (kind == NUMFMT_NUMBER && (keep = numtext_canonical(s->v.p, s->v.len)))
		return push_text(s, 'n', s->v.p, keep);
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

/* Sorts the row element's cells by place; the last of duplicates wins. */
static void end_row(struct xlsx_sheet *s)
{
	if (s->cells.n == 0)
		return;
	if (cellbuf_order(&s->cells) < 0) {
		oom(s);
		return;
	}
	s->ready = 1;
}

/* ---- tokens ---- */

static void start_in_cell(struct xlsx_sheet *s, const char *local)
{
	if (s->depth == s->cell_depth + 1) {
		if (named(local, "v") && !s->has_v) {
			s->has_v = 1;
			s->collect = C_V;
			s->text_depth = s->depth;
		} else if (named(local, "is") && !s->has_is) {
			s->has_is = 1;
			s->is_depth = s->depth;
		}
	} else if (s->is_depth && s->depth == s->is_depth + 1) {
		if (named(local, "t")) {
			s->plain.len = 0;
			s->collect = C_PLAIN;
			s->text_depth = s->depth;
		} else if (named(local, "r")) {
			s->r_depth = s->depth;
		}
	} else if (s->r_depth && s->depth == s->r_depth + 1 &&
		   named(local, "t")) {
		s->collect = C_RUN;
		s->text_depth = s->depth;
	}
}

static void on_start(struct xlsx_sheet *s, int ns, const char *local,
		     const char **atts)
{
	s->depth++;
	if (!ns)
		return;
	if (s->cell_depth) {
		start_in_cell(s, local);
	} else if (s->row_depth) {
		if (s->depth == s->row_depth + 1 && named(local, "c")) {
			s->cell_depth = s->depth;
			start_cell(s, atts);
		}
	} else if (s->data_depth) {
		if (s->depth == s->data_depth + 1 && named(local, "row")) {
			s->row_depth = s->depth;
			start_row(s, atts);
		}
	} else if (named(local, "sheetData")) {
		s->data_depth = s->depth;
	}
}

static void on_end(struct xlsx_sheet *s)
{
	long d = s->depth--;

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
	}
}

static void on_text(struct xlsx_sheet *s, const char *t, size_t len)
{
	struct bytebuf *b;

	if (s->collect == C_NONE || s->depth != s->text_depth)
		return;
	b = s->collect == C_V ? &s->v : s->collect == C_PLAIN ? &s->plain
							     : &s->runs;
	if (b->len + len > MAX_STRING) {
		fail_cell(s, s->cur_row, s->cur_col,
			  "%s", "a cell text longer than 4 MiB");
		return;
	}
	if (bytebuf_add(b, t, len) < 0)
		oom(s);
}

/* Scans until a row is ready (1), the sheet data ends (0), or an error (-1). */
static int pump(struct xlsx_sheet *s, struct rk_error *err)
{
	struct xmlscan_tok t;
	int rc = 0;

	s->ready = 0;
	while (!s->ready && !s->done && (rc = xmlscan_next(s->scan, &t, err)) > 0) {
		if (t.kind == XS_START)
			on_start(s, t.ns, t.local, t.atts);
		else if (t.kind == XS_END)
			on_end(s);
		else
			on_text(s, t.text, t.len);
		if (s->failed)
			return -1;
	}
	if (s->ready)
		return 1;
	return s->done ? 0 : rc;
}

/* ---- merged ranges ---- */

/*
 * The merges come after the cells, and rows must not come before them:
 * the part is read once for them, kept in a spool, and read again from it.
 */
static int load_merges(struct xlsx_sheet *s, struct rk_error *err)
{
	xmlzip_part_spool(s->part);        /* without a spool: inflate twice */
	if (xlsx_merges_scan(s->b->zip, s->part, &s->base.merges,
			     &s->base.nmerges, err) < 0 ||
	    xmlzip_part_rewind(s->part, err) < 0)
		return -1;
	if (mergeset_init(&s->merges, s->base.merges, s->base.nmerges) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	return 0;
}

/* ---- the sheet API ---- */

int xlsx_sheet_next(struct sheet *base, struct sheet_row *row,
		    struct rk_error *err)
{
	struct xlsx_sheet *s = (struct xlsx_sheet *)base;

	s->err = err;
	for (;;) {
		int rc;

		if (cellbuf_next(&s->cells, &s->merges, row))
			return 1;
		if (s->done)
			return 0;
		cellbuf_clear(&s->cells);
		rc = pump(s, err);
		if (rc < 0)
			return -1;
		if (rc == 0)
			s->done = 1;
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
	s->err = err;
	cellbuf_init(&s->cells, 64, MAX_ROW_CELLS);
	if (xlsx_book_load_shared(b, err) < 0)
		goto fail;
	s->part = xmlzip_part_open(b->zip, b->sheet_part[i], err);
	if (!s->part || load_merges(s, err) < 0 ||
	    !(s->scan = xmlscan_open(b->zip, s->part, main_ns, err)))
		goto fail;
	return &s->base;
fail:
	sheet_close(&s->base);
	return NULL;
}

void xlsx_sheet_close(struct sheet *base)
{
	struct xlsx_sheet *s = (struct xlsx_sheet *)base;

	xmlscan_close(s->scan);
	xmlzip_part_close(s->part);
	bytebuf_free(&s->v);
	bytebuf_free(&s->plain);
	bytebuf_free(&s->runs);
	cellbuf_release(&s->cells);
	mergeset_release(&s->merges);
	free(s);
}
