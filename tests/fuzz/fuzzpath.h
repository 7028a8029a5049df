/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where a fuzz target writes its input as a file: in memory if it can. */
#ifndef RECKON_FUZZPATH_H
#define RECKON_FUZZPATH_H

#include <stdio.h>
#include <unistd.h>

static const char *fuzz_path(const char *ext)
{
	static char path[128];

	if (!path[0])
		snprintf(path, sizeof(path), "%s/reckon-fuzz-%ld.%s",
			 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp",
			 (long)getpid(), ext);
	return path;
}

#endif
