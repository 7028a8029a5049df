/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the xlsx reader.  An input that starts with "PK" is
 * a whole package.  Any other input is split at its first two 0x00 bytes
 * into a worksheet, shared strings and styles, packed with a fixed
 * workbook, so that mutations reach the XML readers instead of the zip
 * checks.
 */
#include <zip.h>

#include "fuzzzip.h"

#include "fuzzbook.h"

#define NS FUZZ_NS
#define REL FUZZ_REL

static const char workbook[] =
	"<workbook xmlns=\"" NS "\" xmlns:r=\"" REL "\"><workbookPr date1904=\"0\"/>"
	"<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL "/styles\" Target=\"styles.xml\"/>"
	"</Relationships>";

static int pack(const char *path, const uint8_t *data, size_t size)
{
	const char *names[3] = { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
				 "xl/styles.xml" };
	const uint8_t *p = data, *end = data + size;
	zip_t *z = fuzz_zip_book(path, workbook, sizeof(workbook) - 1, rels,
				  sizeof(rels) - 1);

	if (!z)
		return -1;
	for (int k = 0; k < 3 && p <= end; k++) {
		const uint8_t *q = k < 2 ? memchr(p, 0, (size_t)(end - p)) : NULL;
		size_t n = q ? (size_t)(q - p) : (size_t)(end - p);

		fuzz_zip_add(z, names[k], p, n);
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
