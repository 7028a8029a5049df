/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_RX_H
#define RECKON_RX_H

#include <stddef.h>

#include "error.h"

/*
 * Unicode regular expressions (ICU syntax) over UTF-8 text, for the
 * patterns users write in configs: skip_rows, stop_at.  Matching is a
 * search (anchor with ^ and $ where needed); (?i) folds case in any script.
 */
struct rk_rx;

/*
 * Compiles pattern.  name and line say where it was written, for errors
 * (RK_EXIT_CONFIG with the ICU reason and the offset in the pattern).
 */
struct rk_rx *rk_rx_compile(const char *pattern, const char *name, long line,
			    struct rk_error *err);

/* 1 if the pattern is found in s[0..len), 0 if not, -1 on an ICU failure. */
int rk_rx_search(struct rk_rx *rx, const char *s, size_t len);

/*
 * Searches s[0..len) and copies what the first group matched (the whole
 * match when the pattern has no group) into out (size bytes, cut to fit).
 * 1 when found, 0 when not, -1 on an ICU failure.
 */
int rk_rx_capture(struct rk_rx *rx, const char *s, size_t len, char *out,
		  size_t size);

/* Frees; accepts NULL. */
void rk_rx_free(struct rk_rx *rx);

#endif
