/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_VALUE_H
#define RECKON_VALUE_H

#include <stddef.h>

/*
 * Numbers as agencies write them — "1 234,5", "1.234,5", "1,234.5",
 * "12'500", "−3" — turned into C-locale decimals ("1234.5").  Separators
 * recognised: space, NBSP, thin and narrow no-break spaces, apostrophes,
 * and dot or comma as the thousands separator when the other is decimal.
 * Groups after a thousands separator must have three digits.
 */

enum value_decimal {
	VALUE_DECIMAL_AUTO = 0,   /* both: the last is decimal; one comma
				     before exactly three digits is ambiguous */
	VALUE_DECIMAL_COMMA,
	VALUE_DECIMAL_POINT
};

enum value_result {
	VALUE_OK = 0,
	VALUE_EMPTY,              /* only whitespace */
	VALUE_NOT_A_NUMBER,
	VALUE_AMBIGUOUS           /* "1,234" under AUTO */
};

/*
 * Parses s[0..len) into out (NUL-terminated canonical form: no leading
 * zeros, no trailing fractional zeros, "-" only for non-zero values).
 * out must hold at least len + 2 bytes.  Leading and trailing whitespace
 * is ignored.
 */
enum value_result value_parse(const char *s, size_t len, enum value_decimal dec,
			      char *out);

/*
 * The length of s without a trailing footnote marker — "12*", "12**",
 * "12¹", "12 (a)", "12[1]" — and the spaces before it; len when there is
 * none.  The marker must follow something.
 */
size_t value_footnote_strip(const char *s, size_t len);

/* Trims Unicode spaces (ASCII, NBSP, U+2000–U+200B, U+202F, U+3000) from both ends. */
void value_trim(const char **s, size_t *len);

#endif
