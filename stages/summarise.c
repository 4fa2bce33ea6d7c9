/*
 * summarise.c - stage 4: descriptives per wave, breakdown, group and scale
 * (contract §4, first paragraph).  Every row is computed; which of them may
 * be published is decided by the disclose stage (stages/disclose.c), which
 * also blanks what it withholds.
 *
 * Row order: wave, breakdown, scale, group (levels sorted by bytes); the
 * disclose stage finds rows by that layout.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/stages.h"
#include "copsoq/stats.h"

static void traffic(const cq_scale *sc, const double *x, size_t n, cq_summary *row);
static void traffic_counted(const cq_scale *sc, const double *value, const size_t *count, size_t k,
                            cq_summary *row);

typedef struct {
    double v;
    size_t r;
} scored;

/* The respondents with a score on sc, ascending by score, into out (stable:
 * equal scores keep respondent order): a counting sort of the codes, which
 * are ranks of the distinct scores (study.h).  count has n_values + 1
 * entries.  Returns how many. */
static size_t
sort_scores(const cq_scores *sc, size_t n, scored *out, size_t *count)
{
    memset(count, 0, (sc->n_values + 1) * sizeof *count);
    for (size_t r = 0; r < n; r++)
        count[cq_score_code(sc, r) + 1]++;
    size_t m = n - count[1]; /* code 0: no score */
    count[1] = 0;
    for (size_t c = 1; c < sc->n_values; c++)
        count[c + 1] += count[c];
    for (size_t r = 0; r < n; r++) {
        uint32_t c = cq_score_code(sc, r);
        if (c)
            out[count[c]++] = (scored){sc->value[c], r};
    }
    return m;
}

cq_status
cq_stage_summarise(cq_study *st, cq_diag *d)
{
    const cq_settings *set = st->settings;
    const cq_instrument *ins = st->ins;
    cq_status status = CQ_OK;
    size_t total = 0, maxn = 0, maxlev = 1, max_values = 1;
    for (size_t w = 0; w < st->n_waves; w++) {
        for (size_t s = 0; s < ins->n_scales; s++)
            if (st->waves[w].scores[s].n_values > max_values)
                max_values = st->waves[w].scores[s].n_values;
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
    /* counts by group and score: room for the respondents' worth of cells
     * (so "all" always fits); breakdowns with more groups x scores sort */
    size_t n_cells = maxn + max_values, sort_n = 1;
    for (size_t w = 0; w < st->n_waves; w++)
        for (size_t s = 0; s < ins->n_scales; s++)
            for (size_t k = 0; k < set->n_groups; k++)
                if (st->waves[w].n_levels[k] > n_cells / st->waves[w].scores[s].n_values)
                    sort_n = maxn ? maxn : 1;
    st->summary = calloc(total ? total : 1, sizeof *st->summary);
    size_t *cells = malloc(n_cells * sizeof *cells);
    scored *sorted = malloc(sort_n * sizeof *sorted);
    size_t *vcount = malloc((sort_n > 1 ? max_values + 1 : 1) * sizeof *vcount);
    double *buf = malloc(sort_n * sizeof *buf);
    size_t *start = malloc((maxlev + 1) * sizeof *start);
    if (!st->summary || !cells || !sorted || !vcount || !buf || !start) {
        status = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    size_t base = 0; /* first row of the current wave */
    for (size_t w = 0; w < st->n_waves; w++) {
        const cq_wave *wave = &st->waves[w];
        for (size_t s = 0; s < ins->n_scales; s++) {
            /* Each breakdown's groups from counts: a pass over the
             * respondents counts every group's scores by code, and the
             * counts give the group's statistics (cq_describe_counts).  When
             * groups x distinct scores would not fit in `cells`, the
             * respondents are sorted by score once (sort_scores) and bucketed
             * by group (a stable counting sort), which leaves every group's
             * scores sorted for the quartiles. */
            const cq_scores *sc = &wave->scores[s];
            size_t K = sc->n_values, m = 0;
            int sorted_done = 0;
            size_t off = base;
            for (size_t b = 0; b <= set->n_groups; b++) {
                size_t nlev = b == 0 ? 1 : wave->n_levels[b - 1];
                const uint32_t *grp = b ? wave->group[b - 1] : NULL;
                int counted = nlev <= n_cells / K;
                if (counted) {
                    memset(cells, 0, nlev * K * sizeof *cells);
                    if (grp && sc->code8) /* one loop per code width */
                        for (size_t r = 0; r < wave->n; r++)
                            cells[grp[r] * K + sc->code8[r]]++;
                    else if (grp)
                        for (size_t r = 0; r < wave->n; r++)
                            cells[grp[r] * K + sc->code[r]]++;
                    else if (sc->code8)
                        for (size_t r = 0; r < wave->n; r++)
                            cells[sc->code8[r]]++;
                    else
                        for (size_t r = 0; r < wave->n; r++)
                            cells[sc->code[r]]++;
                } else {
                    if (!sorted_done)
                        m = sort_scores(sc, wave->n, sorted, vcount);
                    sorted_done = 1;
                    memset(start, 0, (nlev + 1) * sizeof *start);
                    for (size_t j = 0; j < m; j++)
                        start[grp[sorted[j].r] + 1]++;
                    for (size_t v = 0; v < nlev; v++)
                        start[v + 1] += start[v];
                    for (size_t j = 0; j < m; j++)
                        buf[start[grp[sorted[j].r]]++] = sorted[j].v;
                    for (size_t v = nlev; v > 0; v--)
                        start[v] = start[v - 1];
                    start[0] = 0;
                }
                /* rows ordered wave, breakdown, scale, group */
                cq_summary *rows = &st->summary[off + s * nlev];
                for (size_t v = 0; v < nlev; v++) {
                    cq_summary *row = &rows[v];
                    cq_desc ds;
                    if (counted) {
                        /* code 0 (no score) left out */
                        const size_t *cnt = cells + v * K + 1;
                        traffic_counted(&ins->scales[s], sc->value + 1, cnt, K - 1, row);
                        cq_describe_counts(sc->value + 1, cnt, K - 1, &ds);
                    } else {
                        const double *x = buf + start[v];
                        size_t n = start[v + 1] - start[v];
                        traffic(&ins->scales[s], x, n, row);
                        cq_describe_sorted(x, n, &ds);
                    }
                    row->wave = w;
                    row->breakdown = b;
                    row->scale = s;
                    row->group = b == 0 ? "all" : wave->levels[b - 1][v];
                    row->n = ds.n;
                    row->mean = ds.mean;
                    row->sd = ds.sd;
                    row->ci_low = ds.ci_low;
                    row->ci_high = ds.ci_high;
                    row->median = ds.median;
                    row->q1 = ds.q1;
                    row->q3 = ds.q3;
                }
                off += ins->n_scales * nlev;
            }
        }
        size_t groups = 1;
        for (size_t k = 0; k < set->n_groups; k++)
            groups += wave->n_levels[k];
        base += groups * ins->n_scales;
    }
    st->n_summary = total;
cleanup:
    free(cells);
    free(sorted);
    free(vcount);
    free(buf);
    free(start);
    return status;
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

/* The same from counts: count[i] respondents scored value[i]. */
static void
traffic_counted(const cq_scale *sc, const double *value, const size_t *count, size_t k,
                cq_summary *row)
{
    row->n_green = row->n_yellow = row->n_red = 0;
    if (!sc->has_cutoffs)
        return;
    for (size_t i = 0; i < k; i++) {
        double x = value[i];
        int green = sc->higher_is_good ? x >= sc->green : x <= sc->green;
        int red = sc->higher_is_good ? x <= sc->red : x >= sc->red;
        if (green)
            row->n_green += count[i];
        else if (red)
            row->n_red += count[i];
        else
            row->n_yellow += count[i];
    }
}
