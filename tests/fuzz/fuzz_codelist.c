/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The code-list loader on arbitrary bytes (CSV, UTF-8, the header, the
 * checks that name two rows, label folding with ICU), then matching and
 * suggestions on every label of what loaded, and on the input itself.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codelist.h"

static struct rk_fold *fold;

static void use(struct rk_codelist *cl, const char *label, size_t len)
{
	struct rk_suggestion s[3];
	struct rk_error err = { 0 };
	long k = rk_codelist_match(cl, label, len, &err);

	if (k >= (long)rk_codelist_size(cl))
		abort();
	if (rk_codelist_suggest(cl, label, len, s, 3, &err) > 3)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *const affixes[] = { "г.", "обл.", "вилояти", "region" };
	struct rk_error err = { 0 };
	struct rk_codelist *cl;
	FILE *f;

	if (!fold && !(fold = rk_fold_new(&err)))
		abort();
	f = fmemopen((void *)data, size, "rb");
	if (!f)
		return 0;
	cl = rk_codelist_read(f, "fuzz.csv", "region", fold, affixes, 4, &err);
	fclose(f);
	if (!cl) {
		if (!err.code || !err.msg[0])
			abort();
		return 0;
	}
	for (size_t i = 0; i < rk_codelist_size(cl); i++) {
		const struct rk_code *c = rk_codelist_code(cl, i);

		if (rk_codelist_find(cl, c->code) != (long)i)
			abort();
		use(cl, c->code, strlen(c->code));
		use(cl, c->label_ru, strlen(c->label_ru));
		(void)rk_codelist_label(cl, i, "tg");
		(void)rk_codelist_extra(cl, i, "type");
	}
	use(cl, (const char *)data, size > 200 ? 200 : size);
	rk_codelist_free(cl);
	return 0;
}
