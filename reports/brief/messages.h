/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_MESSAGES_H
#define RECKON_BRIEF_MESSAGES_H

#include "findings.h"

/*
 * The front page's key messages (issue 20 item 1): short sentences in
 * plain words, numbers and no test names, from the same figures as the
 * findings (struct brief_facts).  Pure, like findings.c.  A message only
 * states published figures: none is written when a total it rests on is
 * withheld or shown only as "fewer than k", so no message states or
 * implies a withheld count.  by: how the comparisons are broken down, in
 * the message's language ("by region and quarter", "по регионам и
 * кварталам"), or "".  Each writes out (BRIEF_SENTENCE_MAX bytes) and
 * returns 1, or returns 0 and writes nothing.
 */

/*
 * The two totals, the larger first, how many times as many, and what the
 * comparison by cell says when no gap goes beyond chance: "Complaints of
 * torture where both report: Coalition against torture 138, Prosecutor
 * General's Office 45: 3.1 times as many (95 % CI 2.5–3.8)."
 */
int brief_message_totals(const struct brief_facts *f, const char *by,
			 char *out);

/*
 * The largest gap beyond chance whose counts are both published, and how
 * many gaps go beyond chance.
 */
int brief_message_gap(const struct brief_facts *f, const char *by, char *out);

#endif
