/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "layout.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "book/cellref.h"
#include "header.h"
#include "merge.h"
#include "rx.h"
#include "tidy.h"
#include "value.h"

enum slot_kind { SLOT_NONE, SLOT_CONST, SLOT_COLUMN, SLOT_VALUE_HEADER };

/*
 * A tidy field's length and whether it needs quotes, kept while the field
 * is the same text: the same pointer to a text that stays (seq 0), or to
 * a label of the same row (seq: the row's).  Most of a tidy row is the
 * same on every row of a column, and the writer need not look at it again.
 */
struct known {
	const char *p;
	long seq;
	size_t len;
	unsigned char clean;
};

/* A tidy field and where its value comes from. */
/* What a blank label cell of a field column means (layout.blank_labels). */
enum blank_rule { BLANK_REFUSE = 0, BLANK_FILL, BLANK_TOTAL, BLANK_LABEL };

struct slot {
	const char *name;
	enum slot_kind kind;
	const char *text;          /* column spec, or the constant */
	long col;                  /* resolved column */
	size_t tier;               /* for SLOT_VALUE_HEADER: which tier */
	long col_last;             /* SLOT_COLUMN over a range of columns
				      ("A:C": labels by level, the first
				      non-empty one); else col */
	enum blank_rule blank;     /* SLOT_COLUMN */
	const char *blank_label;   /* BLANK_LABEL */
	long labels, numbers;      /* SLOT_COLUMN: labels read, and numbers */
	size_t width;              /* digits of the first label; 0 not all */
	int zero, ragged;          /* a code with a leading zero; widths
				      differ (or a label not all digits) */
	char example[40];          /* the first label, */
	long example_row;          /* and its row */
	char *above;               /* SLOT_COLUMN: the last label seen, */
	long above_row;            /* and its row (line); for BLANK_FILL
				      and for messages */
	struct known label_known;  /* SLOT_COLUMN: this row's label */
};

enum { SLOT_INDICATOR = 0, SLOT_PERIOD = 1, SLOT_FIRST_DIM = 2 };

struct value_col {
	long col;
	char letters[8];
	char **tier;               /* every tier's text, top first */
	long numbers;              /* cells read as numbers (or sentinels) */
	char *period;              /* the period template expanded for this
				      column, when it names no label column
				      (the same on every row); NULL */
	struct known *known;       /* per tidy field, the texts that stay
				      (constants, headers, statuses); NULL
				      until the column's first value */
};

struct sentinel {
	const char *text;
	size_t len;
	char *value;               /* canonical number, or "" */
	const char *status;        /* "" or a status word */
};

/* A piece of the period template: literal text, or a slot (ref >= 0). */
struct piece {
	const char *text;
	size_t len;
	long ref;
};

struct layout {
	struct layout_spec spec;
	struct slot *slots;
	size_t nslots;
	struct value_col *vcols;
	size_t nvcols;
	size_t ntiers;             /* header rows */
	struct header *head;       /* the tiers seen so far */
	struct merges *merges;     /* NULL for text files */
	const char **label;        /* per slot, this row's label text */
	struct sentinel *sent;
	size_t nsent;
	struct piece *tmpl;
	size_t ntmpl;
	struct rk_rx *skip, *stop;
	struct rk_rx *total;       /* a total's label: "Итого", "Total" ... */
	long blank_slot;           /* this row: a label blank that the layout
				      says nothing of; -1 none */
	int in_body;               /* a row after the header was seen */
	long data_rows;            /* rows read as data */
	long last_data;            /* the last of them (or a total): index */
	struct grid_row *above;    /* the row just above a range; NULL */
	struct {                   /* a value cell holding text: its column
				      is watched a few rows more to tell a
				      stray word from a column of labels */
		long vc;           /* the value column; -1 none */
		long rows, texts;
		char example[80];
		struct rk_error err;   /* the error of the first text */
	} probe;
	long dry_shown, dry_skipped;   /* --dry-run: rows told */
	long note_rows, notes;     /* rows read under the table, notes kept */
	int stop_blank;
	enum value_decimal dec;
	long header_row;           /* -1 find, 0 none, else 1-based */
	long first_row;            /* index of the first non-blank row */
	int have_header;
	size_t ncols;              /* width every text row must have; 0 any */
	long written;
	const char **out;          /* the tidy row being written */
	size_t *outlen;            /* and what is known of its fields */
	unsigned char *outclean;
	size_t nout;
	long seq;                  /* rows fed: which row a label is of */
	char *num;                 /* parsed value */
	size_t numcap;
	char *period;              /* expanded period template */
	size_t periodcap;
	char origin[1024];         /* "file:" or "file#sheet!", then the place */
	size_t origin_len;
	size_t origin_n;           /* the length with the place */
	int origin_clean;          /* the file and sheet need no quotes */
	long remark_col;           /* layout.remark, resolved; -1 none */
	const char *row_status;    /* the status this row's remark gives its
				      figures (layout.remarks); NULL */
	char *note;                /* a remark as a note of the source */
	size_t notecap;
};

static int spec_error(const struct layout *L, struct rk_error *err,
		      const char *fmt, const char *arg)
{
	int code = L->spec.config_name ? RK_EXIT_CONFIG : RK_EXIT_USAGE;

	rk_error_set(err, code, L->spec.config_name,
		     L->spec.layout->mark.line, fmt, arg);
	rk_error_column(err, L->spec.layout->mark.column);
	return -1;
}

static long find_slot(const struct layout *L, const char *name)
{
	for (size_t i = 0; i < L->nslots; i++)
		if (strcmp(L->slots[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* The slot named name, added as a template variable if new. */
static long need_slot(struct layout *L, const char *name, int may_add)
{
	long i = find_slot(L, name);
	struct slot *s;

	if (i >= 0 || !may_add)
		return i;
	s = realloc(L->slots, (L->nslots + 1) * sizeof(*s));
	if (!s)
		return -1;
	L->slots = s;
	L->slots[L->nslots] = (struct slot){ .name = name, .kind = SLOT_NONE,
					     .col = -1 };
	return (long)L->nslots++;
}

static int in_template(const struct layout *L, const char *name)
{
	const char *t = L->spec.layout->period;
	size_t n = strlen(name);

	for (; t && (t = strchr(t, '{')) != NULL; t++)
		if (strncmp(t + 1, name, n) == 0 && t[1 + n] == '}')
			return 1;
	return 0;
}

static int bind(struct layout *L, const char *name, enum slot_kind kind,
		const char *text, struct rk_error *err)
{
	long i = need_slot(L, name, in_template(L, name));

	if (i < 0) {
		spec_error(L, err, "unknown field '%s'", name);
		rk_error_hint(err, "a field is indicator, period, one of the "
				   "dimensions, or a name used in the period "
				   "template");
		return -1;
	}
	if (L->slots[i].kind != SLOT_NONE)
		return spec_error(L, err, "field '%s' is given twice", name);
	L->slots[i].kind = kind;
	L->slots[i].text = text;
	return 0;
}

/* The notes under a table: at most this many, within this many rows. */
#define NOTES_MAX 20
#define NOTE_ROWS_MAX 200

/* A value_headers entry for a tier that is read and discarded: a title
 * over the years ("Financial year"), a row of column numbers. */
#define IGNORED_TIER "_"

/* layout.blank_labels: {field: fill_down | total | a label}. */
static int init_blanks(struct layout *L, struct rk_error *err)
{
	const struct rk_kvlist *b = &L->spec.layout->blank_labels;

	for (size_t k = 0; k < b->n; k++) {
		long i = find_slot(L, b->items[k].key);
		const char *v = b->items[k].value;
		struct slot *s;

		if (i < 0 || L->slots[i].kind != SLOT_COLUMN) {
			spec_error(L, err, "blank_labels names '%s', which is "
				   "not a field read from a column",
				   b->items[k].key);
			rk_error_hint(err, "name a field of layout.fields");
			return -1;
		}
		s = &L->slots[i];
		s->blank = strcmp(v, "fill_down") == 0 ? BLANK_FILL :
			   strcmp(v, "total") == 0 ? BLANK_TOTAL : BLANK_LABEL;
		s->blank_label = v;
	}
	return 0;
}

static int init_slots(struct layout *L, struct rk_error *err)
{
	const struct rk_layout *lay = L->spec.layout;

	L->nslots = SLOT_FIRST_DIM + L->spec.ndims;
	L->slots = calloc(L->nslots, sizeof(*L->slots));
	if (!L->slots)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	L->slots[SLOT_INDICATOR] = (struct slot){ .name = "indicator",
						   .kind = SLOT_NONE, .col = -1 };
	L->slots[SLOT_PERIOD] = (struct slot){ .name = "period",
						.kind = SLOT_NONE, .col = -1 };
	for (size_t i = 0; i < L->spec.ndims; i++)
		L->slots[SLOT_FIRST_DIM + i] = (struct slot){
			.name = L->spec.dims[i], .kind = SLOT_NONE, .col = -1 };
	for (size_t i = 0; i < lay->fields.n; i++)
		if (bind(L, lay->fields.items[i].key, SLOT_COLUMN,
			 lay->fields.items[i].value, err) < 0)
			return -1;
	for (size_t i = 0; L->spec.constants && i < L->spec.constants->n; i++) {
		const struct rk_kv *kv = &L->spec.constants->items[i];

		/* a year for labels that lack one is normalise's, unless the
		   period template asks for it here */
		if (strcmp(kv->key, "year") == 0 && find_slot(L, "year") < 0 &&
		    !in_template(L, "year"))
			continue;
		if (bind(L, kv->key, SLOT_CONST, kv->value, err) < 0)
			return -1;
	}
	if (lay->value_headers.n > L->ntiers) {
		char what[160];

		snprintf(what, sizeof(what), "value_headers names %zu fields "
			 "but the header has %zu tier(s)",
			 lay->value_headers.n, L->ntiers);
		spec_error(L, err, "%s", what);
		rk_error_hint(err, "set header_rows to the number of header "
				   "rows above the values");
		return -1;
	}
	for (size_t k = 0; k < lay->value_headers.n; k++) {
		long i;

		if (strcmp(lay->value_headers.items[k], IGNORED_TIER) == 0)
			continue;          /* a title tier, read and discarded */
		if (bind(L, lay->value_headers.items[k], SLOT_VALUE_HEADER,
			 NULL, err) < 0)
			return -1;
		i = find_slot(L, lay->value_headers.items[k]);
		L->slots[i].tier = L->ntiers - lay->value_headers.n + k;
	}
	return init_blanks(L, err);
}

/* Splits "{quarter} {year}" into literal and slot pieces. */
static int init_template(struct layout *L, struct rk_error *err)
{
	const char *t = L->spec.layout->period, *open, *close;
	char name[128];

	if (!t)
		return 0;
	if (L->slots[SLOT_PERIOD].kind != SLOT_NONE)
		return spec_error(L, err, "period is both a field and a "
				  "template ('%s')", t);
	L->tmpl = calloc(2 * strlen(t) + 2, sizeof(*L->tmpl));
	if (!L->tmpl)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	while (*t) {
		open = strchr(t, '{');
		if (open != t) {
			size_t n = open ? (size_t)(open - t) : strlen(t);

			L->tmpl[L->ntmpl++] = (struct piece){ t, n, -1 };
			t += n;
			continue;
		}
		close = strchr(open, '}');
		if (!close || (size_t)(close - open - 1) >= sizeof(name))
			return spec_error(L, err, "period template '%s' has an "
					  "unclosed {", L->spec.layout->period);
		memcpy(name, open + 1, (size_t)(close - open - 1));
		name[close - open - 1] = '\0';
		L->tmpl[L->ntmpl] = (struct piece){ NULL, 0, find_slot(L, name) };
		if (L->tmpl[L->ntmpl].ref < 0 ||
		    L->slots[L->tmpl[L->ntmpl].ref].kind == SLOT_NONE)
			return spec_error(L, err, "period template names "
					  "'%s', which no field, constant or "
					  "value header gives", name);
		L->ntmpl++;
		t = close + 1;
	}
	return 0;
}

static const char *const sentinel_statuses[] = { "missing", "suppressed", NULL };

static int init_sentinels(struct layout *L, struct rk_error *err)
{
	const struct rk_kvlist *kv = &L->spec.layout->sentinels;

	L->sent = calloc(kv->n + 1, sizeof(*L->sent));
	if (!L->sent)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	for (size_t i = 0; i < kv->n; i++) {
		struct sentinel *s = &L->sent[L->nsent++];
		const char *v = kv->items[i].value;

		s->text = kv->items[i].key;
		s->len = strlen(s->text);
		value_trim(&s->text, &s->len);
		s->status = "";
		s->value = malloc(strlen(v) + 2);
		if (!s->value)
			return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					    "out of memory");
		for (size_t k = 0; sentinel_statuses[k]; k++)
			if (strcmp(v, sentinel_statuses[k]) == 0)
				s->status = sentinel_statuses[k];
		if (*s->status) {
			s->value[0] = '\0';
		} else if (value_parse(v, strlen(v), VALUE_DECIMAL_POINT,
				       s->value) != VALUE_OK) {
			spec_error(L, err, "sentinel value '%s' is neither a "
				   "number nor missing/suppressed", v);
			rk_error_hint(err, "write e.g. sentinels: {\"-\": 0, "
					   "\"н/д\": missing, \"x\": suppressed}");
			return -1;
		}
	}
	return 0;
}

/*
 * The labels of a total row, in the languages of the tables: a skipped
 * row whose label is one of these is the source's own total, read and
 * checked by reckon-normalise against the sum of its parts.  A total over
 * the periods (the period's own column says "Итого") is not written.
 */
#define TOTAL_LABEL "(?i)^\\s*(итого|всего|total|ҳамагӣ|ҳамаги|жами|all)\\b"

static int init_patterns(struct layout *L, struct rk_error *err)
{
	const struct rk_layout *lay = L->spec.layout;
	const char *cfg = L->spec.config_name;

	if (lay->skip_rows) {
		L->skip = rk_rx_compile(lay->skip_rows, cfg, lay->mark.line, err);
		if (!L->skip)
			return -1;
	}
	L->total = rk_rx_compile(TOTAL_LABEL, NULL, 0, err);
	if (!L->total)
		return -1;
	if (lay->stop_at && strcmp(lay->stop_at, "blank") == 0) {
		L->stop_blank = 1;
	} else if (lay->stop_at) {
		L->stop = rk_rx_compile(lay->stop_at, cfg, lay->mark.line, err);
		if (!L->stop)
			return -1;
	}
	if (!cfg && err && err->code == RK_EXIT_CONFIG)
		err->code = RK_EXIT_USAGE;
	return 0;
}

static int init_decimal(struct layout *L, struct rk_error *err)
{
	const char *d = L->spec.layout->decimal;

	if (!d)
		L->dec = VALUE_DECIMAL_AUTO;
	else if (strcmp(d, ",") == 0)
		L->dec = VALUE_DECIMAL_COMMA;
	else if (strcmp(d, ".") == 0)
		L->dec = VALUE_DECIMAL_POINT;
	else
		return spec_error(L, err, "decimal must be ',' or '.', not "
				  "'%s'", d);
	return 0;
}

static int init_origin(struct layout *L)
{
	const struct layout_spec *sp = &L->spec;
	int n = sp->sheet ? snprintf(L->origin, sizeof(L->origin) - 32,
				     "%s#%s!", sp->origin_name, sp->sheet)
			  : snprintf(L->origin, sizeof(L->origin) - 32, "%s:",
				     sp->origin_name);

	L->origin_len = n < 0 || (size_t)n >= sizeof(L->origin) - 32
				? sizeof(L->origin) - 33 : (size_t)n;
	L->origin_clean = tidy_field_clean(L->origin, L->origin_len);
	return 0;
}

static int init_buffers(struct layout *L, struct rk_error *err)
{
	L->nout = 6 + L->spec.ndims;
	L->out = calloc(L->nout, sizeof(*L->out));
	L->outlen = calloc(L->nout, sizeof(*L->outlen));
	L->outclean = calloc(L->nout, sizeof(*L->outclean));
	L->label = calloc(L->nslots, sizeof(*L->label));
	L->head = header_new(L->ntiers);
	if (!L->out || !L->outlen || !L->outclean || !L->label || !L->head)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	return 0;
}

struct layout *layout_new(const struct layout_spec *spec, struct rk_error *err)
{
	struct layout *L = calloc(1, sizeof(*L));
	long tiers = spec->layout->header_rows;

	if (!L) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	L->spec = *spec;
	L->remark_col = -1;
	L->probe.vc = -1;
	L->header_row = spec->layout->header_row;
	L->ntiers = tiers > 0 ? (size_t)tiers : 1;
	if (tiers > 16) {
		spec_error(L, err, "%s", "header_rows above 16");
		goto fail;
	}
	if (init_slots(L, err) < 0 || init_template(L, err) < 0 ||
	    init_sentinels(L, err) < 0 || init_patterns(L, err) < 0 ||
	    init_decimal(L, err) < 0 || init_origin(L) < 0 ||
	    init_buffers(L, err) < 0)
		goto fail;
	if (spec->layout->values.n == 0) {
		spec_error(L, err, "%s", "the layout names no value column");
		rk_error_hint(err, "give values: the header text or letter of "
				   "the column holding the numbers");
		goto fail;
	}
	return L;
fail:
	layout_free(L);
	return NULL;
}

int layout_set_merges(struct layout *L, const struct sheet_range *r, size_t n,
		      struct rk_error *err)
{
	merges_free(L->merges);
	L->merges = n ? merges_new(r, n) : NULL;
	if (n && !L->merges)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	return 0;
}

/* ---- the header ---- */

/* A spec that can only be found as header text. */
static int is_text_spec(const char *s)
{
	long a, b;

	return cellref_col(s) < 0 && cellref_col_range(s, &a, &b) < 0;
}

/* Visits every column spec of the layout: label fields, then values. */
static int each_spec(const struct layout *L,
		     int (*fn)(const struct layout *L, const char *spec, void *ctx),
		     void *ctx)
{
	const struct rk_strlist *v = &L->spec.layout->values;

	for (size_t i = 0; i < L->nslots; i++)
		if (L->slots[i].kind == SLOT_COLUMN &&
		    !fn(L, L->slots[i].text, ctx))
			return 0;
	for (size_t i = 0; i < v->n; i++)
		if (!fn(L, v->items[i], ctx))
			return 0;
	return 1;
}

static int text_found(const struct layout *L, const char *spec, void *ctx)
{
	(void)ctx;
	return !is_text_spec(spec) || header_find(L->head, spec) >= 0;
}

/* Stops the walk (returns 0) at a text found in the oldest tier held. */
static int not_in_top(const struct layout *L, const char *spec, void *ctx)
{
	(void)ctx;
	return !is_text_spec(spec) || header_find_in(L->head, 0, spec) < 0;
}

/*
 * The rows held are the header when they hold every column name the
 * layout uses and, for several tiers, the top one holds one of them (a
 * title row above the table must not pass for a tier).
 */
static int header_complete(const struct layout *L)
{
	if (!each_spec(L, text_found, NULL))
		return 0;
	return L->ntiers == 1 ||
	       (header_rows_held(L->head) == L->ntiers &&
		!each_spec(L, not_in_top, NULL));
}

static int is_letters(const struct layout *L, const char *spec, void *ctx)
{
	(void)L;
	(void)ctx;
	return !is_text_spec(spec);
}

static int not_found(const struct layout *L, const char *spec, long line,
		     struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, L->spec.input_name, line,
		     "column '%s' not found in the header row", spec);
	rk_error_hint(err, "name it by its exact header text or its letter "
			   "(A, B, ...)");
	return -1;
}

/* Header text first: a column headed "ID" is not column ID. */
static long spec_col(const struct layout *L, const char *spec, int have_head)
{
	long col = have_head ? header_find(L->head, spec) : -1;

	return col >= 0 ? col : cellref_col(spec);
}

static int add_vcol(struct layout *L, long col, struct rk_error *err)
{
	struct value_col *v = realloc(L->vcols, (L->nvcols + 1) * sizeof(*v));

	if (!v)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	L->vcols = v;
	v[L->nvcols++] = (struct value_col){ col, "", NULL, 0, NULL, NULL };
	return 0;
}

/*
 * The column as messages call it: its lowest header text (a heading
 * merged down leaves the tiers under it blank), or its letters.
 */
static const char *vcol_name(const struct layout *L, const struct value_col *v)
{
	for (size_t k = L->ntiers; v->tier && k-- > 0;)
		if (*v->tier[k])
			return v->tier[k];
	return v->letters;
}

/* Gives each value column its tier texts (none without a header). */
static int name_vcols(struct layout *L, int have_head, struct rk_error *err)
{
	long *cols = malloc((L->nvcols + 1) * sizeof(*cols));
	int rc = 0;

	if (!cols)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	for (size_t i = 0; i < L->nvcols; i++)
		cols[i] = L->vcols[i].col;
	for (size_t i = 0; i < L->nvcols && rc == 0; i++) {
		struct value_col *v = &L->vcols[i];

		cellref_letters(v->col, v->letters);
		v->tier = calloc(L->ntiers, sizeof(*v->tier));
		for (size_t k = 0; v->tier && k < L->ntiers; k++)
			if ((v->tier[k] = strdup(have_head
				? header_tier_text(L->head, k, v->col, cols,
						   L->nvcols)
				: v->letters)) == NULL)
				rc = -1;
		if (!v->tier)
			rc = -1;
	}
	free(cols);
	if (rc < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	return 0;
}

static int resolve_values(struct layout *L, int have_head, long line,
			  struct rk_error *err)
{
	const struct rk_strlist *v = &L->spec.layout->values;

	for (size_t i = 0; i < v->n; i++) {
		long col = have_head ? header_find(L->head, v->items[i]) : -1;
		long a, b;

		if (col < 0 && cellref_col_range(v->items[i], &a, &b) == 0) {
			for (long c = a; c <= b; c++)
				if (add_vcol(L, c, err) < 0)
					return -1;
			continue;
		}
		if (col < 0)
			col = cellref_col(v->items[i]);
		if (col < 0)
			return not_found(L, v->items[i], line, err);
		if (add_vcol(L, col, err) < 0)
			return -1;
	}
	if (L->nvcols > 1 && L->spec.layout->value_headers.n == 0 &&
	    !L->spec.layout->period) {
		rk_error_set(err, L->spec.config_name ? RK_EXIT_CONFIG
						      : RK_EXIT_USAGE,
			     L->spec.config_name, L->spec.layout->mark.line,
			     "%zu value columns, but no value_headers to name "
			     "the field their headers go to", L->nvcols);
		rk_error_hint(err, "add e.g. value_headers: [period]");
		return -1;
	}
	return name_vcols(L, have_head, err);
}

/* Resolves every column the layout names, against the tiers held (or none). */
/* Whether s is a number as a data cell writes it (not a year label). */
static int numeric(const char *s, long *whole)
{
	char *end;
	double v;

	while (*s == ' ')
		s++;
	if (!*s)
		return 0;
	v = strtod(s, &end);
	while (*end == ' ')
		end++;
	if (*end)
		return 0;
	*whole = v == floor(v) && fabs(v) < 1e9 ? (long)v : -1;
	return 1;
}

/*
 * Fields whose labels may well be numbers: a period's parts, an age, a
 * code, an article of a code, a row's number (the name, or a part of it
 * between underscores: article_code, row_no).
 */
static const char *const numbered_fields[] = {
	"year", "period", "month", "quarter", "half", "week", "day", "date",
	"age", "code", "article", "row", "line", "no", "number", "num", "id",
	NULL
};

static int numbered_field(const char *name)
{
	for (const char *p = name;; p++) {
		size_t n = strcspn(p, "_");

		for (size_t k = 0; numbered_fields[k]; k++)
			if (strlen(numbered_fields[k]) == n &&
			    strncmp(p, numbered_fields[k], n) == 0)
				return 1;
		p += n;
		if (!*p)
			return 0;
	}
}

/* Whether a number n can be a label of the field: a year, a month ... */
static int plausible(const char *field, long n)
{
	if (strcmp(field, "year") == 0 || strcmp(field, "period") == 0)
		return n >= 1900 && n <= 2100;
	if (strcmp(field, "month") == 0)
		return n >= 1 && n <= 12;
	if (strcmp(field, "quarter") == 0)
		return n >= 1 && n <= 4;
	if (strcmp(field, "half") == 0)
		return n >= 1 && n <= 2;
	if (strcmp(field, "age") == 0)
		return n >= 0 && n <= 120;
	return numbered_field(field) && n >= 0;   /* a code, an article */
}

/* " (sheet S, row N)" of header tier k, whose block ends at row last. */
static const char *tier_row(const struct layout *L, size_t k, long last,
			    char *buf, size_t size)
{
	long row = last - (long)(L->ntiers - 1 - k);

	if (!L->spec.sheet || row < 1)
		buf[0] = '\0';
	else
		snprintf(buf, size, " (sheet %s, row %ld)", L->spec.sheet, row);
	return buf;
}

/*
 * Whether a tier is a row of column numbers, as official forms print
 * under their header: the label columns numbered too ("А", "1"), and the
 * value columns' whole numbers going up by one, left to right.
 */
static int counts_up(const struct layout *L, size_t tier)
{
	long prev = 0, n, k = 0, first = -1;
	const char *t;

	for (size_t i = 0; i < L->nslots; i++)
		if (L->slots[i].kind == SLOT_COLUMN &&
		    (first < 0 || L->slots[i].col < first))
			first = L->slots[i].col;
	t = first >= 0 ? header_cell(L->head, tier, first) : "";
	if (!*t || (!numeric(t, &n) && strlen(t) > 4))
		return 0;                  /* "А", "Б", "1": numbered too */

	for (size_t c = 0; c < L->nvcols; c++) {
		t = L->vcols[c].tier[tier];
		if (!*t)
			continue;
		if (!numeric(t, &n) || n < 0 || (k && n != prev + 1))
			return 0;
		prev = n;
		k++;
	}
	return k >= 3;
}

static int tier_error(const struct layout *L, const struct slot *s,
		      const char *first, long line, struct rk_error *err)
{
	char row[64];

	tier_row(L, s->tier, line, row, sizeof(row));
	rk_error_set(err, RK_EXIT_DATAERR, L->spec.input_name,
		     L->spec.sheet ? 0 : line, "%s", "");
	if (counts_up(L, s->tier)) {
		snprintf(err->msg, sizeof(err->msg), "the header tier read as "
			 "'%s'%s is a row of column numbers ('%s' ...), not "
			 "labels", s->name, row, first);
		rk_error_hint(err, "name that tier _ in value_headers to read "
				   "and discard it, or count one header row "
				   "fewer: a row of column numbers right under "
				   "the header is skipped");
		return -1;
	}
	snprintf(err->msg, sizeof(err->msg), "the header tier read as '%s'%s "
		 "holds numbers, not labels ('%s' ...): a row of data (or a "
		 "title) was taken as the header", s->name, row, first);
	rk_error_hint(err, "check header_row and range: the header may "
			   "have been looked for in the wrong rows (give "
			   "header_row, the top row of the header), or the "
			   "range may start below it; a tier of numbers that "
			   "are not labels is named _ in value_headers (read "
			   "and discarded)");
	return -1;
}

/*
 * The bottom header row over the values, when no value_headers name the
 * tiers, holding nothing but numbers that are not years ('400', not
 * '2024'; nor a row of column numbers): a row of data taken as the header
 * (columns by letter, the header looked for in the first rows of a range
 * that starts inside the table).  Its figures would be lost unread.
 */
static int check_bottom(const struct layout *L, long line,
			struct rk_error *err)
{
	size_t bottom = L->ntiers - 1, nums = 0;
	const char *first = NULL;
	char row[64];
	long n;

	if (L->spec.layout->value_headers.n)
		return 0;                  /* check_tiers judges named tiers */
	for (size_t c = 0; c < L->nvcols; c++) {
		const char *t = L->vcols[c].tier[bottom];

		if (!*t)
			continue;
		if (!numeric(t, &n) || plausible("year", n))
			return 0;
		first = first ? first : t;
		nums++;
	}
	if (!nums || counts_up(L, bottom))
		return 0;
	rk_error_set(err, RK_EXIT_DATAERR, L->spec.input_name,
		     L->spec.sheet ? 0 : line, "the header row%s holds "
		     "numbers, not headings, over the values ('%s' ...): a row "
		     "of data was taken as the header",
		     tier_row(L, bottom, line, row, sizeof(row)), first);
	rk_error_hint(err, "give header_row 0 (--header-row 0) for a table "
			   "without a header row, or the row of its header; "
			   "a range starts at the header, or with header_row "
			   "0 at the table's first row");
	return -1;
}

/*
 * A header tier that holds numbers where its field's labels should be
 * (a data row taken as the header: header_row one row too low, or a range
 * that starts below the header; a row of column numbers counted as a
 * tier) is refused: the numbers would become labels, and be noticed, if
 * at all, as unmapped labels much later.
 */
static int check_tiers(const struct layout *L, long line,
		       struct rk_error *err)
{
	for (size_t i = 0; i < L->nslots; i++) {
		const struct slot *s = &L->slots[i];
		size_t nums = 0, odd = 0;
		const char *first = NULL;
		int text = 0;

		if (s->kind != SLOT_VALUE_HEADER)
			continue;
		for (size_t c = 0; c < L->nvcols && !text; c++) {
			const char *t = L->vcols[c].tier[s->tier];
			long n;

			if (!*t)
				continue;
			if (!numeric(t, &n)) {
				text = 1;          /* a label: fine */
				break;
			}
			nums++;
			if (!plausible(s->name, n) && !first)
				first = t;
			odd += !plausible(s->name, n);
		}
		if (!text && nums && odd)
			return tier_error(L, s, first, line, err);
	}
	return check_bottom(L, line, err);
}

/* ---- --dry-run: what the layout finds, told in plain lines ---- */

static void dry_skip(const struct layout *L, const struct grid_row *r,
		     const char *why);

#define DRY_ROWS 5                 /* rows shown, of those written */

static void dry_header(const struct layout *L, int have_head, long line)
{
	FILE *f = L->spec.dry;
	char letters[8];

	fprintf(f, "%s%s%s: the header %s", L->spec.input_name,
		L->spec.sheet ? ", sheet " : "",
		L->spec.sheet ? L->spec.sheet : "",
		have_head ? "ends at " : "is not used (columns by letter)");
	if (have_head)
		fprintf(f, "%s %ld", L->spec.sheet ? "row" : "line", line);
	fputc('\n', f);
	for (size_t i = 0; i < L->nslots; i++)
		if (L->slots[i].kind == SLOT_COLUMN) {
			cellref_letters(L->slots[i].col, letters);
			fprintf(f, "  %s: column %s (%s)\n", L->slots[i].name,
				letters, L->slots[i].text);
		}
	for (size_t c = 0; c < L->nvcols; c++) {
		const struct value_col *v = &L->vcols[c];

		fprintf(f, "  values in %s ('%s'):", v->letters,
			vcol_name(L, v));
		for (size_t i = 0; i < L->nslots; i++)
			if (L->slots[i].kind == SLOT_VALUE_HEADER)
				fprintf(f, " %s='%s'", L->slots[i].name,
					v->tier[L->slots[i].tier]);
		fputc('\n', f);
	}
}

/* A row written (the first few) or skipped, as a line of the report. */
static void dry_row(struct layout *L, const char *what, const char *const *out,
		    size_t n)
{
	FILE *f = L->spec.dry;

	if (!f)
		return;
	if (!strcmp(what, "writes") && L->dry_shown++ >= DRY_ROWS)
		return;
	fprintf(f, "  %s:", what);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%s%s", i ? "," : " ", out[i]);
	fputc('\n', f);
}

/* A row skipped: its place and first text. */
static void dry_skip(const struct layout *L, const struct grid_row *r,
		     const char *why)
{
	const char *s = "";

	if (!L->spec.dry)
		return;
	for (size_t i = 0; i < r->n && !*s; i++)
		s = r->cell[i];
	fprintf(L->spec.dry, "  %s: %s %ld '%.60s'\n", why,
		L->spec.sheet ? "row" : "line",
		L->spec.sheet ? r->index : r->line, s);
}

void layout_dry_end(const struct layout *L)
{
	if (!L->spec.dry)
		return;
	fprintf(L->spec.dry, "  %ld value row(s) in all%s\n", L->written,
		L->written > DRY_ROWS ? " (the first shown)" : "");
}

static int take_header(struct layout *L, int have_head, long line,
		       struct rk_error *err)
{
	for (size_t i = 0; i < L->nslots; i++) {
		struct slot *s = &L->slots[i];

		if (s->kind != SLOT_COLUMN)
			continue;
		s->col = spec_col(L, s->text, have_head);
		s->col_last = s->col;
		if (s->col < 0 &&
		    cellref_col_range(s->text, &s->col, &s->col_last) < 0)
			return not_found(L, s->text, line, err);
	}
	if (L->spec.layout->remark &&
	    (L->remark_col = spec_col(L, L->spec.layout->remark,
				      have_head)) < 0)
		return not_found(L, L->spec.layout->remark, line, err);
	if (resolve_values(L, have_head, line, err) < 0 ||
	    (have_head && check_tiers(L, line, err) < 0))
		return -1;
	L->have_header = 1;
	if (L->spec.dry)
		dry_header(L, have_head, line);
	if (!L->spec.sheet && have_head)
		L->ncols = header_width(L->head);
	header_free(L->head);
	L->head = NULL;
	return 0;
}

static int is_blank(const struct grid_row *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const char *s = r->cell[i];
		size_t n = r->len[i];

		value_trim(&s, &n);
		if (n)
			return 0;
	}
	return 1;
}

/*
 * Watches the rows above the body.  Returns 1 when the header block ends
 * at r, 2 when there is no header and r is already body, 0 to keep
 * looking, -1 on error.
 */
static int seek_header(struct layout *L, const struct grid_row *r,
		       struct rk_error *err)
{
	if (L->header_row == 0)
		return take_header(L, 0, r->line, err) < 0 ? -1 : 2;
	if (L->header_row < 0 && each_spec(L, is_letters, NULL))
		L->header_row = L->first_row;  /* letters only: the top rows */
	if (L->header_row > 0 &&
	    r->index < L->header_row + (long)L->ntiers - 1)
		return 0;
	if (L->header_row < 0 && !header_complete(L))
		return 0;
	return take_header(L, 1, r->line, err) < 0 ? -1 : 1;
}

/* ---- the body ---- */

/* Points err at the cell (sheets) or line (text) of column col of row r. */
static void place_error(const struct layout *L, struct rk_error *err,
			const struct grid_row *r, long col)
{
	char cell[300], letters[8];

	rk_error_set(err, RK_EXIT_DATAERR, L->spec.input_name,
		     L->spec.sheet ? 0 : r->line, "%s", "");
	if (L->spec.sheet) {
		cellref_letters(col, letters);
		snprintf(cell, sizeof(cell), "%s!%s%ld", L->spec.sheet, letters,
			 r->index);
		rk_error_cell(err, cell);
	}
}

/* The row as messages call it: a sheet's row, a text file's line. */
static long row_place(const struct layout *L, const struct grid_row *r)
{
	return L->spec.sheet ? r->index : r->line;
}

/*
 * What a blank label cell means, by the field's rule; "" with
 * L->blank_slot set when the layout does not say (BLANK_REFUSE).  A label
 * is remembered for the rows below: a fill_down field's blanks take it, a
 * refused blank is told by it.  -1 out of memory.
 */
static int blank_or_above(struct layout *L, size_t i, const char **t,
			  long row)
{
	struct slot *s = &L->slots[i];

	if (**t) {
		s->above_row = row;
		if (!s->above || strcmp(s->above, *t) != 0) {
			free(s->above);
			if (!(s->above = strdup(*t)))
				return -1;
		}
		return 0;
	}
	switch (s->blank) {
	case BLANK_FILL:
		if (s->above)
			*t = s->above;
		else if (L->blank_slot < 0)
			L->blank_slot = (long)i;   /* nothing above to fill */
		break;
	case BLANK_LABEL:
		*t = s->blank_label;
		break;
	case BLANK_TOTAL:
		break;
	default:
		if (L->blank_slot < 0)
			L->blank_slot = (long)i;
	}
	return 0;
}

/* This row's label texts, merged labels filled from their anchors. */
static int take_labels(struct layout *L, const struct grid_row *r)
{
	L->blank_slot = -1;
	for (size_t i = 0; i < L->nslots; i++) {
		const struct slot *s = &L->slots[i];
		const char *t = "", *fill;

		if (s->kind != SLOT_COLUMN)
			continue;
		/* labels by level over several columns: the first with text */
		for (long c = s->col; c <= s->col_last && !*t; c++)
			if ((size_t)c < r->n)
				t = r->cell[c];
		if (!*t && L->merges &&
		    (fill = merges_fill(L->merges, r->index, s->col)) != NULL)
			t = fill;
		if (blank_or_above(L, i, &t, row_place(L, r)) < 0)
			return -1;
		L->label[i] = t;
	}
	return 0;
}

/*
 * Whether the row is a row of column numbers, as official forms print
 * under their header (1, 2, 3 ... or А, 1, 2 ...): three or more whole
 * numbers, each one more than the one before, left to right, and nothing
 * else but letters of a row code.  Only the first row under the header is
 * asked.
 */
static int column_numbers(const struct grid_row *r)
{
	long prev = 0;
	int n = 0;

	for (size_t i = 0; i < r->n; i++) {
		const char *s = r->cell[i];
		size_t len = r->len[i];
		char *end;
		long v;

		value_trim(&s, &len);
		if (!len)
			continue;
		if (len > 6 || !isdigit((unsigned char)*s)) {
			if (n == 0 && len <= 2)
				continue;  /* "А", "Б": the columns of labels */
			return 0;
		}
		v = strtol(s, &end, 10);
		if ((size_t)(end - s) != len || (n && v != prev + 1))
			return 0;
		prev = v;
		n++;
	}
	return n >= 3;
}

static int filled(const struct grid_row *r, long col);

/* Whether any value cell of the row holds something. */
static int has_values(const struct layout *L, const struct grid_row *r)
{
	for (size_t i = 0; i < L->nvcols; i++)
		if (filled(r, L->vcols[i].col))
			return 1;
	return 0;
}

/*
 * A data row with a blank label cell the layout says nothing about: taken
 * as "", it would become the total of that field and be summed with the
 * rows it stands over (sub-causes under a blank cause).  Refused, naming
 * the row, the label above it (so that the row can be found) and the ways
 * to say what the blank means.
 */
static int blank_label_error(const struct layout *L, const struct grid_row *r,
			     struct rk_error *err)
{
	const struct slot *s = &L->slots[L->blank_slot];
	const char *where = L->spec.sheet ? "row" : "line", *n = s->name;
	char letters[8], above[160];

	place_error(L, err, r, s->col);
	cellref_letters(s->col, letters);
	if (s->above)
		snprintf(above, sizeof(above), "under '%.80s' in %s %ld",
			 s->above, where, s->above_row);
	else
		snprintf(above, sizeof(above), "with no label above it%s",
			 s->blank == BLANK_FILL ? " to fill down" : "");
	snprintf(err->msg, sizeof(err->msg), "%s %ld has no %s (column %s, "
		 "%s): a blank would be taken as the total of %s and summed "
		 "with the rows it stands over", where, row_place(L, r), n,
		 letters, above, n);
	if (s->above && s->blank != BLANK_FILL)
		rk_error_hint(err, "to fill '%.80s' down say "
				   "layout.blank_labels: {%s: fill_down} "
				   "(--blank-label %s=fill_down); {%s: total} "
				   "keeps the blank as the total, {%s: "
				   "\"Unknown\"} gives it a label; or skip such "
				   "rows with skip_rows", s->above, n, n, n, n);
	else
		rk_error_hint(err, "say what a blank %s means: "
				   "layout.blank_labels: {%s: total} keeps it "
				   "as the total, {%s: \"Unknown\"} gives it a "
				   "label; or skip such rows with skip_rows", n,
			      n, n);
	return -1;
}

static int labels_match(const struct layout *L, struct rk_rx *rx,
			const struct grid_row *r)
{
	int any = 0;

	for (size_t i = 0; i < L->nslots; i++) {
		if (L->slots[i].kind != SLOT_COLUMN)
			continue;
		any = 1;
		if (rk_rx_search(rx, L->label[i], strlen(L->label[i])) == 1)
			return 1;
	}
	return !any && r->n && rk_rx_search(rx, r->cell[0], r->len[0]) == 1;
}

static int value_error(const struct layout *L, const struct grid_row *r,
		       const struct value_col *vc, const char *s, size_t n,
		       enum value_result res, struct rk_error *err)
{
	int shown = (int)(n > 64 ? 64 : n);

	place_error(L, err, r, vc->col);
	if (res == VALUE_AMBIGUOUS) {
		snprintf(err->msg, sizeof(err->msg),
			 "ambiguous number '%.*s' in column '%s'", shown, s,
			 vcol_name(L, vc));
		rk_error_hint(err, "say which mark is decimal: decimal: ',' "
				   "or decimal: '.' (--decimal)");
		return -1;
	}
	snprintf(err->msg, sizeof(err->msg),
		 "expected a number, found '%.*s' in column '%s'", shown, s,
		 vcol_name(L, vc));
	rk_error_hint(err, "add it to sentinels (e.g. \"%.*s\": missing) or "
			   "correct the cell", shown, s);
	return -1;
}

static int sentinel(const struct layout *L, const char *s, size_t n,
		    const char **val, const char **st)
{
	for (size_t i = 0; i < L->nsent; i++)
		if (L->sent[i].len == n && memcmp(L->sent[i].text, s, n) == 0) {
			*val = L->sent[i].value;
			*st = L->sent[i].status;
			return 1;
		}
	return 0;
}

static int grow_num(struct layout *L, size_t n, struct rk_error *err)
{
	char *p;

	if (n + 2 <= L->numcap)
		return 0;
	p = realloc(L->num, n + 64);
	if (!p)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	L->num = p;
	L->numcap = n + 64;
	return 0;
}

/*
 * A number followed by one of the layout's marks ("17~", "12 p",
 * "9 пред."): its value in L->num and the mark's status in *st.
 */
static int marked(struct layout *L, const char *s, size_t n, const char **st)
{
	const struct rk_kvlist *m = &L->spec.layout->marks;

	for (size_t i = 0; i < m->n; i++) {
		const char *mark = m->items[i].key;
		size_t k = strlen(mark), bare;

		if (!k || k >= n || memcmp(s + n - k, mark, k) != 0)
			continue;
		bare = n - k;
		while (bare && s[bare - 1] == ' ')
			bare--;
		if (bare && value_parse(s, bare, L->dec, L->num) == VALUE_OK) {
			*st = m->items[i].value;
			return 1;
		}
	}
	return 0;
}

static int watch_text(struct layout *L, const struct grid_row *r,
		      const struct value_col *vc, const char *s, size_t n,
		      struct rk_error *err);

/*
 * Sets out[value] and out[status] for one value cell.  Returns 1 when the
 * cell holds text and its column is now watched (nothing written).
 */
static int read_value(struct layout *L, const struct grid_row *r,
		      const struct value_col *vc, struct rk_error *err)
{
	const char *s = (size_t)vc->col < r->n ? r->cell[vc->col] : "";
	size_t n = (size_t)vc->col < r->n ? r->len[vc->col] : 0, bare;
	const char **val = &L->out[L->nout - 3], **st = &L->out[L->nout - 2];
	enum value_result res;

	value_trim(&s, &n);
	if (sentinel(L, s, n, val, st))
		return 0;
	if (grow_num(L, n, err) < 0)
		return -1;
	res = value_parse(s, n, L->dec, L->num);
	*val = L->num;
	*st = "";
	if (res == VALUE_EMPTY) {
		*val = "";
		*st = "missing";
		return 0;
	}
	if (res == VALUE_NOT_A_NUMBER && marked(L, s, n, st))
		return 0;                    /* "17~" with marks {"~": revised} */
	if (res == VALUE_NOT_A_NUMBER &&
	    (bare = value_footnote_strip(s, n)) < n &&
	    value_parse(s, bare, L->dec, L->num) == VALUE_OK) {
		*st = "footnote";            /* "12*", "12¹", "12 (a)" */
		return 0;
	}
	if (res == VALUE_NOT_A_NUMBER)
		return watch_text(L, r, vc, s, n, err);
	if (res != VALUE_OK)
		return value_error(L, r, vc, s, n, res, err);
	return 0;
}

static const char *slot_value(const struct layout *L, size_t i,
			      const struct value_col *vc)
{
	const struct slot *s = &L->slots[i];

	switch (s->kind) {
	case SLOT_CONST:
		return s->text;
	case SLOT_COLUMN:
		return L->label[i];
	case SLOT_VALUE_HEADER:
		return vc->tier[s->tier];
	default:
		return "";
	}
}

/* Does the period template name a label column (a value per row)? */
static int period_per_row(const struct layout *L)
{
	for (size_t i = 0; i < L->ntmpl; i++)
		if (L->tmpl[i].ref >= 0 &&
		    L->slots[L->tmpl[i].ref].kind == SLOT_COLUMN)
			return 1;
	return 0;
}

static int expand_period(struct layout *L, struct value_col *vc,
			 struct rk_error *err)
{
	size_t need = 1, o = 0;

	if (vc->period) {          /* this runs per value: once per column */
		L->out[TIDY_PERIOD] = vc->period;
		return 0;
	}

	for (size_t i = 0; i < L->ntmpl; i++)
		need += L->tmpl[i].ref < 0
				? L->tmpl[i].len
				: strlen(slot_value(L, (size_t)L->tmpl[i].ref, vc));
	if (need > L->periodcap) {
		char *p = realloc(L->period, need + 64);

		if (!p)
			return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					    "out of memory");
		L->period = p;
		L->periodcap = need + 64;
	}
	for (size_t i = 0; i < L->ntmpl; i++) {
		const char *s = L->tmpl[i].text;
		size_t n = L->tmpl[i].len;

		if (L->tmpl[i].ref >= 0) {
			s = slot_value(L, (size_t)L->tmpl[i].ref, vc);
			n = strlen(s);
		}
		memcpy(L->period + o, s, n);
		o += n;
	}
	L->period[o] = '\0';
	L->out[TIDY_PERIOD] = L->period;
	if (!period_per_row(L) && !(vc->period = strdup(L->period)))
		return rk_error_oom(err);
	return 0;
}

/*
 * "file:LINE" or "file#sheet!C12", without printf: this runs per value.
 * letters: the column's (a value column keeps its own), or NULL.
 */
static const char *origin_at(struct layout *L, const struct grid_row *r,
			     long col, const char *letters)
{
	char digits[24], own[8];
	size_t n = 0, o = L->origin_len;
	unsigned long v = L->spec.sheet ? (unsigned long)r->index
					: (unsigned long)(r->line > 0 ? r->line : 0);

	if (L->spec.sheet) {
		if (!letters || !*letters) {
			cellref_letters(col, own);
			letters = own;
		}
		while (*letters)
			L->origin[o++] = *letters++;
	}
	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n)
		L->origin[o++] = digits[--n];
	L->origin[o] = '\0';
	L->origin_n = o;
	return L->origin;
}

static const char *origin(struct layout *L, const struct grid_row *r, long col)
{
	return origin_at(L, r, col, NULL);
}

/* Whether cell col of r holds something. */
static int filled(const struct grid_row *r, long col)
{
	const char *s = (size_t)col < r->n ? r->cell[col] : "";
	size_t n = (size_t)col < r->n ? r->len[col] : 0;

	value_trim(&s, &n);
	return n > 0;
}

/* read_value, counting the numbers (and sentinels) of the column. */
static int take_value(struct layout *L, const struct grid_row *r,
		      struct value_col *vc, struct rk_error *err)
{
	int rc = read_value(L, r, vc, err);

	if (rc == 0 && filled(r, vc->col))
		vc->numbers++;
	return rc;
}

/* Field j is s: its length and cleanness from k, measured when k holds
 * another text, or the same text of another row. */
static void know(struct layout *L, size_t j, const char *s, struct known *k,
		 long seq)
{
	if (!s)
		s = "";               /* as the writer writes NULL */
	if (k->p != s || k->seq != seq) {
		k->p = s;
		k->seq = seq;
		k->len = strlen(s);
		k->clean = (unsigned char)tidy_field_clean(s, k->len);
	}
	L->outlen[j] = k->len;
	L->outclean[j] = k->clean;
}

/* What is known of the fields of L->out for a value of vc. */
static void know_fields(struct layout *L, struct value_col *vc)
{
	struct known fresh = { 0 };

	know(L, TIDY_SOURCE, L->out[TIDY_SOURCE], &vc->known[TIDY_SOURCE], 0);
	for (size_t i = 0; i < SLOT_FIRST_DIM + L->spec.ndims; i++) {
		struct slot *sl = &L->slots[i];

		if (sl->kind == SLOT_COLUMN)
			know(L, 1 + i, L->out[1 + i], &sl->label_known, L->seq);
		else if (1 + i != TIDY_PERIOD || !L->ntmpl ||
			 L->out[1 + i] == vc->period)
			know(L, 1 + i, L->out[1 + i], &vc->known[1 + i], 0);
		else
			know(L, 1 + i, L->out[1 + i], &fresh, -1);
	}
	know(L, L->nout - 3, L->out[L->nout - 3], &fresh, -1);
	know(L, L->nout - 2, L->out[L->nout - 2], &vc->known[L->nout - 2], 0);
	L->outlen[L->nout - 1] = L->origin_n;
	L->outclean[L->nout - 1] = (unsigned char)L->origin_clean;
}

/* One tidy row; 1 when its cell holds text (see read_value). */
static int emit(struct layout *L, const struct grid_row *r,
		struct value_col *vc, struct tidy_writer *w,
		struct rk_error *err)
{
	int rc = take_value(L, r, vc, err);

	if (rc)
		return rc;
	if (!vc->known && !(vc->known = calloc(L->nout, sizeof(*vc->known))))
		return rk_error_oom(err);
	if (L->row_status && (!*L->out[L->nout - 2] ||
			      !strcmp(L->out[L->nout - 2], "missing")))
		L->out[L->nout - 2] = L->row_status;
	L->out[TIDY_SOURCE] = L->spec.source_id;
	for (size_t i = 0; i < SLOT_FIRST_DIM + L->spec.ndims; i++)
		L->out[1 + i] = slot_value(L, i, vc);
	if (L->ntmpl && expand_period(L, vc, err) < 0)
		return -1;
	L->out[L->nout - 1] = origin_at(L, r, vc->col, vc->letters);
	L->written++;
	dry_row(L, "writes", L->out, L->nout);
	know_fields(L, vc);
	return tidy_writer_row_known(w, L->out, L->outlen, L->outclean,
				     L->nout, err);
}

/*
 * A skipped row that is the source's own total ("Итого"): its values are
 * written with status source_total and the total's label left empty (all
 * of that field), for reckon-normalise to check against the sum of the
 * parts and leave out.  A sentinel is read as in the body ("-" a total of
 * 0, to be checked like any other); a value that is not a number, or a
 * sentinel for a figure not given, is not a total to check.  Other skipped
 * rows write nothing.
 */
static int emit_total(struct layout *L, const struct grid_row *r,
		      struct tidy_writer *w, struct rk_error *err)
{
	int total = 0;

	for (size_t i = 0; i < L->nslots; i++)
		if (L->slots[i].kind == SLOT_COLUMN &&
		    rk_rx_search(L->total, L->label[i],
				 strlen(L->label[i])) == 1) {
			L->label[i] = "";
			total = 1;
		}
	if (!total || (L->ncols && r->n != L->ncols)) {
		dry_skip(L, r, "skips (skip_rows)");
		return 0;
	}
	for (size_t i = 0; i < L->nvcols; i++) {
		struct value_col *vc = &L->vcols[i];
		const char *s = (size_t)vc->col < r->n ? r->cell[vc->col] : "";
		size_t n = (size_t)vc->col < r->n ? r->len[vc->col] : 0;

		const char *sv, *st;

		value_trim(&s, &n);
		if (grow_num(L, n, err) < 0)
			return -1;
		if (sentinel(L, s, n, &sv, &st)) {
			if (*st || !*sv)
				continue;      /* a total not given: none to check */
			snprintf(L->num, L->numcap, "%s", sv);   /* "-": 0 */
		} else if (value_parse(s, n, L->dec, L->num) != VALUE_OK) {
			continue;
		}
		L->out[TIDY_SOURCE] = L->spec.source_id;
		for (size_t k = 0; k < SLOT_FIRST_DIM + L->spec.ndims; k++)
			L->out[1 + k] = slot_value(L, k, vc);
		if (L->ntmpl && expand_period(L, vc, err) < 0)
			return -1;
		if (!*L->out[TIDY_PERIOD]) {
			/* a total over the periods: no period to check it in */
			if (i == 0)
				dry_skip(L, r, "skips (a total with no period)");
			continue;
		}
		L->out[L->nout - 3] = L->num;
		L->out[L->nout - 2] = "source_total";
		L->out[L->nout - 1] = origin(L, r, vc->col);
		dry_row(L, "a total, for reckon-normalise to check", L->out,
			L->nout);
		if (tidy_writer_row(w, L->out, NULL, L->nout, err) < 0)
			return -1;
	}
	return 0;
}

/* ---- misfits seen in the body ---- */

enum cell_kind { CELL_EMPTY, CELL_NUMBER, CELL_TEXT, CELL_OTHER };

/* Whether s holds a letter: ASCII, or Latin, Greek or Cyrillic in UTF-8. */
static int has_letter(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isalpha(c) || (c >= 0xC3 && c <= 0xD4))
			return 1;
	}
	return 0;
}

/*
 * What a value cell holds, as the body would read it: a number (a
 * sentinel, a marked or footnoted number too), text with letters, or
 * something else ("-", "…").  -1 out of memory.
 */
static int cell_kind(struct layout *L, const struct grid_row *r, long col,
		     struct rk_error *err)
{
	const char *s = (size_t)col < r->n ? r->cell[col] : "", *v, *st;
	size_t n = (size_t)col < r->n ? r->len[col] : 0, bare;
	enum value_result res;

	value_trim(&s, &n);
	if (!n)
		return CELL_EMPTY;
	if (sentinel(L, s, n, &v, &st))
		return CELL_NUMBER;
	if (grow_num(L, n, err) < 0)
		return -1;
	res = value_parse(s, n, L->dec, L->num);
	if (res == VALUE_OK || res == VALUE_AMBIGUOUS || marked(L, s, n, &st))
		return CELL_NUMBER;
	bare = value_footnote_strip(s, n);
	if (bare < n && value_parse(s, bare, L->dec, L->num) == VALUE_OK)
		return CELL_NUMBER;
	return has_letter(s, n) ? CELL_TEXT : CELL_OTHER;
}

/*
 * Whether the first data row holds labels in its value columns: no
 * number, and two different texts ("муж.", "жен."): a header tier that
 * header_rows left out.  *col is the first text's column.  -1 out of
 * memory.
 */
static int labels_in_values(struct layout *L, const struct grid_row *r,
			    long *col, struct rk_error *err)
{
	const char *first = NULL;
	size_t flen = 0;
	int two = 0;

	for (size_t i = 0; i < L->nvcols; i++) {
		long c = L->vcols[i].col;
		int k = cell_kind(L, r, c, err);
		const char *s = (size_t)c < r->n ? r->cell[c] : "";
		size_t n = (size_t)c < r->n ? r->len[c] : 0;

		if (k < 0)
			return -1;
		if (k == CELL_NUMBER)
			return 0;
		if (k != CELL_TEXT)
			continue;
		value_trim(&s, &n);
		if (!first) {
			first = s;
			flen = n;
			*col = c;
		} else if (n != flen || memcmp(s, first, n) != 0) {
			two = 1;
		}
	}
	return two;
}

static int header_rows_error(const struct layout *L, const struct grid_row *r,
			     long col, struct rk_error *err)
{
	const char *s = r->cell[col];
	size_t n = r->len[col];

	value_trim(&s, &n);
	place_error(L, err, r, col);
	snprintf(err->msg, sizeof(err->msg), "the first data row (%s %ld) "
		 "holds labels, not numbers, in the value columns ('%.*s' "
		 "...): the header may have more rows than header_rows says "
		 "(%zu)", L->spec.sheet ? "row" : "line", row_place(L, r),
		 (int)(n > 60 ? 60 : n), s, L->ntiers);
	rk_error_hint(err, "give header_rows the number of header rows above "
			   "the values, and value_headers a field (or _ to "
			   "discard it) for each");
	return -1;
}

/* Cells of a watched column read before it is judged. */
#define PROBE_ROWS 50

/*
 * A value cell holding text: a stray word ("нет данных") or a column of
 * labels taken among the values.  Its error is kept and the column
 * watched for PROBE_ROWS more rows, writing nothing; text_error tells.
 */
static int watch_text(struct layout *L, const struct grid_row *r,
		      const struct value_col *vc, const char *s, size_t n,
		      struct rk_error *err)
{
	(void)err;
	value_error(L, r, vc, s, n, VALUE_NOT_A_NUMBER, &L->probe.err);
	L->probe.vc = vc - L->vcols;
	L->probe.texts = has_letter(s, n);
	snprintf(L->probe.example, sizeof(L->probe.example), "%.*s",
		 (int)(n > 60 ? 60 : n), s);
	return 1;
}

/*
 * The column watched holds text in most of its cells (two at least): a
 * column of labels among the values, named with an example; else the
 * first text's own error (a number expected).
 */
static int text_error(const struct layout *L, struct rk_error *err)
{
	const struct value_col *vc = &L->vcols[L->probe.vc];
	long texts = L->probe.texts, all = texts + vc->numbers;

	*err = L->probe.err;
	if (texts < 2 || texts <= vc->numbers)
		return -1;
	snprintf(err->msg, sizeof(err->msg), "the values column %s ('%s') "
		 "holds text, not numbers ('%s', and text in %ld of the %ld "
		 "cells read): a column of labels was taken among the values",
		 vc->letters, vcol_name(L, vc), L->probe.example, texts, all);
	rk_error_hint(err, "narrow values to the columns of numbers; if the "
			   "text stands for a number or a missing value, add "
			   "it to sentinels (\"%s\": missing)",
		      L->probe.example);
	return -1;
}

/* A row under a watched column: counted, until the column is judged. */
static int watch_row(struct layout *L, const struct grid_row *r,
		     struct rk_error *err)
{
	struct value_col *vc = &L->vcols[L->probe.vc];
	int k;

	if (is_blank(r))
		return L->stop_blank ? text_error(L, err) : 0;
	if (take_labels(L, r) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (L->stop && labels_match(L, L->stop, r))
		return text_error(L, err);
	if (L->skip && labels_match(L, L->skip, r))
		return 0;
	if ((k = cell_kind(L, r, vc->col, err)) < 0)
		return -1;
	L->probe.texts += k == CELL_TEXT;
	vc->numbers += k == CELL_NUMBER;
	return ++L->probe.rows >= PROBE_ROWS ? text_error(L, err) : 0;
}

/* Data rows whose labels are enough to judge a field's column by. */
#define LABELS_JUDGED 20

/* Counts this data row's labels, and which are numbers; the rows so far. */
static long tally_labels(struct layout *L, const struct grid_row *r)
{
	long whole;

	for (size_t i = 0; i < L->nslots; i++) {
		struct slot *s = &L->slots[i];
		const char *t = L->label[i];
		size_t digits;

		if (s->kind != SLOT_COLUMN || !*t)
			continue;
		digits = strspn(t, "0123456789");
		if (!s->labels++) {
			snprintf(s->example, sizeof(s->example), "%s", t);
			s->example_row = row_place(L, r);
			s->width = digits;
		}
		s->numbers += numeric(t, &whole);
		s->ragged |= t[digits] != '\0' || digits != s->width;
		s->zero |= t[0] == '0' && digits > 1;
	}
	return L->data_rows;
}

/* Whether a field's labels are codes: all digits, of one width, with a
 * leading zero or five digits at least ("01", "02"; "751110000"). */
static int codes(const struct slot *s)
{
	return !s->ragged && (s->zero || s->width >= 5);
}

/*
 * A field read from a column given by letter whose labels are all numbers
 * (two at least) points at a column of figures or of row numbers (a
 * letter off by one), unless numbers are what its labels are: its name
 * says so (numbered_fields), or they are codes.  A column named by its
 * header text was chosen by it.  Returns 1 with err set.
 */
static int numeric_labels(const struct layout *L, struct rk_error *err)
{
	for (size_t i = 0; i < L->nslots; i++) {
		const struct slot *s = &L->slots[i];
		char letters[8];

		if (s->kind != SLOT_COLUMN || s->labels < 2 ||
		    s->numbers < s->labels || numbered_field(s->name) ||
		    is_text_spec(s->text) || codes(s))
			continue;
		cellref_letters(s->col, letters);
		rk_error_set(err, RK_EXIT_DATAERR, L->spec.input_name,
			     L->spec.sheet ? 0 : s->example_row,
			     "the labels of %s (column %s) are all numbers "
			     "('%s', and %ld more): a column of figures or of "
			     "row numbers was taken for them", s->name, letters,
			     s->example, s->labels - 1);
		if (L->spec.sheet) {
			char cell[300];

			snprintf(cell, sizeof(cell), "%s!%s%ld", L->spec.sheet,
				 letters, s->example_row);
			rk_error_cell(err, cell);
		}
		rk_error_hint(err, "point %s at the column of its labels "
				   "(fields: {%s: ...}); if these numbers are "
				   "its labels, name the column by its header "
				   "text", s->name, s->name);
		return 1;
	}
	return 0;
}

/* ---- the edges of a range ---- */

static void row_free(struct grid_row *r)
{
	for (size_t i = 0; r && i < r->n; i++)
		free(r->cell[i]);
	if (r) {
		free(r->cell);
		free(r->len);
	}
	free(r);
}

int layout_above_range(struct layout *L, const struct grid_row *r,
		       struct rk_error *err)
{
	struct grid_row *c = calloc(1, sizeof(*c));

	row_free(L->above);
	L->above = c;
	if (c) {
		*c = (struct grid_row){ r->index, r->line, 0, NULL, NULL };
		c->cell = calloc(r->n + 1, sizeof(*c->cell));
		c->len = calloc(r->n + 1, sizeof(*c->len));
	}
	for (size_t i = 0; c && c->cell && c->len && i < r->n; i++, c->n++) {
		if (!(c->cell[i] = strndup(r->cell[i], r->len[i])))
			break;
		c->len[i] = r->len[i];
	}
	if (!c || c->n < r->n)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	return 0;
}

/* Whether any value cell of r holds a number; its column in *col. */
static int has_figure(struct layout *L, const struct grid_row *r, long *col,
		      struct rk_error *err)
{
	for (size_t i = 0; i < L->nvcols; i++) {
		int k = cell_kind(L, r, L->vcols[i].col, err);

		if (k < 0 || k == CELL_NUMBER) {
			*col = L->vcols[i].col;
			return k < 0 ? -1 : 1;
		}
	}
	return 0;
}

/* The first text of a row, for messages: its label. */
static const char *row_label(const struct grid_row *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (*r->cell[i])
			return r->cell[i];
	return "";
}

/*
 * The body begins at the range's first row (no header in it) while the
 * row just above the range holds figures in the value columns too: the
 * range starts inside the table, and the rows above it (a total at its
 * top among them) would vanish unread.  1 with err set.
 */
static int starts_inside(struct layout *L, const struct grid_row *r,
			 struct rk_error *err)
{
	const struct grid_row *a = L->above;
	char letters[8];
	long col;
	int rc;

	if (!a || a->index + 1 != r->index || column_numbers(a))
		return 0;
	if ((rc = has_figure(L, a, &col, err)) <= 0)
		return rc;
	cellref_letters(col, letters);
	place_error(L, err, a, col);
	snprintf(err->msg, sizeof(err->msg), "the range starts inside the "
		 "table: row %ld just above it holds figures too ('%.60s', "
		 "%.30s in %s%ld), which would be left out unread", a->index,
		 row_label(a), a->cell[col], letters, a->index);
	rk_error_hint(err, "start the range at the top of the table: at its "
			   "header, or with header_row 0 at its first row of "
			   "figures");
	return 1;
}

/* The first data row: labels where numbers should be, or a range's top. */
static int first_data_row(struct layout *L, const struct grid_row *r,
			  long *col, struct rk_error *err)
{
	int rc = starts_inside(L, r, err);

	if (rc)
		return rc > 0 ? -1 : rc;
	return labels_in_values(L, r, col, err);
}

int layout_below_range(struct layout *L, const struct grid_row *r,
		       struct rk_error *err)
{
	long col;
	int rc;

	if (!L->have_header || L->probe.vc >= 0 || !L->last_data ||
	    L->last_data + 1 != r->index || is_blank(r))
		return 0;
	if (take_labels(L, r) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (!labels_match(L, L->total, r) &&
	    !(L->skip && labels_match(L, L->skip, r)))
		return 0;
	if ((rc = has_figure(L, r, &col, err)) <= 0)
		return rc;
	place_error(L, err, r, col);
	snprintf(err->msg, sizeof(err->msg), "the range ends just above the "
		 "table's total (row %ld '%.60s'): the source's own total "
		 "would be left out, unread and unchecked", r->index,
		 row_label(r));
	rk_error_hint(err, "end the range at row %ld: with skip_rows matching "
			   "it, the total is written for reckon-normalise to "
			   "check the rows against", r->index);
	return -1;
}

static int ragged(const struct layout *L, const struct grid_row *r,
		  struct rk_error *err)
{
	rk_error_set(err, RK_EXIT_DATAERR, L->spec.input_name, r->line,
		     "row has %zu fields, the header has %zu", r->n, L->ncols);
	rk_error_hint(err, "a delimiter inside a value needs quotes; check "
			   "the row for a stray or missing delimiter");
	return -1;
}

static int before_body(struct layout *L, const struct grid_row *r,
		       struct rk_error *err)
{
	int rc;

	if (!L->first_row && !is_blank(r))
		L->first_row = r->index;
	if (!L->first_row)
		return 0;
	if (header_push(L->head, r, L->merges) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	rc = seek_header(L, r, err);
	if (rc == 2 && !L->spec.sheet)
		L->ncols = r->n;               /* no header: the first row sets it */
	return rc;
}

/* ---- remarks (layout.remark, layout.remarks) ---- */

/* The row's remark, trimmed; 0 when it has none. */
static int remark_of(const struct layout *L, const struct grid_row *r,
		     const char **s, size_t *n)
{
	if (L->remark_col < 0 || (size_t)L->remark_col >= r->n)
		return 0;
	*s = r->cell[L->remark_col];
	*n = r->len[L->remark_col];
	value_trim(s, n);
	return *n > 0;
}

/* The status the remark gives the row's figures; NULL when none. */
static const char *remark_status(const struct layout *L,
				 const struct grid_row *r)
{
	const struct rk_kvlist *m = &L->spec.layout->remarks;
	const char *s;
	size_t n;

	if (!remark_of(L, r, &s, &n))
		return NULL;
	for (size_t i = 0; i < m->n; i++)
		if (strlen(m->items[i].key) == n &&
		    memcmp(m->items[i].key, s, n) == 0)
			return m->items[i].value;
	return NULL;
}

/*
 * A remark is the source's own word on a row ("данные не получены",
 * "скрыто по просьбе заявителя"): written as a note of the source, "the
 * row's labels: the remark", with the remark's cell as origin, for the
 * brief's data quality to show beside the figures.
 */
static int remark_note(struct layout *L, const struct grid_row *r,
		       struct tidy_writer *w, struct rk_error *err)
{
	const char *s;
	size_t n, o = 0, need;

	if (!remark_of(L, r, &s, &n))
		return 0;
	need = n + 3;
	for (size_t i = 0; i < L->nslots; i++)
		if (L->slots[i].kind == SLOT_COLUMN && L->label[i])
			need += strlen(L->label[i]) + 2;
	if (need > L->notecap) {
		char *p = realloc(L->note, need);

		if (!p)
			return rk_error_oom(err);
		L->note = p;
		L->notecap = need;
	}
	for (size_t i = 0; i < L->nslots; i++)
		if (L->slots[i].kind == SLOT_COLUMN && L->label[i] &&
		    *L->label[i])
			o += (size_t)sprintf(L->note + o, "%s%s",
					     o ? ", " : "", L->label[i]);
	o += (size_t)sprintf(L->note + o, "%s", o ? ": " : "");
	memcpy(L->note + o, s, n);
	L->note[o + n] = '\0';
	L->out[TIDY_SOURCE] = L->spec.source_id;
	for (size_t k = 0; k < SLOT_FIRST_DIM + L->spec.ndims; k++)
		L->out[1 + k] = "";
	L->out[1 + SLOT_INDICATOR] = L->note;
	L->out[L->nout - 3] = "";
	L->out[L->nout - 2] = "source_note";
	L->out[L->nout - 1] = origin(L, r, L->remark_col);
	dry_row(L, "a remark, as a note of the source", L->out, L->nout);
	return tidy_writer_row(w, L->out, NULL, L->nout, err);
}

int layout_row(struct layout *L, const struct grid_row *r,
	       struct tidy_writer *w, struct rk_error *err)
{
	long col;
	int rc;

	L->seq++;
	if (L->merges && merges_row(L->merges, r) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (!L->have_header) {
		rc = before_body(L, r, err);
		if (rc != 2)
			return rc < 0 ? -1 : 0;
	}
	if (L->probe.vc >= 0)
		return watch_row(L, r, err);
	if (is_blank(r))
		return L->stop_blank ? 1 : 0;
	if (!L->in_body++ && column_numbers(r)) {
		dry_skip(L, r, "skips (a row of column numbers)");
		return 0;
	}
	if (take_labels(L, r) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (L->stop && labels_match(L, L->stop, r))
		return layout_note(L, r, w, err) < 0 ? -1 : 1;
	if (L->skip && labels_match(L, L->skip, r)) {
		L->last_data = r->index;
		return emit_total(L, r, w, err);
	}
	if (!L->data_rows++ && (rc = first_data_row(L, r, &col, err)) != 0)
		return rc < 0 ? -1 : header_rows_error(L, r, col, err);
	L->last_data = r->index;
	if (L->blank_slot >= 0)
		return has_values(L, r) ? blank_label_error(L, r, err) : 0;
	if (L->ncols && r->n != L->ncols)
		return ragged(L, r, err);
	if (tally_labels(L, r) == LABELS_JUDGED && numeric_labels(L, err))
		return -1;
	L->row_status = remark_status(L, r);
	for (size_t i = 0; i < L->nvcols; i++)
		if ((rc = emit(L, r, &L->vcols[i], w, err)) != 0)
			return rc < 0 ? -1 : 0;
	return remark_note(L, r, w, err);
}

int layout_note(struct layout *L, const struct grid_row *r,
		struct tidy_writer *w, struct rk_error *err)
{
	const char *s = "";
	size_t n = 0, col = 0;

	if (++L->note_rows > NOTE_ROWS_MAX || L->notes >= NOTES_MAX)
		return 1;
	for (; col < r->n; col++) {
		s = r->cell[col];
		n = r->len[col];
		value_trim(&s, &n);
		if (n)
			break;
	}
	if (!n)
		return 0;
	if (grow_num(L, n, err) < 0)
		return -1;
	memcpy(L->num, s, n);              /* the text, NUL-terminated */
	L->num[n] = '\0';
	L->out[TIDY_SOURCE] = L->spec.source_id;
	for (size_t k = 0; k < SLOT_FIRST_DIM + L->spec.ndims; k++)
		L->out[1 + k] = "";
	L->out[1 + SLOT_INDICATOR] = L->num;
	L->out[L->nout - 3] = "";
	L->out[L->nout - 2] = "source_note";
	L->out[L->nout - 1] = origin(L, r, (long)col);
	L->notes++;
	if (L->spec.dry)
		fprintf(L->spec.dry, "  a note under the table (%s): %s\n",
			L->out[L->nout - 1], L->num);
	return tidy_writer_row(w, L->out, NULL, L->nout, err) < 0 ? -1 : 0;
}

/* "'Регион', 'Количество'": the header texts the layout looks for. */
static void list_texts(const struct layout *L, char *buf, size_t cap)
{
	const struct rk_strlist *v = &L->spec.layout->values;
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < L->nslots + v->n && o < cap; i++) {
		const char *t = i < L->nslots ? L->slots[i].text
					      : v->items[i - L->nslots];

		if ((i < L->nslots && L->slots[i].kind != SLOT_COLUMN) ||
		    !is_text_spec(t))
			continue;
		o += (size_t)snprintf(buf + o, cap - o, "%s'%s'", o ? ", " : "",
				      t);
	}
}

int layout_end(struct layout *L, struct rk_error *err)
{
	char names[400];

	if (L->probe.vc >= 0)
		return text_error(L, err);
	if (L->have_header)
		return numeric_labels(L, err) ? -1 : 0;
	list_texts(L, names, sizeof(names));
	rk_error_set(err, RK_EXIT_DATAERR, L->spec.input_name, 0,
		     "header not found: no row holds all of %s", names);
	rk_error_hint(err, "check the header texts under fields and values, "
			   "or give header_row (--header-row)");
	return -1;
}

long layout_rows_written(const struct layout *L)
{
	return L->written;
}

void layout_free(struct layout *L)
{
	if (!L)
		return;
	for (size_t i = 0; i < L->nvcols; i++) {
		for (size_t k = 0; L->vcols[i].tier && k < L->ntiers; k++)
			free(L->vcols[i].tier[k]);
		free(L->vcols[i].tier);
		free(L->vcols[i].period);
		free(L->vcols[i].known);
	}
	for (size_t i = 0; L->slots && i < L->nslots; i++)
		free(L->slots[i].above);
	header_free(L->head);
	merges_free(L->merges);
	row_free(L->above);
	free(L->label);
	for (size_t i = 0; i < L->nsent; i++)
		free(L->sent[i].value);
	free(L->vcols);
	free(L->sent);
	free(L->slots);
	free(L->tmpl);
	rk_rx_free(L->skip);
	rk_rx_free(L->total);
	rk_rx_free(L->stop);
	free(L->out);
	free(L->outlen);
	free(L->outclean);
	free(L->num);
	free(L->note);
	free(L->period);
	free(L);
}
