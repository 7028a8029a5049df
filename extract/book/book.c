/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "book_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmlzip.h"

enum format { FORMAT_UNKNOWN, FORMAT_XLSX, FORMAT_ODS, FORMAT_XLS };

static const unsigned char ole2_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0,
					     0xA1, 0xB1, 0x1A, 0xE1 };

/* Which reader a zip needs: its members tell, not the file name. */
static enum format zip_format(const char *path, const char *name)
{
	struct rk_error ignored = { 0 };
	struct xmlzip *z = xmlzip_open(path, name, &ignored);
	enum format f = FORMAT_UNKNOWN;

	if (!z)
		return FORMAT_XLSX;     /* its reader says what is wrong */
	if (xmlzip_find(z, "[Content_Types].xml") >= 0 ||
	    xmlzip_find(z, "xl/workbook.xml") >= 0)
		f = FORMAT_XLSX;
	else if (xmlzip_find(z, "content.xml") >= 0)
		f = FORMAT_ODS;
	xmlzip_close(z);
	return f;
}

static int sniff(const char *path, const char *name, enum format *f,
		 struct rk_error *err)
{
	unsigned char head[8] = { 0 };
	FILE *in = fopen(path, "rb");
	size_t n;

	if (!in) {
		rk_error_set(err, RK_EXIT_NOINPUT, name, 0, "cannot open: %s",
			     strerror(errno));
		rk_error_hint(err, "check the path");
		return -1;
	}
	n = fread(head, 1, sizeof(head), in);
	fclose(in);
	*f = FORMAT_UNKNOWN;
	if (n == 8 && memcmp(head, ole2_magic, 8) == 0)
		*f = FORMAT_XLS;
	else if (n >= 4 && memcmp(head, "PK\003\004", 4) == 0)
		*f = zip_format(path, name);
	if (*f != FORMAT_UNKNOWN)
		return 0;
	rk_error_set(err, RK_EXIT_DATAERR, name, 0,
		     n == 0 ? "empty file" : "not a spreadsheet reckon can read");
	rk_error_hint(err, "reckon reads xlsx, xlsm, xls and ods workbooks; "
			   "for text files give a .csv, .tsv or .txt name");
	return -1;
}

struct book *book_open(const char *path, const char *name, struct rk_error *err)
{
	struct book *b = NULL;
	enum format f;

	if (sniff(path, name, &f, err) < 0)
		return NULL;
	if (f == FORMAT_XLSX)
		b = xlsx_book_open(path, name, err);
	else if (f == FORMAT_ODS)
		b = ods_book_open(path, name, err);
	else
		b = xls_book_open(path, name, err);
	if (!b)
		return NULL;
	b->name = strdup(name);
	if (!b->name) {
		book_close(b);
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	return b;
}

size_t book_sheet_count(const struct book *b)
{
	return b->nsheets;
}

const char *book_sheet_name(const struct book *b, size_t i)
{
	return i < b->nsheets ? b->sheets[i] : NULL;
}

long book_find_sheet(const struct book *b, const char *name)
{
	char *end;
	long k;

	for (size_t i = 0; i < b->nsheets; i++)
		if (strcmp(b->sheets[i], name) == 0)
			return (long)i;
	k = strtol(name, &end, 10);
	if (*name >= '1' && *name <= '9' && !*end && k >= 1 &&
	    (size_t)k <= b->nsheets)
		return k - 1;
	return -1;
}

struct sheet *book_sheet_open(struct book *b, size_t i, struct rk_error *err)
{
	if (i >= b->nsheets) {
		rk_error_set(err, RK_EXIT_SOFTWARE, b->name, 0,
			     "sheet %zu out of range", i + 1);
		return NULL;
	}
	return b->ops->sheet_open(b, i, err);
}

const struct sheet_range *sheet_merges(const struct sheet *s, size_t *n)
{
	*n = s->nmerges;
	return s->merges;
}

int sheet_next_row(struct sheet *s, struct sheet_row *row, struct rk_error *err)
{
	return s->ops->next_row(s, row, err);
}

void sheet_close(struct sheet *s)
{
	if (!s)
		return;
	free(s->merges);
	s->merges = NULL;
	s->ops->sheet_close(s);
}

void book_close(struct book *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nsheets; i++)
		free(b->sheets[i]);
	free(b->sheets);
	free(b->name);
	b->sheets = NULL;
	b->name = NULL;
	b->ops->close(b);
}
