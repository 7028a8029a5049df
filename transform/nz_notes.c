/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a run has to tell its user: thresholds crossed, and warnings. */
#include "nz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

static const char *const policy_words[] = { "fail", "warn", "keep", "drop" };

/* The unmapped labels of one policy class (fail, or the others). */
static void unmapped_note(const struct normaliser *n,
			  const struct normalise_files *f, int failing,
			  struct rk_error *e)
{
	const char *dim = NULL, *label, *origin, *policy = "", *list;
	size_t rows = 0, labels = 0, r;
	char more[64] = "";

	for (size_t d = 0; d <= n->ndims; d++) {
		const struct mapper *m = d ? n->dim[d - 1] : n->indicator;
		const char *l, *o;

		if ((mapper_policy(m) == MAPPER_FAIL) != failing)
			continue;
		labels += mapper_unmapped_labels(m);
		if (dim || !mapper_first_unmapped(m, &l, &r, &o))
			continue;
		dim = rk_codelist_dimension(mapper_codelist(m));
		label = l;
		rows = r;
		origin = o;
		policy = policy_words[mapper_policy(m)];
	}
	if (!dim)
		return;
	if (labels > 1)
		snprintf(more, sizeof(more), ", and %zu more unmapped label%s",
			 labels - 1, plural(labels - 1));
	rk_error_set(e, failing ? RK_EXIT_THRESHOLD : 0, origin, 0,
		     "%sno code for %s '%s' (%zu row%s%s)%s",
		     failing ? "" : "warning: ", dim, label, rows, plural(rows),
		     failing ? "" : !strcmp(policy, "keep")
				    ? ", kept as written" : ", left out",
		     more);
	list = f->unmapped ? f->unmapped : "--unmapped FILE";
	rk_error_hint(e, "add it to the aliases of a code in %s/%s.csv; %s "
		      "lists every label with suggested codes",
		      n->cfg->codelists_dir, dim, list);
}

int normalise_limit_parse(const char *s, struct normalise_limit *l)
{
	char *end = NULL;
	size_t n = strlen(s);

	l->percent = n > 1 && s[n - 1] == '%';
	if (!n || s[0] < '0' || s[0] > '9')
		return -1;
	l->value = strtod(s, &end);
	if (end != s + n - (size_t)l->percent ||
	    (!l->percent && strspn(s, "0123456789") != n) ||
	    (l->percent && l->value > 100))
		return -1;
	l->given = 1;
	l->text = s;
	return 0;
}

static int over_limit(const struct normalise_limit *l, size_t rejected,
		      size_t read)
{
	if (!l->given)
		return 0;
	if (l->percent)
		return read &&
		       100.0 * (double)rejected / (double)read > l->value;
	return (double)rejected > l->value;
}

static void rejects_note(const struct normaliser *n,
			 const struct normalise_limit *l,
			 const struct normalise_files *f, struct rk_error *e)
{
	size_t rejected = rejects_rejected(n->rejects);
	const char *origin, *reason = normaliser_first_reject(n, &origin);
	int over = over_limit(l, rejected, n->sum.rows_read);

	if (!rejected || (!over && f->rejects))
		return;
	if (!over && rejected == n->sum.rows_unmapped_only)
		return;           /* the unmapped note says it all */
	rk_error_set(e, over ? RK_EXIT_THRESHOLD : 0, origin, 0,
		     "%s%zu row%s rejected%s%s%s, the first: %s",
		     over ? "" : "warning: ", rejected, plural(rejected),
		     over ? ", more than --max-rejects " : "",
		     over ? l->text : "", over ? " allows" : "", reason);
	if (f->rejects)
		rk_error_hint(e, "%s lists them with the reasons", f->rejects);
	else
		rk_error_hint(e, "give --rejects FILE to list them with the "
			      "reasons");
}

/* How many rows each check rejected: the summary line cannot say it. */
static void reasons_note(const struct normaliser *n, struct rk_error *e)
{
	char by[400];

	if (!rejects_rejected(n->rejects))
		return;
	rk_error_set(e, 0, NULL, 0, "rejected rows by check: %s",
		     rejects_by_check(n->rejects, by, sizeof(by)));
}

int normaliser_notes(const struct normaliser *n,
		     const struct normalise_limit *limit,
		     const struct normalise_files *files,
		     struct rk_error *notes)
{
	int k = 0;

	rk_error_clear(&notes[k]);
	reasons_note(n, &notes[k]);
	if (notes[k].msg[0])
		k++;
	for (int failing = 1; failing >= 0; failing--) {
		rk_error_clear(&notes[k]);
		unmapped_note(n, files, failing, &notes[k]);
		if (notes[k].msg[0])
			k++;
	}
	rk_error_clear(&notes[k]);
	rejects_note(n, limit, files, &notes[k]);
	if (notes[k].msg[0])
		k++;
	return k;
}
