/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_DOCPROPS_H
#define RECKON_DOCPROPS_H

#include <stddef.h>

#include "book.h"
#include "xmlzip.h"

/*
 * A package's document properties: when the workbook was made and last
 * saved, as the program that saved it wrote them (xlsx docProps/core.xml
 * dcterms:created and dcterms:modified; ods meta.xml meta:creation-date and
 * dc:date).
 */

/*
 * A W3C date-time (W3CDTF, the profile of ISO 8601 the properties use):
 * YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-MM-DDThh:mm[:ss[.s...]] followed by Z
 * or +hh:mm / -hh:mm; spaces around it are allowed.  A time with no zone
 * (LibreOffice's dc:date) is local time.  s[0..len) need not be
 * NUL-terminated.  Returns 0 with *t the seconds since 1970-01-01 UTC, or
 * -1 when s is not such a date-time (a day or month that does not exist,
 * a year outside 1-9999, a zone beyond 14 hours).
 */
int docprops_time(const char *s, size_t len, long long *t);

/*
 * The times of part idx of z (-1: none, *out then says nothing) from the
 * elements created and modified, each named "NAMESPACE-URI" XMLZIP_NS_SEP
 * "local": the first of each, when it holds a W3CDTF date-time.  A part
 * that is not well-formed XML says nothing either.  Returns 0, or -1 with
 * err set when out of memory.
 */
int docprops_read(struct xmlzip *z, long idx, const char *created,
		  const char *modified, struct book_props *out,
		  struct rk_error *err);

#endif
