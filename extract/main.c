/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon-extract: figures out of agency files, as raw tidy CSV. */
#include <stdio.h>

#include "cli.h"
#include "collect.h"
#include "config.h"
#include "csvsrc.h"
#include "error.h"
#include "layout.h"
#include "outfile.h"
#include "progress.h"
#include "source.h"
#include "tidy.h"

static const char synopsis[] =
	"usage: reckon-extract --config PIPELINE.yaml --source ID [--edition NAME]\n"
	"                      [--forms-summary FILE] [-o FILE]\n"
	"       reckon-extract [layout options] [-o FILE] FILE\n"
	"       reckon-extract --cells [--sheet S] [--encoding ENC] [--delimiter C] FILE\n"
	"       reckon-extract --list-sheets FILE\n";

static const char help_text[] =
	"\n"
	"Extracts the figures of one source into raw tidy CSV (source,indicator,\n"
	"period,<dimensions>,value,status,origin) on stdout, or the cells view\n"
	"(sheet,cell,type,value) with --cells.  FILE is delimited text (CSV, TSV;\n"
	"'-' for stdin) or a workbook (xlsx, xlsm, xls, ods).\n"
	"\n"
	"  -c, --config FILE        pipeline config; the file and layout come from it\n"
	"  -s, --source ID          the source to extract; ad hoc: the id to write\n"
	"                           (default: the file name without extension)\n"
	"      --edition NAME       with --config: read the source's earlier edition\n"
	"                           of that label or date (its editions: entry),\n"
	"                           with the source's layout, instead of its file:\n"
	"  -o, --output FILE        write FILE (whole or not at all) instead of stdout\n"
	"      --cases-out FILE     with case registers (reckon template --shape\n"
	"                           cases): their cases as a case list for\n"
	"                           capture-recapture, each key replaced by a\n"
	"                           code made from it\n"
	"      --forms-summary FILE a source of forms (reckon template, read with\n"
	"                           no layout): one line per organisation and\n"
	"                           form as CSV, who sent one, when, on time,\n"
	"                           late, invalid or missing (also when the\n"
	"                           forms stop the source)\n"
	"      --cells              write every non-empty cell instead of tidy rows\n"
	"      --list-sheets        write the workbook's sheet names\n"
	"      --dry-run            say what the layout finds instead: for each\n"
	"                           table the header, the columns, the first rows\n"
	"                           it would write and the rows it skips\n"
	"      --sheet S            the sheet: name or 1-based number (default: first)\n"
	"  -e, --encoding ENC       utf-8, utf-16le, utf-16be, windows-1251, koi8-r\n"
	"                           (default: detected)\n"
	"  -t, --delimiter C        , ; | or tab (default: sniffed)\n"
	"ad hoc layout (the same keys as a config layout):\n"
	"  -f, --field NAME=COL     a field from a column: header text or letter\n"
	"      --value COL          value column: header text, letter or range B:E;\n"
	"                           repeatable\n"
	"      --value-header NAME  the field several value columns' headers go to\n"
	"  -k, --constant NAME=VAL  a fixed field, e.g. indicator=torture_complaints\n"
	"  -d, --dimensions A,B     dimension columns, in order (default: the fields\n"
	"                           other than indicator and period)\n"
	"      --header-row N       1-based (top) header row; 0 for none (default: found)\n"
	"      --header-rows N      header tiers above the values (default 1); merged\n"
	"                           header cells span their columns\n"
	"      --range A3:F40       only this part of the sheet\n"
	"      --skip-rows REGEX    skip rows whose label cells match (totals)\n"
	"      --stop-at blank|REGEX  stop at a blank row, or one that matches\n"
	"      --sentinel TEXT=VAL  TEXT in a value cell means VAL: a number,\n"
	"                           missing or suppressed; repeatable\n"
	"      --mark MARK=STATUS   a number followed by MARK has STATUS:\n"
	"                           provisional, revised, estimated or\n"
	"                           footnote (\"17~\" with ~=revised); repeatable\n"
	"      --blank-label FIELD=fill_down|total|LABEL  what a blank label\n"
	"                           cell of FIELD means (default: an error);\n"
	"                           repeatable\n"
	"      --period TEMPLATE    period built from fields, e.g. '{quarter} {year}'\n"
	"      --decimal , | .      the decimal mark (default: decided per number)\n"
	"  -q, --quiet              no progress or summary on stderr (a source\n"
	"                           with collect: prints who sent its forms)\n"
	"  -h, --help               this text\n"
	"  -V, --version            the version\n"
	"\n";

/* long options without a short form; layout ones go to source_request_option */
enum { OPT_CELLS = 256, OPT_LIST_SHEETS, OPT_DRY_RUN, OPT_LAYOUT,
       OPT_CASES_OUT, OPT_EDITION, OPT_FORMS_SUMMARY };

static const struct option options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "source", required_argument, NULL, 's' },
	{ "output", required_argument, NULL, 'o' },
	{ "edition", required_argument, NULL, OPT_EDITION },
	{ "cells", no_argument, NULL, OPT_CELLS },
	{ "list-sheets", no_argument, NULL, OPT_LIST_SHEETS },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "cases-out", required_argument, NULL, OPT_CASES_OUT },
	{ "forms-summary", required_argument, NULL, OPT_FORMS_SUMMARY },
	{ "sheet", required_argument, NULL, OPT_LAYOUT },
	{ "range", required_argument, NULL, OPT_LAYOUT },
	{ "header-rows", required_argument, NULL, OPT_LAYOUT },
	{ "encoding", required_argument, NULL, 'e' },
	{ "delimiter", required_argument, NULL, 't' },
	{ "field", required_argument, NULL, 'f' },
	{ "value", required_argument, NULL, OPT_LAYOUT },
	{ "value-header", required_argument, NULL, OPT_LAYOUT },
	{ "constant", required_argument, NULL, 'k' },
	{ "dimensions", required_argument, NULL, 'd' },
	{ "header-row", required_argument, NULL, OPT_LAYOUT },
	{ "skip-rows", required_argument, NULL, OPT_LAYOUT },
	{ "stop-at", required_argument, NULL, OPT_LAYOUT },
	{ "sentinel", required_argument, NULL, OPT_LAYOUT },
	{ "blank-label", required_argument, NULL, OPT_LAYOUT },
	{ "mark", required_argument, NULL, OPT_LAYOUT },
	{ "period", required_argument, NULL, OPT_LAYOUT },
	{ "decimal", required_argument, NULL, OPT_LAYOUT },
	{ "quiet", no_argument, NULL, 'q' },
	RK_CLI_OPTIONS_END
};

static struct rk_cli cli = {
	.name = "reckon-extract", .synopsis = synopsis, .help = help_text,
	.shortopts = "c:s:o:e:t:f:k:d:qhV", .longopts = options
};

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct source_request *q)
{
	int c, idx = -1;

	while ((c = rk_cli_next(&cli, argc, argv, &idx)) != -1) {
		int rc = 0;

		switch (c) {
		case RK_CLI_STOP: return cli.status;
		case 'c': q->config = optarg; break;
		case 's': q->source = optarg; break;
		case 'o': q->output = optarg; break;
		case OPT_EDITION: q->edition = optarg; break;
		case OPT_CELLS: q->cells = 1; break;
		case OPT_LIST_SHEETS: q->list_sheets = 1; break;
		case OPT_DRY_RUN: q->dry_run = 1; break;
		case OPT_CASES_OUT: q->cases_out = optarg; break;
		case OPT_FORMS_SUMMARY: q->forms_summary = optarg; break;
		case 'e': q->encoding = optarg; break;
		case 't': q->delimiter = optarg; break;
		case 'q': q->quiet = 1; break;
		case 'f': rc = source_request_option(q, "field", optarg); break;
		case 'k': rc = source_request_option(q, "constant", optarg); break;
		case 'd': rc = source_request_option(q, "dimensions", optarg); break;
		default:
			rc = source_request_option(q, options[idx].name, optarg);
		}
		idx = -1;
		if (rc < 0)
			return rk_cli_usage(&cli, "bad option value '%s'", optarg);
	}
	if (optind < argc)
		q->file = argv[optind++];
	if (optind < argc)
		return rk_cli_usage(&cli, "unexpected argument '%s'",
				    argv[optind]);
	if (q->config && !q->source)
		return rk_cli_usage(&cli, "--config needs --source ID");
	if (q->edition && !q->config)
		return rk_cli_usage(&cli, "--edition names an edition in the "
				    "config: give --config and --source");
	if (q->forms_summary && !q->config)
		return rk_cli_usage(&cli, "--forms-summary sums up the forms "
				    "of a source: give --config and --source");
	if (q->config && q->file)
		return rk_cli_usage(&cli, "give either --config or FILE, not "
				    "both ('%s')", q->file);
	if (!q->config && !q->file)
		return rk_cli_usage(&cli, "no input: give FILE (or - for stdin) "
				    "or --config and --source");
	return -1;
}

/*
 * A source of forms: who sent which (when it has collect:), and, when
 * some of its forms cannot be read, what is wrong with each.
 */
static void report_forms(const struct source_request *q, int failed)
{
	const struct collect *c = q->forms;

	if (!c)
		return;
	if (collect_asked(c) && !q->quiet)
		collect_table(c, cli.name, stderr);
	if (failed && collect_forms(c) > 1)
		for (size_t i = 0; i < collect_errors(c); i++)
			rk_error_print(stderr, cli.name, collect_error(c, i));
}

int main(int argc, char **argv)
{
	struct source_request q;
	struct rk_error err = { 0 };
	struct rk_progress progress;
	struct rk_out out;
	int rc;

	source_request_init(&q);
	rc = parse_args(argc, argv, &q);
	if (rc >= 0) {
		source_request_release(&q);
		return rc;
	}
	rk_progress_init(&progress, cli.name, q.quiet);
	q.progress = rk_progress_count;
	q.progress_arg = &progress;
	if (rk_out_open(&out, q.output, &err) < 0) {
		rk_error_print(stderr, cli.name, &err);
		source_request_release(&q);
		return err.code;
	}
	rc = source_run(&q, out.f, &err);
	rk_progress_end(&progress);
	report_forms(&q, rc < 0);
	if (q.warning[0])
		fprintf(stderr, "%s: warning: %s\n", cli.name, q.warning);
	if (rc < 0 || rk_out_commit(&out, &err) < 0) {
		rk_out_abort(&out);
		rk_error_print(stderr, cli.name, &err);
		source_request_release(&q);
		return err.code ? err.code : RK_EXIT_SOFTWARE;
	}
	source_request_release(&q);
	return 0;
}
