/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_STATUS_H
#define RECKON_BRIEF_STATUS_H

#include "brief.h"
#include "layout.h"

/*
 * The front page's data-status line: "Data status: PROVISIONAL" and what
 * is unresolved (figures the sources qualify, with source and period;
 * unmatched labels; rejected rows; sources' totals that are not the sum of
 * their parts), or that every figure is final.
 */
void brief_status_block(struct brief_page *pg);

/* Is every figure final, every label matched, no row rejected?  1 yes,
 * 0 no, -1 not known: the brief was made without the tidy data. */
int brief_data_final(const struct brief *b);

/* "What this brief does not show": the limits of a comparison of records. */
void brief_not_shown_block(struct brief_page *pg);

#endif
