/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "numfmt_date.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const builtin[50] = {
	[0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0",
	[4] = "#,##0.00", [5] = "\"$\"#,##0_);(\"$\"#,##0)",
	[6] = "\"$\"#,##0_);[Red](\"$\"#,##0)",
	[7] = "\"$\"#,##0.00_);(\"$\"#,##0.00)",
	[8] = "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
	[9] = "0%", [10] = "0.00%", [11] = "0.00E+00", [12] = "# ?/?",
	[13] = "# ?\?/??", [14] = "mm-dd-yy", [15] = "d-mmm-yy",
	[16] = "d-mmm", [17] = "mmm-yy", [18] = "h:mm AM/PM",
	[19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss",
	[22] = "m/d/yy h:mm",
	[37] = "#,##0_);(#,##0)", [38] = "#,##0_);[Red](#,##0)",
	[39] = "#,##0.00_);(#,##0.00)", [40] = "#,##0.00_);[Red](#,##0.00)",
	[41] = "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
	[42] = "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)",
	[43] = "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
	[44] = "_(\"$\"* #,##0.00_)_(\"$\"* \\(#,##0.00\\)_(\"$\"* \"-\"??_)_(@_)",
	[45] = "mm:ss", [46] = "[h]:mm:ss", [47] = "mmss.0",
	[48] = "##0.0E+0", [49] = "@",
};

const char *numfmt_builtin(long id)
{
	return id >= 0 && id < 50 ? builtin[id] : NULL;
}

static size_t first_section(const char *code)
{
	return strcspn(code, ";");
}

static int is_date_letter(char c)
{
	return c && strchr("dmhysDMHYS", c) != NULL;
}

/* A bracket group openpyxl keeps: [h] [hh] [m] [mm] [s] [ss] (lower case). */
static int kept_bracket(const char *s, size_t n)
{
	return (n >= 3 && s[2] == ']' && strchr("hms", s[1])) ||
	       (n >= 4 && s[3] == ']' && s[2] == s[1] && strchr("hms", s[1]));
}

/* Length of a quoted literal "..." at s (no newline inside), or 0. */
static size_t literal_len(const char *s, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		if (s[i] == '\n')
			return 0;
		if (s[i] == '"')
			return i + 1;
	}
	return 0;
}

/* Length of a stripped bracket group [...] at s, or 0. */
static size_t group_len(const char *s, size_t n)
{
	const char *close;

	if (kept_bracket(s, n))
		return 0;
	close = memchr(s + 1, ']', n - 1);
	return close ? (size_t)(close - s) + 1 : 0;
}

static int openpyxl_is_date(const char *code)
{
	size_t n = first_section(code);
	char prev = 0;
	int have_prev = 0;

	for (size_t i = 0; i < n;) {
		size_t skip = code[i] == '"' ? literal_len(code + i, n - i)
			    : code[i] == '[' ? group_len(code + i, n - i) : 0;

		if (skip) {
			i += skip;
			continue;
		}
		if (have_prev && prev != '\\' && is_date_letter(code[i]))
			return 1;
		prev = code[i++];
		have_prev = 1;
	}
	return 0;
}

static int is_timedelta(const char *code)
{
	size_t n = first_section(code);

	for (size_t i = 0; i + 2 < n; i++) {
		char a, b;

		if (code[i] != '[')
			continue;
		a = (char)(code[i + 1] | 0x20);
		if (a != 'h' && a != 'm' && a != 's')
			continue;
		b = code[i + 2];
		if (b == ']' ||
		    (i + 3 < n && (b | 0x20) == a && code[i + 3] == ']'))
			return 1;
	}
	return 0;
}

enum numfmt_kind numfmt_date_kind(const char *code)
{
	if (!code || !openpyxl_is_date(code))
		return NUMFMT_NUMBER;
	return is_timedelta(code) ? NUMFMT_DURATION : NUMFMT_DATE;
}

/* xlrd's reduction: drop quoted text, the character after \ _ *, and $-+/(): and space. */
static size_t xlrd_reduce(const char *code, char *out)
{
	size_t n = 0;
	int state = 0;

	for (const char *c = code; *c; c++) {
		if (state == 1) {
			if (*c == '"')
				state = 0;
		} else if (state == 2) {
			state = 0;
		} else if (*c == '"') {
			state = 1;
		} else if (strchr("\\_*", *c)) {
			state = 2;
		} else if (!strchr("$-+/(): ", *c)) {
			out[n++] = *c;
		}
	}
	out[n] = '\0';
	return n;
}

/* Removes [...] groups (xlrd: re.sub(r'\[[^]]*\]', '')). */
static void drop_brackets(char *s)
{
	char *w = s;

	for (char *r = s; *r;) {
		char *close = *r == '[' ? strchr(r + 1, ']') : NULL;

		if (close) {
			r = close + 1;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static int xlrd_is_date(const char *code)
{
	size_t len = strlen(code);
	char *s = malloc(len + 1);
	int date = 0, num = 0, result;

	if (!s)
		return 0;
	xlrd_reduce(code, s);
	drop_brackets(s);
	if (!strcmp(s, "0.00E+00") || !strcmp(s, "##0.0E+0") ||
	    !strcmp(s, "General") || !strcmp(s, "GENERAL") ||
	    !strcmp(s, "general") || !strcmp(s, "@")) {
		free(s);
		return 0;
	}
	for (char *c = s; *c; c++) {
		if (strchr("ymdhsYMDHS", *c))
			date += 5;
		else if (strchr("0#?", *c))
			num += 5;
	}
	free(s);
	if (date && !num)
		result = 1;
	else if (num && !date)
		result = 0;
	else
		result = date > num;
	return result;
}

enum numfmt_kind numfmt_date_kind_xls(const char *code)
{
	if (!code || !xlrd_is_date(code))
		return NUMFMT_NUMBER;
	return is_timedelta(code) ? NUMFMT_DURATION : NUMFMT_DATE;
}
