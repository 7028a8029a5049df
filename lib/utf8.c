/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UTF-8 validation, eight bytes at a time where the text is ASCII. */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

#define UTF8_MAX 4

#define HIGH_BITS RK_UTF8_HIGH_BITS

uint64_t rk_load64(const unsigned char *s)
{
	uint64_t w;

	memcpy(&w, s, sizeof(w));
	return w;
}

/* The smallest and largest allowed second byte after lead byte c. */
static void second_range(unsigned char c, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (c == 0xE0)
		*lo = 0xA0;     /* shorter forms are overlong */
	else if (c == 0xED)
		*hi = 0x9F;     /* ED A0..BF are surrogates */
	else if (c == 0xF0)
		*lo = 0x90;     /* overlong */
	else if (c == 0xF4)
		*hi = 0x8F;     /* above U+10FFFF */
}

/* How long the sequence led by c is, or 0 if c cannot lead one. */
static size_t seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;       /* a continuation byte, or C0/C1 (overlong) */
	if (c < 0xE0)
		return 2;
	if (c < 0xF0)
		return 3;
	if (c < 0xF5)
		return 4;
	return 0;
}

/*
 * How many of the n bytes at s fit the sequence that s[0] leads: the
 * sequence length when complete, fewer when it is cut off or broken.
 */
static size_t seq_fit(const unsigned char *s, size_t n, size_t need)
{
	unsigned char lo, hi;
	size_t i;

	if (n < 2)
		return n;
	second_range(s[0], &lo, &hi);
	if (s[1] < lo || s[1] > hi)
		return 1;
	for (i = 2; i < need && i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return i;
	}
	return i;
}

/* Eight bytes as a number whose lowest byte is s[0], in any host order. */
static uint64_t load_le64(const unsigned char *s)
{
	return (uint64_t)s[0] | (uint64_t)s[1] << 8 | (uint64_t)s[2] << 16 |
	       (uint64_t)s[3] << 24 | (uint64_t)s[4] << 32 |
	       (uint64_t)s[5] << 40 | (uint64_t)s[6] << 48 |
	       (uint64_t)s[7] << 56;
}

/*
 * Skips whole 8-byte words of ASCII and valid 2-byte sequences (Cyrillic
 * text is nearly all of these), eight bytes per step with no branch per
 * byte.  Returns where it stopped, always at the start of a character.
 */
static size_t skip_words(const unsigned char *s, size_t i, size_t len)
{
	const uint64_t x1e = 0x1E1E1E1E1E1E1E1EULL, x7f = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t w, high, bit6, bit5, lead, cont, carry = 0;

	for (; i + 8 <= len; i += 8) {
		w = load_le64(s + i);
		high = w & HIGH_BITS;
		if (!high) {
			if (carry)
				break;
			/* in a run of ASCII: take 32 bytes a step */
			while (i + 40 <= len && !((rk_load64(s + i + 8) |
				rk_load64(s + i + 16) | rk_load64(s + i + 24) |
				rk_load64(s + i + 32)) & HIGH_BITS))
				i += 32;
			continue;
		}
		bit6 = (w << 1) & HIGH_BITS;
		bit5 = (w << 2) & HIGH_BITS;
		if (high & bit6 & bit5)
			break;          /* a 3- or 4-byte lead, or worse */
		lead = high & bit6;
		cont = high & ~bit6;
		/* C0 and C1 lead only overlong sequences */
		if (lead & ~(((w & x1e) + x7f) & HIGH_BITS))
			break;
		/* each lead is followed by exactly one continuation byte */
		if (cont != ((lead << 8) | carry))
			break;
		carry = lead >> 56;
	}
	/* back to the lead byte whose continuation was not checked */
	return carry ? i - 1 : i;
}

size_t rk_utf8_valid_prefix(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, need, end;

	while (i < len) {
		i = skip_words(s, i, len);
		/* what the words could not take: a few bytes one at a time */
		end = len - i < 16 ? len : i + 16;
		while (i < end) {
			if (s[i] < 0x80) {
				i++;
				continue;
			}
			need = seq_len(s[i]);
			if (!need || need > len - i ||
			    seq_fit(s + i, len - i, need) != need)
				return i;
			i += need;
		}
	}
	return len;
}

/* Whether the n bytes at s are a correct but unfinished UTF-8 sequence. */
int rk_utf8_unfinished(const unsigned char *s, size_t n)
{
	size_t need = seq_len(s[0]);

	return need > n && seq_fit(s, n, need) == n;
}

int rk_utf8_cut(const char *s, size_t max)
{
	size_t n = strnlen(s, max + 1);

	if (n <= max)
		return (int)n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

size_t rk_utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}
