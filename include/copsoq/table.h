/*
 * table.h - a small CSV file read whole into memory (instrument files,
 * population file): a header and rows of UTF-8 strings with their line.
 */
#ifndef COPSOQ_TABLE_H
#define COPSOQ_TABLE_H

#include <stddef.h>

#include "copsoq/arena.h"
#include "copsoq/source.h"
#include "copsoq/status.h"

#define CQ_TABLE_MAX_ROWS 100000

typedef struct {
    cq_arena arena;   /* owns every string and array below */
    const char *name; /* file name used in messages (arena copy) */
    size_t n_cols;
    char **header; /* [n_cols], trimmed */
    size_t n_rows;
    char ***rows;     /* [n_rows][n_cols]; short rows padded with "" */
    size_t *lines;    /* [n_rows] physical line where the row starts */
    size_t *n_fields; /* [n_rows] fields actually present */
} cq_table;

/* Reads all of src (delimiter detected).  Blank-only rows are skipped.  On
 * success the caller frees t with cq_table_free. */
cq_status cq_table_read(cq_source *src, cq_table *t, cq_diag *d);
cq_status cq_table_read_file(const char *path, cq_table *t, cq_diag *d);
cq_status cq_table_read_mem(const char *buf, size_t len, const char *name, cq_table *t, cq_diag *d);
void cq_table_free(cq_table *t);
/* Column index of name (ASCII case-insensitive), or (size_t)-1. */
size_t cq_table_col(const cq_table *t, const char *name);

#endif
