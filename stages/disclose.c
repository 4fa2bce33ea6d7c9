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
 *    answers, min_group_sensitive for a sensitive scale's items.
 * 5. quality.csv's details are written so that they never echo an id of the
 *    wave or free text.
 * 6. The audit: every wave and scale (and the response counts) again, with
 *    only what is published, from scratch.  A set of fewer than min_group
 *    respondents in the span stops the run (CQ_ERR_DISCLOSURE).
 */
#include "copsoq/disclose.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    uint32_t *atoms;
    size_t n_atoms;
} cell;

typedef struct {
    cq_study *st;
    size_t G;     /* breakdowns, "all" included */
    size_t **off; /* [wave][breakdown] first summary row of (wave, breakdown) */
} ctx;

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
    ctx x = {st, st->settings->n_groups + 1, NULL};
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
    if ((s = summaries(&x, d)) != CQ_OK || (s = comparisons(&x, d)) != CQ_OK ||
        (s = linear(&x, 0, d)) != CQ_OK || (s = counts(&x, d)) != CQ_OK ||
        (s = quality(&x, d)) != CQ_OK)
        goto cleanup;
    items(&x);
    blank(&x);
    s = linear(&x, 1, d);
cleanup:
    for (size_t w = 0; w < st->n_waves; w++)
        free(x.off[w]);
    free(x.off);
    return s;
}

cq_summary *
cq_summary_row(const cq_study *st, size_t w, size_t b, size_t level, size_t s)
{
    size_t base = 0;
    for (size_t v = 0; v < w; v++)
        for (size_t k = 0; k <= st->settings->n_groups; k++)
            base += n_levels(st, v, k) * st->ins->n_scales;
    for (size_t k = 0; k < b; k++)
        base += n_levels(st, w, k) * st->ins->n_scales;
    return &st->summary[base + s * n_levels(st, w, b) + level];
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
    r->secondary = why != CQ_HID_PRIMARY && why != CQ_HID_SENSITIVE;
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
typedef struct {
    size_t n_atoms;
    uint32_t *atom_of; /* [wave n] atom of each respondent, or UINT32_MAX: not in the space */
    size_t *size;      /* [n_atoms] */
    uint32_t *key;     /* [n_atoms * K] */
} atoms;

static void
atoms_free(atoms *a)
{
    free(a->atom_of);
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

/* keys[r * K ..] for the respondents r with in[r]; UINT32_MAX-free keys. */
static int
make_atoms(const uint32_t *keys, const unsigned char *in, size_t n, size_t K, atoms *a)
{
    memset(a, 0, sizeof *a);
    size_t cap = 64;
    while (cap < 2 * n + 2)
        cap *= 2;
    uint32_t *table = malloc(cap * sizeof *table);
    a->atom_of = malloc((n ? n : 1) * sizeof *a->atom_of);
    a->size = malloc((n ? n : 1) * sizeof *a->size);
    a->key = malloc((n ? n : 1) * (K ? K : 1) * sizeof *a->key);
    if (!table || !a->atom_of || !a->size || !a->key) {
        free(table);
        atoms_free(a);
        return -1;
    }
    for (size_t i = 0; i < cap; i++)
        table[i] = UINT32_MAX;
    for (size_t r = 0; r < n; r++) {
        a->atom_of[r] = UINT32_MAX;
        if (!in[r])
            continue;
        const uint32_t *k = keys + r * K;
        size_t h = (size_t)hash_key(k, K) & (cap - 1);
        while (table[h] != UINT32_MAX && memcmp(a->key + (size_t)table[h] * K, k, K * sizeof *k))
            h = (h + 1) & (cap - 1);
        if (table[h] == UINT32_MAX) {
            table[h] = (uint32_t)a->n_atoms;
            memcpy(a->key + a->n_atoms * K, k, K * sizeof *k);
            a->size[a->n_atoms++] = 0;
        }
        a->atom_of[r] = table[h];
        a->size[table[h]]++;
    }
    free(table);
    return 0;
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

/* The atoms a cell covers: atoms whose key has value v at position pos (pos
 * SIZE_MAX: every atom). */
static int
cell_atoms(cell *c, const atoms *a, size_t K, size_t pos, uint32_t v)
{
    c->atoms = malloc((a->n_atoms ? a->n_atoms : 1) * sizeof *c->atoms);
    if (!c->atoms)
        return -1;
    c->n_atoms = 0;
    for (size_t t = 0; t < a->n_atoms; t++)
        if (pos == SIZE_MAX || a->key[t * K + pos] == v)
            c->atoms[c->n_atoms++] = (uint32_t)t;
    return 0;
}

/* One space: greedy (audit 0) or audit (1).  Returns CQ_OK, or on audit an
 * error naming the space. */
static cq_status
settle(ctx *x, cells *cs, const atoms *a, int mg, int audit, const char *what, cq_diag *d)
{
    cq_study *st = x->st;
    cq_status s = CQ_OK;
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
    for (size_t i = 0; i < cs->n; i++)
        free(cs->c[i].atoms);
    free(cs->c);
    memset(cs, 0, sizeof *cs);
}

/* Key of respondent r of wave w in the space of scale sc (SIZE_MAX: every
 * respondent, for the response counts): its level in each breakdown; whether
 * it is in a pair with the wave before, and with the wave after (with a
 * score on sc in both); its level in each breakdown in the wave after
 * (UINT32_MAX: not paired with it). */
static cq_status
space_of(ctx *x, size_t w, size_t sc, const size_t *prev, const size_t *next, atoms *a,
         size_t *K_out)
{
    cq_study *st = x->st;
    const cq_wave *wv = &st->waves[w];
    size_t ng = st->settings->n_groups, K = ng + 2 + ng;
    uint32_t *keys = malloc((wv->n ? wv->n : 1) * K * sizeof *keys);
    unsigned char *in = malloc(wv->n ? wv->n : 1);
    if (!keys || !in) {
        free(keys);
        free(in);
        return CQ_ERR_NOMEM;
    }
    const double *score = sc == SIZE_MAX ? NULL : wv->scores[sc];
    const double *sprev = sc != SIZE_MAX && w > 0 ? st->waves[w - 1].scores[sc] : NULL;
    const double *snext =
        sc != SIZE_MAX && w + 1 < st->n_waves ? st->waves[w + 1].scores[sc] : NULL;
    for (size_t r = 0; r < wv->n; r++) {
        uint32_t *k = keys + r * K;
        in[r] = !score || !isnan(score[r]);
        for (size_t b = 0; b < ng; b++)
            k[b] = wv->group[b][r];
        k[ng] = prev && prev[r] != SIZE_MAX && (!score || !isnan(sprev[prev[r]]));
        k[ng + 1] = next && next[r] != SIZE_MAX && (!score || !isnan(snext[next[r]]));
        for (size_t b = 0; b < ng; b++)
            k[ng + 2 + b] = k[ng + 1] ? st->waves[w + 1].group[b][next[r]] : UINT32_MAX;
    }
    int rc = make_atoms(keys, in, wv->n, K, a);
    free(keys);
    free(in);
    *K_out = K;
    return rc ? CQ_ERR_NOMEM : CQ_OK;
}

/* Partners of wave w's respondents in the waves before and after. */
static cq_status
partners(const cq_study *st, size_t w, size_t **prev, size_t **next)
{
    size_t n = st->waves[w].n ? st->waves[w].n : 1;
    *prev = *next = NULL;
    if (w > 0 && st->panels) {
        *prev = malloc(n * sizeof **prev);
        if (!*prev)
            return CQ_ERR_NOMEM;
        for (size_t r = 0; r < st->waves[w].n; r++)
            (*prev)[r] = SIZE_MAX;
        const cq_panel *p = &st->panels[w - 1];
        for (size_t k = 0; k < p->n; k++)
            (*prev)[p->b[k]] = p->a[k];
    }
    if (w + 1 < st->n_waves && st->panels) {
        *next = malloc(n * sizeof **next);
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
        size_t *prev = NULL, *next = NULL;
        if (partners(st, w, &prev, &next) != CQ_OK) {
            free(prev);
            free(next);
            return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        }
        for (size_t sc = 0; sc < ns && s == CQ_OK; sc++) {
            atoms a;
            size_t K;
            cells cs = {0};
            if (space_of(x, w, sc, prev, next, &a, &K) != CQ_OK) {
                s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                break;
            }
            int oom = 0;
            for (size_t b = 0; b < x->G && !oom; b++)
                for (size_t v = 0; v < n_levels(st, w, b) && !oom; v++) {
                    cell c = {0, sum_at(x, w, b, v, sc), NULL, NULL, b, 0, NULL, NULL, 0};
                    c.n = c.sum->n;
                    c.name = c.sum->group;
                    oom = cell_atoms(&c, &a, K, b ? b - 1 : SIZE_MAX, (uint32_t)v) ||
                          push_cell(&cs, c);
                }
            /* paired rows: this wave as B (key position ng: paired before,
             * then level) and as A (positions ng + 1 + b: level after) */
            for (size_t i = 0; i < st->n_comparison && !oom; i++) {
                cq_comparison *r = &st->comparison[i];
                if (r->design != CQ_PAIRED || r->scale != sc || r->level_b == CQ_NO_LEVEL ||
                    (r->wave_b != w && r->wave_a != w))
                    continue;
                cell c = {1, NULL, r, NULL, r->breakdown, r->n_a, r->group, NULL, 0};
                c.atoms = malloc((a.n_atoms ? a.n_atoms : 1) * sizeof *c.atoms);
                oom = !c.atoms;
                for (size_t t = 0; t < a.n_atoms && !oom; t++) {
                    const uint32_t *k = a.key + t * K;
                    size_t b = r->breakdown;
                    int member =
                        r->wave_b == w
                            ? k[ng] && (b == 0 || k[b - 1] == (uint32_t)r->level_b)
                            : k[ng + 1] && (b == 0 || k[ng + 1 + b] == (uint32_t)r->level_b);
                    if (member)
                        c.atoms[c.n_atoms++] = (uint32_t)t;
                }
                if (!oom)
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
            free_cells(&cs);
            atoms_free(&a);
        }
        free(prev);
        free(next);
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
            size_t K;
            cells cs = {0};
            if (space_of(x, w, SIZE_MAX, NULL, NULL, &a, &K) != CQ_OK) {
                s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                break;
            }
            int oom = 0;
            for (size_t b = 0; b < x->G; b++)
                for (size_t v = 0; v < n_levels(st, w, b); v++, c++) {
                    cell cl = {2, NULL, NULL, c, b, c->n, c->group, NULL, 0};
                    oom = oom || cell_atoms(&cl, &a, K, b ? b - 1 : SIZE_MAX, (uint32_t)v) ||
                          push_cell(&cs, cl);
                }
            if (oom) {
                s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            } else {
                char what[256];
                snprintf(what, sizeof what, "wave %s, response counts", st->waves[w].label);
                s = settle(x, &cs, &a, set->min_group, audit, what, d);
            }
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

static cq_status
quality(ctx *x, cq_diag *d)
{
    cq_study *st = x->st;
    const cq_instrument *ins = st->ins;
    cq_status s = CQ_OK;
    cq_strmap *ids = calloc(st->n_waves ? st->n_waves : 1, sizeof *ids);
    if (!ids)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    for (size_t w = 0; w < st->n_waves && s == CQ_OK; w++)
        for (size_t r = 0; r < st->waves[w].n; r++)
            if (cq_strmap_put(&ids[w], st->waves[w].ids[r], r) != 0) {
                s = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
                break;
            }
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
        /* an id of any wave, or an id at the start of the token */
        int is_id = 0;
        char buf[512];
        size_t tl = strlen(q->token);
        for (size_t w = 0; w < st->n_waves && !is_id; w++) {
            if (cq_strmap_get(&ids[w], q->token) != (size_t)-1)
                is_id = 1;
            for (size_t k = 1; k < tl && k < sizeof buf && !is_id; k++) {
                memcpy(buf, q->token, k);
                buf[k] = 0;
                is_id = cq_strmap_get(&ids[w], buf) != (size_t)-1 && k >= 3;
            }
        }
        size_t chars = utf8_chars(q->token);
        char detail[640];
        if (is_id)
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
    for (size_t w = 0; w < st->n_waves; w++)
        cq_strmap_free(&ids[w]);
    free(ids);
    return s;
}

/* ------------------------------------------------------------ blanking */

static void
blank(ctx *x)
{
    cq_study *st = x->st;
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
