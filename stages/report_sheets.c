/*
 * report_sheets.c - the sheets a safety representative reads: the
 * overview, one sheet per breakdown (heat maps per wave, change per group),
 * traffic lights and charts.
 */
#include "copsoq/report_build.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/stages.h"

#define OV_PAIR_COLS 7 /* per wave pair: change, CI from, to, p, size, assessment, panel */

void
rb_build_overview(ctx *x)
{
    size_t nw = x->nw, np = nw > 1 ? nw - 1 : 0;
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, cq_text(x->en, CQ_T_SHEET_OVERVIEW)));
    if (!sh)
        return;
    x->rep->active = x->rep->n_sheets - 1;
    const uint32_t c_scale = 0, c_dir = 1, c_mean = 2;
    const uint32_t c_pair = c_mean + (uint32_t)nw;
    const uint32_t c_n = c_pair + OV_PAIR_COLS * (uint32_t)np;
    const uint32_t c_ref = c_n + (uint32_t)nw; /* reference value, difference, p */
    const uint32_t ncols = c_ref + (x->n_ref ? 3 : 0);
    uint32_t r = 0;

    rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_OVERVIEW_TITLE), x->S.title, 0);
    rb_set_height(x, sh, r, 24);
    r++;
    {
        const char *waves = "";
        const char **labels = calloc(nw + 1, sizeof *labels);
        if (labels) {
            for (size_t w = 0; w < nw; w++)
                labels[w] = rb_wave_label(x, w);
            waves = rb_join_list(x, labels, nw);
            free(labels);
        } else {
            x->nomem = 1;
        }
        const char *ins_name =
            x->ins->title ? rb_fmt(x, "%s %s", x->ins->title, x->ins->version) : x->ins->name;
        rb_merge_row(x, sh, r, ncols - 1,
                     rb_textf(x, CQ_T_OVERVIEW_SUB, ins_name,
                              rb_textf(x, nw == 1 ? CQ_T_SURVEY_ONE : CQ_T_SURVEYS, waves)),
                     x->S.subtitle, 0);
        r++;
    }
    if (x->st->settings->min_group < CQ_WARN_MIN_GROUP) {
        r++;
        rb_merge_row(x, sh, r, ncols - 1,
                     rb_textf(x, CQ_T_LOW_MIN_GROUP, x->st->settings->min_group), x->S.note_wrap,
                     1);
        rb_set_height(x, sh, r, 30);
        r++;
    }
    r++;
    rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_SUMMARY_HEAD), x->S.h2, 0);
    r++;
    rb_overview_sentences(x, sh, &r, ncols);
    r++;

    /* table header: two rows */
    uint32_t h1 = r, h2 = r + 1;
    rb_merge(x, sh, h1, c_scale, h2, c_scale, cq_text(x->en, CQ_T_COL_SCALE), x->S.th_left, 0);
    rb_merge(x, sh, h1, c_dir, h2, c_dir, cq_text(x->en, CQ_T_COL_HIGH_IS), x->S.th, 0);
    rb_merge(x, sh, h1, c_mean, h1, c_mean + (uint32_t)nw - 1, cq_text(x->en, CQ_T_COL_MEAN),
             x->S.th, 0);
    for (size_t w = 0; w < nw; w++)
        rb_put_text(x, sh, h2, c_mean + (uint32_t)w, rb_wave_label(x, w), x->S.th);
    for (size_t p = 0; p < np; p++) {
        uint32_t c0 = c_pair + OV_PAIR_COLS * (uint32_t)p;
        rb_merge(x, sh, h1, c0, h1, c0 + OV_PAIR_COLS - 1,
                 rb_textf(x, CQ_T_COL_CHANGE_PAIR, rb_wave_label(x, p), rb_wave_label(x, p + 1)),
                 x->S.th, 0);
        rb_put_text(x, sh, h2, c0, cq_text(x->en, CQ_T_COL_DIFF), x->S.th);
        rb_put_text(x, sh, h2, c0 + 1, cq_text(x->en, CQ_T_COL_CI_LOW), x->S.th);
        rb_put_text(x, sh, h2, c0 + 2, cq_text(x->en, CQ_T_COL_CI_HIGH), x->S.th);
        rb_put_text(x, sh, h2, c0 + 3, cq_text(x->en, CQ_T_COL_PADJ), x->S.th);
        rb_put_text(x, sh, h2, c0 + 4, cq_text(x->en, CQ_T_COL_SIZE), x->S.th);
        rb_put_text(x, sh, h2, c0 + 5, cq_text(x->en, CQ_T_COL_ASSESS), x->S.th);
        rb_set_width(x, sh, c0, 11);
        rb_set_width(x, sh, c0 + 1, 8);
        rb_set_width(x, sh, c0 + 2, 8);
        rb_set_width(x, sh, c0 + 3, 10);
        rb_set_width(x, sh, c0 + 4, 15);
        rb_set_width(x, sh, c0 + 5, 22);
        /* the panel beside the independent result */
        rb_put_text(x, sh, h2, c0 + 6, cq_text(x->en, CQ_T_UNIT_COL_PANEL), x->S.th);
        rb_set_width(x, sh, c0 + 6, 16);
    }
    rb_merge(x, sh, h1, c_n, h1, c_n + (uint32_t)nw - 1, cq_text(x->en, CQ_T_COL_N), x->S.th, 0);
    {
        /* with one or two surveys the headers over them must not break mid-word */
        double wm = (rb_longest_word(cq_text(x->en, CQ_T_COL_MEAN)) * 1.08 + 2.0) / (double)nw;
        double wn = (rb_longest_word(cq_text(x->en, CQ_T_COL_N)) * 1.08 + 2.0) / (double)nw;
        for (size_t w = 0; w < nw; w++) {
            rb_put_text(x, sh, h2, c_n + (uint32_t)w, rb_wave_label(x, w), x->S.th);
            rb_set_width(x, sh, c_n + (uint32_t)w, wn > 8 ? wn : 8);
            rb_set_width(x, sh, c_mean + (uint32_t)w, wm > 8 ? wm : 8);
        }
    }
    if (x->n_ref) {
        rb_merge(x, sh, h1, c_ref, h1, c_ref + 2,
                 rb_textf(x, CQ_T_COL_REF_HEAD, rb_wave_label(x, nw - 1)), x->S.th, 0);
        rb_put_text(x, sh, h2, c_ref, cq_text(x->en, CQ_T_COL_REF), x->S.th);
        rb_put_text(x, sh, h2, c_ref + 1, cq_text(x->en, CQ_T_COL_REF_DIFF), x->S.th);
        rb_put_text(x, sh, h2, c_ref + 2, cq_text(x->en, CQ_T_COL_REF_P), x->S.th);
        rb_set_width(x, sh, c_ref, 10);
        rb_set_width(x, sh, c_ref + 1, 10);
        rb_set_width(x, sh, c_ref + 2, 8);
    }
    rb_set_width(x, sh, c_dir, 10);
    sh->freeze_row = (int32_t)h2 + 1;
    sh->freeze_col = 1;
    sh->repeat_first = (int32_t)h1;
    sh->repeat_last = (int32_t)h2;
    sh->fit_height = 1;
    r = h2 + 1;

    for (size_t k = 0; k < x->n_domains; k++) {
        rb_merge_row(x, sh, r, ncols - 1, cq_text_domain(x->en, x->domains[k]), x->S.band, 0);
        r++;
        for (size_t i = 0; i < x->ns; i++) {
            size_t s = x->order[i];
            if (x->domain_of[s] != k)
                continue;
            const cq_scale *sc = &x->ins->scales[s];
            rb_put_text(x, sh, r, c_scale, rb_scale_name(x, s), x->S.text);
            rb_put_text(x, sh, r, c_dir,
                        cq_text(x->en, sc->higher_is_good ? CQ_T_HIGH_GOOD : CQ_T_HIGH_BAD),
                        x->S.dash);
            for (size_t w = 0; w < nw; w++) {
                const cq_summary *sm = rb_sum_at(x, 0, w, 0, s);
                if (sm && sm->suppressed) {
                    rb_put_dash(x, sh, r, c_mean + (uint32_t)w);
                    rb_put_dash(x, sh, r, c_n + (uint32_t)w);
                } else if (sm) {
                    rb_put_num(x, sh, r, c_mean + (uint32_t)w, sm->mean, x->S.num1);
                    rb_put_num(x, sh, r, c_n + (uint32_t)w, (double)sm->n, x->S.integer);
                }
            }
            for (size_t p = 0; p < np; p++) {
                uint32_t c0 = c_pair + OV_PAIR_COLS * (uint32_t)p;
                const cq_comparison *pc = x->pair[0][IDX_SUM(x, 0, p, 0, s)];
                if (pc && !pc->suppressed && isfinite(pc->diff))
                    rb_put_num(x, sh, r, c0 + 6, pc->diff, x->S.dmark1[rb_mark_index(pc)]);
                else if (pc)
                    rb_put_dash(x, sh, r, c0 + 6);
                const cq_comparison *cm = rb_cmp_at(x, 0, p, 0, s);
                if (!cm)
                    continue;
                if (cm->suppressed) {
                    for (uint32_t j = 0; j < 6; j++)
                        rb_put_dash(x, sh, r, c0 + j);
                    continue;
                }
                int mi = rb_mark_index(cm);
                rb_put_num(x, sh, r, c0, cm->diff, x->S.dmark1[mi]);
                rb_put_num(x, sh, r, c0 + 1, cm->ci_low, x->S.num1);
                rb_put_num(x, sh, r, c0 + 2, cm->ci_high, x->S.num1);
                rb_put_p(x, sh, r, c0 + 3, cm->p_adj);
                if (cm->relevance >= 0)
                    rb_put_text(x, sh, r, c0 + 4, rb_relevance_text(x, cm->relevance), x->S.dash);
                if (isfinite(cm->p_adj))
                    rb_put_text(x, sh, r, c0 + 5, rb_mark_text(x, cm), x->S.mark[mi]);
            }
            if (x->n_ref && x->ref[s]) {
                rb_refcmp rc;
                rb_put_num(x, sh, r, c_ref, x->ref[s]->mean, x->S.num1);
                if (rb_ref_compare(x, rb_shown(x, 0, nw - 1, 0, s), s, &rc)) {
                    int mi = rc.worse ? 0 : rc.better ? 4 : 2;
                    rb_put_num(x, sh, r, c_ref + 1, rc.diff, x->S.dmark1[mi]);
                    rb_put_p(x, sh, r, c_ref + 2, rc.p);
                } else {
                    rb_put_dash(x, sh, r, c_ref + 1);
                    rb_put_dash(x, sh, r, c_ref + 2);
                }
            }
            r++;
        }
    }
    /* respondents per wave, and the response rate of each wave with a head count */
    rb_put_text(x, sh, r, c_scale, cq_text(x->en, CQ_T_RESPONDENTS_ROW), x->S.text_bold);
    for (size_t w = 0; w < nw; w++) {
        if (x->hidden[0][w])
            rb_put_dash(x, sh, r, c_n + (uint32_t)w);
        else
            rb_put_num(x, sh, r, c_n + (uint32_t)w, (double)x->st->waves[w].n, x->S.integer);
    }
    r++;
    /* one row per survey with a head count, the rate under its own n */
    for (size_t w = 0; w < nw; w++) {
        double head = rb_head_at(x, 0, w, 0);
        if (!isfinite(head) || head <= 0)
            continue;
        rb_put_text(x, sh, r, c_scale, rb_textf(x, CQ_T_RATE_ROW, rb_wave_label(x, w)),
                    x->S.text_bold);
        if (x->hidden[0][w])
            rb_put_dash(x, sh, r, c_n + (uint32_t)w);
        else {
            double rate = fmin(1.0, (double)x->st->waves[w].n / head);
            rb_put_num(x, sh, r, c_n + (uint32_t)w, rate,
                       rate < LOW_RATE ? x->S.warn_pct1 : x->S.pct1);
        }
        r++;
    }
    r++;
    uint32_t notes[] = {CQ_T_NOTE_OVERVIEW_MEAN, CQ_T_NOTE_OVERVIEW_CHANGE,
                        CQ_T_NOTE_OVERVIEW_COLOURS};
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        if (np == 0 && i > 0)
            break;
        rb_note_row(x, sh, r, ncols - 1, cq_text(x->en, (cq_text_id)notes[i]));
        r++;
    }
    if (x->n_ref) {
        rb_note_row(x, sh, r, ncols - 1, rb_textf(x, CQ_T_NOTE_REF, x->ref_source));
        r++;
    }
    {
        int any_cut = 0;
        for (size_t s = 0; s < x->ns; s++)
            any_cut |= x->ins->scales[s].has_cutoffs != 0;
        if (!any_cut) {
            rb_note_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_NOTE_NO_TRAFFIC));
            r++;
        }
    }
    const char *dash_note = rb_textf(x, CQ_T_NOTE_DASH, x->st->settings->min_group);
    rb_note_row(x, sh, r, ncols - 1, dash_note);
    rb_dash_header(x, sh, dash_note);
}

/* ------------------------------------------------------------------ */
/* one sheet per breakdown: heat maps per wave, change per group        */

/* A scale's name for a rotated column header: on two lines when it is long,
 * broken at the space that makes the longer line shortest.  *longest gets
 * the characters of the longer line. */
static const char *
rotated_label(ctx *x, const char *name, size_t *longest)
{
    size_t n = cq_utf8_width(name);
    *longest = n;
    if (n <= 16)
        return name;
    size_t best = n, best_at = (size_t)-1, i = 0;
    for (const char *p = name; *p;) {
        const char *at = p;
        uint32_t c = cq_utf8_next(&p);
        if (c == ' ' && i > 0 && i + 1 < n) {
            size_t l = i > n - i - 1 ? i : n - i - 1;
            if (l < best) {
                best = l;
                best_at = (size_t)(at - name);
            }
        }
        i++;
    }
    if (best_at == (size_t)-1)
        return name;
    char *two = (char *)rb_dup(x, name); /* the arena's own copy */
    if (strlen(two) > best_at)
        two[best_at] = '\n';
    *longest = best;
    return two;
}

/* Domain header row and rotated scale header row over columns c0.. in
 * domain order; returns the row after them. */
static uint32_t
scale_header(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c0, const char *first_col, const int *use,
             size_t per_scale)
{
    uint32_t c = c0;
    size_t longest = 0;
    for (size_t k = 0; k < x->n_domains; k++) {
        uint32_t start = c;
        for (size_t i = 0; i < x->ns; i++) {
            size_t s = x->order[i];
            if (x->domain_of[s] != k || (use && !use[s]))
                continue;
            if (per_scale == 1) {
                size_t wd = 0;
                rb_set_width(x, sh, c, 5.2);
                rb_put_text(x, sh, r + 1, c, rotated_label(x, rb_scale_name(x, s), &wd),
                            x->S.th_rot);
                if (wd > longest)
                    longest = wd;
            } else {
                rb_merge(x, sh, r + 1, c, r + 1, c + (uint32_t)per_scale - 1, rb_scale_name(x, s),
                         x->S.th_wrap_small, 0);
            }
            c += (uint32_t)per_scale;
        }
        if (c > start) {
            /* the domain's name in two lines at 11 pt or three at 8 pt; over
             * too few columns it would break mid-word: then only the frame */
            const char *dn = cq_text_domain(x->en, x->domains[k]);
            double span = (double)(c - start) * (per_scale == 1 ? 5.2 : TL_WIDTH);
            double big = span / 1.05 * CHARS_PER_WIDTH, small = big * 11.0 / 8.0;
            if (rb_longest_word(dn) <= big && rb_wrapped_lines(dn, big) <= 2) {
                rb_merge(x, sh, r, start, r, c - 1, dn, x->S.th_dom, 0);
            } else if (rb_longest_word(dn) <= small && rb_wrapped_lines(dn, small) <= 3) {
                rb_merge(x, sh, r, start, r, c - 1, dn, x->S.th_dom_small, 0);
            } else if (per_scale == 1) {
                /* a domain of one or two heat-map columns ("Hälsa och
                 * välbefinnande" over "Självskattad hälsa"): its columns
                 * widen until the name fits in three lines at 8 pt, so that
                 * no domain header is left blank */
                double need = span;
                while (need < 40) {
                    need += 0.5;
                    small = need / 1.05 * CHARS_PER_WIDTH * 11.0 / 8.0;
                    if (rb_longest_word(dn) <= small && rb_wrapped_lines(dn, small) <= 3)
                        break;
                }
                need += 1.5; /* bold letters are wider than the estimate */
                for (uint32_t k2 = start; k2 < c; k2++)
                    rb_set_width(x, sh, k2, need / (double)(c - start));
                rb_merge(x, sh, r, start, r, c - 1, dn, x->S.th_dom_small, 0);
            } else {
                rb_merge(x, sh, r, start, r, c - 1, "", x->S.th_dom, 0);
            }
        }
    }
    rb_merge(x, sh, r, 0, r + 1, 0, first_col, x->S.th_left, 0);
    if (per_scale == 1) {
        /* rotated names on at most two lines, broken by the model (viewers
         * do not wrap rotated text alike): the row fits the longer line */
        double h = 5.6 * (double)longest + 10.0;
        rb_set_height(x, sh, r + 1, h > 230 ? 230 : h);
    }
    rb_set_height(x, sh, r, 42);
    return r + 2;
}

void
rb_build_breakdown(ctx *x, size_t b)
{
    const cq_study *st = x->st;
    size_t nw = x->nw, ns = x->ns, ng = x->bg[b].n;
    /* the sheet is named by the study file's label, else by the column */
    const char *given = rb_breakdown_given(x, b);
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, given ? given : st->settings->groups[b - 1]));
    if (!sh)
        return;
    /* head count and response rate: two columns, filled in the block of
     * each survey with head counts (the block's band names the survey, as
     * for the answers beside them) */
    int with_pop = 0;
    for (size_t w = 0; w < nw; w++)
        if (rb_has_heads(x, b, w))
            with_pop = 1;
    size_t n_head_waves = 0, head_wave = nw - 1;
    const char *head_list = with_pop ? rb_head_waves(x, b, 1, &n_head_waves) : "";
    for (size_t w = 0; w < nw; w++)
        if (rb_has_heads(x, b, w) || rb_has_heads(x, 0, w))
            head_wave = w;
    const uint32_t c_resp = 1 + (uint32_t)ns, c_head = c_resp + 1, c_rate = c_resp + 2;
    const uint32_t ncols = with_pop ? c_rate + 1 : c_resp + 1;
    uint32_t r = 0;

    rb_merge_row(x, sh, r, ncols - 1,
                 rb_textf(x, CQ_T_BREAKDOWN_TITLE, rb_lower_first(x, rb_breakdown_label(x, b))),
                 x->S.title, 0);
    rb_set_height(x, sh, r, 24);
    r++;
    /* how to read the sheet, above the table it explains (print titles
     * repeat only the header, so the notes cost no room on later pages) */
    rb_note_row(
        x, sh, r++, ncols - 1,
        rb_fmt(x, "%s %s", cq_text(x->en, CQ_T_BREAKDOWN_SUB), cq_text(x->en, CQ_T_NOTE_HEATMAP)));
    if (nw > 1)
        rb_note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_NOTE_GROUP_CHANGE));
    if (with_pop) {
        const char *rate = n_head_waves > 1
                               ? rb_textf(x, CQ_T_NOTE_RATES, head_list)
                               : rb_textf(x, CQ_T_NOTE_RATE, rb_wave_label(x, head_wave));
        rb_note_row(x, sh, r++, ncols - 1,
                    rb_fmt(x, "%s %s%s%s", cq_text(x->en, CQ_T_NOTE_COUNTS), rate,
                           x->rate_capped ? " " : "",
                           x->rate_capped ? cq_text(x->en, CQ_T_NOTE_RATE_CAP) : ""));
    } else {
        rb_note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_NOTE_COUNTS));
    }
    const char *dash_note = rb_textf(x, CQ_T_NOTE_DASH, st->settings->min_group);
    rb_note_row(x, sh, r++, ncols - 1, dash_note);
    uint32_t hr = r;
    r = scale_header(x, sh, r, 1, cq_text(x->en, CQ_T_COL_GROUP), NULL, 1);
    rb_merge(x, sh, hr, c_resp, hr + 1, c_resp, cq_text(x->en, CQ_T_COL_RESPONDENTS), x->S.th, 0);
    if (with_pop && n_head_waves > 1) {
        rb_merge(x, sh, hr, c_head, hr + 1, c_head, cq_text(x->en, CQ_T_COL_HEADCOUNT_ANY), x->S.th,
                 0);
        rb_merge(x, sh, hr, c_rate, hr + 1, c_rate, cq_text(x->en, CQ_T_COL_RATE_ANY), x->S.th, 0);
        rb_set_width(x, sh, c_head, 11);
        rb_set_width(x, sh, c_rate, 14);
    } else if (with_pop) {
        rb_merge(x, sh, hr, c_head, hr + 1, c_head,
                 rb_textf(x, CQ_T_COL_HEADCOUNT, rb_wave_label(x, head_wave)), x->S.th, 0);
        rb_merge(x, sh, hr, c_rate, hr + 1, c_rate,
                 rb_textf(x, CQ_T_COL_RATE, rb_wave_label(x, head_wave)), x->S.th, 0);
        rb_set_width(x, sh, c_head, 11);
        rb_set_width(x, sh, c_rate, 14);
    }
    rb_set_width(x, sh, c_resp, 8); /* the scales' columns: scale_header */
    sh->freeze_row = (int32_t)r;
    sh->freeze_col = 1;
    sh->repeat_first = (int32_t)hr;
    sh->repeat_last = (int32_t)hr + 1;

    /* means per wave */
    for (size_t w = 0; w < nw; w++) {
        uint32_t block = r; /* a survey's block stays on one page when it fits */
        rb_merge_row(x, sh, r, ncols - 1, rb_textf(x, CQ_T_BLOCK_MEANS, rb_wave_label(x, w)),
                     x->S.band, 0);
        r++;
        /* the whole sample for reference */
        rb_put_text(x, sh, r, 0, cq_text(x->en, CQ_T_WHOLE_SAMPLE), x->S.text_bold);
        for (size_t i = 0; i < ns; i++) {
            const cq_summary *sm = rb_sum_at(x, 0, w, 0, x->order[i]);
            if (sm && sm->suppressed)
                rb_put_dash(x, sh, r, 1 + (uint32_t)i);
            else if (sm)
                rb_put_num(x, sh, r, 1 + (uint32_t)i, sm->mean, x->S.hm0);
        }
        if (x->hidden[0][w])
            rb_put_dash(x, sh, r, c_resp);
        else
            rb_put_num(x, sh, r, c_resp, (double)x->resp[0][w], x->S.integer);
        double whole = rb_head_at(x, 0, w, 0);
        if (with_pop && isfinite(whole)) {
            if (x->hidden[0][w]) {
                rb_put_dash(x, sh, r, c_head);
                rb_put_dash(x, sh, r, c_rate);
            } else {
                rb_put_num(x, sh, r, c_head, whole, x->S.integer);
                double rate = (double)x->resp[0][w] / whole;
                rb_put_num(x, sh, r, c_rate, rate, rate < LOW_RATE ? x->S.warn_pct1 : x->S.pct1);
            }
        }
        r++;
        uint32_t first = r;
        for (size_t g = 0; g < ng; g++) {
            int any = x->resp[b][w * ng + g] > 0;
            for (size_t s = 0; s < ns && !any; s++)
                any = rb_sum_at(x, b, w, g, s) != NULL;
            double head = rb_head_at(x, b, w, g);
            int listed = isfinite(head);
            if (!any && !listed)
                continue;
            rb_put_text(x, sh, r, 0, rb_group_display(x, x->bg[b].names[g]), x->S.text);
            for (size_t i = 0; i < ns; i++) {
                const cq_summary *sm = rb_sum_at(x, b, w, g, x->order[i]);
                if (sm && sm->suppressed)
                    rb_put_dash(x, sh, r, 1 + (uint32_t)i);
                else if (sm)
                    rb_put_num(x, sh, r, 1 + (uint32_t)i, sm->mean, x->S.hm0);
            }
            int hid = x->hidden[b][w * ng + g];
            if (hid)
                rb_put_dash(x, sh, r, c_resp);
            else
                rb_put_num(x, sh, r, c_resp, (double)x->resp[b][w * ng + g], x->S.integer);
            if (listed) {
                /* a withheld group shows no figure beside its dash, its head
                 * count included: the row holds nothing but "–" */
                if (hid) {
                    rb_put_dash(x, sh, r, c_head);
                    rb_put_dash(x, sh, r, c_rate);
                } else {
                    rb_put_num(x, sh, r, c_head, head, x->S.integer);
                    double rate = fmin(1.0, (double)x->resp[b][w * ng + g] / head);
                    rb_put_num(x, sh, r, c_rate, rate,
                               rate < LOW_RATE ? x->S.warn_pct1 : x->S.pct1);
                }
            }
            r++;
        }
        /* colours per scale: green on the favourable side of the whole sample */
        for (size_t i = 0; i < ns && r > first; i++) {
            size_t s = x->order[i];
            const cq_summary *ref = rb_shown(x, 0, w, 0, s);
            if (!ref)
                continue;
            int good = x->ins->scales[s].higher_is_good;
            rb_add_colorscale(x, sh, first, 1 + (uint32_t)i, r - 1, 1 + (uint32_t)i,
                              ref->mean - 10.0, ref->mean, ref->mean + 10.0,
                              good ? C_HM_BAD : C_HM_GOOD, good ? C_HM_GOOD : C_HM_BAD);
        }
        rb_add_block(x, sh, block, r - 1, -1, -1, 1);
    }

    /* change per group between consecutive waves */
    for (size_t p = 0; p + 1 < nw; p++) {
        uint32_t block = r;
        rb_merge_row(x, sh, r, ncols - 1,
                     rb_textf(x, CQ_T_BLOCK_CHANGE, rb_wave_label(x, p), rb_wave_label(x, p + 1)),
                     x->S.band, 0);
        r++;
        if (st->n_comparison == 0) {
            rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_NO_COMPARISON_ROWS), x->S.note,
                         0);
            r++;
            continue;
        }
        for (size_t gg = 0; gg <= ng; gg++) {
            size_t bb = gg == 0 ? 0 : b, g = gg == 0 ? 0 : gg - 1;
            int any = 0;
            for (size_t s = 0; s < ns && !any; s++)
                any = rb_cmp_at(x, bb, p, g, s) != NULL;
            if (!any)
                continue;
            rb_put_text(x, sh, r, 0,
                        gg == 0 ? cq_text(x->en, CQ_T_WHOLE_SAMPLE)
                                : rb_group_display(x, x->bg[b].names[g]),
                        gg == 0 ? x->S.text_bold : x->S.text);
            for (size_t i = 0; i < ns; i++) {
                const cq_comparison *cm = rb_cmp_at(x, bb, p, g, x->order[i]);
                if (!cm)
                    continue;
                if (cm->suppressed)
                    rb_put_dash(x, sh, r, 1 + (uint32_t)i);
                else /* shown to one decimal: no "-0.0" (exact values: comparison.csv) */
                    rb_put_num(x, sh, r, 1 + (uint32_t)i, round(cm->diff * 10.0) / 10.0 + 0.0,
                               x->S.dmark0[isfinite(cm->p_adj) ? rb_mark_index(cm) : 2]);
            }
            r++;
        }
        rb_add_block(x, sh, block, r - 1, -1, -1, 1);
    }
    rb_dash_header(x, sh, dash_note);
}

/* ------------------------------------------------------------------ */
/* traffic lights                                                       */

/* One row of green / yellow / red shares from a summary row. */
static void
traffic_row(ctx *x, cq_rsheet *sh, uint32_t r, const int *use, size_t b, size_t w, size_t g)
{
    uint32_t c = 1;
    for (size_t i = 0; i < x->ns; i++) {
        size_t s = x->order[i];
        if (!use[s])
            continue;
        const cq_summary *sm = rb_sum_at(x, b, w, g, s);
        if (sm && sm->suppressed) {
            for (uint32_t j = 0; j < 3; j++)
                rb_put_dash(x, sh, r, c + j);
        } else if (sm && sm->n > 0) {
            double n = (double)sm->n;
            /* one decimal: 33.3 %, not 33 % */
            rb_put_num(x, sh, r, c, (double)sm->n_green / n, x->S.tl[0]);
            rb_put_num(x, sh, r, c + 1, (double)sm->n_yellow / n, x->S.tl[1]);
            rb_put_num(x, sh, r, c + 2, (double)sm->n_red / n, x->S.tl[2]);
        }
        c += 3;
    }
}

void
rb_build_traffic(ctx *x)
{
    size_t nw = x->nw, ns = x->ns, n_cut = 0;
    for (size_t s = 0; s < ns; s++)
        n_cut += x->ins->scales[s].has_cutoffs != 0;
    if (n_cut == 0)
        return; /* no sheet: the overview says how to add cut-offs */
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, cq_text(x->en, CQ_T_SHEET_TRAFFIC)));
    if (!sh)
        return;
    int *use = calloc(ns + 1, sizeof *use);
    int *part_use = calloc(ns + 1, sizeof *part_use);
    size_t *part_of = calloc(ns + 1, sizeof *part_of);
    const char **without = calloc(ns + 1, sizeof *without);
    if (!use || !part_use || !part_of || !without) {
        free(use);
        free(part_use);
        free(part_of);
        free(without);
        x->nomem = 1;
        return;
    }
    size_t n_use = 0, n_without = 0;
    for (size_t i = 0; i < ns; i++) {
        size_t s = x->order[i];
        use[s] = x->ins->scales[s].has_cutoffs;
        if (use[s])
            n_use++;
        else
            without[n_without++] = rb_scale_name(x, s);
    }
    /* Wide tables are printed in parts of at most TL_PER_PAGE scales, one
     * under the other, each with its own header; parts end at a domain's
     * end where they can, so that no domain header is cut. */
    size_t n_parts = 1, in_part = 0, widest = n_use;
    if (n_use > TL_PER_PAGE + 2) {
        widest = 0;
        for (size_t k = 0; k < x->n_domains; k++) {
            size_t kn = 0;
            for (size_t s = 0; s < ns; s++)
                kn += use[s] && x->domain_of[s] == k;
            if (kn == 0)
                continue;
            if (in_part > 0 && in_part + kn > TL_PER_PAGE && kn <= TL_PER_PAGE) {
                n_parts++;
                in_part = 0;
            }
            for (size_t i = 0; i < ns; i++) {
                size_t s = x->order[i];
                if (!use[s] || x->domain_of[s] != k)
                    continue;
                if (in_part == TL_PER_PAGE) {
                    n_parts++;
                    in_part = 0;
                }
                part_of[s] = n_parts - 1;
                in_part++;
                if (in_part > widest)
                    widest = in_part;
            }
        }
    }
    uint32_t ncols = 1 + 3 * (uint32_t)widest;
    if (ncols < 8)
        ncols = 8;
    uint32_t r = 0;
    rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_TRAFFIC_TITLE), x->S.title, 0);
    rb_set_height(x, sh, r, 24);
    r++;
    /* how to read the sheet, above the table */
    rb_note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_TRAFFIC_SUB));
    rb_note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_TRAFFIC_RULE));
    {
        int from_ref = 0;
        for (size_t s = 0; s < ns; s++)
            from_ref |= x->ref[s] && isfinite(x->ref[s]->green);
        if (from_ref)
            rb_note_row(x, sh, r++, ncols - 1, rb_textf(x, CQ_T_CUTOFF_FROM_REF, x->ref_source));
    }
    const char *dash_note = rb_textf(x, CQ_T_NOTE_DASH, x->st->settings->min_group);
    rb_note_row(x, sh, r++, ncols - 1, dash_note);
    if (n_without)
        rb_note_row(x, sh, r++, ncols - 1,
                    rb_textf(x, CQ_T_TRAFFIC_WITHOUT, rb_join_list(x, without, n_without)));
    {
        /* the group column fits the longest name shown */
        size_t wmax = cq_utf8_width(cq_text(x->en, CQ_T_WHOLE_SAMPLE));
        for (size_t b = 1; b < x->nb; b++)
            for (size_t g = 0; g < x->bg[b].n; g++) {
                size_t wd = cq_utf8_width(rb_group_display(x, x->bg[b].names[g]));
                if (wd > wmax)
                    wmax = wd;
            }
        rb_set_width(x, sh, 0, wmax + 2.0 < 14.0 ? 14.0 : (wmax + 2.0 > 40.0 ? 40.0 : wmax + 2.0));
    }
    for (uint32_t c = 1; c <= 3 * (uint32_t)widest; c++)
        rb_set_width(x, sh, c, TL_WIDTH);
    size_t last = nw - 1;
    for (size_t part = 0; part < n_parts; part++) {
        if (part > 0)
            r++;
        uint32_t pc = 0; /* the part's last column */
        for (size_t s = 0; s < ns; s++) {
            part_use[s] = use[s] && part_of[s] == part;
            pc += 3 * (uint32_t)part_use[s];
        }
        uint32_t hr = r;
        r = scale_header(x, sh, r, 1, cq_text(x->en, CQ_T_COL_GROUP), part_use, 3);
        rb_set_height(x, sh, hr + 1, 44);
        /* the cut-offs and the colour names */
        rb_put_text(x, sh, r, 0, cq_text(x->en, CQ_T_TRAFFIC_CUTOFFS), x->S.note);
        rb_put_text(x, sh, r + 1, 0, "", x->S.th_left);
        uint32_t c = 1;
        for (size_t i = 0; i < ns; i++) {
            size_t s = x->order[i];
            if (!part_use[s])
                continue;
            const cq_scale *sc = &x->ins->scales[s];
            char g[32], rd[32];
            cq_text_number(g, sizeof g, x->en, sc->green, 0, 0);
            cq_text_number(rd, sizeof rd, x->en, sc->red, 0, 0);
            rb_merge(x, sh, r, c, r, c + 2,
                     rb_textf(x, sc->higher_is_good ? CQ_T_CUTOFF_GOOD : CQ_T_CUTOFF_BAD, g, rd),
                     x->S.note, 0);
            rb_put_text(x, sh, r + 1, c, cq_text(x->en, CQ_T_TL_GREEN), x->S.tl_head[0]);
            rb_put_text(x, sh, r + 1, c + 1, cq_text(x->en, CQ_T_TL_YELLOW), x->S.tl_head[1]);
            rb_put_text(x, sh, r + 1, c + 2, cq_text(x->en, CQ_T_TL_RED), x->S.tl_head[2]);
            c += 3;
        }
        r += 2;
        uint32_t body = r;
        if (n_parts == 1) {
            sh->freeze_row = (int32_t)r;
            sh->repeat_first = (int32_t)hr;
            sh->repeat_last = (int32_t)r - 1;
        }
        sh->freeze_col = 1;

        rb_merge_row(x, sh, r, pc, cq_text(x->en, CQ_T_WHOLE_SAMPLE), x->S.band, 0);
        r++;
        for (size_t w = 0; w < nw; w++) {
            rb_put_text(x, sh, r, 0, rb_wave_label(x, w), x->S.text);
            traffic_row(x, sh, r, part_use, 0, w, 0);
            r++;
        }
        /* each group in each survey, the latest first */
        for (size_t b = 1; b < x->nb; b++)
            for (size_t k = 0; k < nw; k++) {
                size_t w = last - k;
                rb_merge_row(x, sh, r, pc,
                             rb_textf(x, CQ_T_TRAFFIC_BLOCK_WAVE, rb_breakdown_label(x, b),
                                      rb_wave_label(x, w)),
                             x->S.band, 0);
                r++;
                for (size_t g = 0; g < x->bg[b].n; g++) {
                    int any = 0;
                    for (size_t s = 0; s < ns && !any; s++)
                        any = rb_sum_at(x, b, w, g, s) != NULL;
                    if (!any)
                        continue;
                    rb_put_text(x, sh, r, 0, rb_group_display(x, x->bg[b].names[g]), x->S.text);
                    traffic_row(x, sh, r, part_use, b, w, g);
                    r++;
                }
            }
        /* one part: its header is the sheet's print title; more parts: each
         * part's header is repeated on the pages its body runs over */
        if (n_parts == 1)
            rb_add_block(x, sh, body, r - 1, -1, -1, 0);
        else
            rb_add_block(x, sh, hr, r - 1, (int32_t)hr, (int32_t)body - 1, 1);
    }
    rb_dash_header(x, sh, dash_note);
    free(use);
    free(part_use);
    free(part_of);
    free(without);
}

/* ------------------------------------------------------------------ */
/* charts: one per domain (waves side by side, 95 % CI whiskers) and a   */
/* profile of the latest wave.  libxlsxwriter has no per-point error     */
/* bars, so every bar is its own series with a fixed error bar of its    */
/* CI half-width; the data sit on a hidden sheet, one column per bar.    */

static uint32_t
wave_color(const ctx *x, size_t w)
{
    static const uint32_t older[] = {0x9DC3E6, 0xBDD7EE, 0xA5A5A5, 0xC9C9C9, 0xDEEBF7};
    if (w + 1 == x->nw)
        return C_WAVE_LAST;
    size_t k = x->nw - 2 - w;
    return older[k % (sizeof older / sizeof older[0])];
}

typedef struct {
    size_t scale, wave;
    double mean, half;
} bar;

/* Writes one chart's data block on the hidden sheet - categories in column
 * 0 (a scale's name on its own row above its bars when by_wave), one value
 * column per bar - and adds one series per bar to the chart. */
static void
chart_block(ctx *x, cq_rchart *ch, const bar *bars, size_t n_bars, int by_wave, const char *title)
{
    cq_rsheet *dsh = x->data;
    uint32_t r = x->data_row;
    rb_put_text(x, dsh, r++, 0, title, x->S.text_bold);
    uint32_t first = r;
    /* category rows */
    uint32_t *row_of = calloc(n_bars + 1, sizeof *row_of);
    if (!row_of) {
        x->nomem = 1;
        return;
    }
    for (size_t i = 0; i < n_bars; i++) {
        if (by_wave && (i == 0 || bars[i].scale != bars[i - 1].scale))
            rb_put_text(x, dsh, r++, 0, rb_scale_name(x, bars[i].scale), x->S.text);
        row_of[i] = r;
        rb_put_text(x, dsh, r++, 0,
                    by_wave ? rb_fmt(x, "%s", rb_wave_label(x, bars[i].wave))
                            : rb_scale_name(x, bars[i].scale),
                    x->S.text);
    }
    uint32_t last = r - 1;
    int seen_wave[64] = {0}, seen_dir[2] = {0, 0};
    for (size_t i = 0; i < n_bars; i++) {
        uint32_t col = 1 + (uint32_t)i;
        rb_put_num(x, dsh, row_of[i], col, bars[i].mean, x->S.num1);
        cq_rseries se = {0};
        se.sheet = x->chart_sheet;
        se.r1 = first;
        se.r2 = last;
        se.cat_col = 0;
        se.val_col = col;
        se.error = isfinite(bars[i].half) ? bars[i].half : 0;
        se.labels = 1;
        if (by_wave) {
            size_t w = bars[i].wave;
            se.color = wave_color(x, w);
            se.name = rb_wave_label(x, w);
            se.in_legend = w < 64 && !seen_wave[w];
            if (w < 64)
                seen_wave[w] = 1;
        } else {
            int good = x->ins->scales[bars[i].scale].higher_is_good;
            se.color = good ? C_GOOD_DIR : C_BAD_DIR;
            se.name = cq_text(x->en, good ? CQ_T_LEGEND_HIGH_GOOD : CQ_T_LEGEND_HIGH_BAD);
            se.in_legend = !seen_dir[good];
            seen_dir[good] = 1;
        }
        if (se.color == C_WAVE_LAST || se.color == C_BAD_DIR)
            se.label_color = 0xFFFFFF; /* readable on the dark fills */
        rb_series_add(x, ch, &se);
    }
    free(row_of);
    ch->height = 75 + 19 * (last - first + 1);
    if (ch->height < 200)
        ch->height = 200;
    x->data_row = last + 2;
}

/* At most this many category rows a chart: 75 + 19 x 32 = 683 px, one page
 * of the Diagram sheet (700 px). */
#define CHART_MAX_ROWS 32

/* Splits n bars greedily into parts of at most limit category rows (a
 * scale's name row counts when by_wave), at scale boundaries; a scale whose
 * bars alone need more rows is split between its bars.  Part p is bars
 * cut[p] .. cut[p + 1] - 1; returns the number of parts. */
static size_t
chart_cut(const bar *bars, size_t n, int by_wave, size_t limit, size_t *cut)
{
    size_t parts = 0, i = 0, head = by_wave != 0;
    while (i < n) {
        cut[parts++] = i;
        size_t rows = 0;
        while (i < n) {
            size_t e = i + 1; /* the next scale's bars: i .. e - 1 */
            while (by_wave && e < n && bars[e].scale == bars[i].scale)
                e++;
            size_t add = (e - i) + head;
            if (rows > 0 && rows + add > limit)
                break;
            if (add > limit) { /* one scale over the limit: cut between its bars */
                e = i + (limit > head ? limit - head : 1);
                add = limit;
            }
            rows += add;
            i = e;
        }
    }
    cut[parts] = n;
    return parts;
}

/* The fewest parts of at most CHART_MAX_ROWS rows, then the smallest limit
 * that keeps that many: parts as even as the scale boundaries allow (60
 * rows of 4-row scales: 32 + 28, not 28 + 28 + 4).  At most CHART_MAX_ROWS
 * greedy passes: linear in bars. */
static size_t
chart_parts(const bar *bars, size_t n, int by_wave, size_t *cut)
{
    size_t total = n;
    for (size_t i = 0; by_wave && i < n; i++)
        total += i == 0 || bars[i].scale != bars[i - 1].scale;
    size_t parts = chart_cut(bars, n, by_wave, CHART_MAX_ROWS, cut);
    for (size_t limit = (total + parts - 1) / parts; limit < CHART_MAX_ROWS; limit++)
        if (chart_cut(bars, n, by_wave, limit, cut) == parts)
            return parts;
    return chart_cut(bars, n, by_wave, CHART_MAX_ROWS, cut);
}

void
rb_build_charts(ctx *x)
{
    size_t nw = x->nw, ns = x->ns;
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, cq_text(x->en, CQ_T_SHEET_CHARTS)));
    if (!sh)
        return;
    /* the hidden data sheet; moved to the end of the workbook later */
    x->data = rb_sheet_add(x, x->chart_sheet);
    if (!x->data)
        return;
    x->data->hidden = 1;
    rb_set_width(x, x->data, 0, 36);
    bar *bars = calloc(ns * nw + 1, sizeof *bars);
    size_t *cut = calloc(ns * nw + 2, sizeof *cut);
    if (!bars || !cut) {
        free(bars);
        free(cut);
        x->nomem = 1;
        return;
    }
    uint32_t r = 0;
    rb_merge(x, sh, r, 0, r, 16, cq_text(x->en, CQ_T_CHARTS_TITLE), x->S.title, 0);
    rb_set_height(x, sh, r, 24);
    r++;
    rb_note_row(x, sh, r, 16, cq_text(x->en, CQ_T_CHARTS_SUB));
    r += 2;
    sh->gridlines = 0;

    /* Each line of charts is a block kept on one page, with the blank row
     * above it: a chart anchored on a page break itself gets its top edge
     * printed on the page before.  The note goes with the last line. */
    const double px_per_row = 20.0;
    uint32_t row_height_max = 0, line = r - 1;
    int slot = 0; /* 0 left, 1 right */
    for (size_t k = 0; k <= x->n_domains; k++) {
        int profile = k == x->n_domains;
        size_t n = 0;
        for (size_t i = 0; i < ns; i++) {
            size_t s = x->order[i];
            if (!profile && x->domain_of[s] != k)
                continue;
            for (size_t w = profile ? nw - 1 : 0; w < nw; w++) {
                const cq_summary *sm = rb_shown(x, 0, w, 0, s);
                if (!sm)
                    continue;
                bars[n].scale = s;
                bars[n].wave = w;
                bars[n].mean = sm->mean;
                bars[n].half = (isfinite(sm->ci_high) ? sm->ci_high - sm->mean : NAN);
                n++;
            }
        }
        if (n == 0)
            continue;
        /* a chart of more than CHART_MAX_ROWS rows would be cut across
         * printed pages, and (one series per bar, each over every category)
         * costs bars x rows to write: split into balanced parts, at scale
         * boundaries where a scale's bars fit */
        size_t nparts = chart_parts(bars, n, !profile, cut);
        for (size_t part = 0; part < nparts; part++) {
            const bar *pb = bars + cut[part];
            size_t pn = cut[part + 1] - cut[part];
            cq_rchart *ch = rb_chart_add(x, sh);
            if (!ch)
                break;
            ch->horizontal = 1;
            ch->min = 0;
            ch->max = 100;
            ch->major = 20;
            /* the domain charts name each bar's survey beside it: a legend
             * would only repeat that (and viewers order it differently) */
            ch->legend = profile;
            ch->label_format = "0";
            ch->value_title = cq_text(x->en, CQ_T_CHART_AXIS);
            const char *title = profile ? rb_textf(x, CQ_T_CHART_PROFILE, rb_wave_label(x, nw - 1))
                                        : cq_text_domain(x->en, x->domains[k]);
            ch->title =
                rb_dup(x, nparts > 1 ? rb_fmt(x, "%s (%zu/%zu)", title, part + 1, nparts) : title);
            chart_block(x, ch, pb, pn, !profile, ch->title);
            if (profile)
                ch->height += 25; /* its legend */
            ch->width = profile ? 1060 : 520;
            if (profile && slot == 1) { /* the profile takes a line of its own */
                rb_add_block(x, sh, line, r + row_height_max - 1, -1, -1, 1);
                r += row_height_max + 1;
                line = r - 1;
                slot = 0;
                row_height_max = 0;
            }
            uint32_t rows = (uint32_t)ceil(ch->height / px_per_row);
            ch->row = r;
            ch->col = 0;
            ch->x_offset = slot == 1 ? 540 : 0;
            ch->y_offset = 0;
            if (rows > row_height_max)
                row_height_max = rows;
            if (profile || slot == 1) {
                /* a line ends: a block of its own, except the profile's last
                 * part, which goes with the note */
                if (!(profile && part + 1 == nparts)) {
                    rb_add_block(x, sh, line, r + row_height_max - 1, -1, -1, 1);
                    line = r + row_height_max;
                }
                r += row_height_max + 1;
                slot = 0;
                row_height_max = 0;
            } else {
                slot = 1;
            }
        }
    }
    if (slot == 1)
        r += row_height_max + 1;
    rb_note_row(x, sh, r, 16, rb_textf(x, CQ_T_CHARTS_NOTE, x->chart_sheet));
    rb_add_block(x, sh, line, r, -1, -1, 1); /* the last line and the note */
    for (uint32_t c = 0; c <= 16; c++)
        rb_set_width(x, sh, c, 8.43);
    /* charts are anchored to cells: rows of an explicit 15 pt (20 px) make
     * every viewer place and size them alike, whatever its default font */
    for (uint32_t q = 2; q < r; q++)
        rb_set_height(x, sh, q, 15);
    free(bars);
    free(cut);
}
