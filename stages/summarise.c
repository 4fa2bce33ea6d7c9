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

static void protect(cq_summary *const *rows, const size_t *n, size_t G, const uint32_t *const *nest,
                    int min_group, size_t *const *count, const char **const *name,
                    int *const *hidden, cq_nested_scratch *scratch);
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
    /* the rules' working arrays: one of maxlev entries per breakdown */
    size_t G = set->n_groups + 1;
    size_t *count_mem = malloc(G * maxlev * sizeof *count_mem);
    const char **name_mem = malloc(G * maxlev * sizeof *name_mem);
    int *hidden_mem = malloc(G * maxlev * sizeof *hidden_mem);
    size_t **count = malloc(G * sizeof *count), *nrows = malloc(G * sizeof *nrows);
    const char ***names = malloc(G * sizeof *names);
    int **hidden = malloc(G * sizeof *hidden);
    cq_summary **block = malloc(G * sizeof *block);
    cq_nested_scratch scratch = {0};
    uint32_t **nest = NULL;
    if (!st->summary || !sorted_a || !sorted_b || !radix || !buf || !start || !count_mem ||
        !name_mem || !hidden_mem || !count || !nrows || !names || !hidden || !block ||
        cq_nested_scratch_init(&scratch, maxlev) != 0) {
        status = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t b = 0; b < G; b++) {
        count[b] = count_mem + b * maxlev;
        names[b] = name_mem + b * maxlev;
        hidden[b] = hidden_mem + b * maxlev;
    }
    size_t base = 0; /* first row of the current wave */
    for (size_t w = 0; w < st->n_waves; w++) {
        const cq_wave *wave = &st->waves[w];
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
                    /* contract §5, order statistics: in a group of fewer
                     * than 2 * min_group they are single people's scores */
                    int order_ok = n >= 2 * (size_t)min_group;
                    row->median = order_ok ? ds.median : NAN;
                    row->q1 = order_ok ? ds.q1 : NAN;
                    row->q3 = order_ok ? ds.q3 : NAN;
                    row->suppressed = n < (size_t)min_group;
                }
                block[b] = rows;
                nrows[b] = nlev;
                off += ins->n_scales * nlev;
            }
            protect(block, nrows, G, (const uint32_t *const *)nest, min_group, count, names, hidden,
                    &scratch);
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
    free(count_mem);
    free(name_mem);
    free(hidden_mem);
    free(count);
    free(nrows);
    free(names);
    free(hidden);
    free(block);
    cq_nested_scratch_free(&scratch);
    cq_nesting_free(nest, set->n_groups);
    free(buf);
    free(start);
    return status;
}

/* cq_protect (suppress.c) over the rows of one wave and scale: rows[b] are
 * breakdown b's n[b] rows, in level order as nest maps them. */
static void
protect(cq_summary *const *rows, const size_t *n, size_t G, const uint32_t *const *nest,
        int min_group, size_t *const *count, const char **const *name, int *const *hidden,
        cq_nested_scratch *scratch)
{
    for (size_t b = 1; b < G; b++)
        for (size_t v = 0; v < n[b]; v++) {
            count[b][v] = rows[b][v].n;
            name[b][v] = rows[b][v].group;
            hidden[b][v] = rows[b][v].suppressed;
        }
    cq_protect(G, n, count, (const char *const *const *)name, hidden, nest, min_group, scratch);
    for (size_t b = 1; b < G; b++)
        for (size_t v = 0; v < n[b]; v++)
            if (hidden[b][v] && !rows[b][v].suppressed) {
                rows[b][v].suppressed = 1;
                rows[b][v].secondary = 1;
            }
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
