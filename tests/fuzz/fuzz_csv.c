/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The delimited-text path of reckon-extract: decoding, sniffing, libcsv,
 * the layout engine and value parsing, on arbitrary bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "csvsrc.h"
#include "layout.h"
#include "value.h"

static FILE *sink(void)
{
	static FILE *f;

	if (!f)
		f = fopen("/dev/null", "w");
	return f;
}

static void run_layout(const uint8_t *data, size_t size, struct rk_kv *fields,
		       size_t nfields, long header_row)
{
	static char *dims[] = { "region", "sex" };
	struct rk_kv sent[] = { { "-", "0", { 0, 0 } }, { "н/д", "missing", { 0, 0 } } };
	struct rk_kv marks[] = { { "~", "revised", { 0, 0 } } };
	struct rk_kv blanks[] = { { "region", "fill_down", { 0, 0 } } };
	struct rk_kv remarks[] = { { "x", "suppressed", { 0, 0 } } };
	char *values[] = { "C" };
	struct rk_layout lay = { .header_rows = -1, .header_row = header_row };
	struct layout_spec spec = { "src", "fuzz", "fuzz.csv", &lay, NULL, dims,
				    2, NULL, NULL, NULL };
	struct rk_error err = { 0 };
	struct csvsrc_opts o = { .encoding = RK_ENC_AUTO };
	struct layout *L;
	struct tidy_writer *w;
	FILE *in = fmemopen((void *)data, size, "rb");

	lay.fields = (struct rk_kvlist){ fields, nfields };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	lay.sentinels = (struct rk_kvlist){ sent, 2 };
	lay.skip_rows = "^(Итого|Total)";      /* the sources' totals */
	lay.stop_at = "^\\*";                  /* then the notes under it */
	lay.marks = (struct rk_kvlist){ marks, 1 };
	lay.blank_labels = (struct rk_kvlist){ blanks, 1 };
	lay.remark = "D";                       /* a remark column */
	lay.remarks = (struct rk_kvlist){ remarks, 1 };
	spec.dry = sink();                      /* the --dry-run report too */
	L = layout_new(&spec, &err);
	w = tidy_writer_open(sink(), "out", &err);
	if (in && L && w)
		csvsrc_extract(in, "fuzz", &o, L, w, &err);
	tidy_writer_close(w, NULL);
	layout_free(L);
	if (in)
		fclose(in);
}

static struct csvr *reader(const uint8_t *data, size_t size, FILE **f,
			   struct rk_text **t, size_t segment)
{
	struct rk_error err = { 0 };
	struct csvr *r;

	*f = fmemopen((void *)data, size, "rb");
	*t = *f ? rk_text_open(*f, "fuzz", RK_ENC_UTF8, &err) : NULL;
	r = *t ? csvr_open(*t, ',', "fuzz", &err) : NULL;
	if (r && segment) {
		csvr_set_segment(r, segment);
		csvr_thread(r, &err);
	}
	return r;
}

static void done(struct csvr *r, struct rk_text *t, FILE *f)
{
	csvr_close(r);
	rk_text_close(t);
	if (f)
		fclose(f);
}

/*
 * The reader parsing in segments on threads (cut every few bytes here)
 * must give what the plain one gives: the same rows, lines, records and
 * error.
 */
static void differential(const uint8_t *data, size_t size)
{
	FILE *f1, *f2;
	struct rk_text *t1, *t2;
	struct csvr *a = reader(data, size, &f1, &t1, 0);
	struct csvr *b = reader(data, size, &f2, &t2, size ? 1 + data[0] % 48 : 1);
	struct rk_error ea = { 0 }, eb = { 0 };
	struct csvr_row x, y;
	int ra = 0, rb = 0;

	while (a && b) {
		ra = csvr_next(a, &x, &ea);
		rb = csvr_next(b, &y, &eb);
		if (ra != rb)
			abort();
		if (ra != 1)
			break;
		if (x.n != y.n || x.line != y.line || x.record != y.record)
			abort();
		for (size_t i = 0; i < x.n; i++)
			if (x.len[i] != y.len[i] ||
			    memcmp(x.field[i], y.field[i], x.len[i]) != 0)
				abort();
	}
	if (ra < 0 && (ea.code != eb.code || ea.line != eb.line ||
		       strcmp(ea.msg, eb.msg) != 0))
		abort();
	done(a, t1, f1);
	done(b, t2, f2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rk_kv by_letter[] = { { "region", "A", { 0, 0 } },
				     { "sex", "B", { 0, 0 } } };
	struct rk_kv by_text[] = { { "region", "Регион", { 0, 0 } } };
	struct rk_error err = { 0 };
	struct csvsrc_opts o = { .encoding = RK_ENC_AUTO };
	char num[300];
	FILE *in;
	struct tidy_writer *w;

	if (size < 280) {
		value_parse((const char *)data, size, VALUE_DECIMAL_AUTO, num);
		value_parse((const char *)data, size, VALUE_DECIMAL_COMMA, num);
	}
	differential(data, size);
	run_layout(data, size, by_letter, 2, 0);
	run_layout(data, size, by_text, 1, -1);
	in = fmemopen((void *)data, size, "rb");
	w = tidy_writer_open(sink(), "out", &err);
	if (in && w)
		csvsrc_cells(in, "fuzz", "fuzz", &o, w, &err);
	tidy_writer_close(w, NULL);
	if (in)
		fclose(in);
	return 0;
}
