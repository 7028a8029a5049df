/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A source's collect: (issue 21 item 3): its files are the forms member
 * organisations filled (reckon template --organisation), and reckon-extract
 * sums up who sent one, when, and whether it can be read.
 *
 *   collect:
 *     due: 2024-10-15                  # a form saved after that day is late
 *     organisations: [nhrc, ippt, bureau, kmc]
 *
 * Both keys are optional: without organisations the codes of the
 * pipeline's organisation code list are expected, if it has one.
 */
#include "config_impl.h"
#include "period.h"

#include <stdlib.h>
#include <string.h>

static const char *const keys[] = { "due", "organisations", NULL };

static int is_day(const char *d)
{
	struct rk_period p;
	char why[RK_PERIOD_REASON];

	return strlen(d) == 10 && d[4] == '-' && d[7] == '-' &&
	       rk_period_parse(d, 10, &p, why) == 0 && p.day;
}

static int one_line(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

static int known_keys(struct cfg_loader *l, const yaml_node_t *n,
		      const char *ctx)
{
	for (size_t i = 0; i < cfg_npairs(n); i++) {
		const yaml_node_t *k =
			cfg_node(l, n->data.mapping.pairs.start[i].key);

		if (cfg_is_word(cfg_text(k), keys))
			continue;
		cfg_fail(l, k, "unknown key '%s' in %s", cfg_text(k), ctx);
		rk_error_hint(l->err, "collect: has due (the day the forms are "
			      "due, YYYY-MM-DD) and organisations (a list of "
			      "the organisations expected to send one)");
		return -1;
	}
	return 0;
}

/* The forms say where everything is: a layout would be read instead. */
static int no_layout(struct cfg_loader *l, const yaml_node_t *src,
		     const yaml_node_t *n, const char *ctx)
{
	const char *key = cfg_get(l, src, "layout") ? "layout"
			  : cfg_get(l, src, "sheet") ? "sheet" : NULL;

	if (!key)
		return 0;
	cfg_fail(l, n, "collect: is for forms made by reckon template, and "
		 "%s has a %s", ctx, key);
	rk_error_hint(l->err, "a source of forms has no layout: take out "
		      "%s: to read the forms, or collect: to read the files "
		      "with their layout", key);
	return -1;
}

static int due(struct cfg_loader *l, const yaml_node_t *n, const char *ctx,
	       struct rk_collect *c)
{
	const yaml_node_t *d = cfg_get(l, n, "due");
	char subject[CTX_LEN];

	if (!d)
		return 0;
	cfg_subject_of(subject, "due", ctx);
	if (cfg_need_text(l, d, subject) || !(c->due = cfg_dup_text(l, d)))
		return l->err->code ? -1 : cfg_oom(l);
	if (is_day(c->due))
		return 0;
	cfg_fail(l, d, "invalid date '%s' for 'due' in %s", c->due, ctx);
	rk_error_hint(l->err, "give the day the forms are due as YYYY-MM-DD, "
		      "e.g. 2024-10-15");
	return -1;
}

static int organisations(struct cfg_loader *l, const yaml_node_t *n,
			 const char *ctx, struct rk_collect *c)
{
	const yaml_node_t *seq = cfg_get(l, n, "organisations");
	const yaml_node_t **at;
	char subject[CTX_LEN], what[CTX_LEN];
	size_t count;
	int rc;

	if (!seq)
		return 0;
	cfg_subject_of(subject, "organisations", ctx);
	if (seq->type != YAML_SEQUENCE_NODE)
		return cfg_wrong_type(l, seq, subject, "a list");
	if (!(count = cfg_nitems(seq))) {
		cfg_fail(l, seq, "no organisation in %s", subject);
		rk_error_hint(l->err, "list the organisations expected to send "
			      "a form, or leave organisations out");
		return -1;
	}
	c->organisations.mark = cfg_mark_of(seq);
	if (!(c->organisations.items = calloc(count, sizeof(char *))) ||
	    !(at = malloc(count * sizeof(*at))))
		return cfg_oom(l);
	cfg_fmt_into(what, sizeof(what), "an organisation in %s", subject);
	for (rc = 0; rc == 0 && c->organisations.n < count;) {
		const yaml_node_t *o = cfg_item(l, seq, c->organisations.n);
		char *name;

		at[c->organisations.n] = o;
		if (cfg_need_text(l, o, what))
			rc = -1;
		else if (!(name = cfg_dup_text(l, o)))
			rc = cfg_oom(l);
		else
			c->organisations.items[c->organisations.n++] = name;
		if (rc == 0 && !one_line(name)) {
			cfg_fail(l, o, "invalid organisation in %s: one line, "
				 "without control characters", subject);
			rc = -1;
		}
	}
	if (rc == 0)
		rc = cfg_check_unique(l, (const char *const *)
				      c->organisations.items, count, at,
				      "organisation");
	free(at);
	return rc;
}

int cfg_build_collect(struct cfg_loader *l, const yaml_node_t *n,
		      const char *ctx, struct rk_source *s)
{
	const yaml_node_t *m = cfg_get(l, n, "collect");
	char subject[CTX_LEN], inner[CTX_LEN];

	if (!m)
		return 0;
	cfg_subject_of(subject, "collect", ctx);
	cfg_inside(inner, "collect", ctx);
	if (m->type != YAML_MAPPING_NODE)
		return cfg_wrong_type(l, m, subject, "a mapping");
	if (!(s->collect = calloc(1, sizeof(*s->collect))))
		return cfg_oom(l);
	s->collect->mark = cfg_mark_of(m);
	if (known_keys(l, m, inner) || no_layout(l, n, m, ctx) ||
	    due(l, m, inner, s->collect))
		return -1;
	return organisations(l, m, inner, s->collect);
}

void cfg_collect_free(struct rk_collect *c)
{
	if (!c)
		return;
	free(c->due);
	for (size_t i = 0; i < c->organisations.n; i++)
		free(c->organisations.items[i]);
	free(c->organisations.items);
	free(c);
}
