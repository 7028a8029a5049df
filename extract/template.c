/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "template.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book/cellref.h"
#include "config.h"
#include "formmeta.h"

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
};

struct sheet_read {
	const char *name;
	int long_shape;
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
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->row[i].v[0], "dims") == 0) {
			t->fdim = m->row[i].v + 1;
			t->nfdim = m->row[i].n - 1;
			while (t->nfdim && !*t->fdim[t->nfdim - 1])
				t->nfdim--;
		}
	if (!(names = malloc((t->nfdim + 1) * sizeof(*names))))
		return rk_error_oom(err);
	names[0] = "indicator";
	for (size_t d = 0; d < t->nfdim; d++)
		names[d + 1] = t->fdim[d];
	rc = form_codelists_hash(r->cfg, names, t->nfdim + 1, hex, err);
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
	t->org = meta_get(m, "organisation");
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

			if (s->ncell == s->cap) {
				size_t cap = s->cap ? 2 * s->cap : 64;
				void *p = realloc(s->cell, cap * sizeof(*x));

				if (!p) {
					rc = rk_error_oom(err);
					break;
				}
				s->cell = p;
				s->cap = cap;
			}
			x = &s->cell[s->ncell];
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
	return rc < 0 ? -1 : 0;
}

static const struct cell *cell_at(const struct sheet_read *s, long row,
				  long col)
{
	for (size_t i = 0; i < s->ncell; i++)     /* forms are small */
		if (s->cell[i].row == row && s->cell[i].col == col)
			return s->cell[i].type ? &s->cell[i] : NULL;
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

static int entries(struct tpl *t, const struct sheet_read *s, int write,
		   struct rk_error *err)
{
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
		p->indicator = x->v[3];
		p->first = atol(x->v[4]);
		p->last = atol(x->v[5]);
		p->remark = -1;
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

int template_extract(struct book *b, const struct template_read *r,
		     struct tidy_writer *w, struct rk_error *err)
{
	struct tpl t = { .r = r, .w = w };
	struct sheet_read *s = NULL;
	size_t ns = 0;
	int rc = -1;

	if (meta_read(b, &t.m, err) < 0 || check_form(&t, b, err) < 0 ||
	    sheets_read(&t, b, &s, &ns, err) < 0)
		goto out;
	if (!(t.out = calloc(r->ndims + 6, sizeof(*t.out)))) {
		rk_error_oom(err);
		goto out;
	}
	/* every entry checked before anything is written */
	for (size_t i = 0; i < ns; i++)
		if (entries(&t, &s[i], 0, err) < 0)
			goto out;
	if (t.nproblems) {
		rk_error_set(err, RK_EXIT_DATAERR, book_name(b), 0, "%zu "
			     "cell(s) break the form's rules: %s%s",
			     t.nproblems, t.problems,
			     t.nproblems > MAX_PROBLEMS_SHOWN ? "; …" : "");
		snprintf(err->cell, sizeof(err->cell), "%s", t.first_cell);
		rk_error_hint(err, "correct them in the form (a value pasted "
			      "into a cell escapes Excel's own check) and read "
			      "it again");
		goto out;
	}
	t.empty = 0;
	if (!(*r->header_written)++ &&
	    tidy_writer_header(w, r->dims, r->ndims, err) < 0)
		goto out;
	for (size_t i = 0; i < ns; i++)
		if (entries(&t, &s[i], 1, err) < 0)
			goto out;
	if (t.empty && r->warning)
		snprintf(r->warning, r->warning_size, "%s: %zu entry cell(s) "
			 "left empty, read as missing (not 0), first on sheet "
			 "'%s'", book_name(b), t.empty, t.first_empty);
	rc = 0;
out:
	sheets_free(s, ns);
	meta_free(&t.m);
	free(t.pos);
	free(t.out);
	return rc;
}
