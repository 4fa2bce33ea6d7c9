/*
 * ingest.h - the typed core of the ingest stage (contract §2), for tests:
 * reads one wave from any source into st->waves[w].  st->ins and
 * st->waves (n_waves entries, zeroed) must exist.
 */
#ifndef COPSOQ_INGEST_H
#define COPSOQ_INGEST_H

#include "copsoq/source.h"
#include "copsoq/study.h"

cq_status cq_ingest_wave(cq_study *st, size_t w, cq_source *src, cq_diag *d);

/* Decodes one answer token for item i: *opt is the option index or CQ_NA.
 * Returns 1 when the token is valid (a code, a label, or a declared missing
 * value), 0 when it is neither code nor label. */
int cq_decode_answer(const cq_instrument *ins, size_t item, const char *tok, size_t len,
                     uint8_t *opt);

/* The same, but *opt is the option chosen also when it has no points ("Vet
 * inte", "Jag har ingen chef"); CQ_NA only for a blank or declared missing
 * token. */
int cq_decode_option(const cq_instrument *ins, size_t item, const char *tok, size_t len,
                     uint8_t *opt);

/* One record's fields (malloc'd strings) and its origin. */
typedef struct {
    char **f;
    size_t n, cap;
    size_t line;
} cq_record;

/* Appends a copy of the field s[0 .. len) with surrounding spaces and TABs
 * trimmed (cq_trim).  Returns 0, or -1 when out of memory (r unchanged). */
int cq_record_push(cq_record *r, const char *s, size_t len);

/* The header rule of contract §2a over the first n_rec records: *lines
 * records make the header, and *skip records after them are not data
 * (Qualtrics' lines 2-3).  forced: --header-rows N, 0 to detect. */
void cq_header_shape(const cq_record *rec, size_t n_rec, int forced, size_t *lines, size_t *skip);
/* The merged name of column c over the first `lines` records (line breaks
 * become spaces); *carry holds
 * line 1's text carried right (start with ""; call for c = 0, 1, ... in
 * order).  Malloc'd; NULL when out of memory. */
char *cq_header_name(const cq_record *rec, size_t lines, size_t c, const char **carry);

#endif
