/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "kobo.h"

#include <stdlib.h>
#include <string.h>

#include "book/book.h"
#include "config.h"
#include "csvread.h"
#include "formmeta.h"
#include "period.h"

/* Rows of strings ("" where a cell is empty), as read. */
struct table {
	char ***row;
	size_t *n;
	size_t nrows, cap;
};

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nrows; i++) {
		for (size_t k = 0; k < t->n[i]; k++)
			free(t->row[i][k]);
		free(t->row[i]);
	}
	free(t->row);
	free(t->n);
}

/* Adds a row of n fields (field i from get(arg, i, &len)); -1 when oom. */
static int table_add(struct table *t, size_t n,
		     const char *(*get)(const void *, size_t, size_t *),
		     const void *arg)
{
	char **r;

	if (t->nrows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		char ***p = realloc(t->row, cap * sizeof(*p));
		size_t *q;

		if (!p)
			return -1;
		t->row = p;
		if (!(q = realloc(t->n, cap * sizeof(*q))))
			return -1;
		t->n = q;
		t->cap = cap;
	}
	if (!(r = calloc(n + 1, sizeof(*r))))
		return -1;
	t->row[t->nrows] = r;
	t->n[t->nrows++] = n;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *s = get(arg, i, &len);

		if (!(r[i] = s ? strndup(s, len) : strdup("")))
			return -1;
	}
	return 0;
}

static const char *field(const struct table *t, size_t r, long c)
{
	return r < t->nrows && c >= 0 && (size_t)c < t->n[r] ? t->row[r][c]
							     : "";
}

/* ---- a sheet of a workbook, a row of cells at their columns ---- */

struct dense {
	const struct sheet_row *row;
};

static const char *dense_get(const void *arg, size_t i, size_t *len)
{
	const struct sheet_row *row = ((const struct dense *)arg)->row;

	for (size_t k = 0; k < row->n; k++)
		if ((size_t)row->cell[k].col == i) {
			*len = row->cell[k].len;
			return row->cell[k].text;
		}
	return NULL;
}

/* Every row of sheet (by name; NULL the first) into t: row i is the
   sheet's row i + 1, blank rows kept empty. */
static int read_sheet(struct book *b, const char *name, struct table *t,
		      int needed, struct rk_error *err)
{
	long i = name ? book_find_sheet(b, name) : 0;
	struct sheet *s;
	struct sheet_row row;
	int rc;

	if (i < 0 || (size_t)i >= book_sheet_count(b)) {
		if (!needed)
			return 0;
		rk_error_set(err, RK_EXIT_DATAERR, book_name(b), 0, "no sheet "
			     "'%s': not an XLSForm", name);
		rk_error_hint(err, "give layout.xlsform the form's definition "
			      "(the xlsx with its survey and choices sheets)");
		return -1;
	}
	if (!(s = book_sheet_open(b, (size_t)i, err)))
		return -1;
	while ((rc = sheet_next_row(s, &row, err)) == 1) {
		struct dense d = { &row };
		size_t n = row.n ? (size_t)row.cell[row.n - 1].col + 1 : 0;

		while (t->nrows + 1 < (size_t)row.row)  /* blank rows */
			if (table_add(t, 0, dense_get, &d) < 0)
				goto oom;
		if (n > 4096 || table_add(t, n, dense_get, &d) < 0)
			goto oom;
	}
	sheet_close(s);
	return rc < 0 ? -1 : 0;
oom:
	sheet_close(s);
	return rk_error_set(err, RK_EXIT_DATAERR, book_name(b), 0, "a row "
			    "too wide, or out of memory");
}

static const char *csv_get(const void *arg, size_t i, size_t *len)
{
	const struct csvr_row *row = arg;

	*len = row->len[i];
	return row->field[i];
}

static int csv_row(void *arg, const struct csvr_row *row, struct rk_error *err)
{
	return table_add(arg, row->n, csv_get, row) < 0 ? rk_error_oom(err)
							: 0;
}

/* ---- the form ---- */

struct form {
	struct table survey, choices, settings;
	long type, name, version;          /* columns */
	long label[16];                    /* label and label::... columns */
	size_t nlabel;
	long c_list, c_name, c_label[16];
	size_t nclabel;
	/* the questions found: rows of survey */
	long key, received, event, remark;
	long dim[16];                      /* per form dimension: its row */
	const char *dim_name[16], *dim_list[16];
	size_t ndims;
};

static long col_of(const struct table *t, const char *name)
{
	for (size_t c = 0; t->nrows && c < t->n[0]; c++)
		if (strcmp(t->row[0][c], name) == 0)
			return (long)c;
	return -1;
}

static size_t label_cols(const struct table *t, long *out)
{
	size_t n = 0;

	for (size_t c = 0; t->nrows && c < t->n[0] && n < 16; c++)
		if (!strcmp(t->row[0][c], "label") ||
		    !strncmp(t->row[0][c], "label::", 7))
			out[n++] = (long)c;
	return n;
}

static int is_dim(const struct template_read *r, const char *s)
{
	for (size_t d = 0; d < r->ndims; d++)
		if (strcmp(r->dims[d], s) == 0)
			return 1;
	return 0;
}

static int questions(struct form *f, const struct template_read *r,
		     const char *file, struct rk_error *err)
{
	f->key = f->received = f->event = f->remark = -1;
	for (size_t i = 1; i < f->survey.nrows; i++) {
		const char *type = field(&f->survey, i, f->type);
		const char *name = field(&f->survey, i, f->name);

		if (!strcmp(name, "case_key") || !strcmp(name, "key"))
			f->key = (long)i;
		else if (!strcmp(name, "date_received"))
			f->received = (long)i;
		else if (!strcmp(name, "date_event"))
			f->event = (long)i;
		else if (!strcmp(name, "remark"))
			f->remark = (long)i;
		else if (!strncmp(type, "select_one ", 11) && f->ndims < 16) {
			const char *list = type + 11;

			while (*list == ' ')
				list++;
			if (is_dim(r, list) || is_dim(r, name)) {
				f->dim[f->ndims] = (long)i;
				f->dim_list[f->ndims] = list;
				f->dim_name[f->ndims++] = is_dim(r, list) ? list
									  : name;
			}
		}
	}
	if (f->key < 0 || f->received < 0) {
		rk_error_set(err, RK_EXIT_DATAERR, file, 0, "the XLSForm has no "
			     "question '%s'", f->key < 0 ? "case_key"
							 : "date_received");
		rk_error_hint(err, "its survey needs case_key (text) and "
			      "date_received (date): reckon template --xlsform "
			      "writes a form that has them");
		return -1;
	}
	return 0;
}

static int read_form(struct form *f, const struct template_read *r,
		     const char *path, struct rk_error *err)
{
	struct book *b = book_open(path, path, err);
	int rc;

	if (!b)
		return -1;
	rc = read_sheet(b, "survey", &f->survey, 1, err) < 0 ||
	     read_sheet(b, "choices", &f->choices, 1, err) < 0 ||
	     read_sheet(b, "settings", &f->settings, 0, err) < 0 ? -1 : 0;
	book_close(b);
	if (rc < 0)
		return -1;
	f->type = col_of(&f->survey, "type");
	f->name = col_of(&f->survey, "name");
	f->c_list = col_of(&f->choices, "list_name");
	f->c_name = col_of(&f->choices, "name");
	f->version = col_of(&f->settings, "version");
	f->nlabel = label_cols(&f->survey, f->label);
	f->nclabel = label_cols(&f->choices, f->c_label);
	if (f->type < 0 || f->name < 0 || f->c_list < 0 || f->c_name < 0) {
		rk_error_set(err, RK_EXIT_DATAERR, path, 0, "not an XLSForm: its "
			     "survey needs the columns type and name, its "
			     "choices list_name and name");
		return -1;
	}
	return questions(f, r, path, err);
}

/*
 * A form reckon made carries the code lists' version ("reckon-" and the
 * first 12 digits of their hash): an export of another version is refused.
 */
static int check_version(const struct form *f, const struct template_read *r,
			 const char *path, struct rk_error *err)
{
	const char *v = field(&f->settings, 1, f->version);
	char **names, hex[RK_SHA256_HEX];
	int rc;

	if (strncmp(v, "reckon-", 7) != 0)
		return 0;
	if (!(names = malloc((f->ndims + 1) * sizeof(*names))))
		return rk_error_oom(err);
	names[0] = "indicator";
	for (size_t d = 0; d < f->ndims; d++)
		names[d + 1] = (char *)f->dim_name[d];
	rc = form_codelists_hash(r->cfg, names, f->ndims + 1, hex, err);
	free(names);
	if (rc < 0)
		return -1;
	if (strncmp(v + 7, hex, 12) != 0) {
		rk_error_set(err, RK_EXIT_DATAERR, path, 0, "an XLSForm made with "
			     "other code lists (version %.12s; the pipeline's "
			     "are now %.12s)", v + 7, hex);
		rk_error_hint(err, "make the form again with reckon template "
			      "--xlsform and deploy it, or read the export with "
			      "the code lists of its version (git checkout)");
		return -1;
	}
	return 0;
}

/* ---- the metadata a register would carry ---- */

struct meta {
	char ***row;
	size_t *n, nrows, cap;
	char *store[8192];                 /* strings made here */
	size_t nstore;
};

static int meta_add(struct meta *m, const char *const *v, size_t n)
{
	char **r;

	if (m->nrows == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 64;
		char ***p = realloc(m->row, cap * sizeof(*p));
		size_t *q;

		if (!p)
			return -1;
		m->row = p;
		if (!(q = realloc(m->n, cap * sizeof(*q))))
			return -1;
		m->n = q;
		m->cap = cap;
	}
	if (!(r = malloc(n * sizeof(*r))))
		return -1;
	memcpy(r, v, n * sizeof(*r));
	m->row[m->nrows] = r;
	m->n[m->nrows++] = n;
	return 0;
}

static void meta_free(struct meta *m)
{
	for (size_t i = 0; i < m->nrows; i++)
		free(m->row[i]);
	for (size_t i = 0; i < m->nstore; i++)
		free(m->store[i]);
	free(m->row);
	free(m->n);
}

/* The periods of the pipeline's range at its grain, as "label" rows. */
static int periods(struct meta *m, const struct rk_config *c)
{
	struct rk_period from, to, p;
	char why[RK_PERIOD_REASON];
	enum rk_grain g;

	if (!c->period_from || !c->period_to ||
	    rk_period_parse(c->period_from, strlen(c->period_from), &from,
			    why) < 0 ||
	    rk_period_parse(c->period_to, strlen(c->period_to), &to, why) < 0)
		return 1;
	g = c->period_grain ? rk_grain_parse(c->period_grain)
			    : rk_period_grain(&from);
	if (rk_period_to_grain(&from, g, &p) < 0)
		return 1;
	while (rk_period_cmp(&p, &to) <= 0 && m->nstore < 4000) {
		char buf[RK_PERIOD_TEXT];
		const char *v[4] = { "label", "period", NULL, NULL };

		rk_period_format(&p, buf);
		if (!(m->store[m->nstore] = strdup(buf)))
			return -1;
		v[2] = v[3] = m->store[m->nstore++];
		if (meta_add(m, v, 4) < 0)
			return -1;
		if (rk_period_step(&p, g) < 0)
			break;
	}
	return 0;
}

static int build_meta(struct meta *m, const struct form *f,
		      const struct rk_config *c, struct rk_error *err)
{
	const char *dims[17] = { "dims" };
	int rc;

	for (size_t d = 0; d < f->ndims; d++)
		dims[d + 1] = f->dim_name[d];
	if (meta_add(m, dims, f->ndims + 1) < 0)
		return rk_error_oom(err);
	for (size_t d = 0; d < f->ndims; d++)
		for (size_t i = 1; i < f->choices.nrows; i++) {
			const char *v[4] = { "label", f->dim_name[d],
					     field(&f->choices, i, f->c_name),
					     NULL };

			if (strcmp(field(&f->choices, i, f->c_list),
				   f->dim_list[d]) || !*v[2])
				continue;
			for (size_t l = 0; l < f->nclabel; l++) {
				v[3] = field(&f->choices, i, f->c_label[l]);
				if (*v[3] && meta_add(m, v, 4) < 0)
					return rk_error_oom(err);
			}
		}
	if ((rc = periods(m, c)) < 0)
		return rk_error_oom(err);
	if (rc > 0) {
		rk_error_set(err, RK_EXIT_CONFIG, c->path, 0, "an XLSForm export "
			     "needs the pipeline's period range");
		rk_error_hint(err, "give period: {from: 2024-Q1, to: 2024-Q4, "
			      "grain: quarter}");
		return -1;
	}
	return 0;
}

/* ---- the export ---- */

/* The export's column of question row q: its name (any group path) or a
   label; -1 when none. */
static long column(const struct form *f, const struct table *x, long q)
{
	const char *name = field(&f->survey, (size_t)q, f->name);

	if (q < 0 || !x->nrows)
		return -1;
	for (size_t c = 0; c < x->n[0]; c++) {
		const char *h = x->row[0][c], *slash = strrchr(h, '/');

		if (!strcmp(slash ? slash + 1 : h, name))
			return (long)c;
	}
	for (size_t c = 0; c < x->n[0]; c++)
		for (size_t l = 0; l < f->nlabel; l++) {
			const char *lab = field(&f->survey, (size_t)q,
						f->label[l]);

			if (*lab && !strcmp(x->row[0][c], lab))
				return (long)c;
		}
	return -1;
}

static int read_export(const struct kobo_read *k, struct table *x,
		       struct rk_error *err)
{
	struct book *b;
	int rc;

	if (!k->book)
		return csvsrc_rows(k->in, k->name, k->csv, csv_row, x, err);
	if (!(b = book_open(k->path, k->name, err)))
		return -1;
	rc = read_sheet(b, NULL, x, 1, err);
	book_close(b);
	return rc;
}

int kobo_extract(const struct kobo_read *k, const struct template_read *r,
		 struct tidy_writer *w, struct rk_error *err)
{
	struct form f = { 0 };
	struct table x = { 0 };
	struct meta m = { 0 };
	long col[3 + 16 + 1];
	size_t ncols, nrows;
	char **cells = NULL;
	int rc = -1;

	if (read_form(&f, r, k->xlsform, err) < 0 ||
	    check_version(&f, r, k->xlsform, err) < 0 ||
	    build_meta(&m, &f, r->cfg, err) < 0 || read_export(k, &x, err) < 0)
		goto out;
	ncols = 3 + f.ndims + 1;
	col[0] = column(&f, &x, f.key);
	col[1] = column(&f, &x, f.received);
	col[2] = column(&f, &x, f.event);
	for (size_t d = 0; d < f.ndims; d++)
		col[3 + d] = column(&f, &x, f.dim[d]);
	col[ncols - 1] = column(&f, &x, f.remark);
	for (size_t c = 0; c < ncols; c++)
		if (col[c] < 0 && c != 2 && c != ncols - 1) {
			long q = c == 0 ? f.key : c == 1 ? f.received
							 : f.dim[c - 3];

			rk_error_set(err, RK_EXIT_DATAERR, k->name, 1, "the "
				     "export has no column for question '%s'",
				     field(&f.survey, (size_t)q, f.name));
			rk_error_hint(err, "export the submissions of the form "
				      "given as layout.xlsform, with every "
				      "question");
			goto out;
		}
	nrows = x.nrows ? x.nrows - 1 : 0;
	if (!(cells = calloc(nrows * ncols + 1, sizeof(*cells)))) {
		rk_error_oom(err);
		goto out;
	}
	for (size_t i = 0; i < nrows; i++)
		for (size_t c = 0; c < ncols; c++)
			cells[i * ncols + c] = col[c] < 0 ? NULL
				: (char *)field(&x, i + 1, col[c]);
	rc = template_register_rows(r, k->name, "export", k->indicator,
				    k->by_event,
				    (char *const *const *)m.row, m.n, m.nrows,
				    cells, ncols, nrows, w, err);
out:
	free(cells);
	meta_free(&m);
	table_free(&x);
	table_free(&f.survey);
	table_free(&f.choices);
	table_free(&f.settings);
	return rc;
}
