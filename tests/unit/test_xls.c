/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "bookfix.h"
#include "bytebuf.h"

/* ---- a small BIFF8 writer ---- */

static void put16(struct bytebuf *b, unsigned v)
{
	char c[2] = { (char)(v & 0xFF), (char)(v >> 8 & 0xFF) };

	bytebuf_add(b, c, 2);
}

static void put32(struct bytebuf *b, unsigned long v)
{
	put16(b, (unsigned)(v & 0xFFFF));
	put16(b, (unsigned)(v >> 16 & 0xFFFF));
}

static void rec(struct bytebuf *b, unsigned type, const struct bytebuf *d)
{
	put16(b, type);
	put16(b, (unsigned)d->len);
	bytebuf_add(b, d->p ? d->p : "", d->len);
}

/* A record built by a format of 'h' (u16), 'l' (u32), 'd' (double), 's' (XLUnicodeString, 8-bit), 'b' (byte). */
static void recf(struct bytebuf *b, unsigned type, const char *fmt, ...)
{
	struct bytebuf d = { 0 };
	va_list ap;

	va_start(ap, fmt);
	for (const char *f = fmt; *f; f++) {
		if (*f == 'h') {
			put16(&d, va_arg(ap, unsigned));
		} else if (*f == 'l') {
			put32(&d, va_arg(ap, unsigned long));
		} else if (*f == 'b') {
			char c = (char)va_arg(ap, int);

			bytebuf_add(&d, &c, 1);
		} else if (*f == 'd') {
			double x = va_arg(ap, double);

			bytebuf_add(&d, (const char *)&x, 8);
		} else if (*f == 's') {
			const char *s = va_arg(ap, const char *);

			put16(&d, (unsigned)strlen(s));
			bytebuf_add(&d, "", 1);
			bytebuf_add(&d, s, strlen(s));
		}
	}
	va_end(ap);
	rec(b, type, &d);
	bytebuf_free(&d);
}

static void bof(struct bytebuf *b, unsigned kind)
{
	recf(b, 0x0809, "hhhhll", 0x0600, kind, 0, 0, 0ul, 0ul);
}

static void xf(struct bytebuf *b, unsigned fmt)
{
	recf(b, 0x00E0, "hhhhhhll", 0, fmt, 0, 0, 0, 0, 0ul, 0ul);
}

static void boundsheet(struct bytebuf *b, unsigned long pos, int type,
		       const char *name)
{
	recf(b, 0x0085, "lbbbb", pos, 0, type, (int)strlen(name), 0);
	b->len -= 0;
	/* the name follows the flags byte */
	{
		size_t at = b->len;

		bytebuf_add(b, name, strlen(name));
		b->p[at - 4 - 8 + 2] = (char)((8 + strlen(name)) & 0xFF);
	}
}

static size_t build_globals(struct bytebuf *b, size_t *sheet_pos_at)
{
	struct bytebuf sst = { 0 }, cont = { 0 };

	bof(b, 0x0005);
	recf(b, 0x0022, "h", 1);                       /* 1904 system */
	recf(b, 0x041E, "hs", 164, "yyyy\\-mm\\-dd");
	recf(b, 0x041E, "hs", 165, "[h]:mm:ss");
	recf(b, 0x041E, "hs", 166, "0.00\"h\"");
	xf(b, 0);
	xf(b, 14);
	xf(b, 164);
	xf(b, 165);
	xf(b, 166);
	*sheet_pos_at = b->len + 4;
	boundsheet(b, 0, 0, "Data");
	boundsheet(b, 0, 2, "Chart");
	/* SST: "a", "Ж" (16-bit), "long" split across a CONTINUE */
	put32(&sst, 3);
	put32(&sst, 3);
	put16(&sst, 1);
	bytebuf_add(&sst, "\0a", 2);
	put16(&sst, 1);
	bytebuf_add(&sst, "\1\x16\x04", 3);
	put16(&sst, 4);
	bytebuf_add(&sst, "\0lo", 3);
	rec(b, 0x00FC, &sst);
	bytebuf_add(&cont, "\1n\0g\0", 5);
	rec(b, 0x003C, &cont);
	recf(b, 0x000A, "");
	bytebuf_free(&sst);
	bytebuf_free(&cont);
	return b->len;
}

static void build_sheet(struct bytebuf *b)
{
	struct bytebuf m = { 0 };

	bof(b, 0x0010);
	recf(b, 0x0203, "hhhd", 0, 0, 0, 1.5);
	recf(b, 0x027E, "hhhl", 0, 1, 0, (7ul << 2) | 2);     /* RK integer */
	recf(b, 0x027E, "hhhl", 0, 2, 0, (7ul << 2) | 3);     /* RK 7 / 100 */
	recf(b, 0x0203, "hhhd", 0, 3, 1, 45488.0 - 1462);      /* a 1904 date */
	recf(b, 0x0203, "hhhd", 0, 4, 3, 10.6320601851852);
	recf(b, 0x0203, "hhhd", 0, 5, 4, 2.0);                 /* "h" quoted: a number */
	recf(b, 0x0203, "hhhd", 0, 6, 2, -1e7);                /* date out of range: n */
	recf(b, 0x00FD, "hhhl", 1, 0, 0, 0ul);
	recf(b, 0x00FD, "hhhl", 1, 1, 0, 1ul);
	recf(b, 0x00FD, "hhhl", 1, 2, 0, 2ul);
	recf(b, 0x00FD, "hhhl", 1, 3, 0, 9ul);                 /* no such string */
	recf(b, 0x0205, "hhhbb", 1, 4, 0, 1, 0);
	recf(b, 0x0205, "hhhbb", 1, 5, 0, 0x07, 1);
	/* FORMULA with a string result, then its STRING record */
	recf(b, 0x0006, "hhhbbbbbbbbhlh", 2, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0ul, 0);
	recf(b, 0x0207, "s", "fs");
	recf(b, 0x0006, "hhhdhlh", 2, 1, 0, 3.0, 0, 0ul, 0);
	recf(b, 0x0006, "hhhbbbbbbbbhlh", 2, 2, 0, 3, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0ul, 0);
	recf(b, 0x00BD, "hhhlhlh", 3, 0, 0, (1ul << 2) | 2, 0, (2ul << 2) | 2, 1);
	recf(b, 0x0204, "hhhs", 4, 0, 0, "lab");
	recf(b, 0x0203, "hhhd", 5, 0, 0, 1.0);
	recf(b, 0x0203, "hhhd", 5, 1, 0, 2.0);
	recf(b, 0x0203, "hhhd", 6, 0, 0, 3.0);
	recf(b, 0x0203, "hhhd", 0, 0, 0, 9.0);                 /* again: the last wins */
	put16(&m, 1);
	put16(&m, 5);
	put16(&m, 6);
	put16(&m, 0);
	put16(&m, 1);
	rec(b, 0x00E5, &m);
	bof(b, 0x0020);                                      /* an embedded chart */
	recf(b, 0x0203, "hhhd", 9, 9, 0, 99.0);
	recf(b, 0x000A, "");
	recf(b, 0x000A, "");
	bytebuf_free(&m);
}

/* ---- a compound file holding one Workbook stream ---- */

static const char *write_cfb(const struct bytebuf *stream)
{
	struct part dummy[1] = { { "x", "x", 0 } };
	const char *path = write_zip(dummy, 1);      /* a temp file removed at exit */
	size_t n = stream->len < 4096 ? 4096 : stream->len;
	size_t nsect = (n + 511) / 512;
	unsigned char *f = calloc(1, 512 * (3 + nsect));
	unsigned char *fat = f + 512, *dir = f + 1024;
	static const char root[] = "R\0o\0o\0t\0 \0E\0n\0t\0r\0y\0";
	static const char wb[] = "W\0o\0r\0k\0b\0o\0o\0k\0";
	FILE *out;

#define W32(p, v) do { unsigned long v_ = (v); (p)[0] = v_ & 0xFF; (p)[1] = v_ >> 8 & 0xFF; \
	(p)[2] = v_ >> 16 & 0xFF; (p)[3] = v_ >> 24 & 0xFF; } while (0)
	memcpy(f, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
	f[0x18] = 0x3E; f[0x1A] = 3; f[0x1C] = 0xFE; f[0x1D] = 0xFF;
	f[0x1E] = 9; f[0x20] = 6;
	W32(f + 0x2C, 1);
	W32(f + 0x30, 1);
	W32(f + 0x38, 4096);
	W32(f + 0x3C, 0xFFFFFFFE);
	W32(f + 0x44, 0xFFFFFFFE);
	for (int i = 0; i < 109; i++)
		W32(f + 0x4C + 4 * i, i == 0 ? 0 : 0xFFFFFFFF);
	for (int i = 0; i < 128; i++)
		W32(fat + 4 * i, 0xFFFFFFFF);
	W32(fat, 0xFFFFFFFD);
	W32(fat + 4, 0xFFFFFFFE);
	for (size_t i = 0; i < nsect; i++)
		W32(fat + 4 * (2 + i), i + 1 < nsect ? 3 + i : 0xFFFFFFFE);
	memcpy(dir, root, sizeof(root) - 1);
	dir[0x40] = sizeof(root) + 1;
	dir[0x42] = 5;
	W32(dir + 0x74, 0xFFFFFFFE);
	memcpy(dir + 128, wb, sizeof(wb) - 1);
	dir[128 + 0x40] = sizeof(wb) + 1;
	dir[128 + 0x42] = 2;
	W32(dir + 128 + 0x74, 2);
	W32(dir + 128 + 0x78, n);
	memcpy(f + 1536, stream->p, stream->len);
	out = fopen(path, "wb");
	fwrite(f, 1, 512 * (3 + nsect), out);
	fclose(out);
	free(f);
	return path;
}

static void test_biff8_cells(void **state)
{
	struct bytebuf b = { 0 };
	size_t at, pos = build_globals(&b, &at);

	(void)state;
	b.p[at] = (char)(pos & 0xFF);            /* the sheet's BOF offset */
	b.p[at + 1] = (char)(pos >> 8 & 0xFF);
	build_sheet(&b);
	assert_cells(write_cfb(&b),
		"Data,A1,n,9\nData,B1,n,7\nData,C1,n,0.07\nData,D1,d,2024-07-15\n"
		"Data,E1,d,255:10:10\nData,F1,n,2\nData,G1,n,-10000000\n"
		"Data,A2,s,a\nData,B2,s,Ж\nData,C2,s,long\nData,E2,b,TRUE\nData,F2,e,#DIV/0!\n"
		"Data,A3,s,fs\nData,B3,n,3\nData,A4,n,1\nData,B4,n,2\nData,A5,s,lab\n"
		"Data,A6,n,1\n");
	bytebuf_free(&b);
}

static void test_hostile(void **state)
{
	struct bytebuf b = { 0 };
	const char *path;
	FILE *f;

	(void)state;
	bof(&b, 0x0005);
	recf(&b, 0x002F, "hhh", 1, 1, 1);          /* FILEPASS */
	recf(&b, 0x000A, "");
	assert_read_fails(write_cfb(&b), RK_EXIT_DATAERR, "password-protected");
	bytebuf_free(&b);
	b = (struct bytebuf){ 0 };
	recf(&b, 0x0009, "hh", 2, 0x10);            /* a BIFF2 BOF */
	assert_read_fails(write_cfb(&b), RK_EXIT_DATAERR, "not supported");
	bytebuf_free(&b);
	/* a compound file cut short */
	b = (struct bytebuf){ 0 };
	bof(&b, 0x0005);
	path = write_cfb(&b);
	f = fopen(path, "r+b");
	assert_int_equal(ftruncate(fileno(f), 1000), 0);
	fclose(f);
	assert_read_fails(path, RK_EXIT_DATAERR, "damaged");
	bytebuf_free(&b);
}

static void test_libreoffice_file(void **state)
{
	struct rk_error err = { 0 };
	char *got = cells_of("tests/fixtures/crosstab.xls", NULL, &err);

	(void)state;
	if (!got)
		fail_msg("cannot read tests/fixtures/crosstab.xls: %s", err.msg);
	assert_non_null(strstr(got, "Жалобы,C3,n,2023\n"));
	assert_non_null(strstr(got, "Жалобы,H2,d,2024-07-15\n"));
	assert_non_null(strstr(got, "Жалобы,D11,n,24.5\n"));
	assert_null(strstr(got, "Жалобы,B4,"));          /* inside B3:B4 */
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_biff8_cells),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_libreoffice_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
