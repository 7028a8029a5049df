/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * reckon-compare from a tidy file of arbitrary bytes: the tidy reader, the
 * observation set, alignment of sources "a" and "b" (and of the first two
 * sources seen), and every statistic of a pair, without writing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "compare/align.h"
#include "compare/cells.h"
#include "compare/dist.h"
#include "compare/obs_set.h"
#include "compare/summary.h"
#include "compare/read_tidy.h"
#include "compare/stock.h"
#include "compare/trend.h"

/* The tidy reader reads a path: one scratch file per process. */
static const char *scratch(const uint8_t *data, size_t size)
{
	static char path[] = "/tmp/fuzz_compare_XXXXXX";
	static int fd = -1;

	if (fd < 0 && (fd = mkstemp(path)) < 0)
		return NULL;
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		return NULL;
	return path;
}

static void measure(const struct obs_set *s, const char *indicator,
		    const char *a, const char *b, int stock)
{
	struct rk_error err = { 0 };
	struct alignment al;
	struct cell_stats *st;
	struct summary sm;
	struct dist *d = NULL;
	struct trend t;
	size_t nd = 0;

	if (align_build_stock(s, indicator, a, b, stock, &al, &err) < 0)
		return;
	st = malloc((al.n + 1) * sizeof(*st));
	if (st && cells_compute(&al, 0.05, st) == 0 &&
	    summary_compute(&al, st, &sm) == 0) {
		if ((stock ? stock_measure(&al, st, &sm, &d, &nd)
			   : dist_compute(&al, &d, &nd)) == 0)
			dist_free(d, nd);
		trend_compute(&al, 2, &t);
	}
	free(st);
	align_release(&al);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *dims[] = { "region" };
	struct rk_error err = { 0 };
	const char *path;
	struct obs_set *s;

	gsl_set_error_handler_off();
	if ((path = scratch(data, size)) == NULL)
		return 0;
	s = obs_set_new(dims, 1);
	if (!s)
		return 0;
	if (compare_read_tidy(s, path, &err) == 0 && s->n > 0) {
		const char *ind = s->str[s->row[0].indicator];
		const char *first = s->str[s->row[0].source];
		const char *second = s->str[s->row[s->n - 1].source];

		measure(s, "x", "a", "b", 0);
		measure(s, ind, first, second, 0);
		measure(s, ind, first, second, 1);
	}
	obs_set_free(s);
	return 0;
}
