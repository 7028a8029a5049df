/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Shared by the fuzz targets that pack their input into an xlsx package:
 * a stored (uncompressed) part, and a package begun with its workbook and
 * relationships, so that mutations reach the XML readers instead of the
 * zip checks.
 */
#ifndef RECKON_FUZZZIP_H
#define RECKON_FUZZZIP_H

#include <stddef.h>
#include <zip.h>

#define FUZZ_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define FUZZ_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define FUZZ_EMPTY_SST "<sst xmlns=\"" FUZZ_NS "\"/>"

static int fuzz_zip_add(zip_t *z, const char *name, const void *data,
			size_t len)
{
	zip_source_t *src = zip_source_buffer(z, data, len, 0);
	zip_int64_t i;

	if (!src)
		return -1;
	i = zip_file_add(z, name, src, ZIP_FL_OVERWRITE);
	if (i < 0) {
		zip_source_free(src);
		return -1;
	}
	zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
	return 0;
}

/* A package at path with its content types, workbook and its rels. */
static zip_t *fuzz_zip_book(const char *path, const char *workbook,
			    size_t nworkbook, const char *rels, size_t nrels)
{
	int zerr;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

	if (!z)
		return NULL;
	fuzz_zip_add(z, "[Content_Types].xml", "<Types/>", 8);
	fuzz_zip_add(z, "xl/workbook.xml", workbook, nworkbook);
	fuzz_zip_add(z, "xl/_rels/workbook.xml.rels", rels, nrels);
	return z;
}

#endif
