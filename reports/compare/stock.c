/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "stock.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "path.h"
#include "period.h"
#include "text.h"

int stock_list_add(struct stock_list *l, const char *code)
{
	char **p = realloc(l->code, (l->n + 1) * sizeof(*p));

	if (!p)
		return -1;
	l->code = p;
	if (!(l->code[l->n] = strdup(code)))
		return -1;
	l->n++;
	return 0;
}

int stock_list_has(const struct stock_list *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->code[i], code))
			return 1;
	return 0;
}

void stock_list_release(struct stock_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->code[i]);
	free(l->code);
	l->code = NULL;
	l->n = 0;
}

static long column(const struct csvr_row *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->field[i], name))
			return (long)i;
	return -1;
}

static int read_rows(struct stock_list *l, struct csvr *csv,
		     struct rk_error *err)
{
	struct csvr_row r;
	long code = -1, type = -1;
	int rc, head = 1;

	while ((rc = csvr_next(csv, &r, err)) == 1) {
		if (!r.n)
			continue;
		if (head) {
			head = 0;
			code = column(&r, "code");
			type = column(&r, "type");
			if (code < 0 || type < 0)
				return 0;
			continue;
		}
		if ((size_t)type < r.n && (size_t)code < r.n &&
		    !strcmp(r.field[type], "stock") &&
		    stock_list_add(l, r.field[code]) < 0)
			return rk_error_oom(err);
	}
	return rc < 0 ? -1 : 0;
}

int stock_list_read(struct stock_list *l, const struct rk_config *c,
		    struct rk_error *err)
{
	char *path;
	FILE *f;
	struct rk_text *t = NULL;
	struct csvr *csv = NULL;
	int rc = -1;

	if (!c || !c->codelists_dir)
		return 0;
	if (!(path = rk_path_join(c->codelists_dir, "indicator.csv")))
		return rk_error_oom(err);
	if (!(f = fopen(path, "rb"))) {
		free(path);
		return 0;         /* no indicator list: no types */
	}
	if ((t = rk_text_open(f, path, RK_ENC_UTF8, err)) != NULL &&
	    (csv = csvr_open(t, ',', path, err)) != NULL)
		rc = read_rows(l, csv, err);
	csvr_close(csv);
	rk_text_close(t);
	fclose(f);
	free(path);
	return rc;
}

/* The latest period id with a value on both sides; (size_t)-1 none. */
static size_t latest(const struct alignment *al)
{
	size_t best = (size_t)-1;

	for (size_t i = 0; i < al->n; i++) {
		const struct aligned_cell *c = &al->cell[i];

		if (c->sa != SIDE_VALUE || c->sb != SIDE_VALUE)
			continue;
		if (best == (size_t)-1 ||
		    rk_period_cmp(&c->when, &al->cell[best].when) > 0)
			best = i;
	}
	return best == (size_t)-1 ? best : al->cell[best].period;
}

int stock_latest(const struct alignment *al, const void *st, size_t st_size,
		 struct alignment *out, void **st_out, size_t *period)
{
	size_t k = 0;

	*out = *al;
	out->cell = malloc((al->n + 1) * sizeof(*out->cell));
	*st_out = malloc((al->n + 1) * st_size);
	if (!out->cell || !*st_out) {
		free(out->cell);
		free(*st_out);
		out->cell = NULL;
		*st_out = NULL;
		return -1;
	}
	*period = latest(al);
	for (size_t i = 0; i < al->n; i++) {
		if (al->cell[i].period != *period)
			continue;
		out->cell[k] = al->cell[i];
		memcpy((char *)*st_out + k * st_size,
		       (const char *)st + i * st_size, st_size);
		k++;
	}
	out->n = k;
	return 0;
}

void stock_latest_release(struct alignment *a)
{
	free(a->cell);
	a->cell = NULL;
	a->n = 0;
}

int stock_measure(const struct alignment *al, const struct cell_stats *st,
		  struct summary *sm, struct dist **d, size_t *nd)
{
	struct alignment last;
	struct summary *at = malloc(sizeof(*at));
	void *lst = NULL;
	size_t period;
	int rc = -1;

	*d = NULL;
	*nd = 0;
	if (!at || stock_latest(al, st, sizeof(*st), &last, &lst, &period) < 0)
		goto out;
	if (summary_compute(&last, lst, at) < 0 ||
	    dist_compute(&last, d, nd) < 0)
		goto done;
	sm->total_a = at->total_a;
	sm->total_b = at->total_b;
	sm->total = at->total;
	sm->quasi = at->quasi;
	sm->dispersion = at->dispersion;
	if (period == (size_t)-1)
		summary_note(sm, "a stock (a count on a date): no date with "
			     "figures from both, so no totals");
	else
		summary_note(sm, "a stock (a count on a date): totals and "
			     "distribution are on %s, the latest date both "
			     "give, never summed over dates",
			     al->set->str[period]);
	rc = 0;
done:
	stock_latest_release(&last);
	free(lst);
out:
	free(at);
	return rc;
}

int stock_trend_note(struct trend *t)
{
	size_t n = strlen(t->note);

	snprintf(t->note + n, sizeof(t->note) - n, "%sa stock: each period's "
		 "total is its level on that date, never a sum over periods; "
		 "levels share people, so read the intervals as too narrow",
		 n ? "; " : "");
	return 0;
}
