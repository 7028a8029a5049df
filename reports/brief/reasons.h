/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_REASONS_H
#define RECKON_BRIEF_REASONS_H

#include <stddef.h>

/*
 * reckon-normalise's reason for a row (rejects.csv, English) in lang, into
 * buf: every shape reckon-normalise writes, with the labels, numbers and
 * periods it quotes.  English, and a reason of no known shape, as written
 * (the returned pointer is then reason itself).
 */
const char *brief_reason(const char *lang, const char *reason, char *buf,
			 size_t size);

#endif
