/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_SNIFF_H
#define RECKON_SNIFF_H

#include <stddef.h>

/*
 * Guesses the delimiter of delimited text from its first lines: of ',',
 * ';', TAB and '|', the one that splits the most lines (outside quotes)
 * into the same number (> 1) of fields; ',' when nothing splits.
 */
unsigned char sniff_delimiter(const char *text, size_t len);

#endif
