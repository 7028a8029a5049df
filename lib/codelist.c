/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "codelist.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "map.h"
#include "text.h"

#define SUGGEST_MIN 0.7
#define JW_MAX 128          /* code points compared */

enum { COL_CODE, COL_EN, COL_RU, COL_TG, COL_ALIASES, NCOLS };

static const char *const col_names[NCOLS] = {
	"code", "label_en", "label_ru", "label_tg", "aliases"
};

/* Where a key came from, for messages and suggestions. */
struct key_src {
	size_t code;
	long line;
	const char *what;       /* "code", "label_en", ..., "alias" */
	char *text;             /* as written */
	const char *key;        /* folded; owned by the keys map */
	char *latin;            /* transliterated, made when first needed */
};

struct rk_codelist {
	char *name, *dimension;
	struct rk_fold *fold;
	struct rk_fold_affixes strip;
	struct rk_code *codes;
	size_t n, cap;
	char **extra_names;
	size_t nextra;
	char **extra;           /* n rows of nextra values */
	struct rk_map *exact;   /* code → index */
	struct rk_map *keys;    /* folded key → index into src */
	struct key_src *src;
	size_t nsrc, srccap;
};

/* Column positions of a header. */
struct header {
	size_t col[NCOLS];
	size_t *extra_col;
	size_t ncols;
};

static int oom(const struct rk_codelist *cl, struct rk_error *err)
{
	return rk_error_set(err, RK_EXIT_SOFTWARE, cl->name, 0, "out of memory");
}

static char *dup_trimmed(const char *s)
{
	size_t n = strlen(s);
	char *d;

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* ---- the header -------------------------------------------------------- */

static int header_error(struct rk_codelist *cl, long line, struct rk_error *err,
			const char *what, const char *name)
{
	rk_error_set(err, RK_EXIT_CONFIG, cl->name, line, what, name);
	rk_error_hint(err, "the header is code,label_en,label_ru,label_tg,"
			   "aliases; more columns may follow");
	return -1;
}

static int read_header(struct rk_codelist *cl, const struct csvr_row *r,
		       struct header *h, struct rk_error *err)
{
	size_t k, c;

	for (k = 0; k < NCOLS; k++)
		h->col[k] = SIZE_MAX;
	h->ncols = r->n;
	h->extra_col = calloc(r->n, sizeof(*h->extra_col));
	cl->extra_names = calloc(r->n, sizeof(*cl->extra_names));
	if (!h->extra_col || !cl->extra_names)
		return oom(cl, err);
	for (c = 0; c < r->n; c++) {
		for (k = 0; k < NCOLS && strcmp(r->field[c], col_names[k]); k++)
			;
		for (size_t j = 0; j < c; j++)
			if (!strcmp(r->field[j], r->field[c]))
				return header_error(cl, r->line, err,
						    "column '%s' appears twice",
						    r->field[c]);
		if (k < NCOLS) {
			h->col[k] = c;
			continue;
		}
		h->extra_col[cl->nextra] = c;
		if (!(cl->extra_names[cl->nextra++] = strdup(r->field[c])))
			return oom(cl, err);
	}
	for (k = 0; k < NCOLS; k++)
		if (h->col[k] == SIZE_MAX)
			return header_error(cl, r->line, err,
					    "code list has no column '%s'",
					    col_names[k]);
	return 0;
}

/* ---- keys -------------------------------------------------------------- */

static struct key_src *new_src(struct rk_codelist *cl)
{
	if (cl->nsrc == cl->srccap) {
		size_t cap = cl->srccap ? cl->srccap * 2 : 64;
		struct key_src *s = realloc(cl->src, cap * sizeof(*s));

		if (!s)
			return NULL;
		cl->src = s;
		cl->srccap = cap;
	}
	memset(&cl->src[cl->nsrc], 0, sizeof(cl->src[0]));
	return &cl->src[cl->nsrc];
}

static int collision(struct rk_codelist *cl, const struct key_src *old,
		     const struct key_src *now, struct rk_error *err)
{
	const char *a = cl->codes[old->code].code;
	const char *b = cl->codes[now->code].code;

	if (!strcmp(old->what, "alias") && !strcmp(now->what, "alias") &&
	    !strcmp(old->text, now->text)) {
		rk_error_set(err, RK_EXIT_CONFIG, cl->name, now->line,
			     "alias '%s' maps to two codes, '%s' (line %ld) "
			     "and '%s' (line %ld)", now->text, a, old->line,
			     b, now->line);
		rk_error_hint(err, "keep the alias on one code only");
		return -1;
	}
	rk_error_set(err, RK_EXIT_CONFIG, cl->name, now->line,
		     "%s '%s' of code '%s' (line %ld) folds to '%s', as %s "
		     "'%s' of code '%s' (line %ld) does", now->what, now->text,
		     b, now->line, now->key, old->what, old->text, a,
		     old->line);
	rk_error_hint(err, "labels of different codes must differ after "
			   "folding (case, ё, Tajik letters, look-alikes, "
			   "punctuation, the strip affixes); change or remove "
			   "one");
	return -1;
}

/* Adds text (trimmed) as a key of code i. */
static int add_key(struct rk_codelist *cl, size_t i, const char *what,
		   const char *text, size_t len, struct rk_error *err)
{
	struct key_src *s;
	const char *key;
	size_t old;
	int rc;

	key = rk_fold_key(cl->fold, text, len, &cl->strip, err);
	if (!key) {
		snprintf(err->file, sizeof(err->file), "%s", cl->name);
		err->line = cl->codes[i].line;
		return -1;
	}
	if (!*key)
		return 0;
	if (!(s = new_src(cl)))
		return oom(cl, err);
	rc = rk_map_put(cl->keys, key, strlen(key), cl->nsrc, &old, &s->key);
	if (rc < 0)
		return oom(cl, err);
	s->code = i;
	s->line = cl->codes[i].line;
	s->what = what;
	s->text = malloc(len + 1);
	if (!s->text)
		return oom(cl, err);
	memcpy(s->text, text, len);
	s->text[len] = '\0';
	cl->nsrc++;
	if (rc == 0 && cl->src[old].code != i)
		return collision(cl, &cl->src[old], s, err);
	return 0;
}

static int add_aliases(struct rk_codelist *cl, size_t i, const char *aliases,
		       struct rk_error *err)
{
	const char *p = aliases;

	while (*p) {
		size_t n = strcspn(p, "|"), a = 0, b = n;

		while (a < b && (p[a] == ' ' || p[a] == '\t'))
			a++;
		while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t'))
			b--;
		if (b > a && add_key(cl, i, "alias", p + a, b - a, err) < 0)
			return -1;
		p += n;
		if (*p == '|')
			p++;
	}
	return 0;
}

static int add_keys(struct rk_codelist *cl, size_t i, const char *aliases,
		    struct rk_error *err)
{
	const struct rk_code *c = &cl->codes[i];
	const char *const texts[] = { c->code, c->label_en, c->label_ru,
				      c->label_tg };

	for (size_t k = 0; k < 4; k++)
		if (add_key(cl, i, col_names[k], texts[k], strlen(texts[k]),
			    err) < 0)
			return -1;
	return add_aliases(cl, i, aliases, err);
}

/* ---- rows -------------------------------------------------------------- */

static int is_blank_row(const struct csvr_row *r)
{
	for (size_t k = 0; k < r->n; k++)
		if (r->field[k][strspn(r->field[k], " \t")])
			return 0;
	return 1;
}

static int check_code(struct rk_codelist *cl, const char *code, long line,
		      struct rk_error *err)
{
	size_t first;

	if (!*code) {
		rk_error_set(err, RK_EXIT_CONFIG, cl->name, line, "empty code");
		rk_error_hint(err, "every row needs a code in the code column");
		return -1;
	}
	if (code[0] == ' ' || code[strlen(code) - 1] == ' ' ||
	    strchr(code, '\t')) {
		rk_error_set(err, RK_EXIT_CONFIG, cl->name, line,
			     "code '%s' has spaces around it", code);
		rk_error_hint(err, "remove them: codes are written exactly as "
				   "they will appear in the tidy data");
		return -1;
	}
	if (rk_map_get(cl->exact, code, strlen(code), &first)) {
		rk_error_set(err, RK_EXIT_CONFIG, cl->name, line,
			     "duplicate code '%s', first at line %ld", code,
			     cl->codes[first].line);
		rk_error_hint(err, "keep one row per code and put the other "
				   "spellings in its aliases");
		return -1;
	}
	return 0;
}

static int grow_codes(struct rk_codelist *cl)
{
	size_t cap = cl->cap ? cl->cap * 2 : 16;
	struct rk_code *c = realloc(cl->codes, cap * sizeof(*c));
	char **x;

	if (!c)
		return -1;
	cl->codes = c;
	x = realloc(cl->extra, cap * (cl->nextra ? cl->nextra : 1) *
			       sizeof(*x));
	if (!x)
		return -1;
	cl->extra = x;
	cl->cap = cap;
	return 0;
}

static int add_row(struct rk_codelist *cl, const struct csvr_row *r,
		   const struct header *h, struct rk_error *err)
{
	struct rk_code *c;
	size_t i = cl->n;

	if (r->n != h->ncols) {
		rk_error_set(err, RK_EXIT_CONFIG, cl->name, r->line,
			     "row has %zu fields, the header has %zu", r->n,
			     h->ncols);
		rk_error_hint(err, "quote a label that holds a comma");
		return -1;
	}
	if (check_code(cl, r->field[h->col[COL_CODE]], r->line, err) < 0)
		return -1;
	if (cl->n == cl->cap && grow_codes(cl) < 0)
		return oom(cl, err);
	c = &cl->codes[i];
	memset(c, 0, sizeof(*c));
	for (size_t k = 0; k < cl->nextra; k++)
		cl->extra[i * cl->nextra + k] = NULL;
	cl->n++;
	c->line = r->line;
	c->code = strdup(r->field[h->col[COL_CODE]]);
	c->label_en = dup_trimmed(r->field[h->col[COL_EN]]);
	c->label_ru = dup_trimmed(r->field[h->col[COL_RU]]);
	c->label_tg = dup_trimmed(r->field[h->col[COL_TG]]);
	if (!c->code || !c->label_en || !c->label_ru || !c->label_tg)
		return oom(cl, err);
	for (size_t k = 0; k < cl->nextra; k++)
		if (!(cl->extra[i * cl->nextra + k] =
			      dup_trimmed(r->field[h->extra_col[k]])))
			return oom(cl, err);
	if (rk_map_put(cl->exact, c->code, strlen(c->code), i, NULL, NULL) < 0)
		return oom(cl, err);
	return add_keys(cl, i, r->field[h->col[COL_ALIASES]], err);
}

/* A NUL byte would cut a label short where its C string ends: refused. */
static int refuse_nul(const struct rk_codelist *cl, const struct csvr_row *r,
		      struct rk_error *err)
{
	for (size_t i = 0; i < r->n; i++) {
		if (!memchr(r->field[i], '\0', r->len[i]))
			continue;
		rk_error_set(err, RK_EXIT_DATAERR, cl->name, r->line,
			     "a NUL byte in field %zu", i + 1);
		rk_error_hint(err, "remove it: a code list is plain UTF-8 text "
				   "(save it as CSV UTF-8)");
		return -1;
	}
	return 0;
}

static int read_rows(struct rk_codelist *cl, struct csvr *csv,
		     struct rk_error *err)
{
	struct header h = { { 0 }, NULL, 0 };
	struct csvr_row r;
	int rc, have_header = 0;

	while ((rc = csvr_next(csv, &r, err)) == 1) {
		if ((rc = refuse_nul(cl, &r, err)) < 0)
			break;
		if (r.n == 0 || is_blank_row(&r))
			continue;
		if (!have_header) {
			have_header = 1;
			if ((rc = read_header(cl, &r, &h, err)) < 0)
				break;
			continue;
		}
		if ((rc = add_row(cl, &r, &h, err)) < 0)
			break;
	}
	free(h.extra_col);
	if (rc < 0)
		return -1;
	if (!have_header) {
		rk_error_set(err, RK_EXIT_CONFIG, cl->name, 0, "empty code list");
		rk_error_hint(err, "start with the header code,label_en,"
				   "label_ru,label_tg,aliases");
		return -1;
	}
	return 0;
}

static struct rk_codelist *new_list(const char *name, const char *dimension,
				    struct rk_fold *fold, char *const *affixes,
				    size_t naffixes, struct rk_error *err)
{
	struct rk_codelist *cl = calloc(1, sizeof(*cl));

	if (!cl) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	cl->fold = fold;
	cl->name = strdup(name ? name : "");
	cl->dimension = strdup(dimension ? dimension : "");
	cl->exact = rk_map_new();
	cl->keys = rk_map_new();
	if (!cl->name || !cl->dimension || !cl->exact || !cl->keys) {
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		rk_codelist_free(cl);
		return NULL;
	}
	if (rk_fold_affixes_init(fold, affixes, naffixes, &cl->strip, err) < 0) {
		rk_codelist_free(cl);
		return NULL;
	}
	return cl;
}

struct rk_codelist *rk_codelist_read(FILE *f, const char *name,
				     const char *dimension,
				     struct rk_fold *fold,
				     char *const *affixes, size_t naffixes,
				     struct rk_error *err)
{
	struct rk_codelist *cl = new_list(name, dimension, fold, affixes,
					  naffixes, err);
	struct rk_text *text = NULL;
	struct csvr *csv = NULL;
	int rc = -1;

	if (!cl)
		return NULL;
	text = rk_text_open(f, cl->name, RK_ENC_UTF8, err);
	if (text)
		csv = csvr_open(text, ',', cl->name, err);
	if (csv)
		rc = read_rows(cl, csv, err);
	if (rc < 0 && text && rk_text_decode_failed(text))
		rk_error_hint(err, "a code list is UTF-8: save the file as UTF-8 "
				   "(CSV UTF-8 in Excel or LibreOffice)");
	csvr_close(csv);
	rk_text_close(text);
	if (rc < 0) {
		rk_codelist_free(cl);
		return NULL;
	}
	return cl;
}

struct rk_codelist *rk_codelist_load(const char *path, const char *dimension,
				     struct rk_fold *fold,
				     char *const *affixes, size_t naffixes,
				     struct rk_error *err)
{
	struct rk_codelist *cl;
	FILE *f = fopen(path, "rb");

	if (!f) {
		rk_error_set(err, RK_EXIT_NOINPUT, path, 0,
			     "cannot open the code list for '%s': %s",
			     dimension, strerror(errno));
		rk_error_hint(err, "create it with the header code,label_en,"
				   "label_ru,label_tg,aliases, or check "
				   "codelists.dir in the config");
		return NULL;
	}
	cl = rk_codelist_read(f, path, dimension, fold, affixes, naffixes, err);
	fclose(f);
	return cl;
}

/* ---- look-ups ---------------------------------------------------------- */

size_t rk_codelist_size(const struct rk_codelist *cl)
{
	return cl->n;
}

const struct rk_code *rk_codelist_code(const struct rk_codelist *cl, size_t i)
{
	return i < cl->n ? &cl->codes[i] : NULL;
}

const char *rk_codelist_name(const struct rk_codelist *cl)
{
	return cl->name;
}

const char *rk_codelist_dimension(const struct rk_codelist *cl)
{
	return cl->dimension;
}

const char *rk_codelist_extra(const struct rk_codelist *cl, size_t i,
			      const char *column)
{
	for (size_t k = 0; k < cl->nextra && i < cl->n; k++)
		if (!strcmp(cl->extra_names[k], column))
			return cl->extra[i * cl->nextra + k];
	return NULL;
}

const char *rk_codelist_label(const struct rk_codelist *cl, size_t i,
			      const char *lang)
{
	const struct rk_code *c = &cl->codes[i];
	const char *s = !strcmp(lang, "ru") ? c->label_ru :
			!strcmp(lang, "tg") ? c->label_tg : c->label_en;

	if (!*s)
		s = c->label_en;
	return *s ? s : c->code;
}

long rk_codelist_find(const struct rk_codelist *cl, const char *code)
{
	size_t i;

	return rk_map_get(cl->exact, code, strlen(code), &i) ? (long)i : -1;
}

long rk_codelist_match(struct rk_codelist *cl, const char *label, size_t len,
		       struct rk_error *err)
{
	const char *key = rk_fold_key(cl->fold, label, len, &cl->strip, err);
	size_t s;

	if (!key)
		return -2;
	if (!*key || !rk_map_get(cl->keys, key, strlen(key), &s))
		return -1;
	return (long)cl->src[s].code;
}

/* ---- suggestions ------------------------------------------------------- */

static size_t decode(const char *s, uint32_t *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	while (*p && n < JW_MAX) {
		uint32_t c = *p;
		size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		c &= k == 1 ? 0x7F : k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07;
		for (size_t j = 1; j < k && p[j]; j++)
			c = (c << 6) | (p[j] & 0x3F);
		for (size_t j = 0; j < k && *p; j++)
			p++;
		out[n++] = c;
	}
	return n;
}

static double jaro(const uint32_t *a, size_t la, const uint32_t *b, size_t lb)
{
	unsigned char ma[JW_MAX] = { 0 }, mb[JW_MAX] = { 0 };
	size_t win, m = 0, t = 0, k = 0;

	if (!la || !lb)
		return la == lb ? 1.0 : 0.0;
	win = (la > lb ? la : lb) / 2;
	win = win ? win - 1 : 0;
	for (size_t i = 0; i < la; i++) {
		size_t lo = i > win ? i - win : 0;
		size_t hi = i + win + 1 < lb ? i + win + 1 : lb;

		for (size_t j = lo; j < hi; j++) {
			if (mb[j] || a[i] != b[j])
				continue;
			ma[i] = mb[j] = 1;
			m++;
			break;
		}
	}
	if (!m)
		return 0.0;
	for (size_t i = 0; i < la; i++) {
		if (!ma[i])
			continue;
		while (!mb[k])
			k++;
		t += a[i] != b[k++];
	}
	return ((double)m / la + (double)m / lb +
		((double)m - t / 2.0) / m) / 3.0;
}

static double jaro_winkler(const char *x, const char *y)
{
	uint32_t a[JW_MAX], b[JW_MAX];
	size_t la = decode(x, a), lb = decode(y, b), p = 0;
	double j = jaro(a, la, b, lb);

	while (p < 4 && p < la && p < lb && a[p] == b[p])
		p++;
	return j + p * 0.1 * (1.0 - j);
}

static int latin_keys(struct rk_codelist *cl, struct rk_error *err)
{
	for (size_t i = 0; i < cl->nsrc; i++) {
		const char *l;

		if (cl->src[i].latin)
			continue;
		l = rk_fold_latin(cl->fold, cl->src[i].key);
		if (!l || !(cl->src[i].latin = strdup(l)))
			return oom(cl, err);
	}
	return 0;
}

static void insert_best(struct rk_suggestion *out, size_t *n, size_t max,
			size_t code, double score)
{
	size_t k;

	for (k = 0; k < *n; k++)
		if (out[k].code == code) {
			if (out[k].score >= score)
				return;
			memmove(&out[k], &out[k + 1],
				(*n - k - 1) * sizeof(*out));
			(*n)--;
			break;
		}
	for (k = 0; k < *n; k++)
		if (score > out[k].score ||
		    (score == out[k].score && code < out[k].code))
			break;
	if (k >= max)
		return;
	if (*n == max)
		(*n)--;
	memmove(&out[k + 1], &out[k], (*n - k) * sizeof(*out));
	out[k].code = code;
	out[k].score = score;
	(*n)++;
}

int rk_codelist_suggest(struct rk_codelist *cl, const char *label,
			size_t len, struct rk_suggestion *out, size_t max,
			struct rk_error *err)
{
	struct rk_suggestion all[64];
	const char *key, *l;
	char *mine;
	size_t n = 0, cap = max < 64 ? max : 64;

	if (!cap)
		return 0;
	key = rk_fold_key(cl->fold, label, len, &cl->strip, err);
	if (!key)
		return -1;
	if (latin_keys(cl, err) < 0)
		return -1;
	l = rk_fold_latin(cl->fold, key);
	if (!l || !(mine = strdup(l)))
		return oom(cl, err);
	for (size_t i = 0; i < cl->nsrc; i++) {
		double s = jaro_winkler(mine, cl->src[i].latin);

		if (s >= SUGGEST_MIN)
			insert_best(all, &n, cap, cl->src[i].code, s);
	}
	free(mine);
	memcpy(out, all, n * sizeof(*out));
	return (int)n;
}

void rk_codelist_free(struct rk_codelist *cl)
{
	if (!cl)
		return;
	for (size_t i = 0; i < cl->n; i++) {
		free(cl->codes[i].code);
		free(cl->codes[i].label_en);
		free(cl->codes[i].label_ru);
		free(cl->codes[i].label_tg);
		for (size_t k = 0; k < cl->nextra; k++)
			free(cl->extra[i * cl->nextra + k]);
	}
	for (size_t i = 0; i < cl->nsrc; i++) {
		free(cl->src[i].text);
		free(cl->src[i].latin);
	}
	for (size_t k = 0; k < cl->nextra; k++)
		free(cl->extra_names[k]);
	free(cl->extra_names);
	free(cl->extra);
	free(cl->codes);
	free(cl->src);
	rk_map_free(cl->exact);
	rk_map_free(cl->keys);
	rk_fold_affixes_release(&cl->strip);
	free(cl->name);
	free(cl->dimension);
	free(cl);
}
