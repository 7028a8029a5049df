/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the ods reader.  An input that starts with "PK" is
 * a whole package; any other input is content.xml, packed with a
 * mimetype entry so that mutations reach the XML reader.
 */
#include <zip.h>

#include "fuzzbook.h"

static int pack(const char *path, const uint8_t *data, size_t size)
{
	static const char mime[] = "application/vnd.oasis.opendocument.spreadsheet";
	int zerr;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	zip_source_t *a, *b;

	if (!z)
		return -1;
	a = zip_source_buffer(z, mime, sizeof(mime) - 1, 0);
	b = zip_source_buffer(z, data, size, 0);
	if (!a || zip_file_add(z, "mimetype", a, 0) < 0 ||
	    !b || zip_file_add(z, "content.xml", b, 0) < 0) {
		zip_discard(z);
		return -1;
	}
	zip_set_file_compression(z, 0, ZIP_CM_STORE, 0);
	zip_set_file_compression(z, 1, ZIP_CM_STORE, 0);
	return zip_close(z) == 0 ? 0 : (zip_discard(z), -1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_path("ods");

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
