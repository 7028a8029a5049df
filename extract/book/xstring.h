/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_XSTRING_H
#define RECKON_XSTRING_H

#include <stddef.h>

/*
 * ECMA-376 ST_Xstring escapes: "_xHHHH_" stands for the UTF-16 code unit
 * HHHH (so "_x005F_" is '_' and "_x0000_" a NUL).  Decoded left to right
 * without overlap; a surrogate pair written as two adjacent escapes becomes
 * one character.  When a lone surrogate remains, every surrogate escape is
 * kept as written and only the others are decoded (as the corpus oracle).
 */

/* Decodes s[0..len) in place (the result is never longer); returns its length. */
size_t xstring_decode(char *s, size_t len);

/* Writes code point cp as UTF-8 into out (4 bytes room); returns the length. */
size_t xstring_utf8(unsigned long cp, char *out);

#endif
