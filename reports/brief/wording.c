/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "wording.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "period.h"

struct text {
	const char *key, *en, *ru;
};

/*
 * Sorted by key (brief_t searches it; test_brief_text checks the order).
 * Printf arguments are noted where a text has them.
 */
static const struct text texts[] = {
	{ "action.checked", "checked", "проверено" },
	{ "action.kept", "kept (flagged)", "оставлено (с отметкой)" },
	{ "action.noted", "noted", "учтено как примечание" },
	{ "action.rejected", "rejected", "отклонено" },
	{ "agreement.reading",
	  "How closely the two sources agree over the cells both report. "
	  "Lin's concordance coefficient (CCC) is 1 when they give the same "
	  "number in every cell and falls towards 0 as they drift apart; the "
	  "geometric mean ratio says how many times B's count is A's in a "
	  "typical cell, and the limits of agreement say how far a single "
	  "cell may stray from that.",
	  "Насколько совпадают данные двух источников в ячейках, где есть "
	  "данные обоих. Коэффициент согласия Лина (CCC) равен 1, когда в "
	  "каждой ячейке числа одинаковы, и уменьшается к 0 по мере "
	  "расхождения; среднее геометрическое отношений показывает, во "
	  "сколько раз число источника B обычно больше числа источника A, а "
	  "пределы согласия — насколько отдельная ячейка может отклоняться от "
	  "этого." },
	{ "agreement.title", "Agreement between the sources",
	  "Согласованность источников" },
	{ "all.cases", "All cases", "Все случаи" },
	{ "by", "by ", "по " },
	{ "by.age", "age", "возрасту" },
	{ "by.and", " and ", " и " },
	{ "by.day", "day", "дням" },
	{ "by.facility", "facility", "учреждениям" },
	{ "by.half", "half-year", "полугодиям" },
	{ "by.month", "month", "месяцам" },
	{ "by.quarter", "quarter", "кварталам" },
	{ "by.region", "region", "регионам" },
	{ "by.sex", "sex", "полу" },
	{ "by.year", "year", "годам" },
	/* %s: a dimension */
	{ "chart.by_dim", "By %s (cells both sources report)",
	  "По признаку «%s» (ячейки с данными обоих источников)" },
	{ "chart.by_period", "By period (cells both sources report)",
	  "По периодам (ячейки с данными обоих источников)" },
	/* %s: a dimension; %s: its categories */
	{ "chart.left_out",
	  "Not in the chart by %s, because a count is withheld: %s.",
	  "Не показаны на диаграмме (признак «%s»), так как число скрыто: %s." },
	/* %s: a source */
	{ "chart.not_drawn",
	  "%s is not drawn in the chart by period: one of its totals is "
	  "withheld.",
	  "%s: линия на диаграмме по периодам не показана, так как одно из "
	  "итоговых чисел скрыто." },
	{ "check.complete", "incomplete period", "неполный период" },
	{ "check.cumulative", "year-to-date figures", "нарастающий итог" },
	{ "check.hierarchy", "parts and totals", "части и итоги" },
	{ "check.maximum", "maximum", "максимум" },
	{ "check.non_negative", "negative value", "отрицательное значение" },
	{ "check.overlap", "periods counted twice", "периоды учтены дважды" },
	{ "check.parts_sum_to_total", "parts and their total", "сумма частей и итог" },
	{ "check.period", "period", "период" },
	{ "check.stock", "stock on two dates", "показатель на две даты" },
	{ "check.unmapped", "no code", "нет кода" },
	{ "check.value", "value", "значение" },
	{ "col.a", "A", "A" },
	{ "col.action", "Action", "Действие" },
	{ "col.adj_residual", "Adjusted residual (B)",
	  "Скорректированный остаток (B)" },
	{ "col.against", "Compared source (B)", "Сравниваемый источник (B)" },
	{ "col.aic", "AIC", "AIC" },
	{ "col.alpha",
	  "False discovery rate used (alpha)",
	  "Допустимая доля ложных открытий (α)" },
	{ "col.b", "B", "B" },
	{ "col.ba_pairs",
	  "Cells in Bland–Altman (both above 0)",
	  "Ячеек в анализе Бланда — Альтмана (оба числа больше 0)" },
	{ "col.breakdown", "Compared by", "Признаки сравнения" },
	{ "col.bytes", "Bytes", "Байт" },
	{ "col.category", "Category", "Категория" },
	{ "col.ccc", "Lin's concordance (CCC)",
	  "Коэффициент согласия Лина (CCC)" },
	{ "col.ccc_hi", "CCC, 95 % CI to", "CCC, 95 % ДИ до" },
	{ "col.ccc_lo", "CCC, 95 % CI from", "CCC, 95 % ДИ от" },
	{ "col.cells", "Cells in the comparison", "Ячеек в сравнении" },
	{ "col.change", "What changed", "Что изменилось" },
	{ "col.check", "Check", "Проверка" },
	{ "col.chi2", "χ²", "χ²" },
	{ "col.chi2_p", "p (χ²)", "p (χ²)" },
	{ "col.ci", "95 % CI", "95 % ДИ" },
	{ "col.ci_hi", "95 % CI to", "95 % ДИ до" },
	{ "col.ci_lo", "95 % CI from", "95 % ДИ от" },
	{ "col.code", "Code", "Код" },
	{ "col.compared", "Cells both report", "Ячеек с данными обоих" },
	{ "col.comparison", "Comparison", "Сравнение" },
	{ "col.count", "Count", "Число" },
	{ "col.cramers_v", "Cramér's V", "V Крамера" },
	{ "col.data_rows", "Rows on the Data sheet",
	  "Строки листа «Данные»" },
	{ "col.deviance", "Deviance", "Девианс" },
	{ "col.df", "df", "Ст. свободы" },
	{ "col.diff", "B − A", "B − A" },
	{ "col.difference_reason", "What differs", "В чём расхождение" },
	{ "col.dimension", "Dimension", "Признак" },
	{ "col.dispersion", "Dispersion", "Параметр дисперсии" },
	{ "col.editions", "Editions (before → latest)",
	  "Выпуски (прежний → последний)" },
	{ "col.estimate", "Estimate", "Оценка" },
	{ "col.example", "Reason (first row)", "Причина (первая строка)" },
	{ "col.exposure_a", "Population (A)", "Население (A)" },
	{ "col.exposure_b", "Population (B)", "Население (B)" },
	{ "col.figure_status", "Status", "Статус" },
	{ "col.file", "File", "Файл" },
	{ "col.first_origin",
	  "First seen at",
	  "Где встретилось впервые" },
	{ "col.flag", "Assessment", "Оценка разницы" },
	{ "col.g2", "G²", "G²" },
	{ "col.g2_p", "p (G²)", "p (G²)" },
	{ "col.gmr", "Geometric mean ratio B/A",
	  "Среднее геометрическое отношений B/A" },
	{ "col.indicator", "Indicator", "Показатель" },
	{ "col.js", "Jensen–Shannon", "Йенсен — Шеннон" },
	{ "col.kind", "Kind", "Тип" },
	{ "col.kind_mse", "Row", "Строка" },
	{ "col.label", "Label", "Название" },
	{ "col.lists", "Lists", "Списки" },
	{ "col.loa_hi", "Limit of agreement, upper",
	  "Верхний предел согласия" },
	{ "col.loa_lo", "Limit of agreement, lower",
	  "Нижний предел согласия" },
	{ "col.measure", "Measure", "Показатель" },
	{ "col.missing", "Cells reported as missing",
	  "Ячеек, отмеченных как отсутствующие" },
	{ "col.new_value", "Latest edition", "Последний выпуск" },
	{ "col.no_information", "Cells with 0 in both", "Ячеек с 0 у обоих" },
	{ "col.note", "Note", "Примечание" },
	{ "col.old_value", "Edition before", "Прежний выпуск" },
	{ "col.one_source", "Cells in one source only",
	  "Ячеек только у одного источника" },
	{ "col.only_a", "Cells only in A", "Ячеек только у A" },
	{ "col.only_b", "Cells only in B", "Ячеек только у B" },
	{ "col.origin",
	  "Origin",
	  "Место в исходном файле" },
	{ "col.p", "p", "p" },
	{ "col.pearson_r", "Pearson r", "r Пирсона" },
	{ "col.period", "Period", "Период" },
	{ "col.periods", "Periods", "Периодов" },
	{ "col.q", "q", "q" },
	{ "col.rank",
	  "Rank (AIC)",
	  "Ранг по AIC" },
	/* %s: the base, "100,000" */
	{ "col.rate_a", "A per %s", "A на %s" },
	/* %s: the base, "100,000" */
	{ "col.rate_b", "B per %s", "B на %s" },
	{ "col.rate_ratio", "B / A of the rates",
	  "B / A для показателей" },
	{ "col.ratio", "B / A", "B / A" },
	{ "col.reference", "Reference source (A)", "Опорный источник (A)" },
	{ "col.reported_by", "Reported by", "Есть у источника" },
	{ "col.role", "Role", "Роль" },
	{ "col.rows", "Rows", "Строк" },
	{ "col.se", "Standard error", "Стандартная ошибка" },
	{ "col.sha256", "SHA-256", "SHA-256" },
	{ "col.share_a", "Share A, %", "Доля A, %" },
	{ "col.share_b", "Share B, %", "Доля B, %" },
	{ "col.sheet", "Sheet", "Лист" },
	{ "col.significant",
	  "Cells larger than chance",
	  "Ячеек с разницей сверх случайных колебаний" },
	{ "col.smape", "sMAPE, %", "sMAPE, %" },
	{ "col.source", "Source", "Источник" },
	{ "col.source_total", "Source's total", "Итог источника" },
	{ "col.spearman_rho", "Spearman ρ", "ρ Спирмена" },
	{ "col.status", "Makes the figures", "Данные за период" },
	{ "col.suggestions", "Suggested codes (similarity)",
	  "Предлагаемые коды (сходство)" },
	{ "col.summed_out", "Summed out", "Суммировано" },
	{ "col.sym_pct", "Difference, %", "Разница, %" },
	{ "col.term", "Term", "Член модели" },
	{ "col.tested", "Cells tested", "Проверено ячеек" },
	{ "col.tests", "Tests of homogeneity", "Критерии однородности" },
	{ "col.total_a", "A total", "Всего A" },
	{ "col.total_b", "B total", "Всего B" },
	{ "col.total_model", "Model of the totals' interval",
	  "Модель интервала для итогов" },
	{ "col.total_p_value", "p of the totals", "p для итогов" },
	{ "col.total_ratio", "B / A of the totals", "B / A для итогов" },
	{ "col.total_ratio_hi", "B / A of the totals, 95 % CI to",
	  "B / A для итогов, 95 % ДИ до" },
	{ "col.total_ratio_lo", "B / A of the totals, 95 % CI from",
	  "B / A для итогов, 95 % ДИ от" },
	{ "col.tv",
	  "Total variation",
	  "Расстояние полной вариации" },
	{ "col.value", "Value", "Значение" },
	{ "col.wape", "WAPE, %", "WAPE, %" },
	{ "col.where", "Where", "Где" },
	{ "date.decision", "the decision", "решения" },
	{ "date.incident", "the event", "события" },
	{ "date.receipt", "receipt", "поступления" },
	{ "date.registration", "registration", "регистрации" },
	{ "date.reporting", "the report", "отчёта" },
	{ "dated.run",
	  "the day after the pipeline's period",
	  "по окончании периода данных" },
	{ "def.counts", "What it counts: %s.", "Что учитывается: %s." },
	{ "def.coverage", "Coverage: %s.", "Охват: %s." },
	{ "def.date", "Counted by the date of %s.", "Учёт по дате %s." },
	/* %s %s %s %s %s %s: A, its units, its date; B, its units, its date */
	{ "def.differ",
	  "%s counts %s by the date of %s; %s counts %s by the date of "
	  "%s: part of the gap may come from what is counted rather than "
	  "from counting.",
	  "%s учитывает %s по дате %s, а %s — %s по дате %s: часть "
	  "расхождения может объясняться тем, что и как учитывается, а не "
	  "различиями в подсчёте." },
	{ "def.head", "What each source counts",
	  "Что учитывает каждый источник" },
	{ "def.legal_basis", "Legal basis: %s.", "Правовая основа: %s." },
	{ "def.none",
	  "The config gives no definitions of what each source counts (unit, "
	  "date basis, coverage): this brief cannot say whether the sources "
	  "count the same thing, and a gap may come from what is counted.",
	  "В настройках не заданы определения того, что учитывает каждый "
	  "источник (единица и дата учёта, охват): справка не может сказать, "
	  "учитывают ли источники одно и то же, и расхождение может "
	  "объясняться тем, что именно учитывается." },
	{ "def.publication", "Published in: %s.", "Опубликовано: %s." },
	{ "def.unit", "Unit: %s.", "Единица учёта: %s." },
	/* %s %s %s: B, A, the one without a definition */
	{ "def.unknown",
	  "Whether %s and %s count the same thing is not known: the config "
	  "gives no definition for %s.",
	  "Неизвестно, учитывают ли %s и %s одно и то же: в настройках нет "
	  "определения — %s." },
	{ "dim.age", "Age", "Возраст" },
	{ "dim.facility", "Facility", "Учреждение" },
	{ "dim.region", "Region", "Регион" },
	{ "dim.sex", "Sex", "Пол" },
	{ "dist.few", "Fewer than 2 categories with counts: no test.",
	  "Меньше двух категорий с числами: проверка не проводится." },
	{ "dist.monte_carlo",
	  "Expected counts below 5: p by Monte Carlo (10,000 tables with "
	  "the same totals), not the χ² approximation.",
	  "Ожидаемые числа меньше 5: p рассчитано методом Монте-Карло (10 "
	  "000 таблиц с теми же итогами), а не по приближению χ²." },
	{ "dist.no_cells", "No compared cells.", "Нет сопоставленных ячеек." },
	{ "dist.nothing", "A source counts nothing here: no test.",
	  "Один из источников здесь ничего не учёл: проверка не "
	  "проводится." },
	{ "dist.withheld",
	  "Shares, residuals and test statistics are left blank where they "
	  "rest on a withheld count or total: shown, they would give it away.",
	  "Доли, остатки и статистики критериев не указаны там, где они "
	  "опираются на скрытое число или итог: иначе его можно было бы "
	  "вычислить." },
	{ "distribution.reading",
	  "Whether the two sources spread their counts over the "
	  "categories in the same way, whatever their totals. A small p "
	  "(χ² or G test of homogeneity) means they do not; adjusted "
	  "residuals beyond ±2 show the categories where B's share "
	  "departs most from A's. Cramér's V, total variation and "
	  "Jensen–Shannon measure how far apart the two spreads are, from "
	  "0 (the same) to 1.",
	  "Одинаково ли два источника распределяют свои числа по "
	  "категориям, независимо от итогов. Малое p (критерии "
	  "однородности χ² и G) означает, что нет; скорректированные "
	  "остатки больше ±2 указывают категории, где доля источника B "
	  "сильнее всего отличается от доли A. V Крамера, расстояние "
	  "полной вариации и расстояние Йенсена — Шеннона измеряют, "
	  "насколько различаются распределения: от 0 (одинаковы) до 1." },
	{ "distribution.title", "How the counts are spread",
	  "Распределение по категориям" },
	{ "doc.subject", "Reconciliation of human-rights statistics",
	  "Сверка статистики по правам человека" },
	{ "estimates.chapman",
	  "With two lists only the Chapman estimate can be made. It assumes "
	  "that the lists are independent (being on one makes a case neither "
	  "more nor less likely to be on the other) and that cases are "
	  "matched correctly; if people who complain to one body tend also "
	  "to complain to the other, it is too low.",
	  "По двум спискам можно получить только оценку Чапмена. Она "
	  "предполагает, что списки независимы (попадание случая в один "
	  "список не делает его попадание в другой ни более, ни менее "
	  "вероятным) и что случаи сопоставлены верно; если обратившиеся в "
	  "один орган чаще обращаются и в другой, оценка занижена." },
	/* %s %s %s %s %s %s: indicator, lists, estimate, CI, on no list */
	{ "estimates.front_chapman",
	  "%s: from the lists of %s, an estimated %s cases in all (95 %% CI "
	  "%s–%s; Chapman's estimate), %s of them on neither list, if the two "
	  "lists are independent.",
	  "%s: по спискам (%s) всего около %s случаев (95 %% ДИ %s–%s) по "
	  "оценке Чапмена, из них %s нет ни в одном списке, если списки "
	  "независимы." },
	/* %s %s %s %s %s %s: as estimates.front_chapman */
	{ "estimates.front_models",
	  "%s: from the lists of %s, an estimated %s cases in all (95 %% CI "
	  "%s–%s; the best-ranked log-linear model), %s of them on no list, "
	  "if that model's dependence between the lists holds.",
	  "%s: по спискам (%s) всего около %s случаев (95 %% ДИ %s–%s) "
	  "по лучшей по AIC лог-линейной модели, из них %s нет ни в одном "
	  "списке, если верна заложенная в модель зависимость списков." },
	{ "estimates.loglinear",
	  "With three or more lists, log-linear models allow two lists to "
	  "depend on each other; they are ranked by AIC, and the best-ranked "
	  "model's estimate is the one to read. Every model assumes cases "
	  "are matched correctly.",
	  "По трём и более спискам лог-линейные модели допускают зависимость "
	  "между двумя списками; они упорядочены по AIC, и читать следует "
	  "оценку лучшей модели. Все модели предполагают, что случаи "
	  "сопоставлены верно." },
	{ "estimates.reading",
	  "Capture–recapture estimates how many cases there were in all, "
	  "recorded or not, from how much lists kept independently overlap: "
	  "the fewer cases two lists share, the more no list recorded.",
	  "Метод пересечения списков (capture–recapture) оценивает общее "
	  "число случаев, учтённых и неучтённых, по тому, насколько "
	  "пересекаются независимо составленные списки: чем меньше общих "
	  "случаев у двух списков, тем больше тех, что не попали ни в "
	  "один." },
	{ "estimates.reconcile",
	  "Each list is set beside its source's table (in the note), and they "
	  "need not agree: the table counts what the body recorded, by its "
	  "own unit and date (see the definitions on the summary), the list "
	  "the cases that carry a linkage key. The estimate rests on the "
	  "lists' cases, not on the tables.",
	  "Каждый список сопоставлен с таблицей своего источника (в "
	  "примечании), и они не обязаны совпадать: таблица учитывает то, что "
	  "зарегистрировал орган, в своей единице и по своей дате (см. "
	  "определения в сводке), а список — случаи с ключом связывания. "
	  "Оценка опирается на случаи из списков, а не на таблицы." },
	/* %s %s: the table's total, the difference (the list holds fewer) */
	{ "estimates.table_fewer",
	  "its table for the periods compared: %s; the list holds %s fewer",
	  "в таблице источника за периоды сравнения — %s; в списке на %s "
	  "меньше" },
	/* %s %s: the table's total, the difference (the list holds more) */
	{ "estimates.table_more",
	  "its table for the periods compared: %s; the list holds %s more",
	  "в таблице источника за периоды сравнения — %s; в списке на %s "
	  "больше" },
	/* %s %s: the table's total, 0 */
	{ "estimates.table_same",
	  "its table for the periods compared: %s, as many as the list%.0s",
	  "в таблице источника за периоды сравнения — %s, столько же, "
	  "сколько в списке%.0s" },
	{ "estimates.table_withheld",
	  "its table's total is not shown beside the list: the table holds "
	  "protected counts",
	  "итог таблицы источника рядом со списком не показан: в ней есть "
	  "защищённые числа" },
	{ "estimates.title", "Estimates of unrecorded cases",
	  "Оценки неучтённых случаев" },
	{ "findings", "Findings", "Выводы" },
	{ "findings.none", "The results hold no figures for this comparison.",
	  "В результатах нет данных для этого сравнения." },
	{ "flag.estimated", "an estimate: not tested",
	  "оценка: не проверялась" },
	{ "flag.footnote", "with a footnote: not tested",
	  "со сноской: не проверялась" },
	{ "flag.incomplete", "incomplete period: not tested",
	  "неполный период: не проверялась" },
	{ "flag.missing", "reported as missing", "нет данных" },
	{ "flag.no_information", "no information (0 and 0)",
	  "нет информации (0 и 0)" },
	{ "flag.only_a", "only in A", "только у A" },
	{ "flag.only_b", "only in B", "только у B" },
	{ "flag.provisional", "provisional figure: not tested",
	  "предварительные данные: не проверялась" },
	{ "flag.revised", "revised figure: not tested",
	  "уточнённое число: не проверялось" },
	{ "flag.significant",
	  "larger than chance",
	  "разница сверх случайных колебаний" },
	{ "flag.too_few", "too few to tell", "слишком мало данных" },
	{ "flag.untested", "not tested", "не проверялась" },
	{ "flag.withheld_by_source", "withheld by the source",
	  "скрыто источником" },
	{ "flag.within_noise", "within chance", "в пределах случайных колебаний" },
	{ "footer.page",
	  "page",
	  "стр." },
	{ "front.chart.b", "Compared source (B), named on the left",
	  "Сравниваемый источник (B), указан слева" },
	{ "front.chart.count", "Count", "Число" },
	/* %s: the comparisons left out */
	{ "front.chart.left_out",
	  "Not in the chart, because a total is withheld: %s.",
	  "Не показаны на диаграмме, так как итог скрыт: %s." },
	/* %s: the indicator */
	{ "front.chart.title", "%s: totals where both sources report",
	  "%s: итоги там, где есть данные обоих источников" },
	/* %s: the reference source */
	{ "front.chart.vs", " (A: %s)", " (A: %s)" },
	{ "front.compared", "What each counts:", "Что учитывается:" },
	/* %s: a date basis (date.*) */
	{ "front.compared.date", "by the date of %s", "по дате %s" },
	{ "front.not_shown",
	  "The brief compares what the bodies recorded, not how much torture "
	  "took place; a gap can come from what and how each counts (next "
	  "page).",
	  "Справка сравнивает записи органов, а не число случаев пыток; "
	  "расхождение может объясняться тем, что и как каждый учитывает "
	  "(следующая страница)." },
	{ "gap.missing", "the other source reports it as missing",
	  "у другого источника отмечено как отсутствующее" },
	{ "gap.withheld", "the other source withheld it itself",
	  "другой источник сам скрыл это число" },
	{ "header.final", "final data", "окончательные данные" },
	{ "header.provisional", "PROVISIONAL data", "ПРЕДВАРИТЕЛЬНЫЕ данные" },
	{ "header.unchecked", "data status NOT CHECKED",
	  "статус данных НЕ ПРОВЕРЕН" },
	{ "headline", "Headline figures", "Основные цифры" },
	{ "headline.note",
	  "Totals and ratios are over the cells both sources report.",
	  "Итоги и отношения — по ячейкам, где есть данные обоих "
	  "источников." },
	{ "headline.untested",
	  "Where the interval is blank, the totals include figures their "
	  "source does not give as final, so they are not tested (see the "
	  "findings).",
	  "Где интервал не указан, итоги включают числа, которые источник не "
	  "даёт как окончательные, поэтому они не проверяются (см. выводы)." },
	{ "internal.header",
	  "INTERNAL: contains protected counts, not for distribution",
	  "ВНУТРЕННИЙ: содержит защищённые числа, не для распространения" },
	/* %ld: suppress_below of the brief for distribution */
	{ "internal.note",
	  "This is the internal copy for the analyst: it shows the protected "
	  "counts (from 1 to %ld, and those withheld to protect them) that the "
	  "brief for distribution withholds, and the statistics computed on "
	  "all of them. Do not distribute it.",
	  "Это внутренний экземпляр для аналитика: в нём показаны защищённые "
	  "числа (от 1 до %ld и скрытые для их защиты), которые справка для "
	  "распространения скрывает, и статистика, рассчитанная по всем "
	  "числам. Не распространяйте его." },
	{ "internal.note.none",
	  "This is the internal copy for the analyst; no suppression is "
	  "configured (report.suppress_below), so it shows what the brief for "
	  "distribution shows.",
	  "Это внутренний экземпляр для аналитика; скрытие малых чисел не "
	  "настроено (report.suppress_below), поэтому он совпадает со справкой "
	  "для распространения." },
	{ "kind.civil_society",
	  "civil society",
	  "организация гражданского общества" },
	{ "kind.government", "government", "государственный орган" },
	{ "kind.international", "international organisation",
	  "международная организация" },
	{ "kind.nhri", "national human rights institution",
	  "национальное правозащитное учреждение" },
	{ "kind.other", "other", "другое" },
	{ "link.figures", "figures →", "цифры →" },
	/* %s %s: reckon version, date */
	{ "made", "Prepared by reckon %s, dated %s.",
	  "Подготовлено программой reckon %s, дата %s." },
	/* %s %s %s: reckon version, run id, date */
	{ "made.run", "Prepared by reckon %s from run %s, dated %s.",
	  "Подготовлено программой reckon %s по запуску %s, дата %s." },
	/* %ld %ld: k, k - 1 */
	{ "marks.legend",
	  "<%ld: a count from 1 to %ld, withheld to protect the people "
	  "counted; x: withheld so that such a count cannot be worked out from "
	  "totals, differences or the other source's figure. Figures derived "
	  "from a withheld count are left blank.",
	  "<%ld: число от 1 до %ld, скрыто для защиты учтённых людей; x: "
	  "скрыто, чтобы такое число нельзя было вычислить по итогам, "
	  "разностям или числу другого источника. Величины, рассчитанные по "
	  "скрытому числу, не показаны." },
	{ "messages", "Key messages", "Главное" },
	{ "method.agreement",
	  "Pearson's r measures how closely the cells of the two sources "
	  "follow a straight line, Spearman's ρ the same for their ranks. "
	  "Lin's concordance correlation coefficient (CCC) measures agreement "
	  "with the line of equality itself: it is 1 only when both sources "
	  "give the same number in every cell. Its 95 % confidence interval "
	  "comes from Fisher's z-transformation. Below 0.90 agreement is "
	  "called poor, 0.90–0.95 moderate, 0.95–0.99 substantial, above 0.99 "
	  "almost perfect (McBride 2005).",
	  "r Пирсона показывает, насколько ячейки двух источников ложатся на "
	  "прямую, ρ Спирмена — то же для рангов. Коэффициент согласия "
	  "Лина (CCC) измеряет согласие с самой линией равенства: он равен 1, "
	  "только когда в каждой ячейке числа источников одинаковы. Его 95 % "
	  "доверительный интервал получен z-преобразованием Фишера. Согласие "
	  "ниже 0,90 считается слабым, 0,90–0,95 — умеренным, 0,95–0,99 — "
	  "существенным, выше 0,99 — почти полным (McBride 2005)." },
	{ "method.agreement.head", "Agreement", "Согласованность" },
	{ "method.alignment",
	  "Each comparison pairs a reference source A with a compared source "
	  "B for one indicator, cell by cell: the same period and the same "
	  "categories. The two are brought to the finest breakdown both "
	  "publish: a dimension one source lacks is summed out of the other, "
	  "and the sheet says so. A cell that one source has and the other "
	  "does not is a coverage gap; it is listed, never dropped.",
	  "Каждое сравнение сопоставляет опорный источник A и сравниваемый "
	  "источник B по одному показателю, ячейка за ячейкой: тот же период "
	  "и те же категории. Оба приводятся к самой подробной разбивке, "
	  "которую публикуют оба: признак, которого нет у одного источника, "
	  "суммируется у другого, и это указано на листе. Ячейка, которая "
	  "есть только у одного источника, — пробел в охвате; она приводится "
	  "в списке и никогда не отбрасывается." },
	{ "method.alignment.head", "How cells are paired",
	  "Как сопоставляются ячейки" },
	/* %zu %ld %ld %ld: counts audited, k, k - 1, k - 1 */
	{ "method.audit",
	  "Before the file was written, an audit by integer programming "
	  "worked out, from everything this brief publishes, the range each "
	  "withheld count could still have (%zu numbers checked): each “<%ld” "
	  "could be any of 1 to %ld, and each “x” any of at least %ld "
	  "consecutive values. Had one been narrower, more would have been "
	  "withheld and the audit run again.",
	  "Перед записью файла проверка методом целочисленного "
	  "программирования вычислила по всему, что опубликовано в справке, "
	  "диапазон, в котором может лежать каждое скрытое число (проверено "
	  "чисел: %zu): каждое «<%ld» может быть любым от 1 до %ld, а каждое "
	  "«x» — любым из не менее чем %ld последовательных значений. Если бы "
	  "диапазон оказался уже, было бы скрыто больше чисел и проверка "
	  "повторена." },
	{ "method.ba",
	  "Bland–Altman analysis on the log scale: for every cell where both "
	  "counts are above zero, the ratio B/A. Their geometric mean says how "
	  "many times B's count is A's in a typical cell; the 95 % limits of "
	  "agreement (the mean ± 1.96 standard deviations of log B/A, turned "
	  "back into ratios) say how far a single cell may stray from it.",
	  "Анализ Бланда — Альтмана в логарифмической шкале: для каждой "
	  "ячейки, где оба числа больше нуля, — отношение B/A. Их среднее "
	  "геометрическое показывает, во сколько раз число B обычно больше "
	  "числа A; 95 % пределы согласия (среднее ± 1,96 стандартного "
	  "отклонения log B/A, пересчитанные в отношения) — насколько "
	  "отдельная ячейка может от этого отклоняться." },
	{ "method.ba.head", "Typical ratio and limits of agreement",
	  "Типичное отношение и пределы согласия" },
	/* %s: a dimension */
	{ "method.codes", "Codes: %s", "Коды: %s" },
	{ "method.diff",
	  "B − A: the compared source's count minus the reference source's.",
	  "B − A: число сравниваемого источника минус число опорного." },
	{ "method.diff.head", "Difference", "Разность" },
	{ "method.distribution",
	  "For each dimension, the counts of both sources by category form a "
	  "two-row table, tested for homogeneity with Pearson's χ² and the "
	  "likelihood-ratio G test: a small p means the sources spread their "
	  "counts differently. Adjusted (standardised) residuals show which "
	  "categories differ most; Cramér's V, the total variation distance "
	  "and the Jensen–Shannon distance measure how far apart the two "
	  "spreads are. Where a category's expected count is below 5 the "
	  "χ² distribution gives a poor p, so p is found by Monte Carlo "
	  "instead: 10,000 tables with the same row and column totals, drawn "
	  "from a fixed seed so that a rerun gives the same p.",
	  "По каждому признаку числа обоих источников по категориям образуют "
	  "таблицу из двух строк, которая проверяется на однородность "
	  "критерием χ² Пирсона и G-критерием отношения правдоподобия: малое "
	  "p означает, что источники распределяют числа по-разному. "
	  "Скорректированные (стандартизованные) остатки показывают, какие "
	  "категории различаются сильнее всего; V Крамера, расстояние полной "
	  "вариации и расстояние Йенсена — Шеннона измеряют величину различия "
	  "распределений. Если ожидаемое число в какой-либо категории меньше "
	  "5, распределение χ² даёт неточное p, поэтому p находится методом "
	  "Монте-Карло: 10 000 таблиц с теми же итогами строк и столбцов, "
	  "полученных из фиксированного начального значения, чтобы повторный "
	  "запуск давал то же p." },
	{ "method.distribution.head", "Distribution", "Распределение" },
	{ "method.errors",
	  "sMAPE is the mean, over the cells, of |B − A| relative to the mean "
	  "of A and B, in per cent (cells with 0 in both left out). WAPE is "
	  "the sum of |B − A| over the cells relative to the sum of A, in per "
	  "cent.",
	  "sMAPE — среднее по ячейкам отношение |B − A| к среднему A и B, в "
	  "процентах (ячейки с 0 у обоих не учитываются). WAPE — сумма "
	  "|B − A| по ячейкам, отнесённая к сумме A, в процентах." },
	{ "method.errors.head", "Average discrepancy", "Среднее расхождение" },
	{ "method.flags",
	  "Each cell is assessed as: larger than chance (q below the "
	  "false discovery rate, 5 % unless the configuration says "
	  "otherwise); within chance (the cell holds enough cases to show "
	  "a twofold gap, and shows none beyond chance); too few to tell "
	  "(so few cases that even one source counting twice as many as "
	  "the other would not stand out from chance: the test says "
	  "nothing either way, which is not the same as the sources "
	  "agreeing); no information (0 in both: nothing to compare); "
	  "only in A or only in B (a coverage gap); reported as missing.",
	  "Каждой ячейке дана оценка: разница сверх случайных колебаний "
	  "(q меньше доли ложных открытий — 5 %, если в конфигурации не "
	  "указано иное); в пределах случайных колебаний (случаев "
	  "достаточно, чтобы была видна двукратная разница, и разница не "
	  "выходит за пределы случайных колебаний); слишком мало данных "
	  "(случаев так мало, что даже вдвое большее число у одного "
	  "источника не выделилось бы на фоне случайности: проверка не "
	  "говорит ни о чём, и это не значит, что источники согласны); "
	  "нет информации (0 у обоих — сравнивать нечего); только у A или "
	  "только у B (пробел в охвате); нет данных." },
	{ "method.flags.head", "Assessment of a cell", "Оценка ячейки" },
	{ "method.intro",
	  "How each figure in this brief is computed, in plain words. Every "
	  "figure comes from the files listed on the Provenance sheet and can "
	  "be traced to its source cell through the Data sheet.",
	  "Как рассчитана каждая величина в этой справке. Все величины "
	  "получены из файлов, перечисленных на листе «Происхождение», и "
	  "прослеживаются до исходной ячейки через лист «Данные»." },
	{ "method.mse",
	  "With record-level case lists and a linkage key, capture–recapture "
	  "estimates the number of cases no list recorded. For two lists, "
	  "Chapman's estimator with its variance and Chao's log-normal 95 % "
	  "interval; for three or more, log-linear models of the overlaps, "
	  "ranked by AIC.",
	  "При наличии списков случаев с псевдонимизированным ключом связывания метод "
	  "пересечения списков (capture–recapture) оценивает число случаев, не попавших ни "
	  "в один список. Для двух списков — оценка Чапмена с её дисперсией и "
	  "логнормальным 95 % интервалом Чао; для трёх и более — лог-линейные "
	  "модели пересечений, упорядоченные по AIC." },
	{ "method.mse.head", "Unrecorded cases", "Неучтённые случаи" },
	{ "method.p",
	  "p is the exact two-sided p-value of the conditional binomial "
	  "test of equal counts: given A + B, B is compared with half of "
	  "it. Two-sided by the central method: twice the smaller tail, "
	  "at most 1. The sources are registers, not samples: they count "
	  "events, and the counts of two bodies differ for reasons a test "
	  "cannot see. What p answers is narrower: if both bodies "
	  "received complaints at the same underlying rate, each count "
	  "varying as independent events do, how often would a gap at "
	  "least this large arise? A small p says such a gap would be "
	  "unusual; a large p says the cell cannot tell, not that the "
	  "sources agree.",
	  "p — точное двустороннее p-значение условного биномиального "
	  "критерия равенства чисел: при известной сумме A + B число B "
	  "сравнивается с её половиной. Двустороннее p вычисляется "
	  "центральным методом: удвоенный меньший хвост, но не более 1. "
	  "Источники — это реестры, а не выборки: они учитывают события, "
	  "и числа двух ведомств расходятся по причинам, которых проверка "
	  "не видит. p отвечает на более узкий вопрос: если бы оба "
	  "ведомства получали жалобы с одной и той же интенсивностью и "
	  "каждое число колебалось, как колеблется число независимых "
	  "событий, как часто возникала бы разница не меньше этой? Малое "
	  "p говорит, что такая разница была бы необычной; большое p — "
	  "что по ячейке судить нельзя, а не что источники согласны." },
	{ "method.p.head", "p-value", "p-значение" },
	{ "method.q",
	  "q is p adjusted for testing many cells at once "
	  "(Benjamini–Hochberg): among cells with q below 5 %, at most 5 "
	  "% are expected to be false alarms. Each comparison (one sheet, "
	  "one pair of sources) is one family: “larger than chance” holds "
	  "within its sheet, and with several comparisons a few false "
	  "alarms across the whole brief are more likely than within one. "
	  "In a brief that withholds small counts, the family is the "
	  "cells whose counts are both published.",
	  "q — p-значение с поправкой на одновременную проверку многих "
	  "ячеек (Бенджамини — Хохберг): среди ячеек с q меньше 5 % "
	  "ожидается не более 5 % ложных срабатываний. Каждое сравнение "
	  "(один лист, одна пара источников) — отдельное семейство "
	  "проверок: оценка «разница сверх случайных колебаний» действует "
	  "в пределах своего листа, и при нескольких сравнениях ложное "
	  "срабатывание где-то в справке вероятнее, чем в одном из них. "
	  "Если малые числа скрыты, семейство составляют ячейки, оба "
	  "числа которых опубликованы." },
	{ "method.q.head", "q-value", "q-значение" },
	{ "method.ratio",
	  "B / A: B's count divided by A's, that is how many times as many B "
	  "recorded. Its 95 % confidence interval is exact: the "
	  "Clopper–Pearson interval of B's share of A + B, turned into a "
	  "ratio. It is not computed when A is 0.",
	  "B / A: во сколько раз число B больше числа A. Его 95 % "
	  "доверительный интервал точный: интервал Клоппера — Пирсона для "
	  "доли B в сумме A + B, пересчитанный в отношение. При A = 0 не "
	  "рассчитывается." },
	{ "method.ratio.head", "Ratio and its interval",
	  "Отношение и его интервал" },
	/* %ld %ld %ld %zu %ld: base, base - 1, base - 1, counts, base */
	{ "method.rounding",
	  "Protected counts are published rounded to a multiple of %ld "
	  "(controlled rounding): each is one of the two multiples next to its "
	  "true value, so a published 0 stands for any of 0 to %ld, and any "
	  "other published count for a value that differs from it by at most "
	  "%ld (%zu counts rounded in this brief). Totals are the sums of their "
	  "rounded parts, so the published tables add up. Each count is "
	  "rounded up or down at random, so that rounding neither raises nor "
	  "lowers the figures on average. Every number the brief shows "
	  "(totals, differences, ratios and their intervals, p and q, "
	  "agreement measures, distribution tests, trends, estimates of "
	  "unrecorded cases and chart data) is computed from the rounded "
	  "counts, so none of them rests on a true protected count. Before the "
	  "results were written, an audit by integer programming checked that, "
	  "given everything published, each protected count could still be "
	  "any of at least %ld values.",
	  "Защищённые числа опубликованы округлёнными до кратного %ld "
	  "(контролируемое округление): каждое заменено одним из двух "
	  "ближайших к нему кратных, поэтому опубликованный 0 означает любое "
	  "число от 0 до %ld, а любое другое опубликованное число — значение, "
	  "отличающееся от него не более чем на %ld (округлено чисел в этой "
	  "справке: %zu). Итоги равны суммам округлённых слагаемых, поэтому "
	  "опубликованные таблицы сходятся. Каждое число округлено вверх или "
	  "вниз случайно, так что в среднем округление не завышает и не "
	  "занижает числа. Каждое число справки (итоги, разности, отношения и "
	  "их интервалы, p и q, меры согласованности, проверки распределения, "
	  "тренды, оценки неучтённых случаев и данные диаграмм) рассчитано по "
	  "округлённым числам, поэтому ни одно из них не опирается на "
	  "истинное защищённое число. Перед записью результатов проверка "
	  "методом целочисленного программирования подтвердила, что при всём "
	  "опубликованном каждое защищённое число может принимать не менее "
	  "%ld значений." },
	/* %ld %ld %zu %zu: k - 1, k, small, withheld */
	/* %ld %ld %zu %zu: k - 1, k, small, withheld */
	{ "method.suppression",
	  "Protected counts from 1 to %ld are shown as “<%ld” so that no one "
	  "can be identified from a small number (%zu numbers in this brief). "
	  "So that such a count cannot be worked out from a total, a "
	  "difference, a ratio or the other source's figure, further numbers "
	  "are withheld and marked “x” (%zu in this brief; a few of them may be "
	  "small counts that their own “<” mark would give away). Every number "
	  "the brief shows (counts, totals, differences, ratios and their "
	  "intervals, p and q, agreement measures, distribution tests, trends "
	  "and chart data) is computed only from the figures it publishes, or "
	  "is itself withheld, and is stored at the precision shown. Charts "
	  "leave out what rests on a withheld count, and say so under the "
	  "chart.",
	  "Защищённые числа от 1 до %ld показаны как «<%ld», чтобы по малому "
	  "числу нельзя было установить личность (%zu чисел в этой справке). "
	  "Чтобы такое число нельзя было вычислить по итогу, разности, "
	  "отношению или числу другого источника, скрыты и отмечены «x» ещё "
	  "несколько чисел (%zu в этой справке; среди них могут быть и малые "
	  "числа, которые выдала бы их собственная пометка «<»). Каждое число "
	  "справки (числа, итоги, разности, отношения и их интервалы, p и q, "
	  "меры согласованности, проверки распределения, тренды и данные "
	  "диаграмм) рассчитано только по опубликованным в ней числам или "
	  "само скрыто и хранится с той точностью, с какой показано. На "
	  "диаграммах не показано то, что опирается на скрытое число; об этом "
	  "сказано под диаграммой." },
	{ "method.suppression.head", "Protection of small numbers",
	  "Защита малых чисел" },
	{ "method.suppression.off",
	  "No suppression was configured (report.suppress_below): every count "
	  "is published as it is.",
	  "Скрытие малых чисел не настроено (report.suppress_below): все "
	  "числа опубликованы как есть." },
	{ "method.sym_pct",
	  "Difference, %: the difference B − A relative to the mean of A and "
	  "B, in per cent (−200 to 200; symmetric, so that swapping the "
	  "sources only changes the sign).",
	  "Разница, %: разность B − A, отнесённая к среднему A и B, в "
	  "процентах (от −200 до 200; симметрично: если поменять источники "
	  "местами, меняется только знак)." },
	{ "method.sym_pct.head", "Difference in per cent", "Разница в процентах" },
	/* %s %s: the published sources, the protected ones */
	{ "method.threat",
	  "Who is protected: the people counted. Figures a source has "
	  "published itself are public and are never withheld (%s). Counts "
	  "from records that are not published are protected (%s).",
	  "Кого защищаем: учтённых людей. Числа, которые источник опубликовал "
	  "сам, публичны и никогда не скрываются (%s). Числа из "
	  "неопубликованных записей защищены (%s)." },
	{ "method.title", "Methodology", "Методология" },
	{ "method.totals",
	  "The totals' B / A has an exact interval when every cell shares "
	  "one ratio and varies only by chance. Registers differ by region "
	  "and period far more than that, so reckon measures how much the "
	  "cells vary (the dispersion: 1 is chance alone). Above 1, the "
	  "interval and p of the totals are quasi-Poisson: widened by the "
	  "square root of the dispersion, with Student's t on one fewer "
	  "degrees of freedom than cells, so that the totals do not look more "
	  "certain than the cells allow. The Agreement sheet names the model "
	  "used for each pair.",
	  "Для отношения итогов B / A точный интервал верен, когда во всех "
	  "ячейках отношение одно и числа колеблются лишь случайно. Реестры "
	  "различаются по регионам и периодам гораздо сильнее, поэтому "
	  "reckon измеряет, насколько разбросаны ячейки (параметр дисперсии: "
	  "1 — только случайность). Если он больше 1, интервал и p для "
	  "итогов квазипуассоновские: расширены на корень из параметра "
	  "дисперсии, с распределением Стьюдента на числе степеней свободы, "
	  "на единицу меньшем числа ячеек, — чтобы итоги не казались "
	  "точнее, чем позволяют ячейки. На листе «Согласованность» для "
	  "каждой пары указана использованная модель." },
	{ "method.totals.head", "The totals' interval",
	  "Интервал для итогов" },
	{ "method.trend",
	  "The trend of each source over the periods is a Poisson "
	  "regression of its counts on time, fitted by iteratively "
	  "reweighted least squares: the estimate is the factor by which "
	  "the count changes per period. The source × time interaction "
	  "says whether the gap changes: above 1 with a small p, B's "
	  "count grows faster than A's (the gap widens). Intervals are 95 "
	  "%, widened for overdispersion.",
	  "Тренд каждого источника по периодам — регрессия Пуассона его "
	  "чисел на время, оценённая итеративно перевзвешенным методом "
	  "наименьших квадратов: оценка — множитель, на который число "
	  "меняется за период. Взаимодействие «источник × время» "
	  "показывает, меняется ли разрыв: больше 1 при малом p — число B "
	  "растёт быстрее числа A (разрыв увеличивается). Интервалы 95 %, "
	  "расширенные с учётом сверхдисперсии." },
	{ "method.trend.head", "Trend", "Динамика" },
	{ "method.zero",
	  "Zero and missing are different: 0 means the source counted "
	  "none; an empty cell means it gave no figure. Cells with 0 in "
	  "both sources carry no information about a gap and are never "
	  "divided.",
	  "Ноль и отсутствие данных — разные вещи: 0 означает, что "
	  "источник не учёл ни одного случая; пустая ячейка — что число "
	  "не приведено. Ячейки с 0 у обоих источников ничего не говорят "
	  "о разнице и в отношениях не участвуют." },
	{ "method.zero.head", "Zero and missing", "Ноль и отсутствие данных" },
	{ "model.exact_poisson", "exact (Poisson)", "точная (пуассоновская)" },
	{ "model.quasi_poisson", "quasi-Poisson (cells vary more than chance)",
	  "квазипуассоновская (ячейки разбросаны сильнее случайного)" },
	{ "mse.chapman", "Chapman estimate", "Оценка Чапмена" },
	{ "mse.list", "List", "Список" },
	{ "mse.loglinear", "Log-linear model", "Лог-линейная модель" },
	{ "mse.model.dependence", "dependence: ", "зависимость: " },
	{ "mse.model.independence", "independence of the lists",
	  "независимость списков" },
	{ "mse.pattern", "Cases on exactly", "Случаи только в" },
	{ "none", "None.", "Нет." },
	{ "not_shown",
	  "It compares the figures each body recorded. It does not show "
	  "how many people were tortured, whether any complaint is "
	  "founded, or cases that no body recorded (the capture–recapture "
	  "estimate aside). A gap between two sources can come from what "
	  "each counts (see the definitions), from the date a case is "
	  "counted by, or from cases one of them never received; a test "
	  "says only whether a gap is larger than chance variation would "
	  "make it.",
	  "Справка сравнивает числа, учтённые каждым органом. Она не "
	  "показывает, сколько людей подверглись пыткам и обоснована ли "
	  "какая-либо жалоба, а также случаи, которые не учёл ни один "
	  "орган (их оценивает лишь метод пересечения списков). "
	  "Расхождение между источниками может объясняться тем, что "
	  "именно каждый учитывает (см. определения), датой, по которой "
	  "учитывается случай, или случаями, которые один из них не "
	  "получал; проверка говорит лишь о том, больше ли расхождение, "
	  "чем дали бы случайные колебания." },
	{ "not_shown.head", "What this brief does not show",
	  "Чего эта справка не показывает" },
	{ "note.all_zero", "every compared cell is 0 vs 0",
	  "во всех сопоставленных ячейках 0 и 0" },
	{ "note.all_zero_ba", "a zero in every cell: no Bland–Altman",
	  "ноль в каждой ячейке: анализа Бланда — Альтмана нет" },
	{ "note.coarse_periods",
	  "%s: not broken down by %s in %zu period(s)",
	  "%s: нет разбивки по признаку «%s» (периодов: %zu)" },
	{ "note.constant", "a constant series: no correlations or CCC",
	  "постоянный ряд: корреляций и CCC нет" },
	{ "note.few_cells", "fewer than 3 cells compared: no CCC interval",
	  "сопоставлено меньше 3 ячеек: интервала CCC нет" },
	{ "note.identical", "identical values: CCC 1 without an interval",
	  "числа совпадают: CCC = 1 без интервала" },
	{ "note.no_pairs", "no cell has values on both sides",
	  "нет ячеек с данными обоих источников" },
	{ "note.no_rows", "no rows of %s",
	  "нет строк источника: %s" },
	/* %s: a source in the genitive */
	{ "note.no_rows.case", "no rows of %s",
	  "нет строк в данных %s" },
	{ "note.not_whole",
	  "%zu cell(s) not whole counts: not tested",
	  "ячеек с нецелыми числами: %zu — не проверялись" },
	{ "note.one_cell", "one cell compared: no correlation or CCC",
	  "сопоставлена одна ячейка: корреляции и CCC нет" },
	{ "note.one_pair", "one positive pair: no limits of agreement",
	  "одна пара положительных чисел: границ согласия нет" },
	{ "note.qualified",
	  "%zu cell(s) not complete counts (provisional, incomplete, "
	  "estimated or with a footnote): shown, not tested",
	  "ячеек с неокончательными числами (предварительные, неполные, "
	  "оценочные, со сноской): %zu — показаны, но не проверялись" },
	{ "note.stock_none",
	  "a stock (a count on a date): no date with figures from both, so no "
	  "totals",
	  "показатель на дату: нет даты с числами обоих источников, поэтому "
	  "итогов нет" },
	{ "note.stock_on",
	  "a stock (a count on a date): totals and distribution are on %s, "
	  "never summed over dates",
	  "показатель на дату: итоги и распределение — на %s, без "
	  "суммирования по датам" },
	{ "note.summed_out", "%s summed out of %s",
	  "%s: суммировано у источника %s" },
	/* %s %s: dimensions, a source in the genitive */
	{ "note.summed_out.case", "%s summed out of %s",
	  "%s: суммировано в данных %s" },
	{ "note.totals_qualified",
	  "the totals include them and are not tested",
	  "итоги включают их и не проверяются" },
	{ "note.zero_ba",
	  "%zu cell(s) with a zero left out of Bland–Altman",
	  "ячеек с нулём вне анализа Бланда — Альтмана: %zu" },
	{ "pair.by", "Compared by ", "Сравнение по признакам: " },
	{ "pair.by_period", "period", "период" },
	{ "pair.cells", "Cell by cell", "По ячейкам" },
	/* %s: alpha */
	{ "pair.legend",
	  "Assessment: “larger than chance” when q is below %s; q is p "
	  "adjusted for testing many cells at once. The Methodology sheet "
	  "explains every column.",
	  "Оценка: «разница сверх случайных колебаний», когда q меньше "
	  "%s; q — p-значение с поправкой на проверку многих ячеек сразу. "
	  "Все столбцы объяснены на листе «Методология»." },
	{ "pair.nocells", "The results hold no cells for this comparison.",
	  "В результатах нет ячеек для этого сравнения." },
	/* %s %s: B, A */
	{ "pair.short", "%s vs %s", "%s и %s" },
	/* %s: a dimension */
	{ "pair.summed", "; not broken down by %s", "; без разбивки: %s" },
	/* %s %s %s: indicator, B, A */
	{ "pair.title", "%s: %s compared with %s",
	  "%s: %s (B) и %s (A)" },
	/* %s %s %s: indicator, B, A in the instrumental (name_ru) */
	{ "pair.title.case", "%s: %s compared with %s",
	  "%s: %s (B) в сравнении с %s (A)" },
	{ "period", "Period", "Период" },
	{ "protection", "Protection of small numbers", "Защита малых чисел" },
	/* %ld %ld %ld: base, base - 1, base - 1 */
	{ "protection.rounding",
	  "Counts from records that are not published are shown rounded to a "
	  "multiple of %ld to protect the people counted: a 0 may stand for "
	  "any of 0 to %ld, and any other such count may differ from the true "
	  "one by up to %ld. Totals are the sums of the rounded counts, and "
	  "statistics are computed from the rounded counts. Figures a source "
	  "has published itself are shown as they are.",
	  "Числа из неопубликованных записей показаны округлёнными до кратного "
	  "%ld для защиты учтённых людей: 0 может означать любое число от 0 "
	  "до %ld, а любое другое такое число может отличаться от истинного "
	  "не более чем на %ld. Итоги — суммы округлённых чисел, и статистика "
	  "рассчитана по округлённым числам. Числа, которые источник "
	  "опубликовал сам, показаны как есть." },
	/* %ld %ld %zu %zu: k - 1, k, small, withheld */
	{ "protection.rule",
	  "Counts from 1 to %ld are shown as “<%ld” to protect the people "
	  "counted (%zu numbers in this brief). Numbers marked “x” (%zu) are "
	  "withheld as well, so that no small count can be worked out from a "
	  "total, a difference or the other source's figure. Figures a source "
	  "has published itself are shown as they are, and statistics are "
	  "computed only from the figures shown.",
	  "Числа от 1 до %ld показаны как «<%ld» для защиты учтённых людей "
	  "(таких чисел в этой справке: %zu). Числа, отмеченные «x» (%zu), тоже "
	  "скрыты, чтобы малое число нельзя было вычислить по итогу, разности "
	  "или числу другого источника. Числа, которые источник опубликовал "
	  "сам, показаны как есть, а статистика рассчитана только по "
	  "показанным числам." },
	/* %zu: tables */
	{ "protection.whole",
	  "In %zu table(s) no smaller protection could be found, so every "
	  "count above zero in them is withheld.",
	  "В таблицах (%zu) не удалось найти меньшую защиту, поэтому в них "
	  "скрыты все числа больше нуля." },
	{ "prov.database", "Database", "База данных" },
	{ "prov.dated", "Dated", "Дата документа" },
	{ "prov.files", "files (no database)", "файлы (без базы данных)" },
	{ "prov.files_head", "Files", "Файлы" },
	{ "prov.pipeline", "Pipeline", "Конвейер" },
	{ "prov.reading",
	  "Everything this brief was made from. A SHA-256 fingerprint changes "
	  "if a single byte of its file does, so anyone holding the same files "
	  "can check them and rerun the pipeline to the same brief, byte for "
	  "byte.",
	  "Всё, из чего составлена эта справка. Отпечаток SHA-256 меняется "
	  "при изменении хотя бы одного байта файла, поэтому любой, у кого "
	  "есть те же файлы, может их проверить и повторно запустить "
	  "конвейер, получив ту же справку байт в байт." },
	{ "prov.report_version",
	  "Report by",
	  "Справка составлена программой" },
	{ "prov.rounding", "Protected counts rounded to multiples of",
	  "Защищённые числа округлены до кратных" },
	{ "prov.run_id", "Run id", "Идентификатор запуска" },
	{ "prov.run_version",
	  "reckon version of the run",
	  "Версия reckon при запуске" },
	{ "prov.suppress_below", "Counts withheld below", "Скрыты числа меньше" },
	{ "prov.title", "Provenance", "Происхождение" },
	{ "prov.withheld",
	  "withheld: it would confirm a guess of the protected counts",
	  "не публикуется: подтвердил бы догадку о защищённых числах" },
	{ "quality.all", "all", "все" },
	{ "quality.coverage", "Coverage gaps", "Пробелы в охвате" },
	{ "quality.coverage.reading",
	  "Cells that one source reports and the other does not, or reports "
	  "as missing. They are not in the comparison of counts.",
	  "Ячейки, которые есть у одного источника и отсутствуют или отмечены "
	  "как отсутствующие у другого. В сравнение чисел они не входят." },
	{ "quality.incomplete", "Incomplete periods", "Неполные периоды" },
	{ "quality.incomplete.reading",
	  "Figures the normaliser flagged as incomplete (a quarter with a "
	  "month missing, a sum with a part missing), and periods of the "
	  "pipeline in which a compared source has no figure at all.",
	  "Числа, отмеченные при нормализации как неполные (квартал без "
	  "одного месяца, сумма без одной из частей), и периоды конвейера, в "
	  "которых у сравниваемого источника нет ни одного числа." },
	/* %zu %zu: rejected rows, unmapped labels */
	{ "quality.line",
	  "%zu row(s) were rejected and %zu label(s) could not be matched to "
	  "a code: see Data quality.",
	  "Отклонено строк: %zu; не сопоставлено с кодами названий: %zu — см. "
	  "лист «Качество данных»." },
	{ "quality.no_data", "no figure for this period",
	  "нет данных за этот период" },
	{ "quality.not_given", "Not given to reckon-report.",
	  "Не передано в reckon-report." },
	{ "quality.notes", "The sources' own notes", "Примечания источников" },
	{ "quality.notes.reading",
	  "What the sources printed under their tables, in their own words. "
	  "A note that calls a period's figures provisional or revised marks "
	  "them so wherever they appear in this brief, and they are not "
	  "tested.",
	  "Что источники напечатали под своими таблицами, их собственными "
	  "словами. Если примечание называет данные за период "
	  "предварительными или уточнёнными, они отмечены так везде в этой "
	  "справке и не проверяются." },
	{ "quality.reason_withheld",
	  "(not shown: it quotes protected counts)",
	  "(не показано: содержит защищённые числа)" },
	{ "quality.rejects", "Rejected rows by reason",
	  "Отклонённые строки по причинам" },
	{ "quality.rejects.reading",
	  "Rows taken out of the data (action: rejected) or kept with a "
	  "warning (kept), grouped by source and check, with the first reason "
	  "and where it was found.",
	  "Строки, исключённые из данных или оставленные с "
	  "предупреждением, сгруппированные по источнику и проверке, с "
	  "первой причиной и местом, где она найдена." },
	{ "quality.title", "Data quality", "Качество данных" },
	{ "quality.totals", "The sources' own totals",
	  "Итоги самих источников" },
	/* %s %s %s %s: the sum of the rows, the total, sign, difference */
	{ "quality.totals.differs",
	  "the rows under it sum to %s, the total printed is %s (%s%s)",
	  "сумма строк под ним — %s, напечатанный итог — %s (%s%s)" },
	{ "quality.totals.reading",
	  "Totals a source printed in its own table (“Итого”, “Всего”, "
	  "“Total”) that are not the sum of the rows under them, as "
	  "reckon-normalise found them: the brief compares the rows, never "
	  "the printed total, but an official will put the table next to "
	  "the brief. A value stored as text, which a spreadsheet's SUM "
	  "skips, is a common cause.",
	  "Итоги, напечатанные источником в собственной таблице («Итого», "
	  "«Всего», «Total»), которые не равны сумме строк под ними, как их "
	  "нашла программа reckon-normalise: справка сравнивает строки, а не "
	  "напечатанный итог, но должностное лицо положит таблицу рядом со "
	  "справкой. Частая причина — число, записанное как текст, которое "
	  "пропускает функция СУММ." },
	{ "quality.unmapped", "Labels that could not be matched to a code",
	  "Названия, не сопоставленные с кодами" },
	{ "quality.unmapped.reading",
	  "A label is never guessed into a code: these need an alias in "
	  "the code list (the suggestions are the closest codes), or a "
	  "decision that they are something else.",
	  "Название никогда не сопоставляется с кодом наугад: для этих "
	  "названий нужен синоним в справочнике кодов (предложены "
	  "ближайшие коды) или решение, что они означают нечто иное." },
	{ "rates.no_population", "no population for this cell",
	  "нет данных о населении для этой ячейки" },
	{ "rates.reading",
	  "Each count per the population it comes from (the denominators "
	  "the comparison names), with its exact 95 % interval, so that "
	  "regions of different size can be set side by side. B / A of the "
	  "rates is the ratio of the two rates; where both sources count the "
	  "same population it equals the ratio of the counts. A withheld "
	  "count's rate is withheld with it.",
	  "Каждое число в расчёте на население, к которому оно относится "
	  "(знаменатели, указанные для сравнения), с точным 95 % "
	  "интервалом, — чтобы сопоставлять регионы разной численности. "
	  "B / A для показателей — отношение двух показателей; если оба "
	  "источника относятся к одному населению, оно равно отношению "
	  "чисел. Показатель для скрытого числа скрыт вместе с ним." },
	{ "rates.title", "Rates per population",
	  "Показатели на численность населения" },
	/* reckon-normalise's reasons (reasons.c): {N} a part of the reason,
	 * {Nd} a dimension by its name */
	{ "reason.hierarchy",
	  "{1d} '{2}' is {3}, but the {4} parts of it present sum to {5}",
	  "{1d} «{2}»: {3}, а сумма имеющихся частей ({4}) — {5}; "
	  "сравниваются части, а не итог" },
	{ "reason.indicator_unmapped",
	  "indicator '{1}' is in no code list: {2}",
	  "показателя «{1}» нет в справочнике кодов: {2}" },
	{ "reason.maximum",
	  "value {1} is above the maximum {2}",
	  "значение {1} больше допустимого максимума {2}" },
	{ "reason.months_missing",
	  "{1} has figures for {2} only: {3} missing",
	  "за {1} есть числа только за {2}; нет за {3}" },
	{ "reason.negative",
	  "value {1} is negative",
	  "отрицательное значение {1}" },
	{ "reason.overlap",
	  "{1} sums rows for a whole period and for its parts: they would "
	  "be counted twice",
	  "за {1} есть строки и за весь период, и за его части: они были "
	  "бы учтены дважды" },
	{ "reason.parts",
	  "the parts over {1d} sum to {2}, not the total {3} (tolerance "
	  "{4})",
	  "части по признаку «{1d}» в сумме дают {2}, а не итог {3} "
	  "(допуск {4})" },
	{ "reason.parts_known",
	  "the known parts over {1d} sum to {2}, more than the total {3} "
	  "(tolerance {4})",
	  "известные части по признаку «{1d}» в сумме дают {2} — больше "
	  "итога {3} (допуск {4})" },
	{ "reason.period_across",
	  "period '{1}' runs across years; a year-to-date figure runs "
	  "from January",
	  "период «{1}» захватывает два года, а число нарастающим итогом "
	  "считается с января" },
	{ "reason.period_day",
	  "period '{1}' is a day; a year-to-date figure needs a month, "
	  "quarter, half-year or year",
	  "период «{1}» — один день; для числа нарастающим итогом нужен "
	  "месяц, квартал, полугодие или год" },
	{ "reason.period_grain",
	  "period '{1}' ({2}) is longer than one period of the comparison",
	  "период «{1}» ({2}) длиннее одного периода сравнения" },
	{ "reason.period_no_year",
	  "period '{1}' names no year",
	  "в периоде «{1}» не указан год" },
	{ "reason.period_odd",
	  "period '{1}' ({2}) is not a year, half-year, quarter, month or "
	  "day",
	  "период «{1}» ({2}) не год, не полугодие, не квартал, не месяц "
	  "и не день" },
	{ "reason.period_unread",
	  "period '{1}' could not be read",
	  "период «{1}» не удалось прочитать" },
	{ "reason.rows_without_value",
	  "{1}: {2} of the {3} rows summed have no value (missing or "
	  "withheld); the figure is the sum of the others",
	  "{1}: в {2} из {3} суммируемых строк нет значения (нет данных "
	  "или скрыто); число — сумма остальных" },
	{ "reason.stock",
	  "the stock in {1} has rows for {2} and for {3}: a count on a "
	  "date is never summed",
	  "показатель на дату за {1} дан и на {2}, и на {3}: такие числа "
	  "не суммируются" },
	{ "reason.unmapped",
	  "'{2}' ({1d}) is in no code list: {3}",
	  "«{2}» ({1d}) нет в справочнике кодов: {3}" },
	{ "reason.value",
	  "value '{1}' could not be read as a number",
	  "значение «{1}» не удалось прочитать как число" },
	{ "reason.ytd_fell",
	  "the year-to-date figure fell from {1} ({2}) to {3} ({4})",
	  "число нарастающим итогом уменьшилось с {1} ({2}) до {3} ({4})" },
	{ "reason.ytd_first",
	  "year-to-date {1} is the first figure of its year, and {2} is "
	  "not one {3}: the earlier figures are missing",
	  "число нарастающим итогом за {1} — первое в году, а {2} — не "
	  "один период сравнения: более ранних чисел нет" },
	{ "reason.ytd_gap",
	  "year-to-date {1} minus {2} leaves {3}, which is not one {4}",
	  "разность чисел нарастающим итогом за {1} и {2} приходится на "
	  "{3} — это не один период сравнения" },
	{ "release.by", "Released by %s", "Выпуск: %s" },
	{ "release.contact", "contact: ", "контакт: " },
	{ "release.version", "version ", "версия " },
	{ "revisions", "Revisions since the last edition",
	  "Уточнения со времени прошлого выпуска" },
	{ "revisions.added", "added (a figure the edition before did not have)",
	  "добавлено (числа не было в прежнем выпуске)" },
	{ "revisions.final", "final", "окончательные" },
	/* %zu: figures changed */
	{ "revisions.line",
	  "%zu figure(s) differ from the sources' editions before (revised, "
	  "added or withdrawn), and the findings above rest on the latest: see "
	  "Data quality, Revisions.",
	  "Чисел, отличающихся от прежних выпусков источников (уточнённых, "
	  "добавленных или изъятых): %zu; выводы выше основаны на последних "
	  "выпусках — см. лист «Качество данных», раздел об уточнениях." },
	{ "revisions.reading",
	  "Figures the source's latest edition changed from its edition before: "
	  "revised (another value, or provisional made final), added, or "
	  "withdrawn. The brief uses the latest edition; the warehouse keeps "
	  "every edition, so a brief made from an earlier one can be made "
	  "again exactly (reckon-compare --as-of).",
	  "Числа, которые последний выпуск источника изменил по сравнению с "
	  "прежним: уточнены (другое значение или предварительные стали "
	  "окончательными), добавлены или изъяты. Справка использует последний "
	  "выпуск; хранилище сохраняет все выпуски, поэтому справку по "
	  "прежнему выпуску можно составить заново в точности "
	  "(reckon-compare --as-of)." },
	{ "revisions.reading_files",
	  "Figures the source's latest edition changed from its edition before: "
	  "revised (another value, or provisional made final), added, or "
	  "withdrawn. The brief uses the latest edition; with each edition's "
	  "file listed in the pipeline (editions:), a brief made from an "
	  "earlier one can be made again exactly (reckon run --no-db --as-of).",
	  "Числа, которые последний выпуск источника изменил по сравнению с "
	  "прежним: уточнены (другое значение или предварительные стали "
	  "окончательными), добавлены или изъяты. Справка использует последний "
	  "выпуск; если файлы выпусков перечислены в конвейере (editions:), "
	  "справку по прежнему выпуску можно составить заново в точности "
	  "(reckon run --no-db --as-of)." },
	{ "revisions.revised", "revised", "уточнено" },
	{ "revisions.withdrawn", "withdrawn (no longer in the latest edition)",
	  "изъято (нет в последнем выпуске)" },
	{ "role.codelist", "code list", "справочник кодов" },
	{ "role.config", "pipeline config", "конфигурация конвейера" },
	{ "role.data", "tidy data", "данные" },
	{ "role.forms", "forms received", "полученные формы" },
	{ "role.input", "input", "входной файл" },
	{ "role.manifest", "run manifest", "манифест запуска" },
	{ "role.rejects", "rejected rows", "отклонённые строки" },
	{ "role.result", "results", "результаты" },
	{ "role.unmapped", "unmapped labels", "несопоставленные названия" },
	{ "sheet.agreement", "Agreement", "Согласованность" },
	{ "sheet.data", "Data", "Данные" },
	{ "sheet.distribution", "Distribution", "Распределение" },
	{ "sheet.estimates", "Estimates", "Оценки" },
	{ "sheet.method", "Methodology", "Методология" },
	{ "sheet.provenance", "Provenance", "Происхождение" },
	{ "sheet.quality", "Data quality", "Качество данных" },
	{ "sheet.rates", "Rates", "Показатели" },
	{ "sheet.summary", "Summary", "Сводка" },
	{ "sheet.trend", "Trend", "Динамика" },
	{ "sources", "Sources", "Источники" },
	{ "sources.none", "none", "нет" },
	{ "status.estimated", "estimated", "оценочные" },
	/* %zu %s: how many, "source: status period; ..." */
	{ "status.figures", "%zu figure(s) not final (%s).",
	  "Неокончательных чисел: %zu (%s)." },
	{ "status.final",
	  "Data status: final. Every figure is a complete count, every label "
	  "is matched to a code and no row was rejected.",
	  "Статус данных: окончательные. Все числа полные, все названия "
	  "сопоставлены с кодами, ни одна строка не отклонена." },
	{ "status.footnote", "with a footnote", "со сноской" },
	/* %zu %s: how many, "source: organisation, ...; ..." */
	{ "status.forms",
	  "Forms not received from %zu member organisation(s) (%s): the "
	  "figures of their source are incomplete.",
	  "Не получены формы от членских организаций: %zu (%s) — числа их "
	  "источника неполные." },
	{ "status.incomplete", "incomplete", "неполные" },
	{ "status.labels",
	  "%zu label(s) not matched to a code: their figures are left out.",
	  "Названий, не сопоставленных с кодами: %zu — их числа не учтены." },
	{ "status.missing", "not given", "нет данных" },
	{ "status.more", "Further periods: %zu.", "Ещё периодов: %zu." },
	{ "status.none", "—", "—" },
	{ "status.provisional", "provisional", "предварительные" },
	{ "status.provisional_head", "Data status: PROVISIONAL.",
	  "Статус данных: ПРЕДВАРИТЕЛЬНЫЕ." },
	{ "status.rejected", "%zu row(s) rejected.", "Отклонено строк: %zu." },
	{ "status.revised", "revised", "уточнённые" },
	{ "status.see",
	  "Findings that rest on them say so; the Data quality sheet says "
	  "where each comes from, and the Data sheet marks each figure.",
	  "Выводы, основанные на них, это оговаривают; откуда каждое, сказано "
	  "на листе «Качество данных», а каждое число отмечено на листе "
	  "«Данные»." },
	{ "status.suppressed", "withheld by the source", "скрыто источником" },
	{ "status.totals",
	  "%zu of the sources' own totals are not the sum of their parts.",
	  "Итогов источников, не равных сумме своих частей: %zu." },
	{ "status.unchecked",
	  "Data status: NOT CHECKED. This brief was made from the results of "
	  "the comparison alone, without the run's tidy data and quality "
	  "files, so it cannot say whether any figure is provisional, any "
	  "label unmatched or any row rejected. Make the brief with reckon "
	  "run (or give reckon-report --data, --rejects and --unmapped).",
	  "Статус данных: НЕ ПРОВЕРЕН. Справка составлена только по "
	  "результатам сравнения, без очищенных данных и файлов проверки "
	  "качества, поэтому нельзя сказать, есть ли среди чисел "
	  "предварительные, несопоставленные названия или отклонённые строки. "
	  "Составьте справку командой reckon run (или передайте reckon-report "
	  "параметры --data, --rejects и --unmapped)." },
	{ "summary.no_pairs",
	  "This brief compares no sources: the config has no compare entries. "
	  "It shows each source's figures (the Data sheet, with the cell each "
	  "came from), the checks of the data (Data quality) and how the brief "
	  "was made (Methodology, Provenance). Add a compare entry to the "
	  "config to measure the gap between two sources.",
	  "В этой справке источники не сравниваются: в конфигурации нет "
	  "раздела compare. В ней показаны числа каждого источника (лист "
	  "«Данные», с ячейкой, из которой взято каждое), проверки данных "
	  "(«Качество данных») и то, как составлена справка («Методология», "
	  "«Происхождение»). Чтобы измерить расхождение двух источников, "
	  "добавьте в конфигурацию раздел compare." },
	/* %s %s %s: "; " or "", dimensions, source */
	{ "summed.from", "%s%s summed out of %s",
	  "%s%s: суммировано у источника: %s" },
	/* %s %s %s: "; " or "", dimensions, source in the genitive */
	{ "summed.from.case", "%s%s summed out of %s",
	  "%s%s: суммировано в данных %s" },
	{ "total", "Total", "Всего" },
	{ "trend.gap", "Gap: B's trend relative to A's",
	  "Разрыв: тренд B относительно тренда A" },
	/* %s: a source */
	{ "trend.of", "Trend of %s", "Тренд: %s" },
	/* %s: a source in the genitive */
	{ "trend.of.case", "Trend of %s", "Тренд по данным %s" },
	{ "trend.reading",
	  "A trend is the factor by which a source's count changes from one "
	  "period to the next (1: flat). The gap term compares the two "
	  "trends: above 1 with a small p, the gap between the sources is "
	  "widening; below 1, narrowing.",
	  "Тренд — множитель, на который число источника меняется от периода "
	  "к периоду (1 — без изменений). Строка «Разрыв» сравнивает два "
	  "тренда: больше 1 при малом p — разрыв между источниками растёт, "
	  "меньше 1 — сокращается." },
	{ "trend.title", "Trend over the periods", "Динамика по периодам" },
	{ "trend.too_short",
	  "%ld periods: too few to estimate a trend (at least %ld are needed)",
	  "Периодов: %ld — слишком мало для оценки тренда (нужно не меньше "
	  "%ld)" },
	{ "unit.case", "case", "дело" },
	{ "unit.complaint", "complaint", "жалоба" },
	{ "unit.event", "event", "событие" },
	{ "unit.person", "person", "лицо" },
	{ "unit.report", "report", "сообщение" },
	{ "units.case", "cases", "дела" },
	{ "units.complaint", "complaints", "жалобы" },
	{ "units.event", "events", "события" },
	{ "units.person", "persons", "лиц" },
	{ "units.report", "reports", "сообщения" },
};

#define NTEXTS (sizeof(texts) / sizeof(*texts))

struct text_tg {
	const char *key, *tg;
};

/* The Tajik column, in the same order (test_brief_text checks the keys). */
static const struct text_tg texts_tg[] = {
#include "wording_tg.inc"
};

#define NTEXTS_TG (sizeof(texts_tg) / sizeof(*texts_tg))

int brief_text_lang_ok(const char *lang)
{
	return strcmp(lang, "en") == 0 || strcmp(lang, "ru") == 0 ||
	       strcmp(lang, "tg") == 0;
}

/* Russian and Tajik write numbers and dates the same way (12 345,6). */
static int cyrillic(const char *lang)
{
	return strcmp(lang, "ru") == 0 || strcmp(lang, "tg") == 0;
}

static int cmp_key(const void *k, const void *t)
{
	return strcmp(k, ((const struct text *)t)->key);
}

const char *brief_t(const char *lang, const char *key)
{
	const struct text *t = bsearch(key, texts, NTEXTS, sizeof(*texts),
				       cmp_key);

	if (!t)
		return key;
	/* the Tajik column is in the same order (test_brief_text): the
	   entry's own place, no second search */
	if (strcmp(lang, "tg") == 0) {
		size_t i = (size_t)(t - texts);

		if (i < NTEXTS_TG && texts_tg[i].tg &&
		    strcmp(texts_tg[i].key, key) == 0)
			return texts_tg[i].tg;
	}
	return strcmp(lang, "ru") == 0 && t->ru ? t->ru : t->en;
}

const char *brief_text_tg_key(size_t i)
{
	return i < NTEXTS_TG ? texts_tg[i].key : NULL;
}

const char *brief_word(const char *lang, const char *prefix,
		       const char *name)
{
	char key[128];
	const char *s;

	snprintf(key, sizeof(key), "%s.%s", prefix, name);
	s = brief_t(lang, key);
	return s == key ? name : s;      /* brief_t gives back a missing key */
}

const char *brief_text_key(size_t i)
{
	return i < NTEXTS ? texts[i].key : NULL;
}

/* Digits of an unsigned integer with a group separator every three. */
static size_t grouped(unsigned long long v, const char *sep, int group,
		      char *buf, size_t size)
{
	char digits[32];
	int n = snprintf(digits, sizeof(digits), "%llu", v);
	size_t len = 0, sl = strlen(sep);

	for (int i = 0; i < n && len + sl + 2 < size; i++) {
		if (group && i > 0 && (n - i) % 3 == 0) {
			memcpy(buf + len, sep, sl);
			len += sl;
		}
		buf[len++] = digits[i];
	}
	buf[len] = '\0';
	return len;
}

char *brief_num(const char *lang, double x, int decimals, char *buf,
		size_t size)
{
	int ru = cyrillic(lang);
	char frac[32] = "";
	double scale = pow(10, decimals), r;
	unsigned long long whole;
	size_t len = 0;

	if (!isfinite(x)) {
		snprintf(buf, size, "–");
		return buf;
	}
	r = round(fabs(x) * scale);
	whole = (unsigned long long)(r / scale);
	if (decimals > 0)
		snprintf(frac, sizeof(frac), "%s%0*llu", ru ? "," : ".",
			 decimals,
			 (unsigned long long)(r - (double)whole * scale));
	if (x < 0 && r > 0) {
		memcpy(buf, "\xE2\x88\x92", 3);       /* a minus sign */
		len = 3;
	}
	len += grouped(whole, ru ? "\xC2\xA0" : ",",
		       ru ? whole >= 10000 : whole >= 1000, buf + len,
		       size - len);
	snprintf(buf + len, size - len, "%s", frac);
	return buf;
}

char *brief_ratio(const char *lang, double x, char *buf, size_t size)
{
	double a = fabs(x);

	return brief_num(lang, x, a < 0.995 ? 2 : a < 9.95 ? 1 : 0, buf, size);
}

static const char *const months_en[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};
static const char *const months_ru[] = {
	"январь", "февраль", "март", "апрель", "май", "июнь",
	"июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"
};
static const char *const months_tg[] = {
	"январ", "феврал", "март", "апрел", "май", "июн",
	"июл", "август", "сентябр", "октябр", "ноябр", "декабр"
};
static const char *const roman[] = { "I", "II", "III", "IV" };

char *brief_period(const char *lang, const char *tidy, char *buf, size_t size)
{
	struct rk_period p;
	char why[RK_PERIOD_REASON];
	int ru = strcmp(lang, "ru") == 0, tg = strcmp(lang, "tg") == 0;

	snprintf(buf, size, "%s", tidy);
	if (strlen(tidy) < 4 || tidy[0] < '0' || tidy[0] > '9' ||
	    rk_period_parse(tidy, strlen(tidy), &p, why) < 0 || !p.year)
		return buf;
	switch (rk_period_grain(&p)) {
	case RK_GRAIN_YEAR:
		snprintf(buf, size, "%d", p.year);
		break;
	case RK_GRAIN_HALF:
		if (ru)
			snprintf(buf, size, "%s полугодие %d",
				 roman[p.first / 6], p.year);
		else if (tg)
			snprintf(buf, size, "нимсолаи %s %d",
				 roman[p.first / 6], p.year);
		else
			snprintf(buf, size, "H%d %d", p.first / 6 + 1, p.year);
		break;
	case RK_GRAIN_QUARTER:
		if (ru)
			snprintf(buf, size, "%s кв. %d", roman[p.first / 3],
				 p.year);
		else if (tg)
			snprintf(buf, size, "семоҳаи %s %d",
				 roman[p.first / 3], p.year);
		else
			snprintf(buf, size, "Q%d %d", p.first / 3 + 1, p.year);
		break;
	case RK_GRAIN_MONTH:
		snprintf(buf, size, "%s %d", ru ? months_ru[p.first - 1]
					     : tg ? months_tg[p.first - 1]
						  : months_en[p.first - 1],
			 p.year);
		break;
	case RK_GRAIN_DAY:
		if (ru || tg)
			snprintf(buf, size, "%02d.%02d.%d", p.day, p.first,
				 p.year);
		else
			snprintf(buf, size, "%d %s %d", p.day,
				 months_en[p.first - 1], p.year);
		break;
	default:
		break;
	}
	return buf;
}

const char *brief_ru_plural(double n, const char *one, const char *few,
			    const char *many)
{
	long i;

	if (n != floor(n))
		return few;
	i = (long)fabs(n);
	if (i % 10 == 1 && i % 100 != 11)
		return one;
	if (i % 10 >= 2 && i % 10 <= 4 && (i % 100 < 12 || i % 100 > 14))
		return few;
	return many;
}

/* The code point at s (UTF-8) and its length; 0 for an empty string. */
static uint32_t decode(const unsigned char *s, int *len)
{
	if (s[0] < 0x80) {
		*len = s[0] ? 1 : 0;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
		*len = 2;
		return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	}
	*len = 1;
	return 0xFFFD;
}

/* Tajik's own capitals: Ғ Қ Ҳ Ҷ Ӣ Ӯ (each one below its small letter). */
static int tajik_upper(uint32_t c)
{
	return c == 0x492 || c == 0x49A || c == 0x4B2 || c == 0x4B6 ||
	       c == 0x4E2 || c == 0x4EE;
}

static int is_upper(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F) ||
	       c == 0x401 || tajik_upper(c);
}

static uint32_t to_lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	if (tajik_upper(c))
		return c + 1;
	return c == 0x401 ? 0x451 : c;
}

char *brief_lower_first(const char *s, char *buf, size_t size)
{
	const unsigned char *u = (const unsigned char *)s;
	int l1, l2;
	uint32_t c1 = decode(u, &l1), c2;

	snprintf(buf, size, "%s", s);
	if (!l1 || !is_upper(c1))
		return buf;
	c2 = decode(u + l1, &l2);
	if (l2 && is_upper(c2))
		return buf;                  /* an acronym: WOL, ГБАО */
	c1 = to_lower(c1);
	if (c1 < 0x80)
		snprintf(buf, size, "%c%s", (char)c1, s + l1);
	else
		snprintf(buf, size, "%c%c%s", (char)(0xC0 | c1 >> 6),
			 (char)(0x80 | (c1 & 0x3F)), s + l1);
	return buf;
}
