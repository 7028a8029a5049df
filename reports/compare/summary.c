/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "summary.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "../stats/disperse.h"

__attribute__((format(printf, 2, 3)))
void summary_note(struct summary *s, const char *fmt, ...)
{
	size_t len = strlen(s->note);
	va_list ap;

	if (len && len + 2 < sizeof(s->note)) {
		strcat(s->note, "; ");
		len += 2;
	}
	va_start(ap, fmt);
	vsnprintf(s->note + len, sizeof(s->note) - len, fmt, ap);
	va_end(ap);
}

/* The names of the dimensions in mask, joined by sep. */
static void dim_names(const struct obs_set *set, uint64_t mask,
		      const char *sep, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t d = 0; d < set->ndims && len < size; d++) {
		if (!(mask >> d & 1))
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? sep : "", set->dim[d]);
	}
}

static void count(const struct cell_stats *st, size_t n, struct summary *s)
{
	for (size_t i = 0; i < n; i++) {
		switch (st[i].flag) {
		case CELL_ONLY_A: s->only_a++; break;
		case CELL_ONLY_B: s->only_b++; break;
		case CELL_MISSING: s->missing++; break;
		case CELL_WITHHELD: s->missing++; break;   /* no figure */
		case CELL_NO_INFORMATION: s->no_information++; break;
		case CELL_SIGNIFICANT: s->significant++; break;
		case CELL_WITHIN_NOISE: break;
		case CELL_TOO_FEW: s->too_few++; break;
		case CELL_UNTESTED: s->untested++; break;
		case CELL_QUALIFIED: s->qualified++; break;
		}
		s->tested += st[i].flag == CELL_SIGNIFICANT ||
			     st[i].flag == CELL_WITHIN_NOISE ||
			     st[i].flag == CELL_TOO_FEW;
	}
	s->cells = n;
	s->compared = n - s->only_a - s->only_b - s->missing;
}

static void coverage_notes(const struct alignment *al, struct summary *s)
{
	const struct obs_set *set = al->set;
	const char *a = al->ref == (size_t)-1 ? "?" : set->str[al->ref];
	const char *b = al->against == (size_t)-1 ? "?" : set->str[al->against];
	char names[256];

	if (!al->rows_a)
		summary_note(s, "no rows of %s", a);
	if (!al->rows_b)
		summary_note(s, "no rows of %s", b);
	if (al->periods_a)
		summary_note(s, "%zu period(s) of %s not broken down by %s", al->periods_a,
		     a, s->breakdown);
	if (al->periods_b)
		summary_note(s, "%zu period(s) of %s not broken down by %s", al->periods_b,
		     b, s->breakdown);
	if (al->summed_a) {
		dim_names(set, al->summed_a, " and ", names, sizeof(names));
		summary_note(s, "%s summed out of %s", names, a);
	}
	if (al->summed_b) {
		dim_names(set, al->summed_b, " and ", names, sizeof(names));
		summary_note(s, "%s summed out of %s", names, b);
	}
	if (s->untested)
		summary_note(s, "%zu cell(s) not whole counts: not tested", s->untested);
	if (s->qualified)
		summary_note(s, "%zu cell(s) not complete counts (provisional, incomplete, "
		     "estimated or with a footnote): shown, not tested; the "
		     "totals include them and are not tested", s->qualified);
}

static void summed_out(const struct alignment *al, struct summary *s)
{
	const struct obs_set *set = al->set;
	char names[256];
	size_t len = 0;

	if (al->summed_a) {
		dim_names(set, al->summed_a, "|", names, sizeof(names));
		len = (size_t)snprintf(s->summed_out, sizeof(s->summed_out),
				       "%s from %s", names, set->str[al->ref]);
	}
	if (al->summed_b && len < sizeof(s->summed_out)) {
		dim_names(set, al->summed_b, "|", names, sizeof(names));
		if (snprintf(s->summed_out + len, sizeof(s->summed_out) - len,
			     "%s%s from %s", len ? "; " : "", names,
			     set->str[al->against]) < 0)
			s->summed_out[len] = '\0';
	}
}

static void agree_notes(const struct agree *g, struct summary *s)
{
	if (g->n == 0) {
		summary_note(s, "no cell has values on both sides");
		return;
	}
	if (g->notes & AGREE_CONSTANT)
		summary_note(s, "a constant series: correlations and ccc undefined");
	if (g->notes & AGREE_IDENTICAL)
		summary_note(s, "identical values: ccc 1 without an interval");
	if ((g->notes & AGREE_FEW) && g->n < 2)
		summary_note(s, "one cell compared: no correlation or ccc");
	else if (g->notes & AGREE_FEW)
		summary_note(s, "fewer than 3 cells compared: no ccc interval");
	if (g->ba_n == 0)
		summary_note(s, "a zero in every cell: no bland-altman");
	else if (g->notes & AGREE_NONPOSITIVE)
		summary_note(s, "%zu cell(s) with a zero left out of bland-altman",
		     g->n - g->ba_n);
	if (g->ba_n == 1)
		summary_note(s, "one positive pair: no limits of agreement");
	if (g->notes & AGREE_ALLZERO)
		summary_note(s, "every compared cell is 0 vs 0");
}

/*
 * When the cells vary more than counting noise would make them, the exact
 * interval of the totals is too narrow: the quasi-Poisson one replaces it
 * (issue 19 item 5); total_model says which was used.  Not in the note:
 * a protecting brief recomputes the dispersion over the cells it
 * publishes, and a note would keep the one that rests on withheld cells.
 */
static void overdispersed(const double *a, const double *b, size_t k,
			  struct summary *s)
{
	struct disperse d;

	s->dispersion = NAN;
	if (disperse_ratio(a, b, k, CELLS_LEVEL, &d) < 0)
		return;
	s->dispersion = d.phi;
	if (!d.quasi)
		return;
	s->quasi = 1;
	s->total = (struct exact_ratio){ d.ratio, d.lo, d.hi, d.p };
}

int summary_compute(const struct alignment *al, const struct cell_stats *st,
		    struct summary *s)
{
	double *a = malloc((al->n + 1) * sizeof(*a));
	double *b = malloc((al->n + 1) * sizeof(*b));
	size_t k = 0;
	int rc = -1;

	memset(s, 0, sizeof(*s));
	s->dispersion = NAN;
	if (!a || !b)
		goto out;
	dim_names(al->set, al->compared, "|", s->breakdown, sizeof(s->breakdown));
	summed_out(al, s);
	count(st, al->n, s);
	for (size_t i = 0; i < al->n; i++) {
		if (al->cell[i].sa != SIDE_VALUE || al->cell[i].sb != SIDE_VALUE)
			continue;
		a[k] = al->cell[i].a;
		b[k++] = al->cell[i].b;
		s->total_a += al->cell[i].a;
		s->total_b += al->cell[i].b;
	}
	coverage_notes(al, s);
	/* a total with a figure that is not a complete count is not one */
	s->total = (struct exact_ratio){ NAN, NAN, NAN, NAN };
	if (s->qualified || exact_rate_ratio(s->total_b, 1, s->total_a, 1,
					     CELLS_LEVEL, &s->total) < 0)
		s->total.ratio = s->total_a != 0 ? s->total_b / s->total_a : NAN;
	else
		overdispersed(a, b, k, s);
	if (k == 0)
		s->total_a = s->total_b = NAN;
	if (agree_compute(a, b, k, CELLS_LEVEL, &s->agree) < 0)
		goto out;
	agree_notes(&s->agree, s);
	rc = 0;
out:
	free(a);
	free(b);
	return rc;
}
