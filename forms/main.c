/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon-template: data-entry workbooks made from the pipeline (issue 21). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "error.h"
#include "form.h"
#include "write.h"

static const char synopsis[] =
	"usage: reckon-template [--config] PIPELINE.yaml --source ID -o FORM.xlsx\n"
	"                       [--lang ru|en|tg] [--shape crosstab|long] "
	"[--rows N]\n"
	"                       [--by DIM[,DIM...]] [--organisation NAME]\n";

static const char help_text[] =
	"\n"
	"Writes a data-entry workbook for one source of the pipeline: an\n"
	"instructions sheet (what to count, from the config's definitions;\n"
	"how to mark a figure not known or withheld; whom to send it to), an\n"
	"entry sheet per indicator the source reports, with whole numbers\n"
	"from 0 enforced by data validation, headings protected (no\n"
	"password), frozen panes and print set-up, and hidden metadata: the\n"
	"pipeline, the source and the code lists' version.  reckon-extract\n"
	"reads a filled template with no layout, refuses one made for another\n"
	"pipeline or code-list version, and reports each cell that breaks the\n"
	"rules with its reference.\n"
	"\n"
	"  -c, --config FILE     the pipeline config (or the first argument)\n"
	"  -s, --source ID       the source the form is for\n"
	"  -o, --output FILE     the workbook to write (.xlsx)\n"
	"      --lang L          the form's language: ru, en or tg (default:\n"
	"                        the first of report.languages, else en)\n"
	"      --shape S         crosstab: the categories down, the periods\n"
	"                        across (default); long: a row per figure,\n"
	"                        period and categories from dropdowns;\n"
	"                        cases: a case register, a row per case with\n"
	"                        a pseudonymous key, its dates and categories,\n"
	"                        counted by reckon-extract\n"
	"      --rows N          long, cases: entry rows (default 500)\n"
	"      --by DIMS         break figures down by these dimensions only\n"
	"                        (default: all of the pipeline's)\n"
	"      --fields LISTS    cases: more columns, each from the code list\n"
	"                        of that name (type of act, institution, status\n"
	"                        of the complaint): kept in the case list, not\n"
	"                        counted by\n"
	"      --xlsform         an XLSForm instead (survey, choices, settings)\n"
	"                        of a case register for KoBoToolbox or ODK, its\n"
	"                        choices the code lists' codes and labels;\n"
	"                        read its exports with layout.xlsform\n"
	"      --organisation NAME  who fills it in: read back as the form's\n"
	"                        organisation\n"
	"  -h, --help            this text\n"
	"  -V, --version         the version\n"
	"\n";

enum { OPT_LANG = 256, OPT_SHAPE, OPT_ROWS, OPT_BY, OPT_ORG, OPT_XLSFORM,
       OPT_FIELDS };

static const struct option options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "source", required_argument, NULL, 's' },
	{ "output", required_argument, NULL, 'o' },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "shape", required_argument, NULL, OPT_SHAPE },
	{ "rows", required_argument, NULL, OPT_ROWS },
	{ "by", required_argument, NULL, OPT_BY },
	{ "organisation", required_argument, NULL, OPT_ORG },
	{ "xlsform", no_argument, NULL, OPT_XLSFORM },
	{ "fields", required_argument, NULL, OPT_FIELDS },
	RK_CLI_OPTIONS_END
};

static struct rk_cli cli = {
	.name = "reckon-template", .synopsis = synopsis, .help = help_text,
	.shortopts = "c:s:o:hV", .longopts = options
};

struct args {
	const char *config, *source, *output, *lang, *shape, *by, *org;
	const char *fields;
	long rows;
	int xlsform;
};

static int parse(int argc, char **argv, struct args *a)
{
	char *end;
	int c;

	while ((c = rk_cli_next(&cli, argc, argv, NULL)) != -1) {
		switch (c) {
		case 'c': a->config = optarg; break;
		case 's': a->source = optarg; break;
		case 'o': a->output = optarg; break;
		case OPT_LANG: a->lang = optarg; break;
		case OPT_SHAPE: a->shape = optarg; break;
		case OPT_BY: a->by = optarg; break;
		case OPT_ORG: a->org = optarg; break;
		case OPT_XLSFORM: a->xlsform = 1; break;
		case OPT_FIELDS: a->fields = optarg; break;
		case OPT_ROWS:
			a->rows = strtol(optarg, &end, 10);
			if (*end || a->rows < 1 || a->rows > 100000)
				return rk_cli_usage(&cli, "--rows: a number "
						    "from 1 to 100000");
			break;
		case RK_CLI_STOP: return cli.status;
		}
	}
	if (optind < argc && !a->config)
		a->config = argv[optind++];
	if (optind < argc)
		return rk_cli_usage(&cli, "unexpected argument '%s'",
				    argv[optind]);
	if (!a->config || !a->source || !a->output)
		return rk_cli_usage(&cli, "the config, --source and -o are "
				    "required");
	if (a->shape && strcmp(a->shape, "crosstab") &&
	    strcmp(a->shape, "long") && strcmp(a->shape, "cases"))
		return rk_cli_usage(&cli, "--shape: crosstab, long or cases, "
				    "not '%s'", a->shape);
	if (a->fields && (!a->shape || strcmp(a->shape, "cases")))
		return rk_cli_usage(&cli, "--fields is for a case register "
				    "(--shape cases)");
	if (a->org && (!*a->org || strpbrk(a->org, "\r\n")))
		return rk_cli_usage(&cli, "--organisation: one line of text");
	return -1;
}

/* The first of the report's languages the form can speak; else en. */
static const char *default_lang(const struct rk_config *c)
{
	for (size_t i = 0; i < c->report.languages.n; i++) {
		const char *l = c->report.languages.items[i];

		if (!strcmp(l, "ru") || !strcmp(l, "en") || !strcmp(l, "tg"))
			return l;
	}
	return "en";
}

int main(int argc, char **argv)
{
	struct args a = { .rows = 500 };
	struct rk_error err = { 0 };
	struct rk_config *cfg = NULL;
	struct form f = { 0 };
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	int rc = parse(argc, argv, &a), built = 0;

	if (rc >= 0)
		return rc;
	if (!(cfg = rk_config_load_opts(a.config, RK_CONFIG_FILES_TO_COME,
					&err)))
		goto fail;
	built = 1;
	if (form_build(&f, cfg, a.source, a.lang ? a.lang : default_lang(cfg),
		       a.by, a.fields, &err) < 0)
		goto fail;
	f.shape = !a.shape || !strcmp(a.shape, "crosstab") ? FORM_CROSSTAB
		  : !strcmp(a.shape, "long") ? FORM_LONG : FORM_CASES;
	f.rows = a.rows;
	f.organisation = a.org ? a.org : "";
	if ((a.xlsform ? form_write_xlsform : form_write)(&f, a.output,
		       sde ? strtoll(sde, NULL, 10) : (long long)time(NULL),
		       &err) < 0)
		goto fail;
	form_release(&f);
	rk_config_free(cfg);
	return RK_EXIT_OK;
fail:
	rk_error_print(stderr, cli.name, &err);
	if (built)
		form_release(&f);
	rk_config_free(cfg);
	return err.code ? err.code : RK_EXIT_SOFTWARE;
}
