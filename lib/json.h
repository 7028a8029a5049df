/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_JSON_H
#define RECKON_JSON_H

#include <stdio.h>

#include "error.h"

/*
 * A JSON writer for the run manifest: keys come out in the order they are
 * written, two spaces of indent, one member a line, except inside an
 * object or array begun "inline", which stays on one line.  Strings are
 * UTF-8 and escaped as RFC 8259 requires; numbers are written in the C
 * locale.  The same calls give the same bytes.
 *
 * key is the member name inside an object and NULL inside an array.
 * Nesting deeper than JSON_MAX_DEPTH is a programming error (ignored).
 */
#define JSON_MAX_DEPTH 16

struct json_writer {
	FILE *f;                        /* borrowed */
	int depth;
	int count[JSON_MAX_DEPTH];      /* members written at each level */
	int inline_from;                /* depth where inline began; 0 = none */
};

void json_writer_init(struct json_writer *j, FILE *f);

void json_object_begin(struct json_writer *j, const char *key, int inl);
void json_object_end(struct json_writer *j);
void json_array_begin(struct json_writer *j, const char *key, int inl);
void json_array_end(struct json_writer *j);

/* s NULL writes null. */
void json_string(struct json_writer *j, const char *key, const char *s);
void json_int(struct json_writer *j, const char *key, long long v);
/* Three decimals, for seconds. */
void json_seconds(struct json_writer *j, const char *key, double v);
void json_bool(struct json_writer *j, const char *key, int v);
void json_null(struct json_writer *j, const char *key);

/* Ends the document with a newline; -1 with err set if writing failed. */
int json_writer_finish(struct json_writer *j, const char *name,
		       struct rk_error *err);

/* Writes s as a JSON string (with quotes) to f. */
/*
 * s as a JSON string with its quotes, escaped the way PostgreSQL's
 * escape_json() does (so that a key built here equals the jsonb text the
 * database prints): into out, which holds 6 * strlen(s) + 3 bytes; returns
 * the length written (out is NUL-terminated).  The one JSON escaper.
 */
size_t json_escape(char *out, const char *s);

/* Writes s as a JSON string (with quotes, json_escape) to f. */
void json_write_string(FILE *f, const char *s);

#endif
