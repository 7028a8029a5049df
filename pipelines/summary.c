/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "summary.h"

#include <string.h>

static const char *plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void extract_line(FILE *f, const struct manifest *m)
{
	int first = 1;

	fprintf(f, "  %-10s", "extract");
	for (size_t i = 0; i < m->nstages; i++) {
		const struct manifest_stage *s = &m->stages[i];

		if (strcmp(s->name, "extract") != 0 || !s->ran)
			continue;
		fprintf(f, "%s%s %ld %s", first ? " " : ", ", s->source,
			s->rows, plural(s->rows, "row", "rows"));
		first = 0;
	}
	fputc('\n', f);
}

static void normalise_line(FILE *f, const struct manifest *m)
{
	fprintf(f, "  %-10s %ld tidy %s", "normalise", m->tidy_rows,
		plural(m->tidy_rows, "row", "rows"));
	if (m->rejects >= 0)
		fprintf(f, ", %ld %s (rejects.csv)", m->rejects,
			plural(m->rejects, "reject", "rejects"));
	if (m->unmapped >= 0)
		fprintf(f, ", %ld unmapped %s (unmapped.csv)", m->unmapped,
			plural(m->unmapped, "label", "labels"));
	fputc('\n', f);
}

static void compare_line(FILE *f, const struct run *r)
{
	const struct manifest *m = &r->m;
	long cells = -1;

	for (size_t i = 0; i < m->nstages; i++)
		if (strcmp(m->stages[i].name, "compare") == 0)
			cells = m->stages[i].rows;
	fprintf(f, "  %-10s", "compare");
	if (cells >= 0)
		fprintf(f, " %ld %s compared, %ld significant %s "
			"(results/cells.csv)", cells,
			plural(cells, "cell", "cells"), m->significant,
			plural(m->significant, "gap", "gaps"));
	else
		fprintf(f, " %zu result %s (results/)", m->nresults,
			plural((long)m->nresults, "file", "files"));
	fputc('\n', f);
}

void summary_write(FILE *f, const struct run *r)
{
	const struct manifest *m = &r->m;

	fprintf(f, "reckon run: pipeline %s, run %s (%s)\n", m->pipeline,
		m->run_id, m->use_db ? "loaded into the database" :
		"files only, no database");
	extract_line(f, m);
	normalise_line(f, m);
	fprintf(f, "  %-10s %s\n", "load",
		m->use_db ? "into the database" : "skipped (--no-db)");
	compare_line(f, r);
	fprintf(f, "  %-10s %s/%s\n", "brief", r->where, r->plan.brief);
	if (r->replaced)
		fprintf(f, "  (an earlier run of the same inputs was "
			"replaced)\n");
	if (m->exit == 1)
		fprintf(f, "reckon run: done, but thresholds were crossed "
			"(exit 1): see the messages above and log.txt\n");
}
