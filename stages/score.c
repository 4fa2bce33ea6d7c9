/*
 * score.c - stage 3: scale scores (contract §3).
 *
 * A respondent's score on a scale is the mean of the points of the items
 * answered (reversed items as 100 - points), kept only when at least half
 * of the scale's items are answered (answered * 2 >= items); otherwise NaN,
 * which later stages read as "no score" and never pass to a statistic.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/stages.h"

cq_status cq_score_wave(const cq_instrument *ins, cq_wave *wave);

cq_status
cq_stage_score(cq_study *st, cq_diag *d)
{
    for (size_t w = 0; w < st->n_waves; w++)
        if (cq_score_wave(st->ins, &st->waves[w]) != CQ_OK)
            return cq_fail(d, CQ_ERR_NOMEM, "out of memory while scoring wave %s",
                           st->waves[w].label);
    return CQ_OK;
}

cq_status
cq_score_wave(const cq_instrument *ins, cq_wave *wave)
{
    size_t n = wave->n;
    wave->scores = cq_arena_calloc(&wave->arena, ins->n_scales, sizeof *wave->scores);
    /* answered items per respondent: scratch for one scale at a time, not kept */
    unsigned *answered = malloc((n ? n : 1) * sizeof *answered);
    if (!wave->scores || !answered) {
        free(answered);
        return CQ_ERR_NOMEM;
    }
    for (size_t s = 0; s < ins->n_scales; s++) {
        const cq_scale *sc = &ins->scales[s];
        double *score = cq_arena_calloc(&wave->arena, n ? n : 1, sizeof *score);
        if (!score) {
            free(answered);
            return CQ_ERR_NOMEM;
        }
        memset(answered, 0, (n ? n : 1) * sizeof *answered);
        /* item by item, so each answer column is read with stride 1 */
        for (size_t k = 0; k < sc->n_items; k++) {
            size_t i = sc->items[k];
            const uint8_t *col = wave->answers[i];
            for (size_t r = 0; r < n; r++) {
                if (col[r] == CQ_NA)
                    continue;
                score[r] += cq_item_points(ins, i, col[r]);
                answered[r]++;
            }
        }
        for (size_t r = 0; r < n; r++)
            score[r] = (answered[r] > 0 && 2 * (size_t)answered[r] >= sc->n_items)
                           ? score[r] / answered[r]
                           : NAN;
        wave->scores[s] = score;
    }
    free(answered);
    return CQ_OK;
}
