/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "messages.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wording.h"

#define NUM 64

static int ru(const struct brief_facts *f)
{
	return strcmp(f->lang, "ru") == 0;
}

static int tg(const struct brief_facts *f)
{
	return strcmp(f->lang, "tg") == 0;
}

static int known(double x)
{
	return isfinite(x);
}

/* Appends to out (BRIEF_SENTENCE_MAX bytes). */
__attribute__((format(printf, 2, 3)))
static void add(char *out, const char *fmt, ...)
{
	size_t len = strlen(out);
	va_list ap;

	if (len + 1 >= BRIEF_SENTENCE_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(out + len, BRIEF_SENTENCE_MAX - len, fmt, ap);
	va_end(ap);
}

/* "в 3,1 раза", "в 12 раз": the form for the number as shown */
static const char *ru_times(const char *shown)
{
	if (strchr(shown, ','))
		return "раза";
	return brief_ru_plural(atof(shown), "раз", "раза", "раз");
}

/* A count as a whole number, or with a decimal when it has one. */
static char *count(const struct brief_facts *f, double x, char *buf)
{
	return brief_num(f->lang, x, x == floor(x) ? 0 : 1, buf, NUM);
}

/* "3.1 times as many (95 % CI 2.5–3.8)" of big over small. */
static void times(const struct brief_facts *f, double big, double small,
		  int b_first, char *out)
{
	double r = b_first ? f->ratio : 1 / f->ratio;
	double lo = b_first ? f->lo : 1 / f->hi;
	double hi = b_first ? f->hi : 1 / f->lo;
	char x[NUM], l[NUM], h[NUM];

	if (!known(r) || r <= 0)
		r = big / small;
	brief_ratio(f->lang, r, x, NUM);
	if (strcmp(x, "1.0") == 0 || strcmp(x, "1,0") == 0) {
		add(out, ru(f) ? ", то есть почти поровну"
			 : tg(f) ? ", яъне қариб баробар" : ": about as many");
		return;
	}
	if (ru(f))
		add(out, ", то есть в %s %s больше", x, ru_times(x));
	else if (tg(f))
		add(out, ", яъне %s маротиба бештар", x);
	else
		add(out, ": %s times as many", x);
	if (known(lo) && known(hi) && lo > 0)
		add(out, ru(f) ? " (95 %% ДИ %s–%s)"
			 : tg(f) ? " (фосилаи эътимоди 95 %% %s–%s)"
				 : " (95 %% CI %s–%s)",
		    brief_ratio(f->lang, lo, l, NUM),
		    brief_ratio(f->lang, hi, h, NUM));
}

/* What the test of the totals says, when it says something plain. */
static void chance(const struct brief_facts *f, char *out)
{
	if (f->qualified > 0)
		add(out, ru(f) ? "; часть чисел ещё не окончательна (%s), "
				 "поэтому разница не проверялась на случайность"
			 : tg(f) ? "; баъзе рақамҳо ҳанӯз ниҳоӣ нестанд (%s), "
				   "бинобар ин фарқ ба тасодуфӣ будан санҷида "
				   "нашудааст"
			       : "; some of the figures are not final yet "
				 "(%s), so the gap is not tested against chance",
		    f->qualified_what);
	else if (known(f->p) && f->p >= f->alpha)
		add(out, ru(f) ? "; такая разница может быть случайной"
			 : tg(f) ? "; чунин фарқ метавонад тасодуфӣ бошад"
			       : "; a gap this size could be chance");
}

/* When no single comparison goes beyond chance, how many were made. */
static void no_gap(const struct brief_facts *f, const char *by, char *out)
{
	char n[NUM], few[NUM];

	if (!known(f->tested) || f->tested <= 0 || !known(f->significant) ||
	    f->significant > 0)
		return;
	count(f, f->tested, n);
	count(f, f->too_few, few);
	if (f->too_few >= f->tested) {        /* none could show a gap */
		if (ru(f))
			add(out, ". В каждом из %s %s%s%s случаев слишком мало, "
				 "чтобы была видна даже двукратная разница", n,
			    brief_ru_plural(f->tested, "сравнения",
					    "сравнений", "сравнений"),
			    *by ? " " : "", by);
		else if (tg(f))
			add(out, ". Дар ҳар яке аз %s муқоиса%s%s ҳолатҳо хеле "
				 "каманд, то ҳатто фарқи дучанд намоён шавад",
			    n, *by ? " " : "", by);
		else if (f->tested == 1)
			add(out, ". The one comparison%s%s holds too few "
				 "cases to show even a twofold gap",
			    *by ? " " : "", by);
		else
			add(out, ". Each of the %s comparisons%s%s holds too "
				 "few cases to show even a twofold gap", n,
			    *by ? " " : "", by);
		return;
	}
	if (ru(f)) {
		add(out, ". Ни в одном из %s %s%s%s расхождение не выходит за "
			 "пределы случайного", n,
		    brief_ru_plural(f->tested, "сравнения", "сравнений",
				    "сравнений"), *by ? " " : "", by);
		if (f->too_few > 0)
			add(out, " (в %s из них случаев слишком мало, чтобы "
				 "судить)", few);
		return;
	}
	if (tg(f)) {
		add(out, ". Дар ҳеҷ яке аз %s муқоиса%s%s фарқ аз доираи "
			 "тасодуф берун намебарояд", n, *by ? " " : "", by);
		if (f->too_few > 0)
			add(out, " (дар %s муқоисаи онҳо ҳолатҳо барои хулоса "
				 "хеле каманд)", few);
		return;
	}
	add(out, ". None of the %s gap%s%s%s goes beyond chance", n,
	    f->tested == 1 ? "" : "s", *by ? " " : "", by);
	if (f->too_few > 0)
		add(out, " (%s of them hold%s too few cases to tell)", few,
		    f->too_few == 1 ? "s" : "");
}

int brief_message_totals(const struct brief_facts *f, const char *by,
			 char *out)
{
	int b_first = f->total_b >= f->total_a;
	double big = b_first ? f->total_b : f->total_a;
	double small = b_first ? f->total_a : f->total_b;
	const char *bn = b_first ? f->b : f->a, *sn = b_first ? f->a : f->b;
	char x[NUM], y[NUM];

	if (!known(f->total_a) || !known(f->total_b) || f->mark_a ||
	    f->mark_b || !known(f->compared) || f->compared <= 0)
		return 0;
	out[0] = '\0';
	if (ru(f))
		add(out, "%s там, где есть данные обоих источников: ",
		    f->indicator);
	else if (tg(f))
		add(out, "%s дар ҷойҳое, ки ҳар ду манбаъ маълумот доранд: ",
		    f->indicator);
	else
		add(out, "%s where both sources report: ", f->indicator);
	if (big == 0) {
		add(out, ru(f) ? "оба сообщают 0"
			 : tg(f) ? "ҳар ду 0 хабар медиҳанд" : "none in either");
	} else {
		count(f, big, x);
		count(f, small, y);
		add(out, ru(f) || tg(f) ? "%s — %s, %s — %s"
					: "%s %s, %s %s", bn, x,
		    sn, y);
		if (small > 0)
			times(f, big, small, b_first, out);
		chance(f, out);
	}
	no_gap(f, by, out);
	add(out, ".");
	return 1;
}

int brief_message_gap(const struct brief_facts *f, const char *by, char *out)
{
	char a[NUM], b[NUM], n[NUM], t[NUM];

	if (!f->gap_where || !known(f->significant) || f->significant <= 0 ||
	    !known(f->tested) || !known(f->gap_a) || !known(f->gap_b))
		return 0;
	count(f, f->gap_a, a);
	count(f, f->gap_b, b);
	count(f, f->significant, n);
	count(f, f->tested, t);
	out[0] = '\0';
	if (ru(f)) {
		add(out, "Наибольшее расхождение, которое не объясняется "
			 "случайностью, — %s: %s — %s, %s — %s. Таких "
			 "расхождений — %s из %s %s%s%s.", f->gap_where, f->b,
		    b, f->a, a, n, t, brief_ru_plural(f->tested, "сравнения",
						       "сравнений",
						       "сравнений"),
		    *by ? " " : "", by);
	} else if (tg(f)) {
		add(out, "Бузургтарин фарқе, ки бо тасодуф шарҳ дода "
			 "намешавад, — %s: %s — %s, %s — %s. Чунин фарқҳо — %s "
			 "аз %s муқоиса%s%s.", f->gap_where, f->b, b, f->a, a,
		    n, t, *by ? " " : "", by);
	} else {
		add(out, "The largest gap beyond chance is in %s: %s %s, %s "
			 "%s. %s of the %s comparisons%s%s differ%s beyond "
			 "chance.", f->gap_where, f->b, b, f->a, a, n, t,
		    *by ? " " : "", by, f->significant == 1 ? "s" : "");
	}
	return 1;
}
