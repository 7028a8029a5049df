/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rejects.h"

#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "tidy.h"

#define CHECKS 16                 /* checks counted apart; more: "other" */

struct check_count {
	char name[40];
	size_t rows;
};

struct rejects {
	struct tidy_writer *w;    /* NULL: count only */
	size_t ndims;
	const char **field;       /* ndims + 10 */
	size_t rejected, kept;
	char first_reason[512];
	char first_origin[256];
	struct check_count by[CHECKS];
	size_t nby;
};

/* Counts rows under each check of "unmapped;period". */
static void count_checks(struct rejects *r, const char *checks, size_t rows)
{
	while (checks && *checks) {
		size_t len = strcspn(checks, ";"), k;

		if (len >= sizeof(r->by[0].name))
			len = sizeof(r->by[0].name) - 1;
		for (k = 0; k < r->nby; k++)
			if (strlen(r->by[k].name) == len &&
			    !memcmp(r->by[k].name, checks, len))
				break;
		if (k == r->nby && r->nby == CHECKS) {
			k = CHECKS - 1;
			snprintf(r->by[k].name, sizeof(r->by[k].name), "other");
		} else if (k == r->nby) {
			memcpy(r->by[k].name, checks, len);
			r->by[r->nby++].name[len] = '\0';
		}
		r->by[k].rows += rows;
		checks += strcspn(checks, ";");
		checks += *checks == ';';
	}
}

struct rejects *rejects_open(FILE *f, const char *name, char *const *dims,
			     size_t ndims, struct rk_error *err)
{
	struct rejects *r = calloc(1, sizeof(*r));
	size_t n = 0;

	if (!r || !(r->field = calloc(ndims + 10, sizeof(*r->field)))) {
		free(r);
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	r->ndims = ndims;
	if (!f)
		return r;
	if (!(r->w = tidy_writer_open(f, name, err))) {
		rejects_close(r, NULL);
		return NULL;
	}
	for (size_t i = 0; results_rejects_head[i]; i++)
		r->field[n++] = results_rejects_head[i];
	for (size_t d = 0; d < ndims; d++)
		r->field[n++] = dims[d];
	for (size_t i = 0; results_rejects_tail[i]; i++)
		r->field[n++] = results_rejects_tail[i];
	if (tidy_writer_row(r->w, r->field, NULL, n, err) < 0) {
		rejects_close(r, NULL);
		return NULL;
	}
	return r;
}

int rejects_add(struct rejects *r, const struct reject *x,
		struct rk_error *err)
{
	size_t n = 0;

	if (x->kept == REJECT_CHECKED || x->kept == REJECT_NOTED) {
		;                       /* a source's total or note: apart */
	} else if (x->kept) {
		r->kept += x->rows;
	} else {
		if (!r->rejected && !r->first_reason[0]) {
			snprintf(r->first_reason, sizeof(r->first_reason),
				 "%s", x->reason);
			snprintf(r->first_origin, sizeof(r->first_origin),
				 "%s", x->origin);
		}
		r->rejected += x->rows;
		count_checks(r, x->check, x->rows);
	}
	if (!r->w)
		return 0;
	r->field[n++] = x->source;
	r->field[n++] = x->indicator;
	r->field[n++] = x->period;
	for (size_t d = 0; d < r->ndims; d++)
		r->field[n++] = x->dim[d];
	r->field[n++] = x->value;
	r->field[n++] = x->status;
	r->field[n++] = x->origin;
	r->field[n++] = x->check;
	r->field[n++] = x->kept == REJECT_CHECKED ? "checked" :
			x->kept == REJECT_NOTED ? "noted" :
			x->kept ? "kept" : "rejected";
	r->field[n++] = x->reason;
	return tidy_writer_row(r->w, r->field, NULL, n, err);
}

size_t rejects_rejected(const struct rejects *r)
{
	return r->rejected;
}

char *rejects_by_check(const struct rejects *r, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < r->nby && used < size; k++) {
		int w = r->by[k].rows == 0 ? 0
			: snprintf(buf + used, size - used, "%s%s %zu",
				   used ? ", " : "", r->by[k].name,
				   r->by[k].rows);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

size_t rejects_kept(const struct rejects *r)
{
	return r->kept;
}

const char *rejects_first_reason(const struct rejects *r)
{
	return r->first_reason;
}

const char *rejects_first_origin(const struct rejects *r)
{
	return r->first_origin;
}

int rejects_close(struct rejects *r, struct rk_error *err)
{
	int rc;

	if (!r)
		return 0;
	rc = tidy_writer_close(r->w, err);
	free(r->field);
	free(r);
	return rc;
}
