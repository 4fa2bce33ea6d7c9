/*
 * fixture.h - a small study built in memory for unit tests: a two-scale
 * instrument and waves read from strings.
 */
#ifndef COPSOQ_TEST_FIXTURE_H
#define COPSOQ_TEST_FIXTURE_H

#include "copsoq/study.h"

typedef struct {
    cq_settings settings;
    cq_study st;
    char *group_names[2];
    cq_wave_spec specs[3];
} fixture;

/* Instrument: scale A (items A1 A2 A3, freq5 with "Don't know" = 6 missing,
 * A3 reversed, higher is bad, cut-offs 25/60), scale B (item B1, yes/no). */
extern const char *const FX_ITEMS, *const FX_SETS, *const FX_SCALES;

/* Sets up n_waves waves (labels w1, w2, w3) and n_groups groups (unit, role). */
int fx_init(fixture *f, size_t n_waves, size_t n_groups, int min_group);
/* Ingests text as wave w; returns the status, *d the message. */
cq_status fx_ingest(fixture *f, size_t w, const char *text, size_t len, cq_diag *d);
void fx_free(fixture *f);
/* splitmix64: the next number of the sequence whose state is *state (each
 * test keeps its own seed, so its cases do not depend on the others). */
unsigned long long fx_rng(unsigned long long *state);

#endif
