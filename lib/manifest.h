/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_MANIFEST_H
#define RECKON_MANIFEST_H

#include <stddef.h>

#include "error.h"
#include "sha256.h"

/*
 * manifest.json of a run directory: what went in (tool version, config,
 * code lists and inputs with SHA-256 and size), what each stage did (exit
 * status, rows), what came out (every output with SHA-256 and size), how
 * the run ended, and how long it took.
 *
 * Everything but the top-level "timings" member is a function of the
 * inputs, so two runs of the same inputs write manifests that differ only
 * there; `reckon verify` compares the rest.  Keys are written in a fixed
 * order.  The struct owns every string in it; manifest_release frees them.
 */
struct manifest_file {
	char *source;            /* inputs: the source id; else NULL */
	char *path;              /* inputs, config, code lists: relative to
				    config_dir (as the config names them);
				    outputs: relative to the run directory */
	char sha256[RK_SHA256_HEX];
	long long size;
};

struct manifest_stage {
	char *name;              /* extract, normalise, load, compare, report */
	char *source;            /* extract: the source; else NULL */
	char *program;           /* reckon-extract ... */
	char *output;            /* relative to the run directory; NULL */
	int ran;                 /* 0: skipped, or not reached */
	int exit;                /* its exit status when it ran */
	long rows;               /* data rows it wrote; -1 when not counted */
	double seconds;          /* timings only */
};

/* A CSV file under results/ and its data rows. */
struct manifest_result {
	char *file;
	long rows;
};

struct manifest {
	char *version;
	char *pipeline;
	char *run_id;            /* set once inputs are hashed; NULL before */
	int use_db;              /* 1: loaded into and compared from PostgreSQL */
	char **only;             /* --only sources, in config order */
	size_t nonly;
	char *source_date_epoch; /* as given in the environment; NULL */
	char *as_of;             /* reckon run --as-of: the day whose
				    editions were compared; NULL */
	char *config_dir;        /* the config's directory, as the runner was
				    given it: where the paths of config, code
				    lists and inputs start.  Kept apart so
				    that they, and the brief that shows them,
				    do not depend on the working directory */
	struct manifest_file config;
	struct manifest_file *codelists;
	size_t ncodelists;
	struct manifest_file *inputs;
	size_t ninputs;
	struct manifest_stage *stages;
	size_t nstages;
	long raw_rows, tidy_rows, rejects, unmapped, significant; /* -1: n/a */
	struct manifest_result *results;
	size_t nresults;
	struct manifest_file *outputs;
	size_t noutputs;
	int finished;            /* status, outputs and timings are valid */
	int exit;                /* the run's exit status */
	char *failed_stage;      /* "normalise"; NULL when none failed */
	char started[32];        /* UTC, ISO 8601: timings only */
	double seconds;          /* timings only */
};

/* An empty manifest with the counts unknown. */
void manifest_init(struct manifest *m);
void manifest_release(struct manifest *m);

/* Hashes path into *f (path and source copied).  -1 with err set. */
int manifest_hash_file(struct manifest_file *f, const char *source,
		       const char *path, struct rk_error *err);

/*
 * Appends a hashed input / code list / output: full_path is the file to
 * hash, path what the manifest records.  -1 with err set.
 */
int manifest_add_input(struct manifest *m, const char *source,
		       const char *path, const char *full_path,
		       struct rk_error *err);
int manifest_add_codelist(struct manifest *m, const char *path,
			  const char *full_path, struct rk_error *err);
/* An input or output hashed already: its digest (hex) and size. */
int manifest_add_input_hashed(struct manifest *m, const char *source,
			      const char *path,
			      const char sha256[RK_SHA256_HEX],
			      long long size, struct rk_error *err);
int manifest_add_output_hashed(struct manifest *m, const char *path,
			       const char sha256[RK_SHA256_HEX],
			       long long size, struct rk_error *err);
int manifest_add_output(struct manifest *m, const char *path,
			const char *full_path, struct rk_error *err);
int manifest_add_result(struct manifest *m, const char *file, long rows,
			struct rk_error *err);

/* Appends a stage (not yet run); returns it, or NULL with err set. */
struct manifest_stage *manifest_add_stage(struct manifest *m, const char *name,
					  const char *source,
					  const char *program,
					  const char *output,
					  struct rk_error *err);

/* Sets a string member (a copy); -1 with err set. */
int manifest_set(char **member, const char *value, struct rk_error *err);

/*
 * Writes the manifest to path, whole or not at all.  Before it is
 * finished, status, outputs and timings are left out (the manifest the
 * report reads).
 */
int manifest_write(const struct manifest *m, const char *path,
		   struct rk_error *err);

/*
 * Reads back from path what a rerun and the brief need: version,
 * pipeline, run id, mode, only, SOURCE_DATE_EPOCH, config_dir, config,
 * code lists and inputs, outputs, and the stages (name, source, program,
 * output, exit, rows).  The one reader of manifest.json: `reckon verify`
 * and reckon-report both use it.  config_dir is NULL in a manifest made
 * before it was recorded: a rerun needs it, the brief does not.
 * -1 with err set (RK_EXIT_NOINPUT, or RK_EXIT_DATAERR for a file that is
 * not a reckon manifest).
 */
int manifest_read(struct manifest *m, const char *path, struct rk_error *err);

#endif
