/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tally.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "csvread.h"
#include "text.h"

static long find_column(const struct csvr_row *row, const char *column)
{
	for (size_t i = 0; column && i < row->n; i++)
		if (strcmp(row->field[i], column) == 0)
			return (long)i;
	return -1;
}

static int count(struct csvr *r, const char *column, const char *value,
		 struct tally *t, struct rk_error *err)
{
	struct csvr_row row;
	long col = -1;
	int rc, header = 1;

	while ((rc = csvr_next(r, &row, err)) == 1) {
		if (row.n == 0)
			continue;
		if (header) {
			col = find_column(&row, column);
			header = 0;
			continue;
		}
		t->rows++;
		if (col >= 0 && (size_t)col < row.n &&
		    strcmp(row.field[col], value) == 0)
			t->matches++;
	}
	return rc;
}

int tally_csv(const char *path, const char *column, const char *value,
	      struct tally *t, struct rk_error *err)
{
	FILE *f = fopen(path, "rb");
	struct rk_text *text = NULL;
	struct csvr *r = NULL;
	int rc = -1;

	t->rows = t->matches = 0;
	if (!f)
		return rk_error_set(err, RK_EXIT_NOINPUT, path, 0,
				    "cannot open: %s", strerror(errno));
	text = rk_text_open(f, path, RK_ENC_UTF8, err);
	if (!text)
		goto out;
	r = csvr_open(text, ',', path, err);
	if (!r)
		goto out;
	rc = count(r, column, value, t, err);
out:
	csvr_close(r);
	rk_text_close(text);
	fclose(f);
	return rc;
}
