/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "xstring.h"

#include <string.h>

size_t xstring_utf8(unsigned long cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The code unit of an escape at s (7 bytes available), or -1. */
static long escape_at(const char *s, size_t avail)
{
	long v = 0;

	if (avail < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return -1;
	for (int i = 2; i < 6; i++) {
		int h = hexval(s[i]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

static int is_high(long u) { return u >= 0xD800 && u <= 0xDBFF; }
static int is_low(long u) { return u >= 0xDC00 && u <= 0xDFFF; }

/* One pass; returns -1 (nothing written past what was read) on a lone surrogate when strict. */
static long decode(char *s, size_t len, int keep_surrogates)
{
	size_t r = 0, w = 0;

	while (r < len) {
		long u = s[r] == '_' ? escape_at(s + r, len - r) : -1;
		long lo;

		if (u < 0 || (keep_surrogates && (is_high(u) || is_low(u)))) {
			s[w++] = s[r++];
			continue;
		}
		if (is_high(u) && (lo = escape_at(s + r + 7, len - r - 7)) >= 0 &&
		    is_low(lo)) {
			unsigned long cp = 0x10000 + ((unsigned long)(u - 0xD800) << 10) +
					   (unsigned long)(lo - 0xDC00);

			w += xstring_utf8(cp, s + w);
			r += 14;
			continue;
		}
		if (is_high(u) || is_low(u))
			return -1;
		w += xstring_utf8((unsigned long)u, s + w);
		r += 7;
	}
	return (long)w;
}

/* Whether s holds a lone surrogate escape (decoding would fail). */
static int has_lone_surrogate(const char *s, size_t len)
{
	for (size_t r = 0; r < len;) {
		long u = s[r] == '_' ? escape_at(s + r, len - r) : -1;
		long lo;

		if (u < 0) {
			r++;
			continue;
		}
		if (is_high(u) && (lo = escape_at(s + r + 7, len - r - 7)) >= 0 &&
		    is_low(lo)) {
			r += 14;
			continue;
		}
		if (is_high(u) || is_low(u))
			return 1;
		r += 7;
	}
	return 0;
}

size_t xstring_decode(char *s, size_t len)
{
	if (len < 7 || !memchr(s, '_', len))
		return len;
	return (size_t)decode(s, len, has_lone_surrogate(s, len));
}
