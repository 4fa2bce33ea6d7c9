/*
 * strmap.h - string -> index hash map (open addressing), for respondent ids
 * and group levels.  Keys are borrowed: they must outlive the map.  Values
 * are below UINT32_MAX (a put of a larger one fails).
 *
 * Each key is hashed once: its 32-bit hash is stored in its slot, so growing
 * the map never hashes again and a probe compares strings only when the
 * hashes are equal.  A slot is 16 bytes (a million ids: 32 MB at most half full).
 */
#ifndef COPSOQ_STRMAP_H
#define COPSOQ_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *key; /* NULL: empty slot */
    uint32_t hash;   /* the key's hash (its low bits pick the slot) */
    uint32_t val;    /* values are below UINT32_MAX: 16 bytes a slot */
} cq_strmap_slot;

typedef struct {
    cq_strmap_slot *slots;
    size_t cap, len;
} cq_strmap;

/* A zeroed map is empty and ready. */
void cq_strmap_free(cq_strmap *m);
/* Starts loading the slot where key's search will begin (a big map's slots
 * are a cache miss each): call it some work ahead of the look-up. */
void cq_strmap_prefetch(const cq_strmap *m, const char *key);
/* Value of key, or (size_t)-1. */
size_t cq_strmap_get(const cq_strmap *m, const char *key);
/* Inserts key -> val; returns 0, or -1 when out of memory (or val >= UINT32_MAX).
 * key must not be present. */
int cq_strmap_put(cq_strmap *m, const char *key, size_t val);
/* The value of key when present (*found = 1); otherwise inserts key -> val
 * and returns val (*found = 0).  One hash and one probe sequence for both.
 * Returns (size_t)-1 when out of memory. */
size_t cq_strmap_get_or_put(cq_strmap *m, const char *key, size_t val, int *found);
/* The same, giving the slot: the caller may point a new slot's key at a copy
 * of the same text that outlives the map (key itself may be a scratch buffer).
 * NULL when out of memory. */
cq_strmap_slot *cq_strmap_upsert(cq_strmap *m, const char *key, size_t val, int *found);
/* The hash of the n bytes at s (the map's own), for a caller that has the
 * length at hand and looks the key up more than once: the _hash/_hashed
 * forms below take it instead of hashing again.  h must be
 * cq_strmap_hash(key, strlen(key)). */
uint32_t cq_strmap_hash(const char *s, size_t n);
void cq_strmap_prefetch_hash(const cq_strmap *m, uint32_t h);
cq_strmap_slot *cq_strmap_upsert_hashed(cq_strmap *m, const char *key, uint32_t h, size_t val,
                                        int *found);
/* Room for n keys in all without growing; 0, or -1 when out of memory. */
int cq_strmap_reserve(cq_strmap *m, size_t n);

#endif
