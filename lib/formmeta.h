/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_FORMMETA_H
#define RECKON_FORMMETA_H

#include <stddef.h>

#include "error.h"
#include "sha256.h"

struct rk_config;

/*
 * The data-entry workbooks of issue 21, as reckon-template writes them and
 * reckon-extract reads them: what both must agree on.
 *
 * A template holds, beside its visible sheets, a hidden sheet FORM_META
 * whose rows (column A a key, B onwards its values) say where everything
 * is, so that a filled template is read with no layout at all:
 *
 *   reckon-template  FORM_VERSION
 *   pipeline         the pipeline's name
 *   source           the source id the form is for
 *   organisation     who fills it in (may be empty)
 *   lang             the form's language (en, ru, tg)
 *   codelists        form_codelists_hash of the lists it offers
 *   dims             the dimensions it breaks figures down by
 *   sheet            NAME  crosstab|long  INDICATOR  FIRST-ROW  LAST-ROW
 *                    (the rows of the entries)
 *   row              SHEET-NAME  ROW  CODE...        (crosstab: a row's codes)
 *   col              SHEET-NAME  COLUMN  PERIOD      (crosstab: a column's period)
 *   remark           SHEET-NAME  COLUMN              (the remark column)
 *
 * Rows and columns are 0-based, as the workbook readers count them less
 * one for rows (a row here is the sheet's row number minus 1).
 *   label            DIM  CODE  LABEL                (long: what a dropdown
 *                    shows for a code; DIM "period" for periods)
 *   status           STATUS  WORD                    (the words a filler
 *                    may write for a status)
 *
 * The hidden sheet FORM_LISTS holds the dropdowns' lists.
 */
#define FORM_META "_reckon"
#define FORM_LISTS "_lists"
#define FORM_MAGIC "reckon-template"
#define FORM_VERSION "1"

/*
 * The words a filler may write instead of a number, for the tidy statuses
 * a form offers (missing, suppressed), in lang ("en", "ru", "tg"); NULL
 * for another status.
 */
const char *form_status_word(const char *status, const char *lang);

/* The tidy statuses a form offers, NULL-ended. */
extern const char *const form_statuses[];

/*
 * The SHA-256 (hex) of the code lists a form offers, by name (the
 * indicator list, then each dimension's): the config's codelists.dir/NAME.csv,
 * each file's digest in order.  A list the config has no file for counts as
 * absent.  Returns 0, or -1 with err set (RK_EXIT_IOERR and the like).
 */
int form_codelists_hash(const struct rk_config *c, char *const *names,
			size_t n, char hex[RK_SHA256_HEX],
			struct rk_error *err);

#endif
