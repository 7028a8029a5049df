/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "brief/findings.h"

static char out[BRIEF_FINDINGS_MAX][BRIEF_SENTENCE_MAX];

/* The example: 47 against 12, 3.9 times, 2.1-7.6, beyond chance. */
static struct brief_facts example(const char *lang)
{
	struct brief_facts f = {
		.lang = lang, .indicator = "Complaints of torture",
		.a = "Prosecutor's Office", .b = "Civil society", .alpha = 0.05,
		.k = 5, .total_a = 12, .total_b = 47, .ratio = 3.9167,
		.lo = 2.07, .hi = 7.6, .p = 0.00001, .compared = 21,
		.tested = 20, .significant = 3, .only_a = 1, .only_b = 2,
		.missing = 0, .gap_where = "Dushanbe, Q3 2024", .gap_a = 5,
		.gap_b = 24, .trend = NAN, .trend_lo = NAN, .trend_hi = NAN,
		.trend_p = NAN, .periods = NAN, .ccc = NAN, .ccc_lo = NAN,
		.ccc_hi = NAN, .dist_p = NAN,
	};

	return f;
}

static void test_totals_beyond_chance(void **state)
{
	struct brief_facts f = example("en");

	(void)state;
	assert_int_equal(brief_findings(&f, out), 3);
	assert_string_equal(out[0],
		"Civil society recorded 47 and Prosecutor's Office 12 in the 21 "
		"cells both report: 3.9 times as many (95 % CI 2.1–7.6); the "
		"difference is larger than chance.");
	assert_string_equal(out[1],
		"3 of the 20 cells tested differ by more than chance (false "
		"discovery rate 5 %). The largest such gap is in Dushanbe, Q3 "
		"2024: Civil society 24, Prosecutor's Office 5.");
	assert_string_equal(out[2],
		"3 cells are reported by one source only (1 only by "
		"Prosecutor's Office, 2 only by Civil society).");
}

static void test_totals_russian(void **state)
{
	struct brief_facts f = example("ru");

	(void)state;
	f.a = "Генеральная прокуратура";
	f.b = "Коалиция против пыток";
	brief_findings(&f, out);
	assert_string_equal(out[0],
		"Учтено: Коалиция против пыток — 47, Генеральная прокуратура — "
		"12 (21 ячейка с данными обоих источников): в 3,9 раза больше "
		"(95 % ДИ 2,1–7,6); разница больше, чем может дать "
		"случайность.");
	assert_string_equal(out[1],
		"В 3 из 20 проверенных ячеек разница больше, чем может дать "
		"случайность (доля ложных открытий 5 %). Наибольшая такая "
		"разница — Dushanbe, Q3 2024: Коалиция против пыток — 24, "
		"Генеральная прокуратура — 5.");
}

/* Never "larger than chance" without a small p, never "no difference". */
static void test_within_chance(void **state)
{
	struct brief_facts f = example("en");

	(void)state;
	f.p = 0.3;
	f.significant = 0;
	f.ratio = 0.8;
	f.lo = 0.45;
	f.hi = 1.4;
	brief_findings(&f, out);
	assert_string_equal(out[0],
		"Civil society recorded 47 and Prosecutor's Office 12 in the 21 "
		"cells both report: 80 % as many (95 % CI for the ratio "
		"0.45–1.4); the difference is within what chance would "
		"produce.");
	assert_string_equal(out[1],
		"None of the 20 cells tested differs by more than chance "
		"(false discovery rate 5 %).");
}

/* A withheld total: no ratio, and "fewer than" only for a small one. */
static void test_withheld_totals(void **state)
{
	struct brief_facts f = example("en");

	(void)state;
	f.mark_a = 1;
	brief_findings(&f, out);
	assert_string_equal(out[0],
		"Civil society recorded 47 and Prosecutor's Office fewer than 5 "
		"in the 21 cells both report; the ratio is not shown, to "
		"protect the people counted.");
	f.mark_a = 2;
	brief_findings(&f, out);
	assert_string_equal(out[0],
		"Civil society recorded 47 and Prosecutor's Office a withheld "
		"number in the 21 cells both report; the ratio is not shown, to "
		"protect the people counted.");
	assert_null(strstr(out[0], "times"));
}

static void test_zero_totals(void **state)
{
	struct brief_facts f = example("en");

	(void)state;
	f.total_a = f.total_b = 0;
	brief_findings(&f, out);
	assert_string_equal(out[0], "Neither source recorded any complaints "
				    "of torture in the 21 cells both report.");
	f.total_b = 6;
	f.ratio = f.lo = f.hi = NAN;
	brief_findings(&f, out);
	assert_string_equal(out[0], "Civil society recorded 6 and "
				    "Prosecutor's Office none in the 21 cells "
				    "both report; the difference is larger "
				    "than chance.");
}

static void test_trend_agreement_distribution(void **state)
{
	struct brief_facts f = example("en");

	(void)state;
	f.trend = 1.42;
	f.trend_lo = 1.1;
	f.trend_hi = 1.83;
	f.trend_p = 0.004;
	f.periods = 3;
	f.per = "quarter";
	f.ccc = 0.091;
	f.ccc_lo = -0.036;
	f.ccc_hi = 0.215;
	f.dist_dim = "region";
	f.dist_p = 0.287;
	assert_int_equal(brief_findings(&f, out), 6);
	assert_string_equal(out[3],
		"The gap is widening: relative to Prosecutor's Office, Civil "
		"society's count changes by a factor of 1.4 per quarter (95 % "
		"CI 1.1–1.8, p = 0.004).");
	assert_string_equal(out[4],
		"Cell by cell, Lin's concordance coefficient is 0.09, 95 % CI "
		"\xE2\x88\x92" "0.04 to 0.22 (1 would be the same number in "
		"every cell, 0 no more agreement than chance).");
	assert_string_equal(out[5],
		"The χ² test finds no clear difference in how the two sources "
		"spread complaints of torture by region (p = 0.287).");
	f.trend_p = 0.5;
	f.lang = "ru";
	brief_findings(&f, out);
	assert_string_equal(out[3], "За 3 периода нет явных признаков того, "
				    "что разрыв растёт или сокращается "
				    "(p = 0,500).");
}

/* Figures that are not there give no sentence. */
static void test_nothing_known(void **state)
{
	struct brief_facts f = {
		.lang = "en", .indicator = "x", .a = "A", .b = "B",
		.alpha = 0.05, .total_a = NAN, .total_b = NAN,
		.compared = NAN, .tested = NAN, .significant = NAN,
		.only_a = NAN, .only_b = NAN, .missing = NAN, .trend = NAN,
		.ccc = NAN, .dist_p = NAN,
	};

	(void)state;
	assert_int_equal(brief_findings(&f, out), 0);
}

static void test_p_text(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(brief_p_text("en", 0.0004, b, 64), "p < 0.001");
	assert_string_equal(brief_p_text("ru", 0.0213, b, 64), "p = 0,021");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_totals_beyond_chance),
		cmocka_unit_test(test_totals_russian),
		cmocka_unit_test(test_within_chance),
		cmocka_unit_test(test_withheld_totals),
		cmocka_unit_test(test_zero_totals),
		cmocka_unit_test(test_trend_agreement_distribution),
		cmocka_unit_test(test_nothing_known),
		cmocka_unit_test(test_p_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
