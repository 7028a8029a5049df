/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Open addressing with linear probing; keys in an arena of blocks. */

#define BLOCK_SIZE (64u * 1024)

struct slot {
	uint64_t hash;          /* 0: empty */
	const char *key;
	size_t len;
	size_t value;
};

struct block {
	struct block *next;
	size_t used, cap;
	char data[];
};

struct rk_map {
	struct slot *slots;
	size_t cap;             /* a power of two */
	size_t count;
	struct block *blocks;
};

/*
 * Eight bytes at a time, multiply and fold (keys are short labels); 0 is
 * kept for empty slots.  Only the layout in memory depends on it: nothing
 * is ever written in hash order.
 */
static uint64_t hash_of(const void *key, size_t len)
{
	const unsigned char *p = key;
	uint64_t h = 0x9E3779B97F4A7C15ull ^ (len * 0xff51afd7ed558ccdull);
	uint64_t w;

	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	w = 0;
	for (size_t i = 0; i < len; i++)   /* no memcpy call for the tail */
		w |= (uint64_t)p[i] << (8 * i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 29;
	h *= 0x9E3779B97F4A7C15ull;
	h ^= h >> 32;
	return h ? h : 1;
}

struct rk_map *rk_map_new(void)
{
	struct rk_map *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->cap = 64;
	m->slots = calloc(m->cap, sizeof(*m->slots));
	if (!m->slots) {
		free(m);
		return NULL;
	}
	return m;
}

static struct slot *find(const struct rk_map *m, uint64_t h, const void *key,
			 size_t len)
{
	size_t mask = m->cap - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		struct slot *s = &m->slots[i];

		if (!s->hash || (s->hash == h && s->len == len &&
				 memcmp(s->key, key, len) == 0))
			return s;
	}
}

int rk_map_get(const struct rk_map *m, const void *key, size_t len,
	       size_t *value)
{
	const struct slot *s = find(m, hash_of(key, len), key, len);

	if (!s->hash)
		return 0;
	if (value)
		*value = s->value;
	return 1;
}

static int grow(struct rk_map *m)
{
	size_t cap = m->cap * 2;
	struct slot *old = m->slots, *slots = calloc(cap, sizeof(*slots));

	if (!slots)
		return -1;
	m->slots = slots;
	m->cap = cap;
	for (size_t i = 0; i < cap / 2; i++)
		if (old[i].hash)
			*find(m, old[i].hash, old[i].key, old[i].len) = old[i];
	free(old);
	return 0;
}

static const char *keep(struct rk_map *m, const void *key, size_t len)
{
	struct block *b = m->blocks;
	char *p;

	if (!b || b->cap - b->used < len + 1) {
		size_t cap = len + 1 > BLOCK_SIZE ? len + 1 : BLOCK_SIZE;

		b = malloc(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->used = 0;
		b->cap = cap;
		b->next = m->blocks;
		m->blocks = b;
	}
	p = b->data + b->used;
	memcpy(p, key, len);
	p[len] = '\0';
	b->used += len + 1;
	return p;
}

int rk_map_put(struct rk_map *m, const void *key, size_t len, size_t value,
	       size_t *old, const char **stored)
{
	uint64_t h = hash_of(key, len);
	struct slot *s = find(m, h, key, len);

	if (s->hash) {
		if (old)
			*old = s->value;
		if (stored)
			*stored = s->key;
		return 0;
	}
	if ((m->count + 1) * 4 > m->cap * 3) {
		if (grow(m) < 0)
			return -1;
		s = find(m, h, key, len);
	}
	s->key = keep(m, key, len);
	if (!s->key)
		return -1;
	s->hash = h;
	s->len = len;
	s->value = value;
	m->count++;
	if (stored)
		*stored = s->key;
	return 1;
}

size_t rk_map_count(const struct rk_map *m)
{
	return m->count;
}

void rk_map_free(struct rk_map *m)
{
	struct block *b, *next;

	if (!m)
		return;
	for (b = m->blocks; b; b = next) {
		next = b->next;
		free(b);
	}
	free(m->slots);
	free(m);
}
