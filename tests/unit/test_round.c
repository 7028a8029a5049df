/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "stats/round.h"

/* A small generator of our own, so that the tests are the same anywhere. */
static uint64_t rng_state = 88172645463325252ULL;

static unsigned rnd_u(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

static long add(struct rnd_table *t, const char *key, double v)
{
	long id = rnd_item(t, key, strlen(key), v);

	assert_true(id >= 0);
	return id;
}

/* Rounded to a multiple next to the value: floor or ceiling. */
static void assert_adjacent(double v, double r, double b)
{
	double low = floor(v / b) * b;

	assert_true(fmod(r, b) == 0);
	if (low == v)
		assert_true(r == v);
	else
		assert_true(r == low || r == low + b);
}

static void test_multiples_unchanged(void **state)
{
	struct rnd_table *t = rnd_new(5);
	long a, b, c;

	(void)state;
	a = add(t, "a", 0);
	b = add(t, "b", 5);
	c = add(t, "c", 1234565);
	assert_int_equal(rnd_run(t), 0);
	assert_true(rnd_value(t, (size_t)a) == 0);
	assert_true(rnd_value(t, (size_t)b) == 5);
	assert_true(rnd_value(t, (size_t)c) == 1234565);
	assert_int_equal(rnd_changed(t), 0);
	rnd_free(t);
}

/* r x c counts with row, column and grand totals: every sum kept. */
static void round_2d(size_t nr, size_t nc, long base, int small)
{
	struct rnd_table *t = rnd_new(base);
	double v[8][8], rowsum[8] = { 0 }, colsum[8] = { 0 }, all = 0;
	size_t id[8][8], rid[8], cid[8], gid, parts[8];
	char key[32];
	double *lo, *hi;

	for (size_t i = 0; i < nr; i++)
		for (size_t j = 0; j < nc; j++) {
			v[i][j] = small ? rnd_u(5) : rnd_u(200);
			rowsum[i] += v[i][j];
			colsum[j] += v[i][j];
			all += v[i][j];
			snprintf(key, sizeof(key), "%zu,%zu", i, j);
			id[i][j] = (size_t)add(t, key, v[i][j]);
		}
	for (size_t i = 0; i < nr; i++) {
		snprintf(key, sizeof(key), "%zu,*", i);
		rid[i] = (size_t)add(t, key, rowsum[i]);
		for (size_t j = 0; j < nc; j++)
			parts[j] = id[i][j];
		assert_int_equal(rnd_sum(t, rid[i], parts, nc), 1);
	}
	for (size_t j = 0; j < nc; j++) {
		snprintf(key, sizeof(key), "*,%zu", j);
		cid[j] = (size_t)add(t, key, colsum[j]);
		for (size_t i = 0; i < nr; i++)
			parts[i] = id[i][j];
		assert_int_equal(rnd_sum(t, cid[j], parts, nr), 1);
	}
	gid = (size_t)add(t, "*,*", all);
	assert_int_equal(rnd_sum(t, gid, rid, nr), 1);
	assert_int_equal(rnd_sum(t, gid, cid, nc), 1);
	assert_int_equal(rnd_run(t), 0);
	assert_int_equal(rnd_broken(t), 0);
	for (size_t i = 0; i < nr; i++) {
		double s = 0;

		for (size_t j = 0; j < nc; j++) {
			assert_adjacent(v[i][j], rnd_value(t, id[i][j]), base);
			s += rnd_value(t, id[i][j]);
		}
		assert_adjacent(rowsum[i], rnd_value(t, rid[i]), base);
		assert_true(s == rnd_value(t, rid[i]));
	}
	for (size_t j = 0; j < nc; j++) {
		double s = 0;

		for (size_t i = 0; i < nr; i++)
			s += rnd_value(t, id[i][j]);
		assert_true(s == rnd_value(t, cid[j]));
	}
	assert_adjacent(all, rnd_value(t, gid), base);
	/* the audit: each count still any of at least b values, the true
	   one among them */
	lo = malloc(rnd_items(t) * sizeof(*lo));
	hi = malloc(rnd_items(t) * sizeof(*hi));
	assert_int_equal(rnd_audit(t, lo, hi), 0);
	for (size_t i = 0; i < nr; i++)
		for (size_t j = 0; j < nc; j++) {
			size_t k = id[i][j];

			assert_true(lo[k] <= v[i][j] && v[i][j] <= hi[k]);
			assert_true(rnd_audit_wide_enough(t, lo[k], hi[k]));
		}
	assert_true(lo[gid] <= all && all <= hi[gid]);
	free(lo);
	free(hi);
	rnd_free(t);
}

static void test_two_way_tables_add_up(void **state)
{
	(void)state;
	for (int k = 0; k < 40; k++)
		round_2d(1 + rnd_u(7), 1 + rnd_u(7), k % 2 ? 5 : 3, k % 3 == 0);
	round_2d(8, 8, 10, 0);
}

/* The same table in another order rounds the same way. */
static void test_order_does_not_matter(void **state)
{
	const char *key[] = { "a", "b", "c", "d", "e", "f" };
	double v[] = { 1, 2, 3, 4, 7, 11 };
	double r1[6], r2[6];
	struct rnd_table *t = rnd_new(5), *u = rnd_new(5);

	(void)state;
	for (size_t i = 0; i < 6; i++)
		add(t, key[i], v[i]);
	for (size_t i = 6; i-- > 0;)
		add(u, key[i], v[i]);
	assert_int_equal(rnd_run(t), 0);
	assert_int_equal(rnd_run(u), 0);
	for (size_t i = 0; i < 6; i++) {
		r1[i] = rnd_value(t, i);
		r2[5 - i] = rnd_value(u, i);
	}
	assert_memory_equal(r1, r2, sizeof(r1));
	rnd_free(t);
	rnd_free(u);
}

/* Up with probability (v mod b) / b: 1 in 5 ones become 5. */
static void test_unbiased(void **state)
{
	struct rnd_table *t = rnd_new(5);
	char key[32];
	double sum = 0;

	(void)state;
	for (int i = 0; i < 10000; i++) {
		snprintf(key, sizeof(key), "cell %d", i);
		add(t, key, i % 2 ? 1 : 3);
	}
	assert_int_equal(rnd_run(t), 0);
	for (size_t i = 0; i < rnd_items(t); i++)
		sum += rnd_value(t, i);
	/* expected 5000 * (1 + 3) = 20000; sd about sqrt(10000 * 6) * 1 ~ 245 */
	assert_true(fabs(sum - 20000) < 1000);
	rnd_free(t);
}

/* A total that is not its parts' sum is rounded on its own. */
static void test_sum_that_does_not_hold(void **state)
{
	struct rnd_table *t = rnd_new(5);
	size_t p[2];
	long tot;

	(void)state;
	p[0] = (size_t)add(t, "a", 2);
	p[1] = (size_t)add(t, "b", 3);
	tot = add(t, "total", 11);
	assert_int_equal(rnd_sum(t, (size_t)tot, p, 2), 0);
	assert_int_equal(rnd_run(t), 0);
	assert_adjacent(11, rnd_value(t, (size_t)tot), 5);
	rnd_free(t);
}

/*
 * A brute-force attacker on a total and three parts: every integer table
 * that rounds to what was published and adds up; the audit says the same.
 */
static void test_audit_matches_brute_force(void **state)
{
	(void)state;
	for (int round = 0; round < 30; round++) {
		struct rnd_table *t = rnd_new(3);
		double v[3], r[4], lo[4], hi[4], blo[4], bhi[4];
		size_t p[3] = { 0, 1, 2 };
		char key[8];

		for (int i = 0; i < 3; i++) {
			v[i] = rnd_u(7);
			snprintf(key, sizeof(key), "p%d", i);
			add(t, key, v[i]);
		}
		add(t, "t", v[0] + v[1] + v[2]);
		assert_int_equal(rnd_sum(t, 3, p, 3), 1);
		assert_int_equal(rnd_run(t), 0);
		for (int i = 0; i < 4; i++) {
			r[i] = rnd_value(t, (size_t)i);
			blo[i] = INFINITY;
			bhi[i] = -INFINITY;
		}
		for (int a = 0; a < 30; a++)
			for (int b = 0; b < 30; b++)
				for (int c = 0; c < 30; c++) {
					double x[4] = { a, b, c, a + b + c };
					int ok = 1;

					for (int i = 0; i < 4 && ok; i++)
						ok = fabs(x[i] - r[i]) < 3;
					for (int i = 0; ok && i < 4; i++) {
						blo[i] = fmin(blo[i], x[i]);
						bhi[i] = fmax(bhi[i], x[i]);
					}
				}
		assert_int_equal(rnd_audit(t, lo, hi), 0);
		for (int i = 0; i < 4; i++) {
			assert_true(lo[i] == blo[i]);
			assert_true(hi[i] == bhi[i]);
		}
		rnd_free(t);
	}
}

static void test_bad_arguments(void **state)
{
	struct rnd_table *t = rnd_new(5);
	size_t p[1] = { 7 };

	(void)state;
	assert_null(rnd_new(1));
	assert_int_equal(rnd_item(t, "a", 1, -1), -1);
	assert_int_equal(rnd_item(t, "a", 1, NAN), -1);
	assert_int_equal(rnd_item(t, "a", 1, INFINITY), -1);
	add(t, "a", 4);
	assert_int_equal(rnd_sum(t, 0, p, 1), -1);
	p[0] = 0;
	assert_int_equal(rnd_sum(t, 0, p, 1), -1);    /* its own part */
	assert_int_equal(rnd_run(t), 0);
	assert_true(isnan(rnd_value(t, 9)));
	rnd_free(t);
	rnd_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_multiples_unchanged),
		cmocka_unit_test(test_two_way_tables_add_up),
		cmocka_unit_test(test_order_does_not_matter),
		cmocka_unit_test(test_unbiased),
		cmocka_unit_test(test_sum_that_does_not_hold),
		cmocka_unit_test(test_audit_matches_brute_force),
		cmocka_unit_test(test_bad_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
