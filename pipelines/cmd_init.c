/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon init: a new pipeline's skeleton. */
#include "cmd_init.h"

#include <stdio.h>

#include "cli.h"
#include "error.h"
#include "init.h"

static const char synopsis[] = "usage: reckon init [-q] DIR\n";

static const char help_text[] =
	"\n"
	"Starts a pipeline in DIR (created; it must not exist, or be empty):\n"
	"pipeline.yaml, a skeleton to fill in; codelists/ with empty code\n"
	"lists; data/ for the inputs; README.md with the next steps.\n"
	"\n"
	"  -q, --quiet         no message on stderr\n"
	"  -h, --help          this text\n"
	"  -V, --version       the version\n"
	"\n";

static const struct option options[] = {
	{ "quiet", no_argument, NULL, 'q' },
	RK_CLI_OPTIONS_END
};

static struct rk_cli cli = {
	.name = "reckon init", .synopsis = synopsis, .help = help_text,
	.shortopts = "qhV", .longopts = options
};

int cmd_init(int argc, char **argv, const char *self_dir)
{
	struct rk_error err = { 0 };
	int c, quiet = 0;

	(void)self_dir;
	while ((c = rk_cli_next(&cli, argc, argv, NULL)) != -1) {
		if (c == RK_CLI_STOP)
			return cli.status;
		quiet = 1;   /* -q, the only option */
	}
	if (optind == argc)
		return rk_cli_usage(&cli, "no directory: give DIR");
	if (optind + 1 < argc)
		return rk_cli_usage(&cli, "unexpected argument '%s'",
				    argv[optind + 1]);
	if (init_pipeline(argv[optind], &err) < 0) {
		rk_error_print(stderr, "reckon", &err);
		return err.code ? err.code : RK_EXIT_SOFTWARE;
	}
	if (!quiet)
		fprintf(stderr, "reckon: started pipeline %s: fill in "
			"%s/pipeline.yaml (see %s/README.md)\n", argv[optind],
			argv[optind], argv[optind]);
	return 0;
}
