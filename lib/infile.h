/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_INFILE_H
#define RECKON_INFILE_H

#include <stdio.h>

#include "error.h"

/*
 * An input named on the command line or in a config, checked and opened
 * once: a pipe, a FIFO or process substitution (<(...)) can be read only
 * once, so nothing may peek at it by opening it a second time.
 */
enum rk_infile_kind {
	RK_INFILE_REGULAR,  /* a file: can be read again and seeked in */
	RK_INFILE_STREAM    /* stdin ("-"), a pipe, a FIFO, a device */
};

/*
 * What path names ("-" is stdin), without opening it.  Returns 0 and sets
 * *kind, or -1 with err set to RK_EXIT_NOINPUT: no such file, a directory,
 * a socket, or not readable (no hint: the caller says where the path
 * came from).  name is how messages call the input.
 */
int rk_infile_kind(const char *path, const char *name,
		   enum rk_infile_kind *kind, struct rk_error *err);

/*
 * Checks path as rk_infile_kind does and opens it for reading.  Returns
 * stdin for "-" (not to be closed), else a stream the caller fcloses; NULL
 * with err set (RK_EXIT_NOINPUT).  Sets *kind when kind is not NULL.
 */
FILE *rk_infile_open(const char *path, const char *name,
		     enum rk_infile_kind *kind, struct rk_error *err);

#endif
