/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "infile.h"

#define CHUNK (1 << 18)

struct load_input {
	int src;             /* the file or stdin */
	int pipe_r, pipe_w;  /* the thread writes pipe_w; the reader reads pipe_r */
	char path[32];       /* "/dev/fd/<pipe_r>" */
	char *name;
	pthread_t thread;
	int started, joined;
	struct rk_sha256 sha;
	long long bytes;
	int read_errno;      /* set by the thread when reading failed */
	unsigned char buf[CHUNK];
};

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/*
 * Copies src to the pipe, hashing.  A reader that stops early closes its
 * end: the write then fails (SIGPIPE is blocked here) and the thread ends.
 */
static void *pump(void *arg)
{
	struct load_input *in = arg;
	sigset_t set;
	ssize_t n;

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	for (;;) {
		n = read(in->src, in->buf, CHUNK);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			in->read_errno = errno;
		if (n <= 0)
			break;
		rk_sha256_update(&in->sha, in->buf, (size_t)n);
		in->bytes += n;
		if (write_all(in->pipe_w, in->buf, (size_t)n) < 0)
			break;
	}
	close(in->pipe_w);
	in->pipe_w = -1;
	return NULL;
}

static int open_source(struct load_input *in, const char *path,
		       struct rk_error *err)
{
	if (strcmp(path, "-") == 0) {
		in->src = 0;
		in->name = strdup("stdin");
	} else {
		enum rk_infile_kind kind;

		if (rk_infile_kind(path, NULL, &kind, err) < 0)
			return -1;
		in->src = open(path, O_RDONLY);
		in->name = strdup(path);
		if (in->src < 0)
			return rk_error_set(err, RK_EXIT_NOINPUT, path, 0,
					    "cannot open: %s", strerror(errno));
		fcntl(in->src, F_SETFD, FD_CLOEXEC);
	}
	if (!in->name)
		return rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
				    "out of memory");
	return 0;
}

struct load_input *load_input_open(const char *path, struct rk_error *err)
{
	struct load_input *in = calloc(1, sizeof(*in));
	int fds[2];

	if (!in) {
		rk_error_set(err, RK_EXIT_SOFTWARE, path, 0, "out of memory");
		return NULL;
	}
	in->src = in->pipe_r = in->pipe_w = -1;
	rk_sha256_init(&in->sha);
	if (open_source(in, path, err) < 0)
		goto fail;
	if (pipe(fds) < 0) {
		rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
			     "cannot make a pipe: %s", strerror(errno));
		goto fail;
	}
	in->pipe_r = fds[0];
	in->pipe_w = fds[1];
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	snprintf(in->path, sizeof(in->path), "/dev/fd/%d", in->pipe_r);
	if (pthread_create(&in->thread, NULL, pump, in) != 0) {
		rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
			     "cannot start a thread");
		goto fail;
	}
	in->started = 1;
	return in;
fail:
	load_input_close(in);
	return NULL;
}

const char *load_input_path(const struct load_input *in)
{
	return in->path;
}

const char *load_input_name(const struct load_input *in)
{
	return in->name;
}

void load_input_name_error(const struct load_input *in, struct rk_error *err)
{
	if (err && strcmp(err->file, in->path) == 0)
		snprintf(err->file, sizeof(err->file), "%s", in->name);
}

static void join(struct load_input *in)
{
	if (in->started && !in->joined) {
		pthread_join(in->thread, NULL);
		in->joined = 1;
	}
}

int load_input_finish(struct load_input *in, char hex[RK_SHA256_HEX],
		      long long *bytes, struct rk_error *err)
{
	unsigned char d[32];

	join(in);
	if (in->read_errno)
		return rk_error_set(err, RK_EXIT_IOERR, in->name, 0,
				    "cannot read: %s",
				    strerror(in->read_errno));
	rk_sha256_final(&in->sha, d);
	rk_sha256_hex(d, hex);
	*bytes = in->bytes;
	return 0;
}

void load_input_close(struct load_input *in)
{
	if (!in)
		return;
	if (in->pipe_r >= 0)
		close(in->pipe_r);
	join(in);
	if (in->pipe_w >= 0)
		close(in->pipe_w);
	if (in->src > 0)
		close(in->src);
	free(in->name);
	free(in);
}
