/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_FORMS_WRITE_H
#define RECKON_FORMS_WRITE_H

#include "error.h"
#include "form.h"

/*
 * Writes the template of f to path (a temporary name, renamed into place
 * when whole): an instructions sheet, an entry sheet per indicator, the
 * hidden lists and metadata (../lib/formmeta.h).  created: the workbook's
 * date (seconds since the epoch).  Returns 0, or -1 with err set
 * (RK_EXIT_CANTCREAT, RK_EXIT_IOERR).
 */
int form_write(const struct form *f, const char *path, long long created,
	       struct rk_error *err);

/*
 * Renames the workbook libxlsxwriter wrote to tmp (rc: what workbook_close
 * returned) into place at path, or removes it.  Returns 0, or -1 with err
 * set (RK_EXIT_IOERR).
 */
int form_commit(const char *tmp, const char *path, int rc,
		struct rk_error *err);

/*
 * Writes an XLSForm (survey, choices, settings) for f's case register, for
 * KoBoToolbox or ODK: questions case_key, date_received, date_event, a
 * select_one per dimension with the code lists' codes as choice names and
 * their labels in en, ru and tg, remark; the settings' version says the
 * code lists' version.  Returns 0, or -1 with err set.
 */
int form_write_xlsform(const struct form *f, const char *path,
		       long long created, struct rk_error *err);

#endif
