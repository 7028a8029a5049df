/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_RESULTS_H
#define RECKON_RESULTS_H

/*
 * The columns of the files reckon-compare writes and reckon-report reads
 * (design.md §5), in the order written: one list per file, NULL-ended,
 * used by the writer for its header and by the reader to check that a
 * file has every column it uses, so that a column missing is an error
 * naming the file and the column, never an empty figure.
 *
 * cells.csv has the pipeline's dimensions between its head and its tail.
 */
extern const char *const results_cells_head[];
extern const char *const results_cells_tail[];
extern const char *const results_rates_tail[];
extern const char *const results_summary[];
extern const char *const results_distribution[];
extern const char *const results_trend[];
extern const char *const results_mse[];

/*
 * revisions.csv: what changed between a source's last two editions
 * (issue 22), with the pipeline's dimensions between head and tail.
 */
extern const char *const results_revisions_head[];
extern const char *const results_revisions_tail[];

/*
 * editions.csv: the edition of each source that reckon-compare --db read
 * (issue 22); reckon-compare --editions reads one to read them again.
 */
extern const char *const results_editions[];

/*
 * rejects.csv, which reckon-normalise writes and reckon-report reads: the
 * tidy columns with the pipeline's dimensions between head and tail.
 */
extern const char *const results_rejects_head[];
extern const char *const results_rejects_tail[];

/* The file each list is for: "cells.csv", ... */
#define RESULTS_CELLS "cells.csv"
#define RESULTS_SUMMARY "summary.csv"
#define RESULTS_DISTRIBUTION "distribution.csv"
#define RESULTS_TREND "trend.csv"
#define RESULTS_MSE "mse.csv"
#define RESULTS_RATES "rates.csv"
#define RESULTS_REJECTS "rejects.csv"
#define RESULTS_REVISIONS "revisions.csv"
#define RESULTS_EDITIONS "editions.csv"
#define RESULTS_ROUNDED "rounded.csv"

#endif
