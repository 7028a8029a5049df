/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli.h"

#include <stdarg.h>
#include <string.h>

#include "error.h"

/* getopt's option string with ':' in front, so a missing value is told. */
static const char *getopt_string(struct rk_cli *cli)
{
	const char *s = cli->shortopts;
	int plus = s[0] == '+';

	if (!cli->opts[0])
		snprintf(cli->opts, sizeof(cli->opts), "%s:%s", plus ? "+" : "",
			 s + plus);
	return cli->opts;
}

/* How many long options start with the n bytes of name; 0 if one is it. */
static int prefix_matches(const struct rk_cli *cli, const char *name,
			  size_t n)
{
	int count = 0;

	for (const struct option *o = cli->longopts; o && o->name; o++) {
		if (strlen(o->name) == n && strncmp(o->name, name, n) == 0)
			return 0;
		count += strncmp(o->name, name, n) == 0;
	}
	return count;
}

/*
 * Reports the option getopt refused.  A long option always moves optind
 * past itself; a short one inside a bundle does not until the bundle ends.
 */
static int refuse(struct rk_cli *cli, int c, char **argv, int before)
{
	const char *arg = optind > before ? argv[optind - 1] : "";
	size_t n;

	if (strncmp(arg, "--", 2) != 0) {
		char opt[3] = { '-', (char)optopt, '\0' };

		cli->status = c == ':' ?
			rk_cli_usage(cli, "option '%s' needs a value", opt) :
			rk_cli_usage(cli, "unknown option '%s'", opt);
		return RK_CLI_STOP;
	}
	n = strcspn(arg, "=");
	if (c == ':')
		cli->status = rk_cli_usage(cli, "option '%.*s' needs a value",
					   (int)n, arg);
	else if (optopt)
		cli->status = rk_cli_usage(cli, "option '%.*s' takes no value",
					   (int)n, arg);
	else if (prefix_matches(cli, arg + 2, n - 2) > 1)
		cli->status = rk_cli_usage(cli, "option '%.*s' is ambiguous",
					   (int)n, arg);
	else
		cli->status = rk_cli_usage(cli, "unknown option '%.*s'", (int)n,
					   arg);
	return RK_CLI_STOP;
}

int rk_cli_next(struct rk_cli *cli, int argc, char **argv, int *longindex)
{
	int before = optind, c;

	opterr = 0;
	c = getopt_long(argc, argv, getopt_string(cli), cli->longopts,
			longindex);
	switch (c) {
	case 'h':
		rk_cli_help(cli, stdout);
		cli->status = RK_EXIT_OK;
		return RK_CLI_STOP;
	case 'V':
		rk_cli_version(cli, stdout);
		cli->status = RK_EXIT_OK;
		return RK_CLI_STOP;
	case '?':
	case ':':
		return refuse(cli, c, argv, before);
	}
	return c;
}

int rk_cli_usage(const struct rk_cli *cli, const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		fprintf(stderr, "%s: ", cli->name);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fputs(cli->synopsis, stderr);
	fprintf(stderr, "try '%s --help' for more\n", cli->name);
	return RK_EXIT_USAGE;
}

void rk_cli_help(const struct rk_cli *cli, FILE *f)
{
	fputs(cli->synopsis, f);
	if (cli->help)
		fputs(cli->help, f);
	fputs(rk_exit_codes_help, f);
}

void rk_cli_version(const struct rk_cli *cli, FILE *f)
{
	fprintf(f, "%.*s %s\n", (int)strcspn(cli->name, " "), cli->name,
		RECKON_VERSION);
}
