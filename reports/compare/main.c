/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon-compare: how far two sources disagree, and whether it is noise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "cli.h"
#include "run.h"
#include "config.h"
#include "error.h"
#include "period.h"

#define MAX_ITEMS 64

static const char synopsis[] =
	"usage: reckon-compare --config PIPELINE.yaml --out DIR "
	"(--from FILE... | --db[=CONNINFO])\n"
	"       reckon-compare --reference ID --against ID[,ID...] "
	"[--indicator CODE]\n"
	"                      --out DIR (--from FILE... | --db[=CONNINFO])\n";

static const char help_text[] =
	"\n"
	"Aligns the cells of a reference source and the sources compared with\n"
	"it, and writes under DIR: cells.csv (each cell: difference, ratio with\n"
	"its exact 95% interval, exact p, Benjamini-Hochberg q, flag),\n"
	"summary.csv (totals, coverage, correlation, Lin's CCC, Bland-Altman,\n"
	"sMAPE, WAPE), distribution.csv (chi-squared and G tests per dimension),\n"
	"trend.csv (Poisson trend and source x time interaction) and, with case\n"
	"lists, mse.csv (capture-recapture).  p-values are two-sided, central:\n"
	"twice the smaller exact tail, at most 1.\n"
	"\n"
	"  -c, --config FILE        pipeline config: its compare entries, period\n"
	"                           and dimensions\n"
	"  -f, --from FILE          tidy observations (- for stdin); repeatable,\n"
	"                           and FILE arguments after the options are read too\n"
	"      --db[=CONNINFO]      read what reckon-load wrote (default: RECKON_DB,\n"
	"                           libpq's PG* settings, or the private cluster)\n"
	"      --as-of YYYY-MM-DD   with --db: the editions of each source that\n"
	"                           were current on that day (reckon-load\n"
	"                           --edition-date), for last quarter's results\n"
	"                           exactly; revisions.csv is what the latest\n"
	"                           edition changed from the one before\n"
	"      --previous FILE      without --db: tidy observations of the\n"
	"                           sources' edition before (repeatable):\n"
	"                           revisions.csv compares the files with it\n"
	"      --edition-of SOURCE=NAME  with --previous: what revisions.csv\n"
	"                           calls SOURCE's edition in the files\n"
	"                           (default: the file its rows came from)\n"
	"      --previous-edition-of SOURCE=NAME  the same for its edition in\n"
	"                           the --previous files (reckon run passes the\n"
	"                           config's edition labels); repeatable\n"
	"      --editions FILE      with --db: exactly the editions an earlier\n"
	"                           editions.csv names (reckon verify passes\n"
	"                           the run's), whatever came after; with --db,\n"
	"                           editions.csv lists the editions read\n"
	"      --run-id ID          with --db: record the cells in\n"
	"                           reckon.discrepancy under ID, replacing ID's\n"
	"                           earlier rows (reckon run passes its run id)\n"
	"  -o, --out DIR            the results directory (created if missing)\n"
	"  -r, --reference ID       ad hoc: the reference source (A)\n"
	"  -a, --against ID[,ID]    ad hoc: the sources compared with it (B)\n"
	"  -i, --indicator CODE     ad hoc: only this indicator (default: every\n"
	"                           indicator both sources have)\n"
	"      --alpha A            false discovery rate for 'significant'\n"
	"                           (default: the config's alpha, else 0.05)\n"
	"      --cases SOURCE=FILE  a record-level case list (CSV); two or more\n"
	"                           give mse.csv; repeatable\n"
	"      --key COLUMN         the lists' linkage key column (default: key)\n"
	"      --stock CODE         the indicator is a count on a date (beside\n"
	"                           the code list's type stock): dates are\n"
	"                           paired, never summed; repeatable\n"
	"      --no-rounding        the analyst's results on the true counts,\n"
	"                           whatever the config's report.rounding says\n"
	"                           (by default, the counts of unpublished\n"
	"                           sources are rounded before any statistic,\n"
	"                           and rounded.csv holds them)\n"
	"  -q, --quiet              no closing line on a terminal\n"
	"  -h, --help               this text\n"
	"  -V, --version            the version\n"
	"\n";

enum { OPT_DB = 256, OPT_ALPHA, OPT_CASES, OPT_KEY, OPT_RUN_ID, OPT_AS_OF,
       OPT_EDITIONS, OPT_PREVIOUS, OPT_STOCK, OPT_NO_ROUNDING,
       OPT_EDITION_OF, OPT_PREVIOUS_EDITION_OF };

static const struct option options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "from", required_argument, NULL, 'f' },
	{ "db", optional_argument, NULL, OPT_DB },
	{ "out", required_argument, NULL, 'o' },
	{ "reference", required_argument, NULL, 'r' },
	{ "against", required_argument, NULL, 'a' },
	{ "indicator", required_argument, NULL, 'i' },
	{ "alpha", required_argument, NULL, OPT_ALPHA },
	{ "cases", required_argument, NULL, OPT_CASES },
	{ "key", required_argument, NULL, OPT_KEY },
	{ "run-id", required_argument, NULL, OPT_RUN_ID },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "editions", required_argument, NULL, OPT_EDITIONS },
	{ "previous", required_argument, NULL, OPT_PREVIOUS },
	{ "edition-of", required_argument, NULL, OPT_EDITION_OF },
	{ "previous-edition-of", required_argument, NULL,
	  OPT_PREVIOUS_EDITION_OF },
	{ "stock", required_argument, NULL, OPT_STOCK },
	{ "no-rounding", no_argument, NULL, OPT_NO_ROUNDING },
	{ "quiet", no_argument, NULL, 'q' },
	RK_CLI_OPTIONS_END
};

struct args {
	struct compare_request q;
	const char *config, *alpha;
	char *from[MAX_ITEMS], *against[MAX_ITEMS], *previous[MAX_ITEMS];
	char *stocks[MAX_ITEMS];
	struct mse_list cases[MAX_ITEMS];
	struct compare_edition_name names[MAX_ITEMS];
	int quiet;
};

static struct rk_cli cli = {
	.name = "reckon-compare", .synopsis = synopsis, .help = help_text,
	.shortopts = "c:f:o:r:a:i:qhV", .longopts = options
};

/* Appends the comma-separated ids of s to a->against (s is modified). */
static int add_against(struct args *a, char *s)
{
	for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
		if (a->q.nagainst == MAX_ITEMS)
			return -1;
		a->against[a->q.nagainst++] = tok;
	}
	return 0;
}

static int add_case_list(struct args *a, char *s)
{
	char *eq = strchr(s, '=');

	if (!eq || eq == s || !eq[1] || a->q.ncases == MAX_ITEMS)
		return -1;
	*eq = '\0';
	a->cases[a->q.ncases++] = (struct mse_list){ s, eq + 1 };
	return 0;
}

/* SOURCE=NAME: what revisions.csv calls a source's edition. */
static int add_name(struct args *a, char *s, int previous)
{
	char *eq = strchr(s, '=');

	if (!eq || eq == s || !eq[1] || a->q.nnames == MAX_ITEMS)
		return -1;
	*eq = '\0';
	a->names[a->q.nnames++] = (struct compare_edition_name){ s, eq + 1,
								 previous };
	return 0;
}

static int parse_alpha(const char *s, double *alpha)
{
	char *end;

	*alpha = strtod(s, &end);
	return *end == '\0' && *alpha > 0 && *alpha < 1 ? 0 : -1;
}

static int option(struct args *a, int c)
{
	switch (c) {
	case 'c': a->config = optarg; return 0;
	case 'f':
		if (a->q.nfrom == MAX_ITEMS)
			return -1;
		a->from[a->q.nfrom++] = optarg;
		return 0;
	case OPT_DB: a->q.use_db = 1; a->q.db = optarg; return 0;
	case OPT_RUN_ID: a->q.run_id = optarg; return 0;
	case OPT_AS_OF: a->q.as_of = optarg; return 0;
	case OPT_EDITIONS: a->q.editions = optarg; return 0;
	case OPT_PREVIOUS:
		if (a->q.nprevious == MAX_ITEMS)
			return -1;
		a->previous[a->q.nprevious++] = optarg;
		return 0;
	case OPT_EDITION_OF: return add_name(a, optarg, 0);
	case OPT_PREVIOUS_EDITION_OF: return add_name(a, optarg, 1);
	case 'o': a->q.out = optarg; return 0;
	case 'r': a->q.reference = optarg; return 0;
	case 'a': return add_against(a, optarg);
	case 'i': a->q.indicator = optarg; return 0;
	case OPT_ALPHA: a->alpha = optarg; return 0;
	case OPT_CASES: return add_case_list(a, optarg);
	case OPT_KEY: a->q.key = optarg; return 0;
	case OPT_STOCK:
		if (a->q.nstocks == MAX_ITEMS)
			return -1;
		a->stocks[a->q.nstocks++] = optarg;
		return 0;
	case OPT_NO_ROUNDING: a->q.no_rounding = 1; return 0;
	case 'q': a->quiet = 1; return 0;
	}
	return -1;
}

/* A day that exists, written YYYY-MM-DD. */
static int day_valid(const char *s)
{
	struct rk_period p;
	char why[RK_PERIOD_REASON];

	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	       rk_period_parse(s, strlen(s), &p, why) == 0 && p.day != 0;
}

/* Returns -1 to go on, else the exit status. */
static int check_args(struct args *a, int argc, char **argv)
{
	struct rk_cli *u = &cli;

	for (; optind < argc; optind++) {
		if (a->q.use_db)
			return rk_cli_usage(u, "with --db, write the connection "
					    "as --db=CONNINFO; '%s' is not read",
					    argv[optind]);
		if (a->q.nfrom == MAX_ITEMS)
			return rk_cli_usage(u, "too many input files at '%s'",
					    argv[optind]);
		a->from[a->q.nfrom++] = argv[optind];
	}
	if (!a->q.out)
		return rk_cli_usage(u, "no results directory: give --out DIR");
	if (a->alpha && parse_alpha(a->alpha, &a->q.alpha) < 0)
		return rk_cli_usage(u, "--alpha takes a number between 0 and "
				    "1, not '%s'", a->alpha);
	if (!a->q.use_db && a->q.nfrom == 0)
		return rk_cli_usage(u, "no input: give tidy files (--from "
				    "FILE, - for stdin) or --db");
	if (a->q.use_db && a->q.nfrom)
		return rk_cli_usage(u, "give either tidy files or --db, not "
				    "both");
	if (a->q.run_id && !a->q.use_db)
		return rk_cli_usage(u, "--run-id records in the database: "
				    "give --db");
	if (a->q.as_of && !a->q.use_db)
		return rk_cli_usage(u, "--as-of reads the warehouse's editions: "
				    "give --db");
	if (a->q.nprevious && a->q.use_db)
		return rk_cli_usage(u, "--previous is for tidy files; with "
				    "--db the warehouse keeps the editions");
	if (a->q.nnames && !a->q.nprevious)
		return rk_cli_usage(u, "--edition-of and --previous-edition-of "
				    "name the editions revisions.csv compares: "
				    "give --previous");
	if (a->q.editions && !a->q.use_db)
		return rk_cli_usage(u, "--editions reads the warehouse's "
				    "editions: give --db");
	if (a->q.editions && a->q.as_of)
		return rk_cli_usage(u, "give either --as-of or --editions, not "
				    "both");
	if (a->q.as_of && !day_valid(a->q.as_of))
		return rk_cli_usage(u, "--as-of takes a day as YYYY-MM-DD, not "
				    "'%s'", a->q.as_of);
	if (a->q.run_id && !a->q.run_id[0])
		return rk_cli_usage(u, "--run-id needs an id");
	if (a->config && (a->q.reference || a->q.nagainst || a->q.indicator))
		return rk_cli_usage(u, "--reference, --against and "
				    "--indicator are for use without --config");
	if (!a->config && (!a->q.reference || !a->q.nagainst))
		return rk_cli_usage(u, "say what to compare: --config, or "
				    "--reference and --against");
	if (a->q.ncases == 1)
		return rk_cli_usage(u, "capture-recapture needs two or more "
				    "--cases lists");
	return -1;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	int c;

	while ((c = rk_cli_next(&cli, argc, argv, NULL)) != -1) {
		if (c == RK_CLI_STOP)
			return cli.status;
		if (option(a, c) < 0)
			return rk_cli_usage(&cli, "bad option value '%s'",
					    optarg);
	}
	return check_args(a, argc, argv);
}

static void closing_line(const struct args *a, const struct compare_totals *t)
{
	if (a->quiet || !isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "reckon-compare: %zu pair(s), %zu cell(s): %zu "
		"significant, %zu only in the reference, %zu only in the other; "
		"results in %s\n", t->pairs, t->cells, t->significant,
		t->only_a, t->only_b, a->q.out);
}

/* The config's case lists (the first compare entry that has them). */
static void cases_from_config(struct args *a, const struct rk_config *c)
{
	for (size_t i = 0; i < c->ncompares; i++) {
		const struct rk_compare *cmp = &c->compares[i];

		if (cmp->cases.n < 2)
			continue;
		for (size_t k = 0; k < cmp->cases.n && k < MAX_ITEMS; k++)
			a->cases[a->q.ncases++] = (struct mse_list){
				cmp->cases.items[k].key,
				cmp->cases.items[k].value };
		a->q.key = cmp->cases_key;
		return;
	}
}

int main(int argc, char **argv)
{
	struct args a = { .q = { .key = "key" } };
	struct rk_config *config = NULL;
	struct compare_totals totals;
	struct rk_error err = { 0 };
	int rc;

	gsl_set_error_handler_off();
	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	a.q.from = a.from;
	a.q.previous = a.previous;
	a.q.stocks = a.stocks;
	a.q.against = a.against;
	a.q.cases = a.cases;
	a.q.names = a.names;
	if (a.config && (config = rk_config_load(a.config, &err)) == NULL) {
		rk_error_print(stderr, cli.name, &err);
		return err.code;
	}
	a.q.config = config;
	if (config && a.q.ncases == 0)
		cases_from_config(&a, config);
	rc = compare_run(&a.q, &totals, &err);
	rk_config_free(config);
	if (rc < 0) {
		rk_error_print(stderr, cli.name, &err);
		return err.code ? err.code : RK_EXIT_SOFTWARE;
	}
	closing_line(&a, &totals);
	return 0;
}
