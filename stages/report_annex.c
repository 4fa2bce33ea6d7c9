/*
 * report_annex.c - the sheets a researcher or an auditor reads: items,
 * reliability, data quality, method and provenance.
 */
#include "copsoq/report_build.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <time.h>

#include "copsoq/buildinfo.h"
#include "copsoq/cli.h"
#include "copsoq/colmap.h"
#include "copsoq/source.h"
#include "copsoq/stages.h"

/* ------------------------------------------------------------------ */
/* items: share of each answer option per wave (whole waves only)       */

static const char *
item_text(const ctx *x, const cq_item *it)
{
    const char *t = x->en ? it->text_en : it->text_sv;
    if (!t || !*t)
        t = x->en ? it->text_sv : it->text_en;
    return t ? t : "";
}

static const char *
option_label(const ctx *x, const cq_option *o)
{
    const char *t = x->en ? o->label_en : o->label_sv;
    if (!t || !*t)
        t = x->en ? o->label_sv : o->label_en;
    return t ? t : "";
}

void
rb_build_items(ctx *x)
{
    const cq_study *st = x->st;
    const cq_instrument *ins = x->ins;
    size_t nw = x->nw;
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, cq_text(x->en, CQ_T_SHEET_ITEMS)));
    if (!sh)
        return;
    size_t max_opt = 0;
    for (size_t i = 0; i < ins->n_sets; i++)
        if (ins->sets[i].n_options > max_opt)
            max_opt = ins->sets[i].n_options;
    /* "no answer" follows each answer set's own options */
    const uint32_t c_item = 0, c_text = 1, c_wave = 2, c_n = 3, c_opt = 4;
    const uint32_t ncols = c_opt + (uint32_t)max_opt + 1;
    uint32_t r = 0;
    rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_ITEMS_TITLE), x->S.title, 0);
    rb_set_height(x, sh, r, 24);
    r++;
    rb_note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_ITEMS_SUB));
    /* the notes come first: the options they explain are on every page */
    int any_missing_option = 0;
    for (size_t i = 0; i < ins->n_items; i++) {
        const cq_response_set *set = &ins->sets[ins->items[i].set];
        for (size_t o = 0; o < set->n_options; o++)
            any_missing_option |= set->options[o].missing != 0;
    }
    const char *dash_note = rb_textf(x, CQ_T_ITEMS_NOTE, st->settings->min_group);
    rb_note_row(x, sh, r++, ncols - 1, dash_note);
    if (any_missing_option)
        rb_note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_ITEMS_NOTE_MISSING_OPT));
    rb_set_width(x, sh, c_item, 8);
    rb_set_width(x, sh, c_text, 46);
    rb_set_width(x, sh, c_wave, 9);
    rb_set_width(x, sh, c_n, 9);
    for (uint32_t c = c_opt; c < ncols; c++)
        rb_set_width(x, sh, c, 12);
    sh->freeze_row = (int32_t)r;

    for (size_t k = 0; k < x->ns; k++) {
        size_t s = x->order[k];
        const cq_scale *sc = &ins->scales[s];
        size_t min = (size_t)cq_min_group_for(st, s);
        r++;
        /* a scale's block stays on one page when it fits; split, the part
         * on a new page gets its answer options' header again */
        uint32_t block = r, run = 0;
        rb_merge_row(x, sh, r, ncols - 1, rb_fmt(x, "%s (%s)", rb_scale_name(x, s), sc->id),
                     x->S.band, 0);
        r++;
        size_t prev_set = (size_t)-1;
        for (size_t j = 0; j < sc->n_items; j++) {
            size_t i = sc->items[j];
            const cq_item *it = &ins->items[i];
            const cq_response_set *set = &ins->sets[it->set];
            const uint32_t c_na = c_opt + (uint32_t)set->n_options;
            if (it->set != prev_set) {
                if (prev_set != (size_t)-1)
                    rb_add_block(x, sh, run + 1, r - 1, (int32_t)run, (int32_t)run, 0);
                run = r;
                rb_put_text(x, sh, r, c_item, cq_text(x->en, CQ_T_COL_ITEM), x->S.th_left);
                rb_put_text(x, sh, r, c_text, cq_text(x->en, CQ_T_COL_ITEM_TEXT), x->S.th_left);
                rb_put_text(x, sh, r, c_wave, cq_text(x->en, CQ_T_COL_WAVE), x->S.th);
                rb_put_text(x, sh, r, c_n, cq_text(x->en, CQ_T_COL_RESPONDENTS), x->S.th);
                for (size_t o = 0; o < set->n_options; o++) {
                    const cq_option *op = &set->options[o];
                    const char *lab = option_label(x, op);
                    rb_put_text(x, sh, r, c_opt + (uint32_t)o,
                                op->missing ? rb_fmt(x, "%s *", lab) : lab, x->S.th);
                }
                rb_put_text(x, sh, r, c_na, cq_text(x->en, CQ_T_COL_NO_ANSWER), x->S.th);
                for (uint32_t c = c_na + 1; c < ncols; c++)
                    rb_put_blank(x, sh, r, c, x->S.th);
                r++;
                prev_set = it->set;
            }
            uint32_t first = r;
            for (size_t w = 0; w < nw; w++) {
                const cq_wave *wv = &st->waves[w];
                rb_put_text(x, sh, r, c_wave, rb_wave_label(x, w), x->S.dash);
                if (wv->n < min || wv->n == 0) {
                    rb_put_dash(x, sh, r, c_n);
                    for (size_t o = 0; o < set->n_options; o++)
                        rb_put_dash(x, sh, r, c_opt + (uint32_t)o);
                    rb_put_dash(x, sh, r, c_na);
                    r++;
                    continue;
                }
                const size_t *count = wv->answer_count[i]; /* last: no answer */
                size_t na = count[set->n_options];
                double n = (double)wv->n;
                rb_put_num(x, sh, r, c_n, n, x->S.integer);
                for (size_t o = 0; o < set->n_options; o++)
                    rb_put_num(x, sh, r, c_opt + (uint32_t)o, (double)count[o] / n, x->S.pct1c);
                rb_put_num(x, sh, r, c_na, (double)na / n, x->S.pct1c);
                r++;
            }
            rb_merge(x, sh, first, c_item, r - 1, c_item, it->id, x->S.text_top, 0);
            rb_merge(x, sh, first, c_text, r - 1, c_text, item_text(x, it), x->S.text_wrap, 0);
            /* the merged rows must hold the wrapped text */
            double need = 15.0 * rb_wrapped_lines(item_text(x, it), 46.0 * CHARS_PER_WIDTH) + 3.0;
            if (need > 15.0 * (double)(r - first))
                for (uint32_t q = first; q < r; q++)
                    rb_set_height(x, sh, q, need / (double)(r - first));
            rb_add_block(x, sh, first, r - 1, -1, -1, 1); /* an item's surveys together */
        }
        if (prev_set != (size_t)-1)
            rb_add_block(x, sh, run + 1, r - 1, (int32_t)run, (int32_t)run, 0);
        rb_add_block(x, sh, block, r - 1, -1, -1, 1);
    }
    rb_dash_header(x, sh, dash_note);
}

/* ------------------------------------------------------------------ */
/* reliability                                                          */

void
rb_build_reliability(ctx *x)
{
    const cq_instrument *ins = x->ins;
    size_t nw = x->nw, ns = x->ns;
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, cq_text(x->en, CQ_T_SHEET_RELIABILITY)));
    if (!sh)
        return;
    const uint32_t c_scale = 0, c_code = 1, c_k = 2, c_w = 3;
    const uint32_t ncols = c_w + 2 * (uint32_t)nw;
    uint32_t r = 0;
    rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_REL_TITLE), x->S.title, 0);
    rb_set_height(x, sh, r, 24);
    r++;
    rb_note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_REL_SUB));
    const char *dash_note = rb_dup(x, rb_textf(x, CQ_T_REL_NOTE, x->st->settings->min_group));
    rb_note_row(x, sh, r++, ncols - 1, dash_note);
    uint32_t h1 = r, h2 = r + 1;
    rb_merge(x, sh, h1, c_scale, h2, c_scale, cq_text(x->en, CQ_T_COL_SCALE), x->S.th_left, 0);
    rb_merge(x, sh, h1, c_code, h2, c_code, cq_text(x->en, CQ_T_COL_CODE), x->S.th, 0);
    rb_merge(x, sh, h1, c_k, h2, c_k, cq_text(x->en, CQ_T_COL_ITEMS_K), x->S.th, 0);
    for (size_t w = 0; w < nw; w++) {
        uint32_t c = c_w + 2 * (uint32_t)w;
        rb_merge(x, sh, h1, c, h1, c + 1, rb_wave_label(x, w), x->S.th, 0);
        rb_put_text(x, sh, h2, c, cq_text(x->en, CQ_T_COL_ALPHA), x->S.th);
        rb_put_text(x, sh, h2, c + 1, cq_text(x->en, CQ_T_COL_N_COMPLETE), x->S.th);
        rb_set_width(x, sh, c, 9);
        rb_set_width(x, sh, c + 1, 11);
    }
    rb_set_width(x, sh, c_k, 8);
    r = h2 + 1;
    sh->freeze_row = (int32_t)r;
    if (x->st->n_reliability == 0) {
        rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_REL_NONE), x->S.note, 0);
        r++;
    }
    uint32_t body = r;
    for (size_t k = 0; k < x->n_domains && x->st->n_reliability; k++) {
        rb_merge_row(x, sh, r, ncols - 1, cq_text_domain(x->en, x->domains[k]), x->S.band, 0);
        r++;
        for (size_t i = 0; i < ns; i++) {
            size_t s = x->order[i];
            if (x->domain_of[s] != k)
                continue;
            const cq_scale *sc = &ins->scales[s];
            rb_put_text(x, sh, r, c_scale, rb_scale_name(x, s), x->S.text);
            rb_put_text(x, sh, r, c_code, sc->id, x->S.dash);
            rb_put_num(x, sh, r, c_k, (double)sc->n_items, x->S.hm0);
            for (size_t w = 0; w < nw; w++) {
                uint32_t c = c_w + 2 * (uint32_t)w;
                const cq_reliability *rl = x->rel[w * ns + s];
                if (sc->n_items < 2) {
                    rb_merge(x, sh, r, c, r, c + 1, cq_text(x->en, CQ_T_SINGLE_ITEM), x->S.dash, 0);
                    continue;
                }
                if (!rl)
                    continue;
                if (isfinite(rl->alpha))
                    rb_put_num(x, sh, r, c, rl->alpha,
                               rl->alpha < LOW_ALPHA ? x->S.warn_num2 : x->S.num2);
                else
                    rb_put_dash(x, sh, r, c);
                rb_put_num(x, sh, r, c + 1, (double)rl->n_complete, x->S.integer);
            }
            r++;
        }
    }
    if (r > body)
        rb_add_block(x, sh, body, r - 1, (int32_t)h1, (int32_t)h2, 0);
    r++;

    /* item level: its heading stays with its header and first scale */
    uint32_t head = r;
    rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_REL_ITEMS_HEAD), x->S.h2, 0);
    r++;
    if (x->st->n_reliability_items)
        rb_note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_REL_ITEMS_NOTE));
    if (x->st->n_reliability_items == 0) {
        rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_REL_ITEMS_NONE), x->S.note, 0);
        rb_dash_header(x, sh, dash_note);
        return;
    }
    h1 = r;
    h2 = r + 1;
    rb_merge(x, sh, h1, c_scale, h2, c_scale, cq_text(x->en, CQ_T_COL_SCALE), x->S.th_left, 0);
    rb_merge(x, sh, h1, c_code, h2, c_code, cq_text(x->en, CQ_T_COL_ITEM), x->S.th, 0);
    rb_merge(x, sh, h1, c_k, h2, c_k, "", x->S.th, 0);
    for (size_t w = 0; w < nw; w++) {
        uint32_t c = c_w + 2 * (uint32_t)w;
        rb_merge(x, sh, h1, c, h1, c + 1, rb_wave_label(x, w), x->S.th, 0);
        rb_put_text(x, sh, h2, c, cq_text(x->en, CQ_T_COL_ITEM_REST), x->S.th);
        rb_put_text(x, sh, h2, c + 1, cq_text(x->en, CQ_T_COL_ALPHA_DROP), x->S.th);
    }
    r = h2 + 1;
    body = r;
    int first_scale = 1;
    for (size_t i = 0; i < ns; i++) {
        size_t s = x->order[i];
        const cq_scale *sc = &ins->scales[s];
        if (sc->n_items < 2)
            continue;
        uint32_t scale_first = r;
        for (size_t j = 0; j < sc->n_items; j++) {
            size_t it = sc->items[j];
            if (j == 0)
                rb_put_text(x, sh, r, c_scale, rb_scale_name(x, s), x->S.text);
            rb_put_text(x, sh, r, c_code, ins->items[it].id, x->S.dash);
            for (size_t w = 0; w < nw; w++) {
                uint32_t c = c_w + 2 * (uint32_t)w;
                const cq_reliability_item *ri = x->rel_item[w * ins->n_items + it];
                if (!ri)
                    continue;
                if (isfinite(ri->item_rest_r))
                    rb_put_num(x, sh, r, c, ri->item_rest_r, x->S.num2);
                else
                    rb_put_dash(x, sh, r, c);
                const cq_reliability *rl = x->rel[w * ns + s];
                /* an alpha that rises when the item goes: the item fits the scale badly */
                int rises = rl && isfinite(rl->alpha) && isfinite(ri->alpha_if_deleted) &&
                            ri->alpha_if_deleted > rl->alpha;
                if (isfinite(ri->alpha_if_deleted))
                    rb_put_num(x, sh, r, c + 1, ri->alpha_if_deleted,
                               rises ? x->S.warn_num2 : x->S.num2);
                else if (sc->n_items > 2) /* two items: one left has no alpha */
                    rb_put_dash(x, sh, r, c + 1);
            }
            r++;
        }
        rb_add_block(x, sh, first_scale ? head : scale_first, r - 1, -1, -1, 1);
        first_scale = 0;
    }
    if (r > body)
        rb_add_block(x, sh, body, r - 1, (int32_t)h1, (int32_t)h2, 0);
    rb_dash_header(x, sh, dash_note);
}

/* ------------------------------------------------------------------ */
/* data quality                                                         */

static const char *
base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Is the text s[0..len) the id of a respondent in any wave?  One id-map
 * look-up a wave (cq_study_has_id), not a pass over all the ids (that made
 * the report quadratic in the size of the waves times the quality rows). */
static int
is_some_id(const ctx *x, const char *s, size_t len)
{
    char small[256];
    char *key = len < sizeof small ? small : malloc(len + 1);
    if (!key)
        return 1; /* cannot tell: withhold */
    memcpy(key, s, len);
    key[len] = '\0';
    int found = cq_study_has_id(x->st, key);
    if (key != small)
        free(key);
    return found;
}

/* The detail of a quality row, unless its quoted token is a respondent id
 * (a respondent who typed an id into an answer): then only the issue. */
static const char *
safe_detail(const ctx *x, const cq_quality *q)
{
    const char *a = strchr(q->detail, '\'');
    const char *b = a ? strchr(a + 1, '\'') : NULL;
    if (!a || !b)
        return q->detail;
    if (is_some_id(x, a + 1, (size_t)(b - a - 1)))
        return cq_text(x->en, CQ_T_DETAIL_WITHHELD);
    return q->detail;
}

/* The detail in the report's language where its form is known (ingest's
 * "'TOKEN' is not an answer option of SET: ..."), else as written. */
static const char *
detail_text(ctx *x, const cq_quality *q)
{
    const char *d = safe_detail(x, q);
    if (d != q->detail)
        return d;
    if (strcmp(q->issue, "duplicate_id") == 0)
        return cq_text(x->en, CQ_T_DETAIL_DUPLICATE);
    const char *marker = "' is not an answer option of ";
    const char *m = strstr(d, marker);
    if (strcmp(q->issue, "invalid_value") == 0 && d[0] == '\'' && m) {
        const char *set = m + strlen(marker);
        size_t set_len = strcspn(set, ":");
        const char *token = rb_fmt(x, "%.*s", (int)(m - d - 1), d + 1);
        const char *sid = rb_fmt(x, "%.*s", (int)set_len, set);
        return rb_textf(x, CQ_T_DETAIL_INVALID, token, sid);
    }
    return d;
}

void
rb_build_quality(ctx *x)
{
    const cq_study *st = x->st;
    const cq_instrument *ins = x->ins;
    size_t nw = x->nw;
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, cq_text(x->en, CQ_T_SHEET_QUALITY)));
    if (!sh)
        return;
    uint32_t r = 0;
    const uint32_t ncols = 10;
    rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_QUALITY_TITLE), x->S.title, 0);
    rb_set_height(x, sh, r, 24);
    r += 2;
    for (size_t a = 0; a < nw; a++)
        for (size_t b = a + 1; b < nw; b++)
            if (st->waves[a].sha256[0] && strcmp(st->waves[a].sha256, st->waves[b].sha256) == 0) {
                rb_merge_row(
                    x, sh, r, ncols - 1,
                    rb_textf(x, CQ_T_QUALITY_IDENTICAL, rb_wave_label(x, a), rb_wave_label(x, b)),
                    x->S.warn_text, 1);
                r += 2;
            }

    /* per wave */
    static const cq_text_id heads[] = {CQ_T_COL_WAVE,     CQ_T_COL_FILE,       CQ_T_COL_RECORDS,
                                       CQ_T_COL_ACCEPTED, CQ_T_COL_REJ_DUP,    CQ_T_COL_REJ_OTHER,
                                       CQ_T_COL_EMPTY,    CQ_T_COL_BAD_VALUES, CQ_T_COL_ENCODING,
                                       CQ_T_COL_FORMAT};
    for (uint32_t c = 0; c < ncols; c++)
        rb_put_text(x, sh, r, c, cq_text(x->en, heads[c]), c < 2 ? x->S.th_left : x->S.th);
    rb_set_height(x, sh, r, 45);
    for (uint32_t c = 2; c < 8; c++)
        rb_set_width(x, sh, c, 11);
    r++;
    for (size_t w = 0; w < nw; w++) {
        const cq_wave *wv = &st->waves[w];
        rb_put_text(x, sh, r, 0, rb_wave_label(x, w), x->S.text);
        rb_put_text(x, sh, r, 1, base_name(wv->path), x->S.text);
        rb_put_num(x, sh, r, 2, (double)wv->records, x->S.integer);
        rb_put_num(x, sh, r, 3, (double)wv->n, x->S.integer);
        rb_put_num(x, sh, r, 4, (double)wv->rejected_duplicate, x->S.integer);
        rb_put_num(x, sh, r, 5, (double)wv->rejected_other, x->S.integer);
        rb_put_num(x, sh, r, 6, (double)wv->empty_records, x->S.integer);
        rb_put_num(x, sh, r, 7, (double)wv->bad_values, x->S.integer);
        rb_put_text(x, sh, r, 8,
                    wv->cp1252_fields ? rb_textf(x, CQ_T_ENC_CP1252, wv->cp1252_fields)
                                      : (wv->bom ? "UTF-8 (BOM)" : "UTF-8"),
                    x->S.dash);
        rb_put_text(x, sh, r, 9,
                    rb_fmt(x, "%s%s",
                           cq_text(x->en, wv->delimiter == '\t'
                                              ? CQ_T_DELIM_TAB
                                              : (wv->delimiter == ';' ? CQ_T_DELIM_SEMICOLON
                                                                      : CQ_T_DELIM_COMMA)),
                           wv->gzip ? ", gzip" : ""),
                    x->S.dash);
        r++;
    }
    rb_note_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_QUALITY_WAVE_NOTE));
    r += 2;

    /* missing answers per item */
    uint32_t head = r;
    rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_QUALITY_MISSING_HEAD), x->S.h2, 0);
    r++;
    uint32_t h = r;
    rb_put_text(x, sh, r, 0, cq_text(x->en, CQ_T_COL_ITEM), x->S.th_left);
    rb_put_text(x, sh, r, 1, cq_text(x->en, CQ_T_COL_SCALE), x->S.th_left);
    for (size_t w = 0; w < nw; w++) {
        rb_put_text(x, sh, r, 2 + 2 * (uint32_t)w,
                    rb_textf(x, CQ_T_COL_MISSING_N, rb_wave_label(x, w)), x->S.th);
        rb_put_text(x, sh, r, 3 + 2 * (uint32_t)w,
                    rb_textf(x, CQ_T_COL_MISSING_PCT, rb_wave_label(x, w)), x->S.th);
    }
    rb_set_height(x, sh, r, 32);
    r++;
    uint32_t body = r;
    for (size_t k = 0; k < x->ns; k++) {
        size_t s = x->order[k];
        const cq_scale *sc = &ins->scales[s];
        for (size_t j = 0; j < sc->n_items; j++) {
            size_t i = sc->items[j];
            rb_put_text(x, sh, r, 0, ins->items[i].id, x->S.text);
            rb_put_text(x, sh, r, 1, rb_scale_name(x, s), x->S.text);
            for (size_t w = 0; w < nw; w++) {
                const cq_wave *wv = &st->waves[w];
                size_t m = wv->missing_per_item ? wv->missing_per_item[i] : 0;
                rb_put_num(x, sh, r, 2 + 2 * (uint32_t)w, (double)m, x->S.integer);
                if (wv->n)
                    rb_put_num(x, sh, r, 3 + 2 * (uint32_t)w, (double)m / (double)wv->n, x->S.pct1);
            }
            r++;
        }
    }
    if (r > body) {
        /* the heading stays with the header and the first rows */
        rb_add_block(x, sh, head, body + (r - body < 3 ? r - body : 3) - 1, -1, -1, 1);
        rb_add_block(x, sh, body, r - 1, (int32_t)h, (int32_t)h, 0);
    }
    r++;

    /* the first rows of quality.csv */
    head = r;
    rb_merge_row(x, sh, r, ncols - 1,
                 rb_textf(x, CQ_T_QUALITY_ROWS_HEAD,
                          st->n_quality < N_QUALITY_ROWS ? st->n_quality : (size_t)N_QUALITY_ROWS,
                          st->n_quality),
                 x->S.h2, 0);
    r++;
    if (st->n_quality == 0) {
        rb_merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_QUALITY_NONE), x->S.note, 0);
        return;
    }
    h = r;
    static const cq_text_id qheads[] = {CQ_T_COL_WAVE, CQ_T_COL_FILE, CQ_T_COL_LINE,
                                        CQ_T_COL_COLUMN, CQ_T_COL_ISSUE};
    for (uint32_t c = 0; c < 5; c++)
        rb_put_text(x, sh, r, c, cq_text(x->en, qheads[c]),
                    c == 2 || c == 3 ? x->S.th : x->S.th_left);
    rb_merge(x, sh, r, 5, r, ncols - 1, cq_text(x->en, CQ_T_COL_DETAIL), x->S.th_left, 0);
    r++;
    body = r;
    for (size_t i = 0; i < st->n_quality && i < N_QUALITY_ROWS; i++) {
        const cq_quality *q = &st->quality[i];
        rb_put_text(x, sh, r, 0, q->wave < nw ? rb_wave_label(x, q->wave) : "", x->S.text);
        rb_put_text(x, sh, r, 1, base_name(q->file), x->S.text);
        rb_put_num(x, sh, r, 2, (double)q->line, x->S.int_c);
        rb_put_text(x, sh, r, 3, q->column, x->S.text_c);
        rb_put_text(x, sh, r, 4, cq_text_issue(x->en, q->issue), x->S.text);
        rb_merge(x, sh, r, 5, r, ncols - 1, detail_text(x, q), x->S.text, 0);
        r++;
    }
    rb_add_block(x, sh, head, body + (r - body < 3 ? r - body : 3) - 1, -1, -1, 1);
    rb_add_block(x, sh, body, r - 1, (int32_t)h, (int32_t)h, 0);
}

/* ------------------------------------------------------------------ */
/* method                                                               */

static void
method_row(ctx *x, cq_rsheet *sh, uint32_t *r, cq_text_id head, const char *text)
{
    rb_put_text(x, sh, *r, 0, cq_text(x->en, head), x->S.key);
    rb_put_text(x, sh, *r, 1, text, x->S.text_wrap);
    (*r)++;
}

void
rb_build_method(ctx *x)
{
    const cq_study *st = x->st;
    const cq_settings *set = st->settings;
    const cq_instrument *ins = x->ins;
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, cq_text(x->en, CQ_T_SHEET_METHOD)));
    if (!sh)
        return;
    sh->fit_height = 0;
    uint32_t r = 0;
    rb_merge_row(x, sh, r, 1, cq_text(x->en, CQ_T_METHOD_TITLE), x->S.title, 0);
    rb_set_height(x, sh, r, 24);
    r += 2;
    rb_set_width(x, sh, 0, 24);
    rb_set_width(x, sh, 1, 110);
    size_t n_cut = 0;
    for (size_t s = 0; s < ins->n_scales; s++)
        n_cut += ins->scales[s].has_cutoffs != 0;

    method_row(x, sh, &r, CQ_T_M_READ_H, cq_text(x->en, CQ_T_M_READ));
    method_row(x, sh, &r, CQ_T_M_ABOUT_H,
               rb_textf(x, CQ_T_M_ABOUT, CQ_VERSION, ins->name, ins->n_items, ins->n_scales));
    method_row(x, sh, &r, CQ_T_M_SCORING_H, cq_text(x->en, CQ_T_M_SCORING));
    method_row(x, sh, &r, CQ_T_M_HALF_H, cq_text(x->en, CQ_T_M_HALF));
    method_row(x, sh, &r, CQ_T_M_STATS_H, cq_text(x->en, CQ_T_M_STATS));
    method_row(x, sh, &r, CQ_T_M_TESTS_H, cq_text(x->en, CQ_T_M_TESTS));
    method_row(x, sh, &r, CQ_T_M_BH_H, cq_text(x->en, CQ_T_M_BH));
    method_row(x, sh, &r, CQ_T_M_RELEVANCE_H, cq_text(x->en, CQ_T_M_RELEVANCE));
    method_row(x, sh, &r, CQ_T_M_UNFAV_H, cq_text(x->en, CQ_T_M_UNFAV));
    if (x->n_ref)
        method_row(x, sh, &r, CQ_T_M_REF_H,
                   rb_textf(x, CQ_T_M_REF, base_name(set->reference_path), x->ref_source,
                            rb_fmt(x, "%s %s", ins->title, ins->version)));
    method_row(
        x, sh, &r, CQ_T_M_SUPPRESS_H,
        rb_textf(x, CQ_T_M_SUPPRESS, set->min_group, set->min_group_sensitive, set->min_group));
    {
        const size_t *h = st->hidden_count;
        method_row(x, sh, &r, CQ_T_M_AUDIT_H,
                   rb_textf(x, CQ_T_M_AUDIT, st->audit_cells, set->min_group,
                            h[CQ_HID_PRIMARY] + h[CQ_HID_SENSITIVE] + h[CQ_HID_PAIRS],
                            h[CQ_HID_SECONDARY] + h[CQ_HID_NESTED] + h[CQ_HID_REMAINDER] +
                                h[CQ_HID_LINEAR],
                            h[CQ_HID_LINEAR], h[CQ_HID_SUMMARY]));
    }
    method_row(x, sh, &r, CQ_T_M_COLOURS_H, cq_text(x->en, CQ_T_M_COLOURS));
    method_row(x, sh, &r, CQ_T_M_TRAFFIC_H,
               rb_fmt(x, "%s %s", cq_text(x->en, CQ_T_M_TRAFFIC),
                      rb_textf(x, CQ_T_M_TRAFFIC_N, n_cut, ins->n_scales)));
    /* with a wave column: the surveys with a head count in any breakdown */
    int per_wave = 0;
    for (size_t i = 0; i < x->st->n_population; i++)
        if (x->st->population[i].wave_given)
            per_wave = 1;
    const char **items = per_wave ? calloc(x->nw + 1, sizeof *items) : NULL;
    if (per_wave && !items) {
        x->nomem = 1;
        return;
    }
    size_t n_hw = 0;
    for (size_t w = 0; items && w < x->nw; w++) {
        int any = 0;
        for (size_t b = 0; b < x->nb && !any; b++)
            any = rb_has_heads(x, b, w);
        if (any)
            items[n_hw++] = rb_wave_label(x, w);
    }
    const char *hw = n_hw ? rb_join_list(x, items, n_hw) : "";
    free(items);
    if (set->population_path && n_hw)
        method_row(x, sh, &r, CQ_T_M_RATE_H,
                   rb_textf(x, CQ_T_M_RATE_WAVES, base_name(set->population_path),
                            rb_wave_label(x, x->nw - 1), hw));
    else if (set->population_path)
        method_row(
            x, sh, &r, CQ_T_M_RATE_H,
            rb_textf(x, CQ_T_M_RATE, base_name(set->population_path), rb_wave_label(x, x->nw - 1)));
    else
        method_row(x, sh, &r, CQ_T_M_RATE_H, cq_text(x->en, CQ_T_M_RATE_NONE));
    method_row(x, sh, &r, CQ_T_M_RELIABILITY_H, rb_textf(x, CQ_T_M_RELIABILITY, set->min_group));
    method_row(x, sh, &r, CQ_T_M_FILES_H, cq_text(x->en, CQ_T_M_FILES));
    if (st->colmap) { /* the column map (contract §2a): its hash and every rename */
        const char *t =
            rb_textf(x, CQ_T_M_COLMAP, base_name(set->columns_path), st->colmap->sha256);
        for (size_t w = 0; w < x->nw; w++)
            for (size_t k = 0; k < st->waves[w].n_renames; k++)
                t = rb_textf(x, CQ_T_M_COLMAP_RENAME, t, st->waves[w].label,
                             st->waves[w].rename_from[k], st->waves[w].rename_to[k]);
        method_row(x, sh, &r, CQ_T_M_COLMAP_H, t);
    }
}

/* ------------------------------------------------------------------ */
/* provenance                                                           */

static void
kv(ctx *x, cq_rsheet *sh, uint32_t *r, const char *k, const char *v)
{
    rb_put_text(x, sh, *r, 0, k, x->S.key);
    rb_put_text(x, sh, *r, 1, v, x->S.text);
    (*r)++;
}

static void
file_row(ctx *x, cq_rsheet *sh, uint32_t *r, const char *role, const char *path, double bytes,
         double rows, const char *sha)
{
    rb_put_text(x, sh, *r, 0, role, x->S.text);
    rb_put_text(x, sh, *r, 1, path, x->S.text);
    rb_put_num(x, sh, *r, 2, bytes, x->S.integer);
    rb_put_num(x, sh, *r, 3, rows, x->S.integer);
    rb_put_text(x, sh, *r, 4, sha, x->S.sha);
    (*r)++;
}

void
rb_build_provenance(ctx *x)
{
    const cq_study *st = x->st;
    const cq_settings *set = st->settings;
    const cq_instrument *ins = x->ins;
    cq_rsheet *sh = rb_sheet_add(x, rb_sheet_name(x, cq_text(x->en, CQ_T_SHEET_PROVENANCE)));
    if (!sh)
        return;
    uint32_t r = 0;
    rb_merge_row(x, sh, r, 4, cq_text(x->en, CQ_T_PROV_TITLE), x->S.title, 0);
    rb_set_height(x, sh, r, 24);
    r += 2;

    kv(x, sh, &r, cq_text(x->en, CQ_T_PROV_PROGRAM), "copsoq " CQ_VERSION);
    {
        time_t t = (time_t)st->created;
        struct tm tm;
        char when[64] = "";
        if (gmtime_r(&t, &tm))
            strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
        kv(x, sh, &r, cq_text(x->en, CQ_T_PROV_CREATED),
           rb_fmt(
               x, "%s (%s)", when,
               cq_text(x->en, st->created_from_sde ? CQ_T_PROV_FROM_SDE : CQ_T_PROV_FROM_CLOCK)));
    }
    kv(x, sh, &r, "git", cq_build_id());
    {
        const char *libs = "";
        for (size_t i = 0;; i++) {
            const char *name, *v = cq_build_library(i, &name);
            if (!v)
                break;
            libs = rb_fmt(x, "%s%s%s %s", libs, i ? ", " : "", name, v);
        }
        kv(x, sh, &r, cq_text(x->en, CQ_T_PROV_LIBRARIES), libs);
    }
    r++;
    rb_merge(x, sh, r, 0, r, 4, cq_text(x->en, CQ_T_PROV_SETTINGS), x->S.h2, 0);
    r++;
    if (set->study_path)
        kv(x, sh, &r, cq_text(x->en, CQ_T_PROV_STUDY_FILE), set->study_path);
    kv(x, sh, &r, "--instrument", set->instrument_dir ? set->instrument_dir : "");
    for (size_t w = 0; w < set->n_waves; w++)
        kv(x, sh, &r, "--wave", rb_fmt(x, "%s=%s", set->waves[w].label, set->waves[w].path));
    kv(x, sh, &r, "--id", set->id_column ? set->id_column : "id");
    for (size_t g = 0; g < set->n_groups; g++)
        kv(x, sh, &r, "--group", set->groups[g]);
    kv(x, sh, &r, "--min-group", rb_fmt(x, "%d", set->min_group));
    kv(x, sh, &r, "--min-group-sensitive", rb_fmt(x, "%d", set->min_group_sensitive));
    kv(x, sh, &r, "--lang", set->lang_en ? "en" : "sv");
    kv(x, sh, &r, "--population", set->population_path ? set->population_path : "");
    kv(x, sh, &r, "--out", cq_text(x->en, CQ_T_PROV_OUT_NOT_RECORDED));
    r++;

    rb_merge(x, sh, r, 0, r, 4, cq_text(x->en, CQ_T_PROV_FILES), x->S.h2, 0);
    r++;
    static const cq_text_id heads[] = {CQ_T_COL_ROLE, CQ_T_COL_FILE, CQ_T_COL_BYTES, CQ_T_COL_ROWS,
                                       CQ_T_COL_SHA};
    for (uint32_t c = 0; c < 5; c++)
        rb_put_text(x, sh, r, c, cq_text(x->en, heads[c]),
                    c < 2 || c == 4 ? x->S.th_left : x->S.th);
    r++;
    for (size_t w = 0; w < x->nw; w++) {
        const cq_wave *wv = &st->waves[w];
        file_row(x, sh, &r, rb_textf(x, CQ_T_ROLE_WAVE, wv->label), wv->path, (double)wv->bytes,
                 (double)wv->records, wv->sha256);
    }
    size_t n_opts = 0;
    for (size_t i = 0; i < ins->n_sets; i++)
        n_opts += ins->sets[i].n_options;
    const double rows[3] = {(double)ins->n_items, (double)n_opts, (double)ins->n_scales};
    for (int i = 0; i < 3; i++) {
        const char *path = rb_fmt(x, "%s/%s", ins->dir, cq_instrument_files[i]);
        struct stat sb;
        double bytes = stat(path, &sb) == 0 ? (double)sb.st_size : NAN;
        file_row(x, sh, &r, cq_text(x->en, CQ_T_ROLE_INSTRUMENT), path, bytes, rows[i],
                 ins->sha256[i]);
    }
    const char *extra[2] = {set->population_path, set->study_path};
    const cq_file_info *info[2] = {&st->population_file, &st->study_file};
    const cq_text_id roles[2] = {CQ_T_ROLE_POPULATION, CQ_T_ROLE_STUDY};
    for (int i = 0; i < 2; i++) {
        if (!extra[i])
            continue;
        file_row(x, sh, &r, cq_text(x->en, roles[i]), extra[i],
                 info[i]->known ? (double)info[i]->bytes : NAN,
                 i == 0 ? (double)st->n_population : NAN, info[i]->known ? info[i]->sha256 : "?");
    }
    r++;
    rb_note_row(x, sh, r, 4, cq_text(x->en, CQ_T_PROV_NOTE));
    rb_set_width(x, sh, 0, 26);
    rb_set_width(x, sh, 4, 62);
}
