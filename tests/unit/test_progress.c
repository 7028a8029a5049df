/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "progress.h"

/* Everything progress writes while stderr is a file: it must be nothing. */
static void test_silent_off_a_terminal(void **state)
{
	struct rk_progress p;
	FILE *e = tmpfile();
	int saved = dup(2);
	long size;

	(void)state;
	fflush(stderr);
	dup2(fileno(e), 2);
	rk_progress_init(&p, "reckon-test", 0);
	rk_progress_count(&p, 65536);
	rk_progress_step(&p, "[%d/%d] extract", 1, 2);
	rk_progress_step_done(&p, "%.1f s", 0.5);
	rk_progress_end(&p);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fseek(e, 0, SEEK_END);
	size = ftell(e);
	fclose(e);
	assert_int_equal(p.on, 0);
	assert_int_equal(size, 0);
}

static void test_quiet_is_off(void **state)
{
	struct rk_progress p;

	(void)state;
	rk_progress_init(&p, "reckon-test", 1);
	assert_int_equal(p.on, 0);
	assert_string_equal(p.prog, "reckon-test");
	rk_progress_end(&p);   /* harmless with nothing shown */
	assert_int_equal(p.shown, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_silent_off_a_terminal),
		cmocka_unit_test(test_quiet_is_off),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
