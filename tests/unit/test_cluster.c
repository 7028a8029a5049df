/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cluster.h"

/* Paths are made absolute; nothing is created on disk. */
static void test_paths(void **state)
{
	struct rk_error err = { 0 };
	struct rk_cluster *c;
	char cwd[4096], want[4200];

	(void)state;
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	c = rk_cluster_open("./reckon-test-no-such-dir", &err);
	assert_non_null(c);
	snprintf(want, sizeof(want), "%s/reckon-test-no-such-dir", cwd);
	assert_string_equal(rk_cluster_home(c), want);
	snprintf(want, sizeof(want), "host=%s/reckon-test-no-such-dir/pg/run "
		 "port=5432 dbname=reckon user=reckon", cwd);
	assert_string_equal(rk_cluster_conninfo(c), want);
	assert_int_equal(access("reckon-test-no-such-dir", F_OK), -1);
	rk_cluster_close(c);
}

static void test_home_from_environment(void **state)
{
	struct rk_error err = { 0 };
	struct rk_cluster *c;

	(void)state;
	setenv("RECKON_HOME", "/srv/my state", 1);
	c = rk_cluster_open(NULL, &err);
	assert_string_equal(rk_cluster_home(c), "/srv/my state");
	assert_string_equal(rk_cluster_conninfo(c), "host='/srv/my state/pg/run'"
				     " port=5432 dbname=reckon user=reckon");
	assert_string_equal(rk_cluster_log(c), "/srv/my state/pg/server.log");
	rk_cluster_close(c);
	unsetenv("RECKON_HOME");
}

/* A Unix socket path holds at most 107 bytes. */
static void test_socket_path_too_long(void **state)
{
	struct rk_error err = { 0 };
	struct rk_cluster *c;
	char home[200] = "/";

	(void)state;
	memset(home + 1, 'x', 100);
	assert_null(rk_cluster_open(home, &err));
	assert_int_equal(err.code, RK_EXIT_CONFIG);
	assert_string_equal(err.hint, "set RECKON_HOME to a shorter path");
	home[80] = '\0';               /* a path the socket still fits */
	c = rk_cluster_open(home, &err);
	assert_non_null(c);
	rk_cluster_close(c);
}

/* A cluster never created: absent, and status needs no programs. */
static void test_status_of_nothing(void **state)
{
	struct rk_error err = { 0 };
	struct rk_cluster *c = rk_cluster_open("/nonexistent/reckon", &err);
	enum rk_cluster_state st = RK_CLUSTER_RUNNING;
	pid_t pid = 1;

	(void)state;
	assert_int_equal(rk_cluster_status(c, &st, &pid, &err), 0);
	assert_int_equal(st, RK_CLUSTER_ABSENT);
	assert_int_equal(pid, 0);
	rk_cluster_close(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_home_from_environment),
		cmocka_unit_test(test_socket_path_too_long),
		cmocka_unit_test(test_status_of_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
