/* strmap.c - string -> index hash map (see strmap.h). */
#include "copsoq/strmap.h"

#include "copsoq/bigmem.h"

#include <stdlib.h>
#include <string.h>

/* Eight bytes at a time (ids and group values are mostly 8-40 bytes: a
 * byte-at-a-time hash was most of a look-up), then a final mix so that the
 * low bits, which pick the slot, depend on every byte. */
uint32_t
cq_strmap_hash(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 29;
    }
    /* the last 0-7 bytes by whole loads (overlapping ones for 5-7): a
     * copy of n bytes into a word on the stack stalled each look-up */
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        w = a | (uint64_t)b << 32;
    } else {
        w = n ? (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
                    (uint64_t)(unsigned char)s[n - 1] << 16
              : 0;
    }
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 32;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    return (uint32_t)h;
}

static uint32_t
hash(const char *s)
{
    return cq_strmap_hash(s, strlen(s));
}

void
cq_strmap_free(cq_strmap *m)
{
    if (!m)
        return;
    cq_big_free(m->slots, m->cap * sizeof *m->slots);
    memset(m, 0, sizeof *m);
}

/* The slot holding key (hash h), or the empty slot where it would go. */
static cq_strmap_slot *
find(const cq_strmap *m, const char *key, uint32_t h)
{
    size_t mask = m->cap - 1, i = h & mask;
    while (m->slots[i].key && (m->slots[i].hash != h || strcmp(m->slots[i].key, key) != 0))
        i = (i + 1) & mask;
    return &m->slots[i];
}

void
cq_strmap_prefetch(const cq_strmap *m, const char *key)
{
    cq_strmap_prefetch_hash(m, hash(key));
}

void
cq_strmap_prefetch_hash(const cq_strmap *m, uint32_t h)
{
    if (m->cap)
        __builtin_prefetch(&m->slots[h & (m->cap - 1)]);
}

size_t
cq_strmap_get(const cq_strmap *m, const char *key)
{
    if (!m->cap)
        return (size_t)-1;
    const cq_strmap_slot *s = find(m, key, hash(key));
    return s->key ? s->val : (size_t)-1;
}

/* Room for n keys: a table of a power of two at least twice n (re-placing
 * the stored hashes). */
int
cq_strmap_reserve(cq_strmap *m, size_t n)
{
    if (n * 2 <= m->cap)
        return 0;
    size_t cap = m->cap ? m->cap : 64;
    while (cap < n * 2)
        cap *= 2;
    cq_strmap_slot *slots = cq_big_calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t j = m->slots[i].hash & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
    }
    cq_big_free(m->slots, m->cap * sizeof *m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int
cq_strmap_put(cq_strmap *m, const char *key, size_t val)
{
    if (val >= UINT32_MAX || cq_strmap_reserve(m, m->len + 1) != 0)
        return -1;
    uint32_t h = hash(key);
    cq_strmap_slot *s = find(m, key, h);
    if (!s->key)
        m->len++;
    *s = (cq_strmap_slot){key, h, (uint32_t)val};
    return 0;
}

size_t
cq_strmap_get_or_put(cq_strmap *m, const char *key, size_t val, int *found)
{
    cq_strmap_slot *s = cq_strmap_upsert(m, key, val, found);
    return s ? s->val : (size_t)-1;
}

cq_strmap_slot *
cq_strmap_upsert(cq_strmap *m, const char *key, size_t val, int *found)
{
    return cq_strmap_upsert_hashed(m, key, hash(key), val, found);
}

cq_strmap_slot *
cq_strmap_upsert_hashed(cq_strmap *m, const char *key, uint32_t h, size_t val, int *found)
{
    *found = 0;
    if (val >= UINT32_MAX || cq_strmap_reserve(m, m->len + 1) != 0)
        return NULL;
    cq_strmap_slot *s = find(m, key, h);
    if (s->key) {
        *found = 1;
        return s;
    }
    *s = (cq_strmap_slot){key, h, (uint32_t)val};
    m->len++;
    return s;
}
