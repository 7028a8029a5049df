/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "value.h"

#include <string.h>

/* Length of a Unicode space at s (0 if none). */
static size_t space_len(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' ||
		       s[0] == '\n'))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;                      /* NBSP */
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	    ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xAF))
		return 3;                      /* U+2000–U+200B, U+202F */
	if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;                      /* U+3000 */
	return 0;
}

/* Length of a trailing Unicode space ending at s + n (0 if none). */
static size_t space_len_back(const unsigned char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++)
		if (space_len(s + n - k, k) == k)
			return k;
	return 0;
}

void value_trim(const char **s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = *len, k;

	/* the common case, a label or figure that starts with a letter or
	 * digit and ends in ASCII, has nothing to trim */
	if (n && p[0] > ' ' && p[0] < 0xC2 && p[n - 1] > ' ' && p[n - 1] < 0x80)
		return;

	while (n && (k = space_len(p, n)) > 0)
		p += k, n -= k;
	while (n && (k = space_len_back(p, n)) > 0)
		n -= k;
	*s = (const char *)p;
	*len = n;
}

/* A grouping mark: a space of any width or an apostrophe (', ’). */
static size_t group_mark_len(const unsigned char *s, size_t n)
{
	size_t k = space_len(s, n);

	if (k && s[0] != '\t' && s[0] != '\r' && s[0] != '\n')
		return k;
	if (n >= 1 && s[0] == '\'')
		return 1;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99)
		return 3;                      /* ’ */
	return 0;
}

/*
 * The number's characters reduced to a skeleton: digits kept, every mark
 * recorded as 'g' (grouping), ',' or '.', so the separator roles can be
 * decided on the whole.
 */
struct skeleton {
	char sign;
	char s[128];        /* digits and marks */
	size_t n;
};

static int minus_len(const unsigned char *p, size_t n)
{
	if (n >= 1 && p[0] == '-')
		return 1;
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92)
		return 3;                      /* U+2212 − */
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x93)
		return 3;                      /* U+2013 – used as minus */
	return 0;
}

static int skeletonise(const unsigned char *p, size_t n, struct skeleton *sk)
{
	size_t k;

	sk->sign = '+';
	sk->n = 0;
	if ((k = (size_t)minus_len(p, n)) > 0)
		sk->sign = '-', p += k, n -= k;
	else if (n && p[0] == '+')
		p++, n--;
	while (n) {
		char c;

		if (sk->n + 1 >= sizeof(sk->s))
			return -1;
		if (*p >= '0' && *p <= '9')
			c = (char)*p, k = 1;
		else if (*p == ',' || *p == '.')
			c = (char)*p, k = 1;
		else if ((k = group_mark_len(p, n)) > 0)
			c = 'g';
		else
			return -1;
		sk->s[sk->n++] = c;
		p += k, n -= k;
	}
	sk->s[sk->n] = '\0';
	return sk->n ? 0 : -1;
}

/* Which of ',' and '.' is the decimal mark ('\0' for none). */
static enum value_result decide_decimal(const struct skeleton *sk,
					enum value_decimal dec, char *mark)
{
	const char *lc = strrchr(sk->s, ','), *lp = strrchr(sk->s, '.');
	size_t after;

	*mark = '\0';
	if (dec == VALUE_DECIMAL_COMMA) {
		*mark = ',';
		return VALUE_OK;
	}
	if (dec == VALUE_DECIMAL_POINT) {
		*mark = '.';
		return VALUE_OK;
	}
	if (lc && lp) {
		*mark = lc > lp ? ',' : '.';
		return VALUE_OK;
	}
	if (!lc && !lp)
		return VALUE_OK;
	if (strchr(sk->s, lc ? ',' : '.') != (lc ? lc : lp))
		return VALUE_OK;               /* repeated: thousands */
	after = strlen((lc ? lc : lp) + 1);
	if (lc && after == 3 && !strchr(sk->s, 'g'))
		return VALUE_AMBIGUOUS;
	*mark = lc ? ',' : '.';
	return VALUE_OK;
}

/*
 * Checks the integer part's grouping (first group 1–3 digits, then groups
 * of exactly 3) and copies its digits to out.
 */
static int integer_part(const char *s, size_t n, char *out, size_t *o)
{
	size_t group = 0, groups = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			out[(*o)++] = s[i];
			group++;
			continue;
		}
		if (group == 0 || (groups == 0 && group > 3) ||
		    (groups > 0 && group != 3))
			return -1;
		groups++;
		group = 0;
	}
	if (group == 0 || (groups > 0 && group != 3))
		return -1;
	return 0;
}

static void canonicalise(char sign, const char *digits, size_t nint,
			 const char *frac, size_t nfrac, char *out)
{
	size_t o = 0;

	while (nint > 1 && *digits == '0')
		digits++, nint--;
	while (nfrac && frac[nfrac - 1] == '0')
		nfrac--;
	if (sign == '-' && !(nint == 1 && digits[0] == '0' && nfrac == 0))
		out[o++] = '-';
	memcpy(out + o, digits, nint);
	o += nint;
	if (nfrac) {
		out[o++] = '.';
		memcpy(out + o, frac, nfrac);
		o += nfrac;
	}
	out[o] = '\0';
}

/*
 * The common case, digits alone ("1234", "007"): written without leading
 * zeros, as the general path writes them.  0 when s holds anything else.
 */
static int plain_digits(const char *s, size_t n, char *out)
{
	size_t i = 0;

	for (size_t k = 0; k < n; k++)
		if (s[k] < '0' || s[k] > '9')
			return 0;
	while (i + 1 < n && s[i] == '0')
		i++;
	memcpy(out, s + i, n - i);
	out[n - i] = '\0';
	return 1;
}

enum value_result value_parse(const char *s, size_t len, enum value_decimal dec,
			      char *out)
{
	struct skeleton sk;
	char mark, ints[128];
	const char *dot = NULL;
	size_t nint = 0, lim;
	enum value_result r;

	value_trim(&s, &len);
	if (len == 0)
		return VALUE_EMPTY;
	if (len < sizeof(sk.s) && plain_digits(s, len, out))
		return VALUE_OK;
	if (skeletonise((const unsigned char *)s, len, &sk) < 0)
		return VALUE_NOT_A_NUMBER;
	r = decide_decimal(&sk, dec, &mark);
	if (r != VALUE_OK)
		return r;
	if (mark && (dot = strchr(sk.s, mark)) != NULL) {
		if (dot != strrchr(sk.s, mark) || !dot[1] ||
		    strspn(dot + 1, "0123456789") != strlen(dot + 1))
			return VALUE_NOT_A_NUMBER;
	}
	lim = dot ? (size_t)(dot - sk.s) : sk.n;
	if (lim == 0 && dot) {
		ints[nint++] = '0';            /* ",5" → 0.5 */
	} else {
		/* every mark left in the integer part is a grouping mark */
		for (size_t i = 0; i < lim; i++)
			if (sk.s[i] == ',' || sk.s[i] == '.')
				sk.s[i] = 'g';
		if (integer_part(sk.s, lim, ints, &nint) < 0)
			return VALUE_NOT_A_NUMBER;
	}
	canonicalise(sk.sign, ints, nint, dot ? dot + 1 : "",
		     dot ? strlen(dot + 1) : 0, out);
	return VALUE_OK;
}

/* Length of a superscript digit ending at s + n (UTF-8), or 0. */
static size_t superscript_back(const unsigned char *s, size_t n)
{
	if (n >= 2 && s[n - 2] == 0xC2 &&
	    (s[n - 1] == 0xB9 || s[n - 1] == 0xB2 || s[n - 1] == 0xB3))
		return 2;                      /* ¹ ² ³ */
	if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x81 &&
	    (s[n - 1] == 0xB0 || (s[n - 1] >= 0xB4 && s[n - 1] <= 0xB9)))
		return 3;                      /* ⁰ ⁴–⁹ */
	return 0;
}

/* Length of "(a)", "(12)", "[1]" ending at s + n, or 0. */
static size_t bracket_back(const char *s, size_t n)
{
	char close = n ? s[n - 1] : 0, open = close == ')' ? '(' : '[';
	size_t k;

	if (close != ')' && close != ']')
		return 0;
	for (k = 2; k <= 5 && k <= n; k++) {
		char c = s[n - k];

		if (c == open)
			return k > 2 ? k : 0;
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z')))
			return 0;
	}
	return 0;
}

size_t value_footnote_strip(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = len, k;

	if ((k = bracket_back(s, n)) > 0) {
		n -= k;
	} else if (n && s[n - 1] == '*') {
		while (n && s[n - 1] == '*')
			n--;
	} else if (superscript_back(u, n)) {
		while ((k = superscript_back(u, n)) > 0)
			n -= k;
	} else {
		return len;
	}
	while (n && (k = space_len_back(u, n)) > 0)
		n -= k;
	return n ? n : len;
}
