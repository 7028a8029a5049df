/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_BRIEF_WORDING_H
#define RECKON_BRIEF_WORDING_H

#include <stddef.h>

/*
 * The words of the brief in the languages it is written in ("en", "ru",
 * "tg": the Tajik column is wording_tg.inc),
 * and numbers and periods written for people.  Nothing here depends on the
 * process locale: decimal commas and digit groups are written by hand.
 */

/* The sheet languages reckon-report writes: "en", "ru" and "tg". */
int brief_text_lang_ok(const char *lang);

/*
 * The text for key in lang; English when lang has none; the key itself
 * when no language has it (a unit test checks that none is missing).
 * Static storage.
 */
const char *brief_t(const char *lang, const char *key);

/*
 * The text for "prefix.name" in lang, or name itself when there is none
 * (a code value such as a check's or an action's name).  Static storage,
 * or name.
 */
const char *brief_word(const char *lang, const char *prefix,
		       const char *name);

/* Every key, for the tests: key i, NULL past the end. */
const char *brief_text_key(size_t i);

/* Key i of the Tajik column (wording_tg.inc), NULL past its end. */
const char *brief_text_tg_key(size_t i);

/*
 * x with the given decimals, digits grouped in thousands (en "12,345.6",
 * ru "12 345,6" with a no-break space).  Returns buf.
 */
char *brief_num(const char *lang, double x, int decimals, char *buf,
		size_t size);

/*
 * A ratio or a factor with as many decimals as make sense: two below 1,
 * one below 10, none from 10 ("0.45", "3.9", "12").  Returns buf.
 */
char *brief_ratio(const char *lang, double x, char *buf, size_t size);

/*
 * A tidy period for people: en "Q3 2024", "H1 2024", "Jul 2024",
 * "15 Jul 2024"; ru "III кв. 2024", "I полугодие 2024", "июль 2024",
 * "15.07.2024".  Text that is not a tidy period is copied.  Returns buf.
 */
char *brief_period(const char *lang, const char *tidy, char *buf, size_t size);

/* The Russian word form for n: одна жалоба, две жалобы, пять жалоб. */
const char *brief_ru_plural(double n, const char *one, const char *few,
			    const char *many);

/*
 * s with its first letter in lower case when the second is not an upper
 * case letter (so "Complaints of torture" → "complaints of torture" but
 * "WOL" stays), into buf.  Returns buf.
 */
char *brief_lower_first(const char *s, char *buf, size_t size);

#endif
