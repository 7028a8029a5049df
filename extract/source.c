/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "source.h"

#include "rx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "book/book.h"
#include "bookcells.h"
#include "booksrc.h"
#include "collect.h"
#include "csvsrc.h"
#include "infile.h"
#include "layout.h"
#include "outfile.h"
#include "kobo.h"
#include "template.h"
#include "tidy.h"

void source_request_init(struct source_request *q)
{
	memset(q, 0, sizeof(*q));
	q->layout.header_rows = -1;
	q->layout.header_row = -1;
}

static int push_str(struct rk_strlist *l, char *s)
{
	char **p = realloc(l->items, (l->n + 1) * sizeof(*p));

	if (!p || !s) {
		free(s);
		if (p)
			l->items = p;
		return -1;
	}
	l->items = p;
	l->items[l->n++] = s;
	return 0;
}

/* Splits "NAME=VALUE" into a new pair. */
static int push_kv(struct rk_kvlist *l, const char *arg)
{
	const char *eq = strchr(arg, '=');
	struct rk_kv *p;

	if (!eq || eq == arg)
		return -1;
	p = realloc(l->items, (l->n + 1) * sizeof(*p));
	if (!p)
		return -1;
	l->items = p;
	p[l->n].key = strndup(arg, (size_t)(eq - arg));
	p[l->n].value = strdup(eq + 1);
	p[l->n].mark = (struct rk_mark){ 0, 0 };
	l->n++;
	return p[l->n - 1].key && p[l->n - 1].value ? 0 : -1;
}

static int split_dims(struct source_request *q, const char *arg)
{
	const char *s = arg;

	q->dims_given = 1;
	while (*s) {
		size_t n = strcspn(s, ",");

		if (n && push_str(&q->dims, strndup(s, n)) < 0)
			return -1;
		s += n + (s[n] == ',');
	}
	return 0;
}

static int parse_row_number(const char *arg, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(arg, &end, 10);
	return (*arg && !*end && !errno && *out >= 0) ? 0 : -1;
}

int source_request_option(struct source_request *q, const char *name,
			  const char *arg)
{
	struct rk_layout *l = &q->layout;

	if (strcmp(name, "field") == 0)
		return push_kv(&l->fields, arg);
	if (strcmp(name, "constant") == 0)
		return push_kv(&q->constants, arg);
	if (strcmp(name, "sentinel") == 0)
		return push_kv(&l->sentinels, arg);
	if (strcmp(name, "blank-label") == 0)
		return push_kv(&l->blank_labels, arg);
	if (strcmp(name, "mark") == 0)
		return push_kv(&l->marks, arg);
	if (strcmp(name, "value") == 0)
		return push_str(&l->values, strdup(arg));
	if (strcmp(name, "value-header") == 0)
		return push_str(&l->value_headers, strdup(arg));
	if (strcmp(name, "dimensions") == 0)
		return split_dims(q, arg);
	if (strcmp(name, "header-row") == 0)
		return parse_row_number(arg, &l->header_row);
	if (strcmp(name, "header-rows") == 0)
		return parse_row_number(arg, &l->header_rows);
	if (strcmp(name, "sheet") == 0)
		return (l->sheet = (char *)arg) ? 0 : -1;
	if (strcmp(name, "range") == 0)
		return (l->range = (char *)arg) ? 0 : -1;
	if (strcmp(name, "skip-rows") == 0)
		return (l->skip_rows = (char *)arg) ? 0 : -1;
	if (strcmp(name, "stop-at") == 0)
		return (l->stop_at = (char *)arg) ? 0 : -1;
	if (strcmp(name, "period") == 0)
		return (l->period = (char *)arg) ? 0 : -1;
	if (strcmp(name, "decimal") == 0)
		return (l->decimal = (char *)arg) ? 0 : -1;
	return -1;
}

/* Ad hoc dimensions: the fields that are not indicator, period or template words. */
static int default_dims(struct source_request *q)
{
	const struct rk_kvlist *f = &q->layout.fields;

	for (size_t i = 0; i < f->n; i++) {
		const char *k = f->items[i].key;
		char ref[160];

		snprintf(ref, sizeof(ref), "{%s}", k);
		if (strcmp(k, "indicator") == 0 || strcmp(k, "period") == 0 ||
		    (q->layout.period && strstr(q->layout.period, ref)))
			continue;
		if (push_str(&q->dims, strdup(k)) < 0)
			return -1;
	}
	return 0;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static int has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), e = strlen(ext);

	return n > e && strcasecmp(path + n - e, ext) == 0;
}

static int named_as_book(const char *path)
{
	static const char *const exts[] = { ".xlsx", ".xlsm", ".xls", ".ods",
					    NULL };

	for (size_t i = 0; exts[i]; i++)
		if (has_ext(path, exts[i]))
			return 1;
	return 0;
}

/*
 * A workbook by its name, or by its first bytes (zip or OLE2).  A pipe or
 * device is never opened here: what it holds can be read only once, so it
 * is text unless its name says workbook, and a workbook needs a file.
 * Returns 1 for a workbook, 0 for text, -1 with err set.
 */
static int is_book(const char *path, const char *name, struct rk_error *err)
{
	unsigned char head[4] = { 0 };
	enum rk_infile_kind kind;
	FILE *f;
	size_t n;

	if (rk_infile_kind(path, name, &kind, err) < 0)
		return -1;
	if (kind == RK_INFILE_STREAM) {
		if (!named_as_book(path))
			return 0;
		rk_error_set(err, RK_EXIT_NOINPUT, name, 0,
			     "a workbook must be a file, not a pipe or device");
		rk_error_hint(err, "zip-based and xls workbooks are read by "
				   "seeking; save it to a file and give its "
				   "path");
		return -1;
	}
	if (named_as_book(path))
		return 1;
	f = fopen(path, "rb");
	if (!f)
		return 0;           /* open_input says why */
	n = fread(head, 1, 4, f);
	fclose(f);
	return n == 4 && (memcmp(head, "PK\003\004", 4) == 0 ||
			  memcmp(head, "\xD0\xCF\x11\xE0", 4) == 0);
}

/* What a run needs, from the config or from the options. */
struct plan {
	struct rk_config *cfg;
	const struct rk_source *src;   /* from the config; NULL ad hoc */
	const struct rk_strlist *files; /* src's files, or its edition's */
	const struct rk_layout *layout;
	const struct rk_kvlist *constants;
	char *const *dims;
	size_t ndims;
	const char *path;          /* to open; "-" for stdin */
	const char *name;          /* for errors */
	char *source_id;
	struct csvsrc_opts csv;
	int book;                  /* a workbook, not delimited text */
	const char *out_name;      /* the output, for errors */
	const char *cases_out;     /* --cases-out */
	int header_written;
	FILE *dry;                 /* --dry-run: the report; NULL */
	struct template_cases *cases;  /* case registers' cases, counted
					  once every file is read */
	const char *forms_summary;     /* --forms-summary */
	struct template_form **forms;  /* per file, a source of forms: its
					  form, read and checked before any
					  is written; NULL */
	size_t at;                     /* the file being read */
	struct collect *collect;       /* a source of forms: who sent which */
	int forms_read;                /* every form read and summed up */
};

/* --edition names none of the source's editions: say which it has. */
static void no_edition(const struct source_request *q,
		       const struct rk_source *s, struct rk_error *err)
{
	char names[400] = "";
	size_t used = 0;

	rk_error_set(err, RK_EXIT_USAGE, q->config, 0,
		     "no edition '%s' of source '%s' in the config",
		     q->edition, s->id);
	/* oldest first, the latest (file:) last */
	for (size_t k = 0; k <= s->neditions && used < sizeof(names); k++) {
		long e = k < s->neditions ? (long)k : RK_EDITION_LATEST;
		const char *name = rk_source_edition_name(s, e);

		if (name)
			used += (size_t)snprintf(names + used,
						 sizeof(names) - used, "%s'%s'",
						 used ? ", " : "", name);
	}
	if (names[0])
		rk_error_hint(err, "name one by its label or date: %s", names);
	else
		rk_error_hint(err, "the source has no editions: in the config");
}

static int plan_from_config(struct source_request *q, struct plan *p,
			    struct rk_error *err)
{
	const struct rk_source *s;
	long edition;

	p->cfg = rk_config_load(q->config, err);
	if (!p->cfg)
		return -1;
	s = rk_config_source(p->cfg, q->source);
	if (!s) {
		rk_error_set(err, RK_EXIT_USAGE, q->config, 0,
			     "no source '%s' in the config", q->source);
		rk_error_hint(err, "the sources are listed under sources: with "
				   "their id");
		return -1;
	}
	edition = q->edition ? rk_source_edition(s, q->edition)
			     : RK_EDITION_LATEST;
	if (edition == RK_EDITION_NONE) {
		no_edition(q, s, err);
		return -1;
	}
	p->src = s;
	p->files = rk_source_edition_files(s, edition);
	p->layout = &s->layout;
	p->constants = &s->constants;
	p->dims = p->cfg->dimensions.items;
	p->ndims = p->cfg->dimensions.n;
	p->path = p->name = p->files->items[0];
	p->source_id = strdup(s->id);
	return 0;
}

static int plan_ad_hoc(struct source_request *q, struct plan *p)
{
	const char *stem = strcmp(q->file, "-") == 0 ? "stdin"
						      : base_name(q->file);

	if (!q->dims_given && default_dims(q) < 0)
		return -1;
	p->layout = &q->layout;
	p->constants = &q->constants;
	p->dims = q->dims.items;
	p->ndims = q->dims.n;
	p->path = q->file;
	p->name = strcmp(q->file, "-") == 0 ? "stdin" : q->file;
	p->source_id = q->source ? strdup(q->source)
				 : strndup(stem, strcspn(stem, "."));
	return 0;
}

static int plan_text_options(struct source_request *q, struct plan *p,
			     struct rk_error *err)
{
	const char *enc = q->encoding ? q->encoding : p->layout->encoding;
	const char *delim = q->delimiter ? q->delimiter : p->layout->delimiter;
	int code = q->encoding || q->delimiter || !p->cfg ? RK_EXIT_USAGE
							  : RK_EXIT_CONFIG;

	if (enc && rk_encoding_parse(enc, &p->csv.encoding) < 0) {
		rk_error_set(err, code, p->cfg ? q->config : NULL, 0,
			     "unknown encoding '%s'", enc);
		rk_error_hint(err, "use utf-8, utf-16le, utf-16be, "
				   "windows-1251, koi8-r, windows-1252 or "
				   "iso-8859-1");
		return -1;
	}
	if (delim && csvsrc_parse_delimiter(delim, &p->csv.delimiter) < 0) {
		rk_error_set(err, code, p->cfg ? q->config : NULL, 0,
			     "bad delimiter '%s'", delim);
		rk_error_hint(err, "give one character, e.g. ';', or tab");
		return -1;
	}
	return 0;
}

/* Where to look when the input cannot be opened. */
static void input_hint(const struct plan *p, struct rk_error *err)
{
	if (err->code == RK_EXIT_NOINPUT && !err->hint[0])
		rk_error_hint(err, "check the path%s",
			      p->cfg ? " under file: in the config" : "");
}

static FILE *open_input(const struct plan *p, struct rk_error *err)
{
	FILE *f = rk_infile_open(p->path, p->path, NULL, err);

	if (!f)
		input_hint(p, err);
	return f;
}

static const char *origin_name(const struct plan *p)
{
	return strcmp(p->path, "-") == 0 ? "stdin" : base_name(p->path);
}

/*
 * The constants of one file or sheet: the source's, and the fields its
 * name gives (file_fields, sheet_fields: a pattern whose first group is
 * the value).  The texts live in buf.
 */
struct named {
	struct rk_kv kv[64];
	char text[16][256];
	struct rk_kvlist list;
};

static int name_fields(struct named *nm, const struct rk_kvlist *fields,
		       const char *name, const char *what, const char *config,
		       size_t *used, struct rk_error *err)
{
	for (size_t i = 0; fields && i < fields->n; i++) {
		struct rk_rx *rx;
		int r;

		if (*used >= 16 || nm->list.n >= 64)
			return rk_error_set(err, RK_EXIT_CONFIG, config, 0,
					    "too many fields from names");
		rx = rk_rx_compile(fields->items[i].value, config,
				   fields->items[i].mark.line, err);
		if (!rx)
			return -1;
		r = rk_rx_capture(rx, name, strlen(name), nm->text[*used],
				  sizeof(nm->text[*used]));
		rk_rx_free(rx);
		if (r <= 0) {
			rk_error_set(err, RK_EXIT_DATAERR, config,
				     fields->items[i].mark.line,
				     "the %s name '%s' does not match the pattern "
				     "'%s' that gives %s", what, name,
				     fields->items[i].value,
				     fields->items[i].key);
			rk_error_hint(err, "make the pattern match every %s "
					   "of the source (its first group in "
					   "parentheses is the value)", what);
			return -1;
		}
		nm->kv[nm->list.n] = (struct rk_kv){ fields->items[i].key,
						     nm->text[(*used)++],
						     fields->items[i].mark };
		nm->list.n++;
	}
	return 0;
}

static int named_constants(struct named *nm, const struct plan *p,
			   const char *file, const char *sheet,
			   struct rk_error *err)
{
	const char *config = p->cfg ? p->cfg->path : NULL;
	size_t used = 0;

	nm->list.items = nm->kv;
	nm->list.n = 0;
	for (size_t i = 0; p->constants && i < p->constants->n && i < 32; i++)
		nm->kv[nm->list.n++] = p->constants->items[i];
	if (!p->src)
		return 0;
	if (name_fields(nm, &p->src->file_fields, base_name(file), "file",
			config, &used, err) < 0)
		return -1;
	return sheet ? name_fields(nm, &p->src->sheet_fields, sheet, "sheet",
				   config, &used, err) : 0;
}

/* One sheet (or text file) through a layout of its own into w. */
static int one_table(struct plan *p, struct booksrc *bs, FILE *in,
		     struct tidy_writer *w, struct rk_error *err)
{
	static struct named nm;
	struct layout_spec spec = {
		.source_id = p->source_id,
		.input_name = p->name,
		.origin_name = origin_name(p),
		.layout = p->layout,
		.dims = p->dims,
		.ndims = p->ndims,
		.config_name = p->cfg ? p->cfg->path : NULL,
	};
	struct layout *L;
	int rc;

	if (bs)
		spec.sheet = booksrc_sheet(bs);
	if (named_constants(&nm, p, p->path, spec.sheet, err) < 0)
		return -1;
	spec.constants = &nm.list;
	spec.dry = p->dry;
	if (!(L = layout_new(&spec, err)))
		return -1;
	/* the header once the first table is found: nothing on stdout for
	   a file or sheet that is not there */
	if (!p->header_written++ &&
	    tidy_writer_header(w, p->dims, p->ndims, err) < 0) {
		layout_free(L);
		return -1;
	}
	rc = bs ? booksrc_extract(bs, L, w, p->csv.progress,
				  p->csv.progress_arg, err)
		: csvsrc_extract(in, p->name, &p->csv, L, w, err);
	if (rc == 0)
		layout_dry_end(L);
	layout_free(L);
	return rc;
}

/* A source with no layout: nothing says where its figures are. */
static int no_layout(const struct rk_layout *l)
{
	return !l->sheet && !l->range && !l->values.n && !l->fields.n &&
	       !l->value_headers.n && !l->period;
}

/*
 * A filled reckon template (issue 21): 1 when the workbook is one and was
 * read, 0 when it is not one, -1 with err set.
 */
static void template_req(struct plan *p, struct template_read *r)
{
	*r = (struct template_read){
		.cfg = p->cfg,
		.source_id = p->source_id,
		.origin_name = origin_name(p),
		.dims = p->dims,
		.ndims = p->ndims,
		.header_written = &p->header_written,
		.cases = &p->cases,
		.warning = p->csv.warning,
		.warning_size = p->csv.warning_size,
	};
}

/* A form of the file being read, checked by read_forms: its figures. */
static int template_input(struct plan *p, struct tidy_writer *w,
			  struct rk_error *err)
{
	struct template_form *f = p->forms ? p->forms[p->at] : NULL;

	if (!f)
		return 0;
	return template_form_write(f, w, err) < 0 ? -1 : 1;
}

/*
 * When a form was received: when the workbook was last saved, unless that
 * is still when it was made (a form filled by a program that leaves the
 * properties alone), else when the file was last changed.
 */
static int received(struct book *b, const char *path, long long *when,
		    enum collect_from *from, struct rk_error *err)
{
	struct book_props props = { 0 };
	struct stat st;

	if (b && book_props(b, &props, err) < 0)
		return -1;
	if (props.has_modified && (!props.has_created ||
				   props.modified > props.created)) {
		*when = props.modified;
		*from = COLLECT_FROM_WORKBOOK;
		return 0;
	}
	if (stat(path, &st) < 0)
		return rk_error_set(err, RK_EXIT_NOINPUT, path, 0,
				    "cannot read: %s", strerror(errno));
	*when = (long long)st.st_mtime;
	*from = COLLECT_FROM_FILE;
	return 0;
}

/*
 * File i of a source with no layout: a form read and checked into
 * p->forms[i] and summed up; *is_form 1 when it is one, a damaged
 * workbook counted as a form that cannot be read.  Returns 0, or -1 with
 * err set for what stops the source at once.
 */
static int read_form(struct plan *p, size_t i, int *is_form,
		     struct rk_error *err)
{
	const char *path = p->files->items[i];
	struct rk_error why = { 0 };
	struct template_read r;
	struct book *b = NULL;
	enum collect_from from = COLLECT_FROM_FILE;
	const struct rk_error *problem = NULL;
	size_t problems = 1;
	long long when = 0;
	int book, rc = -1;

	*is_form = 0;
	if ((book = is_book(path, path, err)) <= 0)
		return book;           /* text is no form */
	if (!(b = book_open(path, path, &why)) && why.code != RK_EXIT_DATAERR) {
		*err = why;
		return -1;
	}
	if (b && !template_is(b)) {
		book_close(b);
		return 0;
	}
	template_req(p, &r);
	r.origin_name = base_name(path);
	if (b && template_form_read(b, &r, &p->forms[i], err) < 0)
		goto out;
	if (received(b, path, &when, &from, err) < 0)
		goto out;
	if (p->forms[i])
		problems = template_form_problems(p->forms[i], &problem);
	*is_form = b != NULL;
	rc = collect_add(p->collect, path, p->forms[i]
			 ? template_form_organisation(p->forms[i]) : NULL,
			 when, from, problems, b ? problem : &why, err);
out:
	book_close(b);
	return rc;
}

/*
 * A source with no layout from the config: every file that is a reckon
 * template read and checked before any is written, summed up in
 * p->collect (NULL when none is a form).  Returns 0, or -1 with err set:
 * what stops the source at once, or forms that cannot be read (each in
 * p->collect).
 */
static int read_forms(struct plan *p, struct rk_error *err)
{
	size_t n = p->files ? p->files->n : 0, nforms = 0;
	long bad;

	if (!p->cfg || !no_layout(p->layout) || p->layout->xlsform || !n)
		return 0;
	if (!(p->forms = calloc(n, sizeof(*p->forms))))
		return rk_error_oom(err);
	/* collect: says what the source's file: is due to hold, not what an
	   earlier edition held */
	if (!(p->collect = collect_new(p->cfg, p->source_id,
				       p->files == &p->src->files
				       ? p->src->collect : NULL, err)))
		return -1;
	for (size_t i = 0; i < n; i++) {
		int is_form;

		if (read_form(p, i, &is_form, err) < 0)
			return -1;
		nforms += (size_t)is_form;
	}
	if (!nforms) {                  /* a source of other workbooks */
		collect_free(p->collect);
		p->collect = NULL;
		return 0;
	}
	if ((bad = collect_close(p->collect, err)) < 0)
		return -1;
	p->forms_read = 1;
	if (bad > 0)
		collect_fail(p->collect, err);
	return bad > 0 ? -1 : 0;
}

/* --forms-summary: the summary of the forms as CSV, whole or not at all. */
static int write_forms_summary(struct plan *p, struct rk_error *err)
{
	struct rk_out out = { 0 };
	struct tidy_writer *w;
	int rc;

	if (!p->collect) {
		rk_error_set(err, RK_EXIT_USAGE, p->cfg->path, 0, "--forms-summary "
			     "is for a source of forms, and source '%s' is not "
			     "one", p->source_id);
		rk_error_hint(err, "it sums up the forms made by reckon template "
			      "that a source with no layout lists under file:");
		return -1;
	}
	if (rk_out_open(&out, p->forms_summary, err) < 0)
		return -1;
	if (!(w = tidy_writer_open(out.f, p->forms_summary, err))) {
		rk_out_abort(&out);
		return -1;
	}
	rc = collect_write_csv(p->collect, w, err);
	if (tidy_writer_close(w, rc < 0 ? NULL : err) < 0)
		rc = -1;
	if (rc == 0)
		return rk_out_commit(&out, err);
	rk_out_abort(&out);
	return -1;
}

/* The export of an XLSForm tool (layout.xlsform): its submissions. */
static int xlsform_input(struct plan *p, FILE *in, struct tidy_writer *w,
			 struct rk_error *err)
{
	struct template_read r;
	struct kobo_read k = {
		.xlsform = p->layout->xlsform, .path = p->path,
		.name = p->name, .book = p->book, .in = in, .csv = &p->csv,
	};
	const struct rk_definition *d;

	for (size_t i = 0; i < p->constants->n; i++)
		if (!strcmp(p->constants->items[i].key, "indicator"))
			k.indicator = p->constants->items[i].value;
	if (!k.indicator) {
		rk_error_set(err, RK_EXIT_CONFIG, p->cfg ? p->cfg->path : NULL,
			     0, "source '%s': an XLSForm export's cases count "
			     "one indicator, and none is given", p->source_id);
		rk_error_hint(err, "give the source constants: {indicator: "
			      "CODE}");
		return -1;
	}
	d = rk_source_definition(p->src, k.indicator);
	k.by_event = d && d->date && !strcmp(d->date, "incident");
	template_req(p, &r);
	return kobo_extract(&k, &r, w, err);
}

/* Every sheet of the input the layout names (a pattern: all it matches). */
static int one_input(struct plan *p, FILE *in, struct tidy_writer *w,
		     struct rk_error *err)
{
	struct booksrc *bs;
	int rc;

	if (p->layout->xlsform)
		return p->cfg ? xlsform_input(p, in, w, err)
			      : rk_error_set(err, RK_EXIT_USAGE, NULL, 0,
					     "an XLSForm export is read "
					     "through its pipeline (--config)");

	if (!p->book)
		return one_table(p, NULL, in, w, err);
	if ((rc = template_input(p, w, err)) != 0)
		return rc < 0 ? -1 : 0;
	bs = booksrc_open(p->path, p->name, p->layout->sheet,
			  p->layout->range, err);
	if (!bs)
		return -1;
	do
		rc = one_table(p, bs, NULL, w, err);
	while (rc == 0 && booksrc_next_sheet(bs) == 1);
	booksrc_close(bs);
	return rc;
}

/* The case registers' counts, and their case list (--cases-out). */
static int flush_cases(struct plan *p, struct tidy_writer *w,
		       struct rk_error *err)
{
	struct template_read r;
	struct rk_out out = { 0 };
	struct tidy_writer *cw = NULL;
	int rc;

	template_req(p, &r);
	if (p->cases_out && (rk_out_open(&out, p->cases_out, err) < 0 ||
			     !(cw = tidy_writer_open(out.f, p->cases_out,
						     err)))) {
		rk_out_abort(&out);
		return -1;
	}
	rc = template_cases_flush(p->cases, &r, w, cw, err);
	if (cw && tidy_writer_close(cw, rc < 0 ? NULL : err) < 0)
		rc = -1;
	if (cw && rc == 0)
		rc = rk_out_commit(&out, err);
	else if (cw)
		rk_out_abort(&out);
	return rc;
}

/*
 * --forms-summary once read_forms gave rc: written also when the forms
 * stop the source (their error is then the one kept).
 */
static int forms_summary(struct plan *p, int rc, struct rk_error *err)
{
	struct rk_error werr = { 0 };

	if (rc < 0 && !p->forms_read)
		return -1;            /* stopped before the forms were summed */
	if (write_forms_summary(p, &werr) == 0)
		return rc;
	if (rc == 0)
		*err = werr;
	return -1;
}

/*
 * Runs the layout over the text rows of in, or the sheets of the workbook;
 * for a source of many files (file: a glob or a list), over each in turn,
 * into one output.
 */
static int extract_tidy(struct plan *p, FILE *in, FILE *out,
			struct rk_error *err)
{
	struct tidy_writer *w = tidy_writer_open(out, p->out_name, err);
	size_t nfiles = p->files ? p->files->n : 1;
	int rc = -1;

	if (!w)
		goto out;
	rc = read_forms(p, err);
	if (p->forms_summary)
		rc = forms_summary(p, rc, err);
	if (rc < 0)
		goto out;
	for (size_t i = 0; i < nfiles; i++) {
		FILE *f = in;

		if (i > 0) {              /* the first was opened already */
			p->path = p->name = p->files->items[i];
			if ((p->book = is_book(p->path, p->name, err)) < 0)
				goto out;
			if (!p->book && !(f = open_input(p, err)))
				goto out;
		}
		p->at = i;
		rc = one_input(p, f, w, err);
		if (i > 0 && f)
			fclose(f);
		if (rc < 0)
			goto out;
	}
	rc = p->cases ? flush_cases(p, w, err) : 0;
out:
	template_cases_free(p->cases);
	p->cases = NULL;
	for (size_t i = 0; p->forms && i < nfiles; i++)
		template_form_free(p->forms[i]);
	free(p->forms);
	p->forms = NULL;
	if (tidy_writer_close(w, rc < 0 ? NULL : err) < 0)
		rc = -1;
	return rc;
}

/* The cells view of a workbook: every sheet, or the one asked for. */
static int book_cells(struct plan *p, struct tidy_writer *w,
		      struct rk_error *err)
{
	struct book *b = book_open(p->path, p->name, err);
	int rc;

	if (!b)
		return -1;
	rc = bookcells_write(b, p->layout->sheet, w, err);
	book_close(b);
	return rc;
}

/* The worksheets: index,sheet. */
static int list_sheets(struct plan *p, FILE *out, struct rk_error *err)
{
	struct tidy_writer *w;
	struct book *b;
	int rc = -1;

	if (!p->book) {
		rk_error_set(err, RK_EXIT_DATAERR, p->name, 0,
			     "not a workbook: a text file has no sheets");
		return -1;
	}
	b = book_open(p->path, p->name, err);
	w = b ? tidy_writer_open(out, p->out_name, err) : NULL;
	if (w)
		rc = bookcells_list_sheets(b, w, err);
	if (tidy_writer_close(w, rc < 0 ? NULL : err) < 0)
		rc = -1;
	book_close(b);
	return rc;
}

static int extract_cells(struct plan *p, FILE *in, FILE *out,
			 struct rk_error *err)
{
	struct tidy_writer *w = tidy_writer_open(out, p->out_name, err);
	int rc;

	if (!w)
		return -1;
	rc = p->book ? book_cells(p, w, err)
		     : csvsrc_cells(in, p->name, origin_name(p), &p->csv, w,
				    err);
	if (tidy_writer_close(w, rc < 0 ? NULL : err) < 0)
		rc = -1;
	return rc;
}

/* --dry-run: the report on out, the tidy rows nowhere. */
static int dry_run(struct plan *p, FILE *in, FILE *out, struct rk_error *err)
{
	FILE *null = fopen("/dev/null", "w");
	int rc;

	if (!null)
		return rk_error_set(err, RK_EXIT_IOERR, "/dev/null", 0,
				    "cannot open: %s", strerror(errno));
	p->dry = out;
	rc = extract_tidy(p, in, null, err);
	fclose(null);
	return rc;
}

int source_run(struct source_request *q, FILE *out, struct rk_error *err)
{
	struct plan p = { 0 };
	FILE *in = NULL;
	int rc = -1;

	if (q->config ? plan_from_config(q, &p, err) < 0
		      : plan_ad_hoc(q, &p) < 0) {
		if (!err->code)
			rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				     "out of memory");
		goto out;
	}
	if (!p.source_id) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		goto out;
	}
	p.csv.progress = q->progress;
	p.csv.progress_arg = q->progress_arg;
	p.csv.warning = q->warning;
	p.csv.warning_size = sizeof(q->warning);
	p.out_name = q->output && strcmp(q->output, "-") != 0 ? q->output
							     : "stdout";
	p.cases_out = q->cases_out;
	p.forms_summary = q->forms_summary;
	if (plan_text_options(q, &p, err) < 0)
		goto out;
	p.book = is_book(p.path, p.path, err);
	if (p.book < 0) {
		input_hint(&p, err);
		goto out;
	}
	if (!p.book && (in = open_input(&p, err)) == NULL)
		goto out;
	if (q->list_sheets)
		rc = list_sheets(&p, out, err);
	else if (q->dry_run)
		rc = dry_run(&p, in, out, err);
	else
		rc = q->cells ? extract_cells(&p, in, out, err)
			      : extract_tidy(&p, in, out, err);
out:
	if (in && in != stdin)
		fclose(in);
	q->forms = p.collect;          /* the caller reports it */
	free(p.source_id);
	rk_config_free(p.cfg);
	return rc;
}

static void free_kvs(struct rk_kvlist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].key);
		free(l->items[i].value);
	}
	free(l->items);
}

static void free_strs(struct rk_strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
}

void source_request_release(struct source_request *q)
{
	free_kvs(&q->layout.fields);
	free_kvs(&q->layout.sentinels);
	free_kvs(&q->layout.blank_labels);
	free_kvs(&q->layout.marks);
	free_kvs(&q->constants);
	free_strs(&q->layout.values);
	free_strs(&q->layout.value_headers);
	free_strs(&q->dims);
	collect_free(q->forms);
	q->forms = NULL;
}
