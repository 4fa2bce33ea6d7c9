/* arena.c - bump allocator in growing blocks (see arena.h). */
#include "copsoq/arena.h"

#include "copsoq/bigmem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_MIN_BLOCK (64 * 1024)
/* Blocks grow with the arena, a quarter of what it holds, up to this: the
 * million id strings of a big wave then sit on a few huge pages (bigmem.h)
 * instead of hundreds of 64 KiB blocks. */
#define ARENA_MAX_BLOCK ((size_t)8 << 20)

struct cq_arena_block {
    cq_arena_block *next;
    size_t used, cap;
    max_align_t data[]; /* aligned payload */
};

struct cq_arena_taken {
    void *p;
    size_t bytes;
    cq_arena_taken *next;
};

void
cq_arena_init(cq_arena *a)
{
    a->head = NULL;
    a->taken = NULL;
    a->total = 0;
}

void
cq_arena_free(cq_arena *a)
{
    if (!a)
        return;
    /* the taken arrays first: their list lives in the blocks */
    for (cq_arena_taken *t = a->taken; t; t = t->next)
        cq_big_free(t->p, t->bytes);
    a->taken = NULL;
    cq_arena_block *b = a->head;
    while (b) {
        cq_arena_block *next = b->next;
        cq_big_free(b, sizeof *b + b->cap);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

/* n * size zeroed bytes at a multiple of align (a power of two up to
 * max_align_t's) */
static void *
arena_alloc(cq_arena *a, size_t n, size_t size, size_t align)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t bytes = n * size;
    if (bytes == 0)
        bytes = 1;
    if (bytes > SIZE_MAX - align)
        return NULL;
    bytes = (bytes + align - 1) / align * align;
    cq_arena_block *b = a->head;
    int zeroed = 0;
    if (b) { /* the block's free space from an aligned start */
        size_t used = (b->used + align - 1) / align * align;
        b->used = used < b->cap ? used : b->cap;
    }
    if (!b || b->cap - b->used < bytes) {
        size_t grown = a->total / 4 < ARENA_MAX_BLOCK ? a->total / 4 : ARENA_MAX_BLOCK;
        size_t cap = grown > ARENA_MIN_BLOCK ? grown : ARENA_MIN_BLOCK;
        if (bytes > ARENA_MIN_BLOCK / 4)
            cap = bytes;
        if (cap > SIZE_MAX - sizeof *b)
            return NULL;
        /* a big block zeroed by the system (fresh pages come zeroed, so they
         * are not written twice); freed by size with cq_big_free */
        zeroed = bytes > ARENA_MIN_BLOCK / 4 || sizeof *b + cap >= CQ_BIG_MIN;
        b = zeroed ? cq_big_calloc(1, sizeof *b + cap) : malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->used = 0;
        b->cap = cap;
        if (a->head && bytes > ARENA_MIN_BLOCK / 4) {
            /* a big allocation gets its own block behind the current one,
             * so the current block's free space is not wasted */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = (char *)b->data + b->used;
    b->used += bytes;
    a->total += bytes;
    if (!zeroed)
        memset(p, 0, bytes);
    return p;
}

void *
cq_arena_calloc(cq_arena *a, size_t n, size_t size)
{
    return arena_alloc(a, n, size, _Alignof(max_align_t));
}

char *
cq_arena_text(cq_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = arena_alloc(a, len + 1, 1, 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *
cq_arena_strndup(cq_arena *a, const char *s, size_t len)
{
    char *p = cq_arena_calloc(a, len + 1, 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *
cq_arena_strdup(cq_arena *a, const char *s)
{
    return cq_arena_strndup(a, s, strlen(s));
}

int
cq_arena_take(cq_arena *a, void *p, size_t bytes)
{
    cq_arena_taken *t = cq_arena_calloc(a, 1, sizeof *t);
    if (!t)
        return -1;
    *t = (cq_arena_taken){p, bytes, a->taken};
    a->taken = t;
    a->total += bytes;
    return 0;
}

void
cq_arena_adopt(cq_arena *a, cq_arena *from)
{
    if (from->taken) {
        cq_arena_taken *last = from->taken;
        while (last->next)
            last = last->next;
        last->next = a->taken;
        a->taken = from->taken;
        from->taken = NULL;
    }
    if (!from->head)
        return;
    cq_arena_block *tail = from->head;
    while (tail->next)
        tail = tail->next;
    if (a->head) {
        /* behind a's current block, whose free space stays in use */
        tail->next = a->head->next;
        a->head->next = from->head;
    } else {
        a->head = from->head;
    }
    a->total += from->total;
    from->head = NULL;
    from->total = 0;
}
