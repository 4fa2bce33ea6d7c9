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
 *
 * A score depends only on the tuple of its items' answers, and options with
 * the same points give the same score, so a scale whose answer tuples
 * (classes of equal points, plus "missing", per item) number at most
 * TUPLE_MAX is scored by tuple: each respondent's tuple index (in the code
 * array itself), the score of each tuple seen computed as above, the
 * distinct scores sorted, and the codes mapped to their ranks.  No double a
 * respondent, no hashing; the same cq_scores as the plain row-by-row path,
 * which longer scales take (tests/unit/test_score.c compares the two).
 *
 * Both paths build provisional codes (tuple indices, or order of first
 * appearance) in one scratch array of the wave, then store the final codes:
 * one byte a respondent when the scale has at most CQ_CODE8_VALUES values
 * (every COPSOQ scale; all such scales of a wave share one block), else four.
 * At a million respondents that is 26 MB of codes a wave instead of 104 MB,
 * fresh pages that cost more than the arithmetic.
 */
#include "copsoq/score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/bigmem.h"
#include "copsoq/stages.h"

/* Scales with at most this many answer tuples are scored by tuple. */
#define TUPLE_MAX   65536
#define TUPLE_ITEMS 16   /* at most 2^16 tuples: at most 16 items */
#define BLOCK       2048 /* rows a block: a block's codes stay in L1 */

/* Scratch space of the tuple path, reused from scale to scale. */
typedef struct {
    uint32_t mul[TUPLE_ITEMS][256]; /* answer byte -> digit * stride */
    double pts[TUPLE_ITEMS][256];   /* digit -> the points of that class */
    size_t base[TUPLE_ITEMS];       /* classes + 1 (the last: missing) */
    size_t stride[TUPLE_ITEMS];     /* the first item's digit is the most significant */
    uint8_t seen[TUPLE_MAX];        /* tuple index -> 1 when some respondent has it */
    uint32_t rank[TUPLE_MAX];       /* tuple index -> final code */
    struct tuple_value {
        double v;
        uint32_t t;
    } tv[TUPLE_MAX]; /* the tuples seen that have a score */
} tuple_ws;

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
/* Where a scale's codes go: the wave's arena, the one-byte block's row for
 * this scale, and the provisional codes' scratch array. */
typedef struct {
    cq_arena *a;
    uint8_t *code8;
    uint32_t *tmp;
} code_dest;

static cq_status code_scale(const code_dest *cd, const double *x, size_t n, cq_scores *out,
                            value_set *vs);
static cq_status store_codes(const code_dest *cd, const uint32_t *rank, size_t n, cq_scores *out);
static int tuple_setup(const cq_instrument *ins, const cq_scale *sc, tuple_ws *tw,
                       size_t *n_tuples);
static cq_status score_tuples(const cq_scale *sc, const cq_wave *wave, size_t n_tuples,
                              const code_dest *cd, cq_scores *out, tuple_ws *tw);
static int cmp_tuple_value(const void *pa, const void *pb);

cq_status
cq_stage_score(cq_study *st, cq_diag *d)
{
    for (size_t w = 0; w < st->n_waves; w++)
        if (cq_score_wave(st->ins, &st->waves[w], CQ_SCORE_AUTO) != CQ_OK)
            return cq_fail(d, CQ_ERR_NOMEM, "out of memory while scoring wave %s",
                           st->waves[w].label);
    return CQ_OK;
}

cq_status
cq_score_wave(const cq_instrument *ins, cq_wave *wave, cq_score_path path)
{
    size_t n = wave->n;
    cq_status status = CQ_OK;
    wave->scores = cq_arena_calloc(&wave->arena, ins->n_scales, sizeof *wave->scores);
    /* the plain path, one scale at a time: its scores as doubles and the
     * answered counts, allocated when a scale first needs them */
    double *x = NULL;
    unsigned *answered = NULL;
    value_set vs = {0};
    tuple_ws *tw = path == CQ_SCORE_AUTO ? malloc(sizeof *tw) : NULL;
    size_t rows = n ? n : 1;
    uint32_t *tmp = cq_big_calloc(rows, sizeof *tmp);
    uint8_t *block8 = cq_arena_calloc(&wave->arena, ins->n_scales ? ins->n_scales : 1, rows);
    if (!wave->scores || (path == CQ_SCORE_AUTO && !tw) || !tmp || !block8) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t s = 0; s < ins->n_scales; s++) {
        const cq_scale *sc = &ins->scales[s];
        code_dest cd = {&wave->arena, block8 + s * rows, tmp};
        size_t n_tuples;
        if (tw && tuple_setup(ins, sc, tw, &n_tuples)) {
            status = score_tuples(sc, wave, n_tuples, &cd, &wave->scores[s], tw);
            if (status != CQ_OK)
                goto cleanup;
            continue;
        }
        if (!x) {
            x = malloc((n ? n : 1) * sizeof *x);
            answered = malloc((n ? n : 1) * sizeof *answered);
            if (!x || !answered) {
                status = CQ_ERR_NOMEM;
                goto cleanup;
            }
        }
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
        status = code_scale(&cd, x, n, &wave->scores[s], &vs);
        if (status != CQ_OK)
            goto cleanup;
    }
cleanup:
    free(x);
    free(answered);
    free(tw);
    cq_big_free(tmp, (n ? n : 1) * sizeof *tmp);
    free(vs.bits);
    free(vs.id);
    return status;
}

/* The tables of the tuple path for scale sc; 0 when its tuples number more
 * than TUPLE_MAX (the plain path then). */
static int
tuple_setup(const cq_instrument *ins, const cq_scale *sc, tuple_ws *tw, size_t *n_tuples)
{
    size_t k = sc->n_items, total = 1;
    if (k > TUPLE_ITEMS)
        return 0;
    for (size_t j = 0; j < k; j++) {
        size_t i = sc->items[j];
        const cq_response_set *set = &ins->sets[ins->items[i].set];
        size_t n_cls = 0;
        uint8_t digit[256];
        for (size_t o = 0; o < set->n_options && o < CQ_NA; o++) {
            double p = cq_item_points(ins, i, (uint8_t)o);
            size_t c = 0;
            while (c < n_cls && memcmp(&tw->pts[j][c], &p, sizeof p) != 0)
                c++;
            if (c == n_cls)
                tw->pts[j][n_cls++] = p;
            digit[o] = (uint8_t)c;
        }
        /* CQ_NA, and (never in an answer column) bytes past the options */
        for (size_t o = set->n_options < CQ_NA ? set->n_options : CQ_NA; o < 256; o++)
            digit[o] = (uint8_t)n_cls;
        tw->base[j] = n_cls + 1;
        for (size_t o = 0; o < 256; o++)
            tw->mul[j][o] = digit[o];
        if (total > TUPLE_MAX / tw->base[j])
            return 0;
        total *= tw->base[j];
    }
    /* strides: the last item's digit is the least significant */
    size_t stride = 1;
    for (size_t j = k; j-- > 0;) {
        tw->stride[j] = stride;
        for (size_t o = 0; o < 256; o++)
            tw->mul[j][o] *= (uint32_t)stride;
        stride *= tw->base[j];
    }
    *n_tuples = total;
    return 1;
}

/* Scale sc of wave by tuple (tuple_setup done) -> out. */
static cq_status
score_tuples(const cq_scale *sc, const cq_wave *wave, size_t n_tuples, const code_dest *cd,
             cq_scores *out, tuple_ws *tw)
{
    size_t n = wave->n, k = sc->n_items;
    uint32_t *code = cd->tmp; /* the tuple indices */
    memset(tw->seen, 0, n_tuples);
    /* each respondent's tuple index: row by row for up to four items (every
     * COPSOQ scale), else a block of rows at a time, item by item */
    const uint8_t *c0 = k > 0 ? wave->answers[sc->items[0]] : NULL;
    const uint8_t *c1 = k > 1 ? wave->answers[sc->items[1]] : NULL;
    const uint8_t *c2 = k > 2 ? wave->answers[sc->items[2]] : NULL;
    const uint8_t *c3 = k > 3 ? wave->answers[sc->items[3]] : NULL;
    const uint32_t *m0 = tw->mul[0], *m1 = tw->mul[1], *m2 = tw->mul[2], *m3 = tw->mul[3];
    uint8_t *seen = tw->seen;
    switch (k) {
    case 1:
        for (size_t r = 0; r < n; r++)
            seen[code[r] = m0[c0[r]]] = 1;
        break;
    case 2:
        for (size_t r = 0; r < n; r++)
            seen[code[r] = m0[c0[r]] + m1[c1[r]]] = 1;
        break;
    case 3:
        for (size_t r = 0; r < n; r++)
            seen[code[r] = m0[c0[r]] + m1[c1[r]] + m2[c2[r]]] = 1;
        break;
    case 4:
        for (size_t r = 0; r < n; r++)
            seen[code[r] = m0[c0[r]] + m1[c1[r]] + m2[c2[r]] + m3[c3[r]]] = 1;
        break;
    default: /* 0 items: every code 0 */
        if (k == 0)
            memset(code, 0, n * sizeof *code);
        for (size_t r0 = 0; r0 < n && k > 0; r0 += BLOCK) {
            size_t r1 = n - r0 > BLOCK ? r0 + BLOCK : n;
            for (size_t j = 0; j < k; j++) {
                const uint32_t *mul = tw->mul[j];
                const uint8_t *col = wave->answers[sc->items[j]];
                if (j == 0)
                    for (size_t r = r0; r < r1; r++)
                        code[r] = mul[col[r]];
                else
                    for (size_t r = r0; r < r1; r++)
                        code[r] += mul[col[r]];
            }
            for (size_t r = r0; r < r1; r++)
                seen[code[r]] = 1;
        }
        break;
    }
    /* each seen tuple's score, exactly as the plain path computes it */
    size_t m = 0;
    for (size_t t = 0; t < n_tuples; t++) {
        tw->rank[t] = 0;
        if (!tw->seen[t])
            continue;
        double x = 0;
        unsigned answered = 0;
        for (size_t j = 0; j < k; j++) {
            size_t dg = t / tw->stride[j] % tw->base[j];
            if (dg == tw->base[j] - 1)
                continue;
            x += tw->pts[j][dg];
            answered++;
        }
        if (answered > 0 && 2 * (size_t)answered >= k)
            tw->tv[m++] = (struct tuple_value){x / answered, (uint32_t)t};
    }
    qsort(tw->tv, m, sizeof tw->tv[0], cmp_tuple_value);
    size_t nd = 0;
    for (size_t p = 0; p < m; p++)
        nd += p == 0 || tw->tv[p].v != tw->tv[p - 1].v;
    out->n_values = nd + 1;
    out->value = cq_arena_calloc(cd->a, nd + 1, sizeof *out->value);
    if (!out->value)
        return CQ_ERR_NOMEM;
    out->value[0] = NAN;
    nd = 0;
    for (size_t p = 0; p < m; p++) {
        if (p == 0 || tw->tv[p].v != tw->tv[p - 1].v)
            out->value[++nd] = tw->tv[p].v;
        tw->rank[tw->tv[p].t] = (uint32_t)nd;
    }
    return store_codes(cd, tw->rank, n, out);
}

/* The final codes rank[cd->tmp[r]] into out: one byte each when the scale
 * has at most CQ_CODE8_VALUES values, into cd->code8; else four, from the
 * arena. */
static cq_status
store_codes(const code_dest *cd, const uint32_t *rank, size_t n, cq_scores *out)
{
    const uint32_t *tmp = cd->tmp;
    if (out->n_values <= CQ_CODE8_VALUES) {
        uint8_t *code8 = cd->code8;
        for (size_t r = 0; r < n; r++)
            code8[r] = (uint8_t)rank[tmp[r]];
        out->code8 = code8;
        out->code = NULL;
        return CQ_OK;
    }
    uint32_t *code = cq_arena_calloc(cd->a, n ? n : 1, sizeof *code);
    if (!code)
        return CQ_ERR_NOMEM;
    for (size_t r = 0; r < n; r++)
        code[r] = rank[tmp[r]];
    out->code = code;
    out->code8 = NULL;
    return CQ_OK;
}

/* By value, ascending (scores are never NaN nor -0 here). */
static int
cmp_tuple_value(const void *pa, const void *pb)
{
    const struct tuple_value *a = pa, *b = pb;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    return (a->t > b->t) - (a->t < b->t);
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
code_scale(const code_dest *cd, const double *x, size_t n, cq_scores *out, value_set *vs)
{
    cq_status status = CQ_OK;
    size_t cap_values = 64;
    double *values = malloc(cap_values * sizeof *values);
    uint32_t *rank = NULL, *prov = cd->tmp;
    if (!values) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    if (vs->cap)
        memset(vs->id, 0, vs->cap * sizeof *vs->id);
    vs->len = 0;
    /* provisional codes: order of first appearance, from 1 */
    for (size_t r = 0; r < n; r++) {
        prov[r] = 0;
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
        prov[r] = id;
    }
    size_t k = vs->len;
    out->n_values = k + 1;
    out->value = cq_arena_calloc(cd->a, k + 1, sizeof *out->value);
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
    status = store_codes(cd, rank, n, out);
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
