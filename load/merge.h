/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_MERGE_H
#define RECKON_MERGE_H

#include <stddef.h>

#include "db.h"
#include "error.h"
#include "loadrun.h"
#include "stage.h"

/*
 * Merges the staged rows (stage.h) into reckon.observation, keyed by
 * (source, indicator, period, dims_key): new keys are inserted, rows whose
 * value, status or origin differ are updated, identical rows are left
 * untouched (their load_run stays the one that wrote them).  When the
 * warehouse holds nothing yet of the staged sources and indicators, the
 * rows are simply inserted; else one join classifies them first, and
 * only what is new or changed is written.  With
 * r->replace, the rows of each staged (source, indicator) whose period
 * lies inside the staged period range and that the file no longer has are
 * deleted.  What an update replaces and what --replace deletes is first
 * copied, as it was, into reckon.observation_history, superseded by this
 * load (load/migrations/002_editions.sql), so every edition's figures stay.
 * Sources seen for the first time are added to reckon.source.
 *
 * Runs inside the load's transaction.  Sets r->inserted, updated, deleted
 * and unchanged (r->read must be set).  When the server rejects a row,
 * the row is found again and err names the input line and origin
 * (RK_EXIT_DATAERR; file is r->input_name): a key repeated in the file,
 * a value the server cannot take, a broken constraint.
 */
int merge_apply(struct rk_db *db, struct load_run *r, const struct stage *st,
		struct rk_error *err);

#endif
