/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_DEFINE_H
#define RECKON_BRIEF_DEFINE_H

#include <stddef.h>

#include "brief.h"
#include "layout.h"

/*
 * The front page's "What each source counts": each source's definition of
 * each compared indicator (the config's definitions), then for each pair
 * the note of brief_definition_note.  Without any definition in the config
 * it says that the brief cannot tell whether the sources count the same
 * thing.
 */
void brief_definitions_block(struct brief_page *pg);

/*
 * The first page's short form of it, one paragraph: what each source of
 * the first compared indicator counts, by which date ("Генпрокуратура —
 * жалоба, по дате регистрации; …"), and that the brief compares records,
 * not torture; the whole box follows on the next page.  Nothing without
 * definitions.
 */
void brief_definitions_front(struct brief_page *pg);

/* Does the config define what any source counts? */
int brief_any_definition(const struct brief *b);

/*
 * The sentence a pair's findings start with when its sources' definitions
 * differ in unit or date basis (or one of them has none while others do):
 * written into buf, 1; else 0.
 */
int brief_definition_note(const struct brief *b, const struct brief_pair *p,
			  const char *lang, char *buf, size_t size);

#endif
