/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "period_memo.h"

#include <stdlib.h>
#include <string.h>

#include "map.h"

struct entry {
	struct rk_period p;
	char *why;                /* NULL when the label parsed */
};

struct period_memo {
	struct rk_map *index;     /* label → entry */
	struct entry *e;
	size_t n, cap;
	struct rk_period_opts opts;
	const struct rk_period_map *map;
	const char *last;         /* the previous label and its entry */
	size_t last_len, last_at;
};

struct period_memo *period_memo_new(const struct rk_period_opts *opts,
				    const struct rk_period_map *map)
{
	struct period_memo *m = calloc(1, sizeof(*m));

	if (m && !(m->index = rk_map_new())) {
		free(m);
		return NULL;
	}
	if (m && opts)
		m->opts = *opts;
	if (m)
		m->map = map;
	return m;
}

static int learn(struct period_memo *m, const char *label, size_t len)
{
	char why[RK_PERIOD_REASON];
	struct entry *e;

	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 32;
		struct entry *n = realloc(m->e, cap * sizeof(*n));

		if (!n)
			return -1;
		m->e = n;
		m->cap = cap;
	}
	e = &m->e[m->n];
	memset(e, 0, sizeof(*e));
	if (rk_period_map_find(m->map, label, len, &e->p) == 0) {
		m->n++;
		return 0;
	}
	if (rk_period_parse_opts(label, len, &m->opts, &e->p, why) < 0 &&
	    !(e->why = strdup(why)))
		return -1;
	m->n++;
	return 0;
}

int period_memo_get(struct period_memo *m, const char *label,
		    struct rk_period *p, const char **why,
		    struct rk_error *err)
{
	size_t len = strlen(label), at;
	const char *stored;
	int rc;

	if (m->last && len == m->last_len && !memcmp(m->last, label, len)) {
		at = m->last_at;
	} else {
		rc = rk_map_put(m->index, label, len, m->n, &at, &stored);
		if (rc == 1) {
			at = m->n;
			rc = learn(m, label, len);
		}
		if (rc < 0)
			return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					    "out of memory");
		m->last = stored;
		m->last_len = len;
		m->last_at = at;
	}
	*p = m->e[at].p;
	*why = m->e[at].why;
	return *why ? 1 : 0;
}

void period_memo_free(struct period_memo *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->e[i].why);
	free(m->e);
	rk_map_free(m->index);
	free(m);
}
