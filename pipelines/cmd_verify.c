/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon verify: rerun a run from its recorded inputs, compare every byte. */
#include "cmd_verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "error.h"
#include "progress.h"
#include "steps.h"
#include "verify.h"

static const char synopsis[] =
	"usage: reckon verify [--db DSN] [-q] RUN_DIR\n";

static const char help_text[] =
	"\n"
	"Reruns a run from its recorded inputs (mode, sources and code lists\n"
	"come from its manifest.json) and compares every output byte for\n"
	"byte; one line per file on stdout, then the verdict.  Exit status 1\n"
	"when anything differs.\n"
	"\n"
	"      --db DSN        the database, when the run used one (else\n"
	"                      RECKON_DB, libpq's PG* settings, or the private\n"
	"                      cluster)\n"
	"  -q, --quiet         no progress on stderr\n"
	"  -h, --help          this text\n"
	"  -V, --version       the version\n"
	"\n";

enum { OPT_DB = 256 };

static const struct option options[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "quiet", no_argument, NULL, 'q' },
	RK_CLI_OPTIONS_END
};

static struct rk_cli cli = {
	.name = "reckon verify", .synopsis = synopsis, .help = help_text,
	.shortopts = "qhV", .longopts = options
};

struct args {
	const char *db, *run_dir;
	int quiet;
};

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct args *a)
{
	int c;

	while ((c = rk_cli_next(&cli, argc, argv, NULL)) != -1) {
		switch (c) {
		case OPT_DB: a->db = optarg; break;
		case 'q': a->quiet = 1; break;
		case RK_CLI_STOP: return cli.status;
		}
	}
	if (optind == argc)
		return rk_cli_usage(&cli, "no run: give RUN_DIR");
	if (optind + 1 < argc)
		return rk_cli_usage(&cli, "unexpected argument '%s'",
				    argv[optind + 1]);
	a->run_dir = argv[optind];
	return -1;
}

/* Reruns v and compares; -1 with err set. */
static int rerun(struct verify *v, const struct args *a, const char *self_dir,
		 struct rk_progress *p, struct rk_error *err)
{
	struct run_options o = { 0 };
	char *note = NULL;
	int rc = 0;

	if (a->db)
		setenv("RECKON_DB", a->db, 1);   /* not in argv: it may hold a password */
	note = v->recorded.use_db ? run_db_note(a->db) : NULL;
	o.self_dir = self_dir;
	o.use_db = 1;
	o.db_note = note;
	steps_attach(&o, p);
	if (verify_rerun(v, &o, err) < 0 || verify_compare(v, err) < 0)
		rc = -1;
	free(note);
	return rc;
}

static int check(struct verify *v, const struct args *a, const char *self_dir,
		 struct rk_progress *p, struct rk_error *err)
{
	if (v->base && chdir(v->base) != 0)
		return rk_error_set(err, RK_EXIT_NOINPUT, v->base, 0,
				    "cannot change to the directory of the run");
	if (verify_inputs(v, err) < 0)
		return -1;
	return v->ninputs_missing ? 0 : rerun(v, a, self_dir, p, err);
}

int cmd_verify(int argc, char **argv, const char *self_dir)
{
	struct args a = { 0 };
	struct rk_error err = { 0 };
	struct rk_progress p;
	struct verify v;
	int rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	rk_progress_init(&p, "reckon", a.quiet);
	if (verify_open(&v, a.run_dir, &err) < 0) {
		verify_release(&v);
		return steps_fail(&p, &err, NULL);
	}
	rc = check(&v, &a, self_dir, &p, &err);
	verify_write(&v, stdout);
	fflush(stdout);
	if (rc < 0)
		rc = steps_fail(&p, &err, v.messages);
	/* findings say "not verified" (1); an error that stopped the
	 * verification (a rerun it could not start: 69) says more */
	if (v.nfindings && rc == 0)
		rc = RK_EXIT_THRESHOLD;
	verify_release(&v);
	return rc;
}
