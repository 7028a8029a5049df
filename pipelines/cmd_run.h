/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CMD_RUN_H
#define RECKON_CMD_RUN_H

/*
 * `reckon run [options] PIPELINE.yaml`: argv[0] is "run"; programs are
 * looked for in self_dir (may be NULL) first.  Prints; returns the exit
 * status.
 */
int cmd_run(int argc, char **argv, const char *self_dir);

#endif
