/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_PROC_H
#define RECKON_PROC_H

#include <sys/types.h>

#include "error.h"

/*
 * A stage program's command line, and starting it: programs are found
 * next to the running reckon first, then on PATH, and run without a shell
 * (posix_spawn), stdin from /dev/null, stdout and stderr into memory files.
 */
struct proc_cmd {
	char **argv;     /* owned, NULL-terminated; argv[0] the program name */
	size_t argc, cap;
};

void proc_cmd_init(struct proc_cmd *c);

/* Appends a copy of arg.  Returns 0, or -1 with err set (out of memory). */
int proc_cmd_add(struct proc_cmd *c, const char *arg, struct rk_error *err);

/* Appends a copy of a and b joined ("DIR" "/raw/gpo.csv"). */
int proc_cmd_add2(struct proc_cmd *c, const char *a, const char *b,
		  struct rk_error *err);

/* Frees the arguments; accepts an initialised or released cmd. */
void proc_cmd_release(struct proc_cmd *c);

/*
 * The directory holding the running executable (from /proc/self/exe, else
 * argv0 when it has a '/'), malloc'd; NULL when it cannot be told.
 */
char *proc_self_dir(const char *argv0);

/*
 * Finds program: in self_dir (may be NULL) when it is there and
 * executable, else on PATH.  Returns a malloc'd path, or NULL with err set
 * (RK_EXIT_UNAVAILABLE naming the program and where it looked).
 */
char *proc_find(const char *program, const char *self_dir,
		struct rk_error *err);

/*
 * A file in memory (memfd; an unlinked temporary file where there is no
 * memfd) for a stage's stdout or stderr: its messages must survive a full
 * disk, which is when they matter most.  Returns the descriptor (close-on-
 * exec; the caller closes it), or -1 with err set (RK_EXIT_CANTCREAT).
 */
int proc_memfile(const char *name, struct rk_error *err);

/*
 * Starts the program at path with c's arguments: *pid.  Its stdout goes to
 * out_fd (-1: /dev/null) and its stderr to err_fd (-1: this process's
 * stderr); stdin is /dev/null.  Returns 0, or -1 with err set when it could
 * not be started (RK_EXIT_UNAVAILABLE).
 */
int proc_start(const char *path, const struct proc_cmd *c, int out_fd,
	       int err_fd, pid_t *pid, struct rk_error *err);

/*
 * Waits for it: *status is its exit status, or 128 + the signal that ended
 * it.  Returns 0, or -1 with err set (RK_EXIT_SOFTWARE).
 */
int proc_wait(const char *path, pid_t pid, int *status, struct rk_error *err);

#endif
