/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon-report: the Excel brief for the meeting with officials. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "brief.h"
#include "cli.h"
#include "sheets.h"
#include "error.h"

#define MAX_DATA 64

static const char synopsis[] =
	"usage: reckon-report --config PIPELINE.yaml --results DIR "
	"[--data TIDY.csv...]\n"
	"                     [--rejects FILE] [--unmapped FILE] "
	"[--manifest FILE]\n"
	"                     [--forms FILE...] [--db[=CONNINFO]] "
	"[-o brief.xlsx] [--internal]\n";

static const char help_text[] =
	"\n"
	"Writes the brief: an Excel workbook an official can read without\n"
	"help, in the config's report languages (en, ru, tg), from the\n"
	"results of reckon-compare (--results), the tidy data (--data), and\n"
	"the run's quality files and manifest.  Counts below the config's\n"
	"report.suppress_below are withheld, with secondary suppression;\n"
	"with report.rounding, the counts reckon-compare rounded are shown.\n"
	"The same inputs give the same bytes: the brief is dated by\n"
	"SOURCE_DATE_EPOCH, else by the run, else by the clock.\n"
	"\n"
	"  -c, --config FILE     pipeline config (titles, sources, code lists,\n"
	"                        report: languages, suppress_below, output)\n"
	"  -r, --results DIR     the directory reckon-compare --out wrote\n"
	"  -d, --data FILE       tidy observations for the Data sheet;\n"
	"                        repeatable\n"
	"      --rejects FILE    rejects.csv of reckon-normalise\n"
	"      --forms FILE      who sent a source's forms (reckon-extract\n"
	"                        --forms-summary); repeatable: an expected\n"
	"                        organisation's missing form makes the data\n"
	"                        PROVISIONAL\n"
	"      --unmapped FILE   unmapped.csv of reckon-normalise\n"
	"      --manifest FILE   manifest.json of the run (run id, inputs)\n"
	"      --db[=CONNINFO]   the results came from this database (shown\n"
	"                        without its password); default: files\n"
	"  -o, --output FILE     the brief (default: the config's report.output)\n"
	"      --internal        the analyst's copy: nothing withheld, marked\n"
	"                        \"internal: not for distribution\" on every\n"
	"                        page; its name gets .internal (brief.internal.xlsx)\n"
	"  -q, --quiet           no closing line on a terminal\n"
	"  -h, --help            this text\n"
	"  -V, --version         the version\n"
	"\n";

enum { OPT_REJECTS = 256, OPT_UNMAPPED, OPT_MANIFEST, OPT_DB, OPT_INTERNAL,
       OPT_FORMS };

static const struct option options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "results", required_argument, NULL, 'r' },
	{ "data", required_argument, NULL, 'd' },
	{ "rejects", required_argument, NULL, OPT_REJECTS },
	{ "unmapped", required_argument, NULL, OPT_UNMAPPED },
	{ "forms", required_argument, NULL, OPT_FORMS },
	{ "manifest", required_argument, NULL, OPT_MANIFEST },
	{ "db", optional_argument, NULL, OPT_DB },
	{ "output", required_argument, NULL, 'o' },
	{ "internal", no_argument, NULL, OPT_INTERNAL },
	{ "quiet", no_argument, NULL, 'q' },
	RK_CLI_OPTIONS_END
};

struct args {
	struct brief_options o;
	char *data[MAX_DATA];
	char *forms[MAX_DATA];
	const char *output;
	int quiet;
};

static struct rk_cli cli = {
	.name = "reckon-report", .synopsis = synopsis, .help = help_text,
	.shortopts = "c:r:d:o:qhV", .longopts = options
};

/*
 * The internal copy's file name says what it is: "brief.xlsx" becomes
 * "brief.internal.xlsx" (cut to fit, never overflowing buf).
 */
static void internal_name(const char *out, char *buf, size_t size)
{
	size_t n = strlen(out);

	if (n >= 5 && strcasecmp(out + n - 5, ".xlsx") == 0)
		n -= 5;
	snprintf(buf, size, "%.*s.internal.xlsx", (int)n, out);
}

/* Returns -1 to go on, else the exit code. */
static int parse(int argc, char **argv, struct args *a)
{
	size_t nd = 0, nf = 0;
	int c;

	while ((c = rk_cli_next(&cli, argc, argv, NULL)) != -1) {
		switch (c) {
		case 'c': a->o.config = optarg; break;
		case 'r': a->o.results = optarg; break;
		case 'd':
			if (nd == MAX_DATA)
				return rk_cli_usage(&cli, "too many --data "
						    "files");
			a->data[nd++] = optarg;
			break;
		case OPT_REJECTS: a->o.rejects = optarg; break;
		case OPT_UNMAPPED: a->o.unmapped = optarg; break;
		case OPT_FORMS:
			if (nf == MAX_DATA)
				return rk_cli_usage(&cli, "too many --forms "
						    "files");
			a->forms[nf++] = optarg;
			break;
		case OPT_MANIFEST: a->o.manifest = optarg; break;
		case OPT_DB: a->o.db = optarg ? optarg : ""; break;
		case OPT_INTERNAL: a->o.internal = 1; break;
		case 'o': a->output = optarg; break;
		case 'q': a->quiet = 1; break;
		case RK_CLI_STOP: return cli.status;
		}
	}
	if (optind < argc)
		return rk_cli_usage(&cli, "unexpected argument '%s' (inputs "
				    "are given with --results and --data)",
				    argv[optind]);
	if (!a->o.config || !a->o.results)
		return rk_cli_usage(&cli, "--config and --results are "
				    "required");
	a->o.data = a->data;
	a->o.ndata = nd;
	a->o.forms = a->forms;
	a->o.nforms = nf;
	return -1;
}

int main(int argc, char **argv)
{
	struct args a = { .o = { 0 } };
	struct rk_error err = { 0 };
	struct brief *b = NULL;
	const char *out;
	char name[4096];
	int rc = parse(argc, argv, &a);

	if (rc >= 0)
		return rc;
	a.o.source_date_epoch = getenv("SOURCE_DATE_EPOCH");
	a.o.now = (long long)time(NULL);
	if (!(b = brief_load(&a.o, &err)) || brief_protect(b, &err) < 0 ||
	    brief_publish(b, &err) < 0)
		goto fail;
	if (b->unprotected) {
		rk_error_set(&err, RK_EXIT_SOFTWARE, NULL, 0,
			     "the disclosure audit finds %zu withheld count(s) "
			     "that what the brief publishes narrows too far, "
			     "even with everything withheld; the brief is not "
			     "written", b->unprotected);
		rk_error_hint(&err, "please report this with the results");
		goto fail;
	}
	out = a.output ? a.output : b->cfg->report.output;
	if (!out) {
		brief_free(b);
		return rk_cli_usage(&cli, "no output: give -o FILE or "
				    "report.output in the config");
	}
	if (a.o.internal && !strstr(out, "internal")) {
		internal_name(out, name, sizeof(name));
		out = name;
	}
	if (brief_write(b, out, &err) < 0)
		goto fail;
	if (!a.quiet && isatty(STDERR_FILENO) && b->rounding)
		fprintf(stderr, "reckon-report: wrote %s (protected counts "
			"rounded to multiples of %ld)\n", out, b->rounding);
	else if (!a.quiet && isatty(STDERR_FILENO))
		fprintf(stderr, "reckon-report: wrote %s (%zu count(s) shown "
			"as <%ld, %zu more withheld)\n", out, b->nsmall, b->k,
			b->nhidden);
	brief_free(b);
	return RK_EXIT_OK;
fail:
	rk_error_print(stderr, cli.name, &err);
	brief_free(b);
	return err.code ? err.code : RK_EXIT_SOFTWARE;
}
