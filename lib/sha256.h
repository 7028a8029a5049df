/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_SHA256_H
#define RECKON_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

/*
 * SHA-256 (FIPS 180-4), for the provenance of inputs and configs: the
 * digests that load_run and run manifests record.  Streaming: init, any
 * number of updates, final.  Uses the CPU's SHA instructions when it has
 * them (x86-64), the portable rounds otherwise; both give the same digest.
 */
struct rk_sha256 {
	uint32_t h[8];
	uint64_t bytes;           /* hashed so far */
	unsigned char buf[64];    /* a partial block */
	size_t nbuf;
};

#define RK_SHA256_HEX 65       /* 64 hex digits and a NUL */

void rk_sha256_init(struct rk_sha256 *s);
void rk_sha256_update(struct rk_sha256 *s, const void *data, size_t len);

/* Writes the 32-byte digest; s must be initialised again before reuse. */
void rk_sha256_final(struct rk_sha256 *s, unsigned char digest[32]);

/* The digest as 64 lower-case hex digits. */
void rk_sha256_hex(const unsigned char digest[32], char hex[RK_SHA256_HEX]);

/* Tests: 1 makes every later hash use the portable rounds. */
void rk_sha256_force_portable(int on);

/*
 * Hashes a whole file into hex (and its size into *size, may be NULL).
 * Returns 0, or -1 with err set (RK_EXIT_NOINPUT: cannot open,
 * RK_EXIT_IOERR: read error).
 */
int rk_sha256_file(const char *path, char hex[RK_SHA256_HEX], long long *size,
		   struct rk_error *err);

#endif
