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

static void suppress_secondary(cq_summary *rows, size_t n, int min_group);
static void traffic(const cq_scale *sc, const double *x, size_t n, cq_summary *row);

cq_status
cq_stage_summarise(cq_study *st, cq_diag *d)
{
    const cq_settings *set = st->settings;
    const cq_instrument *ins = st->ins;
    size_t total = 0, maxn = 0;
    for (size_t w = 0; w < st->n_waves; w++) {
        size_t groups = 1;
        for (size_t k = 0; k < set->n_groups; k++)
            groups += st->waves[w].n_levels[k];
        total += groups * ins->n_scales;
        if (st->waves[w].n > maxn)
            maxn = st->waves[w].n;
    }
    st->summary = calloc(total ? total : 1, sizeof *st->summary);
    double *buf = malloc((maxn ? maxn : 1) * sizeof *buf);
    size_t *order = malloc((maxn ? maxn : 1) * sizeof *order);
    size_t *start = NULL;
    if (!st->summary || !buf || !order) {
        free(buf);
        free(order);
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    }
    size_t out = 0;
    for (size_t w = 0; w < st->n_waves; w++) {
        const cq_wave *wave = &st->waves[w];
        for (size_t b = 0; b <= set->n_groups; b++) {
            size_t nlev = b == 0 ? 1 : wave->n_levels[b - 1];
            /* respondents bucketed by group (counting sort), so each group's
             * scores are gathered without scanning the whole wave */
            size_t *st_new = realloc(start, (nlev + 1) * sizeof *start);
            if (!st_new) {
                free(buf);
                free(order);
                free(start);
                return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
            }
            start = st_new;
            memset(start, 0, (nlev + 1) * sizeof *start);
            for (size_t r = 0; r < wave->n; r++)
                start[(b ? wave->group[b - 1][r] : 0) + 1]++;
            for (size_t v = 0; v < nlev; v++)
                start[v + 1] += start[v];
            for (size_t r = 0; r < wave->n; r++)
                order[start[b ? wave->group[b - 1][r] : 0]++] = r;
            for (size_t v = nlev; v > 0; v--)
                start[v] = start[v - 1];
            start[0] = 0;
            for (size_t s = 0; s < ins->n_scales; s++) {
                int min_group = cq_min_group_for(st, s);
                size_t first = out;
                for (size_t v = 0; v < nlev; v++) {
                    const double *score = wave->scores[s];
                    size_t m = 0;
                    for (size_t j = start[v]; j < start[v + 1]; j++) {
                        size_t r = order[j];
                        if (!isnan(score[r]))
                            buf[m++] = score[r];
                    }
                    cq_summary *row = &st->summary[out++];
                    row->wave = w;
                    row->breakdown = b;
                    row->scale = s;
                    row->group = b == 0 ? "all" : wave->levels[b - 1][v];
                    traffic(&ins->scales[s], buf, m, row);
                    cq_desc ds;
                    cq_describe(buf, m, &ds);
                    row->n = m;
                    row->mean = ds.mean;
                    row->sd = ds.sd;
                    row->ci_low = ds.ci_low;
                    row->ci_high = ds.ci_high;
                    row->median = ds.median;
                    row->q1 = ds.q1;
                    row->q3 = ds.q3;
                    row->suppressed = m < (size_t)min_group;
                }
                if (b > 0)
                    suppress_secondary(&st->summary[first], out - first, min_group);
            }
        }
    }
    st->n_summary = out;
    free(buf);
    free(order);
    free(start);
    return CQ_OK;
}

static void
suppress_secondary(cq_summary *rows, size_t n, int min_group)
{
    for (;;) {
        size_t hidden = 0;
        for (size_t i = 0; i < n; i++)
            if (rows[i].suppressed)
                hidden += rows[i].n;
        if (hidden == 0 || hidden >= (size_t)min_group)
            return;
        size_t pick = (size_t)-1;
        for (size_t i = 0; i < n; i++) {
            if (rows[i].suppressed)
                continue;
            if (pick == (size_t)-1 || rows[i].n < rows[pick].n ||
                (rows[i].n == rows[pick].n && strcmp(rows[i].group, rows[pick].group) < 0))
                pick = i;
        }
        if (pick == (size_t)-1)
            return;
        rows[pick].suppressed = 1;
        rows[pick].secondary = 1;
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
