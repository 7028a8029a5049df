/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "loadrun.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int loadrun_begin(struct rk_db *db, struct load_run *r, struct rk_error *err)
{
	char *dims = rk_db_text_array(r->dims, r->ndims);
	const char *params[6] = {
		RECKON_VERSION, r->input_name, r->config_name,
		r->config_sha256[0] ? r->config_sha256 : NULL,
		r->replace ? "true" : "false", dims
	};
	PGresult *res;

	if (!dims)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	res = rk_db_query(db, "INSERT INTO reckon.load_run (started_at, "
			      "tool_version, input_name, config_name, "
			      "config_sha256, replace, dimensions) VALUES "
			      "(now(), $1, $2, $3, $4, $5, $6) RETURNING id",
			  6, params, "cannot record the load", err);
	free(dims);
	if (!res)
		return -1;
	r->id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return 0;
}

int loadrun_finish(struct rk_db *db, const struct load_run *r,
		   struct rk_error *err)
{
	char num[7][24];
	const char *params[9];
	long long v[7] = { r->id, r->input_bytes, r->read, r->inserted,
			   r->updated, r->deleted, r->unchanged };
	PGresult *res;

	for (int i = 0; i < 7; i++) {
		snprintf(num[i], sizeof(num[i]), "%lld", v[i]);
		params[i] = num[i];
	}
	params[7] = r->input_sha256;
	res = rk_db_query(db, "UPDATE reckon.load_run SET finished_at = "
			      "clock_timestamp(), input_bytes = $2, rows_read "
			      "= $3, rows_inserted = $4, rows_updated = $5, "
			      "rows_deleted = $6, rows_unchanged = $7, "
			      "input_sha256 = $8 WHERE id = $1", 8, params,
			  "cannot record the load", err);
	PQclear(res);
	return res ? 0 : -1;
}
