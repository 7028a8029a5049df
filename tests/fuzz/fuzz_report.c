/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What reckon-report reads that other programs wrote, on arbitrary bytes,
 * and the suppression on arbitrary tables.  The first byte picks:
 *
 *   0  manifest.json (brief_manifest_read: JSON through libyaml)
 *   1  a result CSV (brief_table_load, then every lookup)
 *   2  a table of counts and its margins: every withheld count must
 *      have its box (supp_check returns 0)
 *
 * and a first byte 'R': the rest a reason of rejects.csv, read as the
 * Data quality sheet does (brief_reason, Russian and Tajik).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "brief/reasons.h"
#include "brief/runinfo.h"
#include "brief/table.h"
#include "stats/suppress.h"

static void put(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
}

static void manifest(const char *path)
{
	struct brief_manifest m;
	struct rk_error err = { 0 };

	brief_manifest_read(&m, path, &err);
	brief_manifest_release(&m);
}

static void table(const char *path)
{
	struct brief_table t;
	struct rk_error err = { 0 };

	if (brief_table_load(&t, path, &err) == 0)
		for (size_t r = 0; r < t.nrows; r++)
			for (size_t c = 0; c < t.ncols; c++) {
				(void)brief_table_get(&t, r, (long)c);
				(void)brief_table_num(&t, r, t.col[c]);
			}
	brief_table_release(&t);
}

/*
 * Bytes as a table of counts, consistent as a published table is: k and
 * the number of dimensions, which margins are published (a bit per subset
 * of the dimensions), then base cells, each a coordinate (values 0-3) and
 * a count; every published margin is the sum of the cells under it.
 */
static void counts(const uint8_t *data, size_t size)
{
	size_t ndims, i = 3, nbase = 0;
	uint32_t coord[64][3];
	double value[64];
	double k;
	unsigned margins;
	struct supp_table *t;

	if (size < 3)
		return;
	k = 3 + data[0] % 6;
	ndims = 1 + data[1] % 3;
	margins = data[2];
	t = supp_new(ndims, k);
	if (!t)
		abort();
	while (i + ndims + 1 <= size && nbase < 64) {
		for (size_t d = 0; d < ndims; d++)
			coord[nbase][d] = data[i + d] % 4;
		value[nbase] = data[i + ndims] % 16;
		if (supp_cell(t, coord[nbase], value[nbase]) < 0)
			abort();
		if (supp_items(t) > nbase) /* a new cell, not a repeat */
			nbase++;
		i += ndims + 1;
	}
	/* each published margin: the cells with the kept dims, summed */
	for (unsigned m = 1; m < (1u << ndims); m++) {
		if (!(margins >> m & 1))
			continue;
		for (size_t b = 0; b < nbase; b++) {
			uint32_t c[3];
			double sum = 0;

			for (size_t d = 0; d < ndims; d++)
				c[d] = m >> d & 1 ? SUPP_ALL : coord[b][d];
			for (size_t o = 0; o < nbase; o++) {
				size_t d;

				for (d = 0; d < ndims; d++)
					if (c[d] != SUPP_ALL && c[d] != coord[o][d])
						break;
				if (d == ndims)
					sum += value[o];
			}
			if (supp_cell(t, c, sum) < 0)
				abort();
		}
	}
	if (supp_run(t) < 0)
		abort();
	if (supp_check(t) != 0)
		abort();             /* a withheld count without a box */
	supp_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];

	if (size == 0)
		return 0;
	if (data[0] == 'R') {
		char *text = malloc(size), buf[512];

		if (!text)
			return 0;
		memcpy(text, data + 1, size - 1);
		text[size - 1] = '\0';
		(void)brief_reason("ru", text, buf, sizeof(buf));
		(void)brief_reason("tg", text, buf, sizeof(buf));
		free(text);
		return 0;
	}
	if (data[0] % 3 == 2) {
		counts(data + 1, size - 1);
		return 0;
	}
	snprintf(path, sizeof(path), "/tmp/fuzz_report.%d", (int)getpid());
	put(path, data + 1, size - 1);
	if (data[0] % 3 == 0)
		manifest(path);
	else
		table(path);
	unlink(path);
	return 0;
}
