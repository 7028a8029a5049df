/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bounds.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#define RECORD_DEFAULT (64ull << 20)
#define STREAM_DEFAULT (16ull << 30)

int rk_bound_parse(const char *s, unsigned long long *out)
{
	unsigned long long v, mult = 1;
	char *end;

	if (!s || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	switch (*end) {
	case 'K': case 'k': mult = 1ull << 10; end++; break;
	case 'M': case 'm': mult = 1ull << 20; end++; break;
	case 'G': case 'g': mult = 1ull << 30; end++; break;
	default: break;
	}
	if (*end || v == 0 || v > UINT64_MAX / mult)
		return -1;
	*out = v * mult;
	return 0;
}

static unsigned long long from_env(const char *name, unsigned long long def)
{
	unsigned long long v;

	return rk_bound_parse(getenv(name), &v) == 0 ? v : def;
}

size_t rk_bound_record(void)
{
	unsigned long long v = from_env("RECKON_MAX_RECORD", RECORD_DEFAULT);

	return v > SIZE_MAX / 2 ? SIZE_MAX / 2 : (size_t)v;
}

unsigned long long rk_bound_stream(void)
{
	return from_env("RECKON_MAX_STREAM", STREAM_DEFAULT);
}
