/*
 * source.h - a byte source for the readers: a file (plain or gzip, told apart
 * by its first bytes, read with zlib's gz* functions) or a memory buffer
 * (plain or gzip, for unit tests and fuzzers).  The source also computes the
 * SHA-256 and the size of the raw bytes it read, for the provenance sheet.
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
/* 1 when the data were gzip-compressed. */
int cq_source_is_gzip(const cq_source *s);
/* Name given at open (borrowed, lives as long as the source). */
const char *cq_source_name(const cq_source *s);
/* Closes and frees; NULL is a no-op. Returns CQ_ERR_GZIP when zlib reports, only at
 * close, that the compressed stream was truncated. */
cq_status cq_source_close(cq_source *s, cq_diag *d);

/* SHA-256 (lowercase hex, 64 chars + NUL) and size in bytes of a whole file, read
 * raw (compressed bytes for a .gz).  For provenance. */
cq_status cq_file_sha256(const char *path, char hex[65], uint64_t *size, cq_diag *d);

#endif
