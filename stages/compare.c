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
 * Anonymity (§5): a row is suppressed when the group's summary row for the
 * scale is suppressed in either wave; a group that does not exist in one of
 * the two waves counts as suppressed there.  A paired row is suppressed also
 * when its pairs are fewer than min_group; then the secondary rule runs over
 * the paired rows of one wave pair, breakdown (not "all", as in summarise.c)
 * and scale, counting pairs.  A suppressed row keeps its keys and the flag
 * and nothing else: its counts are 0 and every number NaN, so no later stage
 * can show them by mistake.
 *
 * Benjamini-Hochberg: within one (wave pair, breakdown, group, design), over
 * the scales whose row is shown and has a p-value (an undefined p is not in
 * the family, as R's p.adjust drops NA).  change needs p_adj < 0.05.
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
    size_t *order;     /* [n_pairs] pairs bucketed by group */
    size_t *start;     /* [groups + 1] bucket boundaries */
    double *xa, *xb;   /* [n_pairs] gathered scores */
    size_t *count;     /* [groups] pairs per group, for the secondary rule */
    int *hidden;       /* [groups] */
    double *p, *p_adj; /* [n_scales] one BH family */
} workspace;

static size_t n_levels(const cq_study *st, size_t w, size_t b);
static cq_status index_summary(const cq_study *st, size_t w, summary_index *ix);
static const cq_summary *summary_of(const cq_study *st, const summary_index *ix, size_t b,
                                    size_t level, size_t scale);
static cq_status union_groups(const cq_study *st, size_t wa, size_t wb, size_t b, group_union *u);
static void free_union(group_union *u);
static cq_status match_ids(const cq_study *st, size_t wa, size_t wb, workspace *ws);
static cq_status compare_breakdown(cq_study *st, const summary_index *ix, size_t wa, size_t wb,
                                   size_t b, const group_union *u, workspace *ws,
                                   cq_comparison *rows, size_t *n_rows);
static void paired_rows(cq_study *st, const summary_index *ix, size_t wa, size_t wb, size_t b,
                        const group_union *u, size_t s, workspace *ws, cq_comparison *rows);
static void withhold(cq_comparison *row);
static void take_test(cq_comparison *row, const cq_ttest *t);
static cq_status adjust(cq_study *st, cq_comparison *rows, size_t n_groups, workspace *ws);
static cq_status nested_pairs(cq_study *st, size_t wa, size_t wb, const group_union *u,
                              workspace *ws, cq_comparison *const *block);

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
    ws.count = malloc(max_groups * sizeof *ws.count);
    ws.hidden = malloc(max_groups * sizeof *ws.hidden);
    ws.p = malloc((n_scales ? n_scales : 1) * sizeof *ws.p);
    ws.p_adj = malloc((n_scales ? n_scales : 1) * sizeof *ws.p_adj);
    if (!st->comparison || !ws.pair_a || !ws.pair_b || !ws.order || !ws.xa || !ws.xb || !ws.start ||
        !ws.count || !ws.hidden || !ws.p || !ws.p_adj) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    size_t out = 0;
    for (size_t w = 0; w + 1 < nw; w++) {
        status = match_ids(st, w, w + 1, &ws);
        if (status != CQ_OK)
            goto cleanup;
        cq_comparison **block = malloc((set->n_groups + 1) * sizeof *block);
        if (!block) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
        for (size_t b = 0; b <= set->n_groups; b++) {
            size_t added = 0;
            block[b] = st->comparison + out;
            status = compare_breakdown(st, ix, w, w + 1, b, &unions[w * G + b], &ws,
                                       st->comparison + out, &added);
            if (status != CQ_OK)
                break;
            out += added;
        }
        if (status == CQ_OK && set->n_groups > 1)
            status = nested_pairs(st, w, w + 1, &unions[w * G], &ws, block);
        free(block);
        if (status != CQ_OK)
            goto cleanup;
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
    free(ws.count);
    free(ws.hidden);
    free(ws.p);
    free(ws.p_adj);
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
    for (size_t v = 0; v < na; v++) {
        if (cq_strmap_get(&map, la[v]) != NONE)
            continue;
        if (cq_strmap_put(&map, la[v], u->n) != 0) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
        u->name[u->n++] = la[v];
    }
    for (size_t v = 0; v < nb; v++) {
        if (cq_strmap_get(&map, lb[v]) != NONE)
            continue;
        if (cq_strmap_put(&map, lb[v], u->n) != 0) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
        u->name[u->n++] = lb[v];
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

/* The respondents of wave wb whose id is also in wave wa: ws->pair_a/pair_b. */
static cq_status
match_ids(const cq_study *st, size_t wa, size_t wb, workspace *ws)
{
    const cq_wave *a = &st->waves[wa], *b = &st->waves[wb];
    cq_strmap map = {0};
    ws->n_pairs = 0;
    for (size_t r = 0; r < a->n; r++) {
        if (cq_strmap_get(&map, a->ids[r]) != NONE)
            continue; /* ingest keeps ids unique; the first row would win */
        if (cq_strmap_put(&map, a->ids[r], r) != 0) {
            cq_strmap_free(&map);
            return CQ_ERR_NOMEM;
        }
    }
    for (size_t r = 0; r < b->n; r++) {
        size_t ra = cq_strmap_get(&map, b->ids[r]);
        if (ra == NONE)
            continue;
        ws->pair_a[ws->n_pairs] = ra;
        ws->pair_b[ws->n_pairs] = r;
        ws->n_pairs++;
    }
    cq_strmap_free(&map);
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
            row->suppressed = !sa || !sb || sa->suppressed || sb->suppressed;
            if (row->suppressed) {
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
    status = adjust(st, rows, u->n, ws);
    *n_rows = u->n * n_scales * 2;
cleanup:
    free(names);
    return status;
}

/* The paired rows of one breakdown and scale, suppression included. */
static void
paired_rows(cq_study *st, const summary_index *ix, size_t wa, size_t wb, size_t b,
            const group_union *u, size_t s, workspace *ws, cq_comparison *rows)
{
    const double *score_a = st->waves[wa].scores[s], *score_b = st->waves[wb].scores[s];
    const uint32_t *grp_a = b ? st->waves[wa].group[b - 1] : NULL;
    int min_group = cq_min_group_for(st, s);
    for (size_t g = 0; g < u->n; g++) {
        cq_comparison *row = &rows[g];
        const cq_summary *sa = summary_of(st, &ix[wa], b, u->level_a[g], s);
        const cq_summary *sb = summary_of(st, &ix[wb], b, u->level_b[g], s);
        size_t m = 0, same_a = 0; /* pairs; those also in group g in wave A */
        for (size_t j = ws->start[g]; j < ws->start[g + 1]; j++) {
            size_t p = ws->order[j];
            double xa = score_a[ws->pair_a[p]], xb = score_b[ws->pair_b[p]];
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
        row->suppressed = !sa || !sb || sa->suppressed || sb->suppressed || m < (size_t)min_group;
        /* paired remainder (contract §5, v2): the respondents the pairs leave
         * over, n - pairs in wave B and in wave A the group's others plus the
         * pairs who were elsewhere then, must be none or at least min_group,
         * or the summary minus the pairs gives them away */
        if (!row->suppressed) {
            size_t rest_b = sb->n - m, rest_a = (sa->n - same_a) + (m - same_a);
            row->suppressed = (rest_b > 0 && rest_b < (size_t)min_group) ||
                              (rest_a > 0 && rest_a < (size_t)min_group);
        }
        ws->count[g] = m;
        ws->hidden[g] = row->suppressed;
    }
    if (b > 0)
        cq_suppress_secondary(ws->count, u->name, ws->hidden, u->n, min_group);
    for (size_t g = 0; g < u->n; g++) {
        rows[g].suppressed = ws->hidden[g];
        if (rows[g].suppressed)
            withhold(&rows[g]);
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

/* A suppressed row: keys and flag only. */
static void
withhold(cq_comparison *row)
{
    row->suppressed = 1;
    row->n_a = row->n_b = 0;
    row->mean_a = row->mean_b = row->diff = row->ci_low = row->ci_high = NAN;
    row->t = row->df = row->p = row->p_adj = row->effect = NAN;
    row->relevance = -1;
    row->change = 0;
}

/* p_adj (BH over the scales of one group and design), relevance, change. */
static cq_status
adjust(cq_study *st, cq_comparison *rows, size_t n_groups, workspace *ws)
{
    size_t n_scales = st->ins->n_scales;
    for (size_t design = 0; design < 2; design++) {
        for (size_t g = 0; g < n_groups; g++) {
            for (size_t s = 0; s < n_scales; s++) {
                const cq_comparison *r = &rows[(s * 2 + design) * n_groups + g];
                ws->p[s] = r->suppressed ? NAN : r->p;
            }
            if (cq_p_adjust_bh(ws->p, n_scales, ws->p_adj) != CQ_OK)
                return CQ_ERR_NOMEM;
            for (size_t s = 0; s < n_scales; s++) {
                cq_comparison *r = &rows[(s * 2 + design) * n_groups + g];
                if (r->suppressed)
                    continue;
                r->p_adj = ws->p_adj[s];
                r->relevance = cq_relevance(r->diff);
                r->change = cq_change(r->diff, r->p_adj, st->ins->scales[s].higher_is_good);
            }
        }
    }
    return CQ_OK;
}

/* The difference rule between nested breakdowns (suppress.h) for the paired
 * rows of one wave pair, counting pairs: a pair's group is its group in wave
 * B, so nesting is that of wave B.  Runs with the rule within each breakdown
 * until nothing changes; rows it hides are withheld and the BH families of
 * their breakdown adjusted again.  block[b] is breakdown b's first row. */
static cq_status
nested_pairs(cq_study *st, size_t wa, size_t wb, const group_union *u, workspace *ws,
             cq_comparison *const *block)
{
    const cq_settings *set = st->settings;
    size_t G = set->n_groups + 1, n_scales = st->ins->n_scales;
    cq_status status = CQ_OK;
    uint32_t **nest = cq_nesting(&st->waves[wb], set->n_groups);
    size_t **count = calloc(G, sizeof *count), **pidx = calloc(G, sizeof *pidx);
    int **hidden = calloc(G, sizeof *hidden), *dirty = calloc(G, sizeof *dirty);
    const char ***name = calloc(G, sizeof *name);
    size_t *n = calloc(G, sizeof *n);
    uint32_t **parent_of = calloc(G * G, sizeof *parent_of); /* in union indices */
    cq_nested_scratch scratch = {0};
    if (!nest || !count || !pidx || !hidden || !dirty || !name || !n || !parent_of) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    int any = 0;
    for (size_t i = 0; i < G * G; i++)
        any |= nest[i] != NULL;
    if (!any)
        goto cleanup;
    size_t max_u = 1;
    for (size_t b = 1; b < G; b++) {
        n[b] = u[b].n;
        size_t cap = u[b].n ? u[b].n : 1;
        if (cap > max_u)
            max_u = cap;
        count[b] = calloc(cap, sizeof **count);
        hidden[b] = calloc(cap, sizeof **hidden);
        name[b] = calloc(cap, sizeof **name);
        pidx[b] = malloc(ws->n_pairs ? ws->n_pairs * sizeof **pidx : 1);
        if (!count[b] || !hidden[b] || !name[b] || !pidx[b]) {
            status = CQ_ERR_NOMEM;
            goto cleanup;
        }
        /* each pair's group (union index) in breakdown b */
        const uint32_t *grp = st->waves[wb].group[b - 1];
        for (size_t j = 0; j < ws->n_pairs; j++)
            pidx[b][j] = u[b].of_level_b[grp[ws->pair_b[j]]];
    }
    /* wave B's nesting, from levels to union indices; a group only in wave
     * A has no pairs and no parent */
    for (size_t c = 1; c < G; c++)
        for (size_t p = 1; p < G; p++) {
            const uint32_t *map = c != p ? nest[c * G + p] : NULL;
            if (!map)
                continue;
            uint32_t *m = malloc((u[c].n ? u[c].n : 1) * sizeof *m);
            if (!m) {
                status = CQ_ERR_NOMEM;
                goto cleanup;
            }
            for (size_t g = 0; g < u[c].n; g++) {
                size_t lb = u[c].level_b[g];
                m[g] = lb == NONE ? CQ_NO_PARENT : (uint32_t)u[p].of_level_b[map[lb]];
            }
            parent_of[c * G + p] = m;
        }
    if (cq_nested_scratch_init(&scratch, max_u) != 0) {
        status = CQ_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t s = 0; s < n_scales; s++) {
        int min_group = cq_min_group_for(st, s);
        const double *xa = st->waves[wa].scores[s], *xb = st->waves[wb].scores[s];
        for (size_t b = 1; b < G; b++) {
            const cq_comparison *rows = block[b] + (s * 2 + CQ_PAIRED) * u[b].n;
            memset(count[b], 0, u[b].n * sizeof **count);
            for (size_t g = 0; g < u[b].n; g++) {
                hidden[b][g] = rows[g].suppressed;
                name[b][g] = rows[g].group;
            }
        }
        for (size_t j = 0; j < ws->n_pairs; j++) {
            if (isnan(xa[ws->pair_a[j]]) || isnan(xb[ws->pair_b[j]]))
                continue;
            for (size_t b = 1; b < G; b++)
                count[b][pidx[b][j]]++;
        }
        cq_protect(G, n, count, (const char *const *const *)name, hidden,
                   (const uint32_t *const *)parent_of, min_group, &scratch);
        for (size_t b = 1; b < G; b++) {
            cq_comparison *rows = block[b] + (s * 2 + CQ_PAIRED) * u[b].n;
            for (size_t g = 0; g < u[b].n; g++)
                if (hidden[b][g] && !rows[g].suppressed) {
                    withhold(&rows[g]);
                    dirty[b] = 1;
                }
        }
    }
    for (size_t b = 1; b < G && status == CQ_OK; b++)
        if (dirty[b])
            status = adjust(st, block[b], u[b].n, ws);
cleanup:
    for (size_t b = 1; b < G; b++) {
        if (count)
            free(count[b]);
        if (hidden)
            free(hidden[b]);
        if (name)
            free(name[b]);
        if (pidx)
            free(pidx[b]);
    }
    free(count);
    free(hidden);
    free(name);
    free(pidx);
    free(dirty);
    free(n);
    for (size_t i = 0; parent_of && i < G * G; i++)
        free(parent_of[i]);
    free(parent_of);
    cq_nested_scratch_free(&scratch);
    cq_nesting_free(nest, set->n_groups);
    return status;
}
