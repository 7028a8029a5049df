/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_RUNID_H
#define RECKON_RUNID_H

#include "manifest.h"

/*
 * The run id: the first 16 hex digits of the SHA-256 of a canonical text
 * naming everything that decides a run's outputs: the tool version, the
 * config's digest, each code list's file name and digest, each input's
 * source id and digest, the mode (files or database), the --only sources
 * and SOURCE_DATE_EPOCH when set.  Paths and times are not part of it, so
 * the same inputs give the same id wherever they sit.
 */
#define RUNID_LEN 16

/* Writes the id of m's inputs (hashed already) into id. */
void runid_compute(const struct manifest *m, char id[RUNID_LEN + 1]);

#endif
