/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for XLSForm exports (issue 21 item 4, extract/kobo.c):
 * both the form definition and its export are outside input.  An input is
 * split at its first three 0x00 bytes into the survey sheet, the choices
 * sheet and the shared strings of the form (packed with a fixed workbook)
 * and the export as CSV, read as the source "ngo" of a fixed pipeline.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "fuzzzip.h"

#include "config.h"
#include "kobo.h"

#define NS FUZZ_NS
#define REL FUZZ_REL

static const char workbook[] =
	"<workbook xmlns=\"" NS "\" xmlns:r=\"" REL "\"><workbookPr date1904=\"0\"/>"
	"<sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/>"
	"<sheet name=\"choices\" sheetId=\"2\" r:id=\"rId3\"/>"
	"</sheets></workbook>";
static const char rels[] =
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
	"</Relationships>";
static const char config[] =
	"pipeline: forms\n"
	"period: {from: 2024-Q1, to: 2024-Q2, grain: quarter}\n"
	"dimensions: [region, sex]\n"
	"sources:\n"
	"  - {id: ngo, file: e.csv, constants: {indicator: complaints},\n"
	"     layout: {xlsform: f.xlsx}}\n";

/* Packs the form; *rest is the export. */
static int pack(const char *path, const uint8_t *data, size_t size,
		const uint8_t **rest, size_t *nrest)
{
	const char *names[3] = { "xl/worksheets/sheet1.xml",
				 "xl/worksheets/sheet2.xml",
				 "xl/sharedStrings.xml" };
	const uint8_t *p = data, *end = data + size;
	zip_t *z = fuzz_zip_book(path, workbook, sizeof(workbook) - 1, rels,
				  sizeof(rels) - 1);

	if (!z)
		return -1;
	for (int k = 0; k < 3; k++) {
		const uint8_t *q = p < end ? memchr(p, 0, (size_t)(end - p)) : NULL;
		size_t n = q ? (size_t)(q - p) : (size_t)(end - p);

		if (k == 2 && n == 0)
			fuzz_zip_add(z, names[k], FUZZ_EMPTY_SST,
				     sizeof(FUZZ_EMPTY_SST) - 1);
		else
			fuzz_zip_add(z, names[k], p, n);
		p = q ? q + 1 : end;
	}
	*rest = p;
	*nrest = (size_t)(end - p);
	return zip_close(z) == 0 ? 0 : (zip_discard(z), -1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rk_config *cfg;
	static FILE *sink;
	static char path[128];
	static char *const dims[] = { "region", "sex" };
	struct rk_error err = { 0 };
	const uint8_t *rest;
	size_t nrest;
	struct tidy_writer *w;
	struct template_cases *cases = NULL;
	struct csvsrc_opts csv = { 0 };
	char warning[512];
	int header = 0;
	FILE *in;

	if (!cfg && !(cfg = rk_config_load_data(config, sizeof(config) - 1,
						"fuzz.yaml", NULL)))
		abort();
	if (!sink)
		sink = fopen("/dev/null", "w");
	if (!path[0])
		snprintf(path, sizeof(path), "%s/reckon-fuzz-%ld.xlsx",
			 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp",
			 (long)getpid());
	if (pack(path, data, size, &rest, &nrest) < 0)
		return 0;
	if ((in = fmemopen((void *)rest, nrest ? nrest : 1, "rb")) != NULL &&
	    (w = tidy_writer_open(sink, "sink", &err)) != NULL) {
		struct template_read r = {
			.cfg = cfg, .source_id = "ngo", .origin_name = "e.csv",
			.dims = dims, .ndims = 2, .header_written = &header,
			.cases = &cases, .warning = warning,
			.warning_size = sizeof(warning),
		};
		struct kobo_read k = {
			.xlsform = path, .path = "e.csv", .name = "e.csv",
			.in = in, .csv = &csv, .indicator = "complaints",
		};

		if (nrest && kobo_extract(&k, &r, w, &err) == 0 && cases)
			template_cases_flush(cases, &r, w, NULL, &err);
		template_cases_free(cases);
		tidy_writer_close(w, NULL);
	}
	if (in)
		fclose(in);
	unlink(path);
	return 0;
}
