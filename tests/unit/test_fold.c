/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Label folding: one test per rule of fold.h, in its order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fold.h"

static struct rk_fold *fold;
static struct rk_fold_affixes region;

static int setup(void **state)
{
	static char *const affixes[] = {
		"г.", "ш.", "обл.", "область", "вилояти", "region", "oblast",
		"автономная область"
	};
	struct rk_error err = { 0 };

	(void)state;
	fold = rk_fold_new(&err);
	if (!fold)
		return -1;
	return rk_fold_affixes_init(fold, affixes, 8, &region, &err);
}

static int teardown(void **state)
{
	(void)state;
	rk_fold_affixes_release(&region);
	rk_fold_free(fold);
	return 0;
}

/* s folds to key (no affixes). */
static void eq(const char *s, const char *key)
{
	struct rk_error err = { 0 };
	const char *k = rk_fold_key(fold, s, strlen(s), NULL, &err);

	assert_non_null(k);
	assert_string_equal(k, key);
}

/* s folds to key with the region affixes stripped. */
static void eq_strip(const char *s, const char *key)
{
	struct rk_error err = { 0 };
	const char *k = rk_fold_key(fold, s, strlen(s), &region, &err);

	assert_non_null(k);
	assert_string_equal(k, key);
}

/* 1. NFKC */
static void test_nfkc(void **state)
{
	(void)state;
	eq("ＤＵＳＨＡＮＢＥ", "dushanbe");            /* full width */
	eq("ст. 143¹", "ст 1431");                   /* superscript */
	eq("г.\xc2\xa0Душанбе", "г душанбе");         /* NBSP */
	eq("\xef\xac\x81nal", "final");               /* ﬁ ligature */
	eq("и\xcc\x86од", "йод");                     /* и + breve → й */
	eq("№ 5", "no 5");
}

/* 2. look-alikes */
static void test_lookalikes_into_cyrillic(void **state)
{
	(void)state;
	eq("Хaтлон", "хатлон");          /* Latin a */
	eq("ХАТЛOН", "хатлон");          /* Latin O */
	eq("Bилояти", "вилояти");        /* Latin B */
	eq("HOXИЯ", "нохия");            /* Latin H, O, X */
	eq("MИР", "мир");                /* Latin M beside Cyrillic И */
	eq("MТ", "mt");                  /* look-alikes only, a tie: Latin */
}

static void test_lookalikes_into_latin(void **state)
{
	(void)state;
	eq("Dushanbе", "dushanbe");      /* Cyrillic е */
	eq("Khаtlоn", "khatlon");        /* Cyrillic а, о */
	eq("СOK", "cok");                /* С Cyrillic, O K Latin: majority Latin */
}

static void test_lookalikes_left_alone(void **state)
{
	(void)state;
	eq("Dushanbeд", "dushanbeд");    /* strong letters of both scripts */
	eq("COK", "cok");                /* Latin only */
	eq("СОК", "сок");                /* Cyrillic only */
	eq("ТОК TOK", "ток tok");        /* word by word */
}

/* 3. case folding */
static void test_case(void **state)
{
	(void)state;
	eq("ДУШАНБЕ", "душанбе");
	eq("Straße", "strasse");
	eq("ГБАО", "гбао");
}

/* 4. ё and the Tajik letters */
static void test_yo(void **state)
{
	(void)state;
	eq("Ёлка ёж", "елка еж");
	eq("ѐ ѝ", "е и");
}

static void test_tajik(void **state)
{
	(void)state;
	eq("ғ Ғ", "г г");
	eq("ӣ Ӣ", "и и");
	eq("ӯ Ӯ", "у у");
	eq("ҳ Ҳ", "х х");
	eq("қ Қ", "к к");
	eq("ҷ Ҷ", "ч ч");
	eq("Суғд", "сугд");
	eq("Ноҳияҳои тобеи ҷумҳурӣ", "нохияхои тобеи чумхури");
	eq("Кӯҳистони", "кухистони");
	eq("Қурғонтеппа", "кургонтеппа");
}

static void test_tajik_stand_ins(void **state)
{
	(void)state;
	eq("ѓ ќ ҡ ў ҹ һ", "г к к у ч х");
	eq("Суѓд", "сугд");
}

/* 5. marks, punctuation and spaces */
static void test_stress_marks(void **state)
{
	(void)state;
	eq("Душа\xcc\x81нбе", "душанбе");
}

static void test_punctuation_and_spaces(void **state)
{
	(void)state;
	eq("  ГБАО;  Ишкашим ", "гбао ишкашим");
	eq("Горно-Бадахшанская", "горно бадахшанская");
	eq("«Ленинабад»", "ленинабад");
	eq("a\tb\xe2\x80\x89" "c\xe2\x80\xaf" "d", "a b c d");  /* tab, thin, narrow NBSP */
	eq("Sughd (region)", "sughd region");
	eq("--", "");
	eq("", "");
	eq("x/y|z", "x y z");
}

/* 6. affixes */
static void test_affix_prefix_suffix(void **state)
{
	(void)state;
	eq_strip("г. Душанбе", "душанбе");
	eq_strip("ш.Душанбе", "душанбе");
	eq_strip("Согдийская обл.", "согдийская");
	eq_strip("Согдийская область", "согдийская");
	eq_strip("вилояти Суғд", "сугд");
	eq_strip("Sughd region", "sughd");
	eq_strip("Leninabad Oblast", "leninabad");
	eq_strip(" DUSHANBE ", "dushanbe");
}

static void test_affix_repeated_and_multiword(void **state)
{
	(void)state;
	eq_strip("г. Душанбе ш.", "душанбе");
	eq_strip("Горно-Бадахшанская автономная область",
		 "горно бадахшанская");
	eq_strip("вилояти Хатлон region", "хатлон");
}

static void test_affix_whole_words_only(void **state)
{
	(void)state;
	eq_strip("Гиссар", "гиссар");        /* "г" is not a word here */
	eq_strip("область", "область");      /* never down to nothing */
	eq_strip("г. обл.", "г");            /* one word is left */
	eq_strip("Regional", "regional");
}

/* similarity helper */
static void test_latin(void **state)
{
	(void)state;
	assert_string_equal(rk_fold_latin(fold, "хатлон"), "khatlon");
	assert_string_equal(rk_fold_latin(fold, "щука ъ ь"), "shchuka  ");
	assert_string_equal(rk_fold_latin(fold, "жизнь"), "zhizn");
	assert_string_equal(rk_fold_latin(fold, "юля sughd"), "yulya sughd");
}

static void test_invalid_utf8(void **state)
{
	struct rk_error err = { 0 };

	(void)state;
	assert_null(rk_fold_key(fold, "a\xff" "b", 3, NULL, &err));
	assert_int_equal(err.code, RK_EXIT_DATAERR);
}

static void test_long_and_embedded(void **state)
{
	struct rk_error err = { 0 };
	size_t n = 100000;
	char *s = malloc(n + 1);
	const char *k;

	(void)state;
	for (size_t i = 0; i < n; i++)
		s[i] = i % 7 ? 'A' : ' ';
	s[n] = '\0';
	k = rk_fold_key(fold, s, n, &region, &err);
	assert_non_null(k);
	assert_int_equal(k[0], 'a');
	free(s);
	/* length is honoured: the NUL-free prefix only */
	assert_string_equal(rk_fold_key(fold, "ГБАО;xyz", 4, NULL, &err), "гб");
}

static void test_affixes_init(void **state)
{
	static char *const items[] = { "г.", "--", "Автономная Область" };
	struct rk_fold_affixes a = { 0 };
	struct rk_error err = { 0 };

	(void)state;
	assert_int_equal(rk_fold_affixes_init(fold, items, 3, &a, &err), 0);
	assert_int_equal(a.n, 2);   /* "--" folds to nothing */
	assert_string_equal(a.key[0], "автономная область");
	assert_string_equal(a.key[1], "г");
	rk_fold_affixes_release(&a);
	rk_fold_affixes_release(&a);
	rk_fold_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nfkc),
		cmocka_unit_test(test_lookalikes_into_cyrillic),
		cmocka_unit_test(test_lookalikes_into_latin),
		cmocka_unit_test(test_lookalikes_left_alone),
		cmocka_unit_test(test_case),
		cmocka_unit_test(test_yo),
		cmocka_unit_test(test_tajik),
		cmocka_unit_test(test_tajik_stand_ins),
		cmocka_unit_test(test_stress_marks),
		cmocka_unit_test(test_punctuation_and_spaces),
		cmocka_unit_test(test_affix_prefix_suffix),
		cmocka_unit_test(test_affix_repeated_and_multiword),
		cmocka_unit_test(test_affix_whole_words_only),
		cmocka_unit_test(test_latin),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_long_and_embedded),
		cmocka_unit_test(test_affixes_init),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
