/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * reckon-normalise's reasons in the reader's language (reasons.c): each
 * shape transform/ writes, as it writes it, comes out in Russian and Tajik
 * with the labels, numbers and periods it quotes, and no English word left.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "brief/reasons.h"

/* As transform/ writes them (normalise.c, nz_rules.c, nz_hier.c,
 * nz_finish.c, nz_totals.c). */
static const char *const reasons[] = {
	"cannot read period 'Q5 2024': quarter 5 is out of range",
	"period 'III кв.' has no year: add constants: {year: YYYY} to "
	"source 'gpo'",
	"period '2023-12/2024-02' (2023-12/2024-02) runs across years; a "
	"year-to-date figure runs from January",
	"period '15.07.2024' is a day; a year-to-date figure needs a month, "
	"quarter, half-year or year",
	"period '2024' (2024) does not fit in one quarter, the pipeline's "
	"grain: set cumulative: true on the source if its figures are "
	"year-to-date",
	"period '2024-W03' (2024-01-15/2024-01-21) is not a year, half-year, "
	"quarter, month or day: set cumulative: true on the source if its "
	"figures are year-to-date",
	"indicator 'pытки' is not in codelists/indicator.csv",
	"region 'ГБАО; Ишкашим' is not in codelists/region.csv",
	"value 1200 is above the maximum 1000",
	"value -3 is negative",
	"value 'двенадцать': not a number",
	"the known parts over sex sum to 14, more than the total 12 "
	"(tolerance 0)",
	"the parts over sex sum to 14, not the total 12 (tolerance 5%)",
	"region 'TJ-SU' is 40, but the 3 parts of it present sum to 31: 9 "
	"of it is not broken down (other or unspecified); the parts are "
	"compared, it is not",
	"region 'TJ-SU' is 40, but the 1 part of it present sum to 41: more "
	"than it, by 1; the parts are compared, it is not",
	"the year-to-date figure fell from 30 (2024-Q2) to 25 (2024-Q3)",
	"year-to-date 2024-Q3 minus 2024-Q1 leaves 2024-04/2024-09, which is "
	"not one quarter",
	"year-to-date 2024-Q2 is the first figure of its year, and "
	"2024-01/2024-06 is not one quarter: the earlier figures are missing",
	"2024-Q3: 2 of the 5 rows summed have no value (missing or "
	"suppressed); the value is the sum of the others",
	"stock in 2024-Q1 has rows for 2024-03-31 and for 2024-Q1: a stock "
	"is a count on a date and is never summed; keep one of them in the "
	"source (skip_rows), or give them as two sources",
	"2024-Q1 sums rows for the whole of a period and rows for its parts "
	"(a quarter and its months, say): they would be counted twice; keep "
	"one of them in the source (skip_rows) or give them as two sources",
	"2024-Q1 has figures for 2024-01, 2024-02 only: 2024-03 missing",
};

/* English words left (three Latin letters or more in a row), outside what
 * the reason quoted («…», a code list's path). */
static int english_left(const char *s)
{
	static const char *const quoted[] = { "codelists/", "indicator.csv",
					      "region.csv" };
	char copy[2048];
	size_t run = 0;

	snprintf(copy, sizeof(copy), "%s", s);
	for (size_t i = 0; i < sizeof(quoted) / sizeof(*quoted); i++)
		for (char *p; (p = strstr(copy, quoted[i]));)
			memset(p, ' ', strlen(quoted[i]));
	for (char *p, *q; (p = strstr(copy, "«")) && (q = strstr(p, "»"));)
		memset(p, ' ', (size_t)(q - p) + strlen("»"));
	for (const char *p = copy; *p; p++) {
		/* a Roman numeral (III кв. 2024) is not English */
		run = isalpha((unsigned char)*p) && !strchr("IVX", *p)
			? run + 1 : 0;
		if (run >= 3)
			return 1;
	}
	return 0;
}

static void test_every_shape_translated(void **state)
{
	char buf[2048];

	(void)state;
	for (size_t i = 0; i < sizeof(reasons) / sizeof(*reasons); i++) {
		const char *langs[] = { "ru", "tg" };

		for (size_t l = 0; l < 2; l++) {
			const char *out = brief_reason(langs[l], reasons[i],
						       buf, sizeof(buf));

			if (out == reasons[i] || english_left(out))
				fail_msg("%s: not translated: '%s'", langs[l],
					 out);
		}
	}
}

static void test_parts_and_periods(void **state)
{
	char buf[1024];

	(void)state;
	assert_string_equal(brief_reason("ru", reasons[7], buf, sizeof(buf)),
			    "«ГБАО; Ишкашим» (Регион) нет в справочнике "
			    "кодов: codelists/region.csv");
	assert_string_equal(brief_reason("ru", reasons[15], buf, sizeof(buf)),
			    "число нарастающим итогом уменьшилось с 30 (II "
			    "кв. 2024) до 25 (III кв. 2024)");
	assert_string_equal(brief_reason("tg", reasons[9], buf, sizeof(buf)),
			    "қимати манфии -3");
	assert_string_equal(brief_reason("ru", reasons[12], buf, sizeof(buf)),
			    "части по признаку «Пол» в сумме дают 14, а не "
			    "итог 12 (допуск 5%)");
}

static void test_english_and_unknown_as_written(void **state)
{
	char buf[256];
	const char *odd = "a reason of a shape nobody wrote";

	(void)state;
	assert_ptr_equal(brief_reason("en", reasons[0], buf, sizeof(buf)),
			 reasons[0]);
	assert_ptr_equal(brief_reason("ru", odd, buf, sizeof(buf)), odd);
	assert_ptr_equal(brief_reason("ru", "", buf, sizeof(buf)), "");
	/* a reason made of quotes and spaces: the search gives up in time */
	{
		static char many[4000];

		for (size_t i = 0; i + 1 < sizeof(many); i++)
			many[i] = "' ,:"[i % 4];
		assert_ptr_equal(brief_reason("ru", many, buf, sizeof(buf)),
				 many);
	}
	/* a buffer too small is cut, never overrun */
	assert_true(strlen(brief_reason("ru", reasons[13], buf, 16)) < 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_shape_translated),
		cmocka_unit_test(test_parts_and_periods),
		cmocka_unit_test(test_english_and_unknown_as_written),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
