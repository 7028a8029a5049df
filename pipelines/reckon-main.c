/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon: runs pipelines (run, verify, init); `reckon X` runs reckon-X. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_exec.h"
#include "cmd_init.h"
#include "cmd_run.h"
#include "cmd_verify.h"
#include "error.h"
#include "proc.h"

/* A command: argv[0] is its name; programs are looked for in self_dir. */
struct command {
	const char *name;
	int (*fn)(int argc, char **argv, const char *self_dir);
	const char *help;   /* one line for the list in the synopsis */
};

static const struct command commands[] = {
	{ "run", cmd_run, "run a pipeline from its inputs to the brief" },
	{ "verify", cmd_verify, "rerun a run from its recorded inputs and "
				"compare every byte" },
	{ "init", cmd_init, "start a pipeline: config skeleton, empty code "
			    "lists, README" },
	{ "extract", cmd_exec, "figures out of spreadsheets and CSV files" },
	{ "normalise", cmd_exec, "labels to codes, periods to the grain, rules" },
	{ "load", cmd_exec, "tidy CSV into PostgreSQL" },
	{ "db", cmd_exec, "the private PostgreSQL cluster" },
	{ "compare", cmd_exec, "discrepancy statistics" },
	{ "report", cmd_exec, "the Excel brief" },
	{ "template", cmd_exec, "data-entry workbooks made from the pipeline" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(*commands))

static const char help_text[] =
	"\n"
	"Runs pipelines (run, verify, init); for every other command, runs the\n"
	"stage program reckon-COMMAND with the same arguments.\n"
	"'reckon COMMAND --help' describes each command.\n"
	"\n";

static const struct option options[] = {
	RK_CLI_OPTIONS_END
};

static char synopsis[2048];

static struct rk_cli cli = {
	.name = "reckon", .synopsis = synopsis, .help = help_text,
	.shortopts = "+hV", .longopts = options
};

/* The synopsis, with the list of commands from the table. */
static void write_synopsis(void)
{
	size_t n = (size_t)snprintf(synopsis, sizeof(synopsis),
				    "usage: reckon COMMAND [ARGS...]\n"
				    "commands:\n");

	for (size_t i = 0; i < NCOMMANDS && n < sizeof(synopsis); i++) {
		const struct command *c = &commands[i];

		n += (size_t)snprintf(synopsis + n, sizeof(synopsis) - n,
				      "  %-10s %s%s%s%s\n", c->name, c->help,
				      c->fn == cmd_exec ? " (reckon-" : "",
				      c->fn == cmd_exec ? c->name : "",
				      c->fn == cmd_exec ? ")" : "");
	}
}

static const struct command *find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const struct command *cmd;
	char *self_dir;
	int c, rc;

	write_synopsis();
	while ((c = rk_cli_next(&cli, argc, argv, NULL)) != -1)
		if (c == RK_CLI_STOP)
			return cli.status;
	if (optind == argc)
		return rk_cli_usage(&cli, "no command given");
	if (strcmp(argv[optind], "help") == 0) {
		rk_cli_help(&cli, stdout);
		return 0;
	}
	if (!(cmd = find(argv[optind])))
		return rk_cli_usage(&cli, "'%s' is not a reckon command",
				    argv[optind]);
	self_dir = proc_self_dir(argv[0]);
	argc -= optind;
	argv += optind;
	optind = 0;   /* the command parses its own options, afresh */
	rc = cmd->fn(argc, argv, self_dir);
	free(self_dir);
	return rc;
}
