/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cfb.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENDOFCHAIN 0xFFFFFFFEu
#define FREESECT 0xFFFFFFFFu
#define DIR_ENTRY 128

struct cfb {
	unsigned char *file;
	size_t size;
	const char *name;
	size_t sector;               /* bytes */
	uint32_t nsectors;           /* sectors in the file after the header */
	uint32_t *fat, *minifat;
	size_t nfat, nminifat;
	unsigned char *dir;          /* the directory stream */
	size_t dirlen;
	unsigned char *ministream;   /* the root entry's stream */
	size_t ministream_len;
	uint32_t mini_cutoff;
};

static uint32_t u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static unsigned u16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static int bad(const struct cfb *c, struct rk_error *err, const char *what)
{
	rk_error_set(err, RK_EXIT_DATAERR, c->name, 0,
		     "damaged compound file (OLE2): %s", what);
	rk_error_hint(err, "open it in Excel or LibreOffice and save it again");
	return -1;
}

static const unsigned char *sector_at(const struct cfb *c, uint32_t s)
{
	if (s >= c->nsectors)
		return NULL;
	return c->file + (size_t)(s + 1) * c->sector;
}

/* Follows a chain in table t; copies up to want bytes (all if want is 0). */
static int read_chain(const struct cfb *c, const uint32_t *t, size_t nt,
		      uint32_t start, size_t unit, const unsigned char *base,
		      size_t base_len, size_t want, unsigned char **out,
		      size_t *len, struct rk_error *err)
{
	size_t cap = want ? want : unit * 16, n = 0, steps = 0;
	unsigned char *buf = malloc(cap ? cap : 1);
	uint32_t s = start;

	if (!buf)
		return rk_error_set(err, RK_EXIT_SOFTWARE, c->name, 0, "out of memory");
	while (s != ENDOFCHAIN && (!want || n < want)) {
		const unsigned char *src = base ? (s < base_len / unit ? base + (size_t)s * unit : NULL)
						: sector_at(c, s);
		size_t take = want && want - n < unit ? want - n : unit;

		if (!src || s >= nt || ++steps > nt) {
			free(buf);
			return bad(c, err, "a sector chain leaves the file or loops");
		}
		if (n + take > cap) {
			unsigned char *q = realloc(buf, cap * 2);

			if (!q) {
				free(buf);
				return rk_error_set(err, RK_EXIT_SOFTWARE, c->name,
						    0, "out of memory");
			}
			buf = q;
			cap *= 2;
		}
		memcpy(buf + n, src, take);
		n += take;
		s = t[s];
	}
	if (want && (n < want || s != ENDOFCHAIN)) {
		free(buf);
		return bad(c, err, "a stream's sector chain does not end where "
				   "its size says");
	}
	*out = buf;
	*len = n;
	return 0;
}

/* The FAT from the header's DIFAT and the DIFAT sectors. */
static int load_fat(struct cfb *c, struct rk_error *err)
{
	const unsigned char *h = c->file;
	uint32_t nfatsect = u32(h + 0x2C), difat = u32(h + 0x44);
	uint32_t ndifat = u32(h + 0x48), per = (uint32_t)(c->sector / 4);

	if (nfatsect > c->nsectors || ndifat > c->nsectors)
		return bad(c, err, "FAT larger than the file");
	c->nfat = (size_t)nfatsect * per;
	c->fat = malloc(c->nfat * sizeof(uint32_t) + 4);
	if (!c->fat)
		return rk_error_set(err, RK_EXIT_SOFTWARE, c->name, 0, "out of memory");
	for (uint32_t i = 0; i < nfatsect; i++) {
		const unsigned char *fs;
		uint32_t s;

		if (i < 109) {
			s = u32(h + 0x4C + 4 * i);
		} else {
			uint32_t k = (i - 109) % (per - 1);
			const unsigned char *ds = sector_at(c, difat);

			if (k == 0 && i > 109) {
				difat = ds ? u32(ds + 4 * (per - 1)) : FREESECT;
				ds = sector_at(c, difat);
			}
			if (!ds)
				return bad(c, err, "DIFAT chain leaves the file");
			s = u32(ds + 4 * k);
		}
		fs = sector_at(c, s);
		if (!fs)
			return bad(c, err, "FAT sector outside the file");
		for (uint32_t k = 0; k < per; k++)
			c->fat[(size_t)i * per + k] = u32(fs + 4 * k);
	}
	return 0;
}

static int load_header(struct cfb *c, struct rk_error *err)
{
	static const unsigned char magic[8] = { 0xD0, 0xCF, 0x11, 0xE0,
						0xA1, 0xB1, 0x1A, 0xE1 };
	unsigned shift;

	if (c->size < 512 || memcmp(c->file, magic, 8) != 0)
		return bad(c, err, "no compound file header");
	shift = u16(c->file + 0x1E);
	if (shift != 9 && shift != 12)
		return bad(c, err, "unsupported sector size");
	c->sector = (size_t)1 << shift;
	if (c->size < c->sector)
		return bad(c, err, "file shorter than its header");
	c->nsectors = (uint32_t)((c->size - c->sector) / c->sector);
	if ((c->size - c->sector) % c->sector)
		c->nsectors++;       /* a short last sector: pad below */
	c->mini_cutoff = u32(c->file + 0x38);
	return 0;
}

static int load_dir(struct cfb *c, struct rk_error *err)
{
	const unsigned char *root;
	uint32_t mstart = u32(c->file + 0x3C);
	size_t mlen;

	if (read_chain(c, c->fat, c->nfat, u32(c->file + 0x30), c->sector,
		       NULL, 0, 0, &c->dir, &c->dirlen, err) < 0)
		return -1;
	if (c->dirlen < DIR_ENTRY)
		return bad(c, err, "empty directory");
	root = c->dir;
	if (mstart != ENDOFCHAIN && mstart != FREESECT &&
	    read_chain(c, c->fat, c->nfat, mstart, c->sector, NULL, 0, 0,
		       (unsigned char **)&c->minifat, &mlen, err) < 0)
		return -1;
	c->nminifat = c->minifat ? mlen / 4 : 0;
	for (size_t i = 0; i < c->nminifat; i++)
		c->minifat[i] = u32((unsigned char *)&c->minifat[i]);
	if (u32(root + 0x74) != ENDOFCHAIN && u32(root + 0x78) > 0 &&
	    read_chain(c, c->fat, c->nfat, u32(root + 0x74), c->sector, NULL,
		       0, 0, &c->ministream, &c->ministream_len, err) < 0)
		return -1;
	return 0;
}

static int read_file(struct cfb *c, const char *path, struct rk_error *err)
{
	FILE *f = fopen(path, "rb");
	long size;

	if (!f) {
		rk_error_set(err, RK_EXIT_NOINPUT, c->name, 0, "cannot open: %s",
			     strerror(errno));
		return -1;
	}
	if (fseek(f, 0, SEEK_END) < 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) < 0 || (size_t)size > CFB_MAX_FILE) {
		fclose(f);
		rk_error_set(err, RK_EXIT_DATAERR, c->name, 0,
			     "workbook larger than %zu bytes, the cap for xls",
			     CFB_MAX_FILE);
		return -1;
	}
	c->size = (size_t)size;
	/* padded to whole sectors so that a short last sector reads as zeros */
	c->file = calloc(1, c->size + 4096);
	if (!c->file || fread(c->file, 1, c->size, f) != c->size) {
		fclose(f);
		return rk_error_set(err, RK_EXIT_NOINPUT, c->name, 0,
				    "cannot read the file");
	}
	fclose(f);
	return 0;
}

struct cfb *cfb_open(const char *path, const char *name, struct rk_error *err)
{
	struct cfb *c = calloc(1, sizeof(*c));

	if (!c) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	c->name = name;
	if (read_file(c, path, err) < 0 || load_header(c, err) < 0 ||
	    load_fat(c, err) < 0 || load_dir(c, err) < 0) {
		cfb_close(c);
		return NULL;
	}
	return c;
}

/* The directory entry of a stream named name (ASCII, any case), or NULL. */
static const unsigned char *find(const struct cfb *c, const char *name)
{
	size_t want = strlen(name);

	for (size_t off = 0; off + DIR_ENTRY <= c->dirlen; off += DIR_ENTRY) {
		const unsigned char *e = c->dir + off;
		unsigned nlen = u16(e + 0x40);
		size_t k;

		if (e[0x42] != 2 || nlen != (want + 1) * 2 || nlen > 64)
			continue;
		for (k = 0; k < want; k++) {
			unsigned ch = u16(e + 2 * k);
			unsigned w = (unsigned char)name[k];

			if (ch >= 'a' && ch <= 'z')
				ch -= 32;
			if (w >= 'a' && w <= 'z')
				w -= 32;
			if (ch != w)
				break;
		}
		if (k == want)
			return e;
	}
	return NULL;
}

int cfb_has(const struct cfb *c, const char *stream)
{
	return find(c, stream) != NULL;
}

int cfb_read(const struct cfb *c, const char *stream, unsigned char **data,
	     size_t *len, struct rk_error *err)
{
	const unsigned char *e = find(c, stream);
	uint32_t start, size;

	if (!e)
		return 1;
	start = u32(e + 0x74);
	size = u32(e + 0x78);
	if (size == 0) {
		*data = malloc(1);
		*len = 0;
		return *data ? 0 : rk_error_set(err, RK_EXIT_SOFTWARE, c->name,
						0, "out of memory");
	}
	if (size > c->size)
		return bad(c, err, "a stream larger than the file");
	if (size < c->mini_cutoff)
		return read_chain(c, c->minifat, c->nminifat, start, 64,
				  c->ministream, c->ministream_len, size, data,
				  len, err);
	return read_chain(c, c->fat, c->nfat, start, c->sector, NULL, 0, size,
			  data, len, err);
}

void cfb_close(struct cfb *c)
{
	if (!c)
		return;
	free(c->file);
	free(c->fat);
	free(c->minifat);
	free(c->dir);
	free(c->ministream);
	free(c);
}
