/*
 * strmap.h - string -> index hash map (open addressing, FNV-1a), for
 * respondent ids and group levels.  Keys are borrowed: they must outlive the map.
 */
#ifndef COPSOQ_STRMAP_H
#define COPSOQ_STRMAP_H

#include <stddef.h>

typedef struct {
    const char **keys;
    size_t *vals;
    size_t cap, len;
} cq_strmap;

/* A zeroed map is empty and ready. */
void cq_strmap_free(cq_strmap *m);
/* Value of key, or (size_t)-1. */
size_t cq_strmap_get(const cq_strmap *m, const char *key);
/* Inserts key -> val; returns 0, or -1 when out of memory.  key must not be present. */
int cq_strmap_put(cq_strmap *m, const char *key, size_t val);

#endif
