/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A compare entry's denominators from arbitrary bytes: the population
 * file's reader (denom_read), and the rates of a fixed pair of sources
 * over them (denom_find, rates_compute), without writing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "compare/align.h"
#include "compare/denom.h"
#include "compare/obs_set.h"
#include "compare/rates.h"
#include "compare/read_tidy.h"

static const char tidy[] =
	"source,indicator,period,region,sex,value,status,origin\n"
	"a,x,2024-Q1,DU,,12,,a:2\n"
	"a,x,2024-Q1,SU,,3,,a:3\n"
	"a,x,2024,GB,,5,,a:4\n"
	"a,x,2024-Q2,DU,M,7.5,,a:5\n"
	"b,x,2024-Q1,DU,,30,,b:2\n"
	"b,x,2024-Q1,SU,,0,provisional,b:3\n"
	"b,x,2024,GB,,9,,b:4\n"
	"b,x,2024-Q2,DU,M,4,,b:5\n";

static const char *scratch(char *path, const void *data, size_t size)
{
	int fd = mkstemp(path);

	if (fd < 0)
		return NULL;
	if (pwrite(fd, data, size, 0) != (ssize_t)size) {
		close(fd);
		return NULL;
	}
	close(fd);
	return path;
}

static struct obs_set *observations(void)
{
	static char *dims[] = { "region", "sex" };
	static struct obs_set *s;
	static char path[] = "/tmp/fuzz_denom_tidy_XXXXXX";
	struct rk_error err = { 0 };

	if (s)
		return s;
	if (!scratch(path, tidy, sizeof(tidy) - 1) ||
	    !(s = obs_set_new(dims, 2)))
		return NULL;
	if (compare_read_tidy(s, path, &err) < 0) {
		obs_set_free(s);
		s = NULL;
	}
	unlink(path);
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[] = "/tmp/fuzz_denom_XXXXXX";
	static char name[sizeof(path)];
	struct obs_set *s = observations();
	struct rk_error err = { 0 };
	struct alignment al;
	struct rate_stats *rs;
	struct denom *d;

	gsl_set_error_handler_off();
	memcpy(name, path, sizeof(path));
	if (!s || !scratch(name, data, size))
		return 0;
	d = denom_read(name, s->dim, s->ndims, &err);
	unlink(name);
	if (!d)
		return 0;
	if (align_build(s, "x", "a", "b", &al, &err) == 0) {
		rs = malloc((al.n + 1) * sizeof(*rs));
		if (rs)
			rates_compute(&al, d, 100000, "a", "b", rs);
		free(rs);
		align_release(&al);
	}
	denom_free(d);
	return 0;
}
