/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ooxml.h"

#include <string.h>

#include "xmlzip.h"

struct ns_uri {
	const char *uri;
	size_t len;
	enum ooxml_ns ns;
};

#define NS(s, n) { s, sizeof(s) - 1, n }
static const struct ns_uri uris[] = {
	NS("http://schemas.openxmlformats.org/spreadsheetml/2006/main", OOXML_NS_MAIN),
	NS("http://purl.oclc.org/ooxml/spreadsheetml/main", OOXML_NS_MAIN),
	NS("http://schemas.openxmlformats.org/officeDocument/2006/relationships", OOXML_NS_REL),
	NS("http://purl.oclc.org/ooxml/officeDocument/relationships", OOXML_NS_REL),
	NS("http://schemas.openxmlformats.org/package/2006/relationships", OOXML_NS_PKG_REL),
};

enum ooxml_ns ooxml_name(const char *name, const char **local)
{
	size_t nslen;

	*local = xmlzip_local(name, &nslen);
	for (size_t i = 0; i < sizeof(uris) / sizeof(uris[0]); i++)
		if (nslen == uris[i].len && memcmp(name, uris[i].uri, nslen) == 0)
			return uris[i].ns;
	return OOXML_NS_OTHER;
}

const char *ooxml_rel_attr(const char **atts, const char *local)
{
	for (; *atts; atts += 2) {
		const char *l;

		if (ooxml_name(atts[0], &l) == OOXML_NS_REL && strcmp(l, local) == 0)
			return atts[1];
	}
	return NULL;
}
