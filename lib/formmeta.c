/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "formmeta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "path.h"

const char *const form_statuses[] = { "missing", "suppressed", NULL };

struct word {
	const char *status, *en, *ru, *tg;
};

static const struct word words[] = {
	{ "missing", "no data", "нет данных", "маълумот нест" },
	{ "suppressed", "withheld", "скрыто", "пинҳон" },
};

const char *form_status_word(const char *status, const char *lang)
{
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (strcmp(words[i].status, status) == 0)
			return strcmp(lang, "ru") == 0 ? words[i].ru
			       : strcmp(lang, "tg") == 0 ? words[i].tg
			       : words[i].en;
	return NULL;
}

int form_codelists_hash(const struct rk_config *c, char *const *names,
			size_t n, char hex[RK_SHA256_HEX],
			struct rk_error *err)
{
	struct rk_sha256 h;
	unsigned char d[32];

	rk_sha256_init(&h);
	for (size_t i = 0; i < n; i++) {
		char file[RK_SHA256_HEX] = "-", *name = NULL, *path = NULL;

		if (c->codelists_dir &&
		    (!(name = malloc(strlen(names[i]) + 5)) ||
		     (sprintf(name, "%s.csv", names[i]),
		      !(path = rk_path_join(c->codelists_dir, name))))) {
			free(name);
			return rk_error_oom(err);
		}
		if (path && access(path, F_OK) == 0 &&
		    rk_sha256_file(path, file, NULL, err) < 0) {
			free(name);
			free(path);
			return -1;
		}
		free(name);
		free(path);
		rk_sha256_update(&h, names[i], strlen(names[i]) + 1);
		rk_sha256_update(&h, file, strlen(file) + 1);
	}
	rk_sha256_final(&h, d);
	rk_sha256_hex(d, hex);
	return 0;
}
