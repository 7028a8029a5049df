/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "mapper.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

#define SUGGESTIONS 3

/* A distinct label seen in the data. */
struct seen {
	const char *label;        /* owned by the memo */
	uint32_t value;
	int unmapped;
	size_t rows;              /* unmapped labels only */
	char *first_origin;
};

struct mapper {
	struct rk_codelist *cl;
	enum mapper_policy policy;
	struct rk_map *memo;      /* label → index into seen */
	struct seen *seen;
	size_t nseen, cap;
	const char **kept;        /* labels kept as written, by value */
	size_t nkept, keptcap;
	size_t unmapped_labels, unmapped_rows;
	const char *last;         /* the label of the previous call ... */
	size_t last_len;
	size_t last_seen;         /* ... and its entry */
};

struct mapper *mapper_new(struct rk_codelist *cl, enum mapper_policy policy)
{
	struct mapper *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->cl = cl;
	m->policy = policy;
	m->memo = rk_map_new();
	if (!m->memo) {
		mapper_free(m);
		return NULL;
	}
	return m;
}

static int keep_label(struct mapper *m, const char *label, uint32_t *value)
{
	if (m->nkept == m->keptcap) {
		size_t cap = m->keptcap ? m->keptcap * 2 : 16;
		const char **k = realloc(m->kept, cap * sizeof(*k));

		if (!k)
			return -1;
		m->kept = k;
		m->keptcap = cap;
	}
	m->kept[m->nkept] = label;
	*value = (uint32_t)(1 + rk_codelist_size(m->cl) + m->nkept++);
	return 0;
}

/* Decides a new label's value and records it under index at. */
static int learn(struct mapper *m, const char *label, size_t len,
		 const char *stored, struct rk_error *err)
{
	struct seen *s;
	long code = rk_codelist_match(m->cl, label, len, err);

	if (code == -2)
		return -1;
	if (m->nseen == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct seen *n = realloc(m->seen, cap * sizeof(*n));

		if (!n)
			return rk_error_oom(err);
		m->seen = n;
		m->cap = cap;
	}
	s = &m->seen[m->nseen++];
	memset(s, 0, sizeof(*s));
	s->label = stored;
	if (code >= 0) {
		const char *c = rk_codelist_code(m->cl, (size_t)code)->code;

		s->value = strcmp(c, RK_CODE_TOTAL) ? (uint32_t)code + 1
						    : MAPPER_TOTAL;
		return 0;
	}
	s->unmapped = 1;
	m->unmapped_labels += m->policy != MAPPER_DROP;
	if (m->policy == MAPPER_KEEP && keep_label(m, stored, &s->value) < 0)
		return rk_error_oom(err);
	return 0;
}

static int note_unmapped(struct mapper *m, struct seen *s, const char *origin,
			 struct rk_error *err)
{
	s->rows++;
	m->unmapped_rows++;
	if (!s->first_origin && !(s->first_origin = strdup(origin)))
		return rk_error_oom(err);
	return 0;
}

int mapper_map(struct mapper *m, const char *label, const char *origin,
	       uint32_t *value, struct rk_error *err)
{
	size_t len = strlen(label), at;
	const char *stored;
	struct seen *s;
	int rc;

	if (!len) {
		*value = MAPPER_TOTAL;
		return 1;
	}
	if (m->last && len == m->last_len && !memcmp(label, m->last, len)) {
		at = m->last_seen;
	} else {
		rc = rk_map_put(m->memo, label, len, m->nseen, &at, &stored);
		if (rc < 0)
			return rk_error_oom(err);
		if (rc == 1) {
			at = m->nseen;
			if (learn(m, label, len, stored, err) < 0)
				return -1;
		}
		m->last = m->seen[at].label;
		m->last_len = len;
		m->last_seen = at;
	}
	s = &m->seen[at];
	*value = s->value;
	if (!s->unmapped)
		return 1;
	if (m->policy == MAPPER_DROP)
		return 0;              /* not wanted: not listed as unmapped */
	if (origin && note_unmapped(m, s, origin, err) < 0)
		return -1;
	return m->policy == MAPPER_KEEP;
}

const char *mapper_text(const struct mapper *m, uint32_t value)
{
	size_t n = rk_codelist_size(m->cl);

	if (value == MAPPER_TOTAL)
		return "";
	if (value <= n)
		return rk_codelist_code(m->cl, value - 1)->code;
	return m->kept[value - 1 - n];
}

long mapper_code(const struct mapper *m, uint32_t value)
{
	if (value == MAPPER_TOTAL || value > rk_codelist_size(m->cl))
		return -1;
	return (long)value - 1;
}

struct rk_codelist *mapper_codelist(const struct mapper *m)
{
	return m->cl;
}

enum mapper_policy mapper_policy(const struct mapper *m)
{
	return m->policy;
}

size_t mapper_unmapped_labels(const struct mapper *m)
{
	return m->unmapped_labels;
}

size_t mapper_unmapped_rows(const struct mapper *m)
{
	return m->unmapped_rows;
}

/* Most rows first, then by label (bytes). */
static int cmp_unmapped(const void *a, const void *b)
{
	const struct seen *x = *(const struct seen *const *)a;
	const struct seen *y = *(const struct seen *const *)b;

	if (x->rows != y->rows)
		return x->rows > y->rows ? -1 : 1;
	return strcmp(x->label, y->label);
}

static const struct seen **sorted_unmapped(const struct mapper *m)
{
	const struct seen **v = malloc((m->unmapped_labels + 1) * sizeof(*v));
	size_t n = 0;

	if (!v)
		return NULL;
	for (size_t i = 0; i < m->nseen; i++)
		if (m->seen[i].unmapped && m->seen[i].rows)
			v[n++] = &m->seen[i];
	qsort(v, n, sizeof(*v), cmp_unmapped);
	v[n] = NULL;
	return v;
}

int mapper_first_unmapped(const struct mapper *m, const char **label,
			  size_t *rows, const char **origin)
{
	const struct seen **v = sorted_unmapped(m);
	int found = v && v[0];

	if (found) {
		*label = v[0]->label;
		*rows = v[0]->rows;
		*origin = v[0]->first_origin;
	}
	free(v);
	return found;
}

int mapper_write_unmapped_header(struct tidy_writer *w, struct rk_error *err)
{
	static const char *const h[] = {
		"dimension", "label", "rows", "first_origin", "suggest_1",
		"score_1", "suggest_2", "score_2", "suggest_3", "score_3"
	};

	return tidy_writer_row(w, h, NULL, 10, err);
}

static int write_one(struct mapper *m, const struct seen *s,
		     struct tidy_writer *w, struct rk_error *err)
{
	struct rk_suggestion sug[SUGGESTIONS];
	char rows[24], score[SUGGESTIONS][16];
	const char *f[10];
	int n = rk_codelist_suggest(m->cl, s->label, strlen(s->label), sug,
				    SUGGESTIONS, err);

	if (n < 0)
		return -1;
	snprintf(rows, sizeof(rows), "%zu", s->rows);
	f[0] = rk_codelist_dimension(m->cl);
	f[1] = s->label;
	f[2] = rows;
	f[3] = s->first_origin;
	for (int k = 0; k < SUGGESTIONS; k++) {
		f[4 + 2 * k] = k < n
			? rk_codelist_code(m->cl, sug[k].code)->code : "";
		snprintf(score[k], sizeof(score[k]), "%.3f",
			 k < n ? sug[k].score : 0.0);
		f[5 + 2 * k] = k < n ? score[k] : "";
	}
	return tidy_writer_row(w, f, NULL, 10, err);
}

int mapper_write_unmapped(struct mapper *m, struct tidy_writer *w,
			  struct rk_error *err)
{
	const struct seen **v = sorted_unmapped(m);
	int rc = 0;

	if (!v)
		return rk_error_oom(err);
	for (size_t i = 0; v[i] && rc == 0; i++)
		rc = write_one(m, v[i], w, err);
	free(v);
	return rc;
}

void mapper_free(struct mapper *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nseen; i++)
		free(m->seen[i].first_origin);
	free(m->seen);
	free(m->kept);
	rk_map_free(m->memo);
	rk_codelist_free(m->cl);
	free(m);
}
