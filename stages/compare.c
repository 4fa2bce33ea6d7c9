/*
 * compare.c - stage 6: wave comparison (contract §4 "Wave comparison", §5,
 * §8 relevance and change).
 *
 * For each consecutive pair of waves A -> B as given, every breakdown (0 =
 * "all", b >= 1 = settings->groups[b - 1]), every group in the union of the
 * two waves' groups, and every scale, two rows:
 * - independent: Welch's test from the two waves' summary rows (n, mean, sd
 *   of the respondents with a score), so comparison.csv and scale_summary.csv
 *   can never disagree about a group's n or mean;
 * - paired: the respondents whose id is in both waves with a score on the
 *   scale in both, in the group they have in wave B.
 * The numbers come from cq_welch and cq_paired (stats.c), the typed cores
 * that the unit tests check against R; the paired ones through
 * cq_paired_codes2 (compare.h), cq_paired's sums run on the scores' codes,
 * two scales side by side, with the same bits (unit-tested bit for bit).
 *
 * Work per wave pair: the ids matched once; per breakdown, the pairs listed
 * by group once; per scale, the codes of every pair gathered once from the
 * waves' columns into a compact array (2 bytes a pair), then per breakdown
 * each group's pairs with both scores compacted in order and tested.
 *
 * Every row is computed here; which rows may be published, and the
 * Benjamini-Hochberg adjustment over the published ones (contract §5: hidden
 * rows take no part in the family), is the disclose stage's (disclose.c).
 * A group that is absent from one of the two waves has no comparison: its
 * rows are withheld here already (hidden_by summary).  Each row keeps the
 * group's level in both waves, and a paired row the number of its pairs
 * whose wave-A group is the same, for the paired remainder rule.  The
 * matched pairs of each wave pair are kept in st->panels.
 *
 * Row order: wave pair, breakdown, scale, design, group (groups sorted by
 * bytes).  Group strings are copied into the study arena.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/bigmem.h"
#include "copsoq/compare.h"
#include "copsoq/stages.h"
#include "copsoq/stats.h"
#include "copsoq/strmap.h"
#include "copsoq/suppress.h"

#define NONE ((size_t)-1)

/* The groups of one breakdown in the union of waves A and B. */
typedef struct {
    size_t n;
    const char **name;  /* [n] sorted by bytes; borrowed from the waves */
    size_t *level_a;    /* [n] level index in wave A, or NONE */
    size_t *level_b;    /* [n] level index in wave B, or NONE */
    size_t *of_level_a; /* [levels of A] union index of each level of A */
    size_t *of_level_b; /* [levels of B] union index of each level of B */
} group_union;

/* Summary rows of one wave by (breakdown, level, scale); NULL when absent. */
typedef struct {
    const cq_summary **row; /* [(first[b] + level) * n_scales + scale] */
    size_t *first;          /* [n_groups + 1] first level of breakdown b */
} summary_index;

/* Scratch space for one wave pair. */
typedef struct {
    size_t *pair_a, *pair_b; /* [n_pairs] respondent rows in A and B */
    size_t n_pairs;
    /* per breakdown b (set up once for all scales): */
    uint32_t **perm;             /* [b][n_pairs] the pairs by group (their group in wave B),
                                    in order within a group; NULL for "all" */
    uint8_t **same;              /* [b][n_pairs] in that order: 1 when the pair's wave-A
                                    group is the same */
    size_t **start;              /* [b][groups + 1] first slot of each group's pairs */
    const char ***names;         /* per scale, for two scales at a time ([0], [1]): */
    uint16_t *codes[2];          /* [n_pairs] score codes of each pair, a | b << 8 */
    uint16_t *buf[2];            /* [n_pairs] codes of the pairs with both scores, by group */
    double *diff[2];             /* [65536] diff[c] = value_b[c >> 8] - value_a[c & 0xff] */
    double *xa, *xb;             /* [n_pairs] scores (scales of over 256 codes) */
    size_t *fill[2], *n_same[2]; /* [groups] */
    size_t *first;               /* [b] first comparison row of breakdown b */
} workspace;

static size_t n_levels(const cq_study *st, size_t w, size_t b);
static cq_status index_summary(const cq_study *st, size_t w, summary_index *ix);
static const cq_summary *summary_of(const cq_study *st, const summary_index *ix, size_t b,
                                    size_t level, size_t scale);
static cq_status union_groups(const cq_study *st, size_t wa, size_t wb, size_t b, group_union *u);
static void free_union(group_union *u);
static cq_status match_ids(cq_study *st, size_t wb, workspace *ws);
static cq_status setup_breakdown(cq_study *st, size_t wa, size_t wb, size_t b, const group_union *u,
                                 workspace *ws);
static void independent_rows(cq_study *st, const summary_index *ix, size_t wa, size_t wb, size_t b,
                             const group_union *u, size_t s, const char **names,
                             cq_comparison *rows);
static int gather_codes(const cq_study *st, size_t wa, size_t wb, size_t s, workspace *ws, int k);
static void bucket(const cq_study *st, size_t wa, size_t wb, size_t b, const group_union *u,
                   size_t s, size_t n_k, int coded, workspace *ws);
static void paired_rows(cq_study *st, const summary_index *ix, size_t wa, size_t wb, size_t b,
                        const group_union *u, size_t s, size_t n_sc, workspace *ws,
                        cq_comparison *rows);
static void withhold(cq_comparison *row);
static void take_test(cq_comparison *row, const cq_ttest *t);

cq_status
cq_stage_compare(cq_study *st, cq_diag *d)
{
    const cq_settings *set = st->settings;
    size_t n_scales = st->ins->n_scales, nw = st->n_waves;
    size_t G = set->n_groups + 1, n_pairs_w = nw > 1 ? nw - 1 : 0, max_n = 1;
    cq_status status = CQ_OK;
    summary_index *ix = calloc(nw ? nw : 1, sizeof *ix);
    group_union *unions = NULL; /* [wave pair * (n_groups + 1) + breakdown] */
    workspace ws;
    memset(&ws, 0, sizeof ws);
    st->comparison = NULL;
    st->n_comparison = 0;
    if (!ix) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    /* the groups of each wave pair and breakdown (kept for all the steps
     * below); sizes: rows, largest union of groups, largest wave */
    unions = calloc(n_pairs_w * G + 1, sizeof *unions);
    if (!unions) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    size_t total = 0, max_groups = 1;
    for (size_t w = 0; w < n_pairs_w; w++) {
        for (size_t b = 0; b < G; b++) {
            group_union *u = &unions[w * G + b];
            status = union_groups(st, w, w + 1, b, u);
            if (status != CQ_OK)
                goto cleanup;
            total += u->n * n_scales * 2;
            if (u->n > max_groups)
                max_groups = u->n;
        }
    }
    for (size_t w = 0; w < nw; w++) {
        if (st->waves[w].n > max_n)
            max_n = st->waves[w].n;
        status = index_summary(st, w, &ix[w]);
        if (status != CQ_OK)
            goto cleanup;
    }
    st->comparison = calloc(total ? total : 1, sizeof *st->comparison);
    /* xa and xb are touched only for scales of over 256 score codes */
    for (int k = 0; k < 2; k++) {
        ws.codes[k] = cq_big_calloc(max_n, sizeof *ws.codes[k]);
        ws.buf[k] = cq_big_calloc(max_n, sizeof *ws.buf[k]);
        ws.diff[k] = malloc(65536 * sizeof *ws.diff[k]);
        ws.fill[k] = malloc(max_groups * sizeof *ws.fill[k]);
        ws.n_same[k] = malloc(max_groups * sizeof *ws.n_same[k]);
    }
    ws.xa = malloc(max_n * sizeof *ws.xa);
    ws.xb = malloc(max_n * sizeof *ws.xb);
    ws.perm = calloc(G, sizeof *ws.perm);
    ws.same = calloc(G, sizeof *ws.same);
    ws.start = calloc(G, sizeof *ws.start);
    ws.names = calloc(G, sizeof *ws.names);
    ws.first = malloc(G * sizeof *ws.first);
    st->panels = calloc(n_pairs_w + 1, sizeof *st->panels);
    if (!st->comparison || !ws.codes[0] || !ws.codes[1] || !ws.buf[0] || !ws.buf[1] ||
        !ws.diff[0] || !ws.diff[1] || !ws.fill[0] || !ws.fill[1] || !ws.n_same[0] ||
        !ws.n_same[1] || !ws.xa || !ws.xb || !ws.perm || !ws.same || !ws.start || !ws.names ||
        !ws.first || !st->panels) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t b = 0; b < G; b++) {
        ws.start[b] = malloc((max_groups + 1) * sizeof **ws.start);
        ws.names[b] = malloc(max_groups * sizeof **ws.names);
        if (b > 0) {
            ws.perm[b] = cq_big_calloc(max_n, sizeof **ws.perm);
            ws.same[b] = cq_big_calloc(max_n, sizeof **ws.same);
        }
        if (!ws.start[b] || !ws.names[b] || (b > 0 && (!ws.perm[b] || !ws.same[b]))) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
    }
    size_t out = 0;
    for (size_t w = 0; w + 1 < nw; w++) {
        /* the matched pairs, kept in st->panels (at most one a row of B;
         * the unused end of the arrays is given back) */
        cq_panel *pn = &st->panels[w];
        size_t nb = st->waves[w + 1].n ? st->waves[w + 1].n : 1;
        pn->a = malloc(nb * sizeof *pn->a);
        pn->b = malloc(nb * sizeof *pn->b);
        if (!pn->a || !pn->b) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
        ws.pair_a = pn->a;
        ws.pair_b = pn->b;
        status = match_ids(st, w + 1, &ws);
        if (status != CQ_OK)
            goto cleanup;
        pn->n = ws.n_pairs;
        size_t *ra = realloc(pn->a, (pn->n ? pn->n : 1) * sizeof *pn->a);
        size_t *rb = realloc(pn->b, (pn->n ? pn->n : 1) * sizeof *pn->b);
        ws.pair_a = pn->a = ra ? ra : pn->a;
        ws.pair_b = pn->b = rb ? rb : pn->b;
        /* the rows of breakdown b start at first[b]; within them
         * rows[(s * 2 + design) * n_groups + g] */
        const group_union *u = &unions[w * G];
        size_t *first = ws.first;
        for (size_t b = 0; b < G; b++) {
            first[b] = out;
            out += u[b].n * n_scales * 2;
            status = setup_breakdown(st, w, w + 1, b, &u[b], &ws);
            if (status != CQ_OK)
                goto cleanup;
        } /* two scales at a time: each scale's pair codes gathered once for
           * all breakdowns, and the paired tests of the two scales' group g
           * side by side (cq_paired_codes2) */
        for (size_t s = 0; s < n_scales; s += 2) {
            size_t n_sc = s + 1 < n_scales ? 2 : 1;
            for (size_t b = 0; b < G; b++)
                for (size_t k = 0; k < n_sc; k++) {
                    cq_comparison *rows = st->comparison + first[b];
                    independent_rows(st, ix, w, w + 1, b, &u[b], s + k, ws.names[b],
                                     rows + ((s + k) * 2 + CQ_INDEPENDENT) * u[b].n);
                }
            int coded = 1;
            for (size_t k = 0; k < n_sc; k++)
                coded &= gather_codes(st, w, w + 1, s + k, &ws, k);
            for (size_t b = 0; b < G; b++) {
                if (coded) {
                    paired_rows(st, ix, w, w + 1, b, &u[b], s, n_sc, &ws,
                                st->comparison + first[b]);
                } else {
                    for (size_t k = 0; k < n_sc; k++)
                        paired_rows(st, ix, w, w + 1, b, &u[b], s + k, 0, &ws,
                                    st->comparison + first[b]);
                }
                for (size_t k = 0; k < n_sc; k++) {
                    cq_comparison *par =
                        st->comparison + first[b] + ((s + k) * 2 + CQ_PAIRED) * u[b].n;
                    for (size_t g = 0; g < u[b].n; g++)
                        par[g].group = ws.names[b][g];
                }
            }
        }
    }
    st->n_comparison = out;
cleanup:
    for (size_t i = 0; unions && i < n_pairs_w * G; i++)
        free_union(&unions[i]);
    free(unions);
    for (size_t w = 0; ix && w < nw; w++) {
        free(ix[w].row);
        free(ix[w].first);
    }
    free(ix);
    for (size_t b = 0; b < G; b++) {
        cq_big_free(ws.perm ? ws.perm[b] : NULL, max_n * sizeof **ws.perm);
        cq_big_free(ws.same ? ws.same[b] : NULL, max_n * sizeof **ws.same);
        free(ws.start ? ws.start[b] : NULL);
        free(ws.names ? ws.names[b] : NULL);
    }
    free(ws.perm);
    free(ws.same);
    free(ws.start);
    free(ws.names);
    free(ws.first);
    for (int k = 0; k < 2; k++) {
        cq_big_free(ws.codes[k], max_n * sizeof *ws.codes[k]);
        cq_big_free(ws.buf[k], max_n * sizeof *ws.buf[k]);
        free(ws.diff[k]);
        free(ws.fill[k]);
        free(ws.n_same[k]);
    }
    free(ws.xa);
    free(ws.xb);
    if (status != CQ_OK)
        return cq_fail(d, status, "out of memory while comparing waves");
    return CQ_OK;
}

/* Levels of breakdown b in wave w (1 for "all"). */
static size_t
n_levels(const cq_study *st, size_t w, size_t b)
{
    return b == 0 ? 1 : st->waves[w].n_levels[b - 1];
}

/* Index of wave w's summary rows: group names resolved to level indices by
 * binary search (levels are sorted by bytes), with a linear scan as fallback. */
static cq_status
index_summary(const cq_study *st, size_t w, summary_index *ix)
{
    size_t nb = st->settings->n_groups + 1, n_scales = st->ins->n_scales;
    ix->first = malloc(nb * sizeof *ix->first);
    if (!ix->first)
        return CQ_ERR_NOMEM;
    size_t levels = 0;
    for (size_t b = 0; b < nb; b++) {
        ix->first[b] = levels;
        levels += n_levels(st, w, b);
    }
    ix->row = calloc(levels * n_scales + 1, sizeof *ix->row);
    if (!ix->row)
        return CQ_ERR_NOMEM;
    for (size_t i = 0; i < st->n_summary; i++) {
        const cq_summary *r = &st->summary[i];
        if (r->wave != w || r->breakdown >= nb || r->scale >= n_scales)
            continue;
        size_t nlev = n_levels(st, w, r->breakdown), v = 0;
        if (r->breakdown > 0) {
            char *const *lev = st->waves[w].levels[r->breakdown - 1];
            size_t lo = 0, hi = nlev;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (strcmp(lev[mid], r->group) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            v = lo;
            if (v >= nlev || strcmp(lev[v], r->group) != 0)
                for (v = 0; v < nlev && strcmp(lev[v], r->group) != 0; v++)
                    ;
        }
        if (v < nlev)
            ix->row[(ix->first[r->breakdown] + v) * n_scales + r->scale] = r;
    }
    return CQ_OK;
}

static const cq_summary *
summary_of(const cq_study *st, const summary_index *ix, size_t b, size_t level, size_t scale)
{
    if (level == NONE)
        return NULL;
    return ix->row[(ix->first[b] + level) * st->ins->n_scales + scale];
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The union of breakdown b's groups in waves wa and wb, sorted by bytes. */
static cq_status
union_groups(const cq_study *st, size_t wa, size_t wb, size_t b, group_union *u)
{
    static const char *const all = "all";
    cq_status status = CQ_OK;
    cq_strmap map = {0};
    size_t na = n_levels(st, wa, b), nb = n_levels(st, wb, b);
    memset(u, 0, sizeof *u);
    u->name = malloc((na + nb) * sizeof *u->name);
    u->level_a = malloc((na + nb) * sizeof *u->level_a);
    u->level_b = malloc((na + nb) * sizeof *u->level_b);
    u->of_level_a = malloc((na ? na : 1) * sizeof *u->of_level_a);
    u->of_level_b = malloc((nb ? nb : 1) * sizeof *u->of_level_b);
    if (!u->name || !u->level_a || !u->level_b || !u->of_level_a || !u->of_level_b) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    if (b == 0) {
        u->n = 1;
        u->name[0] = all;
        u->level_a[0] = u->level_b[0] = u->of_level_a[0] = u->of_level_b[0] = 0;
        goto cleanup;
    }
    char *const *la = st->waves[wa].levels[b - 1], *const *lb = st->waves[wb].levels[b - 1];
    for (size_t v = 0; v < na + nb; v++) {
        const char *name = v < na ? la[v] : lb[v - na];
        int found;
        if (cq_strmap_get_or_put(&map, name, u->n, &found) == NONE) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
        if (!found)
            u->name[u->n++] = name;
    }
    qsort(u->name, u->n, sizeof *u->name, cmp_names);
    cq_strmap_free(&map);
    for (size_t g = 0; g < u->n; g++) {
        if (cq_strmap_put(&map, u->name[g], g) != 0) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
        u->level_a[g] = u->level_b[g] = NONE;
    }
    for (size_t v = 0; v < na; v++) {
        size_t g = cq_strmap_get(&map, la[v]);
        u->level_a[g] = v;
        u->of_level_a[v] = g;
    }
    for (size_t v = 0; v < nb; v++) {
        size_t g = cq_strmap_get(&map, lb[v]);
        u->level_b[g] = v;
        u->of_level_b[v] = g;
    }
cleanup:
    cq_strmap_free(&map);
    if (status != CQ_OK)
        free_union(u);
    return status;
}

static void
free_union(group_union *u)
{
    free(u->name);
    free(u->level_a);
    free(u->level_b);
    free(u->of_level_a);
    free(u->of_level_b);
    memset(u, 0, sizeof *u);
}

/* The respondents of wave wb whose id is also in wave wb - 1: ws->pair_a/
 * pair_b, from the matches the announcement made (cq_study_prev_rows). */
static cq_status
match_ids(cq_study *st, size_t wb, workspace *ws)
{
    const uint32_t *prev = cq_study_prev_rows(st, wb);
    if (!prev)
        return CQ_ERR_NOMEM;
    ws->n_pairs = 0;
    for (size_t r = 0; r < st->waves[wb].n; r++) {
        if (!prev[r])
            continue;
        ws->pair_a[ws->n_pairs] = prev[r] - 1;
        ws->pair_b[ws->n_pairs] = r;
        ws->n_pairs++;
    }
    return CQ_OK;
}

/* Breakdown b of a wave pair, for all its scales: the group names (in the
 * study arena), each pair's group in wave B and whether its wave-A group is
 * the same, and where each group's pairs start in the buckets (pairs in
 * their order within a group, as a stable counting sort). */
static cq_status
setup_breakdown(cq_study *st, size_t wa, size_t wb, size_t b, const group_union *u, workspace *ws)
{
    const char **names = ws->names[b];
    for (size_t g = 0; g < u->n; g++) {
        names[g] = cq_arena_strdup(&st->arena, u->name[g]);
        if (!names[g])
            return CQ_ERR_NOMEM;
    }
    size_t *start = ws->start[b];
    memset(start, 0, (u->n + 1) * sizeof *start);
    if (b == 0) {
        start[1] = ws->n_pairs;
        return CQ_OK;
    }
    const uint32_t *grp_a = st->waves[wa].group[b - 1], *grp_b = st->waves[wb].group[b - 1];
    uint32_t *perm = ws->perm[b];
    uint8_t *same = ws->same[b];
    for (size_t p = 0; p < ws->n_pairs; p++)
        start[u->of_level_b[grp_b[ws->pair_b[p]]] + 1]++;
    for (size_t g = 0; g < u->n; g++)
        start[g + 1] += start[g];
    size_t *fill = ws->fill[0];
    memcpy(fill, start, u->n * sizeof *fill);
    for (size_t p = 0; p < ws->n_pairs; p++) {
        size_t g = u->of_level_b[grp_b[ws->pair_b[p]]], j = fill[g]++;
        perm[j] = (uint32_t)p;
        same[j] = u->of_level_a[grp_a[ws->pair_a[p]]] == g;
    }
    return CQ_OK;
}

/* The independent rows of one breakdown and scale. */
static void
independent_rows(cq_study *st, const summary_index *ix, size_t wa, size_t wb, size_t b,
                 const group_union *u, size_t s, const char **names, cq_comparison *rows)
{
    for (size_t g = 0; g < u->n; g++) {
        cq_comparison *row = &rows[g];
        const cq_summary *sa = summary_of(st, &ix[wa], b, u->level_a[g], s);
        const cq_summary *sb = summary_of(st, &ix[wb], b, u->level_b[g], s);
        row->breakdown = b;
        row->scale = s;
        row->group = names[g];
        row->design = CQ_INDEPENDENT;
        row->wave_a = wa;
        row->wave_b = wb;
        row->level_a = u->level_a[g];
        row->level_b = u->level_b[g];
        if (!sa || !sb) {
            withhold(row);
            continue;
        }
        cq_ttest t;
        cq_welch(sa->n, sa->mean, sa->sd, sb->n, sb->mean, sb->sd, &t);
        take_test(row, &t);
    }
}

/* Scale s's score codes of every pair, a | b << 8, in ws->codes[k], and
 * the differences of the scores of each code, ws->diff[k]; 0 when a
 * wave's scale has over 256 codes (paired_rows then takes the scores). */
static int
gather_codes(const cq_study *st, size_t wa, size_t wb, size_t s, workspace *ws, int k)
{
    const cq_scores *score_a = &st->waves[wa].scores[s], *score_b = &st->waves[wb].scores[s];
    if (score_a->n_values > 256 || score_b->n_values > 256)
        return 0;
    uint16_t *codes = ws->codes[k];
    if (score_a->code8 && score_b->code8) { /* always, with at most 256 values */
        const uint8_t *ca = score_a->code8, *cb = score_b->code8;
        for (size_t p = 0; p < ws->n_pairs; p++)
            codes[p] = (uint16_t)(ca[ws->pair_a[p]] | cb[ws->pair_b[p]] << 8);
    } else {
        for (size_t p = 0; p < ws->n_pairs; p++)
            codes[p] = (uint16_t)(cq_score_code(score_a, ws->pair_a[p]) |
                                  cq_score_code(score_b, ws->pair_b[p]) << 8);
    }
    for (size_t b = 0; b < score_b->n_values; b++)
        for (size_t a = 0; a < score_a->n_values; a++)
            ws->diff[k][b << 8 | a] = score_b->value[b] - score_a->value[a];
    return 1;
}

/* The pairs of one breakdown with a score in both waves on scales s ..
 * s + n_k - 1, in their group's bucket (in order): codes in ws->buf[k]
 * (coded), else scores in ws->xa, ws->xb (n_k 1); group g's run to
 * ws->fill[k][g], and ws->n_same[k][g] of them have the same group in
 * wave A. */
static void
bucket(const cq_study *st, size_t wa, size_t wb, size_t b, const group_union *u, size_t s,
       size_t n_k, int coded, workspace *ws)
{
    const uint32_t *perm = ws->perm[b];
    const uint8_t *same = ws->same[b];
    const size_t *start = ws->start[b];
    if (!coded) {
        const cq_scores *score_a = &st->waves[wa].scores[s], *score_b = &st->waves[wb].scores[s];
        for (size_t g = 0; g < u->n; g++) {
            size_t m = start[g], n_same = 0;
            for (size_t j = start[g]; j < start[g + 1]; j++) {
                size_t p = perm ? perm[j] : j;
                double xa = cq_score(score_a, ws->pair_a[p]), xb = cq_score(score_b, ws->pair_b[p]);
                if (isnan(xa) || isnan(xb))
                    continue;
                ws->xa[m] = xa;
                ws->xb[m] = xb;
                m++;
                n_same += !perm || same[j];
            }
            ws->fill[0][g] = m;
            ws->n_same[0][g] = n_same;
        }
        return;
    }
    /* has[k][c]: code c of wave A (bit 0) or B (bit 1) is a score */
    uint8_t has[2][256];
    memset(has, 0, sizeof has);
    for (size_t k = 0; k < n_k; k++) {
        const cq_scores *score_a = &st->waves[wa].scores[s + k];
        const cq_scores *score_b = &st->waves[wb].scores[s + k];
        for (size_t c = 0; c < score_a->n_values; c++)
            has[k][c] |= !isnan(score_a->value[c]);
        for (size_t c = 0; c < score_b->n_values; c++)
            has[k][c] |= (uint8_t)(!isnan(score_b->value[c]) << 1);
    }
    const uint16_t *codes0 = ws->codes[0], *codes1 = ws->codes[1];
    uint16_t *buf0 = ws->buf[0], *buf1 = ws->buf[1];
    const uint8_t *has0 = has[0], *has1 = has[1];
    for (size_t g = 0; g < u->n; g++) {
        size_t m0 = start[g], m1 = start[g], same0 = 0, same1 = 0;
        for (size_t j = start[g]; j < start[g + 1]; j++) {
            size_t p = perm ? perm[j] : j, sm = perm ? same[j] : 1;
            uint16_t c = codes0[p];
            size_t ok = (has0[c & 0xff] & 1) & (has0[c >> 8] >> 1);
            buf0[m0] = c;
            m0 += ok;
            same0 += ok & sm;
            if (n_k == 2) {
                c = codes1[p];
                ok = (has1[c & 0xff] & 1) & (has1[c >> 8] >> 1);
                buf1[m1] = c;
                m1 += ok;
                same1 += ok & sm;
            }
        }
        ws->fill[0][g] = m0;
        ws->n_same[0][g] = same0;
        ws->fill[1][g] = m1;
        ws->n_same[1][g] = same1;
    }
}

/* The paired rows of one breakdown: scales s .. s + n_sc - 1 (n_sc 1 or 2)
 * from their codes, or (n_sc 0) scale s from its scores.  rows: the
 * breakdown's first row. */
static void
paired_rows(cq_study *st, const summary_index *ix, size_t wa, size_t wb, size_t b,
            const group_union *u, size_t s, size_t n_sc, workspace *ws, cq_comparison *rows)
{
    const size_t *start = ws->start[b];
    size_t n_k = n_sc ? n_sc : 1;
    bucket(st, wa, wb, b, u, s, n_k, n_sc > 0, ws);
    for (size_t g = 0; g < u->n; g++) {
        cq_ttest t[2];
        cq_paired_job job[2];
        for (size_t k = 0; k < n_k; k++) {
            const cq_scores *score_a = &st->waves[wa].scores[s + k];
            const cq_scores *score_b = &st->waves[wb].scores[s + k];
            job[k] = (cq_paired_job){ws->buf[k] + start[g], ws->fill[k][g] - start[g],
                                     score_a->value, score_b->value, ws->diff[k]};
        }
        if (n_sc == 0)
            cq_paired(ws->xa + start[g], ws->xb + start[g], job[0].m, &t[0]);
        else if (n_sc == 1)
            cq_paired_codes(&job[0], ws->xa, ws->xb, &t[0]);
        else
            cq_paired_codes2(&job[0], &job[1], ws->xa, ws->xb, &t[0], &t[1]);
        for (size_t k = 0; k < n_k; k++) {
            cq_comparison *row = &rows[((s + k) * 2 + CQ_PAIRED) * u->n + g];
            const cq_summary *sa = summary_of(st, &ix[wa], b, u->level_a[g], s + k);
            const cq_summary *sb = summary_of(st, &ix[wb], b, u->level_b[g], s + k);
            row->breakdown = b;
            row->scale = s + k;
            row->design = CQ_PAIRED;
            row->wave_a = wa;
            row->wave_b = wb;
            take_test(row, &t[k]);
            row->level_a = u->level_a[g];
            row->level_b = u->level_b[g];
            row->pairs_same_group = ws->n_same[k][g];
            if (!sa || !sb)
                withhold(row);
        }
    }
}

/* The kernels (compare.h): cq_paired's loops (stats.c, with means_paired)
 * with a[i] = va[ab[i] & 0xff], b[i] = vb[ab[i] >> 8] and b[i] - a[i] =
 * diff[ab[i]]: the same operations on the same values in the same order.
 * A long-double addition waits for the one before it in the same sum, so
 * two jobs' sums side by side take about the time of one job's. */

static void
init_test(size_t m, cq_ttest *out)
{
    out->n_a = out->n_b = m;
    out->mean_a = out->mean_b = out->diff = NAN;
    out->sd_diff = out->se = out->t = out->df = out->p = NAN;
    out->ci_low = out->ci_high = out->effect = NAN;
}

/* the first pass, from element i on: s = {sum a, sum b, sum (b - a)} */
static void
sums_from(const cq_paired_job *x, size_t i, long double *s)
{
    const uint16_t *ab = x->ab;
    const double *va = x->va, *vb = x->vb, *diff = x->diff;
    long double sa = s[0], sb = s[1], sd = s[2];
    for (; i < x->m; i++) {
        unsigned c = ab[i];
        sa += va[c & 0xff];
        sb += vb[c >> 8];
        sd += diff[c];
    }
    s[0] = sa;
    s[1] = sb;
    s[2] = sd;
}

/* The means from the first pass's sums (the second pass); 0 when that is
 * all (the test is complete: fewer than 2 pairs, or cq_paired's fallback
 * for a mean that is not finite), 1 when the sum of squares is to follow. */
static int
means(const cq_paired_job *x, const long double *s, double *xa, double *xb, cq_ttest *out)
{
    const uint16_t *ab = x->ab;
    const double *va = x->va, *vb = x->vb, *diff = x->diff;
    size_t m = x->m;
    if (m == 0)
        return 0;
    long double aa = s[0] / (long double)m, ab_ = s[1] / (long double)m;
    long double ad = s[2] / (long double)m;
    if (!isfinite((double)aa) || !isfinite((double)ab_)) {
        for (size_t i = 0; i < m; i++) {
            xa[i] = va[ab[i] & 0xff];
            xb[i] = vb[ab[i] >> 8];
        }
        cq_paired(xa, xb, m, out);
        return 0;
    }
    long double ca = 0, cb = 0, cd = 0;
    for (size_t i = 0; i < m; i++) {
        unsigned c = ab[i];
        ca += va[c & 0xff] - aa;
        cb += vb[c >> 8] - ab_;
        cd += diff[c] - ad;
    }
    out->mean_a = (double)(aa + ca / (long double)m);
    out->mean_b = (double)(ab_ + cb / (long double)m);
    out->diff = (double)(ad + cd / (long double)m);
    return m >= 2;
}

/* the sum of squares of (b - a) - md from element i on */
static long double
squares_from(const cq_paired_job *x, size_t i, double md, long double ss)
{
    const uint16_t *ab = x->ab;
    const double *diff = x->diff;
    for (; i < x->m; i++) {
        long double dv = (long double)diff[ab[i]] - md;
        ss += dv * dv;
    }
    return ss;
}

void
cq_paired_codes(const cq_paired_job *x, double *xa, double *xb, cq_ttest *out)
{
    init_test(x->m, out);
    long double s[3] = {0, 0, 0};
    sums_from(x, 0, s);
    if (means(x, s, xa, xb, out))
        cq_paired_finish(out->diff, x->m, squares_from(x, 0, out->diff, 0), out);
}

void
cq_paired_codes2(const cq_paired_job *x, const cq_paired_job *y, double *xa, double *xb,
                 cq_ttest *ox, cq_ttest *oy)
{
    init_test(x->m, ox);
    init_test(y->m, oy);
    size_t n = x->m < y->m ? x->m : y->m;
    const uint16_t *abx = x->ab, *aby = y->ab;
    {
        const double *vax = x->va, *vbx = x->vb, *dx = x->diff;
        const double *vay = y->va, *vby = y->vb, *dy = y->diff;
        long double sax = 0, sbx = 0, sdx = 0, say = 0, sby = 0, sdy = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned c = abx[i], e = aby[i];
            sax += vax[c & 0xff];
            sbx += vbx[c >> 8];
            sdx += dx[c];
            say += vay[e & 0xff];
            sby += vby[e >> 8];
            sdy += dy[e];
        }
        long double s[3] = {sax, sbx, sdx}, t[3] = {say, sby, sdy};
        sums_from(x, n, s);
        sums_from(y, n, t);
        int more_x = means(x, s, xa, xb, ox), more_y = means(y, t, xa, xb, oy);
        if (!more_x || !more_y) {
            if (more_x)
                cq_paired_finish(ox->diff, x->m, squares_from(x, 0, ox->diff, 0), ox);
            if (more_y)
                cq_paired_finish(oy->diff, y->m, squares_from(y, 0, oy->diff, 0), oy);
            return;
        }
    }
    const double *dx = x->diff, *dy = y->diff;
    double mdx = ox->diff, mdy = oy->diff;
    long double ssx = 0, ssy = 0;
    for (size_t i = 0; i < n; i++) {
        long double ex = (long double)dx[abx[i]] - mdx, ey = (long double)dy[aby[i]] - mdy;
        ssx += ex * ex;
        ssy += ey * ey;
    }
    cq_paired_finish(mdx, x->m, squares_from(x, n, mdx, ssx), ox);
    cq_paired_finish(mdy, y->m, squares_from(y, n, mdy, ssy), oy);
}

/* The numbers of a test into a row. */
static void
take_test(cq_comparison *row, const cq_ttest *t)
{
    row->n_a = t->n_a;
    row->n_b = t->n_b;
    row->mean_a = t->mean_a;
    row->mean_b = t->mean_b;
    row->diff = t->diff;
    row->ci_low = t->ci_low;
    row->ci_high = t->ci_high;
    row->t = t->t;
    row->df = t->df;
    row->p = t->p;
    row->effect = t->effect;
}

/* A group absent from one wave: keys and flag only. */
static void
withhold(cq_comparison *row)
{
    row->suppressed = 1;
    row->hidden_by = CQ_HID_SUMMARY;
    row->n_a = row->n_b = 0;
    row->mean_a = row->mean_b = row->diff = row->ci_low = row->ci_high = NAN;
    row->t = row->df = row->p = row->p_adj = row->effect = NAN;
    row->relevance = -1;
    row->change = 0;
}
