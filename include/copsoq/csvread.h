/*
 * csvread.h - a streaming CSV reader over a cq_source, on libcsv.
 *
 * Adds what libcsv lacks: the physical line where each record starts
 * (header = line 1; CRLF, LF and lone CR each end a line; a quoted newline
 * is a line too), delimiter detection on the header outside quotes, a UTF-8
 * BOM removed, fields that are not valid UTF-8 transcoded from Windows-1252,
 * NUL bytes refused as binary data, and a cap on the size of one record.
 *
 * Field text passed to the callback is UTF-8 and lives only during the call.
 */
#ifndef COPSOQ_CSVREAD_H
#define COPSOQ_CSVREAD_H

#include <stddef.h>

#include "copsoq/source.h"
#include "copsoq/status.h"
#include "copsoq/utf8.h" /* cq_utf8_valid, cq_cp1252_to_utf8 */

#define CQ_MAX_RECORD_BYTES (4u << 20) /* one record (a row) */
#define CQ_MAX_FIELDS       10000      /* columns in one record */

/* Return 0 to go on; nonzero stops reading (the reader then returns
 * CQ_ERR_INTERNAL unless the callback stored its own status in *stop). */
typedef int (*cq_csv_field_fn)(void *ctx, const char *s, size_t len);
typedef int (*cq_csv_record_fn)(void *ctx, size_t line);
/* A whole record at once, for the reader's fast path (an unquoted line of
 * valid UTF-8): the same as field() for each of the n fields and then
 * record(line).  The text is not NUL-terminated and lives only during the call. */
typedef struct {
    const char *s;
    size_t len;
} cq_field;
typedef int (*cq_csv_row_fn)(void *ctx, const cq_field *f, size_t n, size_t line);

typedef struct {
    char delimiter;       /* in: 0 = detect from the header; out: the one used */
    int bom;              /* out: a UTF-8 BOM was removed */
    size_t lines;         /* out: physical lines */
    size_t records;       /* out: records, header included */
    size_t cp1252_fields; /* out: fields transcoded from Windows-1252 */
    size_t bytes;         /* out: decompressed bytes */
    size_t records_hint;  /* out, while reading: the records to expect (from the size of
                           * the input and the first 68 KiB), 0 until known; for sizing */
} cq_csv_info;

/* Reads every record of src.  *stop lets a callback end reading with its own
 * status and detail (it fills d itself); pass a cq_status initialised to CQ_OK. */
cq_status cq_csv_read(cq_source *src, cq_csv_info *info, cq_csv_field_fn field,
                      cq_csv_record_fn record, void *ctx, cq_status *stop, cq_diag *d);

/* The same, and row() (when not NULL) gets the records of the fast path. */
cq_status cq_csv_read_rows(cq_source *src, cq_csv_info *info, cq_csv_field_fn field,
                           cq_csv_record_fn record, cq_csv_row_fn row, void *ctx, cq_status *stop,
                           cq_diag *d);

/* 1 (the default): whole unquoted lines are split by the reader itself;
 * 0: every line goes through libcsv (tests compare the two). */
extern int cq_csv_fast_path;

/* s without its surrounding spaces and TABs: returns the new start and
 * narrows *len (libcsv trims unquoted fields only). */
const char *cq_trim(const char *s, size_t *len);

#endif
