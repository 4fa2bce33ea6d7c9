/*
 * suppress.c - anonymity between nested breakdowns (see suppress.h).
 *
 * The contract's secondary rule keeps a small group from being recovered as
 * "all" minus the groups shown in its own breakdown.  When one breakdown
 * nests in another (sections inside administrations), each parent group is
 * such a total too, and a hidden parent can be rebuilt from its children;
 * these rules close both gaps.  They run after the contract's rule, so its
 * result is always kept, and the caller repeats both until nothing changes.
 * Crossed breakdowns (unit x profession) are not nested and not covered:
 * README says so.
 */
#include "copsoq/suppress.h"

#include <stdlib.h>
#include <string.h>

#include "copsoq/stats.h"

uint32_t **
cq_nesting(const cq_wave *wave, size_t n_groups)
{
    size_t G = n_groups + 1;
    uint32_t **map = calloc(G * G, sizeof *map);
    if (!map)
        return NULL;
    for (size_t c = 1; c <= n_groups; c++)
        for (size_t p = 1; p <= n_groups; p++) {
            if (c == p)
                continue;
            size_t nc = wave->n_levels[c - 1];
            uint32_t *m = malloc((nc ? nc : 1) * sizeof *m);
            if (!m) {
                cq_nesting_free(map, n_groups);
                return NULL;
            }
            for (size_t k = 0; k < nc; k++)
                m[k] = CQ_NO_PARENT;
            int nested = 1;
            for (size_t r = 0; r < wave->n && nested; r++) {
                uint32_t k = wave->group[c - 1][r], v = wave->group[p - 1][r];
                if (m[k] == CQ_NO_PARENT)
                    m[k] = v;
                else if (m[k] != v)
                    nested = 0;
            }
            if (nested)
                map[c * G + p] = m;
            else
                free(m);
        }
    return map;
}

void
cq_nesting_free(uint32_t **map, size_t n_groups)
{
    if (!map)
        return;
    size_t G = n_groups + 1;
    for (size_t i = 0; i < G * G; i++)
        free(map[i]);
    free(map);
}

int
cq_nested_scratch_init(cq_nested_scratch *s, size_t cap)
{
    if (cap == 0)
        cap = 1;
    s->cap = cap;
    s->idx = malloc(cap * sizeof *s->idx);
    s->count = malloc(cap * sizeof *s->count);
    s->name = malloc(cap * sizeof *s->name);
    s->hidden = malloc(cap * sizeof *s->hidden);
    if (!s->idx || !s->count || !s->name || !s->hidden) {
        cq_nested_scratch_free(s);
        return -1;
    }
    return 0;
}

void
cq_nested_scratch_free(cq_nested_scratch *s)
{
    if (!s)
        return;
    free(s->idx);
    free(s->count);
    free(s->name);
    free(s->hidden);
    memset(s, 0, sizeof *s);
}

size_t
cq_nested_rule(const size_t *count, const char *const *name, int *hidden, const uint32_t *parent_of,
               size_t n_child, const int *parent_hidden, size_t n_parent, int min_group,
               cq_nested_scratch *sc)
{
    size_t added = 0;
    for (size_t v = 0; v < n_parent; v++) {
        size_t m = 0;
        for (size_t i = 0; i < n_child && m < sc->cap; i++)
            if (parent_of[i] == v) {
                sc->idx[m] = i;
                sc->count[m] = count[i];
                sc->name[m] = name[i];
                sc->hidden[m] = hidden[i];
                m++;
            }
        if (m == 0)
            continue;
        if (!parent_hidden[v]) {
            cq_suppress_secondary(sc->count, sc->name, sc->hidden, m, min_group);
        } else {
            size_t pick = (size_t)-1;
            int any_hidden = 0;
            for (size_t i = 0; i < m; i++) {
                any_hidden |= sc->hidden[i];
                if (pick == (size_t)-1 || sc->count[i] < sc->count[pick] ||
                    (sc->count[i] == sc->count[pick] && strcmp(sc->name[i], sc->name[pick]) < 0))
                    pick = i;
            }
            if (!any_hidden)
                sc->hidden[pick] = 1;
        }
        for (size_t i = 0; i < m; i++)
            if (sc->hidden[i] && !hidden[sc->idx[i]]) {
                hidden[sc->idx[i]] = 1;
                added++;
            }
    }
    return added;
}

void
cq_protect(size_t G, const size_t *n, size_t *const *count, const char *const *const *name,
           int *const *hidden, const uint32_t *const *parent_of, int min_group,
           cq_nested_scratch *scratch)
{
    for (size_t b = 1; b < G; b++)
        cq_suppress_secondary(count[b], name[b], hidden[b], n[b], min_group);
    for (size_t added = parent_of ? 1 : 0; added;) {
        added = 0;
        for (size_t c = 1; c < G; c++)
            for (size_t p = 1; p < G; p++)
                if (c != p && parent_of[c * G + p])
                    added += cq_nested_rule(count[c], name[c], hidden[c], parent_of[c * G + p],
                                            n[c], hidden[p], n[p], min_group, scratch);
        for (size_t b = 1; b < G; b++)
            added += cq_suppress_secondary(count[b], name[b], hidden[b], n[b], min_group);
    }
}

/* ------------------------------------------------------------ the linear rule */

#define SPAN_P 2147483647u /* 2^31 - 1 */

struct cq_span {
    size_t n_atoms, n_big;
    size_t *col_of;   /* [n_atoms] column of each atom: big atoms first */
    size_t *size_col; /* [n_atoms] atom size by column */
    int min_group;
    size_t budget;
    uint32_t *rows; /* [cap_rows * n_atoms] basis rows, RREF */
    size_t *pivot;  /* [cap_rows] pivot column of each row */
    size_t n_rows, cap_rows;
    uint32_t *v; /* [n_atoms] scratch: the vector being added */
    /* a copy for cq_span_try to roll back */
    uint32_t *save_rows;
    size_t *save_pivot;
    size_t save_n, save_cap;
    /* enumeration scratch */
    uint32_t *acc; /* [(min_group) * n_small] partial sums by depth */
    size_t *small_rows;
};

static uint32_t
mod_mul(uint32_t a, uint32_t b)
{
    return (uint32_t)(((uint64_t)a * b) % SPAN_P);
}

static uint32_t
mod_sub(uint32_t a, uint32_t b)
{
    return a >= b ? a - b : a + SPAN_P - b;
}

static uint32_t
mod_inv(uint32_t a)
{
    uint64_t r = 1, base = a, e = SPAN_P - 2;
    while (e) {
        if (e & 1)
            r = r * base % SPAN_P;
        base = base * base % SPAN_P;
        e >>= 1;
    }
    return (uint32_t)r;
}

cq_span *
cq_span_new(const size_t *atom_size, size_t n_atoms, int min_group, size_t budget)
{
    cq_span *sp = calloc(1, sizeof *sp);
    if (!sp)
        return NULL;
    size_t n = n_atoms ? n_atoms : 1;
    sp->n_atoms = n_atoms;
    sp->min_group = min_group;
    sp->budget = budget;
    sp->col_of = malloc(n * sizeof *sp->col_of);
    sp->size_col = malloc(n * sizeof *sp->size_col);
    sp->v = malloc(n * sizeof *sp->v);
    sp->acc = malloc((size_t)(min_group > 0 ? min_group : 1) * n * sizeof *sp->acc);
    sp->small_rows = malloc(n * sizeof *sp->small_rows);
    if (!sp->col_of || !sp->size_col || !sp->v || !sp->acc || !sp->small_rows) {
        cq_span_free(sp);
        return NULL;
    }
    size_t c = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t a = 0; a < n_atoms; a++) {
            int small = atom_size[a] < (size_t)min_group;
            if (small == pass) {
                sp->col_of[a] = c;
                sp->size_col[c] = atom_size[a];
                c++;
            }
        }
    for (size_t a = 0; a < n_atoms; a++)
        if (atom_size[a] >= (size_t)min_group)
            sp->n_big++;
    return sp;
}

void
cq_span_free(cq_span *sp)
{
    if (!sp)
        return;
    free(sp->col_of);
    free(sp->size_col);
    free(sp->rows);
    free(sp->pivot);
    free(sp->v);
    free(sp->save_rows);
    free(sp->save_pivot);
    free(sp->acc);
    free(sp->small_rows);
    free(sp);
}

static int
span_grow(cq_span *sp)
{
    if (sp->n_rows < sp->cap_rows)
        return 0;
    size_t cap = sp->cap_rows ? 2 * sp->cap_rows : 16;
    if (cap > sp->n_atoms)
        cap = sp->n_atoms;
    uint32_t *r = realloc(sp->rows, cap * sp->n_atoms * sizeof *r);
    if (!r)
        return -1;
    sp->rows = r;
    size_t *p = realloc(sp->pivot, cap * sizeof *p);
    if (!p)
        return -1;
    sp->pivot = p;
    sp->cap_rows = cap;
    return 0;
}

/* sp->v = the vector of the atoms, reduced by the basis; returns its first
 * non-zero column (n_atoms: the vector is in the span). */
static size_t
span_reduce(cq_span *sp, const uint32_t *atoms, size_t n)
{
    size_t A = sp->n_atoms;
    uint32_t *v = sp->v;
    memset(v, 0, A * sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[sp->col_of[atoms[i]]] = 1;
    /* reduce by the basis: each row is zero in the other rows' pivots */
    for (size_t i = 0; i < sp->n_rows; i++) {
        uint32_t f = v[sp->pivot[i]];
        if (!f)
            continue;
        const uint32_t *r = sp->rows + i * A;
        for (size_t c = sp->pivot[i]; c < A; c++)
            if (r[c])
                v[c] = mod_sub(v[c], mod_mul(f, r[c]));
    }
    size_t pc = 0;
    while (pc < A && !v[pc])
        pc++;
    return pc;
}

/* Adds sp->v, reduced, with its first non-zero column pc. */
static int
span_insert(cq_span *sp, size_t pc)
{
    size_t A = sp->n_atoms;
    uint32_t *v = sp->v;
    if (span_grow(sp) != 0)
        return -1;
    uint32_t inv = mod_inv(v[pc]);
    for (size_t c = pc; c < A; c++)
        if (v[c])
            v[c] = mod_mul(v[c], inv);
    /* clear the new pivot column from the other rows */
    for (size_t i = 0; i < sp->n_rows; i++) {
        uint32_t *r = sp->rows + i * A;
        uint32_t f = r[pc];
        if (!f)
            continue;
        for (size_t c = pc; c < A; c++)
            if (v[c])
                r[c] = mod_sub(r[c], mod_mul(f, v[c]));
    }
    memcpy(sp->rows + sp->n_rows * A, v, A * sizeof *v);
    sp->pivot[sp->n_rows] = pc;
    sp->n_rows++;
    return 1;
}

int
cq_span_add(cq_span *sp, const uint32_t *atoms, size_t n)
{
    size_t pc = span_reduce(sp, atoms, n);
    return pc == sp->n_atoms ? 0 : span_insert(sp, pc);
}

/* Depth-first over subsets of the small-pivot rows k.. with pivot sizes
 * adding up to less than min_group; acc + depth * ns is the running sum over
 * the small columns.  Returns 1 (found, *found = size), 0, or 2 (budget). */
static int
span_search(cq_span *sp, size_t k, size_t n_small, size_t depth, size_t used, size_t *tries,
            size_t *found)
{
    size_t A = sp->n_atoms, nb = sp->n_big, ns = A - nb;
    const uint32_t *cur = sp->acc + depth * ns;
    for (size_t j = k; j < n_small; j++) {
        size_t row = sp->small_rows[j];
        size_t piv = sp->pivot[row];
        if (used + sp->size_col[piv] >= (size_t)sp->min_group)
            continue;
        if (++*tries > sp->budget)
            return 2;
        uint32_t *next = sp->acc + (depth + 1) * ns;
        const uint32_t *r = sp->rows + row * A + nb;
        size_t total = 0;
        int ok = 1;
        for (size_t c = 0; c < ns; c++) {
            uint32_t x = cur[c] + r[c];
            if (x >= SPAN_P)
                x -= SPAN_P;
            next[c] = x;
            if (x == 1)
                total += sp->size_col[nb + c];
            else if (x)
                ok = 0;
        }
        if (ok && total > 0 && total < (size_t)sp->min_group) {
            *found = total;
            return 1;
        }
        if (depth + 2 < (size_t)sp->min_group) {
            int res =
                span_search(sp, j + 1, n_small, depth + 1, used + sp->size_col[piv], tries, found);
            if (res)
                return res;
        }
    }
    return 0;
}

cq_span_verdict
cq_span_check(cq_span *sp, size_t *witness_size)
{
    size_t n_small = 0, ns = sp->n_atoms - sp->n_big;
    for (size_t i = 0; i < sp->n_rows; i++)
        if (sp->pivot[i] >= sp->n_big)
            sp->small_rows[n_small++] = i;
    if (n_small == 0 || sp->min_group <= 1)
        return CQ_SPAN_SAFE;
    memset(sp->acc, 0, ns * sizeof *sp->acc);
    size_t tries = 0, found = 0;
    int res = span_search(sp, 0, n_small, 0, 0, &tries, &found);
    if (res == 1 && witness_size)
        *witness_size = found;
    return res == 1 ? CQ_SPAN_UNSAFE : res == 2 ? CQ_SPAN_UNDECIDED : CQ_SPAN_SAFE;
}

int
cq_span_try(cq_span *sp, const uint32_t *atoms, size_t n, cq_span_verdict *verdict)
{
    size_t A = sp->n_atoms;
    *verdict = CQ_SPAN_SAFE;
    size_t pc = span_reduce(sp, atoms, n);
    if (pc == A)
        return 0; /* already known from what is published: adds nothing */
    /* save the basis (rows can change in place) */
    if (sp->save_cap < sp->cap_rows) {
        uint32_t *r = realloc(sp->save_rows, sp->cap_rows * A * sizeof *r);
        size_t *p = r ? realloc(sp->save_pivot, sp->cap_rows * sizeof *p) : NULL;
        if (r)
            sp->save_rows = r;
        if (!r || !p)
            return -1;
        sp->save_pivot = p;
        sp->save_cap = sp->cap_rows;
    }
    if (sp->n_rows) {
        memcpy(sp->save_rows, sp->rows, sp->n_rows * A * sizeof *sp->rows);
        memcpy(sp->save_pivot, sp->pivot, sp->n_rows * sizeof *sp->pivot);
    }
    sp->save_n = sp->n_rows;
    if (span_insert(sp, pc) < 0)
        return -1;
    *verdict = cq_span_check(sp, NULL);
    if (*verdict != CQ_SPAN_SAFE) {
        if (sp->save_n) { /* nothing saved (and no buffers yet) when it was empty */
            memcpy(sp->rows, sp->save_rows, sp->save_n * A * sizeof *sp->rows);
            memcpy(sp->pivot, sp->save_pivot, sp->save_n * sizeof *sp->pivot);
        }
        sp->n_rows = sp->save_n;
    }
    return 0;
}
