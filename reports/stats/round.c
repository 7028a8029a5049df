/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Controlled rounding (round.h).  Each item not already a multiple of the
 * base has one unknown, u = 1 (up) or 0 (down); a sum total = parts is
 * then
 *
 *   sum(low_j + b u_j) = low_T + b u_T,  i.e.  sum(u_j) - u_T =
 *   (low_T - sum(low_j)) / b,
 *
 * an integer whenever the values add up (the residues of the parts and of
 * the total differ by a multiple of b).  The items linked by sums are
 * solved together as one binary program whose objective counts the items
 * turned from their random direction; an item in no sum just takes its
 * random direction.
 */
#include "round.h"

#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "sha256.h"

struct item {
	char *key;
	size_t keylen;
	double value, rounded;
	double low;              /* the multiple of b at or below value */
	int fixed;               /* value is a multiple of b */
	int up;                  /* the random direction */
	int broken;              /* a total published as its parts' sum */
};

struct rel {
	size_t total, first, n;  /* parts: part[first .. first + n) */
};

struct rnd_table {
	double b;
	struct item *item;
	size_t n, cap;
	struct rel *rel;
	size_t nrel, relcap;
	size_t *part;
	size_t npart, partcap;
	size_t broken;
	int done;
};

struct rnd_table *rnd_new(long base)
{
	struct rnd_table *t;

	if (base < 2 || !(t = calloc(1, sizeof(*t))))
		return NULL;
	t->b = (double)base;
	return t;
}

long rnd_item(struct rnd_table *t, const void *key, size_t keylen,
	      double value)
{
	struct item *it;

	if (t->done || !isfinite(value) || value < 0 ||
	    rk_grow((void **)&t->item, &t->cap, t->n + 1, sizeof(*t->item)))
		return -1;
	it = &t->item[t->n];
	memset(it, 0, sizeof(*it));
	if (!(it->key = malloc(keylen ? keylen : 1)))
		return -1;
	memcpy(it->key, key, keylen);
	it->keylen = keylen;
	it->value = it->rounded = value;
	it->low = floor(value / t->b) * t->b;
	it->fixed = it->low == value;
	return (long)t->n++;
}

int rnd_sum(struct rnd_table *t, size_t total, const size_t *parts, size_t n)
{
	double sum = 0;

	if (t->done || total >= t->n || n == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (parts[i] >= t->n || parts[i] == total)
			return -1;
		sum += t->item[parts[i]].value;
	}
	if (sum != t->item[total].value)
		return 0;
	if (rk_grow((void **)&t->rel, &t->relcap, t->nrel + 1, sizeof(*t->rel)) ||
	    rk_grow((void **)&t->part, &t->partcap, t->npart + n,
		 sizeof(*t->part)))
		return -1;
	t->rel[t->nrel++] = (struct rel){ total, t->npart, n };
	memcpy(t->part + t->npart, parts, n * sizeof(*parts));
	t->npart += n;
	return 1;
}

/* ---- the random directions ---- */

static int by_key(const void *a, const void *b, void *ctx)
{
	const struct item *it = ctx;
	const struct item *x = &it[*(const size_t *)a];
	const struct item *y = &it[*(const size_t *)b];
	size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
	int c = memcmp(x->key, y->key, n);

	if (c)
		return c;
	return (x->keylen > y->keylen) - (x->keylen < y->keylen);
}

/* Merge sort of item ids by key (qsort has no context in C11). */
static void sort_ids(size_t *id, size_t *tmp, size_t n, const struct item *it)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	sort_ids(id, tmp, h, it);
	sort_ids(id + h, tmp, n - h, it);
	while (i < h && j < n)
		tmp[k++] = by_key(&id[i], &id[j], (void *)it) <= 0 ? id[i++]
								   : id[j++];
	while (i < h)
		tmp[k++] = id[i++];
	while (j < n)
		tmp[k++] = id[j++];
	memcpy(id, tmp, n * sizeof(*id));
}

/* A number in [0, 1) from the seed and a key. */
static double uniform(const unsigned char seed[32], const struct item *it)
{
	struct rk_sha256 h;
	unsigned char d[32];
	uint64_t x = 0;

	rk_sha256_init(&h);
	rk_sha256_update(&h, seed, 32);
	rk_sha256_update(&h, it->key, it->keylen);
	rk_sha256_final(&h, d);
	for (int i = 0; i < 7; i++)
		x = x << 8 | d[i];
	return (double)(x >> 3) / 9007199254740992.0;   /* 53 bits */
}

/*
 * The seed is the digest of every key and value, in key order: the same
 * table always gets the same directions, whatever order it came in.
 */
static int directions(struct rnd_table *t)
{
	size_t *id = malloc((t->n ? t->n : 1) * sizeof(*id));
	size_t *tmp = malloc((t->n ? t->n : 1) * sizeof(*tmp));
	struct rk_sha256 h;
	unsigned char seed[32];

	if (!id || !tmp) {
		free(id);
		free(tmp);
		return -1;
	}
	for (size_t i = 0; i < t->n; i++)
		id[i] = i;
	sort_ids(id, tmp, t->n, t->item);
	rk_sha256_init(&h);
	for (size_t i = 0; i < t->n; i++) {
		const struct item *it = &t->item[id[i]];
		char v[32];
		int len = snprintf(v, sizeof(v), "\037%.17g\036", it->value);

		rk_sha256_update(&h, it->key, it->keylen);
		rk_sha256_update(&h, v, (size_t)len);
	}
	rk_sha256_final(&h, seed);
	for (size_t i = 0; i < t->n; i++) {
		struct item *it = &t->item[i];

		it->up = !it->fixed &&
			 uniform(seed, it) < (it->value - it->low) / t->b;
	}
	free(id);
	free(tmp);
	return 0;
}

/* ---- groups of items linked by sums (union-find) ---- */

static size_t find(size_t *up, size_t i)
{
	while (up[i] != i)
		i = up[i] = up[up[i]];
	return i;
}

static void join(size_t *up, size_t a, size_t b)
{
	a = find(up, a);
	b = find(up, b);
	if (a != b)
		up[a > b ? a : b] = a < b ? a : b;
}

/* ---- one group's binary program ---- */

struct group {
	size_t *item, n;         /* its items */
	size_t *rel, nrel;       /* its sums */
};

/* The column of item i (1-based), 0 when fixed; col[] is per item. */
static glp_prob *program(const struct rnd_table *t, const struct group *g,
			 int *col)
{
	glp_prob *lp = glp_create_prob();
	int ncol = 0, *ind;
	double *val;
	size_t most = 1;

	for (size_t r = 0; r < g->nrel; r++)
		if (t->rel[g->rel[r]].n + 1 > most)
			most = t->rel[g->rel[r]].n + 1;
	ind = malloc((most + 1) * sizeof(*ind));
	val = malloc((most + 1) * sizeof(*val));
	if (!lp || !ind || !val) {
		if (lp)
			glp_delete_prob(lp);
		free(ind);
		free(val);
		return NULL;
	}
	for (size_t k = 0; k < g->n; k++)
		col[g->item[k]] = t->item[g->item[k]].fixed ? 0 : ++ncol;
	if (ncol)
		glp_add_cols(lp, ncol);
	for (size_t k = 0; k < g->n; k++) {
		int c = col[g->item[k]];

		if (!c)
			continue;
		glp_set_col_kind(lp, c, GLP_BV);
	}
	glp_add_rows(lp, (int)g->nrel);
	for (size_t r = 0; r < g->nrel; r++) {
		const struct rel *s = &t->rel[g->rel[r]];
		double rhs = t->item[s->total].low;
		int len = 0;

		for (size_t j = 0; j < s->n; j++) {
			size_t p = t->part[s->first + j];

			rhs -= t->item[p].low;
			if (col[p]) {
				ind[++len] = col[p];
				val[len] = 1;
			}
		}
		if (col[s->total]) {
			ind[++len] = col[s->total];
			val[len] = -1;
		}
		rhs = rhs / t->b;
		glp_set_row_bnds(lp, (int)r + 1, GLP_FX, rhs, rhs);
		glp_set_mat_row(lp, (int)r + 1, len, ind, val);
	}
	free(ind);
	free(val);
	return lp;
}

static int solve(glp_prob *lp)
{
	glp_iocp iocp;
	int rc;

	glp_init_iocp(&iocp);
	iocp.presolve = GLP_ON;
	iocp.msg_lev = GLP_MSG_OFF;
	rc = glp_intopt(lp, &iocp);
	if (rc == GLP_ENOPFS || rc == GLP_ENODFS ||
	    (rc == 0 && glp_mip_status(lp) == GLP_NOFEAS))
		return 1;
	return rc == 0 && glp_mip_status(lp) == GLP_OPT ? 0 : -1;
}

/*
 * No rounding keeps every sum: each item takes its random direction, and
 * each total, from the finest up, becomes the sum of its rounded parts
 * (a total of several sums takes the first).
 */
static void fall_back(struct rnd_table *t, const struct group *g)
{
	int again = 1;

	for (size_t k = 0; k < g->n; k++) {
		struct item *it = &t->item[g->item[k]];

		it->rounded = it->low + (it->up ? t->b : 0);
		it->broken = -1;             /* not yet set from its parts */
	}
	for (size_t r = 0; r < g->nrel; r++)
		t->item[t->rel[g->rel[r]].total].broken = 0;
	for (size_t k = 0; k < g->n; k++)
		if (t->item[g->item[k]].broken < 0)
			t->item[g->item[k]].broken = 1;    /* a leaf: done */
	/* broken: 1 done (a leaf or a total set), 0 a total still to set */
	while (again) {
		again = 0;
		for (size_t r = 0; r < g->nrel; r++) {
			const struct rel *s = &t->rel[g->rel[r]];
			double sum = 0;
			int ready = !t->item[s->total].broken;

			for (size_t j = 0; ready && j < s->n; j++)
				ready = t->item[t->part[s->first + j]].broken;
			if (!ready)
				continue;
			for (size_t j = 0; j < s->n; j++)
				sum += t->item[t->part[s->first + j]].rounded;
			t->item[s->total].rounded = sum;
			t->item[s->total].broken = 1;
			again = 1;
		}
	}
	for (size_t k = 0; k < g->n; k++)
		t->item[g->item[k]].broken = 0;
	for (size_t r = 0; r < g->nrel; r++) {
		const struct rel *s = &t->rel[g->rel[r]];
		double sum = 0;

		for (size_t j = 0; j < s->n; j++)
			sum += t->item[t->part[s->first + j]].rounded;
		if (fmod(t->item[s->total].rounded, t->b) != 0 ||
		    sum != t->item[s->total].rounded) {
			if (!t->item[s->total].broken)
				t->broken++;
			t->item[s->total].broken = 1;
		}
	}
}

static int round_group(struct rnd_table *t, const struct group *g, int *col)
{
	glp_prob *lp;
	int rc;

	if (!g->nrel) {
		struct item *it = &t->item[g->item[0]];

		it->rounded = it->low + (it->up ? t->b : 0);
		return 0;
	}
	if (!(lp = program(t, g, col)))
		return -1;
	for (size_t k = 0; k < g->n; k++) {
		const struct item *it = &t->item[g->item[k]];

		if (col[g->item[k]])
			glp_set_obj_coef(lp, col[g->item[k]], it->up ? -1 : 1);
	}
	glp_set_obj_dir(lp, GLP_MIN);
	rc = solve(lp);
	if (rc == 0)
		for (size_t k = 0; k < g->n; k++) {
			struct item *it = &t->item[g->item[k]];
			int c = col[g->item[k]];

			it->rounded = it->low +
				(c && glp_mip_col_val(lp, c) > 0.5 ? t->b : 0);
		}
	glp_delete_prob(lp);
	if (rc == 1)
		fall_back(t, g);
	return rc < 0 ? -1 : 0;
}

/* Items and sums of each group, in item order; *ng groups. */
static struct group *groups(const struct rnd_table *t, size_t *ng)
{
	size_t *up = malloc((t->n ? t->n : 1) * sizeof(*up));
	size_t *gid = malloc((t->n ? t->n : 1) * sizeof(*gid));
	struct group *g = NULL;
	size_t n = 0;

	if (!up || !gid)
		goto out;
	for (size_t i = 0; i < t->n; i++)
		up[i] = i;
	for (size_t r = 0; r < t->nrel; r++)
		for (size_t j = 0; j < t->rel[r].n; j++)
			join(up, t->rel[r].total, t->part[t->rel[r].first + j]);
	for (size_t i = 0; i < t->n; i++)
		if (find(up, i) == i)
			gid[i] = n++;
	if (!(g = calloc(n ? n : 1, sizeof(*g))))
		goto out;
	for (size_t i = 0; i < t->n; i++)
		g[gid[find(up, i)]].n++;
	for (size_t r = 0; r < t->nrel; r++)
		g[gid[find(up, t->rel[r].total)]].nrel++;
	for (size_t k = 0; k < n; k++) {
		g[k].item = malloc(g[k].n * sizeof(*g[k].item));
		g[k].rel = malloc((g[k].nrel ? g[k].nrel : 1) *
				  sizeof(*g[k].rel));
		if (!g[k].item || !g[k].rel) {
			for (size_t j = 0; j <= k; j++) {
				free(g[j].item);
				free(g[j].rel);
			}
			free(g);
			g = NULL;
			goto out;
		}
		g[k].n = g[k].nrel = 0;
	}
	for (size_t i = 0; i < t->n; i++) {
		struct group *x = &g[gid[find(up, i)]];

		x->item[x->n++] = i;
	}
	for (size_t r = 0; r < t->nrel; r++) {
		struct group *x = &g[gid[find(up, t->rel[r].total)]];

		x->rel[x->nrel++] = r;
	}
	*ng = n;
out:
	free(up);
	free(gid);
	return g;
}

static void free_groups(struct group *g, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(g[k].item);
		free(g[k].rel);
	}
	free(g);
}

/* Calls fn on every group of items linked by sums, until one fails. */
static int each_group(const struct rnd_table *t,
		      int (*fn)(const struct rnd_table *, const struct group *,
				int *, void *), void *arg)
{
	struct group *g;
	size_t ng = 0;
	int *col, rc = 0;

	if (!(col = calloc(t->n ? t->n : 1, sizeof(*col))))
		return -1;
	if (!(g = groups(t, &ng))) {
		free(col);
		return -1;
	}
	glp_term_out(GLP_OFF);
	for (size_t k = 0; k < ng && rc == 0; k++)
		rc = fn(t, &g[k], col, arg);
	glp_term_out(GLP_ON);
	free_groups(g, ng);
	free(col);
	return rc;
}

static int round_fn(const struct rnd_table *t, const struct group *g,
		    int *col, void *arg)
{
	(void)t;
	return round_group(arg, g, col);
}

int rnd_run(struct rnd_table *t)
{
	int rc;

	if (t->done)
		return 0;
	if (directions(t) < 0)
		return -1;
	rc = each_group(t, round_fn, t);
	t->done = 1;
	return rc;
}

double rnd_value(const struct rnd_table *t, size_t id)
{
	return id < t->n ? t->item[id].rounded : NAN;
}

size_t rnd_items(const struct rnd_table *t)
{
	return t->n;
}

size_t rnd_changed(const struct rnd_table *t)
{
	size_t n = 0;

	for (size_t i = 0; i < t->n; i++)
		n += t->item[i].rounded != t->item[i].value;
	return n;
}

size_t rnd_broken(const struct rnd_table *t)
{
	return t->broken;
}

/* ---- the audit ---- */

/* What a reader knows of item i from its published value alone. */
static void known(const struct rnd_table *t, size_t i, double *lo, double *hi)
{
	double r = t->item[i].rounded;

	*lo = r - t->b + 1 > 0 ? r - t->b + 1 : 0;
	*hi = r + t->b - 1;
}

/* The group's audit: each item's least and largest value. */
static int audit_group(const struct rnd_table *t, const struct group *g,
		       int *col, double *lo, double *hi)
{
	glp_prob *lp;
	int *ind, rc = 0;
	double *val;
	size_t most = 1;

	for (size_t k = 0; k < g->n; k++)
		known(t, g->item[k], &lo[g->item[k]], &hi[g->item[k]]);
	if (!g->nrel)
		return 0;
	for (size_t r = 0; r < g->nrel; r++)
		if (t->rel[g->rel[r]].n + 1 > most)
			most = t->rel[g->rel[r]].n + 1;
	lp = glp_create_prob();
	ind = malloc((most + 1) * sizeof(*ind));
	val = malloc((most + 1) * sizeof(*val));
	if (!lp || !ind || !val) {
		if (lp)
			glp_delete_prob(lp);
		free(ind);
		free(val);
		return -1;
	}
	glp_add_cols(lp, (int)g->n);
	for (size_t k = 0; k < g->n; k++) {
		size_t i = g->item[k];

		col[i] = (int)k + 1;
		if (t->item[i].broken)      /* published as its parts' sum */
			glp_set_col_bnds(lp, col[i], GLP_LO, 0, 0);
		else
			glp_set_col_bnds(lp, col[i], GLP_DB, lo[i], hi[i]);
		glp_set_col_kind(lp, col[i], GLP_IV);
	}
	glp_add_rows(lp, (int)g->nrel);
	for (size_t r = 0; r < g->nrel; r++) {
		const struct rel *s = &t->rel[g->rel[r]];
		int len = 0;

		for (size_t j = 0; j < s->n; j++) {
			ind[++len] = col[t->part[s->first + j]];
			val[len] = 1;
		}
		ind[++len] = col[s->total];
		val[len] = -1;
		glp_set_row_bnds(lp, (int)r + 1, GLP_FX, 0, 0);
		glp_set_mat_row(lp, (int)r + 1, len, ind, val);
	}
	for (size_t k = 0; k < g->n && rc == 0; k++) {
		size_t i = g->item[k];

		for (size_t c = 0; c < g->n; c++)
			glp_set_obj_coef(lp, (int)c + 1, c == k);
		for (int dir = 0; dir < 2; dir++) {
			glp_iocp iocp;

			glp_set_obj_dir(lp, dir ? GLP_MAX : GLP_MIN);
			glp_init_iocp(&iocp);
			iocp.presolve = GLP_ON;
			iocp.msg_lev = GLP_MSG_OFF;
			if (glp_intopt(lp, &iocp) != 0 ||
			    glp_mip_status(lp) != GLP_OPT) {
				rc = -1;
				break;
			}
			if (dir)
				hi[i] = glp_mip_obj_val(lp);
			else
				lo[i] = glp_mip_obj_val(lp);
		}
	}
	glp_delete_prob(lp);
	free(ind);
	free(val);
	return rc;
}

struct bounds {
	double *lo, *hi;
};

static int audit_fn(const struct rnd_table *t, const struct group *g,
		    int *col, void *arg)
{
	struct bounds *b = arg;

	return audit_group(t, g, col, b->lo, b->hi);
}

int rnd_audit(const struct rnd_table *t, double *lo, double *hi)
{
	struct bounds b = { lo, hi };

	return each_group(t, audit_fn, &b);
}

int rnd_audit_wide_enough(const struct rnd_table *t, double lo, double hi)
{
	return hi - lo + 1 >= t->b;
}

void rnd_free(struct rnd_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		free(t->item[i].key);
	free(t->item);
	free(t->rel);
	free(t->part);
	free(t);
}
