/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_EXTRACT_COLLECT_H
#define RECKON_EXTRACT_COLLECT_H

#include <stddef.h>
#include <stdio.h>

#include "config.h"
#include "error.h"
#include "tidy.h"

/*
 * The forms of one source, filled by its member organisations (issue 21
 * item 3): who sent one, when, and whether it can be read, measured
 * against the source's collect: (the organisations expected, the day the
 * forms are due) the way a data-collection system's reporting-rate
 * summary is.  One row per form, in the order of the expected
 * organisations (then the forms of organisations not expected, in file
 * order), and one per expected organisation that sent none.
 *
 * The organisations expected are collect.organisations, else the codes of
 * the pipeline's organisation code list (codelists.dir/organisation.csv)
 * when it has one, else none (the summary then lists the forms read); none
 * without collect:.  A
 * form's organisation is the one it was made for (reckon template
 * --organisation), matched to an expected one through that code list
 * (code, labels, aliases) when there is one, else by its folded text
 * (letter case, spaces and punctuation aside).
 */

enum collect_status {
	COLLECT_ON_TIME,      /* saved on or before the due day */
	COLLECT_LATE,         /* after it */
	COLLECT_RECEIVED,     /* no due day given */
	COLLECT_INVALID,      /* it breaks the form's rules or is refused */
	COLLECT_DUPLICATE,    /* its organisation sent another form too */
	COLLECT_MISSING       /* an expected organisation sent none */
};

enum collect_from {
	COLLECT_FROM_WORKBOOK,  /* the workbook's last save (dcterms:modified) */
	COLLECT_FROM_FILE       /* the file's modification time */
};

struct collect_row {
	const char *organisation; /* as the config names it when expected,
				     else as the form does; "" when the form
				     names none or could not be read */
	const char *file;         /* the form; NULL when missing */
	const char *other;        /* duplicate: the organisation's other
				     forms, ", "-separated; else NULL */
	long long received;       /* seconds since the epoch */
	enum collect_from from;
	enum collect_status status;
	int has_days;             /* days_late means something: a due day
				     and a form */
	long days_late;           /* days after the due day (0 on time) */
	size_t problems;          /* invalid: how many */
	int expected;             /* among the organisations expected */
	const struct rk_error *why; /* invalid or duplicate: what is wrong */
};

struct collect;

/*
 * A summary for the source id of cfg, measured against its collect: k
 * (NULL: none; cfg and k are borrowed for the call only).  Loads the
 * organisation code list when the config has one.  Returns NULL with err
 * set: the code list's errors, out of memory.
 */
struct collect *collect_new(const struct rk_config *cfg, const char *id,
			    const struct rk_collect *k, struct rk_error *err);

/*
 * Adds a form: its file (as errors name it), the organisation it was made
 * for ("" none, NULL when the form could not be read that far), when it
 * was received and how that is known, and its problems (0, or how many,
 * with why the error that lists them; copied).  Returns 0, or -1 with err
 * set (out of memory).
 */
int collect_add(struct collect *c, const char *file, const char *organisation,
		long long received, enum collect_from from, size_t problems,
		const struct rk_error *why, struct rk_error *err);

/*
 * Once every form is added: marks the forms of an organisation that sent
 * more than one (each such organisation's is a problem: its figures would
 * be read twice), works out which are late, and adds the organisations
 * that sent none.  Returns how many forms cannot be read (invalid or
 * duplicate), or -1 with err set (out of memory).
 */
long collect_close(struct collect *c, struct rk_error *err);

/* The forms added. */
size_t collect_forms(const struct collect *c);

/* 1 when made with a collect: (its summary is asked for), else 0. */
int collect_asked(const struct collect *c);

/* The rows after collect_close; each valid until collect_free. */
size_t collect_rows(const struct collect *c);
const struct collect_row *collect_row(const struct collect *c, size_t i);

/*
 * The errors that keep forms from being read, one per invalid form and one
 * per organisation that sent more than one, in the order of the rows;
 * valid until collect_free.
 */
size_t collect_errors(const struct collect *c);
const struct rk_error *collect_error(const struct collect *c, size_t i);

/*
 * The error that stops the source when some forms cannot be read: the
 * form's own when it is the source's only one, else one that counts them
 * and names their organisations (RK_EXIT_DATAERR).
 */
void collect_fail(const struct collect *c, struct rk_error *err);

/*
 * The summary as CSV into w: source,organisation,expected,file,received,
 * received_from,status,days_late,problems (received "YYYY-MM-DD HH:MM" in
 * local time; received_from workbook or file_time; status on_time, late,
 * received, invalid, duplicate or missing).  Returns 0, or -1 with err set.
 */
int collect_write_csv(const struct collect *c, struct tidy_writer *w,
		      struct rk_error *err);

/*
 * The summary as a table for people, on f: a line that counts, "prog:
 * forms of source 'ID' ...", then a row per line, indented.
 */
void collect_table(const struct collect *c, const char *prog, FILE *f);

/* Frees; accepts NULL. */
void collect_free(struct collect *c);

#endif
