/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codelist.h"
#include "config.h"
#include "fold.h"
#include "formmeta.h"
#include "path.h"
#include "period.h"

static int oom(struct rk_error *err)
{
	return rk_error_oom(err);
}

static int push(char ***list, size_t *n, const char *s)
{
	char **p = realloc(*list, (*n + 1) * sizeof(*p));

	if (!p)
		return -1;
	*list = p;
	if (!(p[*n] = strdup(s)))
		return -1;
	(*n)++;
	return 0;
}

static int has(char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

/*
 * The indicators the source reports: those of the compare entries it is
 * in, else its constant indicator, else every code of the indicator list.
 */
static int indicators(struct form *f, struct rk_error *err)
{
	const struct rk_config *c = f->cfg;
	const char *id = f->src->id;

	for (size_t i = 0; i < c->ncompares; i++) {
		const struct rk_compare *e = &c->compares[i];
		int in = strcmp(e->reference, id) == 0;

		for (size_t k = 0; !in && k < e->against.n; k++)
			in = strcmp(e->against.items[k], id) == 0;
		if (in && !has(f->indicator, f->nind, e->indicator) &&
		    push(&f->indicator, &f->nind, e->indicator) < 0)
			return oom(err);
	}
	for (size_t i = 0; !f->nind && i < f->src->constants.n; i++)
		if (strcmp(f->src->constants.items[i].key, "indicator") == 0 &&
		    push(&f->indicator, &f->nind,
			 f->src->constants.items[i].value) < 0)
			return oom(err);
	for (size_t i = 0; !f->nind && f->ind_cl &&
			   i < rk_codelist_size(f->ind_cl); i++)
		if (push(&f->indicator, &f->nind,
			 rk_codelist_code(f->ind_cl, i)->code) < 0)
			return oom(err);
	if (!f->nind) {
		rk_error_set(err, RK_EXIT_CONFIG, c->path, 0, "no indicator for "
			     "source '%s': it is in no compare entry, has no "
			     "constant indicator, and there is no indicator "
			     "code list", id);
		rk_error_hint(err, "give the source constants: {indicator: "
			      "CODE}");
		return -1;
	}
	return 0;
}

/* codelists.dir/NAME.csv, loaded when it is there; *out NULL when not. */
static int load_list(struct form *f, const char *name,
		     struct rk_codelist **out, struct rk_error *err)
{
	char file[256], *path;
	int rc = 0;

	*out = NULL;
	if (!f->cfg->codelists_dir)
		return 0;
	snprintf(file, sizeof(file), "%s.csv", name);
	if (!(path = rk_path_join(f->cfg->codelists_dir, file)))
		return oom(err);
	if (access(path, F_OK) == 0 &&
	    !(*out = rk_codelist_load(path, name, f->fold, NULL, 0, err)))
		rc = -1;
	free(path);
	return rc;
}

/* The categories of code list name, at f->dim[at] (the array grown). */
static int dimension(struct form *f, size_t at, const char *name,
		     struct rk_error *err)
{
	struct form_dim *d;
	struct form_dim *p = realloc(f->dim, (at + 1) * sizeof(*p));

	if (!p)
		return oom(err);
	f->dim = p;
	d = &f->dim[at];
	memset(d, 0, sizeof(*d));
	d->name = name;
	if (load_list(f, name, &d->cl, err) < 0)
		return -1;
	if (!d->cl) {
		rk_error_set(err, RK_EXIT_CONFIG, f->cfg->path, 0, "no code list "
			     "for dimension '%s': a template lists its "
			     "categories from it", name);
		rk_error_hint(err, "add codelists/%s.csv (code,label_en,"
			      "label_ru,label_tg), or leave the dimension out "
			      "with --by", name);
		return -1;
	}
	if (!(d->code = malloc((rk_codelist_size(d->cl) + 1) *
			       sizeof(*d->code)))) {
		rk_codelist_free(d->cl);
		return oom(err);
	}
	for (size_t k = 0; k < rk_codelist_size(d->cl); k++)
		if (strcmp(rk_codelist_code(d->cl, k)->code, RK_CODE_TOTAL))
			d->code[d->ncode++] = k;
	return 0;
}

static int dimensions(struct form *f, const char *by, struct rk_error *err)
{
	const struct rk_strlist *all = &f->cfg->dimensions;

	for (size_t i = 0; i < all->n; i++) {
		const char *d = all->items[i];
		size_t len = strlen(d);
		const char *p = by;
		int wanted = !by;

		while (p && *p && !wanted) {
			size_t n = strcspn(p, ",");

			wanted = n == len && strncmp(p, d, n) == 0;
			p += n + (p[n] == ',');
		}
		if (wanted && dimension(f, f->ndims++, d, err) < 0)
			return -1;
	}
	for (const char *p = by; p && *p;) {
		size_t n = strcspn(p, ",");
		int known = 0;

		for (size_t i = 0; i < all->n && !known; i++)
			known = strlen(all->items[i]) == n &&
				strncmp(all->items[i], p, n) == 0;
		if (!known) {
			rk_error_set(err, RK_EXIT_USAGE, NULL, 0, "--by: '%.*s' "
				     "is not a dimension of the pipeline",
				     (int)n, p);
			return -1;
		}
		p += n + (p[n] == ',');
	}
	return 0;
}

static const char *const roman[] = { "I", "II", "III", "IV" };
static const char *const month_ru[] = {
	"январь", "февраль", "март", "апрель", "май", "июнь", "июль",
	"август", "сентябрь", "октябрь", "ноябрь", "декабрь"
};
static const char *const month_en[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* The period as a filler reads it: "I кв. 2024", "Q1 2024", "2024". */
static void period_label(const struct form *f, const struct rk_period *p,
			 const char *canon, char *buf, size_t size)
{
	int ru = strcmp(f->lang, "en") != 0;

	switch (rk_period_grain(p)) {
	case RK_GRAIN_QUARTER:
		if (ru)
			snprintf(buf, size, "%s кв. %d", roman[(p->first - 1) / 3],
				 p->year);
		else
			snprintf(buf, size, "Q%d %d", (p->first + 2) / 3,
				 p->year);
		return;
	case RK_GRAIN_HALF:
		snprintf(buf, size, ru ? "%s полугодие %d" : "H%s %d",
			 ru ? roman[p->first / 6] : p->first == 1 ? "1" : "2",
			 p->year);
		return;
	case RK_GRAIN_MONTH:
		snprintf(buf, size, "%s %d", ru ? month_ru[p->first - 1]
						: month_en[p->first - 1],
			 p->year);
		return;
	default:
		snprintf(buf, size, "%s", canon);
	}
}

/* The periods of the pipeline's range at its grain, in order. */
static int periods(struct form *f, struct rk_error *err)
{
	const struct rk_config *c = f->cfg;
	struct rk_period from, to, p;
	char why[RK_PERIOD_REASON];
	enum rk_grain g;

	if (!c->period_from || !c->period_to ||
	    rk_period_parse(c->period_from, strlen(c->period_from), &from,
			    why) < 0 ||
	    rk_period_parse(c->period_to, strlen(c->period_to), &to,
			    why) < 0) {
		rk_error_set(err, RK_EXIT_CONFIG, c->path, 0, "a template needs "
			     "the pipeline's period range");
		rk_error_hint(err, "give period: {from: 2024-Q1, to: 2024-Q4, "
			      "grain: quarter}");
		return -1;
	}
	g = c->period_grain ? rk_grain_parse(c->period_grain)
			    : rk_period_grain(&from);
	if (g < RK_GRAIN_YEAR || g > RK_GRAIN_MONTH ||
	    rk_period_to_grain(&from, g, &p) < 0) {
		rk_error_set(err, RK_EXIT_CONFIG, c->path, 0, "a template needs "
			     "a grain of year, half, quarter or month");
		return -1;
	}
	while (rk_period_cmp(&p, &to) <= 0 && f->nper < 1200) {
		char canon[64], label[96];

		rk_period_format(&p, canon);
		period_label(f, &p, canon, label, sizeof(label));
		if (push(&f->period_label, &f->nlabel, label) < 0 ||
		    push(&f->period, &f->nper, canon) < 0)
			return oom(err);
		if (rk_period_step(&p, g) < 0)
			break;
	}
	return 0;
}

/* --fields: code lists named, each a column of a register. */
static int fields_of(struct form *f, const char *fields, struct rk_error *err)
{
	for (const char *p = fields; p && *p;) {
		size_t n = strcspn(p, ",");
		char name[128];

		snprintf(name, sizeof(name), "%.*s", (int)(n < 127 ? n : 127), p);
		if (!(f->field_names[f->nfield] = strdup(name)))
			return oom(err);
		if (f->nfield == 15 || has(f->cfg->dimensions.items,
					   f->cfg->dimensions.n, name)) {
			free(f->field_names[f->nfield]);
			return rk_error_set(err, RK_EXIT_USAGE, NULL, 0, "--fields: "
					    "'%s' is a dimension, or one too "
					    "many", name);
		}
		if (dimension(f, f->ndims + f->nfield,
			      f->field_names[f->nfield], err) < 0) {
			free(f->field_names[f->nfield]);
			return -1;
		}
		f->nfield++;
		p += n + (p[n] == ',');
	}
	return 0;
}

int form_build(struct form *f, const struct rk_config *cfg,
	       const char *source, const char *lang, const char *by,
	       const char *fields, struct rk_error *err)
{
	char **names;
	int rc;

	memset(f, 0, sizeof(*f));
	f->cfg = cfg;
	f->lang = lang;
	f->organisation = "";
	if (strcmp(lang, "en") && strcmp(lang, "ru") && strcmp(lang, "tg"))
		return rk_error_set(err, RK_EXIT_USAGE, NULL, 0, "--lang: '%s' "
				    "is not en, ru or tg", lang);
	if (!(f->src = rk_config_source(cfg, source))) {
		rk_error_set(err, RK_EXIT_USAGE, cfg->path, 0, "no source '%s' "
			     "in the config", source);
		rk_error_hint(err, "the sources are listed under sources: with "
			      "their id");
		return -1;
	}
	if (!(f->fold = rk_fold_new(err)))
		return -1;
	if (load_list(f, "indicator", &f->ind_cl, err) < 0 ||
	    indicators(f, err) < 0 || dimensions(f, by, err) < 0 ||
	    fields_of(f, fields, err) < 0 || periods(f, err) < 0)
		return -1;
	if (!(names = malloc((f->ndims + f->nfield + 1) * sizeof(*names))))
		return oom(err);
	names[0] = "indicator";
	for (size_t d = 0; d < f->ndims + f->nfield; d++)
		names[d + 1] = (char *)f->dim[d].name;
	rc = form_codelists_hash(cfg, names, f->ndims + f->nfield + 1,
				 f->hash, err);
	free(names);
	return rc;
}

const char *form_indicator_label(const struct form *f, size_t i)
{
	long k = f->ind_cl ? rk_codelist_find(f->ind_cl, f->indicator[i]) : -1;

	return k < 0 ? f->indicator[i]
		     : rk_codelist_label(f->ind_cl, (size_t)k, f->lang);
}

const char *form_code(const struct form *f, size_t d, size_t k)
{
	return rk_codelist_code(f->dim[d].cl, f->dim[d].code[k])->code;
}

const char *form_code_label(const struct form *f, size_t d, size_t k)
{
	return rk_codelist_label(f->dim[d].cl, f->dim[d].code[k], f->lang);
}

static void free_list(char **l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

void form_release(struct form *f)
{
	free_list(f->indicator, f->nind);
	free_list(f->period, f->nper);
	free_list(f->period_label, f->nlabel);
	rk_codelist_free(f->ind_cl);
	for (size_t d = 0; d < f->ndims + f->nfield; d++) {
		rk_codelist_free(f->dim[d].cl);
		free(f->dim[d].code);
	}
	for (size_t i = 0; i < f->nfield; i++)
		free(f->field_names[i]);
	free(f->dim);
	rk_fold_free(f->fold);
}

const char *form_dim_label(const char *dim, const char *lang)
{
	static const struct { const char *dim, *en, *ru, *tg; } names[] = {
		{ "region", "Region", "Регион", "Минтақа" },
		{ "sex", "Sex", "Пол", "Ҷинс" },
		{ "age", "Age group", "Возрастная группа", "Гурӯҳи синну сол" },
		{ "facility", "Facility", "Учреждение", "Муассиса" },
		{ "institution", "Institution", "Учреждение", "Муассиса" },
		{ "act", "Type of act", "Вид действия", "Намуди амал" },
		{ "complaint_status", "Status of the complaint", "Статус жалобы",
		  "Вазъи шикоят" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(names[i].dim, dim) == 0)
			return !strcmp(lang, "ru") ? names[i].ru
			       : !strcmp(lang, "tg") ? names[i].tg
			       : names[i].en;
	return dim;
}
