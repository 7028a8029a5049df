/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void release(struct rk_out *o)
{
	free(o->path);
	free(o->tmp);
	o->path = o->tmp = NULL;
	o->f = NULL;
}

/* A device or pipe (/dev/stdout, a FIFO) is written in place: no rename. */
static int open_special(struct rk_out *o, const char *path,
			struct rk_error *err)
{
	o->f = fopen(path, "wb");
	if (!o->f)
		return rk_error_set(err, RK_EXIT_CANTCREAT, path, 0,
				    "cannot open: %s", strerror(errno));
	o->path = strdup(path);
	if (!o->path) {
		fclose(o->f);
		o->f = NULL;
		return rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
				    "out of memory");
	}
	return 0;
}

int rk_out_open(struct rk_out *o, const char *path, struct rk_error *err)
{
	struct stat st;
	int fd;
	size_t n;

	memset(o, 0, sizeof(*o));
	if (!path || strcmp(path, "-") == 0) {
		o->f = stdout;
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return open_special(o, path, err);
	n = strlen(path) + 16;
	o->path = strdup(path);
	o->tmp = malloc(n);
	if (!o->path || !o->tmp) {
		release(o);
		return rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
				    "out of memory");
	}
	snprintf(o->tmp, n, "%s.tmp.XXXXXX", path);
	fd = mkstemp(o->tmp);
	if (fd < 0 || (o->f = fdopen(fd, "wb")) == NULL) {
		int e = errno;

		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		release(o);
		rk_error_set(err, RK_EXIT_CANTCREAT, path, 0, "cannot create: %s",
			     strerror(e));
		rk_error_hint(err, "check that the directory exists and is "
				   "writable");
		return -1;
	}
	/* mkstemp makes 0600; an output should get the usual mode */
	{
		mode_t um = umask(0);

		umask(um);
		fchmod(fd, 0666 & ~um);
	}
	return 0;
}

int rk_out_commit(struct rk_out *o, struct rk_error *err)
{
	int failed;

	if (!o->tmp) {
		int failed = o->f && fflush(o->f) != 0;

		if (o->path && o->f)
			failed |= fclose(o->f) != 0;
		o->f = NULL;
		if (failed) {
			rk_error_set(err, RK_EXIT_IOERR,
				     o->path ? o->path : "stdout", 0,
				     "cannot write: %s", strerror(errno));
			release(o);
			return -1;
		}
		release(o);
		return 0;
	}
	failed = fflush(o->f) != 0 || fsync(fileno(o->f)) != 0;
	failed |= fclose(o->f) != 0;
	o->f = NULL;
	if (failed || rename(o->tmp, o->path) != 0) {
		rk_error_set(err, RK_EXIT_IOERR, o->path, 0, "cannot write: %s",
			     strerror(errno));
		unlink(o->tmp);
		release(o);
		return -1;
	}
	release(o);
	return 0;
}

void rk_out_abort(struct rk_out *o)
{
	if (o->f && o->f != stdout)
		fclose(o->f);
	if (o->tmp)
		unlink(o->tmp);
	release(o);
}
