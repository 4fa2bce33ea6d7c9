/*
 * waves.h - the per-wave stages on every core.
 *
 * Ingest, score, summarise and reliability look at one wave at a time, so
 * each wave runs them in a thread of its own, on a study of that one wave
 * (the run's settings with one --wave, the instrument borrowed).  After all
 * threads have joined, the waves and their quality, summary and reliability
 * rows are moved into the run's study in wave order: the result is the same,
 * byte for byte, as running the stages wave after wave.  Nothing is shared
 * between the threads but read-only settings and instrument; log lines of a
 * wave are held back and printed, in wave order, after the join.
 *
 * Threads: one a wave, at most as many at a time as there are cores, or
 * COPSOQ_THREADS when set (1: every wave in the calling thread).
 */
#ifndef COPSOQ_WAVES_H
#define COPSOQ_WAVES_H

#include "copsoq/stages.h"

typedef struct {
    const char *name;
    cq_stage_fn fn;
    int one_at_a_time; /* 1: never runs for two waves at once (file-scope state) */
} cq_wave_stage;

/* Runs stages[0..n) over every wave of st->settings (st->waves must not
 * exist yet), then merges.  seconds[i] (n entries) gets stage i's time: the
 * longest over the waves.  On failure, *failed is the index of the first
 * stage, in stages[] order, that failed for some wave, and the status and
 * *d are those of the first such wave; the study still owns (and
 * cq_study_free releases) whatever the waves made.  *failed = n on success. */
cq_status cq_run_waves(cq_study *st, const cq_wave_stage *stages, size_t n, double *seconds,
                       size_t *failed, cq_diag *d);

#endif
