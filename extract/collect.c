/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "collect.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "book/serial.h"
#include "codelist.h"
#include "fold.h"
#include "grow.h"
#include "utf8.h"

struct form {
	char *file;
	char *org;                 /* NULL: the form could not be read */
	char *key;                 /* its organisation matched; NULL none */
	long long received;
	enum collect_from from;
	size_t problems;
	struct rk_error why;
	long expected;             /* index among the expected; -1 */
	char *others;              /* its organisation's other forms; NULL */
	long group;                /* index of its duplicates' error; -1 */
};

struct expected {
	char *name, *key;
};

/* An organisation that sent more than one form. */
struct dup {
	struct rk_error why;
	int listed;                /* among the errors already */
};

struct collect {
	char *id;                  /* the source's */
	char *due;                 /* collect.due; NULL */
	int asked;                 /* the source has collect: */
	struct rk_fold *fold;
	struct rk_codelist *list;  /* organisation.csv; NULL */
	struct expected *exp;
	size_t nexp;
	struct form *form;
	size_t nform, capform;
	struct collect_row *row;
	const struct form **row_form; /* each row's form; NULL: missing */
	size_t nrow;
	struct dup *dup;
	size_t ndup;
	const struct rk_error **err;
	size_t nerr;
};

/* ---- organisations and their keys ---- */

/*
 * The key an organisation is matched by: "=CODE" when the code list knows
 * it, else "~" and its folded text; *key NULL for none.
 */
static int key_of(struct collect *c, const char *name, char **key,
		  struct rk_error *err)
{
	struct rk_error ignored = { 0 };
	const char *k = NULL;
	char mark = '=';
	long i = -1;

	*key = NULL;
	if (!name || !*name)
		return 0;
	if (c->list)
		i = rk_codelist_match(c->list, name, strlen(name), &ignored);
	if (i >= 0 && strcmp(rk_codelist_code(c->list, (size_t)i)->code,
			     RK_CODE_TOTAL))
		k = rk_codelist_code(c->list, (size_t)i)->code;
	else {
		mark = '~';
		if (!(k = rk_fold_key(c->fold, name, strlen(name), NULL,
				      &ignored)))
			k = name;      /* not UTF-8: as it is */
	}
	if (!*k)
		return 0;
	if (!(*key = malloc(strlen(k) + 2)))
		return rk_error_oom(err);
	(*key)[0] = mark;
	strcpy(*key + 1, k);
	return 0;
}

static int add_expected(struct collect *c, const char *name,
			struct rk_error *err)
{
	struct expected *e = &c->exp[c->nexp];

	if (!(e->name = strdup(name)))
		return rk_error_oom(err);
	c->nexp++;
	return key_of(c, name, &e->key, err);
}

static int organisation_list(struct collect *c, const struct rk_config *cfg,
			     struct rk_error *err)
{
	const struct rk_strlist *aff = NULL;
	size_t len;
	char *path;
	FILE *f;

	if (!cfg->codelists_dir)
		return 0;
	len = strlen(cfg->codelists_dir) + sizeof("/organisation.csv");
	if (!(path = malloc(len)))
		return rk_error_oom(err);
	snprintf(path, len, "%s/organisation.csv", cfg->codelists_dir);
	if (!(f = fopen(path, "r"))) {     /* the pipeline has none */
		free(path);
		return 0;
	}
	fclose(f);
	for (size_t i = 0; i < cfg->nstrip; i++)
		if (!strcmp(cfg->strip[i].dimension, "organisation"))
			aff = &cfg->strip[i].affixes;
	c->list = rk_codelist_load(path, "organisation", c->fold,
				   aff ? aff->items : NULL, aff ? aff->n : 0,
				   err);
	free(path);
	return c->list ? 0 : -1;
}

static int expected_list(struct collect *c, const struct rk_collect *k,
			 struct rk_error *err)
{
	size_t n = !k ? 0 : k->organisations.n ? k->organisations.n
		   : c->list ? rk_codelist_size(c->list) : 0;

	if (!n)
		return 0;
	if (!(c->exp = calloc(n, sizeof(*c->exp))))
		return rk_error_oom(err);
	for (size_t i = 0; i < n; i++) {
		const char *name = k->organisations.n
				   ? k->organisations.items[i]
				   : rk_codelist_code(c->list, i)->code;

		if (strcmp(name, RK_CODE_TOTAL) &&
		    add_expected(c, name, err) < 0)
			return -1;
	}
	return 0;
}

struct collect *collect_new(const struct rk_config *cfg, const char *id,
			    const struct rk_collect *k, struct rk_error *err)
{
	struct collect *c = calloc(1, sizeof(*c));

	if (!c) {
		rk_error_oom(err);
		return NULL;
	}
	c->asked = k != NULL;
	if (!(c->id = strdup(id)) ||
	    (k && k->due && !(c->due = strdup(k->due)))) {
		rk_error_oom(err);
		collect_free(c);
		return NULL;
	}
	if (!(c->fold = rk_fold_new(err)) ||
	    organisation_list(c, cfg, err) < 0 ||
	    expected_list(c, k, err) < 0) {
		collect_free(c);
		return NULL;
	}
	return c;
}

/* ---- the forms ---- */

int collect_add(struct collect *c, const char *file, const char *organisation,
		long long received, enum collect_from from, size_t problems,
		const struct rk_error *why, struct rk_error *err)
{
	struct form *f;

	if (rk_grow((void **)&c->form, &c->capform, c->nform + 1,
		    sizeof(*c->form)) < 0)
		return rk_error_oom(err);
	f = &c->form[c->nform];
	memset(f, 0, sizeof(*f));
	f->expected = f->group = -1;
	c->nform++;
	if (!(f->file = strdup(file)) ||
	    (organisation && !(f->org = strdup(organisation))))
		return rk_error_oom(err);
	f->received = received;
	f->from = from;
	f->problems = problems;
	if (problems && why)
		f->why = *why;
	return key_of(c, organisation, &f->key, err);
}

size_t collect_forms(const struct collect *c)
{
	return c->nform;
}

int collect_asked(const struct collect *c)
{
	return c->asked;
}

/* Appends ", text" (or text) to *s. */
static int append(char **s, const char *text)
{
	size_t n = *s ? strlen(*s) : 0;
	char *p = realloc(*s, n + strlen(text) + 3);

	if (!p)
		return -1;
	sprintf(p + n, "%s%s", n ? ", " : "", text);
	*s = p;
	return 0;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* The organisation a form or row is called by in messages. */
static const char *called(const struct collect *c, const struct form *f)
{
	if (f->expected >= 0)
		return c->exp[f->expected].name;
	return f->org && *f->org ? f->org : f->file;
}

/* The forms of one organisation after the first: their error. */
static int duplicates(struct collect *c, size_t first, struct rk_error *err)
{
	struct form *a = &c->form[first];
	char *files = NULL;
	size_t n = 0;
	struct rk_error *e;

	for (size_t i = first; i < c->nform; i++)
		if (c->form[i].key && !strcmp(c->form[i].key, a->key)) {
			c->form[i].group = (long)c->ndup;
			n++;
			if (append(&files, c->form[i].file) < 0)
				goto oom;
		}
	for (size_t i = first; i < c->nform; i++) {
		struct form *f = &c->form[i];

		if (f->group != (long)c->ndup)
			continue;
		for (size_t k = first; k < c->nform; k++)
			if (k != i && c->form[k].group == f->group &&
			    append(&f->others, c->form[k].file) < 0)
				goto oom;
	}
	e = &c->dup[c->ndup++].why;
	rk_error_set(e, RK_EXIT_DATAERR, NULL, 0, "organisation '%s' sent %zu "
		     "forms: %s", called(c, a), n, files);
	rk_error_hint(e, "keep the one to read and take the other%s out of "
		      "the folder (or out of file: in the config): an "
		      "organisation's figures are read once", n > 2 ? "s" : "");
	free(files);
	return 0;
oom:
	free(files);
	return rk_error_oom(err);
}

/* Days since the epoch of the local day of t; 0 when it has none. */
static long long local_day(long long t, int *ok)
{
	time_t v = (time_t)t;
	struct tm tm;

	*ok = localtime_r(&v, &tm) != NULL;
	return *ok ? serial_days_from_civil(tm.tm_year + 1900LL,
					    (unsigned)tm.tm_mon + 1,
					    (unsigned)tm.tm_mday) : 0;
}

static void fill_row(const struct collect *c, const struct form *f,
		     struct collect_row *r)
{
	int ok;

	memset(r, 0, sizeof(*r));
	r->organisation = f->expected >= 0 ? c->exp[f->expected].name
			  : f->org ? f->org : "";
	r->file = f->file;
	r->other = f->others;
	r->received = f->received;
	r->from = f->from;
	r->problems = f->problems;
	r->expected = f->expected >= 0 || !c->nexp;
	if (c->due) {
		long y = 0, m = 0, d = 0;
		long long day = local_day(f->received, &ok);

		sscanf(c->due, "%4ld-%2ld-%2ld", &y, &m, &d);
		r->has_days = ok;
		r->days_late = (long)(day - serial_days_from_civil(
				y, (unsigned)m, (unsigned)d));
		if (r->days_late < 0)
			r->days_late = 0;
	}
	r->status = f->problems ? COLLECT_INVALID
		    : f->group >= 0 ? COLLECT_DUPLICATE
		    : !c->due ? COLLECT_RECEIVED
		    : r->days_late > 0 ? COLLECT_LATE : COLLECT_ON_TIME;
	r->why = f->problems ? &f->why : f->group >= 0
		 ? &c->dup[f->group].why : NULL;
}

/* A row per form, in the order of the expected organisations. */
static int rows(struct collect *c, struct rk_error *err)
{
	size_t n = c->nform + c->nexp + 1;

	if (!(c->row = calloc(n, sizeof(*c->row))) ||
	    !(c->row_form = calloc(n, sizeof(*c->row_form))) ||
	    !(c->err = calloc(c->nform + c->ndup + 1, sizeof(*c->err))))
		return rk_error_oom(err);
	for (size_t e = 0; e <= c->nexp; e++) {
		int any = 0;

		for (size_t i = 0; i < c->nform; i++) {
			const struct form *f = &c->form[i];

			if (f->expected != (e < c->nexp ? (long)e : -1))
				continue;
			c->row_form[c->nrow] = f;
			fill_row(c, f, &c->row[c->nrow++]);
			any = 1;
		}
		if (!any && e < c->nexp) {
			struct collect_row *r = &c->row[c->nrow++];

			r->organisation = c->exp[e].name;
			r->status = COLLECT_MISSING;
			r->expected = 1;
		}
	}
	return 0;
}

/* The errors, in the order of the rows: a form's, its duplicates' once. */
static void errors(struct collect *c)
{
	for (size_t i = 0; i < c->nrow; i++) {
		const struct form *f = c->row_form[i];

		if (f && f->problems)
			c->err[c->nerr++] = &f->why;
		if (f && f->group >= 0 && !c->dup[f->group].listed++)
			c->err[c->nerr++] = &c->dup[f->group].why;
	}
}

/* Form i's organisation sent another form after it, not yet seen. */
static int sent_again(const struct collect *c, size_t i)
{
	const struct form *f = &c->form[i];

	for (size_t k = i + 1; k < c->nform && f->key && f->group < 0; k++)
		if (c->form[k].key && !strcmp(c->form[k].key, f->key))
			return 1;
	return 0;
}

/* Among the problems of many forms, each says whose it is. */
static void name_organisation(const struct collect *c, struct form *f)
{
	char msg[sizeof(f->why.msg)];
	size_t n, rest;

	if (!f->problems || !f->org || !*f->org)
		return;
	n = (size_t)snprintf(msg, sizeof(msg), "organisation '%.200s': ",
			     called(c, f));
	rest = strlen(f->why.msg);
	if (rest > sizeof(msg) - 1 - n)
		rest = sizeof(msg) - 1 - n;
	memcpy(msg + n, f->why.msg, rest);
	msg[n + rest] = '\0';
	memcpy(f->why.msg, msg, sizeof(msg));
}

long collect_close(struct collect *c, struct rk_error *err)
{
	long bad = 0;

	for (size_t i = 0; i < c->nform; i++)
		for (size_t e = 0; e < c->nexp && c->form[i].key; e++)
			if (c->exp[e].key && !strcmp(c->exp[e].key,
						      c->form[i].key)) {
				c->form[i].expected = (long)e;
				break;
			}
	if (!(c->dup = calloc(c->nform + 1, sizeof(*c->dup))))
		return rk_error_oom(err);
	for (size_t i = 0; i < c->nform; i++)
		if (sent_again(c, i) && duplicates(c, i, err) < 0)
			return -1;
	if (rows(c, err) < 0)
		return -1;
	for (size_t i = 0; i < c->nform && c->nform > 1; i++)
		name_organisation(c, &c->form[i]);
	errors(c);
	for (size_t i = 0; i < c->nform; i++)
		bad += c->form[i].problems || c->form[i].group >= 0;
	return bad;
}

size_t collect_rows(const struct collect *c)
{
	return c->nrow;
}

const struct collect_row *collect_row(const struct collect *c, size_t i)
{
	return i < c->nrow ? &c->row[i] : NULL;
}

size_t collect_errors(const struct collect *c)
{
	return c->nerr;
}

const struct rk_error *collect_error(const struct collect *c, size_t i)
{
	return i < c->nerr ? c->err[i] : NULL;
}

/* Whether row i is the first row of its form's duplicates. */
static int first_of_group(const struct collect *c, size_t i)
{
	const struct form *f = c->row_form[i];

	for (size_t k = 0; k < i && f->group >= 0; k++)
		if (c->row_form[k] && c->row_form[k]->group == f->group)
			return 0;
	return 1;
}

void collect_fail(const struct collect *c, struct rk_error *err)
{
	char list[800] = "", what[40];
	size_t used = 0, bad = 0;

	if (c->nform == 1 && c->form[0].problems) {
		*err = c->form[0].why;
		return;
	}
	for (size_t i = 0; i < c->nrow; i++) {
		const struct form *f = c->row_form[i];

		if (!f || (!f->problems && f->group < 0))
			continue;
		bad++;
		if (used >= sizeof(list) || (!f->problems && !first_of_group(c, i)))
			continue;
		if (f->problems)
			snprintf(what, sizeof(what), "%zu %s", f->problems,
				 plural(f->problems, "problem", "problems"));
		else
			snprintf(what, sizeof(what), "more than one form");
		used += (size_t)snprintf(list + used, sizeof(list) - used,
					 "%s%s (%s)", used ? ", " : "",
					 called(c, f), what);
	}
	rk_error_set(err, RK_EXIT_DATAERR, NULL, 0, "%zu of the %zu forms of "
		     "source '%s' cannot be read, so none is: %s", bad,
		     c->nform, c->id, list);
	rk_error_hint(err, "correct them as the messages above say and read "
		      "the source again: a source is read whole, never without "
		      "an organisation's figures");
}

/* ---- the summary ---- */

static const char *status_word(enum collect_status s)
{
	static const char *const words[] = { "on_time", "late", "received",
					     "invalid", "duplicate",
					     "missing" };

	return words[s];
}

/* "YYYY-MM-DD HH:MM" in local time into buf (20 bytes); "" when none. */
static void local_text(long long t, char *buf)
{
	time_t v = (time_t)t;
	struct tm tm;

	buf[0] = '\0';
	if (localtime_r(&v, &tm) && tm.tm_year + 1900 >= 1 &&
	    tm.tm_year + 1900 <= 9999)
		strftime(buf, 20, "%Y-%m-%d %H:%M", &tm);
}

int collect_write_csv(const struct collect *c, struct tidy_writer *w,
		      struct rk_error *err)
{
	static const char *const head[] = {
		"source", "organisation", "expected", "file", "received",
		"received_from", "status", "days_late", "problems"
	};
	int rc = tidy_writer_row(w, head, NULL, 9, err);

	for (size_t i = 0; rc == 0 && i < c->nrow; i++) {
		const struct collect_row *r = &c->row[i];
		char when[20] = "", days[24] = "", problems[24] = "";
		const char *f[9];

		if (r->file)
			local_text(r->received, when);
		if (r->file && r->has_days)
			snprintf(days, sizeof(days), "%ld", r->days_late);
		if (r->file)
			snprintf(problems, sizeof(problems), "%zu", r->problems);
		f[0] = c->id;
		f[1] = r->organisation;
		f[2] = !c->nexp ? "" : r->expected ? "yes" : "no";
		f[3] = r->file ? r->file : "";
		f[4] = when;
		f[5] = !r->file ? "" : r->from == COLLECT_FROM_WORKBOOK
		       ? "workbook" : "file_time";
		f[6] = status_word(r->status);
		f[7] = days;
		f[8] = problems;
		rc = tidy_writer_row(w, f, NULL, 9, err);
	}
	return rc;
}

static void cell(FILE *f, const char *s, size_t w)
{
	fputs(s, f);
	for (size_t n = rk_utf8_chars(s); n < w; n++)
		fputc(' ', f);
}

/* What a row says in the status column, into buf. */
static void status_text(const struct collect_row *r, int listed, char *buf,
			size_t size)
{
	size_t n = 0;

	switch (r->status) {
	case COLLECT_ON_TIME:
		n = (size_t)snprintf(buf, size, "on time");
		break;
	case COLLECT_RECEIVED:
		n = (size_t)snprintf(buf, size, "received");
		break;
	case COLLECT_LATE:
	case COLLECT_INVALID:
		if (r->status == COLLECT_INVALID)
			n = (size_t)snprintf(buf, size, "invalid: %zu %s%s",
					     r->problems, plural(r->problems,
					     "problem", "problems"),
					     r->days_late > 0 ? ", " : "");
		if (r->days_late > 0)
			n += (size_t)snprintf(buf + n, size - n, "late by %ld "
					      "%s", r->days_late,
					      plural((size_t)r->days_late,
						     "day", "days"));
		break;
	case COLLECT_DUPLICATE:
		n = (size_t)snprintf(buf, size, "duplicate: also %s",
				     r->other ? r->other : "");
		break;
	case COLLECT_MISSING:
		n = (size_t)snprintf(buf, size, "missing: no form");
		break;
	}
	if (listed && !r->expected && n < size)
		snprintf(buf + n, size - n, ", not expected");
}

/* The counts line: "4 of 5 organisations sent one; 2 on time, ...". */
static void counts(const struct collect *c, FILE *f)
{
	static const char *const label[] = { "on time", "late", "received",
					     "invalid", "duplicate",
					     "missing" };
	size_t by[6] = { 0 }, sent = 0, unexpected = 0;
	const char *sep = "; ";

	for (size_t i = 0; i < c->nrow; i++) {
		by[c->row[i].status]++;
		unexpected += !c->row[i].expected;
	}
	for (size_t e = 0; e < c->nexp; e++)
		for (size_t i = 0; i < c->nform; i++)
			if (c->form[i].expected == (long)e) {
				sent++;
				break;
			}
	if (c->nexp)
		fprintf(f, "%zu of %zu %s sent a form", sent, c->nexp,
			plural(c->nexp, "organisation", "organisations"));
	else
		fprintf(f, "%zu %s", c->nform, plural(c->nform, "form",
						       "forms"));
	for (size_t s = 0; s < 6; s++)
		if (by[s]) {
			fprintf(f, "%s%zu %s", sep, by[s], label[s]);
			sep = ", ";
		}
	if (unexpected)
		fprintf(f, "%s%zu not expected", sep, unexpected);
}

void collect_table(const struct collect *c, const char *prog, FILE *f)
{
	static const char *const head[] = { "organisation", "file",
					    "received", "from", "status" };
	size_t w[4];
	char text[4][300];

	fprintf(f, "%s: forms of source '%s'", prog, c->id);
	if (c->due)
		fprintf(f, ", due %s", c->due);
	fputs(": ", f);
	counts(c, f);
	fputc('\n', f);
	for (size_t k = 0; k < 4; k++)
		w[k] = rk_utf8_chars(head[k]);
	for (size_t i = 0; i < c->nrow; i++) {
		const struct collect_row *r = &c->row[i];
		size_t n[4];

		local_text(r->received, text[2]);
		n[0] = rk_utf8_chars(*r->organisation ? r->organisation : "-");
		n[1] = rk_utf8_chars(r->file ? r->file : "-");
		n[2] = r->file ? rk_utf8_chars(text[2]) : 1;
		n[3] = rk_utf8_chars("file time");
		for (size_t k = 0; k < 4; k++)
			if (n[k] > w[k])
				w[k] = n[k];
	}
	fputs("  ", f);
	for (size_t k = 0; k < 4; k++) {
		cell(f, head[k], w[k]);
		fputs("  ", f);
	}
	fprintf(f, "%s\n", head[4]);
	for (size_t i = 0; i < c->nrow; i++) {
		const struct collect_row *r = &c->row[i];

		snprintf(text[0], sizeof(text[0]), "%s",
			 *r->organisation ? r->organisation : "-");
		snprintf(text[1], sizeof(text[1]), "%s", r->file ? r->file : "-");
		if (r->file)
			local_text(r->received, text[2]);
		else
			snprintf(text[2], sizeof(text[2]), "-");
		snprintf(text[3], sizeof(text[3]), "%s", !r->file ? "-"
			 : r->from == COLLECT_FROM_WORKBOOK ? "workbook"
			 : "file time");
		fputs("  ", f);
		for (size_t k = 0; k < 4; k++) {
			cell(f, text[k], w[k]);
			fputs("  ", f);
		}
		status_text(r, c->nexp > 0, text[0], sizeof(text[0]));
		fprintf(f, "%s\n", text[0]);
	}
}

void collect_free(struct collect *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nform; i++) {
		free(c->form[i].file);
		free(c->form[i].org);
		free(c->form[i].key);
		free(c->form[i].others);
	}
	for (size_t i = 0; i < c->nexp; i++) {
		free(c->exp[i].name);
		free(c->exp[i].key);
	}
	free(c->form);
	free(c->exp);
	free(c->id);
	free(c->due);
	free(c->row);
	free(c->row_form);
	free(c->dup);
	free(c->err);
	rk_codelist_free(c->list);
	rk_fold_free(c->fold);
	free(c);
}
