/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the xls reader.  An input that starts with the
 * compound file signature is a whole file; any other input is a Workbook
 * stream (BIFF records), wrapped in a minimal compound file so that
 * mutations reach the BIFF reader.
 */
#include "fuzzbook.h"

static const unsigned char magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static void w32(unsigned char *p, unsigned long v)
{
	p[0] = (unsigned char)(v & 0xFF);
	p[1] = (unsigned char)(v >> 8 & 0xFF);
	p[2] = (unsigned char)(v >> 16 & 0xFF);
	p[3] = (unsigned char)(v >> 24 & 0xFF);
}

/* header, one FAT sector, one directory sector, the stream (at least 4096 bytes) */
static unsigned char *wrap(const uint8_t *data, size_t size, size_t *out)
{
	static const char wb[] = "W\0o\0r\0k\0b\0o\0o\0k\0";
	size_t n = size < 4096 ? 4096 : size, nsect = (n + 511) / 512;
	unsigned char *f;

	if (nsect > 120)
		return NULL;             /* one FAT sector holds the chain */
	f = calloc(1, 512 * (3 + nsect));
	if (!f)
		return NULL;
	memcpy(f, magic, 8);
	f[0x1A] = 3; f[0x1C] = 0xFE; f[0x1D] = 0xFF; f[0x1E] = 9; f[0x20] = 6;
	w32(f + 0x2C, 1);
	w32(f + 0x30, 1);
	w32(f + 0x38, 4096);
	w32(f + 0x3C, 0xFFFFFFFE);
	w32(f + 0x44, 0xFFFFFFFE);
	for (int i = 0; i < 109; i++)
		w32(f + 0x4C + 4 * i, i == 0 ? 0 : 0xFFFFFFFF);
	for (int i = 0; i < 128; i++)
		w32(f + 512 + 4 * i, 0xFFFFFFFF);
	w32(f + 512, 0xFFFFFFFD);
	w32(f + 516, 0xFFFFFFFE);
	for (size_t i = 0; i < nsect; i++)
		w32(f + 512 + 4 * (2 + i), i + 1 < nsect ? 3 + i : 0xFFFFFFFE);
	f[1024 + 0x42] = 5;
	w32(f + 1024 + 0x74, 0xFFFFFFFE);
	memcpy(f + 1024 + 128, wb, sizeof(wb) - 1);
	f[1024 + 128 + 0x40] = sizeof(wb) + 1;
	f[1024 + 128 + 0x42] = 2;
	w32(f + 1024 + 128 + 0x74, 2);
	w32(f + 1024 + 128 + 0x78, n);
	memcpy(f + 1536, data, size);
	*out = 512 * (3 + nsect);
	return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_path("xls");
	unsigned char *f = NULL;
	size_t n = size;
	int rc;

	if (size < 8 || memcmp(data, magic, 8) != 0) {
		f = wrap(data, size, &n);
		if (!f)
			return 0;
	}
	rc = fuzz_write(path, f ? f : data, n);
	free(f);
	if (rc == 0)
		fuzz_read_book(path);
	unlink(path);
	return 0;
}
