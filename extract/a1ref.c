/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "a1ref.h"

#include <string.h>

#include "cellref.h"

int a1ref_parse(const char *s, size_t n, long *row, long *col)
{
	size_t i = 0, letters = 0, digits = 0;
	long c = 0, r = 0;

	if (i < n && s[i] == '$')
		i++;
	for (; i < n && letters < 4; i++, letters++) {
		char ch = s[i];

		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (ch < 'A' || ch > 'Z')
			break;
		c = c * 26 + (ch - 'A' + 1);
	}
	if (i < n && s[i] == '$')
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9' && digits < 8; i++, digits++)
		r = r * 10 + (s[i] - '0');
	if (i != n || letters < 1 || letters > 3 || digits < 1 ||
	    c > A1REF_MAX_COL || r < 1 || r > A1REF_MAX_ROW)
		return -1;
	*row = r;
	*col = c - 1;
	return 0;
}

int a1ref_range(const char *s, size_t n, long *r1, long *c1, long *r2,
		long *c2)
{
	const char *colon = memchr(s, ':', n);
	long t;

	if (!colon) {
		if (a1ref_parse(s, n, r1, c1) < 0)
			return -1;
		*r2 = *r1;
		*c2 = *c1;
		return 0;
	}
	if (a1ref_parse(s, (size_t)(colon - s), r1, c1) < 0 ||
	    a1ref_parse(colon + 1, n - (size_t)(colon - s) - 1, r2, c2) < 0)
		return -1;
	if (*r1 > *r2)
		t = *r1, *r1 = *r2, *r2 = t;
	if (*c1 > *c2)
		t = *c1, *c1 = *c2, *c2 = t;
	return 0;
}

size_t a1ref_format(long row, long col, char *buf)
{
	char digits[24];
	size_t n = 0, k = 0;

	cellref_letters(col, buf);
	n = strlen(buf);
	do {
		digits[k++] = (char)('0' + row % 10);
		row /= 10;
	} while (row > 0 && k < sizeof(digits));
	while (k)
		buf[n++] = digits[--k];
	buf[n] = '\0';
	return n;
}
