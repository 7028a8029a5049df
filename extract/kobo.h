/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_EXTRACT_KOBO_H
#define RECKON_EXTRACT_KOBO_H

#include <stdio.h>

#include "csvsrc.h"
#include "error.h"
#include "template.h"
#include "tidy.h"

/*
 * The export of an XLSForm tool (KoBoToolbox, ODK; issue 21 item 4): one
 * row per submission, each a case, read with the form's definition (its
 * survey and choices sheets), counted as a case register's cases are
 * (template.h).  The form's questions are found by name:
 *
 *   case_key (text)            the pseudonymous case key
 *   date_received (date)       the date the complaint was received
 *   date_event (date)          the date of the event (optional)
 *   select_one LIST            a category, when LIST (or the question's
 *                              name) is a dimension of the pipeline
 *   remark                     a remark (optional)
 *
 * An export's column is the question's name, with or without its group
 * path ("case/date_received"), or one of its labels; a choice is its name
 * (as reckon template --xlsform writes them, the pipeline's codes) or one
 * of its labels.  A form reckon made says the code lists' version in its
 * settings; an export of a form made with other code lists is refused.
 */
struct kobo_read {
	const char *xlsform;            /* the form definition (xlsx) */
	const char *path, *name;        /* the export, and how errors name it */
	int book;                       /* the export is a workbook (its first
					   sheet); else delimited text */
	FILE *in;                       /* the text export, open; or NULL */
	const struct csvsrc_opts *csv;
	const char *indicator;          /* what the cases count */
	int by_event;                   /* by the event's date */
};

/* Returns 0, or -1 with err set. */
int kobo_extract(const struct kobo_read *k, const struct template_read *r,
		 struct tidy_writer *w, struct rk_error *err);

#endif
