/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Code lists: loading, the checks that name both rows, matching, suggestions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "codelist.h"

#define NAME "codelists/region.csv"

static struct rk_fold *fold;

static char *const affixes[] = { "г.", "ш.", "обл.", "область", "вилояти",
				 "region", "oblast" };

static const char regions[] =
	"code,label_en,label_ru,label_tg,aliases\n"                       /* 1 */
	"TJ-DU,Dushanbe,г. Душанбе,ш. Душанбе,Душанбе|город Душанбе\n"    /* 2 */
	"TJ-SU,Sughd,Согдийская область,вилояти Суғд,Sogd|Sugd| Soghd \n" /* 3 */
	"\n"                                                              /* 4 */
	"TJ-KT,Khatlon,Хатлонская область,вилояти Хатлон,Khatlan||Hatlon\n"/* 5 */
	"TJ-GB,Gorno-Badakhshan AR,\"Горно-Бадахшанская автономная "
	"область\",,ГБАО|GBAO\n"                                          /* 6 */
	"_T,Tajikistan,Таджикистан,Тоҷикистон,всего\n";                   /* 7 */

static int setup(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	fold = rk_fold_new(&err);
	return fold ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	rk_fold_free(fold);
	return 0;
}

static struct rk_codelist *load_n(const char *text, size_t n,
				   struct rk_error *err)
{
	FILE *f = fmemopen((void *)text, n, "r");
	struct rk_codelist *cl;

	assert_non_null(f);
	rk_error_clear(err);
	cl = rk_codelist_read(f, NAME, "region", fold, affixes, 7, err);
	fclose(f);
	return cl;
}

static struct rk_codelist *load(const char *text, struct rk_error *err)
{
	return load_n(text, strlen(text), err);
}

static void expect_error(const char *text, int code, long line,
			 const char *msg)
{
	struct rk_error err;

	assert_null(load(text, &err));
	assert_int_equal(err.code, code);
	assert_int_equal(err.line, line);
	assert_string_equal(err.file, NAME);
	assert_string_equal(err.msg, msg);
}

static long match(struct rk_codelist *cl, const char *label)
{
	struct rk_error err = { 0 };

	return rk_codelist_match(cl, label, strlen(label), &err);
}

static void test_load(void **state)
{
	struct rk_error err;
	struct rk_codelist *cl = load(regions, &err);

	(void)state;
	assert_non_null(cl);
	assert_int_equal(rk_codelist_size(cl), 5);
	assert_string_equal(rk_codelist_code(cl, 0)->code, "TJ-DU");
	assert_int_equal(rk_codelist_code(cl, 2)->line, 5);
	assert_string_equal(rk_codelist_code(cl, 3)->label_ru,
			    "Горно-Бадахшанская автономная область");
	assert_string_equal(rk_codelist_code(cl, 3)->label_tg, "");
	assert_null(rk_codelist_code(cl, 9));
	assert_string_equal(rk_codelist_name(cl), NAME);
	assert_string_equal(rk_codelist_dimension(cl), "region");
	assert_int_equal(rk_codelist_find(cl, "TJ-KT"), 2);
	assert_int_equal(rk_codelist_find(cl, "tj-kt"), -1);
	rk_codelist_free(cl);
	rk_codelist_free(NULL);
}

static void test_match(void **state)
{
	struct rk_error err;
	struct rk_codelist *cl = load(regions, &err);

	(void)state;
	assert_int_equal(match(cl, "г. Душанбе"), 0);
	assert_int_equal(match(cl, " DUSHANBE "), 0);
	assert_int_equal(match(cl, "ш.Душанбе"), 0);
	assert_int_equal(match(cl, "TJ-DU"), 0);          /* the code itself */
	assert_int_equal(match(cl, "tj du"), 0);
	assert_int_equal(match(cl, "Согдийская обл."), 1);
	assert_int_equal(match(cl, "вилояти Сугд"), 1);
	assert_int_equal(match(cl, "SOGHD"), 1);          /* trimmed alias */
	assert_int_equal(match(cl, "Hatlon"), 2);         /* after '||' */
	assert_int_equal(match(cl, "Горно-Бадахшанская автономная обл."), 3);
	assert_int_equal(match(cl, "ГБАО"), 3);
	assert_int_equal(match(cl, "Всего"), 4);
	assert_int_equal(match(cl, "ГБАО; Ишкашим"), -1);
	assert_int_equal(match(cl, "Kulob"), -1);
	assert_int_equal(match(cl, "--"), -1);           /* folds to nothing */
	assert_int_equal(rk_codelist_match(cl, "\xff", 1, &err), -2);
	rk_codelist_free(cl);
}

static void test_labels_and_extra(void **state)
{
	static const char text[] =
		"code,label_en,label_ru,label_tg,aliases,type,note\n"
		"torture_complaints,Complaints,Жалобы,,,count,x\n"
		"detainees,,,,,stock,\n";
	struct rk_error err;
	struct rk_codelist *cl = load(text, &err);

	(void)state;
	assert_non_null(cl);
	assert_string_equal(rk_codelist_extra(cl, 0, "type"), "count");
	assert_string_equal(rk_codelist_extra(cl, 1, "type"), "stock");
	assert_string_equal(rk_codelist_extra(cl, 1, "note"), "");
	assert_null(rk_codelist_extra(cl, 0, "unit"));
	assert_string_equal(rk_codelist_label(cl, 0, "ru"), "Жалобы");
	assert_string_equal(rk_codelist_label(cl, 0, "tg"), "Complaints");
	assert_string_equal(rk_codelist_label(cl, 1, "en"), "detainees");
	rk_codelist_free(cl);
}

static void test_header_any_order(void **state)
{
	static const char text[] =
		"\xef\xbb\xbf" "aliases,code,label_tg,label_ru,label_en\r\n"
		"M|m,1,мард,мужчины,male\r\n";
	struct rk_error err;
	struct rk_codelist *cl = load(text, &err);

	(void)state;
	assert_non_null(cl);
	assert_string_equal(rk_codelist_code(cl, 0)->code, "1");
	assert_int_equal(match(cl, "Мард"), 0);
	assert_int_equal(match(cl, "m"), 0);
	rk_codelist_free(cl);
}

static void test_duplicate_code(void **state)
{
	(void)state;
	expect_error("code,label_en,label_ru,label_tg,aliases\n"
		     "TJ-DU,Dushanbe,,,\n"
		     "TJ-SU,Sughd,,,\n"
		     "TJ-DU,Dushanbe city,,,\n", RK_EXIT_CONFIG, 4,
		     "duplicate code 'TJ-DU', first at line 2");
}

static void test_alias_two_codes(void **state)
{
	(void)state;
	expect_error("code,label_en,label_ru,label_tg,aliases\n"
		     "TJ-SU,Sughd,,,Sogd|Leninabad\n"
		     "TJ-KT,Khatlon,,,Leninabad\n", RK_EXIT_CONFIG, 3,
		     "alias 'Leninabad' maps to two codes, 'TJ-SU' (line 2) "
		     "and 'TJ-KT' (line 3)");
}

static void test_folded_collision(void **state)
{
	(void)state;
	expect_error("code,label_en,label_ru,label_tg,aliases\n"
		     "TJ-SU,Sughd,Согд,,\n"
		     "TJ-KT,Khatlon,,вилояти Соғд,\n", RK_EXIT_CONFIG, 3,
		     "label_tg 'вилояти Соғд' of code 'TJ-KT' (line 3) folds "
		     "to 'согд', as label_ru 'Согд' of code 'TJ-SU' (line 2) "
		     "does");
	expect_error("code,label_en,label_ru,label_tg,aliases\n"
		     "A,x,,,\n"
		     "X,y,,,\n", RK_EXIT_CONFIG, 3,
		     "code 'X' of code 'X' (line 3) folds to 'x', as label_en "
		     "'x' of code 'A' (line 2) does");
}

static void test_same_code_same_key_is_fine(void **state)
{
	struct rk_error err;
	struct rk_codelist *cl = load(
		"code,label_en,label_ru,label_tg,aliases\n"
		"TJ-DU,Dushanbe,Душанбе,Душанбе,DUSHANBE|г. Душанбе\n", &err);

	(void)state;
	assert_non_null(cl);
	rk_codelist_free(cl);
}

static void test_bad_files(void **state)
{
	(void)state;
	expect_error("", RK_EXIT_CONFIG, 0, "empty code list");
	expect_error("\n\n", RK_EXIT_CONFIG, 0, "empty code list");
	expect_error("code,label_en,label_ru,aliases\n", RK_EXIT_CONFIG, 1,
		     "code list has no column 'label_tg'");
	expect_error("code,label_en,label_ru,label_tg,aliases,code\n",
		     RK_EXIT_CONFIG, 1, "column 'code' appears twice");
	expect_error("code,label_en,label_ru,label_tg,aliases\n"
		     "TJ-DU,Dushanbe,,\n", RK_EXIT_CONFIG, 2,
		     "row has 4 fields, the header has 5");
	expect_error("code,label_en,label_ru,label_tg,aliases\n"
		     ",Dushanbe,,,\n", RK_EXIT_CONFIG, 2, "empty code");
	expect_error("code,label_en,label_ru,label_tg,aliases\n"
		     "TJ-DU ,Dushanbe,,,\n", RK_EXIT_CONFIG, 2,
		     "code 'TJ-DU ' has spaces around it");
	expect_error("code,label_en,label_ru,label_tg,aliases\n"
		     "TJ-DU,\"Dushanbe,,,\n", RK_EXIT_DATAERR, 2,
		     "unterminated quoted field");
}

static void test_blank_rows_skipped(void **state)
{
	struct rk_error err;
	struct rk_codelist *cl = load(
		"code,label_en,label_ru,label_tg,aliases\n"
		",,,,\n"
		"1,male,,,\n"
		" , , , , \n", &err);

	(void)state;
	assert_non_null(cl);
	assert_int_equal(rk_codelist_size(cl), 1);
	rk_codelist_free(cl);
}

static void test_missing_file(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	assert_null(rk_codelist_load("/nonexistent/region.csv", "region",
				     fold, NULL, 0, &err));
	assert_int_equal(err.code, RK_EXIT_NOINPUT);
	assert_string_equal(err.file, "/nonexistent/region.csv");
}

static void test_suggest(void **state)
{
	struct rk_suggestion s[3];
	struct rk_error err;
	struct rk_codelist *cl = load(regions, &err);
	int n;

	(void)state;
	n = rk_codelist_suggest(cl, "ГБАО; Ишкашим", strlen("ГБАО; Ишкашим"),
				s, 3, &err);
	assert_true(n >= 1);
	assert_string_equal(rk_codelist_code(cl, s[0].code)->code, "TJ-GB");
	assert_true(s[0].score > 0.8 && s[0].score < 1.0);
	/* transliterated: Согдийская and Sogdiyskaya meet */
	n = rk_codelist_suggest(cl, "Sogdiyskaya", 11, s, 3, &err);
	assert_int_equal(n, 1);
	assert_string_equal(rk_codelist_code(cl, s[0].code)->code, "TJ-SU");
	assert_true(s[0].score > 0.99);
	/* best first, one entry per code, at most max */
	n = rk_codelist_suggest(cl, "Dushanbe-2", 10, s, 1, &err);
	assert_int_equal(n, 1);
	assert_string_equal(rk_codelist_code(cl, s[0].code)->code, "TJ-DU");
	assert_int_equal(rk_codelist_suggest(cl, "qqqqqq", 6, s, 3, &err), 0);
	assert_int_equal(rk_codelist_suggest(cl, "x", 1, s, 0, &err), 0);
	rk_codelist_free(cl);
}

static void test_example_lists_load(void **state)
{
	static const char *const lists[] = { "region", "sex", "facility",
					     "indicator" };
	char path[256];

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		struct rk_error err = { 0 };
		struct rk_codelist *cl;

		/* make check runs the tests from the top of the tree */
		snprintf(path, sizeof(path), "pipelines/examples/tj-torture/"
			 "codelists/%s.csv", lists[i]);
		cl = rk_codelist_load(path, lists[i], fold, affixes, 7, &err);
		if (!cl)
			fail_msg("%s:%ld: %s", err.file, err.line, err.msg);
		assert_true(rk_codelist_size(cl) >= 4);
		rk_codelist_free(cl);
	}
}

/* Invalid UTF-8 hinted at an --encoding option reckon-normalise does not
 * have: the message names the file, line and offset, the hint the fix. */
static void test_invalid_utf8_names_place(void **state)
{
	static const char text[] = "code,label_en,label_ru,label_tg,aliases\n"
				   "TJ-DU,Dushanbe,,,\nTJ-SU,S\xffghd,,,\n";
	struct rk_error err;

	(void)state;
	assert_null(load(text, &err));
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_string_equal(err.file, NAME);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.msg, "invalid UTF-8 byte 0xFF at byte offset 65");
	assert_null(strstr(err.hint, "--encoding"));
	assert_non_null(strstr(err.hint, "save the file as UTF-8"));
}

/* A NUL byte silently cut the label short */
static void test_nul_in_label_refused(void **state)
{
	static const char text[] = "code,label_en,label_ru,label_tg,aliases\n"
				   "TJ-DU,Dushanbe,,,\nTJ-SU,Su\0ghd,,,\n";
	struct rk_error err;

	(void)state;
	assert_null(load_n(text, sizeof(text) - 1, &err));
	assert_int_equal(err.code, RK_EXIT_DATAERR);
	assert_string_equal(err.file, NAME);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.msg, "a NUL byte in field 2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_labels_and_extra),
		cmocka_unit_test(test_header_any_order),
		cmocka_unit_test(test_duplicate_code),
		cmocka_unit_test(test_alias_two_codes),
		cmocka_unit_test(test_folded_collision),
		cmocka_unit_test(test_same_code_same_key_is_fine),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_blank_rows_skipped),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_example_lists_load),
		cmocka_unit_test(test_invalid_utf8_names_place),
		cmocka_unit_test(test_nul_in_label_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
