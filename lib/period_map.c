/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "period_map.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "grow.h"
#include "map.h"
#include "text.h"
#include "utf8.h"

struct rk_period_map {
	const char *name;         /* borrowed from the loader's caller */
	struct rk_map *index;     /* text → entry */
	struct rk_period *p;
	size_t n, cap;
};

/* The columns text and period, by the header row. */
struct columns {
	size_t text, period;
};

static int read_header(const struct rk_period_map *m,
		       const struct csvr_row *r, struct columns *c,
		       struct rk_error *err)
{
	int have_text = 0, have_period = 0;

	for (size_t i = 0; i < r->n; i++) {
		if (!strcmp(r->field[i], "text") && !have_text) {
			c->text = i;
			have_text = 1;
		} else if (!strcmp(r->field[i], "period") && !have_period) {
			c->period = i;
			have_period = 1;
		}
	}
	if (have_text && have_period)
		return 0;
	rk_error_set(err, RK_EXIT_CONFIG, m->name, r->line,
		     "the period map has no '%s' column",
		     have_text ? "period" : "text");
	rk_error_hint(err, "start it with the header text,period");
	return -1;
}

static int add(struct rk_period_map *m, const struct csvr_row *r,
	       const struct columns *c, struct rk_error *err)
{
	char why[RK_PERIOD_REASON];
	const char *text = c->text < r->n ? r->field[c->text] : "";
	const char *per = c->period < r->n ? r->field[c->period] : "";
	size_t len = c->text < r->n ? r->len[c->text] : 0;
	struct rk_period p;
	int rc;

	if (rk_period_parse(per, strlen(per), &p, why) < 0 || !p.year) {
		rk_error_set(err, RK_EXIT_CONFIG, m->name, r->line,
			     "cannot read period '%.*s' for '%.*s': %s",
			     rk_utf8_cut(per, 64), per, rk_utf8_cut(text, 64),
			     text, why[0] ? why : "no year");
		rk_error_hint(err, "write it in tidy form: 2024, 2024-Q3, "
			      "2024-07-15, 2004-04/2005-03 or 2000-01/2007-12");
		return -1;
	}
	if (rk_grow((void **)&m->p, &m->cap, m->n + 1, sizeof(*m->p)) < 0)
		return rk_error_oom(err);
	rc = rk_map_put(m->index, text, len, m->n, NULL, NULL);
	if (rc < 0)
		return rk_error_oom(err);
	if (rc == 0) {
		rk_error_set(err, RK_EXIT_CONFIG, m->name, r->line,
			     "'%.*s' is in the period map twice",
			     rk_utf8_cut(text, 64), text);
		rk_error_hint(err, "keep one line for each text");
		return -1;
	}
	m->p[m->n++] = p;
	return 0;
}

static int read_rows(struct rk_period_map *m, struct csvr *csv,
		     struct rk_error *err)
{
	struct csvr_row r;
	struct columns c = { 0, 0 };
	int rc, have_header = 0;

	while ((rc = csvr_next(csv, &r, err)) == 1) {
		if (r.n == 0)
			continue;
		if (!have_header) {
			have_header = 1;
			rc = read_header(m, &r, &c, err);
		} else {
			rc = add(m, &r, &c, err);
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

struct rk_period_map *rk_period_map_load(const char *path,
					 struct rk_error *err)
{
	struct rk_period_map *m = calloc(1, sizeof(*m));
	struct rk_text *text = NULL;
	struct csvr *csv = NULL;
	FILE *f = NULL;
	int rc = -1;

	if (!m || !(m->index = rk_map_new())) {
		rk_error_oom(err);
		goto out;
	}
	m->name = path;
	if (!(f = fopen(path, "rb"))) {
		rk_error_set(err, RK_EXIT_NOINPUT, path, 0,
			     "cannot open the period map: %s", strerror(errno));
		rk_error_hint(err, "create it with the header text,period, or "
			      "check period.map in the config");
		goto out;
	}
	if ((text = rk_text_open(f, path, RK_ENC_UTF8, err)) &&
	    (csv = csvr_open(text, ',', path, err)))
		rc = read_rows(m, csv, err);
out:
	csvr_close(csv);
	rk_text_close(text);
	if (f)
		fclose(f);
	if (rc < 0) {
		rk_period_map_free(m);
		return NULL;
	}
	return m;
}

int rk_period_map_find(const struct rk_period_map *m, const char *text,
		       size_t len, struct rk_period *p)
{
	size_t at;

	if (!m || !rk_map_get(m->index, text, len, &at))
		return -1;
	*p = m->p[at];
	return 0;
}

void rk_period_map_free(struct rk_period_map *m)
{
	if (!m)
		return;
	rk_map_free(m->index);
	free(m->p);
	free(m);
}
