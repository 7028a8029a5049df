/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Helpers for the workbook reader tests: write a zip of parts to a
 * temporary file, and read a workbook into its cells view as one string.
 */
#ifndef RECKON_TEST_BOOKFIX_H
#define RECKON_TEST_BOOKFIX_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "book/book.h"
#include "bookcells.h"
#include "tidy.h"

struct part {
	const char *name, *data;
	size_t len;                  /* 0: strlen(data) */
};

static char bookfix_paths[256][32];
static size_t bookfix_npaths;

static inline void bookfix_cleanup(void)
{
	for (size_t i = 0; i < bookfix_npaths; i++)
		unlink(bookfix_paths[i]);
}

/*
 * Writes the parts as a zip to a new temporary file, removed at exit;
 * returns its path (valid until exit).
 */
static inline const char *write_zip(const struct part *parts, size_t n)
{
	char *path;
	int fd, zerr;
	zip_t *z;

	if (bookfix_npaths == 256)
		return NULL;
	if (bookfix_npaths == 0)
		atexit(bookfix_cleanup);
	path = bookfix_paths[bookfix_npaths++];
	strcpy(path, "/tmp/reckon-test-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	close(fd);
	z = zip_open(path, ZIP_TRUNCATE, &zerr);
	if (!z)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t len = parts[i].len ? parts[i].len : strlen(parts[i].data);
		zip_source_t *src = zip_source_buffer(z, parts[i].data, len, 0);

		if (!src || zip_file_add(z, parts[i].name, src, ZIP_FL_ENC_UTF_8) < 0)
			return NULL;
	}
	return zip_close(z) == 0 ? path : NULL;
}

/*
 * The cells view of the workbook at path (malloc'd), or NULL with err set.
 * sheet as for bookcells_write.
 */
static inline char *cells_of(const char *path, const char *sheet,
			     struct rk_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	struct book *b = book_open(path, "book", err);
	struct tidy_writer *w = b ? tidy_writer_open(mem, "mem", err) : NULL;
	int rc = w ? bookcells_write(b, sheet, w, err) : -1;

	if (tidy_writer_close(w, rc < 0 ? NULL : err) < 0)
		rc = -1;
	book_close(b);
	fclose(mem);
	if (rc < 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Asserts that the workbook reads as want (the cells view without its header). */
#define assert_cells(path, want) \
	do { \
		struct rk_error e_ = { 0 }; \
		char *got_ = cells_of((path), NULL, &e_); \
		if (!got_) \
			fail_msg("cannot read: %s", e_.msg); \
		assert_string_equal(got_, "sheet,cell,type,value\n" want); \
		free(got_); \
	} while (0)

/* Asserts that reading fails with code and a message holding text. */
#define assert_read_fails(path, want_code, want_text) \
	do { \
		struct rk_error e_ = { 0 }; \
		char *got_ = cells_of((path), NULL, &e_); \
		assert_null(got_); \
		assert_int_equal(e_.code, (want_code)); \
		if (!strstr(e_.msg, (want_text))) \
			fail_msg("message '%s' lacks '%s'", e_.msg, (want_text)); \
	} while (0)

#endif
