/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Floating-point checks for the statistics tests (cmocka has float only). */
#ifndef RECKON_TEST_CLOSE_H
#define RECKON_TEST_CLOSE_H

#include <math.h>

/* |got - want| <= tol * max(1, |want|): relative, absolute near zero. */
#define assert_close(got, want, tol) \
	check_close((got), (want), (tol), #got, __FILE__, __LINE__)

#define assert_nan(got) \
	do { \
		double v_ = (got); \
		if (!isnan(v_)) { \
			print_error("%s = %.17g, expected NaN\n", #got, v_); \
			_fail(__FILE__, __LINE__); \
		} \
	} while (0)

static inline void check_close(double got, double want, double tol,
			       const char *what, const char *file, int line)
{
	double scale = fabs(want) > 1 ? fabs(want) : 1;

	if (!(fabs(got - want) <= tol * scale)) {
		print_error("%s = %.17g, expected %.17g (tolerance %g)\n", what,
			    got, want, tol);
		_fail(file, line);
	}
}

#endif
