/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * brief_protect: every count the brief publishes, put into the suppression
 * table of its source and indicator (suppress.h) as a cell or a sum of
 * cells, and the marks read back.  What is registered here is exactly what
 * the sheets show:
 *
 *   - each tidy observation (the Data sheet);
 *   - each value of cells.csv, at its coordinates (the pair sheets, the
 *     coverage gaps of the Data quality sheet);
 *   - per pair, sums over the cells both sources report ("compared"):
 *     the totals (summary, findings, Agreement), the totals per period
 *     (line chart), and per category of each dimension (Distribution,
 *     column chart);
 *   - the counts of mse.csv, in a table of their own per indicator with
 *     one dimension per list.
 *
 * Figures derived from a pair of counts (difference, ratio, interval, p,
 * q, shares, residuals) are blanked by the sheets wherever one of the pair
 * is withheld, so that the other source's figure never gives it away.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "brief.h"
#include "map.h"
#include "../stats/suppress.h"

struct ref {
	unsigned char *mark;
	size_t table;
	long item;
};

struct protect {
	struct brief *b;
	struct rk_map *index;          /* "source\037indicator" -> table */
	struct supp_table **t;
	size_t nt;
	size_t ncoord;                 /* period + dimensions */
	struct rk_map **intern;        /* per coordinate: text -> id */
	struct ref *ref;
	size_t nref, refcap;
	long *ia, *ib;                 /* cells.csv rows: items of a and b */
	size_t *ta, *tb;               /* and their tables */
};

static int intern(struct protect *pr, size_t c, const char *s, uint32_t *id)
{
	size_t v;
	int r;

	if (!*s) {
		*id = SUPP_ALL;
		return 0;
	}
	r = rk_map_put(pr->intern[c], s, strlen(s),
		       rk_map_count(pr->intern[c]), &v, NULL);
	if (r < 0)
		return -1;
	*id = (uint32_t)(r == 1 ? rk_map_count(pr->intern[c]) - 1 : v);
	return 0;
}

/*
 * The threshold for a source's counts: none for a source that has
 * published them itself (they are public: withholding them protects no
 * one and hides what an official can quote), suppress_below otherwise
 * (the rounding base when the brief protects by rounding).
 */
static double threshold(const struct brief *b, const char *source)
{
	const struct rk_source *s = rk_config_source(b->cfg, source);

	if (s && s->published)
		return 0;
	return b->rounding ? (double)b->rounding : (double)b->k;
}

/* The table of source and indicator, made on first use; -1 when oom. */
static long table_of(struct protect *pr, const char *source,
		     const char *indicator, size_t ndims)
{
	size_t ls = strlen(source), li = strlen(indicator), v;
	char *key = malloc(ls + li + 2);
	int r;

	if (!key)
		return -1;
	memcpy(key, source, ls);
	key[ls] = '\037';
	memcpy(key + ls + 1, indicator, li + 1);
	r = rk_map_put(pr->index, key, ls + li + 1, pr->nt, &v, NULL);
	free(key);
	if (r < 0)
		return -1;
	if (r == 0)
		return (long)v;
	{
		struct supp_table **t = realloc(pr->t, (pr->nt + 1) *
						       sizeof(*t));

		if (!t)
			return -1;
		pr->t = t;
		if (!(t[pr->nt] = supp_new(ndims, threshold(pr->b, source))))
			return -1;
		return (long)pr->nt++;
	}
}

static int note(struct protect *pr, unsigned char *mark, size_t table,
		long item)
{
	if (item < 0)
		return -1;
	if (pr->nref == pr->refcap) {
		size_t cap = pr->refcap ? pr->refcap * 2 : 1024;
		struct ref *p = realloc(pr->ref, cap * sizeof(*p));

		if (!p)
			return -1;
		pr->ref = p;
		pr->refcap = cap;
	}
	pr->ref[pr->nref++] = (struct ref){ mark, table, item };
	return 0;
}

/* A count at (period, dims) of source and indicator; its item, -1 oom. */
static long cell(struct protect *pr, const char *source, const char *indicator,
		 const char *period, const char *const *dim, double value,
		 size_t *table)
{
	uint32_t coord[SUPP_MAX_DIMS];
	long t = table_of(pr, source, indicator, pr->ncoord);

	if (t < 0 || intern(pr, 0, period, &coord[0]) < 0)
		return -1;
	for (size_t d = 1; d < pr->ncoord; d++)
		if (intern(pr, d, dim[d - 1], &coord[d]) < 0)
			return -1;
	*table = (size_t)t;
	return supp_cell(pr->t[t], coord, value);
}

static int data_rows(struct protect *pr)
{
	struct brief *b = pr->b;
	const char *dim[SUPP_MAX_DIMS];

	for (size_t f = 0; f < b->ndata; f++) {
		const struct brief_table *t = &b->data[f];
		long vcol = (long)t->ncols - 3;

		for (size_t r = 0; r < t->nrows; r++) {
			const char *ind = brief_table_get(t, r, 1);
			size_t table;
			long item;

			if (!*brief_table_get(t, r, vcol) ||
			    !brief_indicator_is_count(b->labels, ind))
				continue;
			for (size_t d = 0; d < b->ndims; d++)
				dim[d] = brief_table_get(t, r, b->data_dim[f][d]);
			item = cell(pr, brief_table_get(t, r, 0), ind,
				    brief_table_get(t, r, 2), dim,
				    atof(brief_table_get(t, r, vcol)), &table);
			if (note(pr, &b->data_mark[f][r], table, item) < 0)
				return -1;
		}
	}
	return 0;
}

static int cell_rows(struct protect *pr)
{
	struct brief *b = pr->b;
	const struct brief_table *t = &b->cells;
	const char *dim[SUPP_MAX_DIMS];

	for (size_t r = 0; r < t->nrows; r++) {
		const char *ind = brief_table_str(t, r, "indicator");
		const char *period = brief_table_str(t, r, "period");
		const char *a = brief_table_str(t, r, "a");
		const char *v = brief_table_str(t, r, "b");

		pr->ia[r] = pr->ib[r] = -1;
		if (!brief_indicator_is_count(b->labels, ind))
			continue;
		for (size_t d = 0; d < b->ndims; d++)
			dim[d] = brief_cell_dim(b, r, d);
		if (*a && ((pr->ia[r] = cell(pr, brief_table_str(t, r,
								 "reference"),
					     ind, period, dim, atof(a),
					     &pr->ta[r])) < 0 ||
			   note(pr, &b->cell_a[r], pr->ta[r], pr->ia[r]) < 0))
			return -1;
		if (*v && ((pr->ib[r] = cell(pr, brief_table_str(t, r,
								 "against"),
					     ind, period, dim, atof(v),
					     &pr->tb[r])) < 0 ||
			   note(pr, &b->cell_b[r], pr->tb[r], pr->ib[r]) < 0))
			return -1;
	}
	return 0;
}

/*
 * Sums of the compared cells of pair p that pass keep(), for both sides,
 * with the values shown (NaN: the sum itself).
 */
struct sel {
	long dim;                      /* -1: every cell */
	const char *category;
	const char *period;            /* NULL: every period */
};

static int keep(const struct brief *b, size_t r, const struct sel *s)
{
	if (s->period && strcmp(brief_table_str(&b->cells, r, "period"),
				s->period) != 0)
		return 0;
	return s->dim < 0 ||
	       strcmp(brief_cell_dim(b, r, (size_t)s->dim), s->category) == 0;
}

static int sums(struct protect *pr, const struct brief_pair *p,
		const struct sel *s, double va, double vb, unsigned char *ma,
		unsigned char *mb)
{
	const struct brief *b = pr->b;
	size_t *ids = malloc((p->ncell ? p->ncell : 1) * sizeof(*ids));
	size_t *idb = malloc((p->ncell ? p->ncell : 1) * sizeof(*idb));
	size_t n = 0, table_a = 0, table_b = 0;
	double sa = 0, sb = 0;
	int rc = -1;

	if (!ids || !idb)
		goto out;
	for (size_t i = 0; i < p->ncell; i++) {
		size_t r = p->cell[i];

		if (pr->ia[r] < 0 || pr->ib[r] < 0 || !keep(b, r, s))
			continue;
		ids[n] = (size_t)pr->ia[r];
		idb[n] = (size_t)pr->ib[r];
		table_a = pr->ta[r];
		table_b = pr->tb[r];
		sa += brief_table_num(&b->cells, r, "a");
		sb += brief_table_num(&b->cells, r, "b");
		n++;
	}
	rc = 0;
	if (n == 0)
		goto out;
	rc = note(pr, ma, table_a,
		  supp_sum(pr->t[table_a], ids, n, isnan(va) ? sa : va)) |
	     note(pr, mb, table_b,
		  supp_sum(pr->t[table_b], idb, n, isnan(vb) ? sb : vb));
out:
	free(ids);
	free(idb);
	return rc;
}

static int pair_sums(struct protect *pr, struct brief_pair *p)
{
	struct brief *b = pr->b;
	struct sel all = { .dim = -1 };

	if (p->summary >= 0 &&
	    sums(pr, p, &all,
		 brief_table_num(&b->summary, (size_t)p->summary, "total_a"),
		 brief_table_num(&b->summary, (size_t)p->summary, "total_b"),
		 &p->total_a, &p->total_b) < 0)
		return -1;
	for (size_t k = 0; k < p->nperiod; k++) {
		struct sel s = { .dim = -1, .period = p->period[k] };

		if (sums(pr, p, &s, p->pa[k], p->pb[k], &p->pa_mark[k],
			 &p->pb_mark[k]) < 0)
			return -1;
	}
	for (size_t i = 0; i < p->ndist; i++) {
		size_t r = p->dist[i];
		struct sel s = {
			.dim = brief_dim_index(b, brief_table_str(&b->dist, r,
								  "dimension")),
			.category = brief_table_str(&b->dist, r, "category"),
		};

		if (s.dim >= 0 &&
		    sums(pr, p, &s, brief_table_num(&b->dist, r, "a"),
			 brief_table_num(&b->dist, r, "b"), &b->dist_a[r],
			 &b->dist_b[r]) < 0)
			return -1;
	}
	return 0;
}

/* ---- mse.csv: one table per indicator, one dimension per list ---- */

/* The items of the two lists named "a|b" among list[0..n); 1 if found. */
static int two_lists(const char *names, const char *const *list, size_t n,
		     const long *item, size_t *two)
{
	const char *bar = strchr(names, '|');
	size_t got = 0;

	if (!bar || strchr(bar + 1, '|'))
		return 0;
	for (size_t d = 0; d < n; d++) {
		size_t l = strlen(list[d]);

		if ((l == (size_t)(bar - names) && strncmp(names, list[d], l) == 0) ||
		    strcmp(bar + 1, list[d]) == 0) {
			if (got < 2)
				two[got] = (size_t)item[d];
			got++;
		}
	}
	return got == 2;
}

static int mse_group(struct protect *pr, size_t first, size_t end)
{
	struct brief *b = pr->b;
	const struct brief_table *t = &b->mse;
	const char *list[SUPP_MAX_DIMS];
	long list_item[SUPP_MAX_DIMS];
	size_t k = 0;
	struct supp_table *st;
	long table;

	for (size_t r = first; r < end; r++)
		if (strcmp(brief_table_str(t, r, "kind"), "list") == 0) {
			if (k == SUPP_MAX_DIMS)
				return 1;          /* too many: hide it all */
			list[k++] = brief_table_str(t, r, "lists");
		}
	if (k < 2 || !(st = supp_new(k, (double)b->k)))
		return k < 2 ? 0 : -1;
	{
		struct supp_table **p = realloc(pr->t, (pr->nt + 1) *
						       sizeof(*p));

		if (!p) {
			supp_free(st);
			return -1;
		}
		pr->t = p;
		table = (long)pr->nt;
		pr->t[pr->nt++] = st;
	}
	for (size_t r = first, i = 0; r < end; r++) {
		const char *kind = brief_table_str(t, r, "kind");
		const char *pattern = brief_table_str(t, r, "pattern");
		double count = brief_table_num(t, r, "count");
		uint32_t c[SUPP_MAX_DIMS];
		long item = -2;

		if (isnan(count))
			continue;
		for (size_t d = 0; d < k; d++)
			c[d] = SUPP_ALL;
		if (strcmp(kind, "list") == 0) {
			c[i] = 1;
			item = list_item[i++] = supp_cell(st, c, count);
		} else if (strcmp(kind, "pattern") == 0 &&
			   strlen(pattern) == k) {
			for (size_t d = 0; d < k; d++)
				c[d] = pattern[d] == '1';
			item = supp_cell(st, c, count);
		} else if (strcmp(kind, "chapman") == 0) {
			size_t two[2];

			if (two_lists(brief_table_str(t, r, "lists"), list, i,
				      list_item, two))
				item = supp_sum(st, two, 2, count);
		} else {
			item = supp_cell(st, c, count);   /* all lists */
		}
		if (item != -2 && note(pr, &b->mse_mark[r], (size_t)table,
				       item) < 0)
			return -1;
	}
	return 0;
}

static int mse_rows(struct protect *pr)
{
	const struct brief_table *t = &pr->b->mse;
	size_t first = 0;

	for (size_t r = 1; r <= t->nrows; r++) {
		int rc;

		if (r < t->nrows &&
		    strcmp(brief_table_str(t, r, "indicator"),
			   brief_table_str(t, first, "indicator")) == 0)
			continue;
		rc = mse_group(pr, first, r);
		if (rc < 0)
			return -1;
		for (size_t i = first; rc == 1 && i < r; i++)
			if (brief_table_num(t, i, "count") > 0)
				pr->b->mse_mark[i] = BRIEF_HIDDEN;
		first = r;
	}
	return 0;
}

/* ---- running ---- */

/*
 * The audit of one table: each withheld item's interval, by integer
 * programming over everything the table publishes; while one is too
 * narrow, more is withheld and the audit runs again.  Counts what stays
 * unprotected in b->unprotected (the brief is then not written) and the
 * narrowest interval of an "x" in b->narrowest.
 */
static int audit(struct brief *b, struct supp_table *t)
{
	size_t n = supp_items(t);
	double *lo = malloc((n ? n : 1) * sizeof(*lo));
	double *hi = malloc((n ? n : 1) * sizeof(*hi));
	unsigned char *failing = calloc(n ? n : 1, 1);
	size_t bad = 0;
	int rc = -1;

	if (!lo || !hi || !failing)
		goto out;
	for (int round = 0, tries = 0;; round++) {
		int more;

		if (supp_audit_protects(t, lo, hi) < 0)
			goto out;
		bad = 0;
		for (size_t i = 0; i < n; i++) {
			failing[i] = supp_state(t, i) != SUPP_SHOWN &&
				     !supp_audit_wide_enough(t, i, lo[i],
							     hi[i]);
			bad += failing[i];
		}
		if (bad == 0 || round == 12)
			break;
		/* complementary cells first (twice: one round's cells may let
		   the next round's boxes through); then the whole table, then
		   small counts shown as "x" */
		if ((more = supp_widen(t, failing)) < 0)
			goto out;
		if (more == 1 || ++tries < 2)
			continue;
		tries = 0;
		if ((more = supp_escalate(t, failing)) < 0)
			goto out;
		if (more == 0)
			break;
		b->escalated++;
	}
	b->unprotected += bad;
	for (size_t i = 0; i < n; i++) {
		enum supp_state st = supp_state(t, i);

		if (st == SUPP_SHOWN || failing[i])
			continue;
		b->audited++;
		if (st != SUPP_PRIMARY &&
		    (b->narrowest == 0 || hi[i] - lo[i] + 1 < b->narrowest))
			b->narrowest = hi[i] - lo[i] + 1;
	}
	rc = 0;
out:
	free(lo);
	free(hi);
	free(failing);
	return rc;
}

static int run(struct protect *pr)
{
	struct brief *b = pr->b;

	for (size_t i = 0; i < pr->nt; i++) {
		if (supp_run(pr->t[i]) < 0 || audit(b, pr->t[i]) < 0)
			return -1;
		b->nsmall += supp_primary(pr->t[i]) - supp_masked(pr->t[i]);
		b->nhidden += supp_secondary(pr->t[i]) + supp_masked(pr->t[i]);
		b->nmasked += supp_masked(pr->t[i]);
		b->withheld_tables += (size_t)supp_withheld_all(pr->t[i]);
	}
	for (size_t i = 0; i < pr->nref; i++) {
		const struct ref *x = &pr->ref[i];

		enum supp_state st = supp_state(pr->t[x->table],
						(size_t)x->item);

		*x->mark = st == SUPP_SHOWN ? BRIEF_SHOWN :
			   st == SUPP_PRIMARY ? BRIEF_SMALL : BRIEF_HIDDEN;
	}
	return 0;
}

static int alloc_marks(struct brief *b)
{
	size_t nc = b->cells.nrows ? b->cells.nrows : 1;
	size_t nd = b->dist.nrows ? b->dist.nrows : 1;

	b->cell_a = calloc(nc, 1);
	b->cell_b = calloc(nc, 1);
	b->dist_a = calloc(nd, 1);
	b->dist_b = calloc(nd, 1);
	b->mse_mark = calloc(b->mse.nrows ? b->mse.nrows : 1, 1);
	b->data_mark = calloc(b->ndata ? b->ndata : 1, sizeof(*b->data_mark));
	if (!b->cell_a || !b->cell_b || !b->dist_a || !b->dist_b ||
	    !b->mse_mark || !b->data_mark)
		return -1;
	for (size_t f = 0; f < b->ndata; f++)
		if (!(b->data_mark[f] = calloc(b->data[f].nrows ? b->data[f].nrows
								 : 1, 1)))
			return -1;
	return 0;
}

static int protect(struct protect *pr)
{
	struct brief *b = pr->b;
	size_t n = b->cells.nrows ? b->cells.nrows : 1;

	pr->ncoord = b->ndims + 1;
	if (pr->ncoord > SUPP_MAX_DIMS)
		return 1;
	if (!(pr->index = rk_map_new()) ||
	    !(pr->intern = calloc(pr->ncoord, sizeof(*pr->intern))))
		return -1;
	for (size_t c = 0; c < pr->ncoord; c++)
		if (!(pr->intern[c] = rk_map_new()))
			return -1;
	pr->ia = malloc(n * sizeof(*pr->ia));
	pr->ib = malloc(n * sizeof(*pr->ib));
	pr->ta = calloc(n, sizeof(*pr->ta));
	pr->tb = calloc(n, sizeof(*pr->tb));
	if (!pr->ia || !pr->ib || !pr->ta || !pr->tb)
		return -1;
	if (data_rows(pr) < 0 || cell_rows(pr) < 0)
		return -1;
	for (size_t i = 0; i < b->npair; i++)
		if (pair_sums(pr, &b->pair[i]) < 0)
			return -1;
	if (mse_rows(pr) < 0)
		return -1;
	return run(pr);
}

/* ---- rounding: the Data sheet's counts as reckon-compare rounded them ---- */

/* "source\037indicator\037period\037dims..." of a row; NULL when oom. */
static char *row_key(const struct brief *b, const struct brief_table *t,
		     size_t r, const long *dim)
{
	size_t len = 0;
	char *k, *p;

	for (long c = 0; c < 3; c++)
		len += strlen(brief_table_get(t, r, c)) + 1;
	for (size_t d = 0; d < b->ndims; d++)
		len += strlen(brief_table_get(t, r, dim[d])) + 1;
	if (!(k = malloc(len + 1)))
		return NULL;
	p = k;
	for (long c = 0; c < 3; c++)
		p += sprintf(p, "%s\037", brief_table_get(t, r, c));
	for (size_t d = 0; d < b->ndims; d++)
		p += sprintf(p, "%s\037", brief_table_get(t, r, dim[d]));
	return k;
}

/*
 * Each count of a protected source on the Data sheet becomes its rounded
 * value; one that reckon-compare did not round (a row outside what it
 * read) is withheld, never shown as it is.
 */
static int rounded_data(struct brief *b)
{
	const struct brief_table *rt = &b->rounded;
	struct rk_map *m = rk_map_new();
	long *dim = malloc((b->ndims ? b->ndims : 1) * sizeof(*dim));
	int rc = -1;

	if (!m || !dim)
		goto out;
	for (size_t d = 0; d < b->ndims; d++)
		dim[d] = brief_table_col(rt, b->dims[d]);
	for (size_t r = 0; r < rt->nrows; r++) {
		char *k = row_key(b, rt, r, dim);
		int put = k ? rk_map_put(m, k, strlen(k), r, NULL, NULL) : -1;

		free(k);
		if (put < 0)
			goto out;
	}
	for (size_t f = 0; f < b->ndata; f++) {
		struct brief_table *t = &b->data[f];

		for (size_t r = 0; r < t->nrows; r++) {
			char *k;
			size_t at;
			int found;

			if (!threshold(b, brief_table_get(t, r, 0)) ||
			    !*brief_table_str(t, r, "value"))
				continue;
			if (!(k = row_key(b, t, r, b->data_dim[f])))
				goto out;
			found = rk_map_get(m, k, strlen(k), &at);
			free(k);
			if (!found) {
				b->data_mark[f][r] = BRIEF_HIDDEN;
				b->nhidden++;
				continue;
			}
			if (brief_table_set(t, r, "value",
					    brief_table_str(rt, at, "value")) < 0)
				goto out;
			b->nrounded++;
		}
	}
	rc = 0;
out:
	rk_map_free(m);
	free(dim);
	return rc;
}

int brief_protect(struct brief *b, struct rk_error *err)
{
	struct protect pr = { .b = b };
	int rc;

	if (alloc_marks(b) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (b->rounding)
		return rounded_data(b) < 0 ? rk_error_oom(err) : 0;
	if (b->k == 0)
		return 0;
	rc = protect(&pr);
	for (size_t i = 0; i < pr.nt; i++)
		supp_free(pr.t[i]);
	free(pr.t);
	rk_map_free(pr.index);
	for (size_t c = 0; pr.intern && c < pr.ncoord; c++)
		rk_map_free(pr.intern[c]);
	free(pr.intern);
	free(pr.ref);
	free(pr.ia);
	free(pr.ib);
	free(pr.ta);
	free(pr.tb);
	if (rc == 1)
		return rk_error_set(err, RK_EXIT_CONFIG, NULL, 0,
				    "%zu dimensions are more than suppression "
				    "handles (%d)", b->ndims, SUPP_MAX_DIMS - 1);
	if (rc < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	return 0;
}

int brief_protects(const struct brief *b)
{
	if (b->k == 0 && b->rounding == 0)
		return 0;
	for (size_t i = 0; i < b->cfg->nsources; i++)
		if (!b->cfg->sources[i].published)
			return 1;
	return 0;
}

int brief_file_protected(const struct brief *b, const struct brief_file *f)
{
	const struct rk_source *s;

	if (!brief_protects(b) || strcmp(f->role, "config") == 0 ||
	    strcmp(f->role, "codelist") == 0)
		return 0;
	if (strcmp(f->role, "input") != 0 || !f->source)
		return 1;            /* results, data, quality files, manifest */
	s = rk_config_source(b->cfg, f->source);
	return !s || !s->published;
}
