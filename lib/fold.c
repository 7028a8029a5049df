/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

struct rk_fold {
	const UNormalizer2 *nfkc;
	UChar *a, *b;             /* UTF-16 scratch, cap units each */
	size_t cap;
	char *out;                /* the key */
	size_t outcap;
	char *latin;              /* the transliteration */
	size_t latincap;
};

/* Latin letters and the Cyrillic ones they look like (both ways). */
static const UChar lookalikes[][2] = {
	{ 'A', 0x0410 }, { 'B', 0x0412 }, { 'C', 0x0421 }, { 'E', 0x0415 },
	{ 'H', 0x041D }, { 'K', 0x041A }, { 'M', 0x041C }, { 'O', 0x041E },
	{ 'P', 0x0420 }, { 'T', 0x0422 }, { 'X', 0x0425 }, { 'Y', 0x0423 },
	{ 'a', 0x0430 }, { 'c', 0x0441 }, { 'e', 0x0435 }, { 'k', 0x043A },
	{ 'o', 0x043E }, { 'p', 0x0440 }, { 'x', 0x0445 }, { 'y', 0x0443 },
};
#define NLOOK (sizeof(lookalikes) / sizeof(lookalikes[0]))

/* After case folding: letters folded to another letter. */
static const UChar letter_map[][2] = {
	{ 0x0451, 0x0435 },   /* ё е */
	{ 0x0450, 0x0435 },   /* ѐ е */
	{ 0x045D, 0x0438 },   /* ѝ и */
	{ 0x0493, 0x0433 },   /* ғ г */
	{ 0x04E3, 0x0438 },   /* ӣ и */
	{ 0x04EF, 0x0443 },   /* ӯ у */
	{ 0x04B3, 0x0445 },   /* ҳ х */
	{ 0x049B, 0x043A },   /* қ к */
	{ 0x04B7, 0x0447 },   /* ҷ ч */
	{ 0x0453, 0x0433 },   /* ѓ г */
	{ 0x045C, 0x043A },   /* ќ к */
	{ 0x04A1, 0x043A },   /* ҡ к */
	{ 0x045E, 0x0443 },   /* ў у */
	{ 0x04B9, 0x0447 },   /* ҹ ч */
	{ 0x04BB, 0x0445 },   /* һ х */
};
#define NMAP (sizeof(letter_map) / sizeof(letter_map[0]))

struct rk_fold *rk_fold_new(struct rk_error *err)
{
	struct rk_fold *f = calloc(1, sizeof(*f));
	UErrorCode st = U_ZERO_ERROR;

	if (!f) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	f->nfkc = unorm2_getNFKCInstance(&st);
	if (U_FAILURE(st)) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
			     "cannot load ICU's NFKC data: %s", u_errorName(st));
		free(f);
		return NULL;
	}
	return f;
}

void rk_fold_free(struct rk_fold *f)
{
	if (!f)
		return;
	free(f->a);
	free(f->b);
	free(f->out);
	free(f->latin);
	free(f);
}

static int reserve16(struct rk_fold *f, size_t n)
{
	UChar *a, *b;

	if (n <= f->cap)
		return 0;
	n += n / 2 + 32;
	a = realloc(f->a, n * sizeof(*a));
	if (a)
		f->a = a;
	b = realloc(f->b, n * sizeof(*b));
	if (b)
		f->b = b;
	if (!a || !b)
		return -1;
	f->cap = n;
	return 0;
}

static int reserve8(char **buf, size_t *cap, size_t n)
{
	char *p;

	if (n <= *cap)
		return 0;
	n += n / 2 + 32;
	p = realloc(*buf, n);
	if (!p)
		return -1;
	*buf = p;
	*cap = n;
	return 0;
}

static int icu_failed(UErrorCode st, const char *what, struct rk_error *err)
{
	return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
			    "cannot fold a label: ICU %s failed: %s", what,
			    u_errorName(st));
}

/* UTF-8 into f->a; returns the length in units or -1. */
static int32_t to_utf16(struct rk_fold *f, const char *s, size_t len,
			struct rk_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;

	if (len > INT32_MAX / 4)
		return rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
				    "label too long to fold");
	if (reserve16(f, len + 1) < 0)
		return rk_error_oom(err);
	u_strFromUTF8(f->a, (int32_t)f->cap, &n, s, (int32_t)len, &st);
	if (st == U_INVALID_CHAR_FOUND || st == U_ILLEGAL_CHAR_FOUND) {
		rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
			     "label is not valid UTF-8");
		return -1;
	}
	if (U_FAILURE(st))
		return icu_failed(st, "UTF-8 decoding", err);
	return n;
}

/*
 * Runs an ICU transformation from f->a[0..n) into f->b, growing f->b as
 * ICU asks, then swaps a and b.  Returns the new length or -1.
 */
typedef int32_t (*transform_fn)(struct rk_fold *f, int32_t n, UErrorCode *st);

static int32_t nfkc_fn(struct rk_fold *f, int32_t n, UErrorCode *st)
{
	return unorm2_normalize(f->nfkc, f->a, n, f->b, (int32_t)f->cap, st);
}

static int32_t casefold_fn(struct rk_fold *f, int32_t n, UErrorCode *st)
{
	return u_strFoldCase(f->b, (int32_t)f->cap, f->a, n,
			     U_FOLD_CASE_DEFAULT, st);
}

static int32_t transform(struct rk_fold *f, int32_t n, transform_fn fn,
			 const char *what, struct rk_error *err)
{
	for (int tries = 0; tries < 2; tries++) {
		UErrorCode st = U_ZERO_ERROR;
		int32_t m = fn(f, n, &st);
		UChar *t;

		if (st == U_BUFFER_OVERFLOW_ERROR) {
			if (reserve16(f, (size_t)m + 1) < 0)
				return rk_error_oom(err);
			continue;
		}
		if (U_FAILURE(st))
			return icu_failed(st, what, err);
		t = f->a;
		f->a = f->b;
		f->b = t;
		return m;
	}
	return icu_failed(U_BUFFER_OVERFLOW_ERROR, what, err);
}

/* 1 for a letter of the look-alike table's Latin side, 2 Cyrillic, 0 none. */
static int look_side(UChar c, size_t *at)
{
	for (size_t i = 0; i < NLOOK; i++) {
		if (lookalikes[i][0] == c) {
			*at = i;
			return 1;
		}
		if (lookalikes[i][1] == c) {
			*at = i;
			return 2;
		}
	}
	return 0;
}

static int is_word_char(UChar32 c)
{
	int8_t t = u_charType(c);

	return (t >= U_UPPERCASE_LETTER && t <= U_OTHER_LETTER) ||
	       t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
	       t == U_COMBINING_SPACING_MARK;
}

/* Where the look-alikes of s[0..n) go: 1 Latin, 2 Cyrillic, 0 nowhere. */
static int word_target(const UChar *s, int32_t n)
{
	int lat = 0, cyr = 0, lat_look = 0, cyr_look = 0;
	int32_t i = 0;

	while (i < n) {
		UChar32 c;
		UErrorCode st = U_ZERO_ERROR;
		size_t at;
		int side;
		UScriptCode sc;

		U16_NEXT(s, i, n, c);
		side = c <= 0xFFFF ? look_side((UChar)c, &at) : 0;
		if (side == 1) {
			lat_look++;
			continue;
		}
		if (side == 2) {
			cyr_look++;
			continue;
		}
		sc = uscript_getScript(c, &st);
		if (sc == USCRIPT_LATIN)
			lat++;
		else if (sc == USCRIPT_CYRILLIC)
			cyr++;
	}
	if (cyr && !lat)
		return 2;
	if (lat && !cyr)
		return 1;
	if (lat || cyr || !lat_look || !cyr_look)
		return 0;
	return cyr_look > lat_look ? 2 : 1;
}

static void fold_lookalikes(UChar *s, int32_t n)
{
	int32_t i = 0;

	while (i < n) {
		int32_t start, end, j;
		UChar32 c;
		int target;

		U16_NEXT(s, i, n, c);
		if (!is_word_char(c))
			continue;
		start = i - U16_LENGTH(c);
		for (end = i; end < n;) {
			j = end;
			U16_NEXT(s, j, n, c);
			if (!is_word_char(c))
				break;
			end = j;
		}
		target = word_target(s + start, end - start);
		for (j = start; target && j < end; j++) {
			size_t at;
			int side = look_side(s[j], &at);

			if (side && side != target)
				s[j] = lookalikes[at][target - 1];
		}
		i = end;
	}
}

uint32_t rk_fold_letter(uint32_t c)
{
	if (c < 0x0450 || c > 0x04FF)
		return c;
	for (size_t i = 0; i < NMAP; i++)
		if (letter_map[i][0] == c)
			return letter_map[i][1];
	return c;
}

/* ICU's encoder: c must be a valid code point. */
static size_t put_utf8(char *p, UChar32 c)
{
	size_t i = 0;

	U8_APPEND_UNSAFE(p, i, c);
	return i;
}

/* Letters mapped, marks dropped, separators collapsed, into f->out. */
static int collapse(struct rk_fold *f, const UChar *s, int32_t n,
		    struct rk_error *err)
{
	size_t o = 0;
	int gap = 0;
	int32_t i = 0;

	if (reserve8(&f->out, &f->outcap, (size_t)n * 4 + 1) < 0)
		return rk_error_oom(err);
	while (i < n) {
		UChar32 c;
		int8_t t;

		U16_NEXT(s, i, n, c);
		t = u_charType(c);
		if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK)
			continue;
		if (!(t >= U_UPPERCASE_LETTER && t <= U_OTHER_LETTER) &&
		    t != U_COMBINING_SPACING_MARK &&
		    t != U_DECIMAL_DIGIT_NUMBER && t != U_LETTER_NUMBER &&
		    t != U_OTHER_NUMBER) {
			gap = 1;
			continue;
		}
		if (gap && o)
			f->out[o++] = ' ';
		gap = 0;
		o += put_utf8(f->out + o, (UChar32)rk_fold_letter((uint32_t)c));
	}
	f->out[o] = '\0';
	return 0;
}

static int starts_word(const char *key, size_t klen, const char *a, size_t alen)
{
	return klen > alen && key[alen] == ' ' && memcmp(key, a, alen) == 0;
}

static int ends_word(const char *key, size_t klen, const char *a, size_t alen)
{
	return klen > alen && key[klen - alen - 1] == ' ' &&
	       memcmp(key + klen - alen, a, alen) == 0;
}

static void strip(char *key, const struct rk_fold_affixes *a)
{
	size_t klen = strlen(key);
	int changed = 1;

	while (changed) {
		changed = 0;
		for (size_t i = 0; i < a->n; i++) {
			size_t alen = strlen(a->key[i]);

			if (starts_word(key, klen, a->key[i], alen)) {
				klen -= alen + 1;
				memmove(key, key + alen + 1, klen + 1);
				changed = 1;
			} else if (ends_word(key, klen, a->key[i], alen)) {
				klen -= alen + 1;
				key[klen] = '\0';
				changed = 1;
			}
		}
	}
}

const char *rk_fold_key(struct rk_fold *f, const char *s, size_t len,
			const struct rk_fold_affixes *affixes,
			struct rk_error *err)
{
	int32_t n = to_utf16(f, s, len, err);

	if (n < 0)
		return NULL;
	n = transform(f, n, nfkc_fn, "normalisation", err);
	if (n < 0)
		return NULL;
	fold_lookalikes(f->a, n);
	n = transform(f, n, casefold_fn, "case folding", err);
	if (n < 0 || collapse(f, f->a, n, err) < 0)
		return NULL;
	if (affixes && affixes->n)
		strip(f->out, affixes);
	return f->out;
}

/* Romanisation of the Russian letters а..я (U+0430..U+044F). */
static const char *const roman[32] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
	"o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",
	"y", "", "e", "yu", "ya"
};

/* The next code point of valid UTF-8 at *p. */
static uint32_t next_cp(const unsigned char **p)
{
	const unsigned char *s = *p;
	uint32_t c = s[0];
	size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

	if (n == 2)
		c = ((c & 0x1F) << 6) | (s[1] & 0x3F);
	else if (n == 3)
		c = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	else if (n == 4)
		c = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) |
		    ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	*p = s + n;
	return c;
}

const char *rk_fold_latin(struct rk_fold *f, const char *key)
{
	const unsigned char *p = (const unsigned char *)key;
	size_t o = 0;

	if (reserve8(&f->latin, &f->latincap, strlen(key) * 4 + 1) < 0)
		return NULL;
	while (*p) {
		uint32_t c = next_cp(&p);

		if (c >= 0x0430 && c <= 0x044F) {
			const char *r = roman[c - 0x0430];
			size_t k = strlen(r);

			memcpy(f->latin + o, r, k);
			o += k;
		} else {
			o += put_utf8(f->latin + o, (UChar32)c);
		}
	}
	f->latin[o] = '\0';
	return f->latin;
}

static int cmp_affix(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	size_t lx = strlen(x), ly = strlen(y);

	if (lx != ly)
		return lx < ly ? 1 : -1;
	return strcmp(x, y);
}

int rk_fold_affixes_init(struct rk_fold *f, char *const *items, size_t n,
			 struct rk_fold_affixes *a, struct rk_error *err)
{
	a->key = calloc(n ? n : 1, sizeof(*a->key));
	a->n = 0;
	if (!a->key)
		return rk_error_oom(err);
	for (size_t i = 0; i < n; i++) {
		const char *k = rk_fold_key(f, items[i], strlen(items[i]), NULL,
					    err);

		if (!k)
			return -1;
		if (!*k)
			continue;
		if ((a->key[a->n] = strdup(k)) == NULL)
			return rk_error_oom(err);
		a->n++;
	}
	qsort(a->key, a->n, sizeof(*a->key), cmp_affix);
	return 0;
}

void rk_fold_affixes_release(struct rk_fold_affixes *a)
{
	for (size_t i = 0; a->key && i < a->n; i++)
		free(a->key[i]);
	free(a->key);
	a->key = NULL;
	a->n = 0;
}
