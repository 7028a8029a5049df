/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rowpipe.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NBATCH 4
#define BATCH_ROWS 4096
#define BATCH_TEXT (512u * 1024)

/* Rows copied out of the reader: fields back to back, NUL after each. */
struct batch {
	char *text;
	size_t len, cap;
	size_t *at;               /* nfields offsets per row */
	long *line;
	size_t n;                 /* rows */
	int end;                  /* the reader stops after these rows */
	int failed;               /* ... because of err */
	struct rk_error err;
};

struct rowpipe {
	struct tidy_reader *r;
	size_t ndims, nfields;
	pthread_t thread;
	int started;
	pthread_mutex_t mu;
	pthread_cond_t filled, emptied;
	struct batch b[NBATCH];
	size_t head, count;       /* ring: next to read, batches ready */
	int stop;                 /* the consumer is gone */
	/* consumer side */
	struct batch *cur;
	size_t next;              /* row in cur */
	const char **dimv;
	int done;
	const char **fieldv;      /* reader side: a row's fields */
};

static int reserve(struct batch *b, size_t n)
{
	size_t cap = b->cap;
	char *t;

	if (b->len + n <= cap)
		return 0;
	while (cap < b->len + n)
		cap *= 2;
	if (!(t = realloc(b->text, cap)))
		return -1;
	b->text = t;
	b->cap = cap;
	return 0;
}

/*
 * The row's fields in order, and whether they lie back to back in one
 * block (as the CSV reader keeps them): then one copy does.
 */
static int gather(const struct rowpipe *p, const struct tidy_row *r,
		  const char **f)
{
	size_t k = 0;

	f[k++] = r->source;
	f[k++] = r->indicator;
	f[k++] = r->period;
	for (size_t d = 0; d < p->ndims; d++)
		f[k++] = r->dim[d];
	f[k++] = r->value;
	f[k++] = r->status;
	f[k++] = r->origin;
	for (k = 1; k < p->nfields; k++)
		if (f[k] <= f[k - 1] || f[k] - f[k - 1] > (1 << 24))
			return 0;
	return 1;
}

/* Copies one row; -1 when out of memory. */
static int put_row(struct rowpipe *p, struct batch *b, const struct tidy_row *r)
{
	size_t *at = b->at + b->n * p->nfields;
	const char **f = p->fieldv;

	if (gather(p, r, f)) {
		size_t n = (size_t)(f[p->nfields - 1] - f[0]) +
			   strlen(f[p->nfields - 1]) + 1;

		if (reserve(b, n) < 0)
			return -1;
		memcpy(b->text + b->len, f[0], n);
		for (size_t k = 0; k < p->nfields; k++)
			at[k] = b->len + (size_t)(f[k] - f[0]);
		b->len += n;
	} else {
		for (size_t k = 0; k < p->nfields; k++) {
			size_t n = strlen(f[k]) + 1;

			if (reserve(b, n) < 0)
				return -1;
			at[k] = b->len;
			memcpy(b->text + b->len, f[k], n);
			b->len += n;
		}
	}
	b->line[b->n++] = r->line;
	return 0;
}

/* Fills b from the reader; returns 1 when the file is done (or failed). */
static int fill(struct rowpipe *p, struct batch *b)
{
	struct tidy_row row;
	int rc = 1;

	b->n = b->len = 0;
	b->end = b->failed = 0;
	rk_error_clear(&b->err);
	while (b->n < BATCH_ROWS && b->len < BATCH_TEXT &&
	       (rc = tidy_reader_next(p->r, &row, &b->err)) == 1)
		if (put_row(p, b, &row) < 0) {
			rk_error_set(&b->err, RK_EXIT_SOFTWARE, NULL, 0,
				     "out of memory");
			rc = -1;
			break;
		}
	if (rc == 1)
		return 0;
	b->end = 1;
	b->failed = rc < 0;
	return 1;
}

static void *reader(void *arg)
{
	struct rowpipe *p = arg;
	int end = 0;

	while (!end) {
		struct batch *b;

		pthread_mutex_lock(&p->mu);
		while (p->count == NBATCH && !p->stop)
			pthread_cond_wait(&p->emptied, &p->mu);
		if (p->stop) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		b = &p->b[(p->head + p->count) % NBATCH];
		pthread_mutex_unlock(&p->mu);
		end = fill(p, b);
		pthread_mutex_lock(&p->mu);
		p->count++;
		pthread_cond_signal(&p->filled);
		pthread_mutex_unlock(&p->mu);
	}
	return NULL;
}

static int alloc_batches(struct rowpipe *p)
{
	for (size_t i = 0; i < NBATCH; i++) {
		struct batch *b = &p->b[i];

		b->cap = BATCH_TEXT + 4096;
		b->text = malloc(b->cap);
		b->at = malloc(BATCH_ROWS * p->nfields * sizeof(*b->at));
		b->line = malloc(BATCH_ROWS * sizeof(*b->line));
		if (!b->text || !b->at || !b->line)
			return -1;
	}
	return 0;
}

struct rowpipe *rowpipe_open(const char *path, struct rk_error *err)
{
	struct rowpipe *p = calloc(1, sizeof(*p));

	if (!p) {
		rk_error_set(err, RK_EXIT_SOFTWARE, path, 0, "out of memory");
		return NULL;
	}
	if (!(p->r = tidy_reader_open(path, err))) {
		free(p);
		return NULL;
	}
	tidy_reader_dims(p->r, &p->ndims);
	p->nfields = p->ndims + 6;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->filled, NULL);
	pthread_cond_init(&p->emptied, NULL);
	p->dimv = calloc(p->ndims + 1, sizeof(*p->dimv));
	p->fieldv = calloc(p->nfields, sizeof(*p->fieldv));
	if (!p->dimv || !p->fieldv || alloc_batches(p) < 0 ||
	    pthread_create(&p->thread, NULL, reader, p) != 0) {
		rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
			     "cannot start reading: out of memory or threads");
		rowpipe_close(p);
		return NULL;
	}
	p->started = 1;
	return p;
}

char *const *rowpipe_dims(const struct rowpipe *p, size_t *ndims)
{
	return tidy_reader_dims(p->r, ndims);
}

/* Hands the current batch back and waits for the next one. */
static struct batch *next_batch(struct rowpipe *p)
{
	struct batch *b;

	pthread_mutex_lock(&p->mu);
	if (p->cur) {
		p->head = (p->head + 1) % NBATCH;
		p->count--;
		pthread_cond_signal(&p->emptied);
	}
	while (p->count == 0)
		pthread_cond_wait(&p->filled, &p->mu);
	b = &p->b[p->head];
	pthread_mutex_unlock(&p->mu);
	p->cur = b;
	p->next = 0;
	return b;
}

int rowpipe_next(struct rowpipe *p, struct tidy_row *row, struct rk_error *err)
{
	struct batch *b = p->cur;
	const size_t *at;

	while (!b || p->next == b->n) {
		if (p->done || (b && b->end)) {
			p->done = 1;
			if (b && b->failed) {
				*err = b->err;
				return -1;
			}
			return 0;
		}
		b = next_batch(p);
	}
	at = b->at + p->next * p->nfields;
	row->source = b->text + at[0];
	row->indicator = b->text + at[1];
	row->period = b->text + at[2];
	for (size_t d = 0; d < p->ndims; d++)
		p->dimv[d] = b->text + at[3 + d];
	row->dim = p->dimv;
	row->value = b->text + at[3 + p->ndims];
	row->status = b->text + at[4 + p->ndims];
	row->origin = b->text + at[5 + p->ndims];
	row->line = b->line[p->next++];
	return 1;
}

void rowpipe_close(struct rowpipe *p)
{
	if (!p)
		return;
	if (p->started) {
		pthread_mutex_lock(&p->mu);
		p->stop = 1;
		pthread_cond_signal(&p->emptied);
		pthread_mutex_unlock(&p->mu);
		pthread_join(p->thread, NULL);
	}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->filled);
	pthread_cond_destroy(&p->emptied);
	for (size_t i = 0; i < NBATCH; i++) {
		free(p->b[i].text);
		free(p->b[i].at);
		free(p->b[i].line);
	}
	free(p->dimv);
	free(p->fieldv);
	tidy_reader_close(p->r);
	free(p);
}
