/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_SERIAL_H
#define RECKON_SERIAL_H

/*
 * Spreadsheet date serials in the cells format (../shared/corpus/README.md,
 * "Date rule"): YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS, or HH:MM:SS for a time of
 * day (0 <= x < 1) or an elapsed duration; seconds rounded, halves up.
 * The 1900 system (epoch 1899-12-30, serials 1–59 moved a day later to undo
 * Excel's 1900-02-29) or the 1904 system (epoch 1904-01-01).
 */
#define SERIAL_MAX 64

enum serial_system { SERIAL_1900 = 0, SERIAL_1904 = 1 };

/*
 * A date-formatted serial as a date, date-time or time of day.  Returns 0,
 * or -1 when the result falls outside years 1–9999 (buf is then "").
 */
int serial_date(double x, enum serial_system sys, char *buf);

/* A serial under an elapsed-time format ([h]:mm:ss): hours unbounded. */
int serial_duration(double x, char *buf);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
long long serial_days_from_civil(long long y, unsigned m, unsigned d);
void serial_civil_from_days(long long z, long long *y, unsigned *m, unsigned *d);

#endif
