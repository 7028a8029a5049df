/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The pipeline config loader on arbitrary bytes: the one libyaml parse,
 * the tree checks, the fill by the schema and the build of struct
 * rk_config, then every string of the result read back and freed.  Bad
 * input is an error with a message, never an internal error (exit 70):
 * that would mean the fill met what the checks should have refused.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

static size_t touch(const char *s)
{
	return s ? strlen(s) : 0;
}

static size_t touch_list(const struct rk_strlist *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += touch(l->items[i]);
	return n;
}

static size_t touch_kv(const struct rk_kvlist *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += touch(l->items[i].key) + touch(l->items[i].value);
	return n;
}

static size_t touch_source(const struct rk_config *c,
			   const struct rk_source *s)
{
	const struct rk_layout *l = &s->layout;

	if (rk_config_source(c, s->id) == NULL)
		abort();
	return touch(s->id) + touch(s->name.en) + touch(s->kind) +
	       touch(s->file) + touch(s->file_as_written) + touch(l->sheet) +
	       touch(l->range) + touch_kv(&l->fields) + touch_list(&l->values) +
	       touch_list(&l->value_headers) + touch(l->period) +
	       touch(l->skip_rows) + touch(l->stop_at) +
	       touch_kv(&l->sentinels) + touch(l->decimal) +
	       touch(l->encoding) + touch(l->delimiter) +
	       touch_kv(&s->constants);
}

static size_t touch_config(const struct rk_config *c)
{
	size_t i, n = touch(c->path) + touch(c->dir) + touch(c->pipeline) +
		      touch(c->title.ru) + touch(c->period_grain) +
		      touch_list(&c->dimensions) + touch(c->codelists_dir) +
		      touch_kv(&c->unmapped) + touch(c->report.output) +
		      touch_list(&c->report.languages);

	for (i = 0; i < c->nstrip; i++)
		n += touch(c->strip[i].dimension) +
		     touch_list(&c->strip[i].affixes);
	for (i = 0; i < c->nsources; i++)
		n += touch_source(c, &c->sources[i]);
	for (i = 0; i < c->nrules; i++)
		n += touch(c->rules[i].check) + touch(c->rules[i].severity);
	for (i = 0; i < c->ncompares; i++)
		n += touch(c->compares[i].reference) +
		     touch_list(&c->compares[i].against);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rk_error err = { 0 };
	struct rk_config *c;

	c = rk_config_load_data((const char *)data, size, "fuzz/pipeline.yaml",
				&err);
	if (c) {
		if (err.code || touch_config(c) == 0)
			abort();
	} else if (!err.code || !err.msg[0] ||
		   !strncmp(err.msg, "internal error", 14)) {
		abort();
	}
	rk_config_free(c);
	return 0;
}
