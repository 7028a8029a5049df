/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The sources' own totals (issue 17): the rows a layout skips as totals
 * ("Итого", "Всего", "Total") come from reckon-extract with status
 * source_total and the total's field empty.  Each is compared with the sum
 * of the parts it stands over (same source, indicator, period and every
 * other field), and never written: the brief compares the parts, and a
 * total added to them would count everything twice.  A total that is not
 * the sum of its parts goes to rejects.csv (check source_total, action
 * checked) with both numbers, for the brief's data quality.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "mapper.h"
#include "nz.h"

struct part_sum {
	double sum;
	size_t n;
	int unknown;                  /* a part without a value */
};

/* The key of cell i with the dims in mask (bit d) read as "all". */
static size_t key_of(const struct normaliser *n, size_t i, uint32_t mask,
		     unsigned char *key)
{
	const struct cell *c = cells_at(n->cells, i);
	const uint32_t *d = cells_dims(n->cells, i);
	uint32_t head[7] = { c->source, c->indicator, (uint32_t)c->period.year,
			     (uint32_t)c->period.first,
			     (uint32_t)c->period.last, (uint32_t)c->period.day,
			     mask };
	size_t len = sizeof(head);

	memcpy(key, head, sizeof(head));
	for (size_t k = 0; k < n->ndims; k++, len += 4) {
		uint32_t v = mask >> k & 1 ? MAPPER_TOTAL : d[k];

		memcpy(key + len, &v, 4);
	}
	return len;
}

/* The dims a total stands over: those it leaves empty. */
static uint32_t mask_of(const struct normaliser *n, size_t i)
{
	const uint32_t *d = cells_dims(n->cells, i);
	uint32_t m = 0;

	for (size_t k = 0; k < n->ndims && k < 32; k++)
		if (d[k] == MAPPER_TOTAL)
			m |= 1u << k;
	return m;
}

static double value_of(const struct normaliser *n, const struct cell *c)
{
	return nz_type_of(n, c->indicator) == NZ_NUMBER ? c->number
							: (double)c->count;
}

static void number_text(char *buf, size_t size, double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(buf, size, "%.0f", v);
	else
		snprintf(buf, size, "%.15g", v);
}

static int is_part(const struct cell *c)
{
	return !nz_is_source_total(c) && !c->rejected && !c->overflow;
}

/*
 * The dims each source breaks its figures down by (bit d of broken[s]):
 * over such a dim a total's parts are the broken-down figures, never
 * another total of the same source (a "both sexes" row beside the sexes).
 */
static uint32_t *broken_down(const struct normaliser *n)
{
	uint32_t *b = calloc(n->nsrc + 1, sizeof(*b));

	for (size_t i = 0; b && i < cells_count(n->cells); i++) {
		const struct cell *c = cells_at(n->cells, i);

		if (is_part(c) && c->source < n->nsrc)
			b[c->source] |= ~mask_of(n, i);
	}
	return b;
}

/* Adds every part (not a total, not rejected) to the groups of the masks. */
static int add_parts(struct normaliser *n, const uint32_t *masks, size_t nm,
		     const uint32_t *broken, struct rk_map *index,
		     struct part_sum **sums, size_t *ns, size_t *cap,
		     unsigned char *key)
{
	for (size_t i = 0; i < cells_count(n->cells); i++) {
		const struct cell *c = cells_at(n->cells, i);

		if (!is_part(c) || c->source >= n->nsrc)
			continue;
		for (size_t m = 0; m < nm; m++) {
			size_t len = key_of(n, i, masks[m], key), at;
			int rc;

			/* over a dim the source breaks down, a part has a
			   value of it */
			if (mask_of(n, i) & masks[m] & broken[c->source])
				continue;
			rc = rk_map_put(index, key, len, *ns, &at, NULL);
			if (rc < 0)
				return -1;
			if (rc == 1) {
				if (*ns == *cap) {
					size_t nc = *cap ? *cap * 2 : 64;
					struct part_sum *p = realloc(*sums,
							nc * sizeof(*p));

					if (!p)
						return -1;
					*sums = p;
					*cap = nc;
				}
				memset(&(*sums)[*ns], 0, sizeof(**sums));
				at = (*ns)++;
			}
			(*sums)[at].sum += value_of(n, c);
			(*sums)[at].n++;
			(*sums)[at].unknown |= !c->valued || c->missing ||
					       c->suppressed;
		}
	}
	return 0;
}

static int judge(struct normaliser *n, size_t i, const struct part_sum *p,
		 struct rk_error *err)
{
	const struct cell *c = cells_at(n->cells, i);
	double total = value_of(n, c);
	char a[48], b[48], why[320];

	if (!p || p->n == 0 || p->unknown || fabs(p->sum - total) <=
	    1e-9 * fmax(1, fabs(total)))
		return 0;
	number_text(a, sizeof(a), total);
	number_text(b, sizeof(b), p->sum);
	snprintf(why, sizeof(why), "the source's own total is %s, but the "
		 "%zu part%s it stands over sum to %s (a difference of %+g); "
		 "the parts are compared, the total is not", a, p->n,
		 p->n == 1 ? "" : "s", b, p->sum - total);
	n->sum.source_totals_off++;
	return nz_reject_cell(n, n->cells, i, "source_total", REJECT_CHECKED,
			      why, err);
}

int nz_check_source_totals(struct normaliser *n, struct rk_error *err)
{
	uint32_t masks[16];
	size_t nm = 0, ns = 0, cap = 0;
	struct part_sum *sums = NULL;
	struct rk_map *index = NULL;
	uint32_t *broken = NULL;
	unsigned char *key = malloc(28 + 4 * (n->ndims + 1));
	int rc = -1;

	for (size_t i = 0; i < cells_count(n->cells); i++) {
		const struct cell *c = cells_at(n->cells, i);
		uint32_t m;
		size_t k;

		if (!nz_is_source_total(c))
			continue;
		n->sum.source_totals += c->rows;
		m = mask_of(n, i);
		for (k = 0; k < nm && masks[k] != m; k++)
			;
		if (k == nm && nm < sizeof(masks) / sizeof(*masks))
			masks[nm++] = m;
	}
	if (!key || (nm && !(index = rk_map_new())))
		goto oom;
	if (nm == 0) {
		rc = 0;
		goto out;
	}
	if (!(broken = broken_down(n)) ||
	    add_parts(n, masks, nm, broken, index, &sums, &ns, &cap, key) < 0)
		goto oom;
	for (size_t i = 0; i < cells_count(n->cells); i++) {
		const struct cell *c = cells_at(n->cells, i);
		size_t len, at;

		if (!nz_is_source_total(c) || !c->valued)
			continue;
		len = key_of(n, i, mask_of(n, i), key);
		if (judge(n, i, rk_map_get(index, key, len, &at) ? &sums[at]
								 : NULL,
			  err) < 0)
			goto out;
	}
	rc = 0;
	goto out;
oom:
	rk_error_oom(err);
out:
	free(key);
	free(broken);
	free(sums);
	rk_map_free(index);
	return rc;
}
