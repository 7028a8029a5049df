/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "error.h"

#include <stdarg.h>
#include <string.h>

const char rk_exit_codes_help[] =
	"exit status: 0 ok; 1 done, but thresholds crossed; 64 usage; "
	"65 bad input data;\n"
	"66 input missing; 69 database unavailable; 70 internal error;\n"
	"73 cannot create output; 74 I/O error; 78 bad configuration\n";

void rk_error_clear(struct rk_error *e)
{
	if (e)
		memset(e, 0, sizeof(*e));
}

int rk_error_set(struct rk_error *e, int code, const char *file, long line,
		 const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	rk_error_clear(e);
	e->code = code;
	if (file)
		snprintf(e->file, sizeof(e->file), "%s", file);
	e->line = line;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int rk_error_oom(struct rk_error *e)
{
	return rk_error_set(e, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
}

void rk_error_hint(struct rk_error *e, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return;
	va_start(ap, fmt);
	vsnprintf(e->hint, sizeof(e->hint), fmt, ap);
	va_end(ap);
}

void rk_error_column(struct rk_error *e, long column)
{
	if (e)
		e->column = column;
}

void rk_error_cell(struct rk_error *e, const char *cell)
{
	if (e)
		snprintf(e->cell, sizeof(e->cell), "%s", cell ? cell : "");
}

static void print_place(FILE *f, const struct rk_error *e)
{
	if (!e->file[0] && !e->cell[0])
		return;
	fputs(" (", f);
	fputs(e->file, f);
	if (e->cell[0])
		fprintf(f, "%s%s", e->file[0] ? "#" : "", e->cell);
	else if (e->line > 0) {
		fprintf(f, ":%ld", e->line);
		if (e->column > 0)
			fprintf(f, ":%ld", e->column);
	}
	fputc(')', f);
}

void rk_error_print(FILE *f, const char *prog, const struct rk_error *e)
{
	fprintf(f, "%s: %s", prog, e->msg[0] ? e->msg : "unknown error");
	print_place(f, e);
	if (e->hint[0])
		fprintf(f, ": %s", e->hint);
	fputc('\n', f);
}
