/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE             /* memfd_create */
#include "proc.h"
#include "path.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

void proc_cmd_init(struct proc_cmd *c)
{
	c->argv = NULL;
	c->argc = c->cap = 0;
}

int proc_cmd_add(struct proc_cmd *c, const char *arg, struct rk_error *err)
{
	return proc_cmd_add2(c, arg, "", err);
}

int proc_cmd_add2(struct proc_cmd *c, const char *a, const char *b,
		  struct rk_error *err)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s;

	if (c->argc + 2 > c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 16;
		char **v = realloc(c->argv, cap * sizeof(*v));

		if (!v)
			return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
					    "out of memory");
		c->argv = v;
		c->cap = cap;
	}
	s = malloc(la + lb + 1);
	if (!s)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	memcpy(s, a, la);
	memcpy(s + la, b, lb + 1);
	c->argv[c->argc++] = s;
	c->argv[c->argc] = NULL;
	return 0;
}

void proc_cmd_release(struct proc_cmd *c)
{
	for (size_t i = 0; i < c->argc; i++)
		free(c->argv[i]);
	free(c->argv);
	proc_cmd_init(c);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d;

	if (!slash)
		return NULL;
	if (slash == path)
		return strdup("/");
	d = strndup(path, (size_t)(slash - path));
	return d;
}

char *proc_self_dir(const char *argv0)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n > 0) {
		buf[n] = '\0';
		return dir_of(buf);
	}
	if (argv0 && strchr(argv0, '/'))
		return dir_of(argv0);
	return NULL;
}

static int executable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, X_OK) == 0;
}

static char *on_path(const char *program)
{
	const char *p = getenv("PATH");

	while (p && *p) {
		const char *end = strchr(p, ':');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *cand = rk_path_join_n(n ? p : ".", n ? n : 1, program);

		if (cand && executable(cand))
			return cand;
		free(cand);
		p = end ? end + 1 : NULL;
	}
	return NULL;
}

char *proc_find(const char *program, const char *self_dir,
		struct rk_error *err)
{
	char *p = NULL;

	if (self_dir) {
		p = rk_path_join_n(self_dir, strlen(self_dir), program);
		if (p && executable(p))
			return p;
		free(p);
	}
	p = on_path(program);
	if (p)
		return p;
	rk_error_set(err, RK_EXIT_UNAVAILABLE, NULL, 0,
		     "program '%s' not found (looked in %s and on PATH)",
		     program, self_dir ? self_dir : "no program directory");
	rk_error_hint(err, "build it with 'make', or install reckon with "
			   "'make install'");
	return NULL;
}

int proc_memfile(const char *name, struct rk_error *err)
{
	char tmpl[] = "/tmp/reckon-stage.XXXXXX";
	int fd = memfd_create(name, MFD_CLOEXEC);

	if (fd >= 0)
		return fd;
	fd = mkstemp(tmpl);     /* no memfd (an old kernel): a file, unlinked */
	if (fd < 0)
		return rk_error_set(err, RK_EXIT_CANTCREAT, name, 0,
				    "cannot create a file for the stage's "
				    "messages: %s", strerror(errno));
	unlink(tmpl);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	return fd;
}

static int redirect(posix_spawn_file_actions_t *fa, int to, int fd,
		    struct rk_error *err)
{
	int e;

	if (fd < 0 && to == STDERR_FILENO)
		return 0;
	e = fd < 0 ? posix_spawn_file_actions_addopen(fa, to, "/dev/null",
			to == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
		   : posix_spawn_file_actions_adddup2(fa, fd, to);
	if (e != 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "cannot prepare the stage's files: %s",
				    strerror(e));
	return 0;
}

int proc_start(const char *path, const struct proc_cmd *c, int out_fd,
	       int err_fd, pid_t *pid, struct rk_error *err)
{
	posix_spawn_file_actions_t fa;
	int e, rc = -1;

	if (posix_spawn_file_actions_init(&fa) != 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (redirect(&fa, STDIN_FILENO, -1, err) < 0 ||
	    redirect(&fa, STDOUT_FILENO, out_fd, err) < 0 ||
	    redirect(&fa, STDERR_FILENO, err_fd, err) < 0)
		goto out;
	e = posix_spawn(pid, path, &fa, NULL, c->argv, environ);
	if (e != 0) {
		rk_error_set(err, RK_EXIT_UNAVAILABLE, path, 0,
			     "cannot start: %s", strerror(e));
		goto out;
	}
	rc = 0;
out:
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

int proc_wait(const char *path, pid_t pid, int *status, struct rk_error *err)
{
	int ws;

	while (waitpid(pid, &ws, 0) < 0) {
		if (errno != EINTR)
			return rk_error_set(err, RK_EXIT_SOFTWARE, path, 0,
					    "cannot wait for it: %s",
					    strerror(errno));
	}
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
	return 0;
}
