/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_XLS_IMPL_H
#define RECKON_XLS_IMPL_H

/*
 * The xls (BIFF5/7 and BIFF8) reader: xls.c reads the container and the
 * workbook globals, xls_sheet.c a worksheet's cells.  Values follow xlrd
 * (the corpus oracle): a number is a date when its cell format's number
 * format is one by xlrd's rule.
 */

#include <stdint.h>

#include <unicode/ucnv.h>

#include "book_impl.h"
#include "bytebuf.h"
#include "numfmt_date.h"
#include "serial.h"

#define XLS_MAX_CELLS 20000000UL      /* cells of one sheet */

/* BIFF record types used here */
enum {
	BIFF_FORMULA = 0x0006, BIFF_EOF = 0x000A, BIFF_FILEPASS = 0x002F,
	BIFF_DATEMODE = 0x0022, BIFF_CONTINUE = 0x003C, BIFF_CODEPAGE = 0x0042,
	BIFF_BOUNDSHEET = 0x0085, BIFF_MULRK = 0x00BD, BIFF_RSTRING = 0x00D6,
	BIFF_XF = 0x00E0, BIFF_MERGEDCELLS = 0x00E5, BIFF_SST = 0x00FC,
	BIFF_LABELSST = 0x00FD, BIFF_NUMBER = 0x0203, BIFF_LABEL = 0x0204,
	BIFF_BOOLERR = 0x0205, BIFF_STRING = 0x0207, BIFF_ARRAY = 0x0221,
	BIFF_TABLEOP = 0x0236, BIFF_RK = 0x027E, BIFF_FORMAT = 0x041E,
	BIFF_SHRFMLA = 0x04BC, BIFF_BOF = 0x0809,
	BIFF_FORMULA3 = 0x0206, BIFF_FORMULA4 = 0x0406,
	BIFF_BOF2 = 0x0009, BIFF_BOF3 = 0x0209, BIFF_BOF4 = 0x0409
};

struct biff_rec {
	unsigned type;
	const unsigned char *data;
	size_t len;
	size_t pos;                  /* offset of the record in the stream */
};

struct xls_book {
	struct book base;
	unsigned char *stream;       /* the Workbook stream */
	size_t len;
	int biff8;                   /* else BIFF5/7 */
	enum serial_system dates;
	UConverter *cnv;             /* BIFF5 byte strings, from CODEPAGE */
	unsigned char fmt_kind[65536];    /* 0 unset, else numfmt_kind + 1 */
	unsigned char *xf_kind;      /* numfmt_kind per cell format */
	size_t nxf, capxf;
	uint16_t *xf_fmt;            /* format key per cell format */
	struct bytebuf sst;          /* shared strings, each NUL-terminated */
	size_t *sst_off, nsst;
	size_t *sheet_pos;           /* stream offset of each worksheet's BOF */
};

/* The record at pos; 0, or -1 when none fits in the stream. */
int xls_rec(const struct xls_book *b, size_t pos, struct biff_rec *r);

/*
 * Appends a BIFF8 unicode string body (nchars characters, flags byte
 * first) or a BIFF5 byte string (nbytes) as UTF-8; returns the bytes read,
 * or -1 when it overruns len or out of memory (*oom set).
 */
long xls_unicode(const unsigned char *p, size_t len, size_t nchars,
		 struct bytebuf *out, int *oom);
int xls_bytes(struct xls_book *b, const unsigned char *p, size_t n,
	      struct bytebuf *out);

/* The kind of number format of cell format xf. */
enum numfmt_kind xls_xf_kind(const struct xls_book *b, unsigned xf);

struct sheet *xls_sheet_open(struct book *b, size_t i, struct rk_error *err);
int xls_sheet_next(struct sheet *s, struct sheet_row *row, struct rk_error *err);
void xls_sheet_close(struct sheet *s);

#endif
