/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef RECKON_YAMLDOC_H
#define RECKON_YAMLDOC_H

#include <stddef.h>

#include <yaml.h>

/*
 * The walk over a libyaml document tree that the config (YAML) and the
 * manifest (JSON, which is YAML) both need: one set of helpers.  Nodes are
 * libyaml ids (1-based; 0 is none) or pointers into d, borrowed while d
 * lives.
 */

/* The node of id, or NULL for 0 or an id d does not have. */
yaml_node_t *yamldoc_node(yaml_document_t *d, int id);

/*
 * The id of the value under key in mapping map (a scalar key); 0 when
 * there is none or map is NULL or not a mapping.
 */
int yamldoc_get(yaml_document_t *d, const yaml_node_t *map, const char *key);

/* Items of a sequence (0 for anything else), and the id of item i (0). */
size_t yamldoc_count(const yaml_node_t *seq);
int yamldoc_item(const yaml_node_t *seq, size_t i);

/* A scalar's text; NULL for NULL or a container. */
const char *yamldoc_scalar(const yaml_node_t *n);

#endif
