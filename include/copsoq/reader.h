/*
 * reader.h - records from a response file, whatever its format (contract
 * §2, §2a).  The format is chosen from the content, never the name:
 * delimited text (csvread.c; UTF-16 via the source), an Excel workbook
 * (read_xlsx.c), SPSS .sav/.zsav/.por or Stata .dta (read_stat.c), each
 * possibly inside gzip (the source).
 *
 * Every reader calls the same three callbacks: field() for each cell of a
 * record from left to right (missing cells come as empty fields), record()
 * at its end with the record's origin (text: the physical line where it
 * starts; xlsx: the sheet's row number; sav/dta: the case number, header 0),
 * and label() for each value label of a column of a .sav/.dta file, after the
 * header record and before the first data record.  Text passed to a callback
 * is UTF-8 and lives only during the call.  A callback returns nonzero to
 * stop reading; it then stores its own status in *stop and fills d.
 */
#ifndef COPSOQ_READER_H
#define COPSOQ_READER_H

#include <stddef.h>

#include "copsoq/csvread.h"
#include "copsoq/source.h"
#include "copsoq/status.h"

typedef enum { CQ_FMT_TEXT, CQ_FMT_XLSX, CQ_FMT_SAV, CQ_FMT_POR, CQ_FMT_DTA } cq_format;

typedef struct {
    cq_csv_field_fn field;
    cq_csv_record_fn record;
    int (*label)(void *ctx, size_t col, const char *value, const char *label);
    void *ctx;
    cq_csv_row_fn row; /* optional: whole records of delimited text (csvread.h) */
} cq_reader_cb;

typedef struct {
    const char *sheet;   /* in: the worksheet to read (xlsx), NULL: the first */
    cq_format format;    /* out */
    cq_csv_info csv;     /* out, delimited text only */
    char sheet_used[64]; /* out, xlsx: the worksheet read */
    size_t records;      /* out: records, header included */
} cq_read_info;

/* Caps, checked before anything is allocated for them. */
#define CQ_MAX_BINARY_BYTES (512u << 20)  /* a workbook or .sav, after gzip */
#define CQ_MAX_ZIP_ENTRY    (1024u << 20) /* one uncompressed member of a workbook */
#define CQ_MAX_CELLS        (64u << 20)   /* cases x variables of a .sav/.dta */

/* The format of a file that starts with p[0..n). */
cq_format cq_detect_format(const unsigned char *p, size_t n);
/* "text", "xlsx", "sav", "por", "dta" (static). */
const char *cq_format_name(cq_format f);

/* Reads every record of src with the reader its content calls for. */
cq_status cq_read_records(cq_source *src, cq_read_info *info, const cq_reader_cb *cb,
                          cq_status *stop, cq_diag *d);

/* The readers behind it, from memory (unit tests, fuzzers).  name is used in messages. */
cq_status cq_xlsx_read(const unsigned char *data, size_t len, const char *name, cq_read_info *info,
                       const cq_reader_cb *cb, cq_status *stop, cq_diag *d);
cq_status cq_stat_read(const unsigned char *data, size_t len, const char *name, cq_format fmt,
                       cq_read_info *info, const cq_reader_cb *cb, cq_status *stop, cq_diag *d);

#endif
