/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_XLSX_IMPL_H
#define RECKON_XLSX_IMPL_H

/* What xlsx.c (the package and workbook) shares with xlsx_sheet.c. */

#include "book_impl.h"
#include "serial.h"
#include "sst.h"
#include "xlstyles.h"
#include "xmlzip.h"

struct xlsx_book {
	struct book base;
	struct xmlzip *zip;
	long *sheet_part;            /* zip entry of each worksheet */
	enum serial_system dates;
	long sst_part, styles_part;  /* -1 when absent */
	long core_part;              /* the core properties; -1 absent */
	struct sst *sst;             /* loaded by the first sheet opened */
	struct xlstyles *styles;
	int loaded;
};

/* Loads the shared strings and styles once.  Returns -1 with err set. */
int xlsx_book_load_shared(struct xlsx_book *b, struct rk_error *err);

struct sheet *xlsx_sheet_open(struct book *b, size_t i, struct rk_error *err);
int xlsx_sheet_next(struct sheet *s, struct sheet_row *row, struct rk_error *err);
void xlsx_sheet_close(struct sheet *s);

/*
 * The merged ranges of the worksheet in entry idx, by a scan of its bytes
 * for <mergeCell ref="..."/> after </sheetData> (no XML parse).  *out is
 * malloc'd (NULL when none).  Returns -1 with err set.
 */
#define XLSX_MAX_MERGES 1000000
int xlsx_merges_scan(struct xmlzip *z, struct xmlzip_part *p,
		     struct sheet_range **out, size_t *n, struct rk_error *err);

#endif
