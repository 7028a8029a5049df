/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_EXTRACT_TEMPLATE_H
#define RECKON_EXTRACT_TEMPLATE_H

#include <stddef.h>

#include "book/book.h"
#include "error.h"
#include "tidy.h"

struct rk_config;

/*
 * The cases of a source's registers (--shape cases): counted once every
 * register of the source is read, so that a case two registers hold is
 * counted once.
 */
struct template_cases;

/*
 * A filled data-entry template (reckon-template, ../lib/formmeta.h): read
 * with no layout, where its hidden metadata says everything is.
 */

/* 1 when b is a reckon template (it has the metadata sheet), else 0. */
int template_is(const struct book *b);

struct template_read {
	const struct rk_config *cfg;   /* the pipeline; its name, code lists */
	const char *source_id;         /* the source being extracted */
	const char *origin_name;       /* the file as origins name it */
	char *const *dims;             /* the pipeline's dimensions */
	size_t ndims;
	int *header_written;           /* the tidy header is written (by
					  template_form_write, once nothing
					  can fail any more) when this is 0 */
	struct template_cases **cases; /* where registers' cases gather
					  (made on the first; NULL: a
					  register is refused) */
	char *warning;                 /* empty cells read as missing; may
					  be NULL */
	size_t warning_size;
};

/*
 * A filled template read and checked, its figures not yet written: so that
 * every form of a source is checked, and its problems gathered, before any
 * is written.
 */
struct template_form;

/*
 * Reads template b and checks it against the pipeline and every entry
 * against the form's rules, writing nothing: a template made for another
 * pipeline, source or code-list version is refused, and each cell that
 * breaks the form's rules is named.  *out is the form whether or
 * not it can be written (template_form_problems says what is wrong); it
 * borrows r's pointers (the config, the dimensions, header_written, cases,
 * warning), which must outlive it, and copies r->origin_name and the
 * book's name: b may be closed.  Returns 0, or -1 with err set when the
 * form cannot be read for another reason than what it holds (out of
 * memory, an error of the reader other than RK_EXIT_DATAERR).
 */
int template_form_read(struct book *b, const struct template_read *r,
		       struct template_form **out, struct rk_error *err);

/*
 * The organisation the form was made for ("" when none); NULL when its
 * metadata could not be read.  Valid until template_form_free.
 */
const char *template_form_organisation(const struct template_form *f);

/*
 * How many problems keep the form from being written: the cells that
 * break its rules, or 1 for a form refused whole (made for another
 * pipeline, source or code-list version, a sheet gone, a damaged
 * workbook); 0 when none.  *why is the error that says what they are
 * (RK_EXIT_DATAERR, the cells named; NULL when none), valid until
 * template_form_free.
 */
size_t template_form_problems(const struct template_form *f,
			      const struct rk_error **why);

/*
 * Writes the form's figures as tidy rows into w (the header first, unless
 * *r->header_written): a number cell as its value, a status word ("нет
 * данных", "скрыто") as that status, an empty entry cell as missing (never
 * 0, and said in r->warning), a remark as a note of the source; the form's
 * organisation fills a pipeline dimension named "organisation"; a
 * register's cases go into *r->cases.  Returns 0, or -1 with err set: the
 * form's problems when it has any (nothing is written), or the writer's
 * error.  Once per form.
 */
int template_form_write(struct template_form *f, struct tidy_writer *w,
			struct rk_error *err);

/* Frees; accepts NULL. */
void template_form_free(struct template_form *f);

/*
 * Writes the counts of the registers read into *r->cases: for each
 * indicator, period of the form and combination of categories, the
 * number of cases (0 where there is none: a register covers its period
 * and categories), origin the registers' sheet.  A case is the same when
 * its key (folded: letter case and spaces do not matter) and the date it
 * counts by are; one that two registers hold is counted once, and said so
 * in r->warning.  cases_out, when not NULL, gets the cases as a case list
 * for capture-recapture: "key,indicator,period,<dims>", the key replaced
 * by a code made from it and the pipeline's name (never the key itself).
 * Returns 0, or -1 with err set.
 */
int template_cases_flush(struct template_cases *c, const struct template_read *r,
			 struct tidy_writer *w, struct tidy_writer *cases_out,
			 struct rk_error *err);

void template_cases_free(struct template_cases *c);

/*
 * A register given as rows rather than as a reckon workbook (an XLSForm
 * tool's export, kobo.c): meta[0..nmeta) the rows its metadata would hold
 * (meta_n[i] values each: "dims", "label" rows for the categories and
 * "label period" rows for the periods, as formmeta.h), cells nrows rows of
 * ncols: the key, the date received, the date of the event, each of the
 * form's dimensions, a remark (NULL or "" when empty).  Its cases are
 * checked and gathered into *r->cases as a register's are; problems name
 * the export's cells (row 2 the first submission).  Returns 0, or -1 with
 * err set.
 */
int template_register_rows(const struct template_read *r, const char *file,
			   const char *sheet, const char *indicator,
			   int by_event, char *const *const *meta,
			   const size_t *meta_n, size_t nmeta,
			   char *const *cells, size_t ncols, size_t nrows,
			   struct tidy_writer *w, struct rk_error *err);

#endif
