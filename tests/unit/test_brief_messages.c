/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "brief/messages.h"

static char out[BRIEF_SENTENCE_MAX];

/* 138 against 45, 3.1 times, beyond chance; 2 of 8 cells beyond chance. */
static struct brief_facts example(const char *lang)
{
	struct brief_facts f = {
		.lang = lang, .indicator = "Complaints of torture",
		.a = "Prosecutor's Office", .b = "Coalition", .alpha = 0.05,
		.k = 5, .total_a = 45, .total_b = 138, .ratio = 3.0667,
		.lo = 2.52, .hi = 3.76, .p = 0.00001, .compared = 11,
		.tested = 8, .significant = 2, .only_a = 1, .only_b = 0,
		.missing = 3, .gap_where = "Dushanbe, Q2 2024", .gap_a = 4,
		.gap_b = 21, .trend = NAN, .trend_lo = NAN, .trend_hi = NAN,
		.trend_p = NAN, .periods = NAN, .ccc = NAN, .ccc_lo = NAN,
		.ccc_hi = NAN, .dist_p = NAN,
	};

	return f;
}

static void test_totals(void **state)
{
	struct brief_facts f = example("en");

	(void)state;
	assert_int_equal(brief_message_totals(&f, "by region and quarter",
					      out), 1);
	assert_string_equal(out,
		"Complaints of torture where both sources report: Coalition "
		"138, Prosecutor's Office 45: 3.1 times as many (95 % CI "
		"2.5–3.8).");
	f.lang = "ru";
	brief_message_totals(&f, "по регионам и кварталам", out);
	assert_string_equal(out,
		"Complaints of torture там, где есть данные обоих источников: "
		"Coalition — 138, Prosecutor's Office — 45, то есть в 3,1 раза "
		"больше (95 % ДИ 2,5–3,8).");
}

/* The larger comes first, and the interval is turned round with it. */
static void test_totals_larger_first(void **state)
{
	struct brief_facts f = example("en");

	(void)state;
	f.total_a = 138;
	f.total_b = 45;
	f.ratio = 1 / 3.0667;
	f.lo = 1 / 3.76;
	f.hi = 1 / 2.52;
	brief_message_totals(&f, "", out);
	assert_string_equal(out,
		"Complaints of torture where both sources report: Prosecutor's "
		"Office 138, Coalition 45: 3.1 times as many (95 % CI "
		"2.5–3.8).");
}

/* No test, no chance words; a test that finds nothing says so. */
static void test_totals_not_tested_and_chance(void **state)
{
	struct brief_facts f = example("en");

	(void)state;
	f.lo = f.hi = f.p = NAN;
	f.qualified = 3;
	snprintf(f.qualified_what, sizeof(f.qualified_what),
		 "provisional Q3 2024");
	f.significant = 0;
	f.too_few = 5;
	brief_message_totals(&f, "by region", out);
	assert_string_equal(out,
		"Complaints of torture where both sources report: Coalition "
		"138, Prosecutor's Office 45: 3.1 times as many; some of the "
		"figures are not final yet (provisional Q3 2024), so the gap "
		"is not tested against chance. None of the 8 gaps by region "
		"goes beyond chance (5 of them hold too few cases to tell).");
	f = example("ru");
	f.p = 0.2;
	f.significant = 0;
	f.too_few = 8;
	brief_message_totals(&f, "по регионам", out);
	assert_string_equal(out,
		"Complaints of torture там, где есть данные обоих источников: "
		"Coalition — 138, Prosecutor's Office — 45, то есть в 3,1 раза "
		"больше (95 % ДИ 2,5–3,8); такая разница может быть случайной. "
		"В каждом из 8 сравнений по регионам случаев слишком мало, "
		"чтобы была видна даже двукратная разница.");
}

/* A total withheld or shown as "<5": no message at all. */
static void test_totals_withheld(void **state)
{
	struct brief_facts f = example("en");

	(void)state;
	f.mark_b = 1;
	assert_int_equal(brief_message_totals(&f, "", out), 0);
	f.mark_b = 0;
	f.mark_a = 2;
	assert_int_equal(brief_message_totals(&f, "", out), 0);
}

static void test_gap(void **state)
{
	struct brief_facts f = example("en");

	(void)state;
	assert_int_equal(brief_message_gap(&f, "by region and quarter", out),
			 1);
	assert_string_equal(out,
		"The largest gap beyond chance is in Dushanbe, Q2 2024: "
		"Coalition 21, Prosecutor's Office 4. 2 of the 8 comparisons "
		"by region and quarter differ beyond chance.");
	f.lang = "ru";
	brief_message_gap(&f, "по регионам и кварталам", out);
	assert_string_equal(out,
		"Наибольшее расхождение, которое не объясняется случайностью, "
		"— Dushanbe, Q2 2024: Coalition — 21, Prosecutor's Office — 4. "
		"Таких расхождений — 2 из 8 сравнений по регионам и "
		"кварталам.");
	f.gap_where = NULL;           /* no gap with both counts shown */
	assert_int_equal(brief_message_gap(&f, "", out), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_totals_larger_first),
		cmocka_unit_test(test_totals_not_tested_and_chance),
		cmocka_unit_test(test_totals_withheld),
		cmocka_unit_test(test_gap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
