/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The whole brief, sheet by sheet, in the order an official reads it. */
#include <stdio.h>
#include <string.h>

#include "sheets.h"
#include "wording.h"


static int lang_sheets(struct brief_book *bk, const struct brief *b,
		       const char *lang, struct rk_error *err)
{
	if (brief_write_summary(bk, b, lang, err) < 0)
		return -1;
	for (size_t i = 0; i < b->npair; i++)
		if (brief_write_pair(bk, b, i, lang, err) < 0)
			return -1;
	/* the comparison sheets only when something is compared */
	if ((b->npair && (brief_write_agreement(bk, b, lang, err) < 0 ||
			  brief_write_distribution(bk, b, lang, err) < 0 ||
			  brief_write_rates(bk, b, lang, err) < 0 ||
			  brief_write_trend(bk, b, lang, err) < 0)) ||
	    brief_write_estimates(bk, b, lang, err) < 0 ||
	    brief_write_quality(bk, b, lang, err) < 0 ||
	    brief_write_method(bk, b, lang, err) < 0)
		return -1;
	return 0;
}

int brief_write(const struct brief *b, const char *path, struct rk_error *err)
{
	struct brief_props props = { 0 };
	struct brief_book *bk;
	char comments[256], footer[256], header[256];
	/* the run id fingerprints the inputs: not in a protecting brief */
	const char *id = brief_protects(b) ? NULL : b->run_id;
	size_t len = 0;

	snprintf(comments, sizeof(comments), "reckon-report %s%s%s",
		 RECKON_VERSION, id ? ", run " : "", id ? id : "");
	snprintf(footer, sizeof(footer), "%s%s%s", b->cfg->pipeline,
		 id ? " · " : "", id ? id : "");
	/* the notice in each language that fits whole in a page header
	 * (book.c prefixes 16 bytes; Excel takes 255 characters) */
	header[0] = '\0';
	for (size_t l = 0; b->internal && l < b->nlang; l++) {
		const char *s = brief_t(b->lang[l], "internal.header");

		if (len + strlen(" · ") + strlen(s) + 16 >= 255)
			continue;
		len += (size_t)snprintf(header + len, sizeof(header) - len,
					"%s%s", l ? " · " : "", s);
	}
	props.header = b->internal ? header : NULL;
	props.title = brief_title_in(b, b->lang[0]);
	props.subject = brief_t(b->lang[0], "doc.subject");
	props.keywords = b->cfg->pipeline;
	props.author = brief_i18n(&b->cfg->report.organisation, b->lang[0]);
	props.comments = comments;
	props.created = b->created;
	props.footer = footer;
	bk = brief_book_open(path, &props, b->k, err);
	if (!bk)
		return -1;
	for (size_t l = 0; l < b->nlang; l++)
		if (lang_sheets(bk, b, b->lang[l], err) < 0)
			goto fail;
	if (brief_write_provenance(bk, b, err) < 0 ||
	    brief_write_data(bk, b, err) < 0)
		goto fail;
	return brief_book_commit(bk, err);
fail:
	brief_book_abort(bk);
	return -1;
}
