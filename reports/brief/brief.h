/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_H
#define RECKON_BRIEF_H

#include <stddef.h>

#include "labels.h"
#include "table.h"
#include "config.h"
#include "error.h"
#include "sha256.h"

/*
 * Everything the brief shows, loaded and decided before a byte of it is
 * written: the config and its labels, the results of reckon-compare, the
 * tidy data and the quality files, the provenance, and which counts are
 * withheld (brief_protect).  The sheet writers (brief_write_*) only read
 * it.  The struct owns everything in it; brief_free frees it.
 */

struct brief_trace;

struct brief_options {
	const char *config;            /* the pipeline config */
	const char *results;           /* reckon-compare's --out directory */
	char *const *data;             /* tidy observation files */
	size_t ndata;
	const char *rejects, *unmapped, *manifest;   /* NULL when not given */
	char *const *forms;            /* reckon-extract --forms-summary
					  files: who sent a source's forms */
	size_t nforms;
	const char *db;                /* --db: a conninfo, "" for the
					  default target; NULL: not given */
	const char *source_date_epoch; /* the environment's, or NULL */
	long long now;                 /* the clock, used only when nothing
					  else dates the brief */
	int internal;                  /* --internal: the analyst's copy,
					  nothing withheld */
};

/* A file the brief was made from, for the provenance sheet. */
struct brief_file {
	const char *role;              /* static: "config", "codelist",
					  "input", "result", "data", "rejects",
					  "forms",
					  "unmapped", "manifest" */
	char *source;                  /* inputs: the source id; NULL */
	char *sheet;                   /* inputs: the layout's sheet; NULL */
	char *path;                    /* as given or recorded */
	char sha256[RK_SHA256_HEX];    /* "" when not known */
	long long size;                /* -1 when not known */
	long rows;                     /* -1 when not known */
};

/* One reference-against pair of a compare entry: one sheet. */
struct brief_pair {
	char *indicator, *reference, *against;
	double alpha;
	size_t *cell, ncell;           /* rows of cells.csv */
	long summary;                  /* row of summary.csv, or -1 */
	size_t *dist, ndist;           /* rows of distribution.csv */
	size_t *trend, ntrend;         /* rows of trend.csv */
	unsigned dims;                 /* bit d: cells broken down by dims[d] */
	/* totals of the compared cells per period (the line chart) */
	size_t nperiod;
	char **period;
	double *pa, *pb;
	unsigned char *pa_mark, *pb_mark;
	unsigned char total_a, total_b;  /* marks of the summary totals */
	/* brief_publish: what the protected figures leave out */
	size_t left_out;               /* compared cells with a count withheld */
	int trend_withheld;            /* a period total is withheld */
	int dist_withheld;             /* a dimension has a withheld category */
};

/* How a published count is shown (enum supp_state). */
enum brief_mark { BRIEF_SHOWN = 0, BRIEF_SMALL = 1, BRIEF_HIDDEN = 2 };

struct brief {
	struct rk_config *cfg;
	struct brief_labels *labels;
	long k;                        /* suppress_below; 0: none */
	long rounding;                 /* report.rounding: unpublished
					  sources' counts are rounded to
					  multiples of it (by reckon-compare,
					  before every statistic); 0: none */
	int warehouse_editions;        /* the results came from the warehouse's
					  editions (compare --db wrote
					  editions.csv), though --db was not
					  given */
	struct brief_table rounded;    /* rounded.csv: those counts; ncols 0
					  when compare rounded nothing */
	size_t nrounded;               /* Data rows shown rounded */
	long internal;                 /* the internal copy: suppress_below
					  of the brief for distribution (k is
					  then 0); 0: not internal */
	const char *lang[3];           /* the sheet languages, "en" / "ru" /
					  "tg", the reader's first */
	size_t nlang;
	size_t ndims;
	char **dims;                   /* the pipeline's dimensions */

	struct brief_table cells, summary, dist, trend, mse;
	int data_final;                /* brief_data_final, counted once:
					  1 final, 0 provisional, -1 not
					  known (no --data) */
	struct brief_table rates;      /* ncols 0 when compare had no
					  denominators; row r is cells.csv's */
	long *cells_dim;               /* ndims columns of cells.csv, -1 */
	struct brief_table *data;      /* ndata tidy files */
	size_t ndata;
	long **data_dim;               /* per file, ndims columns, -1 */
	struct brief_trace *trace;     /* the Data rows of a comparison's
					  cell (trace.h); NULL: no data */
	struct brief_table rejects, unmapped;   /* ncols 0 when not given */
	struct brief_table *forms;     /* --forms, nforms of them */
	size_t nforms;
	struct brief_table revisions;  /* revisions.csv: what the sources'
					  latest editions changed; ncols 0
					  when none is known */

	struct brief_pair *pair;
	size_t npair;

	/* marks (enum brief_mark) of every published count */
	unsigned char *cell_a, *cell_b;   /* cells.csv rows */
	unsigned char *dist_a, *dist_b;   /* distribution.csv rows */
	unsigned char **data_mark;        /* per data file, per row */
	unsigned char *mse_mark;          /* mse.csv rows (count) */
	size_t nsmall, nhidden;           /* counts marked each way */
	size_t nmasked;                   /* small ones marked "x" (of nhidden) */
	size_t withheld_tables;           /* tables withheld whole */
	size_t mse_withheld;              /* capture-recapture groups cleared */
	/* the audit (supp_audit) */
	size_t audited;                   /* withheld counts it vouches for */
	size_t unprotected;               /* withheld counts it cannot */
	size_t escalated;                 /* times more had to be withheld */
	double narrowest;                 /* the narrowest interval of an "x",
					     in values; 0: no "x" */

	/* provenance */
	struct brief_file *file;
	size_t nfile;
	char *run_id, *version, *pipeline;  /* from the manifest; NULL */
	char *db_target;               /* "" for files */
	long long created;             /* seconds since the epoch, UTC */
	const char *created_from;      /* "SOURCE_DATE_EPOCH", "run",
					  "clock" */
};

/*
 * Loads everything o names.  Returns the brief, or NULL with err set:
 * RK_EXIT_CONFIG for a bad config or code list, RK_EXIT_NOINPUT for a
 * file that is not there, RK_EXIT_DATAERR for a file that is not what it
 * should be, RK_EXIT_USAGE for a bad SOURCE_DATE_EPOCH or --db.
 */
struct brief *brief_load(const struct brief_options *o, struct rk_error *err);

/*
 * Decides which counts are withheld (suppress.h): one table per source and
 * indicator holding every count of it the brief publishes.  Returns 0, or
 * -1 with err set (RK_EXIT_SOFTWARE).
 */
int brief_protect(struct brief *b, struct rk_error *err);

/*
 * Recomputes the statistics from what the brief publishes (publish.c):
 * after brief_protect, every figure that rests on a withheld count is
 * recomputed without it or cleared, in the tables the sheets read.
 * Returns 0, or -1 with err set (out of memory).
 */
int brief_publish(struct brief *b, struct rk_error *err);

/*
 * Whether the brief protects counts: suppress_below is set and a source
 * has not published its figures.  Then a fingerprint (SHA-256, byte size,
 * the run id made from them) of a file that holds protected counts is not
 * published: with the rest of such a file known, it would confirm a guess
 * of the withheld counts.
 */
int brief_protects(const struct brief *b);

/* Whether file f holds protected counts (brief_protects). */
int brief_file_protected(const struct brief *b, const struct brief_file *f);

/* Frees; accepts NULL and half-loaded briefs. */
void brief_free(struct brief *b);

/* ---- reading the model ---- */

/* Whether a mark hides the number. */
static inline int brief_hidden(unsigned char mark)
{
	return mark != BRIEF_SHOWN;
}

/* The cells.csv column of a pair row's dimension d (-1 if none). */
const char *brief_cell_dim(const struct brief *b, size_t row, size_t d);

/* The dimension index of a name, or -1. */
long brief_dim_index(const struct brief *b, const char *name);

#endif
