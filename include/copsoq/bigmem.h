/*
 * bigmem.h - large arrays (columns, hash tables, workspaces) on transparent
 * huge pages.
 *
 * A page fault costs microseconds (about 8 us each on the virtual machines
 * this was measured on); the columns of a million respondents are hundreds
 * of megabytes, so their 4 KiB pages were the largest single cost of a run
 * (182,000 faults, 1.5 s of system time at 1M a wave).  Arrays of
 * CQ_BIG_MIN bytes or more are mapped on their own, aligned to 2 MiB and
 * marked MADV_HUGEPAGE, so the kernel can back them with 2 MiB pages: one
 * fault where there were 512.  Smaller ones come from calloc.  Where the
 * kernel has transparent huge pages off, the mapping works as ordinary pages.
 *
 * Under AddressSanitizer every size comes from calloc, so that the sanitizer
 * still sees the bounds of each array.  The caller gives the size back when
 * freeing or resizing (it always knows it: n * size of its array).
 */
#ifndef COPSOQ_BIGMEM_H
#define COPSOQ_BIGMEM_H

#include <stddef.h>

#define CQ_BIG_MIN ((size_t)2 << 20)

/* Zeroed memory for n * size bytes (NULL when out of memory or on overflow). */
void *cq_big_calloc(size_t n, size_t size);
/* p (from cq_big_calloc/cq_big_realloc, old bytes, or NULL with old 0) resized
 * to bytes, contents kept up to the smaller size and the rest zeroed; NULL
 * when out of memory (p is then unchanged). */
void *cq_big_realloc(void *p, size_t old, size_t bytes);
/* Releases p of that many bytes; NULL is a no-op. */
void cq_big_free(void *p, size_t bytes);

#endif
