/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_UTF8_H
#define RECKON_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The high bit of each byte of a 64-bit word. */
#define RK_UTF8_HIGH_BITS 0x8080808080808080ULL

/* Eight bytes at s as a word, in memory order (s need not be aligned). */
uint64_t rk_load64(const unsigned char *s);

/*
 * Checks that s[0..len) is valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF).  Returns the length of the valid prefix: len when valid.
 */
size_t rk_utf8_valid_prefix(const char *s, size_t len);

/*
 * 1 when s[0..n), the bytes after the valid prefix, are the beginning of a
 * sequence cut short (more input may finish it), else 0.
 */
int rk_utf8_unfinished(const unsigned char *s, size_t n);

/* The characters (code points) of NUL-terminated UTF-8 s: its bytes less
 * the continuation bytes. */
size_t rk_utf8_chars(const char *s);

/*
 * How many bytes of s to quote in a message of at most max bytes: strlen(s)
 * when it fits, else max or less, never inside a UTF-8 character, so that
 * "'%.*s'" stays valid UTF-8.
 */
int rk_utf8_cut(const char *s, size_t max);

#endif
