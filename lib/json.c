/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "json.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void json_writer_init(struct json_writer *j, FILE *f)
{
	memset(j, 0, sizeof(*j));
	j->f = f;
}

size_t json_escape(char *out, const char *s)
{
	char *p = out;

	*p++ = '"';
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '\b': *p++ = '\\'; *p++ = 'b'; break;
		case '\f': *p++ = '\\'; *p++ = 'f'; break;
		case '\n': *p++ = '\\'; *p++ = 'n'; break;
		case '\r': *p++ = '\\'; *p++ = 'r'; break;
		case '\t': *p++ = '\\'; *p++ = 't'; break;
		case '"': *p++ = '\\'; *p++ = '"'; break;
		case '\\': *p++ = '\\'; *p++ = '\\'; break;
		default:
			if (c < ' ')
				p += sprintf(p, "\\u%04x", c);
			else
				*p++ = (char)c;
		}
	}
	*p++ = '"';
	*p = '\0';
	return (size_t)(p - out);
}

void json_write_string(FILE *f, const char *s)
{
	size_t n = strlen(s);
	char small[256], *buf = 6 * n + 3 <= sizeof(small) ? small
							  : malloc(6 * n + 3);

	if (!buf) {                 /* no room to escape: write nothing */
		fputs("\"\"", f);
		return;
	}
	fwrite(buf, 1, json_escape(buf, s), f);
	if (buf != small)
		free(buf);
}

static int is_inline(const struct json_writer *j)
{
	return j->inline_from > 0 && j->depth >= j->inline_from;
}

static void newline(struct json_writer *j, int depth)
{
	putc('\n', j->f);
	for (int i = 0; i < depth; i++)
		fputs("  ", j->f);
}

/* The separator and key before a value at the current depth. */
static void member(struct json_writer *j, const char *key)
{
	if (j->depth > 0) {
		if (j->count[j->depth]++ > 0)
			putc(',', j->f);
		if (is_inline(j)) {
			if (j->count[j->depth] > 1)
				putc(' ', j->f);
		} else {
			newline(j, j->depth);
		}
	}
	if (key) {
		json_write_string(j->f, key);
		fputs(": ", j->f);
	}
}

static void begin_level(struct json_writer *j, const char *key, int inl, int c)
{
	member(j, key);
	putc(c, j->f);
	if (j->depth + 1 >= JSON_MAX_DEPTH)
		return;
	j->depth++;
	j->count[j->depth] = 0;
	if (inl && !j->inline_from)
		j->inline_from = j->depth;
}

static void end_level(struct json_writer *j, int c)
{
	int had = j->count[j->depth] > 0, was_inline = is_inline(j);

	if (j->inline_from == j->depth)
		j->inline_from = 0;
	j->depth--;
	if (had && !was_inline)
		newline(j, j->depth);
	putc(c, j->f);
}

void json_object_begin(struct json_writer *j, const char *key, int inl)
{
	begin_level(j, key, inl, '{');
}

void json_object_end(struct json_writer *j)
{
	end_level(j, '}');
}

void json_array_begin(struct json_writer *j, const char *key, int inl)
{
	begin_level(j, key, inl, '[');
}

void json_array_end(struct json_writer *j)
{
	end_level(j, ']');
}

void json_string(struct json_writer *j, const char *key, const char *s)
{
	member(j, key);
	if (s)
		json_write_string(j->f, s);
	else
		fputs("null", j->f);
}

void json_int(struct json_writer *j, const char *key, long long v)
{
	member(j, key);
	fprintf(j->f, "%lld", v);
}

void json_seconds(struct json_writer *j, const char *key, double v)
{
	long long ms = (long long)(v * 1000.0 + 0.5);

	member(j, key);
	/* integer arithmetic: no locale can put a comma here */
	fprintf(j->f, "%lld.%03lld", ms / 1000, ms % 1000);
}

void json_bool(struct json_writer *j, const char *key, int v)
{
	member(j, key);
	fputs(v ? "true" : "false", j->f);
}

void json_null(struct json_writer *j, const char *key)
{
	member(j, key);
	fputs("null", j->f);
}

int json_writer_finish(struct json_writer *j, const char *name,
		       struct rk_error *err)
{
	putc('\n', j->f);
	if (fflush(j->f) != 0 || ferror(j->f))
		return rk_error_set(err, RK_EXIT_IOERR, name, 0,
				    "cannot write: %s", strerror(errno));
	return 0;
}
