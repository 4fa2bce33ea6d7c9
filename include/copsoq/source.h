/*
 * source.h - a byte source for the readers: a file or pipe (read once, in
 * order) or a memory buffer (unit tests and fuzzers); plain or gzip, told
 * apart by the first bytes; text with a UTF-16 LE/BE byte-order mark comes
 * out as UTF-8.  The source computes the SHA-256 and the size of the raw
 * bytes as they pass (one pass, so a wave can come from a pipe).
 */
#ifndef COPSOQ_SOURCE_H
#define COPSOQ_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "copsoq/status.h"

typedef struct cq_source cq_source;

/* Opens path.  *out is owned by the caller (cq_source_close).  name is the
 * text used in messages (usually path). */
cq_status cq_source_open_file(const char *path, cq_source **out, cq_diag *d);
/* Reads from buf (borrowed: must outlive the source).  name is used in messages. */
cq_status cq_source_open_mem(const void *buf, size_t len, const char *name, cq_source **out,
                             cq_diag *d);
/* Reads up to cap bytes of decompressed data into buf; *got = 0 at the end.
 * A damaged or truncated gzip stream is CQ_ERR_GZIP. */
cq_status cq_source_read(cq_source *s, char *buf, size_t cap, size_t *got, cq_diag *d);
#define CQ_SOURCE_PEEK 4096 /* bytes of look-ahead for format detection */

/* The first decompressed bytes (up to CQ_SOURCE_PEEK, fewer for a shorter
 * file), without consuming them.  *p lives as long as the source. */
cq_status cq_source_peek(cq_source *s, const unsigned char **p, size_t *n, cq_diag *d);
/* Reads the rest of the decompressed data into *data (malloc'd, caller frees);
 * more than max bytes is CQ_ERR_LIMIT. */
cq_status cq_source_slurp(cq_source *s, size_t max, unsigned char **data, size_t *len, cq_diag *d);
/* Reads what is left of the raw input and gives the SHA-256 (lowercase hex)
 * and size of every raw byte read.  Call once, after the reader is done. */
cq_status cq_source_digest(cq_source *s, char hex[65], uint64_t *size, cq_diag *d);
/* 0, or 1/2 when the text was UTF-16 LE/BE (transcoded). */
int cq_source_utf16(const cq_source *s);
/* The size of the decompressed data as far as known before reading them (a
 * plain file's size, a gzip file's recorded size), for sizing tables only; 0
 * when unknown (a pipe, UTF-16). */
uint64_t cq_source_size_hint(const cq_source *s);
/* 1 when the data were gzip-compressed. */
int cq_source_is_gzip(const cq_source *s);
/* Name given at open (borrowed, lives as long as the source). */
const char *cq_source_name(const cq_source *s);
/* Closes and frees; NULL is a no-op. Returns CQ_ERR_GZIP when the input ended
 * inside a gzip stream. */
cq_status cq_source_close(cq_source *s, cq_diag *d);

/* SHA-256 (lowercase hex, 64 chars + NUL) and size in bytes of a whole file, read
 * raw (compressed bytes for a .gz).  For provenance of side files. */
cq_status cq_file_sha256(const char *path, char hex[65], uint64_t *size, cq_diag *d);

#endif
