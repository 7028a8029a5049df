/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_SHEETS_H
#define RECKON_BRIEF_SHEETS_H

#include <stddef.h>

#include "brief.h"
#include "book.h"
#include "findings.h"
#include "layout.h"

/*
 * The sheets of the brief (design.md §6, issue 7), each written from the
 * loaded and protected struct brief.  Those with a lang argument are
 * written once per sheet language.  Each returns 0, or -1 with err set.
 */

/* Everything, in order, into path (write.c). */
int brief_write(const struct brief *b, const char *path, struct rk_error *err);

int brief_write_summary(struct brief_book *bk, const struct brief *b,
			const char *lang, struct rk_error *err);
int brief_write_pair(struct brief_book *bk, const struct brief *b, size_t i,
		     const char *lang, struct rk_error *err);
int brief_write_agreement(struct brief_book *bk, const struct brief *b,
			  const char *lang, struct rk_error *err);
int brief_write_distribution(struct brief_book *bk, const struct brief *b,
			     const char *lang, struct rk_error *err);
int brief_write_rates(struct brief_book *bk, const struct brief *b,
		      const char *lang, struct rk_error *err);
int brief_write_trend(struct brief_book *bk, const struct brief *b,
		      const char *lang, struct rk_error *err);
/* The front page's key messages and its chart (front.c). */
void brief_front_messages(struct brief_page *pg);
void brief_front_chart(struct brief_page *pg);
/* The front page's capture-recapture sentences (estimates.c). */
void brief_estimate_sentences(struct brief_page *pg);
int brief_write_estimates(struct brief_book *bk, const struct brief *b,
			  const char *lang, struct rk_error *err);
int brief_write_quality(struct brief_book *bk, const struct brief *b,
			const char *lang, struct rk_error *err);
/* The revisions section of the Data quality sheet (revisions.c). */
void brief_quality_revisions(struct brief_page *pg);

int brief_write_method(struct brief_book *bk, const struct brief *b,
		       const char *lang, struct rk_error *err);
int brief_write_provenance(struct brief_book *bk, const struct brief *b,
			   struct rk_error *err);
int brief_write_data(struct brief_book *bk, const struct brief *b,
		     struct rk_error *err);

/*
 * The figures of pair p for its findings in lang (summary.c);
 * where[size] holds the place of the largest gap.
 */
void brief_pair_facts(const struct brief *b, const struct brief_pair *p,
		      const char *lang, struct brief_facts *f, char *where,
		      size_t size);

#endif
