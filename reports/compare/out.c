/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "out.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "outfile.h"
#include "results.h"
#include "tidy.h"

enum { OUT_CELLS, OUT_SUMMARY, OUT_DIST, OUT_TREND, OUT_MSE, OUT_RATES,
       OUT_FILES };

static const char *const file_name[OUT_FILES] = {
	RESULTS_CELLS, RESULTS_SUMMARY, RESULTS_DISTRIBUTION, RESULTS_TREND,
	RESULTS_MSE, RESULTS_RATES
};

struct compare_out {
	struct rk_out out[OUT_FILES];
	struct tidy_writer *w[OUT_FILES];
	char *path[OUT_FILES];
	int open[OUT_FILES];
};

/* One CSV record being put together. */
#define ROW_MAX 96

struct row {
	const char *f[ROW_MAX];
	char num[ROW_MAX][TIDY_VALUE_MAX];
	size_t n;
};

const char *compare_number(double x, char *buf)
{
	if (!isfinite(x)) {
		buf[0] = '\0';
		return buf;
	}
	if (x == 0)
		x = 0;          /* no "-0" */
	if (x == floor(x) && fabs(x) < 1e15) {
		snprintf(buf, 32, "%.0f", x);
		return buf;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, 32, "%.*g", prec, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	return buf;
}

static void put_str(struct row *r, const char *s)
{
	if (r->n < ROW_MAX)
		r->f[r->n++] = s ? s : "";
}

static void put_num(struct row *r, double x)
{
	if (r->n < ROW_MAX) {
		r->f[r->n] = compare_number(x, r->num[r->n]);
		r->n++;
	}
}

static void put_count(struct row *r, size_t n)
{
	put_num(r, (double)n);
}

static void put_pair(struct row *r, const struct compare_pair *p)
{
	put_str(r, p->reference);
	put_str(r, p->against);
	put_str(r, p->indicator);
}

static int emit(struct compare_out *o, int file, const struct row *r,
		struct rk_error *err)
{
	return tidy_writer_row(o->w[file], r->f, NULL, r->n, err);
}

static int make_dir(const char *dir, struct rk_error *err)
{
	struct stat st;

	if (mkdir(dir, 0777) == 0 || (errno == EEXIST && stat(dir, &st) == 0 &&
				       S_ISDIR(st.st_mode)))
		return 0;
	rk_error_set(err, RK_EXIT_CANTCREAT, dir, 0,
		     "cannot create the output directory: %s",
		     errno == EEXIST ? "a file has that name" : strerror(errno));
	rk_error_hint(err, "give --out a directory that can be created");
	return -1;
}

static int open_file(struct compare_out *o, const char *dir, int file,
		     struct rk_error *err)
{
	size_t n = strlen(dir) + strlen(file_name[file]) + 2;

	if ((o->path[file] = malloc(n)) == NULL)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	snprintf(o->path[file], n, "%s/%s", dir, file_name[file]);
	if (rk_out_open(&o->out[file], o->path[file], err) < 0)
		return -1;
	o->open[file] = 1;
	o->w[file] = tidy_writer_open(o->out[file].f, o->path[file], err);
	return o->w[file] ? 0 : -1;
}

static int header(struct compare_out *o, int file, const char *const *h,
		  struct rk_error *err)
{
	struct row r = { .n = 0 };

	for (size_t i = 0; h[i]; i++)
		put_str(&r, h[i]);
	return emit(o, file, &r, err);
}

static int cells_header(struct compare_out *o, int file, char *const *dims,
			size_t ndims, struct rk_error *err)
{
	const char *const *tail = file == OUT_RATES ? results_rates_tail
						    : results_cells_tail;
	struct row r = { .n = 0 };

	if (ndims + 20 > ROW_MAX)
		return rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
				    "%zu dimensions are too many to write",
				    ndims);
	for (size_t i = 0; results_cells_head[i]; i++)
		put_str(&r, results_cells_head[i]);
	for (size_t i = 0; i < ndims; i++)
		put_str(&r, dims[i]);
	for (size_t i = 0; tail[i]; i++)
		put_str(&r, tail[i]);
	return emit(o, file, &r, err);
}

struct compare_out *compare_out_open(const char *dir, char *const *dims,
				     size_t ndims, int with_mse, int with_rates,
				     struct rk_error *err)
{
	struct compare_out *o = calloc(1, sizeof(*o));

	if (!o) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	if (make_dir(dir, err) < 0)
		goto fail;
	for (int f = 0; f < OUT_FILES; f++)
		if ((f != OUT_MSE || with_mse) && (f != OUT_RATES || with_rates) &&
		    open_file(o, dir, f, err) < 0)
			goto fail;
	if (cells_header(o, OUT_CELLS, dims, ndims, err) < 0 ||
	    (with_rates && cells_header(o, OUT_RATES, dims, ndims, err) < 0) ||
	    header(o, OUT_SUMMARY, results_summary, err) < 0 ||
	    header(o, OUT_DIST, results_distribution, err) < 0 ||
	    header(o, OUT_TREND, results_trend, err) < 0 ||
	    (with_mse && header(o, OUT_MSE, results_mse, err) < 0))
		goto fail;
	return o;
fail:
	compare_out_abort(o);
	return NULL;
}

static const char *value_of(unsigned char side, double v, char *buf)
{
	return side == SIDE_VALUE ? tidy_value_format(v, buf) : "";
}

/* What a row of cells.csv and of rates.csv starts with: the pair, the
 * cell's period and dimension values, and its two counts. */
static void put_cell(struct row *r, const struct compare_pair *p,
		     const struct alignment *al, size_t i)
{
	const struct aligned_cell *c = &al->cell[i];
	const size_t *v = align_dims(al, i);

	put_pair(r, p);
	put_str(r, al->set->str[c->period]);
	for (size_t d = 0; d < al->set->ndims; d++)
		put_str(r, al->set->str[v[d]]);
	put_str(r, value_of(c->sa, c->a, r->num[r->n]));
	put_str(r, value_of(c->sb, c->b, r->num[r->n]));
}

int compare_out_cells(struct compare_out *o, const struct compare_pair *p,
		      const struct alignment *al, const struct cell_stats *st,
		      struct rk_error *err)
{
	for (size_t i = 0; i < al->n; i++) {
		struct row r = { .n = 0 };

		put_cell(&r, p, al, i);
		put_num(&r, st[i].diff);
		put_num(&r, st[i].sym_pct);
		put_num(&r, st[i].ratio);
		put_num(&r, st[i].lo);
		put_num(&r, st[i].hi);
		put_num(&r, st[i].p);
		put_num(&r, st[i].q);
		put_str(&r, cells_flag_text(&st[i]));
		if (emit(o, OUT_CELLS, &r, err) < 0)
			return -1;
	}
	return 0;
}

int compare_out_summary(struct compare_out *o, const struct compare_pair *p,
			const struct summary *s, struct rk_error *err)
{
	const struct agree *g = &s->agree;
	struct row r = { .n = 0 };

	put_pair(&r, p);
	put_num(&r, p->alpha);
	put_str(&r, s->breakdown);
	put_str(&r, s->summed_out);
	put_count(&r, s->cells);
	put_count(&r, s->compared);
	put_count(&r, s->tested);
	put_count(&r, s->significant);
	put_count(&r, s->only_a);
	put_count(&r, s->only_b);
	put_count(&r, s->missing);
	put_count(&r, s->no_information);
	put_num(&r, s->total_a);
	put_num(&r, s->total_b);
	put_num(&r, s->total.ratio);
	put_num(&r, s->total.lo);
	put_num(&r, s->total.hi);
	put_num(&r, s->total.p);
	put_str(&r, isnan(s->total.lo) ? "" : s->quasi ? "quasi_poisson"
						  : "exact_poisson");
	put_num(&r, s->dispersion);
	put_num(&r, g->pearson);
	put_num(&r, g->spearman);
	put_num(&r, g->ccc);
	put_num(&r, g->ccc_lo);
	put_num(&r, g->ccc_hi);
	put_count(&r, g->ba_n);
	put_num(&r, g->gmr);
	put_num(&r, g->loa_lo);
	put_num(&r, g->loa_hi);
	put_num(&r, g->smape);
	put_num(&r, g->wape);
	put_str(&r, s->note);
	return emit(o, OUT_SUMMARY, &r, err);
}

int compare_out_rates(struct compare_out *o, const struct compare_pair *p,
		      const struct alignment *al, double per,
		      const struct rate_stats *rs, struct rk_error *err)
{
	for (size_t i = 0; i < al->n; i++) {
		struct row r = { .n = 0 };

		put_cell(&r, p, al, i);
		put_num(&r, rs[i].exp_a);
		put_num(&r, rs[i].exp_b);
		put_num(&r, per);
		put_num(&r, rs[i].rate_a);
		put_num(&r, rs[i].a_lo);
		put_num(&r, rs[i].a_hi);
		put_num(&r, rs[i].rate_b);
		put_num(&r, rs[i].b_lo);
		put_num(&r, rs[i].b_hi);
		put_num(&r, rs[i].ratio);
		put_num(&r, rs[i].lo);
		put_num(&r, rs[i].hi);
		put_num(&r, rs[i].p);
		put_str(&r, rs[i].note);
		if (emit(o, OUT_RATES, &r, err) < 0)
			return -1;
	}
	return 0;
}

static const char *dist_note(const struct dist *d)
{
	const struct table_test *t = &d->test;

	if (d->ncat == 0)
		return "no compared cells";
	if (isnan(t->tv))
		return "a source counts nothing here: no test";
	if (t->used_cols < 2)
		return "fewer than 2 categories with counts: no test";
	if (t->monte_carlo)
		return "expected counts below 5: p by Monte Carlo (10000 "
		       "tables with the same margins, seed 20241001), not the "
		       "chi-squared approximation";
	return "";
}

static double share(double x, const double *v, size_t n)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += v[i];
	return sum > 0 ? x / sum : NAN;
}

int compare_out_distribution(struct compare_out *o,
			     const struct compare_pair *p,
			     const struct obs_set *set, const struct dist *d,
			     size_t n, struct rk_error *err)
{
	for (size_t k = 0; k < n; k++) {
		const struct table_test *t = &d[k].test;

		for (size_t j = 0; j < d[k].ncat; j++) {
			struct row r = { .n = 0 };

			put_pair(&r, p);
			put_str(&r, set->dim[d[k].dim]);
			put_str(&r, set->str[d[k].cat[j]]);
			put_num(&r, d[k].a[j]);
			put_num(&r, d[k].b[j]);
			put_num(&r, share(d[k].a[j], d[k].a, d[k].ncat));
			put_num(&r, share(d[k].b[j], d[k].b, d[k].ncat));
			put_num(&r, d[k].resid[j]);
			put_num(&r, t->chi2);
			put_num(&r, t->g2);
			put_num(&r, t->df);
			put_num(&r, t->chi2_p);
			put_num(&r, t->g2_p);
			put_num(&r, t->cramers_v);
			put_num(&r, t->tv);
			put_num(&r, t->js);
			put_str(&r, dist_note(&d[k]));
			if (emit(o, OUT_DIST, &r, err) < 0)
				return -1;
		}
	}
	return 0;
}

static int trend_row(struct compare_out *o, const struct compare_pair *p,
		     const struct trend *t, const char *term,
		     const char *source, const struct trend_term *x,
		     struct rk_error *err)
{
	struct row r = { .n = 0 };

	put_pair(&r, p);
	put_str(&r, term);
	put_str(&r, source);
	put_count(&r, t->periods);
	put_str(&r, t->per);
	put_num(&r, x->estimate);
	put_num(&r, x->lo);
	put_num(&r, x->hi);
	put_num(&r, x->p);
	put_num(&r, t->deviance);
	put_num(&r, t->df);
	put_num(&r, t->dispersion);
	put_str(&r, t->note);
	return emit(o, OUT_TREND, &r, err);
}

int compare_out_trend(struct compare_out *o, const struct compare_pair *p,
		      const struct trend *t, struct rk_error *err)
{
	if (trend_row(o, p, t, "trend", p->reference, &t->a, err) < 0 ||
	    trend_row(o, p, t, "trend", p->against, &t->b, err) < 0)
		return -1;
	return trend_row(o, p, t, "interaction", "", &t->interaction, err);
}

/* Text of the sources in mask ("gpo|wol"), or of pairs ("gpo:wol+..."). */
static void list_names(const struct mse_data *d, unsigned mask, char *buf,
		       size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < d->k && len < size; i++)
		if (mask >> i & 1)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? "|" : "", d->source[i]);
}

static void model_name(const struct mse_data *d, unsigned pairs, char *buf,
		       size_t size)
{
	size_t len = 0;
	unsigned bit = 0;

	snprintf(buf, size, "independence");
	for (size_t i = 0; i < d->k; i++)
		for (size_t j = i + 1; j < d->k; j++, bit++)
			if ((pairs >> bit & 1) && len < size)
				len += (size_t)snprintf(buf + len, size - len,
							"%s%s:%s",
							len ? "+" : "",
							d->source[i],
							d->source[j]);
}

struct mse_row {
	const char *indicator, *kind, *lists, *pattern, *model, *note;
	double count, estimate, se, lo, hi, df, deviance, aic, rank;
};

static int mse_emit(struct compare_out *o, const struct mse_row *m,
		    struct rk_error *err)
{
	struct row r = { .n = 0 };

	put_str(&r, m->indicator);
	put_str(&r, m->kind);
	put_str(&r, m->lists);
	put_str(&r, m->pattern);
	put_str(&r, m->model);
	put_num(&r, m->count);
	put_num(&r, m->estimate);
	put_num(&r, m->se);
	put_num(&r, m->lo);
	put_num(&r, m->hi);
	put_num(&r, m->df);
	put_num(&r, m->deviance);
	put_num(&r, m->aic);
	put_num(&r, m->rank);
	put_str(&r, m->note);
	return emit(o, OUT_MSE, &r, err);
}

static struct mse_row blank(const char *indicator, const char *kind)
{
	return (struct mse_row){ indicator, kind, "", "", "", "", NAN, NAN,
				 NAN, NAN, NAN, NAN, NAN, NAN, NAN };
}

static int mse_lists(struct compare_out *o, const struct mse_data *d,
		     const struct mse_group *g, struct rk_error *err)
{
	char note[64];

	for (size_t i = 0; i < d->k; i++) {
		struct mse_row m = blank(g->indicator, "list");

		m.lists = d->source[i];
		m.count = g->size[i];
		if (g->repeats[i] > 0) {
			snprintf(note, sizeof(note), "%.0f repeated key(s) "
				 "counted once", g->repeats[i]);
			m.note = note;
		}
		if (mse_emit(o, &m, err) < 0)
			return -1;
	}
	return 0;
}

static int mse_patterns(struct compare_out *o, const struct mse_data *d,
			const struct mse_group *g, struct rk_error *err)
{
	char all[512], pattern[20];

	list_names(d, (1u << d->k) - 1, all, sizeof(all));
	for (size_t h = 1; h < ((size_t)1 << d->k); h++) {
		struct mse_row m = blank(g->indicator, "pattern");

		for (size_t i = 0; i < d->k; i++)
			pattern[i] = (char)('0' + (h >> i & 1));
		pattern[d->k] = '\0';
		m.lists = all;
		m.pattern = pattern;
		m.count = g->count[h];
		if (mse_emit(o, &m, err) < 0)
			return -1;
	}
	return 0;
}

static int mse_pairs(struct compare_out *o, const struct mse_data *d,
		     const struct mse_group *g, const struct mse_analysis *a,
		     struct rk_error *err)
{
	char names[256];
	size_t p = 0;

	for (size_t i = 0; i < d->k; i++) {
		for (size_t j = i + 1; j < d->k; j++, p++) {
			struct mse_row m = blank(g->indicator, "chapman");

			list_names(d, (1u << i) | (1u << j), names,
				   sizeof(names));
			m.lists = names;
			m.count = a->pair[p].observed;
			m.estimate = a->pair[p].estimate;
			m.se = sqrt(a->pair[p].variance);
			m.lo = a->pair[p].lo;
			m.hi = a->pair[p].hi;
			if (a->pair_overlap[p] == 0)
				m.note = "no case on both lists: the estimate "
					 "is unstable";
			if (mse_emit(o, &m, err) < 0)
				return -1;
		}
	}
	return 0;
}

static int mse_models(struct compare_out *o, const struct mse_data *d,
		      const struct mse_group *g, const struct mse_analysis *a,
		      struct rk_error *err)
{
	char all[512], name[1024];

	list_names(d, (1u << d->k) - 1, all, sizeof(all));
	if (d->k > RECAPTURE_MAX_LISTS) {
		struct mse_row m = blank(g->indicator, "loglinear");

		m.lists = all;
		m.note = "more lists than the log-linear models handle";
		return mse_emit(o, &m, err);
	}
	for (size_t i = 0; i < a->nmodels; i++) {
		const struct recapture_model *x = &a->model[i];
		struct mse_row m = blank(g->indicator, "loglinear");

		model_name(d, x->pairs, name, sizeof(name));
		m.lists = all;
		m.model = name;
		m.count = x->observed;
		m.estimate = x->estimate;
		m.se = x->se;
		m.lo = x->lo;
		m.hi = x->hi;
		m.df = x->df;
		m.deviance = x->deviance;
		m.aic = x->aic;
		if (x->status == 0)
			m.rank = (double)(i + 1);
		else
			m.note = "the model did not converge";
		if (mse_emit(o, &m, err) < 0)
			return -1;
	}
	return 0;
}

int compare_out_mse(struct compare_out *o, const struct mse_data *d,
		    size_t group, const struct mse_analysis *a,
		    struct rk_error *err)
{
	const struct mse_group *g = &d->group[group];

	if (mse_lists(o, d, g, err) < 0 || mse_patterns(o, d, g, err) < 0 ||
	    mse_pairs(o, d, g, a, err) < 0)
		return -1;
	return d->k >= 3 ? mse_models(o, d, g, a, err) : 0;
}

int compare_out_commit(struct compare_out *o, struct rk_error *err)
{
	for (int f = 0; f < OUT_FILES; f++) {
		if (!o->open[f])
			continue;
		if (tidy_writer_close(o->w[f], err) < 0) {
			o->w[f] = NULL;
			return -1;
		}
		o->w[f] = NULL;
		if (fflush(o->out[f].f) != 0)
			return rk_error_set(err, RK_EXIT_IOERR, o->path[f], 0,
					    "cannot write: %s", strerror(errno));
	}
	for (int f = 0; f < OUT_FILES; f++) {
		if (!o->open[f])
			continue;
		if (rk_out_commit(&o->out[f], err) < 0)
			return -1;
		o->open[f] = 0;
	}
	return 0;
}

void compare_out_abort(struct compare_out *o)
{
	if (!o)
		return;
	for (int f = 0; f < OUT_FILES; f++) {
		if (o->w[f])
			tidy_writer_close(o->w[f], NULL);
		if (o->open[f])
			rk_out_abort(&o->out[f]);
		free(o->path[f]);
	}
	free(o);
}
