/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "csvsrc.h"

#include <stdlib.h>
#include <string.h>

#include "book/cellref.h"
#include "csvread.h"
#include "book/numfmt.h"
#include "sniff.h"

int csvsrc_parse_delimiter(const char *s, unsigned char *out)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 ||
	    strcmp(s, "\t") == 0) {
		*out = '\t';
		return 0;
	}
	if (strlen(s) != 1 || s[0] == '"' || s[0] == '\n' || s[0] == '\r')
		return -1;
	*out = (unsigned char)s[0];
	return 0;
}

/*
 * Opens the decoder and the CSV reader, sniffing the delimiter if asked.
 * *guess is what the sniffer makes of the file when a delimiter was
 * given (0 otherwise), for an error to say the delimiter looks wrong.
 */
static struct csvr *open_reader(FILE *in, const char *name,
				const struct csvsrc_opts *o,
				struct rk_text **text, unsigned char *guess,
				struct rk_error *err)
{
	unsigned char delim = o->delimiter;
	struct csvr *csv;
	const char *head;
	size_t len;
	int rc;

	*text = rk_text_open(in, name, o->encoding, err);
	if (!*text)
		return NULL;
	rc = rk_text_peek(*text, &head, &len, err);
	if (rc < 0)
		return NULL;
	if (rc == 0) {
		rk_error_set(err, RK_EXIT_DATAERR, name, 0, "empty file");
		rk_error_hint(err, "check that the right file was given");
		return NULL;
	}
	*guess = delim ? sniff_delimiter(head, len) : 0;
	if (!delim)
		delim = sniff_delimiter(head, len);
	csv = csvr_open(*text, delim, name, err);
	/* parsing shared with a thread: as long as the layout's work on a
	 * row; without one (none could start) it goes on unthreaded */
	if (csv && csvr_thread(csv, err) < 0)
		rk_error_clear(err);
	return csv;
}

static const char *delimiter_name(unsigned char d, char *buf)
{
	if (d == '\t')
		return "tab";
	buf[0] = '\'';
	buf[1] = (char)d;
	buf[2] = '\'';
	buf[3] = '\0';
	return buf;
}

/*
 * A file read with a delimiter it does not use fails as a misplaced quote,
 * a ragged row or a missing header: when the given delimiter is not the
 * one the file looks like, the error says so first.
 */
static void wrong_delimiter(struct rk_error *err, unsigned char given,
			    unsigned char guess)
{
	char msg[sizeof(err->msg)], a[8], b[8];
	int n;

	if (err->code != RK_EXIT_DATAERR)
		return;
	n = snprintf(msg, sizeof(msg), "the file looks %s-separated, not %s: ",
		     delimiter_name(guess, a), delimiter_name(given, b));
	if (n > 0 && (size_t)n < sizeof(msg))
		memcpy(msg + n, err->msg, sizeof(msg) - (size_t)n - 1);
	msg[sizeof(msg) - 1] = '\0';
	memcpy(err->msg, msg, sizeof(msg));
	snprintf(err->hint, sizeof(err->hint), "set layout.delimiter: %s "
		 "(--delimiter %s), or leave it out to have it found",
		 delimiter_name(guess, a),
		 guess == '\t' ? "tab" : delimiter_name(guess, b));
}

int csvsrc_extract(FILE *in, const char *name, const struct csvsrc_opts *o,
		   struct layout *L, struct tidy_writer *w, struct rk_error *err)
{
	struct rk_text *text = NULL;
	unsigned char guess = 0;
	struct csvr *csv = open_reader(in, name, o, &text, &guess, err);
	struct csvr_row row;
	int rc = -1, r, notes = 0;

	if (!csv)
		goto out;
	if (o->warning && o->warning_size && *rk_text_warning(text))
		snprintf(o->warning, o->warning_size, "%s: %s", name,
			 rk_text_warning(text));
	while ((r = csvr_next(csv, &row, err)) == 1) {
		struct grid_row g = { row.record, row.line, row.n, row.field,
				      row.len };

		if (o->progress && (row.record & 0x3fff) == 0)
			o->progress(o->progress_arg, row.record);
		/* the table, then the notes under it */
		r = notes ? layout_note(L, &g, w, err)
			  : layout_row(L, &g, w, err);
		if (r < 0)
			goto out;
		if (r == 1 && notes)
			break;
		notes |= r == 1;
	}
	if (r < 0 || layout_end(L, err) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0 && guess && guess != o->delimiter)
		wrong_delimiter(err, o->delimiter, guess);
	csvr_close(csv);
	rk_text_close(text);
	return rc;
}

/* A plain decimal: -?digits(.digits)?(e[+-]?digits)? */
static int is_plain_number(const char *s)
{
	size_t i = s[0] == '-', d = 0;

	for (; s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	if (s[i] == '.')
		for (i++; s[i] >= '0' && s[i] <= '9'; i++)
			d++;
	if (!d)
		return 0;
	if (s[i] == 'e' || s[i] == 'E') {
		size_t e = 0;

		i++;
		if (s[i] == '+' || s[i] == '-')
			i++;
		for (; s[i] >= '0' && s[i] <= '9'; i++)
			e++;
		if (!e)
			return 0;
	}
	return s[i] == '\0';
}

static int write_cell(struct tidy_writer *w, const char *sheet, long col,
		      long rownum, const char *text, size_t len,
		      struct rk_error *err)
{
	char ref[32], num[NUMFMT_MAX];
	const char *f[4] = { sheet, ref, "s", text };
	size_t l[4] = { strlen(sheet), 0, 1, len };

	cellref_letters(col, ref);
	snprintf(ref + strlen(ref), sizeof(ref) - strlen(ref), "%ld", rownum);
	l[1] = strlen(ref);
	if (strlen(text) == len && is_plain_number(text)) {
		numfmt_shortest(strtod(text, NULL), num);
		f[2] = "n";
		f[3] = num;
		l[3] = strlen(num);
	}
	return tidy_writer_row(w, f, l, 4, err);
}

int csvsrc_cells(FILE *in, const char *name, const char *sheet,
		 const struct csvsrc_opts *o, struct tidy_writer *w,
		 struct rk_error *err)
{
	static const char *const head[] = { "sheet", "cell", "type", "value" };
	struct rk_text *text = NULL;
	unsigned char guess;
	struct csvr *csv = open_reader(in, name, o, &text, &guess, err);
	struct csvr_row row;
	int rc = -1, r;

	if (!csv || tidy_writer_row(w, head, NULL, 4, err) < 0)
		goto out;
	while ((r = csvr_next(csv, &row, err)) == 1) {
		for (size_t i = 0; i < row.n; i++) {
			if (row.len[i] == 0)
				continue;
			if ((long)i > CELLREF_MAX_COL) {
				rk_error_set(err, RK_EXIT_DATAERR, name,
					     row.line, "more than %d columns",
					     CELLREF_MAX_COL + 1);
				goto out;
			}
			if (write_cell(w, sheet, (long)i, row.record,
				       row.field[i], row.len[i], err) < 0)
				goto out;
		}
	}
	rc = r < 0 ? -1 : 0;
out:
	csvr_close(csv);
	rk_text_close(text);
	return rc;
}

int csvsrc_rows(FILE *in, const char *name, const struct csvsrc_opts *o,
		int (*fn)(void *arg, const struct csvr_row *row,
			  struct rk_error *err),
		void *arg, struct rk_error *err)
{
	struct rk_text *text = NULL;
	unsigned char guess;
	struct csvr *csv = open_reader(in, name, o, &text, &guess, err);
	struct csvr_row row;
	int rc = -1, r = -1;

	if (!csv)
		goto out;
	while ((r = csvr_next(csv, &row, err)) == 1)
		if (fn(arg, &row, err) < 0)
			goto out;
	rc = r < 0 ? -1 : 0;
out:
	csvr_close(csv);
	rk_text_close(text);
	return rc;
}
