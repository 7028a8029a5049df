/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the reader of filled data-entry templates (issue
 * 21, extract/template.c): the hidden metadata a filler's workbook brings
 * is outside input.  Each form is read and checked (template_form_read),
 * then written (template_form_write, which refuses a form with problems).  An input is split at its first two 0x00 bytes into
 * the metadata sheet, an entry sheet "S" and the shared strings, packed
 * with a fixed workbook, and read as the source "ngo" of a fixed pipeline
 * with no dimensions and no code lists (so that the seeds, made by
 * reckon-template from it, carry the right code-list version).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "fuzzpath.h"
#include "fuzzzip.h"

#include "book/book.h"
#include "config.h"
#include "template.h"
#include "tidy.h"

#define NS FUZZ_NS
#define REL FUZZ_REL

static const char workbook[] =
	"<workbook xmlns=\"" NS "\" xmlns:r=\"" REL "\"><workbookPr date1904=\"0\"/>"
	"<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
	"<sheet name=\"_reckon\" sheetId=\"2\" state=\"hidden\" r:id=\"rId4\"/>"
	"</sheets></workbook>";
static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId4\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
	"</Relationships>";
static const char config[] =
	"pipeline: forms\n"
	"period: {from: 2024-Q1, to: 2024-Q2, grain: quarter}\n"
	"dimensions: []\n"
	"sources:\n"
	"  - {id: ngo, file: f.xlsx, constants: {indicator: complaints}}\n";

static int pack(const char *path, const uint8_t *data, size_t size)
{
	const char *names[3] = { "xl/worksheets/sheet2.xml",
				 "xl/worksheets/sheet1.xml",
				 "xl/sharedStrings.xml" };
	const uint8_t *p = data, *end = data + size;
	zip_t *z = fuzz_zip_book(path, workbook, sizeof(workbook) - 1, rels,
				  sizeof(rels) - 1);

	if (!z)
		return -1;
	for (int k = 0; k < 3 && p <= end; k++) {
		const uint8_t *q = k < 2 ? memchr(p, 0, (size_t)(end - p)) : NULL;
		size_t n = q ? (size_t)(q - p) : (size_t)(end - p);

		if (k == 2 && n == 0)        /* no shared strings: an empty table */
			fuzz_zip_add(z, names[k], FUZZ_EMPTY_SST,
				     sizeof(FUZZ_EMPTY_SST) - 1);
		else
			fuzz_zip_add(z, names[k], p, n);
		p += n + 1;
	}
	return zip_close(z) == 0 ? 0 : (zip_discard(z), -1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rk_config *cfg;
	static FILE *sink;
	const char *path = fuzz_path("xlsx");
	struct rk_error err = { 0 };
	struct book *b;
	struct tidy_writer *w;
	char warning[256];
	int header = 0;

	if (!cfg && !(cfg = rk_config_load_data(config, sizeof(config) - 1,
						"fuzz.yaml", NULL)))
		abort();
	if (!sink)
		sink = fopen("/dev/null", "w");
	if (pack(path, data, size) < 0)
		return 0;
	if ((b = book_open(path, "fuzz", &err)) != NULL) {
		struct template_read r = {
			.cfg = cfg, .source_id = "ngo", .origin_name = "f.xlsx",
			.dims = NULL, .ndims = 0, .header_written = &header,
			.warning = warning, .warning_size = sizeof(warning),
		};
		struct template_form *f = NULL;
		const struct rk_error *why;

		if (template_is(b) && template_form_read(b, &r, &f, &err) == 0 &&
		    (w = tidy_writer_open(sink, "sink", &err))) {
			template_form_organisation(f);
			template_form_problems(f, &why);
			template_form_write(f, w, &err);
			tidy_writer_close(w, NULL);
		}
		template_form_free(f);
		book_close(b);
	}
	unlink(path);
	return 0;
}
