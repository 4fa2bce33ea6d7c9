/*
 * report_build.h - internal to the report stage: the context its files
 * share while they build the model (report.h) from the study.
 *
 * The report is built by several files, one per job (report.c is the
 * stage and the order of the sheets).  Their shared functions carry the
 * prefix rb_ ("report build") rather than cq_: they are not part of the
 * library's interface and only the report's own files include this header.
 */
#ifndef COPSOQ_REPORT_BUILD_H
#define COPSOQ_REPORT_BUILD_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "copsoq/report.h"
#include "copsoq/report_text.h"
#include "copsoq/strmap.h"
#include "copsoq/utf8.h"

/* colours */
#define C_HEAD      0xDDE5F0 /* table header fill */
#define C_BAND      0xF2F2F2 /* domain / section rows */
#define C_TITLE     0x1F3864 /* title font */
#define C_GREY      0x595959 /* notes */
#define C_BETTER    0xA9D08E /* better, relevant */
#define C_BETTER_S  0xE2EFDA
#define C_WORSE     0xF4A6A6 /* worse, relevant */
#define C_WORSE_S   0xFBE3E3
#define C_WARN      0xFFD27F /* alpha < 0.7, response rate < 60 % */
#define C_HM_GOOD   0x63BE7B
#define C_HM_MID    0xFFFFFF
#define C_HM_BAD    0xF8696B
#define C_TL_GREEN  0xC6EFCE
#define C_TL_YELLOW 0xFFEB9C
#define C_TL_RED    0xFFC7CE
#define C_WAVE_LAST 0x2E75B6
#define C_GOOD_DIR  0x2E75B6
#define C_BAD_DIR   0xED7D31

#define N_QUALITY_ROWS 50   /* rows of quality.csv shown */
#define RELEVANT       5.0  /* points: relevance bands 5 and 10 (copsoq.se) */
#define LOW_RATE       0.60 /* response rate called unsatisfactory below this */
#define LOW_ALPHA      0.70
/* characters of running text per unit of column width: lines of Swedish
 * prose in Calibri (LibreOffice: Carlito or DejaVu Sans) hold 1.25 to 1.3;
 * rows are sized by wrapping at words (wrapped_lines) with this, which
 * leaves a little slack rather than cutting a line off */
#define CHARS_PER_WIDTH 1.25
#define TL_WIDTH        7.5 /* traffic-light columns */
#define TL_PER_PAGE     8   /* scales on a printed traffic-light page */
#define TEXT_WIDTH      110 /* notes and sentences wrap at no less than this width */

/* ------------------------------------------------------------------ */
/* the context: the study indexed for the sheets                        */

typedef struct {
    size_t n; /* groups (display order: Swedish-ish collation, (missing) last) */
    const char **names;
    cq_strmap map; /* name -> display index */
} bgroups;

typedef struct {
    uint32_t title, subtitle, h2, note, note_wrap, sentence;
    uint32_t th, th_left, th_rot, th_wrap_small;
    uint32_t th_dom, th_dom_small; /* domain over its scales' columns, framed */
    uint32_t text, text_wrap, text_top, text_bold, band, key;
    uint32_t num0, num1, num2, num3, integer, pct0, pct1, p, p_lt, diff1, diff0;
    uint32_t dash, small;
    uint32_t warn_pct1, warn_num2, warn_num3, warn_text;
    uint32_t mark[5]; /* assessment text: worse rel, worse small, none, better small, better rel */
    uint32_t dmark1[5]; /* diff +0.0 with the same fills */
    uint32_t dmark0[5]; /* diff +0 with the same fills */
    uint32_t tl[3], tl_head[3];
    uint32_t hm0; /* heat map number */
    uint32_t pct0c, pct1c, sha;
    uint32_t int_c, text_c; /* centred integer and text */
} styles;

typedef struct {
    const cq_study *st;
    const cq_instrument *ins;
    cq_report *rep;
    int en;
    int nomem;
    size_t nw, ns, nb;
    size_t *order; /* [ns] scales in domain order */
    size_t n_domains;
    const char **domains;        /* [n_domains] as in scales.csv */
    size_t *domain_of;           /* [ns] */
    bgroups *bg;                 /* [nb] */
    const cq_summary ***sum;     /* [nb] -> [nw][ng][ns] */
    const cq_comparison ***cmp;  /* independent, consecutive waves: [nb] -> [nw-1][ng][ns] */
    const cq_comparison ***pair; /* paired, the same */
    const cq_reliability **rel;  /* [nw][ns] */
    const cq_reliability_item **rel_item; /* [nw][n_items] */
    size_t **resp;                        /* [nb] -> [nw][ng] respondents */
    unsigned char **hidden;               /* [nb] -> [nw][ng] respondent count withheld: its
                                             cq_hidden_by reason, 0 when shown */
    double **head;                        /* [nb] -> [nw][ng] head count, NaN unknown */
    int have_population;
    int rate_capped;
    struct rb_trend *fl;
    /* [ns] first-to-last change (>= 3 waves), or NULL */ /* a head count below the respondents:
                                                             rates capped at 100 % */
    const cq_reference **ref; /* [ns] the scale's reference value, or NULL */
    size_t n_ref;             /* scales with a reference value */
    const char *ref_source;   /* the source of the first (they are shown together) */
    styles S;
    const char *chart_sheet; /* name of the hidden chart-data sheet */
    cq_rsheet *data;         /* the hidden chart-data sheet */
    uint32_t data_row;       /* next free row there */
    cq_sbuf scratch;         /* rb_fmt(), rb_textf() */
} ctx;

#define IDX_SUM(x, b, w, g, s) (((w) * (x)->bg[b].n + (g)) * (x)->ns + (s))

/* report_model.c: the model primitives, names, the index of the study, styles */
int rb_grow(void **p, size_t *cap, size_t need, size_t size);
const char *rb_dup(ctx *x, const char *s);
const char *rb_fmt(ctx *x, const char *f, ...) __attribute__((format(printf, 2, 3)));
/* A p-value: "0.043", or "< 0.001" for smaller ones (the cell then holds
 * 0.001; the exact p is in the CSV files).  NaN: blank. */
void rb_put_p(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, double p);
/* A breakdown's name as a reader knows it (not the raw column name). */
const char *rb_breakdown_given(ctx *x, size_t b);
const char *rb_breakdown_label(ctx *x, size_t b);
/* cq_textf() into the report's arena */
const char *rb_textf(ctx *x, cq_text_id id, ...);
cq_rsheet *rb_sheet_add(ctx *x, const char *name);
void rb_put_text(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, const char *text, uint32_t st);
void rb_put_num(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, double v, uint32_t st);
void rb_put_blank(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, uint32_t st);
void rb_put_dash(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c);
void rb_merge(ctx *x, cq_rsheet *sh, uint32_t r1, uint32_t c1, uint32_t r2, uint32_t c2,
              const char *text, uint32_t st, int auto_height);
void rb_merge_row(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c2, const char *text, uint32_t st,
                  int auto_height);
void rb_note_row(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c2, const char *text);
void rb_add_block(ctx *x, cq_rsheet *sh, uint32_t first, uint32_t last, int32_t head_first,
                  int32_t head_last, int keep);
void rb_dash_header(ctx *x, cq_rsheet *sh, const char *note);
void rb_set_width(ctx *x, cq_rsheet *sh, uint32_t c, double w);
void rb_set_height(ctx *x, cq_rsheet *sh, uint32_t r, double h);
void rb_add_break(ctx *x, cq_rsheet *sh, uint32_t r);
void rb_add_colorscale(ctx *x, cq_rsheet *sh, uint32_t r1, uint32_t c1, uint32_t r2, uint32_t c2,
                       double lo, double mid, double hi, uint32_t lo_color, uint32_t hi_color);
cq_rchart *rb_chart_add(ctx *x, cq_rsheet *sh);
void rb_series_add(ctx *x, cq_rchart *c, const cq_rseries *s);
const char *rb_sheet_name(ctx *x, const char *want);
const char *rb_scale_name(const ctx *x, size_t s);
const char *rb_wave_label(const ctx *x, size_t w);
double rb_head_at(const ctx *x, size_t b, size_t w, size_t g);
int rb_has_heads(const ctx *x, size_t b, size_t w);
const char *rb_head_waves(ctx *x, size_t b, int with_all, size_t *n);
const char *rb_group_display(const ctx *x, const char *g);
const cq_summary *rb_sum_at(const ctx *x, size_t b, size_t w, size_t g, size_t s);
const cq_summary *rb_shown(const ctx *x, size_t b, size_t w, size_t g, size_t s);
const cq_comparison *rb_cmp_at(const ctx *x, size_t b, size_t p, size_t g, size_t s);
double rb_longest_word(const char *s);
double rb_wrapped_lines(const char *text, double per_line);
const char *rb_lower_first(ctx *x, const char *s);
const char *rb_join_list(ctx *x, const char **items, size_t n);
cq_status rb_index_study(ctx *x, cq_diag *d);
void rb_free_index(ctx *x);
void rb_init_styles(ctx *x);

/* report_sentences.c: assessments and the overview's sentences */
int rb_mark_index(const cq_comparison *c);
const char *rb_relevance_text(const ctx *x, int relevance);
const char *rb_mark_text(const ctx *x, const cq_comparison *c);
void rb_overview_sentences(ctx *x, cq_rsheet *sh, uint32_t *r, uint32_t ncols);

/* report_sheets.c: overview, breakdowns, traffic lights, charts */
void rb_build_overview(ctx *x);
void rb_build_breakdown(ctx *x, size_t b);
void rb_build_traffic(ctx *x);
void rb_build_charts(ctx *x);

/* report_annex.c: items, reliability, data quality, method, provenance */
void rb_build_items(ctx *x);
void rb_build_reliability(ctx *x);
void rb_build_quality(ctx *x);
void rb_build_method(ctx *x);
void rb_build_provenance(ctx *x);

/* report_layout.c: widths, heights and page breaks */
int rb_finish_sheet(const cq_report *rep, cq_rsheet *sh);

/* One scale's change between two waves, as the sentence generators read
 * it: plain data, so that tests can give hand cases. */
typedef struct {
    const char *name;             /* the scale's display name */
    int shown;                    /* 0: no shown comparison (too few answers, withheld) */
    int change;                   /* +1 better, -1 worse, 0 no significant change (cq_comparison) */
    int relevance;                /* 0 under 5 points, 1 5 to 10, 2 10 or more */
    double diff, ci_low, ci_high; /* later minus earlier wave, points */
} rb_change;

/* Fills *out from a comparison row (NULL or suppressed: not shown). */
void rb_change_of(const ctx *x, const cq_comparison *cm, const char *name, rb_change *out);

/* The sentences about n scales' changes from wave_a to wave_b, appended to
 * out one per line ('\n' after each): relevant significant changes (better
 * first), small significant ones, differences of 5 points or more that are
 * not significant, the number without a change, those with too few answers.
 * Without any comparison at all, one sentence says so. */
void rb_change_sentences(int en, const rb_change *c, size_t n, const char *wave_a,
                         const char *wave_b, int any_comparison, cq_sbuf *out);

/* The unit page's two or three plain sentences, appended to out one per
 * line: with since (the earlier wave's label) "Förbättrat: …" and
 * "Försämrat: …" (significant changes of 5 points or more, with the change
 * in whole points), or that nothing changed; then the scales in unfav
 * (unfav_kind 1: against the reference, 2: by the rule of thumb; still: in
 * every wave).  Pure: tests give hand cases. */
void rb_unit_sentences(int en, const rb_change *c, size_t n, const char *since,
                       const char *const *unfav, size_t n_unfav, int unfav_kind, int still,
                       cq_sbuf *out);

/* Whether a mean is on the unfavourable side: beyond the red cut-off
 * (use_cutoffs), otherwise at least 5 points from the midpoint 50. */
int rb_unfavourable(const cq_scale *sc, double mean, int use_cutoffs);

/* A group's score against the scale's reference value: diff = mean - the
 * reference mean; Welch's test from the summary figures (cq_welch); worse /
 * better: on the unfavourable / favourable side by 5 points or more with
 * p < 0.05.  Returns 0 when the scale has no reference or the summary is
 * not shown. */
typedef struct {
    double ref, diff, p;
    int relevance; /* cq_relevance */
    int worse, better;
} rb_refcmp;
int rb_ref_compare(const ctx *x, const cq_summary *sm, size_t s, rb_refcmp *out);

/* report_trend.c: with three or more surveys, the change from the first to
 * the last (Welch from the two whole-sample summary rows, BH over the
 * scales) and the Trend sheet with a line chart per scale */
struct rb_trend {
    int shown; /* both summaries shown */
    double diff, ci_low, ci_high, p, p_adj;
    int relevance, change;
};
int rb_index_trend(ctx *x);
void rb_build_trend(ctx *x);

/* report_unit.c: one printable page per unit ("Din enhet") */
void rb_build_units(ctx *x);

#endif
