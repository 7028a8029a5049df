/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon-db: the private PostgreSQL cluster used when no database is set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cluster.h"
#include "error.h"

static const char synopsis[] =
	"usage: reckon-db [-q] start|stop|status|url\n"
	"       reckon-db psql [PSQL-ARGUMENTS...]\n";

static const char help_text[] =
	"\n"
	"Runs the private PostgreSQL cluster that reckon programs use when no\n"
	"--db, RECKON_DB or PG* variable names a database.  It lives in\n"
	"$RECKON_HOME (default ./.reckon), listens on a Unix socket only, and is\n"
	"created and started on first use.  Run as root, the server runs as the\n"
	"postgres system user.\n"
	"\n"
	"  start        create the cluster if needed and start it\n"
	"  stop         stop it (open sessions are rolled back)\n"
	"  status       print whether it runs (exit 0) or not (exit 69)\n"
	"  url          print its libpq connection string, e.g. for\n"
	"               RECKON_DB=\"$(reckon-db url)\" or psql \"$(reckon-db url)\"\n"
	"  psql         start it if needed and run psql on it\n"
	"\n"
	"  -q, --quiet  no messages on stderr\n"
	"  -h, --help   this text\n"
	"  -V, --version\n"
	"\n";

static const struct option options[] = {
	{ "quiet", no_argument, NULL, 'q' },
	RK_CLI_OPTIONS_END
};

static struct rk_cli cli = {
	.name = "reckon-db", .synopsis = synopsis, .help = help_text,
	.shortopts = "+qhV", .longopts = options
};

static int quiet;

static int fail(const struct rk_error *err)
{
	rk_error_print(stderr, cli.name, err);
	return err->code ? err->code : RK_EXIT_SOFTWARE;
}

static int cmd_start(struct rk_cluster *c, struct rk_error *err)
{
	int started;

	if (rk_cluster_start(c, &started, err) < 0)
		return fail(err);
	if (!quiet)
		fprintf(stderr, "reckon-db: %s in %s\n",
			started ? "started" : "already running",
			rk_cluster_home(c));
	return 0;
}

static int cmd_stop(struct rk_cluster *c, struct rk_error *err)
{
	int stopped;

	if (rk_cluster_stop(c, &stopped, err) < 0)
		return fail(err);
	if (!quiet)
		fprintf(stderr, "reckon-db: %s in %s\n",
			stopped ? "stopped" : "not running",
			rk_cluster_home(c));
	return 0;
}

static int cmd_status(struct rk_cluster *c, struct rk_error *err)
{
	enum rk_cluster_state st;
	pid_t pid;

	if (rk_cluster_status(c, &st, &pid, err) < 0)
		return fail(err);
	if (st == RK_CLUSTER_RUNNING)
		printf("running (pid %ld) in %s\n", (long)pid,
		       rk_cluster_home(c));
	else
		printf("%s in %s\n", st == RK_CLUSTER_ABSENT ?
		       "not created" : "stopped", rk_cluster_home(c));
	return st == RK_CLUSTER_RUNNING ? 0 : RK_EXIT_UNAVAILABLE;
}

static int cmd_psql(struct rk_cluster *c, int argc, char **argv,
		    struct rk_error *err)
{
	const char *bindir;
	char psql[4096];
	char **args = calloc((size_t)argc + 3, sizeof(*args));

	if (!args || rk_cluster_start(c, NULL, err) < 0 ||
	    !(bindir = rk_cluster_bindir(c, err))) {
		free(args);
		return err->code ? fail(err) : RK_EXIT_SOFTWARE;
	}
	snprintf(psql, sizeof(psql), "%s/psql", bindir);
	args[0] = psql;
	args[1] = (char *)rk_cluster_conninfo(c);
	memcpy(args + 2, argv, (size_t)argc * sizeof(*args));
	fflush(NULL);
	execv(psql, args);
	execvp("psql", args);
	rk_error_set(err, RK_EXIT_UNAVAILABLE, psql, 0, "cannot run psql");
	rk_error_hint(err, "install postgresql-client (make deps)");
	free(args);
	return fail(err);
}

static int known(const char *verb)
{
	static const char *const verbs[] = {
		"start", "stop", "status", "url", "psql"
	};

	for (size_t i = 0; i < sizeof(verbs) / sizeof(*verbs); i++)
		if (strcmp(verb, verbs[i]) == 0)
			return 1;
	return 0;
}

/* Returns -1 to go on (the verb at argv[optind]), else the exit status. */
static int parse_args(int argc, char **argv)
{
	int opt;

	while ((opt = rk_cli_next(&cli, argc, argv, NULL)) != -1) {
		switch (opt) {
		case 'q': quiet = 1; break;
		case RK_CLI_STOP: return cli.status;
		}
	}
	if (optind >= argc)
		return rk_cli_usage(&cli, "no command given");
	if (!known(argv[optind]))
		return rk_cli_usage(&cli, "unknown command '%s'", argv[optind]);
	if (strcmp(argv[optind], "psql") != 0 && optind + 1 < argc)
		return rk_cli_usage(&cli, "'%s' takes no arguments",
				    argv[optind]);
	return -1;
}

static int url(struct rk_cluster *c)
{
	return printf("%s\n", rk_cluster_conninfo(c)) < 0 ||
	       fflush(stdout) != 0 ? RK_EXIT_IOERR : 0;
}

int main(int argc, char **argv)
{
	struct rk_error err = { 0 };
	struct rk_cluster *c;
	const char *verb;
	int rc = parse_args(argc, argv);

	if (rc >= 0)
		return rc;
	verb = argv[optind++];
	if (!(c = rk_cluster_open(NULL, &err)))
		return fail(&err);
	if (strcmp(verb, "start") == 0)
		rc = cmd_start(c, &err);
	else if (strcmp(verb, "stop") == 0)
		rc = cmd_stop(c, &err);
	else if (strcmp(verb, "status") == 0)
		rc = cmd_status(c, &err);
	else if (strcmp(verb, "url") == 0)
		rc = url(c);
	else
		rc = cmd_psql(c, argc - optind, argv + optind, &err);
	rk_cluster_close(c);
	return rc;
}
