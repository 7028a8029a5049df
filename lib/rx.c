/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "rx.h"

#include <stdlib.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>

struct rk_rx {
	URegularExpression *re;
	UText *text;
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

int rk_rx_search(struct rk_rx *rx, const char *s, size_t len)
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

void rk_rx_free(struct rk_rx *rx)
{
	if (!rx)
		return;
	uregex_close(rx->re);
	utext_close(rx->text);
	free(rx);
}
