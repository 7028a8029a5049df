/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outputs: the tidy table, unmapped.csv, and cells as rejects. */
#include "nz.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tidy.h"

const char *nz_cell_status(const struct normaliser *n, const struct cell *c)
{
	(void)n;
	if (!c->valued)
		return c->suppressed && !c->missing ? "suppressed" : "missing";
	if (c->missing || c->suppressed || c->incomplete)
		return "incomplete";
	if (c->estimated)
		return "estimated";
	if (c->provisional)
		return "provisional";
	if (c->revised)
		return "revised";
	if (c->footnote)
		return "footnote";
	return "";
}

/*
 * A sum of numbers given to k decimal places, rounded to k places where
 * the double's error lies beyond them (the sum is exact there); as it is
 * when k is more than 15 significant digits can hold.
 */
double nz_round_places(double v, unsigned k)
{
	char buf[64];

	if (k > 15 || !isfinite(v) || fabs(v) >= 1e15)
		return v;
	snprintf(buf, sizeof(buf), "%.*f", (int)k, v);
	return strtod(buf, NULL);
}

void nz_cell_value(const struct normaliser *n, const struct cell *c,
		   char *buf, size_t size)
{
	if (!c->valued)
		buf[0] = '\0';
	else if (nz_type_of(n, c->indicator) == NZ_NUMBER) {
		char v[TIDY_VALUE_MAX];

		snprintf(buf, size, "%s",
			 tidy_value_format(nz_round_places(c->number,
							   c->places), v));
	} else
		snprintf(buf, size, "%lld", (long long)c->count);
}

/* Fills n->fieldv with cell i's tidy fields; origin text in n->text. */
static int cell_fields(struct normaliser *n, struct cells *t, size_t i,
		       char *period, char *value, size_t vsize,
		       struct rk_error *err)
{
	struct cell *c = cells_at(t, i);
	const uint32_t *d = cells_dims(t, i);
	size_t k = 0;

	if (cells_origin_text(t, i, &n->text, &n->textcap) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	nz_cell_value(n, c, value, vsize);
	n->fieldv[k++] = n->src[c->source].id;
	n->fieldv[k++] = mapper_text(n->indicator, c->indicator);
	n->fieldv[k++] = rk_period_format(&c->period, period);
	for (size_t j = 0; j < n->ndims; j++)
		n->fieldv[k++] = mapper_text(n->dim[j], d[j]);
	n->fieldv[k++] = value;
	n->fieldv[k++] = nz_cell_status(n, c);
	n->fieldv[k++] = n->text;
	return 0;
}

int nz_reject_cell(struct normaliser *n, struct cells *t, size_t i,
		   const char *check, int kept, const char *reason,
		   struct rk_error *err)
{
	struct cell *c = cells_at(t, i);
	char period[RK_PERIOD_TEXT], value[TIDY_VALUE_MAX];
	struct reject x;

	if (cell_fields(n, t, i, period, value, sizeof(value), err) < 0)
		return -1;
	x.source = n->fieldv[0];
	x.indicator = n->fieldv[1];
	x.period = n->fieldv[2];
	x.dim = n->fieldv + 3;
	/* a stock's rows of two dates have no sum to show */
	x.value = strcmp(check, "stock") ? n->fieldv[3 + n->ndims] : "";
	x.status = n->fieldv[4 + n->ndims];
	x.origin = n->fieldv[5 + n->ndims];
	x.check = check;
	x.kept = kept;
	x.reason = reason;
	x.rows = (kept ? c->flagged : c->rejected) ? 0 : c->rows; /* once */
	if (kept)
		c->flagged = 1;
	else
		c->rejected = 1;
	return rejects_add(n->rejects, &x, err);
}

int normaliser_write(struct normaliser *n, FILE *out, const char *name,
		     struct rk_error *err)
{
	struct tidy_writer *w = tidy_writer_open(out, name, err);
	char period[RK_PERIOD_TEXT], value[TIDY_VALUE_MAX];
	int rc = -1;

	if (!w)
		return -1;
	if (tidy_writer_header(w, n->dims, n->ndims, err) < 0)
		goto out;
	for (size_t i = 0; i < cells_count(n->cells); i++) {
		const struct cell *c = cells_at(n->cells, i);

		if (c->rejected || nz_left_out(c))
			continue;
		if (cell_fields(n, n->cells, i, period, value, sizeof(value),
				err) < 0 ||
		    tidy_writer_row(w, n->fieldv, NULL, n->ndims + 6, err) < 0)
			goto out;
		n->sum.rows_written++;
		n->sum.rows_summed += c->rows;
	}
	rc = 0;
out:
	if (tidy_writer_close(w, rc < 0 ? NULL : err) < 0)
		rc = -1;
	return rc;
}

int normaliser_write_unmapped(struct normaliser *n, FILE *out,
			      const char *name, struct rk_error *err)
{
	struct tidy_writer *w = tidy_writer_open(out, name, err);
	int rc = -1;

	if (!w)
		return -1;
	if (mapper_write_unmapped_header(w, err) < 0 ||
	    mapper_write_unmapped(n->indicator, w, err) < 0)
		goto out;
	for (size_t d = 0; d < n->ndims; d++)
		if (mapper_write_unmapped(n->dim[d], w, err) < 0)
			goto out;
	rc = 0;
out:
	if (tidy_writer_close(w, rc < 0 ? NULL : err) < 0)
		rc = -1;
	return rc;
}
