/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon-load: tidy CSV into the PostgreSQL warehouse, all or nothing. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "error.h"
#include "load.h"
#include "migrate.h"

static const char usage_text[] =
	"usage: reckon-load [--db CONNINFO] [--replace] [--config FILE] "
	"[--dry-run] [-q] [FILE]\n"
	"       reckon-load [--db CONNINFO] --migrate\n";

static const char help_text[] =
	"\n"
	"Loads a tidy CSV file (source,indicator,period,<dimensions>,value,\n"
	"status,origin; FILE '-' or none is stdin) into PostgreSQL in one\n"
	"transaction: new observations are inserted, changed ones updated,\n"
	"identical ones left alone, so a reload changes nothing.  The counts go\n"
	"to stderr; reckon.load_run keeps them with the input's SHA-256.\n"
	"\n"
	"  -d, --db CONNINFO   libpq connection string or URI (default:\n"
	"                      $RECKON_DB, else the PG* variables, else the\n"
	"                      private cluster of 'reckon db'); passwords go in\n"
	"                      ~/.pgpass, never here\n"
	"      --migrate       bring the schema up to date and stop\n"
	"  -r, --replace       also delete the rows of the file's sources and\n"
	"                      indicators, inside its period range, that it no\n"
	"                      longer has (a corrected release)\n"
	"  -c, --config FILE   the pipeline config, recorded by its SHA-256\n"
	"  -n, --dry-run       do it all, report the counts, then roll back\n"
	"  -q, --quiet         no progress or counts on stderr\n"
	"  -h, --help          this text\n"
	"  -V, --version       the version\n"
	"\n";

enum { OPT_MIGRATE = 256 };

static const struct option options[] = {
	{ "db", required_argument, NULL, 'd' },
	{ "migrate", no_argument, NULL, OPT_MIGRATE },
	{ "replace", no_argument, NULL, 'r' },
	{ "config", required_argument, NULL, 'c' },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static int quiet;
static int progress_shown;   /* a progress line waits for its newline */

static void progress(void *arg, long long rows)
{
	(void)arg;
	fprintf(stderr, "\rreckon-load: %lld rows read", rows);
	progress_shown = 1;
}

static void end_progress(void)
{
	if (progress_shown)
		fputc('\n', stderr);
	progress_shown = 0;
}

static int fail(const struct rk_error *err)
{
	end_progress();
	rk_error_print(stderr, "reckon-load", err);
	return err->code ? err->code : RK_EXIT_SOFTWARE;
}

static void report(const struct load_run *r, int dry_run)
{
	end_progress();
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

int main(int argc, char **argv)
{
	struct load_options o = { 0 };
	struct rk_error err = { 0 };
	struct load_run run;
	struct rk_db *db = NULL;
	const char *conninfo = NULL;
	int opt, only_migrate = 0, rc = 0;

	while ((opt = getopt_long(argc, argv, "d:rc:nqhV", options,
				  NULL)) != -1) {
		switch (opt) {
		case 'd': conninfo = optarg; break;
		case OPT_MIGRATE: only_migrate = 1; break;
		case 'r': o.replace = 1; break;
		case 'c': o.config = optarg; break;
		case 'n': o.dry_run = 1; break;
		case 'q': quiet = 1; break;
		case 'h': printf("%s%s%s", usage_text, help_text,
				 rk_exit_codes_help); return 0;
		case 'V': printf("reckon-load %s\n", RECKON_VERSION); return 0;
		default: fputs(usage_text, stderr); return RK_EXIT_USAGE;
		}
	}
	if (argc - optind > 1 || (only_migrate && argc > optind)) {
		fputs(usage_text, stderr);
		return RK_EXIT_USAGE;
	}
	o.input = optind < argc ? argv[optind] : "-";
	if (!only_migrate && strcmp(o.input, "-") != 0 &&
	    access(o.input, R_OK) != 0) {
		rk_error_set(&err, RK_EXIT_NOINPUT, o.input, 0, "cannot open: %s",
			     strerror(errno));
		rk_error_hint(&err, "check the path");
		return fail(&err);
	}
	if (!quiet && isatty(2))
		o.progress = progress;
	if (!(db = rk_db_open(conninfo, "reckon-load", &err)))
		return fail(&err);
	if (conninfo && rk_db_password_given(db) && !quiet)
		fprintf(stderr, "reckon-load: warning: a password in --db is "
			"visible to other users: keep it in ~/.pgpass\n");
	if (migrate(db, only_migrate, &err) < 0 ||
	    (!only_migrate && load_file(db, &o, &run, &err) < 0))
		rc = fail(&err);
	else if (!only_migrate)
		report(&run, o.dry_run);
	rk_db_close(db);
	return rc;
}
