/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli.h"
#include "error.h"

static const char synopsis[] = "usage: reckon-test [-q] [--out FILE] FILE\n";
static const char help[] = "\nTests.\n\n";

static const struct option options[] = {
	{ "out", required_argument, NULL, 'o' },
	{ "output-format", required_argument, NULL, 'f' },
	{ "quiet", no_argument, NULL, 'q' },
	RK_CLI_OPTIONS_END
};

/* What one parse of a command line gave. */
struct parse {
	char opts[32];    /* the options returned, in order */
	char out[64];     /* the value of -o */
	int status;       /* -1: ran to the end; else cli.status */
	int next;         /* optind at the end */
	char err[1024], std[4096];   /* what went to stderr and stdout */
};

static void slurp(FILE *f, char *buf, size_t size)
{
	size_t n;

	fflush(f);
	rewind(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
}

/* Parses argv (NULL-terminated) with name and shortopts. */
static void parse(struct parse *p, const char *name, const char *shortopts,
		  char **argv)
{
	struct rk_cli cli = { .name = name, .synopsis = synopsis,
			      .help = help, .shortopts = shortopts,
			      .longopts = options };
	FILE *e = tmpfile(), *o = tmpfile();
	int saved_err = dup(2), saved_out = dup(1), argc = 0, c;
	size_t n = 0;

	while (argv[argc])
		argc++;
	memset(p, 0, sizeof(*p));
	p->status = -1;
	fflush(NULL);
	dup2(fileno(e), 2);
	dup2(fileno(o), 1);
	optind = 0;
	while ((c = rk_cli_next(&cli, argc, argv, NULL)) != -1) {
		if (c == RK_CLI_STOP) {
			p->status = cli.status;
			break;
		}
		p->opts[n++] = (char)c;
		if (c == 'o')
			snprintf(p->out, sizeof(p->out), "%s", optarg);
	}
	p->next = optind;
	fflush(NULL);
	dup2(saved_err, 2);
	dup2(saved_out, 1);
	close(saved_err);
	close(saved_out);
	slurp(e, p->err, sizeof(p->err));
	slurp(o, p->std, sizeof(p->std));
	fclose(e);
	fclose(o);
}

#define ARGV(...) ((char *[]){ "reckon-test", __VA_ARGS__, NULL })

static const char try_line[] = "try 'reckon-test --help' for more\n";

static void expect_usage(const struct parse *p, const char *message)
{
	char want[1024];

	snprintf(want, sizeof(want), "reckon-test: %s\n%s%s", message,
		 synopsis, try_line);
	assert_int_equal(p->status, RK_EXIT_USAGE);
	assert_string_equal(p->err, want);
	assert_string_equal(p->std, "");
}

static void test_options_and_operands(void **state)
{
	struct parse p;

	(void)state;
	parse(&p, "reckon-test", "o:f:qhV", ARGV("-q", "in.csv", "--out=x"));
	assert_int_equal(p.status, -1);
	assert_string_equal(p.opts, "qo");
	assert_string_equal(p.out, "x");
	assert_int_equal(p.next, 3);   /* in.csv permuted to the end */
	assert_string_equal(p.err, "");
}

static void test_unknown_long_option(void **state)
{
	struct parse p;

	(void)state;
	parse(&p, "reckon-test", "o:f:qhV", ARGV("in.csv", "--frob=1"));
	expect_usage(&p, "unknown option '--frob'");
}

static void test_unknown_short_option_in_a_bundle(void **state)
{
	struct parse p;

	(void)state;
	/* the long option before it must not be blamed */
	parse(&p, "reckon-test", "o:f:qhV", ARGV("--quiet", "-xq"));
	expect_usage(&p, "unknown option '-x'");
	parse(&p, "reckon-test", "o:f:qhV", ARGV("-qx"));
	expect_usage(&p, "unknown option '-x'");
}

static void test_missing_value(void **state)
{
	struct parse p;

	(void)state;
	parse(&p, "reckon-test", "o:f:qhV", ARGV("in.csv", "--out"));
	expect_usage(&p, "option '--out' needs a value");
	parse(&p, "reckon-test", "o:f:qhV", ARGV("-qo"));
	expect_usage(&p, "option '-o' needs a value");
}

static void test_value_not_taken(void **state)
{
	struct parse p;

	(void)state;
	parse(&p, "reckon-test", "o:f:qhV", ARGV("--quiet=yes"));
	expect_usage(&p, "option '--quiet' takes no value");
}

static void test_ambiguous_abbreviation(void **state)
{
	struct parse p;

	(void)state;
	parse(&p, "reckon-test", "o:f:qhV", ARGV("--ou", "x"));
	expect_usage(&p, "option '--ou' is ambiguous");
	parse(&p, "reckon-test", "o:f:qhV", ARGV("--out", "x"));   /* exact */
	assert_int_equal(p.status, -1);
	assert_string_equal(p.out, "x");
}

static void test_help_on_stdout(void **state)
{
	char want[1024];
	struct parse p;

	(void)state;
	parse(&p, "reckon-test", "o:f:qhV", ARGV("-q", "--help", "--frob"));
	snprintf(want, sizeof(want), "%s%s%s", synopsis, help,
		 rk_exit_codes_help);
	assert_int_equal(p.status, 0);
	assert_string_equal(p.std, want);
	assert_string_equal(p.err, "");
}

static void test_version_names_the_program(void **state)
{
	struct parse p;

	(void)state;
	parse(&p, "reckon-test", "o:f:qhV", ARGV("-V"));
	assert_int_equal(p.status, 0);
	assert_string_equal(p.std, "reckon-test " RECKON_VERSION "\n");
	parse(&p, "reckon run", "o:f:qhV", ARGV("--version"));
	assert_string_equal(p.std, "reckon " RECKON_VERSION "\n");
}

static void test_plus_stops_at_the_first_operand(void **state)
{
	struct parse p;

	(void)state;
	parse(&p, "reckon-test", "+qhV", ARGV("-q", "status", "-x"));
	assert_int_equal(p.status, -1);
	assert_string_equal(p.opts, "q");
	assert_int_equal(p.next, 2);
}

static void test_usage_message(void **state)
{
	struct rk_cli cli = { .name = "reckon-test", .synopsis = synopsis };
	FILE *e = tmpfile();
	int saved = dup(2), rc;
	char buf[512];

	(void)state;
	fflush(stderr);
	dup2(fileno(e), 2);
	rc = rk_cli_usage(&cli, "bad --max-rejects '%s'", "lots");
	rk_cli_usage(&cli, NULL);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	slurp(e, buf, sizeof(buf));
	fclose(e);
	assert_int_equal(rc, RK_EXIT_USAGE);
	assert_string_equal(buf, "reckon-test: bad --max-rejects 'lots'\n"
			    "usage: reckon-test [-q] [--out FILE] FILE\n"
			    "try 'reckon-test --help' for more\n"
			    "usage: reckon-test [-q] [--out FILE] FILE\n"
			    "try 'reckon-test --help' for more\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_and_operands),
		cmocka_unit_test(test_unknown_long_option),
		cmocka_unit_test(test_unknown_short_option_in_a_bundle),
		cmocka_unit_test(test_missing_value),
		cmocka_unit_test(test_value_not_taken),
		cmocka_unit_test(test_ambiguous_abbreviation),
		cmocka_unit_test(test_help_on_stdout),
		cmocka_unit_test(test_version_names_the_program),
		cmocka_unit_test(test_plus_stops_at_the_first_operand),
		cmocka_unit_test(test_usage_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
