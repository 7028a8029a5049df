/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon-load: tidy CSV into the PostgreSQL warehouse, all or nothing. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "db.h"
#include "edition.h"
#include "error.h"
#include "load.h"
#include "migrate.h"
#include "progress.h"

static const char synopsis[] =
	"usage: reckon-load [--db CONNINFO] [--replace] [--config FILE] "
	"[--dry-run] [-q]\n"
	"                   [--edition LABEL] [--edition-date YYYY-MM-DD] "
	"[FILE]\n"
	"       reckon-load [--db CONNINFO] --migrate\n";

static const char help_text[] =
	"\n"
	"Loads a tidy CSV file (source,indicator,period,<dimensions>,value,\n"
	"status,origin; FILE '-' or none is stdin) into PostgreSQL in one\n"
	"transaction: new observations are inserted, changed ones updated,\n"
	"identical ones left alone, so a reload changes nothing.  The counts go\n"
	"to stderr; reckon.load_run keeps them with the input's SHA-256.\n"
	"Nothing is lost: what a load changes or deletes is kept in\n"
	"reckon.observation_history, and each source the load changes gets a\n"
	"new edition (reckon.edition: label, date, the input's SHA-256), so\n"
	"reckon-compare --as-of can read the editions of any day.\n"
	"\n"
	"  -d, --db CONNINFO   libpq connection string or URI (default:\n"
	"                      $RECKON_DB, else the PG* variables, else the\n"
	"                      private cluster of 'reckon db'); passwords go in\n"
	"                      ~/.pgpass, never here\n"
	"      --migrate       bring the schema up to date and stop\n"
	"  -r, --replace       also withdraw the rows of the file's sources and\n"
	"                      indicators, inside its period range, that it no\n"
	"                      longer has (a new edition: they stay in the\n"
	"                      history of the editions before)\n"
	"  -c, --config FILE   the pipeline config, recorded by its SHA-256\n"
	"  -e, --edition LABEL the edition's name (e.g. '2024-Q3 provisional')\n"
	"      --edition-date YYYY-MM-DD\n"
	"                      its publication date (default: today); a\n"
	"                      source's editions load in date order: an\n"
	"                      earlier date than its latest, or a date after\n"
	"                      today, is refused (65)\n"
	"      --edition-of SOURCE=LABEL, --edition-date-of SOURCE=YYYY-MM-DD\n"
	"                      one source's own (repeatable; reckon run passes\n"
	"                      the config's edition: entries so)\n"
	"  -n, --dry-run       do it all, report the counts, then roll back\n"
	"  -q, --quiet         no progress or counts on stderr\n"
	"  -h, --help          this text\n"
	"  -V, --version       the version\n"
	"\n";

enum { OPT_MIGRATE = 256, OPT_EDITION_DATE, OPT_EDITION_OF,
       OPT_EDITION_DATE_OF };

#define MAX_EDITIONS 256

static const struct option options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "migrate", no_argument, NULL, OPT_MIGRATE },
	{ "replace", no_argument, NULL, 'r' },
	{ "config", required_argument, NULL, 'c' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "edition", required_argument, NULL, 'e' },
	{ "edition-date", required_argument, NULL, OPT_EDITION_DATE },
	{ "edition-of", required_argument, NULL, OPT_EDITION_OF },
	{ "edition-date-of", required_argument, NULL, OPT_EDITION_DATE_OF },
	{ "quiet", no_argument, NULL, 'q' },
	RK_CLI_OPTIONS_END
};

static struct rk_cli cli = {
	.name = "reckon-load", .synopsis = synopsis, .help = help_text,
	.shortopts = "d:rc:ne:qhV", .longopts = options
};

struct args {
	struct load_options o;
	char *label_of[MAX_EDITIONS], *date_of[MAX_EDITIONS];
	const char *conninfo;
	int only_migrate;
};

static int quiet;
static struct rk_progress progress;

static int fail(const struct rk_error *err)
{
	rk_progress_end(&progress);
	rk_error_print(stderr, cli.name, err);
	return err->code ? err->code : RK_EXIT_SOFTWARE;
}

static void report(const struct load_run *r, int dry_run)
{
	rk_progress_end(&progress);
	if (quiet)
		return;
	fprintf(stderr, "reckon-load: %s: %lld read, %lld inserted, %lld "
		"updated, %lld deleted, %lld unchanged", r->input_name,
		r->read, r->inserted, r->updated, r->deleted, r->unchanged);
	if (dry_run)
		fputs(" (dry run: rolled back)\n", stderr);
	else
		fprintf(stderr, " (load_run %lld)\n", r->id);
}

static int migrate(struct rk_db *db, int verbose, struct rk_error *err)
{
	int from, to;

	if (migrate_use_owner(db, NULL, err) < 0 ||
	    migrate_apply(db, &from, &to, err) < 0)
		return -1;
	if (verbose && !quiet)
		fprintf(stderr, "reckon-load: schema at version %d (%s)\n", to,
			from == to ? "up to date" : "migrated");
	return 0;
}

/* A label is one line of text (editions.csv holds it in a line). */
static int label_ok(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* SOURCE=VALUE into v (a day when date); -1 when malformed or too many. */
static int add_of(char **v, size_t *n, char *s, int date)
{
	char *eq = strchr(s, '=');

	if (!eq || eq == s || !eq[1] || *n == MAX_EDITIONS ||
	    (date ? !edition_date_valid(eq + 1) : !label_ok(eq + 1)))
		return -1;
	v[(*n)++] = s;
	return 0;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	int opt;

	while ((opt = rk_cli_next(&cli, argc, argv, NULL)) != -1) {
		switch (opt) {
		case 'd': a->conninfo = optarg; break;
		case OPT_MIGRATE: a->only_migrate = 1; break;
		case 'r': a->o.replace = 1; break;
		case 'c': a->o.config = optarg; break;
		case 'n': a->o.dry_run = 1; break;
		case 'e': a->o.edition = optarg; break;
		case OPT_EDITION_DATE: a->o.edition_date = optarg; break;
		case OPT_EDITION_OF:
			if (add_of(a->label_of, &a->o.nedition_of, optarg, 0) < 0)
				return rk_cli_usage(&cli, "--edition-of takes "
						    "SOURCE=LABEL, not '%s'",
						    optarg);
			break;
		case OPT_EDITION_DATE_OF:
			if (add_of(a->date_of, &a->o.nedition_date_of, optarg,
				   1) < 0)
				return rk_cli_usage(&cli, "--edition-date-of "
						    "takes SOURCE=YYYY-MM-DD, "
						    "not '%s'", optarg);
			break;
		case 'q': quiet = 1; break;
		case RK_CLI_STOP: return cli.status;
		}
	}
	if (a->o.edition && !a->o.edition[0])
		return rk_cli_usage(&cli, "--edition needs a label");
	if (a->o.edition && !label_ok(a->o.edition))
		return rk_cli_usage(&cli, "--edition takes a label of one line, "
				    "without control characters");
	if (a->o.edition_date && !edition_date_valid(a->o.edition_date))
		return rk_cli_usage(&cli, "--edition-date takes a day as "
				    "YYYY-MM-DD, not '%s'", a->o.edition_date);
	if (a->only_migrate && (a->o.edition || a->o.edition_date ||
				a->o.nedition_of || a->o.nedition_date_of))
		return rk_cli_usage(&cli, "--migrate loads nothing: "
				    "--edition is for a load");
	if (a->only_migrate && argc > optind)
		return rk_cli_usage(&cli, "--migrate takes no FILE ('%s')",
				    argv[optind]);
	if (argc - optind > 1)
		return rk_cli_usage(&cli, "unexpected argument '%s' (one FILE "
				    "at a time)", argv[optind + 1]);
	a->o.input = optind < argc ? argv[optind] : "-";
	return -1;
}

int main(int argc, char **argv)
{
	struct args a = { .o = { 0 } };
	struct rk_error err = { 0 };
	struct load_run run;
	struct rk_db *db = NULL;
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	a.o.edition_of = a.label_of;
	a.o.edition_date_of = a.date_of;
	rc = 0;
	if (!a.only_migrate && strcmp(a.o.input, "-") != 0 &&
	    access(a.o.input, R_OK) != 0) {
		rk_error_set(&err, RK_EXIT_NOINPUT, a.o.input, 0,
			     "cannot open: %s", strerror(errno));
		rk_error_hint(&err, "check the path");
		return fail(&err);
	}
	rk_progress_init(&progress, cli.name, quiet);
	a.o.progress = rk_progress_count;
	a.o.progress_arg = &progress;
	if (!(db = rk_db_open(a.conninfo, cli.name, &err)))
		return fail(&err);
	if (a.conninfo && rk_db_password_given(db) && !quiet)
		fprintf(stderr, "reckon-load: warning: a password in --db is "
			"visible to other users: keep it in ~/.pgpass\n");
	if (migrate(db, a.only_migrate, &err) < 0 ||
	    (!a.only_migrate && load_file(db, &a.o, &run, &err) < 0))
		rc = fail(&err);
	else if (!a.only_migrate)
		report(&run, a.o.dry_run);
	rk_db_close(db);
	return rc;
}
