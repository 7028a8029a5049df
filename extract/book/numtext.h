/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_NUMTEXT_H
#define RECKON_NUMTEXT_H

#include <stddef.h>

/*
 * A shortcut past numfmt_shortest for numbers stored as text (xlsx <v>):
 * text of at most 15 significant digits, no exponent, no sign but '-', no
 * leading zeros, and not below 1e-6 in size is already the shortest
 * round-trip form of its double once trailing fraction zeros (and a bare
 * point) are dropped; that is what numfmt_shortest would write.
 * Returns the length of the prefix of v[0, n) to keep, or 0 when the text
 * needs the full conversion.
 */
size_t numtext_canonical(const char *v, size_t n);

#endif
