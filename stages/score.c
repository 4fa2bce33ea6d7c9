/*
 * score.c - stage 3: scale scores (contract §3).
 *
 * A respondent's score on a scale is the mean of the points of the items
 * answered (reversed items as 100 - points), kept only when at least half
 * of the scale's items are answered (answered * 2 >= items); otherwise no
 * score (code 0, NaN), which later stages never pass to a statistic.
 *
 * Scores are stored compactly (cq_scores in study.h): each scale's distinct
 * values once, sorted, and a code per respondent.  The values are computed
 * exactly as before (points added item by item in scale order, then divided
 * by the answered count), so every statistic sees the same doubles.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/stages.h"

cq_status cq_score_wave(const cq_instrument *ins, cq_wave *wave);

/* Distinct doubles (by bits) -> their order of first appearance. */
typedef struct {
    uint64_t *bits;
    uint32_t *id; /* 0: empty slot; else first-appearance number + 1 */
    size_t cap, len;
} value_set;

static size_t slot_of(uint64_t bits, size_t cap);
static inline uint32_t find(const value_set *vs, uint64_t bits);
static int grow(value_set *vs);
static uint32_t intern(value_set *vs, double v, double **values, size_t *cap_values);
static cq_status code_scale(cq_arena *a, const double *x, size_t n, cq_scores *out, value_set *vs);

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
    cq_status status = CQ_OK;
    wave->scores = cq_arena_calloc(&wave->arena, ins->n_scales, sizeof *wave->scores);
    /* one scale at a time: its scores as doubles and the answered counts */
    double *x = malloc((n ? n : 1) * sizeof *x);
    unsigned *answered = malloc((n ? n : 1) * sizeof *answered);
    value_set vs = {0};
    if (!wave->scores || !x || !answered) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t s = 0; s < ins->n_scales; s++) {
        const cq_scale *sc = &ins->scales[s];
        memset(x, 0, (n ? n : 1) * sizeof *x);
        memset(answered, 0, (n ? n : 1) * sizeof *answered);
        /* item by item, so each answer column is read with stride 1; the
         * points of each option looked up once */
        for (size_t k = 0; k < sc->n_items; k++) {
            size_t i = sc->items[k];
            const cq_response_set *set = &ins->sets[ins->items[i].set];
            double pts[256];
            for (size_t o = 0; o < set->n_options && o < 256; o++)
                pts[o] = cq_item_points(ins, i, (uint8_t)o);
            const uint8_t *col = wave->answers[i];
            for (size_t r = 0; r < n; r++) {
                if (col[r] == CQ_NA)
                    continue;
                x[r] += pts[col[r]];
                answered[r]++;
            }
        }
        for (size_t r = 0; r < n; r++)
            x[r] = (answered[r] > 0 && 2 * (size_t)answered[r] >= sc->n_items) ? x[r] / answered[r]
                                                                               : NAN;
        status = code_scale(&wave->arena, x, n, &wave->scores[s], &vs);
        if (status != CQ_OK)
            goto cleanup;
    }
cleanup:
    free(x);
    free(answered);
    free(vs.bits);
    free(vs.id);
    return status;
}

/* Ascending; -0 before +0, as the bits would order them (scores are never -0). */
static int
cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    if (a != b)
        return a < b ? -1 : 1;
    return (signbit(b) != 0) - (signbit(a) != 0);
}

/* x[0..n) (NaN: no score) -> out: the distinct values sorted, a code each. */
static cq_status
code_scale(cq_arena *a, const double *x, size_t n, cq_scores *out, value_set *vs)
{
    cq_status status = CQ_OK;
    size_t cap_values = 64;
    double *values = malloc(cap_values * sizeof *values);
    uint32_t *rank = NULL;
    out->code = cq_arena_calloc(a, n ? n : 1, sizeof *out->code);
    if (!values || !out->code) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    if (vs->cap)
        memset(vs->id, 0, vs->cap * sizeof *vs->id);
    vs->len = 0;
    /* provisional codes: order of first appearance, from 1 */
    for (size_t r = 0; r < n; r++) {
        if (isnan(x[r]))
            continue;
        uint64_t bits;
        memcpy(&bits, &x[r], sizeof bits);
        uint32_t id = find(vs, bits); /* the common case: a value seen before */
        if (id == 0)
            id = intern(vs, x[r], &values, &cap_values);
        if (id == 0) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
        out->code[r] = id;
    }
    size_t k = vs->len;
    out->n_values = k + 1;
    out->value = cq_arena_calloc(a, k + 1, sizeof *out->value);
    rank = malloc((k + 1) * sizeof *rank);
    if (!out->value || !rank) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    /* final codes: the rank of the value among the distinct values */
    out->value[0] = NAN;
    memcpy(out->value + 1, values, k * sizeof *values);
    qsort(out->value + 1, k, sizeof *values, cmp_double);
    rank[0] = 0;
    for (size_t p = 1; p <= k; p++)
        rank[intern(vs, out->value[p], &values, &cap_values)] = (uint32_t)p;
    for (size_t r = 0; r < n; r++)
        out->code[r] = rank[out->code[r]];
cleanup:
    free(values);
    free(rank);
    return status;
}

/* Doubles the set's table. */
static int
grow(value_set *vs)
{
    size_t cap = vs->cap ? 2 * vs->cap : 256;
    uint64_t *nb = malloc(cap * sizeof *nb);
    uint32_t *ni = calloc(cap, sizeof *ni);
    if (!nb || !ni) {
        free(nb);
        free(ni);
        return -1;
    }
    for (size_t i = 0; i < vs->cap; i++) {
        if (!vs->id[i])
            continue;
        size_t j = slot_of(vs->bits[i], cap);
        while (ni[j])
            j = (j + 1) & (cap - 1);
        nb[j] = vs->bits[i];
        ni[j] = vs->id[i];
    }
    free(vs->bits);
    free(vs->id);
    vs->bits = nb;
    vs->id = ni;
    vs->cap = cap;
    return 0;
}

/* The code of v (1-based order of first appearance), adding it to the set and
 * to *values when new; 0 when out of memory. */
static uint32_t
intern(value_set *vs, double v, double **values, size_t *cap_values)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    size_t j = vs->cap ? slot_of(bits, vs->cap) : 0;
    while (vs->cap && vs->id[j]) {
        if (vs->bits[j] == bits)
            return vs->id[j];
        j = (j + 1) & (vs->cap - 1);
    }
    if ((vs->len + 1) * 2 > vs->cap) {
        if (vs->len >= UINT32_MAX - 1 || grow(vs) != 0)
            return 0;
        j = slot_of(bits, vs->cap);
        while (vs->id[j])
            j = (j + 1) & (vs->cap - 1);
    }
    if (vs->len == *cap_values) {
        double *nv = realloc(*values, 2 * *cap_values * sizeof *nv);
        if (!nv)
            return 0;
        *values = nv;
        *cap_values *= 2;
    }
    (*values)[vs->len] = v;
    vs->bits[j] = bits;
    vs->id[j] = (uint32_t)++vs->len;
    return vs->id[j];
}

/* Fibonacci hashing of the bits: the high half of the product. */
static size_t
slot_of(uint64_t bits, size_t cap)
{
    return (size_t)((bits * 0x9E3779B97F4A7C15ULL) >> 32) & (cap - 1);
}

/* The code of the value with these bits, or 0 when not in the set. */
static inline uint32_t
find(const value_set *vs, uint64_t bits)
{
    if (!vs->cap)
        return 0;
    size_t j = slot_of(bits, vs->cap);
    while (vs->id[j]) {
        if (vs->bits[j] == bits)
            return vs->id[j];
        j = (j + 1) & (vs->cap - 1);
    }
    return 0;
}
