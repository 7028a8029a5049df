/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "runid.h"

#include <stdio.h>
#include <string.h>

static void line(struct rk_sha256 *s, const char *a, const char *b,
		 const char *c)
{
	/* fields end in NUL so that no two texts can run together */
	rk_sha256_update(s, a, strlen(a) + 1);
	rk_sha256_update(s, b ? b : "", strlen(b ? b : "") + 1);
	rk_sha256_update(s, c ? c : "", strlen(c ? c : "") + 1);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

void runid_compute(const struct manifest *m, char id[RUNID_LEN + 1])
{
	struct rk_sha256 s;
	unsigned char digest[32];
	char hex[RK_SHA256_HEX];

	rk_sha256_init(&s);
	line(&s, "reckon", m->version, NULL);
	line(&s, "config", m->config.sha256, NULL);
	for (size_t i = 0; i < m->ncodelists; i++)
		line(&s, "codelist", base_name(m->codelists[i].path),
		     m->codelists[i].sha256);
	for (size_t i = 0; i < m->ninputs; i++)
		line(&s, "input", m->inputs[i].source, m->inputs[i].sha256);
	line(&s, "mode", m->use_db ? "database" : "files", NULL);
	for (size_t i = 0; i < m->nonly; i++)
		line(&s, "only", m->only[i], NULL);
	if (m->source_date_epoch)
		line(&s, "source_date_epoch", m->source_date_epoch, NULL);
	if (m->as_of)
		line(&s, "as_of", m->as_of, NULL);
	rk_sha256_final(&s, digest);
	rk_sha256_hex(digest, hex);
	memcpy(id, hex, RUNID_LEN);
	id[RUNID_LEN] = '\0';
}
