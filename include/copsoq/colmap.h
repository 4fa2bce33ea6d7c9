/*
 * colmap.h - the column map (contract §2a): a CSV `wave,column,name` that
 * tells which column of a survey tool's export is which item, the id column
 * or a grouping column.  An empty wave applies to every wave; a row with a
 * wave label applies to that wave and wins over an empty-wave row for the
 * same name.
 */
#ifndef COPSOQ_COLMAP_H
#define COPSOQ_COLMAP_H

#include <stddef.h>
#include <stdint.h>

#include "copsoq/instrument.h"
#include "copsoq/status.h"
#include "copsoq/study.h"
#include "copsoq/table.h"

typedef struct {
    const char *wave;   /* "" for every wave */
    const char *column; /* header as it stands in the file (trimmed) */
    const char *name;   /* item id, id column or grouping column */
    size_t line;        /* line in the map file */
} cq_colmap_row;

typedef struct cq_colmap_s {
    cq_table table; /* owns the strings */
    const char *path;
    char sha256[65];
    uint64_t bytes;
    cq_colmap_row *rows; /* malloc'd */
    size_t n_rows;
} cq_colmap;

/* Reads path (or buf[0..len) when path is NULL and name names it) and checks
 * its shape: the header, no empty column or name.  *m is owned by the caller
 * (cq_colmap_free, also after a failure). */
cq_status cq_colmap_load(const char *path, cq_colmap *m, cq_diag *d);
cq_status cq_colmap_parse(const char *buf, size_t len, const char *name, cq_colmap *m, cq_diag *d);
/* Checks the rows against the run: every name is an item, the id column or a
 * --group; every wave label is a wave of the run; no name is mapped twice for
 * the same wave.  Errors name the map's line. */
cq_status cq_colmap_check(const cq_colmap *m, const cq_settings *set, const cq_instrument *ins,
                          cq_diag *d);
/* The rows that apply to wave label: per-wave rows, and empty-wave rows for
 * names without one.  *rows is malloc'd (caller frees); *n may be 0. */
cq_status cq_colmap_for_wave(const cq_colmap *m, const char *wave, const cq_colmap_row ***rows,
                             size_t *n);
void cq_colmap_free(cq_colmap *m);

/* Header and column names match case-insensitively (also å, ä, ö), surrounding
 * spaces ignored. */
int cq_same_name(const char *a, const char *b);

#endif
