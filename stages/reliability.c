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
#include <string.h>

#include "copsoq/stages.h"
#include "copsoq/stats.h"

#define BLOCK    4096                  /* rows a block when gathering the complete rows */
#define ALL_ROWS 0x8080808080808080ULL /* a high bit for each of eight bytes */
/* the byte of a 64-bit word loaded from memory that holds bits 8 b .. 8 b + 7 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define BYTE(b) (7 - (b))
#else
#define BYTE(b) (b)
#endif

/* scratch space of the stage, sized for the largest wave and scale */
typedef struct {
    uint8_t *code;       /* [max_k * max_n] the complete respondents' answers, item by item */
    const uint8_t **col; /* [max_k] the scale's answer columns */
    double *points;      /* [max_k * 256] each item's points by answer code */
    double *rest_r;      /* [max_k] */
    double *if_deleted;  /* [max_k] */
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
    workspace ws = {NULL, NULL, NULL, NULL, NULL};
    st->reliability = calloc(n_rel ? n_rel : 1, sizeof *st->reliability);
    st->reliability_items = calloc(n_items ? n_items : 1, sizeof *st->reliability_items);
    if (max_k && max_n > ((size_t)-1) / max_k - 1) {
        status = cq_fail(d, CQ_ERR_NOMEM, "out of memory computing reliability");
        goto cleanup;
    }
    ws.code = malloc(max_k * max_n + 1);
    ws.col = malloc((max_k ? max_k : 1) * sizeof *ws.col);
    ws.points = calloc((max_k ? max_k : 1) * 256, sizeof *ws.points);
    ws.rest_r = malloc((max_k ? max_k : 1) * sizeof *ws.rest_r);
    ws.if_deleted = malloc((max_k ? max_k : 1) * sizeof *ws.if_deleted);
    if (!st->reliability || !st->reliability_items || !ws.code || !ws.col || !ws.points ||
        !ws.rest_r || !ws.if_deleted) {
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
    free(ws.code);
    free(ws.col);
    free(ws.points);
    free(ws.rest_r);
    free(ws.if_deleted);
    return status;
}

/* One wave and scale: gathers the complete respondents' answer codes item by
 * item (ws->code[j * n + i], 1 byte each, where a double each took 8) and
 * appends one cq_reliability row and one cq_reliability_item row per item to
 * the study. */
static cq_status
scale_reliability(cq_study *st, size_t w, size_t s, workspace *ws)
{
    const cq_instrument *ins = st->ins;
    const cq_scale *sc = &ins->scales[s];
    const cq_wave *wave = &st->waves[w];
    size_t k = sc->n_items, n = wave->n;
    for (size_t j = 0; j < k; j++) {
        size_t i = sc->items[j];
        const cq_response_set *set = &ins->sets[ins->items[i].set];
        ws->col[j] = wave->answers[i];
        for (size_t o = 0; o < set->n_options && o < CQ_NA; o++)
            ws->points[j * 256 + o] = cq_item_points(ins, i, (uint8_t)o);
    }
    /* eight rows at a time: which are complete (answered every item; a byte
     * is CQ_NA = 0xFF when its complement is 0), then each item's codes of
     * those rows, eight bytes at once when all eight are */
    size_t m = 0;
    for (size_t r0 = 0; r0 < n; r0 += BLOCK) {
        size_t len = n - r0 < BLOCK ? n - r0 : BLOCK, words = (len + 7) / 8;
        uint64_t complete[BLOCK / 8];
        for (size_t g = 0; g < words; g++)
            complete[g] = ALL_ROWS;
        for (size_t j = 0; j < k; j++) {
            const uint8_t *col = ws->col[j] + r0;
            for (size_t g = 0; g < words; g++) {
                uint64_t v = ~(uint64_t)0; /* rows past n: CQ_NA */
                memcpy(&v, col + 8 * g, len - 8 * g < 8 ? len - 8 * g : 8);
                v = ~v;
                complete[g] &= ((v & ~ALL_ROWS) + ~ALL_ROWS) | v; /* high bit: v's byte != 0 */
            }
        }
        size_t mj = m;
        for (size_t j = 0; j < k; j++) {
            const uint8_t *col = ws->col[j] + r0;
            uint8_t *out = ws->code + j * n;
            mj = m;
            for (size_t g = 0; g < words; g++) {
                uint64_t c = complete[g] & ALL_ROWS;
                if (c == ALL_ROWS) {
                    memcpy(out + mj, col + 8 * g, 8);
                    mj += 8;
                } else {
                    for (size_t b = 0; c; b++, c >>= 8)
                        if (c & 0x80) /* little or big endian: byte b of the word in memory */
                            out[mj++] = col[8 * g + BYTE(b)];
                }
            }
        }
        m = mj;
    }
    double alpha = NAN;
    {
        cq_status status =
            cq_cronbach_coded(ws->code, n, ws->points, m, k, &alpha, ws->rest_r, ws->if_deleted);
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
