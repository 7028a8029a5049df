/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The factory: which reader a workbook needs, told by its content.  The
 * only file that knows every format; book.c knows none.
 */
#include "book_impl.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "formats.h"
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
