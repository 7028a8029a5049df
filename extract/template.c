/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "template.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book/cellref.h"
#include "config.h"
#include "fold.h"
#include "formmeta.h"
#include "grow.h"
#include "map.h"
#include "period.h"
#include "sha256.h"

#define MAX_PROBLEMS_SHOWN 8

/* A row of the metadata sheet: its key and values ("" where empty). */
struct mrow {
	char **v;               /* v[0] the key */
	size_t n;
};

struct meta {
	struct mrow *row;
	size_t n;
};

/* A cell of an entry sheet as read (copied). */
struct cell {
	char type;              /* 0 empty, else as struct sheet_cell */
	char *text;
	long row, col;          /* 0-based row as the metadata counts */
	size_t seq;             /* order read: of a cell given twice, the
				   first counts */
};

struct sheet_read {
	const char *name;
	int long_shape;
	int cases;              /* a case register */
	int by_event;           /* its cases count by the event's date */
	const char *indicator;
	long first, last, remark;
	struct cell *cell;      /* every non-empty cell of the entry rows */
	size_t ncell, cap;
};

struct tpl {
	const struct template_read *r;
	struct meta m;
	const char *lang, *org;
	char **fdim;            /* the form's dimensions (metadata "dims") */
	size_t nfdim;
	char **ffield;          /* a register's other columns ("fields") */
	size_t nffield;
	long *pos;              /* per pipeline dimension: its index among
				   the form's, -1 none, -2 organisation */
	char problems[1024];    /* the first cells that break the rules */
	size_t nproblems, plen;
	char first_cell[256];
	size_t empty;
	char first_empty[256];
	const char **out;       /* a tidy row */
	size_t nout;
	struct tidy_writer *w;
};

/* ---- the metadata ---- */

static void meta_free(struct meta *m)
{
	for (size_t i = 0; i < m->n; i++) {
		for (size_t k = 0; k < m->row[i].n; k++)
			free(m->row[i].v[k]);
		free(m->row[i].v);
	}
	free(m->row);
}

static int meta_row(struct meta *m, const struct sheet_row *row)
{
	struct mrow *p = realloc(m->row, (m->n + 1) * sizeof(*p));
	size_t n = 0;

	if (!p)
		return -1;
	m->row = p;
	p = &m->row[m->n];
	for (size_t i = 0; i < row->n; i++)
		if ((size_t)row->cell[i].col + 1 > n)
			n = (size_t)row->cell[i].col + 1;
	if (!n || !(p->v = calloc(n, sizeof(*p->v))))
		return n ? -1 : 0;
	p->n = n;
	m->n++;
	for (size_t i = 0; i < row->n; i++) {
		const struct sheet_cell *c = &row->cell[i];

		if (!(p->v[c->col] = strndup(c->text, c->len)))
			return -1;
	}
	for (size_t k = 0; k < n; k++)
		if (!p->v[k] && !(p->v[k] = strdup("")))
			return -1;
	return 0;
}

static int meta_read(struct book *b, struct meta *m, struct rk_error *err)
{
	long i = book_find_sheet(b, FORM_META);
	struct sheet *s;
	struct sheet_row row;
	int rc;

	if (i < 0 || !(s = book_sheet_open(b, (size_t)i, err)))
		return -1;
	while ((rc = sheet_next_row(s, &row, err)) == 1)
		if (meta_row(m, &row) < 0) {
			rk_error_oom(err);
			rc = -1;
			break;
		}
	sheet_close(s);
	return rc < 0 ? -1 : 0;
}

/* The first value of key, "" when the key has none, NULL when absent. */
static const char *meta_get(const struct meta *m, const char *key)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->row[i].v[0], key) == 0)
			return m->row[i].n > 1 ? m->row[i].v[1] : "";
	return NULL;
}

int template_is(const struct book *b)
{
	return book_find_sheet(b, FORM_META) >= 0;
}

/* ---- checks of the form against the pipeline ---- */

static int refuse(struct rk_error *err, const char *file, const char *hint,
		  const char *fmt, const char *a, const char *b)
{
	rk_error_set(err, RK_EXIT_DATAERR, file, 0, fmt, a, b);
	rk_error_hint(err, "%s", hint);
	return -1;
}

/* Where each pipeline dimension's value comes from: the form, or its
   organisation. */
static int map_dims(struct tpl *t, const char *file, struct rk_error *err)
{
	const struct template_read *r = t->r;

	t->org = meta_get(&t->m, "organisation");
	if (!(t->pos = malloc((r->ndims ? r->ndims : 1) * sizeof(*t->pos))))
		return rk_error_oom(err);
	for (size_t d = 0; d < r->ndims; d++) {
		t->pos[d] = strcmp(r->dims[d], "organisation") == 0 &&
			    t->org && *t->org ? -2 : -1;
		for (size_t k = 0; k < t->nfdim; k++)
			if (strcmp(t->fdim[k], r->dims[d]) == 0)
				t->pos[d] = (long)k;
	}
	for (size_t k = 0; k < t->nfdim; k++) {
		int known = 0;

		for (size_t d = 0; d < r->ndims && !known; d++)
			known = strcmp(t->fdim[k], r->dims[d]) == 0;
		if (!known)
			return refuse(err, file, "make a new form with reckon "
				      "template", "the form breaks figures down "
				      "by '%s', which is not a dimension of "
				      "pipeline '%s'", t->fdim[k],
				      r->cfg->pipeline);
	}
	return 0;
}

/* The form's dimensions and a register's fields: its "dims" and "fields"
   rows. */
static void form_dims(struct tpl *t)
{
	for (size_t i = 0; i < t->m.n; i++) {
		int dims = !strcmp(t->m.row[i].v[0], "dims");
		char ***list = dims ? &t->fdim : &t->ffield;
		size_t *n = dims ? &t->nfdim : &t->nffield;

		if (!dims && strcmp(t->m.row[i].v[0], "fields"))
			continue;
		*list = t->m.row[i].v + 1;
		*n = t->m.row[i].n - 1;
		while (*n && !*(*list)[*n - 1])
			(*n)--;
	}
}

static int check_form(struct tpl *t, struct book *b, struct rk_error *err)
{
	const struct template_read *r = t->r;
	const struct meta *m = &t->m;
	const char *file = book_name(b);
	const char *v = meta_get(m, FORM_MAGIC);
	const char *p = meta_get(m, "pipeline"), *s = meta_get(m, "source");
	const char *h = meta_get(m, "codelists");
	char **names, hex[RK_SHA256_HEX];
	int rc;

	if (!v || strcmp(v, FORM_VERSION) != 0)
		return refuse(err, file, "make the form again with this "
			      "reckon's reckon template",
			      "a template of another version (%s; this reckon "
			      "reads version %s)", v ? v : "none", FORM_VERSION);
	if (!p || !s || !h || !(t->lang = meta_get(m, "lang")))
		return refuse(err, file, "make the form again with reckon "
			      "template", "the template's hidden sheet %s is "
			      "incomplete%s", FORM_META, "");
	if (strcmp(p, r->cfg->pipeline) != 0)
		return refuse(err, file, "give it to the pipeline it was made "
			      "for, or make a form for this one with reckon "
			      "template", "a form made for pipeline '%s', not "
			      "'%s'", p, r->cfg->pipeline);
	if (strcmp(s, r->source_id) != 0)
		return refuse(err, file, "list the file under the source it was "
			      "made for", "a form made for source '%s', read "
			      "as source '%s'", s, r->source_id);
	form_dims(t);
	if (!(names = malloc((t->nfdim + t->nffield + 1) * sizeof(*names))))
		return rk_error_oom(err);
	names[0] = "indicator";
	for (size_t d = 0; d < t->nfdim; d++)
		names[d + 1] = t->fdim[d];
	for (size_t d = 0; d < t->nffield; d++)
		names[t->nfdim + d + 1] = t->ffield[d];
	rc = form_codelists_hash(r->cfg, names, t->nfdim + t->nffield + 1,
				 hex, err);
	free(names);
	if (rc < 0)
		return -1;
	if (strcmp(hex, h) != 0) {
		rk_error_set(err, RK_EXIT_DATAERR, file, 0, "a form made with "
			     "other code lists (version %.12s; the pipeline's "
			     "are now %.12s): its categories may not mean what "
			     "they meant", h, hex);
		rk_error_hint(err, "make a new form with reckon template, or "
			      "read this one with the code lists of its "
			      "version (git checkout)");
		return -1;
	}
	return map_dims(t, file, err);
}

/* ---- cells ---- */

static void problem(struct tpl *t, const char *sheet, long row, long col,
		    const char *fmt, const char *text)
{
	char ref[CELLREF_BUF], what[300];
	int n;

	cellref_format(row + 1, col, ref);
	if (t->nproblems++ == 0)
		snprintf(t->first_cell, sizeof(t->first_cell), "%s!%s", sheet,
			 ref);
	if (t->nproblems > MAX_PROBLEMS_SHOWN)
		return;
	snprintf(what, sizeof(what), fmt, text);
	n = snprintf(t->problems + t->plen, sizeof(t->problems) - t->plen,
		     "%s%s!%s %s", t->plen ? "; " : "", sheet, ref, what);
	if (n > 0 && t->plen + (size_t)n < sizeof(t->problems))
		t->plen += (size_t)n;
}

/* The error that lists the cells that break the form's rules. */
static void problems(const struct tpl *t, const char *file, const char *of,
		     const char *hint, struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, file, 0, "%zu cell(s)%s break the "
		     "form's rules: %s%s", t->nproblems, of, t->problems,
		     t->nproblems > MAX_PROBLEMS_SHOWN ? "; …" : "");
	snprintf(err->cell, sizeof(err->cell), "%s", t->first_cell);
	rk_error_hint(err, "%s", hint);
}

/* The status a word names: the form's words, or any language's. */
static const char *status_of(const struct tpl *t, const char *text)
{
	static const char *const langs[] = { "ru", "en", "tg" };
	const struct meta *m = &t->m;

	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->row[i].v[0], "status") == 0 && m->row[i].n > 2 &&
		    strcasecmp(m->row[i].v[2], text) == 0)
			return m->row[i].v[1];
	for (size_t i = 0; form_statuses[i]; i++)
		for (size_t l = 0; l < 3; l++)
			if (strcasecmp(form_status_word(form_statuses[i],
							langs[l]), text) == 0)
				return form_statuses[i];
	return NULL;
}

/* text trimmed of spaces, in place */
static char *trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	n = strlen(s);
	while (n && strchr(" \t\n\r", s[n - 1]))
		s[--n] = '\0';
	return s;
}

/*
 * A figure's cell: its value or status; 0, or 1 (a problem noted) when it
 * is neither a whole number from 0 nor a status word.
 */
static int figure(struct tpl *t, const char *sheet, const struct cell *c,
		  const char **value, const char **status)
{
	*value = "";
	*status = "";
	if (!c || !c->type) {
		if (!t->empty++)
			snprintf(t->first_empty, sizeof(t->first_empty), "%s",
				 sheet);
		*status = "missing";
		return 0;
	}
	if (c->type == 'n') {
		char *end;
		double v = strtod(c->text, &end);

		if (*end || !isfinite(v) || v < 0 || v != floor(v)) {
			problem(t, sheet, c->row, c->col, v < 0 ?
				"%s is below 0" : "%s is not a whole number",
				c->text);
			return 1;
		}
		*value = c->text;
		return 0;
	}
	if (c->type == 's' && (*status = status_of(t, trim(c->text))))
		return 0;
	*status = "";
	problem(t, sheet, c->row, c->col, c->type == 's'
		? "'%.60s' is neither a whole number nor a word of the form"
		: "'%.60s' is not a number", c->text);
	return 1;
}

static int emit(struct tpl *t, const char *indicator, const char *period,
		const char *const *code, const char *value,
		const char *status, const char *sheet, long row, long col,
		struct rk_error *err)
{
	const struct template_read *r = t->r;
	char origin[600], ref[CELLREF_BUF];
	size_t k = 0;

	cellref_format(row + 1, col, ref);
	snprintf(origin, sizeof(origin), "%s#%s!%s", r->origin_name, sheet,
		 ref);
	t->out[k++] = r->source_id;
	t->out[k++] = indicator;
	t->out[k++] = period;
	for (size_t d = 0; d < r->ndims; d++)
		t->out[k++] = t->pos[d] >= 0 && code ? code[t->pos[d]]
			      : t->pos[d] == -2 ? t->org : "";
	t->out[k++] = value;
	t->out[k++] = status;
	t->out[k++] = origin;
	return tidy_writer_row(t->w, t->out, NULL, k, err);
}

/* ---- entry sheets ---- */

static int cmp_cell(const void *pa, const void *pb)
{
	const struct cell *x = pa, *y = pb;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static int read_cells(struct book *b, struct sheet_read *s,
		      struct rk_error *err)
{
	long i = book_find_sheet(b, s->name);
	struct sheet *sh;
	struct sheet_row row;
	int rc;

	if (i < 0) {
		rk_error_set(err, RK_EXIT_DATAERR, book_name(b), 0, "the form's "
			     "sheet '%s' is not there", s->name);
		rk_error_hint(err, "a sheet of the form was renamed or "
			      "deleted: fill in a fresh copy of the form");
		return -1;
	}
	if (!(sh = book_sheet_open(b, (size_t)i, err)))
		return -1;
	while ((rc = sheet_next_row(sh, &row, err)) == 1) {
		long r0 = row.row - 1;

		if (r0 < s->first || r0 > s->last)
			continue;
		for (size_t k = 0; k < row.n; k++) {
			const struct sheet_cell *c = &row.cell[k];
			struct cell *x;

			if (rk_grow((void **)&s->cell, &s->cap, s->ncell + 1,
				    sizeof(*x)) < 0) {
				rc = rk_error_oom(err);
				break;
			}
			x = &s->cell[s->ncell];
			x->seq = s->ncell;
			if (!(x->text = strndup(c->text, c->len))) {
				rc = rk_error_oom(err);
				break;
			}
			x->type = c->len || c->type != 's' ? c->type : 0;
			x->row = r0;
			x->col = c->col;
			s->ncell++;
		}
		if (rc < 0)
			break;
	}
	sheet_close(sh);
	if (rc < 0)
		return -1;
	/* a register or an export can hold many thousands of rows: the
	   cells sorted once, found by halving (none: no array to sort) */
	if (s->ncell > 1)
		qsort(s->cell, s->ncell, sizeof(*s->cell), cmp_cell);
	return 0;
}

static const struct cell *cell_at(const struct sheet_read *s, long row,
				  long col)
{
	size_t a = 0, b = s->ncell;

	while (a < b) {
		size_t m = a + (b - a) / 2;
		const struct cell *c = &s->cell[m];

		if (c->row < row || (c->row == row && c->col < col))
			a = m + 1;
		else
			b = m;
	}
	if (a < s->ncell && s->cell[a].row == row && s->cell[a].col == col)
		return s->cell[a].type ? &s->cell[a] : NULL;
	return NULL;
}

/* A remark: a note of the source, "the row's labels: the remark". */
static int remark(struct tpl *t, const struct sheet_read *s, long row,
		  const char *labels, int write, struct rk_error *err)
{
	const struct cell *c = cell_at(s, row, s->remark);
	char note[1200];

	if (!c || !write)
		return 0;
	snprintf(note, sizeof(note), "%s%s%s", labels, *labels ? ": " : "",
		 trim(c->text));
	return emit(t, note, "", NULL, "", "source_note", s->name, row,
		    s->remark, err);
}

/* The labels of a row's codes, "г. Душанбе, женщины", into buf. */
static void row_labels(const struct tpl *t, char *const *code, char *buf,
		       size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t d = 0; d < t->nfdim && n < size; d++) {
		const char *label = code[d];

		for (size_t i = 0; i < t->m.n; i++) {
			const struct mrow *x = &t->m.row[i];

			if (x->n > 3 && !strcmp(x->v[0], "label") &&
			    !strcmp(x->v[1], t->fdim[d]) &&
			    !strcmp(x->v[2], code[d]))
				label = x->v[3];
		}
		n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
				      label);
	}
}

static int crosstab(struct tpl *t, const struct sheet_read *s, int write,
		    struct rk_error *err)
{
	const struct meta *m = &t->m;

	for (size_t i = 0; i < m->n; i++) {
		const struct mrow *x = &m->row[i];
		long row;
		char labels[1024];

		if (strcmp(x->v[0], "row") || x->n < 3 || strcmp(x->v[1], s->name))
			continue;
		row = atol(x->v[2]);
		for (size_t j = 0; j < m->n; j++) {
			const struct mrow *y = &m->row[j];
			const char *value, *status;
			long col;

			if (strcmp(y->v[0], "col") || y->n < 4 ||
			    strcmp(y->v[1], s->name))
				continue;
			col = atol(y->v[2]);
			if (figure(t, s->name, cell_at(s, row, col), &value,
				   &status) == 0 && write &&
			    emit(t, s->indicator, y->v[3],
				 (const char *const *)x->v + 3, value, status,
				 s->name, row, col, err) < 0)
				return -1;
		}
		row_labels(t, x->v + 3, labels, sizeof(labels));
		if (remark(t, s, row, labels, write, err) < 0)
			return -1;
	}
	return 0;
}

/* The code a dropdown's label stands for in dim; NULL when none. */
static const char *code_of(const struct tpl *t, const char *dim,
			   const char *label)
{
	for (size_t i = 0; i < t->m.n; i++) {
		const struct mrow *x = &t->m.row[i];

		if (x->n > 3 && !strcmp(x->v[0], "label") &&
		    !strcmp(x->v[1], dim) && !strcmp(x->v[3], label))
			return x->v[2];
	}
	for (size_t i = 0; i < t->m.n; i++) {    /* a code as it is */
		const struct mrow *x = &t->m.row[i];

		if (x->n > 3 && !strcmp(x->v[0], "label") &&
		    !strcmp(x->v[1], dim) && !strcmp(x->v[2], label))
			return x->v[2];
	}
	return NULL;
}

static int long_row(struct tpl *t, const struct sheet_read *s, long row,
		    int write, struct rk_error *err)
{
	long cv = (long)t->nfdim + 1;
	const struct cell *pc = cell_at(s, row, 0);
	const struct cell *vc = cell_at(s, row, cv);
	const struct cell *sc = cell_at(s, row, cv + 1);
	const char *period = NULL, *code[16], *value = "", *status = "";
	int bad = 0, any = pc || vc || sc;

	for (long c = 1; c < cv && !any; c++)
		any = cell_at(s, row, c) != NULL;
	if (!any)
		return remark(t, s, row, "", write, err);
	if (!pc || !(period = code_of(t, "period", trim(pc->text)))) {
		problem(t, s->name, row, 0, pc ? "'%.60s' is not a period of "
			"the list" : "%sno period", pc ? pc->text : "");
		bad = 1;
	}
	for (size_t d = 0; d < t->nfdim && d < 16; d++) {
		const struct cell *c = cell_at(s, row, (long)d + 1);

		if (!c || !(code[d] = code_of(t, t->fdim[d], trim(c->text)))) {
			problem(t, s->name, row, (long)d + 1, c
				? "'%.60s' is not in the list"
				: "%snothing chosen", c ? c->text : "");
			bad = 1;
		}
	}
	if (vc && figure(t, s->name, vc, &value, &status))
		bad = 1;
	if (sc) {
		const char *st = status_of(t, trim(sc->text));

		if (!st) {
			problem(t, s->name, row, cv + 1, "'%.60s' is not a "
				"status of the list", sc->text);
			bad = 1;
		} else if (vc) {
			problem(t, s->name, row, cv + 1, "%sa number and a "
				"status: give one", "");
			bad = 1;
		} else {
			status = st;
		}
	} else if (!vc) {
		problem(t, s->name, row, cv, "%sno number and no status", "");
		bad = 1;
	}
	if (bad || !write)
		return 0;
	if (emit(t, s->indicator, period, code, value, status, s->name, row,
		 vc ? cv : cv + 1, err) < 0)
		return -1;
	{
		char labels[1024];
		size_t n = (size_t)snprintf(labels, sizeof(labels), "%s",
					    pc->text);

		for (long c = 1; c < cv && n < sizeof(labels); c++)
			n += (size_t)snprintf(labels + n, sizeof(labels) - n,
					      ", %s", cell_at(s, row, c)->text);
		return remark(t, s, row, labels, write, err);
	}
}

/* Two rows of a long table for the same period and categories. */
static void duplicates(struct tpl *t, const struct sheet_read *s)
{
	long n = (long)t->nfdim + 1;

	for (long a = s->first; a <= s->last; a++)
		for (long b = a + 1; b <= s->last; b++) {
			int same = 1, any = 0;

			for (long c = 0; c < n && same; c++) {
				const struct cell *x = cell_at(s, a, c);
				const struct cell *y = cell_at(s, b, c);

				any |= x != NULL;
				same = (!x && !y) ||
				       (x && y && !strcmp(x->text, y->text));
			}
			if (same && any) {
				char ref[CELLREF_BUF];

				cellref_format(a + 1, 0, ref);
				problem(t, s->name, b, 0, "repeats the period "
					"and categories of row %s", ref + 1);
				break;
			}
		}
}

/* ---- case registers ---- */

struct template_cases {
	struct rk_fold *fold;
	struct rk_map *count;       /* tidy key -> index */
	char **key;                 /* "indicator\037period\037dims..." */
	double *n;
	char **origin;
	size_t nkeys, cap;
	struct rk_map *seen;        /* a case: folded key, date, indicator */
	char **where;               /* the cell it was first seen in */
	size_t nseen, seencap;
	size_t dups;
	char first_dup[1500];
	char **line;                /* the case list: code, tidy key */
	size_t nline, linecap;
	char *field[16];            /* the registers' fields (case list) */
	size_t nfield;
	struct reg {                /* what each register gave */
		char *name;         /* its file and organisation */
		size_t cases, dups;
	} *reg;
	size_t nreg, regcap;
};

/* The count of a tidy key, added at 0 when new; -1 when out of memory. */
static long count_of(struct template_cases *c, const char *key,
		     const char *origin)
{
	size_t v, len = strlen(key);

	if (rk_map_get(c->count, key, len, &v))
		return (long)v;
	if (rk_grow((void **)&c->key, &c->cap, c->nkeys + 1, sizeof(*c->key)) ||
	    !(c->n = realloc(c->n, c->cap * sizeof(*c->n))) ||
	    !(c->origin = realloc(c->origin, c->cap * sizeof(*c->origin))))
		return -1;
	if (!(c->key[c->nkeys] = strdup(key)) ||
	    !(c->origin[c->nkeys] = strdup(origin)) ||
	    rk_map_put(c->count, key, len, c->nkeys, NULL, NULL) < 0)
		return -1;
	c->n[c->nkeys] = 0;
	return (long)c->nkeys++;
}

/* "indicator\037period\037<pipeline dims>" from the form's codes. */
static void tidy_key(const struct tpl *t, const char *indicator,
		     const char *period, const char *const *code, char *buf,
		     size_t size)
{
	const struct template_read *r = t->r;
	size_t n = (size_t)snprintf(buf, size, "%s\037%s", indicator, period);

	for (size_t d = 0; d < r->ndims && n < size; d++)
		n += (size_t)snprintf(buf + n, size - n, "\037%s",
				      t->pos[d] >= 0 ? code[t->pos[d]]
				      : t->pos[d] == -2 ? t->org : "");
}

/* The form's codes of dimension d (its "label" rows, in order). */
static size_t codes_of(const struct tpl *t, const char *dim,
		       const char **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < t->m.n && n < max; i++) {
		const struct mrow *x = &t->m.row[i];

		if (x->n > 3 && !strcmp(x->v[0], "label") &&
		    !strcmp(x->v[1], dim))
			out[n++] = x->v[2];
	}
	return n;
}

#define MAX_CODES 512

/*
 * Every period and combination of categories of the register, at 0: a
 * register covers them all, and a category with no case has none.
 */
static int zero_fill(struct tpl *t, struct template_cases *c,
		     const struct sheet_read *s, const char *origin)
{
	const char *period[MAX_CODES], *code[16], **codes[16];
	size_t np = codes_of(t, "period", period, MAX_CODES), nc[16], k[16];
	char key[2048];
	int rc = 0;

	for (size_t d = 0; d < t->nfdim && d < 16; d++) {
		if (!(codes[d] = malloc(MAX_CODES * sizeof(**codes))))
			rc = -1;
		nc[d] = rc ? 0 : codes_of(t, t->fdim[d], codes[d], MAX_CODES);
		k[d] = 0;
	}
	for (size_t p = 0; rc == 0 && p < np; p++) {
		memset(k, 0, sizeof(k));
		for (;;) {
			size_t d;

			for (d = 0; d < t->nfdim && d < 16; d++) {
				if (!nc[d])
					break;
				code[d] = codes[d][k[d]];
			}
			if (d < t->nfdim)
				break;                   /* a dimension with no codes */
			tidy_key(t, s->indicator, period[p], code, key,
				 sizeof(key));
			if (count_of(c, key, origin) < 0) {
				rc = -1;
				break;
			}
			for (d = t->nfdim; d-- > 0;) {
				if (++k[d] < nc[d])
					break;
				k[d] = 0;
			}
			if (d == (size_t)-1)
				break;
		}
	}
	for (size_t d = 0; d < t->nfdim && d < 16; d++)
		free(codes[d]);
	return rc;
}

/*
 * A day's period at the grain of the form's periods into buf, and the day
 * itself (canonical) into day_buf (may be NULL).
 */
static int case_period(const struct tpl *t, const char *text, char *buf,
		       char *day_buf)
{
	const char *first[1];
	struct rk_period day, p, g;
	char why[RK_PERIOD_REASON];

	if (!codes_of(t, "period", first, 1) ||
	    rk_period_parse(first[0], strlen(first[0]), &g, why) < 0 ||
	    rk_period_parse(text, strlen(text), &day, why) < 0 || !day.day ||
	    rk_period_to_grain(&day, rk_period_grain(&g), &p) < 0)
		return -1;
	rk_period_format(&p, buf);
	if (day_buf)
		rk_period_format(&day, day_buf);
	return 0;
}

/* The code a case list carries for a key: never the key itself. */
static void case_code(const struct tpl *t, const char *folded,
		      char hex[RK_SHA256_HEX])
{
	struct rk_sha256 h;
	unsigned char d[32];

	rk_sha256_init(&h);
	rk_sha256_update(&h, "reckon-case", 12);
	rk_sha256_update(&h, t->r->cfg->pipeline,
			 strlen(t->r->cfg->pipeline) + 1);
	rk_sha256_update(&h, folded, strcspn(folded, "\037"));
	rk_sha256_final(&h, d);
	rk_sha256_hex(d, hex);
	hex[16] = '\0';
}

static int cases_sheet(struct tpl *t, const struct sheet_read *s, int write,
		       struct rk_error *err)
{
	const struct template_read *r = t->r;
	struct template_cases *c = *r->cases;
	struct rk_map *here = rk_map_new();     /* this register's cases */
	long dcol = s->by_event ? 2 : 1;
	char origin[600], key[2048], id[1200], period[RK_PERIOD_TEXT];
	char day[RK_PERIOD_TEXT];
	const char *folded;
	int rc = -1;

	if (!here)
		return rk_error_oom(err);
	snprintf(origin, sizeof(origin), "%s#%s", r->origin_name, s->name);
	if (!c) {
		if (!(c = calloc(1, sizeof(*c))) ||
		    !(c->count = rk_map_new()) || !(c->seen = rk_map_new())) {
			template_cases_free(c);
			rk_map_free(here);
			return rk_error_oom(err);
		}
		*r->cases = c;
	}
	if (!c->fold && !(c->fold = rk_fold_new(err)))
		goto out;
	if (write && zero_fill(t, c, s, origin) < 0) {
		rk_error_oom(err);
		goto out;
	}
	if (write) {
		char name[700];

		snprintf(name, sizeof(name), "%s%s%s%s", r->origin_name,
			 t->org && *t->org ? " (" : "", t->org ? t->org : "",
			 t->org && *t->org ? ")" : "");
		if (rk_grow((void **)&c->reg, &c->regcap, c->nreg + 1,
			    sizeof(*c->reg)) ||
		    !(c->reg[c->nreg].name = strdup(name))) {
			rk_error_oom(err);
			goto out;
		}
		c->reg[c->nreg].cases = c->reg[c->nreg].dups = 0;
		c->nreg++;
	}
	for (long row = s->first; row <= s->last; row++) {
		const struct cell *kc = cell_at(s, row, 0);
		const struct cell *dc = cell_at(s, row, dcol);
		const struct cell *oc = cell_at(s, row, 3 - dcol);
		const char *code[16], *fcode[16];
		int bad = 0, any = kc || dc || oc;
		size_t first;

		for (long col = 3; col < 3 + (long)t->nfdim && !any; col++)
			any = cell_at(s, row, col) != NULL;
		if (!any)
			continue;
		if (!kc || !*trim(kc->text)) {
			problem(t, s->name, row, 0, "%sno case key", "");
			bad = 1;
		}
		if (!dc || case_period(t, trim(dc->text), period, day) < 0) {
			problem(t, s->name, row, dcol, dc ? "'%.60s' is not a "
				"date" : "%sno date", dc ? dc->text : "");
			bad = 1;
		}
		if (oc && case_period(t, trim(oc->text), key, NULL) < 0) {
			problem(t, s->name, row, 3 - dcol, "'%.60s' is not a "
				"date", oc->text);
			bad = 1;
		}
		for (size_t d = 0; d < t->nfdim && d < 16; d++) {
			const struct cell *x = cell_at(s, row, (long)d + 3);

			if (!x || !(code[d] = code_of(t, t->fdim[d],
						      trim(x->text)))) {
				problem(t, s->name, row, (long)d + 3, x
					? "'%.60s' is not in the list"
					: "%snothing chosen", x ? x->text : "");
				bad = 1;
			}
		}
		for (size_t k = 0; k < t->nffield && k < 16; k++) {
			long col = 3 + (long)t->nfdim + (long)k;
			const struct cell *x = cell_at(s, row, col);

			fcode[k] = "";           /* a field may be unknown */
			if (x && !(fcode[k] = code_of(t, t->ffield[k],
						      trim(x->text)))) {
				problem(t, s->name, row, col, "'%.60s' is not "
					"in the list", x->text);
				bad = 1;
			}
		}
		if (bad)
			continue;
		/* a case: its key folded (letter case and spaces do not
		   matter), the day it counts by, the indicator */
		if (!(folded = rk_fold_key(c->fold, kc->text,
					   strlen(kc->text), NULL, err)))
			goto out;
		{
			size_t n = 0;

			for (const char *q = folded; *q && n < 512; q++)
				if (!strchr(" -./_", *q))   /* ИВА 120390-М */
					id[n++] = *q;
			snprintf(id + n, sizeof(id) - n, "\037%s\037%s", day,
				 s->indicator);
		}
		if (!rk_map_put(here, id, strlen(id), (size_t)row, &first,
				NULL)) {
			char ref[CELLREF_BUF];

			cellref_format((long)first + 1, 0, ref);
			problem(t, s->name, row, 0, "is the case of %s again "
				"(the same key and date)", ref);
			continue;
		}
		if (!write)
			continue;
		{
			char where[700], ref[CELLREF_BUF], hex[RK_SHA256_HEX];
			size_t at;
			long k;

			cellref_format(row + 1, 0, ref);
			snprintf(where, sizeof(where), "%s!%s", origin, ref);
			if (rk_map_get(c->seen, id, strlen(id), &at)) {
				c->reg[c->nreg - 1].dups++;
				if (!c->dups++)
					snprintf(c->first_dup,
						 sizeof(c->first_dup),
						 "%s and %s", c->where[at],
						 where);
				continue;
			}
			if (rk_grow((void **)&c->where, &c->seencap,
				    c->nseen + 1, sizeof(*c->where)) ||
			    !(c->where[c->nseen] = strdup(where)) ||
			    rk_map_put(c->seen, id, strlen(id), c->nseen,
				       NULL, NULL) < 0) {
				rk_error_oom(err);
				goto out;
			}
			c->nseen++;
			c->reg[c->nreg - 1].cases++;
			tidy_key(t, s->indicator, period, code, key,
				 sizeof(key));
			if ((k = count_of(c, key, origin)) < 0) {
				rk_error_oom(err);
				goto out;
			}
			if (c->n[k]++ == 0) {      /* the register of its first case */
				char *o = strdup(origin);

				if (!o) {
					rk_error_oom(err);
					goto out;
				}
				free(c->origin[k]);
				c->origin[k] = o;
			}
			case_code(t, id, hex);   /* the folded key: id's head */
			{
				size_t need = strlen(key) + 20, o;

				for (size_t k = 0; k < t->nffield && k < 16; k++)
					need += strlen(fcode[k]) + 1;
				if (rk_grow((void **)&c->line, &c->linecap,
					    c->nline + 1, sizeof(*c->line)) ||
				    !(c->line[c->nline] = malloc(need))) {
					rk_error_oom(err);
					goto out;
				}
				o = (size_t)sprintf(c->line[c->nline], "%s\037%s",
						    hex, key);
				for (size_t k = 0; k < t->nffield && k < 16; k++)
					o += (size_t)sprintf(c->line[c->nline] + o,
							     "\037%s", fcode[k]);
				c->nline++;
			}
			if (!c->nfield && t->nffield)
				for (size_t k = 0; k < t->nffield && k < 16; k++)
					if (!(c->field[c->nfield++] =
						      strdup(t->ffield[k]))) {
						rk_error_oom(err);
						goto out;
					}
		}
	}
	rc = 0;
out:
	rk_map_free(here);
	return rc;
}

static int entries(struct tpl *t, const struct sheet_read *s, int write,
		   struct rk_error *err)
{
	if (s->cases)
		return cases_sheet(t, s, write, err);
	if (!s->long_shape)
		return crosstab(t, s, write, err);
	if (!write)
		duplicates(t, s);
	for (long row = s->first; row <= s->last; row++)
		if (long_row(t, s, row, write, err) < 0)
			return -1;
	return 0;
}

/* ---- the whole form ---- */

static void sheets_free(struct sheet_read *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < s[i].ncell; k++)
			free(s[i].cell[k].text);
		free(s[i].cell);
	}
	free(s);
}

static int sheets_read(struct tpl *t, struct book *b, struct sheet_read **out,
		       size_t *nout, struct rk_error *err)
{
	struct sheet_read *s = NULL;
	size_t n = 0;

	for (size_t i = 0; i < t->m.n; i++) {
		const struct mrow *x = &t->m.row[i];
		struct sheet_read *p;

		if (strcmp(x->v[0], "sheet") || x->n < 6)
			continue;
		if (!(p = realloc(s, (n + 1) * sizeof(*p)))) {
			sheets_free(s, n);
			return rk_error_oom(err);
		}
		s = p;
		p = &s[n++];
		memset(p, 0, sizeof(*p));
		p->name = x->v[1];
		p->long_shape = strcmp(x->v[2], "long") == 0;
		p->cases = strcmp(x->v[2], "cases") == 0;
		if (p->cases && !t->r->cases) {
			sheets_free(s, n);
			return rk_error_set(err, RK_EXIT_DATAERR, book_name(b), 0,
					    "a case register cannot be read "
					    "here");
		}
		p->indicator = x->v[3];
		p->first = atol(x->v[4]);
		p->last = atol(x->v[5]);
		p->remark = -1;
		for (size_t j = 0; j < t->m.n; j++)
			if (!strcmp(t->m.row[j].v[0], "date") &&
			    t->m.row[j].n > 2 && !strcmp(t->m.row[j].v[1],
							  p->name))
				p->by_event = !strcmp(t->m.row[j].v[2], "event");
		for (size_t j = 0; j < t->m.n; j++)
			if (!strcmp(t->m.row[j].v[0], "remark") &&
			    t->m.row[j].n > 2 && !strcmp(t->m.row[j].v[1],
							  p->name))
				p->remark = atol(t->m.row[j].v[2]);
		if (read_cells(b, p, err) < 0) {
			sheets_free(s, n);
			return -1;
		}
	}
	*out = s;
	*nout = n;
	return 0;
}

struct template_form {
	struct template_read r;  /* the caller's, origin_name its own copy */
	struct tpl t;
	struct sheet_read *s;
	size_t ns;
	char *origin, *file;     /* the origins' name; the errors' */
	int read;                /* the metadata was read */
	size_t nproblems;
	struct rk_error why;     /* what is wrong, when nproblems */
};

void template_form_free(struct template_form *f)
{
	if (!f)
		return;
	sheets_free(f->s, f->ns);
	meta_free(&f->t.m);
	free(f->t.pos);
	free(f->t.out);
	free(f->origin);
	free(f->file);
	free(f);
}

/* Reads and checks; -1 with err set for anything wrong. */
static int form_check(struct template_form *f, struct book *b,
		      struct rk_error *err)
{
	struct tpl *t = &f->t;

	if (meta_read(b, &t->m, err) < 0)
		return -1;
	f->read = 1;
	if (check_form(t, b, err) < 0 || sheets_read(t, b, &f->s, &f->ns,
						     err) < 0)
		return -1;
	if (!(t->out = calloc(f->r.ndims + 6, sizeof(*t->out))))
		return rk_error_oom(err);
	/* every entry checked before anything is written */
	for (size_t i = 0; i < f->ns; i++)
		if (entries(t, &f->s[i], 0, err) < 0)
			return -1;
	if (!t->nproblems)
		return 0;
	problems(t, f->file, "", "correct them in the form (a value pasted "
		 "into a cell escapes Excel's own check) and read it again",
		 err);
	return -1;
}

int template_form_read(struct book *b, const struct template_read *r,
		       struct template_form **out, struct rk_error *err)
{
	struct template_form *f = calloc(1, sizeof(*f));

	*out = NULL;
	if (!f || !(f->origin = strdup(r->origin_name)) ||
	    !(f->file = strdup(book_name(b)))) {
		template_form_free(f);
		return rk_error_oom(err);
	}
	f->r = *r;
	f->r.origin_name = f->origin;
	f->t.r = &f->r;
	if (form_check(f, b, &f->why) < 0) {
		if (f->why.code != RK_EXIT_DATAERR) {
			*err = f->why;
			template_form_free(f);
			return -1;
		}
		f->nproblems = f->t.nproblems ? f->t.nproblems : 1;
	}
	*out = f;
	return 0;
}

const char *template_form_organisation(const struct template_form *f)
{
	const char *org = f->read ? meta_get(&f->t.m, "organisation") : NULL;

	return org ? org : f->read ? "" : NULL;
}

size_t template_form_problems(const struct template_form *f,
			      const struct rk_error **why)
{
	*why = f->nproblems ? &f->why : NULL;
	return f->nproblems;
}

int template_form_write(struct template_form *f, struct tidy_writer *w,
			struct rk_error *err)
{
	const struct template_read *r = &f->r;
	struct tpl *t = &f->t;

	if (f->nproblems) {
		*err = f->why;
		return -1;
	}
	t->w = w;
	t->empty = 0;
	if (!(*r->header_written)++ &&
	    tidy_writer_header(w, r->dims, r->ndims, err) < 0)
		return -1;
	for (size_t i = 0; i < f->ns; i++)
		if (entries(t, &f->s[i], 1, err) < 0)
			return -1;
	if (t->empty && r->warning)
		snprintf(r->warning, r->warning_size, "%s: %zu entry cell(s) "
			 "left empty, read as missing (not 0), first on sheet "
			 "'%s'", f->file, t->empty, t->first_empty);
	return 0;
}

/* Splits a "\037"-joined key into fields[0..max); returns how many. */
static size_t split(char *key, const char **field, size_t max)
{
	size_t n = 0;

	for (char *p = key; n < max;) {
		char *q = strchr(p, '\037');

		field[n++] = p;
		if (!q)
			break;
		*q = '\0';
		p = q + 1;
	}
	return n;
}

int template_cases_flush(struct template_cases *c, const struct template_read *r,
			 struct tidy_writer *w, struct tidy_writer *cases_out,
			 struct rk_error *err)
{
	const char **f = calloc(r->ndims + 24, sizeof(*f));
	char num[40];
	int rc = 0;

	if (!f)
		return rk_error_oom(err);
	for (size_t i = 0; c && rc == 0 && i < c->nkeys; i++) {
		char *key = strdup(c->key[i]);
		size_t n;

		if (!key) {
			rc = rk_error_oom(err);
			break;
		}
		f[0] = r->source_id;
		n = 1 + split(key, f + 1, r->ndims + 2);
		snprintf(num, sizeof(num), "%.0f", c->n[i]);
		f[n++] = num;
		f[n++] = "";
		f[n++] = c->origin[i];
		rc = tidy_writer_row(w, f, NULL, n, err);
		free(key);
	}
	if (rc == 0 && cases_out) {
		const char *head[4 + 16 + 1] = { "key", "indicator", "period" };
		size_t nh = 3;

		for (size_t d = 0; d < r->ndims && nh < 19; d++)
			head[nh++] = r->dims[d];
		for (size_t k = 0; c && k < c->nfield && nh < 20; k++)
			head[nh++] = c->field[k];
		rc = tidy_writer_row(cases_out, head, NULL, nh, err);
		for (size_t i = 0; c && rc == 0 && i < c->nline; i++) {
			char *line = strdup(c->line[i]);

			if (!line) {
				rc = rk_error_oom(err);
				break;
			}
			rc = tidy_writer_row(cases_out, f, NULL,
					     split(line, f, r->ndims + 3 +
							    c->nfield), err);
			free(line);
		}
	}
	if (rc == 0 && c && c->dups && r->warning) {
		size_t n = (size_t)snprintf(r->warning, r->warning_size,
					    "%zu case(s) are in more than one "
					    "register (the same key and date), "
					    "each counted once: first %s; by "
					    "register:", c->dups, c->first_dup);

		for (size_t i = 0; i < c->nreg && n < r->warning_size; i++)
			n += (size_t)snprintf(r->warning + n,
					      r->warning_size - n,
					      "%s %s %zu case(s), %zu already "
					      "in another", i ? ";" : "",
					      c->reg[i].name, c->reg[i].cases +
					      c->reg[i].dups, c->reg[i].dups);
	}
	free(f);
	return rc;
}

void template_cases_free(struct template_cases *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nkeys; i++) {
		free(c->key[i]);
		free(c->origin[i]);
	}
	for (size_t i = 0; i < c->nseen; i++)
		free(c->where[i]);
	for (size_t i = 0; i < c->nline; i++)
		free(c->line[i]);
	free(c->key);
	free(c->n);
	free(c->origin);
	free(c->where);
	free(c->line);
	for (size_t i = 0; i < c->nreg; i++)
		free(c->reg[i].name);
	for (size_t i = 0; i < c->nfield; i++)
		free(c->field[i]);
	free(c->reg);
	rk_map_free(c->count);
	rk_map_free(c->seen);
	rk_fold_free(c->fold);
	free(c);
}

int template_register_rows(const struct template_read *r, const char *file,
			   const char *sheet, const char *indicator,
			   int by_event, char *const *const *meta,
			   const size_t *meta_n, size_t nmeta,
			   char *const *cells, size_t ncols, size_t nrows,
			   struct tidy_writer *w, struct rk_error *err)
{
	struct tpl t = { .r = r, .w = w };
	struct sheet_read s = { .name = sheet, .cases = 1,
				.indicator = indicator, .by_event = by_event,
				.first = 1, .last = (long)nrows,
				.remark = (long)ncols - 1 };
	int rc = -1;

	if (!(t.m.row = calloc(nmeta ? nmeta : 1, sizeof(*t.m.row))) ||
	    !(s.cell = calloc(nrows * ncols + 1, sizeof(*s.cell))))
		goto oom;
	for (size_t i = 0; i < nmeta; i++, t.m.n++) {
		struct mrow *x = &t.m.row[i];

		if (!(x->v = calloc(meta_n[i] + 1, sizeof(*x->v))))
			goto oom;
		for (x->n = 0; x->n < meta_n[i]; x->n++)
			if (!(x->v[x->n] = strdup(meta[i][x->n])))
				goto oom;
	}
	for (size_t i = 0; i < nrows; i++)
		for (size_t c = 0; c < ncols; c++) {
			const char *v = cells[i * ncols + c];

			if (!v || !*v)
				continue;
			if (!(s.cell[s.ncell].text = strdup(v)))
				goto oom;
			s.cell[s.ncell].type = 's';
			s.cell[s.ncell].row = (long)i + 1;
			s.cell[s.ncell++].col = (long)c;
		}
	form_dims(&t);
	if (map_dims(&t, file, err) < 0 || cases_sheet(&t, &s, 0, err) < 0)
		goto out;
	if (t.nproblems) {
		problems(&t, file, " of the export", "correct the submissions "
			 "(the export's cells are named as a spreadsheet would "
			 "name them) and export again", err);
		goto out;
	}
	if ((!(*r->header_written)++ &&
	     tidy_writer_header(w, r->dims, r->ndims, err) < 0) ||
	    cases_sheet(&t, &s, 1, err) < 0)
		goto out;
	rc = 0;
	goto out;
oom:
	rk_error_oom(err);
out:
	for (size_t k = 0; k < s.ncell; k++)
		free(s.cell[k].text);
	free(s.cell);
	meta_free(&t.m);
	free(t.pos);
	return rc;
}
