/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_NUMFMT_DATE_H
#define RECKON_NUMFMT_DATE_H

/*
 * Which number formats make a cell a date, as the corpus oracle's readers
 * decide it (../shared/corpus/README.md, "Readers").
 */

enum numfmt_kind {
	NUMFMT_NUMBER = 0,
	NUMFMT_DATE,        /* a calendar date, date-time or time of day */
	NUMFMT_DURATION     /* elapsed time: [h], [m] or [s] */
};

/*
 * xlsx (openpyxl's rule): the first section of code, with quoted literals
 * and bracketed groups other than [h] [hh] [m] [mm] [s] [ss] removed, has
 * one of dmhys (either case) after a character other than a backslash; a
 * date whose first section holds [h], [m] or [s] is a duration.
 */
enum numfmt_kind numfmt_date_kind(const char *code);

/*
 * xls (xlrd's rule): with quoted text, characters after \ _ *, the
 * characters $-+/(): and space, and bracketed groups removed, more date
 * letters ymdhs than digit placeholders 0#?.  Durations as for xlsx.
 */
enum numfmt_kind numfmt_date_kind_xls(const char *code);

/* The code of built-in number format id (0–49) as openpyxl knows it, or NULL. */
const char *numfmt_builtin(long id);

#endif
