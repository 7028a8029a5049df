/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unicode/ucnv.h>

#include "text.h"

/* Larger than the reader's internal block (256 KiB). */
#define BIG (600 * 1024)
#define BLOCK (256 * 1024)

/* A read-only stream over a copy of the bytes (tmpfile: works for 0 bytes). */
static FILE *stream(const void *bytes, size_t n)
{
	FILE *f = tmpfile();

	assert_non_null(f);
	if (n)
		assert_int_equal(fwrite(bytes, 1, n, f), n);
	rewind(f);
	return f;
}

struct decoded {
	char *text;
	size_t len;
	int rc;             /* the last return of rk_text_next */
	int chunks;
	enum rk_encoding enc;
	struct rk_error err;
};

/* Reads everything from bytes[0..n) opened with enc. */
static struct decoded decode(const void *bytes, size_t n, enum rk_encoding enc)
{
	struct decoded d = { 0 };
	struct rk_text *t;
	const char *chunk;
	size_t len;
	FILE *f = stream(bytes, n);

	t = rk_text_open(f, "in.csv", enc, &d.err);
	assert_non_null(t);
	d.enc = rk_text_encoding(t);
	while ((d.rc = rk_text_next(t, &chunk, &len, &d.err)) == 1) {
		assert_true(len > 0);
		d.text = realloc(d.text, d.len + len + 1);
		assert_non_null(d.text);
		memcpy(d.text + d.len, chunk, len);
		d.len += len;
		d.chunks++;
	}
	if (!d.text)
		d.text = calloc(1, 1);
	d.text[d.len] = '\0';
	rk_text_close(t);
	fclose(f);
	return d;
}

/* s (UTF-8) in the ICU code page cp; the caller frees. */
static char *encode(const char *s, const char *cp, size_t *n)
{
	UErrorCode st = U_ZERO_ERROR;
	size_t cap = strlen(s) * 4 + 8;
	char *out = malloc(cap);

	assert_non_null(out);
	*n = (size_t)ucnv_convert(cp, "UTF-8", out, (int32_t)cap, s,
				  (int32_t)strlen(s), &st);
	assert_false(U_FAILURE(st));
	return out;
}

/* Decodes s after encoding it in cp; checks the text and the encoding. */
static void assert_round_trip(const char *s, const char *cp,
			      enum rk_encoding open_as, enum rk_encoding want)
{
	size_t n;
	char *bytes = encode(s, cp, &n);
	struct decoded d = decode(bytes, n, open_as);

	assert_int_equal(d.rc, 0);
	assert_string_equal(d.text, s);
	assert_int_equal(d.len, strlen(s));
	if (d.enc != want)
		fail_msg("'%s' in %s read as %s", s, cp, rk_encoding_name(d.enc));
	free(d.text);
	free(bytes);
}

static const char russian[] =
	"Регион;Жалобы;Период\nг. Душанбе;12;2023\n"
	"Хатлонская область;7;2023\nёжик съел щуку\n";

/* ---- names -------------------------------------------------------------- */

static void test_encoding_parse(void **state)
{
	static const struct {
		const char *name;
		enum rk_encoding enc;
	} ok[] = {
		{ "utf-8", RK_ENC_UTF8 }, { "UTF8", RK_ENC_UTF8 },
		{ "Utf-16LE", RK_ENC_UTF16LE }, { "utf16le", RK_ENC_UTF16LE },
		{ "UTF-16BE", RK_ENC_UTF16BE }, { "windows-1251", RK_ENC_CP1251 },
		{ "CP1251", RK_ENC_CP1251 }, { "win1251", RK_ENC_CP1251 },
		{ "1251", RK_ENC_CP1251 }, { "KOI8-R", RK_ENC_KOI8R },
		{ "koi8r", RK_ENC_KOI8R }, { "Auto", RK_ENC_AUTO },
	};
	enum rk_encoding enc = RK_ENC_UTF8;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(rk_encoding_parse(ok[i].name, &enc), 0);
		assert_int_equal(enc, ok[i].enc);
	}
	assert_int_equal(rk_encoding_parse("latin2", &enc), -1);
	assert_int_equal(rk_encoding_parse("", &enc), -1);
	assert_int_equal(rk_encoding_parse("utf-8 ", &enc), -1);
}

static void test_encoding_name(void **state)
{
	(void)state;
	assert_string_equal(rk_encoding_name(RK_ENC_AUTO), "auto");
	assert_string_equal(rk_encoding_name(RK_ENC_UTF8), "utf-8");
	assert_string_equal(rk_encoding_name(RK_ENC_UTF16LE), "utf-16le");
	assert_string_equal(rk_encoding_name(RK_ENC_UTF16BE), "utf-16be");
	assert_string_equal(rk_encoding_name(RK_ENC_CP1251), "windows-1251");
	assert_string_equal(rk_encoding_name(RK_ENC_KOI8R), "koi8-r");
}

/* ---- round trips -------------------------------------------------------- */

static void test_utf8_round_trip(void **state)
{
	(void)state;
	assert_round_trip(russian, "UTF-8", RK_ENC_AUTO, RK_ENC_UTF8);
	assert_round_trip(russian, "UTF-8", RK_ENC_UTF8, RK_ENC_UTF8);
	assert_round_trip("plain ascii\r\n1;2\n", "UTF-8", RK_ENC_AUTO,
			  RK_ENC_UTF8);
}

static void test_cp1251_round_trip(void **state)
{
	(void)state;
	assert_round_trip(russian, "windows-1251", RK_ENC_CP1251, RK_ENC_CP1251);
	assert_round_trip(russian, "windows-1251", RK_ENC_AUTO, RK_ENC_CP1251);
	assert_round_trip("«Итого» — 5 № 3 €\n", "windows-1251", RK_ENC_AUTO,
			  RK_ENC_CP1251);
}

static void test_koi8r_round_trip(void **state)
{
	(void)state;
	assert_round_trip(russian, "KOI8-R", RK_ENC_KOI8R, RK_ENC_KOI8R);
	assert_round_trip(russian, "KOI8-R", RK_ENC_AUTO, RK_ENC_KOI8R);
}

/* Issue 18: Western European files, read when forced. */
static void test_latin_round_trip(void **state)
{
	static const char french[] = "Région;Année;Total\nÎle-de-France;"
				     "2024;12\nCôte d'Azur;2023;7 €\n";
	enum rk_encoding e;

	(void)state;
	assert_round_trip(french, "windows-1252", RK_ENC_CP1252,
			  RK_ENC_CP1252);
	assert_round_trip("Région;Année\n", "ISO-8859-1", RK_ENC_LATIN1,
			  RK_ENC_LATIN1);
	assert_int_equal(rk_encoding_parse("Windows-1252", &e), 0);
	assert_int_equal(e, RK_ENC_CP1252);
	assert_int_equal(rk_encoding_parse("ISO-8859-1", &e), 0);
	assert_int_equal(e, RK_ENC_LATIN1);
	assert_int_equal(rk_encoding_parse("latin1", &e), 0);
	assert_string_equal(rk_encoding_name(RK_ENC_LATIN1), "iso-8859-1");
	assert_string_equal(rk_encoding_name(RK_ENC_CP1252), "windows-1252");
}

/* Issue 18: a quoted cell is cut between characters, never inside one. */
static void test_utf8_cut(void **state)
{
	(void)state;
	assert_int_equal(rk_utf8_cut("abc", 64), 3);
	assert_int_equal(rk_utf8_cut("abcdef", 4), 4);
	assert_int_equal(rk_utf8_cut("жжж", 3), 2);    /* not 1.5 letters */
	assert_int_equal(rk_utf8_cut("жжж", 4), 4);
	assert_int_equal(rk_utf8_cut("a€b", 3), 1);    /* € is 3 bytes */
	assert_int_equal(rk_utf8_cut("", 0), 0);
}

/* The warning of a text opened with enc over bytes, "" when none. */
static void assert_warning(const void *bytes, size_t n, enum rk_encoding enc,
			   const char *want)
{
	struct rk_error err = { 0 };
	FILE *f = stream(bytes, n);
	struct rk_text *t = rk_text_open(f, "in.csv", enc, &err);

	assert_non_null(t);
	assert_string_equal(rk_text_warning(t), want);
	rk_text_close(t);
	fclose(f);
}

/* Issue 18: koi8-r forced on a windows-1251 file gave mojibake silently. */
static void test_forced_implausible(void **state)
{
	size_t n;
	char *cp1251 = encode(russian, "windows-1251", &n);

	(void)state;
	assert_warning(cp1251, n, RK_ENC_KOI8R, "the text does not look like "
		       "the forced encoding koi8-r but like windows-1251: "
		       "check the encoding given");
	assert_warning(cp1251, n, RK_ENC_CP1251, "");
	assert_warning(russian, strlen(russian), RK_ENC_CP1252, "the text "
		       "does not look like the forced encoding windows-1252 "
		       "but like utf-8: check the encoding given");
	assert_warning("a;b\n", 4, RK_ENC_KOI8R, "");
	free(cp1251);
}

/* s in cp after a BOM, read with RK_ENC_AUTO. */
static void assert_bom_round_trip(const char *s, const char *cp,
				  const char *bom, enum rk_encoding want)
{
	size_t n, b = strlen(bom);
	char *bytes = encode(s, cp, &n);
	char *all = malloc(n + b);
	struct decoded d;

	assert_non_null(all);
	memcpy(all, bom, b);
	memcpy(all + b, bytes, n);
	d = decode(all, n + b, RK_ENC_AUTO);
	assert_int_equal(d.rc, 0);
	assert_int_equal(d.enc, want);
	assert_string_equal(d.text, s);
	free(d.text);
	free(all);
	free(bytes);
}

static void test_utf16_round_trip(void **state)
{
	(void)state;
	assert_bom_round_trip(russian, "UTF-16LE", "\xFF\xFE", RK_ENC_UTF16LE);
	assert_bom_round_trip(russian, "UTF-16BE", "\xFE\xFF", RK_ENC_UTF16BE);
	assert_bom_round_trip(russian, "UTF-8", "\xEF\xBB\xBF", RK_ENC_UTF8);
	assert_round_trip(russian, "UTF-16LE", RK_ENC_UTF16LE, RK_ENC_UTF16LE);
	assert_round_trip(russian, "UTF-16BE", RK_ENC_UTF16BE, RK_ENC_UTF16BE);
	assert_round_trip("emoji \xF0\x9F\x98\x80 ok\n", "UTF-16LE",
			  RK_ENC_UTF16LE, RK_ENC_UTF16LE);
}

/* ---- BOMs --------------------------------------------------------------- */

static void assert_bom_stripped(const char *bytes, size_t n,
				enum rk_encoding open_as, enum rk_encoding want)
{
	struct decoded d = decode(bytes, n, open_as);

	assert_int_equal(d.rc, 0);
	assert_int_equal(d.enc, want);
	assert_string_equal(d.text, "Да;1\n");
	free(d.text);
}

static void test_bom_stripped(void **state)
{
	static const char u8[] = "\xEF\xBB\xBF\xD0\x94\xD0\xB0;1\n";
	static const char le[] = "\xFF\xFE\x14\x04\x30\x04;\0001\0\n\0";
	static const char be[] = "\xFE\xFF\x04\x14\x04\x30\0;\0001\0\n";

	(void)state;
	assert_bom_stripped(u8, sizeof(u8) - 1, RK_ENC_AUTO, RK_ENC_UTF8);
	assert_bom_stripped(u8, sizeof(u8) - 1, RK_ENC_UTF8, RK_ENC_UTF8);
	assert_bom_stripped(le, sizeof(le) - 1, RK_ENC_AUTO, RK_ENC_UTF16LE);
	assert_bom_stripped(le, sizeof(le) - 1, RK_ENC_UTF16LE, RK_ENC_UTF16LE);
	assert_bom_stripped(be, sizeof(be) - 1, RK_ENC_AUTO, RK_ENC_UTF16BE);
	assert_bom_stripped(be, sizeof(be) - 1, RK_ENC_UTF16BE, RK_ENC_UTF16BE);
	/* without a BOM, forced */
	assert_bom_stripped(le + 2, sizeof(le) - 3, RK_ENC_UTF16LE,
			    RK_ENC_UTF16LE);
	assert_bom_stripped(be + 2, sizeof(be) - 3, RK_ENC_UTF16BE,
			    RK_ENC_UTF16BE);
}

/* ---- detection ---------------------------------------------------------- */

static void assert_detected(const char *s)
{
	assert_round_trip(s, "windows-1251", RK_ENC_AUTO, RK_ENC_CP1251);
	assert_round_trip(s, "KOI8-R", RK_ENC_AUTO, RK_ENC_KOI8R);
}

static void test_detect_lower_case(void **state)
{
	(void)state;
	assert_detected("регион;жалобы;итого\n");
	assert_detected("душанбе\n");
	assert_detected("год;квартал;мужчины;женщины\n");
}

static void test_detect_title_case(void **state)
{
	(void)state;
	assert_detected("Душанбе;Хатлон;Согд\n");
	assert_detected("Хатлонская область\n");
	assert_detected("Горно-Бадахшанская автономная область;3\n");
}

static void test_detect_all_caps(void **state)
{
	(void)state;
	assert_detected("ДУШАНБЕ");
	assert_detected("ДУШАНБЕ\n");
	assert_detected("ДУШАНБЕ;ХАТЛОН;СОГД;ГБАО;РРП\n");
	assert_detected("РАЙОНЫ РЕСПУБЛИКАНСКОГО ПОДЧИНЕНИЯ\n");
	assert_detected("ВСЕГО;ИТОГО;ЖАЛОБЫ\n");
	assert_detected("КУЛЯБ;ХОРОГ\n");
}

static void test_detect_mixed_csv(void **state)
{
	(void)state;
	assert_detected("Регион,Всего,Мужчины,Женщины\r\n"
			"ДУШАНБЕ,120,70,50\r\nСОГД,80,41,39\r\n");
}

static void test_detect_ascii_is_utf8(void **state)
{
	(void)state;
	assert_round_trip("a,b\n1,2\n", "UTF-8", RK_ENC_AUTO, RK_ENC_UTF8);
}

/* ---- errors ------------------------------------------------------------- */

static void test_invalid_utf8_offset_line(void **state)
{
	static const char bytes[] = "a;b\n\xD0\x94;2\nx\xC3(\n";
	struct decoded d;

	(void)state;
	d = decode(bytes, sizeof(bytes) - 1, RK_ENC_UTF8);
	assert_int_equal(d.rc, -1);
	assert_int_equal(d.err.code, RK_EXIT_DATAERR);
	assert_string_equal(d.err.msg, "invalid UTF-8 byte 0xC3 at byte offset 10");
	assert_string_equal(d.err.file, "in.csv");
	assert_int_equal(d.err.line, 3);
	assert_non_null(strstr(d.err.hint, "--encoding"));
	free(d.text);
}

static void test_invalid_utf8_after_bom(void **state)
{
	static const char bytes[] = "\xEF\xBB\xBFok\n\x80";
	struct decoded d;

	(void)state;
	d = decode(bytes, sizeof(bytes) - 1, RK_ENC_AUTO);
	assert_int_equal(d.rc, -1);
	assert_string_equal(d.err.msg, "invalid UTF-8 byte 0x80 at byte offset 6");
	assert_int_equal(d.err.line, 2);
	free(d.text);
}

static void test_truncated_utf8_at_end(void **state)
{
	static const char bytes[] = "ab\nc\xE2\x82";
	struct decoded d;

	(void)state;
	d = decode(bytes, sizeof(bytes) - 1, RK_ENC_UTF8);
	assert_int_equal(d.rc, -1);
	assert_int_equal(d.err.code, RK_EXIT_DATAERR);
	assert_non_null(strstr(d.err.msg, "incomplete UTF-8 character 0xE2"));
	assert_non_null(strstr(d.err.msg, "byte offset 4"));
	assert_int_equal(d.err.line, 2);
	free(d.text);
}

/* ASCII for the first block, then a windows-1251 byte: a mixed file. */
static void test_mixed_file_is_an_error(void **state)
{
	char *bytes = malloc(BIG);
	struct decoded d;
	char want[128];
	size_t i;

	(void)state;
	assert_non_null(bytes);
	for (i = 0; i < BIG; i++)
		bytes[i] = (i % 100 == 99) ? '\n' : 'a';
	bytes[BIG - 50] = (char)0xC4;   /* "Д" in windows-1251 */
	d = decode(bytes, BIG, RK_ENC_AUTO);
	assert_int_equal(d.enc, RK_ENC_UTF8);
	assert_int_equal(d.rc, -1);
	snprintf(want, sizeof(want), "invalid UTF-8 byte 0xC4 at byte offset %d",
		 BIG - 50);
	assert_string_equal(d.err.msg, want);
	assert_int_equal(d.err.line, (BIG - 50) / 100 + 1);
	assert_non_null(strstr(d.err.hint, "--encoding"));
	free(d.text);
	free(bytes);
}

static void test_undecodable_cp1251(void **state)
{
	static const char bytes[] = "\xC4\xE0;1\n\xCD\xE5\xF2;2\n3;\x98\n";
	struct decoded d;

	(void)state;
	d = decode(bytes, sizeof(bytes) - 1, RK_ENC_CP1251);
	assert_int_equal(d.rc, -1);
	assert_int_equal(d.err.code, RK_EXIT_DATAERR);
	assert_string_equal(d.err.msg, "byte 0x98 cannot be decoded as "
			    "windows-1251 at byte offset 13");
	assert_int_equal(d.err.line, 3);
	assert_string_equal(d.err.file, "in.csv");
	assert_non_null(strstr(d.err.hint, "--encoding"));
	free(d.text);
}

static void test_undecodable_after_first_block(void **state)
{
	char *bytes = malloc(BIG);
	struct decoded d;
	char want[128];
	size_t i;

	(void)state;
	assert_non_null(bytes);
	for (i = 0; i < BIG; i++)
		bytes[i] = (i % 10 == 9) ? '\n' : (char)0xE0;   /* "а" */
	bytes[BIG - 5] = (char)0x98;
	d = decode(bytes, BIG, RK_ENC_CP1251);
	assert_int_equal(d.rc, -1);
	snprintf(want, sizeof(want), "byte 0x98 cannot be decoded as "
		 "windows-1251 at byte offset %d", BIG - 5);
	assert_string_equal(d.err.msg, want);
	assert_int_equal(d.err.line, (BIG - 5) / 10 + 1);
	free(d.text);
	free(bytes);
}

static void test_utf16_lone_surrogate(void **state)
{
	/* "a\nb" then a high surrogate followed by "c" */
	static const char bytes[] = "a\0\n\0b\0\x00\xD8" "c\0";
	struct decoded d;

	(void)state;
	d = decode(bytes, sizeof(bytes) - 1, RK_ENC_UTF16LE);
	assert_int_equal(d.rc, -1);
	assert_int_equal(d.err.code, RK_EXIT_DATAERR);
	assert_string_equal(d.err.msg, "bytes 0x00 0xD8 cannot be decoded as "
			    "utf-16le at byte offset 6");
	assert_int_equal(d.err.line, 2);
	free(d.text);
}

static void test_utf16_odd_length(void **state)
{
	static const char bytes[] = "\xFE\xFF\0a\0\n\0";
	struct decoded d;

	(void)state;
	d = decode(bytes, sizeof(bytes) - 1, RK_ENC_AUTO);
	assert_int_equal(d.rc, -1);
	assert_string_equal(d.err.msg, "byte 0x00 cannot be decoded as "
			    "utf-16be at byte offset 6");
	assert_int_equal(d.err.line, 2);
	free(d.text);
}

static void test_error_repeats(void **state)
{
	static const char bytes[] = "ok\n\xFF";
	struct rk_error err;
	struct rk_text *t;
	const char *chunk;
	size_t len;
	FILE *f = stream(bytes, sizeof(bytes) - 1);

	(void)state;
	t = rk_text_open(f, "x", RK_ENC_UTF8, &err);
	assert_non_null(t);
	assert_int_equal(rk_text_peek(t, &chunk, &len, &err), -1);
	rk_error_clear(&err);
	assert_int_equal(rk_text_next(t, &chunk, &len, &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_string_equal(err.msg, "invalid UTF-8 byte 0xFF at byte offset 3");
	rk_text_close(t);
	fclose(f);
}

static void test_read_error(void **state)
{
	struct rk_error err;
	struct rk_text *t;
	FILE *f = fopen("/dev/null", "w");

	(void)state;
	assert_non_null(f);
	rk_error_clear(&err);
	t = rk_text_open(f, "out.csv", RK_ENC_AUTO, &err);
	assert_null(t);
	assert_int_equal(err.code, RK_EXIT_IOERR);
	assert_string_equal(err.file, "out.csv");
	assert_non_null(strstr(err.msg, "cannot read the input: "));
	fclose(f);
}

/* ---- block boundaries --------------------------------------------------- */

/* seq placed so that it starts `before` bytes before the block end. */
static void assert_split_survives(const char *seq, size_t before, size_t bom)
{
	size_t n = BLOCK * 2 + 100, seqlen = strlen(seq), i;
	char *bytes = malloc(n);
	struct decoded d;

	assert_non_null(bytes);
	for (i = 0; i < n; i++)
		bytes[i] = (i % 80 == 79) ? '\n' : 'x';
	memcpy(bytes, "\xEF\xBB\xBF", bom);
	memcpy(bytes + BLOCK - before, seq, seqlen);
	memcpy(bytes + 2 * BLOCK - before - 3, seq, seqlen);
	d = decode(bytes, n, RK_ENC_AUTO);
	assert_int_equal(d.rc, 0);
	assert_int_equal(d.enc, RK_ENC_UTF8);
	assert_int_equal(d.len, n - bom);
	assert_memory_equal(d.text, bytes + bom, n - bom);
	assert_true(d.chunks >= 3);
	free(d.text);
	free(bytes);
}

static void test_utf8_split_across_blocks(void **state)
{
	static const char *seqs[] = { "\xD0\xAF", "\xE2\x82\xAC",
				      "\xF0\x9F\x98\x80" };
	size_t s, before, bom;

	(void)state;
	for (s = 0; s < 3; s++)
		for (before = 1; before < strlen(seqs[s]); before++)
			for (bom = 0; bom <= 3; bom += 3)
				assert_split_survives(seqs[s], before, bom);
}

/* A sequence cut at the 64 KiB detection window still counts as UTF-8. */
static void test_detect_utf8_cut_at_window(void **state)
{
	size_t n = 100000, i;
	char *bytes = malloc(n);
	struct decoded d;

	(void)state;
	assert_non_null(bytes);
	for (i = 0; i < n; i++)
		bytes[i] = 'y';
	memcpy(bytes + 65536 - 1, "\xD0\xAF", 2);
	d = decode(bytes, n, RK_ENC_AUTO);
	assert_int_equal(d.enc, RK_ENC_UTF8);
	assert_int_equal(d.rc, 0);
	assert_memory_equal(d.text, bytes, n);
	free(d.text);
	free(bytes);
}

static void test_cp1251_large_round_trip(void **state)
{
	size_t n = BIG, i, lf = 0;
	char *bytes = malloc(n);
	struct decoded d;

	(void)state;
	assert_non_null(bytes);
	for (i = 0; i < n; i++) {
		bytes[i] = (i % 7 == 6) ? '\n' : (char)(0xE0 + i % 32);
		lf += bytes[i] == '\n';
	}
	d = decode(bytes, n, RK_ENC_CP1251);
	assert_int_equal(d.rc, 0);
	assert_int_equal(d.len, 2 * n - lf);        /* 2 bytes a letter */
	assert_memory_equal(d.text, "\xD0\xB0\xD0\xB1", 4);
	free(d.text);
	free(bytes);
}

static void test_utf16_large_round_trip(void **state)
{
	size_t n = BIG + 2, i;
	char *bytes = malloc(n);
	struct decoded d;

	(void)state;
	assert_non_null(bytes);
	/* "a", then U+1F600 as surrogate pairs: one pair straddles a block end */
	memcpy(bytes, "a\0", 2);
	for (i = 2; i + 4 <= n; i += 4)
		memcpy(bytes + i, "\x3D\xD8\x00\xDE", 4);
	d = decode(bytes, n, RK_ENC_UTF16LE);
	assert_int_equal(d.rc, 0);
	assert_int_equal(d.len, n - 1);
	assert_int_equal(d.text[0], 'a');
	for (i = 1; i < d.len; i += 4)
		assert_memory_equal(d.text + i, "\xF0\x9F\x98\x80", 4);
	free(d.text);
	free(bytes);
}

/* ---- peek --------------------------------------------------------------- */

static void assert_peek_matches_next(const char *bytes, size_t n,
				     enum rk_encoding enc, size_t min_peek)
{
	struct rk_error err;
	struct rk_text *t;
	const char *p, *q;
	size_t plen, qlen;
	char *copy;
	FILE *f = stream(bytes, n);

	t = rk_text_open(f, "p", enc, &err);
	assert_non_null(t);
	assert_int_equal(rk_text_peek(t, &p, &plen, &err), 1);
	assert_true(plen >= min_peek);
	copy = malloc(plen);
	assert_non_null(copy);
	memcpy(copy, p, plen);
	assert_int_equal(rk_text_peek(t, &p, &plen, &err), 1);
	assert_int_equal(rk_text_next(t, &q, &qlen, &err), 1);
	assert_int_equal(qlen, plen);
	assert_memory_equal(q, copy, qlen);
	free(copy);
	rk_text_close(t);
	fclose(f);
}

static void test_peek_then_next(void **state)
{
	size_t n = BIG, i;
	char *bytes = malloc(n);

	(void)state;
	assert_non_null(bytes);
	for (i = 0; i < n; i++)
		bytes[i] = (i % 50 == 49) ? '\n' : (char)(0xC0 + i % 64);
	assert_peek_matches_next(bytes, n, RK_ENC_AUTO, 65536);
	assert_peek_matches_next(bytes, n, RK_ENC_KOI8R, 65536);
	for (i = 0; i < n; i++)
		bytes[i] = (i % 50 == 49) ? '\n' : 'q';
	assert_peek_matches_next(bytes, n, RK_ENC_AUTO, 65536);
	assert_peek_matches_next(bytes, n, RK_ENC_UTF16LE, 65536);
	assert_peek_matches_next("a,b\n", 4, RK_ENC_AUTO, 4);
	free(bytes);
}

static void test_empty_input(void **state)
{
	static const enum rk_encoding encs[] = {
		RK_ENC_AUTO, RK_ENC_UTF8, RK_ENC_UTF16LE, RK_ENC_UTF16BE,
		RK_ENC_CP1251, RK_ENC_KOI8R
	};
	struct rk_error err;
	struct rk_text *t;
	const char *p;
	size_t len, i;
	FILE *f;

	(void)state;
	for (i = 0; i < sizeof(encs) / sizeof(encs[0]); i++) {
		f = stream("", 0);
		t = rk_text_open(f, "e", encs[i], &err);
		assert_non_null(t);
		assert_int_equal(rk_text_peek(t, &p, &len, &err), 0);
		assert_int_equal(rk_text_next(t, &p, &len, &err), 0);
		assert_int_equal(rk_text_next(t, &p, &len, &err), 0);
		rk_text_close(t);
		fclose(f);
	}
}

static void test_bom_only_is_empty(void **state)
{
	struct decoded d = decode("\xEF\xBB\xBF", 3, RK_ENC_AUTO);

	(void)state;
	assert_int_equal(d.rc, 0);
	assert_int_equal(d.len, 0);
	assert_int_equal(d.enc, RK_ENC_UTF8);
	free(d.text);
}

static void test_nul_passes_through(void **state)
{
	static const char bytes[] = "a\0b\n\0";
	struct decoded d = decode(bytes, sizeof(bytes) - 1, RK_ENC_AUTO);

	(void)state;
	assert_int_equal(d.rc, 0);
	assert_int_equal(d.len, 5);
	assert_memory_equal(d.text, bytes, 5);
	free(d.text);
}

static void test_close_null(void **state)
{
	(void)state;
	rk_text_close(NULL);
}

/* ---- validator ---------------------------------------------------------- */

#define VALID(s, n) assert_int_equal(rk_utf8_valid_prefix(s, sizeof(s) - 1), n)

static void test_validator(void **state)
{
	(void)state;
	VALID("", 0);
	VALID("hello, world, long enough for the fast path", 43);
	VALID("\xD0\x94\xD0\xB0", 4);
	VALID("\xE2\x82\xAC", 3);
	VALID("\xF0\x9F\x98\x80", 4);
	VALID("\xF4\x8F\xBF\xBF", 4);           /* U+10FFFF */
	VALID("\xEF\xBF\xBF", 3);               /* U+FFFF */
	VALID("\xED\x9F\xBF", 3);               /* U+D7FF */
	VALID("\xEE\x80\x80", 3);               /* U+E000 */
	VALID("ab\xC0\x80", 2);                 /* overlong NUL */
	VALID("\xC1\xBF", 0);                   /* overlong */
	VALID("\xE0\x80\xAF", 0);               /* overlong */
	VALID("\xE0\x9F\xBF", 0);               /* overlong */
	VALID("\xF0\x8F\xBF\xBF", 0);           /* overlong */
	VALID("x\xED\xA0\x80", 1);              /* surrogate D800 */
	VALID("\xED\xBF\xBF", 0);               /* surrogate DFFF */
	VALID("\xF4\x90\x80\x80", 0);           /* U+110000 */
	VALID("\xF5\x80\x80\x80", 0);
	VALID("\xFF", 0);
	VALID("a\x80", 1);                      /* stray continuation */
	VALID("\xD0\x94\xBF", 2);
	VALID("\xD0", 0);                       /* truncated */
	VALID("ab\xE2\x82", 2);
	VALID("\xF0\x9F\x98", 0);
	VALID("\xE2\x28\xA1", 0);               /* bad continuation */
	VALID("\xF0\x9F\x28\x80", 0);
	VALID("0123456789abcdef0123456789abcdef\xC3\xA9", 34);
	VALID("0123456789abcdef0123456789abcde\xC3", 31);
	VALID("a\0b", 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encoding_parse),
		cmocka_unit_test(test_encoding_name),
		cmocka_unit_test(test_utf8_round_trip),
		cmocka_unit_test(test_cp1251_round_trip),
		cmocka_unit_test(test_koi8r_round_trip),
		cmocka_unit_test(test_latin_round_trip),
		cmocka_unit_test(test_forced_implausible),
		cmocka_unit_test(test_utf8_cut),
		cmocka_unit_test(test_utf16_round_trip),
		cmocka_unit_test(test_bom_stripped),
		cmocka_unit_test(test_detect_lower_case),
		cmocka_unit_test(test_detect_title_case),
		cmocka_unit_test(test_detect_all_caps),
		cmocka_unit_test(test_detect_mixed_csv),
		cmocka_unit_test(test_detect_ascii_is_utf8),
		cmocka_unit_test(test_invalid_utf8_offset_line),
		cmocka_unit_test(test_invalid_utf8_after_bom),
		cmocka_unit_test(test_truncated_utf8_at_end),
		cmocka_unit_test(test_mixed_file_is_an_error),
		cmocka_unit_test(test_undecodable_cp1251),
		cmocka_unit_test(test_undecodable_after_first_block),
		cmocka_unit_test(test_utf16_lone_surrogate),
		cmocka_unit_test(test_utf16_odd_length),
		cmocka_unit_test(test_error_repeats),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_utf8_split_across_blocks),
		cmocka_unit_test(test_detect_utf8_cut_at_window),
		cmocka_unit_test(test_cp1251_large_round_trip),
		cmocka_unit_test(test_utf16_large_round_trip),
		cmocka_unit_test(test_peek_then_next),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_bom_only_is_empty),
		cmocka_unit_test(test_nul_passes_through),
		cmocka_unit_test(test_close_null),
		cmocka_unit_test(test_validator),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
