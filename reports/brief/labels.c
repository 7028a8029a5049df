/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "labels.h"

#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "wording.h"
#include "codelist.h"
#include "fold.h"

struct brief_labels {
	const struct rk_config *cfg;
	struct rk_fold *fold;
	size_t ndims;
	struct rk_codelist **dim;      /* ndims, NULL where there is no list */
	struct rk_codelist *indicator; /* NULL */
	char **files;
	size_t nfiles;
};

static char *list_path(const struct rk_config *cfg, const char *name)
{
	size_t n = strlen(cfg->codelists_dir) + strlen(name) + 6;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s.csv", cfg->codelists_dir, name);
	return p;
}

static const struct rk_strip *strip_of(const struct rk_config *cfg,
				       const char *dim)
{
	for (size_t i = 0; i < cfg->nstrip; i++)
		if (strcmp(cfg->strip[i].dimension, dim) == 0)
			return &cfg->strip[i];
	return NULL;
}

/* Loads name.csv when it is there; *out stays NULL when it is not. */
static int load_list(struct brief_labels *l, const char *name,
		     struct rk_codelist **out, struct rk_error *err)
{
	const struct rk_strip *s = strip_of(l->cfg, name);
	char *path = list_path(l->cfg, name);
	char **files;

	*out = NULL;
	if (!path)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (access(path, F_OK) != 0) {
		free(path);
		return 0;
	}
	*out = rk_codelist_load(path, name, l->fold,
				s ? s->affixes.items : NULL,
				s ? s->affixes.n : 0, err);
	files = realloc(l->files, (l->nfiles + 1) * sizeof(*files));
	if (!*out || !files) {
		if (*out && !files)
			rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				     "out of memory");
		free(path);
		if (files)
			l->files = files;
		return -1;
	}
	l->files = files;
	l->files[l->nfiles++] = path;
	return 0;
}

struct brief_labels *brief_labels_load(const struct rk_config *cfg,
				       char *const *dims, size_t ndims,
				       struct rk_error *err)
{
	struct brief_labels *l = calloc(1, sizeof(*l));

	if (!l || !(l->dim = calloc(ndims ? ndims : 1, sizeof(*l->dim)))) {
		free(l);
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return NULL;
	}
	l->cfg = cfg;
	l->ndims = ndims;
	if (!cfg->codelists_dir)
		return l;
	if ((l->fold = rk_fold_new(err)) == NULL)
		goto fail;
	for (size_t d = 0; d < ndims; d++)
		if (load_list(l, dims[d], &l->dim[d], err) < 0)
			goto fail;
	if (load_list(l, "indicator", &l->indicator, err) < 0)
		goto fail;
	return l;
fail:
	brief_labels_free(l);
	return NULL;
}

static const char *label_in(const struct rk_codelist *cl, const char *code,
			    const char *lang)
{
	long i;

	if (!cl || (i = rk_codelist_find(cl, code)) < 0)
		return NULL;
	return rk_codelist_label(cl, (size_t)i, lang);
}

const char *brief_label(const struct brief_labels *l, size_t dim,
			const char *code, const char *lang)
{
	const struct rk_codelist *cl = dim < l->ndims ? l->dim[dim] : NULL;
	const char *s;

	if (!*code) {
		s = label_in(cl, RK_CODE_TOTAL, lang);
		return s ? s : brief_t(lang, "total");
	}
	s = label_in(cl, code, lang);
	return s ? s : code;
}

const char *brief_indicator(const struct brief_labels *l, const char *code,
			    const char *lang)
{
	const char *s = label_in(l->indicator, code, lang);

	return s ? s : code;
}

int brief_indicator_is_count(const struct brief_labels *l, const char *code)
{
	const char *type;
	long i;

	if (!l->indicator || (i = rk_codelist_find(l->indicator, code)) < 0)
		return 1;
	type = rk_codelist_extra(l->indicator, (size_t)i, "type");
	return !type || !*type || strcmp(type, "count") == 0 ||
	       strcmp(type, "stock") == 0;
}

const char *brief_source_name(const struct brief_labels *l, const char *id,
			      const char *lang)
{
	const struct rk_source *s = rk_config_source(l->cfg, id);
	const char *name = NULL;

	if (!s)
		return id;
	if (strcmp(lang, "ru") == 0)
		name = s->name.ru;
	else if (strcmp(lang, "tg") == 0)
		name = s->name.tg ? s->name.tg : s->name.ru;
	if (!name)
		name = s->name.en;
	return name ? name : id;
}

const char *brief_source_short(const struct brief_labels *l, const char *id,
			       const char *lang)
{
	const struct rk_source *s = rk_config_source(l->cfg, id);
	const struct rk_i18n *t = s ? &s->short_name : NULL;
	const char *v = !t ? NULL : !strcmp(lang, "ru") ? t->ru
			: !strcmp(lang, "tg") ? (t->tg ? t->tg : t->ru) : t->en;

	return v ? v : brief_source_name(l, id, lang);
}

const char *brief_source_case(const struct brief_labels *l, const char *id,
			      const char *lang, char form)
{
	const struct rk_source *s = rk_config_source(l->cfg, id);

	if (strcmp(lang, "ru") != 0)
		return brief_source_name(l, id, lang);
	if (!s || !s->name.ru)
		return NULL;
	return form == 'g' ? s->name_ru_genitive : s->name_ru_instrumental;
}

long brief_label_rank(const struct brief_labels *l, size_t dim,
		      const char *code)
{
	long i;

	if (!*code)
		return -1;             /* not broken down: before its parts */
	if (dim >= l->ndims || !l->dim[dim] ||
	    (i = rk_codelist_find(l->dim[dim], code)) < 0)
		return LONG_MAX;
	return i;
}

const char *brief_source_kind(const struct brief_labels *l, const char *id)
{
	const struct rk_source *s = rk_config_source(l->cfg, id);

	return s && s->kind ? s->kind : "";
}

size_t brief_labels_nfiles(const struct brief_labels *l)
{
	return l->nfiles;
}

const char *brief_labels_file(const struct brief_labels *l, size_t i)
{
	return i < l->nfiles ? l->files[i] : "";
}

size_t brief_labels_ncodes(const struct brief_labels *l, size_t dim)
{
	return dim < l->ndims && l->dim[dim] ? rk_codelist_size(l->dim[dim])
					     : 0;
}

const char *brief_labels_code(const struct brief_labels *l, size_t dim,
			      size_t i)
{
	return rk_codelist_code(l->dim[dim], i)->code;
}

void brief_labels_free(struct brief_labels *l)
{
	if (!l)
		return;
	for (size_t d = 0; l->dim && d < l->ndims; d++)
		rk_codelist_free(l->dim[d]);
	free(l->dim);
	rk_codelist_free(l->indicator);
	for (size_t i = 0; i < l->nfiles; i++)
		free(l->files[i]);
	free(l->files);
	rk_fold_free(l->fold);
	free(l);
}
