/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon: runs pipelines (run, verify, init); `reckon X` runs reckon-X. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "error.h"
#include "init.h"
#include "proc.h"
#include "run.h"
#include "summary.h"
#include "verify.h"

static const char usage_text[] =
	"usage: reckon run PIPELINE.yaml [--db DSN | --no-db] [--out DIR]\n"
	"                  [--only SOURCE[,SOURCE...]] [--dry-run] [-q]\n"
	"       reckon verify [--db DSN] [-q] RUN_DIR\n"
	"       reckon init DIR\n"
	"       reckon COMMAND [ARGS...]     (runs reckon-COMMAND)\n";

static const char help_text[] =
	"\n"
	"commands:\n"
	"  run        run a pipeline from its inputs to the brief, into\n"
	"             OUT/PIPELINE/RUNID (OUT: --out, default runs)\n"
	"  verify     rerun a run from its recorded inputs and compare every\n"
	"             output byte for byte; exit 1 if anything differs\n"
	"  init       start a pipeline: config skeleton, empty code lists, README\n"
	"  extract    figures out of spreadsheets and CSV files (reckon-extract)\n"
	"  normalise  labels to codes, periods to the grain, rules\n"
	"             (reckon-normalise)\n"
	"  load       tidy CSV into PostgreSQL (reckon-load)\n"
	"  db         the private PostgreSQL cluster (reckon-db)\n"
	"  compare    discrepancy statistics (reckon-compare)\n"
	"  report     the Excel brief (reckon-report)\n"
	"\n"
	"run options:\n"
	"      --db DSN        load into and compare from this database (else\n"
	"                      RECKON_DB, libpq's PG* settings, or the private\n"
	"                      cluster)\n"
	"      --no-db         no database: compare from the tidy file\n"
	"      --out DIR       where run directories go (default: runs)\n"
	"      --only IDS      only these sources (repeatable, or comma-separated)\n"
	"  -n, --dry-run       show the plan and check the inputs; run nothing\n"
	"  -q, --quiet         no progress or summary on stderr\n"
	"  -h, --help, -V, --version\n"
	"'reckon COMMAND --help' describes each command.\n"
	"\n";

enum { OPT_DB = 256, OPT_NO_DB, OPT_OUT, OPT_ONLY };

static const struct option options[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "no-db", no_argument, NULL, OPT_NO_DB },
	{ "out", required_argument, NULL, OPT_OUT },
	{ "only", required_argument, NULL, OPT_ONLY },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

struct args {
	const char *cmd, *db, *out, *target;
	int no_db, dry_run, quiet;
	char *only[64];
	size_t nonly;
};

static int usage(const char *fmt, const char *arg)
{
	fputs("reckon: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	fputs("try 'reckon --help' for more\n", stderr);
	return RK_EXIT_USAGE;
}

static int add_only(struct args *a, char *list)
{
	for (char *s = strtok(list, ","); s; s = strtok(NULL, ",")) {
		if (a->nonly == sizeof(a->only) / sizeof(*a->only))
			return -1;
		a->only[a->nonly++] = s;
	}
	return 0;
}

static int parse_args(int argc, char **argv, struct args *a)
{
	int c;

	while ((c = getopt_long(argc, argv, "nqhV", options, NULL)) != -1) {
		switch (c) {
		case OPT_DB: a->db = optarg; break;
		case OPT_NO_DB: a->no_db = 1; break;
		case OPT_OUT: a->out = optarg; break;
		case OPT_ONLY:
			if (add_only(a, optarg) < 0)
				return usage("too many --only sources%s", "");
			break;
		case 'n': a->dry_run = 1; break;
		case 'q': a->quiet = 1; break;
		case 'h':
			printf("%s%s%s", usage_text, help_text,
			       rk_exit_codes_help);
			exit(0);
		case 'V':
			printf("reckon %s\n", RECKON_VERSION);
			exit(0);
		default:
			return usage("bad option in 'reckon %s'", a->cmd);
		}
	}
	if (a->db && a->no_db)
		return usage("%s", "give --db or --no-db, not both");
	if (optind == argc)
		return usage("'reckon %s' needs one argument", a->cmd);
	if (optind + 1 < argc)
		return usage("unexpected argument '%s'", argv[optind + 1]);
	a->target = argv[optind];
	return 0;
}

static int progress_open;   /* a progress line waits for its end */

static int fail(const struct rk_error *err, const char *messages)
{
	if (progress_open)
		fputs(" failed\n", stderr);
	progress_open = 0;
	if (messages)
		fputs(messages, stderr);
	rk_error_print(stderr, "reckon", err);
	return err->code ? err->code : RK_EXIT_SOFTWARE;
}

static void progress(const struct manifest_stage *s, size_t step,
		     size_t nsteps, double seconds, void *ctx)
{
	(void)ctx;
	progress_open = seconds < 0;
	if (seconds < 0) {
		fprintf(stderr, "reckon: [%zu/%zu] %s%s%s ...", step + 1,
			nsteps, s->name, s->source ? " " : "",
			s->source ? s->source : "");
		return;
	}
	if (s->rows >= 0)
		fprintf(stderr, " %ld rows,", s->rows);
	fprintf(stderr, " %.1f s\n", seconds);
}

static void set_options(struct run_options *o, const struct args *a,
			char *self_dir, char *note)
{
	memset(o, 0, sizeof(*o));
	o->out = a->out;
	o->self_dir = self_dir;
	o->use_db = !a->no_db;
	o->only = a->only;
	o->nonly = a->nonly;
	o->db_note = note;
	if (!a->quiet && isatty(STDERR_FILENO))
		o->progress = progress;
}

static int dry_run(struct run *r)
{
	struct rk_error err = { 0 }, check = { 0 };
	char *dir;
	int rc;

	rc = plan_check_inputs(&r->plan, &check);
	if (rc == 0 && run_hash(r, &err) < 0)
		return fail(&err, NULL);
	if (rc == 0)
		rc = plan_find_programs(&r->plan, r->opt.self_dir, &check);
	dir = run_final_dir(r);
	if (!dir || plan_write(&r->plan, dir, stdout, &err) < 0) {
		free(dir);
		return fail(&err, NULL);
	}
	free(dir);
	return rc < 0 ? fail(&check, NULL) : 0;
}

static int cmd_run(struct args *a, char *self_dir)
{
	struct rk_error err = { 0 };
	struct rk_config *cfg = rk_config_load(a->target, &err);
	struct run_options o;
	struct run r;
	char *note = NULL;
	int rc;

	memset(&r, 0, sizeof(r));
	if (!cfg)
		return fail(&err, NULL);
	if (a->db)
		setenv("RECKON_DB", a->db, 1);   /* not in argv: it may hold a password */
	note = a->no_db ? NULL : run_db_note(a->db);
	set_options(&o, a, self_dir, note);
	if (run_plan(&r, cfg, &o, &err) < 0)
		rc = fail(&err, NULL);
	else if (a->dry_run)
		rc = dry_run(&r);
	else if (run_check(&r, &err) < 0 || run_hash_start(&r, &err) < 0 ||
		 (rc = run_execute(&r, &err)) < 0)
		rc = fail(&err, r.messages);
	else {
		if (r.messages && !a->quiet)
			fputs(r.messages, stderr);
		if (!a->quiet)
			summary_write(stderr, &r);
		printf("%s\n", r.where);
	}
	if (rc != 0 && !a->dry_run && r.where && r.m.failed_stage)
		fprintf(stderr, "reckon: what was done is in %s (see log.txt)\n",
			r.where);
	run_release(&r);
	rk_config_free(cfg);
	free(note);
	return rc;
}

static int cmd_verify(struct args *a, char *self_dir)
{
	struct rk_error err = { 0 };
	struct run_options o;
	struct verify v;
	char *note = NULL;
	int rc = 0;

	if (a->no_db || a->out || a->nonly || a->dry_run)
		return usage("%s", "verify takes only --db and --quiet: the "
			     "rest comes from the manifest");
	if (verify_open(&v, a->target, &err) < 0) {
		verify_release(&v);
		return fail(&err, NULL);
	}
	if (v.base && chdir(v.base) != 0) {
		rk_error_set(&err, RK_EXIT_NOINPUT, v.base, 0,
			     "cannot change to the directory of the run");
		rc = -1;
	} else if (verify_inputs(&v, &err) < 0) {
		rc = -1;
	} else if (v.ninputs_missing == 0) {
		if (a->db)
			setenv("RECKON_DB", a->db, 1);
		note = v.recorded.use_db ? run_db_note(a->db) : NULL;
		set_options(&o, a, self_dir, note);
		if (verify_rerun(&v, &o, &err) < 0 ||
		    verify_compare(&v, &err) < 0)
			rc = -1;
	}
	verify_write(&v, stdout);
	fflush(stdout);
	if (rc < 0)
		rc = fail(&err, v.messages);
	if (v.nfindings)
		rc = RK_EXIT_THRESHOLD;
	verify_release(&v);
	free(note);
	return rc;
}

static int cmd_init(struct args *a)
{
	struct rk_error err = { 0 };

	if (a->db || a->no_db || a->out || a->nonly || a->dry_run)
		return usage("%s", "init takes only DIR");
	if (init_pipeline(a->target, &err) < 0)
		return fail(&err, NULL);
	if (!a->quiet)
		fprintf(stderr, "reckon: started pipeline %s: fill in "
			"%s/pipeline.yaml (see %s/README.md)\n", a->target,
			a->target, a->target);
	return 0;
}

/* `reckon X ARGS`: becomes reckon-X ARGS. */
static int dispatch(int argc, char **argv, const char *self_dir)
{
	struct rk_error err = { 0 };
	char program[256], *path;

	(void)argc;
	if (strchr(argv[1], '/') || argv[1][0] == '-')
		return usage("unknown option '%s'", argv[1]);
	snprintf(program, sizeof(program), "reckon-%s", argv[1]);
	path = proc_find(program, self_dir, &err);
	if (!path) {
		if (!strstr(help_text, argv[1]))
			return usage("'%s' is not a reckon command", argv[1]);
		return fail(&err, NULL);
	}
	argv[1] = program;
	execv(path, argv + 1);
	rk_error_set(&err, RK_EXIT_UNAVAILABLE, path, 0, "cannot run it");
	free(path);
	return fail(&err, NULL);
}

int main(int argc, char **argv)
{
	struct args a = { 0 };
	char *self_dir;
	int rc;

	if (argc < 2)
		return usage("%s", "no command given");
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		printf("%s%s%s", usage_text, help_text, rk_exit_codes_help);
		return 0;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("reckon %s\n", RECKON_VERSION);
		return 0;
	}
	self_dir = proc_self_dir(argv[0]);
	a.cmd = argv[1];
	if (strcmp(a.cmd, "run") != 0 && strcmp(a.cmd, "verify") != 0 &&
	    strcmp(a.cmd, "init") != 0) {
		rc = dispatch(argc, argv, self_dir);
		free(self_dir);
		return rc;
	}
	rc = parse_args(argc - 1, argv + 1, &a);
	if (rc == 0)
		rc = strcmp(a.cmd, "run") == 0 ? cmd_run(&a, self_dir) :
		     strcmp(a.cmd, "verify") == 0 ? cmd_verify(&a, self_dir) :
		     cmd_init(&a);
	free(self_dir);
	return rc;
}
