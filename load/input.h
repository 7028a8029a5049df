/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_INPUT_H
#define RECKON_INPUT_H

#include "error.h"
#include "sha256.h"

/*
 * The input of a load, hashed as it is read: a thread reads the file (or
 * stdin), feeds its SHA-256 and passes the bytes on through a pipe, which
 * the tidy reader opens by load_input_path().  The digest is thus of
 * exactly the bytes loaded, stdin included, at no extra pass.
 */
struct load_input;

/*
 * Opens path ("-" for stdin) and starts the thread.  Returns NULL with err
 * set (RK_EXIT_NOINPUT when the file cannot be opened).
 */
struct load_input *load_input_open(const char *path, struct rk_error *err);

/* What to hand to tidy_reader_open(): "/dev/fd/N"; valid while in lives. */
const char *load_input_path(const struct load_input *in);

/* The input as the user named it ("stdin" for "-"), for messages. */
const char *load_input_name(const struct load_input *in);

/*
 * Puts the user's name for the input in err where the reader put
 * load_input_path().
 */
void load_input_name_error(const struct load_input *in, struct rk_error *err);

/*
 * Once the reader has reached the end: waits for the thread and gives the
 * digest (hex) and the size in bytes.  Returns 0, or -1 with err set
 * (RK_EXIT_IOERR: the input could not be read).
 */
int load_input_finish(struct load_input *in, char hex[RK_SHA256_HEX],
		      long long *bytes, struct rk_error *err);

/*
 * Stops the thread (the reader must be closed first), frees; accepts NULL.
 */
void load_input_close(struct load_input *in);

#endif
