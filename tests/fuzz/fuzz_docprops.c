/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for a workbook's document properties (book_props,
 * extract/book/docprops.c): when a member organisation's form says it was
 * saved is outside input.  Each input is read twice: as a W3CDTF
 * date-time by itself (docprops_time), and as the core properties part
 * docProps/core.xml of a fixed workbook (book_props).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zip.h>

#include "fuzzpath.h"
#include "fuzzzip.h"

#include "book/book.h"
#include "book/docprops.h"

#define NS FUZZ_NS
#define REL FUZZ_REL

static const char workbook[] =
	"<workbook xmlns=\"" NS "\" xmlns:r=\"" REL "\"><sheets>"
	"<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"</Relationships>";
static const char sheet[] = "<worksheet xmlns=\"" NS "\"><sheetData/></worksheet>";

static int pack(const char *path, const uint8_t *data, size_t size)
{
	zip_t *z = fuzz_zip_book(path, workbook, sizeof(workbook) - 1, rels,
				  sizeof(rels) - 1);

	if (!z)
		return -1;
	fuzz_zip_add(z, "xl/worksheets/sheet1.xml", sheet, sizeof(sheet) - 1);
	fuzz_zip_add(z, "docProps/core.xml", data, size);
	return zip_close(z) == 0 ? 0 : (zip_discard(z), -1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_path("xlsx");
	struct rk_error err = { 0 };
	struct book_props p;
	struct book *b;
	long long t;

	if (docprops_time((const char *)data, size, &t) == 0 &&
	    (size < 4 || t < -62135596800LL - 15 * 3600 ||
	     t > 253402300799LL + 15 * 3600))
		abort();     /* a date-time of years 1-9999, zone aside */
	if (pack(path, data, size) < 0)
		return 0;
	if ((b = book_open(path, "fuzz", &err)) != NULL) {
		if (book_props(b, &p, &err) < 0 && err.code != RK_EXIT_SOFTWARE)
			abort();     /* only running out of memory fails */
		book_close(b);
	}
	unlink(path);
	return 0;
}
