/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "jsondoc.h"
#include "manifest.h"
#include "runid.h"

static char dir[] = "/tmp/test_manifest_XXXXXX";
static char path_a[300], path_b[300], input[300], config[300];

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A finished manifest of one input, as run.c fills it. */
static void fill(struct manifest *m, double seconds)
{
	struct rk_error err = { 0 };
	struct manifest_stage *s;
	char id[RUNID_LEN + 1];

	manifest_init(m);
	assert_int_equal(manifest_set(&m->version, "0.1.0", &err), 0);
	assert_int_equal(manifest_set(&m->pipeline, "tj", &err), 0);
	assert_int_equal(manifest_hash_file(&m->config, NULL, config, &err), 0);
	assert_int_equal(manifest_set(&m->config_dir, dir, &err), 0);
	assert_int_equal(manifest_add_input(m, "wol", "wol.csv", input, &err), 0);
	runid_compute(m, id);
	assert_int_equal(manifest_set(&m->run_id, id, &err), 0);
	s = manifest_add_stage(m, "extract", "wol", "reckon-extract",
			       "raw/wol.csv", &err);
	assert_non_null(s);
	s->ran = 1;
	s->rows = 23;
	s->seconds = seconds;
	assert_non_null(manifest_add_stage(m, "load", NULL, "reckon-load",
					   NULL, &err));
	m->raw_rows = 23;
	assert_int_equal(manifest_add_result(m, "cells.csv", 30, &err), 0);
	m->finished = 1;
	m->seconds = seconds;
	snprintf(m->started, sizeof(m->started), "2024-10-%02dT00:00:00Z",
		 (int)seconds);
}

static int setup(void **state)
{
	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path_a, sizeof(path_a), "%s/a.json", dir);
	snprintf(path_b, sizeof(path_b), "%s/b.json", dir);
	snprintf(input, sizeof(input), "%s/wol.csv", dir);
	snprintf(config, sizeof(config), "%s/p.yaml", dir);
	put(input, "abc");
	put(config, "pipeline: tj\n");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path_a);
	unlink(path_b);
	unlink(input);
	unlink(config);
	rmdir(dir);
	return 0;
}

static void test_sha256_of_input(void **state)
{
	struct manifest m;

	(void)state;
	fill(&m, 1);
	/* NIST FIPS 180-2 example: SHA-256("abc") */
	assert_string_equal(m.inputs[0].sha256,
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(m.inputs[0].size, 3);
	manifest_release(&m);
}

static void test_timings_are_the_only_difference(void **state)
{
	struct manifest a, b;
	struct rk_error err = { 0 };
	struct jsondoc *da, *db;
	char where[256];

	(void)state;
	fill(&a, 1);
	fill(&b, 7);
	assert_int_equal(manifest_write(&a, path_a, &err), 0);
	assert_int_equal(manifest_write(&b, path_b, &err), 0);
	da = jsondoc_load(path_a, &err);
	db = jsondoc_load(path_b, &err);
	assert_non_null(da);
	assert_non_null(db);
	assert_int_equal(jsondoc_diff(da, db, "timings", where, sizeof(where)), 0);
	assert_int_equal(jsondoc_diff(da, db, NULL, where, sizeof(where)), 1);
	assert_string_equal(where, "timings.started: 2024-10-01T00:00:00Z, "
			    "now 2024-10-07T00:00:00Z");
	jsondoc_free(da);
	jsondoc_free(db);
	manifest_release(&a);
	manifest_release(&b);
}

static void test_difference_is_located(void **state)
{
	struct manifest a, b;
	struct rk_error err = { 0 };
	struct jsondoc *da, *db;
	char where[256];

	(void)state;
	fill(&a, 1);
	fill(&b, 1);
	b.stages[0].rows = 24;
	assert_int_equal(manifest_write(&a, path_a, &err), 0);
	assert_int_equal(manifest_write(&b, path_b, &err), 0);
	da = jsondoc_load(path_a, &err);
	db = jsondoc_load(path_b, &err);
	assert_int_equal(jsondoc_diff(da, db, "timings", where, sizeof(where)), 1);
	assert_string_equal(where, "stages[0].rows: 23, now 24");
	jsondoc_free(da);
	jsondoc_free(db);
	manifest_release(&a);
	manifest_release(&b);
}

static void test_read_back(void **state)
{
	struct manifest a, r;
	struct rk_error err = { 0 };

	(void)state;
	fill(&a, 1);
	manifest_set(&a.source_date_epoch, "1728982800", &err);
	a.use_db = 1;
	assert_int_equal(manifest_write(&a, path_a, &err), 0);
	assert_int_equal(manifest_read(&r, path_a, &err), 0);
	assert_string_equal(r.version, "0.1.0");
	assert_string_equal(r.pipeline, "tj");
	assert_string_equal(r.run_id, a.run_id);
	assert_int_equal(r.use_db, 1);
	assert_string_equal(r.source_date_epoch, "1728982800");
	assert_null(r.as_of);
	assert_string_equal(r.config.path, config);
	assert_string_equal(r.config_dir, dir);
	assert_string_equal(r.inputs[0].path, "wol.csv");
	assert_int_equal(r.ninputs, 1);
	assert_string_equal(r.inputs[0].source, "wol");
	assert_string_equal(r.inputs[0].sha256, a.inputs[0].sha256);
	assert_int_equal(r.inputs[0].size, 3);
	manifest_release(&r);
	/* reckon run --as-of: the day is kept */
	manifest_set(&a.as_of, "2024-12-31", &err);
	assert_int_equal(manifest_write(&a, path_a, &err), 0);
	assert_int_equal(manifest_read(&r, path_a, &err), 0);
	assert_string_equal(r.as_of, "2024-12-31");
	manifest_release(&a);
	manifest_release(&r);
}

static void test_not_a_manifest(void **state)
{
	struct manifest r;
	struct rk_error err = { 0 };

	(void)state;
	put(path_b, "{\"x\": 1}\n");
	assert_int_equal(manifest_read(&r, path_b, &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_non_null(strstr(err.msg, "not a reckon manifest"));
	put(path_b, "[1, 2");
	assert_int_equal(manifest_read(&r, path_b, &err), -1);
	assert_int_equal(err.code, RK_EXIT_DATAERR);
}

static void test_run_id(void **state)
{
	struct manifest a, b;
	char x[RUNID_LEN + 1], y[RUNID_LEN + 1];
	struct rk_error err = { 0 };

	(void)state;
	fill(&a, 1);
	fill(&b, 9);
	/* paths and times are not part of it */
	manifest_set(&b.inputs[0].path, "elsewhere/wol.csv", &err);
	runid_compute(&a, x);
	runid_compute(&b, y);
	assert_int_equal(strlen(x), RUNID_LEN);
	assert_string_equal(x, y);
	/* content, mode and the selection are */
	b.inputs[0].sha256[0] = b.inputs[0].sha256[0] == 'a' ? 'b' : 'a';
	runid_compute(&b, y);
	assert_string_not_equal(x, y);
	manifest_release(&b);
	fill(&b, 1);
	b.use_db = 1;
	runid_compute(&b, y);
	assert_string_not_equal(x, y);
	b.use_db = 0;
	manifest_set(&b.source_date_epoch, "0", &err);
	runid_compute(&b, y);
	assert_string_not_equal(x, y);
	manifest_release(&b);
	fill(&b, 1);
	manifest_set(&b.as_of, "2024-12-31", &err);
	runid_compute(&b, y);
	assert_string_not_equal(x, y);
	manifest_release(&a);
	manifest_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_of_input),
		cmocka_unit_test(test_timings_are_the_only_difference),
		cmocka_unit_test(test_difference_is_located),
		cmocka_unit_test(test_read_back),
		cmocka_unit_test(test_not_a_manifest),
		cmocka_unit_test(test_run_id),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
