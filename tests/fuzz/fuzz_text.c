/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the decoding reader (lib/text.c).  Each input is read
 * with RK_ENC_AUTO, and again, less its first byte, in an encoding that the
 * first byte picks; with bits 0x18 of that byte set, the second reading comes
 * after a block of padding so that the bytes straddle the reader's internal
 * block end.  The validator is checked against ICU's U8_NEXT.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "text.h"

/* The reader's internal block (RK_TEXT_BLOCK in lib/text.c). */
#define READER_BLOCK (256 * 1024)

static const enum rk_encoding forced[] = {
	RK_ENC_UTF8, RK_ENC_UTF16LE, RK_ENC_UTF16BE, RK_ENC_CP1251,
	RK_ENC_KOI8R, RK_ENC_AUTO
};

/* The valid UTF-8 prefix as ICU sees it: the reference for the validator. */
static size_t icu_valid_prefix(const uint8_t *s, size_t n)
{
	size_t i = 0, start;
	UChar32 c;

	while (i < n) {
		start = i;
		U8_NEXT(s, i, n, c);
		if (c < 0)
			return start;
	}
	return n;
}

static void check_validator(const uint8_t *data, size_t size)
{
	if (rk_utf8_valid_prefix((const char *)data, size) !=
	    icu_valid_prefix(data, size))
		abort();
}

/*
 * Whether a chunk is valid UTF-8 (this reader ends chunks at character
 * ends).  Only the last CHECK_TAIL bytes are checked: the padding before
 * them is plain ASCII, and instrumented byte loops over it are slow.
 */
#define CHECK_TAIL 4096

static int chunk_valid(const uint8_t *s, size_t len)
{
	size_t from = len > CHECK_TAIL ? len - CHECK_TAIL : 0;

	while (from < len && (s[from] & 0xC0) == 0x80)
		from++;
	return icu_valid_prefix(s + from, len - from) == len - from;
}

/* Checks one chunk; in UTF-8 it must also be the input, unchanged. */
static void check_chunk(const char *chunk, size_t len, enum rk_encoding enc,
			const uint8_t *in, size_t in_len, size_t *done)
{
	if (len == 0 || !chunk_valid((const uint8_t *)chunk, len))
		abort();
	if (enc != RK_ENC_UTF8)
		return;
	if (*done + len > in_len || memcmp(chunk, in + *done, len) != 0)
		abort();
	*done += len;
}

static void check_error(const struct rk_error *err)
{
	if (err->code != RK_EXIT_DATAERR && err->code != RK_EXIT_IOERR)
		abort();
	if (!err->msg[0] || (err->code == RK_EXIT_DATAERR && err->line < 1))
		abort();
}

static void read_all(const uint8_t *data, size_t size, enum rk_encoding enc,
		     int peek)
{
	struct rk_error err;
	struct rk_text *t = NULL;
	const char *chunk;
	size_t len, done = 0, bom = 0;
	int r;
	FILE *f = fmemopen((void *)data, size, "r");

	if (!f)
		return;
	t = rk_text_open(f, "fuzz", enc, &err);
	if (!t) {
		check_error(&err);
		goto out;
	}
	enc = rk_text_encoding(t);
	if (enc == RK_ENC_UTF8 && size >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		bom = 3;
	if (peek && rk_text_peek(t, &chunk, &len, &err) < 0)
		check_error(&err);
	while ((r = rk_text_next(t, &chunk, &len, &err)) == 1)
		check_chunk(chunk, len, enc, data + bom, size - bom, &done);
	if (r < 0)
		check_error(&err);
	else if (enc == RK_ENC_UTF8 && done != size - bom)
		abort();
out:
	rk_text_close(t);
	fclose(f);
}

/* Lines of ASCII, made once: an instrumented loop per input is slow. */
static const uint8_t *padding(void)
{
	static uint8_t pad[READER_BLOCK];
	size_t i;

	if (!pad[0]) {
		for (i = 0; i < READER_BLOCK; i++)
			pad[i] = (i % 64 == 63) ? '\n' : 'x';
	}
	return pad;
}

/* data after a block of padding that pushes it across the block end. */
static void read_padded(const uint8_t *data, size_t size, enum rk_encoding enc,
			size_t short_by)
{
	size_t pad = READER_BLOCK - short_by;
	uint8_t *buf = malloc(pad + size);

	if (!buf)
		return;
	memcpy(buf, padding(), pad);
	memcpy(buf + pad, data, size);
	read_all(buf, pad + size, enc, 0);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum rk_encoding enc;

	check_validator(data, size);
	read_all(data, size, RK_ENC_AUTO, size > 0 && (data[0] & 0x20));
	if (size == 0)
		return 0;
	enc = forced[data[0] % (sizeof(forced) / sizeof(forced[0]))];
	if ((data[0] & 0x18) == 0x18)
		read_padded(data + 1, size - 1, enc, (size_t)(data[0] >> 5));
	else
		read_all(data + 1, size - 1, enc, data[0] & 0x40);
	return 0;
}
