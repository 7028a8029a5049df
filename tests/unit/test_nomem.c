/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Regression for 2eb96f0: normalise turned an origin it had no memory for
 * into an empty one.  Linked with -Wl,--wrap=realloc (see the Makefile):
 * the n-th realloc of reckon's own code fails, for every n until a run
 * needs no more; each run must either fail with "out of memory" or write
 * a tidy file whose every row has its origin — never a row without one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "config.h"
#include "normalise.h"

static long fail_at = -1, calls;

void *__real_realloc(void *p, size_t n);
void *__wrap_realloc(void *p, size_t n);

void *__wrap_realloc(void *p, size_t n)
{
	if (fail_at >= 0 && calls++ == fail_at)
		return NULL;
	return __real_realloc(p, n);
}

#define DATA "tests/cli/normalise_data/"

/* Every data row of f has a non-empty last field (origin). */
static void every_origin_given(FILE *f)
{
	char line[4096];
	int rows = 0;

	rewind(f);
	assert_non_null(fgets(line, sizeof(line), f));       /* header */
	while (fgets(line, sizeof(line), f)) {
		size_t n = strlen(line);

		assert_true(n > 1 && line[n - 1] == '\n');
		assert_true(line[n - 2] != ',');
		rows++;
	}
	assert_true(rows > 0);
}

/* One normalisation with the n-th realloc failing: 1 when none failed. */
static int run_failing_at(const struct rk_config *cfg, long n)
{
	struct rk_error err = { 0 };
	struct normaliser *z;
	FILE *out = tmpfile();
	int rc;

	assert_non_null(out);
	calls = 0;
	fail_at = n;
	z = normaliser_open(cfg, NULL, "rejects", &err);
	rc = z && normaliser_read(z, DATA "ngo_raw.csv", &err) == 0 &&
	     normaliser_read(z, DATA "gpo_raw.csv", &err) == 0 &&
	     normaliser_finish(z, &err) == 0 &&
	     normaliser_write(z, out, "out", &err) == 0 ? 0 : -1;
	if (z && normaliser_close(z, rc < 0 ? NULL : &err) < 0)
		rc = -1;
	fail_at = -1;
	if (rc < 0) {
		if (err.code != RK_EXIT_SOFTWARE)
			print_error("n=%ld: %d %s (%s:%ld)\n", n, err.code,
				    err.msg, err.file, err.line);
		assert_int_equal(err.code, RK_EXIT_SOFTWARE);
		assert_non_null(strstr(err.msg, "out of memory"));
	} else {
		every_origin_given(out);
	}
	fclose(out);
	return rc == 0 && calls <= n;
}

static void test_no_row_without_origin(void **state)
{
	struct rk_error err = { 0 };
	struct rk_config *cfg = rk_config_load(DATA "pipeline.yaml", &err);
	long n;

	(void)state;
	assert_non_null(cfg);
	for (n = 0; n < 100000 && !run_failing_at(cfg, n); n++)
		;
	assert_true(n > 0);          /* some allocation could fail */
	rk_config_free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_row_without_origin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
