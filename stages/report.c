/*
 * report.c - stage: the Excel report.  Builds the report model (report.h)
 * from the study, then hands it to the one renderer (render_xlsx.c), which
 * writes it to the temporary name of report.xlsx that the driver renames.
 *
 * Sheets, in order: overview; one sheet per breakdown (--group); traffic
 * lights; charts; items; reliability; data quality; method; provenance; and
 * a hidden sheet with the charts' data.  Every text comes from
 * report_text.c, in Swedish or English (settings->lang_en).
 *
 * Anonymity (contract §5) is enforced here: a suppressed summary or
 * comparison row shows "–" and never a figure, nor enters a chart, traffic
 * light or response rate.  Respondent counts, head counts and response rates
 * of a group are withheld when the group is suppressed on any scale in that
 * wave, and by the same difference rule as the summaries (see hide_counts()).
 * Response rates are per wave: a head count of --population refers to one
 * wave (cq_population.wave), and a rate is that wave's respondents over it.  Items
 * are reported for whole waves only, with at least min_group respondents.
 * Respondent ids are never read.
 *
 * Layout: finish_sheet() sizes the columns and the rows from their text,
 * widens notes beside narrow tables, and sets the page breaks from the
 * builders' hints (cq_rblock: blocks kept on one page, table headers
 * repeated on further pages), estimating the page Excel prints.
 */
#include "copsoq/report.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "copsoq/cli.h"
#include "copsoq/report_text.h"
#include "copsoq/source.h"
#include "copsoq/stages.h"
#include "copsoq/strmap.h"

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
#define TL_WIDTH        6.5 /* traffic-light columns */
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
    uint32_t num0, num1, num2, num3, integer, pct0, pct1, p, diff1, diff0;
    uint32_t dash, small;
    uint32_t warn_pct1, warn_num2, warn_num3;
    uint32_t mark[5]; /* assessment text: worse rel, worse small, none, better small, better rel */
    uint32_t dmark1[5]; /* diff +0.0 with the same fills */
    uint32_t dmark0[5]; /* diff +0 with the same fills */
    uint32_t tl[3], tl_head[3];
    uint32_t hm0; /* heat map number */
    uint32_t pct0c, sha;
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
    unsigned char **hidden;               /* [nb] -> [nw][ng] respondent count withheld */
    double **head;                        /* [nb] -> [nw][ng] head count, NaN unknown */
    int have_population;
    int rate_capped; /* a head count below the respondents: rates capped at 100 % */
    styles S;
    const char *chart_sheet; /* name of the hidden chart-data sheet */
    cq_rsheet *data;         /* the hidden chart-data sheet */
    uint32_t data_row;       /* next free row there */
} ctx;

#define IDX_SUM(x, b, w, g, s) (((w) * (x)->bg[b].n + (g)) * (x)->ns + (s))

static cq_status index_study(ctx *x, cq_diag *d);
static void free_index(ctx *x);
static void init_styles(ctx *x);
static const char *sheet_name(ctx *x, const char *want);

static void build_overview(ctx *x);
static void build_breakdown(ctx *x, size_t b);
static void build_traffic(ctx *x);
static void build_charts(ctx *x);
static void build_items(ctx *x);
static void build_reliability(ctx *x);
static void build_quality(ctx *x);
static void build_method(ctx *x);
static void build_provenance(ctx *x);
static int finish_sheet(const cq_report *rep, cq_rsheet *sh);

/* ------------------------------------------------------------------ */
/* the stage                                                            */

cq_status
cq_stage_report(cq_study *st, cq_diag *d)
{
    cq_report rep;
    cq_status s = cq_report_build(st, &rep, d);
    if (s != CQ_OK)
        return s;
    const char *tmp = NULL;
    s = cq_output_reserve(st, CQ_REPORT_FILE, &tmp, d);
    if (s == CQ_OK)
        s = cq_report_render_xlsx(&rep, tmp, d);
    cq_report_free(&rep);
    return s;
}

cq_status
cq_report_build(const cq_study *st, cq_report *rep, cq_diag *d)
{
    memset(rep, 0, sizeof *rep);
    cq_arena_init(&rep->arena);
    ctx x;
    memset(&x, 0, sizeof x);
    x.st = st;
    x.ins = st->ins;
    x.rep = rep;
    x.en = st->settings->lang_en;
    cq_status s = index_study(&x, d);
    if (s != CQ_OK)
        goto cleanup;
    init_styles(&x);

    rep->created = st->created;
    rep->title = cq_text(x.en, CQ_T_DOC_TITLE);
    rep->subject = cq_text(x.en, CQ_T_DOC_SUBJECT);
    rep->author = "copsoq " CQ_VERSION;
    rep->keywords = "COPSOQ";
    rep->comments = cq_text(x.en, CQ_T_DOC_COMMENTS);

    /* the chart-data sheet's name is reserved first so no other sheet takes it */
    x.chart_sheet = sheet_name(&x, cq_text(x.en, CQ_T_SHEET_CHARTDATA));
    build_overview(&x);
    for (size_t b = 1; b < x.nb; b++)
        build_breakdown(&x, b);
    build_traffic(&x);
    build_charts(&x);
    build_items(&x);
    build_reliability(&x);
    build_quality(&x);
    build_method(&x);
    build_provenance(&x);
    /* the chart data go last: a hidden sheet nobody needs to page past */
    for (size_t i = 0; x.data && i + 1 < rep->n_sheets; i++)
        if (rep->sheets[i] == x.data) {
            memmove(&rep->sheets[i], &rep->sheets[i + 1],
                    (rep->n_sheets - i - 1) * sizeof *rep->sheets);
            rep->sheets[rep->n_sheets - 1] = x.data;
            if (rep->active > i)
                rep->active--;
            break;
        }
    for (size_t i = 0; i < rep->n_sheets; i++)
        if (finish_sheet(rep, rep->sheets[i]) != 0)
            x.nomem = 1;
    if (x.nomem)
        s = cq_fail(d, CQ_ERR_NOMEM, "report: out of memory");

cleanup:
    free_index(&x);
    if (s != CQ_OK)
        cq_report_free(rep);
    return s;
}

void
cq_report_free(cq_report *rep)
{
    if (!rep)
        return;
    for (size_t i = 0; i < rep->n_sheets; i++) {
        cq_rsheet *sh = rep->sheets[i];
        free(sh->cells);
        free(sh->widths);
        free(sh->width_fixed);
        free(sh->heights);
        free(sh->breaks);
        free(sh->vbreaks);
        free(sh->merges);
        free(sh->scales);
        free(sh->blocks);
        for (size_t c = 0; c < sh->n_charts; c++) {
            free(sh->charts[c]->series);
            free(sh->charts[c]);
        }
        free(sh->charts);
        free(sh);
    }
    free(rep->sheets);
    free(rep->styles);
    cq_arena_free(&rep->arena);
    memset(rep, 0, sizeof *rep);
}

/* ------------------------------------------------------------------ */
/* model primitives                                                     */

static int
grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    memset((char *)q + *cap * size, 0, (n - *cap) * size);
    *p = q;
    *cap = n;
    return 0;
}

static const char *
dup(ctx *x, const char *s)
{
    char *p = cq_arena_strdup(&x->rep->arena, s ? s : "");
    if (!p) {
        x->nomem = 1;
        return "";
    }
    return p;
}

static const char *fmt(ctx *x, const char *f, ...) __attribute__((format(printf, 2, 3)));

static const char *
fmt(ctx *x, const char *f, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, f);
    vsnprintf(buf, sizeof buf, f, ap);
    va_end(ap);
    return dup(x, buf);
}

static int
style_eq(const cq_rstyle *a, const cq_rstyle *b)
{
    return a->bold == b->bold && a->italic == b->italic && a->wrap == b->wrap &&
           a->border == b->border && a->bottom == b->bottom && a->halign == b->halign &&
           a->valign == b->valign && a->rotate90 == b->rotate90 && a->indent == b->indent &&
           a->size == b->size && a->color == b->color && a->fill == b->fill &&
           a->no_width == b->no_width &&
           (a->num_format == b->num_format ||
            (a->num_format && b->num_format && strcmp(a->num_format, b->num_format) == 0));
}

static uint32_t
style(ctx *x, cq_rstyle s)
{
    cq_report *rep = x->rep;
    for (size_t i = 0; i < rep->n_styles; i++)
        if (style_eq(&rep->styles[i], &s))
            return (uint32_t)i;
    if (grow((void **)&rep->styles, &rep->cap_styles, rep->n_styles + 1, sizeof s) != 0) {
        x->nomem = 1;
        return 0;
    }
    rep->styles[rep->n_styles] = s;
    return (uint32_t)rep->n_styles++;
}

static cq_rsheet *
sheet_add(ctx *x, const char *name)
{
    cq_report *rep = x->rep;
    cq_rsheet *sh = calloc(1, sizeof *sh);
    if (!sh || grow((void **)&rep->sheets, &rep->cap_sheets, rep->n_sheets + 1,
                    sizeof *rep->sheets) != 0) {
        free(sh);
        x->nomem = 1;
        return NULL;
    }
    sh->name = name;
    sh->landscape = 1;
    sh->fit_width = 1;
    sh->repeat_first = sh->repeat_last = -1;
    sh->footer = dup(x, "&L&8&F&C&8&A&R&8&P / &N");
    sh->text_width = TEXT_WIDTH;
    rep->sheets[rep->n_sheets++] = sh;
    return sh;
}

/* Makes room for column c and row r in the width/height arrays. */
static int
touch(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c)
{
    size_t nc = sh->n_cols, nr = sh->n_rows;
    if (c >= nc) {
        size_t cap = nc;
        if (grow((void **)&sh->widths, &cap, c + 1, sizeof *sh->widths) != 0) {
            x->nomem = 1;
            return -1;
        }
        cap = nc;
        if (grow((void **)&sh->width_fixed, &cap, c + 1, sizeof *sh->width_fixed) != 0) {
            x->nomem = 1;
            return -1;
        }
        /* grow() rounds capacities up: keep n_cols the number in use */
        sh->n_cols = c + 1;
    }
    if (r >= nr) {
        size_t cap = nr;
        if (grow((void **)&sh->heights, &cap, r + 1, sizeof *sh->heights) != 0) {
            x->nomem = 1;
            return -1;
        }
        sh->n_rows = r + 1;
    }
    return 0;
}

static cq_rcell *
cell(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, uint32_t st)
{
    if (!sh || touch(x, sh, r, c) != 0)
        return NULL;
    if (grow((void **)&sh->cells, &sh->cap_cells, sh->n_cells + 1, sizeof *sh->cells) != 0) {
        x->nomem = 1;
        return NULL;
    }
    cq_rcell *cl = &sh->cells[sh->n_cells++];
    memset(cl, 0, sizeof *cl);
    cl->row = r;
    cl->col = c;
    cl->style = st;
    cl->kind = CQ_CELL_BLANK;
    return cl;
}

static void
put_text(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, const char *text, uint32_t st)
{
    cq_rcell *cl = cell(x, sh, r, c, st);
    if (!cl)
        return;
    cl->kind = CQ_CELL_TEXT;
    cl->text = dup(x, text);
}

/* A number; NaN or Inf becomes a blank cell (never "nan" in a workbook). */
static void
put_num(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, double v, uint32_t st)
{
    cq_rcell *cl = cell(x, sh, r, c, st);
    if (!cl)
        return;
    if (isfinite(v)) {
        cl->kind = CQ_CELL_NUMBER;
        cl->num = v;
    }
}

static void
put_blank(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, uint32_t st)
{
    cell(x, sh, r, c, st);
}

/* The mark of a withheld figure. */
static void
put_dash(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c)
{
    put_text(x, sh, r, c, "\u2013", x->S.dash);
}

static void
merge(ctx *x, cq_rsheet *sh, uint32_t r1, uint32_t c1, uint32_t r2, uint32_t c2, const char *text,
      uint32_t st, int auto_height)
{
    if (!sh || touch(x, sh, r2, c2) != 0)
        return;
    if (r1 == r2 && c1 == c2) {
        put_text(x, sh, r1, c1, text, st);
        return;
    }
    if (grow((void **)&sh->merges, &sh->cap_merges, sh->n_merges + 1, sizeof *sh->merges) != 0) {
        x->nomem = 1;
        return;
    }
    cq_rmerge *m = &sh->merges[sh->n_merges++];
    m->r1 = r1;
    m->c1 = c1;
    m->r2 = r2;
    m->c2 = c2;
    m->text = dup(x, text);
    m->style = st;
    m->auto_height = auto_height && r1 == r2;
}

/* A merge over columns 0..c2 of row r that may be widened over empty
 * columns (cq_rmerge.stretch): notes, sentences, bands and titles, so that a
 * narrow table does not squeeze its text. */
static void
merge_row(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c2, const char *text, uint32_t st,
          int auto_height)
{
    if (!sh)
        return;
    size_t before = sh->n_merges;
    merge(x, sh, r, 0, r, c2 > 0 ? c2 : 1, text, st, auto_height);
    if (sh->n_merges > before)
        sh->merges[sh->n_merges - 1].stretch = 1;
}

/* A wrapped note (small grey italics) over columns 0..c2 of row r. */
static void
note_row(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c2, const char *text)
{
    merge_row(x, sh, r, c2, text, x->S.note_wrap, 1);
}

/* A pagination hint (cq_rblock): rows first..last, kept on one page when
 * keep is set; a table body when head_first >= 0. */
static void
add_block(ctx *x, cq_rsheet *sh, uint32_t first, uint32_t last, int32_t head_first,
          int32_t head_last, int keep)
{
    if (!sh || last < first)
        return;
    if (grow((void **)&sh->blocks, &sh->cap_blocks, sh->n_blocks + 1, sizeof *sh->blocks) != 0) {
        x->nomem = 1;
        return;
    }
    cq_rblock *b = &sh->blocks[sh->n_blocks++];
    b->first = first;
    b->last = last;
    b->head_first = head_first;
    b->head_last = head_last;
    b->keep = keep;
}

/* Puts the meaning of "–" at the top of every printed page of the sheet
 * when the sheet shows one, so that a page taken from the report still
 * explains its dashes.  Called when the sheet's cells are all placed. */
static void
dash_header(ctx *x, cq_rsheet *sh, const char *note)
{
    if (!sh)
        return;
    int any = 0;
    for (size_t i = 0; i < sh->n_cells && !any; i++)
        any = sh->cells[i].kind == CQ_CELL_TEXT && strcmp(sh->cells[i].text, "\u2013") == 0;
    if (!any)
        return;
    char buf[700];
    size_t o = 0;
    const char *lead = "&L&8&I";
    memcpy(buf, lead, strlen(lead) + 1);
    o = strlen(lead);
    /* '&' starts a header code: double it */
    for (const char *p = note; *p && o + 3 < sizeof buf; p++) {
        if (*p == '&')
            buf[o++] = '&';
        buf[o++] = *p;
    }
    buf[o] = '\0';
    if (cq_utf8_width(buf) > 250) /* Excel's limit is 255 characters */
        return;
    sh->header = dup(x, buf);
}

static void
set_width(ctx *x, cq_rsheet *sh, uint32_t c, double w)
{
    if (!sh || touch(x, sh, 0, c) != 0)
        return;
    sh->widths[c] = w;
    sh->width_fixed[c] = 1;
}

static void
set_height(ctx *x, cq_rsheet *sh, uint32_t r, double h)
{
    if (!sh || touch(x, sh, r, 0) != 0)
        return;
    sh->heights[r] = h;
}

static void
add_break(ctx *x, cq_rsheet *sh, uint32_t r)
{
    if (!sh || r == 0)
        return;
    if (grow((void **)&sh->breaks, &sh->cap_breaks, sh->n_breaks + 1, sizeof *sh->breaks) != 0) {
        x->nomem = 1;
        return;
    }
    sh->breaks[sh->n_breaks++] = r;
}

static void
add_colorscale(ctx *x, cq_rsheet *sh, uint32_t r1, uint32_t c1, uint32_t r2, uint32_t c2, double lo,
               double mid, double hi, uint32_t lo_color, uint32_t hi_color)
{
    if (!sh || r2 < r1)
        return;
    if (grow((void **)&sh->scales, &sh->cap_scales, sh->n_scales + 1, sizeof *sh->scales) != 0) {
        x->nomem = 1;
        return;
    }
    cq_rcolorscale *s = &sh->scales[sh->n_scales++];
    s->r1 = r1;
    s->c1 = c1;
    s->r2 = r2;
    s->c2 = c2;
    s->min = lo;
    s->mid = mid;
    s->max = hi;
    s->min_color = lo_color;
    s->mid_color = C_HM_MID;
    s->max_color = hi_color;
}

static cq_rchart *
chart_add(ctx *x, cq_rsheet *sh)
{
    if (!sh)
        return NULL;
    cq_rchart *c = calloc(1, sizeof *c);
    if (!c ||
        grow((void **)&sh->charts, &sh->cap_charts, sh->n_charts + 1, sizeof *sh->charts) != 0) {
        free(c);
        x->nomem = 1;
        return NULL;
    }
    sh->charts[sh->n_charts++] = c;
    return c;
}

static void
series_add(ctx *x, cq_rchart *c, const cq_rseries *s)
{
    if (!c)
        return;
    if (grow((void **)&c->series, &c->cap_series, c->n_series + 1, sizeof *c->series) != 0) {
        x->nomem = 1;
        return;
    }
    c->series[c->n_series++] = *s;
}

/* ------------------------------------------------------------------ */
/* names, collation, small helpers                                      */

/* Next code point of UTF-8 text (the model's text is valid UTF-8). */
static uint32_t
next_cp(const char **p)
{
    const unsigned char *s = (const unsigned char *)*p;
    uint32_t c = s[0];
    int n = 0;
    if (c < 0x80)
        n = 0;
    else if ((c & 0xE0) == 0xC0) {
        c &= 0x1F;
        n = 1;
    } else if ((c & 0xF0) == 0xE0) {
        c &= 0x0F;
        n = 2;
    } else {
        c &= 0x07;
        n = 3;
    }
    s++;
    for (int i = 0; i < n && (*s & 0xC0) == 0x80; i++, s++)
        c = (c << 6) | (*s & 0x3F);
    *p = (const char *)s;
    return c;
}

size_t
cq_utf8_width(const char *s)
{
    size_t best = 0, cur = 0;
    while (s && *s) {
        uint32_t c = next_cp(&s);
        if (c == '\n') {
            cur = 0;
            continue;
        }
        if ((c >= 0x300 && c < 0x370) || c == 0x200B) /* combining marks, zero width */
            continue;
        if (++cur > best)
            best = cur;
    }
    return best;
}

/* Sort key of a code point: case folded, Swedish order of å ä ö after z. */
static uint32_t
coll(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 'a';
    switch (c) {
    case 0xC5:
    case 0xE5:
        return 'z' + 1; /* Å å */
    case 0xC4:
    case 0xE4:
    case 0xC6:
    case 0xE6:
        return 'z' + 2; /* Ä ä Æ æ */
    case 0xD6:
    case 0xF6:
    case 0xD8:
    case 0xF8:
        return 'z' + 3; /* Ö ö Ø ø */
    case 0xC9:
    case 0xE9:
    case 0xC8:
    case 0xE8:
        return 'e'; /* É é È è */
    case 0xDC:
    case 0xFC:
        return 'y'; /* Ü ü */
    default:
        return c;
    }
}

static int
name_cmp(const char *a, const char *b)
{
    int ma = strcmp(a, CQ_MISSING_GROUP) == 0, mb = strcmp(b, CQ_MISSING_GROUP) == 0;
    if (ma != mb)
        return ma - mb; /* (missing) last */
    const char *p = a, *q = b;
    while (*p && *q) {
        uint32_t x = coll(next_cp(&p)), y = coll(next_cp(&q));
        if (x != y)
            return x < y ? -1 : 1;
    }
    if (*p || *q)
        return *p ? 1 : -1;
    return strcmp(a, b);
}

static int
name_cmp_q(const void *a, const void *b)
{
    return name_cmp(*(const char *const *)a, *(const char *const *)b);
}

/* Case-insensitive equality for sheet names (ASCII and Å Ä Ö). */
static int
sheet_eq(const char *a, const char *b)
{
    while (*a && *b) {
        uint32_t x = coll(next_cp(&a)), y = coll(next_cp(&b));
        if (x != y)
            return 0;
    }
    return !*a && !*b;
}

static int
name_taken(ctx *x, const char *n)
{
    if (sheet_eq(n, "History"))
        return 1; /* reserved by Excel */
    if (x->chart_sheet && sheet_eq(n, x->chart_sheet))
        return 1;
    for (size_t i = 0; i < x->rep->n_sheets; i++)
        if (sheet_eq(n, x->rep->sheets[i]->name))
            return 1;
    return 0;
}

/* Copies at most max code points of s into out (cap bytes). */
static void
copy_cps(char *out, size_t cap, const char *s, size_t max)
{
    size_t o = 0, n = 0;
    while (*s && n < max) {
        const char *start = s;
        next_cp(&s);
        size_t len = (size_t)(s - start);
        if (o + len + 1 > cap)
            break;
        memcpy(out + o, start, len);
        o += len;
        n++;
    }
    out[o] = '\0';
}

/* A valid, unique Excel sheet name made from want: at most 31 characters,
 * none of []:*?/\, not starting or ending with an apostrophe. */
static const char *
sheet_name(ctx *x, const char *want)
{
    char clean[256], base[256], out[300];
    size_t o = 0;
    for (const char *p = want; *p && o + 1 < sizeof clean; p++)
        clean[o++] = strchr("[]:*?/\\", *p) ? '_' : *p;
    clean[o] = '\0';
    char *s = clean;
    while (*s == '\'')
        s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == '\'' || s[len - 1] == ' '))
        s[--len] = '\0';
    if (!*s)
        s = (char *)cq_text(x->en, CQ_T_SHEET_DEFAULT);
    copy_cps(base, sizeof base, s, 31);
    /* cutting may leave an apostrophe at the end, which Excel forbids */
    for (size_t n = strlen(base); n && (base[n - 1] == '\'' || base[n - 1] == ' ');)
        base[--n] = '\0';
    if (!*base)
        copy_cps(base, sizeof base, cq_text(x->en, CQ_T_SHEET_DEFAULT), 31);
    if (!name_taken(x, base))
        return dup(x, base);
    for (int k = 2; k < 1000; k++) {
        char suffix[16];
        snprintf(suffix, sizeof suffix, " (%d)", k);
        copy_cps(out, sizeof out, s, 31 - strlen(suffix));
        strcat(out, suffix);
        if (!name_taken(x, out))
            return dup(x, out);
    }
    return dup(x, "?"); /* not reached with fewer than 1000 sheets */
}

static const char *
scale_name(const ctx *x, size_t s)
{
    return x->en ? x->ins->scales[s].label_en : x->ins->scales[s].label_sv;
}

static const char *
wave_label(const ctx *x, size_t w)
{
    return x->st->waves[w].label;
}

/* Head count of group g of breakdown b in wave w; NaN when unknown. */
static double
head_at(const ctx *x, size_t b, size_t w, size_t g)
{
    return x->head[b][w * x->bg[b].n + g];
}

/* Whether breakdown b has a head count for some group in wave w. */
static int
has_heads(const ctx *x, size_t b, size_t w)
{
    for (size_t g = 0; g < x->bg[b].n; g++)
        if (isfinite(head_at(x, b, w, g)))
            return 1;
    return 0;
}

static const char *join_list(ctx *x, const char **items, size_t n);

/* The labels of the waves with head counts (in breakdown b, or in the whole
 * sample too when with_all), "2016 och 2017"; *n gets their number. */
static const char *
head_waves(ctx *x, size_t b, int with_all, size_t *n)
{
    const char **items = calloc(x->nw + 1, sizeof *items);
    *n = 0;
    if (!items) {
        x->nomem = 1;
        return "";
    }
    for (size_t w = 0; w < x->nw; w++)
        if (has_heads(x, b, w) || (with_all && has_heads(x, 0, w)))
            items[(*n)++] = wave_label(x, w);
    const char *r = join_list(x, items, *n);
    free(items);
    return r;
}

static const char *
group_display(const ctx *x, const char *g)
{
    if (strcmp(g, CQ_MISSING_GROUP) == 0)
        return cq_text(x->en, CQ_T_MISSING_GROUP);
    return g;
}

/* The summary of (breakdown, wave, group, scale), or NULL. */
static const cq_summary *
sum_at(const ctx *x, size_t b, size_t w, size_t g, size_t s)
{
    return x->sum[b][IDX_SUM(x, b, w, g, s)];
}

/* A shown summary: present, not suppressed, with a finite mean. */
static const cq_summary *
shown(const ctx *x, size_t b, size_t w, size_t g, size_t s)
{
    const cq_summary *r = sum_at(x, b, w, g, s);
    return r && !r->suppressed && isfinite(r->mean) ? r : NULL;
}

/* The comparison of waves p -> p+1, or NULL. */
static const cq_comparison *
cmp_at(const ctx *x, size_t b, size_t p, size_t g, size_t s)
{
    return x->nw > 1 ? x->cmp[b][IDX_SUM(x, b, p, g, s)] : NULL;
}

/* Width of the longest word (for headers that wrap). */
static double
longest_word(const char *s)
{
    size_t best = 0, cur = 0;
    while (*s) {
        uint32_t c = next_cp(&s);
        if (c == ' ' || c == '\n' || c == '-' || c == '/') {
            cur = 0;
            continue;
        }
        if (++cur > best)
            best = cur;
    }
    return (double)best;
}

/* Lines that text takes when wrapped at spaces into lines of per_line
 * characters, as Excel and LibreOffice wrap: a word that does not fit goes
 * to the next line; a word longer than a line is cut.  Newlines start a new
 * line. */
static double
wrapped_lines(const char *text, double per_line)
{
    if (per_line < 1)
        per_line = 1;
    double lines = 1, cur = 0;
    const char *p = text ? text : "";
    while (*p) {
        if (*p == '\n') {
            lines++;
            cur = 0;
            p++;
            continue;
        }
        if (*p == ' ') {
            p++;
            continue;
        }
        double wl = 0;
        while (*p && *p != ' ' && *p != '\n') {
            next_cp(&p);
            wl++;
        }
        if (cur > 0 && cur + 1 + wl <= per_line) {
            cur += 1 + wl;
        } else {
            if (cur > 0)
                lines++;
            cur = wl;
        }
        while (cur > per_line) {
            lines++;
            cur -= per_line;
        }
    }
    return lines;
}

/* Lower-cases the first letter for use inside a sentence. */
static const char *
lower_first(ctx *x, const char *s)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", s);
    cq_text_lower_first(buf);
    return dup(x, buf);
}

/* "a, b och c" */
static const char *
join_list(ctx *x, const char **items, size_t n)
{
    size_t cap = 64;
    for (size_t i = 0; i < n; i++)
        cap += strlen(items[i]) + 8;
    char *buf = malloc(cap);
    if (!buf) {
        x->nomem = 1;
        return "";
    }
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            strcat(buf, i + 1 == n ? cq_text(x->en, CQ_T_AND) : ", ");
        strcat(buf, items[i]);
    }
    const char *r = dup(x, buf);
    free(buf);
    return r;
}

/* ------------------------------------------------------------------ */
/* index of the study                                                   */

static int
add_name(ctx *x, cq_strmap *seen, const char ***names, size_t *n, size_t *cap, const char *name)
{
    if (cq_strmap_get(seen, name) != (size_t)-1)
        return 0;
    if (grow((void **)names, cap, *n + 1, sizeof **names) != 0 ||
        cq_strmap_put(seen, name, *n) != 0) {
        x->nomem = 1;
        return -1;
    }
    (*names)[(*n)++] = name;
    return 0;
}

static size_t
breakdown_of(const ctx *x, const char *name)
{
    if (strcmp(name, "all") == 0)
        return 0;
    for (size_t i = 0; i < x->st->settings->n_groups; i++)
        if (strcmp(x->st->settings->groups[i], name) == 0)
            return i + 1;
    return (size_t)-1;
}

static cq_status
index_study(ctx *x, cq_diag *d)
{
    const cq_study *st = x->st;
    const cq_instrument *ins = x->ins;
    x->nw = st->n_waves;
    x->ns = ins->n_scales;
    x->nb = 1 + st->settings->n_groups;
    size_t nw = x->nw, ns = x->ns, nb = x->nb;

    /* domains in order of first appearance; scales grouped by domain */
    x->order = calloc(ns ? ns : 1, sizeof *x->order);
    x->domain_of = calloc(ns ? ns : 1, sizeof *x->domain_of);
    x->domains = calloc(ns ? ns : 1, sizeof *x->domains);
    x->bg = calloc(nb, sizeof *x->bg);
    x->sum = calloc(nb, sizeof *x->sum);
    x->cmp = calloc(nb, sizeof *x->cmp);
    x->pair = calloc(nb, sizeof *x->pair);
    x->resp = calloc(nb, sizeof *x->resp);
    x->hidden = calloc(nb, sizeof *x->hidden);
    x->head = calloc(nb, sizeof *x->head);
    x->rel = calloc(nw * ns + 1, sizeof *x->rel);
    x->rel_item = calloc(nw * ins->n_items + 1, sizeof *x->rel_item);
    if (!x->order || !x->domain_of || !x->domains || !x->bg || !x->sum || !x->cmp || !x->pair ||
        !x->resp || !x->hidden || !x->head || !x->rel || !x->rel_item)
        return cq_fail(d, CQ_ERR_NOMEM, "report: out of memory");
    for (size_t s = 0; s < ns; s++) {
        size_t k = 0;
        while (k < x->n_domains && strcmp(x->domains[k], ins->scales[s].domain) != 0)
            k++;
        if (k == x->n_domains)
            x->domains[x->n_domains++] = ins->scales[s].domain;
        x->domain_of[s] = k;
    }
    size_t o = 0;
    for (size_t k = 0; k < x->n_domains; k++)
        for (size_t s = 0; s < ns; s++)
            if (x->domain_of[s] == k)
                x->order[o++] = s;

    /* the groups of each breakdown: from the summaries, the data and the head counts */
    for (size_t b = 0; b < nb; b++) {
        cq_strmap seen = {0};
        const char **names = NULL;
        size_t n = 0, cap = 0;
        if (b == 0)
            add_name(x, &seen, &names, &n, &cap, "all");
        for (size_t i = 0; b > 0 && i < st->n_summary; i++)
            if (st->summary[i].breakdown == b)
                add_name(x, &seen, &names, &n, &cap, st->summary[i].group);
        for (size_t w = 0; b > 0 && w < nw; w++)
            for (size_t l = 0; l < st->waves[w].n_levels[b - 1]; l++)
                add_name(x, &seen, &names, &n, &cap, st->waves[w].levels[b - 1][l]);
        for (size_t i = 0; b > 0 && i < st->n_population; i++)
            if (breakdown_of(x, st->population[i].breakdown) == b)
                add_name(x, &seen, &names, &n, &cap, st->population[i].group);
        cq_strmap_free(&seen);
        if (x->nomem) {
            free(names);
            return cq_fail(d, CQ_ERR_NOMEM, "report: out of memory");
        }
        if (n > 1)
            qsort(names, n, sizeof *names, name_cmp_q);
        x->bg[b].names = names;
        x->bg[b].n = n;
        for (size_t g = 0; g < n; g++)
            if (cq_strmap_put(&x->bg[b].map, names[g], g) != 0)
                return cq_fail(d, CQ_ERR_NOMEM, "report: out of memory");
        size_t ng = n ? n : 1;
        x->sum[b] = calloc(nw * ng * ns + 1, sizeof **x->sum);
        x->cmp[b] = calloc(nw * ng * ns + 1, sizeof **x->cmp);
        x->pair[b] = calloc(nw * ng * ns + 1, sizeof **x->pair);
        x->resp[b] = calloc(nw * ng + 1, sizeof **x->resp);
        x->hidden[b] = calloc(nw * ng + 1, sizeof **x->hidden);
        x->head[b] = calloc(nw * ng + 1, sizeof **x->head);
        if (!x->sum[b] || !x->cmp[b] || !x->pair[b] || !x->resp[b] || !x->hidden[b] || !x->head[b])
            return cq_fail(d, CQ_ERR_NOMEM, "report: out of memory");
        for (size_t i = 0; i < nw * ng; i++)
            x->head[b][i] = NAN;
    }

    for (size_t i = 0; i < st->n_summary; i++) {
        const cq_summary *r = &st->summary[i];
        if (r->breakdown >= nb || r->wave >= nw || r->scale >= ns)
            continue;
        size_t g = cq_strmap_get(&x->bg[r->breakdown].map, r->group);
        if (g != (size_t)-1)
            x->sum[r->breakdown][IDX_SUM(x, r->breakdown, r->wave, g, r->scale)] = r;
    }
    for (size_t i = 0; i < st->n_comparison; i++) {
        const cq_comparison *r = &st->comparison[i];
        if (r->breakdown >= nb || r->wave_a >= nw || r->wave_b != r->wave_a + 1 || r->scale >= ns)
            continue;
        size_t g = cq_strmap_get(&x->bg[r->breakdown].map, r->group);
        if (g == (size_t)-1)
            continue;
        const cq_comparison **t =
            r->design == CQ_PAIRED ? x->pair[r->breakdown] : x->cmp[r->breakdown];
        t[IDX_SUM(x, r->breakdown, r->wave_a, g, r->scale)] = r;
    }
    for (size_t i = 0; i < st->n_reliability; i++) {
        const cq_reliability *r = &st->reliability[i];
        if (r->wave < nw && r->scale < ns)
            x->rel[r->wave * ns + r->scale] = r;
    }
    for (size_t i = 0; i < st->n_reliability_items; i++) {
        const cq_reliability_item *r = &st->reliability_items[i];
        if (r->wave < nw && r->item < ins->n_items)
            x->rel_item[r->wave * ins->n_items + r->item] = r;
    }

    /* respondents per group and wave, as the disclose stage decided */
    for (size_t i = 0; i < st->n_counts; i++) {
        const cq_group_count *c = &st->counts[i];
        if (c->wave >= nw || c->breakdown >= nb)
            continue;
        size_t g = c->breakdown == 0 ? 0 : cq_strmap_get(&x->bg[c->breakdown].map, c->group);
        if (g == (size_t)-1)
            continue;
        x->resp[c->breakdown][c->wave * x->bg[c->breakdown].n + g] = c->n;
        x->hidden[c->breakdown][c->wave * x->bg[c->breakdown].n + g] = c->hidden_by != CQ_SHOWN;
    }
    for (size_t i = 0; i < st->n_population; i++) {
        const cq_population *p = &st->population[i];
        size_t b = breakdown_of(x, p->breakdown);
        if (b == (size_t)-1 || p->wave >= nw)
            continue;
        size_t g = cq_strmap_get(&x->bg[b].map, b == 0 ? "all" : p->group);
        if (g != (size_t)-1) {
            x->head[b][p->wave * x->bg[b].n + g] = p->headcount;
            x->have_population = 1;
            if (p->headcount < (double)x->resp[b][p->wave * x->bg[b].n + g])
                x->rate_capped = 1;
        }
    }
    return CQ_OK;
}

static void
free_index(ctx *x)
{
    for (size_t b = 0; x->bg && b < x->nb; b++) {
        free(x->bg[b].names);
        cq_strmap_free(&x->bg[b].map);
    }
    for (size_t b = 0; b < x->nb; b++) {
        if (x->sum)
            free(x->sum[b]);
        if (x->cmp)
            free(x->cmp[b]);
        if (x->pair)
            free(x->pair[b]);
        if (x->resp)
            free(x->resp[b]);
        if (x->hidden)
            free(x->hidden[b]);
        if (x->head)
            free(x->head[b]);
    }
    free(x->bg);
    free(x->sum);
    free(x->cmp);
    free(x->pair);
    free(x->resp);
    free(x->hidden);
    free(x->head);
    free(x->rel);
    free(x->rel_item);
    free(x->order);
    free(x->domain_of);
    free(x->domains);
}

/* ------------------------------------------------------------------ */
/* styles                                                               */

static void
init_styles(ctx *x)
{
    styles *S = &x->S;
    S->text = style(x, (cq_rstyle){0});
    S->title = style(x, (cq_rstyle){.bold = 1, .size = 16, .color = C_TITLE, .no_width = 1});
    S->subtitle = style(x, (cq_rstyle){.color = C_GREY, .no_width = 1});
    S->h2 = style(x, (cq_rstyle){.bold = 1, .size = 12, .color = C_TITLE, .no_width = 1});
    S->note = style(x, (cq_rstyle){.italic = 1, .size = 9, .color = C_GREY, .no_width = 1});
    S->note_wrap = style(
        x, (cq_rstyle){
               .italic = 1, .size = 9, .color = C_GREY, .wrap = 1, .valign = 1, .no_width = 1});
    S->sentence = style(x, (cq_rstyle){.wrap = 1, .valign = 1, .no_width = 1});
    S->th = style(x, (cq_rstyle){.bold = 1,
                                 .wrap = 1,
                                 .fill = C_HEAD,
                                 .bottom = 1,
                                 .halign = CQ_ALIGN_CENTER,
                                 .valign = 2});
    S->th_left = style(x, (cq_rstyle){.bold = 1,
                                      .wrap = 1,
                                      .fill = C_HEAD,
                                      .bottom = 1,
                                      .halign = CQ_ALIGN_LEFT,
                                      .valign = 2});
    S->th_rot = style(x, (cq_rstyle){.bold = 1,
                                     .rotate90 = 1,
                                     .wrap = 1, /* shows the model's line break */
                                     .fill = C_HEAD,
                                     .bottom = 1,
                                     .halign = CQ_ALIGN_CENTER,
                                     .size = 9,
                                     .no_width = 1});
    S->th_wrap_small = style(x, (cq_rstyle){.bold = 1,
                                            .wrap = 1,
                                            .fill = C_HEAD,
                                            .size = 9,
                                            .halign = CQ_ALIGN_CENTER,
                                            .valign = 2,
                                            .no_width = 1});
    S->th_dom = style(x, (cq_rstyle){.bold = 1,
                                     .wrap = 1,
                                     .fill = C_HEAD,
                                     .border = 1,
                                     .halign = CQ_ALIGN_CENTER,
                                     .valign = 2,
                                     .no_width = 1});
    S->th_dom_small = style(x, (cq_rstyle){.bold = 1,
                                           .wrap = 1,
                                           .fill = C_HEAD,
                                           .border = 1,
                                           .size = 8,
                                           .halign = CQ_ALIGN_CENTER,
                                           .valign = 2,
                                           .no_width = 1});
    S->text_wrap = style(x, (cq_rstyle){.wrap = 1, .valign = 1});
    S->text_top = style(x, (cq_rstyle){.valign = 1});
    S->text_bold = style(x, (cq_rstyle){.bold = 1});
    S->band = style(x, (cq_rstyle){.bold = 1, .fill = C_BAND, .no_width = 1});
    S->key = style(x, (cq_rstyle){.bold = 1, .valign = 1});
    S->num0 = style(x, (cq_rstyle){.num_format = "0"});
    S->num1 = style(x, (cq_rstyle){.num_format = "0.0"});
    S->num2 = style(x, (cq_rstyle){.num_format = "0.00"});
    S->num3 = style(x, (cq_rstyle){.num_format = "0.000"});
    S->integer = style(x, (cq_rstyle){.num_format = "#,##0"});
    S->pct0 = style(x, (cq_rstyle){.num_format = "0%"});
    S->pct1 = style(x, (cq_rstyle){.num_format = "0.0%"});
    S->p = style(x, (cq_rstyle){.num_format = cq_text(x->en, CQ_T_FMT_P)});
    S->diff1 = style(x, (cq_rstyle){.num_format = "+0.0;-0.0;0.0"});
    S->diff0 = style(x, (cq_rstyle){.num_format = "+0;-0;0", .halign = CQ_ALIGN_CENTER});
    S->dash = style(x, (cq_rstyle){.halign = CQ_ALIGN_CENTER, .color = C_GREY});
    S->small = style(x, (cq_rstyle){.size = 9});
    S->warn_pct1 = style(x, (cq_rstyle){.num_format = "0.0%", .fill = C_WARN});
    S->warn_num2 = style(x, (cq_rstyle){.num_format = "0.00", .fill = C_WARN});
    S->warn_num3 = style(x, (cq_rstyle){.num_format = "0.000", .fill = C_WARN});
    static const uint32_t fills[5] = {C_WORSE, C_WORSE_S, 0, C_BETTER_S, C_BETTER};
    for (int i = 0; i < 5; i++) {
        S->mark[i] = style(x, (cq_rstyle){.fill = fills[i],
                                          .halign = CQ_ALIGN_CENTER,
                                          .bold = (uint8_t)(i == 0 || i == 4)});
        S->dmark1[i] = style(x, (cq_rstyle){.fill = fills[i], .num_format = "+0.0;-0.0;0.0"});
        /* narrow heat-map columns: one decimal in a smaller font (an integer
         * format would show changes under 0.5 as -0 and +0) */
        S->dmark0[i] = style(x, (cq_rstyle){.fill = fills[i],
                                            .num_format = "+0.0;-0.0;0.0",
                                            .halign = CQ_ALIGN_CENTER,
                                            .size = 9});
    }
    static const uint32_t tl[3] = {C_TL_GREEN, C_TL_YELLOW, C_TL_RED};
    for (int i = 0; i < 3; i++) {
        S->tl[i] =
            style(x, (cq_rstyle){.fill = tl[i], .num_format = "0%", .halign = CQ_ALIGN_CENTER});
        S->tl_head[i] = style(
            x, (cq_rstyle){
                   .fill = tl[i], .bold = 1, .size = 9, .halign = CQ_ALIGN_CENTER, .bottom = 1});
    }
    S->hm0 = style(x, (cq_rstyle){.num_format = "0", .halign = CQ_ALIGN_CENTER});
    S->pct0c = style(x, (cq_rstyle){.num_format = "0%", .halign = CQ_ALIGN_CENTER});
    S->sha = style(x, (cq_rstyle){.size = 9, .indent = 1});
    S->int_c = style(x, (cq_rstyle){.num_format = "#,##0", .halign = CQ_ALIGN_CENTER});
    S->text_c = style(x, (cq_rstyle){.halign = CQ_ALIGN_CENTER});
}

/* 0 worse & relevant, 1 worse & small, 2 no sure change, 3 better & small, 4 better & relevant */
static int
mark_index(const cq_comparison *c)
{
    if (c->change > 0)
        return c->relevance >= 1 ? 4 : 3;
    if (c->change < 0)
        return c->relevance >= 1 ? 0 : 1;
    return 2;
}

static const char *
relevance_text(const ctx *x, int relevance)
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

static const char *
mark_text(const ctx *x, const cq_comparison *c)
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
    merge_row(x, sh, *r, ncols - 1, text, x->S.sentence, 1);
    (*r)++;
}

static void
overview_sentences(ctx *x, cq_rsheet *sh, uint32_t *r, uint32_t ncols)
{
    const cq_study *st = x->st;
    size_t nw = x->nw, ns = x->ns;
    char buf[4096], a[64], b[64], c[64], dd[64];
    const char **items = calloc(ns + nw + 1, sizeof *items);
    if (!items) {
        x->nomem = 1;
        return;
    }

    /* the basis: answers per wave, response rate of the latest wave */
    size_t n = 0;
    for (size_t w = 0; w < nw; w++) {
        if (x->hidden[0][w])
            items[n++] = fmt(x, "%s %s", cq_text(x->en, CQ_T_FEW_ANSWERS_SHORT), wave_label(x, w));
        else
            items[n++] =
                dup(x, cq_textf(buf, sizeof buf, x->en, CQ_T_S_ANSWERS_IN,
                                cq_text_number(a, sizeof a, x->en, (double)st->waves[w].n, 0, 0),
                                wave_label(x, w)));
    }
    sentence(x, sh, r, ncols,
             cq_textf(buf, sizeof buf, x->en, CQ_T_S_BASIS, join_list(x, items, n)));
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
        double head = head_at(x, 0, w, 0);
        if (!isfinite(head) || head <= 0 || x->hidden[0][w])
            continue;
        double rate = fmin(1.0, (double)st->waves[w].n / head);
        rates[n_rates++] = dup(
            x, cq_textf(buf, sizeof buf, x->en, CQ_T_S_RATE_ITEM,
                        cq_text_number(a, sizeof a, x->en, 100.0 * rate, 1, 0), wave_label(x, w),
                        cq_text_number(b, sizeof b, x->en, (double)st->waves[w].n, 0, 0),
                        cq_text_number(c, sizeof c, x->en, head, 0, 0)));
        if (rate < LOW_RATE)
            low[n_low++] = wave_label(x, w);
        one = w;
    }
    if (n_rates == 1) {
        /* one survey with head counts: the sentence of a file without waves */
        double head = head_at(x, 0, one, 0), rate = fmin(1.0, (double)st->waves[one].n / head);
        cq_textf(buf, sizeof buf, x->en, CQ_T_S_RATE, wave_label(x, one),
                 cq_text_number(a, sizeof a, x->en, 100.0 * rate, 1, 0),
                 cq_text_number(b, sizeof b, x->en, (double)st->waves[one].n, 0, 0),
                 cq_text_number(c, sizeof c, x->en, head, 0, 0));
        if (n_low) {
            size_t l = strlen(buf);
            snprintf(buf + l, sizeof buf - l, " %s", cq_text(x->en, CQ_T_S_RATE_LOW));
        }
        if (x->rate_capped) {
            size_t l = strlen(buf);
            snprintf(buf + l, sizeof buf - l, " %s", cq_text(x->en, CQ_T_NOTE_RATE_CAP));
        }
        sentence(x, sh, r, ncols, buf);
    } else if (n_rates > 1) {
        /* "Svarsfrekvensen var 94,3 % 2016 (...) och 79,5 % 2017 (...)." */
        cq_textf(buf, sizeof buf, x->en, CQ_T_S_RATES, join_list(x, rates, n_rates));
        if (n_low) {
            char more[1024];
            size_t l = strlen(buf);
            snprintf(
                buf + l, sizeof buf - l, " %s",
                cq_textf(more, sizeof more, x->en, CQ_T_S_RATES_LOW, join_list(x, low, n_low)));
        }
        if (x->rate_capped) {
            size_t l = strlen(buf);
            snprintf(buf + l, sizeof buf - l, " %s", cq_text(x->en, CQ_T_NOTE_RATE_CAP));
        }
        sentence(x, sh, r, ncols, buf);
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
                     cq_textf(buf, sizeof buf, x->en, CQ_T_S_PAIR, wave_label(x, p),
                              wave_label(x, p + 1)));
        /* relevant and significant changes first: better, then worse */
        for (int want = 1; want >= -1; want -= 2) {
            for (size_t k = 0; k < ns; k++) {
                size_t s = x->order[k];
                const cq_comparison *cm = cmp_at(x, 0, p, 0, s);
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
                cq_textf(
                    buf, sizeof buf, x->en, CQ_T_S_CHANGE, scale_name(x, s),
                    cq_text(x->en, cm->diff > 0 ? CQ_T_INCREASED : CQ_T_DECREASED),
                    cq_text_number(a, sizeof a, x->en, fabs(cm->diff), 0, 0),
                    cq_text_number(b, sizeof b, x->en, lo, 0, 0),
                    cq_text_number(c, sizeof c, x->en, hi, 0, 0),
                    cq_text(x->en, want > 0
                                       ? (cm->relevance >= 2 ? CQ_T_BIG_BETTER : CQ_T_REL_BETTER)
                                       : (cm->relevance >= 2 ? CQ_T_BIG_WORSE : CQ_T_REL_WORSE)));
                sentence(x, sh, r, ncols, buf);
                n_said++;
            }
        }
        for (size_t k = 0; k < ns; k++) {
            size_t s = x->order[k];
            const cq_comparison *cm = cmp_at(x, 0, p, 0, s);
            if (!cm || cm->suppressed || !isfinite(cm->diff) || !isfinite(cm->p_adj)) {
                few[n_few++] = lower_first(x, scale_name(x, s));
                continue;
            }
            if (cm->change != 0 && cm->relevance >= 1)
                continue;
            if (cm->change != 0)
                small[n_small++] = fmt(x, "%s (%s, %s)", lower_first(x, scale_name(x, s)),
                                       cq_text_number(a, sizeof a, x->en, cm->diff, 1, 1),
                                       cq_text(x->en, cm->change > 0 ? CQ_T_BETTER : CQ_T_WORSE));
            else if (cm->relevance >= 1)
                unsure[n_unsure++] = fmt(x, "%s (%s)", lower_first(x, scale_name(x, s)),
                                         cq_text_number(a, sizeof a, x->en, cm->diff, 1, 1));
            else
                n_none++;
        }
        if (st->n_comparison == 0) {
            sentence(x, sh, r, ncols, cq_text(x->en, CQ_T_S_NO_COMPARISON));
        } else {
            if (n_small)
                sentence(
                    x, sh, r, ncols,
                    cq_textf(buf, sizeof buf, x->en, CQ_T_S_SMALL, join_list(x, small, n_small)));
            if (n_unsure)
                sentence(x, sh, r, ncols,
                         cq_textf(buf, sizeof buf, x->en, CQ_T_S_UNSURE,
                                  join_list(x, unsure, n_unsure)));
            if (n_none && n_said + n_small == 0)
                sentence(x, sh, r, ncols,
                         cq_textf(buf, sizeof buf, x->en, CQ_T_S_NONE_AT_ALL, wave_label(x, p),
                                  wave_label(x, p + 1)));
            else if (n_none)
                sentence(x, sh, r, ncols,
                         cq_textf(buf, sizeof buf, x->en, CQ_T_S_NONE_OTHERS,
                                  cq_text_number(a, sizeof a, x->en, (double)n_none, 0, 0)));
            if (n_few)
                sentence(x, sh, r, ncols,
                         cq_textf(buf, sizeof buf, x->en, CQ_T_S_FEW, join_list(x, few, n_few)));
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
            char trail[256] = "";
            for (size_t w = 0; w < nw && all; w++) {
                const cq_summary *sm = shown(x, 0, w, 0, s);
                if (!sm || !unfavourable(sc, sm->mean, rule)) {
                    all = 0;
                    break;
                }
                size_t l = strlen(trail);
                snprintf(trail + l, sizeof trail - l, "%s%s", w ? " \u2192 " : "",
                         cq_text_number(dd, sizeof dd, x->en, sm->mean, 0, 0));
            }
            if (all)
                items[n++] = fmt(x, "%s (%s)", lower_first(x, scale_name(x, s)), trail);
        }
        if (n)
            sentence(x, sh, r, ncols,
                     cq_textf(buf, sizeof buf, x->en,
                              rule ? (nw > 1 ? CQ_T_S_UNFAV_CUT : CQ_T_S_UNFAV_CUT_ONE)
                                   : (nw > 1 ? CQ_T_S_UNFAV_MID : CQ_T_S_UNFAV_MID_ONE),
                              join_list(x, items, n)));
    }
    free(items);
}

static void
build_overview(ctx *x)
{
    size_t nw = x->nw, np = nw > 1 ? nw - 1 : 0;
    cq_rsheet *sh = sheet_add(x, sheet_name(x, cq_text(x->en, CQ_T_SHEET_OVERVIEW)));
    if (!sh)
        return;
    x->rep->active = x->rep->n_sheets - 1;
    const uint32_t c_scale = 0, c_dir = 1, c_mean = 2;
    const uint32_t c_pair = c_mean + (uint32_t)nw;
    const uint32_t c_n = c_pair + 6 * (uint32_t)np;
    const uint32_t ncols = c_n + (uint32_t)nw;
    char buf[2048];
    uint32_t r = 0;

    merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_OVERVIEW_TITLE), x->S.title, 0);
    set_height(x, sh, r, 24);
    r++;
    {
        char waves[512] = "";
        for (size_t w = 0; w < nw; w++) {
            size_t l = strlen(waves);
            snprintf(waves + l, sizeof waves - l, "%s%s", w ? ", " : "", wave_label(x, w));
        }
        merge_row(x, sh, r, ncols - 1,
                  cq_textf(buf, sizeof buf, x->en, CQ_T_OVERVIEW_SUB, x->ins->name, waves),
                  x->S.subtitle, 0);
        r++;
    }
    if (x->st->settings->min_group < CQ_WARN_MIN_GROUP) {
        r++;
        merge_row(x, sh, r, ncols - 1,
                  cq_textf(buf, sizeof buf, x->en, CQ_T_LOW_MIN_GROUP, x->st->settings->min_group),
                  x->S.note_wrap, 1);
        set_height(x, sh, r, 30);
        r++;
    }
    r++;
    merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_SUMMARY_HEAD), x->S.h2, 0);
    r++;
    overview_sentences(x, sh, &r, ncols);
    r++;

    /* table header: two rows */
    uint32_t h1 = r, h2 = r + 1;
    merge(x, sh, h1, c_scale, h2, c_scale, cq_text(x->en, CQ_T_COL_SCALE), x->S.th_left, 0);
    merge(x, sh, h1, c_dir, h2, c_dir, cq_text(x->en, CQ_T_COL_HIGH_IS), x->S.th, 0);
    merge(x, sh, h1, c_mean, h1, c_mean + (uint32_t)nw - 1, cq_text(x->en, CQ_T_COL_MEAN), x->S.th,
          0);
    for (size_t w = 0; w < nw; w++)
        put_text(x, sh, h2, c_mean + (uint32_t)w, wave_label(x, w), x->S.th);
    for (size_t p = 0; p < np; p++) {
        uint32_t c0 = c_pair + 6 * (uint32_t)p;
        merge(x, sh, h1, c0, h1, c0 + 5,
              cq_textf(buf, sizeof buf, x->en, CQ_T_COL_CHANGE_PAIR, wave_label(x, p),
                       wave_label(x, p + 1)),
              x->S.th, 0);
        put_text(x, sh, h2, c0, cq_text(x->en, CQ_T_COL_DIFF), x->S.th);
        put_text(x, sh, h2, c0 + 1, cq_text(x->en, CQ_T_COL_CI_LOW), x->S.th);
        put_text(x, sh, h2, c0 + 2, cq_text(x->en, CQ_T_COL_CI_HIGH), x->S.th);
        put_text(x, sh, h2, c0 + 3, cq_text(x->en, CQ_T_COL_PADJ), x->S.th);
        put_text(x, sh, h2, c0 + 4, cq_text(x->en, CQ_T_COL_SIZE), x->S.th);
        put_text(x, sh, h2, c0 + 5, cq_text(x->en, CQ_T_COL_ASSESS), x->S.th);
        set_width(x, sh, c0, 11);
        set_width(x, sh, c0 + 1, 8);
        set_width(x, sh, c0 + 2, 8);
        set_width(x, sh, c0 + 3, 10);
        set_width(x, sh, c0 + 4, 15);
        set_width(x, sh, c0 + 5, 22);
    }
    merge(x, sh, h1, c_n, h1, c_n + (uint32_t)nw - 1, cq_text(x->en, CQ_T_COL_N), x->S.th, 0);
    {
        /* with one or two surveys the headers over them must not break mid-word */
        double wm = (longest_word(cq_text(x->en, CQ_T_COL_MEAN)) * 1.08 + 2.0) / (double)nw;
        double wn = (longest_word(cq_text(x->en, CQ_T_COL_N)) * 1.08 + 2.0) / (double)nw;
        for (size_t w = 0; w < nw; w++) {
            put_text(x, sh, h2, c_n + (uint32_t)w, wave_label(x, w), x->S.th);
            set_width(x, sh, c_n + (uint32_t)w, wn > 8 ? wn : 8);
            set_width(x, sh, c_mean + (uint32_t)w, wm > 8 ? wm : 8);
        }
    }
    set_width(x, sh, c_dir, 10);
    sh->freeze_row = (int32_t)h2 + 1;
    sh->freeze_col = 1;
    sh->repeat_first = (int32_t)h1;
    sh->repeat_last = (int32_t)h2;
    sh->fit_height = 1;
    r = h2 + 1;

    for (size_t k = 0; k < x->n_domains; k++) {
        merge_row(x, sh, r, ncols - 1, cq_text_domain(x->en, x->domains[k]), x->S.band, 0);
        r++;
        for (size_t i = 0; i < x->ns; i++) {
            size_t s = x->order[i];
            if (x->domain_of[s] != k)
                continue;
            const cq_scale *sc = &x->ins->scales[s];
            put_text(x, sh, r, c_scale, scale_name(x, s), x->S.text);
            put_text(x, sh, r, c_dir,
                     cq_text(x->en, sc->higher_is_good ? CQ_T_HIGH_GOOD : CQ_T_HIGH_BAD),
                     x->S.dash);
            for (size_t w = 0; w < nw; w++) {
                const cq_summary *sm = sum_at(x, 0, w, 0, s);
                if (sm && sm->suppressed) {
                    put_dash(x, sh, r, c_mean + (uint32_t)w);
                    put_dash(x, sh, r, c_n + (uint32_t)w);
                } else if (sm) {
                    put_num(x, sh, r, c_mean + (uint32_t)w, sm->mean, x->S.num1);
                    put_num(x, sh, r, c_n + (uint32_t)w, (double)sm->n, x->S.integer);
                }
            }
            for (size_t p = 0; p < np; p++) {
                uint32_t c0 = c_pair + 6 * (uint32_t)p;
                const cq_comparison *cm = cmp_at(x, 0, p, 0, s);
                if (!cm)
                    continue;
                if (cm->suppressed) {
                    for (uint32_t j = 0; j < 6; j++)
                        put_dash(x, sh, r, c0 + j);
                    continue;
                }
                int mi = mark_index(cm);
                put_num(x, sh, r, c0, cm->diff, x->S.dmark1[mi]);
                put_num(x, sh, r, c0 + 1, cm->ci_low, x->S.num1);
                put_num(x, sh, r, c0 + 2, cm->ci_high, x->S.num1);
                put_num(x, sh, r, c0 + 3, cm->p_adj, x->S.p);
                if (cm->relevance >= 0)
                    put_text(x, sh, r, c0 + 4, relevance_text(x, cm->relevance), x->S.dash);
                if (isfinite(cm->p_adj))
                    put_text(x, sh, r, c0 + 5, mark_text(x, cm), x->S.mark[mi]);
            }
            r++;
        }
    }
    /* respondents per wave, and the response rate of each wave with a head count */
    put_text(x, sh, r, c_scale, cq_text(x->en, CQ_T_RESPONDENTS_ROW), x->S.text_bold);
    for (size_t w = 0; w < nw; w++) {
        if (x->hidden[0][w])
            put_dash(x, sh, r, c_n + (uint32_t)w);
        else
            put_num(x, sh, r, c_n + (uint32_t)w, (double)x->st->waves[w].n, x->S.integer);
    }
    r++;
    /* one row per survey with a head count, the rate under its own n */
    for (size_t w = 0; w < nw; w++) {
        double head = head_at(x, 0, w, 0);
        if (!isfinite(head) || head <= 0)
            continue;
        put_text(x, sh, r, c_scale,
                 cq_textf(buf, sizeof buf, x->en, CQ_T_RATE_ROW, wave_label(x, w)), x->S.text_bold);
        if (x->hidden[0][w])
            put_dash(x, sh, r, c_n + (uint32_t)w);
        else {
            double rate = fmin(1.0, (double)x->st->waves[w].n / head);
            put_num(x, sh, r, c_n + (uint32_t)w, rate,
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
        note_row(x, sh, r, ncols - 1, cq_text(x->en, (cq_text_id)notes[i]));
        r++;
    }
    cq_textf(buf, sizeof buf, x->en, CQ_T_NOTE_DASH, x->st->settings->min_group);
    note_row(x, sh, r, ncols - 1, buf);
    dash_header(x, sh, buf);
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
        uint32_t c = next_cp(&p);
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
    char *two = (char *)dup(x, name); /* the arena's own copy */
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
                put_text(x, sh, r + 1, c, rotated_label(x, scale_name(x, s), &wd), x->S.th_rot);
                if (wd > longest)
                    longest = wd;
            } else {
                merge(x, sh, r + 1, c, r + 1, c + (uint32_t)per_scale - 1, scale_name(x, s),
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
            if (longest_word(dn) <= big && wrapped_lines(dn, big) <= 2)
                merge(x, sh, r, start, r, c - 1, dn, x->S.th_dom, 0);
            else if (longest_word(dn) <= small && wrapped_lines(dn, small) <= 3)
                merge(x, sh, r, start, r, c - 1, dn, x->S.th_dom_small, 0);
            else
                merge(x, sh, r, start, r, c - 1, "", x->S.th_dom, 0);
        }
    }
    merge(x, sh, r, 0, r + 1, 0, first_col, x->S.th_left, 0);
    if (per_scale == 1) {
        /* rotated names on at most two lines, broken by the model (viewers
         * do not wrap rotated text alike): the row fits the longer line */
        double h = 5.6 * (double)longest + 10.0;
        set_height(x, sh, r + 1, h > 230 ? 230 : h);
    }
    set_height(x, sh, r, 42);
    return r + 2;
}

static void
build_breakdown(ctx *x, size_t b)
{
    const cq_study *st = x->st;
    size_t nw = x->nw, ns = x->ns, ng = x->bg[b].n;
    cq_rsheet *sh = sheet_add(x, sheet_name(x, st->settings->groups[b - 1]));
    if (!sh)
        return;
    char buf[2048];
    /* head count and response rate: two columns, filled in the block of
     * each survey with head counts (the block's band names the survey, as
     * for the answers beside them) */
    int with_pop = 0;
    for (size_t w = 0; w < nw; w++)
        if (has_heads(x, b, w))
            with_pop = 1;
    size_t n_head_waves = 0, head_wave = nw - 1;
    const char *head_list = with_pop ? head_waves(x, b, 1, &n_head_waves) : "";
    for (size_t w = 0; w < nw; w++)
        if (has_heads(x, b, w) || has_heads(x, 0, w))
            head_wave = w;
    const uint32_t c_resp = 1 + (uint32_t)ns, c_head = c_resp + 1, c_rate = c_resp + 2;
    const uint32_t ncols = with_pop ? c_rate + 1 : c_resp + 1;
    uint32_t r = 0;

    merge_row(x, sh, r, ncols - 1,
              cq_textf(buf, sizeof buf, x->en, CQ_T_BREAKDOWN_TITLE, st->settings->groups[b - 1]),
              x->S.title, 0);
    set_height(x, sh, r, 24);
    r++;
    /* how to read the sheet, above the table it explains (print titles
     * repeat only the header, so the notes cost no room on later pages) */
    snprintf(buf, sizeof buf, "%s %s", cq_text(x->en, CQ_T_BREAKDOWN_SUB),
             cq_text(x->en, CQ_T_NOTE_HEATMAP));
    note_row(x, sh, r++, ncols - 1, buf);
    if (nw > 1)
        note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_NOTE_GROUP_CHANGE));
    if (with_pop) {
        char rate[1024];
        if (n_head_waves > 1)
            cq_textf(rate, sizeof rate, x->en, CQ_T_NOTE_RATES, head_list);
        else
            cq_textf(rate, sizeof rate, x->en, CQ_T_NOTE_RATE, wave_label(x, head_wave));
        snprintf(buf, sizeof buf, "%s %s%s%s", cq_text(x->en, CQ_T_NOTE_COUNTS), rate,
                 x->rate_capped ? " " : "",
                 x->rate_capped ? cq_text(x->en, CQ_T_NOTE_RATE_CAP) : "");
        note_row(x, sh, r++, ncols - 1, buf);
    } else {
        note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_NOTE_COUNTS));
    }
    char dash_note[512];
    cq_textf(dash_note, sizeof dash_note, x->en, CQ_T_NOTE_DASH, st->settings->min_group);
    note_row(x, sh, r++, ncols - 1, dash_note);
    uint32_t hr = r;
    r = scale_header(x, sh, r, 1, cq_text(x->en, CQ_T_COL_GROUP), NULL, 1);
    merge(x, sh, hr, c_resp, hr + 1, c_resp, cq_text(x->en, CQ_T_COL_RESPONDENTS), x->S.th, 0);
    if (with_pop && n_head_waves > 1) {
        merge(x, sh, hr, c_head, hr + 1, c_head, cq_text(x->en, CQ_T_COL_HEADCOUNT_ANY), x->S.th,
              0);
        merge(x, sh, hr, c_rate, hr + 1, c_rate, cq_text(x->en, CQ_T_COL_RATE_ANY), x->S.th, 0);
        set_width(x, sh, c_head, 11);
        set_width(x, sh, c_rate, 14);
    } else if (with_pop) {
        merge(x, sh, hr, c_head, hr + 1, c_head,
              cq_textf(buf, sizeof buf, x->en, CQ_T_COL_HEADCOUNT, wave_label(x, head_wave)),
              x->S.th, 0);
        merge(x, sh, hr, c_rate, hr + 1, c_rate,
              cq_textf(buf, sizeof buf, x->en, CQ_T_COL_RATE, wave_label(x, head_wave)), x->S.th,
              0);
        set_width(x, sh, c_head, 11);
        set_width(x, sh, c_rate, 14);
    }
    set_width(x, sh, c_resp, 8);
    for (uint32_t c = 1; c <= ns; c++)
        set_width(x, sh, c, 5.2);
    sh->freeze_row = (int32_t)r;
    sh->freeze_col = 1;
    sh->repeat_first = (int32_t)hr;
    sh->repeat_last = (int32_t)hr + 1;

    /* means per wave */
    for (size_t w = 0; w < nw; w++) {
        uint32_t block = r; /* a survey's block stays on one page when it fits */
        merge_row(x, sh, r, ncols - 1,
                  cq_textf(buf, sizeof buf, x->en, CQ_T_BLOCK_MEANS, wave_label(x, w)), x->S.band,
                  0);
        r++;
        /* the whole sample for reference */
        put_text(x, sh, r, 0, cq_text(x->en, CQ_T_WHOLE_SAMPLE), x->S.text_bold);
        for (size_t i = 0; i < ns; i++) {
            const cq_summary *sm = sum_at(x, 0, w, 0, x->order[i]);
            if (sm && sm->suppressed)
                put_dash(x, sh, r, 1 + (uint32_t)i);
            else if (sm)
                put_num(x, sh, r, 1 + (uint32_t)i, sm->mean, x->S.hm0);
        }
        if (x->hidden[0][w])
            put_dash(x, sh, r, c_resp);
        else
            put_num(x, sh, r, c_resp, (double)x->resp[0][w], x->S.integer);
        double whole = head_at(x, 0, w, 0);
        if (with_pop && isfinite(whole)) {
            if (x->hidden[0][w]) {
                put_dash(x, sh, r, c_head);
                put_dash(x, sh, r, c_rate);
            } else {
                put_num(x, sh, r, c_head, whole, x->S.integer);
                double rate = (double)x->resp[0][w] / whole;
                put_num(x, sh, r, c_rate, rate, rate < LOW_RATE ? x->S.warn_pct1 : x->S.pct1);
            }
        }
        r++;
        uint32_t first = r;
        for (size_t g = 0; g < ng; g++) {
            int any = x->resp[b][w * ng + g] > 0;
            for (size_t s = 0; s < ns && !any; s++)
                any = sum_at(x, b, w, g, s) != NULL;
            double head = head_at(x, b, w, g);
            int listed = isfinite(head);
            if (!any && !listed)
                continue;
            put_text(x, sh, r, 0, group_display(x, x->bg[b].names[g]), x->S.text);
            for (size_t i = 0; i < ns; i++) {
                const cq_summary *sm = sum_at(x, b, w, g, x->order[i]);
                if (sm && sm->suppressed)
                    put_dash(x, sh, r, 1 + (uint32_t)i);
                else if (sm)
                    put_num(x, sh, r, 1 + (uint32_t)i, sm->mean, x->S.hm0);
            }
            int hid = x->hidden[b][w * ng + g];
            if (hid)
                put_dash(x, sh, r, c_resp);
            else
                put_num(x, sh, r, c_resp, (double)x->resp[b][w * ng + g], x->S.integer);
            if (listed) {
                /* a withheld group shows no figure beside its dash, its head
                 * count included: the row holds nothing but "–" */
                if (hid) {
                    put_dash(x, sh, r, c_head);
                    put_dash(x, sh, r, c_rate);
                } else {
                    put_num(x, sh, r, c_head, head, x->S.integer);
                    double rate = fmin(1.0, (double)x->resp[b][w * ng + g] / head);
                    put_num(x, sh, r, c_rate, rate, rate < LOW_RATE ? x->S.warn_pct1 : x->S.pct1);
                }
            }
            r++;
        }
        /* colours per scale: green on the favourable side of the whole sample */
        for (size_t i = 0; i < ns && r > first; i++) {
            size_t s = x->order[i];
            const cq_summary *ref = shown(x, 0, w, 0, s);
            if (!ref)
                continue;
            int good = x->ins->scales[s].higher_is_good;
            add_colorscale(x, sh, first, 1 + (uint32_t)i, r - 1, 1 + (uint32_t)i, ref->mean - 10.0,
                           ref->mean, ref->mean + 10.0, good ? C_HM_BAD : C_HM_GOOD,
                           good ? C_HM_GOOD : C_HM_BAD);
        }
        add_block(x, sh, block, r - 1, -1, -1, 1);
    }

    /* change per group between consecutive waves */
    for (size_t p = 0; p + 1 < nw; p++) {
        uint32_t block = r;
        merge_row(x, sh, r, ncols - 1,
                  cq_textf(buf, sizeof buf, x->en, CQ_T_BLOCK_CHANGE, wave_label(x, p),
                           wave_label(x, p + 1)),
                  x->S.band, 0);
        r++;
        if (st->n_comparison == 0) {
            merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_NO_COMPARISON_ROWS), x->S.note, 0);
            r++;
            continue;
        }
        for (size_t gg = 0; gg <= ng; gg++) {
            size_t bb = gg == 0 ? 0 : b, g = gg == 0 ? 0 : gg - 1;
            int any = 0;
            for (size_t s = 0; s < ns && !any; s++)
                any = cmp_at(x, bb, p, g, s) != NULL;
            if (!any)
                continue;
            put_text(x, sh, r, 0,
                     gg == 0 ? cq_text(x->en, CQ_T_WHOLE_SAMPLE)
                             : group_display(x, x->bg[b].names[g]),
                     gg == 0 ? x->S.text_bold : x->S.text);
            for (size_t i = 0; i < ns; i++) {
                const cq_comparison *cm = cmp_at(x, bb, p, g, x->order[i]);
                if (!cm)
                    continue;
                if (cm->suppressed)
                    put_dash(x, sh, r, 1 + (uint32_t)i);
                else /* shown to one decimal: no "-0.0" (exact values: comparison.csv) */
                    put_num(x, sh, r, 1 + (uint32_t)i, round(cm->diff * 10.0) / 10.0 + 0.0,
                            x->S.dmark0[isfinite(cm->p_adj) ? mark_index(cm) : 2]);
            }
            r++;
        }
        add_block(x, sh, block, r - 1, -1, -1, 1);
    }
    dash_header(x, sh, dash_note);
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
        const cq_summary *sm = sum_at(x, b, w, g, s);
        if (sm && sm->suppressed) {
            for (uint32_t j = 0; j < 3; j++)
                put_dash(x, sh, r, c + j);
        } else if (sm && sm->n > 0) {
            double n = (double)sm->n;
            put_num(x, sh, r, c, (double)sm->n_green / n, x->S.tl[0]);
            put_num(x, sh, r, c + 1, (double)sm->n_yellow / n, x->S.tl[1]);
            put_num(x, sh, r, c + 2, (double)sm->n_red / n, x->S.tl[2]);
        }
        c += 3;
    }
}

static void
build_traffic(ctx *x)
{
    size_t nw = x->nw, ns = x->ns;
    cq_rsheet *sh = sheet_add(x, sheet_name(x, cq_text(x->en, CQ_T_SHEET_TRAFFIC)));
    if (!sh)
        return;
    char buf[4096];
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
            without[n_without++] = scale_name(x, s);
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
    merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_TRAFFIC_TITLE), x->S.title, 0);
    set_height(x, sh, r, 24);
    r++;
    if (n_use == 0) {
        set_width(x, sh, 0, 100);
        put_text(x, sh, r++, 0, cq_text(x->en, CQ_T_TRAFFIC_NONE), x->S.text_wrap);
        put_text(x, sh, r++, 0, cq_text(x->en, CQ_T_TRAFFIC_RULE), x->S.note_wrap);
        free(use);
        free(part_use);
        free(part_of);
        free(without);
        return;
    }
    /* how to read the sheet, above the table */
    note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_TRAFFIC_SUB));
    note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_TRAFFIC_RULE));
    char dash_note[512];
    cq_textf(dash_note, sizeof dash_note, x->en, CQ_T_NOTE_DASH, x->st->settings->min_group);
    note_row(x, sh, r++, ncols - 1, dash_note);
    if (n_without)
        note_row(x, sh, r++, ncols - 1,
                 cq_textf(buf, sizeof buf, x->en, CQ_T_TRAFFIC_WITHOUT,
                          join_list(x, without, n_without)));
    {
        /* the group column fits the longest name shown */
        size_t wmax = cq_utf8_width(cq_text(x->en, CQ_T_WHOLE_SAMPLE));
        for (size_t b = 1; b < x->nb; b++)
            for (size_t g = 0; g < x->bg[b].n; g++) {
                size_t wd = cq_utf8_width(group_display(x, x->bg[b].names[g]));
                if (wd > wmax)
                    wmax = wd;
            }
        set_width(x, sh, 0, wmax + 2.0 < 14.0 ? 14.0 : (wmax + 2.0 > 40.0 ? 40.0 : wmax + 2.0));
    }
    for (uint32_t c = 1; c <= 3 * (uint32_t)widest; c++)
        set_width(x, sh, c, TL_WIDTH);
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
        set_height(x, sh, hr + 1, 44);
        /* the cut-offs and the colour names */
        put_text(x, sh, r, 0, cq_text(x->en, CQ_T_TRAFFIC_CUTOFFS), x->S.note);
        put_text(x, sh, r + 1, 0, "", x->S.th_left);
        uint32_t c = 1;
        for (size_t i = 0; i < ns; i++) {
            size_t s = x->order[i];
            if (!part_use[s])
                continue;
            const cq_scale *sc = &x->ins->scales[s];
            char g[32], rd[32];
            cq_text_number(g, sizeof g, x->en, sc->green, 0, 0);
            cq_text_number(rd, sizeof rd, x->en, sc->red, 0, 0);
            merge(x, sh, r, c, r, c + 2,
                  cq_textf(buf, sizeof buf, x->en,
                           sc->higher_is_good ? CQ_T_CUTOFF_GOOD : CQ_T_CUTOFF_BAD, g, rd),
                  x->S.note, 0);
            put_text(x, sh, r + 1, c, cq_text(x->en, CQ_T_TL_GREEN), x->S.tl_head[0]);
            put_text(x, sh, r + 1, c + 1, cq_text(x->en, CQ_T_TL_YELLOW), x->S.tl_head[1]);
            put_text(x, sh, r + 1, c + 2, cq_text(x->en, CQ_T_TL_RED), x->S.tl_head[2]);
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

        merge_row(x, sh, r, pc, cq_text(x->en, CQ_T_WHOLE_SAMPLE), x->S.band, 0);
        r++;
        for (size_t w = 0; w < nw; w++) {
            put_text(x, sh, r, 0, wave_label(x, w), x->S.text);
            traffic_row(x, sh, r, part_use, 0, w, 0);
            r++;
        }
        for (size_t b = 1; b < x->nb; b++) {
            merge_row(x, sh, r, pc,
                      cq_textf(buf, sizeof buf, x->en, CQ_T_TRAFFIC_BLOCK,
                               x->st->settings->groups[b - 1], wave_label(x, last)),
                      x->S.band, 0);
            r++;
            for (size_t g = 0; g < x->bg[b].n; g++) {
                int any = 0;
                for (size_t s = 0; s < ns && !any; s++)
                    any = sum_at(x, b, last, g, s) != NULL;
                if (!any)
                    continue;
                put_text(x, sh, r, 0, group_display(x, x->bg[b].names[g]), x->S.text);
                traffic_row(x, sh, r, part_use, b, last, g);
                r++;
            }
        }
        /* one part: its header is the sheet's print title; more parts: each
         * part's header is repeated on the pages its body runs over */
        if (n_parts == 1)
            add_block(x, sh, body, r - 1, -1, -1, 0);
        else
            add_block(x, sh, hr, r - 1, (int32_t)hr, (int32_t)body - 1, 1);
    }
    dash_header(x, sh, dash_note);
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
    put_text(x, dsh, r++, 0, title, x->S.text_bold);
    uint32_t first = r;
    /* category rows */
    uint32_t *row_of = calloc(n_bars + 1, sizeof *row_of);
    if (!row_of) {
        x->nomem = 1;
        return;
    }
    for (size_t i = 0; i < n_bars; i++) {
        if (by_wave && (i == 0 || bars[i].scale != bars[i - 1].scale))
            put_text(x, dsh, r++, 0, scale_name(x, bars[i].scale), x->S.text);
        row_of[i] = r;
        put_text(x, dsh, r++, 0,
                 by_wave ? fmt(x, "%s", wave_label(x, bars[i].wave)) : scale_name(x, bars[i].scale),
                 x->S.text);
    }
    uint32_t last = r - 1;
    int seen_wave[64] = {0}, seen_dir[2] = {0, 0};
    for (size_t i = 0; i < n_bars; i++) {
        uint32_t col = 1 + (uint32_t)i;
        put_num(x, dsh, row_of[i], col, bars[i].mean, x->S.num1);
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
            se.name = wave_label(x, w);
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
        series_add(x, ch, &se);
    }
    free(row_of);
    ch->height = 75 + 19 * (last - first + 1);
    if (ch->height < 200)
        ch->height = 200;
    x->data_row = last + 2;
}

static void
build_charts(ctx *x)
{
    size_t nw = x->nw, ns = x->ns;
    cq_rsheet *sh = sheet_add(x, sheet_name(x, cq_text(x->en, CQ_T_SHEET_CHARTS)));
    if (!sh)
        return;
    /* the hidden data sheet; moved to the end of the workbook later */
    x->data = sheet_add(x, x->chart_sheet);
    if (!x->data)
        return;
    x->data->hidden = 1;
    set_width(x, x->data, 0, 36);
    char buf[1024];
    bar *bars = calloc(ns * nw + 1, sizeof *bars);
    if (!bars) {
        x->nomem = 1;
        return;
    }
    uint32_t r = 0;
    merge(x, sh, r, 0, r, 16, cq_text(x->en, CQ_T_CHARTS_TITLE), x->S.title, 0);
    set_height(x, sh, r, 24);
    r++;
    note_row(x, sh, r, 16, cq_text(x->en, CQ_T_CHARTS_SUB));
    r += 2;
    sh->gridlines = 0;

    const double px_per_row = 20.0, page_px = 700.0;
    double page_used = 0;
    uint32_t row_height_max = 0;
    int slot = 0; /* 0 left, 1 right */
    for (size_t k = 0; k <= x->n_domains; k++) {
        int profile = k == x->n_domains;
        size_t n = 0;
        for (size_t i = 0; i < ns; i++) {
            size_t s = x->order[i];
            if (!profile && x->domain_of[s] != k)
                continue;
            for (size_t w = profile ? nw - 1 : 0; w < nw; w++) {
                const cq_summary *sm = shown(x, 0, w, 0, s);
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
        cq_rchart *ch = chart_add(x, sh);
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
        if (profile)
            ch->title =
                dup(x, cq_textf(buf, sizeof buf, x->en, CQ_T_CHART_PROFILE, wave_label(x, nw - 1)));
        else
            ch->title = dup(x, cq_text_domain(x->en, x->domains[k]));
        chart_block(x, ch, bars, n, !profile, ch->title);
        if (profile)
            ch->height += 25; /* its legend */
        ch->width = profile ? 1060 : 520;
        if (profile && slot == 1) { /* the profile takes a row of its own */
            r += row_height_max + 1;
            page_used += (row_height_max + 1) * px_per_row;
            slot = 0;
            row_height_max = 0;
        }
        uint32_t rows = (uint32_t)ceil(ch->height / px_per_row);
        if (slot == 0 && page_used > 0 && page_used + ch->height > page_px) {
            /* a spacer row at the top of the new page: a chart anchored on
             * the break itself gets its top edge printed on the page before */
            add_break(x, sh, r);
            r++;
            page_used = px_per_row;
        }
        ch->row = r;
        ch->col = 0;
        ch->x_offset = slot == 1 ? 540 : 0;
        ch->y_offset = 0;
        if (rows > row_height_max)
            row_height_max = rows;
        if (profile || slot == 1) {
            r += row_height_max + 1;
            page_used += (row_height_max + 1) * px_per_row;
            slot = 0;
            row_height_max = 0;
        } else {
            slot = 1;
        }
    }
    if (slot == 1)
        r += row_height_max + 1;
    note_row(x, sh, r, 16, cq_textf(buf, sizeof buf, x->en, CQ_T_CHARTS_NOTE, x->chart_sheet));
    for (uint32_t c = 0; c <= 16; c++)
        set_width(x, sh, c, 8.43);
    /* charts are anchored to cells: rows of an explicit 15 pt (20 px) make
     * every viewer place and size them alike, whatever its default font */
    for (uint32_t q = 2; q < r; q++)
        set_height(x, sh, q, 15);
    free(bars);
}

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

static void
build_items(ctx *x)
{
    const cq_study *st = x->st;
    const cq_instrument *ins = x->ins;
    size_t nw = x->nw;
    cq_rsheet *sh = sheet_add(x, sheet_name(x, cq_text(x->en, CQ_T_SHEET_ITEMS)));
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
    merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_ITEMS_TITLE), x->S.title, 0);
    set_height(x, sh, r, 24);
    r++;
    note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_ITEMS_SUB));
    /* the notes come first: the options they explain are on every page */
    int any_missing_option = 0;
    for (size_t i = 0; i < ins->n_items; i++) {
        const cq_response_set *set = &ins->sets[ins->items[i].set];
        for (size_t o = 0; o < set->n_options; o++)
            any_missing_option |= set->options[o].missing != 0;
    }
    char dash_note[512];
    cq_textf(dash_note, sizeof dash_note, x->en, CQ_T_ITEMS_NOTE, st->settings->min_group);
    note_row(x, sh, r++, ncols - 1, dash_note);
    if (any_missing_option)
        note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_ITEMS_NOTE_MISSING_OPT));
    set_width(x, sh, c_item, 8);
    set_width(x, sh, c_text, 46);
    set_width(x, sh, c_wave, 9);
    set_width(x, sh, c_n, 9);
    for (uint32_t c = c_opt; c < ncols; c++)
        set_width(x, sh, c, 12);
    sh->freeze_row = (int32_t)r;

    for (size_t k = 0; k < x->ns; k++) {
        size_t s = x->order[k];
        const cq_scale *sc = &ins->scales[s];
        size_t min = (size_t)cq_min_group_for(st, s);
        r++;
        /* a scale's block stays on one page when it fits; split, the part
         * on a new page gets its answer options' header again */
        uint32_t block = r, run = 0;
        merge_row(x, sh, r, ncols - 1, fmt(x, "%s (%s)", scale_name(x, s), sc->id), x->S.band, 0);
        r++;
        size_t prev_set = (size_t)-1;
        for (size_t j = 0; j < sc->n_items; j++) {
            size_t i = sc->items[j];
            const cq_item *it = &ins->items[i];
            const cq_response_set *set = &ins->sets[it->set];
            const uint32_t c_na = c_opt + (uint32_t)set->n_options;
            if (it->set != prev_set) {
                if (prev_set != (size_t)-1)
                    add_block(x, sh, run + 1, r - 1, (int32_t)run, (int32_t)run, 0);
                run = r;
                put_text(x, sh, r, c_item, cq_text(x->en, CQ_T_COL_ITEM), x->S.th_left);
                put_text(x, sh, r, c_text, cq_text(x->en, CQ_T_COL_ITEM_TEXT), x->S.th_left);
                put_text(x, sh, r, c_wave, cq_text(x->en, CQ_T_COL_WAVE), x->S.th);
                put_text(x, sh, r, c_n, cq_text(x->en, CQ_T_COL_RESPONDENTS), x->S.th);
                for (size_t o = 0; o < set->n_options; o++) {
                    const cq_option *op = &set->options[o];
                    const char *lab = option_label(x, op);
                    put_text(x, sh, r, c_opt + (uint32_t)o, op->missing ? fmt(x, "%s *", lab) : lab,
                             x->S.th);
                }
                put_text(x, sh, r, c_na, cq_text(x->en, CQ_T_COL_NO_ANSWER), x->S.th);
                for (uint32_t c = c_na + 1; c < ncols; c++)
                    put_blank(x, sh, r, c, x->S.th);
                r++;
                prev_set = it->set;
            }
            uint32_t first = r;
            for (size_t w = 0; w < nw; w++) {
                const cq_wave *wv = &st->waves[w];
                put_text(x, sh, r, c_wave, wave_label(x, w), x->S.dash);
                if (wv->n < min || wv->n == 0) {
                    put_dash(x, sh, r, c_n);
                    for (size_t o = 0; o < set->n_options; o++)
                        put_dash(x, sh, r, c_opt + (uint32_t)o);
                    put_dash(x, sh, r, c_na);
                    r++;
                    continue;
                }
                const size_t *count = wv->answer_count[i]; /* last: no answer */
                size_t na = count[set->n_options];
                double n = (double)wv->n;
                put_num(x, sh, r, c_n, n, x->S.integer);
                for (size_t o = 0; o < set->n_options; o++)
                    put_num(x, sh, r, c_opt + (uint32_t)o, (double)count[o] / n, x->S.pct0c);
                put_num(x, sh, r, c_na, (double)na / n, x->S.pct0c);
                r++;
            }
            merge(x, sh, first, c_item, r - 1, c_item, it->id, x->S.text_top, 0);
            merge(x, sh, first, c_text, r - 1, c_text, item_text(x, it), x->S.text_wrap, 0);
            /* the merged rows must hold the wrapped text */
            double need = 15.0 * wrapped_lines(item_text(x, it), 46.0 * CHARS_PER_WIDTH) + 3.0;
            if (need > 15.0 * (double)(r - first))
                for (uint32_t q = first; q < r; q++)
                    set_height(x, sh, q, need / (double)(r - first));
            add_block(x, sh, first, r - 1, -1, -1, 1); /* an item's surveys together */
        }
        if (prev_set != (size_t)-1)
            add_block(x, sh, run + 1, r - 1, (int32_t)run, (int32_t)run, 0);
        add_block(x, sh, block, r - 1, -1, -1, 1);
    }
    dash_header(x, sh, dash_note);
}

/* ------------------------------------------------------------------ */
/* reliability                                                          */

static void
build_reliability(ctx *x)
{
    const cq_instrument *ins = x->ins;
    size_t nw = x->nw, ns = x->ns;
    cq_rsheet *sh = sheet_add(x, sheet_name(x, cq_text(x->en, CQ_T_SHEET_RELIABILITY)));
    if (!sh)
        return;
    char buf[1024];
    const uint32_t c_scale = 0, c_code = 1, c_k = 2, c_w = 3;
    const uint32_t ncols = c_w + 2 * (uint32_t)nw;
    uint32_t r = 0;
    merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_REL_TITLE), x->S.title, 0);
    set_height(x, sh, r, 24);
    r++;
    note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_REL_SUB));
    const char *dash_note =
        dup(x, cq_textf(buf, sizeof buf, x->en, CQ_T_REL_NOTE, x->st->settings->min_group));
    note_row(x, sh, r++, ncols - 1, dash_note);
    uint32_t h1 = r, h2 = r + 1;
    merge(x, sh, h1, c_scale, h2, c_scale, cq_text(x->en, CQ_T_COL_SCALE), x->S.th_left, 0);
    merge(x, sh, h1, c_code, h2, c_code, cq_text(x->en, CQ_T_COL_CODE), x->S.th, 0);
    merge(x, sh, h1, c_k, h2, c_k, cq_text(x->en, CQ_T_COL_ITEMS_K), x->S.th, 0);
    for (size_t w = 0; w < nw; w++) {
        uint32_t c = c_w + 2 * (uint32_t)w;
        merge(x, sh, h1, c, h1, c + 1, wave_label(x, w), x->S.th, 0);
        put_text(x, sh, h2, c, cq_text(x->en, CQ_T_COL_ALPHA), x->S.th);
        put_text(x, sh, h2, c + 1, cq_text(x->en, CQ_T_COL_N_COMPLETE), x->S.th);
        set_width(x, sh, c, 9);
        set_width(x, sh, c + 1, 11);
    }
    set_width(x, sh, c_k, 8);
    r = h2 + 1;
    sh->freeze_row = (int32_t)r;
    if (x->st->n_reliability == 0) {
        merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_REL_NONE), x->S.note, 0);
        r++;
    }
    uint32_t body = r;
    for (size_t k = 0; k < x->n_domains && x->st->n_reliability; k++) {
        merge_row(x, sh, r, ncols - 1, cq_text_domain(x->en, x->domains[k]), x->S.band, 0);
        r++;
        for (size_t i = 0; i < ns; i++) {
            size_t s = x->order[i];
            if (x->domain_of[s] != k)
                continue;
            const cq_scale *sc = &ins->scales[s];
            put_text(x, sh, r, c_scale, scale_name(x, s), x->S.text);
            put_text(x, sh, r, c_code, sc->id, x->S.dash);
            put_num(x, sh, r, c_k, (double)sc->n_items, x->S.hm0);
            for (size_t w = 0; w < nw; w++) {
                uint32_t c = c_w + 2 * (uint32_t)w;
                const cq_reliability *rl = x->rel[w * ns + s];
                if (sc->n_items < 2) {
                    merge(x, sh, r, c, r, c + 1, cq_text(x->en, CQ_T_SINGLE_ITEM), x->S.dash, 0);
                    continue;
                }
                if (!rl)
                    continue;
                if (isfinite(rl->alpha))
                    put_num(x, sh, r, c, rl->alpha,
                            rl->alpha < LOW_ALPHA ? x->S.warn_num2 : x->S.num2);
                else
                    put_dash(x, sh, r, c);
                put_num(x, sh, r, c + 1, (double)rl->n_complete, x->S.integer);
            }
            r++;
        }
    }
    if (r > body)
        add_block(x, sh, body, r - 1, (int32_t)h1, (int32_t)h2, 0);
    r++;

    /* item level: its heading stays with its header and first scale */
    uint32_t head = r;
    merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_REL_ITEMS_HEAD), x->S.h2, 0);
    r++;
    if (x->st->n_reliability_items)
        note_row(x, sh, r++, ncols - 1, cq_text(x->en, CQ_T_REL_ITEMS_NOTE));
    if (x->st->n_reliability_items == 0) {
        merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_REL_ITEMS_NONE), x->S.note, 0);
        dash_header(x, sh, dash_note);
        return;
    }
    h1 = r;
    h2 = r + 1;
    merge(x, sh, h1, c_scale, h2, c_scale, cq_text(x->en, CQ_T_COL_SCALE), x->S.th_left, 0);
    merge(x, sh, h1, c_code, h2, c_code, cq_text(x->en, CQ_T_COL_ITEM), x->S.th, 0);
    merge(x, sh, h1, c_k, h2, c_k, "", x->S.th, 0);
    for (size_t w = 0; w < nw; w++) {
        uint32_t c = c_w + 2 * (uint32_t)w;
        merge(x, sh, h1, c, h1, c + 1, wave_label(x, w), x->S.th, 0);
        put_text(x, sh, h2, c, cq_text(x->en, CQ_T_COL_ITEM_REST), x->S.th);
        put_text(x, sh, h2, c + 1, cq_text(x->en, CQ_T_COL_ALPHA_DROP), x->S.th);
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
                put_text(x, sh, r, c_scale, scale_name(x, s), x->S.text);
            put_text(x, sh, r, c_code, ins->items[it].id, x->S.dash);
            for (size_t w = 0; w < nw; w++) {
                uint32_t c = c_w + 2 * (uint32_t)w;
                const cq_reliability_item *ri = x->rel_item[w * ins->n_items + it];
                if (!ri)
                    continue;
                if (isfinite(ri->item_rest_r))
                    put_num(x, sh, r, c, ri->item_rest_r, x->S.num2);
                else
                    put_dash(x, sh, r, c);
                const cq_reliability *rl = x->rel[w * ns + s];
                /* an alpha that rises when the item goes: the item fits the scale badly */
                int rises = rl && isfinite(rl->alpha) && isfinite(ri->alpha_if_deleted) &&
                            ri->alpha_if_deleted > rl->alpha;
                if (isfinite(ri->alpha_if_deleted))
                    put_num(x, sh, r, c + 1, ri->alpha_if_deleted,
                            rises ? x->S.warn_num2 : x->S.num2);
                else if (sc->n_items > 2) /* two items: one left has no alpha */
                    put_dash(x, sh, r, c + 1);
            }
            r++;
        }
        add_block(x, sh, first_scale ? head : scale_first, r - 1, -1, -1, 1);
        first_scale = 0;
    }
    if (r > body)
        add_block(x, sh, body, r - 1, (int32_t)h1, (int32_t)h2, 0);
    dash_header(x, sh, dash_note);
}

/* ------------------------------------------------------------------ */
/* data quality                                                         */

static const char *
base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
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
    size_t len = (size_t)(b - a - 1);
    for (size_t w = 0; w < x->nw; w++) {
        const cq_wave *wv = &x->st->waves[w];
        for (size_t r = 0; r < wv->n; r++)
            if (strlen(wv->ids[r]) == len && memcmp(wv->ids[r], a + 1, len) == 0)
                return cq_text(x->en, CQ_T_DETAIL_WITHHELD);
    }
    return q->detail;
}

/* The detail in the report's language where its form is known (ingest's
 * "'TOKEN' is not an answer option of SET: ..."), else as written. */
static const char *
detail_text(const ctx *x, const cq_quality *q, char *buf, size_t cap)
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
        char token[256], sid[128];
        snprintf(token, sizeof token, "%.*s", (int)(m - d - 1), d + 1);
        snprintf(sid, sizeof sid, "%.*s", (int)set_len, set);
        return cq_textf(buf, cap, x->en, CQ_T_DETAIL_INVALID, token, sid);
    }
    return d;
}

static void
build_quality(ctx *x)
{
    const cq_study *st = x->st;
    const cq_instrument *ins = x->ins;
    size_t nw = x->nw;
    cq_rsheet *sh = sheet_add(x, sheet_name(x, cq_text(x->en, CQ_T_SHEET_QUALITY)));
    if (!sh)
        return;
    char buf[1024];
    uint32_t r = 0;
    const uint32_t ncols = 10;
    merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_QUALITY_TITLE), x->S.title, 0);
    set_height(x, sh, r, 24);
    r += 2;

    /* per wave */
    static const cq_text_id heads[] = {CQ_T_COL_WAVE,     CQ_T_COL_FILE,       CQ_T_COL_RECORDS,
                                       CQ_T_COL_ACCEPTED, CQ_T_COL_REJ_DUP,    CQ_T_COL_REJ_OTHER,
                                       CQ_T_COL_EMPTY,    CQ_T_COL_BAD_VALUES, CQ_T_COL_ENCODING,
                                       CQ_T_COL_FORMAT};
    for (uint32_t c = 0; c < ncols; c++)
        put_text(x, sh, r, c, cq_text(x->en, heads[c]), c < 2 ? x->S.th_left : x->S.th);
    set_height(x, sh, r, 45);
    for (uint32_t c = 2; c < 8; c++)
        set_width(x, sh, c, 11);
    r++;
    for (size_t w = 0; w < nw; w++) {
        const cq_wave *wv = &st->waves[w];
        put_text(x, sh, r, 0, wave_label(x, w), x->S.text);
        put_text(x, sh, r, 1, base_name(wv->path), x->S.text);
        put_num(x, sh, r, 2, (double)wv->records, x->S.integer);
        put_num(x, sh, r, 3, (double)wv->n, x->S.integer);
        put_num(x, sh, r, 4, (double)wv->rejected_duplicate, x->S.integer);
        put_num(x, sh, r, 5, (double)wv->rejected_other, x->S.integer);
        put_num(x, sh, r, 6, (double)wv->empty_records, x->S.integer);
        put_num(x, sh, r, 7, (double)wv->bad_values, x->S.integer);
        put_text(x, sh, r, 8,
                 wv->cp1252_fields
                     ? cq_textf(buf, sizeof buf, x->en, CQ_T_ENC_CP1252, wv->cp1252_fields)
                     : (wv->bom ? "UTF-8 (BOM)" : "UTF-8"),
                 x->S.dash);
        put_text(
            x, sh, r, 9,
            fmt(x, "%s%s",
                cq_text(x->en, wv->delimiter == '\t' ? CQ_T_DELIM_TAB
                                                     : (wv->delimiter == ';' ? CQ_T_DELIM_SEMICOLON
                                                                             : CQ_T_DELIM_COMMA)),
                wv->gzip ? ", gzip" : ""),
            x->S.dash);
        r++;
    }
    note_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_QUALITY_WAVE_NOTE));
    r += 2;

    /* missing answers per item */
    uint32_t head = r;
    merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_QUALITY_MISSING_HEAD), x->S.h2, 0);
    r++;
    uint32_t h = r;
    put_text(x, sh, r, 0, cq_text(x->en, CQ_T_COL_ITEM), x->S.th_left);
    put_text(x, sh, r, 1, cq_text(x->en, CQ_T_COL_SCALE), x->S.th_left);
    for (size_t w = 0; w < nw; w++) {
        put_text(x, sh, r, 2 + 2 * (uint32_t)w,
                 cq_textf(buf, sizeof buf, x->en, CQ_T_COL_MISSING_N, wave_label(x, w)), x->S.th);
        put_text(x, sh, r, 3 + 2 * (uint32_t)w,
                 cq_textf(buf, sizeof buf, x->en, CQ_T_COL_MISSING_PCT, wave_label(x, w)), x->S.th);
    }
    set_height(x, sh, r, 32);
    r++;
    uint32_t body = r;
    for (size_t k = 0; k < x->ns; k++) {
        size_t s = x->order[k];
        const cq_scale *sc = &ins->scales[s];
        for (size_t j = 0; j < sc->n_items; j++) {
            size_t i = sc->items[j];
            put_text(x, sh, r, 0, ins->items[i].id, x->S.text);
            put_text(x, sh, r, 1, scale_name(x, s), x->S.text);
            for (size_t w = 0; w < nw; w++) {
                const cq_wave *wv = &st->waves[w];
                size_t m = wv->missing_per_item ? wv->missing_per_item[i] : 0;
                put_num(x, sh, r, 2 + 2 * (uint32_t)w, (double)m, x->S.integer);
                if (wv->n)
                    put_num(x, sh, r, 3 + 2 * (uint32_t)w, (double)m / (double)wv->n, x->S.pct1);
            }
            r++;
        }
    }
    if (r > body) {
        /* the heading stays with the header and the first rows */
        add_block(x, sh, head, body + (r - body < 3 ? r - body : 3) - 1, -1, -1, 1);
        add_block(x, sh, body, r - 1, (int32_t)h, (int32_t)h, 0);
    }
    r++;

    /* the first rows of quality.csv */
    head = r;
    merge_row(x, sh, r, ncols - 1,
              cq_textf(buf, sizeof buf, x->en, CQ_T_QUALITY_ROWS_HEAD,
                       st->n_quality < N_QUALITY_ROWS ? st->n_quality : (size_t)N_QUALITY_ROWS,
                       st->n_quality),
              x->S.h2, 0);
    r++;
    if (st->n_quality == 0) {
        merge_row(x, sh, r, ncols - 1, cq_text(x->en, CQ_T_QUALITY_NONE), x->S.note, 0);
        return;
    }
    h = r;
    static const cq_text_id qheads[] = {CQ_T_COL_WAVE, CQ_T_COL_FILE, CQ_T_COL_LINE,
                                        CQ_T_COL_COLUMN, CQ_T_COL_ISSUE};
    for (uint32_t c = 0; c < 5; c++)
        put_text(x, sh, r, c, cq_text(x->en, qheads[c]), c == 2 || c == 3 ? x->S.th : x->S.th_left);
    merge(x, sh, r, 5, r, ncols - 1, cq_text(x->en, CQ_T_COL_DETAIL), x->S.th_left, 0);
    r++;
    body = r;
    for (size_t i = 0; i < st->n_quality && i < N_QUALITY_ROWS; i++) {
        const cq_quality *q = &st->quality[i];
        put_text(x, sh, r, 0, q->wave < nw ? wave_label(x, q->wave) : "", x->S.text);
        put_text(x, sh, r, 1, base_name(q->file), x->S.text);
        put_num(x, sh, r, 2, (double)q->line, x->S.int_c);
        put_text(x, sh, r, 3, q->column, x->S.text_c);
        put_text(x, sh, r, 4, cq_text_issue(x->en, q->issue), x->S.text);
        merge(x, sh, r, 5, r, ncols - 1, detail_text(x, q, buf, sizeof buf), x->S.text, 0);
        r++;
    }
    add_block(x, sh, head, body + (r - body < 3 ? r - body : 3) - 1, -1, -1, 1);
    add_block(x, sh, body, r - 1, (int32_t)h, (int32_t)h, 0);
}

/* ------------------------------------------------------------------ */
/* method                                                               */

static void
method_row(ctx *x, cq_rsheet *sh, uint32_t *r, cq_text_id head, const char *text)
{
    put_text(x, sh, *r, 0, cq_text(x->en, head), x->S.key);
    put_text(x, sh, *r, 1, text, x->S.text_wrap);
    (*r)++;
}

static void
build_method(ctx *x)
{
    const cq_study *st = x->st;
    const cq_settings *set = st->settings;
    const cq_instrument *ins = x->ins;
    cq_rsheet *sh = sheet_add(x, sheet_name(x, cq_text(x->en, CQ_T_SHEET_METHOD)));
    if (!sh)
        return;
    sh->fit_height = 0;
    char buf[4096], b2[2048];
    uint32_t r = 0;
    merge_row(x, sh, r, 1, cq_text(x->en, CQ_T_METHOD_TITLE), x->S.title, 0);
    set_height(x, sh, r, 24);
    r += 2;
    set_width(x, sh, 0, 24);
    set_width(x, sh, 1, 110);
    size_t n_cut = 0;
    for (size_t s = 0; s < ins->n_scales; s++)
        n_cut += ins->scales[s].has_cutoffs != 0;

    method_row(x, sh, &r, CQ_T_M_READ_H, cq_text(x->en, CQ_T_M_READ));
    method_row(x, sh, &r, CQ_T_M_ABOUT_H,
               cq_textf(buf, sizeof buf, x->en, CQ_T_M_ABOUT, CQ_VERSION, ins->name, ins->n_items,
                        ins->n_scales));
    method_row(x, sh, &r, CQ_T_M_SCORING_H, cq_text(x->en, CQ_T_M_SCORING));
    method_row(x, sh, &r, CQ_T_M_HALF_H, cq_text(x->en, CQ_T_M_HALF));
    method_row(x, sh, &r, CQ_T_M_STATS_H, cq_text(x->en, CQ_T_M_STATS));
    method_row(x, sh, &r, CQ_T_M_TESTS_H, cq_text(x->en, CQ_T_M_TESTS));
    method_row(x, sh, &r, CQ_T_M_BH_H, cq_text(x->en, CQ_T_M_BH));
    method_row(x, sh, &r, CQ_T_M_RELEVANCE_H, cq_text(x->en, CQ_T_M_RELEVANCE));
    method_row(x, sh, &r, CQ_T_M_UNFAV_H, cq_text(x->en, CQ_T_M_UNFAV));
    method_row(x, sh, &r, CQ_T_M_SUPPRESS_H,
               cq_textf(buf, sizeof buf, x->en, CQ_T_M_SUPPRESS, set->min_group,
                        set->min_group_sensitive, set->min_group));
    {
        const size_t *h = st->hidden_count;
        method_row(x, sh, &r, CQ_T_M_AUDIT_H,
                   cq_textf(buf, sizeof buf, x->en, CQ_T_M_AUDIT, st->audit_cells, set->min_group,
                            h[CQ_HID_PRIMARY] + h[CQ_HID_SENSITIVE] + h[CQ_HID_PAIRS],
                            h[CQ_HID_SECONDARY] + h[CQ_HID_NESTED] + h[CQ_HID_REMAINDER] +
                                h[CQ_HID_LINEAR],
                            h[CQ_HID_LINEAR], h[CQ_HID_SUMMARY]));
    }
    method_row(x, sh, &r, CQ_T_M_COLOURS_H, cq_text(x->en, CQ_T_M_COLOURS));
    cq_textf(b2, sizeof b2, x->en, CQ_T_M_TRAFFIC_N, n_cut, ins->n_scales);
    snprintf(buf, sizeof buf, "%s %s", cq_text(x->en, CQ_T_M_TRAFFIC), b2);
    method_row(x, sh, &r, CQ_T_M_TRAFFIC_H, buf);
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
            any = has_heads(x, b, w);
        if (any)
            items[n_hw++] = wave_label(x, w);
    }
    const char *hw = n_hw ? join_list(x, items, n_hw) : "";
    free(items);
    if (set->population_path && n_hw)
        method_row(x, sh, &r, CQ_T_M_RATE_H,
                   cq_textf(buf, sizeof buf, x->en, CQ_T_M_RATE_WAVES,
                            base_name(set->population_path), wave_label(x, x->nw - 1), hw));
    else if (set->population_path)
        method_row(x, sh, &r, CQ_T_M_RATE_H,
                   cq_textf(buf, sizeof buf, x->en, CQ_T_M_RATE, base_name(set->population_path),
                            wave_label(x, x->nw - 1)));
    else
        method_row(x, sh, &r, CQ_T_M_RATE_H, cq_text(x->en, CQ_T_M_RATE_NONE));
    method_row(x, sh, &r, CQ_T_M_RELIABILITY_H,
               cq_textf(buf, sizeof buf, x->en, CQ_T_M_RELIABILITY, set->min_group));
    method_row(x, sh, &r, CQ_T_M_FILES_H, cq_text(x->en, CQ_T_M_FILES));
}

/* ------------------------------------------------------------------ */
/* provenance                                                           */

static void
kv(ctx *x, cq_rsheet *sh, uint32_t *r, const char *k, const char *v)
{
    put_text(x, sh, *r, 0, k, x->S.key);
    put_text(x, sh, *r, 1, v, x->S.text);
    (*r)++;
}

static void
file_row(ctx *x, cq_rsheet *sh, uint32_t *r, const char *role, const char *path, double bytes,
         double rows, const char *sha)
{
    put_text(x, sh, *r, 0, role, x->S.text);
    put_text(x, sh, *r, 1, path, x->S.text);
    put_num(x, sh, *r, 2, bytes, x->S.integer);
    put_num(x, sh, *r, 3, rows, x->S.integer);
    put_text(x, sh, *r, 4, sha, x->S.sha);
    (*r)++;
}

static void
build_provenance(ctx *x)
{
    const cq_study *st = x->st;
    const cq_settings *set = st->settings;
    const cq_instrument *ins = x->ins;
    cq_rsheet *sh = sheet_add(x, sheet_name(x, cq_text(x->en, CQ_T_SHEET_PROVENANCE)));
    if (!sh)
        return;
    char buf[4096];
    uint32_t r = 0;
    merge_row(x, sh, r, 4, cq_text(x->en, CQ_T_PROV_TITLE), x->S.title, 0);
    set_height(x, sh, r, 24);
    r += 2;

    kv(x, sh, &r, cq_text(x->en, CQ_T_PROV_PROGRAM), "copsoq " CQ_VERSION);
    {
        time_t t = (time_t)st->created;
        struct tm tm;
        char when[64] = "";
        if (gmtime_r(&t, &tm))
            strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
        kv(x, sh, &r, cq_text(x->en, CQ_T_PROV_CREATED),
           fmt(x, "%s (%s)", when,
               cq_text(x->en, st->created_from_sde ? CQ_T_PROV_FROM_SDE : CQ_T_PROV_FROM_CLOCK)));
    }
    kv(x, sh, &r, cq_text(x->en, CQ_T_PROV_LIBRARIES),
       fmt(x, "libxlsxwriter %s", cq_render_xlsx_version()));
    r++;
    merge(x, sh, r, 0, r, 4, cq_text(x->en, CQ_T_PROV_SETTINGS), x->S.h2, 0);
    r++;
    if (set->study_path)
        kv(x, sh, &r, cq_text(x->en, CQ_T_PROV_STUDY_FILE), set->study_path);
    kv(x, sh, &r, "--instrument", set->instrument_dir ? set->instrument_dir : "");
    for (size_t w = 0; w < set->n_waves; w++)
        kv(x, sh, &r, "--wave", fmt(x, "%s=%s", set->waves[w].label, set->waves[w].path));
    kv(x, sh, &r, "--id", set->id_column ? set->id_column : "id");
    for (size_t g = 0; g < set->n_groups; g++)
        kv(x, sh, &r, "--group", set->groups[g]);
    kv(x, sh, &r, "--min-group", fmt(x, "%d", set->min_group));
    kv(x, sh, &r, "--min-group-sensitive", fmt(x, "%d", set->min_group_sensitive));
    kv(x, sh, &r, "--lang", set->lang_en ? "en" : "sv");
    kv(x, sh, &r, "--population", set->population_path ? set->population_path : "");
    kv(x, sh, &r, "--out", cq_text(x->en, CQ_T_PROV_OUT_NOT_RECORDED));
    r++;

    merge(x, sh, r, 0, r, 4, cq_text(x->en, CQ_T_PROV_FILES), x->S.h2, 0);
    r++;
    static const cq_text_id heads[] = {CQ_T_COL_ROLE, CQ_T_COL_FILE, CQ_T_COL_BYTES, CQ_T_COL_ROWS,
                                       CQ_T_COL_SHA};
    for (uint32_t c = 0; c < 5; c++)
        put_text(x, sh, r, c, cq_text(x->en, heads[c]), c < 2 || c == 4 ? x->S.th_left : x->S.th);
    r++;
    for (size_t w = 0; w < x->nw; w++) {
        const cq_wave *wv = &st->waves[w];
        file_row(x, sh, &r, cq_textf(buf, sizeof buf, x->en, CQ_T_ROLE_WAVE, wv->label), wv->path,
                 (double)wv->bytes, (double)wv->records, wv->sha256);
    }
    size_t n_opts = 0;
    for (size_t i = 0; i < ins->n_sets; i++)
        n_opts += ins->sets[i].n_options;
    const double rows[3] = {(double)ins->n_items, (double)n_opts, (double)ins->n_scales};
    for (int i = 0; i < 3; i++) {
        const char *path = fmt(x, "%s/%s", ins->dir, cq_instrument_files[i]);
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
    note_row(x, sh, r, 4, cq_text(x->en, CQ_T_PROV_NOTE));
    set_width(x, sh, 0, 26);
    set_width(x, sh, 4, 62);
}

/* ------------------------------------------------------------------ */
/* widths and heights                                                   */

static double
font_scale(const cq_rstyle *s)
{
    return (s->size ? s->size : 11) / 11.0 * (s->bold ? 1.05 : 1.0);
}

/* Characters a number takes in its format. */
static size_t
number_width(double v, const char *f)
{
    int decimals = 0, pct = 0, sign = 0, group = 0;
    if (f) {
        const char *dot = strchr(f, '.');
        if (dot)
            for (const char *p = dot + 1; *p == '0'; p++)
                decimals++;
        pct = strchr(f, '%') != NULL;
        sign = f[0] == '+';
        group = strstr(f, "#,##") != NULL;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", f ? decimals : 6, pct ? v * 100.0 : v);
    size_t n = strlen(buf) + (size_t)pct + (size_t)(sign && v >= 0);
    if (group && fabs(v) >= 1000)
        n += (size_t)(log10(fabs(v)) / 3);
    return n;
}

static double
col_width(const cq_rsheet *sh, uint32_t c)
{
    return c < sh->n_cols && sh->widths[c] > 0 ? sh->widths[c] : 8.43;
}

static double
row_height(const cq_rsheet *sh, uint32_t r)
{
    return r < sh->n_rows && sh->heights[r] > 0 ? sh->heights[r] : 15.0;
}

static double
rows_height(const cq_rsheet *sh, uint32_t first, uint32_t last)
{
    double h = 0;
    for (uint32_t r = first; r <= last; r++)
        h += row_height(sh, r);
    return h;
}

/* Whether a cell or merge other than a stretched one's own lies in rows
 * r1..r2 of column c. */
static int
occupied(const cq_rsheet *sh, uint32_t r1, uint32_t r2, uint32_t c)
{
    for (size_t i = 0; i < sh->n_cells; i++)
        if (sh->cells[i].col == c && sh->cells[i].row >= r1 && sh->cells[i].row <= r2)
            return 1;
    for (size_t i = 0; i < sh->n_merges; i++) {
        const cq_rmerge *m = &sh->merges[i];
        if (m->c1 <= c && c <= m->c2 && m->r1 <= r2 && r1 <= m->r2)
            return 1;
    }
    return 0;
}

static void
shift_row(uint32_t *r, uint32_t at, uint32_t n)
{
    if (*r >= at)
        *r += n;
}

static void
shift_row32(int32_t *r, uint32_t at, uint32_t n)
{
    if (*r >= 0 && (uint32_t)*r >= at)
        *r += (int32_t)n;
}

/* Inserts n rows before row `at` and fills them with a copy of rows
 * from..from+n-1 (above `at`): a table header repeated on a new page. */
static int
insert_copy(cq_rsheet *sh, uint32_t at, uint32_t from, uint32_t n)
{
    size_t nc = sh->n_cells, nm = sh->n_merges;
    double *h = realloc(sh->heights, (sh->n_rows + n) * sizeof *h);
    if (!h)
        return -1;
    sh->heights = h;
    if (at < sh->n_rows)
        memmove(h + at + n, h + at, (sh->n_rows - at) * sizeof *h);
    sh->n_rows += n;
    for (uint32_t k = 0; k < n; k++)
        h[at + k] = h[from + k];
    for (size_t i = 0; i < nc; i++)
        shift_row(&sh->cells[i].row, at, n);
    for (size_t i = 0; i < nm; i++) {
        cq_rmerge *m = &sh->merges[i];
        if (m->r1 >= at)
            m->r1 += n;
        shift_row(&m->r2, at, n);
    }
    for (size_t i = 0; i < sh->n_scales; i++) {
        cq_rcolorscale *s = &sh->scales[i];
        if (s->r1 >= at)
            s->r1 += n;
        shift_row(&s->r2, at, n);
    }
    for (size_t i = 0; i < sh->n_breaks; i++)
        shift_row(&sh->breaks[i], at, n);
    for (size_t i = 0; i < sh->n_blocks; i++) {
        cq_rblock *b = &sh->blocks[i];
        if (b->first >= at)
            b->first += n;
        shift_row(&b->last, at, n);
        shift_row32(&b->head_first, at, n);
        shift_row32(&b->head_last, at, n);
    }
    for (size_t i = 0; i < sh->n_charts; i++)
        shift_row(&sh->charts[i]->row, at, n);
    shift_row32(&sh->freeze_row, at, n);
    shift_row32(&sh->repeat_first, at, n);
    shift_row32(&sh->repeat_last, at, n);
    /* the copy: cells and merges wholly inside the copied rows */
    size_t add_c = 0, add_m = 0;
    for (size_t i = 0; i < nc; i++)
        add_c += sh->cells[i].row >= from && sh->cells[i].row < from + n;
    for (size_t i = 0; i < nm; i++)
        add_m += sh->merges[i].r1 >= from && sh->merges[i].r2 < from + n;
    if (grow((void **)&sh->cells, &sh->cap_cells, nc + add_c, sizeof *sh->cells) != 0 ||
        grow((void **)&sh->merges, &sh->cap_merges, nm + add_m, sizeof *sh->merges) != 0)
        return -1;
    for (size_t i = 0; i < nc; i++)
        if (sh->cells[i].row >= from && sh->cells[i].row < from + n) {
            cq_rcell c = sh->cells[i];
            c.row = at + (c.row - from);
            sh->cells[sh->n_cells++] = c;
        }
    for (size_t i = 0; i < nm; i++)
        if (sh->merges[i].r1 >= from && sh->merges[i].r2 < from + n) {
            cq_rmerge m = sh->merges[i];
            m.r1 = at + (m.r1 - from);
            m.r2 = at + (m.r2 - from);
            sh->merges[sh->n_merges++] = m;
        }
    return 0;
}

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Page breaks from the builder's hints (cq_rblock): a block that fits on
 * a page is not split, and a table split over pages gets its header again
 * at the top of each further page.  The page is estimated the way Excel
 * prints it - A4 with the margins of render_xlsx.c, fitted to the width in
 * whole percent - and filled only to 97 %, so that a viewer whose rows come
 * out a little taller does not break the page first. */
static int
paginate(cq_rsheet *sh)
{
    if (sh->n_blocks == 0 || sh->fit_height)
        return 0;
    double page_w = 842.0 - 72.0, page_h = 595.0 - 86.4;
    if (!sh->landscape) {
        page_w = 595.0 - 72.0;
        page_h = 842.0 - 86.4;
    }
    uint32_t last_col = sh->n_cols ? (uint32_t)sh->n_cols - 1 : 0;
    for (size_t i = 0; i < sh->n_merges; i++)
        if (sh->merges[i].c2 > last_col)
            last_col = sh->merges[i].c2;
    double px = 0;
    for (uint32_t c = 0; c <= last_col; c++)
        px += floor(col_width(sh, c) * 7.0 + 5.0);
    double scale = 1.0;
    if (sh->fit_width && px > 0)
        scale = floor(100.0 * page_w / (px * 0.75)) / 100.0;
    else if (sh->print_scale > 0)
        scale = sh->print_scale / 100.0;
    if (scale > 1.0)
        scale = 1.0;
    if (scale < 0.1)
        scale = 0.1;
    double cap = 0.97 * page_h / scale;
    double titles = 0;
    if (sh->repeat_first >= 0 && sh->repeat_last >= sh->repeat_first)
        titles = rows_height(sh, (uint32_t)sh->repeat_first, (uint32_t)sh->repeat_last);

    double used = 0, start = 0;
    uint32_t page_first = 0;
    for (uint32_t r = 0; r < sh->n_rows; r++) {
        int brk = 0;
        for (size_t i = 0; i < sh->n_breaks; i++)
            if (sh->breaks[i] == r)
                brk = 1;
        /* the print titles stand at the top of every page after their own */
        double top = sh->repeat_last >= 0 && r > (uint32_t)sh->repeat_last ? titles : 0;
        if (sh->repeat_last >= 0 && r == (uint32_t)sh->repeat_last + 1)
            start = used; /* what stands above the print titles is no content */
        if (brk) {
            used = start = top;
            page_first = r;
        } else if (used > start) {
            /* a block that starts here and fits on a fresh page is not split,
             * unless that would leave this page all but empty (titles only) */
            for (size_t i = 0; i < sh->n_blocks && !brk && used - start > 0.15 * cap; i++) {
                const cq_rblock *b = &sh->blocks[i];
                if (!b->keep || b->first != r)
                    continue;
                double bh = rows_height(sh, b->first, b->last);
                if (used + bh > cap && top + bh <= cap)
                    brk = 1;
            }
            if (used + row_height(sh, r) > cap)
                brk = 1;
            if (brk) {
                uint32_t at = r;
                int head_moves = 0;
                /* a header directly above its table's first row goes along */
                for (size_t i = 0; i < sh->n_blocks; i++) {
                    const cq_rblock *b = &sh->blocks[i];
                    if (b->head_first >= 0 && b->first == r && (uint32_t)b->head_last + 1 == r &&
                        (uint32_t)b->head_first > page_first) {
                        at = (uint32_t)b->head_first;
                        head_moves = 1;
                    }
                }
                /* no widows: a block split here takes at least 3 rows along */
                const cq_rblock *in = NULL;
                for (size_t i = 0; i < sh->n_blocks && !head_moves; i++) {
                    const cq_rblock *b = &sh->blocks[i];
                    if (b->first < r && r <= b->last && (!in || b->first > in->first))
                        in = b;
                }
                if (in && in->last - r + 1 < 3) {
                    uint32_t back = 3 - (in->last - r + 1);
                    if (r - back > in->first + 1 && r - back >= page_first + 3)
                        at = r - back;
                }
                /* inside a table's body: its header again, above the rows */
                const cq_rblock *t = NULL;
                for (size_t i = 0; i < sh->n_blocks && !head_moves; i++) {
                    const cq_rblock *b = &sh->blocks[i];
                    if (b->head_first >= 0 && b->first < at && at <= b->last &&
                        (!t || b->first > t->first))
                        t = b;
                }
                uint32_t n = 0;
                if (t) {
                    n = (uint32_t)(t->head_last - t->head_first + 1);
                    if (insert_copy(sh, at, (uint32_t)t->head_first, n) != 0)
                        return -1;
                }
                if (grow((void **)&sh->breaks, &sh->cap_breaks, sh->n_breaks + 1,
                         sizeof *sh->breaks) != 0)
                    return -1;
                sh->breaks[sh->n_breaks++] = at;
                page_first = at;
                r += n;
                if (head_moves) {
                    used = start = top + rows_height(sh, at, r - 1);
                } else {
                    start = top + (n ? rows_height(sh, at, at + n - 1) : 0);
                    used = start + (at + n < r ? rows_height(sh, at + n, r - 1) : 0);
                }
            }
        }
        used += row_height(sh, r);
    }
    if (sh->n_breaks > 1)
        qsort(sh->breaks, sh->n_breaks, sizeof *sh->breaks, cmp_u32);
    return 0;
}

static int
finish_sheet(const cq_report *rep, cq_rsheet *sh)
{
    /* widths */
    double *want = calloc(sh->n_cols + 1, sizeof *want);
    if (!want)
        return -1;
    for (size_t i = 0; i < sh->n_cells; i++) {
        const cq_rcell *c = &sh->cells[i];
        if (c->col >= sh->n_cols || sh->width_fixed[c->col])
            continue;
        const cq_rstyle *s = &rep->styles[c->style];
        if (s->no_width || s->rotate90)
            continue;
        double w = 0;
        if (c->kind == CQ_CELL_TEXT && s->wrap)
            w = longest_word(c->text); /* wraps, but never inside a word */
        else if (c->kind == CQ_CELL_TEXT)
            w = (double)cq_utf8_width(c->text);
        else if (c->kind == CQ_CELL_NUMBER)
            w = (double)number_width(c->num, s->num_format);
        w = w * font_scale(s) + 2.0;
        if (w > want[c->col])
            want[c->col] = w;
    }
    for (size_t c = 0; c < sh->n_cols; c++) {
        if (sh->width_fixed[c])
            continue;
        double w = want[c];
        if (w <= 0)
            continue;
        sh->widths[c] = w < 6 ? 6 : (w > 60 ? 60 : w);
    }
    free(want);

    /* stretched merges: widened over empty columns to the text width
     * (wrapped text) or to their text (one line) */
    for (size_t i = 0; i < sh->n_merges; i++) {
        cq_rmerge *m = &sh->merges[i];
        if (!m->stretch)
            continue;
        const cq_rstyle *s = &rep->styles[m->style];
        double need =
            s->wrap ? sh->text_width : (double)cq_utf8_width(m->text) * font_scale(s) / 1.1 + 2.0;
        double have = 0;
        for (uint32_t c = m->c1; c <= m->c2; c++)
            have += col_width(sh, c);
        while (have < need && m->c2 < 16000 && !occupied(sh, m->r1, m->r2, m->c2 + 1)) {
            m->c2++;
            have += col_width(sh, m->c2);
        }
    }

    /* heights: wrapped text in single cells and merged rows */
    for (size_t i = 0; i < sh->n_cells; i++) {
        const cq_rcell *c = &sh->cells[i];
        const cq_rstyle *s = &rep->styles[c->style];
        if (!s->wrap || s->rotate90 || c->kind != CQ_CELL_TEXT)
            continue;
        double per_line = col_width(sh, c->col) / font_scale(s) * CHARS_PER_WIDTH;
        double lines = wrapped_lines(c->text, per_line);
        double h = lines * 15.0 * (s->size ? s->size : 11) / 11.0 + 3.0;
        if (c->row < sh->n_rows && h > sh->heights[c->row] && lines > 1)
            sh->heights[c->row] = h;
    }
    for (size_t i = 0; i < sh->n_merges; i++) {
        const cq_rmerge *m = &sh->merges[i];
        if (!m->auto_height)
            continue;
        const cq_rstyle *s = &rep->styles[m->style];
        double width = 0;
        for (uint32_t c = m->c1; c <= m->c2; c++)
            width += col_width(sh, c);
        double per_line = width / font_scale(s) * CHARS_PER_WIDTH;
        double lines = wrapped_lines(m->text, per_line);
        double h = lines * 15.0 * (s->size ? s->size : 11) / 11.0 + 3.0;
        if (m->r1 < sh->n_rows && h > sh->heights[m->r1])
            sh->heights[m->r1] = h;
    }
    return paginate(sh);
}
