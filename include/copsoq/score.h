/*
 * score.h - the typed core of the score stage (contract §3), for tests.
 */
#ifndef COPSOQ_SCORE_H
#define COPSOQ_SCORE_H

#include "copsoq/study.h"

typedef enum {
    CQ_SCORE_AUTO,  /* the answer-tuple path where a scale's tuples are few, else plain */
    CQ_SCORE_PLAIN, /* every scale row by row (the reference the tests compare with) */
} cq_score_path;

/* Scores every scale of wave into wave->scores (allocated in the wave's
 * arena).  The answer columns must hold option indices of their item's
 * response set or CQ_NA.  Both paths give the same cq_scores, bit for bit. */
cq_status cq_score_wave(const cq_instrument *ins, cq_wave *wave, cq_score_path path);

#endif
