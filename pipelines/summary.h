/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_SUMMARY_H
#define RECKON_SUMMARY_H

#include <stdio.h>

#include "run.h"

/*
 * The few lines `reckon run` ends with: rows per stage, rejects, unmapped
 * labels, significant gaps, and where the brief is.  No timings, so that
 * the same inputs give the same summary.
 */
void summary_write(FILE *f, const struct run *r);

#endif
