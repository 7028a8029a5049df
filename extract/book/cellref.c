/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cellref.h"

#include <string.h>

long cellref_col(const char *s)
{
	long col = 0;
	size_t n = strlen(s);

	if (n < 1 || n > 3)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < 'A' || s[i] > 'Z')
			return -1;
		col = col * 26 + (s[i] - 'A' + 1);
	}
	return col - 1 <= CELLREF_MAX_COL ? col - 1 : -1;
}

void cellref_letters(long col, char *buf)
{
	char tmp[4];
	size_t n = 0;

	col++;
	while (col > 0 && n < 3) {
		long r = (col - 1) % 26;

		tmp[n++] = (char)('A' + r);
		col = (col - 1) / 26;
	}
	for (size_t i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

int cellref_col_range(const char *s, long *first, long *last)
{
	const char *colon = strchr(s, ':');
	char a[8];
	size_t n;

	if (!colon || (n = (size_t)(colon - s)) == 0 || n >= sizeof(a))
		return -1;
	memcpy(a, s, n);
	a[n] = '\0';
	*first = cellref_col(a);
	*last = cellref_col(colon + 1);
	if (*first < 0 || *last < 0 || *first > *last)
		return -1;
	return 0;
}

int cellref_parse(const char *s, size_t n, long *row, long *col)
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
	    c > (CELLREF_MAX_COL + 1) || r < 1 || r > CELLREF_MAX_ROW)
		return -1;
	*row = r;
	*col = c - 1;
	return 0;
}

int cellref_area(const char *s, size_t n, long *r1, long *c1, long *r2,
		 long *c2)
{
	const char *colon = memchr(s, ':', n);
	long t;

	if (!colon) {
		if (cellref_parse(s, n, r1, c1) < 0)
			return -1;
		*r2 = *r1;
		*c2 = *c1;
		return 0;
	}
	if (cellref_parse(s, (size_t)(colon - s), r1, c1) < 0 ||
	    cellref_parse(colon + 1, n - (size_t)(colon - s) - 1, r2, c2) < 0)
		return -1;
	if (*r1 > *r2)
		t = *r1, *r1 = *r2, *r2 = t;
	if (*c1 > *c2)
		t = *c1, *c1 = *c2, *c2 = t;
	return 0;
}

size_t cellref_format(long row, long col, char *buf)
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
