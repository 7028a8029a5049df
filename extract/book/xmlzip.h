/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_XMLZIP_H
#define RECKON_XMLZIP_H

#include <expat.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/*
 * A zip package (xlsx, ods) read part by part, streaming, with caps against
 * hostile files: a part may not inflate beyond XMLZIP_PART_MAX bytes, the
 * parts read from one package together beyond XMLZIP_TOTAL_MAX, and a large
 * part not beyond XMLZIP_RATIO_MAX times its compressed size.  The caps are
 * checked against the sizes the zip directory declares and again against
 * the bytes actually inflated.  XML goes through expat with namespace
 * processing (names arrive as "URI" XMLZIP_NS_SEP "local"), entity
 * amplification protection, and no DOCTYPE: neither OOXML nor ODF has one.
 */

#define XMLZIP_NS_SEP '\001'
#define XMLZIP_PART_MAX ((uint64_t)2 << 30)
#define XMLZIP_TOTAL_MAX ((uint64_t)8 << 30)
#define XMLZIP_RATIO_MAX 500u
#define XMLZIP_RATIO_FLOOR ((uint64_t)16 << 20)  /* ratio applies above this */

struct xmlzip;
struct xmlzip_part;

/*
 * Opens the zip at path; name is how errors call it.  Returns NULL with err
 * set (RK_EXIT_DATAERR: not a readable zip).
 */
struct xmlzip *xmlzip_open(const char *path, const char *name,
			   struct rk_error *err);

/* Frees; accepts NULL.  Close every part first. */
void xmlzip_close(struct xmlzip *z);

/* The name errors use; valid while z lives. */
const char *xmlzip_name(const struct xmlzip *z);

/*
 * The entry holding part (OPC part names are case-insensitive; a stored
 * name with '\' for '/' or a leading '/' matches too), or -1.
 */
long xmlzip_find(const struct xmlzip *z, const char *part);

/* Opens entry idx for reading.  Returns NULL with err set. */
struct xmlzip_part *xmlzip_part_open(struct xmlzip *z, long idx,
				     struct rk_error *err);

/*
 * Reads up to cap inflated bytes into buf.  Returns the count, 0 at the end
 * of the part, -1 with err set (damaged entry, or a cap breached).
 */
long xmlzip_part_read(struct xmlzip_part *p, void *buf, size_t cap,
		      struct rk_error *err);

/*
 * Keeps a copy of every byte read from now on in an unlinked temporary
 * file, so that xmlzip_part_rewind can read the part again without
 * inflating it twice.  Returns 0, or -1 when no temporary file can be made
 * (the rewind then inflates again).
 */
int xmlzip_part_spool(struct xmlzip_part *p);

/*
 * Starts the part again from its first byte: from the spool when the whole
 * part went into it, else by reopening the entry.  Returns 0, or -1 with
 * err set.
 */
int xmlzip_part_rewind(struct xmlzip_part *p, struct rk_error *err);

/* The part's name as stored; valid while p is open. */
const char *xmlzip_part_name(const struct xmlzip_part *p);

/* Closes; accepts NULL. */
void xmlzip_part_close(struct xmlzip_part *p);

/*
 * What every parser's userData starts with, so that any handler can stop
 * the parser and say why.
 */
struct xmlzip_user {
	XML_Parser parser;
	struct rk_error *err;
};

/*
 * Creates a namespace-aware expat parser set up as above, with userData u
 * (a struct that starts with struct xmlzip_user), into u->parser.  err is
 * where handlers and xmlzip_parse report.  Returns -1 when out of memory.
 * Free it with XML_ParserFree(u->parser).
 */
int xmlzip_parser(struct xmlzip_user *u, struct rk_error *err);

/*
 * Feeds part p to u's parser until the part ends or a handler suspends the
 * parser (XML_StopParser(parser, XML_TRUE)); a later call resumes it.
 * Returns 1 when suspended, 0 at the end of the part, -1 with u->err set.
 * A handler that aborts (XML_StopParser(parser, XML_FALSE)) sets u->err
 * first (xmlzip_abort); otherwise the error says where the XML is malformed.
 */
int xmlzip_parse(struct xmlzip_part *p, struct xmlzip_user *u);

/*
 * For handlers: sets u->err (printf-style, RK_EXIT_DATAERR, naming the
 * package) and aborts the parse.
 */
void xmlzip_abort(struct xmlzip_user *u, const struct xmlzip *z,
		  const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * Splits an expat name into its namespace (length *nslen, 0 when none)
 * and returns the local name.
 */
const char *xmlzip_local(const char *name, size_t *nslen);

/* The value of attribute local (without namespace) in atts, or NULL. */
const char *xmlzip_attr(const char **atts, const char *local);

#endif
