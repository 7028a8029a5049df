/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "sha256.h"

static void hash(const void *p, size_t n, char hex[RK_SHA256_HEX])
{
	struct rk_sha256 s;
	unsigned char d[32];

	rk_sha256_init(&s);
	rk_sha256_update(&s, p, n);
	rk_sha256_final(&s, d);
	rk_sha256_hex(d, hex);
}

static void check_vectors(void)
{
	char hex[RK_SHA256_HEX];

	hash("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
				 "27ae41e4649b934ca495991b7852b855");
	hash("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
				 "b00361a396177a9cb410ff61f20015ad");
	hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	     hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039"
				 "a33ce45964ff2167f6ecedd419db06c1");
}

static void test_fips_vectors(void **state)
{
	(void)state;
	check_vectors();
}

static void test_fips_vectors_portable(void **state)
{
	(void)state;
	rk_sha256_force_portable(1);
	check_vectors();
	rk_sha256_force_portable(0);
}

/* A million 'a' fed in uneven pieces: the buffering across blocks. */
static void test_million_a_in_pieces(void **state)
{
	char *a = malloc(1000000);
	struct rk_sha256 s;
	unsigned char d[32];
	char hex[RK_SHA256_HEX];
	size_t off = 0, step = 1;

	(void)state;
	memset(a, 'a', 1000000);
	rk_sha256_init(&s);
	while (off < 1000000) {
		size_t n = step < 1000000 - off ? step : 1000000 - off;

		rk_sha256_update(&s, a + off, n);
		off += n;
		step = step * 3 % 1021 + 1;
	}
	rk_sha256_final(&s, d);
	rk_sha256_hex(d, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67"
				 "f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

/* Both implementations agree on every length around the block edges. */
static void test_portable_and_fast_agree(void **state)
{
	unsigned char buf[300];
	char h1[RK_SHA256_HEX], h2[RK_SHA256_HEX];

	(void)state;
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 7 + 3);
	for (size_t n = 0; n <= sizeof(buf); n++) {
		hash(buf, n, h1);
		rk_sha256_force_portable(1);
		hash(buf, n, h2);
		rk_sha256_force_portable(0);
		assert_string_equal(h1, h2);
	}
}

static void test_file(void **state)
{
	char path[] = "/tmp/test_sha256_XXXXXX";
	int fd = mkstemp(path);
	char hex[RK_SHA256_HEX];
	long long size = -1;
	struct rk_error err = { 0 };

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "abc", 3), 3);
	close(fd);
	assert_int_equal(rk_sha256_file(path, hex, &size, &err), 0);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
				 "b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(size, 3);
	unlink(path);
	assert_int_equal(rk_sha256_file(path, hex, NULL, &err), -1);
	assert_int_equal(err.code, RK_EXIT_NOINPUT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fips_vectors),
		cmocka_unit_test(test_fips_vectors_portable),
		cmocka_unit_test(test_million_a_in_pieces),
		cmocka_unit_test(test_portable_and_fast_agree),
		cmocka_unit_test(test_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
