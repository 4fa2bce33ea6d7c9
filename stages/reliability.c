/*
 * reliability.c - stage 5: internal consistency per wave and scale (contract
 * §4 "Reliability", §5 last sentence, §8 reliability_items.csv).
 *
 * For every wave and every scale of two or more items, over the respondents
 * who answered every item of the scale (points after reversal): Cronbach's
 * alpha, and per item the item-rest correlation and alpha if the item were
 * deleted (what SPSS RELIABILITY and psych::alpha call "corrected item-total
 * correlation" / r.drop and "alpha if item deleted" / alpha.drop).  The
 * numbers come from cq_cronbach (stats.c), the typed core the unit tests call.
 *
 * Decisions:
 * - A single-item scale gets no row in either file: alpha is not defined for
 *   one item, and the contract asks for "every scale of two or more items".
 * - Every row is computed; the disclose stage blanks alpha and the item
 *   columns of a row with fewer than cq_min_group_for(scale) complete
 *   respondents (items and n_complete are not statistics of answers).
 * - Alpha if deleted of a two-item scale is NaN (one item left has no alpha).
 */
#include <math.h>
#include <stdlib.h>

#include "copsoq/stages.h"
#include "copsoq/stats.h"

/* scratch space of the stage, sized for the largest wave and scale */
typedef struct {
    double *x;          /* [max_k * max_n] points, item by item */
    size_t *rows;       /* [max_n] the complete respondents */
    double *rest_r;     /* [max_k] */
    double *if_deleted; /* [max_k] */
} workspace;

static cq_status scale_reliability(cq_study *st, size_t w, size_t s, workspace *ws);

cq_status
cq_stage_reliability(cq_study *st, cq_diag *d)
{
    const cq_instrument *ins = st->ins;
    cq_status status = CQ_OK;
    size_t n_rel = 0, n_items = 0, max_k = 0, max_n = 0;
    for (size_t s = 0; s < ins->n_scales; s++) {
        if (ins->scales[s].n_items < 2)
            continue;
        n_rel += st->n_waves;
        n_items += st->n_waves * ins->scales[s].n_items;
        if (ins->scales[s].n_items > max_k)
            max_k = ins->scales[s].n_items;
    }
    for (size_t w = 0; w < st->n_waves; w++)
        if (st->waves[w].n > max_n)
            max_n = st->waves[w].n;
    workspace ws = {NULL, NULL, NULL, NULL};
    st->reliability = calloc(n_rel ? n_rel : 1, sizeof *st->reliability);
    st->reliability_items = calloc(n_items ? n_items : 1, sizeof *st->reliability_items);
    if (max_k && max_n > ((size_t)-1) / sizeof(double) / max_k) {
        status = cq_fail(d, CQ_ERR_NOMEM, "out of memory computing reliability");
        goto cleanup;
    }
    ws.x = malloc((max_k * max_n + 1) * sizeof *ws.x);
    ws.rows = malloc((max_n ? max_n : 1) * sizeof *ws.rows);
    ws.rest_r = malloc((max_k ? max_k : 1) * sizeof *ws.rest_r);
    ws.if_deleted = malloc((max_k ? max_k : 1) * sizeof *ws.if_deleted);
    if (!st->reliability || !st->reliability_items || !ws.x || !ws.rows || !ws.rest_r ||
        !ws.if_deleted) {
        status = cq_fail(d, CQ_ERR_NOMEM, "out of memory computing reliability");
        goto cleanup;
    }
    st->n_reliability = st->n_reliability_items = 0;
    for (size_t w = 0; w < st->n_waves; w++) {
        for (size_t s = 0; s < ins->n_scales; s++) {
            if (ins->scales[s].n_items < 2)
                continue;
            if (scale_reliability(st, w, s, &ws) != CQ_OK) {
                status = cq_fail(d, CQ_ERR_NOMEM, "out of memory computing reliability");
                goto cleanup;
            }
        }
    }
cleanup:
    free(ws.x);
    free(ws.rows);
    free(ws.rest_r);
    free(ws.if_deleted);
    return status;
}

/* One wave and scale: gathers the complete respondents' points item by item
 * (ws->x[j * m + i]) and appends one cq_reliability row and one
 * cq_reliability_item row per item to the study. */
static cq_status
scale_reliability(cq_study *st, size_t w, size_t s, workspace *ws)
{
    const cq_instrument *ins = st->ins;
    const cq_scale *sc = &ins->scales[s];
    const cq_wave *wave = &st->waves[w];
    size_t k = sc->n_items;
    size_t m = 0;
    for (size_t r = 0; r < wave->n; r++) {
        size_t j = 0;
        while (j < k && wave->answers[sc->items[j]][r] != CQ_NA)
            j++;
        if (j == k)
            ws->rows[m++] = r;
    }
    for (size_t j = 0; j < k; j++) {
        size_t i = sc->items[j];
        const uint8_t *col = wave->answers[i];
        const cq_response_set *set = &ins->sets[ins->items[i].set];
        double pts[256]; /* each option's points, looked up once */
        for (size_t o = 0; o < set->n_options && o < 256; o++)
            pts[o] = cq_item_points(ins, i, (uint8_t)o);
        for (size_t t = 0; t < m; t++)
            ws->x[j * m + t] = pts[col[ws->rows[t]]];
    }
    double alpha = NAN;
    {
        cq_status status = cq_cronbach(ws->x, m, k, &alpha, ws->rest_r, ws->if_deleted);
        if (status != CQ_OK)
            return status;
    }
    cq_reliability *rel = &st->reliability[st->n_reliability++];
    rel->wave = w;
    rel->scale = s;
    rel->items = k;
    rel->n_complete = m;
    rel->alpha = alpha;
    for (size_t j = 0; j < k; j++) {
        cq_reliability_item *it = &st->reliability_items[st->n_reliability_items++];
        it->wave = w;
        it->scale = s;
        it->item = sc->items[j];
        it->n_complete = m;
        it->item_rest_r = ws->rest_r[j];
        it->alpha_if_deleted = ws->if_deleted[j];
    }
    return CQ_OK;
}
