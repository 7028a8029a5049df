/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "text.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "bounds.h"
#include "utf8.h"

/*
 * Raw bytes are read RK_TEXT_BLOCK at a time: big enough to amortise the
 * read calls, small enough that the block and the caller's parse of it stay
 * in a core's L2 cache.  It must exceed RK_TEXT_SNIFF so that the first
 * chunk holds the whole detection window.
 */
#define RK_TEXT_BLOCK (256 * 1024)
#define RK_TEXT_SNIFF (64 * 1024)
#define UTF8_MAX 4

/* A single-byte code page as UTF-8 sequences; len 0 marks an undefined byte. */
struct sbcs_table {
	unsigned char utf8[256][4];
	unsigned char len[256];
};

struct rk_text {
	FILE *f;
	char *name;
	enum rk_encoding enc;
	int sniffed;            /* enc was guessed from the content */
	char warning[200];      /* rk_text_warning */
	int eof;                /* the last read hit the end of the input */
	int flushed;            /* the converter has been told that input ended */

	unsigned char *in;      /* raw input: in[pos..len) not yet decoded */
	size_t len;
	size_t pos;
	long long in_off;       /* input offset of in[0] */
	long lines;             /* LFs in the text handed out so far */
	unsigned long long max_bytes; /* of a pipe or device; 0: a file */

	char *out;              /* decoded chunk (all encodings but UTF-8) */
	size_t out_cap;
	UChar *ubuf;            /* UTF-16 between ICU's two halves */
	size_t ubuf_cap;
	UConverter *cnv;
	struct sbcs_table *table;

	int peeked;             /* the chunk below is pending for rk_text_next */
	const char *peek_data;
	size_t peek_len;
	int peek_ret;
	struct rk_error failure; /* code != 0 once decoding has failed */
};

static const struct {
	const char *name;
	enum rk_encoding enc;
} enc_names[] = {
	{ "auto", RK_ENC_AUTO },
	{ "utf-8", RK_ENC_UTF8 },
	{ "utf8", RK_ENC_UTF8 },
	{ "utf-16le", RK_ENC_UTF16LE },
	{ "utf16le", RK_ENC_UTF16LE },
	{ "utf-16be", RK_ENC_UTF16BE },
	{ "utf16be", RK_ENC_UTF16BE },
	{ "windows-1251", RK_ENC_CP1251 },
	{ "cp1251", RK_ENC_CP1251 },
	{ "cp-1251", RK_ENC_CP1251 },
	{ "win1251", RK_ENC_CP1251 },
	{ "win-1251", RK_ENC_CP1251 },
	{ "1251", RK_ENC_CP1251 },
	{ "koi8-r", RK_ENC_KOI8R },
	{ "koi8r", RK_ENC_KOI8R },
	{ "windows-1252", RK_ENC_CP1252 },
	{ "cp1252", RK_ENC_CP1252 },
	{ "cp-1252", RK_ENC_CP1252 },
	{ "win1252", RK_ENC_CP1252 },
	{ "1252", RK_ENC_CP1252 },
	{ "iso-8859-1", RK_ENC_LATIN1 },
	{ "iso8859-1", RK_ENC_LATIN1 },
	{ "iso_8859-1", RK_ENC_LATIN1 },
	{ "latin1", RK_ENC_LATIN1 },
	{ "latin-1", RK_ENC_LATIN1 },
};

int rk_encoding_parse(const char *name, enum rk_encoding *out)
{
	size_t i;

	if (!name)
		return -1;
	for (i = 0; i < sizeof(enc_names) / sizeof(enc_names[0]); i++) {
		if (strcasecmp(name, enc_names[i].name) == 0) {
			*out = enc_names[i].enc;
			return 0;
		}
	}
	return -1;
}

const char *rk_encoding_name(enum rk_encoding enc)
{
	switch (enc) {
	case RK_ENC_AUTO: return "auto";
	case RK_ENC_UTF8: return "utf-8";
	case RK_ENC_UTF16LE: return "utf-16le";
	case RK_ENC_UTF16BE: return "utf-16be";
	case RK_ENC_CP1251: return "windows-1251";
	case RK_ENC_KOI8R: return "koi8-r";
	case RK_ENC_CP1252: return "windows-1252";
	case RK_ENC_LATIN1: return "iso-8859-1";
	}
	return "unknown";
}

/* ICU's name for each encoding it decodes for us. */
static const char *icu_name(enum rk_encoding enc)
{
	switch (enc) {
	case RK_ENC_UTF16LE: return "UTF-16LE";
	case RK_ENC_UTF16BE: return "UTF-16BE";
	case RK_ENC_CP1251: return "windows-1251";
	case RK_ENC_KOI8R: return "KOI8-R";
	case RK_ENC_CP1252: return "windows-1252";
	case RK_ENC_LATIN1: return "ISO-8859-1";
	default: return NULL;
	}
}

/* ---- line counting ------------------------------------------------------ */

/* The number of LF bytes in s[0..n). */
static long count_lf(const unsigned char *s, size_t n)
{
	const uint64_t lf = 0x0A0A0A0A0A0A0A0AULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
	uint64_t acc, w, z;
	long total = 0;
	size_t i = 0, k;

	while (i + 8 <= n) {
		acc = 0;
		/* 255 rounds at most, so that no byte of acc overflows */
		for (k = 0; k < 255 && i + 8 <= n; k++, i += 8) {
			w = rk_load64(s + i) ^ lf;
			z = ~(((w & low7) + low7) | w) & RK_UTF8_HIGH_BITS;
			acc += z >> 7;
		}
		total += (long)((acc * 0x0101010101010101ULL) >> 56);
	}
	for (; i < n; i++)
		total += s[i] == '\n';
	return total;
}

/* ---- errors ------------------------------------------------------------- */

static int read_failed(struct rk_text *t, struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_IOERR, t->name, 0, "cannot read the input: %s",
		     strerror(errno ? errno : EIO));
	return -1;
}

/* An endless pipe or device (/dev/zero, yes) ends here, not in memory. */
static int too_long(struct rk_text *t, struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, t->name, t->lines + 1,
		     "input longer than %llu MiB and not a regular file",
		     t->max_bytes >> 20);
	rk_error_hint(err, "check what feeds it; to read more from a pipe, "
			   "set RECKON_MAX_STREAM (e.g. 64G)");
	return -1;
}

/* A zip or OLE2 container given where text is read. */
static int not_text(struct rk_text *t, struct rk_error *err)
{
	static const unsigned char ole2[8] = { 0xD0, 0xCF, 0x11, 0xE0,
					       0xA1, 0xB1, 0x1A, 0xE1 };

	if (!(t->len >= 4 && memcmp(t->in, "PK\003\004", 4) == 0) &&
	    !(t->len >= 8 && memcmp(t->in, ole2, 8) == 0))
		return 0;
	rk_error_set(err, RK_EXIT_DATAERR, t->name, 0,
		     "a workbook or zip file (xlsx, xls, ods), not text");
	rk_error_hint(err, "workbooks are read by reckon-extract, from a file "
			   "(not a pipe); this reads CSV text");
	return -1;
}

/*
 * Records a decoding failure on the line after lines_before LFs of the
 * current chunk.  The message is already in err; this adds the place and
 * keeps a copy, so that later calls fail the same way.
 */
static int decode_failed(struct rk_text *t, struct rk_error *err,
			 long lines_before)
{
	err->code = RK_EXIT_DATAERR;
	snprintf(err->file, sizeof(err->file), "%s", t->name);
	err->line = t->lines + lines_before + 1;
	t->failure = *err;
	return -1;
}

static int bad_utf8(struct rk_text *t, size_t at, int cut_off,
		    struct rk_error *err)
{
	long long off = t->in_off + (long long)at;

	if (cut_off)
		rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
			     "incomplete UTF-8 character 0x%02X at the end of "
			     "the input, byte offset %lld", t->in[at], off);
	else
		rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
			     "invalid UTF-8 byte 0x%02X at byte offset %lld",
			     t->in[at], off);
	if (t->sniffed)
		rk_error_hint(err, "the file starts as UTF-8 but is not UTF-8 "
			      "throughout; give its encoding with --encoding "
			      "(e.g. windows-1251)");
	else
		rk_error_hint(err, "the file is not UTF-8; give its encoding "
			      "with --encoding (e.g. windows-1251)");
	return decode_failed(t, err, count_lf(t->in, at));
}

static void undecodable_hint(struct rk_text *t, struct rk_error *err)
{
	if (t->sniffed)
		rk_error_hint(err, "the encoding was guessed as %s; give the "
			      "right one with --encoding",
			      rk_encoding_name(t->enc));
	else
		rk_error_hint(err, "the file is not %s; give its encoding with "
			      "--encoding (utf-8, utf-16le, utf-16be, "
			      "windows-1251, koi8-r, windows-1252 or "
			      "iso-8859-1)", rk_encoding_name(t->enc));
}

/* ---- reading ------------------------------------------------------------ */

/*
 * Moves the undecoded tail to the front of the buffer and tops the buffer
 * up from the file.  Returns 0, or -1 with err set on a read error.
 */
static int fill(struct rk_text *t, struct rk_error *err)
{
	size_t got;

	if (t->pos > 0) {
		memmove(t->in, t->in + t->pos, t->len - t->pos);
		t->len -= t->pos;
		t->in_off += (long long)t->pos;
		t->pos = 0;
	}
	if (t->eof || t->len == RK_TEXT_BLOCK)
		return 0;
	errno = 0;
	got = fread(t->in + t->len, 1, RK_TEXT_BLOCK - t->len, t->f);
	t->len += got;
	if (t->max_bytes && (unsigned long long)t->in_off + t->len > t->max_bytes)
		return too_long(t, err);
	if (t->len < RK_TEXT_BLOCK) {
		if (ferror(t->f))
			return read_failed(t, err);
		t->eof = 1;
	}
	return 0;
}

/* ---- UTF-8: validate in place ------------------------------------------- */

static int next_utf8(struct rk_text *t, const char **data, size_t *len,
		     struct rk_error *err)
{
	size_t n, ok;
	int unfinished;

	if (fill(t, err) < 0)
		return -1;
	n = t->len;
	if (n == 0)
		return 0;
	ok = rk_utf8_valid_prefix((const char *)t->in, n);
	if (ok < n) {
		unfinished = rk_utf8_unfinished(t->in + ok, n - ok);
		if (t->eof || !unfinished)
			return bad_utf8(t, ok, unfinished, err);
	}
	/* ok > 0: a full block holds more than one unfinished sequence */
	t->pos = ok;
	*data = (const char *)t->in;
	*len = ok;
	return 1;
}

/* ---- single-byte code pages: a table built from ICU --------------------- */

/* Whether ICU's mapping of a byte is one we accept as text. */
static int usable_mapping(UChar u)
{
	/*
	 * ICU maps bytes that windows-1251 leaves undefined (0x98) to the C1
	 * control with the same number; C1 controls are never text.
	 */
	return !(u >= 0x80 && u <= 0x9F) && !U16_IS_SURROGATE(u);
}

/*
 * Decodes the bytes from..255 in one call, until ICU stops at an undefined
 * byte, into map; returns the byte to go on from.
 */
static int map_run(UConverter *cnv, int from, UChar map[256])
{
	UErrorCode st = U_ZERO_ERROR;
	char bytes[256];
	UChar u[256];
	int32_t offsets[256];
	const char *src;
	UChar *dst = u;
	int b, k, n;

	for (b = 0; b < 256; b++)
		bytes[b] = (char)b;
	src = bytes + from;
	ucnv_resetToUnicode(cnv);
	ucnv_toUnicode(cnv, &dst, u + 256, &src, bytes + 256, offsets, 1, &st);
	n = (int)(dst - u);
	for (k = 0; k < n; k++) {
		/* a byte that gave two units (none should) stays undefined */
		if ((k > 0 && offsets[k - 1] == offsets[k]) ||
		    (k + 1 < n && offsets[k + 1] == offsets[k]))
			continue;
		if (offsets[k] >= 0 && usable_mapping(u[k]))
			map[from + offsets[k]] = u[k];
	}
	b = (int)(src - bytes);
	return b > from ? b : from + 1;
}

/* Fills map[b] with ICU's decoding of each byte b, 0 where undefined. */
static int sbcs_map(enum rk_encoding enc, UChar map[256], struct rk_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cnv;
	int b;

	cnv = ucnv_open(icu_name(enc), &st);
	if (U_SUCCESS(st))
		ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL,
				    NULL, &st);
	if (U_FAILURE(st)) {
		ucnv_close(cnv);
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "cannot open the ICU converter for %s: %s",
				    rk_encoding_name(enc), u_errorName(st));
	}
	memset(map, 0, 256 * sizeof(map[0]));
	for (b = 0; b < 256; b = map_run(cnv, b, map))
		;
	map[0] = 0;     /* NUL decodes to U+0000, which the map uses for "none" */
	ucnv_close(cnv);
	return 0;
}

static unsigned char utf8_encode(UChar u, unsigned char *s)
{
	if (u < 0x80) {
		s[0] = (unsigned char)u;
		return 1;
	}
	if (u < 0x800) {
		s[0] = (unsigned char)(0xC0 | (u >> 6));
		s[1] = (unsigned char)(0x80 | (u & 0x3F));
		return 2;
	}
	s[0] = (unsigned char)(0xE0 | (u >> 12));
	s[1] = (unsigned char)(0x80 | ((u >> 6) & 0x3F));
	s[2] = (unsigned char)(0x80 | (u & 0x3F));
	return 3;
}

static int sbcs_build(struct rk_text *t, struct rk_error *err)
{
	UChar map[256];
	int b;

	if (sbcs_map(t->enc, map, err) < 0)
		return -1;
	for (b = 0; b < 256; b++) {
		if (b < 0x80 && b != 0 && map[b] != b)
			return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					    "ICU's %s is not ASCII-compatible",
					    rk_encoding_name(t->enc));
		if (b == 0 || map[b])
			t->table->len[b] = utf8_encode(map[b], t->table->utf8[b]);
	}
	return 0;
}

static int bad_sbcs(struct rk_text *t, size_t at, const char *out,
		    size_t out_len, struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
		     "byte 0x%02X cannot be decoded as %s at byte offset %lld",
		     t->in[at], rk_encoding_name(t->enc),
		     t->in_off + (long long)at);
	undecodable_hint(t, err);
	return decode_failed(t, err,
			     count_lf((const unsigned char *)out, out_len));
}

static int next_sbcs(struct rk_text *t, const char **data, size_t *len,
		     struct rk_error *err)
{
	const struct sbcs_table *tab = t->table;
	const unsigned char *in;
	unsigned char *out = (unsigned char *)t->out;
	size_t i = 0, o = 0, n;
	unsigned char b;

	if (fill(t, err) < 0)
		return -1;
	in = t->in;
	n = t->len;
	if (n == 0)
		return 0;
	while (i < n) {
		while (i + 8 <= n && !(rk_load64(in + i) & RK_UTF8_HIGH_BITS)) {
			memcpy(out + o, in + i, 8);
			i += 8;
			o += 8;
		}
		for (; i < n && (b = in[i]) >= 0x80; i++) {
			if (!tab->len[b])
				return bad_sbcs(t, i, t->out, o, err);
			memcpy(out + o, tab->utf8[b], 4);
			o += tab->len[b];
		}
		for (; i < n && in[i] < 0x80; i++)
			out[o++] = in[i];
	}
	t->pos = n;
	*data = t->out;
	*len = o;
	return 1;
}

/* ---- UTF-16: ICU to UTF-16, then to UTF-8 ------------------------------- */

static int bad_utf16(struct rk_text *t, size_t consumed, size_t units,
		     struct rk_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	char bytes[32];
	int8_t n = sizeof(bytes);
	long lines = 0;
	size_t i;

	ucnv_getInvalidChars(t->cnv, bytes, &n, &st);
	if (U_FAILURE(st) || n < 1)
		n = 1;
	for (i = 0; i < units; i++)
		lines += t->ubuf[i] == '\n';
	if (n == 1)
		rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
			     "byte 0x%02X cannot be decoded as %s at byte "
			     "offset %lld", (unsigned char)bytes[0],
			     rk_encoding_name(t->enc),
			     t->in_off + (long long)consumed - n);
	else
		rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
			     "bytes 0x%02X 0x%02X cannot be decoded as %s at "
			     "byte offset %lld", (unsigned char)bytes[0],
			     (unsigned char)bytes[1], rk_encoding_name(t->enc),
			     t->in_off + (long long)consumed - n);
	undecodable_hint(t, err);
	return decode_failed(t, err, lines);
}

/* Converts the buffered input to UTF-16 in t->ubuf; sets *units. */
static int to_utf16(struct rk_text *t, size_t *units, struct rk_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	const char *src = (const char *)t->in;
	UChar *dst = t->ubuf;

	ucnv_toUnicode(t->cnv, &dst, t->ubuf + t->ubuf_cap, &src,
		       (const char *)t->in + t->len, NULL, (UBool)t->eof, &st);
	*units = (size_t)(dst - t->ubuf);
	t->pos = (size_t)(src - (const char *)t->in);
	if (t->eof && t->pos == t->len)
		t->flushed = 1;
	if (U_FAILURE(st) && st != U_BUFFER_OVERFLOW_ERROR)
		return bad_utf16(t, t->pos, *units, err);
	return 0;
}

static int next_utf16(struct rk_text *t, const char **data, size_t *len,
		      struct rk_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	size_t units = 0;
	int32_t out_len;

	while (units == 0) {
		if (t->flushed)
			return 0;
		if (fill(t, err) < 0 || to_utf16(t, &units, err) < 0)
			return -1;
	}
	u_strToUTF8(t->out, (int32_t)t->out_cap, &out_len, t->ubuf,
		    (int32_t)units, &st);
	if (U_FAILURE(st))
		return rk_error_set(err, RK_EXIT_SOFTWARE, t->name, 0,
				    "cannot convert UTF-16 to UTF-8: %s",
				    u_errorName(st));
	*data = t->out;
	*len = (size_t)out_len;
	return 1;
}

/* ---- detection ---------------------------------------------------------- */

/*
 * Whether the first bytes are UTF-8: the window may end inside a sequence
 * when more input follows, as long as the bytes after it complete it.
 */
static int looks_utf8(const unsigned char *s, size_t n, int eof)
{
	size_t win = n < RK_TEXT_SNIFF ? n : RK_TEXT_SNIFF;
	size_t ok = rk_utf8_valid_prefix((const char *)s, win);
	size_t rest;

	if (ok == win)
		return 1;
	if (win == n)
		return !eof && rk_utf8_unfinished(s + ok, n - ok);
	/* only a sequence cut by the window's end can be valid at ok */
	rest = n - ok < UTF8_MAX ? n - ok : UTF8_MAX;
	return rk_utf8_valid_prefix((const char *)s + ok, rest) > 0;
}

/*
 * Russian letter-pair costs, -log2 P(next letter | letter) rounded and
 * capped at 10 ("a"), for the letters а..я with ё after е, and "_" for a
 * word boundary.  Counted, case folded, over the Russian message
 * translations of a Debian system (about 250,000 words; words are Cyrillic
 * letter runs) with add-one-half smoothing.  Row = first letter.
 */
static const char pair_cost[34][35] = {
	"a65655964945453a54538976588aaaa752", /* а */
	"3aaa84aaa5a43a53a37a4a66aa553aaa86", /* б */
	"2a7a93aaa4a5475385675a7aa99a3aaa83", /* в */
	"498664aaa3aa5642a38a4aaaaaaaaaaaa4", /* г */
	"2a69528794a63853656a5a9a99aa6aaa95", /* д */
	"985657a6776544376343aa97787aaaaaa2", /* е */
	"aa897aa88a98651aa462aa7aaaaaaaaaa3", /* ё */
	"47aa328aa2a6a928aa8a6aaaaaaaaaaaa7", /* ж */
	"284a46aaa5a78343a68a4aaaaaaa5aaa54", /* з */
	"755664a9555554486544a67667aaaaa643", /* и */
	"aaaa59aaaaa72877a944aaaa99aaaaaaa1", /* й */
	"2a8aa5a9a3aa4a72a5545aa5aaaaaa9aa4", /* к */
	"37a9a386a3a78a53aa8a6aaa7aaa63a534", /* л */
	"375aa29aa4a995636a8a6aaaaaaa4aaa43", /* м */
	"3aa8529a92a7aa43aa6567a99aaa38aa65", /* н */
	"a43545a5575434575444aa9866aaaaaa83", /* о */
	"3aaaa3aaa4a86a8272884aa8aaaa7aaa86", /* п */
	"2a6692a5a4a7a65397664a7aa7aa5aaa74", /* р */
	"577a94a8a4a4477447525a7a88aa64aa44", /* с */
	"3a5aa3aaa3a58953934a6aaa8aaa63aaa3", /* т */
	"767634a56a64545a4534a79a585aaa94a3", /* у */
	"1aaaa5aaa3aa59a3a59746aaaaaaa9aaa8", /* ф */
	"5a6aa5aaa4aaa962a4797aaaaaaaaa9aa1", /* х */
	"4a6aa2aaa1a6aaa67a9a6aaaaaaa4aaaa4", /* ц */
	"3aaaa25aa2a58a37aaa48aaaa9aaa8aaa5", /* ч */
	"3a8aa26aa1a46a46a6777aaaaaaaa8aaa5", /* ш */
	"3aaaa15aa2aaaa9aaaaa6aaaaaaaa5aaa9", /* щ */
	"aaaaa05aaaaaaaaaaaaaaaaaaaaaaaaa4a", /* ъ */
	"a64963aa7a2654aa5574aa3a77aaaaaaa2", /* ы */
	"aaaaa9aa3aa5a93aaa56aaa8a6aaaaa681", /* ь */
	"aa878aaa9a73265a7661a69aa4aaaaaaa7", /* э */
	"a7aa8aa7aaa9a98aa783aaaa2a2aaaa8a1", /* ю */
	"aa6a75aa6aaa966aa784aa78aa8aaaa670", /* я */
	"653747a954a475343535558868aaaa6a8a", /* _ */
};

#define BOUNDARY 33
#define CASE_COST 6     /* a capital after a small letter inside a word */
#define FOREIGN_COST 2  /* a non-Russian letter or sign */
#define GRAPHIC_COST 8  /* box drawing and the like: not in a data file */

struct sniff_state {
	long cost;
	int prev;           /* letter index or BOUNDARY */
	int prev_small;
};

/* The letter index of a Russian letter (ё after е), or -1; sets *small. */
static int russian_letter(UChar u, int *small)
{
	*small = (u >= 0x430 && u <= 0x44F) || u == 0x451;
	if (u == 0x401 || u == 0x451)
		return 6;
	if (u >= 0x410 && u <= 0x44F) {
		u = (UChar)((u - 0x410) % 32);
		return u + (u >= 6);
	}
	return -1;
}

static int pair(int a, int b)
{
	char c = pair_cost[a][b];

	return c <= '9' ? c - '0' : c - 'a' + 10;
}

static void sniff_char(struct sniff_state *s, UChar u)
{
	int small, letter = russian_letter(u, &small);

	if (letter >= 0) {
		s->cost += pair(s->prev, letter);
		if (s->prev != BOUNDARY && s->prev_small && !small)
			s->cost += CASE_COST;
		s->prev = letter;
		s->prev_small = small;
		return;
	}
	if (u == 0 || (u >= 0x2300 && u <= 0x25FF))
		s->cost += GRAPHIC_COST;
	else if (u >= 0x80)
		s->cost += FOREIGN_COST;
	if (s->prev != BOUNDARY)
		s->cost += pair(s->prev, BOUNDARY);
	s->prev = BOUNDARY;
}

/* How unlike Russian the bytes read in this code page are. */
static long sniff_cost(const unsigned char *s, size_t n, const UChar map[256])
{
	struct sniff_state st = { 0, BOUNDARY, 0 };
	size_t i;

	for (i = 0; i < n; i++)
		sniff_char(&st, s[i] < 0x80 ? (UChar)s[i] : map[s[i]]);
	sniff_char(&st, ' ');
	return st.cost;
}

static int guess_cyrillic(const unsigned char *s, size_t n,
			  enum rk_encoding *enc, struct rk_error *err)
{
	UChar cp1251[256], koi8r[256];

	if (n > RK_TEXT_SNIFF)
		n = RK_TEXT_SNIFF;
	if (sbcs_map(RK_ENC_CP1251, cp1251, err) < 0 ||
	    sbcs_map(RK_ENC_KOI8R, koi8r, err) < 0)
		return -1;
	/* a tie goes to windows-1251, by far the more common today */
	if (sniff_cost(s, n, cp1251) <= sniff_cost(s, n, koi8r))
		*enc = RK_ENC_CP1251;
	else
		*enc = RK_ENC_KOI8R;
	return 0;
}

static int has_prefix(const struct rk_text *t, const char *bom, size_t n)
{
	return t->len >= n && memcmp(t->in, bom, n) == 0;
}

/* The BOM length that enc takes at the start of the input, or 0. */
static size_t bom_length(const struct rk_text *t, enum rk_encoding enc)
{
	if ((enc == RK_ENC_UTF8 || enc == RK_ENC_AUTO) &&
	    has_prefix(t, "\xEF\xBB\xBF", 3))
		return 3;
	if ((enc == RK_ENC_UTF16LE || enc == RK_ENC_AUTO) &&
	    has_prefix(t, "\xFF\xFE", 2))
		return 2;
	if ((enc == RK_ENC_UTF16BE || enc == RK_ENC_AUTO) &&
	    has_prefix(t, "\xFE\xFF", 2))
		return 2;
	return 0;
}

static int has_high_bytes(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x80)
			return 1;
	return 0;
}

/*
 * A forced single-byte encoding checked against what detection would say:
 * UTF-8, or the other Cyrillic code page.  Only a warning: the user may
 * know better (a file of names, not Russian prose).
 */
static int check_forced(struct rk_text *t, struct rk_error *err)
{
	enum rk_encoding likely = t->enc;
	int single = t->enc == RK_ENC_CP1251 || t->enc == RK_ENC_KOI8R ||
		     t->enc == RK_ENC_CP1252 || t->enc == RK_ENC_LATIN1;
	size_t n = t->len < RK_TEXT_SNIFF ? t->len : RK_TEXT_SNIFF;

	if (!single || !has_high_bytes(t->in, n))
		return 0;
	if (looks_utf8(t->in, t->len, t->eof))
		likely = RK_ENC_UTF8;
	else if ((t->enc == RK_ENC_CP1251 || t->enc == RK_ENC_KOI8R) &&
		 guess_cyrillic(t->in, t->len, &likely, err) < 0)
		return -1;
	if (likely != t->enc)
		snprintf(t->warning, sizeof(t->warning),
			 "the text does not look like the forced encoding %s "
			 "but like %s: check the encoding given",
			 rk_encoding_name(t->enc), rk_encoding_name(likely));
	return 0;
}

static int detect(struct rk_text *t, struct rk_error *err)
{
	t->pos = bom_length(t, t->enc);
	if (t->enc != RK_ENC_AUTO)
		return check_forced(t, err);
	if (t->pos == 3)
		t->enc = RK_ENC_UTF8;
	else if (t->pos == 2)
		t->enc = t->in[0] == 0xFF ? RK_ENC_UTF16LE : RK_ENC_UTF16BE;
	else {
		t->sniffed = 1;
		if (looks_utf8(t->in, t->len, t->eof))
			t->enc = RK_ENC_UTF8;
		else if (guess_cyrillic(t->in, t->len, &t->enc, err) < 0)
			return -1;
	}
	return 0;
}

/* ---- the reader --------------------------------------------------------- */

/* The most input bytes one chunk decodes: a short input needs less. */
static size_t most_input(const struct rk_text *t)
{
	return t->eof ? t->len : RK_TEXT_BLOCK;
}

static int open_converter(struct rk_text *t, struct rk_error *err)
{
	UErrorCode st = U_ZERO_ERROR;

	t->cnv = ucnv_open(icu_name(t->enc), &st);
	if (U_SUCCESS(st))
		ucnv_setToUCallBack(t->cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL,
				    NULL, &st);
	if (U_FAILURE(st))
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "cannot open the ICU converter for %s: %s",
				    rk_encoding_name(t->enc), u_errorName(st));
	/* one UTF-16 unit for every two bytes, plus one held by ICU */
	t->ubuf_cap = most_input(t) / 2 + 2;
	t->ubuf = malloc(t->ubuf_cap * sizeof(UChar));
	t->out_cap = t->ubuf_cap * 3;
	t->out = malloc(t->out_cap);
	return 0;
}

static int open_decoder(struct rk_text *t, struct rk_error *err)
{
	switch (t->enc) {
	case RK_ENC_UTF8:
		return 0;
	case RK_ENC_CP1251:
	case RK_ENC_KOI8R:
	case RK_ENC_CP1252:
	case RK_ENC_LATIN1:
		/* up to 3 UTF-8 bytes a byte, and a 4-byte store at the end */
		t->out_cap = most_input(t) * 3 + 1;
		t->out = malloc(t->out_cap);
		t->table = calloc(1, sizeof(*t->table));
		if (!t->out || !t->table)
			break;
		return sbcs_build(t, err);
	default:
		if (open_converter(t, err) < 0)
			return -1;
		if (!t->out || !t->ubuf)
			break;
		return 0;
	}
	return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
}

struct rk_text *rk_text_open(FILE *f, const char *name, enum rk_encoding enc,
			     struct rk_error *err)
{
	struct rk_text *t = calloc(1, sizeof(*t));
	struct stat st;

	if (!t) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	t->f = f;
	t->enc = enc;
	t->name = strdup(name ? name : "");
	t->in = malloc(RK_TEXT_BLOCK);
	if (!t->name || !t->in) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		goto fail;
	}
	if (fstat(fileno(f), &st) == 0 && !S_ISREG(st.st_mode))
		t->max_bytes = rk_bound_stream();
	if (fill(t, err) < 0 || not_text(t, err) < 0 || detect(t, err) < 0 ||
	    open_decoder(t, err) < 0)
		goto fail;
	return t;
fail:
	if (err && !err->file[0] && name)
		snprintf(err->file, sizeof(err->file), "%s", name);
	rk_text_close(t);
	return NULL;
}

enum rk_encoding rk_text_encoding(const struct rk_text *t)
{
	return t->enc;
}

const char *rk_text_warning(const struct rk_text *t)
{
	return t->warning;
}

int rk_text_decode_failed(const struct rk_text *t)
{
	return t->failure.code != 0;
}

static int decode_next(struct rk_text *t, const char **data, size_t *len,
		       struct rk_error *err)
{
	int r;

	if (t->failure.code) {
		*err = t->failure;
		return -1;
	}
	switch (t->enc) {
	case RK_ENC_UTF8:
		r = next_utf8(t, data, len, err);
		break;
	case RK_ENC_CP1251:
	case RK_ENC_KOI8R:
	case RK_ENC_CP1252:
	case RK_ENC_LATIN1:
		r = next_sbcs(t, data, len, err);
		break;
	default:
		r = next_utf16(t, data, len, err);
		break;
	}
	if (r == 1)
		t->lines += count_lf((const unsigned char *)*data, *len);
	return r;
}

int rk_text_peek(struct rk_text *t, const char **data, size_t *len,
		 struct rk_error *err)
{
	struct rk_error dropped;

	if (!err)
		err = &dropped;
	if (!t->peeked) {
		t->peek_ret = decode_next(t, &t->peek_data, &t->peek_len, err);
		if (t->peek_ret < 0)
			return -1;
		t->peeked = 1;
	}
	*data = t->peek_data;
	*len = t->peek_len;
	return t->peek_ret;
}

int rk_text_next(struct rk_text *t, const char **data, size_t *len,
		 struct rk_error *err)
{
	struct rk_error dropped;

	if (t->peeked) {
		t->peeked = 0;
		*data = t->peek_data;
		*len = t->peek_len;
		return t->peek_ret;
	}
	return decode_next(t, data, len, err ? err : &dropped);
}

void rk_text_close(struct rk_text *t)
{
	if (!t)
		return;
	if (t->cnv)
		ucnv_close(t->cnv);
	free(t->table);
	free(t->ubuf);
	free(t->out);
	free(t->in);
	free(t->name);
	free(t);
}
