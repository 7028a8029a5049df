/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "csvread.h"
#include "grow.h"

#include <csv.h>
#include <pthread.h>
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

/*
 * The queued rows of one or more chunks: what fill() produces and
 * csvr_next hands out.  Unthreaded, one batch is refilled in place; with
 * csvr_thread, a reader thread fills batches while the caller takes rows
 * from another, and each batch carries the end or error that followed it.
 */
struct batch {
	char *arena;              /* field text of the queued rows */
	size_t arena_len, arena_cap;
	struct span *fields;      /* of the queued rows, in order */
	size_t nfields, fields_cap;
	struct queued_row *rows;
	size_t nrows, rows_cap;
	int eof;                  /* nothing follows this batch's rows */
	int failed;               /* err follows this batch's rows */
	struct rk_error err;
	int state;                /* threaded: FREE, FILLING, READY, TAKEN */
	size_t seq;               /* threaded: the order it was published in */
};

enum { FREE, FILLING, READY, TAKEN };

#define NBATCH 3

struct csvr {
	struct csv_parser p;
	struct rk_text *src;
	const char *name;
	struct batch bat[NBATCH];
	struct batch *b;          /* being filled (the parser's callbacks) */
	struct batch *c;          /* rows being handed out */
	size_t next_row;          /* in c */
	size_t row_first;         /* first field (in b) of the row being built */
	long line;                /* current line in the input */
	long row_line;            /* line where the row being built starts */
	long record;
	int prev_term;            /* last row terminator seen, for CRLF */
	int eof;                  /* the parser has seen the end */
	int oom;                  /* a queue could not grow */
	char **ptrs;              /* handed-out field pointers and lengths */
	size_t *lens;
	size_t ptrs_cap;
	/* csvr_thread */
	int threaded, stop;
	size_t filled, taken;     /* batches published and taken, in order */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cond;
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
	struct batch *b = r->b;

	if (r->oom)
		return;
	if (b->nfields == r->row_first)
		r->row_line = r->line;
	if ((b->arena_len + len + 1 > b->arena_cap &&
	     rk_grow((void **)&b->arena, &b->arena_cap, b->arena_len + len + 1,
		     1)) ||
	    (b->nfields + 1 > b->fields_cap &&
	     rk_grow((void **)&b->fields, &b->fields_cap, b->nfields + 1,
		     sizeof(*b->fields)))) {
		r->oom = 1;
		return;
	}
	if (len)
		memcpy(b->arena + b->arena_len, data, len);
	b->arena[b->arena_len + len] = '\0';
	b->fields[b->nfields++] = (struct span){ b->arena_len, len };
	b->arena_len += len + 1;
	if (len && memchr(data, '\n', len))
		r->line += count_lf(data, len);
}

static void push_row(struct csvr *r)
{
	struct batch *b = r->b;
	struct queued_row *q;

	if (rk_grow((void **)&b->rows, &b->rows_cap, b->nrows + 1, sizeof(*q))) {
		r->oom = 1;
		return;
	}
	q = &b->rows[b->nrows++];
	q->first = r->row_first;
	q->n = b->nfields - r->row_first;
	q->line = q->n ? r->row_line : r->line;
	q->record = ++r->record;
	r->row_first = b->nfields;
}

/* c is the terminator: CR or LF (each reported alone), or -1 at the end */
static void on_row(int c, void *rv)
{
	struct csvr *r = rv;
	int empty = r->b->nfields == r->row_first;

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
	r->b = r->c = &r->bat[0];
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

/*
 * Starts filling nb after r->b (the same batch, unthreaded): the fields of
 * a row that spans chunks move to the front of nb, everything else of nb
 * is dropped.
 */
static int start_batch(struct csvr *r, struct batch *nb)
{
	struct batch *b = r->b;
	size_t pending = b->nfields - r->row_first;
	size_t base = pending ? b->fields[r->row_first].off : 0;
	size_t bytes = pending ? b->arena_len - base : 0;

	if (nb != b) {
		if (rk_grow((void **)&nb->arena, &nb->arena_cap, bytes + 1, 1) ||
		    rk_grow((void **)&nb->fields, &nb->fields_cap, pending + 1,
			    sizeof(*nb->fields)))
			return -1;
		if (pending) {
			memcpy(nb->arena, b->arena + base, bytes);
			memcpy(nb->fields, b->fields + r->row_first,
			       pending * sizeof(*nb->fields));
		}
		b->nfields = r->row_first;     /* b keeps its whole rows */
	} else if (pending && base) {
		memmove(b->arena, b->arena + base, bytes);
		memmove(b->fields, b->fields + r->row_first,
			pending * sizeof(*b->fields));
	}
	for (size_t i = 0; i < pending; i++)
		nb->fields[i].off -= base;
	nb->arena_len = bytes;
	nb->nfields = pending;
	nb->nrows = 0;
	nb->eof = nb->failed = 0;
	r->row_first = 0;
	r->b = nb;
	return 0;
}

/*
 * Parses into r->b until rows are queued; the end, or an error, is noted
 * in the batch, to follow its rows.
 */
static void fill(struct csvr *r)
{
	struct batch *b = r->b;
	const char *data;
	size_t len;
	int rc = 0;

	while (b->nrows == 0 && !r->eof && rc == 0) {
		rc = rk_text_next(r->src, &data, &len, &b->err);
		if (rc < 0)
			break;
		if (rc == 0) {
			r->eof = 1;
			if (csv_fini(&r->p, on_field, on_row, r) != 0)
				rc = parse_error(r, 1, &b->err);
		} else if (csv_parse(&r->p, data, len, on_field, on_row, r) !=
			   len) {
			rc = parse_error(r, 0, &b->err);
		} else {
			rc = 0;
		}
		if (r->oom && rc == 0)
			rc = parse_error(r, 0, &b->err);
	}
	if (rc < 0) {
		b->failed = 1;
		r->eof = 1;
	}
	b->eof = r->eof;
}

static struct batch *free_batch(struct csvr *r)
{
	for (int i = 0; i < NBATCH; i++)
		if (r->bat[i].state == FREE)
			return &r->bat[i];
	return NULL;
}

static void publish(struct csvr *r, struct batch *b)
{
	pthread_mutex_lock(&r->mu);
	b->state = READY;
	b->seq = r->filled++;
	pthread_cond_broadcast(&r->cond);
	pthread_mutex_unlock(&r->mu);
}

/* The reader thread: fills batches in turn until the end or an error. */
static void *reader(void *arg)
{
	struct csvr *r = arg;

	for (;;) {
		struct batch *nb;

		fill(r);
		if (r->b->eof)
			break;
		pthread_mutex_lock(&r->mu);
		while (!r->stop && (nb = free_batch(r)) == NULL)
			pthread_cond_wait(&r->cond, &r->mu);
		if (r->stop) {
			pthread_mutex_unlock(&r->mu);
			return NULL;
		}
		nb->state = FILLING;
		pthread_mutex_unlock(&r->mu);
		{
			struct batch *b = r->b;

			if (start_batch(r, nb) < 0) {
				r->b = b;       /* b's rows, then the error */
				r->oom = 1;
				parse_error(r, 0, &b->err);
				b->failed = b->eof = 1;
				break;
			}
			publish(r, b);
		}
	}
	publish(r, r->b);
	return NULL;
}

int csvr_thread(struct csvr *r, struct rk_error *err)
{
	struct batch *c = r->c;

	if (r->threaded || c->eof || c->failed)
		return 0;       /* threaded already, or everything is parsed */
	/* the rows already queued stay with the caller; the row being built
	 * moves to the batch the thread fills first */
	if (start_batch(r, &r->bat[1]) < 0) {
		r->b = c;
		return rk_error_set(err, RK_EXIT_SOFTWARE, r->name, 0,
				    "out of memory");
	}
	c->state = TAKEN;
	r->b->state = FILLING;
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->cond, NULL);
	if (pthread_create(&r->thread, NULL, reader, r) != 0) {
		pthread_mutex_destroy(&r->mu);
		pthread_cond_destroy(&r->cond);
		return rk_error_set(err, RK_EXIT_SOFTWARE, r->name, 0,
				    "cannot start the reader thread");
	}
	r->threaded = 1;
	return 0;
}

/* The next batch of rows: the thread's next, or one filled here. */
static struct batch *next_batch(struct csvr *r)
{
	struct batch *c;

	if (!r->threaded) {
		start_batch(r, r->b);   /* in place: cannot fail */
		fill(r);
		return r->b;
	}
	pthread_mutex_lock(&r->mu);
	if (r->c) {
		r->c->state = FREE;
		pthread_cond_broadcast(&r->cond);
	}
	while (r->taken == r->filled)
		pthread_cond_wait(&r->cond, &r->mu);
	/* batches are published in order; the oldest READY one is next */
	c = NULL;
	for (int i = 0; i < NBATCH; i++)
		if (r->bat[i].state == READY &&
		    (!c || r->bat[i].seq < c->seq))
			c = &r->bat[i];
	c->state = TAKEN;
	r->taken++;
	pthread_mutex_unlock(&r->mu);
	return c;
}

int csvr_next(struct csvr *r, struct csvr_row *row, struct rk_error *err)
{
	const struct queued_row *q;
	struct batch *c = r->c;

	while (!c || r->next_row == c->nrows) {
		if (c && c->failed) {
			if (err)
				*err = c->err;
			return -1;
		}
		if (c && c->eof)
			return 0;
		c = r->c = next_batch(r);
		r->next_row = 0;
	}
	q = &c->rows[r->next_row++];
	if (q->n + 1 > r->ptrs_cap) {
		size_t *lens;

		if (rk_grow((void **)&r->ptrs, &r->ptrs_cap, q->n + 1,
			    sizeof(char *)) ||
		    (lens = realloc(r->lens, r->ptrs_cap * sizeof(size_t))) ==
			    NULL) {
			r->ptrs_cap = 0;        /* lens is not that long */
			return rk_error_set(err, RK_EXIT_SOFTWARE, r->name,
					    q->line, "out of memory");
		}
		r->lens = lens;
	}
	for (size_t i = 0; i < q->n; i++) {
		r->ptrs[i] = c->arena + c->fields[q->first + i].off;
		r->lens[i] = c->fields[q->first + i].len;
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
	if (r->threaded) {
		pthread_mutex_lock(&r->mu);
		r->stop = 1;
		pthread_cond_broadcast(&r->cond);
		pthread_mutex_unlock(&r->mu);
		pthread_join(r->thread, NULL);
		pthread_mutex_destroy(&r->mu);
		pthread_cond_destroy(&r->cond);
	}
	csv_free(&r->p);
	for (int i = 0; i < NBATCH; i++) {
		free(r->bat[i].arena);
		free(r->bat[i].fields);
		free(r->bat[i].rows);
	}
	free(r->ptrs);
	free(r->lens);
	free(r);
}
