/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bookcells.h"

#include <stdio.h>
#include <string.h>

#include "book/cellref.h"

static int write_sheet(struct book *b, size_t i, struct tidy_writer *w,
		       struct rk_error *err)
{
	struct sheet *s = book_sheet_open(b, i, err);
	const char *name = book_sheet_name(b, i);
	struct sheet_row row;
	size_t name_len = strlen(name);
	int rc;

	if (!s)
		return -1;
	while ((rc = sheet_next_row(s, &row, err)) > 0) {
		for (size_t k = 0; k < row.n; k++) {
			char ref[CELLREF_BUF], type = row.cell[k].type;
			const char *f[4] = { name, ref, &type, row.cell[k].text };
			size_t len[4] = { name_len, 0, 1, row.cell[k].len };

			len[1] = cellref_format(row.row, row.cell[k].col, ref);
			if (tidy_writer_row(w, f, len, 4, err) < 0) {
				rc = -1;
				break;
			}
		}
		if (rc < 0)
			break;
	}
	sheet_close(s);
	return rc < 0 ? -1 : 0;
}

int bookcells_write(struct book *b, const char *sheet, struct tidy_writer *w,
		    struct rk_error *err)
{
	static const char *const head[4] = { "sheet", "cell", "type", "value" };
	long only = -1;

	if (sheet && (only = book_find_sheet(b, sheet)) < 0) {
		rk_error_set(err, RK_EXIT_USAGE, book_name(b), 0,
			     "no worksheet '%s'", sheet);
		rk_error_hint(err, "--list-sheets shows the worksheets");
		return -1;
	}
	if (tidy_writer_row(w, head, NULL, 4, err) < 0)
		return -1;
	for (size_t i = 0; i < book_sheet_count(b); i++)
		if ((only < 0 || (size_t)only == i) && write_sheet(b, i, w, err) < 0)
			return -1;
	return 0;
}

int bookcells_list_sheets(const struct book *b, struct tidy_writer *w,
			  struct rk_error *err)
{
	static const char *const head[2] = { "index", "sheet" };

	if (tidy_writer_row(w, head, NULL, 2, err) < 0)
		return -1;
	for (size_t i = 0; i < book_sheet_count(b); i++) {
		char num[24];
		const char *f[2] = { num, book_sheet_name(b, i) };

		snprintf(num, sizeof(num), "%zu", i + 1);
		if (tidy_writer_row(w, f, NULL, 2, err) < 0)
			return -1;
	}
	return 0;
}
