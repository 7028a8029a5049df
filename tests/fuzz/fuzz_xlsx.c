/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the xlsx reader.  An input that starts with "PK" is
 * a whole package.  Any other input is split at its first two 0x00 bytes
 * into a worksheet, shared strings and styles, packed with a fixed
 * workbook, so that mutations reach the XML readers instead of the zip
 * checks.
 */
#include <zip.h>

#include "fuzzbook.h"

#define NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char workbook[] =
	"<workbook xmlns=\"" NS "\" xmlns:r=\"" REL "\"><workbookPr date1904=\"0\"/>"
	"<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL "/styles\" Target=\"styles.xml\"/>"
	"</Relationships>";

static int add(zip_t *z, const char *name, const void *data, size_t len)
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

static int pack(const char *path, const uint8_t *data, size_t size)
{
	const char *names[3] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
				 "xl/styles.xml" };
	const uint8_t *p = data, *end = data + size;
	int zerr;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

	if (!z)
		return -1;
	add(z, "[Content_Types].xml", "<Types/>", 8);
	add(z, "xl/workbook.xml", workbook, sizeof(workbook) - 1);
	add(z, "xl/_rels/workbook.xml.rels", rels, sizeof(rels) - 1);
	for (int k = 0; k < 3 && p <= end; k++) {
		const uint8_t *q = k < 2 ? memchr(p, 0, (size_t)(end - p)) : NULL;
		size_t n = q ? (size_t)(q - p) : (size_t)(end - p);

		add(z, names[k], p, n);
		p += n + 1;
	}
	return zip_close(z) == 0 ? 0 : (zip_discard(z), -1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_path("xlsx");

	if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
		if (fuzz_write(path, data, size) < 0)
			return 0;
	} else if (pack(path, data, size) < 0) {
		return 0;
	}
	fuzz_read_book(path);
	unlink(path);
	return 0;
}
