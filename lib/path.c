/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "path.h"

#include <stdlib.h>
#include <string.h>

char *rk_path_join_n(const char *dir, size_t ndir, const char *name)
{
	size_t nname = strlen(name);
	int slash = ndir == 0 || dir[ndir - 1] != '/';
	char *p = malloc(ndir + (size_t)slash + nname + 1);

	if (!p)
		return NULL;
	memcpy(p, dir, ndir);
	if (slash)
		p[ndir] = '/';
	memcpy(p + ndir + slash, name, nname + 1);
	return p;
}

char *rk_path_join(const char *dir, const char *name)
{
	return rk_path_join_n(dir, strlen(dir), name);
}
