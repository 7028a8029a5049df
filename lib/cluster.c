/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _DEFAULT_SOURCE 1   /* setgroups() */
#include "cluster.h"

#include "path.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libpq-fe.h>

#define PORT "5432"
#define SOCKET_NAME "/.s.PGSQL." PORT

struct rk_cluster {
	char *home;       /* absolute state directory */
	char *pgdir;      /* home/pg: the server's, 0700 */
	char *data;       /* home/pg/data */
	char *run;        /* home/pg/run: the socket directory, 0700 */
	char *log;        /* home/pg/server.log */
	char *lock;       /* home/pg.lock */
	char *host;       /* run, quoted for a connection string */
	char *conninfo;
	char *bindir;     /* found on first use */
	int as_root;      /* the server runs as postgres */
	uid_t uid;
	gid_t gid;
};

/* home made absolute without touching the disk; "./x" loses its "./". */
static char *absolute(const char *home)
{
	char cwd[4096], *s;
	size_t n;

	if (home[0] == '/')
		return strdup(home);
	while (home[0] == '.' && home[1] == '/')
		home += 2;
	if (!getcwd(cwd, sizeof(cwd)))
		return NULL;
	if (!*home || strcmp(home, ".") == 0)
		return strdup(cwd);
	n = strlen(cwd) + strlen(home) + 2;
	if ((s = malloc(n)) != NULL)
		snprintf(s, n, "%s%s%s", cwd, strcmp(cwd, "/") ? "/" : "", home);
	return s;
}

/* A value for a libpq connection string, quoted when it must be. */
static char *conn_value(const char *v)
{
	size_t n = strlen(v);
	char *s = malloc(2 * n + 3), *p = s;

	if (!s || !strpbrk(v, " \t\n'\\")) {
		free(s);
		return strdup(v);
	}
	*p++ = '\'';
	for (; *v; v++) {
		if (*v == '\'' || *v == '\\')
			*p++ = '\\';
		*p++ = *v;
	}
	*p++ = '\'';
	*p = '\0';
	return s;
}

static int server_user(struct rk_cluster *c, struct rk_error *err)
{
	struct passwd *pw;

	c->as_root = geteuid() == 0;
	c->uid = geteuid();
	c->gid = getegid();
	if (!c->as_root)
		return 0;
	pw = getpwnam("postgres");
	if (!pw) {
		rk_error_set(err, RK_EXIT_UNAVAILABLE, NULL, 0,
			     "running as root, but there is no 'postgres' "
			     "system user to run the private cluster");
		rk_error_hint(err, "install postgresql (make deps), or run "
				   "as an ordinary user");
		return -1;
	}
	c->uid = pw->pw_uid;
	c->gid = pw->pw_gid;
	return 0;
}

static char *make_conninfo(const char *host, const char *dbname)
{
	size_t n = strlen(host) + 64;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "host=%s port=" PORT " dbname=%s user=reckon",
			 host, dbname);
	return s;
}

static int build_paths(struct rk_cluster *c, struct rk_error *err)
{
	c->pgdir = rk_path_join(c->home, "pg");
	c->data = rk_path_join(c->home, "pg/data");
	c->run = rk_path_join(c->home, "pg/run");
	c->log = rk_path_join(c->home, "pg/server.log");
	c->lock = rk_path_join(c->home, "pg.lock");
	c->host = c->run ? conn_value(c->run) : NULL;
	c->conninfo = c->host ? make_conninfo(c->host, "reckon") : NULL;
	if (!c->pgdir || !c->data || !c->run || !c->log || !c->lock ||
	    !c->conninfo)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (strlen(c->run) + strlen(SOCKET_NAME) >=
	    sizeof(((struct sockaddr_un *)0)->sun_path)) {
		rk_error_set(err, RK_EXIT_CONFIG, c->home, 0,
			     "the state directory's path is too long for "
			     "a Unix socket (%zu bytes)", strlen(c->run) +
			     strlen(SOCKET_NAME));
		rk_error_hint(err, "set RECKON_HOME to a shorter path");
		return -1;
	}
	return 0;
}

struct rk_cluster *rk_cluster_open(const char *home, struct rk_error *err)
{
	struct rk_cluster *c = calloc(1, sizeof(*c));

	if (!home || !*home)
		home = getenv("RECKON_HOME");
	if (!home || !*home)
		home = ".reckon";
	if (!c || !(c->home = absolute(home))) {
		rk_error_set(err, RK_EXIT_SOFTWARE, home, 0,
			     "cannot make the state directory's path "
			     "absolute: %s", strerror(errno));
		goto fail;
	}
	if (build_paths(c, err) < 0 || server_user(c, err) < 0)
		goto fail;
	return c;
fail:
	rk_cluster_close(c);
	return NULL;
}

void rk_cluster_close(struct rk_cluster *c)
{
	if (!c)
		return;
	free(c->home);
	free(c->pgdir);
	free(c->data);
	free(c->run);
	free(c->log);
	free(c->lock);
	free(c->host);
	free(c->conninfo);
	free(c->bindir);
	free(c);
}

const char *rk_cluster_conninfo(const struct rk_cluster *c)
{
	return c->conninfo;
}

const char *rk_cluster_home(const struct rk_cluster *c)
{
	return c->home;
}

const char *rk_cluster_log(const struct rk_cluster *c)
{
	return c->log;
}

/* ---- the PostgreSQL programs ---- */

static int has_initdb(const char *dir)
{
	char path[4096];

	if (snprintf(path, sizeof(path), "%s/initdb", dir) >= (int)sizeof(path))
		return 0;
	return access(path, X_OK) == 0;
}

/* The newest /usr/lib/postgresql/N/bin (N compared as a number). */
static char *debian_bindir(void)
{
	glob_t g;
	char *best = NULL;
	long bestv = -1;

	if (glob("/usr/lib/postgresql/*/bin/initdb", 0, NULL, &g) != 0)
		return NULL;
	for (size_t i = 0; i < g.gl_pathc; i++) {
		long v = strtol(g.gl_pathv[i] + strlen("/usr/lib/postgresql/"),
				NULL, 10);

		if (v > bestv && access(g.gl_pathv[i], X_OK) == 0) {
			bestv = v;
			best = g.gl_pathv[i];
		}
	}
	if (best) {
		best = strdup(best);
		if (best)
			*strrchr(best, '/') = '\0';
	}
	globfree(&g);
	return best;
}

static char *path_bindir(void)
{
	const char *path = getenv("PATH");
	char dir[4096];

	while (path && *path) {
		size_t n = strcspn(path, ":");

		if (n && n < sizeof(dir)) {
			memcpy(dir, path, n);
			dir[n] = '\0';
			if (has_initdb(dir))
				return strdup(dir);
		}
		path += n + (path[n] == ':');
	}
	return NULL;
}

const char *rk_cluster_bindir(struct rk_cluster *c, struct rk_error *err)
{
	const char *env = getenv("RECKON_PG_BINDIR");

	if (c->bindir)
		return c->bindir;
	if (env && *env && has_initdb(env))
		c->bindir = strdup(env);
	if (!c->bindir)
		c->bindir = debian_bindir();
	if (!c->bindir)
		c->bindir = path_bindir();
	if (!c->bindir) {
		rk_error_set(err, RK_EXIT_UNAVAILABLE, NULL, 0,
			     "cannot find the PostgreSQL server programs "
			     "(initdb, pg_ctl)");
		rk_error_hint(err, "install postgresql (make deps), or set "
				   "RECKON_PG_BINDIR to their directory");
	}
	return c->bindir;
}

/* ---- running them as the server's user ---- */

enum { FAIL_USER = 1, FAIL_REACH, FAIL_LOG, FAIL_EXEC };

/* In the child: only async-signal-safe calls from here to exec. */
static void child(const struct rk_cluster *c, char *const argv[],
		  const char *out, int report)
{
	int stage, fd, what[2];
	long max = sysconf(_SC_OPEN_MAX);

	stage = FAIL_USER;
	if (c->as_root && (setgid(c->gid) < 0 || setgroups(1, &c->gid) < 0 ||
			   setuid(c->uid) < 0))
		goto fail;
	stage = FAIL_REACH;
	if (chdir(c->pgdir) < 0)
		goto fail;
	stage = FAIL_LOG;
	fd = open(out, O_WRONLY | O_CREAT | O_APPEND, 0600);
	if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
		goto fail;
	close(fd);
	fd = open("/dev/null", O_RDONLY);
	if (fd >= 0 && fd != 0) {
		dup2(fd, 0);
		close(fd);
	}
	if (max < 0 || max > 65536)
		max = 65536;
	for (long i = 3; i < max; i++)
		if (i != report)
			close((int)i);
	stage = FAIL_EXEC;
	execv(argv[0], argv);
fail:
	what[0] = stage;
	what[1] = errno;
	if (write(report, what, sizeof(what)) < 0)    /* one write: atomic */
		_exit(126);
	_exit(127);
}

static int child_failed(const struct rk_cluster *c, int stage, int errnum,
			const char *prog, struct rk_error *err)
{
	switch (stage) {
	case FAIL_USER:
		return rk_error_set(err, RK_EXIT_UNAVAILABLE, NULL, 0,
				    "cannot become the postgres user to run "
				    "'%s': %s", prog, strerror(errnum));
	case FAIL_REACH:
		rk_error_set(err, RK_EXIT_UNAVAILABLE, c->pgdir, 0,
			     "the %s user cannot enter the private cluster's "
			     "directory: %s", c->as_root ? "postgres" : "current",
			     strerror(errnum));
		rk_error_hint(err, "make the directories above it searchable "
				   "(chmod o+x), or set RECKON_HOME to a place "
				   "it can reach");
		return -1;
	case FAIL_LOG:
		return rk_error_set(err, RK_EXIT_UNAVAILABLE, c->log, 0,
				    "cannot open the server log: %s",
				    strerror(errnum));
	default:
		rk_error_set(err, RK_EXIT_UNAVAILABLE, prog, 0,
			     "cannot run: %s", strerror(errnum));
		rk_error_hint(err, "install postgresql (make deps), or set "
				   "RECKON_PG_BINDIR");
		return -1;
	}
}

/*
 * Runs argv (argv[0] a path) as the server's user, its output appended to
 * out; *status: its exit status.
 */
static int run(const struct rk_cluster *c, char *const argv[], const char *out,
	       int *status, struct rk_error *err)
{
	int pfd[2], report[2] = { 0, 0 }, ws;
	ssize_t n;
	pid_t pid;

	if (pipe(pfd) < 0)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "cannot make a pipe: %s", strerror(errno));
	fcntl(pfd[0], F_SETFD, FD_CLOEXEC);
	fcntl(pfd[1], F_SETFD, FD_CLOEXEC);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "cannot fork: %s", strerror(errno));
	}
	if (pid == 0)
		child(c, argv, out, pfd[1]);
	close(pfd[1]);
	while ((n = read(pfd[0], report, sizeof(report))) < 0 && errno == EINTR)
		;
	close(pfd[0]);
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	if (n == (ssize_t)sizeof(report))
		return child_failed(c, report[0], report[1], argv[0], err);
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
	return 0;
}

/*
 * Runs bindir/prog with the arguments given (a NULL-terminated list), its
 * output to the server log, or to nowhere when quiet.
 */
static int tool(struct rk_cluster *c, int quiet, int *status,
		struct rk_error *err, const char *prog,
		const char *const *args)
{
	const char *bindir = rk_cluster_bindir(c, err);
	char path[4096];
	char *argv[24];
	size_t n = 0;

	if (!bindir)
		return -1;
	snprintf(path, sizeof(path), "%s/%s", bindir, prog);
	argv[n++] = path;
	for (; *args && n < 23; args++)
		argv[n++] = (char *)*args;
	argv[n] = NULL;
	return run(c, argv, quiet ? "/dev/null" : c->log, status, err);
}

/* ---- the state directory ---- */

/* The last non-empty line of the log, for messages. */
static void log_tail(const struct rk_cluster *c, char *out, size_t size)
{
	FILE *f = fopen(c->log, "r");
	char line[512];

	out[0] = '\0';
	if (!f)
		return;
	if (fseek(f, -4096, SEEK_END) < 0)
		rewind(f);
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] && snprintf(out, size, "%s", line) >= (int)size)
			out[size - 1] = '\0';
	}
	fclose(f);
}

static int make_dir(const struct rk_cluster *c, const char *dir, mode_t mode,
		    int server_owned, struct rk_error *err)
{
	if (mkdir(dir, mode) < 0 && errno != EEXIST)
		return rk_error_set(err, RK_EXIT_CANTCREAT, dir, 0,
				    "cannot create the directory: %s",
				    strerror(errno));
	if ((server_owned && c->as_root && chown(dir, c->uid, c->gid) < 0) ||
	    (server_owned && chmod(dir, mode) < 0))
		return rk_error_set(err, RK_EXIT_CANTCREAT, dir, 0,
				    "cannot give the directory to the server's "
				    "user: %s", strerror(errno));
	return 0;
}

/* Creates the directories above path that are missing (mode 0755). */
static int make_parents(const char *path)
{
	char *p = strdup(path);

	if (!p)
		return -1;
	for (char *q = strchr(p + 1, '/'); q; q = strchr(q + 1, '/')) {
		*q = '\0';
		if (mkdir(p, 0755) < 0 && errno != EEXIST)
			break;
		*q = '/';
	}
	free(p);
	return 0;
}

static int lock_home(const struct rk_cluster *c, int *fd, struct rk_error *err)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	struct stat st;

	if (stat(c->home, &st) < 0) {
		if (make_parents(c->home) < 0 ||
		    make_dir(c, c->home, 0755, 0, err) < 0)
			return -1;
		if (c->as_root)
			chmod(c->home, 0755);
	}
	*fd = open(c->lock, O_RDWR | O_CREAT, 0600);
	if (*fd < 0)
		return rk_error_set(err, RK_EXIT_CANTCREAT, c->lock, 0,
				    "cannot create the lock file: %s",
				    strerror(errno));
	fcntl(*fd, F_SETFD, FD_CLOEXEC);
	while (fcntl(*fd, F_SETLKW, &fl) < 0)
		if (errno != EINTR)
			return rk_error_set(err, RK_EXIT_UNAVAILABLE, c->lock,
					    0, "cannot take the lock: %s",
					    strerror(errno));
	return 0;
}

static void unlock_home(int fd)
{
	if (fd >= 0)
		close(fd);
}

static int initialised(const struct rk_cluster *c)
{
	char path[4200];

	snprintf(path, sizeof(path), "%s/PG_VERSION", c->data);
	return access(path, F_OK) == 0;
}

/* Writes a file in the data directory, owned by the server's user. */
static int write_conf(const struct rk_cluster *c, const char *name,
		      const char *mode, const char *text, struct rk_error *err)
{
	char path[4200];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", c->data, name);
	f = fopen(path, mode);
	if (!f || fputs(text, f) < 0 || fclose(f) != 0 ||
	    (c->as_root && chown(path, c->uid, c->gid) < 0))
		return rk_error_set(err, RK_EXIT_CANTCREAT, path, 0,
				    "cannot write: %s", strerror(errno));
	return 0;
}

/* The socket settings, rewritten at every start (the home may move). */
static int write_socket_conf(const struct rk_cluster *c, struct rk_error *err)
{
	char text[4600], *p = text;

	p += sprintf(p, "# written by reckon at each start (lib/cluster.c)\n"
			"listen_addresses = ''\nport = " PORT "\n"
			"unix_socket_permissions = 0700\n"
			"unix_socket_directories = '");
	for (const char *s = c->run; *s && p < text + sizeof(text) - 8; s++) {
		if (*s == '\'')
			*p++ = '\'';
		*p++ = *s;
	}
	strcpy(p, "'\n");
	return write_conf(c, "reckon.conf", "w", text, err);
}

static int init_cluster(struct rk_cluster *c, struct rk_error *err)
{
	const char *args[] = { "-D", c->data, "-U", "reckon", "-E", "UTF8",
			       "--locale=C", "--auth-local=trust",
			       "--auth-host=reject", "--no-instructions",
			       NULL };
	char tail[256];
	int status;

	if (make_dir(c, c->pgdir, 0700, 1, err) < 0 ||
	    tool(c, 0, &status, err, "initdb", args) < 0)
		return -1;
	if (status != 0) {
		log_tail(c, tail, sizeof(tail));
		rk_error_set(err, RK_EXIT_UNAVAILABLE, c->home, 0,
			     "cannot create the private cluster: initdb "
			     "failed%s%s", tail[0] ? ": " : "", tail);
		rk_error_hint(err, "see %s", c->log);
		return -1;
	}
	return write_conf(c, "postgresql.conf", "a",
			  "\ninclude = 'reckon.conf'\n", err);
}

/* Creates the database "reckon" when it is missing. */
static int ensure_database(const struct rk_cluster *c, struct rk_error *err)
{
	char *ci = make_conninfo(c->host, "postgres");
	PGconn *conn = NULL;
	PGresult *res = NULL;
	int rc = -1;

	if (!ci)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	conn = PQconnectdb(ci);
	free(ci);
	if (PQstatus(conn) != CONNECTION_OK)
		goto out;
	res = PQexec(conn, "SELECT 1 FROM pg_database WHERE datname = "
			   "'reckon'");
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		goto out;
	if (PQntuples(res) == 0) {
		PQclear(res);
		res = PQexec(conn, "CREATE DATABASE reckon TEMPLATE template0");
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			goto out;
	}
	rc = 0;
out:
	if (rc < 0) {
		rk_error_set(err, RK_EXIT_UNAVAILABLE, c->home, 0,
			     "cannot create the database 'reckon' in the "
			     "private cluster: %s", PQerrorMessage(conn));
		err->msg[strcspn(err->msg, "\n")] = '\0';
	}
	PQclear(res);
	PQfinish(conn);
	return rc;
}

/* ---- the verbs ---- */

static int read_pid(const struct rk_cluster *c, pid_t *pid)
{
	char path[4200];
	FILE *f;
	long v = 0;

	snprintf(path, sizeof(path), "%s/postmaster.pid", c->data);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = 0;
	fclose(f);
	*pid = (pid_t)v;
	return 0;
}

int rk_cluster_status(struct rk_cluster *c, enum rk_cluster_state *state,
		      pid_t *pid, struct rk_error *err)
{
	const char *args[] = { "status", "-D", c->data, NULL };
	int status;

	*state = RK_CLUSTER_ABSENT;
	*pid = 0;
	if (!initialised(c))
		return 0;
	if (tool(c, 1, &status, err, "pg_ctl", args) < 0)
		return -1;
	*state = status == 0 ? RK_CLUSTER_RUNNING : RK_CLUSTER_STOPPED;
	if (status == 0 && read_pid(c, pid) < 0)
		*pid = 0;
	return 0;
}

static int start_server(struct rk_cluster *c, struct rk_error *err)
{
	const char *args[] = { "start", "-D", c->data, "-l", c->log, "-w",
			       "-t", "120", "-s", NULL };
	char tail[256];
	int status;

	if (make_dir(c, c->run, 0700, 1, err) < 0 ||
	    write_socket_conf(c, err) < 0 ||
	    tool(c, 0, &status, err, "pg_ctl", args) < 0)
		return -1;
	if (status == 0)
		return 0;
	log_tail(c, tail, sizeof(tail));
	rk_error_set(err, RK_EXIT_UNAVAILABLE, c->home, 0,
		     "cannot start the private cluster%s%s",
		     tail[0] ? ": " : "", tail);
	rk_error_hint(err, "see %s", c->log);
	return -1;
}

int rk_cluster_start(struct rk_cluster *c, int *started, struct rk_error *err)
{
	enum rk_cluster_state state;
	pid_t pid;
	int fd = -1, rc = -1;

	if (started)
		*started = 0;
	if (lock_home(c, &fd, err) < 0)
		goto out;
	if (!initialised(c) && init_cluster(c, err) < 0)
		goto out;
	if (rk_cluster_status(c, &state, &pid, err) < 0)
		goto out;
	if (state != RK_CLUSTER_RUNNING) {
		if (start_server(c, err) < 0 || ensure_database(c, err) < 0)
			goto out;
		if (started)
			*started = 1;
	}
	rc = 0;
out:
	unlock_home(fd);
	return rc;
}

int rk_cluster_stop(struct rk_cluster *c, int *stopped, struct rk_error *err)
{
	const char *args[] = { "stop", "-D", c->data, "-m", "fast", "-w",
			       "-t", "120", "-s", NULL };
	enum rk_cluster_state state;
	pid_t pid;
	int fd = -1, rc = -1, status;

	if (stopped)
		*stopped = 0;
	if (lock_home(c, &fd, err) < 0 ||
	    rk_cluster_status(c, &state, &pid, err) < 0)
		goto out;
	if (state == RK_CLUSTER_RUNNING) {
		if (tool(c, 0, &status, err, "pg_ctl", args) < 0)
			goto out;
		if (status != 0) {
			rk_error_set(err, RK_EXIT_UNAVAILABLE, c->home, 0,
				     "cannot stop the private cluster");
			rk_error_hint(err, "see %s", c->log);
			goto out;
		}
		if (stopped)
			*stopped = 1;
	}
	rc = 0;
out:
	unlock_home(fd);
	return rc;
}
