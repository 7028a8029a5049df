/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The delimited-text path of reckon-extract: decoding, sniffing, libcsv,
 * the layout engine and value parsing, on arbitrary bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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
	char *values[] = { "C" };
	struct rk_layout lay = { .header_rows = -1, .header_row = header_row };
	struct layout_spec spec = { "src", "fuzz", "fuzz.csv", &lay, NULL, dims,
				    2, NULL, NULL };
	struct rk_error err = { 0 };
	struct csvsrc_opts o = { RK_ENC_AUTO, 0, NULL };
	struct layout *L;
	struct tidy_writer *w;
	FILE *in = fmemopen((void *)data, size, "rb");

	lay.fields = (struct rk_kvlist){ fields, nfields };
	lay.values = (struct rk_strlist){ values, 1, { 0, 0 } };
	lay.sentinels = (struct rk_kvlist){ sent, 2 };
	lay.skip_rows = "^(Итого|Total)";
	L = layout_new(&spec, &err);
	w = tidy_writer_open(sink(), "out", &err);
	if (in && L && w)
		csvsrc_extract(in, "fuzz", &o, L, w, &err);
	tidy_writer_close(w, NULL);
	layout_free(L);
	if (in)
		fclose(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rk_kv by_letter[] = { { "region", "A", { 0, 0 } },
				     { "sex", "B", { 0, 0 } } };
	struct rk_kv by_text[] = { { "region", "Регион", { 0, 0 } } };
	struct rk_error err = { 0 };
	struct csvsrc_opts o = { RK_ENC_AUTO, 0, NULL };
	char num[300];
	FILE *in;
	struct tidy_writer *w;

	if (size < 280) {
		value_parse((const char *)data, size, VALUE_DECIMAL_AUTO, num);
		value_parse((const char *)data, size, VALUE_DECIMAL_COMMA, num);
	}
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
