/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rx.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

/*
 * Labels repeat: a million rows hold a few hundred region names.  Results
 * for short texts are remembered in a direct-mapped table, which spares
 * ICU's per-call set-up for almost every row.
 */
#define MEMO_SLOTS 512
#define MEMO_TEXT 56

struct memo {
	uint32_t hash;
	uint8_t len;
	int8_t found;            /* -1: empty slot */
	char text[MEMO_TEXT];
};

struct rk_rx {
	URegularExpression *re;
	UText *text;             /* for captures: offsets in the UTF-8 text */
	UChar *u16;              /* for searches: the text in UTF-16 */
	int32_t u16cap;
	struct memo memo[MEMO_SLOTS];
};

struct rk_rx *rk_rx_compile(const char *pattern, const char *name, long line,
			    struct rk_error *err)
{
	struct rk_rx *rx = calloc(1, sizeof(*rx));
	UErrorCode status = U_ZERO_ERROR;
	UParseError pe;

	if (!rx) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, line, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < MEMO_SLOTS; i++)
		rx->memo[i].found = -1;
	{
		UText *pat = utext_openUTF8(NULL, pattern, -1, &status);

		rx->re = uregex_openUText(pat, 0, &pe, &status);
		utext_close(pat);
	}
	if (U_FAILURE(status)) {
		rk_error_set(err, RK_EXIT_CONFIG, name, line,
			     "bad regular expression '%.200s': %s at offset %d",
			     pattern, u_errorName(status), (int)pe.offset);
		rk_error_hint(err, "patterns use ICU syntax; escape . ( ) [ ] "
				   "with a backslash to match them literally");
		rk_rx_free(rx);
		return NULL;
	}
	return rx;
}

static uint32_t fnv1a(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* A search over the UTF-8 text itself, where match offsets are wanted. */
static int search_utf8(struct rk_rx *rx, const char *s, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	UBool found;

	rx->text = utext_openUTF8(rx->text, s, (int64_t)len, &status);
	uregex_setUText(rx->re, rx->text, &status);
	found = uregex_find(rx->re, 0, &status);
	if (U_FAILURE(status))
		return -1;
	return found ? 1 : 0;
}

/*
 * A search over the text converted to UTF-16 (ill-formed bytes as U+FFFD,
 * as the UTF-8 UText reads them): ICU matches UTF-16 held in one piece
 * several times faster than UTF-8, which it reads through UText a code
 * point at a time.
 */
static int search(struct rk_rx *rx, const char *s, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t n = 0;
	UBool found;

	if (len > INT32_MAX / 2)
		return search_utf8(rx, s, len);
	if ((int32_t)len + 1 > rx->u16cap) {
		int32_t cap = (int32_t)len + 1 < 64 ? 64 : (int32_t)len + 1;
		UChar *u = realloc(rx->u16, (size_t)cap * sizeof(*u));

		if (!u)
			return -1;
		rx->u16 = u;
		rx->u16cap = cap;
	}
	/* UTF-16 never needs more units than UTF-8 has bytes */
	u_strFromUTF8WithSub(rx->u16, rx->u16cap, &n, s, (int32_t)len, 0xFFFD,
			     NULL, &status);
	uregex_setText(rx->re, rx->u16, n, &status);
	found = uregex_find(rx->re, 0, &status);
	if (U_FAILURE(status))
		return -1;
	return found ? 1 : 0;
}

int rk_rx_search(struct rk_rx *rx, const char *s, size_t len)
{
	uint32_t h;
	struct memo *m;
	int found;

	if (len > MEMO_TEXT)
		return search(rx, s, len);
	h = fnv1a(s, len);
	m = &rx->memo[h % MEMO_SLOTS];
	if (m->found >= 0 && m->hash == h && m->len == len &&
	    memcmp(m->text, s, len) == 0)
		return m->found;
	found = search(rx, s, len);
	if (found >= 0) {
		m->hash = h;
		m->len = (uint8_t)len;
		m->found = (int8_t)found;
		memcpy(m->text, s, len);
	}
	return found;
}

int rk_rx_capture(struct rk_rx *rx, const char *s, size_t len, char *out,
		  size_t size)
{
	UErrorCode status = U_ZERO_ERROR;
	int found = search_utf8(rx, s, len), group;
	int64_t a, b;

	if (found <= 0)
		return found;
	group = uregex_groupCount(rx->re, &status) > 0 ? 1 : 0;
	a = uregex_start64(rx->re, group, &status);
	b = uregex_end64(rx->re, group, &status);
	if (U_FAILURE(status) || a < 0 || b < a || (size_t)b > len)
		return -1;
	snprintf(out, size, "%.*s", (int)(b - a), s + a);
	return 1;
}

void rk_rx_free(struct rk_rx *rx)
{
	if (!rx)
		return;
	uregex_close(rx->re);
	utext_close(rx->text);
	free(rx->u16);
	free(rx);
}
