/*
 * disclose.c - stage 7: what may be published (contract §5 and beyond).
 *
 * The one place that decides anonymity.  Summarise and compare compute every
 * row; this stage decides which rows are shown, records why each hidden one
 * is hidden (cq_hidden_by, the suppressed_by column), blanks what it hides,
 * and then audits the result.  write.c and the report only read the outcome.
 *
 * In order:
 * 1. Summaries, per wave and scale: primary (fewer than min_group, or
 *    min_group_sensitive on a sensitive scale), the contract's secondary rule
 *    within each breakdown, and the rule between nested breakdowns
 *    (suppress.c), repeated until nothing changes.  Order statistics of a
 *    group of fewer than 2 * min_group are withheld (the row stays).
 * 2. Comparisons, per wave pair, breakdown and scale: a row whose group
 *    summary is hidden in either wave; paired rows with fewer than min_group
 *    pairs, or whose pairs leave 1 .. min_group - 1 respondents over in either
 *    wave (paired remainder); then the secondary and nested rules counting
 *    pairs.  Benjamini-Hochberg, relevance and change over the rows shown so
 *    far (the contract's family).
 * 3. The linear rule (suppress.h, cq_span): per wave and scale, the published
 *    sums are sets of respondents (every summary row, and the wave's side of
 *    every paired row of both wave pairs it is in).  They are taken in order
 *    of importance ("all", then larger groups first, summaries before paired
 *    rows), and a row that would let a set of fewer than min_group
 *    respondents be worked out by adding and subtracting is hidden
 *    (suppressed_by crossed).  This is Statistics Norway's GaussSuppression
 *    idea: Gaussian elimination over the cells' membership vectors, no LP.
 *    Rows it hides stay in their Benjamini-Hochberg family, so p_adj of the
 *    rows shown is the contract's.
 * 4. Response counts per group (all scales together), by the same rules over
 *    the respondents of a wave; item counts (whole waves) need min_group
 *    answers, min_group_sensitive for a sensitive scale's items; reliability
 *    needs min_group complete respondents.
 * 5. quality.csv's details are written so that they never echo an id of the
 *    wave or free text.
 * 6. The audit: every wave and scale (and the response counts) again, with
 *    only what is published, from scratch.  A set of fewer than min_group
 *    respondents in the span stops the run (CQ_ERR_DISCLOSURE).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/bigmem.h"
#include "copsoq/log.h"
#include "copsoq/stages.h"
#include "copsoq/stats.h"
#include "copsoq/strmap.h"
#include "copsoq/suppress.h"

/* subsets cq_span_check may try for one question; past it: not proven safe */
#define SPAN_BUDGET 200000

/* One published (or candidate) sum over the respondents of one wave. */
typedef struct {
    int kind;              /* 0 summary, 1 paired row (this wave's side), 2 count */
    cq_summary *sum;       /* kind 0 */
    cq_comparison *cmp;    /* kind 1 */
    cq_group_count *count; /* kind 2 */
    size_t breakdown, n;
    const char *name;
    const uint32_t *atoms; /* borrowed from the space's buckets */
    size_t n_atoms;
} cell;

typedef struct wave_atoms wave_atoms;
typedef struct atoms atoms;

typedef struct {
    cq_study *st;
    size_t G;     /* breakdowns, "all" included */
    size_t **off; /* [wave][breakdown] first summary row of (wave, breakdown) */
    /* per wave, built once: partners in the waves before and after
     * (SIZE_MAX: none; cq_big_calloc, as the waves' columns) and the
     * respondents grouped by levels and partners */
    size_t **prev, **next;
    wave_atoms *base;
    atoms *scale;               /* [wave * scales + scale]: kept from the rule for the audit */
    size_t **paired, *n_paired; /* [scale]: the paired comparison rows of the scale */
} ctx;

static cq_status prepare(ctx *x);
static void unprepare(ctx *x);

static size_t n_levels(const cq_study *st, size_t w, size_t b);
static cq_status summaries(ctx *x, cq_diag *d);
static cq_status comparisons(ctx *x, cq_diag *d);
static cq_status linear(ctx *x, int audit, cq_diag *d);
static cq_status counts(ctx *x, cq_diag *d);
static void items(ctx *x);
static cq_status quality(ctx *x, cq_diag *d);
static void blank(ctx *x);
static void hide_sum(cq_summary *r, cq_hidden_by why);
static void hide_cmp(cq_comparison *r, cq_hidden_by why);

cq_status
cq_stage_disclose(cq_study *st, cq_diag *d)
{
    ctx x = {st, st->settings->n_groups + 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    cq_status s = CQ_OK;
    x.off = calloc(st->n_waves ? st->n_waves : 1, sizeof *x.off);
    if (!x.off)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    size_t base = 0;
    for (size_t w = 0; w < st->n_waves; w++) {
        x.off[w] = malloc(x.G * sizeof **x.off);
        if (!x.off[w]) {
            s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            goto cleanup;
        }
        for (size_t b = 0; b < x.G; b++) {
            x.off[w][b] = base;
            base += n_levels(st, w, b) * st->ins->n_scales;
        }
    }
    memset(st->hidden_count, 0, sizeof st->hidden_count);
    st->audit_cells = st->audit_spaces = st->hidden_linear = 0;
    double t0 = cq_now();
    if (prepare(&x) != CQ_OK) {
        s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
#define STEP(call, name)                                                                           \
    do {                                                                                           \
        if ((s = (call)) != CQ_OK)                                                                 \
            goto cleanup;                                                                          \
        cq_log(CQ_LOG_DEBUG, "disclose: %-12s %.3f s", name, cq_now() - t0);                       \
        t0 = cq_now();                                                                             \
    } while (0)
    STEP(summaries(&x, d), "summaries");
    STEP(comparisons(&x, d), "comparisons");
    STEP(linear(&x, 0, d), "linear rule");
    STEP(counts(&x, d), "counts");
    STEP(quality(&x, d), "quality");
    items(&x);
    blank(&x);
    STEP(linear(&x, 1, d), "audit");
#undef STEP
cleanup:
    unprepare(&x);
    for (size_t w = 0; w < st->n_waves; w++)
        free(x.off[w]);
    free(x.off);
    return s;
}

static size_t
n_levels(const cq_study *st, size_t w, size_t b)
{
    return b == 0 ? 1 : st->waves[w].n_levels[b - 1];
}

static cq_summary *
sum_at(const ctx *x, size_t w, size_t b, size_t level, size_t s)
{
    return &x->st->summary[x->off[w][b] + s * n_levels(x->st, w, b) + level];
}

static void
hide_sum(cq_summary *r, cq_hidden_by why)
{
    if (r->suppressed)
        return;
    r->suppressed = 1;
    r->hidden_by = why;
}

static void
hide_cmp(cq_comparison *r, cq_hidden_by why)
{
    if (r->suppressed && r->hidden_by != CQ_SHOWN)
        return;
    r->suppressed = 1;
    r->hidden_by = why;
}

/* Working arrays for the rules over the breakdowns of one wave. */
typedef struct {
    size_t **count;
    const char ***name;
    int **hidden;
    size_t *n;
    cq_nested_scratch scratch;
} rule_space;

static int
rule_init(rule_space *r, size_t G, size_t maxlev)
{
    memset(r, 0, sizeof *r);
    r->count = calloc(G, sizeof *r->count);
    r->name = calloc(G, sizeof *r->name);
    r->hidden = calloc(G, sizeof *r->hidden);
    r->n = calloc(G, sizeof *r->n);
    if (!r->count || !r->name || !r->hidden || !r->n)
        return -1;
    for (size_t b = 0; b < G; b++) {
        r->count[b] = calloc(maxlev, sizeof **r->count);
        r->name[b] = calloc(maxlev, sizeof **r->name);
        r->hidden[b] = calloc(maxlev, sizeof **r->hidden);
        if (!r->count[b] || !r->name[b] || !r->hidden[b])
            return -1;
    }
    return cq_nested_scratch_init(&r->scratch, maxlev);
}

static void
rule_free(rule_space *r, size_t G)
{
    for (size_t b = 0; b < G; b++) {
        if (r->count)
            free(r->count[b]);
        if (r->name)
            free((void *)r->name[b]);
        if (r->hidden)
            free(r->hidden[b]);
    }
    free(r->count);
    free(r->name);
    free(r->hidden);
    free(r->n);
    cq_nested_scratch_free(&r->scratch);
}

/* The contract's rule within each breakdown (newly hidden: 1), then with
 * nesting the rules between nested breakdowns until nothing changes (newly
 * hidden: 2).  hidden[b][v] in: 0/1; out: 0, 1 (in), or the step. */
static void
run_rules(rule_space *r, size_t G, const uint32_t *const *nest, int min_group)
{
    int *before = NULL;
    for (size_t b = 1; b < G; b++) {
        for (size_t v = 0; v < r->n[b]; v++)
            r->hidden[b][v] = r->hidden[b][v] ? 1 : 0;
        size_t m = r->n[b];
        before = realloc(before, (m ? m : 1) * sizeof *before);
        if (!before)
            return; /* cannot happen in practice; rules then add nothing */
        memcpy(before, r->hidden[b], m * sizeof *before);
        cq_suppress_secondary(r->count[b], r->name[b], r->hidden[b], m, min_group);
        for (size_t v = 0; v < m; v++)
            if (r->hidden[b][v] && !before[v])
                r->hidden[b][v] = 3; /* secondary */
    }
    free(before);
    if (!nest)
        return;
    /* cq_protect works on 0/1 flags: keep the steps aside */
    int **step = calloc(G, sizeof *step);
    if (!step)
        return;
    for (size_t b = 1; b < G; b++) {
        step[b] = malloc((r->n[b] ? r->n[b] : 1) * sizeof **step);
        if (!step[b])
            goto out;
        for (size_t v = 0; v < r->n[b]; v++) {
            step[b][v] = r->hidden[b][v];
            r->hidden[b][v] = r->hidden[b][v] != 0;
        }
    }
    cq_protect(G, r->n, r->count, (const char *const *const *)r->name, r->hidden, nest, min_group,
               &r->scratch);
    for (size_t b = 1; b < G; b++)
        for (size_t v = 0; v < r->n[b]; v++)
            r->hidden[b][v] = step[b][v] ? step[b][v] : r->hidden[b][v] ? 4 : 0;
out:
    for (size_t b = 1; b < G; b++)
        free(step[b]);
    free(step);
}

static cq_hidden_by
step_reason(int step)
{
    return step == 3 ? CQ_HID_SECONDARY : step == 4 ? CQ_HID_NESTED : CQ_HID_PRIMARY;
}

static size_t
max_levels(const cq_study *st)
{
    size_t m = 1;
    for (size_t w = 0; w < st->n_waves; w++)
        for (size_t k = 0; k < st->settings->n_groups; k++)
            if (st->waves[w].n_levels[k] > m)
                m = st->waves[w].n_levels[k];
    return m;
}

/* 1. summaries */
static cq_status
summaries(ctx *x, cq_diag *d)
{
    cq_study *st = x->st;
    const cq_settings *set = st->settings;
    rule_space r;
    cq_status s = CQ_OK;
    uint32_t **nest = NULL;
    if (rule_init(&r, x->G, max_levels(st)) != 0) {
        s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t w = 0; w < st->n_waves; w++) {
        cq_nesting_free(nest, set->n_groups);
        nest = set->n_groups > 1 ? cq_nesting(&st->waves[w], set->n_groups) : NULL;
        if (set->n_groups > 1 && !nest) {
            s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            goto cleanup;
        }
        for (size_t sc = 0; sc < st->ins->n_scales; sc++) {
            int mg = cq_min_group_for(st, sc);
            cq_hidden_by primary = mg > set->min_group ? CQ_HID_SENSITIVE : CQ_HID_PRIMARY;
            for (size_t b = 0; b < x->G; b++) {
                r.n[b] = n_levels(st, w, b);
                for (size_t v = 0; v < r.n[b]; v++) {
                    cq_summary *row = sum_at(x, w, b, v, sc);
                    row->suppressed = 0;
                    row->hidden_by = CQ_SHOWN;
                    row->order_hidden = row->n < 2 * (size_t)mg;
                    if (row->n < (size_t)mg)
                        hide_sum(row, primary);
                    r.count[b][v] = row->n;
                    r.name[b][v] = row->group;
                    r.hidden[b][v] = row->suppressed;
                }
            }
            run_rules(&r, x->G, (const uint32_t *const *)nest, mg);
            for (size_t b = 1; b < x->G; b++)
                for (size_t v = 0; v < r.n[b]; v++)
                    if (r.hidden[b][v] > 1)
                        hide_sum(sum_at(x, w, b, v, sc), step_reason(r.hidden[b][v]));
        }
    }
cleanup:
    cq_nesting_free(nest, set->n_groups);
    rule_free(&r, x->G);
    return s;
}

/* 2. comparisons: blocks of one wave pair and breakdown, laid out by
 * compare.c as rows[(scale * 2 + design) * groups + group]. */
static cq_status
comparisons(ctx *x, cq_diag *d)
{
    cq_study *st = x->st;
    const cq_settings *set = st->settings;
    size_t ns = st->ins->n_scales;
    cq_status s = CQ_OK;
    rule_space r;
    uint32_t **nest = NULL;
    double *p = malloc((ns ? ns : 1) * sizeof *p), *p_adj = malloc((ns ? ns : 1) * sizeof *p_adj);
    size_t *first = calloc(x->G, sizeof *first), *groups = calloc(x->G, sizeof *groups);
    if (!p || !p_adj || !first || !groups || rule_init(&r, x->G, max_levels(st)) != 0) {
        s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < st->n_comparison;) {
        size_t wa = st->comparison[i].wave_a, wb = wa + 1;
        /* the blocks of this wave pair, one per breakdown */
        for (size_t b = 0; b < x->G; b++) {
            first[b] = i;
            size_t j = i;
            while (j < st->n_comparison && st->comparison[j].wave_a == wa &&
                   st->comparison[j].breakdown == b)
                j++;
            groups[b] = ns ? (j - i) / (2 * ns) : 0;
            i = j;
        }
        cq_nesting_free(nest, set->n_groups);
        nest = set->n_groups > 1 ? cq_nesting(&st->waves[wb], set->n_groups) : NULL;
        if (set->n_groups > 1 && !nest) {
            s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            goto cleanup;
        }
        for (size_t sc = 0; sc < ns; sc++) {
            size_t mg = (size_t)cq_min_group_for(st, sc);
            for (size_t b = 0; b < x->G; b++) {
                cq_comparison *ind = st->comparison + first[b] + (sc * 2) * groups[b];
                cq_comparison *par = ind + groups[b];
                for (size_t g = 0; g < groups[b]; g++) {
                    cq_summary *sa =
                        ind[g].level_a == CQ_NO_LEVEL ? NULL : sum_at(x, wa, b, ind[g].level_a, sc);
                    cq_summary *sb =
                        ind[g].level_b == CQ_NO_LEVEL ? NULL : sum_at(x, wb, b, ind[g].level_b, sc);
                    int gone = !sa || !sb || sa->suppressed || sb->suppressed;
                    if (gone) {
                        hide_cmp(&ind[g], CQ_HID_SUMMARY);
                        hide_cmp(&par[g], CQ_HID_SUMMARY);
                        continue;
                    }
                    size_t m = par[g].n_a, same = par[g].pairs_same_group;
                    size_t rest_b = sb->n - m, rest_a = (sa->n - same) + (m - same);
                    if (m < mg)
                        hide_cmp(&par[g], CQ_HID_PAIRS);
                    else if ((rest_b > 0 && rest_b < mg) || (rest_a > 0 && rest_a < mg))
                        hide_cmp(&par[g], CQ_HID_REMAINDER);
                }
                /* the pair rules work in wave B's levels: a pair's group is
                 * its group in wave B (groups only in wave A have no pairs) */
                r.n[b] = n_levels(st, wb, b);
                memset(r.count[b], 0, r.n[b] * sizeof **r.count);
                for (size_t v = 0; v < r.n[b]; v++) {
                    r.hidden[b][v] = 1;
                    r.name[b][v] = b ? st->waves[wb].levels[b - 1][v] : "all";
                }
                for (size_t g = 0; g < groups[b]; g++) {
                    size_t lb = par[g].level_b;
                    if (lb == CQ_NO_LEVEL)
                        continue;
                    r.count[b][lb] = par[g].n_a;
                    r.hidden[b][lb] = par[g].suppressed;
                }
            }
            run_rules(&r, x->G, (const uint32_t *const *)nest, (int)mg);
            for (size_t b = 1; b < x->G; b++) {
                cq_comparison *par = st->comparison + first[b] + (sc * 2 + 1) * groups[b];
                for (size_t g = 0; g < groups[b]; g++) {
                    size_t lb = par[g].level_b;
                    if (lb != CQ_NO_LEVEL && r.hidden[b][lb] > 1)
                        hide_cmp(&par[g], step_reason(r.hidden[b][lb]));
                }
            }
        }
        /* Benjamini-Hochberg per (breakdown, group, design) over the scales
         * shown; relevance and change */
        for (size_t b = 0; b < x->G; b++)
            for (size_t design = 0; design < 2; design++)
                for (size_t g = 0; g < groups[b]; g++) {
                    cq_comparison *row0 = st->comparison + first[b] + design * groups[b] + g;
                    for (size_t sc = 0; sc < ns; sc++) {
                        const cq_comparison *rw = row0 + sc * 2 * groups[b];
                        p[sc] = rw->suppressed ? NAN : rw->p;
                    }
                    if (cq_p_adjust_bh(p, ns, p_adj) != CQ_OK) {
                        s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                        goto cleanup;
                    }
                    for (size_t sc = 0; sc < ns; sc++) {
                        cq_comparison *rw = row0 + sc * 2 * groups[b];
                        if (rw->suppressed)
                            continue;
                        rw->p_adj = p_adj[sc];
                        rw->relevance = cq_relevance(rw->diff);
                        rw->change =
                            cq_change(rw->diff, rw->p_adj, st->ins->scales[sc].higher_is_good);
                    }
                }
    }
cleanup:
    cq_nesting_free(nest, set->n_groups);
    rule_free(&r, x->G);
    free(p);
    free(p_adj);
    free(first);
    free(groups);
    return s;
}

/* ------------------------------------------------------------ 3. the linear rule */

/* Atoms of one wave (and scale): respondents with the same key. */
struct atoms {
    size_t n_atoms;
    uint32_t *atom_of; /* [n_of] atom of each respondent (base atoms only;
                          cq_big_calloc) */
    size_t n_of;
    size_t *size;  /* [n_atoms] */
    uint32_t *key; /* [n_atoms * K] */
};

static void
atoms_free(atoms *a)
{
    cq_big_free(a->atom_of, a->n_of * sizeof *a->atom_of);
    free(a->size);
    free(a->key);
    memset(a, 0, sizeof *a);
}

static uint64_t
hash_key(const uint32_t *k, size_t K)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < K; i++) {
        h ^= k[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* Cells of one space, in the order they are considered. */
typedef struct {
    cell *c;
    size_t n, cap;
} cells;

static int
push_cell(cells *cs, cell c)
{
    if (cs->n == cs->cap) {
        size_t cap = cs->cap ? 2 * cs->cap : 64;
        cell *p = realloc(cs->c, cap * sizeof *p);
        if (!p)
            return -1;
        cs->c = p;
        cs->cap = cap;
    }
    cs->c[cs->n++] = c;
    return 0;
}

static int
cell_is_hidden(const cell *c)
{
    return c->kind == 0   ? c->sum->suppressed
           : c->kind == 1 ? c->cmp->suppressed
                          : c->count->hidden_by != CQ_SHOWN;
}

static int
cmp_cells(const void *pa, const void *pb)
{
    const cell *a = pa, *b = pb;
    if (a->kind != b->kind && (a->kind == 1 || b->kind == 1))
        return a->kind == 1 ? 1 : -1; /* summaries (and counts) before paired rows */
    if (a->breakdown == 0 || b->breakdown == 0)
        if (a->breakdown != b->breakdown)
            return a->breakdown == 0 ? -1 : 1; /* "all" first */
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    if (a->breakdown != b->breakdown)
        return a->breakdown < b->breakdown ? -1 : 1;
    return strcmp(a->name, b->name);
}

/* Atoms of a space by the value at one key position, among those with a
 * flag set (flag SIZE_MAX: all): the atoms of value v are
 * list[start[v] .. start[v + 1]).  pos SIZE_MAX puts every atom at value 0.
 * One pass over the atoms, so a cell's atoms cost nothing more. */
typedef struct {
    size_t *start;
    uint32_t *list;
    size_t nv;
} buckets;

static void
buckets_free(buckets *bk)
{
    free(bk->start);
    free(bk->list);
    memset(bk, 0, sizeof *bk);
}

static int
make_buckets(const atoms *a, size_t K, size_t pos, size_t flag, size_t nv, buckets *bk)
{
    bk->nv = pos == SIZE_MAX ? 1 : nv;
    bk->start = calloc(bk->nv + 1, sizeof *bk->start);
    bk->list = malloc((a->n_atoms ? a->n_atoms : 1) * sizeof *bk->list);
    if (!bk->start || !bk->list) {
        buckets_free(bk);
        return -1;
    }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t t = 0; t < a->n_atoms; t++) {
            const uint32_t *k = a->key + t * K;
            if (flag != SIZE_MAX && !k[flag])
                continue;
            size_t v = pos == SIZE_MAX ? 0 : k[pos];
            if (v >= bk->nv)
                continue;
            if (pass == 0)
                bk->start[v + 1]++;
            else
                bk->list[bk->start[v]++] = (uint32_t)t;
        }
        if (pass == 0)
            for (size_t v = 0; v < bk->nv; v++)
                bk->start[v + 1] += bk->start[v];
        else /* start[v] ran to start[v + 1]: shift back */
            for (size_t v = bk->nv; v > 0; v--)
                bk->start[v] = bk->start[v - 1];
    }
    bk->start[0] = 0;
    return 0;
}

static void
cell_from(cell *c, const buckets *bk, size_t v)
{
    c->atoms = bk->list + bk->start[v];
    c->n_atoms = bk->start[v + 1] - bk->start[v];
}

/* One space: greedy (audit 0) or audit (1).  Returns CQ_OK, or on audit an
 * error naming the space. */
static cq_status
settle(ctx *x, cells *cs, const atoms *a, int mg, int audit, const char *what, cq_diag *d)
{
    cq_study *st = x->st;
    cq_status s = CQ_OK;
    if (cs->n) /* no candidates: cs->c is still NULL */
        qsort(cs->c, cs->n, sizeof *cs->c, cmp_cells);
    cq_span *sp = cq_span_new(a->size, a->n_atoms, mg, SPAN_BUDGET);
    if (!sp)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < cs->n && s == CQ_OK; i++) {
        cell *c = &cs->c[i];
        if (cell_is_hidden(c))
            continue;
        if (audit) {
            st->audit_cells++;
            if (cq_span_add(sp, c->atoms, c->n_atoms) < 0)
                s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            continue;
        }
        cq_span_verdict v;
        if (cq_span_try(sp, c->atoms, c->n_atoms, &v) < 0) {
            s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        } else if (v != CQ_SPAN_SAFE) {
            st->hidden_linear++;
            if (c->kind == 0)
                hide_sum(c->sum, CQ_HID_LINEAR);
            else if (c->kind == 1)
                hide_cmp(c->cmp, CQ_HID_LINEAR);
            else
                c->count->hidden_by = CQ_HID_LINEAR;
        }
    }
    if (s == CQ_OK && audit) {
        size_t k = 0;
        cq_span_verdict v = cq_span_check(sp, &k);
        st->audit_spaces++;
        if (v == CQ_SPAN_UNSAFE)
            s = cq_fail(d, CQ_ERR_DISCLOSURE,
                        "%s: the published figures would give away the answers of %zu "
                        "respondent%s (fewer than %d); nothing was written",
                        what, k, k == 1 ? "" : "s", mg);
        else if (v == CQ_SPAN_UNDECIDED)
            s = cq_fail(d, CQ_ERR_DISCLOSURE,
                        "%s: too many published figures to prove that no group under %d can be "
                        "worked out; use fewer breakdowns",
                        what, mg);
    }
    cq_span_free(sp);
    return s;
}

static void
free_cells(cells *cs)
{
    free(cs->c);
    memset(cs, 0, sizeof *cs);
}

/* The respondents of one wave grouped once by what does not depend on the
 * scale: key (levels in each breakdown, partner in the wave before, partner
 * in the wave after, levels there (UINT32_MAX: no partner)).  A scale's
 * atoms split these by whether the partners have a score on it. */
struct wave_atoms {
    atoms base;
    size_t K;
};

static cq_status
wave_base(ctx *x, size_t w, const size_t *prev, const size_t *next, wave_atoms *wa)
{
    cq_study *st = x->st;
    const cq_wave *wv = &st->waves[w];
    size_t ng = st->settings->n_groups, K = ng + 2 + ng;
    atoms *a = &wa->base;
    wa->K = K;
    memset(a, 0, sizeof *a);
    /* open addressing over atom numbers, grown at half load: the table
     * stays as small as the number of atoms, not of respondents */
    size_t cap = 256, cap_atoms = 64;
    uint32_t *table = malloc(cap * sizeof *table), *k = malloc(K * sizeof *k);
    a->n_of = wv->n ? wv->n : 1;
    a->atom_of = cq_big_calloc(a->n_of, sizeof *a->atom_of);
    a->size = malloc(cap_atoms * sizeof *a->size);
    a->key = malloc(cap_atoms * K * sizeof *a->key);
    cq_status s = CQ_OK;
    if (!table || !k || !a->atom_of || !a->size || !a->key) {
        s = CQ_ERR_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < cap; i++)
        table[i] = UINT32_MAX;
    for (size_t r = 0; r < wv->n; r++) {
        for (size_t b = 0; b < ng; b++)
            k[b] = wv->group[b][r];
        k[ng] = prev && prev[r] != SIZE_MAX;
        k[ng + 1] = next && next[r] != SIZE_MAX;
        for (size_t b = 0; b < ng; b++)
            k[ng + 2 + b] = k[ng + 1] ? st->waves[w + 1].group[b][next[r]] : UINT32_MAX;
        size_t h = (size_t)hash_key(k, K) & (cap - 1);
        while (table[h] != UINT32_MAX && memcmp(a->key + (size_t)table[h] * K, k, K * sizeof *k))
            h = (h + 1) & (cap - 1);
        if (table[h] == UINT32_MAX) {
            if (a->n_atoms == cap_atoms) {
                cap_atoms *= 2;
                size_t *ns = realloc(a->size, cap_atoms * sizeof *ns);
                if (ns)
                    a->size = ns;
                uint32_t *nk = ns ? realloc(a->key, cap_atoms * K * sizeof *nk) : NULL;
                if (!nk) {
                    s = CQ_ERR_NOMEM;
                    goto out;
                }
                a->key = nk;
            }
            memcpy(a->key + a->n_atoms * K, k, K * sizeof *k);
            a->size[a->n_atoms] = 0;
            table[h] = (uint32_t)a->n_atoms++;
            if (2 * a->n_atoms > cap) { /* rehash */
                size_t ncap = 2 * cap;
                uint32_t *nt = malloc(ncap * sizeof *nt);
                if (!nt) {
                    s = CQ_ERR_NOMEM;
                    goto out;
                }
                for (size_t i = 0; i < ncap; i++)
                    nt[i] = UINT32_MAX;
                for (size_t t = 0; t < a->n_atoms; t++) {
                    size_t hh = (size_t)hash_key(a->key + t * K, K) & (ncap - 1);
                    while (nt[hh] != UINT32_MAX)
                        hh = (hh + 1) & (ncap - 1);
                    nt[hh] = (uint32_t)t;
                }
                free(table);
                table = nt;
                cap = ncap;
                h = (size_t)hash_key(k, K) & (cap - 1);
                while (nt[h] != (uint32_t)(a->n_atoms - 1))
                    h = (h + 1) & (cap - 1);
            }
        }
        a->atom_of[r] = table[h];
        a->size[table[h]]++;
    }
out:
    free(table);
    free(k);
    if (s != CQ_OK)
        atoms_free(a);
    return s;
}

/* The atoms of wave w and scale sc (SIZE_MAX: every respondent, no pairs):
 * respondents with a score, split by base atom and whether each partner has
 * a score too.  Keys as the base's, with the partner flags (and the levels
 * after) set from the partners' scores. */
static cq_status
scale_atoms(ctx *x, size_t w, size_t sc, const wave_atoms *wa, const size_t *prev,
            const size_t *next, atoms *a)
{
    cq_study *st = x->st;
    const cq_wave *wv = &st->waves[w];
    size_t ng = st->settings->n_groups, K = wa->K, nb = wa->base.n_atoms;
    /* score codes (study.h): 0 is no score */
    const cq_scores *score = sc == SIZE_MAX ? NULL : &wv->scores[sc];
    const cq_scores *sprev = score && prev ? &st->waves[w - 1].scores[sc] : NULL;
    const cq_scores *snext = score && next ? &st->waves[w + 1].scores[sc] : NULL;
    size_t cap = 4 * nb + 1;
    uint32_t *id = malloc(cap * sizeof *id);
    memset(a, 0, sizeof *a);
    a->size = malloc(cap * sizeof *a->size);
    a->key = malloc(cap * K * sizeof *a->key);
    if (!id || !a->size || !a->key) {
        free(id);
        atoms_free(a);
        return CQ_ERR_NOMEM;
    }
    for (size_t t = 0; t < 4 * nb; t++)
        id[t] = UINT32_MAX;
    for (size_t r = 0; r < wv->n; r++) {
        if (score && !cq_score_code(score, r))
            continue;
        size_t base = wa->base.atom_of[r];
        int pf = sprev && prev[r] != SIZE_MAX && cq_score_code(sprev, prev[r]) != 0;
        int nf = snext && next[r] != SIZE_MAX && cq_score_code(snext, next[r]) != 0;
        size_t sub = base * 4 + (size_t)(pf << 1 | nf);
        if (id[sub] == UINT32_MAX) {
            id[sub] = (uint32_t)a->n_atoms;
            uint32_t *k = a->key + a->n_atoms * K;
            memcpy(k, wa->base.key + base * K, K * sizeof *k);
            k[ng] = (uint32_t)pf;
            k[ng + 1] = (uint32_t)nf;
            if (!nf)
                for (size_t b = 0; b < ng; b++)
                    k[ng + 2 + b] = UINT32_MAX;
            a->size[a->n_atoms++] = 0;
        }
        a->size[id[sub]]++;
    }
    free(id);
    return CQ_OK;
}

/* Partners of wave w's respondents in the waves before and after. */
static cq_status
partners(const cq_study *st, size_t w, size_t **prev, size_t **next)
{
    size_t n = st->waves[w].n ? st->waves[w].n : 1;
    *prev = *next = NULL;
    if (w > 0 && st->panels) {
        *prev = cq_big_calloc(n, sizeof **prev);
        if (!*prev)
            return CQ_ERR_NOMEM;
        for (size_t r = 0; r < st->waves[w].n; r++)
            (*prev)[r] = SIZE_MAX;
        const cq_panel *p = &st->panels[w - 1];
        for (size_t k = 0; k < p->n; k++)
            (*prev)[p->b[k]] = p->a[k];
    }
    if (w + 1 < st->n_waves && st->panels) {
        *next = cq_big_calloc(n, sizeof **next);
        if (!*next)
            return CQ_ERR_NOMEM;
        for (size_t r = 0; r < st->waves[w].n; r++)
            (*next)[r] = SIZE_MAX;
        const cq_panel *p = &st->panels[w];
        for (size_t k = 0; k < p->n; k++)
            (*next)[p->a[k]] = p->b[k];
    }
    return CQ_OK;
}

static cq_status
linear(ctx *x, int audit, cq_diag *d)
{
    cq_study *st = x->st;
    size_t ng = st->settings->n_groups, ns = st->ins->n_scales;
    cq_status s = CQ_OK;
    for (size_t w = 0; w < st->n_waves && s == CQ_OK; w++) {
        const size_t *prev = x->prev[w], *next = x->next[w];
        const wave_atoms *wa = &x->base[w];
        size_t K = wa->K;
        for (size_t sc = 0; sc < ns && s == CQ_OK; sc++) {
            atoms *ap = &x->scale[w * ns + sc];
            cells cs = {0};
            if (!audit && scale_atoms(x, w, sc, wa, prev, next, ap) != CQ_OK) {
                s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                break;
            }
            const atoms a = *ap;
            /* buckets: [0] all; per breakdown b >= 1: by level [b], by level
             * among those paired with the wave before [G + b], by level in the
             * wave after among those paired with it [2G + b]; [G] and [2G]:
             * the paired ones of "all" */
            size_t G = x->G;
            buckets *bk = calloc(3 * G, sizeof *bk);
            int oom = !bk;
            for (size_t b = 0; b < G && !oom; b++) {
                size_t lev = b ? b - 1 : SIZE_MAX, nxt = b ? ng + 1 + b : SIZE_MAX;
                oom = make_buckets(&a, K, lev, SIZE_MAX, n_levels(st, w, b), &bk[b]) ||
                      (w > 0 && make_buckets(&a, K, lev, ng, n_levels(st, w, b), &bk[G + b])) ||
                      (w + 1 < st->n_waves &&
                       make_buckets(&a, K, nxt, ng + 1, n_levels(st, w + 1, b), &bk[2 * G + b]));
            }
            for (size_t b = 0; b < G && !oom; b++)
                for (size_t v = 0; v < n_levels(st, w, b) && !oom; v++) {
                    cell c = {0, sum_at(x, w, b, v, sc), NULL, NULL, b, 0, NULL, NULL, 0};
                    if (c.sum->suppressed)
                        continue; /* never published: not a candidate */
                    c.n = c.sum->n;
                    c.name = c.sum->group;
                    cell_from(&c, &bk[b], v);
                    oom = push_cell(&cs, c);
                }
            /* paired rows of this scale: this wave as B (pairs by their
             * level here) and as A (pairs by their level in the wave after) */
            const size_t *pr = x->paired[sc];
            for (size_t j = 0; j < x->n_paired[sc] && !oom; j++) {
                cq_comparison *r = &st->comparison[pr[j]];
                if (r->suppressed || (r->wave_b != w && r->wave_a != w))
                    continue;
                cell c = {1, NULL, r, NULL, r->breakdown, r->n_a, r->group, NULL, 0};
                const buckets *b0 = &bk[(r->wave_b == w ? G : 2 * G) + r->breakdown];
                size_t v = r->breakdown ? r->level_b : 0;
                if (v >= b0->nv)
                    continue; /* no atoms: an empty figure */
                cell_from(&c, b0, v);
                oom = push_cell(&cs, c);
            }
            if (oom) {
                s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            } else {
                char what[256];
                snprintf(what, sizeof what, "wave %s, scale %s", st->waves[w].label,
                         st->ins->scales[sc].id);
                s = settle(x, &cs, &a, cq_min_group_for(st, sc), audit, what, d);
            }
            for (size_t b = 0; bk && b < 3 * G; b++)
                buckets_free(&bk[b]);
            free(bk);
            free_cells(&cs);
        }
    }
    if (s != CQ_OK || audit)
        return s;
    /* a summary the rule hid takes its comparisons with it */
    for (size_t i = 0; i < st->n_comparison; i++) {
        cq_comparison *r = &st->comparison[i];
        if (r->suppressed)
            continue;
        const cq_summary *sa = sum_at(x, r->wave_a, r->breakdown, r->level_a, r->scale);
        const cq_summary *sb = sum_at(x, r->wave_b, r->breakdown, r->level_b, r->scale);
        if (sa->suppressed || sb->suppressed)
            hide_cmp(r, CQ_HID_SUMMARY);
    }
    return CQ_OK;
}

/* ------------------------------------------------------------ 4. counts, items */

/* Respondents per group and wave (the report's response counts and rates):
 * the same rules over all the wave's respondents. */
static cq_status
counts(ctx *x, cq_diag *d)
{
    cq_study *st = x->st;
    const cq_settings *set = st->settings;
    size_t total = 0;
    for (size_t w = 0; w < st->n_waves; w++)
        for (size_t b = 0; b < x->G; b++)
            total += n_levels(st, w, b);
    free(st->counts);
    st->counts = calloc(total ? total : 1, sizeof *st->counts);
    if (!st->counts)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    st->n_counts = total;
    rule_space r;
    uint32_t **nest = NULL;
    cq_status s = CQ_OK;
    if (rule_init(&r, x->G, max_levels(st)) != 0) {
        s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    cq_group_count *c = st->counts;
    for (size_t w = 0; w < st->n_waves; w++) {
        const cq_wave *wv = &st->waves[w];
        cq_group_count *first = c;
        for (size_t b = 0; b < x->G; b++) {
            r.n[b] = n_levels(st, w, b);
            for (size_t v = 0; v < r.n[b]; v++, c++) {
                c->wave = w;
                c->breakdown = b;
                c->level = v;
                c->group = b ? wv->levels[b - 1][v] : "all";
                c->n = 0;
                r.name[b][v] = c->group;
            }
        }
        for (size_t b = 0; b < x->G; b++) {
            cq_group_count *row = first;
            for (size_t k = 0; k < b; k++)
                row += n_levels(st, w, k);
            if (b == 0)
                row->n = wv->n;
            else
                for (size_t i = 0; i < wv->n; i++)
                    row[wv->group[b - 1][i]].n++;
            for (size_t v = 0; v < r.n[b]; v++) {
                row[v].hidden_by = row[v].n < (size_t)set->min_group ? CQ_HID_PRIMARY : CQ_SHOWN;
                r.count[b][v] = row[v].n;
                r.hidden[b][v] = row[v].hidden_by != CQ_SHOWN;
            }
        }
        cq_nesting_free(nest, set->n_groups);
        nest = set->n_groups > 1 ? cq_nesting(wv, set->n_groups) : NULL;
        run_rules(&r, x->G, (const uint32_t *const *)nest, set->min_group);
        cq_group_count *row = first;
        for (size_t b = 0; b < x->G; b++)
            for (size_t v = 0; v < r.n[b]; v++, row++)
                if (b && r.hidden[b][v] > 1)
                    row->hidden_by = step_reason(r.hidden[b][v]);
    }
    /* the linear rule over each wave's respondents */
    for (int audit = 0; audit < 2 && s == CQ_OK; audit++) {
        c = st->counts;
        for (size_t w = 0; w < st->n_waves && s == CQ_OK; w++) {
            atoms a;
            cells cs = {0};
            if (scale_atoms(x, w, SIZE_MAX, &x->base[w], NULL, NULL, &a) != CQ_OK) {
                s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                break;
            }
            size_t K = x->base[w].K;
            buckets *bk = calloc(x->G, sizeof *bk);
            int oom = !bk;
            for (size_t b = 0; b < x->G && !oom; b++)
                oom =
                    make_buckets(&a, K, b ? b - 1 : SIZE_MAX, SIZE_MAX, n_levels(st, w, b), &bk[b]);
            for (size_t b = 0; b < x->G; b++)
                for (size_t v = 0; v < n_levels(st, w, b); v++, c++) {
                    cell cl = {2, NULL, NULL, c, b, c->n, c->group, NULL, 0};
                    if (oom || c->hidden_by != CQ_SHOWN)
                        continue;
                    cell_from(&cl, &bk[b], v);
                    oom = push_cell(&cs, cl);
                }
            if (oom) {
                s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            } else {
                char what[256];
                snprintf(what, sizeof what, "wave %s, response counts", st->waves[w].label);
                s = settle(x, &cs, &a, set->min_group, audit, what, d);
            }
            for (size_t b = 0; bk && b < x->G; b++)
                buckets_free(&bk[b]);
            free(bk);
            free_cells(&cs);
            atoms_free(&a);
        }
    }
    for (size_t i = 0; i < st->n_counts; i++)
        if (st->counts[i].hidden_by != CQ_SHOWN)
            st->counts[i].n = 0;
cleanup:
    cq_nesting_free(nest, set->n_groups);
    rule_free(&r, x->G);
    return s;
}

/* item_summary.csv: whole waves only; an item needs min_group answers
 * (min_group_sensitive for a sensitive scale's items). */
static void
items(ctx *x)
{
    cq_study *st = x->st;
    const cq_instrument *ins = st->ins;
    st->item_hidden = calloc(st->n_waves ? st->n_waves : 1, sizeof *st->item_hidden);
    for (size_t w = 0; st->item_hidden && w < st->n_waves; w++) {
        const cq_wave *wv = &st->waves[w];
        st->item_hidden[w] = calloc(ins->n_items ? ins->n_items : 1, 1);
        if (!st->item_hidden[w])
            continue; /* write.c treats a missing array as all hidden */
        for (size_t i = 0; i < ins->n_items; i++) {
            size_t answered = wv->n - wv->missing_per_item[i];
            size_t mg = (size_t)cq_min_group_for(st, ins->items[i].scale);
            st->item_hidden[w][i] = wv->n < (size_t)st->settings->min_group || answered < mg;
        }
    }
}

/* ------------------------------------------------------------ 5. no echo */

static size_t
utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The first max_chars characters of s, or fewer bytes. */
static size_t
utf8_prefix(const char *s, size_t max_chars)
{
    size_t i = 0, n = 0;
    while (s[i]) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (n == max_chars)
                break;
            n++;
        }
        i++;
    }
    return i;
}

/* Tokens of invalid_value rows that equal an id of any wave, or start with
 * one (of 3 bytes or more): each token's prefixes looked up in each wave's
 * id map (ingest's own, cq_wave_id_map), a few look-ups a token instead of
 * one a respondent. */
/* Prefix lengths tried: 3 .. 64 bytes, then the whole token. */
static size_t
next_len(size_t k, size_t tl)
{
    return k >= tl ? tl + 1 : k + 1 > 64 ? tl : k + 1;
}

static cq_status
id_like_tokens(cq_study *st, unsigned char *is_id)
{
    cq_strmap probe = {0}; /* token prefix -> probe number; keys in the study arena */
    unsigned char *hit = NULL;
    const char **key_of = NULL; /* [n_probe] the prefixes */
    size_t n_probe = 0, cap_probe = 0;
    cq_status s = CQ_OK;
    for (size_t i = 0; i < st->n_quality && s == CQ_OK; i++) {
        const char *t = st->quality[i].token;
        size_t tl = t ? strlen(t) : 0;
        for (size_t k = tl < 3 ? tl : 3; t && k <= tl && s == CQ_OK; k = next_len(k, tl)) {
            char *pre = cq_arena_strndup(&st->arena, t, k);
            if (!pre) {
                s = CQ_ERR_NOMEM;
            } else if (cq_strmap_get(&probe, pre) == (size_t)-1) {
                if (n_probe == cap_probe) {
                    cap_probe = cap_probe ? 2 * cap_probe : 64;
                    unsigned char *h = realloc(hit, cap_probe);
                    if (h)
                        hit = h;
                    const char **ko = h ? realloc(key_of, cap_probe * sizeof *ko) : NULL;
                    if (!ko) {
                        s = CQ_ERR_NOMEM;
                        break;
                    }
                    key_of = ko;
                }
                hit[n_probe] = 0;
                key_of[n_probe] = pre;
                if (cq_strmap_put(&probe, pre, n_probe++) != 0)
                    s = CQ_ERR_NOMEM;
            }
        }
    }
    /* each prefix looked up in each wave's id map (ingest's own): a look-up
     * a prefix, not one a respondent */
    for (size_t k = 0; k < n_probe && s == CQ_OK; k++)
        hit[k] = (unsigned char)cq_study_has_id(st, key_of[k]);
    for (size_t i = 0; i < st->n_quality && s == CQ_OK; i++) {
        const char *t = st->quality[i].token;
        size_t tl = t ? strlen(t) : 0;
        is_id[i] = 0;
        for (size_t k = tl < 3 ? tl : 3; t && k <= tl && !is_id[i]; k = next_len(k, tl)) {
            char buf[64];
            const char *key = t;
            char *tmp = NULL;
            if (k < tl) {
                tmp = k < sizeof buf ? buf : cq_arena_strndup(&st->arena, t, k);
                if (!tmp) {
                    s = CQ_ERR_NOMEM;
                    break;
                }
                if (tmp == buf) {
                    memcpy(buf, t, k);
                    buf[k] = 0;
                }
                key = tmp;
            }
            size_t pk = cq_strmap_get(&probe, key);
            is_id[i] = pk != (size_t)-1 && hit[pk];
        }
    }
    free(hit);
    free(key_of);
    cq_strmap_free(&probe);
    return s;
}

static cq_status
quality(ctx *x, cq_diag *d)
{
    cq_study *st = x->st;
    const cq_instrument *ins = st->ins;
    unsigned char *is_id = malloc(st->n_quality ? st->n_quality : 1);
    if (!is_id || id_like_tokens(st, is_id) != CQ_OK) {
        free(is_id);
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    cq_status s = CQ_OK;
    for (size_t i = 0; i < st->n_quality && s == CQ_OK; i++) {
        cq_quality *q = &st->quality[i];
        if (!q->token || q->item >= ins->n_items)
            continue;
        const cq_response_set *set = &ins->sets[ins->items[q->item].set];
        size_t longest = 1;
        for (size_t k = 0; k < set->n_options; k++) {
            size_t a = utf8_chars(set->options[k].label_en),
                   b = utf8_chars(set->options[k].label_sv);
            longest = a > longest ? a : longest;
            longest = b > longest ? b : longest;
        }
        size_t chars = utf8_chars(q->token);
        char detail[640];
        if (is_id[i])
            snprintf(detail, sizeof detail,
                     "a value like a respondent id (not shown) is not an answer option of %s: "
                     "counted as missing",
                     set->id);
        else if (chars > longest) {
            size_t keep = utf8_prefix(q->token, longest < 10 ? longest : 10);
            snprintf(detail, sizeof detail,
                     "'%.*s...' (%zu characters, text not shown) is not an answer option of %s: "
                     "counted as missing",
                     (int)keep, q->token, chars, set->id);
        } else
            snprintf(detail, sizeof detail,
                     "'%s' is not an answer option of %s: counted as missing", q->token, set->id);
        if (!(q->detail = cq_arena_strdup(&st->arena, detail)))
            s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    free(is_id);
    return s;
}

/* ------------------------------------------------------------ blanking */

static void
blank(ctx *x)
{
    cq_study *st = x->st;
    /* reliability (contract §5): alpha and the item figures need min_group
     * complete respondents; the row's items and n_complete stay */
    for (size_t i = 0; i < st->n_reliability; i++) {
        cq_reliability *r = &st->reliability[i];
        if (r->n_complete < (size_t)cq_min_group_for(st, r->scale))
            r->alpha = NAN;
    }
    for (size_t i = 0; i < st->n_reliability_items; i++) {
        cq_reliability_item *r = &st->reliability_items[i];
        if (r->n_complete < (size_t)cq_min_group_for(st, r->scale))
            r->item_rest_r = r->alpha_if_deleted = NAN;
    }
    for (size_t i = 0; i < st->n_summary; i++) {
        cq_summary *r = &st->summary[i];
        if (r->suppressed) {
            st->hidden_count[r->hidden_by]++;
            r->n = r->n_green = r->n_yellow = r->n_red = 0;
            r->mean = r->sd = r->ci_low = r->ci_high = NAN;
            r->order_hidden = 1;
        }
        if (r->order_hidden)
            r->median = r->q1 = r->q3 = NAN;
    }
    for (size_t i = 0; i < st->n_comparison; i++) {
        cq_comparison *r = &st->comparison[i];
        if (!r->suppressed)
            continue;
        st->hidden_count[r->hidden_by]++;
        r->n_a = r->n_b = 0;
        r->pairs_same_group = 0;
        r->mean_a = r->mean_b = r->diff = r->ci_low = r->ci_high = NAN;
        r->t = r->df = r->p = r->p_adj = r->effect = NAN;
        r->relevance = -1;
        r->change = 0;
    }
}

/* ------------------------------------------------------------ per-wave set-up */

static cq_status
prepare(ctx *x)
{
    cq_study *st = x->st;
    size_t nw = st->n_waves ? st->n_waves : 1;
    x->prev = calloc(nw, sizeof *x->prev);
    x->next = calloc(nw, sizeof *x->next);
    x->base = calloc(nw, sizeof *x->base);
    x->scale = calloc(nw * (st->ins->n_scales ? st->ins->n_scales : 1), sizeof *x->scale);
    if (!x->prev || !x->next || !x->base || !x->scale)
        return CQ_ERR_NOMEM;
    size_t ns = st->ins->n_scales ? st->ins->n_scales : 1;
    x->paired = calloc(ns, sizeof *x->paired);
    x->n_paired = calloc(ns, sizeof *x->n_paired);
    if (!x->paired || !x->n_paired)
        return CQ_ERR_NOMEM;
    for (size_t i = 0; i < st->n_comparison; i++) {
        const cq_comparison *r = &st->comparison[i];
        if (r->design == CQ_PAIRED && r->level_b != CQ_NO_LEVEL && r->scale < ns)
            x->n_paired[r->scale]++;
    }
    for (size_t sc = 0; sc < ns; sc++)
        if (!(x->paired[sc] = malloc((x->n_paired[sc] + 1) * sizeof **x->paired)))
            return CQ_ERR_NOMEM;
    memset(x->n_paired, 0, ns * sizeof *x->n_paired);
    for (size_t i = 0; i < st->n_comparison; i++) {
        const cq_comparison *r = &st->comparison[i];
        if (r->design == CQ_PAIRED && r->level_b != CQ_NO_LEVEL && r->scale < ns)
            x->paired[r->scale][x->n_paired[r->scale]++] = i;
    }
    for (size_t w = 0; w < st->n_waves; w++)
        if (partners(st, w, &x->prev[w], &x->next[w]) != CQ_OK ||
            wave_base(x, w, x->prev[w], x->next[w], &x->base[w]) != CQ_OK)
            return CQ_ERR_NOMEM;
    return CQ_OK;
}

static void
unprepare(ctx *x)
{
    for (size_t w = 0; x->st && w < x->st->n_waves; w++) {
        size_t n = x->st->waves[w].n ? x->st->waves[w].n : 1;
        if (x->prev)
            cq_big_free(x->prev[w], n * sizeof *x->prev[w]);
        if (x->next)
            cq_big_free(x->next[w], n * sizeof *x->next[w]);
        if (x->base)
            atoms_free(&x->base[w].base);
    }
    for (size_t i = 0; x->scale && i < x->st->n_waves * x->st->ins->n_scales; i++)
        atoms_free(&x->scale[i]);
    for (size_t sc = 0; x->paired && sc < (x->st->ins->n_scales ? x->st->ins->n_scales : 1); sc++)
        free(x->paired[sc]);
    free(x->paired);
    free(x->n_paired);
    free(x->prev);
    free(x->next);
    free(x->base);
    free(x->scale);
}
