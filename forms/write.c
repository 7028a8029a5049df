/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The template workbook (issue 21).  Sheets, in order:
 *
 *   instructions   what to count and how, in the form's language
 *   one per indicator  the entries: a cross-tab (the categories down, the
 *                  periods across, a remark column) or a long table (a
 *                  period, each category, the number, a status and a
 *                  remark per row, chosen from dropdowns)
 *   _lists         (hidden) the dropdowns' lists
 *   _reckon        (hidden) where everything is (formmeta.h)
 *
 * Every sheet is protected without a password (nobody can lose data to a
 * forgotten one): only the entry cells are unlocked; they carry Excel's
 * data validation, which reckon-extract checks again on reading, since a
 * pasted value bypasses it.
 */
#include "write.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "codelist.h"
#include "config.h"
#include "formmeta.h"
#include "utf8.h"

#define SHEET_NAME_MAX 31
#define FIRST_ROW 4              /* entries start on the fifth row */

struct words {
	const char *en, *ru, *tg;
};

struct w {
	const struct form *f;
	lxw_workbook *wb;
	lxw_format *title, *head, *text, *label, *entry, *date, *hint;
	lxw_worksheet *meta;
	lxw_row_t meta_row;
	char (*names)[128];          /* the sheets' names so far */
	size_t nnames;
};

/* ---- words ---- */

static const char *say(const struct w *w, const struct words *x)
{
	return strcmp(w->f->lang, "ru") == 0 ? x->ru
	       : strcmp(w->f->lang, "tg") == 0 ? x->tg : x->en;
}

#define SAY(w, en, ru, tg) say((w), &(const struct words){ en, ru, tg })

static const char *i18n(const struct w *w, const struct rk_i18n *t)
{
	const char *s = strcmp(w->f->lang, "ru") == 0 ? t->ru
			: strcmp(w->f->lang, "tg") == 0 ? t->tg : t->en;

	return s && *s ? s : t->ru && *t->ru ? t->ru : t->en ? t->en : "";
}

static const char *dim_name(const struct w *w, const char *dim)
{
	return form_dim_label(dim, w->f->lang);
}


/* A definition's unit or date basis in the form's language. */
static const char *basis(const struct w *w, const char *code)
{
	static const struct { const char *code; struct words w; } names[] = {
		{ "complaint", { "complaint", "жалоба", "шикоят" } },
		{ "person", { "person", "лицо", "шахс" } },
		{ "case", { "case", "дело", "парванда" } },
		{ "event", { "event", "событие", "ҳодиса" } },
		{ "report", { "report", "сообщение", "хабар" } },
		{ "receipt", { "receipt", "поступления", "қабул" } },
		{ "registration", { "registration", "регистрации",
				    "бақайдгирӣ" } },
		{ "incident", { "incident", "события", "ҳодиса" } },
		{ "decision", { "decision", "решения", "қарор" } },
		{ "reporting", { "reporting", "отчёта", "ҳисобот" } },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(names[i].code, code) == 0)
			return say(w, &names[i].w);
	return code;
}

static const char *source_name(const struct w *w)
{
	const char *s = i18n(w, &w->f->src->name);

	return *s ? s : w->f->src->id;
}

/* ---- sheets ---- */

/* name made valid and unique for Excel into buf[128]. */
static void sheet_name(struct w *w, const char *name, char *buf)
{
	size_t n = 0, chars = 0;
	char base[100];

	for (const unsigned char *p = (const unsigned char *)name;
	     *p && n + 8 < sizeof(base); p++) {
		if ((*p & 0xC0) != 0x80 && ++chars > SHEET_NAME_MAX - 4)
			break;
		base[n++] = strchr("[]:*?/\\'", *p) ? '-' : (char)*p;
	}
	while (n && base[n - 1] == ' ')
		n--;
	base[n] = '\0';
	if (!n)
		snprintf(base, sizeof(base), "Sheet");
	snprintf(buf, 128, "%s", base);
	for (int k = 2;; k++) {
		int taken = 0;

		for (size_t i = 0; i < w->nnames && !taken; i++)
			taken = strcasecmp(w->names[i], buf) == 0;
		if (!taken)
			break;
		snprintf(buf, 128, "%s (%d)", base, k);
	}
}

static lxw_worksheet *add_sheet(struct w *w, const char *name,
				char *out, struct rk_error *err)
{
	char buf[128];
	lxw_worksheet *ws;
	void *p = realloc(w->names, (w->nnames + 1) * sizeof(*w->names));

	if (!p) {
		rk_error_oom(err);
		return NULL;
	}
	w->names = p;
	sheet_name(w, name, buf);
	if (!(ws = workbook_add_worksheet(w->wb, buf))) {
		rk_error_oom(err);
		return NULL;
	}
	memcpy(w->names[w->nnames++], buf, 128);
	if (out)
		memcpy(out, buf, 128);
	return ws;
}

static void protect(lxw_worksheet *ws)
{
	lxw_protection p = { 0 };

	p.format_columns = 1;        /* widen a column to read it */
	p.format_rows = 1;
	worksheet_protect(ws, NULL, &p);
}

static void print_setup(lxw_worksheet *ws, lxw_row_t repeat)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);                 /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	if (repeat)
		worksheet_repeat_rows(ws, repeat - 1, repeat - 1);
}

/* ---- the metadata ---- */

static void meta(struct w *w, const char *key, const char *const *val,
		 size_t n)
{
	worksheet_write_string(w->meta, w->meta_row, 0, key, NULL);
	for (size_t i = 0; i < n; i++)
		worksheet_write_string(w->meta, w->meta_row, (lxw_col_t)(i + 1),
				       val[i], NULL);
	w->meta_row++;
}

static void meta1(struct w *w, const char *key, const char *val)
{
	meta(w, key, &val, 1);
}

/* ---- instructions ---- */

/*
 * A line of the instructions, its row as tall as its wrapped text: a
 * reader (LibreOffice among them) does not grow a row written with a
 * height of its own, and lines would print over each other.
 */
static void line(lxw_worksheet *ws, lxw_row_t *row, const char *text,
		 lxw_format *fmt)
{
	size_t lines = rk_utf8_chars(text) / 105 + 1;

	worksheet_set_row(ws, *row, 15.0 * (double)lines, NULL);
	worksheet_write_string(ws, (*row)++, 0, text, fmt);
}

static void definitions(struct w *w, lxw_worksheet *ws, lxw_row_t *row)
{
	const struct form *f = w->f;
	char buf[2048];

	for (size_t i = 0; i < f->nind; i++) {
		const struct rk_definition *d =
			rk_source_definition(f->src, f->indicator[i]);
		int n = snprintf(buf, sizeof(buf), "%s", form_indicator_label(f, i));

		if (d && *i18n(w, &d->counts))
			n += snprintf(buf + n, sizeof(buf) - (size_t)n, " — %s",
				      i18n(w, &d->counts));
		if (d && d->unit)
			n += snprintf(buf + n, sizeof(buf) - (size_t)n, "; %s: %s",
				      SAY(w, "unit", "единица учёта",
					  "воҳиди ҳисоб"), basis(w, d->unit));
		if (d && d->date)
			snprintf(buf + n, sizeof(buf) - (size_t)n, "; %s: %s",
				 SAY(w, "counted by the date of",
				     "учёт по дате", "ҳисоб аз рӯи санаи"),
				 basis(w, d->date));
		line(ws, row, buf, w->text);
	}
}

/* How to keep the register, and how to make a case key. */
static void cases_instructions(struct w *w, lxw_worksheet *ws,
			       lxw_row_t *row)
{
	line(ws, row, SAY(w, "Each indicator has its own sheet: one row per "
			  "case (one complaint of one person). Choose the "
			  "categories from the lists; enter the dates as dates.",
			  "Для каждого показателя свой лист: одна строка — "
			  "один случай (одно обращение одного человека). "
			  "Категории выберите из списков, даты вводите как "
			  "даты.",
			  "Барои ҳар нишондиҳанда варақи алоҳида: як сатр — як "
			  "ҳодиса (як муроҷиати як шахс). Категорияҳоро аз "
			  "рӯйхат интихоб кунед, санаҳоро ҳамчун сана ворид "
			  "кунед."), w->text);
	line(ws, row, SAY(w, "The case key links the same case across "
			  "registers without naming anyone: the first two "
			  "letters of the family name, the first letter of the "
			  "given name, the date of birth as DDMMYY and the sex "
			  "(M or F), e.g. ИВА120390М. Never write a name, a "
			  "passport number, an address or a telephone number. "
			  "reckon replaces the key by a code made from it before "
			  "anything is written.",
			  "Ключ случая связывает один и тот же случай в разных "
			  "реестрах, никого не называя: первые две буквы "
			  "фамилии, первая буква имени, дата рождения в виде "
			  "ДДММГГ и пол (М или Ж), например ИВА120390М. Никогда "
			  "не пишите имя, номер паспорта, адрес или телефон. "
			  "reckon заменяет ключ выведенным из него кодом прежде, "
			  "чем что-либо записать.",
			  "Калиди ҳодиса як ҳодисаро дар феҳристҳои гуногун "
			  "бидуни номбар кардани касе мепайвандад: ду ҳарфи "
			  "аввали насаб, ҳарфи аввали ном, санаи таваллуд ба "
			  "шакли РРММСС ва ҷинс (М ё З), масалан ИВА120390М. Ҳеҷ "
			  "гоҳ ном, рақами шиноснома, суроға ё телефонро "
			  "нанависед."), w->text);
	line(ws, row, SAY(w, "The same case entered twice is an error; the "
			  "same person complaining again of another event is "
			  "a new row with the same key and another date.",
			  "Один и тот же случай, введённый дважды, — ошибка; "
			  "повторное обращение того же человека о другом "
			  "событии — новая строка с тем же ключом и другой "
			  "датой.",
			  "Як ҳодиса, ки ду бор ворид шудааст, хато аст; "
			  "муроҷиати такрории ҳамон шахс дар бораи ҳодисаи "
			  "дигар — сатри нав бо ҳамон калид ва санаи дигар."),
	     w->text);
}

static void instructions(struct w *w, lxw_worksheet *ws)
{
	const struct form *f = w->f;
	const struct rk_config *c = f->cfg;
	char buf[2048];
	lxw_row_t row = 0;

	worksheet_set_column(ws, 0, 0, 120, w->text);
	snprintf(buf, sizeof(buf), "%s: %s",
		 SAY(w, "Data entry form", "Форма для ввода данных",
		     "Шакли ворид кардани маълумот"), source_name(w));
	line(ws, &row, buf, w->title);
	if (*i18n(w, &c->title))
		line(ws, &row, i18n(w, &c->title), w->text);
	if (*f->organisation) {
		snprintf(buf, sizeof(buf), "%s: %s",
			 SAY(w, "Filled in by", "Заполняет", "Пур мекунад"),
			 f->organisation);
		line(ws, &row, buf, w->text);
	}
	snprintf(buf, sizeof(buf), "%s: %s – %s",
		 SAY(w, "Period", "Период", "Давра"), f->period_label[0],
		 f->period_label[f->nper - 1]);
	line(ws, &row, buf, w->text);
	row++;
	line(ws, &row, SAY(w, "What to count", "Что учитывать",
			   "Чиро ҳисоб кардан лозим"), w->head);
	definitions(w, ws, &row);
	row++;
	line(ws, &row, SAY(w, "How to fill in", "Как заполнять",
			   "Чӣ тавр пур кардан"), w->head);
	snprintf(buf, sizeof(buf), "%s", f->shape == FORM_CROSSTAB
		 ? SAY(w, "Each indicator has its own sheet: one row per "
		       "category, one column per period. Enter the number in "
		       "the white cells.",
		       "Для каждого показателя свой лист: строка — категория, "
		       "столбец — период. Вводите числа в белые ячейки.",
		       "Барои ҳар нишондиҳанда варақи алоҳида: сатр — категория, "
		       "сутун — давра. Рақамҳоро ба катакҳои сафед ворид кунед.")
		 : SAY(w, "Each indicator has its own sheet: one row per "
		       "figure. Choose the period and the categories from the "
		       "lists, and enter the number.",
		       "Для каждого показателя свой лист: одна строка — одно "
		       "число. Выберите период и категории из списков и "
		       "введите число.",
		       "Барои ҳар нишондиҳанда варақи алоҳида: як сатр — як "
		       "рақам. Давра ва категорияҳоро аз рӯйхат интихоб кунед ва "
		       "рақамро ворид кунед."));
	if (f->shape == FORM_CASES) {
		cases_instructions(w, ws, &row);
		goto tail;
	}
	line(ws, &row, buf, w->text);
	line(ws, &row, SAY(w, "Enter whole numbers from 0 up. Enter 0 when "
			   "there were no cases.",
			   "Вводите только целые числа от 0 и больше. Если "
			   "случаев не было, введите 0.",
			   "Танҳо ададҳои бутун аз 0 ва болотар ворид кунед. "
			   "Агар ҳодиса набуд, 0 ворид кунед."), w->text);
	snprintf(buf, sizeof(buf), SAY(w,
		 "If the figure is not known, write “%s”. If it is withheld at "
		 "the applicant's request, write “%s”.",
		 "Если число неизвестно, напишите «%s». Если оно скрыто по "
		 "просьбе заявителя, напишите «%s».",
		 "Агар рақам маълум набошад, «%s» нависед. Агар бо хоҳиши "
		 "аризадиҳанда пинҳон бошад, «%s» нависед."),
		 form_status_word("missing", f->lang),
		 form_status_word("suppressed", f->lang));
	line(ws, &row, buf, w->text);
	line(ws, &row, SAY(w, "Do not leave a cell empty: an empty cell is "
			   "read as “not known”, never as 0.",
			   "Не оставляйте ячейки пустыми: пустая ячейка "
			   "читается как «неизвестно», а не как 0.",
			   "Катакро холӣ нагузоред: катаки холӣ ҳамчун "
			   "«номаълум» хонда мешавад, на 0."), w->text);
tail:
	line(ws, &row, SAY(w, "The last column is for a remark on the row "
			   "(for example, why a figure is missing). Never "
			   "write names or anything that identifies a person.",
			   "В последнем столбце можно написать примечание к "
			   "строке (например, почему нет данных). Никогда не "
			   "пишите имена и ничего, что позволяет установить "
			   "личность.",
			   "Дар сутуни охир метавонед ба сатр эзоҳ нависед "
			   "(масалан, чаро маълумот нест). Ҳеҷ гоҳ ном ва "
			   "чизеро, ки шахсро муайян мекунад, нанависед."),
	     w->text);
	line(ws, &row, SAY(w, "Headings, names of sheets, rows and columns are "
			   "protected: do not change them, or the form cannot "
			   "be read. Protection has no password.",
			   "Заголовки, названия листов, строк и столбцов "
			   "защищены: не меняйте их, иначе форму нельзя будет "
			   "прочитать. Пароля у защиты нет.",
			   "Сарлавҳаҳо ва номҳои варақҳо, сатрҳо ва сутунҳо "
			   "ҳифз шудаанд: онҳоро тағйир надиҳед. Ҳифз парол "
			   "надорад."), w->text);
	if (c->report.contact) {
		row++;
		snprintf(buf, sizeof(buf), "%s: %s",
			 SAY(w, "Send the filled form to",
			     "Отправьте заполненную форму",
			     "Шакли пуршударо фиристед ба"), c->report.contact);
		line(ws, &row, buf, w->text);
	}
	row++;
	snprintf(buf, sizeof(buf), "%s: %s / %s · %s %s · %s %.12s",
		 SAY(w, "Form", "Форма", "Шакл"), c->pipeline, f->src->id,
		 SAY(w, "version", "версия", "версия"), FORM_VERSION,
		 SAY(w, "code lists", "справочники", "рӯйхатҳо"), f->hash);
	line(ws, &row, buf, w->hint);
	protect(ws);
	print_setup(ws, 0);
}

/* ---- entry sheets ---- */

static void head_row(struct w *w, lxw_worksheet *ws, const char *title,
		     const char *hint)
{
	worksheet_write_string(ws, 0, 0, title, w->title);
	worksheet_write_string(ws, 1, 0, hint, w->hint);
}

/* "=OR(AND(ISNUMBER(C5),C5>=0,C5=INT(C5)),C5="нет данных",C5="скрыто")" */
static void number_or_status(struct w *w, lxw_worksheet *ws, lxw_row_t r1,
			     lxw_col_t c1, lxw_row_t r2, lxw_col_t c2)
{
	char ref[16], formula[512];
	int n;
	lxw_data_validation v = { 0 };

	lxw_rowcol_to_cell(ref, r1, c1);
	n = snprintf(formula, sizeof(formula),
		     "=OR(AND(ISNUMBER(%s),%s>=0,%s=INT(%s))", ref, ref, ref,
		     ref);
	for (size_t i = 0; form_statuses[i]; i++)
		n += snprintf(formula + n, sizeof(formula) - (size_t)n,
			      ",%s=\"%s\"", ref,
			      form_status_word(form_statuses[i], w->f->lang));
	snprintf(formula + n, sizeof(formula) - (size_t)n, ")");
	v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
	v.value_formula = formula;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.error_title = (char *)SAY(w, "Not a number", "Не число",
				    "Рақам нест");
	v.error_message = (char *)SAY(w, "A whole number from 0 up, or one of "
				      "the words given in the instructions.",
				      "Целое число от 0 и больше или одно из "
				      "слов, указанных в инструкции.",
				      "Адади бутун аз 0 ва болотар ё яке аз "
				      "калимаҳои дастур.");
	worksheet_data_validation_range(ws, r1, c1, r2, c2, &v);
}

static int crosstab(struct w *w, size_t ind, lxw_worksheet *ws,
		    const char *name, struct rk_error *err)
{
	const struct form *f = w->f;
	char buf[64], title[512];
	size_t nrows = 1, *k;
	lxw_col_t c0 = (lxw_col_t)f->ndims, remark = c0 + (lxw_col_t)f->nper;
	const char *val[4 + 16];

	for (size_t d = 0; d < f->ndims; d++)
		nrows *= f->dim[d].ncode ? f->dim[d].ncode : 1;
	if (!(k = calloc(f->ndims + 1, sizeof(*k))))
		return rk_error_oom(err);
	snprintf(title, sizeof(title), "%s — %s", form_indicator_label(f, ind),
		 source_name(w));
	head_row(w, ws, title, SAY(w, "White cells: a whole number from 0, or "
				   "a word from the instructions.",
				   "Белые ячейки: целое число от 0 или слово "
				   "из инструкции.",
				   "Катакҳои сафед: адади бутун аз 0 ё калима "
				   "аз дастур."));
	for (size_t d = 0; d < f->ndims; d++) {
		size_t wide = rk_utf8_chars(dim_name(w, f->dim[d].name));

		for (size_t c = 0; c < f->dim[d].ncode; c++)
			if (rk_utf8_chars(form_code_label(f, d, c)) > wide)
				wide = rk_utf8_chars(form_code_label(f, d, c));
		worksheet_write_string(ws, 3, (lxw_col_t)d,
				       dim_name(w, f->dim[d].name), w->head);
		worksheet_set_column(ws, (lxw_col_t)d, (lxw_col_t)d,
				     (double)(wide > 60 ? 60 : wide) * 1.1 + 2,
				     NULL);
	}
	for (size_t p = 0; p < f->nper; p++) {
		worksheet_write_string(ws, 3, c0 + (lxw_col_t)p,
				       f->period_label[p], w->head);
		snprintf(buf, sizeof(buf), "%zu", (size_t)c0 + p);
		val[0] = name;
		val[1] = buf;
		val[2] = f->period[p];
		meta(w, "col", val, 3);
	}
	worksheet_set_column(ws, c0, remark - 1, 14, NULL);
	worksheet_write_string(ws, 3, remark, SAY(w, "Remark", "Примечание",
						  "Эзоҳ"), w->head);
	worksheet_set_column(ws, remark, remark, 40, NULL);
	snprintf(buf, sizeof(buf), "%u", (unsigned)remark);
	val[0] = name;
	val[1] = buf;
	meta(w, "remark", val, 2);
	for (size_t r = 0; r < nrows; r++) {
		lxw_row_t row = (lxw_row_t)(FIRST_ROW + r);
		char rowbuf[32];
		size_t nv = 0;

		snprintf(rowbuf, sizeof(rowbuf), "%u", (unsigned)row);
		val[nv++] = name;
		val[nv++] = rowbuf;
		for (size_t d = 0; d < f->ndims && d < 16; d++) {
			worksheet_write_string(ws, row, (lxw_col_t)d,
					       form_code_label(f, d, k[d]),
					       w->label);
			val[nv++] = form_code(f, d, k[d]);
		}
		if (!f->ndims)
			worksheet_write_string(ws, row, 0,
					       SAY(w, "All", "Всего", "Ҳамагӣ"),
					       w->label);
		meta(w, "row", val, nv);
		for (lxw_col_t c = c0; c <= remark; c++)
			worksheet_write_blank(ws, row, c, w->entry);
		for (size_t d = f->ndims; d-- > 0;) {     /* the next row */
			if (++k[d] < f->dim[d].ncode)
				break;
			k[d] = 0;
		}
	}
	free(k);
	number_or_status(w, ws, FIRST_ROW, c0,
			 (lxw_row_t)(FIRST_ROW + nrows - 1), remark - 1);
	snprintf(buf, sizeof(buf), "%d", FIRST_ROW);
	snprintf(title, sizeof(title), "%zu", FIRST_ROW + nrows - 1);
	val[0] = name;
	val[1] = "crosstab";
	val[2] = f->indicator[ind];
	val[3] = buf;
	val[4] = title;
	meta(w, "sheet", val, 5);
	worksheet_freeze_panes(ws, FIRST_ROW, c0);
	protect(ws);
	print_setup(ws, FIRST_ROW);
	return 0;
}

/* The metadata of a sheet of entries from FIRST_ROW to r2 (formmeta.h). */
static void sheet_meta(struct w *w, const char *name, const char *shape,
		       const char *indicator, lxw_row_t r2, unsigned remark)
{
	char first[16], last[16], col[16];
	const char *val[5] = { name, shape, indicator, first, last };

	snprintf(first, sizeof(first), "%d", FIRST_ROW);
	snprintf(last, sizeof(last), "%u", (unsigned)r2);
	meta(w, "sheet", val, 5);
	snprintf(col, sizeof(col), "%u", remark);
	val[1] = col;
	meta(w, "remark", val, 2);
}

/* A dropdown from column col of the lists sheet, n entries. */
static void dropdown(struct w *w, lxw_worksheet *ws, lxw_col_t c,
		     lxw_row_t r2, lxw_col_t list_col, size_t n)
{
	char from[16], to[16], formula[80];
	lxw_data_validation v = { 0 };

	lxw_rowcol_to_cell_abs(from, 0, list_col, 1, 1);
	lxw_rowcol_to_cell_abs(to, (lxw_row_t)(n ? n - 1 : 0), list_col, 1, 1);
	snprintf(formula, sizeof(formula), "=%s!%s:%s", FORM_LISTS, from, to);
	v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	v.value_formula = formula;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.error_title = (char *)SAY(w, "Not in the list", "Нет в списке",
				    "Дар рӯйхат нест");
	v.error_message = (char *)SAY(w, "Choose from the list.",
				      "Выберите из списка.",
				      "Аз рӯйхат интихоб кунед.");
	worksheet_data_validation_range(ws, FIRST_ROW, c, r2, c, &v);
}

static void long_table(struct w *w, size_t ind, lxw_worksheet *ws,
		       const char *name)
{
	const struct form *f = w->f;
	char title[512];
	lxw_col_t cv = (lxw_col_t)(f->ndims + 1);
	lxw_row_t r2 = (lxw_row_t)(FIRST_ROW + f->rows - 1);
	lxw_data_validation v = { 0 };

	snprintf(title, sizeof(title), "%s — %s", form_indicator_label(f, ind),
		 source_name(w));
	head_row(w, ws, title, SAY(w, "One row per figure: choose from the "
				   "lists, enter a whole number from 0.",
				   "Одна строка — одно число: выберите из "
				   "списков, введите целое число от 0.",
				   "Як сатр — як рақам: аз рӯйхат интихоб "
				   "кунед, адади бутун аз 0 ворид кунед."));
	worksheet_write_string(ws, 3, 0, SAY(w, "Period", "Период", "Давра"),
			       w->head);
	worksheet_set_column(ws, 0, cv + 1, 22, NULL);
	dropdown(w, ws, 0, r2, 0, f->nper);
	for (size_t d = 0; d < f->ndims; d++) {
		worksheet_write_string(ws, 3, (lxw_col_t)(d + 1),
				       dim_name(w, f->dim[d].name), w->head);
		dropdown(w, ws, (lxw_col_t)(d + 1), r2, (lxw_col_t)(d + 1),
			 f->dim[d].ncode);
	}
	worksheet_write_string(ws, 3, cv, SAY(w, "Number", "Число", "Рақам"),
			       w->head);
	worksheet_write_string(ws, 3, cv + 1, SAY(w, "Status", "Статус",
						  "Вазъ"), w->head);
	worksheet_write_string(ws, 3, cv + 2, SAY(w, "Remark", "Примечание",
						  "Эзоҳ"), w->head);
	worksheet_set_column(ws, cv + 2, cv + 2, 40, NULL);
	v.validate = LXW_VALIDATION_TYPE_INTEGER;
	v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
	v.value_number = 0;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.error_title = (char *)SAY(w, "Not a number", "Не число",
				    "Рақам нест");
	v.error_message = (char *)SAY(w, "A whole number from 0 up.",
				      "Целое число от 0 и больше.",
				      "Адади бутун аз 0 ва болотар.");
	worksheet_data_validation_range(ws, FIRST_ROW, cv, r2, cv, &v);
	dropdown(w, ws, cv + 1, r2, (lxw_col_t)(f->ndims + f->nfield + 1), 2);
	for (lxw_row_t r = FIRST_ROW; r <= r2; r++)
		for (lxw_col_t c = 0; c <= cv + 2; c++)
			worksheet_write_blank(ws, r, c, w->entry);
	sheet_meta(w, name, "long", f->indicator[ind], r2, (unsigned)(cv + 2));
	worksheet_freeze_panes(ws, FIRST_ROW, 0);
	protect(ws);
	print_setup(ws, FIRST_ROW);
}

/*
 * A case register (--shape cases): one row per case, with a pseudonymous
 * key, the date the complaint was received, the date of the event, each
 * category from a dropdown, and a remark.  reckon-extract counts the
 * cases by the pipeline's periods and categories.
 */
static void cases_table(struct w *w, size_t ind, lxw_worksheet *ws,
			const char *name)
{
	const struct form *f = w->f;
	const struct rk_definition *d =
		rk_source_definition(f->src, f->indicator[ind]);
	lxw_col_t cr = (lxw_col_t)(f->ndims + f->nfield + 3);
	lxw_row_t r2 = (lxw_row_t)(FIRST_ROW + f->rows - 1);
	lxw_data_validation v = { 0 };
	lxw_datetime lo = { 1990, 1, 1, 0, 0, 0 }, hi = { 2100, 12, 31, 0, 0, 0 };
	const char *val[2] = { name, NULL };
	char title[512];

	snprintf(title, sizeof(title), "%s — %s", form_indicator_label(f, ind),
		 source_name(w));
	head_row(w, ws, title, SAY(w, "One row per case. The key is never a "
				   "name: see the instructions.",
				   "Одна строка — один случай. Ключ — никогда "
				   "не имя: см. инструкцию.",
				   "Як сатр — як ҳодиса. Калид ҳеҷ гоҳ ном "
				   "нест: дастурро бинед."));
	worksheet_write_string(ws, 3, 0, SAY(w, "Case key", "Ключ случая",
					     "Калиди ҳодиса"), w->head);
	worksheet_write_string(ws, 3, 1, SAY(w, "Date received",
					     "Дата обращения",
					     "Санаи муроҷиат"), w->head);
	worksheet_write_string(ws, 3, 2, SAY(w, "Date of the event",
					     "Дата события", "Санаи ҳодиса"),
			       w->head);
	worksheet_set_column(ws, 0, cr, 20, NULL);
	for (size_t k = 0; k < f->ndims + f->nfield; k++) {
		worksheet_write_string(ws, 3, (lxw_col_t)(k + 3),
				       k < f->ndims ? dim_name(w, f->dim[k].name)
						    : dim_name(w, f->dim[k].name),
				       w->head);
		dropdown(w, ws, (lxw_col_t)(k + 3), r2, (lxw_col_t)(k + 1),
			 f->dim[k].ncode);
	}
	worksheet_write_string(ws, 3, cr, SAY(w, "Remark", "Примечание",
					      "Эзоҳ"), w->head);
	worksheet_set_column(ws, cr, cr, 40, NULL);
	v.validate = LXW_VALIDATION_TYPE_LENGTH;
	v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	v.minimum_number = 4;
	v.maximum_number = 40;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.error_title = (char *)SAY(w, "Case key", "Ключ случая",
				    "Калиди ҳодиса");
	v.error_message = (char *)SAY(w, "4 to 40 characters, made as the "
				      "instructions say: never a name.",
				      "От 4 до 40 знаков, как сказано в "
				      "инструкции: никогда не имя.",
				      "Аз 4 то 40 аломат, мувофиқи дастур: "
				      "ҳеҷ гоҳ ном не.");
	worksheet_data_validation_range(ws, FIRST_ROW, 0, r2, 0, &v);
	memset(&v, 0, sizeof(v));
	v.validate = LXW_VALIDATION_TYPE_DATE;
	v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	v.minimum_datetime = lo;
	v.maximum_datetime = hi;
	v.ignore_blank = LXW_VALIDATION_ON;
	v.error_title = (char *)SAY(w, "Not a date", "Не дата", "Сана нест");
	v.error_message = (char *)SAY(w, "A date, such as 15.03.2024.",
				      "Дата, например 15.03.2024.",
				      "Сана, масалан 15.03.2024.");
	worksheet_data_validation_range(ws, FIRST_ROW, 1, r2, 2, &v);
	for (lxw_row_t r = FIRST_ROW; r <= r2; r++) {
		for (lxw_col_t c = 0; c <= cr; c++)
			worksheet_write_blank(ws, r, c, c == 1 || c == 2
					      ? w->date : w->entry);
	}
	sheet_meta(w, name, "cases", f->indicator[ind], r2, (unsigned)cr);
	/* the date a case counts by: the event's for a count by incident */
	val[1] = d && d->date && !strcmp(d->date, "incident") ? "event"
							      : "received";
	meta(w, "date", val, 2);
	worksheet_freeze_panes(ws, FIRST_ROW, 1);
	protect(ws);
	print_setup(ws, FIRST_ROW);
}

/* ---- lists and metadata ---- */

static void lists(struct w *w, lxw_worksheet *ws)
{
	const struct form *f = w->f;
	const char *val[3];

	for (size_t p = 0; p < f->nper; p++) {
		worksheet_write_string(ws, (lxw_row_t)p, 0, f->period_label[p],
				       NULL);
		val[0] = "period";
		val[1] = f->period[p];
		val[2] = f->period_label[p];
		meta(w, "label", val, 3);
	}
	for (size_t d = 0; d < f->ndims + f->nfield; d++)
		for (size_t k = 0; k < f->dim[d].ncode; k++) {
			worksheet_write_string(ws, (lxw_row_t)k,
					       (lxw_col_t)(d + 1),
					       form_code_label(f, d, k), NULL);
			val[0] = f->dim[d].name;
			val[1] = form_code(f, d, k);
			val[2] = form_code_label(f, d, k);
			meta(w, "label", val, 3);
		}
	for (size_t i = 0; form_statuses[i]; i++) {
		const char *word = form_status_word(form_statuses[i],
						    f->lang);

		worksheet_write_string(ws, (lxw_row_t)i,
				       (lxw_col_t)(f->ndims + f->nfield + 1),
				       word, NULL);
		val[0] = form_statuses[i];
		val[1] = word;
		meta(w, "status", val, 2);
	}
	worksheet_hide(ws);
	protect(ws);
}

static void head_meta(struct w *w)
{
	const struct form *f = w->f;
	const char *dims[16];
	size_t n = 0;

	meta1(w, FORM_MAGIC, FORM_VERSION);
	meta1(w, "pipeline", f->cfg->pipeline);
	meta1(w, "source", f->src->id);
	meta1(w, "organisation", f->organisation);
	meta1(w, "lang", f->lang);
	meta1(w, "codelists", f->hash);
	for (size_t d = 0; d < f->ndims && n < 16; d++)
		dims[n++] = f->dim[d].name;
	meta(w, "dims", dims, n);
	for (n = 0; n < f->nfield; n++)
		dims[n] = f->dim[f->ndims + n].name;
	if (f->nfield)
		meta(w, "fields", dims, f->nfield);
}

static void formats(struct w *w)
{
	w->title = workbook_add_format(w->wb);
	format_set_bold(w->title);
	format_set_font_size(w->title, 14);
	w->head = workbook_add_format(w->wb);
	format_set_bold(w->head);
	format_set_text_wrap(w->head);
	format_set_bg_color(w->head, 0xD9E1F2);
	format_set_border(w->head, LXW_BORDER_THIN);
	w->text = workbook_add_format(w->wb);
	format_set_text_wrap(w->text);
	format_set_align(w->text, LXW_ALIGN_VERTICAL_TOP);
	w->date = workbook_add_format(w->wb);
	format_set_unlocked(w->date);
	format_set_border(w->date, LXW_BORDER_THIN);
	format_set_border_color(w->date, 0xA6A6A6);
	format_set_num_format(w->date, "dd.mm.yyyy");
	w->label = workbook_add_format(w->wb);
	format_set_border(w->label, LXW_BORDER_THIN);
	format_set_border_color(w->label, 0xA6A6A6);
	w->hint = workbook_add_format(w->wb);
	format_set_italic(w->hint);
	format_set_font_color(w->hint, 0x595959);
	w->entry = workbook_add_format(w->wb);
	format_set_unlocked(w->entry);
	format_set_border(w->entry, LXW_BORDER_THIN);
	format_set_border_color(w->entry, 0xA6A6A6);
}

int form_commit(const char *tmp, const char *path, int rc,
		struct rk_error *err)
{
	if (rc != LXW_NO_ERROR) {
		unlink(tmp);
		return rk_error_set(err, RK_EXIT_IOERR, path, 0, "cannot write: "
				    "%s", lxw_strerror((lxw_error)rc));
	}
	if (rename(tmp, path) < 0) {
		rk_error_set(err, RK_EXIT_IOERR, path, 0, "cannot write: %s",
			     strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

int form_write(const struct form *f, const char *path, long long created,
	       struct rk_error *err)
{
	struct w w = { .f = f };
	lxw_workbook_options opt = { .constant_memory = 0 };
	lxw_doc_properties props = { 0 };
	lxw_worksheet *ins, *lst, **ws = calloc(f->nind + 1, sizeof(*ws));
	char (*name)[128] = calloc(f->nind + 1, sizeof(*name));
	size_t len = strlen(path);
	char *tmp = malloc(len + 24), title[512];
	int r = -1;

	if (!tmp || !ws || !name) {
		rk_error_oom(err);
		goto out;
	}
	snprintf(tmp, len + 24, "%s.tmp%ld", path, (long)getpid());
	if (!(w.wb = workbook_new_opt(tmp, &opt))) {
		rk_error_set(err, RK_EXIT_CANTCREAT, path, 0, "cannot create");
		goto out;
	}
	snprintf(title, sizeof(title), "%s: %s",
		 SAY(&w, "Data entry form", "Форма для ввода данных",
		     "Шакли ворид кардани маълумот"), source_name(&w));
	props.title = title;
	props.author = "reckon";
	props.created = (time_t)created;
	workbook_set_properties(w.wb, &props);
	formats(&w);
	/* the sheets in their order first; the metadata is written as the
	   entry sheets are made */
	if (!(ins = add_sheet(&w, SAY(&w, "Instructions", "Инструкция",
				      "Дастур"), NULL, err)))
		goto fail;
	for (size_t i = 0; i < f->nind; i++)
		if (!(ws[i] = add_sheet(&w, form_indicator_label(f, i), name[i],
					err)))
			goto fail;
	if (!(lst = add_sheet(&w, FORM_LISTS, NULL, err)) ||
	    !(w.meta = add_sheet(&w, FORM_META, NULL, err)))
		goto fail;
	head_meta(&w);
	instructions(&w, ins);
	lists(&w, lst);
	for (size_t i = 0; i < f->nind; i++) {
		if (f->shape == FORM_LONG)
			long_table(&w, i, ws[i], name[i]);
		else if (f->shape == FORM_CASES)
			cases_table(&w, i, ws[i], name[i]);
		else if (crosstab(&w, i, ws[i], name[i], err) < 0)
			goto fail;
	}
	worksheet_hide(w.meta);
	protect(w.meta);
	worksheet_activate(ins);
	r = form_commit(tmp, path, workbook_close(w.wb), err);
	w.wb = NULL;
	goto out;
fail:
	workbook_close(w.wb);
	unlink(tmp);
out:
	free(w.names);
	free(ws);
	free(name);
	free(tmp);
	return r;
}
