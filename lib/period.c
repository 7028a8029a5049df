/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Period labels: a tokeniser (numbers, words folded to lower case with the
 * Tajik letters and ё folded, separators), numeric date patterns
 * (2024-07, 15.07.2024, 07.2024), then a grammar over what is left: at most
 * one year, and one of a quarter, a half, months since January, one month
 * (with a day), or a range of months.
 */
#include "period.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "fold.h"
#include "utf8.h"

#define MAX_TOKENS 16
#define WORD_MAX 48

enum tok_kind { T_NUM, T_WORD };

struct token {
	enum tok_kind kind;
	char sep;              /* separator before: 0 glued, ' ', '.', '-', '/' */
	long num;              /* T_NUM */
	int digits;            /* T_NUM */
	char word[WORD_MAX];   /* T_WORD: folded, UTF-8 */
	int used;
};

struct parse {
	struct token t[MAX_TOKENS];
	int n;
	char *why;
	int fiscal_start;      /* rk_period_opts; 0 = none */
};

__attribute__((format(printf, 2, 3)))
static int fail(struct parse *ps, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ps->why, RK_PERIOD_REASON, fmt, ap);
	va_end(ap);
	return -1;
}

/* ---- decoding and folding --------------------------------------------- */

/* The next code point; invalid UTF-8 gives 0xFFFD and moves one byte. */
static uint32_t next_cp(const unsigned char *s, size_t len, size_t *i)
{
	uint32_t c = s[*i];
	size_t n, k;

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 :
	    (c & 0xF8) == 0xF0 ? 4 : 0;
	if (!n || *i + n > len) {
		(*i)++;
		return 0xFFFD;
	}
	c &= n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07;
	for (k = 1; k < n; k++) {
		if ((s[*i + k] & 0xC0) != 0x80) {
			(*i)++;
			return 0xFFFD;
		}
		c = (c << 6) | (s[*i + k] & 0x3F);
	}
	*i += n;
	return c;
}

static int is_cyrillic(uint32_t c)
{
	return c >= 0x0400 && c <= 0x04FF;
}

static int is_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       is_cyrillic(c) || (c >= 0x2160 && c <= 0x2173);
}

/*
 * Lower case, with the letters folded as code-list keys fold them (ё, the
 * Tajik letters and their stand-ins), and Cyrillic і to Latin i (roman
 * numerals typed in Cyrillic).
 */
static uint32_t fold_cp(uint32_t c)
{
	c = (uint32_t)u_tolower((UChar32)c);
	return c == 0x0456 ? 'i' : rk_fold_letter(c);
}

/* Latin letters that look Cyrillic, for words typed with both. */
static uint32_t cyrillic_lookalike(uint32_t c)
{
	static const char lat[] = "AaBCcEeHKkMOoPpTXxYy";
	static const uint32_t cyr[] = {
		0x0430, 0x0430, 0x0432, 0x0441, 0x0441, 0x0435, 0x0435, 0x043D,
		0x043A, 0x043A, 0x043C, 0x043E, 0x043E, 0x0440, 0x0440, 0x0442,
		0x0445, 0x0445, 0x0443, 0x0443
	};
	const char *p = c < 0x80 && c ? strchr(lat, (int)c) : NULL;

	return p ? cyr[p - lat] : 0;
}

/* ICU's encoder: c must be a valid code point. */
static size_t put_utf8(char *p, uint32_t c)
{
	size_t i = 0;

	U8_APPEND_UNSAFE(p, i, c);
	return i;
}

/* Roman numeral characters Ⅰ..Ⅳ, ⅰ..ⅳ as letters. */
static const char *roman_char(uint32_t c)
{
	static const char *const r[] = { "i", "ii", "iii", "iv" };

	if (c >= 0x2160 && c <= 0x2163)
		return r[c - 0x2160];
	if (c >= 0x2170 && c <= 0x2173)
		return r[c - 0x2170];
	return NULL;
}

/* ---- tokens ------------------------------------------------------------ */

static int word_token(struct parse *ps, const uint32_t *cp, size_t n, char sep)
{
	struct token *t = &ps->t[ps->n];
	size_t o = 0, cyr = 0, lat = 0;

	for (size_t k = 0; k < n; k++) {
		if (is_cyrillic(cp[k]))
			cyr++;
		else if (!cyrillic_lookalike(cp[k]) && cp[k] < 0x80)
			lat++;
	}
	for (size_t k = 0; k < n; k++) {
		uint32_t c = cp[k];
		const char *r = roman_char(c);

		if (cyr && !lat && cyrillic_lookalike(c))
			c = cyrillic_lookalike(c);
		if (o + 4 >= WORD_MAX)
			return fail(ps, "word too long");
		if (r) {
			memcpy(t->word + o, r, strlen(r));
			o += strlen(r);
			continue;
		}
		o += put_utf8(t->word + o, fold_cp(c));
	}
	t->word[o] = '\0';
	t->kind = T_WORD;
	t->sep = sep;
	ps->n++;
	return 0;
}

static int num_token(struct parse *ps, const char *s, size_t n, char sep)
{
	struct token *t = &ps->t[ps->n];

	if (n > 4)
		return fail(ps, "number '%.*s' is neither a year nor a month, "
			    "quarter or day", (int)(n > 12 ? 12 : n), s);
	t->kind = T_NUM;
	t->sep = sep;
	t->digits = (int)n;
	t->num = 0;
	for (size_t k = 0; k < n; k++)
		t->num = t->num * 10 + (s[k] - '0');
	ps->n++;
	return 0;
}

/* '.', '-', '/' win over spaces as the separator before a token. */
static char note_sep(char sep, uint32_t c)
{
	if (c == '.' || c == '/')
		return (char)c;
	if (c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
	    c == 0x2013 || c == 0x2014 || c == 0x2212)
		return '-';
	return sep ? sep : ' ';
}

static int is_space_or_punct(uint32_t c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F ||
	       c == 0x2009 || c == 0x2007 || c == ',' || c == '.' ||
	       c == '/' || c == '-' || c == '\'' || c == '"' || c == '(' ||
	       c == ')' || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
	       c == 0x2013 || c == 0x2014 || c == 0x2212 || c == 0x00AB ||
	       c == 0x00BB || c == '\r' || c == '\n' || c == ':' || c == ';';
}

static int tokenise(struct parse *ps, const unsigned char *s, size_t len)
{
	uint32_t word[WORD_MAX];
	size_t i = 0, nw = 0;
	char sep = 0;

	while (i < len) {
		size_t at = i;
		uint32_t c = next_cp(s, len, &i);

		if (ps->n >= MAX_TOKENS)
			return fail(ps, "too many parts");
		if (c >= '0' && c <= '9') {
			size_t j = at;

			while (j < len && s[j] >= '0' && s[j] <= '9')
				j++;
			if (num_token(ps, (const char *)s + at, j - at, sep) < 0)
				return -1;
			i = j;
			sep = 0;
		} else if (is_letter(c)) {
			nw = 0;
			word[nw++] = c;
			while (i < len) {
				size_t j = i;
				uint32_t d = next_cp(s, len, &j);

				if (!is_letter(d))
					break;
				if (nw >= WORD_MAX - 1)
					return fail(ps, "word too long");
				word[nw++] = d;
				i = j;
			}
			if (word_token(ps, word, nw, sep) < 0)
				return -1;
			sep = 0;
		} else if (is_space_or_punct(c)) {
			sep = note_sep(sep, c);
		} else {
			return fail(ps, "unexpected character '%.*s'",
				    (int)(i - at), (const char *)s + at);
		}
	}
	return 0;
}

/* ---- words ------------------------------------------------------------- */

static int word_in(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(w, *list))
			return 1;
	return 0;
}

/* Full forms of each month; a word of 3+ letters that begins one counts. */
static const char *const month_forms[12][12] = {
	{ "январь", "января", "январе", "январи", "january", NULL },
	{ "февраль", "февраля", "феврале", "феврали", "february", NULL },
	{ "март", "марта", "марте", "марти", "march", NULL },
	{ "апрель", "апреля", "апреле", "апрели", "april", NULL },
	{ "май", "мая", "мае", "майи", "may", NULL },
	{ "июнь", "июня", "июне", "июни", "june", NULL },
	{ "июль", "июля", "июле", "июли", "july", NULL },
	{ "август", "августа", "августе", "августи", "august", NULL },
	{ "сентябрь", "сентября", "сентябре", "сентябри", "september", NULL },
	{ "октябрь", "октября", "октябре", "октябри", "october", NULL },
	{ "ноябрь", "ноября", "ноябре", "ноябри", "november", NULL },
	{ "декабрь", "декабря", "декабре", "декабри", "december", NULL },
};

static int month_of(const char *w)
{
	size_t n = strlen(w);

	if (rk_utf8_chars(w) < 3)
		return 0;
	for (int m = 0; m < 12; m++)
		for (const char *const *f = month_forms[m]; *f; f++)
			if (!strncmp(*f, w, n))
				return m + 1;
	return 0;
}

static const char *const quarter_words[] = {
	"кв", "квартал", "квартала", "квартале", "кварталы", "кварталов",
	"квартали",
	"кварт", "семоха", "семохаи", "q", "qtr", "qr", "quarter", NULL
};
static const char *const half_words[] = {
	"полугодие", "полугодия", "полугодии", "полугодье", "полуг",
	"нимсола", "нимсолаи", "half", "h", "s", "hy", "sem", "semester", NULL
};
static const char *const months_words[] = {
	"месяц", "месяца", "месяцев", "мес", "мох", "мохи", "моха", "month",
	"months", "mo", NULL
};
static const char *const filler_words[] = {
	"г", "гг", "год", "года", "году", "годы", "годов", "за", "в", "во",
	"сол", "соли", "солхо", "солхои", "дар", "year", "years", "yr", "y",
	"of", "the", "in",
	/* stock dates: на 1 января, по состоянию на, as at, ба ҳолати */
	"на", "по", "состоянию", "состояния", "as", "at", "on", "ба",
	"холати", "холат", NULL
};
/* A fiscal year: ФГ, финансовый год, соли молиявӣ, FY. */
static const char *const fiscal_words[] = {
	"фг", "фин", "финансовый", "финансового", "финансовом", "бюджетный",
	"молияви", "молиявии", "fy", "fiscal", "financial", NULL
};
static const char *const ordinal_endings[] = {
	"й", "ый", "ий", "ой", "го", "ого", "его", "е", "ое", "ее", "м", "ом",
	"ем", "я", "ая", "st", "nd", "rd", "th", "юм", "ум", NULL
};

/* 1..4 for a roman numeral or an ordinal word, else 0. */
static int ordinal_of(const char *w)
{
	static const char *const roman[] = { "i", "ii", "iii", "iv", NULL };
	static const char *const words[][4] = {
		{ "перв", "first", "якум", NULL },
		{ "втор", "second", "дуюм", NULL },
		{ "трет", "third", "сеюм", NULL },
		{ "четв", "fourth", "чорум", NULL },
	};

	for (int k = 0; roman[k]; k++)
		if (!strcmp(w, roman[k]))
			return k + 1;
	for (int k = 0; k < 4; k++)
		for (int j = 0; words[k][j]; j++)
			if (!strncmp(w, words[k][j], strlen(words[k][j])) &&
			    (k + j == 0 || rk_utf8_chars(w) <= 10))
				return k + 1;
	return 0;
}

/* ---- the grammar ------------------------------------------------------- */

struct found {
	int year;
	int year2;                      /* a second year: a span */
	char year2_sep;                 /* the separator before it */
	int fy;                         /* a fiscal year's first year */
	int fiscal_word;                /* ФГ, FY, financial ... seen */
	int month[2], nmonths;
	int month_years[2];             /* years seen before each month */
	int quarter, half, since_jan;   /* markers seen */
	long number[4];                 /* small numbers and ordinals */
	char number_sep[4];             /* the separator before each */
	int number_years[4];            /* years seen before each */
	int nnumbers;
	int date_month, date_day;       /* from a numeric date */
	int date2_month, date2_day;     /* the end of an ISO interval */
};

/* The first year, or the second of a span ("2000–2007"). */
static int add_year(struct parse *ps, struct found *f, long y, char sep)
{
	if (y < 1000)
		return fail(ps, "year %ld is not a four-digit year", y);
	if (!f->year || f->year == y) {
		f->year = (int)y;
		return 0;
	}
	if (f->year2 && f->year2 != y)
		return fail(ps, "more than two years");
	f->year2 = (int)y;
	f->year2_sep = sep;
	return 0;
}

static int add_number(struct parse *ps, struct found *f, long v, char sep)
{
	if (f->nnumbers >= 4)
		return fail(ps, "too many numbers");
	f->number_sep[f->nnumbers] = sep;
	f->number_years[f->nnumbers] = (f->year != 0) + (f->year2 != 0);
	f->number[f->nnumbers++] = v;
	return 0;
}

static int is_num(const struct parse *ps, int k, int digits_lo, int digits_hi)
{
	return k < ps->n && ps->t[k].kind == T_NUM && !ps->t[k].used &&
	       ps->t[k].digits >= digits_lo && ps->t[k].digits <= digits_hi;
}

/* A date; a second one after '/' ends an ISO interval (2004-04/2005-03). */
static int set_date(struct parse *ps, struct found *f, long y, long m, long d,
		    char sep)
{
	int second = f->date_month != 0;

	if (second && (sep != '/' || f->date2_month))
		return fail(ps, "two dates");
	if (m < 1 || m > 12)
		return fail(ps, "month %ld does not exist", m);
	if (add_year(ps, f, y, sep) < 0)
		return -1;
	if (d && (d < 1 || d > rk_days_in_month((int)y, (int)m)))
		return fail(ps, "day %ld does not exist in %04ld-%02ld", d, y, m);
	if (second) {
		f->date2_month = (int)m;
		f->date2_day = (int)d;
	} else {
		f->date_month = (int)m;
		f->date_day = (int)d;
	}
	return 0;
}

/* 2024-07, 2024-07-15 (or with / or .), 15.07.2024, 07.2024, 7/2024. */
static int numeric_dates(struct parse *ps, struct found *f)
{
	struct token *t = ps->t;

	for (int k = 0; k < ps->n; k++) {
		if (k && t[k].sep == 0)
			continue;       /* "Q3/2024": the 3 belongs to the Q */
		if (is_num(ps, k, 4, 4) && is_num(ps, k + 1, 2, 2) &&
		    strchr("-/.", t[k + 1].sep) && t[k + 1].sep) {
			int day = is_num(ps, k + 2, 2, 2) &&
				  t[k + 2].sep == t[k + 1].sep;

			if (set_date(ps, f, t[k].num, t[k + 1].num,
				     day ? t[k + 2].num : 0, t[k].sep) < 0)
				return -1;
			t[k].used = t[k + 1].used = 1;
			if (day)
				t[k + 2].used = 1;
		} else if (is_num(ps, k, 1, 2) && is_num(ps, k + 1, 1, 2) &&
			   is_num(ps, k + 2, 4, 4) && t[k + 1].sep == '.' &&
			   t[k + 2].sep == '.') {
			if (set_date(ps, f, t[k + 2].num, t[k + 1].num,
				     t[k].num, t[k].sep) < 0)
				return -1;
			t[k].used = t[k + 1].used = t[k + 2].used = 1;
		} else if (is_num(ps, k, 1, 2) && is_num(ps, k + 1, 4, 4) &&
			   (t[k + 1].sep == '.' || t[k + 1].sep == '/')) {
			if (set_date(ps, f, t[k + 1].num, t[k].num, 0,
				     t[k].sep) < 0)
				return -1;
			t[k].used = t[k + 1].used = 1;
		}
	}
	return 0;
}

/* ---- fiscal years ------------------------------------------------------ */

#define FY_SETTING "set fiscal_year_start (the month the fiscal year " \
	"begins, e.g. 4) on the source or under period: to read it as one"

static int has_fiscal_word(const struct parse *ps)
{
	for (int k = 0; k < ps->n; k++)
		if (ps->t[k].kind == T_WORD &&
		    word_in(ps->t[k].word, fiscal_words))
			return 1;
	return 0;
}

/* A year of a fiscal pair: four digits, or two (below 50: 20xx). */
static long pair_year(const struct token *t)
{
	if (t->digits == 4)
		return t->num;
	return t->num < 50 ? 2000 + t->num : 1900 + t->num;
}

/*
 * Whether tokens k, k+1 are two years in a row standing alone, as in
 * 2004/05, 04/05, 2019-20, 2019/2020: not part of a date (2004-05-01,
 * 2004-05/2005-04), not a number stuck to a word (Q1-2).
 */
static int fiscal_pair_at(const struct parse *ps, int k)
{
	const struct token *a = &ps->t[k], *b = &ps->t[k + 1];
	long y1;

	if (a->kind != T_NUM || b->kind != T_NUM || a->used || b->used ||
	    (b->sep != '/' && b->sep != '-') ||
	    !(a->digits == 4 || a->digits == 2) ||
	    !(b->digits == 4 || b->digits == 2) ||
	    (a->digits == 2 && b->digits == 4))
		return 0;
	if (k > 0 && (ps->t[k - 1].kind == T_NUM ? a->sep != ' '
		      : a->sep == 0 && !word_in(ps->t[k - 1].word,
						 fiscal_words)))
		return 0;
	if (k + 2 < ps->n && ps->t[k + 2].kind == T_NUM &&
	    ps->t[k + 2].sep != ' ')
		return 0;
	y1 = pair_year(a);
	if (a->digits == 2)
		for (int j = 0; j < ps->n; j++)
			if (ps->t[j].kind == T_NUM && ps->t[j].digits == 4)
				return 0;
	return b->digits == 4 ? b->num == y1 + 1 : b->num == (y1 + 1) % 100;
}

/*
 * Two years in a row read as a fiscal year, or refused when the source
 * has no fiscal years.  2004-05 and 2019-2020 are read so only with the
 * setting or a word like ФГ: else they stay May 2004 and two years.
 */
static int fiscal_pairs(struct parse *ps, struct found *f)
{
	int word = has_fiscal_word(ps);

	for (int k = 0; k + 1 < ps->n; k++) {
		struct token *a = &ps->t[k], *b = &ps->t[k + 1];
		long y1;

		if (!fiscal_pair_at(ps, k))
			continue;
		y1 = pair_year(a);
		if (y1 < 1000 || y1 > 9998)
			return fail(ps, "year %ld is not a four-digit year", y1);
		if (b->sep == '-' && a->digits == 4 && !ps->fiscal_start &&
		    !word && (b->digits == 4 || b->num <= 12))
			continue;
		if (!ps->fiscal_start && a->digits == 4 && b->digits == 2 &&
		    b->num <= 12)
			return fail(ps, "%ld%c%02ld is a fiscal year or a month: "
				    FY_SETTING ", or write the month as "
				    "%ld-%02ld", y1, b->sep, b->num, y1, b->num);
		if (!ps->fiscal_start && b->digits == 4)
			return fail(ps, "%ld%c%ld is a fiscal year or two years: "
				    FY_SETTING ", or write two years as "
				    "%ld–%ld", y1, b->sep, b->num, y1, b->num);
		if (!ps->fiscal_start)
			return fail(ps, "%0*ld%c%02ld is a fiscal year: "
				    FY_SETTING, a->digits, a->num, b->sep,
				    b->num);
		if (f->fy)
			return fail(ps, "two fiscal years");
		f->fy = (int)y1;
		a->used = b->used = 1;
	}
	return 0;
}

static int resolve_fiscal(struct parse *ps, const struct found *f,
			  struct rk_period *p)
{
	if (f->fy && (f->year || f->nmonths || f->date_month ||
		      f->nnumbers || f->quarter || f->half || f->since_jan))
		return fail(ps, "a fiscal year with more than its years: "
			    "give the label's period in period.map");
	if (!f->fy && !ps->fiscal_start)
		return fail(ps, "a fiscal year: " FY_SETTING);
	if (!f->fy && f->year && !f->year2)
		return fail(ps, "a fiscal year named by one year may begin in "
			    "%d or in %d: write both years (%d/%02d), or give "
			    "the label's period in period.map", f->year - 1,
			    f->year, f->year - 1, f->year % 100);
	if (!f->fy)
		return fail(ps, "a fiscal year without its years");
	p->year = f->fy;
	p->first = ps->fiscal_start;
	p->last = ps->fiscal_start - 1;
	p->end_year = f->fy + 1;
	p->day = 0;
	return 0;
}

/* ---- spans across years ----------------------------------------------- */

/*
 * Two years: 2000–2007 (or 2000/2007), январь 2023 – март 2024,
 * III кв. 2023 – II кв. 2024, 2004-04/2005-03.
 */
static int resolve_span(struct parse *ps, const struct found *f,
			struct rk_period *p)
{
	int marks = (f->quarter > 0) + (f->half > 0) + (f->since_jan > 0);

	if (f->year2 < f->year)
		return fail(ps, "years run backwards, %d then %d", f->year,
			    f->year2);
	p->year = f->year;
	p->end_year = f->year2;
	p->day = 0;
	if (f->date_month && f->date2_month && !marks && !f->nmonths &&
	    !f->nnumbers) {
		if (f->date_day || f->date2_day)
			return fail(ps, "a span of days is not a period: give "
				    "the label's period in period.map");
		p->first = f->date_month;
		p->last = f->date2_month;
		return 0;
	}
	if (f->date_month)
		return fail(ps, "two years, %d and %d, beside a date", f->year,
			    f->year2);
	if (!marks && !f->nmonths && !f->nnumbers) {
		if (f->year2_sep != '-' && f->year2_sep != '/')
			return fail(ps, "two years, %d and %d: write a span "
				    "with a dash, %d–%d", f->year, f->year2,
				    f->year, f->year2);
		p->first = 1;
		p->last = 12;
		return 0;
	}
	/* I–III кв. 2023–2024: the same months in each year, or a span? */
	if ((f->nmonths == 2 && f->month_years[1] == f->month_years[0]) ||
	    (f->nnumbers == 2 && f->number_years[1] == f->number_years[0]))
		return fail(ps, "two years, %d and %d, after one run of "
			    "months: give each its year (III кв. %d – II кв. "
			    "%d), or the label's period in period.map",
			    f->year, f->year2, f->year, f->year2);
	if (!marks && f->nmonths == 2 && !f->nnumbers) {
		p->first = f->month[0];
		p->last = f->month[1];
		return 0;
	}
	if ((f->quarter || f->half) && !f->since_jan && !f->nmonths &&
	    f->nnumbers == 2) {
		long n = f->quarter ? 3 : 6, hi = f->quarter ? 4 : 2;
		long a = f->number[0], b = f->number[1];

		if (a < 1 || a > hi || b < 1 || b > hi)
			return fail(ps, "%s %ld does not exist (1-%ld)",
				    f->quarter ? "quarter" : "half-year",
				    a < 1 || a > hi ? a : b, hi);
		p->first = (int)(a * n - n + 1);
		p->last = (int)(b * n);
		return 0;
	}
	return fail(ps, "two years, %d and %d, with more than a month, "
		    "quarter or half-year each", f->year, f->year2);
}

/*
 * The separator before token k, a number: before its quarter or half word
 * when it is stuck to one ("Q1-Q2": the dash is before the second Q).
 */
static char number_sep(const struct parse *ps, int k)
{
	const struct token *t = ps->t;

	if (t[k].sep == 0 && k > 0 && t[k - 1].kind == T_WORD &&
	    (word_in(t[k - 1].word, quarter_words) ||
	     word_in(t[k - 1].word, half_words)))
		return t[k - 1].sep;
	return t[k].sep;
}

static int take_word(struct parse *ps, struct found *f, int k)
{
	const char *w = ps->t[k].word;
	int v;

	if (word_in(w, quarter_words))
		f->quarter++;
	else if (word_in(w, fiscal_words))
		f->fiscal_word++;
	else if (word_in(w, half_words))
		f->half++;
	else if (word_in(w, months_words))
		f->since_jan++;
	else if (word_in(w, filler_words))
		;
	else if (k > 0 && ps->t[k - 1].kind == T_NUM &&
		 (ps->t[k].sep == 0 || ps->t[k].sep == '-') &&
		 word_in(w, ordinal_endings))
		;
	else if ((v = month_of(w)) != 0) {
		if (f->nmonths >= 2)
			return fail(ps, "more than two months");
		f->month_years[f->nmonths] = (f->year != 0) + (f->year2 != 0);
		f->month[f->nmonths++] = v;
	} else if ((v = ordinal_of(w)) != 0) {
		return add_number(ps, f, v, number_sep(ps, k));
	} else {
		return fail(ps, "unknown word '%s'", w);
	}
	return 0;
}

static int collect(struct parse *ps, struct found *f)
{
	if (fiscal_pairs(ps, f) < 0 || numeric_dates(ps, f) < 0)
		return -1;
	for (int k = 0; k < ps->n; k++) {
		struct token *t = &ps->t[k];

		if (t->used)
			continue;
		if (t->kind == T_WORD) {
			if (take_word(ps, f, k) < 0)
				return -1;
		} else if (t->digits == 4) {
			if (add_year(ps, f, t->num, t->sep) < 0)
				return -1;
		} else if (t->digits <= 2) {
			if (add_number(ps, f, t->num, number_sep(ps, k)) < 0)
				return -1;
		} else {
			return fail(ps, "number %ld is neither a year nor a "
				    "month, quarter or day", t->num);
		}
	}
	if ((f->quarter > 0) + (f->half > 0) + (f->since_jan > 0) > 1)
		return fail(ps, "more than one of quarter, half-year and "
			    "months");
	return 0;
}

static int one_number(struct parse *ps, const struct found *f,
		      const char *what, long lo, long hi, long *out)
{
	if (f->nnumbers == 0)
		return fail(ps, "no %s number", what);
	if (f->nnumbers > 1)
		return fail(ps, "more than one %s number", what);
	if (f->number[0] < lo || f->number[0] > hi)
		return fail(ps, "%s %ld does not exist (%ld-%ld)", what,
			    f->number[0], lo, hi);
	*out = f->number[0];
	return 0;
}

static int no_more(struct parse *ps, const struct found *f, const char *what)
{
	if (f->nmonths || f->date_month)
		return fail(ps, "both a %s and a month", what);
	return 0;
}

static int resolve(struct parse *ps, const struct found *f,
		   struct rk_period *p)
{
	long v = 0;

	p->end_year = 0;
	if (f->fy || f->fiscal_word)
		return resolve_fiscal(ps, f, p);
	if (f->year2)
		return resolve_span(ps, f, p);
	p->year = f->year;
	p->day = 0;
	if (f->date2_month) {           /* 2024-01/2024-09 */
		if (f->date_day || f->date2_day)
			return fail(ps, "a span of days is not a period: give "
				    "the label's period in period.map");
		if (f->nmonths || f->nnumbers || f->quarter || f->half ||
		    f->since_jan)
			return fail(ps, "more than an interval of months");
		if (f->date2_month < f->date_month)
			return fail(ps, "months run backwards");
		p->first = f->date_month;
		p->last = f->date2_month;
		return 0;
	}
	if (f->quarter || f->half || f->since_jan) {
		const char *what = f->quarter ? "quarter" :
				   f->half ? "half-year" : "month";
		long hi = f->quarter ? 4 : f->half ? 2 : 12;

		if (no_more(ps, f, what) < 0)
			return -1;
		/* a range: I–III кв. 2024 is January to September */
		if ((f->quarter || f->half) && f->nnumbers == 2 &&
		    f->number_sep[1] == '-') {
			long a = f->number[0], b = f->number[1];
			long n = f->quarter ? 3 : 6;    /* months in one */

			if (a < 1 || b > hi)
				return fail(ps, "%s %ld does not exist (1-%ld)",
					    what, a < 1 ? a : b, hi);
			if (b <= a)
				return fail(ps, "%ss run backwards", what);
			p->first = (int)(a * n - n + 1);
			p->last = (int)(b * n);
			return 0;
		}
		if (one_number(ps, f, what, 1, hi, &v) < 0)
			return -1;
		p->first = f->quarter ? (int)(v * 3 - 2) :
			   f->half ? (int)(v * 6 - 5) : 1;
		p->last = f->quarter ? (int)(v * 3) : f->half ? (int)(v * 6) :
			  (int)v;
		return 0;
	}
	if (f->date_month) {
		if (f->nmonths || f->nnumbers)
			return fail(ps, "more than a date");
		p->first = p->last = f->date_month;
		p->day = f->date_day;
		return 0;
	}
	if (f->nmonths == 2) {
		if (f->nnumbers)
			return fail(ps, "a number beside a range of months");
		if (f->month[1] < f->month[0])
			return fail(ps, "months run backwards");
		p->first = f->month[0];
		p->last = f->month[1];
		return 0;
	}
	if (f->nmonths == 1) {
		p->first = p->last = f->month[0];
		if (!f->nnumbers)
			return 0;
		if (f->nnumbers > 1)
			return fail(ps, "more than one day number");
		if (!f->year)
			return fail(ps, "a day without a year");
		if (f->number[0] < 1 ||
		    f->number[0] > rk_days_in_month(f->year, f->month[0]))
			return fail(ps, "day %ld does not exist in that month",
				    f->number[0]);
		p->day = (int)f->number[0];
		return 0;
	}
	if (f->nnumbers)
		return fail(ps, "the number %ld alone is ambiguous: add a "
			    "quarter or month word", f->number[0]);
	if (!f->year)
		return fail(ps, "no year, month, quarter or half-year");
	p->first = 1;
	p->last = 12;
	return 0;
}

/* Cuts "T12:34:56" (or " 12:34:56") off an ISO date-time. */
static size_t cut_time(const char *s, size_t len)
{
	size_t k;

	if (len < 11 || (s[10] != 'T' && s[10] != ' ') || s[4] != '-' ||
	    s[7] != '-')
		return len;
	for (k = 11; k < len; k++)
		if (!(s[k] >= '0' && s[k] <= '9') && s[k] != ':' && s[k] != '.')
			return len;
	return 10;
}

int rk_period_parse(const char *s, size_t len, struct rk_period *p,
		    char *why)
{
	return rk_period_parse_opts(s, len, NULL, p, why);
}

int rk_period_parse_opts(const char *s, size_t len,
			 const struct rk_period_opts *opts,
			 struct rk_period *p, char *why)
{
	struct parse ps;
	struct found f;

	memset(&ps, 0, sizeof(ps));
	memset(&f, 0, sizeof(f));
	ps.why = why;
	if (opts && opts->fiscal_start >= 2 && opts->fiscal_start <= 12)
		ps.fiscal_start = opts->fiscal_start;
	why[0] = '\0';
	len = cut_time(s, len);
	if (tokenise(&ps, (const unsigned char *)s, len) < 0 ||
	    collect(&ps, &f) < 0 || resolve(&ps, &f, p) < 0)
		return -1;
	return 0;
}

/* ---- arithmetic -------------------------------------------------------- */

int rk_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				    30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

enum rk_grain rk_period_grain(const struct rk_period *p)
{
	int n = p->last - p->first + 1;

	if (p->end_year)
		return RK_GRAIN_NONE;
	if (p->day)
		return RK_GRAIN_DAY;
	if (n == 1)
		return RK_GRAIN_MONTH;
	if (n == 3 && p->first % 3 == 1)
		return RK_GRAIN_QUARTER;
	if (n == 6 && p->first % 6 == 1)
		return RK_GRAIN_HALF;
	if (n == 12)
		return RK_GRAIN_YEAR;
	return RK_GRAIN_NONE;
}

static const char *const grain_names[] = {
	NULL, "year", "half", "quarter", "month", "day"
};

const char *rk_grain_name(enum rk_grain g)
{
	return g >= RK_GRAIN_YEAR && g <= RK_GRAIN_DAY ? grain_names[g] : NULL;
}

enum rk_grain rk_grain_parse(const char *name)
{
	for (int g = RK_GRAIN_YEAR; g <= RK_GRAIN_DAY; g++)
		if (name && !strcmp(name, grain_names[g]))
			return (enum rk_grain)g;
	return RK_GRAIN_NONE;
}

char *rk_period_format(const struct rk_period *p, char *buf)
{
	unsigned y = (unsigned)p->year % 10000u;
	unsigned a = (unsigned)p->first % 100u, b = (unsigned)p->last % 100u;
	unsigned d = (unsigned)p->day % 100u;

	switch (rk_period_grain(p)) {
	case RK_GRAIN_YEAR:
		snprintf(buf, RK_PERIOD_TEXT, "%04u", y);
		break;
	case RK_GRAIN_HALF:
		snprintf(buf, RK_PERIOD_TEXT, "%04u-S%u", y, b / 6u % 10u);
		break;
	case RK_GRAIN_QUARTER:
		snprintf(buf, RK_PERIOD_TEXT, "%04u-Q%u", y, b / 3u % 10u);
		break;
	case RK_GRAIN_MONTH:
		snprintf(buf, RK_PERIOD_TEXT, "%04u-%02u", y, a);
		break;
	case RK_GRAIN_DAY:
		snprintf(buf, RK_PERIOD_TEXT, "%04u-%02u-%02u", y, a, d);
		break;
	default:
		if (p->end_year)
			snprintf(buf, RK_PERIOD_TEXT, "%04u-%02u/%04u-%02u", y,
				 a, (unsigned)p->end_year % 10000u, b);
		else
			snprintf(buf, RK_PERIOD_TEXT, "%04u-%02u..%02u", y, a,
				 b);
	}
	return buf;
}

int rk_period_to_grain(const struct rk_period *p, enum rk_grain g,
		       struct rk_period *out)
{
	int size = g == RK_GRAIN_YEAR ? 12 : g == RK_GRAIN_HALF ? 6 :
		   g == RK_GRAIN_QUARTER ? 3 : 1;
	int first;

	if (p->end_year)
		return -1;
	if (g == RK_GRAIN_DAY) {
		if (!p->day)
			return -1;
		*out = *p;
		return 0;
	}
	if (g < RK_GRAIN_YEAR || g > RK_GRAIN_MONTH)
		return -1;
	first = (p->first - 1) / size * size + 1;
	if (p->last > first + size - 1)
		return -1;
	out->year = p->year;
	out->first = first;
	out->last = first + size - 1;
	out->day = 0;
	out->end_year = 0;
	return 0;
}

/* Days from 1970-01-01 (Howard Hinnant's days_from_civil). */
static long days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int rk_period_stock_to_grain(const struct rk_period *p, enum rk_grain g,
			     int at_end, struct rk_period *out)
{
	struct rk_period q;
	long day;

	if (!p->day || p->end_year || rk_period_to_grain(p, g, &q) < 0)
		return 1;
	day = at_end ? rk_period_last_day(&q) : rk_period_first_day(&q);
	if (rk_period_first_day(p) != day)
		return 1;
	*out = q;
	return 0;
}

long rk_period_first_day(const struct rk_period *p)
{
	return days_from_civil(p->year, p->first, p->day ? p->day : 1);
}

long rk_period_last_day(const struct rk_period *p)
{
	int y = p->end_year ? p->end_year : p->year;

	return days_from_civil(y, p->last,
			       p->day ? p->day : rk_days_in_month(y, p->last));
}

int rk_period_cmp(const struct rk_period *a, const struct rk_period *b)
{
	long x = rk_period_first_day(a), y = rk_period_first_day(b);

	if (x != y)
		return x < y ? -1 : 1;
	x = rk_period_last_day(a);
	y = rk_period_last_day(b);
	return (x > y) - (x < y);
}

unsigned rk_period_months(const struct rk_period *p)
{
	unsigned bits = 0;

	if (p->day)
		return 0;
	if (p->end_year)      /* to December, then from January */
		return p->end_year - p->year > 1 || p->last + 1 >= p->first
		       ? 0xFFFu
		       : (0xFFFu << (p->first - 1) & 0xFFFu) |
			 ((1u << p->last) - 1);
	for (int m = p->first; m <= p->last; m++)
		bits |= 1u << (m - 1);
	return bits;
}

int rk_period_step(struct rk_period *p, enum rk_grain g)
{
	int step = g == RK_GRAIN_YEAR ? 12 : g == RK_GRAIN_HALF ? 6
		   : g == RK_GRAIN_QUARTER ? 3 : g == RK_GRAIN_MONTH ? 1 : 0;

	if (!step || rk_period_grain(p) != g)
		return -1;
	p->first += step;
	p->last = p->first + step - 1;
	if (p->first > 12) {
		p->year++;
		p->first -= 12;
		p->last -= 12;
	}
	return 0;
}
