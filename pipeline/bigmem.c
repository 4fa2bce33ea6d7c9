/* bigmem.c - large arrays on transparent huge pages (see bigmem.h). */
#include "copsoq/bigmem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define HUGE_PAGE ((size_t)2 << 20)

#if defined(__SANITIZE_ADDRESS__)
#define BIG_MAPS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define BIG_MAPS 0
#endif
#endif
#ifndef BIG_MAPS
#define BIG_MAPS 1
#endif

static int
is_big(size_t bytes)
{
    return BIG_MAPS && bytes >= CQ_BIG_MIN;
}

/* The length of the mapping for bytes: whole huge pages. */
static size_t
map_len(size_t bytes)
{
    return (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
}

/* A fresh zeroed mapping of map_len(bytes), aligned to HUGE_PAGE: mapped one
 * huge page longer, then the ends beyond the aligned part unmapped. */
static void *
map_big(size_t bytes)
{
    size_t len = map_len(bytes);
    if (len < bytes || len + HUGE_PAGE < len)
        return NULL;
    char *raw =
        mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    uintptr_t at = ((uintptr_t)raw + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    char *p = (char *)at;
    size_t head = (size_t)(p - raw), tail = HUGE_PAGE - head;
    if (head)
        munmap(raw, head);
    if (tail)
        munmap(p + len, tail);
#ifdef MADV_HUGEPAGE
    (void)madvise(p, len, MADV_HUGEPAGE); /* a hint: without THP, ordinary pages */
#endif
    return p;
}

void *
cq_big_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    size_t bytes = n * size;
    return is_big(bytes) ? map_big(bytes) : calloc(bytes ? bytes : 1, 1);
}

void *
cq_big_realloc(void *p, size_t old, size_t bytes)
{
    if (!p)
        return cq_big_calloc(bytes, 1);
    if (!is_big(old) && !is_big(bytes)) {
        char *q = realloc(p, bytes ? bytes : 1);
        if (q && bytes > old)
            memset(q + old, 0, bytes - old);
        return q;
    }
    if (is_big(old) && is_big(bytes) && map_len(old) == map_len(bytes)) {
        if (bytes < old) /* the kept pages beyond bytes read as zero again later */
            memset((char *)p + bytes, 0, old - bytes);
        return p;
    }
    char *q = cq_big_calloc(bytes, 1);
    if (!q)
        return NULL;
    memcpy(q, p, old < bytes ? old : bytes);
    cq_big_free(p, old);
    return q;
}

void
cq_big_free(void *p, size_t bytes)
{
    if (!p)
        return;
    if (is_big(bytes))
        munmap(p, map_len(bytes));
    else
        free(p);
}
