/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon-normalise: raw tidy rows to codes, the pipeline's grain and sums. */
#include <stdio.h>

#include "cli.h"
#include "config.h"
#include "error.h"
#include "normalise.h"
#include "outfile.h"
#include "progress.h"

static const char synopsis[] =
	"usage: reckon-normalise --config PIPELINE.yaml [-o FILE] [--rejects FILE]\n"
	"                        [--unmapped FILE] [--max-rejects N|P%] [-q]\n"
	"                        [RAW.csv ...]\n";

static const char help_text[] =
	"\n"
	"Maps the labels of raw tidy CSV (as reckon-extract writes it) to the\n"
	"codes of the pipeline's code lists, puts periods in its grain, sums rows\n"
	"that meet in one key and checks the rules.  Writes tidy CSV sorted by\n"
	"key to stdout.  With no RAW file, or '-', reads stdin.\n"
	"\n"
	"  -c, --config FILE        pipeline config (code lists, period, rules)\n"
	"  -o, --output FILE        write FILE (whole or not at all) instead of stdout\n"
	"  -r, --rejects FILE       rows left out or flagged, with the reasons\n"
	"  -u, --unmapped FILE      labels no code list knows, with suggested codes\n"
	"      --max-rejects N|P%   more rejected rows than N (or P% of the rows\n"
	"                           read) make the exit status 1\n"
	"  -q, --quiet              no summary or warnings on stderr\n"
	"  -h, --help               this text\n"
	"  -V, --version            the version\n"
	"\n"
	"exit status 1: unmapped labels under the fail policy, or too many\n"
	"rejects; every output is written all the same.\n";

enum { OPT_MAX_REJECTS = 256 };

static const struct option options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "output", required_argument, NULL, 'o' },
	{ "rejects", required_argument, NULL, 'r' },
	{ "unmapped", required_argument, NULL, 'u' },
	{ "max-rejects", required_argument, NULL, OPT_MAX_REJECTS },
	{ "quiet", no_argument, NULL, 'q' },
	RK_CLI_OPTIONS_END
};

struct args {
	const char *config, *output, *rejects, *unmapped;
	struct normalise_limit limit;
	int quiet;
	char **inputs;
	int ninputs;
};

static struct rk_cli cli = {
	.name = "reckon-normalise", .synopsis = synopsis, .help = help_text,
	.shortopts = "c:o:r:u:qhV", .longopts = options
};

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	int c;

	while ((c = rk_cli_next(&cli, argc, argv, NULL)) != -1) {
		switch (c) {
		case 'c': a->config = optarg; break;
		case 'o': a->output = optarg; break;
		case 'r': a->rejects = optarg; break;
		case 'u': a->unmapped = optarg; break;
		case 'q': a->quiet = 1; break;
		case OPT_MAX_REJECTS:
			if (normalise_limit_parse(optarg, &a->limit) < 0)
				return rk_cli_usage(&cli, "bad --max-rejects "
						    "'%s': give a number of rows "
						    "or a percentage like 5%%",
						    optarg);
			break;
		case RK_CLI_STOP:
			return cli.status;
		}
	}
	if (!a->config)
		return rk_cli_usage(&cli, "no config: give --config "
				    "PIPELINE.yaml");
	a->inputs = argv + optind;
	a->ninputs = argc - optind;
	return -1;
}

/* Reads, finishes and writes; the outputs are committed by the caller. */
static int run(const struct args *a, const struct rk_config *cfg,
	       struct rk_out out[3], struct normaliser **np,
	       struct rk_progress *progress, struct rk_error *err)
{
	static char *const stdin_only[] = { "-" };
	char *const *in = a->ninputs ? a->inputs : stdin_only;
	int nin = a->ninputs ? a->ninputs : 1;

	if (rk_out_open(&out[0], a->output, err) < 0 ||
	    (a->rejects && rk_out_open(&out[1], a->rejects, err) < 0) ||
	    (a->unmapped && rk_out_open(&out[2], a->unmapped, err) < 0))
		return -1;
	*np = normaliser_open(cfg, a->rejects ? out[1].f : NULL, a->rejects,
			      err);
	if (!*np)
		return -1;
	normaliser_progress(*np, rk_progress_count, progress);
	for (int i = 0; i < nin; i++)
		if (normaliser_read(*np, in[i], err) < 0)
			return -1;
	if (normaliser_finish(*np, err) < 0 ||
	    normaliser_write(*np, out[0].f, a->output ? a->output : "stdout",
			     err) < 0 ||
	    (a->unmapped && normaliser_write_unmapped(*np, out[2].f,
						      a->unmapped, err) < 0))
		return -1;
	return 0;
}

/* What to say after the run, taken before the normaliser goes. */
struct verdict {
	struct normalise_summary sum;
	struct rk_error notes[NORMALISE_NOTES];
	int nnotes;
};

static void judge(const struct args *a, const struct normaliser *n,
		  struct verdict *v)
{
	struct normalise_files files = { a->rejects, a->unmapped };

	normaliser_summary(n, &v->sum);
	v->nnotes = normaliser_notes(n, &a->limit, &files, v->notes);
}

/* Prints the summary and the notes; returns the exit status they call for. */
static int report(const struct args *a, const struct verdict *v)
{
	const struct normalise_summary *s = &v->sum;
	int status = 0;

	if (!a->quiet)
		fprintf(stderr, "reckon-normalise: rows read %zu: summed %zu "
			"(into %zu), rejected %zu, outside the period range %zu; "
			"flagged %zu, incomplete sums %zu, unmapped labels %zu\n",
			s->rows_read, s->rows_summed, s->rows_written,
			s->rows_rejected, s->rows_outside, s->rows_warned,
			s->incomplete, s->unmapped_labels);
	if (!a->quiet && s->rows_dropped)
		fprintf(stderr, "reckon-normalise: %zu row(s) left out: their "
			"labels are outside the code lists kept by "
			"codelists.unmapped: drop\n", s->rows_dropped);
	if (!a->quiet && s->hier_parents)
		fprintf(stderr, "reckon-normalise: categories with their parts "
			"present (code lists' parent column): %zu checked "
			"against their parts and left out, %zu not the sum of "
			"them (rejects.csv, check hierarchy)\n",
			s->hier_parents, s->hier_off);
	if (!a->quiet && s->source_notes)
		fprintf(stderr, "reckon-normalise: the sources' notes: %zu "
			"read (rejects.csv, check source_note), %zu calling a "
			"period's figures provisional or revised\n",
			s->source_notes, s->source_notes_marking);
	if (!a->quiet && s->source_totals)
		fprintf(stderr, "reckon-normalise: the sources' own totals: "
			"%zu row(s) checked against their parts and left out, "
			"%zu not the sum of them (rejects.csv, check "
			"source_total)\n", s->source_totals,
			s->source_totals_off);
	for (int i = 0; i < v->nnotes; i++) {
		if (v->notes[i].code)
			status = RK_EXIT_THRESHOLD;
		if (v->notes[i].code || !a->quiet)
			rk_error_print(stderr, cli.name, &v->notes[i]);
	}
	return status;
}

static int commit(const struct args *a, struct rk_out out[3],
		  struct rk_error *err)
{
	return rk_out_commit(&out[0], err) < 0 ||
	       (a->rejects && rk_out_commit(&out[1], err) < 0) ||
	       (a->unmapped && rk_out_commit(&out[2], err) < 0) ? -1 : 0;
}

int main(int argc, char **argv)
{
	static struct verdict v;
	struct args a = { 0 };
	struct rk_error err = { 0 };
	struct rk_out out[3] = { { 0 } };
	struct rk_config *cfg = NULL;
	struct normaliser *n = NULL;
	struct rk_progress progress;
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	rk_progress_init(&progress, cli.name, a.quiet);
	cfg = rk_config_load(a.config, &err);
	if (!cfg || run(&a, cfg, out, &n, &progress, &err) < 0)
		goto fail;
	rk_progress_end(&progress);
	judge(&a, n, &v);
	rc = normaliser_close(n, &err);
	n = NULL;
	if (rc < 0 || commit(&a, out, &err) < 0)
		goto fail;
	rk_config_free(cfg);
	return report(&a, &v);
fail:
	rk_progress_end(&progress);
	normaliser_close(n, NULL);
	for (int i = 0; i < 3; i++)
		rk_out_abort(&out[i]);
	rk_error_print(stderr, cli.name, &err);
	rk_config_free(cfg);
	return err.code ? err.code : RK_EXIT_SOFTWARE;
}
