/* SPDX-License-Identifier: GPL-3.0-or-later */
/* the library is built with DTD support: declares the amplification limits */
#define XML_DTD 1
#include "xmlzip.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#define CHUNK (256 * 1024)
#define MAX_ENTRIES 1000000

struct xmlzip {
	zip_t *zip;
	char *name;
	uint64_t total;          /* bytes inflated so far, all parts */
	zip_int64_t nentries;
};

struct xmlzip_part {
	struct xmlzip *z;
	zip_file_t *file;
	const char *name;
	long idx;
	uint64_t declared, got;
	FILE *spool;             /* a copy of what was read, or NULL */
	int spool_failed;        /* the copy is incomplete: do not use it */
	int from_spool;          /* reading the copy back */
};

static const char bomb_hint[] =
	"the file may be a zip bomb; if it is a genuine workbook, split it "
	"into smaller ones";

struct xmlzip *xmlzip_open(const char *path, const char *name,
			   struct rk_error *err)
{
	struct xmlzip *z = calloc(1, sizeof(*z));
	int zerr = 0;

	if (!z || !(z->name = strdup(name))) {
		free(z);
		rk_error_set(err, RK_EXIT_SOFTWARE, name, 0, "out of memory");
		return NULL;
	}
	z->zip = zip_open(path, ZIP_RDONLY, &zerr);
	if (!z->zip) {
		zip_error_t ze;

		zip_error_init_with_code(&ze, zerr);
		rk_error_set(err, RK_EXIT_DATAERR, name, 0,
			     "cannot read the zip container: %s",
			     zip_error_strerror(&ze));
		rk_error_hint(err, "the file is damaged or not a workbook");
		zip_error_fini(&ze);
		xmlzip_close(z);
		return NULL;
	}
	z->nentries = zip_get_num_entries(z->zip, 0);
	if (z->nentries > MAX_ENTRIES) {
		rk_error_set(err, RK_EXIT_DATAERR, name, 0,
			     "zip container holds %lld entries, over the cap of %d",
			     (long long)z->nentries, MAX_ENTRIES);
		rk_error_hint(err, "%s", bomb_hint);
		xmlzip_close(z);
		return NULL;
	}
	return z;
}

void xmlzip_close(struct xmlzip *z)
{
	if (!z)
		return;
	if (z->zip)
		zip_discard(z->zip);
	free(z->name);
	free(z);
}

const char *xmlzip_name(const struct xmlzip *z)
{
	return z->name;
}

/* Part names compare without case, with '\' as '/', ignoring a leading '/'. */
static int part_name_eq(const char *stored, const char *want)
{
	while (*stored == '/' || *stored == '\\')
		stored++;
	while (*want == '/')
		want++;
	for (;; stored++, want++) {
		int a = *stored == '\\' ? '/' : (unsigned char)*stored;
		int b = (unsigned char)*want;

		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if (a != b)
			return 0;
		if (!a)
			return 1;
	}
}

long xmlzip_find(const struct xmlzip *z, const char *part)
{
	zip_int64_t i = zip_name_locate(z->zip, part, 0);

	if (i >= 0)
		return (long)i;
	for (i = 0; i < z->nentries; i++) {
		const char *n = zip_get_name(z->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW);

		if (n && part_name_eq(n, part))
			return (long)i;
	}
	return -1;
}

static int check_declared(struct xmlzip *z, const char *part,
			  const zip_stat_t *st, struct rk_error *err)
{
	uint64_t size = st->valid & ZIP_STAT_SIZE ? st->size : 0;
	uint64_t comp = st->valid & ZIP_STAT_COMP_SIZE ? st->comp_size : 0;

	if (size > XMLZIP_PART_MAX || z->total + size > XMLZIP_TOTAL_MAX) {
		rk_error_set(err, RK_EXIT_DATAERR, z->name, 0,
			     "zip member '%s' inflates to %llu bytes, over the "
			     "cap of %llu", part, (unsigned long long)size,
			     (unsigned long long)(size > XMLZIP_PART_MAX
			     ? XMLZIP_PART_MAX : XMLZIP_TOTAL_MAX - z->total));
		rk_error_hint(err, "%s", bomb_hint);
		return -1;
	}
	if (size > XMLZIP_RATIO_FLOOR && size / XMLZIP_RATIO_MAX > comp) {
		rk_error_set(err, RK_EXIT_DATAERR, z->name, 0,
			     "zip member '%s' inflates %llu bytes to %llu, over "
			     "the compression ratio cap of %u", part,
			     (unsigned long long)comp, (unsigned long long)size,
			     XMLZIP_RATIO_MAX);
		rk_error_hint(err, "%s", bomb_hint);
		return -1;
	}
	return 0;
}

static void zip_fail(struct xmlzip *z, const char *part, zip_error_t *ze,
		     struct rk_error *err)
{
	int code = zip_error_code_zip(ze);

	if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD ||
	    code == ZIP_ER_ENCRNOTSUPP) {
		rk_error_set(err, RK_EXIT_DATAERR, z->name, 0,
			     "the workbook is password-protected ('%s' is "
			     "encrypted)", part);
		rk_error_hint(err, "save an unprotected copy and extract that");
		return;
	}
	rk_error_set(err, RK_EXIT_DATAERR, z->name, 0,
		     "cannot read zip member '%s': %s", part,
		     zip_error_strerror(ze));
	rk_error_hint(err, "the file is damaged; open it in Excel or "
			   "LibreOffice and save it again");
}

struct xmlzip_part *xmlzip_part_open(struct xmlzip *z, long idx,
				     struct rk_error *err)
{
	struct xmlzip_part *p;
	zip_stat_t st;
	const char *name = zip_get_name(z->zip, (zip_uint64_t)idx, ZIP_FL_ENC_RAW);

	if (!name)
		name = "?";
	zip_stat_init(&st);
	if (zip_stat_index(z->zip, (zip_uint64_t)idx, 0, &st) < 0) {
		zip_fail(z, name, zip_get_error(z->zip), err);
		return NULL;
	}
	if (check_declared(z, name, &st, err) < 0)
		return NULL;
	p = calloc(1, sizeof(*p));
	if (!p) {
		rk_error_set(err, RK_EXIT_SOFTWARE, z->name, 0, "out of memory");
		return NULL;
	}
	p->z = z;
	p->name = name;
	p->idx = idx;
	p->declared = st.valid & ZIP_STAT_SIZE ? st.size : 0;
	p->file = zip_fopen_index(z->zip, (zip_uint64_t)idx, 0);
	if (!p->file) {
		zip_fail(z, name, zip_get_error(z->zip), err);
		free(p);
		return NULL;
	}
	return p;
}

/* Reading the spool back: the caps were checked when it was written. */
static long read_spool(struct xmlzip_part *p, void *buf, size_t cap,
		       struct rk_error *err)
{
	size_t n = fread(buf, 1, cap, p->spool);

	if (n == 0 && ferror(p->spool)) {
		rk_error_set(err, RK_EXIT_IOERR, p->z->name, 0,
			     "cannot read back zip member '%s' from a "
			     "temporary file", p->name);
		return -1;
	}
	return (long)n;
}

long xmlzip_part_read(struct xmlzip_part *p, void *buf, size_t cap,
		      struct rk_error *err)
{
	zip_int64_t n;

	if (p->from_spool)
		return read_spool(p, buf, cap, err);
	n = zip_fread(p->file, buf, cap);
	if (n > 0 && p->spool && !p->spool_failed &&
	    fwrite(buf, 1, (size_t)n, p->spool) != (size_t)n)
		p->spool_failed = 1;
	if (n < 0) {
		zip_fail(p->z, p->name, zip_file_get_error(p->file), err);
		return -1;
	}
	p->got += (uint64_t)n;
	p->z->total += (uint64_t)n;
	if (p->got > p->declared) {
		rk_error_set(err, RK_EXIT_DATAERR, p->z->name, 0,
			     "zip member '%s' holds more than the %llu bytes "
			     "its directory entry declares", p->name,
			     (unsigned long long)p->declared);
		rk_error_hint(err, "the file is damaged; open it in Excel or "
				   "LibreOffice and save it again");
		return -1;
	}
	if (p->got > XMLZIP_PART_MAX || p->z->total > XMLZIP_TOTAL_MAX) {
		rk_error_set(err, RK_EXIT_DATAERR, p->z->name, 0,
			     "zip member '%s' inflates to more than the cap of "
			     "%llu bytes", p->name, (unsigned long long)
			     (p->got > XMLZIP_PART_MAX ? XMLZIP_PART_MAX
						       : XMLZIP_TOTAL_MAX));
		rk_error_hint(err, "%s", bomb_hint);
		return -1;
	}
	return (long)n;
}

int xmlzip_part_spool(struct xmlzip_part *p)
{
	if (p->got || p->from_spool || p->spool)
		return -1;
	p->spool = tmpfile();
	return p->spool ? 0 : -1;
}

int xmlzip_part_rewind(struct xmlzip_part *p, struct rk_error *err)
{
	char probe;

	/* the spool holds the whole part when the entry has nothing left */
	if (p->spool && !p->spool_failed && !p->from_spool &&
	    zip_fread(p->file, &probe, 1) == 0 && fflush(p->spool) == 0 &&
	    fseek(p->spool, 0, SEEK_SET) == 0) {
		p->from_spool = 1;
		return 0;
	}
	if (p->spool) {
		fclose(p->spool);
		p->spool = NULL;
	}
	p->from_spool = 0;
	zip_fclose(p->file);
	p->z->total -= p->got;
	p->got = 0;
	p->file = zip_fopen_index(p->z->zip, (zip_uint64_t)p->idx, 0);
	if (!p->file) {
		zip_fail(p->z, p->name, zip_get_error(p->z->zip), err);
		return -1;
	}
	return 0;
}

const char *xmlzip_part_name(const struct xmlzip_part *p)
{
	return p->name;
}

void xmlzip_part_close(struct xmlzip_part *p)
{
	if (!p)
		return;
	if (p->file)
		zip_fclose(p->file);
	if (p->spool)
		fclose(p->spool);
	free(p);
}

static void XMLCALL no_doctype(void *data, const XML_Char *name,
			       const XML_Char *sysid, const XML_Char *pubid,
			       int has_internal)
{
	struct xmlzip_user *u = data;

	(void)name, (void)sysid, (void)pubid, (void)has_internal;
	rk_error_set(u->err, RK_EXIT_DATAERR, NULL, 0,
		     "XML with a DOCTYPE declaration");
	rk_error_hint(u->err, "workbooks never declare one; the file is "
			      "damaged or crafted");
	XML_StopParser(u->parser, XML_FALSE);
}

int xmlzip_parser(struct xmlzip_user *u, struct rk_error *err)
{
	XML_Parser x = XML_ParserCreateNS("UTF-8", XMLZIP_NS_SEP);

	u->parser = x;
	u->err = err;
	if (!x) {
		rk_error_set(err, RK_EXIT_SOFTWARE, NULL, 0, "out of memory");
		return -1;
	}
	XML_SetUserData(x, u);
	XML_SetStartDoctypeDeclHandler(x, no_doctype);
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(x, 50.0f);
	XML_SetBillionLaughsAttackProtectionActivationThreshold(x, 1 << 20);
	return 0;
}

static int xml_fail(struct xmlzip_part *p, struct xmlzip_user *u)
{
	enum XML_Error code = XML_GetErrorCode(u->parser);

	if (code == XML_ERROR_ABORTED && u->err->code) {
		if (!u->err->file[0])
			snprintf(u->err->file, sizeof(u->err->file), "%s",
				 p->z->name);
		return -1;
	}
	if (code == XML_ERROR_NO_MEMORY) {
		rk_error_set(u->err, RK_EXIT_SOFTWARE, p->z->name, 0,
			     "out of memory parsing '%s'", p->name);
		return -1;
	}
	rk_error_set(u->err, RK_EXIT_DATAERR, p->z->name, 0,
		     "malformed XML in '%s' at line %lu, column %lu: %s",
		     p->name, (unsigned long)XML_GetCurrentLineNumber(u->parser),
		     (unsigned long)XML_GetCurrentColumnNumber(u->parser) + 1,
		     XML_ErrorString(code));
	rk_error_hint(u->err, "the file is damaged; open it in Excel or "
			      "LibreOffice and save it again");
	return -1;
}

int xmlzip_parse(struct xmlzip_part *p, struct xmlzip_user *u)
{
	XML_ParsingStatus st;
	enum XML_Status s;

	XML_GetParsingStatus(u->parser, &st);
	if (st.parsing == XML_FINISHED)
		return 0;
	if (st.parsing == XML_SUSPENDED) {
		s = XML_ResumeParser(u->parser);
		if (s == XML_STATUS_SUSPENDED)
			return 1;
		if (s == XML_STATUS_ERROR)
			return xml_fail(p, u);
		XML_GetParsingStatus(u->parser, &st);
		if (st.parsing == XML_FINISHED)
			return 0;
	}
	for (;;) {
		void *buf = XML_GetBuffer(u->parser, CHUNK);
		long n;

		if (!buf)
			return xml_fail(p, u);
		n = xmlzip_part_read(p, buf, CHUNK, u->err);
		if (n < 0)
			return -1;
		s = XML_ParseBuffer(u->parser, (int)n, n == 0);
		if (s == XML_STATUS_SUSPENDED)
			return 1;
		if (s == XML_STATUS_ERROR)
			return xml_fail(p, u);
		if (n == 0)
			return 0;
	}
}

void xmlzip_abort(struct xmlzip_user *u, const struct xmlzip *z,
		  const char *fmt, ...)
{
	va_list ap;
	char msg[sizeof(u->err->msg)];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	rk_error_set(u->err, RK_EXIT_DATAERR, z ? z->name : NULL, 0, "%s", msg);
	XML_StopParser(u->parser, XML_FALSE);
}

const char *xmlzip_local(const char *name, size_t *nslen)
{
	const char *sep = strrchr(name, XMLZIP_NS_SEP);

	if (!sep) {
		*nslen = 0;
		return name;
	}
	*nslen = (size_t)(sep - name);
	return sep + 1;
}

const char *xmlzip_attr(const char **atts, const char *local)
{
	for (; *atts; atts += 2) {
		size_t ns;

		if (strcmp(xmlzip_local(atts[0], &ns), local) == 0)
			return atts[1];
	}
	return NULL;
}
