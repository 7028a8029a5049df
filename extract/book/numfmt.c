/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The shortest significant digits of |x| that round-trip, and the exponent. */
static void shortest_digits(double x, char *digits, int *exp10)
{
	char tmp[NUMFMT_MAX];

	for (int p = 0; p < 17; p++) {
		snprintf(tmp, sizeof(tmp), "%.*e", p, fabs(x));
		if (strtod(tmp, NULL) == fabs(x) || p == 16)
			break;
	}
	/* tmp is d[.ddd]e±XX */
	{
		char *e = strchr(tmp, 'e');
		size_t n = 0;

		*exp10 = atoi(e + 1);
		for (char *c = tmp; c < e; c++)
			if (*c != '.')
				digits[n++] = *c;
		while (n > 1 && digits[n - 1] == '0')
			n--;
		digits[n] = '\0';
	}
}

static void positional(const char *d, int e, char *out)
{
	size_t n = strlen(d), o = 0;

	if (e < 0) {
		out[o++] = '0';
		out[o++] = '.';
		for (int i = -1; i > e; i--)
			out[o++] = '0';
		memcpy(out + o, d, n);
		o += n;
	} else {
		for (size_t i = 0; i <= (size_t)e; i++)
			out[o++] = i < n ? d[i] : '0';
		out[o++] = '.';
		if ((size_t)e + 1 < n) {
			memcpy(out + o, d + e + 1, n - (size_t)e - 1);
			o += n - (size_t)e - 1;
		} else {
			out[o++] = '0';
		}
	}
	out[o] = '\0';
}

void numfmt_shortest(double x, char *buf)
{
	char digits[NUMFMT_MAX], *out = buf;
	int e;
	double ax = fabs(x);

	if (isnan(x)) {
		strcpy(buf, "nan");
		return;
	}
	if (isinf(x)) {
		strcpy(buf, x < 0 ? "-inf" : "inf");
		return;
	}
	if (x == floor(x) && ax < 9007199254740992.0) {
		snprintf(buf, NUMFMT_MAX, "%.0f", ax);
		if (x < 0 && ax != 0) {
			memmove(buf + 1, buf, strlen(buf) + 1);
			buf[0] = '-';
		}
		return;
	}
	if (x < 0)
		*out++ = '-';
	shortest_digits(x, digits, &e);
	if (ax >= 1e-6 && ax < 1e16) {
		positional(digits, e, out);
		return;
	}
	{
		size_t n = strlen(digits), o = 0;

		out[o++] = digits[0];
		if (n > 1) {
			out[o++] = '.';
			memcpy(out + o, digits + 1, n - 1);
			o += n - 1;
		}
		out[o++] = 'e';
		out[o++] = e < 0 ? '-' : '+';
		e = abs(e);
		if (e >= 100)
			out[o++] = (char)('0' + e / 100);
		out[o++] = (char)('0' + e / 10 % 10);
		out[o++] = (char)('0' + e % 10);
		out[o] = '\0';
	}
}
