/*
 * columns.h - `copsoq columns --instrument DIR FILE...`: a draft column map
 * (contract §2a) for survey-tool exports, written for the user to review.
 */
#ifndef COPSOQ_COLUMNS_H
#define COPSOQ_COLUMNS_H

#include <stdio.h>

#include "copsoq/status.h"
#include "copsoq/study.h"

/* Reads the header (and the first rows) of each export in set->waves and
 * writes a map to out: items matched by id or by their wording (text_sv,
 * text_en), the id column and grouping columns guessed; what is unmatched or
 * ambiguous as comments. */
cq_status cq_columns_draft(const cq_settings *set, FILE *out, cq_diag *d);

/* Normalises a header or an item text for matching into out (cap bytes):
 * case folded, punctuation and runs of spaces made one space, trimmed. */
size_t cq_columns_norm(const char *s, char *out, size_t cap);

#endif
