/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A source's definitions (issue 20 item 2): per indicator, what it counts
 * in its own words, the unit, the date a case is counted by, coverage,
 * legal basis and the publication, so that the brief can set them side by
 * side and say where two sources count different things.
 *
 *   definitions:
 *     torture_complaints:
 *       counts: {ru: "Жалобы, поступившие в органы прокуратуры", en: ...}
 *       unit: complaint
 *       date: registration
 *       coverage: {ru: "вся страна", en: "the whole country"}
 *       legal_basis: "ст. 143¹ УК РТ"
 *       publication: {ru: "Форма 1-Ж за 2024 год", en: "Form 1-Zh, 2024"}
 *
 * A text is one string (the source's own words, shown in every language)
 * or {en, ru, tg}.
 */
#include <stdlib.h>
#include <string.h>

#include "config_impl.h"

const char *const cfg_units[] = { "complaint", "person", "case", "event",
				   "report", NULL };
const char *const cfg_date_bases[] = { "receipt", "registration",
					"incident", "decision", "reporting",
					NULL };

static const char *const keys[] = { "counts", "unit", "date", "coverage",
				     "legal_basis", "publication", NULL };

int cfg_text_i18n(struct cfg_loader *l, const yaml_node_t *n,
		  const char *subject, struct rk_i18n *out)
{
	static const char *const langs[] = { "en", "ru", "tg" };
	char **slot[] = { &out->en, &out->ru, &out->tg };

	if (!n)
		return 0;
	if (n->type == YAML_SCALAR_NODE) {
		if (cfg_need_text(l, n, subject))
			return -1;
		for (size_t k = 0; k < 3; k++)
			if (!(*slot[k] = cfg_dup_text(l, n)))
				return cfg_oom(l);
		return 0;
	}
	if (n->type != YAML_MAPPING_NODE)
		return cfg_wrong_type(l, n, subject,
				      "a text, or a mapping of en, ru, tg");
	for (size_t k = 0; k < 3; k++) {
		const yaml_node_t *v = cfg_get(l, n, langs[k]);

		if (v && (cfg_need_text(l, v, subject) ||
			  !(*slot[k] = cfg_dup_text(l, v))))
			return l->err->code ? -1 : cfg_oom(l);
	}
	if (!out->en && !out->ru && !out->tg)
		return cfg_fail(l, n, "%s has no text in en, ru or tg",
				subject);
	return 0;
}

int cfg_get_text(struct cfg_loader *l, const yaml_node_t *map,
		 const char *key, const char *ctx, char **out)
{
	const yaml_node_t *n = cfg_get(l, map, key);
	char subject[CTX_LEN];

	if (!n)
		return 0;
	cfg_subject_of(subject, key, ctx);
	if (cfg_need_text(l, n, subject))
		return -1;
	return (*out = cfg_dup_text(l, n)) ? 0 : cfg_oom(l);
}

static int word_of(struct cfg_loader *l, const yaml_node_t *def,
		   const char *key, const char *const *words, const char *ctx,
		   char **out)
{
	if (cfg_get_text(l, def, key, ctx, out))
		return -1;
	return cfg_check_word(l, def, key, *out, words, ctx);
}

static int known_keys(struct cfg_loader *l, const yaml_node_t *def,
		      const char *ctx)
{
	char allowed[HINT_LEN];

	for (size_t i = 0; i < cfg_npairs(def); i++) {
		const yaml_node_t *k =
			cfg_node(l, def->data.mapping.pairs.start[i].key);

		if (cfg_is_word(cfg_text(k), keys))
			continue;
		cfg_join_words(allowed, sizeof(allowed), keys);
		cfg_fail(l, k, "unknown key '%s' in %s", cfg_text(k), ctx);
		rk_error_hint(l->err, "a definition has: %s", allowed);
		return -1;
	}
	return 0;
}

static int one(struct cfg_loader *l, const yaml_node_t *key,
	       const yaml_node_t *def, const char *sctx,
	       struct rk_definition *d)
{
	char ctx[CTX_LEN], sub[CTX_LEN];
	struct rk_i18n *texts[] = { &d->counts, &d->coverage, &d->legal_basis,
				    &d->publication };
	const char *names[] = { "counts", "coverage", "legal_basis",
				"publication" };

	d->mark = cfg_mark_of(key);
	if (cfg_need_text(l, key, "an indicator of definitions") ||
	    !(d->indicator = cfg_dup_text(l, key)))
		return l->err->code ? -1 : cfg_oom(l);
	cfg_fmt_into(ctx, sizeof(ctx), "definitions.%s of %s", d->indicator,
		     sctx);
	if (def->type != YAML_MAPPING_NODE)
		return cfg_wrong_type(l, def, ctx, "a mapping");
	if (known_keys(l, def, ctx) ||
	    word_of(l, def, "unit", cfg_units, ctx, &d->unit) ||
	    word_of(l, def, "date", cfg_date_bases, ctx, &d->date))
		return -1;
	for (size_t k = 0; k < 4; k++) {
		cfg_subject_of(sub, names[k], ctx);
		if (cfg_text_i18n(l, cfg_get(l, def, names[k]), sub, texts[k]))
			return -1;
	}
	return 0;
}

int cfg_build_definitions(struct cfg_loader *l, const yaml_node_t *src,
			  const char *ctx, struct rk_source *s)
{
	const yaml_node_t *n = cfg_get(l, src, "definitions");
	char subject[CTX_LEN];
	size_t k;

	if (!n)
		return 0;
	cfg_subject_of(subject, "definitions", ctx);
	if (n->type != YAML_MAPPING_NODE)
		return cfg_wrong_type(l, n, subject,
				      "a mapping of indicator codes");
	k = cfg_npairs(n);
	if (!(s->definitions = calloc(k + 1, sizeof(*s->definitions))))
		return cfg_oom(l);
	for (size_t i = 0; i < k; i++) {
		const yaml_node_pair_t *p = &n->data.mapping.pairs.start[i];

		s->ndefinitions++;
		if (one(l, cfg_node(l, p->key), cfg_node(l, p->value), ctx,
			&s->definitions[i]))
			return -1;
	}
	return 0;
}

const struct rk_definition *rk_source_definition(const struct rk_source *s,
						 const char *indicator)
{
	for (size_t i = 0; s && i < s->ndefinitions; i++)
		if (!strcmp(s->definitions[i].indicator, indicator))
			return &s->definitions[i];
	return NULL;
}
