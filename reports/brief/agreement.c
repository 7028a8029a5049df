/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Agreement sheet: summary.csv, one column per pair, with a one-line
 * reading.  Columns reckon-compare may add later are shown under their own
 * names.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "notes.h"
#include "sheets.h"
#include "wording.h"

enum kind { TEXT, COUNT, TOTAL_A, TOTAL_B, DERIVED, RATIO, STAT, PVAL, PCT,
	    DIMS, SUMMED, MODEL };

struct measure {
	const char *col;
	enum kind kind;
};

static lxw_format *format_of(const struct brief_formats *f, enum kind k)
{
	switch (k) {
	case COUNT: case TOTAL_A: case TOTAL_B: return f->count;
	case DERIVED: case RATIO: return f->ratio;
	case STAT: return f->stat;
	case PVAL: return f->pval;
	case PCT: return f->pct;
	default: return f->wrap;
	}
}

/* "region|sex" as dimension names in lang. */
static void dims_text(const char *lang, const char *s, char *buf, size_t size)
{
	char name[64], one[64];
	size_t len = 0;

	buf[0] = '\0';
	while (*s && len < size) {
		size_t n = strcspn(s, "|");

		snprintf(one, sizeof(one), "%.*s", (int)n, s);
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? ", " : "",
					brief_dim_name(lang, one, name,
						       sizeof(name)));
		s += n + (s[n] == '|');
	}
}

/*
 * "sex from wol; age|sex from gpo" → "sex: summed out of Coalition ...".
 */
static void summed_text(const struct brief *b, const char *lang,
			const char *s, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	while (*s && len < size) {
		size_t n = strcspn(s, ";");
		char piece[256], dims[256], low[256];
		const char *from;

		snprintf(piece, sizeof(piece), "%.*s", (int)n, s);
		from = strstr(piece, " from ");
		if (from) {
			piece[from - piece] = '\0';
			const char *gen = brief_source_case(b->labels,
							    from + 6, lang,
							    'g');

			dims_text(lang, piece, dims, sizeof(dims));
			len += (size_t)snprintf(buf + len, size - len,
				brief_t(lang, gen ? "summed.from.case"
						  : "summed.from"),
				len ? "; " : "",
				brief_lower_first(dims, low, sizeof(low)),
				gen ? gen
				    : brief_source_name(b->labels, from + 6,
							lang));
		} else {
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? "; " : "", piece);
		}
		s += n;
		while (*s == ';' || *s == ' ')
			s++;
	}
}

static const struct measure measures[] = {
	{ "alpha", STAT }, { "breakdown", DIMS }, { "summed_out", SUMMED },
	{ "cells", COUNT }, { "compared", COUNT }, { "tested", COUNT },
	{ "significant", COUNT }, { "only_a", COUNT }, { "only_b", COUNT },
	{ "missing", COUNT }, { "no_information", COUNT },
	{ "total_a", TOTAL_A }, { "total_b", TOTAL_B },
	{ "total_ratio", DERIVED }, { "total_ratio_lo", DERIVED },
	{ "total_ratio_hi", DERIVED }, { "total_p_value", PVAL },
	{ "total_model", MODEL }, { "dispersion", STAT },
	{ "pearson_r", STAT }, { "spearman_rho", STAT }, { "ccc", STAT },
	{ "ccc_lo", STAT }, { "ccc_hi", STAT }, { "ba_pairs", COUNT },
	{ "gmr", RATIO }, { "loa_lo", RATIO }, { "loa_hi", RATIO },
	{ "smape", PCT }, { "wape", PCT }, { "note", TEXT },
};

static enum kind kind_of(const char *col)
{
	for (size_t i = 0; i < sizeof(measures) / sizeof(*measures); i++)
		if (strcmp(measures[i].col, col) == 0)
			return measures[i].kind;
	return STAT;
}

static int shown_col(const char *col)
{
	return strcmp(col, "reference") && strcmp(col, "against") &&
	       strcmp(col, "indicator");
}

static void agreement_value(struct brief_page *pg, const struct brief_pair *p,
			    size_t r, const char *col, lxw_col_t c)
{
	const struct brief *b = pg->b;
	const struct brief_formats *f = &pg->bk->f;
	const char *s = brief_table_str(&b->summary, r, col);
	enum kind k = kind_of(col);
	char buf[2048];
	double x = brief_table_num(&b->summary, r, col);

	switch (k) {
	case TOTAL_A:
	case TOTAL_B:
		brief_put_count(pg->bk, pg->ws, pg->row, c, x,
				k == TOTAL_A ? p->total_a : p->total_b,
				f->count);
		return;
	case DERIVED:
	case PVAL:
		if (brief_hidden(p->total_a) || brief_hidden(p->total_b))
			return;
		break;
	case MODEL:
		if (*s) {
			snprintf(buf, sizeof(buf), "model.%s", s);
			brief_page_wrap(pg, c, brief_t(pg->lang, buf),
					f->wrap);
		}
		return;
	case DIMS:
		dims_text(pg->lang, s, buf, sizeof(buf));
		brief_page_wrap(pg, c, buf, f->wrap);
		return;
	case SUMMED:
		summed_text(b, pg->lang, s, buf, sizeof(buf));
		brief_page_wrap(pg, c, buf, f->wrap);
		return;
	case TEXT:
		brief_page_wrap(pg, c, strcmp(col, "note") ? s
				: brief_summary_note(b, pg->lang, s, buf,
						     sizeof(buf)), f->wrap);
		return;
	default:
		break;
	}
	if (!isnan(x))
		brief_put_num(pg->ws, pg->row, c, x, format_of(f, k));
	else
		brief_page_wrap(pg, c, s, f->wrap);
}

int brief_write_agreement(struct brief_book *bk, const struct brief *b,
			  const char *lang, struct rk_error *err)
{
	struct brief_page pg;
	char label[128];
	lxw_col_t c = 1;

	if (!b->summary.ncols)
		return 0;
	if (brief_page_open(&pg, bk, b, lang, brief_t(lang, "sheet.agreement"),
			    b->npair < 3 ? 4 : (lxw_col_t)b->npair, err) < 0)
		return -1;
	brief_page_cols(&pg, 0, 0, 40);
	brief_page_cols(&pg, 1, (lxw_col_t)(b->npair < 3 ? 4 : b->npair), 28);
	brief_page_line(&pg, brief_t(lang, "agreement.title"), bk->f.title);
	brief_page_para(&pg, brief_t(lang, "agreement.reading"), NULL);
	brief_page_skip(&pg);
	brief_page_wrap(&pg, 0, brief_t(lang, "col.measure"), bk->f.head);
	for (size_t i = 0; i < b->npair; i++) {
		char title[512];

		if (b->pair[i].summary < 0)
			continue;
		brief_pair_title(b, &b->pair[i], lang, title, sizeof(title));
		brief_page_wrap(&pg, c++, title, bk->f.head_num);
	}
	worksheet_repeat_rows(pg.ws, pg.row, pg.row);
	brief_page_next(&pg);
	for (size_t k = 0; k < b->summary.ncols; k++) {
		const char *col = b->summary.col[k];

		if (!shown_col(col))
			continue;
		brief_page_wrap(&pg, 0,
				brief_col_label(lang, col, label,
						sizeof(label)), bk->f.wrap);
		c = 1;
		for (size_t i = 0; i < b->npair; i++) {
			if (b->pair[i].summary < 0)
				continue;
			if (strcmp(col, "ccc") == 0)
				brief_page_anchor(&pg, pg.row, c, "ccc", i);
			agreement_value(&pg, &b->pair[i],
					(size_t)b->pair[i].summary, col, c++);
		}
		brief_page_next(&pg);
	}
	brief_page_finish(&pg);
	return 0;
}
