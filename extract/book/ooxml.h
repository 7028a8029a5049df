/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_OOXML_H
#define RECKON_OOXML_H

#include <stddef.h>

/*
 * Namespaces of SpreadsheetML, Transitional and Strict (ISO/IEC 29500),
 * as expat reports them through xmlzip (namespace, XMLZIP_NS_SEP, local).
 */

enum ooxml_ns {
	OOXML_NS_OTHER = 0,
	OOXML_NS_MAIN,      /* spreadsheetml main */
	OOXML_NS_REL,       /* officeDocument relationships (r:id) */
	OOXML_NS_PKG_REL    /* package relationships (.rels files) */
};

/* The namespace of an expat name and its local part. */
enum ooxml_ns ooxml_name(const char *name, const char **local);

/* The r:id-style attribute local in the relationships namespace, or NULL. */
const char *ooxml_rel_attr(const char **atts, const char *local);

#endif
