/*
 * report_trend.c - with three or more surveys: the change from the first to
 * the last survey for all respondents, and the Trend sheet (a table of the
 * means per survey with that change, and a line chart per scale).
 *
 * The change is Welch's test on the two whole-sample summary rows (n, mean,
 * sd: the same figures scale_summary.csv publishes, cq_welch of stats.c),
 * p adjusted by Benjamini-Hochberg over the scales, relevance and direction
 * by the same rules as comparison.csv (cq_relevance, cq_change).  A scale
 * whose first or last summary is withheld has no such change.
 */
#include "copsoq/report_build.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/stats.h"

int
rb_index_trend(ctx *x)
{
    size_t ns = x->ns, nw = x->nw;
    if (nw < 3)
        return 0;
    x->fl = calloc(ns + 1, sizeof *x->fl);
    double *p = calloc(ns + 1, sizeof *p), *adj = calloc(ns + 1, sizeof *adj);
    if (!x->fl || !p || !adj) {
        free(p);
        free(adj);
        return -1;
    }
    for (size_t s = 0; s < ns; s++) {
        const cq_summary *a = rb_shown(x, 0, 0, 0, s), *b = rb_shown(x, 0, nw - 1, 0, s);
        struct rb_trend *t = &x->fl[s];
        p[s] = NAN;
        if (!a || !b)
            continue;
        cq_ttest tt;
        cq_welch(a->n, a->mean, a->sd, b->n, b->mean, b->sd, &tt);
        t->shown = isfinite(tt.diff) && isfinite(tt.p);
        t->diff = tt.diff;
        t->ci_low = tt.ci_low;
        t->ci_high = tt.ci_high;
        t->p = tt.p;
        p[s] = t->shown ? tt.p : NAN;
    }
    int rc = cq_p_adjust_bh(p, ns, adj) == CQ_OK ? 0 : -1;
    for (size_t s = 0; s < ns; s++) {
        struct rb_trend *t = &x->fl[s];
        t->p_adj = adj[s];
        t->relevance = cq_relevance(t->diff);
        t->change = t->shown ? cq_change(t->diff, t->p_adj, x->ins->scales[s].higher_is_good) : 0;
    }
    free(p);
    free(adj);
    return rc;
}

void
rb_build_trend(ctx *x)
{
    size_t nw = x->nw, ns = x->ns;
    if (nw < 3 || !x->fl || !x->data)
        return;
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, cq_text(x->en, CQ_T_SHEET_TREND)));
    if (!sh)
        return;
    const uint32_t c_scale = 0, c_dir = 1, c_mean = 2, c_fl = c_mean + (uint32_t)nw;
    const uint32_t ncols = c_fl + 6;
    const char *first = rb_wave_label(x, 0), *last = rb_wave_label(x, nw - 1);
    uint32_t r = 0;
    rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_TREND_TITLE), x->S.title, 0);
    rb_set_height(x, sh, r, 24);
    r++;
    rb_note_row(x, sh, r++, ncols - 1, rb_textf(x, CQ_T_TREND_SUB, first, last));
    r++;
    uint32_t h1 = r, h2 = r + 1;
    rb_merge(x, sh, h1, c_scale, h2, c_scale, cq_text(x->en, CQ_T_COL_SCALE), x->S.th_left, 0);
    rb_merge(x, sh, h1, c_dir, h2, c_dir, cq_text(x->en, CQ_T_COL_HIGH_IS), x->S.th, 0);
    rb_merge(x, sh, h1, c_mean, h1, c_fl - 1, cq_text(x->en, CQ_T_COL_MEAN), x->S.th, 0);
    for (size_t w = 0; w < nw; w++) {
        rb_put_text(x, sh, h2, c_mean + (uint32_t)w, rb_wave_label(x, w), x->S.th);
        rb_set_width(x, sh, c_mean + (uint32_t)w, 8);
    }
    rb_merge(x, sh, h1, c_fl, h1, c_fl + 5, rb_textf(x, CQ_T_COL_FIRST_LAST, first, last), x->S.th,
             0);
    static const cq_text_id heads[6] = {CQ_T_COL_DIFF, CQ_T_COL_CI_LOW, CQ_T_COL_CI_HIGH,
                                        CQ_T_COL_PADJ, CQ_T_COL_SIZE,   CQ_T_COL_ASSESS};
    static const double widths[6] = {9, 8, 8, 10, 15, 28};
    for (uint32_t k = 0; k < 6; k++) {
        rb_put_text(x, sh, h2, c_fl + k, cq_text(x->en, heads[k]), x->S.th);
        rb_set_width(x, sh, c_fl + k, widths[k]);
    }
    rb_set_width(x, sh, c_scale, 34);
    rb_set_width(x, sh, c_dir, 9);
    /* the header is repeated by the pagination where the table is split,
     * not as print titles: those would stand above the charts too */
    sh->freeze_row = (int32_t)h2 + 1;
    r = h2 + 1;
    uint32_t body = r;
    for (size_t k = 0; k < ns; k++) {
        size_t s = x->order[k];
        const cq_scale *sc = &x->ins->scales[s];
        rb_put_text(x, sh, r, c_scale, rb_scale_name(x, s), x->S.text);
        rb_put_text(x, sh, r, c_dir,
                    cq_text(x->en, sc->higher_is_good ? CQ_T_HIGH_GOOD : CQ_T_HIGH_BAD), x->S.dash);
        for (size_t w = 0; w < nw; w++) {
            const cq_summary *sm = rb_shown(x, 0, w, 0, s);
            if (sm)
                rb_put_num(x, sh, r, c_mean + (uint32_t)w, sm->mean, x->S.num1);
            else
                rb_put_dash(x, sh, r, c_mean + (uint32_t)w);
        }
        const struct rb_trend *t = &x->fl[s];
        if (t->shown) {
            int mi = t->change > 0   ? (t->relevance >= 1 ? 4 : 3)
                     : t->change < 0 ? (t->relevance >= 1 ? 0 : 1)
                                     : 2;
            rb_put_num(x, sh, r, c_fl, t->diff, x->S.dmark1[mi]);
            rb_put_num(x, sh, r, c_fl + 1, t->ci_low, x->S.num1);
            rb_put_num(x, sh, r, c_fl + 2, t->ci_high, x->S.num1);
            rb_put_p(x, sh, r, c_fl + 3, t->p_adj);
            if (t->relevance >= 0)
                rb_put_text(x, sh, r, c_fl + 4, rb_relevance_text(x, t->relevance), x->S.dash);
            rb_put_text(x, sh, r, c_fl + 5,
                        cq_text(x->en, t->change > 0   ? CQ_T_MARK_BETTER
                                       : t->change < 0 ? CQ_T_MARK_WORSE
                                                       : CQ_T_MARK_NONE),
                        x->S.mark[mi]);
        } else {
            for (uint32_t j = 0; j < 6; j++)
                rb_put_dash(x, sh, r, c_fl + j);
        }
        r++;
    }
    rb_add_block(x, sh, body, r - 1, (int32_t)h1, (int32_t)h2, 0);
    r++;
    rb_note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_TREND_CHARTS));

    /* a line chart per scale, four in a row; data on the hidden sheet */
    const uint32_t per_row = 4, rows_per_chart = 12;
    size_t n_chart = 0;
    for (size_t k = 0; k < ns; k++) {
        size_t s = x->order[k];
        uint32_t d0 = x->data_row;
        rb_put_text(x, x->data, d0, 0, rb_scale_name(x, s), x->S.text_bold);
        int any = 0;
        for (size_t w = 0; w < nw; w++) {
            rb_put_text(x, x->data, d0 + 1 + (uint32_t)w, 0, rb_wave_label(x, w), x->S.text);
            const cq_summary *sm = rb_shown(x, 0, w, 0, s);
            if (sm) {
                rb_put_num(x, x->data, d0 + 1 + (uint32_t)w, 1, sm->mean, x->S.num1);
                any = 1;
            }
        }
        x->data_row = d0 + (uint32_t)nw + 2;
        if (!any)
            continue;
        cq_rchart *ch = rb_chart_add(x, sh);
        if (!ch)
            break;
        ch->line = 1;
        ch->title = rb_scale_name(x, s);
        ch->min = 0;
        ch->max = 100;
        ch->major = 25;
        ch->label_format = "0";
        ch->width = 250;
        ch->height = 220;
        if (n_chart % per_row == 0 && n_chart > 0)
            r += rows_per_chart;
        /* a line of charts is kept on one page with the row above it (the
         * note, or the spare row under the line before): a chart anchored
         * on a page break gets its top edge printed on the page before */
        if (n_chart % per_row == 0)
            rb_add_block(x, sh, r - 1, r + rows_per_chart - 2, -1, -1, 1);
        ch->row = r;
        ch->col = 0;
        ch->x_offset = (int32_t)(260 * (n_chart % per_row));
        cq_rseries se = {0};
        se.sheet = x->chart_sheet;
        se.r1 = d0 + 1;
        se.r2 = d0 + (uint32_t)nw;
        se.cat_col = 0;
        se.val_col = 1;
        se.color = x->ins->scales[s].higher_is_good ? C_GOOD_DIR : C_BAD_DIR;
        se.name = rb_scale_name(x, s);
        se.labels = 1;
        rb_series_add(x, ch, &se);
        n_chart++;
    }
    r += rows_per_chart;
    for (uint32_t q = body + ns + 2; q < r; q++)
        rb_set_height(x, sh, q, 15);
    rb_dash_header(x, sh, rb_textf(x, CQ_T_NOTE_DASH, x->st->settings->min_group));
}
