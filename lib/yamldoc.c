/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "yamldoc.h"

#include <string.h>

yaml_node_t *yamldoc_node(yaml_document_t *d, int id)
{
	return d && id > 0 ? yaml_document_get_node(d, id) : NULL;
}

const char *yamldoc_scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE
		       ? (const char *)n->data.scalar.value : NULL;
}

int yamldoc_get(yaml_document_t *d, const yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return 0;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
	     p < map->data.mapping.pairs.top; p++) {
		const char *k = yamldoc_scalar(yamldoc_node(d, p->key));

		if (k && strcmp(k, key) == 0)
			return p->value;
	}
	return 0;
}

size_t yamldoc_count(const yaml_node_t *seq)
{
	if (!seq || seq->type != YAML_SEQUENCE_NODE)
		return 0;
	return (size_t)(seq->data.sequence.items.top -
			seq->data.sequence.items.start);
}

int yamldoc_item(const yaml_node_t *seq, size_t i)
{
	return i < yamldoc_count(seq) ? seq->data.sequence.items.start[i] : 0;
}
