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
