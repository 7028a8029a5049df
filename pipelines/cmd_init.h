/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_CMD_INIT_H
#define RECKON_CMD_INIT_H

/*
 * `reckon init [-q] DIR`: argv[0] is "init"; self_dir is not used.
 * Prints; returns the exit status.
 */
int cmd_init(int argc, char **argv, const char *self_dir);

#endif
