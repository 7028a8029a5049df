/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_XMLSCAN_H
#define RECKON_XMLSCAN_H

#include <stddef.h>

#include "error.h"
#include "xmlzip.h"

/*
 * A pull scanner for the XML parts that must be fast: a worksheet, which
 * may hold millions of cells (expat alone, with no handlers, takes longer
 * over a 100k-row sheet than the whole extraction may), and the shared
 * strings.  It reads UTF-8
 * XML from a zip part in large chunks and hands out start tags, end tags
 * and text, with namespace prefixes resolved against a list of URIs the
 * caller cares about.  It checks what a reader needs: tags nest and match,
 * attributes are quoted, references are the five predefined entities or
 * character references to XML characters, and text it hands out is valid
 * UTF-8 without C0 controls.  A DOCTYPE (and so any entity declaration) is
 * refused.  It does not validate names or text it skips.
 */

#define XMLSCAN_MAX_TAG ((size_t)16 << 20)   /* bytes in one tag or text run */
#define XMLSCAN_MAX_DEPTH 256
#define XMLSCAN_MAX_ATTS 64

enum xmlscan_kind { XS_START, XS_END, XS_TEXT };

struct xmlscan_tok {
	enum xmlscan_kind kind;
	int ns;              /* START/END: 1 + index in the URI list, 0 other */
	const char *local;   /* START/END: the local name, NUL-terminated */
	const char **atts;   /* START: name, value pairs, NULL-ended; names as
				written (prefix included), values decoded */
	const char *text;    /* TEXT: decoded, NUL-terminated (may hold none) */
	size_t len;
};

struct xmlscan;

/*
 * Scans part (borrowed) of package z.  uris: the namespaces reported by
 * number (NULL-ended, borrowed).  Returns NULL with err set.
 */
struct xmlscan *xmlscan_open(struct xmlzip *z, struct xmlzip_part *part,
			     const char *const *uris, struct rk_error *err);

/*
 * The next token; borrowed until the next call.  A self-closing tag gives
 * START then END.  Returns 1, 0 at the end of the document, -1 with err set.
 */
int xmlscan_next(struct xmlscan *x, struct xmlscan_tok *t, struct rk_error *err);

/* Frees; accepts NULL. */
void xmlscan_close(struct xmlscan *x);

#endif
