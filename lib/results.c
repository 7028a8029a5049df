/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "results.h"

#include <stddef.h>

const char *const results_cells_head[] = {
	"reference", "against", "indicator", "period", NULL
};

const char *const results_cells_tail[] = {
	"a", "b", "diff", "sym_pct", "ratio", "ratio_lo", "ratio_hi",
	"p_value", "q_value", "flag", NULL
};

/* rates.csv: results_cells_head, the dimensions, then these */
const char *const results_rates_tail[] = {
	"a", "b", "exposure_a", "exposure_b", "per", "rate_a", "rate_a_lo",
	"rate_a_hi", "rate_b", "rate_b_lo", "rate_b_hi", "rate_ratio",
	"rate_ratio_lo", "rate_ratio_hi", "p_value", "note", NULL
};

const char *const results_summary[] = {
	"reference", "against", "indicator", "alpha", "breakdown",
	"summed_out", "cells", "compared", "tested", "significant", "only_a",
	"only_b", "missing", "no_information", "total_a", "total_b",
	"total_ratio", "total_ratio_lo", "total_ratio_hi", "total_p_value",
	"total_model", "dispersion", "pearson_r", "spearman_rho", "ccc", "ccc_lo", "ccc_hi", "ba_pairs",
	"gmr", "loa_lo", "loa_hi", "smape", "wape", "note", NULL
};

const char *const results_distribution[] = {
	"reference", "against", "indicator", "dimension", "category", "a", "b",
	"share_a", "share_b", "adj_residual", "chi2", "g2", "df", "chi2_p",
	"g2_p", "cramers_v", "tv", "js", "note", NULL
};

const char *const results_trend[] = {
	"reference", "against", "indicator", "term", "source", "periods", "per",
	"estimate", "ci_lo", "ci_hi", "p_value", "deviance", "df",
	"dispersion", "note", NULL
};

const char *const results_rejects_head[] = {
	"source", "indicator", "period", NULL
};

const char *const results_rejects_tail[] = {
	"value", "status", "origin", "check", "action", "reason", NULL
};

const char *const results_mse[] = {
	"indicator", "kind", "lists", "pattern", "model", "count", "estimate",
	"se", "ci_lo", "ci_hi", "df", "deviance", "aic", "rank", "note", NULL
};

const char *const results_revisions_head[] = {
	"source", "indicator", "period", NULL
};

const char *const results_revisions_tail[] = {
	"old_value", "new_value", "difference", "rel_change", "old_status",
	"new_status", "kind", "old_edition", "new_edition", NULL
};

const char *const results_editions[] = {
	"edition", "source", "label", "published", "loaded_at", "input_sha256",
	NULL
};
