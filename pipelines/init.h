/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_INIT_H
#define RECKON_INIT_H

#include "error.h"

/*
 * `reckon init DIR`: starts a pipeline in DIR (created; it must not exist,
 * or be empty): pipeline.yaml, a skeleton to fill in, named after DIR;
 * codelists/ with region.csv, sex.csv and indicator.csv holding only
 * their header; data/ for the inputs; README.md with the next steps.
 * Nothing is overwritten.  Returns 0, or -1 with err set
 * (RK_EXIT_CANTCREAT; RK_EXIT_USAGE when DIR is not empty).
 */
int init_pipeline(const char *dir, struct rk_error *err);

#endif
