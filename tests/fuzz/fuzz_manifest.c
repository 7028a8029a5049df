/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What `reckon verify` reads from a run directory it did not necessarily
 * write: manifest.json on arbitrary bytes, through the reader and the
 * tree comparison, against itself and against a fixed manifest.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jsondoc.h"
#include "manifest.h"

static const char fixed[] =
	"{\"reckon\": \"0.1.0\", \"pipeline\": \"p\", \"run_id\": \"0123\","
	" \"mode\": \"files\", \"only\": [\"a\"], \"config\": {\"path\": \"p.yaml\","
	" \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\","
	" \"size\": 0}, \"timings\": {\"total\": 1.5}}\n";

static void put(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], other[64], where[256];
	struct manifest m;
	struct rk_error err = { 0 };
	struct jsondoc *a, *b;

	snprintf(path, sizeof(path), "/tmp/fuzz_manifest.%d", (int)getpid());
	snprintf(other, sizeof(other), "/tmp/fuzz_manifest_fixed.%d", (int)getpid());
	put(path, data, size);
	put(other, (const uint8_t *)fixed, sizeof(fixed) - 1);
	if (manifest_read(&m, path, &err) == 0)
		manifest_release(&m);
	a = jsondoc_load(path, &err);
	b = jsondoc_load(other, &err);
	if (a && b) {
		/* a document equals itself, unless too big to walk */
		if (jsondoc_diff(a, a, "timings", where, sizeof(where)) != 0 &&
		    !strstr(where, "too large or too deep"))
			abort();
		jsondoc_diff(a, b, "timings", where, sizeof(where));
		jsondoc_diff(b, a, NULL, where, sizeof(where));
	}
	jsondoc_free(a);
	jsondoc_free(b);
	unlink(path);
	unlink(other);
	return 0;
}
