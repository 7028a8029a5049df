/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "input.h"

static char *write_file(size_t size)
{
	char *path = strdup("/tmp/test_input_XXXXXX");
	int fd = mkstemp(path);
	char block[4096];

	assert_true(fd >= 0);
	for (size_t i = 0; i < sizeof(block); i++)
		block[i] = (char)('a' + i % 26);
	for (size_t done = 0; done < size; done += sizeof(block)) {
		size_t n = size - done < sizeof(block) ? size - done
						       : sizeof(block);

		assert_int_equal(write(fd, block, n), (ssize_t)n);
	}
	close(fd);
	return path;
}

/* What comes through the pipe is the file; the digest is the file's. */
static void test_pass_through_and_digest(void **state)
{
	char *path = write_file(3 * 1000 * 1000 + 17);
	struct rk_error err = { 0 };
	struct load_input *in = load_input_open(path, &err);
	char hex[RK_SHA256_HEX], want[RK_SHA256_HEX], buf[65536];
	long long bytes = 0, size = 0, seen = 0;
	FILE *f;
	size_t n;

	(void)state;
	assert_non_null(in);
	assert_string_equal(load_input_name(in), path);
	f = fopen(load_input_path(in), "rb");
	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		seen += (long long)n;
	fclose(f);
	assert_int_equal(load_input_finish(in, hex, &bytes, &err), 0);
	assert_int_equal(rk_sha256_file(path, want, &size, &err), 0);
	assert_string_equal(hex, want);
	assert_int_equal(bytes, size);
	assert_int_equal(seen, size);
	load_input_close(in);
	unlink(path);
	free(path);
}

/* A reader that stops early does not leave the thread blocked. */
static void test_early_close(void **state)
{
	char *path = write_file(8 * 1000 * 1000);
	struct rk_error err = { 0 };
	struct load_input *in = load_input_open(path, &err);
	char buf[100];
	FILE *f;

	(void)state;
	assert_non_null(in);
	f = fopen(load_input_path(in), "rb");
	assert_int_equal(fread(buf, 1, sizeof(buf), f), sizeof(buf));
	fclose(f);
	load_input_close(in);
	unlink(path);
	free(path);
}

static void test_missing_file(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	assert_null(load_input_open("/nonexistent/in.csv", &err));
	assert_int_equal(err.code, RK_EXIT_NOINPUT);
	assert_string_equal(err.file, "/nonexistent/in.csv");
}

/* Errors the reader made about "/dev/fd/N" name the input instead. */
static void test_error_names_the_input(void **state)
{
	char *path = write_file(10);
	struct rk_error err = { 0 };
	struct load_input *in = load_input_open(path, &err);

	(void)state;
	rk_error_set(&err, RK_EXIT_DATAERR, load_input_path(in), 3, "bad");
	load_input_name_error(in, &err);
	assert_string_equal(err.file, path);
	load_input_close(in);
	unlink(path);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pass_through_and_digest),
		cmocka_unit_test(test_early_close),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_error_names_the_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
