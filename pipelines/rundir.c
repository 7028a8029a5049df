/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _XOPEN_SOURCE 700
#include "rundir.h"
#include "path.h"

#include <errno.h>
#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* path with suffix appended (NULL: as it is); path is consumed. */
static char *with_suffix(char *path, const char *suffix)
{
	size_t n = path ? strlen(path) : 0;
	char *p;

	if (!path || !suffix)
		return path;
	p = realloc(path, n + strlen(suffix) + 1);
	if (!p) {
		free(path);
		return NULL;
	}
	strcpy(p + n, suffix);
	return p;
}

int rundir_mkdirs(const char *path, struct rk_error *err)
{
	char *p = strdup(path);
	int rc = 0;

	if (!p)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;

		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			rc = rk_error_set(err, RK_EXIT_CANTCREAT, p, 0,
					  "cannot create the directory: %s",
					  strerror(errno));
			break;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int rundir_remove_tree(const char *path)
{
	return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int mksub(const char *dir, const char *name, struct rk_error *err)
{
	char *p = rk_path_join(dir, name);
	int rc = 0;

	if (!p || mkdir(p, 0777) != 0)
		rc = rk_error_set(err, RK_EXIT_CANTCREAT, p ? p : dir, 0,
				  "cannot create the directory: %s",
				  p ? strerror(errno) : "out of memory");
	free(p);
	return rc;
}

int rundir_create(struct rundir *d, const char *out, const char *pipeline,
		  const char *run_id, struct rk_error *err)
{
	char name[128];

	memset(d, 0, sizeof(*d));
	snprintf(name, sizeof(name), ".%s.tmp.XXXXXX", run_id);
	d->parent = rk_path_join(out, pipeline);
	d->final = d->parent ? rk_path_join(d->parent, run_id) : NULL;
	d->tmp = d->parent ? rk_path_join(d->parent, name) : NULL;
	if (!d->parent || !d->final || !d->tmp) {
		rundir_release(d);
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	}
	if (rundir_mkdirs(d->parent, err) < 0)
		goto fail;
	if (!mkdtemp(d->tmp)) {
		rk_error_set(err, RK_EXIT_CANTCREAT, d->parent, 0,
			     "cannot create the run directory: %s",
			     strerror(errno));
		free(d->tmp);
		d->tmp = NULL;
		goto fail;
	}
	if (mksub(d->tmp, "raw", err) < 0 || mksub(d->tmp, "results", err) < 0)
		goto fail;
	return 0;
fail:
	rundir_release(d);
	return -1;
}

int rundir_set_id(struct rundir *d, const char *run_id, struct rk_error *err)
{
	char *final = rk_path_join(d->parent, run_id);

	if (!final)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	free(d->final);
	d->final = final;
	return 0;
}

/* Moves an existing target out of the way; *old is where it went. */
static int set_aside(const struct rundir *d, const char *target, char **old,
		     struct rk_error *err)
{
	struct stat st;
	char *holder, *moved;

	*old = NULL;
	if (lstat(target, &st) != 0)
		return 0;
	holder = rk_path_join(d->parent, ".old.XXXXXX");
	if (!holder || !mkdtemp(holder)) {
		free(holder);
		return rk_error_set(err, RK_EXIT_IOERR, d->parent, 0,
				    "cannot replace the earlier run: %s",
				    strerror(errno));
	}
	moved = rk_path_join(holder, "run");
	if (!moved || rename(target, moved) != 0) {
		rmdir(holder);
		free(moved);
		free(holder);
		return rk_error_set(err, RK_EXIT_IOERR, target, 0,
				    "cannot replace the earlier run: %s",
				    strerror(errno));
	}
	free(moved);
	*old = holder;
	return 0;
}

/* Undoes set_aside after a failed rename; old is then empty. */
static void put_back(const char *old, const char *target)
{
	char *moved = rk_path_join(old, "run");

	if (moved)
		rename(moved, target);
	free(moved);
}

int rundir_commit(struct rundir *d, const char *suffix, int *replaced,
		  struct rk_error *err)
{
	char *target = with_suffix(rk_path_join(d->parent,
						strrchr(d->final, '/') + 1),
				   suffix);
	char *old = NULL;
	int rc = -1;

	if (replaced)
		*replaced = 0;
	if (!target)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	if (set_aside(d, target, &old, err) < 0)
		goto out;
	if (rename(d->tmp, target) != 0) {
		rk_error_set(err, RK_EXIT_IOERR, target, 0,
			     "cannot move the run into place: %s",
			     strerror(errno));
		if (old)
			put_back(old, target);
		goto out;
	}
	free(d->tmp);
	d->tmp = NULL;
	if (replaced)
		*replaced = old != NULL;
	rc = 0;
out:
	if (old)
		rundir_remove_tree(old);
	free(old);
	free(target);
	return rc;
}

void rundir_release(struct rundir *d)
{
	if (d->tmp)
		rundir_remove_tree(d->tmp);
	free(d->parent);
	free(d->final);
	free(d->tmp);
	memset(d, 0, sizeof(*d));
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Fails the listing at path, naming it; returns -1. */
static int unreadable(const char *path, struct rk_error *err)
{
	int e = errno;

	if (!path)
		return rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0,
				    "out of memory");
	return rk_error_set(err, RK_EXIT_NOINPUT, path, 0, "cannot read: %s",
			    strerror(e));
}

static int add_name(char ***v, size_t *n, char *name)
{
	char **nv = realloc(*v, (*n + 1) * sizeof(*nv));

	if (!nv)
		return -1;
	*v = nv;
	nv[(*n)++] = name;
	return 0;
}

static int list_under(const char *dir, const char *rel, char ***v, size_t *n,
		      struct rk_error *err)
{
	char *p = rel[0] ? rk_path_join(dir, rel) : strdup(dir);
	DIR *d = p ? opendir(p) : NULL;
	struct dirent *e;
	int rc = d ? 0 : unreadable(p, err);

	while (rc == 0 && d && (errno = 0, e = readdir(d)) != NULL) {
		char *name, *full;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		name = rel[0] ? rk_path_join(rel, e->d_name) : strdup(e->d_name);
		full = name ? rk_path_join(dir, name) : NULL;
		if (!full || lstat(full, &st) != 0) {
			rc = unreadable(full, err);
		} else if (S_ISDIR(st.st_mode)) {
			rc = list_under(dir, name, v, n, err);
		} else if (add_name(v, n, name) == 0) {
			name = NULL;
		} else {
			rc = unreadable(NULL, err);
		}
		free(full);
		free(name);
	}
	if (rc == 0 && d && errno != 0)
		rc = unreadable(p, err);
	if (d)
		closedir(d);
	free(p);
	return rc;
}

int rundir_list(const char *dir, char ***v, size_t *n, struct rk_error *err)
{
	*v = NULL;
	*n = 0;
	if (list_under(dir, "", v, n, err) < 0) {
		rundir_list_free(*v, *n);
		*v = NULL;
		*n = 0;
		return -1;
	}
	if (*n > 1)
		qsort(*v, *n, sizeof(**v), by_name);
	return 0;
}

void rundir_list_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
