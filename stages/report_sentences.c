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
int
rb_unfavourable(const cq_scale *sc, double mean, int use_cutoffs)
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

/* Each line of out as one sentence row. */
static void
sentences(ctx *x, cq_rsheet *sh, uint32_t *r, uint32_t ncols, cq_sbuf *out)
{
    if (out->nomem)
        x->nomem = 1;
    const char *p = cq_sbuf_str(out);
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        sentence(x, sh, r, ncols, rb_fmt(x, "%.*s", (int)len, p));
        p += len + (e ? 1 : 0);
    }
}

void
rb_change_of(const ctx *x, const cq_comparison *cm, const char *name, rb_change *out)
{
    (void)x;
    memset(out, 0, sizeof *out);
    out->name = name;
    if (!cm || cm->suppressed || !isfinite(cm->diff) || !isfinite(cm->p_adj))
        return;
    out->shown = 1;
    out->change = cm->change;
    out->relevance = cm->relevance;
    out->diff = cm->diff;
    out->ci_low = cm->ci_low;
    out->ci_high = cm->ci_high;
}

/* ------------------------------------------------------------------ */
/* sentences from plain data (tested with hand cases: test_sentences.c)  */

/* Appends name to out with its first letter lower-cased. */
static void
put_lower(cq_sbuf *out, const char *name)
{
    size_t at = out->len;
    cq_sbuf_puts(out, name);
    if (!out->nomem && out->p)
        cq_text_lower_first(out->p + at);
}

/* Appends the separator before item i of n: ", " or " och ". */
static void
put_sep(cq_sbuf *out, int en, size_t i, size_t n)
{
    if (i > 0)
        cq_sbuf_puts(out, i + 1 == n ? cq_text(en, CQ_T_AND) : ", ");
}

/* One sentence of a text that takes one list: its format filled with list. */
static void
put_list_sentence(cq_sbuf *out, int en, cq_text_id id, const cq_sbuf *list)
{
    cq_sbuf tmp = {0};
    cq_textf(&tmp, en, id, cq_sbuf_str(list));
    cq_sbuf_puts(out, cq_sbuf_str(&tmp));
    cq_sbuf_puts(out, "\n");
    if (tmp.nomem)
        out->nomem = 1;
    cq_sbuf_free(&tmp);
}

void
rb_change_sentences(int en, const rb_change *c, size_t n, const char *wave_a, const char *wave_b,
                    int any_comparison, cq_sbuf *out)
{
    char a[64], b[64], d[64];
    cq_sbuf tmp = {0};
    size_t n_said = 0;
    /* relevant and significant changes first: better, then worse */
    for (int want = 1; want >= -1; want -= 2)
        for (size_t k = 0; k < n; k++) {
            const rb_change *e = &c[k];
            if (!e->shown || e->change != want || e->relevance < 1)
                continue;
            double lo = fabs(e->ci_low), hi = fabs(e->ci_high);
            if (lo > hi) {
                double t = lo;
                lo = hi;
                hi = t;
            }
            cq_textf(&tmp, en, CQ_T_S_CHANGE, e->name,
                     cq_text(en, e->diff > 0 ? CQ_T_INCREASED : CQ_T_DECREASED),
                     cq_text_number(a, sizeof a, en, fabs(e->diff), 0, 0),
                     cq_text_number(b, sizeof b, en, lo, 0, 0),
                     cq_text_number(d, sizeof d, en, hi, 0, 0),
                     cq_text(en, want > 0 ? (e->relevance >= 2 ? CQ_T_BIG_BETTER : CQ_T_REL_BETTER)
                                          : (e->relevance >= 2 ? CQ_T_BIG_WORSE : CQ_T_REL_WORSE)));
            cq_sbuf_puts(out, cq_sbuf_str(&tmp));
            cq_sbuf_puts(out, "\n");
            n_said++;
        }
    if (!any_comparison) {
        cq_sbuf_puts(out, cq_text(en, CQ_T_S_NO_COMPARISON));
        cq_sbuf_puts(out, "\n");
        cq_sbuf_free(&tmp);
        return;
    }
    /* 0 small but significant, 1 not significant though >= 5 points, 2 too few */
    size_t count[3] = {0, 0, 0}, n_none = 0;
    for (size_t k = 0; k < n; k++) {
        const rb_change *e = &c[k];
        if (!e->shown)
            count[2]++;
        else if (e->change != 0 && e->relevance >= 1)
            continue;
        else if (e->change != 0)
            count[0]++;
        else if (e->relevance >= 1)
            count[1]++;
        else
            n_none++;
    }
    cq_sbuf list[3] = {{0}, {0}, {0}};
    size_t done[3] = {0, 0, 0};
    for (size_t k = 0; k < n; k++) {
        const rb_change *e = &c[k];
        int kind = !e->shown                               ? 2
                   : (e->change != 0 && e->relevance >= 1) ? -1
                   : e->change != 0                        ? 0
                   : e->relevance >= 1                     ? 1
                                                           : -1;
        if (kind < 0)
            continue;
        put_sep(&list[kind], en, done[kind]++, count[kind]);
        put_lower(&list[kind], e->name);
        if (kind == 0)
            cq_sbuf_printf(&list[kind], " (%s, %s)", cq_text_number(a, sizeof a, en, e->diff, 1, 1),
                           cq_text(en, e->change > 0 ? CQ_T_BETTER : CQ_T_WORSE));
        else if (kind == 1)
            cq_sbuf_printf(&list[kind], " (%s)", cq_text_number(a, sizeof a, en, e->diff, 1, 1));
    }
    if (count[0])
        put_list_sentence(out, en, CQ_T_S_SMALL, &list[0]);
    if (count[1])
        put_list_sentence(out, en, CQ_T_S_UNSURE, &list[1]);
    if (n_none && n_said + count[0] == 0) {
        cq_textf(&tmp, en, CQ_T_S_NONE_AT_ALL, wave_a, wave_b);
        cq_sbuf_puts(out, cq_sbuf_str(&tmp));
        cq_sbuf_puts(out, "\n");
    } else if (n_none) {
        cq_textf(&tmp, en, CQ_T_S_NONE_OTHERS,
                 cq_text_number(a, sizeof a, en, (double)n_none, 0, 0));
        cq_sbuf_puts(out, cq_sbuf_str(&tmp));
        cq_sbuf_puts(out, "\n");
    }
    if (count[2])
        put_list_sentence(out, en, CQ_T_S_FEW, &list[2]);
    for (int i = 0; i < 3; i++) {
        if (list[i].nomem)
            out->nomem = 1;
        cq_sbuf_free(&list[i]);
    }
    if (tmp.nomem)
        out->nomem = 1;
    cq_sbuf_free(&tmp);
}

void
rb_unit_sentences(int en, const rb_change *c, size_t n, const char *since, const char *const *unfav,
                  size_t n_unfav, int unfav_kind, int still, cq_sbuf *out)
{
    char a[64];
    cq_sbuf tmp = {0};
    if (since) {
        cq_sbuf list[2] = {{0}, {0}};
        size_t count[2] = {0, 0}, done[2] = {0, 0};
        for (int pass = 0; pass < 2; pass++)
            for (size_t k = 0; k < n; k++) {
                const rb_change *e = &c[k];
                if (!e->shown || e->change == 0 || e->relevance < 1)
                    continue;
                int i = e->change > 0 ? 0 : 1;
                if (pass == 0) {
                    count[i]++;
                    continue;
                }
                put_sep(&list[i], en, done[i]++, count[i]);
                put_lower(&list[i], e->name);
                cq_sbuf_printf(&list[i], " (%s)", cq_text_number(a, sizeof a, en, e->diff, 0, 1));
            }
        if (count[0] + count[1] == 0) {
            cq_textf(&tmp, en, CQ_T_UNIT_NO_CHANGE, since);
            cq_sbuf_puts(out, cq_sbuf_str(&tmp));
            cq_sbuf_puts(out, "\n");
        } else {
            for (int i = 0; i < 2; i++) {
                if (!count[i])
                    cq_sbuf_puts(&list[i], cq_text(en, CQ_T_UNIT_NONE_BELOW));
                put_list_sentence(out, en, i == 0 ? CQ_T_UNIT_BETTER : CQ_T_UNIT_WORSE, &list[i]);
            }
        }
        for (int i = 0; i < 2; i++) {
            if (list[i].nomem)
                out->nomem = 1;
            cq_sbuf_free(&list[i]);
        }
    }
    if (n_unfav && unfav_kind) {
        cq_sbuf list = {0};
        for (size_t k = 0; k < n_unfav; k++) {
            put_sep(&list, en, k, n_unfav);
            put_lower(&list, unfav[k]);
        }
        cq_text_id id = unfav_kind == 1 ? (still ? CQ_T_UNIT_UNFAV_REF : CQ_T_UNIT_UNFAV_REF_ONE)
                                        : (still ? CQ_T_UNIT_UNFAV_RULE : CQ_T_UNIT_UNFAV_RULE_ONE);
        put_list_sentence(out, en, id, &list);
        if (list.nomem)
            out->nomem = 1;
        cq_sbuf_free(&list);
    }
    if (tmp.nomem)
        out->nomem = 1;
    cq_sbuf_free(&tmp);
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
        double rate = fmin(1.0, (double)st->waves[w].n / head);
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
        double head = rb_head_at(x, 0, one, 0), rate = fmin(1.0, (double)st->waves[one].n / head);
        const char *s = rb_textf(x, CQ_T_S_RATE, rb_wave_label(x, one),
                                 cq_text_number(a, sizeof a, x->en, 100.0 * rate, 1, 0),
                                 cq_text_number(b, sizeof b, x->en, (double)st->waves[one].n, 0, 0),
                                 cq_text_number(c, sizeof c, x->en, head, 0, 0));
        if (n_low)
            s = rb_fmt(x, "%s %s", s, cq_text(x->en, CQ_T_S_RATE_LOW));
        if (x->rate_capped)
            s = rb_fmt(x, "%s %s", s, cq_text(x->en, CQ_T_NOTE_RATE_CAP));
        sentence(x, sh, r, ncols, s);
    } else if (n_rates > 1) {
        /* "Svarsfrekvensen var 94,3 % 2016 (...) och 79,5 % 2017 (...)." */
        const char *s = rb_textf(x, CQ_T_S_RATES, rb_join_list(x, rates, n_rates));
        if (n_low)
            s = rb_fmt(x, "%s %s", s, rb_textf(x, CQ_T_S_RATES_LOW, rb_join_list(x, low, n_low)));
        if (x->rate_capped)
            s = rb_fmt(x, "%s %s", s, cq_text(x->en, CQ_T_NOTE_RATE_CAP));
        sentence(x, sh, r, ncols, s);
    }
    free(rates);
    free(low);

    /* changes between the last two waves */
    if (nw < 2) {
        sentence(x, sh, r, ncols, cq_text(x->en, CQ_T_S_ONE_WAVE));
    } else {
        size_t p = nw - 2;
        if (nw > 2)
            sentence(x, sh, r, ncols,
                     rb_textf(x, CQ_T_S_PAIR, rb_wave_label(x, p), rb_wave_label(x, p + 1)));
        rb_change *ch = calloc(ns + 1, sizeof *ch);
        if (!ch) {
            x->nomem = 1;
            free(items);
            return;
        }
        for (size_t k = 0; k < ns; k++)
            rb_change_of(x, rb_cmp_at(x, 0, p, 0, x->order[k]), rb_scale_name(x, x->order[k]),
                         &ch[k]);
        cq_sbuf out = {0};
        rb_change_sentences(x->en, ch, ns, rb_wave_label(x, p), rb_wave_label(x, p + 1),
                            st->n_comparison > 0, &out);
        sentences(x, sh, r, ncols, &out);
        cq_sbuf_free(&out);
        if (x->fl) {
            /* three or more surveys: the first to the last as well */
            sentence(x, sh, r, ncols,
                     rb_textf(x, CQ_T_S_FIRST_LAST, rb_wave_label(x, 0), rb_wave_label(x, nw - 1)));
            for (size_t k = 0; k < ns; k++) {
                const struct rb_trend *t = &x->fl[x->order[k]];
                ch[k] = (rb_change){rb_scale_name(x, x->order[k]),
                                    t->shown,
                                    t->change,
                                    t->relevance,
                                    t->diff,
                                    t->ci_low,
                                    t->ci_high};
            }
            cq_sbuf_clear(&out);
            rb_change_sentences(x->en, ch, ns, rb_wave_label(x, 0), rb_wave_label(x, nw - 1), 1,
                                &out);
            sentences(x, sh, r, ncols, &out);
            cq_sbuf_free(&out);
        }
        free(ch);
    }

    /* against the reference values: worse in every wave, better in the latest */
    if (x->n_ref) {
        size_t n_better = 0;
        const char **better = calloc(ns + 1, sizeof *better);
        n = 0;
        for (size_t k = 0; better && k < ns; k++) {
            size_t s = x->order[k];
            rb_refcmp rc;
            int all = 1, any = 0;
            const char *trail = "";
            for (size_t w = 0; w < nw && all; w++) {
                if (!rb_ref_compare(x, rb_shown(x, 0, w, 0, s), s, &rc) || !rc.worse) {
                    all = 0;
                    break;
                }
                any = 1;
                trail = rb_fmt(x, "%s%s%s", trail, w ? " \u2192 " : "",
                               cq_text_number(dd, sizeof dd, x->en, rc.diff, 0, 1));
            }
            if (all && any)
                items[n++] = rb_fmt(x, "%s (%s)", rb_lower_first(x, rb_scale_name(x, s)), trail);
            if (rb_ref_compare(x, rb_shown(x, 0, nw - 1, 0, s), s, &rc) && rc.better)
                better[n_better++] = rb_fmt(x, "%s (%s)", rb_lower_first(x, rb_scale_name(x, s)),
                                            cq_text_number(dd, sizeof dd, x->en, rc.diff, 0, 1));
        }
        if (!better)
            x->nomem = 1;
        if (n)
            sentence(x, sh, r, ncols,
                     rb_textf(x, nw > 1 ? CQ_T_S_UNFAV_REF : CQ_T_S_UNFAV_REF_ONE,
                              rb_join_list(x, items, n)));
        if (n_better)
            sentence(x, sh, r, ncols,
                     rb_textf(x, CQ_T_S_REF_BETTER, rb_wave_label(x, nw - 1),
                              rb_join_list(x, better, n_better)));
        free(better);
    }

    /* scales that stayed unfavourable in every wave: by cut-offs, then by the
     * midpoint (not for scales with a reference value: it replaces that rule) */
    for (int rule = 1; rule >= 0; rule--) {
        n = 0;
        for (size_t k = 0; k < ns; k++) {
            size_t s = x->order[k];
            const cq_scale *sc = &x->ins->scales[s];
            if ((rule == 1) != (sc->has_cutoffs != 0))
                continue;
            if (rule == 0 && x->ref[s])
                continue;
            int all = 1;
            const char *trail = "";
            for (size_t w = 0; w < nw && all; w++) {
                const cq_summary *sm = rb_shown(x, 0, w, 0, s);
                if (!sm || !rb_unfavourable(sc, sm->mean, rule)) {
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
