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

int cellref_parse(const char *s, long *col, long *row)
{
	char letters[4];
	size_t n = 0;
	long r = 0;

	if (*s == '$')
		s++;
	while (*s >= 'A' && *s <= 'Z' && n < 3)
		letters[n++] = *s++;
	letters[n] = '\0';
	if (*s == '$')
		s++;
	if (!n || *s < '1' || *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9' && r <= 1048576)
		r = r * 10 + (*s++ - '0');
	if (*s || r > 1048576 || (*col = cellref_col(letters)) < 0)
		return -1;
	*row = r;
	return 0;
}

int cellref_area(const char *s, long *r1, long *c1, long *r2, long *c2)
{
	const char *colon = strchr(s, ':');
	char a[16];
	size_t n;
	long t;

	if (!colon || (n = (size_t)(colon - s)) == 0 || n >= sizeof(a))
		return -1;
	memcpy(a, s, n);
	a[n] = '\0';
	if (cellref_parse(a, c1, r1) < 0 || cellref_parse(colon + 1, c2, r2) < 0)
		return -1;
	if (*r1 > *r2)
		t = *r1, *r1 = *r2, *r2 = t;
	if (*c1 > *c2)
		t = *c1, *c1 = *c2, *c2 = t;
	return 0;
}
