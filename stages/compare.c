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
 * that the unit tests check against R.
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
#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    size_t *order;   /* [n_pairs] pairs bucketed by group */
    size_t *start;   /* [groups + 1] bucket boundaries */
    double *xa, *xb; /* [n_pairs] gathered scores */
} workspace;

static size_t n_levels(const cq_study *st, size_t w, size_t b);
static cq_status index_summary(const cq_study *st, size_t w, summary_index *ix);
static const cq_summary *summary_of(const cq_study *st, const summary_index *ix, size_t b,
                                    size_t level, size_t scale);
static cq_status union_groups(const cq_study *st, size_t wa, size_t wb, size_t b, group_union *u);
static void free_union(group_union *u);
static cq_status match_ids(cq_study *st, size_t wa, size_t wb, workspace *ws);
static cq_status compare_breakdown(cq_study *st, const summary_index *ix, size_t wa, size_t wb,
                                   size_t b, const group_union *u, workspace *ws,
                                   cq_comparison *rows, size_t *n_rows);
static void paired_rows(cq_study *st, const summary_index *ix, size_t wa, size_t wb, size_t b,
                        const group_union *u, size_t s, workspace *ws, cq_comparison *rows);
static void withhold(cq_comparison *row);
static void take_test(cq_comparison *row, const cq_ttest *t);

cq_status
cq_stage_compare(cq_study *st, cq_diag *d)
{
    const cq_settings *set = st->settings;
    size_t n_scales = st->ins->n_scales, nw = st->n_waves;
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
    size_t G = set->n_groups + 1, n_pairs_w = nw > 1 ? nw - 1 : 0;
    unions = calloc(n_pairs_w * G + 1, sizeof *unions);
    if (!unions) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    size_t total = 0, max_groups = 1, max_n = 1;
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
    ws.pair_a = malloc(max_n * sizeof *ws.pair_a);
    ws.pair_b = malloc(max_n * sizeof *ws.pair_b);
    ws.order = malloc(max_n * sizeof *ws.order);
    ws.xa = malloc(max_n * sizeof *ws.xa);
    ws.xb = malloc(max_n * sizeof *ws.xb);
    ws.start = malloc((max_groups + 1) * sizeof *ws.start);
    st->panels = calloc(n_pairs_w + 1, sizeof *st->panels);
    if (!st->comparison || !ws.pair_a || !ws.pair_b || !ws.order || !ws.xa || !ws.xb || !ws.start ||
        !st->panels) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    size_t out = 0;
    for (size_t w = 0; w + 1 < nw; w++) {
        status = match_ids(st, w, w + 1, &ws);
        if (status != CQ_OK)
            goto cleanup;
        cq_panel *pn = &st->panels[w];
        pn->a = malloc((ws.n_pairs ? ws.n_pairs : 1) * sizeof *pn->a);
        pn->b = malloc((ws.n_pairs ? ws.n_pairs : 1) * sizeof *pn->b);
        if (!pn->a || !pn->b) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
        memcpy(pn->a, ws.pair_a, ws.n_pairs * sizeof *pn->a);
        memcpy(pn->b, ws.pair_b, ws.n_pairs * sizeof *pn->b);
        pn->n = ws.n_pairs;
        for (size_t b = 0; b <= set->n_groups; b++) {
            size_t added = 0;
            status = compare_breakdown(st, ix, w, w + 1, b, &unions[w * G + b], &ws,
                                       st->comparison + out, &added);
            if (status != CQ_OK)
                goto cleanup;
            out += added;
        }
    }
    st->n_comparison = out;
cleanup:
    for (size_t i = 0; unions && i < (nw > 1 ? nw - 1 : 0) * (set->n_groups + 1); i++)
        free_union(&unions[i]);
    free(unions);
    for (size_t w = 0; ix && w < nw; w++) {
        free(ix[w].row);
        free(ix[w].first);
    }
    free(ix);
    free(ws.pair_a);
    free(ws.pair_b);
    free(ws.order);
    free(ws.xa);
    free(ws.xb);
    free(ws.start);
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

/* The respondents of wave wb whose id is also in wave wa: ws->pair_a/pair_b.
 * Wave A's id map is built once (cq_wave_id_map), usually already in its
 * wave's thread (pipeline/waves.c). */
static cq_status
match_ids(cq_study *st, size_t wa, size_t wb, workspace *ws)
{
    const cq_wave *b = &st->waves[wb];
    const cq_strmap *map = cq_wave_id_map(&st->waves[wa]);
    if (!map)
        return CQ_ERR_NOMEM;
    ws->n_pairs = 0;
    for (size_t r = 0; r < b->n; r++) {
        if (r + 16 < b->n) /* a big map's slots are a cache miss each: load ahead */
            cq_strmap_prefetch(map, b->ids[r + 16]);
        size_t ra = cq_strmap_get(map, b->ids[r]);
        if (ra == NONE)
            continue;
        ws->pair_a[ws->n_pairs] = ra;
        ws->pair_b[ws->n_pairs] = r;
        ws->n_pairs++;
    }
    return CQ_OK;
}

/* All rows of one wave pair and breakdown: n_groups * n_scales * 2, laid out
 * as rows[(s * 2 + design) * n_groups + g]. */
static cq_status
compare_breakdown(cq_study *st, const summary_index *ix, size_t wa, size_t wb, size_t b,
                  const group_union *u, workspace *ws, cq_comparison *rows, size_t *n_rows)
{
    size_t n_scales = st->ins->n_scales;
    cq_status status = CQ_OK;
    const char **names = malloc((u->n ? u->n : 1) * sizeof *names);
    if (!names) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t g = 0; g < u->n; g++) {
        names[g] = cq_arena_strdup(&st->arena, u->name[g]);
        if (!names[g]) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
    }
    /* pairs bucketed by their group in wave B (a stable counting sort) */
    const uint32_t *grp_b = b ? st->waves[wb].group[b - 1] : NULL;
    memset(ws->start, 0, (u->n + 1) * sizeof *ws->start);
    for (size_t j = 0; j < ws->n_pairs; j++)
        ws->start[(grp_b ? u->of_level_b[grp_b[ws->pair_b[j]]] : 0) + 1]++;
    for (size_t g = 0; g < u->n; g++)
        ws->start[g + 1] += ws->start[g];
    for (size_t j = 0; j < ws->n_pairs; j++)
        ws->order[ws->start[grp_b ? u->of_level_b[grp_b[ws->pair_b[j]]] : 0]++] = j;
    for (size_t g = u->n; g > 0; g--)
        ws->start[g] = ws->start[g - 1];
    ws->start[0] = 0;

    const summary_index *ia = &ix[wa], *ib = &ix[wb];
    for (size_t s = 0; s < n_scales; s++) {
        cq_comparison *ind = rows + (s * 2 + CQ_INDEPENDENT) * u->n;
        cq_comparison *par = rows + (s * 2 + CQ_PAIRED) * u->n;
        for (size_t g = 0; g < u->n; g++) {
            cq_comparison *row = &ind[g];
            const cq_summary *sa = summary_of(st, ia, b, u->level_a[g], s);
            const cq_summary *sb = summary_of(st, ib, b, u->level_b[g], s);
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
        paired_rows(st, ix, wa, wb, b, u, s, ws, par);
        for (size_t g = 0; g < u->n; g++)
            par[g].group = names[g];
    }
    *n_rows = u->n * n_scales * 2;
cleanup:
    free(names);
    return status;
}

/* The paired rows of one breakdown and scale. */
static void
paired_rows(cq_study *st, const summary_index *ix, size_t wa, size_t wb, size_t b,
            const group_union *u, size_t s, workspace *ws, cq_comparison *rows)
{
    const cq_scores *score_a = &st->waves[wa].scores[s], *score_b = &st->waves[wb].scores[s];
    const uint32_t *grp_a = b ? st->waves[wa].group[b - 1] : NULL;
    for (size_t g = 0; g < u->n; g++) {
        cq_comparison *row = &rows[g];
        const cq_summary *sa = summary_of(st, &ix[wa], b, u->level_a[g], s);
        const cq_summary *sb = summary_of(st, &ix[wb], b, u->level_b[g], s);
        size_t m = 0, same_a = 0; /* pairs; those also in group g in wave A */
        for (size_t j = ws->start[g]; j < ws->start[g + 1]; j++) {
            size_t p = ws->order[j];
            double xa = cq_score(score_a, ws->pair_a[p]), xb = cq_score(score_b, ws->pair_b[p]);
            if (isnan(xa) || isnan(xb))
                continue;
            ws->xa[m] = xa;
            ws->xb[m] = xb;
            m++;
            same_a += !grp_a || u->of_level_a[grp_a[ws->pair_a[p]]] == g;
        }
        cq_ttest t;
        cq_paired(ws->xa, ws->xb, m, &t);
        row->breakdown = b;
        row->scale = s;
        row->design = CQ_PAIRED;
        row->wave_a = wa;
        row->wave_b = wb;
        take_test(row, &t);
        row->level_a = u->level_a[g];
        row->level_b = u->level_b[g];
        row->pairs_same_group = same_a;
        if (!sa || !sb)
            withhold(row);
    }
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
