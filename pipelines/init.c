/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "init.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "outfile.h"
#include "rundir.h"

static const char config_text[] =
	"# The %s pipeline.  Paths are relative to this file.\n"
	"# Keys: see \"Pipeline config\" in reckon's README.\n"
	"pipeline: %s\n"
	"title:\n"
	"  en: \"TITLE IN ENGLISH\"\n"
	"  ru: \"НАЗВАНИЕ ПО-РУССКИ\"\n"
	"period: {from: 2024-Q1, to: 2024-Q4, grain: quarter}\n"
	"dimensions: [region, sex]\n"
	"codelists:\n"
	"  dir: codelists                # region.csv, sex.csv, indicator.csv\n"
	"  strip: {region: [\"г.\", \"ш.\", \"обл.\", \"область\", \"вилояти\"]}\n"
	"  unmapped: {region: fail, sex: warn}\n"
	"sources:\n"
	"  # One entry per file.  'reckon-extract --cells data/FILE' shows\n"
	"  # every cell with its address: read the layout off it.\n"
	"  - id: state\n"
	"    name: {en: \"STATE BODY\", ru: \"ГОСУДАРСТВЕННЫЙ ОРГАН\"}\n"
	"    kind: government             # government | nhri | civil_society |"
	" international | other\n"
	"    file: data/state.xlsx\n"
	"    layout:\n"
	"      sheet: \"1\"\n"
	"      header_rows: 1\n"
	"      fields: {region: A}\n"
	"      values: B:E\n"
	"      value_headers: [period]\n"
	"      skip_rows: \"^(Итого|Всего|Total)\"\n"
	"      sentinels: {\"-\": 0, \"н/д\": missing}\n"
	"    constants: {indicator: torture_complaints}\n"
	"  - id: ngo\n"
	"    name: {en: \"CIVIL SOCIETY\", ru: \"ГРАЖДАНСКОЕ ОБЩЕСТВО\"}\n"
	"    kind: civil_society\n"
	"    file: data/ngo.csv\n"
	"    layout:\n"
	"      fields: {region: \"Регион\", sex: \"Пол\", period: \"Квартал\"}\n"
	"      values: \"Количество\"\n"
	"    constants: {indicator: torture_complaints}\n"
	"rules:\n"
	"  - {check: non_negative, severity: error}\n"
	"compare:\n"
	"  - {indicator: torture_complaints, reference: state, against: [ngo]}\n"
	"report: {output: brief.xlsx, languages: [en, ru], suppress_below: 5}\n";

static const char readme_text[] =
	"# %s\n"
	"\n"
	"A reckon pipeline.  What to do next:\n"
	"\n"
	"1. Put the source files in `data/` and name each in `pipeline.yaml`\n"
	"   (`sources:`).  `reckon-extract --cells data/FILE` shows every cell\n"
	"   of a file with its address; describe where the numbers are in the\n"
	"   source's `layout:`, then check it with\n"
	"   `reckon-extract --config pipeline.yaml --source ID`.\n"
	"2. Fill the code lists in `codelists/` (`code,label_en,label_ru,"
	"label_tg,aliases`,\n"
	"   aliases separated by `|`).  Labels that match no code are listed in\n"
	"   the run's `unmapped.csv` with suggestions, ready to paste as "
	"aliases.\n"
	"3. `reckon run pipeline.yaml --dry-run` checks the inputs and shows the\n"
	"   plan; `reckon run pipeline.yaml` writes `runs/%s/RUNID/`\n"
	"   with the brief; `reckon verify runs/%s/RUNID` proves a rerun\n"
	"   gives the same bytes.\n"
	"\n"
	"Describe the sources here: who publishes each file, where it was\n"
	"downloaded, and when.\n";

static const char codelist_header[] = "code,label_en,label_ru,label_tg,aliases\n";

static int check_empty(const char *dir, struct rk_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int used = 0;

	if (!d)
		return errno == ENOENT ? 0 :
		       rk_error_set(err, RK_EXIT_CANTCREAT, dir, 0,
				    "cannot use the directory: %s",
				    strerror(errno));
	while ((e = readdir(d)) != NULL)
		used |= strcmp(e->d_name, ".") != 0 &&
			strcmp(e->d_name, "..") != 0;
	closedir(d);
	if (!used)
		return 0;
	rk_error_set(err, RK_EXIT_USAGE, dir, 0, "the directory is not empty");
	rk_error_hint(err, "give a new directory: nothing is overwritten");
	return -1;
}

static int write_text(const char *dir, const char *name, const char *text,
		      struct rk_error *err)
{
	char path[4096];
	struct rk_out out;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (rk_out_open(&out, path, err) < 0)
		return -1;
	fputs(text, out.f);
	if (rk_out_commit(&out, err) < 0) {
		rk_out_abort(&out);
		return -1;
	}
	return 0;
}

/* The pipeline name: DIR's last component. */
static void name_of(const char *dir, char *name, size_t n)
{
	size_t len = strlen(dir);
	const char *end, *start;

	while (len > 1 && dir[len - 1] == '/')
		len--;
	end = dir + len;
	start = end;
	while (start > dir && start[-1] != '/')
		start--;
	snprintf(name, n, "%.*s", (int)(end - start), start);
}

int init_pipeline(const char *dir, struct rk_error *err)
{
	static const char *const lists[] = { "region.csv", "sex.csv",
					     "indicator.csv" };
	char name[256], sub[4096], text[8192];

	name_of(dir, name, sizeof(name));
	if (!name[0] || name[0] == '.') {
		rk_error_set(err, RK_EXIT_USAGE, dir, 0,
			     "cannot name a pipeline after this directory");
		rk_error_hint(err, "give a directory like pipelines/kg-prisons");
		return -1;
	}
	if (check_empty(dir, err) < 0 || rundir_mkdirs(dir, err) < 0)
		return -1;
	snprintf(sub, sizeof(sub), "%s/codelists", dir);
	if (rundir_mkdirs(sub, err) < 0)
		return -1;
	snprintf(sub, sizeof(sub), "%s/data", dir);
	if (rundir_mkdirs(sub, err) < 0)
		return -1;
	snprintf(sub, sizeof(sub), "%s/codelists", dir);
	for (size_t i = 0; i < sizeof(lists) / sizeof(*lists); i++)
		if (write_text(sub, lists[i], codelist_header, err) < 0)
			return -1;
	snprintf(text, sizeof(text), config_text, name, name);
	if (write_text(dir, "pipeline.yaml", text, err) < 0)
		return -1;
	snprintf(text, sizeof(text), readme_text, name, name, name);
	return write_text(dir, "README.md", text, err);
}
