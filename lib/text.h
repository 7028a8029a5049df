/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_TEXT_H
#define RECKON_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "utf8.h"        /* rk_utf8_valid_prefix */

/*
 * A decoding reader: bytes of a text file in one of the supported encodings
 * in, UTF-8 out, in large chunks, with memory that does not grow with the
 * input.  Detection (RK_ENC_AUTO) looks at a BOM, then at whether the first
 * block is valid UTF-8, then chooses between windows-1251 and KOI8-R by
 * Russian letter frequencies.  A BOM is never part of the output.
 * windows-1252 and ISO-8859-1 are read when forced, never guessed.
 * A forced single-byte encoding that the detector finds implausible (KOI8-R
 * on a windows-1251 file, any of them on UTF-8) gives a warning, not an
 * error: rk_text_warning.
 * Invalid or undecodable bytes are an error naming the byte offset (0-based,
 * in the input) and the line (1-based).
 */
enum rk_encoding {
	RK_ENC_AUTO = 0,
	RK_ENC_UTF8,
	RK_ENC_UTF16LE,
	RK_ENC_UTF16BE,
	RK_ENC_CP1251,
	RK_ENC_KOI8R,
	RK_ENC_CP1252,
	RK_ENC_LATIN1
};

struct rk_text;

/*
 * Parses an encoding name as a user writes it ("utf-8", "UTF8",
 * "windows-1251", "cp1251", "koi8-r", "utf-16le", "windows-1252",
 * "cp1252", "iso-8859-1", "latin1", "auto", ...).
 * Returns 0 and sets *out, or -1 for an unknown name.
 */
int rk_encoding_parse(const char *name, enum rk_encoding *out);

/*
 * The canonical name: "utf-8", "utf-16le", "utf-16be", "windows-1251",
 * "koi8-r", "windows-1252", "iso-8859-1", "auto".
 */
const char *rk_encoding_name(enum rk_encoding enc);

/*
 * Opens a reader over f (not closed by the reader; the caller closes it
 * after rk_text_close).  name is how errors call the file.  enc is the
 * forced encoding or RK_ENC_AUTO.  Reads ahead as far as detection needs.
 * Returns NULL with err set on failure (read error: RK_EXIT_IOERR;
 * bad bytes found while detecting in a forced encoding are reported later,
 * by rk_text_next).
 */
struct rk_text *rk_text_open(FILE *f, const char *name, enum rk_encoding enc,
			     struct rk_error *err);

/*
 * "" or, when the encoding was forced and the first block reads more
 * plausibly in another, a warning naming the likely one ("the text does
 * not look like koi8-r but like windows-1251 ..."), without the file's
 * name.  Valid while t lives.  Modules do not print: the caller does.
 */
const char *rk_text_warning(const struct rk_text *t);

/* The encoding in use (the detected one when opened with RK_ENC_AUTO). */
enum rk_encoding rk_text_encoding(const struct rk_text *t);

/*
 * 1 once bytes failed to decode (the error then named the file, the line
 * and the byte offset), else 0: for callers whose remedy is not the
 * --encoding option the error's hint suggests.
 */
int rk_text_decode_failed(const struct rk_text *t);

/*
 * The next chunk of UTF-8 text.  *data is borrowed from the reader and
 * valid until the next call or rk_text_close.  Chunks may end inside a
 * UTF-8 sequence or a line; they are never empty.  Returns 1 with a chunk,
 * 0 at end of input, -1 with err set (RK_EXIT_DATAERR for invalid bytes,
 * RK_EXIT_IOERR for a read error).
 */
int rk_text_next(struct rk_text *t, const char **data, size_t *len,
		 struct rk_error *err);

/*
 * The first chunk that rk_text_next will return, without consuming it (up to
 * 64 KiB of decoded text, less if the input is shorter), for sniffing.
 * Returns 1, 0 for empty input, -1 with err set.
 */
int rk_text_peek(struct rk_text *t, const char **data, size_t *len,
		 struct rk_error *err);

/* Frees the reader; accepts NULL. */
void rk_text_close(struct rk_text *t);


#endif
