/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reckon X: becomes the stage program reckon-X. */
#include "cmd_exec.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "error.h"
#include "proc.h"

int cmd_exec(int argc, char **argv, const char *self_dir)
{
	struct rk_error err = { 0 };
	char program[256], *path;

	(void)argc;
	snprintf(program, sizeof(program), "reckon-%s", argv[0]);
	path = proc_find(program, self_dir, &err);
	if (path) {
		argv[0] = program;
		fflush(NULL);
		execv(path, argv);
		rk_error_set(&err, RK_EXIT_UNAVAILABLE, path, 0,
			     "cannot run it");
		free(path);
	}
	rk_error_print(stderr, "reckon", &err);
	return err.code ? err.code : RK_EXIT_SOFTWARE;
}
