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

/*
 * The records of a CSV file a stage wrote (LF line ends), without parsing
 * its fields: a record ends at a line feed outside quotes, a quote toggles
 * "inside" (an escaped "" toggles twice), and an empty line is blank, as
 * csvr_next reports it.  Fields are not checked: the stages wrote them.
 * Sets *exact to 0 when the file holds a CR (a line end for the full
 * reader too) or ends inside quotes (malformed): the full reader then
 * counts, or says what is wrong.  Returns 0 or -1 with err set.
 */
static int count_records(FILE *f, const char *path, long *records, int *exact,
			 struct rk_error *err)
{
	char buf[1 << 16];
	int inq = 0;
	size_t len = 0;        /* bytes of the current line so far */
	size_t n;

	*records = 0;
	*exact = 1;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		const char *p = buf, *end = buf + n;

		if (memchr(buf, '\r', n)) {
			*exact = 0;
			return 0;
		}
		while (p < end) {
			const char *q, *nl, *stop;

			if (inq) {
				q = memchr(p, '"', (size_t)(end - p));
				if (!q)
					break;
				inq = 0;
				p = q + 1;
				continue;
			}
			nl = memchr(p, '\n', (size_t)(end - p));
			stop = nl ? nl : end;
			q = memchr(p, '"', (size_t)(stop - p));
			if (q) {           /* a quoted field: never blank */
				inq = 1;
				len += 2;
				p = q + 1;
				continue;
			}
			len += (size_t)(stop - p);
			if (!nl)
				break;
			if (len)
				(*records)++;
			len = 0;
			p = nl + 1;
		}
	}
	if (ferror(f))
		return rk_error_set(err, RK_EXIT_IOERR, path, 0,
				    "cannot read: %s", strerror(errno));
	if (len)
		(*records)++;
	if (inq)
		*exact = 0;
	return 0;
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
	if (!column) {
		long records;
		int exact;

		if (count_records(f, path, &records, &exact, err) < 0)
			goto out;
		if (exact) {
			t->rows = records > 0 ? records - 1 : 0;
			rc = 0;
			goto out;
		}
		rewind(f);      /* the full reader counts, or says what is wrong */
	}
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
