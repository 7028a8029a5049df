/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "csvread.h"
#include "grow.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/*
 * libcsv pushes fields and row ends through callbacks; one chunk of input
 * yields many rows, so they are queued here (text in an arena, one offset
 * per field) and handed out one by one before the next chunk is parsed.
 */
struct queued_row {
	size_t first;      /* index of its first field in off[] */
	size_t n;
	long line;
	long record;
};

struct span {
	size_t off, len;
};

struct csvr {
	struct csv_parser p;
	struct rk_text *src;
	const char *name;
	char *arena;              /* field text of the queued rows */
	size_t arena_len, arena_cap;
	struct span *fields;      /* of the queued rows, in order */
	size_t nfields, fields_cap;
	struct queued_row *rows;
	size_t nrows, rows_cap, next_row;
	size_t row_first;         /* first field of the row being built */
	long line;                /* current line in the input */
	long row_line;            /* line where the row being built starts */
	long record;
	int prev_term;            /* last row terminator seen, for CRLF */
	int eof;
	int oom;                  /* a queue could not grow */
	int failed;               /* pending holds an error for after the queue */
	struct rk_error pending;
	char **ptrs;              /* handed-out field pointers and lengths */
	size_t *lens;
	size_t ptrs_cap;
};

/* libcsv grows its field buffer through this; refusing caps a field. */
static void *capped_realloc(void *ptr, size_t size)
{
	if (size > CSVR_FIELD_MAX + 64)
		return NULL;
	return realloc(ptr, size);
}

static long count_lf(const char *s, size_t len)
{
	long n = 0;
	const char *end = s + len;

	while ((s = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		n++;
		s++;
	}
	return n;
}

static void on_field(void *data, size_t len, void *rv)
{
	struct csvr *r = rv;

	if (r->oom)
		return;
	if (r->nfields == r->row_first)
		r->row_line = r->line;
	if (rk_grow((void **)&r->arena, &r->arena_cap, r->arena_len + len + 1, 1) ||
	    rk_grow((void **)&r->fields, &r->fields_cap, r->nfields + 1,
		 sizeof(*r->fields))) {
		r->oom = 1;
		return;
	}
	if (len)
		memcpy(r->arena + r->arena_len, data, len);
	r->arena[r->arena_len + len] = '\0';
	r->fields[r->nfields++] = (struct span){ r->arena_len, len };
	r->arena_len += len + 1;
	if (len && memchr(data, '\n', len))
		r->line += count_lf(data, len);
}

static void push_row(struct csvr *r)
{
	struct queued_row *q;

	if (rk_grow((void **)&r->rows, &r->rows_cap, r->nrows + 1, sizeof(*q))) {
		r->oom = 1;
		return;
	}
	q = &r->rows[r->nrows++];
	q->first = r->row_first;
	q->n = r->nfields - r->row_first;
	q->line = q->n ? r->row_line : r->line;
	q->record = ++r->record;
	r->row_first = r->nfields;
}

/* c is the terminator: CR or LF (each reported alone), or -1 at the end */
static void on_row(int c, void *rv)
{
	struct csvr *r = rv;
	int empty = r->nfields == r->row_first;

	if (r->oom)
		return;
	if (empty && c == '\n' && r->prev_term == '\r') {
		r->prev_term = 0;       /* the LF of a CRLF */
		return;
	}
	if (!(empty && c == -1))
		push_row(r);
	r->prev_term = c;
	if (c == '\n' || c == '\r')
		r->line++;
	r->row_line = r->line;
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

struct csvr *csvr_open(struct rk_text *src, unsigned char delim,
		       const char *name, struct rk_error *err)
{
	struct csvr *r = calloc(1, sizeof(*r));

	if (!r || csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI |
				      CSV_REPALL_NL) != 0) {
		free(r);
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	csv_set_delim(&r->p, delim);
	csv_set_space_func(&r->p, no_space);
	csv_set_realloc_func(&r->p, capped_realloc);
	csv_set_blk_size(&r->p, 4096);
	r->src = src;
	r->name = name;
	r->line = 1;
	return r;
}

/* The line of the byte libcsv stopped at: the field it holds may span lines. */
static long error_line(const struct csvr *r)
{
	return r->line + count_lf((const char *)r->p.entry_buf, r->p.entry_pos);
}

static int parse_error(struct csvr *r, int unterminated, struct rk_error *err)
{
	if (csv_error(&r->p) == CSV_ENOMEM || r->oom) {
		rk_error_set(err, RK_EXIT_DATAERR, r->name, error_line(r),
			     "field longer than %u MiB",
			     (unsigned)(CSVR_FIELD_MAX >> 20));
		rk_error_hint(err, "a quote is probably not closed; check the line");
		return -1;
	}
	if (unterminated) {
		rk_error_set(err, RK_EXIT_DATAERR, r->name, r->row_line,
			     "unterminated quoted field");
		rk_error_hint(err, "close the quote that opens on this line or "
				   "the one before it");
		return -1;
	}
	rk_error_set(err, RK_EXIT_DATAERR, r->name, error_line(r),
		     "misplaced quote in a field");
	rk_error_hint(err, "a field with quotes must be wholly quoted and its "
			   "quotes doubled: \"say \"\"no\"\"\"");
	return -1;
}

static void reset_queue(struct csvr *r)
{
	size_t pending = r->nfields - r->row_first;

	/* keep the fields of a row that spans chunks */
	if (pending && r->row_first) {
		size_t base = r->fields[r->row_first].off;

		memmove(r->arena, r->arena + base, r->arena_len - base);
		r->arena_len -= base;
		for (size_t i = 0; i < pending; i++) {
			r->fields[i] = r->fields[r->row_first + i];
			r->fields[i].off -= base;
		}
	} else if (!pending) {
		r->arena_len = 0;
	}
	r->nfields = pending;
	r->row_first = 0;
	r->nrows = 0;
	r->next_row = 0;
}

/* Parses until rows are queued; an error waits until they are handed out. */
static int fill(struct csvr *r, struct rk_error *err)
{
	const char *data;
	size_t len;
	int rc = 0;

	reset_queue(r);
	while (r->nrows == 0 && !r->eof && rc == 0) {
		rc = rk_text_next(r->src, &data, &len, &r->pending);
		if (rc < 0)
			break;
		if (rc == 0) {
			r->eof = 1;
			if (csv_fini(&r->p, on_field, on_row, r) != 0)
				rc = parse_error(r, 1, &r->pending);
		} else if (csv_parse(&r->p, data, len, on_field, on_row, r) !=
			   len) {
			rc = parse_error(r, 0, &r->pending);
		} else {
			rc = 0;
		}
		if (r->oom && rc == 0)
			rc = parse_error(r, 0, &r->pending);
	}
	if (rc < 0) {
		r->failed = 1;
		r->eof = 1;
		if (r->nrows == 0) {
			*err = r->pending;
			return -1;
		}
	}
	return 0;
}

int csvr_next(struct csvr *r, struct csvr_row *row, struct rk_error *err)
{
	const struct queued_row *q;

	if (r->next_row == r->nrows) {
		if (r->failed) {
			if (err)
				*err = r->pending;
			return -1;
		}
		if (r->eof)
			return 0;
		if (fill(r, err) < 0)
			return -1;
		if (r->nrows == 0)
			return 0;
	}
	q = &r->rows[r->next_row++];
	if (rk_grow((void **)&r->ptrs, &r->ptrs_cap, q->n + 1, sizeof(char *)) ||
	    (r->lens = realloc(r->lens, r->ptrs_cap * sizeof(size_t))) == NULL)
		return rk_error_set(err, RK_EXIT_SOFTWARE, r->name, q->line,
				    "out of memory");
	for (size_t i = 0; i < q->n; i++) {
		r->ptrs[i] = r->arena + r->fields[q->first + i].off;
		r->lens[i] = r->fields[q->first + i].len;
	}
	row->n = q->n;
	row->field = r->ptrs;
	row->len = r->lens;
	row->line = q->line;
	row->record = q->record;
	return 1;
}

void csvr_close(struct csvr *r)
{
	if (!r)
		return;
	csv_free(&r->p);
	free(r->arena);
	free(r->fields);
	free(r->rows);
	free(r->ptrs);
	free(r->lens);
	free(r);
}
