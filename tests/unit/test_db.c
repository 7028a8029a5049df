/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "db.h"

static void check_redact(const char *in, const char *want)
{
	char *s = rk_db_redact(in);

	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void test_redact_drops_passwords(void **state)
{
	(void)state;
	check_redact("host=db.example port=5433 dbname=w user=etl "
		     "password=s3cret sslmode=require",
		     "host=db.example port=5433 dbname=w user=etl "
		     "sslmode=require");
	check_redact("postgresql://etl:s3cret@db.example:5433/w"
		     "?sslpassword=k3y&application_name=x",
		     "host=db.example port=5433 dbname=w user=etl "
		     "application_name=x");
	check_redact("service=warehouse", "service=warehouse");
	check_redact("", "");
}

static void test_redact_quotes_values(void **state)
{
	(void)state;
	check_redact("host='/srv/my pg' dbname='it\\'s'",
		     "host='/srv/my pg' dbname='it\\'s'");
	check_redact("dbname='back\\\\slash'", "dbname='back\\\\slash'");
}

static void test_redact_refuses_garbage(void **state)
{
	(void)state;
	assert_null(rk_db_redact("host=x s3cret"));
	assert_null(rk_db_redact("nosuchoption=1"));
	assert_null(rk_db_redact("postgresql://[bad"));
}

static void clear_env(void)
{
	const char *vars[] = { "RECKON_DB", "PGHOST", "PGHOSTADDR", "PGPORT",
			       "PGDATABASE", "PGUSER", "PGSERVICE", NULL };

	for (int i = 0; vars[i]; i++)
		unsetenv(vars[i]);
}

static void test_choose_order(void **state)
{
	(void)state;
	clear_env();
	assert_int_equal(rk_db_choose(NULL), RK_DB_VIA_PRIVATE);
	setenv("PGPASSWORD", "x", 1);     /* not a "where" */
	assert_int_equal(rk_db_choose(NULL), RK_DB_VIA_PRIVATE);
	setenv("PGSERVICE", "warehouse", 1);
	assert_int_equal(rk_db_choose(NULL), RK_DB_VIA_LIBPQ);
	setenv("RECKON_DB", "dbname=x", 1);
	assert_int_equal(rk_db_choose(NULL), RK_DB_VIA_ENV);
	assert_int_equal(rk_db_choose("dbname=y"), RK_DB_VIA_ARG);
	setenv("RECKON_DB", "", 1);
	assert_int_equal(rk_db_choose(NULL), RK_DB_VIA_LIBPQ);
	clear_env();
	unsetenv("PGPASSWORD");
}

/* Unreachable: 69, the target named without the password, a hint. */
static void test_open_unreachable(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	clear_env();
	assert_null(rk_db_open("host=/nonexistent/reckon port=5 dbname=w "
			       "user=etl password=s3cret", "test", &err));
	assert_int_equal(err.code, RK_EXIT_UNAVAILABLE);
	assert_string_equal(err.file, "host=/nonexistent/reckon port=5 "
				      "dbname=w user=etl");
	assert_string_equal(err.msg, "cannot connect to the database: no such "
				     "file or directory");
	assert_string_equal(err.hint, "is the server running? check --db");
	assert_null(strstr(err.msg, "s3cret"));
}

static void test_open_unparsable_is_not_echoed(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	clear_env();
	assert_null(rk_db_open("host=x s3cret", "test", &err));
	assert_int_equal(err.code, RK_EXIT_USAGE);
	assert_null(strstr(err.msg, "s3cret"));
	assert_null(strstr(err.hint, "s3cret"));
	setenv("RECKON_DB", "host=x s3cret", 1);
	assert_null(rk_db_open(NULL, "test", &err));
	assert_string_equal(err.msg, "cannot parse the connection string in "
				     "RECKON_DB");
	unsetenv("RECKON_DB");
}

static void test_text_array(void **state)
{
	char *v[] = { "region", "say \"hi\"", "a\\b", "" };
	char *s = rk_db_text_array(v, 4);

	(void)state;
	assert_string_equal(s, "{\"region\",\"say \\\"hi\\\"\",\"a\\\\b\",\"\"}");
	free(s);
	s = rk_db_text_array(NULL, 0);
	assert_string_equal(s, "{}");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_redact_drops_passwords),
		cmocka_unit_test(test_redact_quotes_values),
		cmocka_unit_test(test_redact_refuses_garbage),
		cmocka_unit_test(test_choose_order),
		cmocka_unit_test(test_open_unreachable),
		cmocka_unit_test(test_open_unparsable_is_not_echoed),
		cmocka_unit_test(test_text_array),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
