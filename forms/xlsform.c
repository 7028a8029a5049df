/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An XLSForm from the pipeline (issue 21 item 4): a case register's
 * questions for KoBoToolbox or ODK, whose choices are the code lists', so
 * that a form built there matches them exactly.  reckon-extract reads its
 * exports with layout.xlsform (extract/kobo.h).
 */
#include "write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "codelist.h"
#include "config.h"

static const char *const lang_col[] = {
	"label::English (en)", "label::Русский (ru)", "label::Тоҷикӣ (tg)"
};
static const char *const langs[] = { "en", "ru", "tg" };

struct q {
	const char *type, *name, *en, *ru, *tg, *required, *constraint;
};

static void row(lxw_worksheet *ws, lxw_row_t r, const char *const *v,
		size_t n)
{
	for (size_t c = 0; c < n; c++)
		if (v[c] && *v[c])
			worksheet_write_string(ws, r, (lxw_col_t)c, v[c], NULL);
}

static void question(lxw_worksheet *ws, lxw_row_t *r, const struct q *q)
{
	const char *v[7] = { q->type, q->name, q->en, q->ru, q->tg,
			     q->required, q->constraint };

	row(ws, (*r)++, v, 7);
}

int form_write_xlsform(const struct form *f, const char *path,
		       long long created, struct rk_error *err)
{
	static const char *const shead[] = {
		"type", "name", "label::English (en)", "label::Русский (ru)",
		"label::Тоҷикӣ (tg)", "required", "constraint"
	};
	lxw_workbook_options opt = { .constant_memory = 0 };
	lxw_doc_properties props = { 0 };
	lxw_workbook *wb;
	lxw_worksheet *survey, *choices, *settings;
	lxw_row_t r = 1;
	size_t len = strlen(path);
	char *tmp = malloc(len + 24), type[160], id[160], version[32];
	int lang = !strcmp(f->lang, "ru") ? 1 : !strcmp(f->lang, "tg") ? 2 : 0;

	if (!tmp)
		return rk_error_oom(err);
	snprintf(tmp, len + 24, "%s.tmp%ld", path, (long)getpid());
	if (!(wb = workbook_new_opt(tmp, &opt))) {
		free(tmp);
		return rk_error_set(err, RK_EXIT_CANTCREAT, path, 0,
				    "cannot create");
	}
	props.title = "XLSForm";
	props.author = "reckon";
	props.created = (time_t)created;
	workbook_set_properties(wb, &props);
	survey = workbook_add_worksheet(wb, "survey");
	choices = workbook_add_worksheet(wb, "choices");
	settings = workbook_add_worksheet(wb, "settings");
	row(survey, 0, shead, 7);
	question(survey, &r, &(struct q){ "text", "case_key", "Case key",
		 "Ключ случая", "Калиди ҳодиса", "yes",
		 "string-length(.) >= 4 and string-length(.) <= 40" });
	question(survey, &r, &(struct q){ "date", "date_received",
		 "Date received", "Дата обращения", "Санаи муроҷиат", "yes",
		 NULL });
	question(survey, &r, &(struct q){ "date", "date_event",
		 "Date of the event", "Дата события", "Санаи ҳодиса", "no",
		 ". <= today()" });
	for (size_t d = 0; d < f->ndims; d++) {
		snprintf(type, sizeof(type), "select_one %s", f->dim[d].name);
		question(survey, &r, &(struct q){ type, f->dim[d].name,
			 form_dim_label(f->dim[d].name, "en"),
			 form_dim_label(f->dim[d].name, "ru"),
			 form_dim_label(f->dim[d].name, "tg"), "yes", NULL });
	}
	question(survey, &r, &(struct q){ "text", "remark", "Remark",
		 "Примечание", "Эзоҳ", "no", NULL });
	{
		const char *head[5] = { "list_name", "name", lang_col[0],
					lang_col[1], lang_col[2] };

		row(choices, 0, head, 5);
		r = 1;
		for (size_t d = 0; d < f->ndims; d++)
			for (size_t k = 0; k < f->dim[d].ncode; k++) {
				const char *v[5] = { f->dim[d].name,
						     form_code(f, d, k) };

				for (size_t l = 0; l < 3; l++)
					v[2 + l] = rk_codelist_label(
						f->dim[d].cl, f->dim[d].code[k],
						langs[l]);
				row(choices, r++, v, 5);
			}
	}
	{
		const char *head[4] = { "form_title", "form_id", "version",
					"default_language" };
		const char *title = lang == 1 && f->src->name.ru ? f->src->name.ru
				    : f->src->name.en ? f->src->name.en
				    : f->src->id;
		const char *v[4];

		snprintf(id, sizeof(id), "%s_%s", f->cfg->pipeline, f->src->id);
		snprintf(version, sizeof(version), "reckon-%.12s", f->hash);
		v[0] = title;
		v[1] = id;
		v[2] = version;
		v[3] = lang_col[lang] + 7;
		row(settings, 0, head, 4);
		row(settings, 1, v, 4);
	}
	{
		int rc = form_commit(tmp, path, workbook_close(wb), err);

		free(tmp);
		return rc;
	}
}
