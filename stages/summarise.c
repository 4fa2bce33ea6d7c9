/*
 * summarise.c - stage 4: descriptives per wave, breakdown, group and scale
 * (contract §4, first paragraph) and the anonymity rules of §5.
 *
 * Primary suppression: fewer than min_group respondents with a score.
 * Secondary suppression, per wave, breakdown (not "all") and scale: while the
 * respondents in suppressed groups number more than 0 and fewer than
 * min_group, the shown group with the fewest respondents (ties: the name
 * first by bytes) is suppressed too, so that no small group can be recovered
 * as the whole sample minus the groups shown.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/stages.h"
#include "copsoq/stats.h"
#include "copsoq/suppress.h"

static size_t secondary(cq_summary *rows, size_t n, int min_group, size_t *count, const char **name,
                        int *hidden);
static size_t nested(cq_summary *child, size_t n_child, const uint32_t *parent_of,
                     const cq_summary *parent, size_t n_parent, int min_group, size_t *count,
                     const char **name, int *hidden, int *parent_hidden,
                     cq_nested_scratch *scratch);
static void traffic(const cq_scale *sc, const double *x, size_t n, cq_summary *row);

typedef struct {
    double v;
    size_t r;
    uint64_t key; /* v's bits, mapped so that unsigned order is numeric order */
} scored;

/* LSD radix sort on the 64-bit keys, 16 bits a pass; stable, so equal
 * scores keep respondent order.  Returns the array holding the result (a or
 * tmp).  About 4x fewer instructions than qsort for 10^5 scores. */
static scored *
radix_sort(scored *a, scored *tmp, size_t n, size_t *count)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t u;
        memcpy(&u, &a[i].v, sizeof u);
        a[i].key = (u >> 63) ? ~u : u | (1ULL << 63);
    }
    for (int shift = 0; shift < 64; shift += 16) {
        memset(count, 0, 65537 * sizeof *count);
        for (size_t i = 0; i < n; i++)
            count[((a[i].key >> shift) & 0xFFFF) + 1]++;
        if (count[((a[0].key >> shift) & 0xFFFF) + 1] == n)
            continue; /* every key has this digit: the pass changes nothing */
        for (size_t k = 0; k < 65536; k++)
            count[k + 1] += count[k];
        for (size_t i = 0; i < n; i++)
            tmp[count[(a[i].key >> shift) & 0xFFFF]++] = a[i];
        scored *t = a;
        a = tmp;
        tmp = t;
    }
    return a;
}

cq_status
cq_stage_summarise(cq_study *st, cq_diag *d)
{
    const cq_settings *set = st->settings;
    const cq_instrument *ins = st->ins;
    cq_status status = CQ_OK;
    size_t total = 0, maxn = 0, maxlev = 1;
    for (size_t w = 0; w < st->n_waves; w++) {
        size_t groups = 1;
        for (size_t k = 0; k < set->n_groups; k++) {
            groups += st->waves[w].n_levels[k];
            if (st->waves[w].n_levels[k] > maxlev)
                maxlev = st->waves[w].n_levels[k];
        }
        total += groups * ins->n_scales;
        if (st->waves[w].n > maxn)
            maxn = st->waves[w].n;
    }
    st->summary = calloc(total ? total : 1, sizeof *st->summary);
    scored *sorted_a = malloc((maxn ? maxn : 1) * sizeof *sorted_a);
    scored *sorted_b = malloc((maxn ? maxn : 1) * sizeof *sorted_b);
    size_t *radix = malloc(65537 * sizeof *radix);
    double *buf = malloc((maxn ? maxn : 1) * sizeof *buf);
    size_t *start = malloc((maxlev + 1) * sizeof *start);
    size_t *count = malloc(maxlev * sizeof *count);
    const char **names = malloc(maxlev * sizeof *names);
    int *hidden = malloc(maxlev * sizeof *hidden);
    int *phidden = malloc(maxlev * sizeof *phidden);
    cq_nested_scratch scratch = {0};
    size_t *brk = malloc((set->n_groups + 1) * sizeof *brk);
    uint32_t **nest = NULL;
    if (!st->summary || !sorted_a || !sorted_b || !radix || !buf || !start || !count || !names ||
        !hidden || !phidden || !brk || cq_nested_scratch_init(&scratch, maxlev) != 0) {
        status = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    size_t base = 0; /* first row of the current wave */
    for (size_t w = 0; w < st->n_waves; w++) {
        const cq_wave *wave = &st->waves[w];
        /* first row of each breakdown's block in this wave */
        brk[0] = base;
        for (size_t b = 1; b <= set->n_groups; b++)
            brk[b] = brk[b - 1] + ins->n_scales * (b == 1 ? 1 : wave->n_levels[b - 2]);
        cq_nesting_free(nest, set->n_groups);
        nest = set->n_groups > 1 ? cq_nesting(wave, set->n_groups) : NULL;
        if (set->n_groups > 1 && !nest) {
            status = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            goto cleanup;
        }
        for (size_t s = 0; s < ins->n_scales; s++) {
            int min_group = cq_min_group_for(st, s);
            /* the respondents with a score, sorted by score once: bucketing
             * them by group below (a stable counting sort) leaves every
             * group's scores already sorted for the quartiles */
            const double *score = wave->scores[s];
            size_t m = 0;
            for (size_t r = 0; r < wave->n; r++)
                if (!isnan(score[r]))
                    sorted_a[m++] = (scored){score[r], r, 0};
            const scored *sorted = m ? radix_sort(sorted_a, sorted_b, m, radix) : sorted_a;
            size_t off = base;
            for (size_t b = 0; b <= set->n_groups; b++) {
                size_t nlev = b == 0 ? 1 : wave->n_levels[b - 1];
                const uint32_t *grp = b ? wave->group[b - 1] : NULL;
                memset(start, 0, (nlev + 1) * sizeof *start);
                for (size_t j = 0; j < m; j++)
                    start[(grp ? grp[sorted[j].r] : 0) + 1]++;
                for (size_t v = 0; v < nlev; v++)
                    start[v + 1] += start[v];
                for (size_t j = 0; j < m; j++)
                    buf[start[grp ? grp[sorted[j].r] : 0]++] = sorted[j].v;
                for (size_t v = nlev; v > 0; v--)
                    start[v] = start[v - 1];
                start[0] = 0;
                /* rows ordered wave, breakdown, scale, group */
                cq_summary *rows = &st->summary[off + s * nlev];
                for (size_t v = 0; v < nlev; v++) {
                    cq_summary *row = &rows[v];
                    const double *x = buf + start[v];
                    size_t n = start[v + 1] - start[v];
                    row->wave = w;
                    row->breakdown = b;
                    row->scale = s;
                    row->group = b == 0 ? "all" : wave->levels[b - 1][v];
                    traffic(&ins->scales[s], x, n, row);
                    cq_desc ds;
                    cq_describe_sorted(x, n, &ds);
                    row->n = n;
                    row->mean = ds.mean;
                    row->sd = ds.sd;
                    row->ci_low = ds.ci_low;
                    row->ci_high = ds.ci_high;
                    row->median = ds.median;
                    row->q1 = ds.q1;
                    row->q3 = ds.q3;
                    row->suppressed = n < (size_t)min_group;
                }
                if (b > 0)
                    secondary(rows, nlev, min_group, count, names, hidden);
                off += ins->n_scales * nlev;
            }
            /* the difference rule between nested breakdowns, and again the
             * rule within each breakdown, until nothing changes */
            size_t G = set->n_groups + 1, added = nest ? 1 : 0;
            while (added) {
                added = 0;
                for (size_t c = 1; c < G; c++)
                    for (size_t p = 1; p < G; p++) {
                        const uint32_t *map = c != p ? nest[c * G + p] : NULL;
                        if (!map)
                            continue;
                        size_t nc = wave->n_levels[c - 1], np = wave->n_levels[p - 1];
                        added += nested(&st->summary[brk[c] + s * nc], nc, map,
                                        &st->summary[brk[p] + s * np], np, min_group, count, names,
                                        hidden, phidden, &scratch);
                    }
                for (size_t b = 1; b < G; b++) {
                    size_t nl = wave->n_levels[b - 1];
                    added += secondary(&st->summary[brk[b] + s * nl], nl, min_group, count, names,
                                       hidden);
                }
            }
        }
        size_t groups = 1;
        for (size_t k = 0; k < set->n_groups; k++)
            groups += wave->n_levels[k];
        base += groups * ins->n_scales;
    }
    st->n_summary = total;
cleanup:
    free(sorted_a);
    free(sorted_b);
    free(radix);
    free(count);
    free(names);
    free(hidden);
    free(phidden);
    free(brk);
    cq_nested_scratch_free(&scratch);
    cq_nesting_free(nest, set->n_groups);
    free(buf);
    free(start);
    return status;
}

/* The secondary rule (cq_suppress_secondary, shared with compare.c) over
 * the groups of one wave, breakdown and scale. */
static size_t
secondary(cq_summary *rows, size_t n, int min_group, size_t *count, const char **name, int *hidden)
{
    size_t added = 0;
    for (size_t i = 0; i < n; i++) {
        count[i] = rows[i].n;
        name[i] = rows[i].group;
        hidden[i] = rows[i].suppressed;
    }
    cq_suppress_secondary(count, name, hidden, n, min_group);
    for (size_t i = 0; i < n; i++)
        if (hidden[i] && !rows[i].suppressed) {
            rows[i].suppressed = 1;
            rows[i].secondary = 1;
            added++;
        }
    return added;
}

/* cq_nested_rule (suppress.c) over the rows of a child and a parent breakdown
 * for one wave and scale. */
static size_t
nested(cq_summary *child, size_t n_child, const uint32_t *parent_of, const cq_summary *parent,
       size_t n_parent, int min_group, size_t *count, const char **name, int *hidden,
       int *parent_hidden, cq_nested_scratch *scratch)
{
    for (size_t i = 0; i < n_child; i++) {
        count[i] = child[i].n;
        name[i] = child[i].group;
        hidden[i] = child[i].suppressed;
    }
    for (size_t v = 0; v < n_parent; v++)
        parent_hidden[v] = parent[v].suppressed;
    size_t added = cq_nested_rule(count, name, hidden, parent_of, n_child, parent_hidden, n_parent,
                                  min_group, scratch);
    for (size_t i = 0; i < n_child; i++)
        if (hidden[i] && !child[i].suppressed) {
            child[i].suppressed = 1;
            child[i].secondary = 1;
        }
    return added;
}

/* Respondents in green / yellow / red.  For a scale where higher is good,
 * green is a score >= green and red a score <= red; where higher is bad,
 * green is <= green and red >= red. */
static void
traffic(const cq_scale *sc, const double *x, size_t n, cq_summary *row)
{
    row->n_green = row->n_yellow = row->n_red = 0;
    if (!sc->has_cutoffs)
        return;
    for (size_t i = 0; i < n; i++) {
        int green = sc->higher_is_good ? x[i] >= sc->green : x[i] <= sc->green;
        int red = sc->higher_is_good ? x[i] <= sc->red : x[i] >= sc->red;
        if (green)
            row->n_green++;
        else if (red)
            row->n_red++;
        else
            row->n_yellow++;
    }
}
