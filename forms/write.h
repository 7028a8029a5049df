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

#endif
