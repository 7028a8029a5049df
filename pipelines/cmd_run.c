/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon run: a pipeline from its inputs to the brief, into a run directory. */
#include "cmd_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "error.h"
#include "period.h"
#include "progress.h"
#include "run.h"
#include "steps.h"
#include "summary.h"

static const char synopsis[] =
	"usage: reckon run PIPELINE.yaml [--db DSN | --no-db] [--out DIR]\n"
	"                  [--only SOURCE[,SOURCE...]] [--as-of YYYY-MM-DD]\n"
	"                  [--dry-run] [-q]\n";

static const char help_text[] =
	"\n"
	"Runs a pipeline from its inputs to the brief, into OUT/PIPELINE/RUNID,\n"
	"and prints that directory on stdout.\n"
	"\n"
	"      --db DSN        load into and compare from this database (else\n"
	"                      RECKON_DB, libpq's PG* settings, or the private\n"
	"                      cluster)\n"
	"      --no-db         no database: compare from the tidy file\n"
	"      --out DIR       where run directories go (default: runs)\n"
	"      --only IDS      only these sources (repeatable, or comma-separated)\n"
	"      --as-of DAY     load nothing, and compare the editions of each\n"
	"                      source current on DAY (YYYY-MM-DD): last\n"
	"                      quarter's brief again, from the warehouse; with\n"
	"                      --no-db, from the files of the config's\n"
	"                      edition: and editions: of that day\n"
	"  -n, --dry-run       show the plan and check the inputs; run nothing\n"
	"  -q, --quiet         no progress or summary on stderr\n"
	"  -h, --help          this text\n"
	"  -V, --version       the version\n"
	"\n";

enum { OPT_DB = 256, OPT_NO_DB, OPT_OUT, OPT_ONLY, OPT_AS_OF };

static const struct option options[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "no-db", no_argument, NULL, OPT_NO_DB },
	{ "out", required_argument, NULL, OPT_OUT },
	{ "only", required_argument, NULL, OPT_ONLY },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "quiet", no_argument, NULL, 'q' },
	RK_CLI_OPTIONS_END
};

static struct rk_cli cli = {
	.name = "reckon run", .synopsis = synopsis, .help = help_text,
	.shortopts = "nqhV", .longopts = options
};

struct args {
	const char *db, *out, *config, *as_of;
	int no_db, dry_run, quiet;
	char *only[64];
	size_t nonly;
};

static int add_only(struct args *a, char *list)
{
	for (char *s = strtok(list, ","); s; s = strtok(NULL, ",")) {
		if (a->nonly == sizeof(a->only) / sizeof(*a->only))
			return -1;
		a->only[a->nonly++] = s;
	}
	return 0;
}

/* A day that exists, written YYYY-MM-DD. */
static int day_valid(const char *s)
{
	struct rk_period p;
	char why[RK_PERIOD_REASON];

	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	       rk_period_parse(s, 10, &p, why) == 0 && p.day != 0;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	int c;

	while ((c = rk_cli_next(&cli, argc, argv, NULL)) != -1) {
		switch (c) {
		case OPT_DB: a->db = optarg; break;
		case OPT_NO_DB: a->no_db = 1; break;
		case OPT_OUT: a->out = optarg; break;
		case OPT_AS_OF: a->as_of = optarg; break;
		case OPT_ONLY:
			if (add_only(a, optarg) < 0)
				return rk_cli_usage(&cli, "too many --only "
						    "sources");
			break;
		case 'n': a->dry_run = 1; break;
		case 'q': a->quiet = 1; break;
		case RK_CLI_STOP: return cli.status;
		}
	}
	if (a->db && a->no_db)
		return rk_cli_usage(&cli, "give --db or --no-db, not both");
	if (a->as_of && !day_valid(a->as_of))
		return rk_cli_usage(&cli, "--as-of takes a day as YYYY-MM-DD, "
				    "not '%s'", a->as_of);
	if (optind == argc)
		return rk_cli_usage(&cli, "no pipeline: give PIPELINE.yaml");
	if (optind + 1 < argc)
		return rk_cli_usage(&cli, "unexpected argument '%s'",
				    argv[optind + 1]);
	a->config = argv[optind];
	return -1;
}

static void set_options(struct run_options *o, const struct args *a,
			const char *self_dir, const char *note,
			struct rk_progress *p)
{
	memset(o, 0, sizeof(*o));
	o->out = a->out;
	o->self_dir = self_dir;
	o->use_db = !a->no_db;
	o->only = a->only;
	o->nonly = a->nonly;
	o->db_note = note;
	o->as_of = a->as_of;
	steps_attach(o, p);
}

static int dry_run(struct run *r, struct rk_progress *p)
{
	struct rk_error err = { 0 }, check = { 0 };
	char *dir;
	int rc;

	rc = plan_check_inputs(&r->plan, &check);
	if (rc == 0 && run_hash(r, &err) < 0)
		return steps_fail(p, &err, NULL);
	if (rc == 0)
		rc = plan_find_programs(&r->plan, r->opt.self_dir, &check);
	dir = run_final_dir(r);
	if (!dir || plan_write(&r->plan, dir, stdout, &err) < 0) {
		free(dir);
		return steps_fail(p, &err, NULL);
	}
	free(dir);
	return rc < 0 ? steps_fail(p, &check, NULL) : 0;
}

/* Runs the plan; prints the summary and the run directory. */
static int execute(struct run *r, const struct args *a, struct rk_progress *p)
{
	struct rk_error err = { 0 };
	int rc;

	if (run_check(r, &err) < 0 || run_hash_start(r, &err) < 0 ||
	    (rc = run_execute(r, &err)) < 0)
		return steps_fail(p, &err, r->messages);
	if (r->messages && !a->quiet)
		fputs(r->messages, stderr);
	if (!a->quiet)
		summary_write(stderr, r);
	printf("%s\n", r->where);
	return rc;
}

static int run_config(const struct args *a, struct rk_config *cfg,
		      const char *self_dir)
{
	struct rk_error err = { 0 };
	struct rk_progress p;
	struct run_options o;
	struct run r;
	char *note = NULL;
	int rc;

	memset(&r, 0, sizeof(r));
	rk_progress_init(&p, "reckon", a->quiet);
	if (a->db)
		setenv("RECKON_DB", a->db, 1);   /* not in argv: it may hold a password */
	note = a->no_db ? NULL : run_db_note(a->db);
	set_options(&o, a, self_dir, note, &p);
	if (run_plan(&r, cfg, &o, &err) < 0)
		rc = steps_fail(&p, &err, NULL);
	else
		rc = a->dry_run ? dry_run(&r, &p) : execute(&r, a, &p);
	if (rc != 0 && !a->dry_run && r.where && r.m.failed_stage)
		fprintf(stderr, "reckon: what was done is in %s (see log.txt)\n",
			r.where);
	run_release(&r);
	free(note);
	return rc;
}

int cmd_run(int argc, char **argv, const char *self_dir)
{
	struct args a = { 0 };
	struct rk_error err = { 0 };
	struct rk_config *cfg;
	struct rk_progress none = { 0 };
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	if (!(cfg = rk_config_load(a.config, &err)))
		return steps_fail(&none, &err, NULL);
	rc = run_config(&a, cfg, self_dir);
	rk_config_free(cfg);
	return rc;
}
