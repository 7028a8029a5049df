/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CMD_VERIFY_H
#define RECKON_CMD_VERIFY_H

/*
 * `reckon verify [--db DSN] [-q] RUN_DIR`: argv[0] is "verify"; programs
 * are looked for in self_dir (may be NULL) first.  Prints; returns the
 * exit status (1 when anything differs).
 */
int cmd_verify(int argc, char **argv, const char *self_dir);

#endif
