/*
 * report_unit.c - "Din enhet" (Your unit): one printed page per group of
 * every breakdown, for the safety representative of that unit.
 *
 * A page holds the response rate, each scale's score in the latest survey
 * and the one before, the change with its assessment, the change among
 * those who answered both times (paired), the whole organisation beside it
 * and a chart of the unit against the organisation, then two or three plain
 * sentences (rb_unit_sentences).  A unit whose results are all withheld gets
 * a short page that says why, in plain words, and what to do.
 *
 * Pages are ordered under their parent unit when one breakdown nests in
 * another (sections under their administration: cq_nesting on the latest
 * survey); other breakdowns follow in the order of --group.  Every figure
 * comes from the disclosed rows (rb_shown, rb_cmp_at); nothing is decided
 * here about what may be shown.
 */
#include "copsoq/report_build.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/suppress.h"

#define UNIT_CHART_COLS 6 /* columns kept free for the chart, right of the table */

typedef struct {
    size_t *parent;    /* [nb] breakdown this one nests in, 0: none */
    size_t **group_of; /* [nb] -> [ng]: the parent's group index, (size_t)-1 */
} nesting;

static void unit_page(ctx *x, cq_rsheet *sh, uint32_t *r, size_t b, size_t g,
                      const char *parent_name);
static void emit(ctx *x, cq_rsheet *sh, uint32_t *r, const nesting *ne, size_t b, size_t g,
                 const char *parent_name, int depth);

void
rb_build_units(ctx *x)
{
    if (x->nb < 2 || x->nw == 0)
        return;
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, cq_text(x->en, CQ_T_SHEET_UNITS)));
    if (!sh)
        return;
    sh->gridlines = 0;
    nesting ne = {0};
    ne.parent = calloc(x->nb, sizeof *ne.parent);
    ne.group_of = calloc(x->nb, sizeof *ne.group_of);
    const cq_wave *wv = &x->st->waves[x->nw - 1];
    size_t ngr = x->nb - 1;
    uint32_t **map = cq_nesting(wv, ngr);
    if (!ne.parent || !ne.group_of || !map) {
        x->nomem = 1;
        goto done;
    }
    /* the parent of a breakdown: the finest breakdown it nests in strictly
     * (not one it is the same partition as) */
    for (size_t c = 1; c < x->nb; c++) {
        size_t best = 0;
        for (size_t p = 1; p < x->nb; p++) {
            if (p == c || !map[c * x->nb + p] || map[p * x->nb + c])
                continue;
            if (!best || wv->n_levels[p - 1] > wv->n_levels[best - 1])
                best = p;
        }
        ne.parent[c] = best;
        if (!best)
            continue;
        size_t ng = x->bg[c].n;
        ne.group_of[c] = malloc((ng ? ng : 1) * sizeof **ne.group_of);
        if (!ne.group_of[c]) {
            x->nomem = 1;
            goto done;
        }
        for (size_t g = 0; g < ng; g++)
            ne.group_of[c][g] = (size_t)-1;
        const uint32_t *m = map[c * x->nb + best];
        for (size_t l = 0; l < wv->n_levels[c - 1]; l++) {
            size_t g = cq_strmap_get(&x->bg[c].map, wv->levels[c - 1][l]);
            if (g == (size_t)-1 || m[l] == CQ_NO_PARENT)
                continue;
            ne.group_of[c][g] = cq_strmap_get(&x->bg[best].map, wv->levels[best - 1][m[l]]);
        }
    }

    uint32_t r = 0;
    for (size_t b = 1; b < x->nb; b++) {
        if (ne.parent[b])
            continue;
        for (size_t g = 0; g < x->bg[b].n; g++)
            emit(x, sh, &r, &ne, b, g, NULL, 0);
    }
    rb_dash_header(x, sh, rb_textf(x, CQ_T_NOTE_DASH, x->st->settings->min_group));

done:
    cq_nesting_free(map, ngr);
    for (size_t b = 0; ne.group_of && b < x->nb; b++)
        free(ne.group_of[b]);
    free(ne.group_of);
    free(ne.parent);
}

/* The page of group g of breakdown b, then the pages of the groups nested
 * in it. */
static void
emit(ctx *x, cq_rsheet *sh, uint32_t *r, const nesting *ne, size_t b, size_t g,
     const char *parent_name, int depth)
{
    const char *name = x->bg[b].names[g];
    if (strcmp(name, CQ_MISSING_GROUP) == 0)
        return; /* not a unit anyone is the representative of */
    unit_page(x, sh, r, b, g, parent_name);
    if (depth > 8)
        return;
    for (size_t c = 1; c < x->nb; c++) {
        if (ne->parent[c] != b || !ne->group_of[c])
            continue;
        for (size_t k = 0; k < x->bg[c].n; k++)
            if (ne->group_of[c][k] == g)
                emit(x, sh, r, ne, c, k, name, depth + 1);
    }
}

static void
unit_page(ctx *x, cq_rsheet *sh, uint32_t *r, size_t b, size_t g, const char *parent_name)
{
    const cq_settings *set = x->st->settings;
    size_t nw = x->nw, ns = x->ns, w = nw - 1, ng = x->bg[b].n;
    int two = nw > 1;
    size_t p = two ? nw - 2 : 0;
    const char *name = rb_group_display(x, x->bg[b].names[g]);
    char a[64], bb[64], c[64];

    /* columns */
    const uint32_t c_scale = 0, c_dir = 1;
    uint32_t col = 2;
    const uint32_t c_prev = two ? col++ : 0;
    const uint32_t c_this = col++;
    const uint32_t c_change = two ? col++ : 0;
    const uint32_t c_assess = two ? col++ : 0;
    const uint32_t c_panel = two ? col++ : 0;
    const uint32_t c_org = col++;
    const uint32_t c_ref = x->n_ref ? col++ : 0;
    const uint32_t c_rdiff = x->n_ref ? col++ : 0;
    const uint32_t ncols = col;
    const uint32_t c_chart = ncols + 1;
    const uint32_t last_col = c_chart + UNIT_CHART_COLS - 1;

    if (*r > 0)
        rb_add_break(x, sh, *r);
    uint32_t top = *r;
    rb_merge_row(x, sh, *r, last_col, rb_textf(x, CQ_T_UNIT_TITLE, name), x->S.title, 0);
    rb_set_height(x, sh, *r, 24);
    (*r)++;
    const char *bl = rb_breakdown_label(x, b);
    rb_merge_row(x, sh, *r, last_col,
                 parent_name ? rb_textf(x, CQ_T_UNIT_PARENT, bl, rb_group_display(x, parent_name),
                                        rb_wave_label(x, w))
                             : rb_textf(x, CQ_T_UNIT_SUB, bl, rb_wave_label(x, w)),
                 x->S.subtitle, 0);
    (*r)++;

    /* shown at all in the latest wave? */
    int any = 0;
    for (size_t s = 0; s < ns && !any; s++)
        any = rb_shown(x, b, w, g, s) != NULL;
    size_t n = x->resp[b][w * ng + g];
    if (!any) {
        (*r)++;
        /* why, as the disclose stage recorded it: too few answers, or
         * withheld although there are enough, to protect a smaller group */
        unsigned char why = x->hidden[b][w * ng + g];
        int few = why == CQ_HID_PRIMARY || why == CQ_HID_SENSITIVE ||
                  (why == CQ_SHOWN && n < (size_t)(set->min_group > 0 ? set->min_group : 1));
        rb_merge_row(x, sh, *r, last_col,
                     rb_textf(x, few ? CQ_T_UNIT_HIDDEN_FEW : CQ_T_UNIT_HIDDEN_PROTECT, name,
                              set->min_group, rb_wave_label(x, w)),
                     x->S.sentence, 1);
        (*r)++;
        rb_add_block(x, sh, top, *r - 1, -1, -1, 2); /* a page of its own */
        (*r)++;
        return;
    }

    /* response rate, or the number of answers, unless withheld */
    if (!x->hidden[b][w * ng + g]) {
        double head = rb_head_at(x, b, w, g);
        const char *t;
        if (isfinite(head) && head > 0) {
            double rate = fmin(1.0, (double)n / head);
            t = rb_textf(x, CQ_T_UNIT_RATE, rb_wave_label(x, w),
                         cq_text_number(a, sizeof a, x->en, 100.0 * rate, 1, 0),
                         cq_text_number(bb, sizeof bb, x->en, (double)n, 0, 0),
                         cq_text_number(c, sizeof c, x->en, head, 0, 0));
            if (rate < 0.60)
                t = rb_fmt(x, "%s %s", t, cq_text(x->en, CQ_T_UNIT_RATE_LOW));
        } else {
            t = rb_textf(x, CQ_T_UNIT_ANSWERS, cq_text_number(a, sizeof a, x->en, (double)n, 0, 0),
                         rb_wave_label(x, w));
        }
        rb_merge_row(x, sh, *r, last_col, t, x->S.sentence, 1);
        (*r)++;
    }

    /* the sentences */
    rb_change *ch = calloc(ns + 1, sizeof *ch);
    const char **unfav = calloc(ns + 1, sizeof *unfav);
    const char **unfav_ref = calloc(ns + 1, sizeof *unfav_ref);
    if (!ch || !unfav || !unfav_ref) {
        x->nomem = 1;
        free(ch);
        free(unfav);
        free(unfav_ref);
        return;
    }
    size_t n_unfav = 0, n_unfav_ref = 0;
    for (size_t k = 0; k < ns; k++) {
        size_t s = x->order[k];
        const cq_scale *sc = &x->ins->scales[s];
        rb_change_of(x, two ? rb_cmp_at(x, b, p, g, s) : NULL, rb_scale_name(x, s), &ch[k]);
        /* unfavourable in every survey where the unit is shown: against the
         * reference value where there is one, else by the rule of thumb */
        int all = 1, seen = 0;
        for (size_t v = 0; v < nw && all; v++) {
            const cq_summary *sm = rb_shown(x, b, v, g, s);
            if (!sm)
                continue;
            seen = 1;
            rb_refcmp rc;
            if (x->ref[s])
                all = rb_ref_compare(x, sm, s, &rc) && rc.worse;
            else
                all = rb_unfavourable(sc, sm->mean, sc->has_cutoffs != 0);
        }
        if (seen && all && rb_shown(x, b, w, g, s)) {
            if (x->ref[s])
                unfav_ref[n_unfav_ref++] = rb_scale_name(x, s);
            else
                unfav[n_unfav++] = rb_scale_name(x, s);
        }
    }
    cq_sbuf out = {0};
    rb_unit_sentences(x->en, ch, ns, two ? rb_wave_label(x, p) : NULL, unfav_ref, n_unfav_ref, 1,
                      two, &out);
    rb_unit_sentences(x->en, ch, ns, NULL, unfav, n_unfav, 2, two, &out);
    if (out.nomem)
        x->nomem = 1;
    for (const char *q = cq_sbuf_str(&out); *q;) {
        const char *e = strchr(q, '\n');
        size_t len = e ? (size_t)(e - q) : strlen(q);
        rb_merge_row(x, sh, *r, last_col, rb_fmt(x, "%.*s", (int)len, q), x->S.sentence, 1);
        (*r)++;
        q += len + (e ? 1 : 0);
    }
    cq_sbuf_free(&out);
    free(ch);
    free(unfav);
    free(unfav_ref);

    /* the table */
    uint32_t head = *r;
    rb_put_text(x, sh, *r, c_scale, cq_text(x->en, CQ_T_COL_SCALE), x->S.th_left);
    rb_put_text(x, sh, *r, c_dir, cq_text(x->en, CQ_T_COL_HIGH_IS), x->S.th);
    if (two) {
        rb_put_text(x, sh, *r, c_prev, rb_textf(x, CQ_T_UNIT_COL_UNIT, rb_wave_label(x, p)),
                    x->S.th);
        rb_put_text(x, sh, *r, c_change, cq_text(x->en, CQ_T_UNIT_COL_CHANGE), x->S.th);
        rb_put_text(x, sh, *r, c_assess, cq_text(x->en, CQ_T_COL_ASSESS), x->S.th);
        rb_put_text(x, sh, *r, c_panel, cq_text(x->en, CQ_T_UNIT_COL_PANEL), x->S.th);
    }
    rb_put_text(x, sh, *r, c_this, rb_textf(x, CQ_T_UNIT_COL_UNIT, rb_wave_label(x, w)), x->S.th);
    rb_put_text(x, sh, *r, c_org, rb_textf(x, CQ_T_UNIT_COL_ORG, rb_wave_label(x, w)), x->S.th);
    if (x->n_ref) {
        rb_put_text(x, sh, *r, c_ref, cq_text(x->en, CQ_T_UNIT_COL_REF), x->S.th);
        rb_put_text(x, sh, *r, c_rdiff, cq_text(x->en, CQ_T_UNIT_COL_REF_DIFF), x->S.th);
    }
    rb_set_height(x, sh, *r, 40);
    (*r)++;
    uint32_t first = *r;
    for (size_t k = 0; k < ns; k++) {
        size_t s = x->order[k];
        const cq_scale *sc = &x->ins->scales[s];
        rb_put_text(x, sh, *r, c_scale, rb_scale_name(x, s), x->S.text);
        rb_put_text(x, sh, *r, c_dir,
                    cq_text(x->en, sc->higher_is_good ? CQ_T_HIGH_GOOD : CQ_T_HIGH_BAD),
                    x->S.text_c);
        const cq_summary *now = rb_shown(x, b, w, g, s);
        if (now)
            rb_put_num(x, sh, *r, c_this, now->mean, x->S.hm0);
        else
            rb_put_dash(x, sh, *r, c_this);
        if (two) {
            const cq_summary *before = rb_shown(x, b, p, g, s);
            if (before)
                rb_put_num(x, sh, *r, c_prev, before->mean, x->S.hm0);
            else
                rb_put_dash(x, sh, *r, c_prev);
            const cq_comparison *cm = rb_cmp_at(x, b, p, g, s);
            if (cm && !cm->suppressed && isfinite(cm->diff)) {
                int m = rb_mark_index(cm);
                rb_put_num(x, sh, *r, c_change, round(cm->diff * 10.0) / 10.0, x->S.dmark1[m]);
                rb_put_text(x, sh, *r, c_assess, rb_mark_text(x, cm), x->S.mark[m]);
            } else {
                rb_put_dash(x, sh, *r, c_change);
                rb_put_dash(x, sh, *r, c_assess);
            }
            const cq_comparison *pc = x->pair[b][IDX_SUM(x, b, p, g, s)];
            if (pc && !pc->suppressed && isfinite(pc->diff))
                rb_put_num(x, sh, *r, c_panel, round(pc->diff * 10.0) / 10.0,
                           x->S.dmark1[rb_mark_index(pc)]);
            else
                rb_put_dash(x, sh, *r, c_panel);
        }
        const cq_summary *org = rb_shown(x, 0, w, 0, s);
        if (org)
            rb_put_num(x, sh, *r, c_org, org->mean, x->S.hm0);
        else
            rb_put_dash(x, sh, *r, c_org);
        if (x->n_ref && x->ref[s]) {
            rb_refcmp rc;
            rb_put_num(x, sh, *r, c_ref, x->ref[s]->mean, x->S.hm0);
            if (rb_ref_compare(x, now, s, &rc))
                rb_put_num(x, sh, *r, c_rdiff, round(rc.diff * 10.0) / 10.0,
                           x->S.dmark1[rc.worse    ? 0
                                       : rc.better ? 4
                                                   : 2]);
            else
                rb_put_dash(x, sh, *r, c_rdiff);
        }
        (*r)++;
    }
    uint32_t last = *r - 1;

    /* the chart: the unit and the organisation in the latest survey */
    cq_rchart *chart = rb_chart_add(x, sh);
    if (chart) {
        chart->horizontal = 1;
        chart->min = 0;
        chart->max = 100;
        chart->major = 20;
        chart->legend = 1;
        chart->title = rb_textf(x, CQ_T_UNIT_CHART, name, rb_wave_label(x, w));
        chart->value_title = cq_text(x->en, CQ_T_CHART_AXIS_PLAIN);
        chart->row = head;
        chart->col = c_chart;
        chart->width = UNIT_CHART_COLS * 64;
        chart->height = (uint32_t)(20 * (last - head + 1));
        cq_rseries se = {0};
        se.sheet = sh->name;
        se.r1 = first;
        se.r2 = last;
        se.cat_col = c_scale;
        se.val_col = c_this;
        se.color = C_WAVE_LAST;
        se.name = name;
        se.in_legend = 1;
        rb_series_add(x, chart, &se);
        se.val_col = c_org;
        se.color = 0xA5A5A5;
        se.name = cq_text(x->en, CQ_T_UNIT_SERIES_ORG);
        rb_series_add(x, chart, &se);
        if (x->n_ref) {
            se.val_col = c_ref;
            se.color = 0xF4B183;
            se.name = cq_text(x->en, CQ_T_UNIT_SERIES_REF);
            rb_series_add(x, chart, &se);
        }
    }
    for (uint32_t q = first; q <= last; q++)
        rb_set_height(x, sh, q, 15);
    (*r)++;
    rb_merge_row(x, sh, *r, last_col, rb_textf(x, CQ_T_UNIT_NOTE, set->min_group), x->S.note_wrap,
                 1);
    (*r)++;
    if (x->n_ref) {
        rb_merge_row(x, sh, *r, last_col, rb_textf(x, CQ_T_NOTE_REF, x->ref_source), x->S.note_wrap,
                     1);
        (*r)++;
    }
    rb_add_block(x, sh, top, *r - 1, -1, -1, 2); /* a page of its own */

    rb_set_width(x, sh, c_scale, 30);
    rb_set_width(x, sh, c_dir, 8);
    for (uint32_t k = 2; k < ncols; k++)
        rb_set_width(x, sh, k, 10);
    if (x->n_ref) {
        rb_set_width(x, sh, c_ref, 13);
        rb_set_width(x, sh, c_rdiff, 12);
    }
    if (two) {
        rb_set_width(x, sh, c_assess, 25);
        rb_set_width(x, sh, c_panel, 14);
    }
    rb_set_width(x, sh, ncols, 2);
    for (uint32_t k = c_chart; k <= last_col; k++)
        rb_set_width(x, sh, k, 8.43);
}
