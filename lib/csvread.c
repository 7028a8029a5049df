/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "csvread.h"

#include "grow.h"

#include <csv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bounds.h"

/*
 * libcsv pushes fields and row ends through callbacks; one chunk of input
 * yields many rows, so they are queued (text in an arena, one offset per
 * field) in a batch and handed out one by one.
 *
 * Unthreaded, one parser fills one batch from the text source, refilled in
 * place.  With csvr_thread, worker threads parse segments of the text in
 * parallel: a segment is a run of whole records, cut where a line feed
 * stands outside quotes (an even number of quotes before it; in strict
 * RFC 4180 a quote out of place is an error found before any cut it would
 * mislead, since segments are cut and parsed in order from a known state).
 * Each segment is parsed by a fresh parser into its own batch, with lines
 * and records counted from the segment's start; the caller's side adds
 * the counts of the segments before it as it takes them in order.
 */
struct queued_row {
	size_t first;      /* index of its first field in fields[] */
	size_t n;
	long line;
	long record;
};

struct span {
	size_t off, len;
};

struct batch {
	char *arena;              /* field text of the queued rows */
	size_t arena_len, arena_cap;
	struct span *fields;      /* of the queued rows, in order */
	size_t nfields, fields_cap;
	struct queued_row *rows;
	size_t nrows, rows_cap;
	long lines, records;      /* threaded: counted in its segment */
	int eof;                  /* nothing follows this batch's rows */
	int failed;               /* err follows this batch's rows */
	int err_relative;         /* err.line counts from the segment's start */
	struct rk_error err;
	int state;                /* threaded: FREE, FILLING, READY, TAKEN */
	size_t seq;               /* threaded: its segment's number */
};

enum { FREE, FILLING, READY, TAKEN };

/* One libcsv parser and the row it is building. */
struct parser {
	struct csv_parser p;
	struct csvr *r;
	struct batch *b;          /* being filled */
	size_t row_first;         /* first field (in b) of the row being built */
	long line;                /* current line */
	long row_line;            /* line where the row being built starts */
	long record;
	int prev_term;            /* last row terminator seen, for CRLF */
	int oom;                  /* a queue could not grow */
	int too_long;             /* the row passed the record bound */
};

#define MAX_WORKERS 2
#define NBATCH (MAX_WORKERS + 3)
#define SEGMENT (256 * 1024)

struct csvr {
	struct rk_text *src;
	const char *name;
	unsigned char delim;
	struct parser ps;         /* unthreaded */
	struct batch bat[NBATCH];
	struct batch *c;          /* rows being handed out */
	size_t next_row;          /* in c */
	long line_base, record_base;   /* threaded: of c's segment */
	char **ptrs;              /* handed-out field pointers and lengths */
	size_t *lens;
	size_t ptrs_cap;
	/* csvr_thread */
	int threaded, stop;
	size_t nworkers;
	pthread_t worker[MAX_WORKERS];
	pthread_mutex_t mu;       /* batches, seq numbers, stop */
	pthread_cond_t cond;
	pthread_mutex_t read_mu;  /* the text source and the carry */
	size_t next_seq;          /* the next segment to cut */
	size_t want;              /* the segment the caller takes next */
	int read_done;            /* the last segment is cut (or failed) */
	size_t segment;           /* bytes a segment holds at least */
	size_t max_record;        /* rk_bound_record() */
	size_t next_try;          /* carry length at which to look for a cut */
	int cut_relative;         /* cut_segment's error line is relative */
	char *carry;              /* text after the last cut */
	size_t carry_len, carry_cap;
};

/*
 * libcsv grows its field buffer through this; refusing caps a field.  It
 * reports both a refusal and a failed realloc as CSV_ENOMEM, so the cap
 * says which it was (per thread: each parses on its own).
 */
static _Thread_local int field_capped;

static void *capped_realloc(void *ptr, size_t size)
{
	if (size > CSVR_FIELD_MAX + 64) {
		field_capped = 1;
		return NULL;
	}
	return realloc(ptr, size);
}

static long count_byte(const char *s, size_t len, char c)
{
	long n = 0;
	const char *end = s + len;

	while ((s = memchr(s, c, (size_t)(end - s))) != NULL) {
		n++;
		s++;
	}
	return n;
}

static long count_lf(const char *s, size_t len)
{
	return count_byte(s, len, '\n');
}

static void on_field(void *data, size_t len, void *pv)
{
	struct parser *ps = pv;
	struct batch *b = ps->b;

	if (ps->oom)
		return;
	if (b->nfields == ps->row_first)
		ps->row_line = ps->line;
	else if (b->arena_len - b->fields[ps->row_first].off + len >
		 ps->r->max_record) {
		ps->too_long = ps->oom = 1;  /* a row of endless fields */
		return;
	}
	if ((b->arena_len + len + 1 > b->arena_cap &&
	     rk_grow((void **)&b->arena, &b->arena_cap, b->arena_len + len + 1,
		     1)) ||
	    (b->nfields + 1 > b->fields_cap &&
	     rk_grow((void **)&b->fields, &b->fields_cap, b->nfields + 1,
		     sizeof(*b->fields)))) {
		ps->oom = 1;
		return;
	}
	if (len)
		memcpy(b->arena + b->arena_len, data, len);
	b->arena[b->arena_len + len] = '\0';
	b->fields[b->nfields++] = (struct span){ b->arena_len, len };
	b->arena_len += len + 1;
	if (len && memchr(data, '\n', len))
		ps->line += count_lf(data, len);
}

static void push_row(struct parser *ps)
{
	struct batch *b = ps->b;
	struct queued_row *q;

	if (rk_grow((void **)&b->rows, &b->rows_cap, b->nrows + 1, sizeof(*q))) {
		ps->oom = 1;
		return;
	}
	q = &b->rows[b->nrows++];
	q->first = ps->row_first;
	q->n = b->nfields - ps->row_first;
	q->line = q->n ? ps->row_line : ps->line;
	q->record = ++ps->record;
	ps->row_first = b->nfields;
}

/* c is the terminator: CR or LF (each reported alone), or -1 at the end */
static void on_row(int c, void *pv)
{
	struct parser *ps = pv;
	int empty = ps->b->nfields == ps->row_first;

	if (ps->oom)
		return;
	if (empty && c == '\n' && ps->prev_term == '\r') {
		ps->prev_term = 0;       /* the LF of a CRLF */
		return;
	}
	if (!(empty && c == -1))
		push_row(ps);
	ps->prev_term = c;
	if (c == '\n' || c == '\r')
		ps->line++;
	ps->row_line = ps->line;
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* A parser at line first_line of a fresh batch b. */
static int parser_init(struct parser *ps, struct csvr *r, struct batch *b,
		       long first_line)
{
	memset(ps, 0, sizeof(*ps));
	field_capped = 0;
	if (csv_init(&ps->p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
		return -1;
	csv_set_delim(&ps->p, r->delim);
	csv_set_space_func(&ps->p, no_space);
	csv_set_realloc_func(&ps->p, capped_realloc);
	csv_set_blk_size(&ps->p, 4096);
	ps->r = r;
	ps->b = b;
	ps->line = ps->row_line = first_line;
	return 0;
}

struct csvr *csvr_open(struct rk_text *src, unsigned char delim,
		       const char *name, struct rk_error *err)
{
	struct csvr *r = calloc(1, sizeof(*r));

	if (r) {
		r->src = src;
		r->name = name;
		r->delim = delim;
		r->segment = SEGMENT;
		r->max_record = rk_bound_record();
		r->c = &r->bat[0];
	}
	if (!r || parser_init(&r->ps, r, &r->bat[0], 1) < 0) {
		free(r);
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	return r;
}

/* A record past the bound: a binary file, or a line that never ends. */
static int record_too_long(const struct csvr *r, long line,
			   struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, r->name, line,
		     "a record longer than %zu MiB", r->max_record >> 20);
	rk_error_hint(err, "this is not a table reckon can read (a binary "
			   "file, or a quote never closed?); to allow longer "
			   "records, set RECKON_MAX_RECORD (e.g. 256M)");
	return -1;
}

/* The line of the byte libcsv stopped at: the field it holds may span lines. */
static long error_line(const struct parser *ps)
{
	return ps->line + count_lf((const char *)ps->p.entry_buf,
				   ps->p.entry_pos);
}

static void parse_error(struct parser *ps, int unterminated,
			struct rk_error *err)
{
	const char *name = ps->r->name;

	if (ps->too_long) {
		record_too_long(ps->r, ps->row_line, err);
	} else if ((csv_error(&ps->p) == CSV_ENOMEM || ps->oom) &&
		   !field_capped) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, error_line(ps),
			     "out of memory");
	} else if (csv_error(&ps->p) == CSV_ENOMEM || ps->oom) {
		rk_error_set(err, RK_EXIT_DATAERR, name, error_line(ps),
			     "field longer than %u MiB",
			     (unsigned)(CSVR_FIELD_MAX >> 20));
		rk_error_hint(err, "a quote is probably not closed; check the line");
	} else if (unterminated) {
		rk_error_set(err, RK_EXIT_DATAERR, name, ps->row_line,
			     "unterminated quoted field");
		rk_error_hint(err, "close the quote that opens on this line or "
				   "the one before it");
	} else {
		rk_error_set(err, RK_EXIT_DATAERR, name, error_line(ps),
			     "misplaced quote in a field");
		rk_error_hint(err, "a field with quotes must be wholly quoted "
				   "and its quotes doubled: \"say \"\"no\"\"\"");
	}
}

/*
 * Parses len bytes (len 0 with last: only the end) into ps->b; the end
 * of input when last.  An error is noted in the batch.
 */
static void parse(struct parser *ps, const char *data, size_t len, int last)
{
	struct batch *b = ps->b;

	if (len && csv_parse(&ps->p, data, len, on_field, on_row, ps) != len) {
		parse_error(ps, 0, &b->err);
		b->failed = 1;
	} else if (last && csv_fini(&ps->p, on_field, on_row, ps) != 0) {
		parse_error(ps, 1, &b->err);
		b->failed = 1;
	} else if (ps->oom) {
		parse_error(ps, 0, &b->err);
		b->failed = 1;
	}
	if (b->failed || last)
		b->eof = 1;
}

/* ---- unthreaded -------------------------------------------------------- */

/*
 * Empties the batch for the next rows, keeping (moved to its front) the
 * fields of a row that spans chunks.
 */
static void restart_batch(struct parser *ps)
{
	struct batch *b = ps->b;
	size_t pending = b->nfields - ps->row_first;
	size_t base = pending ? b->fields[ps->row_first].off : 0;
	size_t bytes = pending ? b->arena_len - base : 0;

	if (pending && base) {
		memmove(b->arena, b->arena + base, bytes);
		memmove(b->fields, b->fields + ps->row_first,
			pending * sizeof(*b->fields));
	}
	for (size_t i = 0; i < pending; i++)
		b->fields[i].off -= base;
	b->arena_len = bytes;
	b->nfields = pending;
	b->nrows = 0;
	ps->row_first = 0;
}

/* Parses until rows are queued; the end or an error follows them. */
static void fill(struct csvr *r)
{
	struct parser *ps = &r->ps;
	struct batch *b = ps->b;
	const char *data = NULL;
	size_t len = 0;

	restart_batch(ps);
	while (b->nrows == 0 && !b->eof) {
		int rc = rk_text_next(r->src, &data, &len, &b->err);

		if (rc < 0) {
			b->failed = b->eof = 1;
			break;
		}
		parse(ps, data, (size_t)rc * len, rc == 0);
	}
}

/* ---- threaded: segments parsed in parallel ----------------------------- */

/* The last line feed in s[0..n), or NULL. */
static const char *last_lf(const char *s, size_t n)
{
	while (n > 0)
		if (s[--n] == '\n')
			return s + n;
	return NULL;
}

/*
 * Where the last segment of s[0..n) that can be cut ends: just after the
 * last line feed with an even number of quotes before it (s starts outside
 * quotes); 0 when there is none.
 */
static size_t cut_point(const char *s, size_t n)
{
	int odd = (int)(count_byte(s, n, '"') & 1);
	size_t end = n;

	for (;;) {
		const char *lf = last_lf(s, end);
		size_t at;

		if (!lf)
			return 0;
		at = (size_t)(lf - s) + 1;
		odd ^= (int)(count_byte(lf + 1, end - at, '"') & 1);
		if (!odd)
			return at;
		end = at - 1;
	}
}

static int carry_append(struct csvr *r, const char *data, size_t len)
{
	if (rk_grow((void **)&r->carry, &r->carry_cap, r->carry_len + len + 1,
		    1))
		return -1;
	memcpy(r->carry + r->carry_len, data, len);
	r->carry_len += len;
	return 0;
}

/*
 * Cuts the next segment from the carry and the text into *seg (len *n,
 * malloc'd): whole records, or the rest of the input when *last.  Called
 * with read_mu held.  Returns 0, or -1 with err set (the text source's
 * error, or out of memory).
 */
static int cut_segment(struct csvr *r, char **seg, size_t *n, int *last,
		       struct rk_error *err)
{
	size_t at;

	*last = 0;
	for (;;) {
		const char *data;
		size_t len;
		int rc;

		if (r->carry_len >= r->segment &&
		    r->carry_len >= r->next_try) {
			if ((at = cut_point(r->carry, r->carry_len)) != 0)
				break;
			/* no whole record yet: look again when the carry has
			 * doubled, so that a long line costs linear time */
			if (r->carry_len > r->max_record) {
				r->cut_relative = 1;  /* line 0 of its segment */
				return record_too_long(r, 0, err);
			}
			r->next_try = 2 * r->carry_len;
			if (r->next_try > r->max_record + 1)
				r->next_try = r->max_record + 1;
		}
		rc = rk_text_next(r->src, &data, &len, err);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			at = r->carry_len;
			*last = 1;
			break;
		}
		if (carry_append(r, data, len) < 0)
			return rk_error_set(err, RK_EXIT_SOFTWARE, r->name, 0,
					    "out of memory");
	}
	r->next_try = 0;
	*seg = malloc(at + 1);
	if (!*seg)
		return rk_error_set(err, RK_EXIT_SOFTWARE, r->name, 0,
				    "out of memory");
	if (at) {        /* the carry is NULL until text came */
		memcpy(*seg, r->carry, at);
		memmove(r->carry, r->carry + at, r->carry_len - at);
		r->carry_len -= at;
	}
	*n = at;
	return 0;
}

static void batch_reset(struct batch *b)
{
	b->arena_len = b->nfields = b->nrows = 0;
	b->lines = b->records = 0;
	b->eof = b->failed = b->err_relative = 0;
	memset(&b->err, 0, sizeof(b->err));
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
	pthread_cond_broadcast(&r->cond);
	pthread_mutex_unlock(&r->mu);
}

/*
 * Cuts the next segment and parses it into a free batch, published under
 * the segment's number.  A batch is taken before a segment, so that the
 * segment the caller waits for always has one.  block: wait for a free
 * batch.  Returns 1 when a segment was parsed, 0 when there was nothing
 * to do (no free batch, or every segment is cut), -1 when stopped.
 */
static int work_one(struct csvr *r, int block)
{
	struct batch *b = NULL;
	struct parser ps;
	char *seg = NULL;
	size_t n = 0;
	int last = 0, rc;

	pthread_mutex_lock(&r->mu);
	while (!r->stop && !r->read_done && (b = free_batch(r)) == NULL &&
	       block)
		pthread_cond_wait(&r->cond, &r->mu);
	if (r->stop || r->read_done || !b) {
		rc = r->stop ? -1 : 0;
		pthread_mutex_unlock(&r->mu);
		return rc;
	}
	b->state = FILLING;
	pthread_mutex_unlock(&r->mu);

	batch_reset(b);
	pthread_mutex_lock(&r->read_mu);
	if (r->read_done) {            /* the last one was taken meanwhile */
		pthread_mutex_unlock(&r->read_mu);
		pthread_mutex_lock(&r->mu);
		b->state = FREE;
		pthread_cond_broadcast(&r->cond);
		pthread_mutex_unlock(&r->mu);
		return 0;
	}
	b->seq = r->next_seq++;
	rc = cut_segment(r, &seg, &n, &last, &b->err);
	b->err_relative = rc < 0 && r->cut_relative;
	if (rc < 0 || last) {
		/* written under both locks: read under either */
		pthread_mutex_lock(&r->mu);
		r->read_done = 1;
		pthread_cond_broadcast(&r->cond);
		pthread_mutex_unlock(&r->mu);
	}
	pthread_mutex_unlock(&r->read_mu);

	if (rc < 0) {
		b->failed = b->eof = 1;      /* err.line as err_relative says */
	} else if (parser_init(&ps, r, b, 0) < 0) {
		rk_error_set(&b->err, RK_EXIT_SOFTWARE, r->name, 0,
			     "out of memory");
		b->failed = b->eof = 1;
	} else {
		parse(&ps, seg, n, last);
		b->lines = ps.line;
		b->records = ps.record;
		b->err_relative = b->failed;
		csv_free(&ps.p);
	}
	free(seg);
	publish(r, b);
	return 1;
}

/* A worker thread: segments until every one is cut, or stopped. */
static void *worker(void *arg)
{
	struct csvr *r = arg;

	while (work_one(r, 1) == 1)
		;
	return NULL;
}

/* Worker threads: the CPUs but the caller's, which parses too. */
static size_t workers(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN) - 1;

	return n < 1 ? 1 : n > MAX_WORKERS ? MAX_WORKERS : (size_t)n;
}

int csvr_thread(struct csvr *r, struct rk_error *err)
{
	if (r->threaded || r->c->nrows || r->c->eof || r->ps.record ||
	    r->ps.b->nfields)
		return 0;       /* threaded already, or reading has begun */
	csv_free(&r->ps.p);
	memset(&r->ps.p, 0, sizeof(r->ps.p));
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->cond, NULL);
	pthread_mutex_init(&r->read_mu, NULL);
	r->c = NULL;
	r->line_base = 1;
	r->threaded = 1;
	for (size_t i = 0, n = workers(); i < n; i++) {
		if (pthread_create(&r->worker[i], NULL, worker, r) != 0)
			break;
		r->nworkers++;
	}
	if (r->nworkers == 0) {
		pthread_mutex_destroy(&r->mu);
		pthread_cond_destroy(&r->cond);
		pthread_mutex_destroy(&r->read_mu);
		r->threaded = 0;
		r->c = &r->bat[0];
		if (parser_init(&r->ps, r, &r->bat[0], 1) < 0)
			return rk_error_set(err, RK_EXIT_SOFTWARE, r->name, 0,
					    "out of memory");
		return rk_error_set(err, RK_EXIT_SOFTWARE, r->name, 0,
				    "cannot start the reader threads");
	}
	return 0;
}

void csvr_set_segment(struct csvr *r, size_t bytes)
{
	r->segment = bytes ? bytes : 1;
}

/* The batch of the segment the caller takes next, when ready; mu held. */
static struct batch *wanted(struct csvr *r)
{
	for (int i = 0; i < NBATCH; i++)
		if (r->bat[i].state == READY && r->bat[i].seq == r->want)
			return &r->bat[i];
	return NULL;
}

/* The next batch of rows: the next segment's, or one filled here. */
static struct batch *next_batch(struct csvr *r)
{
	struct batch *c = NULL;

	if (!r->threaded) {
		fill(r);
		return r->c;
	}
	pthread_mutex_lock(&r->mu);
	if (r->c) {
		r->line_base += r->c->lines;
		r->record_base += r->c->records;
		r->c->state = FREE;
		r->want++;
		pthread_cond_broadcast(&r->cond);
	}
	while ((c = wanted(r)) == NULL) {
		int worked;

		/* rather than wait, parse a segment here: the worker threads
		 * and this one share the CPUs with none idle */
		pthread_mutex_unlock(&r->mu);
		worked = work_one(r, 0) == 1;
		pthread_mutex_lock(&r->mu);
		if (!worked && (c = wanted(r)) == NULL)
			pthread_cond_wait(&r->cond, &r->mu);
	}
	c->state = TAKEN;
	pthread_mutex_unlock(&r->mu);
	if (c->failed && c->err_relative)
		c->err.line += r->line_base;
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
	if (r->threaded) {
		row->line += r->line_base;
		row->record += r->record_base;
	}
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
		for (size_t i = 0; i < r->nworkers; i++)
			pthread_join(r->worker[i], NULL);
		pthread_mutex_destroy(&r->mu);
		pthread_cond_destroy(&r->cond);
		pthread_mutex_destroy(&r->read_mu);
	} else {
		csv_free(&r->ps.p);
	}
	for (int i = 0; i < NBATCH; i++) {
		free(r->bat[i].arena);
		free(r->bat[i].fields);
		free(r->bat[i].rows);
	}
	free(r->carry);
	free(r->ptrs);
	free(r->lens);
	free(r);
}
