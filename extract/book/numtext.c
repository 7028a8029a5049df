/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "numtext.h"

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

size_t numtext_canonical(const char *v, size_t n)
{
	size_t i = v[0] == '-' ? 1 : 0, start = i, keep, sig = 0, lead = 0;

	if (i >= n || !digit(v[i]) || (v[i] == '0' && i + 1 < n && digit(v[i + 1])))
		return 0;
	for (; i < n && digit(v[i]); i++)
		if (sig || v[i] != '0')
			sig++;
	keep = i;                          /* the integer part */
	if (i < n && v[i] == '.') {
		size_t frac = ++i;

		for (; i < n && digit(v[i]); i++) {
			if (sig || v[i] != '0')
				sig++;
			else
				lead++;         /* zeros before the first digit */
			if (v[i] != '0')
				keep = i + 1;
		}
		if (i == frac)
			return 0;
	}
	if (i != n || sig > 15 || (sig && lead >= 6))
		return 0;                  /* below 1e-6 the form has an exponent */
	if (sig == 0 && start == 1)
		return 0;                  /* -0 is written 0 */
	return keep;
}
