/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_NOTES_H
#define RECKON_BRIEF_NOTES_H

#include <stddef.h>

#include "brief.h"

/*
 * reckon-compare's note on a pair (summary.csv, English, "; "-joined) in
 * lang: each part it knows in that language, source ids as names; a part
 * it does not know as written.  Into buf; returns buf.
 */
const char *brief_summary_note(const struct brief *b, const char *lang,
			       const char *note, char *buf, size_t size);

#endif
