/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "brief/wording.h"

/* The table is sorted (brief_t searches it) and every text has Russian. */
static void test_keys_sorted_and_translated(void **state)
{
	const char *prev = NULL, *key;

	(void)state;
	for (size_t i = 0; (key = brief_text_key(i)) != NULL; i++) {
		if (prev && strcmp(prev, key) >= 0)
			fail_msg("'%s' is out of order after '%s'", key, prev);
		assert_string_not_equal(brief_t("en", key), key);
		if (strcmp(brief_t("en", key), brief_t("ru", key)) == 0 &&
		    strncmp(key, "col.", 4) != 0 && strcmp(key, "dated.run"))
			print_message("same in both languages: %s\n", key);
		prev = key;
	}
}

/* The printf conversions of a text (s, d, ld, zu) as letters, into c. */
static void conversions(const char *s, char *c, size_t size)
{
	size_t n = 0;

	for (const char *p = s; *p && n + 1 < size; p++) {
		if (*p != '%')
			continue;
		if (p[1] == 's' || p[1] == 'd')
			c[n++] = p[1];
		else if ((p[1] == 'l' && p[2] == 'd') ||
			 (p[1] == 'z' && p[2] == 'u'))
			c[n++] = p[1];
	}
	c[n] = '\0';
}

/* The same printf conversions in both languages. */
static void test_conversions_match(void **state)
{
	const char *key;

	(void)state;
	for (size_t i = 0; (key = brief_text_key(i)) != NULL; i++) {
		char ce[16], cr[16], ct[16];

		conversions(brief_t("en", key), ce, sizeof(ce));
		conversions(brief_t("ru", key), cr, sizeof(cr));
		conversions(brief_t("tg", key), ct, sizeof(ct));
		if (strcmp(ce, cr) != 0)
			fail_msg("%s: en has %s, ru has %s", key, ce, cr);
		if (strcmp(ce, ct) != 0)
			fail_msg("%s: en has %s, tg has %s", key, ce, ct);
	}
}

/* The Tajik column has every key, in the same order, and no Russian left
 * in it (no letter that Tajik does not have: ц щ ы ь). */
static void test_tajik_every_key(void **state)
{
	const char *key, *tg;
	size_t i;

	(void)state;
	for (i = 0; (key = brief_text_key(i)) != NULL; i++) {
		if (!brief_text_tg_key(i))
			fail_msg("the Tajik column ends before '%s'", key);
		if (strcmp(key, brief_text_tg_key(i)) != 0)
			fail_msg("Tajik key %zu is '%s', not '%s'", i,
				 brief_text_tg_key(i), key);
		tg = brief_t("tg", key);
		/* letters Tajik does not have: Russian left in by mistake */
		for (size_t k = 0; k < 8; k++)
			if (strstr(tg, (const char *[]){ "ц", "щ", "ы", "ь",
						    "Ц", "Щ", "Ы", "Ь" }[k]))
				fail_msg("%s: a Russian letter in the Tajik "
					 "text '%s'", key, tg);
	}
	assert_null(brief_text_tg_key(i));
	assert_string_equal(brief_t("tg", "sheet.summary"), "Ҷамъбаст");
}

static void test_unknown_key(void **state)
{
	(void)state;
	assert_string_equal(brief_t("en", "no.such.key"), "no.such.key");
	assert_string_equal(brief_t("ru", "sheet.summary"), "Сводка");
	assert_string_equal(brief_t("xx", "sheet.summary"), "Summary");
}

static void test_numbers(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(brief_num("en", 12345.67, 1, b, 64), "12,345.7");
	assert_string_equal(brief_num("ru", 12345.67, 1, b, 64),
			    "12\xC2\xA0" "345,7");
	assert_string_equal(brief_num("ru", 1234, 0, b, 64), "1234");
	assert_string_equal(brief_num("en", 1234, 0, b, 64), "1,234");
	assert_string_equal(brief_num("en", -0.04, 2, b, 64),
			    "\xE2\x88\x92" "0.04");
	assert_string_equal(brief_num("en", -0.001, 2, b, 64), "0.00");
	assert_string_equal(brief_num("en", 0.05, 0, b, 64), "0");
	assert_string_equal(brief_num("en", 2.5, 0, b, 64), "3");
	assert_string_equal(brief_ratio("en", 3.0667, b, 64), "3.1");
	assert_string_equal(brief_ratio("ru", 0.4512, b, 64), "0,45");
	assert_string_equal(brief_ratio("en", 12.4, b, 64), "12");
	assert_string_equal(brief_ratio("en", 9.96, b, 64), "10");
}

static void test_periods(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(brief_period("en", "2024-Q3", b, 64), "Q3 2024");
	assert_string_equal(brief_period("ru", "2024-Q3", b, 64),
			    "III кв. 2024");
	assert_string_equal(brief_period("ru", "2024-S1", b, 64),
			    "I полугодие 2024");
	assert_string_equal(brief_period("en", "2024-S2", b, 64), "H2 2024");
	assert_string_equal(brief_period("en", "2024-07", b, 64), "Jul 2024");
	assert_string_equal(brief_period("ru", "2024-07", b, 64), "июль 2024");
	assert_string_equal(brief_period("en", "2024-07-15", b, 64),
			    "15 Jul 2024");
	assert_string_equal(brief_period("ru", "2024-07-15", b, 64),
			    "15.07.2024");
	assert_string_equal(brief_period("tg", "2024-Q3", b, 64),
			    "семоҳаи III 2024");
	assert_string_equal(brief_period("tg", "2024-S1", b, 64),
			    "нимсолаи I 2024");
	assert_string_equal(brief_period("tg", "2024-07", b, 64), "июл 2024");
	assert_string_equal(brief_period("tg", "2024-07-15", b, 64),
			    "15.07.2024");
	assert_string_equal(brief_num("tg", 12345.67, 1, b, 64),
			    "12\xC2\xA0" "345,7");
	assert_string_equal(brief_period("en", "2024", b, 64), "2024");
	assert_string_equal(brief_period("en", "whenever", b, 64), "whenever");
}

static void test_plural_and_case(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(brief_ru_plural(1, "ячейка", "ячейки", "ячеек"),
			    "ячейка");
	assert_string_equal(brief_ru_plural(21, "ячейка", "ячейки", "ячеек"),
			    "ячейка");
	assert_string_equal(brief_ru_plural(11, "ячейка", "ячейки", "ячеек"),
			    "ячеек");
	assert_string_equal(brief_ru_plural(3, "ячейка", "ячейки", "ячеек"),
			    "ячейки");
	assert_string_equal(brief_ru_plural(13, "ячейка", "ячейки", "ячеек"),
			    "ячеек");
	assert_string_equal(brief_ru_plural(2.5, "ячейка", "ячейки", "ячеек"),
			    "ячейки");
	assert_string_equal(brief_lower_first("Complaints", b, 64),
			    "complaints");
	assert_string_equal(brief_lower_first("WOL cases", b, 64),
			    "WOL cases");
	assert_string_equal(brief_lower_first("Регион", b, 64), "регион");
	assert_string_equal(brief_lower_first("ГБАО", b, 64), "ГБАО");
	assert_string_equal(brief_lower_first("Ёлка", b, 64), "ёлка");
	assert_string_equal(brief_lower_first("", b, 64), "");
	/* Tajik capitals: Ҷинс (sex), Ҳолат, Қисм, Ғайр, Ӯ, Ӣ */
	assert_string_equal(brief_lower_first("Ҷинс", b, 64), "ҷинс");
	assert_string_equal(brief_lower_first("Ҳолат", b, 64), "ҳолат");
	assert_string_equal(brief_lower_first("Қисм", b, 64), "қисм");
	assert_string_equal(brief_lower_first("Ғайр", b, 64), "ғайр");
	assert_string_equal(brief_lower_first("Ӯ", b, 64), "ӯ");
	assert_string_equal(brief_lower_first("Ӣх", b, 64), "ӣх");
	assert_string_equal(brief_lower_first("ҶТ", b, 64), "ҶТ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_sorted_and_translated),
		cmocka_unit_test(test_conversions_match),
		cmocka_unit_test(test_tajik_every_key),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_plural_and_case),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
