/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "infile.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int refuse(struct rk_error *err, const char *name, const char *what,
		  const char *hint)
{
	rk_error_set(err, RK_EXIT_NOINPUT, name, 0, "%s", what);
	rk_error_hint(err, "%s", hint);
	return -1;
}

int rk_infile_kind(const char *path, const char *name,
		   enum rk_infile_kind *kind, struct rk_error *err)
{
	struct stat st;

	if (!name)
		name = path;
	if (strcmp(path, "-") == 0) {
		*kind = RK_INFILE_STREAM;
		return 0;
	}
	if (stat(path, &st) != 0) {
		/* no hint: the caller knows where the path came from */
		return rk_error_set(err, RK_EXIT_NOINPUT, name, 0,
				    "cannot open: %s", strerror(errno));
	}
	if (S_ISDIR(st.st_mode))
		return refuse(err, name, "is a directory, not a file",
			      "name a file in it");
	if (S_ISSOCK(st.st_mode))
		return refuse(err, name, "is a socket, not a file",
			      "give a file, a pipe or '-' for stdin");
	*kind = S_ISREG(st.st_mode) ? RK_INFILE_REGULAR : RK_INFILE_STREAM;
	return 0;
}

FILE *rk_infile_open(const char *path, const char *name,
		     enum rk_infile_kind *kind, struct rk_error *err)
{
	enum rk_infile_kind k;
	FILE *f;

	if (!name)
		name = path;
	if (rk_infile_kind(path, name, &k, err) < 0)
		return NULL;
	if (kind)
		*kind = k;
	if (strcmp(path, "-") == 0)
		return stdin;
	f = fopen(path, "rb");
	if (!f) {
		rk_error_set(err, RK_EXIT_NOINPUT, name, 0, "cannot open: %s",
			     strerror(errno));
	}
	return f;
}
