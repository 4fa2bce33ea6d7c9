/*
 * arena.h - bump allocator.  Everything a stage produces lives in one arena
 * and is released at once with cq_arena_free().  Allocation failure returns
 * NULL (callers return CQ_ERR_NOMEM); nothing is freed individually.
 */
#ifndef COPSOQ_ARENA_H
#define COPSOQ_ARENA_H

#include <stddef.h>

typedef struct cq_arena_block cq_arena_block;
typedef struct cq_arena_taken cq_arena_taken;

typedef struct {
    cq_arena_block *head;
    cq_arena_taken *taken; /* arrays handed over with cq_arena_take */
    size_t total;          /* bytes handed out, for the log and the benchmark */
} cq_arena;

/* A zeroed cq_arena is ready to use. */
void cq_arena_init(cq_arena *a);
/* Releases every block; the arena is empty and usable again.  NULL is a no-op. */
void cq_arena_free(cq_arena *a);
/* Zeroed memory aligned for any type, owned by the arena; NULL when out of memory
 * or when n * size overflows. */
void *cq_arena_calloc(cq_arena *a, size_t n, size_t size);
/* Copy of s (or of its first len bytes) with a terminating NUL, owned by the arena. */
char *cq_arena_strdup(cq_arena *a, const char *s);
char *cq_arena_strndup(cq_arena *a, const char *s, size_t len);
/* The same without the alignment (a string needs none): a million short ids
 * take their length + 1 bytes each, not 16. */
char *cq_arena_text(cq_arena *a, const char *s, size_t len);
/* Hands p, from cq_big_calloc/cq_big_realloc (bigmem.h) with that many bytes,
 * to the arena, which frees it with everything else: a column built by
 * growing becomes the wave's without a copy.  0, or -1 when out of memory
 * (p is then still the caller's to free). */
int cq_arena_take(cq_arena *a, void *p, size_t bytes);
/* Moves every block of from into a (from is left empty): what was allocated
 * from `from` now lives as long as a. */
void cq_arena_adopt(cq_arena *a, cq_arena *from);

#endif
