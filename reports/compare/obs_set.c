/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "obs_set.h"
#include "grow.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

#define NONE ((size_t)-1)

size_t obs_set_intern(struct obs_set *s, const char *text)
{
	size_t id = s->nstr;
	const char *stored;
	int rc;

	if (rk_grow((void **)&s->str, &s->strcap, s->nstr + 1, sizeof(*s->str)) < 0)
		return NONE;
	rc = rk_map_put(s->strings, text, strlen(text), id, &id, &stored);
	if (rc < 0)
		return NONE;
	if (rc == 1)
		s->str[s->nstr++] = stored;
	return id;
}

size_t obs_set_find(const struct obs_set *s, const char *text)
{
	size_t id;

	return rk_map_get(s->strings, text, strlen(text), &id) ? id : NONE;
}

static char **copy_list(char *const *v, size_t n)
{
	char **c = calloc(n + 1, sizeof(*c));

	for (size_t i = 0; c && i < n; i++) {
		if ((c[i] = strdup(v[i])) == NULL) {
			for (size_t j = 0; j < i; j++)
				free(c[j]);
			free(c);
			return NULL;
		}
	}
	return c;
}

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

struct obs_set *obs_set_new(char *const *dims, size_t ndims)
{
	struct obs_set *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->ndims = ndims;
	s->dim = copy_list(dims, ndims);
	s->strings = rk_map_new();
	s->keys = rk_map_new();
	if (!s->dim || !s->strings || !s->keys || obs_set_intern(s, "") != 0 ||
	    obs_set_intern(s, "incomplete") != OBS_INCOMPLETE) {
		obs_set_free(s);
		return NULL;
	}
	return s;
}

/* Re-keys every row for duplicate checks after the dimensions changed. */
static int rebuild_keys(struct obs_set *s)
{
	size_t w = 3 + s->ndims, *key = malloc(w * sizeof(*key));
	struct rk_map *m = rk_map_new();

	for (size_t i = 0; key && m && i < s->n; i++) {
		key[0] = s->row[i].source;
		key[1] = s->row[i].indicator;
		key[2] = s->row[i].period;
		memcpy(key + 3, obs_set_dims(s, i), s->ndims * sizeof(*key));
		if (rk_map_put(m, key, w * sizeof(*key), i, NULL, NULL) < 0)
			break;
	}
	free(key);
	if (!key || !m || rk_map_count(m) != s->n) {
		rk_map_free(m);
		return -1;
	}
	rk_map_free(s->keys);
	s->keys = m;
	return 0;
}

size_t obs_set_dim(struct obs_set *s, const char *name)
{
	size_t k = s->ndims, *dv;
	char **names;

	for (size_t i = 0; i < s->ndims; i++)
		if (strcmp(s->dim[i], name) == 0)
			return i;
	names = realloc(s->dim, (k + 2) * sizeof(*names));
	if (!names)
		return NONE;
	s->dim = names;
	dv = calloc(s->n * (k + 1) + 1, sizeof(*dv));
	if (!dv || !(names[k] = strdup(name))) {
		free(dv);
		return NONE;
	}
	names[k + 1] = NULL;
	for (size_t i = 0; i < s->n; i++) {
		memcpy(dv + i * (k + 1), obs_set_dims(s, i), k * sizeof(*dv));
		s->row[i].dims = i * (k + 1);
	}
	free(s->dimval);
	s->dimval = dv;
	s->dimcap = s->n * (k + 1) + 1;
	s->ndims = k + 1;
	return rebuild_keys(s) < 0 ? NONE : k;
}

static int parse_bound(const char *text, const char *what, struct rk_period *p,
		       struct rk_error *err)
{
	char why[RK_PERIOD_REASON];

	if (rk_period_parse(text, strlen(text), p, why) < 0 || p->year == 0) {
		rk_error_set(err, RK_EXIT_CONFIG, NULL, 0,
			     "cannot read the %s period '%s': %s", what, text,
			     p->year == 0 && !why[0] ? "no year" : why);
		rk_error_hint(err, "write it as 2024, 2024-S1, 2024-Q3, "
				   "2024-07 or 2024-07-15");
		return -1;
	}
	return 0;
}

int obs_set_select(struct obs_set *s, char *const *sources, size_t nsources,
		   char *const *indicators, size_t nindicators,
		   const char *from, const char *to, struct rk_error *err)
{
	free_list(s->want_source, s->nwant_source);
	free_list(s->want_indicator, s->nwant_indicator);
	s->want_source = s->want_indicator = NULL;
	s->nwant_source = s->nwant_indicator = 0;
	if (sources && !(s->want_source = copy_list(sources, nsources)))
		goto nomem;
	s->nwant_source = sources ? nsources : 0;
	if (indicators && !(s->want_indicator = copy_list(indicators,
							  nindicators)))
		goto nomem;
	s->nwant_indicator = indicators ? nindicators : 0;
	s->from.year = s->to.year = 0;
	if (from && parse_bound(from, "first", &s->from, err) < 0)
		return -1;
	if (to && parse_bound(to, "last", &s->to, err) < 0)
		return -1;
	s->ranged = from || to;
	return 0;
nomem:
	return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
}

static int in_list(char *const *v, size_t n, const char *x)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], x) == 0)
			return 1;
	return 0;
}

int obs_set_wants(const struct obs_set *s, const char *source,
		  const char *indicator)
{
	return (!s->want_source || in_list(s->want_source, s->nwant_source,
					   source)) &&
	       (!s->want_indicator || in_list(s->want_indicator,
					      s->nwant_indicator, indicator));
}

static int in_range(const struct obs_set *s, const struct rk_period *p)
{
	if (!s->ranged)
		return 1;
	if (s->from.year && rk_period_first_day(p) < rk_period_first_day(&s->from))
		return 0;
	if (s->to.year && rk_period_last_day(p) > rk_period_last_day(&s->to))
		return 0;
	return 1;
}

static int data_error(const struct obs_input *in, struct rk_error *err)
{
	err->code = RK_EXIT_DATAERR;
	if (in->file)
		snprintf(err->file, sizeof(err->file), "%s", in->file);
	err->line = in->line;
	return -1;
}

static int parse_period(const struct obs_input *in, struct rk_period *p,
			struct rk_error *err)
{
	char why[RK_PERIOD_REASON] = "";

	if (rk_period_parse(in->period, strlen(in->period), p, why) == 0 &&
	    p->year != 0)
		return 0;
	rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
		     "cannot read period '%.64s': %s", in->period,
		     why[0] ? why : "no year");
	rk_error_hint(err, "compare reads normalised tidy data "
			   "(run reckon-normalise first)");
	return data_error(in, err);
}

static int parse_value(const struct obs_input *in, double *v,
		       struct rk_error *err)
{
	char *end;

	*v = NAN;
	if (!in->value || !in->value[0])
		return 0;
	errno = 0;
	*v = strtod(in->value, &end);
	if (*end == '\0' && errno == 0 && isfinite(*v))
		return 0;
	rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
		     "value '%.64s' is not a number", in->value);
	rk_error_hint(err, "values are C-locale decimals like 1234.5, or "
			   "empty when missing");
	return data_error(in, err);
}

/* The row's text ids; NONE in ids[0] when out of memory. */
static void intern_row(struct obs_set *s, const struct obs_input *in,
		       const char *period, size_t *ids)
{
	ids[0] = obs_set_intern(s, in->source);
	ids[1] = obs_set_intern(s, in->indicator);
	ids[2] = obs_set_intern(s, period);
	for (size_t d = 0; d < s->ndims; d++) {
		const char *v = in->dim && in->dim[d] ? in->dim[d] : "";

		ids[3 + d] = obs_set_intern(s, v);
	}
	for (size_t k = 0; k < 3 + s->ndims; k++)
		if (ids[k] == NONE)
			ids[0] = NONE;
}

/* "region=r1, sex=F" of the row's broken-down dimensions, into buf. */
static void describe_dims(const struct obs_set *s, const struct obs_input *in,
			  char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t d = 0; in->dim && d < s->ndims && len < size; d++) {
		if (!in->dim[d] || !in->dim[d][0])
			continue;
		len += (size_t)snprintf(buf + len, size - len, ", %s=%s",
					s->dim[d], in->dim[d]);
	}
}

static int duplicate(const struct obs_set *s, const struct obs_input *in,
		     size_t first, struct rk_error *err)
{
	char dims[256];

	describe_dims(s, in, dims, sizeof(dims));
	rk_error_set(err, RK_EXIT_DATAERR, NULL, 0,
		     "a second value for source '%s', indicator '%s', period "
		     "%s%s", in->source, in->indicator,
		     s->str[s->row[first].period], dims);
	rk_error_hint(err, "the first is at %s: remove one, or check that no "
			   "code list maps two labels to one code",
		      s->str[s->row[first].where]);
	return data_error(in, err);
}

static int append(struct obs_set *s, const struct obs_input *in,
		  const struct rk_period *p, const size_t *ids, double value)
{
	struct obs *o;
	char where[600];
	size_t status, at;

	if (in->file && in->line > 0)
		snprintf(where, sizeof(where), "%s:%ld", in->file, in->line);
	else
		snprintf(where, sizeof(where), "%s", in->file ? in->file : "");
	if (rk_grow((void **)&s->row, &s->cap, s->n + 1, sizeof(*s->row)) < 0 ||
	    rk_grow((void **)&s->dimval, &s->dimcap, (s->n + 1) * s->ndims + 1,
		 sizeof(*s->dimval)) < 0)
		return -1;
	status = obs_set_intern(s, in->status ? in->status : "");
	at = obs_set_intern(s, where);
	if (status == NONE || at == NONE)
		return -1;
	o = &s->row[s->n];
	o->source = ids[0];
	o->indicator = ids[1];
	o->period = ids[2];
	o->when = *p;
	o->dims = s->n * s->ndims;
	o->value = value;
	o->status = status;
	o->where = at;
	memcpy(s->dimval + o->dims, ids + 3, s->ndims * sizeof(*ids));
	s->n++;
	return 0;
}

int obs_set_add(struct obs_set *s, const struct obs_input *in,
		struct rk_error *err)
{
	struct rk_period p;
	char canon[RK_PERIOD_TEXT];
	size_t *ids = NULL, first;
	double value;
	int rc = -1, put;

	if (!obs_set_wants(s, in->source, in->indicator))
		return 0;
	if (parse_period(in, &p, err) < 0)
		return -1;
	if (!in_range(s, &p))
		return 0;
	if (parse_value(in, &value, err) < 0)
		return -1;
	ids = malloc((3 + s->ndims) * sizeof(*ids));
	if (!ids)
		goto nomem;
	intern_row(s, in, rk_period_format(&p, canon), ids);
	if (ids[0] == NONE)
		goto nomem;
	put = rk_map_put(s->keys, ids, (3 + s->ndims) * sizeof(*ids), s->n,
			 &first, NULL);
	if (put < 0)
		goto nomem;
	if (put == 0) {
		rc = duplicate(s, in, first, err);
		goto out;
	}
	if (append(s, in, &p, ids, value) < 0)
		goto nomem;
	rc = 0;
	goto out;
nomem:
	rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
out:
	free(ids);
	return rc;
}

void obs_set_free(struct obs_set *s)
{
	if (!s)
		return;
	free_list(s->dim, s->ndims);
	free_list(s->want_source, s->nwant_source);
	free_list(s->want_indicator, s->nwant_indicator);
	free(s->row);
	free(s->dimval);
	free(s->str);
	rk_map_free(s->strings);
	rk_map_free(s->keys);
	free(s);
}
