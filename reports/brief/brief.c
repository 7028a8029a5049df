/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "brief.h"
#include "path.h"
#include "results.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "prov.h"
#include "status.h"
#include "trace.h"
#include "wording.h"

/* The sheet languages, in the config's order, each once: en, ru, tg. */
static void languages(struct brief *b)
{
	static const char *const known[] = { "en", "ru", "tg" };
	const struct rk_strlist *l = &b->cfg->report.languages;

	for (size_t i = 0; i < l->n; i++)
		for (size_t k = 0; k < 3; k++) {
			size_t j = 0;

			if (strcmp(l->items[i], known[k]) != 0)
				continue;
			while (j < b->nlang && b->lang[j] != known[k])
				j++;
			if (j == b->nlang && b->nlang < 3)
				b->lang[b->nlang++] = known[k];
		}
	if (b->nlang == 0)
		b->lang[b->nlang++] = "en";
}

/* The internal copy withholds nothing; it says what the other withholds. */
static int internal_copy(struct brief *b)
{
	b->internal = b->k ? b->k : -1;
	b->k = 0;
	b->rounding = 0;
	return 0;
}

static int load_config(struct brief *b, const char *path, struct rk_error *err)
{
	b->cfg = rk_config_load(path, err);
	if (!b->cfg)
		return -1;
	b->k = b->cfg->report.suppress_below;   /* never 2: the config refuses it */
	if (b->k < 2)
		b->k = 0;
	b->rounding = b->cfg->report.rounding;
	languages(b);
	b->ndims = b->cfg->dimensions.n;
	b->dims = b->cfg->dimensions.items;
	b->labels = brief_labels_load(b->cfg, b->dims, b->ndims, err);
	return b->labels ? 0 : -1;
}

/* Loads dir/name into t; a file that is not there is fine unless needed. */
static int load_result(struct brief *b, struct brief_table *t, const char *dir,
		       const char *name, int needed, struct rk_error *err)
{
	char *path = rk_path_join(dir, name);
	int rc = 0;

	if (!path)
		return rk_error_oom(err);
	if (needed || access(path, F_OK) == 0) {
		rc = brief_table_load(t, path, err);
		if (rc == 0)
			rc = brief_prov_add(b, "result", path, (long)t->nrows,
					    err);
		else if (err && err->code == RK_EXIT_NOINPUT)
			rk_error_hint(err, "give --results the directory "
					   "reckon-compare --out wrote");
	}
	free(path);
	return rc;
}

#define COMPARE "reckon-compare"
#define NORMALISE "reckon-normalise"

static int require_cols(const struct brief_table *t, const char *const *cols,
			const char *producer, struct rk_error *err)
{
	for (size_t i = 0; cols[i]; i++)
		if (brief_table_col(t, cols[i]) < 0) {
			rk_error_set(err, RK_EXIT_DATAERR, t->name, 1,
				     "no column '%s'", cols[i]);
			rk_error_hint(err, "this file should come from "
					   "%s %s", producer, RECKON_VERSION);
			return -1;
		}
	return 0;
}

/*
 * rates.csv has a row for each row of cells.csv, in its order: the sheet
 * and the protection read them side by side, so a file that does not is
 * refused.
 */
static int rates_mismatch(const struct brief *b, size_t r,
			  struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, b->rates.name, (long)r + 2,
		     "not the cells of %s, row for row", b->cells.name);
	rk_error_hint(err, "give --results the directory one run of "
			   "reckon-compare wrote");
	return -1;
}

static int check_rates(const struct brief *b, struct rk_error *err)
{
	static const char *const key[] = { "reference", "against",
					   "indicator", "period" };

	if (require_cols(&b->rates, results_cells_head, COMPARE, err) < 0 ||
	    require_cols(&b->rates, results_rates_tail, COMPARE, err) < 0)
		return -1;
	for (size_t r = 0; r < b->cells.nrows && r < b->rates.nrows; r++)
		for (size_t k = 0; k < 4; k++)
			if (strcmp(brief_table_str(&b->cells, r, key[k]),
				   brief_table_str(&b->rates, r, key[k])))
				return rates_mismatch(b, r, err);
	if (b->rates.nrows != b->cells.nrows)
		return rates_mismatch(b, b->rates.nrows < b->cells.nrows
					       ? b->rates.nrows
					       : b->cells.nrows, err);
	return 0;
}

/* compare --db writes editions.csv: the editions are the warehouse's. */
static int warehouse_editions(struct brief *b, const char *dir,
			      struct rk_error *err)
{
	char *path = rk_path_join(dir, RESULTS_EDITIONS);

	if (!path)
		return rk_error_oom(err);
	b->warehouse_editions = access(path, F_OK) == 0;
	free(path);
	return 0;
}

/*
 * Results rounded for a brief that is not (the analyst's copy), or not
 * rounded for one that is, would publish the wrong figures: refused.
 */
static int check_rounded(const struct brief *b, struct rk_error *err)
{
	int rounded = b->rounded.ncols > 0;

	if (b->rounding && !rounded) {
		rk_error_set(err, RK_EXIT_DATAERR, NULL, 0, "the results are "
			     "not rounded, and the config protects counts by "
			     "rounding (report.rounding %ld)", b->rounding);
		rk_error_hint(err, "run reckon-compare with this config, "
			      "without --no-rounding, and give its directory "
			      "to --results");
		return -1;
	}
	if (!b->rounding && rounded) {
		rk_error_set(err, RK_EXIT_DATAERR, b->rounded.name, 0,
			     b->internal ? "the analyst's copy needs the true "
			     "counts, and these results were rounded"
			     : "these results were rounded, and the config "
			     "does not say so (report.rounding)");
		rk_error_hint(err, b->internal ? "run reckon-compare "
			      "--no-rounding into another directory and give "
			      "it to --results"
			      : "give --results the directory reckon-compare "
			      "wrote with this config");
		return -1;
	}
	return rounded ? require_cols(&b->rounded, results_rejects_head,
				      COMPARE, err)
		       : 0;
}

static int load_results(struct brief *b, const char *dir, struct rk_error *err)
{
	/* every column the sheets read must be there: one missing is an
	 * error naming it, never an empty figure in the brief */
	if (load_result(b, &b->cells, dir, RESULTS_CELLS, 1, err) < 0 ||
	    require_cols(&b->cells, results_cells_head, COMPARE, err) < 0 ||
	    require_cols(&b->cells, results_cells_tail, COMPARE, err) < 0 ||
	    load_result(b, &b->summary, dir, RESULTS_SUMMARY, 0, err) < 0 ||
	    load_result(b, &b->dist, dir, RESULTS_DISTRIBUTION, 0, err) < 0 ||
	    load_result(b, &b->trend, dir, RESULTS_TREND, 0, err) < 0 ||
	    load_result(b, &b->mse, dir, RESULTS_MSE, 0, err) < 0 ||
	    load_result(b, &b->rates, dir, RESULTS_RATES, 0, err) < 0 ||
	    load_result(b, &b->revisions, dir, RESULTS_REVISIONS, 0, err) < 0 ||
	    load_result(b, &b->rounded, dir, RESULTS_ROUNDED, 0, err) < 0 ||
	    warehouse_editions(b, dir, err) < 0 ||
	    check_rounded(b, err) < 0)
		return -1;
	if ((b->summary.ncols &&
	     require_cols(&b->summary, results_summary, COMPARE, err) < 0) ||
	    (b->dist.ncols &&
	     require_cols(&b->dist, results_distribution, COMPARE, err) < 0) ||
	    (b->trend.ncols &&
	     require_cols(&b->trend, results_trend, COMPARE, err) < 0) ||
	    (b->mse.ncols &&
	     require_cols(&b->mse, results_mse, COMPARE, err) < 0) ||
	    (b->rates.ncols && check_rates(b, err) < 0) ||
	    (b->revisions.ncols &&
	     (require_cols(&b->revisions, results_revisions_head, COMPARE,
			   err) < 0 ||
	      require_cols(&b->revisions, results_revisions_tail, COMPARE,
			   err) < 0)))
		return -1;
	b->cells_dim = malloc((b->ndims ? b->ndims : 1) * sizeof(long));
	if (!b->cells_dim)
		return rk_error_oom(err);
	for (size_t d = 0; d < b->ndims; d++)
		b->cells_dim[d] = brief_table_col(&b->cells, b->dims[d]);
	return 0;
}

/* A tidy file: source,indicator,period,<dims>,value,status,origin. */
static int check_tidy(const struct brief_table *t, struct rk_error *err)
{
	static const char *const head[] = { "source", "indicator", "period" };
	static const char *const tail[] = { "value", "status", "origin" };
	size_t n = t->ncols;

	for (size_t i = 0; i < 3; i++)
		if (n < 6 || strcmp(t->col[i], head[i]) != 0 ||
		    strcmp(t->col[n - 3 + i], tail[i]) != 0) {
			rk_error_set(err, RK_EXIT_DATAERR, t->name, 1,
				     "not a tidy observation file");
			rk_error_hint(err, "the header must be source,indicator,"
					   "period,<dimensions...>,value,"
					   "status,origin");
			return -1;
		}
	for (size_t r = 0; r < t->nrows; r++) {
		const char *v = brief_table_get(t, r, (long)n - 3);

		if (*v && isnan(brief_table_num(t, r, "value"))) {
			rk_error_set(err, RK_EXIT_DATAERR, t->name, t->line[r],
				     "value '%.64s' is not a number", v);
			rk_error_hint(err, "tidy values are C-locale decimals "
					   "like 1234.5, or empty when missing");
			return -1;
		}
	}
	return 0;
}

static int load_data(struct brief *b, char *const *files, size_t n,
		     struct rk_error *err)
{
	b->data = calloc(n ? n : 1, sizeof(*b->data));
	b->data_dim = calloc(n ? n : 1, sizeof(*b->data_dim));
	if (!b->data || !b->data_dim)
		return rk_error_oom(err);
	for (size_t i = 0; i < n; i++) {
		struct brief_table *t = &b->data[i];

		b->ndata++;
		if (brief_table_load(t, files[i], err) < 0 ||
		    check_tidy(t, err) < 0 ||
		    brief_prov_add(b, "data", files[i], (long)t->nrows,
				   err) < 0)
			return -1;
		b->data_dim[i] = malloc((b->ndims ? b->ndims : 1) *
					sizeof(long));
		if (!b->data_dim[i])
			return rk_error_oom(err);
		for (size_t d = 0; d < b->ndims; d++)
			b->data_dim[i][d] = brief_table_col(t, b->dims[d]);
	}
	return 0;
}

/* reckon-extract's summaries of who sent a source's forms (--forms). */
static int load_forms(struct brief *b, const struct brief_options *o,
		      struct rk_error *err)
{
	static const char *const need[] = { "source", "organisation",
					    "status", NULL };

	if (!o->nforms)
		return 0;
	b->forms = calloc(o->nforms, sizeof(*b->forms));
	if (!b->forms)
		return rk_error_oom(err);
	for (size_t i = 0; i < o->nforms; i++) {
		b->nforms++;
		if (brief_table_load(&b->forms[i], o->forms[i], err) < 0 ||
		    require_cols(&b->forms[i], need,
				 "reckon-extract --forms-summary", err) < 0 ||
		    brief_prov_add(b, "forms", o->forms[i],
				   (long)b->forms[i].nrows, err) < 0)
			return -1;
	}
	return 0;
}

static int load_quality(struct brief *b, const struct brief_options *o,
			struct rk_error *err)
{
	/* a row per rejected input row: kept grouped as the brief shows it */
	static const char *const by[] = { "source", "check", "action" };

	if (o->rejects &&
	    (brief_table_load_grouped(&b->rejects, o->rejects, by, 3,
					      "check", "source_", err) < 0 ||
	     require_cols(&b->rejects, results_rejects_head, NORMALISE, err) < 0 ||
	     require_cols(&b->rejects, results_rejects_tail, NORMALISE, err) < 0 ||
	     brief_prov_add(b, "rejects", o->rejects, (long)b->rejects.total,
			    err) < 0))
		return -1;
	if (o->unmapped &&
	    (brief_table_load(&b->unmapped, o->unmapped, err) < 0 ||
	     brief_prov_add(b, "unmapped", o->unmapped,
			    (long)b->unmapped.nrows, err) < 0))
		return -1;
	return load_forms(b, o, err);
}

struct brief *brief_load(const struct brief_options *o, struct rk_error *err)
{
	struct brief *b = calloc(1, sizeof(*b));

	if (!b) {
		rk_error_oom(err);
		return NULL;
	}
	if (load_config(b, o->config, err) < 0 ||
	    (o->internal && internal_copy(b) < 0) ||
	    brief_prov_config(b, o, err) < 0 ||
	    load_results(b, o->results, err) < 0 ||
	    load_data(b, o->data, o->ndata, err) < 0 ||
	    load_quality(b, o, err) < 0 ||
	    brief_prov_run(b, o, err) < 0 ||
	    brief_pairs_build(b, err) < 0) {
		brief_free(b);
		return NULL;
	}
	b->data_final = brief_data_final(b);   /* every page's header says */
	b->trace = brief_trace_new(b);
	return b;
}

const char *brief_cell_dim(const struct brief *b, size_t row, size_t d)
{
	return d < b->ndims ? brief_table_get(&b->cells, row, b->cells_dim[d])
			    : "";
}

long brief_dim_index(const struct brief *b, const char *name)
{
	for (size_t d = 0; d < b->ndims; d++)
		if (strcmp(b->dims[d], name) == 0)
			return (long)d;
	return -1;
}

static void free_pair(struct brief_pair *p)
{
	free(p->indicator);
	free(p->reference);
	free(p->against);
	free(p->cell);
	free(p->dist);
	free(p->trend);
	for (size_t i = 0; i < p->nperiod; i++)
		free(p->period[i]);
	free(p->period);
	free(p->pa);
	free(p->pb);
	free(p->pa_mark);
	free(p->pb_mark);
}

void brief_free(struct brief *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->npair; i++)
		free_pair(&b->pair[i]);
	free(b->pair);
	brief_table_release(&b->cells);
	brief_table_release(&b->summary);
	brief_table_release(&b->dist);
	brief_table_release(&b->trend);
	brief_table_release(&b->mse);
	brief_table_release(&b->rates);
	brief_table_release(&b->revisions);
	brief_table_release(&b->rounded);
	for (size_t i = 0; i < b->ndata; i++) {
		brief_table_release(&b->data[i]);
		free(b->data_dim[i]);
		if (b->data_mark)
			free(b->data_mark[i]);
	}
	free(b->data);
	free(b->data_dim);
	free(b->data_mark);
	brief_table_release(&b->rejects);
	brief_table_release(&b->unmapped);
	brief_trace_free(b->trace);
	for (size_t i = 0; i < b->nforms; i++)
		brief_table_release(&b->forms[i]);
	free(b->forms);
	free(b->cells_dim);
	free(b->cell_a);
	free(b->cell_b);
	free(b->dist_a);
	free(b->dist_b);
	free(b->mse_mark);
	brief_prov_release(b);
	brief_labels_free(b->labels);
	rk_config_free(b->cfg);
	free(b);
}
