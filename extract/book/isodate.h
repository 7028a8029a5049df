/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_ISODATE_H
#define RECKON_ISODATE_H

#include <stddef.h>

#include "serial.h"

/*
 * ISO 8601 values stored in workbooks, written in the cells format
 * (../shared/corpus/README.md, "Date rule"): YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS
 * or HH:MM:SS, seconds rounded half up.  Each returns 0, or -1 (out is
 * then "") when s is not such a value.  out has SERIAL_MAX bytes.
 */

/* An xlsx t="d" cell (openpyxl's from_ISO8601): date, date-time, time or PT duration. */
int isodate_xlsx(const char *s, char *out);

/* An ods office:date-value: date or date-time, optional fraction and zone. */
int isodate_ods_date(const char *s, char *out);

/* An ods office:time-value: an ISO 8601 duration [-]P[nD][T[nH][nM][n[.n]S]]. */
int isodate_ods_time(const char *s, char *out);

#endif
