/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "findings.h"

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

__attribute__((format(printf, 2, 3)))
static void say(char *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, BRIEF_SENTENCE_MAX, fmt, ap);
	va_end(ap);
}

/* Appends to the sentence in out (BRIEF_SENTENCE_MAX bytes), after
 * dropping its last `drop` bytes (a closing full stop). */
static void append(char *out, size_t drop, const char *fmt, ...)
{
	size_t len = strlen(out);
	va_list ap;

	len = len > drop ? len - drop : 0;
	if (len + 1 >= BRIEF_SENTENCE_MAX)
		return;
	va_start(ap, fmt);
	vsnprintf(out + len, BRIEF_SENTENCE_MAX - len, fmt, ap);
	va_end(ap);
}

static int known(double x)
{
	return isfinite(x);
}

char *brief_p_text(const char *lang, double p, char *buf, size_t size)
{
	char n[NUM];

	if (p < 0.001)
		snprintf(buf, size, "p < %s", brief_num(lang, 0.001, 3, n, NUM));
	else
		snprintf(buf, size, "p = %s", brief_num(lang, p, 3, n, NUM));
	return buf;
}

/* A count as published: the number, "fewer than k", or "a withheld number". */
static char *count_text(const struct brief_facts *f, double x, int mark,
			char *buf)
{
	if (mark == 1)
		snprintf(buf, NUM, ru(f) ? "менее %ld" : tg(f) ? "камтар аз %ld"
					 : "fewer than %ld", f->k);
	else if (mark)
		snprintf(buf, NUM, ru(f) ? "скрытое число"
				 : tg(f) ? "шумораи пинҳоншуда"
					 : "a withheld number");
	else
		brief_num(f->lang, x, x == floor(x) ? 0 : 1, buf, NUM);
	return buf;
}

/* An interval "1.3–2.7", or "−0.04 to 0.22" when a bound is negative. */
static char *interval(const struct brief_facts *f, double lo, double hi,
		      int ratio, char *buf, size_t size)
{
	char a[NUM], b[NUM];

	if (ratio) {
		brief_ratio(f->lang, lo, a, NUM);
		brief_ratio(f->lang, hi, b, NUM);
	} else {
		brief_num(f->lang, lo, 2, a, NUM);
		brief_num(f->lang, hi, 2, b, NUM);
	}
	if (lo < 0)
		snprintf(buf, size, ru(f) ? "от %s до %s" : tg(f) ? "аз %s то %s"
					  : "%s to %s", a, b);
	else
		snprintf(buf, size, "%s–%s", a, b);
	return buf;
}

static const char *en_s(double n)
{
	return n == 1 ? "" : "s";
}

/* "в 3,1 раза", "в 12 раз": the form for the number as shown */
static const char *ru_times(const char *shown)
{
	if (strchr(shown, ','))
		return "раза";
	return brief_ru_plural(atof(shown), "раз", "раза", "раз");
}

static void totals_en(const struct brief_facts *f, char *out)
{
	char a[NUM], b[NUM], r[NUM], ci[3 * NUM], ind[256];
	char how[512] = "";
	const char *cells = en_s(f->compared);

	brief_lower_first(f->indicator, ind, sizeof(ind));
	count_text(f, f->total_a, f->mark_a, a);
	count_text(f, f->total_b, f->mark_b, b);
	if (f->mark_a || f->mark_b) {
		say(out, "%s recorded %s and %s %s in the %.0f cell%s both "
			 "report; the ratio is not shown, to protect the "
			 "people counted.", f->b, b, f->a, a, f->compared,
		    cells);
		return;
	}
	if (f->total_a == 0 && f->total_b == 0) {
		say(out, "Neither source recorded any %s in the %.0f cell%s "
			 "both report.", ind, f->compared, cells);
		return;
	}
	if (known(f->ratio) && known(f->lo) && known(f->hi)) {
		interval(f, f->lo, f->hi, 1, ci, sizeof(ci));
		if (f->ratio >= 1)
			snprintf(how, sizeof(how), ": %s times as many "
				 "(95 %% CI %s)",
				 brief_ratio(f->lang, f->ratio, r, NUM), ci);
		else
			snprintf(how, sizeof(how), ": %s %% as many "
				 "(95 %% CI for the ratio %s)",
				 brief_num(f->lang, 100 * f->ratio, 0, r, NUM),
				 ci);
	}
	say(out, "%s recorded %s and %s %s in the %.0f cell%s both "
		 "report%s%s.", f->b, f->total_b ? b : "none", f->a,
	    f->total_a ? a : "none", f->compared, cells, how,
	    !known(f->p) ? "" : f->p < f->alpha
		? "; the difference is larger than chance"
		: "; the difference is within what chance would produce");
	if (f->qualified > 0)
		append(out, 0, " %.0f of these cells hold figures their "
		       "source calls provisional or otherwise qualified (%s), "
		       "so the totals are not tested.", f->qualified,
		       f->qualified_what);
}

static void totals_tg(const struct brief_facts *f, char *out)
{
	char a[NUM], b[NUM], r[NUM], ci[3 * NUM], how[512] = "";

	count_text(f, f->total_a, f->mark_a, a);
	count_text(f, f->total_b, f->mark_b, b);
	if (f->mark_a || f->mark_b) {
		say(out, "Ба ҳисоб гирифта шудааст: %s — %s, %s — %s (%.0f "
			 "катак бо маълумоти ҳар ду манбаъ); таносуб нишон "
			 "дода намешавад, то шахсони бақайдгирифта ҳифз "
			 "шаванд.", f->b, b, f->a, a, f->compared);
		return;
	}
	if (f->total_a == 0 && f->total_b == 0) {
		say(out, "Ҳар ду манбаъ 0 хабар медиҳанд (%.0f катак бо "
			 "маълумоти ҳар ду манбаъ).", f->compared);
		return;
	}
	if (known(f->ratio) && known(f->lo) && known(f->hi)) {
		interval(f, f->lo, f->hi, 1, ci, sizeof(ci));
		brief_ratio(f->lang, f->ratio, r, NUM);
		if (f->ratio >= 1)
			snprintf(how, sizeof(how), ": %s маротиба бештар "
				 "(фосилаи эътимоди 95 %% %s)", r, ci);
		else
			snprintf(how, sizeof(how), ": %s %% аз шумораи "
				 "манбаи A (%s; фосилаи эътимоди 95 %% барои "
				 "таносуб %s)",
				 brief_num(f->lang, 100 * f->ratio, 0, r, NUM),
				 f->a, ci);
	}
	say(out, "Ба ҳисоб гирифта шудааст: %s — %s, %s — %s (%.0f катак бо "
		 "маълумоти ҳар ду манбаъ)%s%s.", f->b, b, f->a, a,
	    f->compared, how,
	    !known(f->p) ? "" : f->p < f->alpha
		? "; фарқ аз он чи тасодуф ба вуҷуд оварда метавонад, "
		  "калонтар аст"
		: "; фарқ дар доираи он аст, ки тасодуф ба вуҷуд оварда "
		  "метавонад");
	if (f->qualified > 0)
		append(out, 0, " Дар %.0f катаки инҳо манбаъ рақамҳоро "
		       "пешакӣ ё бо шарти дигар меномад (%s), бинобар ин "
		       "ҷамъҳо санҷида намешаванд.", f->qualified,
		       f->qualified_what);
}

static void totals_ru(const struct brief_facts *f, char *out)
{
	char a[NUM], b[NUM], r[NUM], ci[3 * NUM], how[512] = "";
	const char *cells = brief_ru_plural(f->compared, "ячейка",
					    "ячейки", "ячеек");

	count_text(f, f->total_a, f->mark_a, a);
	count_text(f, f->total_b, f->mark_b, b);
	if (f->mark_a || f->mark_b) {
		say(out, "Учтено: %s — %s, %s — %s "
			 "(%.0f %s с данными обоих источников); соотношение "
			 "не показано, чтобы защитить тех, кто учтён.", f->b,
		    b, f->a, a, f->compared, cells);
		return;
	}
	if (f->total_a == 0 && f->total_b == 0) {
		say(out, "Оба источника сообщают 0 (%.0f %s с данными обоих "
			 "источников).", f->compared, cells);
		return;
	}
	if (known(f->ratio) && known(f->lo) && known(f->hi)) {
		interval(f, f->lo, f->hi, 1, ci, sizeof(ci));
		brief_ratio(f->lang, f->ratio, r, NUM);
		if (f->ratio >= 1)
			snprintf(how, sizeof(how), ": в %s %s больше "
				 "(95 %% ДИ %s)", r, ru_times(r), ci);
		else
			snprintf(how, sizeof(how), ": %s %% от числа, "
				 "учтённого источником A (%s; 95 %% ДИ "
				 "отношения %s)",
				 brief_num(f->lang, 100 * f->ratio, 0, r, NUM),
				 f->a, ci);
	}
	say(out, "Учтено: %s — %s, %s — %s "
		 "(%.0f %s с данными обоих источников)%s%s.", f->b, b, f->a,
	    a, f->compared, cells, how,
	    !known(f->p) ? "" : f->p < f->alpha
		? "; разница больше, чем может дать случайность"
		: "; разница в пределах того, что может дать случайность");
	if (f->qualified > 0)
		append(out, 0, " В %.0f из этих ячеек источник называет числа "
		       "предварительными или иначе оговорёнными (%s), поэтому "
		       "итоги не проверяются.", f->qualified,
		       f->qualified_what);
}

static void cells_sentence(const struct brief_facts *f, char *out)
{
	char g[NUM], a[NUM], b[NUM], gap[400] = "";
	double fdr = 100 * f->alpha;

	brief_num(f->lang, fdr, fdr == floor(fdr) ? 0 : 1, g, NUM);
	if (f->gap_where && f->significant > 0) {
		brief_num(f->lang, f->gap_a, 0, a, NUM);
		brief_num(f->lang, f->gap_b, 0, b, NUM);
		snprintf(gap, sizeof(gap), ru(f)
			 ? " Наибольшая такая разница — %s: %s — %s, %s — %s."
			 : tg(f)
			 ? " Бузургтарин чунин фарқ — %s: %s — %s, %s — %s."
			 : " The largest such gap is in %s: %s %s, %s %s.",
			 f->gap_where, f->b, b, f->a, a);
	}
	if (ru(f)) {
		const char *of = fmod(f->tested, 10) == 1 &&
				 fmod(f->tested, 100) != 11
			? "проверенной ячейки" : "проверенных ячеек";

		if (f->significant > 0)
			say(out, "В %.0f из %.0f %s разница больше, чем может "
				 "дать случайность (доля ложных открытий "
				 "%s %%).%s", f->significant, f->tested, of, g,
			    gap);
		else
			say(out, "Ни в одной из %.0f %s разница не выходит за "
				 "пределы случайного (доля ложных открытий "
				 "%s %%).", f->tested, of, g);
		if (f->too_few > 0 && f->significant > 0)
			append(out, 0, " Ещё в %.0f %s случаев слишком мало, "
			       "чтобы была видна даже двукратная разница.",
			       f->too_few,
			       fmod(f->too_few, 10) == 1 &&
			       fmod(f->too_few, 100) != 11 ? "ячейке"
							   : "ячейках");
		else if (f->too_few > 0)
			append(out, 1, "; в %.0f из них случаев слишком мало, "
			       "чтобы была видна даже двукратная разница.",
			       f->too_few);
		return;
	}
	if (tg(f)) {
		if (f->significant > 0)
			say(out, "Дар %.0f аз %.0f катаки санҷидашуда фарқ аз "
				 "он чи тасодуф дода метавонад, калонтар аст "
				 "(ҳиссаи кашфиёти бардурӯғ %s %%).%s",
			    f->significant, f->tested, g, gap);
		else
			say(out, "Дар ҳеҷ яке аз %.0f катаки санҷидашуда фарқ "
				 "аз доираи тасодуф берун намебарояд (ҳиссаи "
				 "кашфиёти бардурӯғ %s %%).", f->tested, g);
		if (f->too_few > 0 && f->significant > 0)
			append(out, 0, " Дар %.0f катаки дигар ҳолатҳо хеле "
			       "каманд, то ҳатто фарқи дучанд намоён шавад.",
			       f->too_few);
		else if (f->too_few > 0)
			append(out, 1, "; дар %.0f катаки онҳо ҳолатҳо хеле "
			       "каманд, то ҳатто фарқи дучанд намоён шавад.",
			       f->too_few);
		return;
	}
	if (f->significant > 0)
		say(out, "%.0f of the %.0f cell%s tested differ%s by more than "
			 "chance (false discovery rate %s %%).%s",
		    f->significant, f->tested, en_s(f->tested),
		    f->significant == 1 ? "s" : "", g, gap);
	else
		say(out, "None of the %.0f cell%s tested differs by more than "
			 "chance (false discovery rate %s %%).", f->tested,
		    en_s(f->tested), g);
	if (f->too_few > 0 && f->significant > 0)
		append(out, 0, " %.0f other%s hold%s too few cases to show even "
		       "a twofold gap.", f->too_few, f->too_few == 1 ? "" : "s",
		       f->too_few == 1 ? "s" : "");
	else if (f->too_few > 0)
		append(out, 1, "; %.0f of them hold%s too few cases to show "
		       "even a twofold gap.", f->too_few,
		       f->too_few == 1 ? "s" : "");
}

static void coverage_sentence(const struct brief_facts *f, char *out)
{
	double one = f->only_a + f->only_b;
	char gaps[400] = "", miss[200] = "";

	if (ru(f)) {
		if (one == 0 && f->missing == 0) {
			say(out, "Все ячейки есть у обоих источников.");
			return;
		}
		if (one > 0 && f->a_gen && f->b_gen)
			snprintf(gaps, sizeof(gaps), "ячеек только у одного "
				 "источника — %.0f (%.0f — только в данных %s, "
				 "%.0f — только в данных %s)", one, f->only_a,
				 f->a_gen, f->only_b, f->b_gen);
		else if (one > 0)
			snprintf(gaps, sizeof(gaps), "ячеек только у одного "
				 "источника — %.0f (только в данных: %s — %.0f; "
				 "%s — %.0f)", one, f->a, f->only_a, f->b,
				 f->only_b);
		if (f->missing > 0)
			snprintf(miss, sizeof(miss), "отмечено как "
				 "отсутствующие — %.0f", f->missing);
		say(out, "Пробелы в охвате: %s%s%s.", gaps,
		    *gaps && *miss ? "; " : "", miss);
		return;
	}
	if (tg(f)) {
		if (one == 0 && f->missing == 0) {
			say(out, "Ҳамаи катакҳо дар ҳар ду манбаъ ҳастанд.");
			return;
		}
		if (one > 0)
			snprintf(gaps, sizeof(gaps), "катакҳое, ки танҳо дар як "
				 "манбаъ ҳастанд — %.0f (танҳо дар маълумоти %s "
				 "— %.0f; танҳо дар маълумоти %s — %.0f)", one,
				 f->a, f->only_a, f->b, f->only_b);
		if (f->missing > 0)
			snprintf(miss, sizeof(miss), "ҳамчун мавҷуднабуда "
				 "қайд шудаанд — %.0f", f->missing);
		say(out, "Холигиҳо дар фарогирӣ: %s%s%s.", gaps,
		    *gaps && *miss ? "; " : "", miss);
		return;
	}
	if (one == 0 && f->missing == 0) {
		say(out, "Both sources report every cell.");
		return;
	}
	if (one > 0)
		snprintf(gaps, sizeof(gaps), "%.0f cell%s %s reported by one "
			 "source only (%.0f only by %s, %.0f only by %s)", one,
			 en_s(one), one == 1 ? "is" : "are", f->only_a, f->a,
			 f->only_b, f->b);
	if (f->missing > 0)
		snprintf(miss, sizeof(miss), "%.0f cell%s %s reported as "
			 "missing", f->missing, en_s(f->missing),
			 f->missing == 1 ? "is" : "are");
	say(out, "%s%s%s%s.", gaps, *gaps && *miss ? ", and " : "",
	    *gaps && *miss ? miss : "", !*gaps ? miss : "");
}

static const char *per_text(const struct brief_facts *f)
{
	static const char *const names[][4] = {
		{ "quarter", "quarter", "квартал", "семоҳа" },
		{ "month", "month", "месяц", "моҳ" },
		{ "year", "year", "год", "сол" },
		{ "half", "half-year", "полугодие", "нимсола" },
		{ "day", "day", "день", "рӯз" },
	};

	for (size_t i = 0; f->per && i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(f->per, names[i][0]) == 0)
			return names[i][ru(f) ? 2 : tg(f) ? 3 : 1];
	return ru(f) ? "период" : tg(f) ? "давра" : "period";
}

static void trend_core(const struct brief_facts *f, char *out)
{
	char e[NUM], ci[3 * NUM], p[NUM];
	const char *per = per_text(f);

	brief_ratio(f->lang, f->trend, e, NUM);
	interval(f, f->trend_lo, f->trend_hi, 1, ci, sizeof(ci));
	brief_p_text(f->lang, f->trend_p, p, NUM);
	if (f->trend_p < f->alpha) {
		int wide = f->trend > 1;

		if (ru(f))
			say(out, "Разрыв %s: отношение числа источника B "
				 "(%s) к числу источника A (%s) меняется в %s "
				 "%s за %s (95 %% ДИ %s, %s).",
			    wide ? "растёт" : "сокращается", f->b, f->a, e,
			    ru_times(e), per, ci, p);
		else if (tg(f))
			say(out, "Тафовут %s: таносуби шумораи манбаи B (%s) "
				 "ба шумораи манбаи A (%s) дар ҳар %s %s "
				 "маротиба тағйир меёбад (фосилаи эътимоди "
				 "95 %% %s, %s).",
			    wide ? "меафзояд" : "кам мешавад", f->b, f->a,
			    per, e, ci, p);
		else
			say(out, "The gap is %s: relative to %s, %s's count "
				 "changes by a factor of %s per %s (95 %% CI "
				 "%s, %s).", wide ? "widening" : "narrowing",
			    f->a, f->b, e, per, ci, p);
		return;
	}
	if (ru(f))
		say(out, "За %.0f %s нет явных признаков того, что разрыв "
			 "растёт или сокращается (%s).", f->periods,
		    brief_ru_plural(f->periods, "период", "периода",
				    "периодов"), p);
	else if (tg(f))
		say(out, "Дар %.0f давра нишонаҳои равшане нест, ки тафовут "
			 "меафзояд ё кам мешавад (%s).", f->periods, p);
	else
		say(out, "Over the %.0f periods there is no clear sign that "
			 "the gap is widening or narrowing (%s).", f->periods,
		    p);
}

/* The trend, and that it rests on figures not final when it does: a
 * provisional last quarter moves the trend as much as a final one. */
static void trend_sentence(const struct brief_facts *f, char *out)
{
	trend_core(f, out);
	if (f->qualified <= 0)
		return;
	append(out, 0, ru(f) ? " Тренд включает неокончательные числа (%s)."
		       : tg(f) ? " Тамоюл рақамҳои ғайриниҳоиро низ дар бар "
				 "мегирад (%s)."
		       : " The trend includes figures not final (%s).",
	       f->qualified_what);
}

/* Described, not graded (issue 20 item 8): the figure and what 1 means. */
static void ccc_sentence(const struct brief_facts *f, char *out)
{
	char c[NUM], range[3 * NUM], ci[160] = "";

	brief_num(f->lang, f->ccc, 2, c, NUM);
	if (known(f->ccc_lo) && known(f->ccc_hi))
		snprintf(ci, sizeof(ci), ru(f) ? ", 95 %% ДИ %s"
					 : tg(f) ? ", фосилаи эътимоди 95 %% %s"
					       : ", 95 %% CI %s",
			 interval(f, f->ccc_lo, f->ccc_hi, 0, range,
				  sizeof(range)));
	if (ru(f))
		say(out, "Коэффициент согласия Лина по ячейкам — %s%s (1 — "
			 "одинаковые числа во всех ячейках, 0 — согласие не "
			 "выше случайного).", c, ci);
	else if (tg(f))
		say(out, "Коэффитсиенти мувофиқати Лин аз рӯи катакҳо — %s%s "
			 "(1 — рақамҳои якхела дар ҳамаи катакҳо, 0 — "
			 "мувофиқат на бештар аз тасодуф).", c, ci);
	else
		say(out, "Cell by cell, Lin's concordance coefficient is "
			 "%s%s (1 would be the same number in every cell, 0 "
			 "no more agreement than chance).", c, ci);
}

static void dist_sentence(const struct brief_facts *f, char *out)
{
	char p[NUM], ind[256];

	brief_p_text(f->lang, f->dist_p, p, NUM);
	brief_lower_first(f->indicator, ind, sizeof(ind));
	if (ru(f))
		say(out, f->dist_p < f->alpha
			? "Распределение по признаку «%s» у двух источников "
			  "различается (критерий χ², %s)."
			: "Критерий χ² не находит явного различия в "
			  "распределении по признаку «%s» (%s).",
		    f->dist_dim, p);
	else if (tg(f))
		say(out, f->dist_p < f->alpha
			? "Тақсимот аз рӯи аломати «%s» дар ду манбаъ фарқ "
			  "мекунад (санҷиши χ², %s)."
			: "Санҷиши χ² дар тақсимот аз рӯи аломати «%s» фарқи "
			  "равшан намеёбад (%s).",
		    f->dist_dim, p);
	else if (f->dist_p < f->alpha)
		say(out, "The two sources spread %s by %s differently "
			 "(χ² test, %s).", ind, f->dist_dim, p);
	else
		say(out, "The χ² test finds no clear difference in how the "
			 "two sources spread %s by %s (%s).", ind,
		    f->dist_dim, p);
}

size_t brief_findings_kinds(const struct brief_facts *f,
			    char out[][BRIEF_SENTENCE_MAX],
			    enum brief_finding *kind)
{
	enum brief_finding k[BRIEF_FINDINGS_MAX];
	size_t n = 0;

	if (known(f->total_a) && known(f->total_b) && known(f->compared) &&
	    f->compared > 0) {
		k[n] = BRIEF_FINDING_TOTALS;
		(ru(f) ? totals_ru : tg(f) ? totals_tg : totals_en)(f,
								  out[n++]);
	}
	if (known(f->tested) && f->tested > 0 && known(f->significant)) {
		k[n] = BRIEF_FINDING_CELLS;
		cells_sentence(f, out[n++]);
	}
	if (known(f->only_a) && known(f->only_b) && known(f->missing)) {
		k[n] = BRIEF_FINDING_COVERAGE;
		coverage_sentence(f, out[n++]);
	}
	if (known(f->trend) && known(f->trend_lo) && known(f->trend_hi) &&
	    known(f->trend_p) && known(f->periods) && f->periods >= 3) {
		k[n] = BRIEF_FINDING_TREND;
		trend_sentence(f, out[n++]);
	}
	if (known(f->ccc)) {
		k[n] = BRIEF_FINDING_CCC;
		ccc_sentence(f, out[n++]);
	}
	if (f->dist_dim && known(f->dist_p)) {
		k[n] = BRIEF_FINDING_DIST;
		dist_sentence(f, out[n++]);
	}
	if (kind)
		memcpy(kind, k, n * sizeof(*k));
	return n;
}

size_t brief_findings(const struct brief_facts *f,
		      char out[][BRIEF_SENTENCE_MAX])
{
	return brief_findings_kinds(f, out, NULL);
}
