/*
 * report_sentences.c - the assessments (better / worse / no significant
 * change, relevance) and the overview's generated sentences.
 */
#include "copsoq/report_build.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 0 worse & relevant, 1 worse & small, 2 no sure change, 3 better & small, 4 better & relevant */
int
rb_mark_index(const cq_comparison *c)
{
    if (c->change > 0)
        return c->relevance >= 1 ? 4 : 3;
    if (c->change < 0)
        return c->relevance >= 1 ? 0 : 1;
    return 2;
}

const char *
rb_relevance_text(const ctx *x, int relevance)
{
    switch (relevance) {
    case 0:
        return cq_text(x->en, CQ_T_REL_0);
    case 1:
        return cq_text(x->en, CQ_T_REL_1);
    case 2:
        return cq_text(x->en, CQ_T_REL_2);
    default:
        return "";
    }
}

const char *
rb_mark_text(const ctx *x, const cq_comparison *c)
{
    if (c->change > 0)
        return cq_text(x->en, CQ_T_MARK_BETTER);
    if (c->change < 0)
        return cq_text(x->en, CQ_T_MARK_WORSE);
    return cq_text(x->en, CQ_T_MARK_NONE);
}

/* ------------------------------------------------------------------ */
/* overview                                                             */

/* Whether a whole-sample mean is on the unfavourable side: beyond the red
 * cut-off when the scale has cut-offs (rule 1), otherwise at least RELEVANT
 * points from the midpoint 50 on the unfavourable side (rule 2). */
static int
unfavourable(const cq_scale *sc, double mean, int use_cutoffs)
{
    if (use_cutoffs)
        return sc->higher_is_good ? mean <= sc->red : mean >= sc->red;
    return sc->higher_is_good ? mean <= 50.0 - RELEVANT : mean >= 50.0 + RELEVANT;
}

/* One sentence row spanning the table. */
static void
sentence(ctx *x, cq_rsheet *sh, uint32_t *r, uint32_t ncols, const char *text)
{
    rb_merge_row(x, sh, *r, ncols - 1, text, x->S.sentence, 1);
    (*r)++;
}

void
rb_overview_sentences(ctx *x, cq_rsheet *sh, uint32_t *r, uint32_t ncols)
{
    const cq_study *st = x->st;
    size_t nw = x->nw, ns = x->ns;
    char a[64], b[64], c[64], dd[64];
    const char **items = calloc(ns + nw + 1, sizeof *items);
    if (!items) {
        x->nomem = 1;
        return;
    }

    /* the basis: answers per wave, response rate of the latest wave */
    size_t n = 0;
    for (size_t w = 0; w < nw; w++) {
        if (x->hidden[0][w])
            items[n++] =
                rb_fmt(x, "%s %s", cq_text(x->en, CQ_T_FEW_ANSWERS_SHORT), rb_wave_label(x, w));
        else
            items[n++] =
                rb_dup(x, rb_textf(x, CQ_T_S_ANSWERS_IN,
                                   cq_text_number(a, sizeof a, x->en, (double)st->waves[w].n, 0, 0),
                                   rb_wave_label(x, w)));
    }
    sentence(x, sh, r, ncols, rb_textf(x, CQ_T_S_BASIS, rb_join_list(x, items, n)));
    /* response rates of the whole sample, per wave with a head count */
    size_t n_rates = 0, n_low = 0, one = 0;
    const char **rates = calloc(nw + 1, sizeof *rates);
    const char **low = calloc(nw + 1, sizeof *low);
    if (!rates || !low) {
        x->nomem = 1;
        free(rates);
        free(low);
        free(items);
        return;
    }
    for (size_t w = 0; w < nw; w++) {
        double head = rb_head_at(x, 0, w, 0);
        if (!isfinite(head) || head <= 0 || x->hidden[0][w])
            continue;
        double rate = (double)st->waves[w].n / head;
        rates[n_rates++] = rb_dup(
            x, rb_textf(x, CQ_T_S_RATE_ITEM, cq_text_number(a, sizeof a, x->en, 100.0 * rate, 1, 0),
                        rb_wave_label(x, w),
                        cq_text_number(b, sizeof b, x->en, (double)st->waves[w].n, 0, 0),
                        cq_text_number(c, sizeof c, x->en, head, 0, 0)));
        if (rate < LOW_RATE)
            low[n_low++] = rb_wave_label(x, w);
        one = w;
    }
    if (n_rates == 1) {
        /* one survey with head counts: the sentence of a file without waves */
        double head = rb_head_at(x, 0, one, 0), rate = (double)st->waves[one].n / head;
        const char *s = rb_textf(x, CQ_T_S_RATE, rb_wave_label(x, one),
                                 cq_text_number(a, sizeof a, x->en, 100.0 * rate, 1, 0),
                                 cq_text_number(b, sizeof b, x->en, (double)st->waves[one].n, 0, 0),
                                 cq_text_number(c, sizeof c, x->en, head, 0, 0));
        if (n_low)
            s = rb_fmt(x, "%s %s", s, cq_text(x->en, CQ_T_S_RATE_LOW));
        sentence(x, sh, r, ncols, s);
    } else if (n_rates > 1) {
        /* "Svarsfrekvensen var 94,3 % 2016 (...) och 79,5 % 2017 (...)." */
        const char *s = rb_textf(x, CQ_T_S_RATES, rb_join_list(x, rates, n_rates));
        if (n_low)
            s = rb_fmt(x, "%s %s", s, rb_textf(x, CQ_T_S_RATES_LOW, rb_join_list(x, low, n_low)));
        sentence(x, sh, r, ncols, s);
    }
    free(rates);
    free(low);

    /* changes between the last two waves */
    if (nw < 2) {
        sentence(x, sh, r, ncols, cq_text(x->en, CQ_T_S_ONE_WAVE));
    } else {
        size_t p = nw - 2;
        size_t n_small = 0, n_unsure = 0, n_few = 0, n_none = 0, n_said = 0;
        const char **small = calloc(ns + 1, sizeof *small);
        const char **unsure = calloc(ns + 1, sizeof *unsure);
        const char **few = calloc(ns + 1, sizeof *few);
        if (!small || !unsure || !few) {
            x->nomem = 1;
            free(small);
            free(unsure);
            free(few);
            free(items);
            return;
        }
        if (nw > 2)
            sentence(x, sh, r, ncols,
                     rb_textf(x, CQ_T_S_PAIR, rb_wave_label(x, p), rb_wave_label(x, p + 1)));
        /* relevant and significant changes first: better, then worse */
        for (int want = 1; want >= -1; want -= 2) {
            for (size_t k = 0; k < ns; k++) {
                size_t s = x->order[k];
                const cq_comparison *cm = rb_cmp_at(x, 0, p, 0, s);
                if (!cm || cm->suppressed || !isfinite(cm->diff) || !isfinite(cm->p_adj))
                    continue;
                if (cm->change != want || cm->relevance < 1)
                    continue;
                double lo = fabs(cm->ci_low), hi = fabs(cm->ci_high);
                if (lo > hi) {
                    double t = lo;
                    lo = hi;
                    hi = t;
                }
                const char *said = rb_textf(
                    x, CQ_T_S_CHANGE, rb_scale_name(x, s),
                    cq_text(x->en, cm->diff > 0 ? CQ_T_INCREASED : CQ_T_DECREASED),
                    cq_text_number(a, sizeof a, x->en, fabs(cm->diff), 0, 0),
                    cq_text_number(b, sizeof b, x->en, lo, 0, 0),
                    cq_text_number(c, sizeof c, x->en, hi, 0, 0),
                    cq_text(x->en, want > 0
                                       ? (cm->relevance >= 2 ? CQ_T_BIG_BETTER : CQ_T_REL_BETTER)
                                       : (cm->relevance >= 2 ? CQ_T_BIG_WORSE : CQ_T_REL_WORSE)));
                sentence(x, sh, r, ncols, said);
                n_said++;
            }
        }
        for (size_t k = 0; k < ns; k++) {
            size_t s = x->order[k];
            const cq_comparison *cm = rb_cmp_at(x, 0, p, 0, s);
            if (!cm || cm->suppressed || !isfinite(cm->diff) || !isfinite(cm->p_adj)) {
                few[n_few++] = rb_lower_first(x, rb_scale_name(x, s));
                continue;
            }
            if (cm->change != 0 && cm->relevance >= 1)
                continue;
            if (cm->change != 0)
                small[n_small++] =
                    rb_fmt(x, "%s (%s, %s)", rb_lower_first(x, rb_scale_name(x, s)),
                           cq_text_number(a, sizeof a, x->en, cm->diff, 1, 1),
                           cq_text(x->en, cm->change > 0 ? CQ_T_BETTER : CQ_T_WORSE));
            else if (cm->relevance >= 1)
                unsure[n_unsure++] = rb_fmt(x, "%s (%s)", rb_lower_first(x, rb_scale_name(x, s)),
                                            cq_text_number(a, sizeof a, x->en, cm->diff, 1, 1));
            else
                n_none++;
        }
        if (st->n_comparison == 0) {
            sentence(x, sh, r, ncols, cq_text(x->en, CQ_T_S_NO_COMPARISON));
        } else {
            if (n_small)
                sentence(x, sh, r, ncols,
                         rb_textf(x, CQ_T_S_SMALL, rb_join_list(x, small, n_small)));
            if (n_unsure)
                sentence(x, sh, r, ncols,
                         rb_textf(x, CQ_T_S_UNSURE, rb_join_list(x, unsure, n_unsure)));
            if (n_none && n_said + n_small == 0)
                sentence(
                    x, sh, r, ncols,
                    rb_textf(x, CQ_T_S_NONE_AT_ALL, rb_wave_label(x, p), rb_wave_label(x, p + 1)));
            else if (n_none)
                sentence(x, sh, r, ncols,
                         rb_textf(x, CQ_T_S_NONE_OTHERS,
                                  cq_text_number(a, sizeof a, x->en, (double)n_none, 0, 0)));
            if (n_few)
                sentence(x, sh, r, ncols, rb_textf(x, CQ_T_S_FEW, rb_join_list(x, few, n_few)));
        }
        free(small);
        free(unsure);
        free(few);
    }

    /* scales that stayed unfavourable in every wave: by cut-offs, then by the midpoint */
    for (int rule = 1; rule >= 0; rule--) {
        n = 0;
        for (size_t k = 0; k < ns; k++) {
            size_t s = x->order[k];
            const cq_scale *sc = &x->ins->scales[s];
            if ((rule == 1) != (sc->has_cutoffs != 0))
                continue;
            int all = 1;
            const char *trail = "";
            for (size_t w = 0; w < nw && all; w++) {
                const cq_summary *sm = rb_shown(x, 0, w, 0, s);
                if (!sm || !unfavourable(sc, sm->mean, rule)) {
                    all = 0;
                    break;
                }
                trail = rb_fmt(x, "%s%s%s", trail, w ? " \u2192 " : "",
                               cq_text_number(dd, sizeof dd, x->en, sm->mean, 0, 0));
            }
            if (all)
                items[n++] = rb_fmt(x, "%s (%s)", rb_lower_first(x, rb_scale_name(x, s)), trail);
        }
        if (n)
            sentence(x, sh, r, ncols,
                     rb_textf(x,
                              rule ? (nw > 1 ? CQ_T_S_UNFAV_CUT : CQ_T_S_UNFAV_CUT_ONE)
                                   : (nw > 1 ? CQ_T_S_UNFAV_MID : CQ_T_S_UNFAV_MID_ONE),
                              rb_join_list(x, items, n)));
    }
    free(items);
}
