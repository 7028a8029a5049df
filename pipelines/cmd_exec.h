/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CMD_EXEC_H
#define RECKON_CMD_EXEC_H

/*
 * `reckon X ARGS...` for a stage: runs reckon-X ARGS... in this process
 * (argv[0] is "X"), found in self_dir (may be NULL) first, then on PATH.
 * Returns only when it cannot: the exit status, after saying so (69 and
 * where it looked, when the program is missing).
 */
int cmd_exec(int argc, char **argv, const char *self_dir);

#endif
