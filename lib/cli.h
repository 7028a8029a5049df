/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CLI_H
#define RECKON_CLI_H

#include <getopt.h>
#include <stdio.h>

/*
 * The command-line shell every reckon program shares: options, usage
 * errors, --help and --version, all said the same way.  Only main() and
 * the front's commands use it; it prints (that is its job) but never
 * exits: it hands main() the exit status.
 *
 * A usage error reads
 *
 *   reckon-load: unknown option '--frob'
 *   usage: reckon-load ...          (the synopsis)
 *   try 'reckon-load --help' for more
 *
 * on stderr, and the status is RK_EXIT_USAGE.  --help writes the synopsis,
 * the help text and the exit codes to stdout; --version the program and
 * its version.
 */
struct rk_cli {
	const char *name;       /* "reckon-load", or "reckon run" for a
				   command of the front: the prefix of every
				   message */
	const char *synopsis;   /* "usage: ..." lines, each ending in '\n' */
	const char *help;       /* the rest of --help, before the exit codes;
				   NULL for none */
	const char *shortopts;  /* as for getopt_long, with h and V; no ':'
				   in front (a leading '+' is kept) */
	const struct option *longopts;  /* ending in RK_CLI_OPTIONS_END */
	int status;             /* after RK_CLI_STOP: what main() returns */
	char opts[80];          /* private: shortopts as getopt sees them */
};

/* The end of every longopts table: --help (-h), --version (-V). */
#define RK_CLI_OPTIONS_END \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ NULL, 0, NULL, 0 }

/* rk_cli_next's answer when the command line has been dealt with. */
#define RK_CLI_STOP (-2)

/*
 * The next option, as getopt_long returns it (-1 after the last), except
 * that -h/--help and -V/--version are answered here and a bad option
 * (unknown, ambiguous, missing its value, or given one it does not take)
 * is reported here: then it returns RK_CLI_STOP with cli->status set to
 * 0 or RK_EXIT_USAGE.  getopt's own messages are off (opterr is 0).
 */
int rk_cli_next(struct rk_cli *cli, int argc, char **argv, int *longindex);

/*
 * Reports a usage error: "NAME: message" (printf-style; fmt may be NULL
 * for none), the synopsis and the pointer to --help, on stderr.  Returns
 * RK_EXIT_USAGE, for "return rk_cli_usage(...)" in main().
 */
int rk_cli_usage(const struct rk_cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Writes the synopsis, the help text and the exit codes to f. */
void rk_cli_help(const struct rk_cli *cli, FILE *f);

/* Writes "PROGRAM VERSION\n" to f (the name's first word). */
void rk_cli_version(const struct rk_cli *cli, FILE *f);

#endif
