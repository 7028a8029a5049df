/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "read_tidy.h"

#include <stdlib.h>
#include <string.h>

#include "tidy.h"

/* Where each of the file's dimension columns goes in s. */
static size_t *map_dims(struct obs_set *s, struct tidy_reader *r,
			size_t *nfile, struct rk_error *err)
{
	char *const *names = tidy_reader_dims(r, nfile);
	size_t *to = malloc((*nfile + 1) * sizeof(*to));

	for (size_t i = 0; to && i < *nfile; i++) {
		if ((to[i] = obs_set_dim(s, names[i])) == (size_t)-1) {
			free(to);
			to = NULL;
		}
	}
	if (!to)
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
	return to;
}

int compare_read_tidy(struct obs_set *s, const char *path,
		      struct rk_error *err)
{
	struct tidy_reader *r = tidy_reader_open(path, err);
	const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
	struct tidy_row row;
	size_t nfile = 0, *to = NULL;
	const char **dim = NULL;
	int rc = -1, got;

	if (!r) {
		if (err->code == RK_EXIT_NOINPUT && !err->hint[0])
			rk_error_hint(err, "check the path of the tidy file");
		goto out;
	}
	if ((to = map_dims(s, r, &nfile, err)) == NULL)
		goto out;
	dim = calloc(s->ndims + 1, sizeof(*dim));
	if (!dim) {
		rk_error_set(err, RK_EXIT_SOFTWARE, path, 0, "out of memory");
		goto out;
	}
	while ((got = tidy_reader_next(r, &row, err)) == 1) {
		struct obs_input in = {
			row.source, row.indicator, row.period, dim, row.value,
			row.status, name, row.line
		};

		for (size_t i = 0; i < nfile; i++)
			dim[to[i]] = row.dim[i];
		if (obs_set_add(s, &in, err) < 0)
			goto out;
	}
	rc = got;
out:
	free(dim);
	free(to);
	tidy_reader_close(r);
	return rc;
}
