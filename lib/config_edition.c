/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A source's editions in the pipeline config (issue 22): edition: {label,
 * date}, the release its file: is, and editions:, the releases before it,
 * each {file, label, date} in the source's layout, oldest first.
 */
#include "config_impl.h"
#include "period.h"

#include <stdlib.h>
#include <string.h>

static char *take(char **p)
{
	char *s = *p;

	*p = NULL;
	return s;
}

static int one_line(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

static int is_day(const char *d)
{
	struct rk_period p;
	char why[RK_PERIOD_REASON];

	return strlen(d) == 10 && d[4] == '-' && d[7] == '-' &&
	       rk_period_parse(d, 10, &p, why) == 0 && p.day;
}

/* label one line, date (when given) a day that exists. */
static int check_edition(struct cfg_loader *l, const yaml_node_t *e,
			 const yaml_node_t *at, const char *label,
			 const char *date, const char *ctx)
{
	if (!one_line(label)) {
		cfg_fail(l, e ? cfg_get(l, e, "label") : at, "invalid edition "
			 "label in %s: one line, without control characters",
			 ctx);
		return -1;
	}
	if (!date || is_day(date))
		return 0;
	cfg_fail(l, e ? cfg_get(l, e, "date") : at, "invalid edition date "
		 "'%s' in %s: give a day as YYYY-MM-DD", date, ctx);
	return -1;
}

int cfg_build_edition(struct cfg_loader *l, struct y_edition *y,
		      const yaml_node_t *n, const char *ctx,
		      struct rk_source *s)
{
	if (!y)
		return 0;
	s->edition_label = take(&y->label);
	s->edition_date = take(&y->date);
	return check_edition(l, cfg_get(l, n, "edition"), n, s->edition_label,
			     s->edition_date, ctx);
}

/* Each a day after the one before, and before the current edition's. */
static int check_order(struct cfg_loader *l, const yaml_node_t *seq,
		       const char *ctx, const struct rk_source *s)
{
	const struct rk_edition *e = s->editions;

	for (size_t i = 0; i < s->neditions; i++) {
		const yaml_node_t *at = cfg_get(l, cfg_item(l, seq, i), "date");

		if (i > 0 && strcmp(e[i - 1].date, e[i].date) >= 0) {
			cfg_fail(l, at, "editions of %s out of order: entry "
				 "%zu dated %s is not after entry %zu dated %s",
				 ctx, i + 1, e[i].date, i, e[i - 1].date);
			rk_error_hint(l->err, "list the earlier editions oldest "
					   "first, each on a day of its own");
			return -1;
		}
		if (strcmp(e[i].date, s->edition_date) >= 0) {
			cfg_fail(l, at, "edition '%s' of %s is dated %s, not "
				 "before the current edition's %s",
				 rk_source_edition_name(s, (long)i), ctx,
				 e[i].date, s->edition_date);
			rk_error_hint(l->err, "editions: lists the releases "
					   "before the one file: names; give "
					   "that one's day as edition: {date}");
			return -1;
		}
	}
	return 0;
}

/* No two editions of the source by one name (label, else date). */
static int check_names(struct cfg_loader *l, const yaml_node_t *seq,
		       const char *ctx, const struct rk_source *s)
{
	const char *latest = rk_source_edition_name(s, RK_EDITION_LATEST);

	for (size_t i = 0; i < s->neditions; i++) {
		const char *name = rk_source_edition_name(s, (long)i);
		long first = rk_source_edition(s, name);

		if (first == (long)i && (!latest || strcmp(latest, name)))
			continue;
		cfg_fail(l, cfg_item(l, seq, i), "edition '%s' of %s named "
			 "twice", name, ctx);
		rk_error_hint(l->err, "give each edition a label of its own: "
				   "reckon-extract --edition takes it");
		return -1;
	}
	return 0;
}

static int build_one(struct cfg_loader *l, struct y_edition *y,
		     const yaml_node_t *e, const char *ctx,
		     struct rk_edition *out)
{
	char subject[CTX_LEN];

	out->mark = cfg_mark_of(e);
	out->label = take(&y->label);
	out->date = take(&y->date);
	cfg_subject_of(subject, "file", ctx);
	if (cfg_build_files(l, cfg_get(l, e, "file"), subject, &out->files,
			    NULL) < 0)
		return -1;
	return check_edition(l, e, e, out->label, out->date, ctx);
}

int cfg_build_editions(struct cfg_loader *l, struct y_edition *y,
		       const yaml_node_t *n, const char *ctx,
		       struct rk_source *s)
{
	const yaml_node_t *seq = cfg_get(l, n, "editions");
	char subject[CTX_LEN], place[CTX_LEN];
	size_t count = seq ? cfg_nitems(seq) : 0;

	if (!y || !count)
		return 0;
	if (!s->edition_date) {
		cfg_fail(l, seq, "no date of the current edition in %s: "
			 "editions: are the releases before it", ctx);
		rk_error_hint(l->err, "add edition: {date: YYYY-MM-DD}, the "
				   "day its file: was published");
		return -1;
	}
	if (!(s->editions = calloc(count, sizeof(*s->editions))))
		return cfg_oom(l);
	cfg_subject_of(subject, "editions", ctx);
	for (size_t i = 0; i < count; i++, s->neditions++) {
		const yaml_node_t *e = cfg_item(l, seq, i);

		cfg_entry_place(l, e, "editions", subject, i, place);
		if (build_one(l, &y[i], e, place, &s->editions[i]) < 0) {
			s->neditions++;
			return -1;
		}
	}
	if (check_order(l, seq, ctx, s) < 0)
		return -1;
	return check_names(l, seq, ctx, s);
}
