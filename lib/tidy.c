/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tidy.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "infile.h"
#include "utf8.h"

#define WBUF_SIZE (1u << 20)

/*
 * "incomplete": reckon-normalise summed what there was, but part of it is
 * missing (a quarter with a month missing, a sum with a missing part).
 * "source_total": a total row of the source's own table ("Итого"), which
 * reckon-extract writes with the total's field empty; reckon-normalise
 * checks it against the sum of the parts and never writes it.
 * "revised": revised since the source's last edition ("17~").
 * "source_note": a note the source printed under its table, its text in
 * the indicator field; reckon-normalise reads it (a period it calls
 * provisional or revised) and never writes it.
 */
static const char *const statuses[] = {
	"", "missing", "suppressed", "estimated", "provisional", "footnote",
	"incomplete", "revised", "source_total", "source_note", NULL
};

static const char *const fixed_head[] = { "source", "indicator", "period" };
static const char *const fixed_tail[] = { "value", "status", "origin" };

int tidy_status_valid(const char *s)
{
	for (size_t i = 0; statuses[i]; i++)
		if (strcmp(s, statuses[i]) == 0)
			return 1;
	return 0;
}

/* ---- writing ---- */

struct tidy_writer {
	FILE *out;
	const char *name;
	size_t len;
	char buf[WBUF_SIZE];
};

struct tidy_writer *tidy_writer_open(FILE *out, const char *name,
				     struct rk_error *err)
{
	struct tidy_writer *w = malloc(sizeof(*w));

	if (!w) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	w->out = out;
	w->name = name;
	w->len = 0;
	return w;
}

static int flush(struct tidy_writer *w, struct rk_error *err)
{
	if (w->len && fwrite(w->buf, 1, w->len, w->out) != w->len)
		return rk_error_set(err, RK_EXIT_IOERR, w->name, 0,
				    "cannot write: %s", strerror(errno));
	w->len = 0;
	return 0;
}

static int needs_quotes(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ',' || c == '"' || c == '\n' || c == '\r')
			return 1;
	}
	return 0;
}

/* Appends raw bytes; a field larger than the buffer goes straight out. */
static int put(struct tidy_writer *w, const char *s, size_t n,
	       struct rk_error *err)
{
	if (w->len + n > WBUF_SIZE && flush(w, err) < 0)
		return -1;
	if (n > WBUF_SIZE) {
		if (fwrite(s, 1, n, w->out) != n)
			return rk_error_set(err, RK_EXIT_IOERR, w->name, 0,
					    "cannot write: %s", strerror(errno));
		return 0;
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
	return 0;
}

static int put_quoted(struct tidy_writer *w, const char *s, size_t n,
		      struct rk_error *err)
{
	const char *q;

	if (put(w, "\"", 1, err) < 0)
		return -1;
	while ((q = memchr(s, '"', n)) != NULL) {
		size_t k = (size_t)(q - s) + 1;

		if (put(w, s, k, err) < 0 || put(w, "\"", 1, err) < 0)
			return -1;
		s += k;
		n -= k;
	}
	if (put(w, s, n, err) < 0)
		return -1;
	return put(w, "\"", 1, err);
}

/*
 * A field of unknown length: copied into the buffer while it is scanned
 * for the bytes that need quotes, in one pass (the common case: a code,
 * a number, a period); a field with such a byte, or longer than the room
 * left, goes the long way.
 */
static int put_field(struct tidy_writer *w, const char *s,
		     struct rk_error *err)
{
	char *d = w->buf + w->len;
	size_t room = WBUF_SIZE - w->len, k;

	static const unsigned char stop[256] = {
		['\0'] = 1, [','] = 2, ['"'] = 2, ['\n'] = 2, ['\r'] = 2
	};

	for (size_t i = 0; i < room; i++) {
		unsigned char c = (unsigned char)s[i];

		if (stop[c]) {
			if (c != '\0')
				break;
			w->len += i;
			return 0;
		}
		d[i] = (char)c;
	}
	k = strlen(s);
	return needs_quotes(s, k) ? put_quoted(w, s, k, err)
				  : put(w, s, k, err);
}

/* The separator before a field: the common case without a call. */
static int put_comma(struct tidy_writer *w, struct rk_error *err)
{
	if (w->len < WBUF_SIZE) {
		w->buf[w->len++] = ',';
		return 0;
	}
	return put(w, ",", 1, err);
}

int tidy_writer_row(struct tidy_writer *w, const char *const *field,
		    const size_t *len, size_t n, struct rk_error *err)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = field[i] ? field[i] : "";
		int rc;

		if (i && put_comma(w, err) < 0)
			return -1;
		if (!len)
			rc = put_field(w, s, err);
		else
			rc = needs_quotes(s, len[i]) ? put_quoted(w, s, len[i], err)
						     : put(w, s, len[i], err);
		if (rc < 0)
			return -1;
	}
	return put(w, "\n", 1, err);
}

int tidy_field_clean(const char *s, size_t n)
{
	return !needs_quotes(s, n);
}

int tidy_writer_row_known(struct tidy_writer *w, const char *const *field,
			  const size_t *len, const unsigned char *clean,
			  size_t n, struct rk_error *err)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = field[i] ? field[i] : "";
		int rc;

		if (i && put_comma(w, err) < 0)
			return -1;
		if (!clean[i]) {
			rc = put_field(w, s, err);
		} else if (len[i] <= WBUF_SIZE - w->len) {
			memcpy(w->buf + w->len, s, len[i]);
			w->len += len[i];
			rc = 0;
		} else {
			rc = put(w, s, len[i], err);
		}
		if (rc < 0)
			return -1;
	}
	return put(w, "\n", 1, err);
}

int tidy_writer_header(struct tidy_writer *w, char *const *dims, size_t ndims,
		       struct rk_error *err)
{
	const char **h = malloc((ndims + 6) * sizeof(*h));
	size_t n = 0;
	int rc;

	if (!h)
		return rk_error_set(err, RK_EXIT_SOFTWARE, w->name, 0,
				    "out of memory");
	for (size_t i = 0; i < 3; i++)
		h[n++] = fixed_head[i];
	for (size_t i = 0; i < ndims; i++)
		h[n++] = dims[i];
	for (size_t i = 0; i < 3; i++)
		h[n++] = fixed_tail[i];
	rc = tidy_writer_row(w, h, NULL, n, err);
	free(h);
	return rc;
}

int tidy_writer_close(struct tidy_writer *w, struct rk_error *err)
{
	int rc = 0;

	if (!w)
		return 0;
	if (flush(w, err) < 0 || fflush(w->out) != 0)
		rc = err && err->code ? -1
				      : rk_error_set(err, RK_EXIT_IOERR, w->name,
						     0, "cannot write: %s",
						     strerror(errno));
	free(w);
	return rc;
}

/* ---- reading ---- */

struct tidy_reader {
	FILE *f;
	char *name;
	struct rk_text *text;
	struct csvr *csv;
	size_t ncols;
	size_t ndims;
	char **dims;
	const char **dimv;        /* handed out in tidy_row.dim */
};

static int header_error(struct tidy_reader *r, const char *what,
			struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, r->name, 1,
		     "not a tidy observation file: %s", what);
	rk_error_hint(err, "the header must be source,indicator,period,"
			   "<dimensions...>,value,status,origin");
	return -1;
}

static int check_header(struct tidy_reader *r, const struct csvr_row *h,
			struct rk_error *err)
{
	if (h->n < 6)
		return header_error(r, "too few columns", err);
	for (size_t i = 0; i < 3; i++) {
		if (strcmp(h->field[i], fixed_head[i]) != 0)
			return header_error(r, "it does not start with source,"
					       "indicator,period", err);
		if (strcmp(h->field[h->n - 3 + i], fixed_tail[i]) != 0)
			return header_error(r, "it does not end with value,"
					       "status,origin", err);
	}
	r->ncols = h->n;
	r->ndims = h->n - 6;
	r->dims = calloc(r->ndims + 1, sizeof(*r->dims));
	r->dimv = calloc(r->ndims + 1, sizeof(*r->dimv));
	if (!r->dims || !r->dimv)
		return rk_error_set(err, RK_EXIT_SOFTWARE, r->name, 1,
				    "out of memory");
	for (size_t i = 0; i < r->ndims; i++)
		if ((r->dims[i] = strdup(h->field[3 + i])) == NULL)
			return rk_error_set(err, RK_EXIT_SOFTWARE, r->name, 1,
					    "out of memory");
	return 0;
}

static int open_file(struct tidy_reader *r, const char *path,
		     struct rk_error *err)
{
	r->f = rk_infile_open(path, path, NULL, err);
	if (!r->f)
		return -1;
	r->name = strdup(strcmp(path, "-") == 0 ? "stdin" : path);
	if (!r->name)
		return rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
				    "out of memory");
	return 0;
}

static struct tidy_reader *open_reader(const char *path, int threaded,
				       struct rk_error *err)
{
	struct tidy_reader *r = calloc(1, sizeof(*r));
	struct csvr_row h;
	int rc;

	if (!r) {
		rk_error_set(err, RK_EXIT_SOFTWARE, path, 0, "out of memory");
		return NULL;
	}
	if (open_file(r, path, err) < 0)
		goto fail;
	r->text = rk_text_open(r->f, r->name, RK_ENC_UTF8, err);
	if (!r->text)
		goto fail;
	r->csv = csvr_open(r->text, ',', r->name, err);
	if (!r->csv)
		goto fail;
	/* without a thread (none could start) it reads unthreaded */
	if (threaded && csvr_thread(r->csv, err) < 0)
		rk_error_clear(err);
	while ((rc = csvr_next(r->csv, &h, err)) == 1 && h.n == 0)
		;
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		rk_error_set(err, RK_EXIT_DATAERR, r->name, 0, "empty file");
		rk_error_hint(err, "a tidy file starts with its header row");
		goto fail;
	}
	if (check_header(r, &h, err) < 0)
		goto fail;
	return r;
fail:
	tidy_reader_close(r);
	return NULL;
}

struct tidy_reader *tidy_reader_open(const char *path, struct rk_error *err)
{
	return open_reader(path, 0, err);
}

struct tidy_reader *tidy_reader_open_threaded(const char *path,
					      struct rk_error *err)
{
	return open_reader(path, 1, err);
}

char *const *tidy_reader_dims(const struct tidy_reader *r, size_t *ndims)
{
	*ndims = r->ndims;
	return r->dims;
}

/* The shortest digits of |v| (no point) that round-trip, and the decimal
 * exponent of the first: v = 0.d1d2... * 10^(e + 1). */
static void shortest(double v, char *digits, int *e)
{
	char tmp[40], *p, *q;

	for (int prec = 0; prec <= 16; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*e", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	p = tmp + (tmp[0] == '-');
	q = strchr(p, 'e');
	*e = atoi(q + 1);
	for (; p < q; p++)
		if (*p != '.')
			*digits++ = *p;
	*digits = '\0';
}

const char *tidy_value_format(double v, char *buf)
{
	char digits[24], *o = buf;
	int e, n;

	if (isnan(v) || isinf(v)) {
		buf[0] = '\0';
		return buf;
	}
	if (v == 0)
		v = 0;                  /* no "-0" */
	if (v == floor(v) && fabs(v) < 1e300) {
		snprintf(buf, TIDY_VALUE_MAX, "%.0f", v);
		return buf;
	}
	shortest(v, digits, &e);
	n = (int)strlen(digits);
	while (n > 1 && digits[n - 1] == '0')
		digits[--n] = '\0';
	if (v < 0)
		*o++ = '-';
	if (e < 0) {                    /* 0.000ddd */
		*o++ = '0';
		*o++ = '.';
		for (int i = -1; i > e; i--)
			*o++ = '0';
		memcpy(o, digits, (size_t)n + 1);
		return buf;
	}
	for (int i = 0; i < n || i <= e; i++) {   /* ddd.ddd */
		if (i == e + 1)
			*o++ = '.';
		*o++ = i < n ? digits[i] : '0';
	}
	*o = '\0';
	return buf;
}

/* A C-locale decimal: -?digits(.digits)? */
static int is_c_number(const char *s)
{
	size_t i = 0, d = 0;

	if (s[i] == '-')
		i++;
	while (s[i] >= '0' && s[i] <= '9')
		i++, d++;
	if (!d)
		return 0;
	if (s[i] == '.') {
		d = 0;
		for (i++; s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		if (!d)
			return 0;
	}
	return s[i] == '\0';
}

static int check_row(struct tidy_reader *r, const struct csvr_row *c,
		     struct rk_error *err)
{
	const char *value, *status;

	if (c->n != r->ncols)
		return rk_error_set(err, RK_EXIT_DATAERR, r->name, c->line,
				    "row has %zu fields, the header has %zu",
				    c->n, r->ncols);
	value = c->field[r->ncols - 3];
	status = c->field[r->ncols - 2];
	if (*value && !is_c_number(value)) {
		rk_error_set(err, RK_EXIT_DATAERR, r->name, c->line,
			     "value '%.*s' is not a number",
			     rk_utf8_cut(value, 64), value);
		rk_error_hint(err, "tidy values are C-locale decimals like "
				   "1234.5, or empty when missing");
		return -1;
	}
	if (!tidy_status_valid(status)) {
		rk_error_set(err, RK_EXIT_DATAERR, r->name, c->line,
			     "unknown status '%.*s'", rk_utf8_cut(status, 64),
			     status);
		rk_error_hint(err, "use one of missing, suppressed, estimated, "
				   "provisional, revised, footnote, incomplete, "
				   "or leave it empty");
		return -1;
	}
	return 0;
}

int tidy_reader_next(struct tidy_reader *r, struct tidy_row *row,
		     struct rk_error *err)
{
	struct csvr_row c;
	int rc;

	while ((rc = csvr_next(r->csv, &c, err)) == 1 && c.n == 0)
		;
	if (rc <= 0)
		return rc;
	if (check_row(r, &c, err) < 0)
		return -1;
	row->source = c.field[TIDY_SOURCE];
	row->indicator = c.field[TIDY_INDICATOR];
	row->period = c.field[TIDY_PERIOD];
	for (size_t i = 0; i < r->ndims; i++)
		r->dimv[i] = c.field[TIDY_FIRST_DIM + i];
	row->dim = r->dimv;
	row->value = c.field[r->ncols - 3];
	row->status = c.field[r->ncols - 2];
	row->origin = c.field[r->ncols - 1];
	row->line = c.line;
	return 1;
}

void tidy_reader_close(struct tidy_reader *r)
{
	if (!r)
		return;
	csvr_close(r->csv);
	rk_text_close(r->text);
	if (r->f && r->f != stdin)
		fclose(r->f);
	for (size_t i = 0; r->dims && i < r->ndims; i++)
		free(r->dims[i]);
	free(r->dims);
	free(r->dimv);
	free(r->name);
	free(r);
}
