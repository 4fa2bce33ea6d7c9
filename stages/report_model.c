/*
 * report_model.c - the report model's primitives (sheets, cells, merges,
 * blocks, charts), sheet names and collation, and the index of the study
 * that every sheet reads: summaries, comparisons, respondents and head
 * counts per breakdown, group and wave; the styles.
 */
#include "copsoq/report_build.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/stages.h"
#include "copsoq/stats.h"

/* ------------------------------------------------------------------ */
/* model primitives                                                     */

int
rb_grow(void **p, size_t *cap, size_t need, size_t size)
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

const char *
rb_dup(ctx *x, const char *s)
{
    char *p = cq_arena_strdup(&x->rep->arena, s ? s : "");
    if (!p) {
        x->nomem = 1;
        return "";
    }
    return p;
}

const char *
rb_fmt(ctx *x, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    cq_sbuf_clear(&x->scratch);
    cq_sbuf_vprintf(&x->scratch, f, ap);
    va_end(ap);
    if (x->scratch.nomem)
        x->nomem = 1;
    return rb_dup(x, cq_sbuf_str(&x->scratch));
}

const char *
rb_textf(ctx *x, cq_text_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    cq_vtextf(&x->scratch, x->en, id, ap);
    va_end(ap);
    if (x->scratch.nomem)
        x->nomem = 1;
    return rb_dup(x, cq_sbuf_str(&x->scratch));
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
    if (rb_grow((void **)&rep->styles, &rep->cap_styles, rep->n_styles + 1, sizeof s) != 0) {
        x->nomem = 1;
        return 0;
    }
    rep->styles[rep->n_styles] = s;
    return (uint32_t)rep->n_styles++;
}

cq_rsheet *
rb_sheet_add(ctx *x, const char *name)
{
    cq_report *rep = x->rep;
    cq_rsheet *sh = calloc(1, sizeof *sh);
    if (!sh || rb_grow((void **)&rep->sheets, &rep->cap_sheets, rep->n_sheets + 1,
                       sizeof *rep->sheets) != 0) {
        free(sh);
        x->nomem = 1;
        return NULL;
    }
    sh->name = name;
    sh->landscape = 1;
    sh->fit_width = 1;
    sh->repeat_first = sh->repeat_last = -1;
    sh->footer = rb_dup(x, "&L&8&F&C&8&A&R&8&P / &N");
    sh->text_width = TEXT_WIDTH;
    rep->sheets[rep->n_sheets++] = sh;
    return sh;
}

/* Makes room for `need` entries in an array with `used` in use (its
 * capacity is not kept): reallocates to a power of two (cheap when the size
 * does not change) and zeroes only the new entries, so filling n rows one
 * by one costs O(n), not O(n^2) (issue 8). */
static int
grow_used(void **p, size_t used, size_t need, size_t size)
{
    size_t n = 16;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    memset((char *)q + used * size, 0, (need - used) * size);
    *p = q;
    return 0;
}

/* Makes room for column c and row r in the width/height arrays. */
static int
touch(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c)
{
    size_t nc = sh->n_cols, nr = sh->n_rows;
    if (c >= nc) {
        if (grow_used((void **)&sh->widths, nc, c + 1, sizeof *sh->widths) != 0 ||
            grow_used((void **)&sh->width_fixed, nc, c + 1, sizeof *sh->width_fixed) != 0) {
            x->nomem = 1;
            return -1;
        }
        sh->n_cols = c + 1;
    }
    if (r >= nr) {
        if (grow_used((void **)&sh->heights, nr, r + 1, sizeof *sh->heights) != 0) {
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
    if (rb_grow((void **)&sh->cells, &sh->cap_cells, sh->n_cells + 1, sizeof *sh->cells) != 0) {
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

void
rb_put_text(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, const char *text, uint32_t st)
{
    cq_rcell *cl = cell(x, sh, r, c, st);
    if (!cl)
        return;
    cl->kind = CQ_CELL_TEXT;
    cl->text = rb_dup(x, text);
}

/* A number; NaN or Inf becomes a blank cell (never "nan" in a workbook). */
void
rb_put_num(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, double v, uint32_t st)
{
    cq_rcell *cl = cell(x, sh, r, c, st);
    if (!cl)
        return;
    if (isfinite(v)) {
        cl->kind = CQ_CELL_NUMBER;
        cl->num = v;
    }
}

void
rb_put_blank(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, uint32_t st)
{
    cell(x, sh, r, c, st);
}

/* The mark of a withheld figure. */
void
rb_put_dash(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c)
{
    rb_put_text(x, sh, r, c, "\u2013", x->S.dash);
}

void
rb_merge(ctx *x, cq_rsheet *sh, uint32_t r1, uint32_t c1, uint32_t r2, uint32_t c2,
         const char *text, uint32_t st, int auto_height)
{
    if (!sh || touch(x, sh, r2, c2) != 0)
        return;
    if (r1 == r2 && c1 == c2) {
        rb_put_text(x, sh, r1, c1, text, st);
        return;
    }
    if (rb_grow((void **)&sh->merges, &sh->cap_merges, sh->n_merges + 1, sizeof *sh->merges) != 0) {
        x->nomem = 1;
        return;
    }
    cq_rmerge *m = &sh->merges[sh->n_merges++];
    m->r1 = r1;
    m->c1 = c1;
    m->r2 = r2;
    m->c2 = c2;
    m->text = rb_dup(x, text);
    m->style = st;
    m->auto_height = auto_height && r1 == r2;
}

/* A merge over columns 0..c2 of row r that may be widened over empty
 * columns (cq_rmerge.stretch): notes, sentences, bands and titles, so that a
 * narrow table does not squeeze its text. */
void
rb_merge_row(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c2, const char *text, uint32_t st,
             int auto_height)
{
    if (!sh)
        return;
    size_t before = sh->n_merges;
    rb_merge(x, sh, r, 0, r, c2 > 0 ? c2 : 1, text, st, auto_height);
    if (sh->n_merges > before)
        sh->merges[sh->n_merges - 1].stretch = 1;
}

/* A wrapped note (small grey italics) over columns 0..c2 of row r. */
void
rb_note_row(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c2, const char *text)
{
    rb_merge_row(x, sh, r, c2, text, x->S.note_wrap, 1);
}

/* A pagination hint (cq_rblock): rows first..last, kept on one page when
 * keep is set; a table body when head_first >= 0. */
void
rb_add_block(ctx *x, cq_rsheet *sh, uint32_t first, uint32_t last, int32_t head_first,
             int32_t head_last, int keep)
{
    if (!sh || last < first)
        return;
    if (rb_grow((void **)&sh->blocks, &sh->cap_blocks, sh->n_blocks + 1, sizeof *sh->blocks) != 0) {
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
void
rb_dash_header(ctx *x, cq_rsheet *sh, const char *note)
{
    if (!sh)
        return;
    int any = 0;
    for (size_t i = 0; i < sh->n_cells && !any; i++)
        any = sh->cells[i].kind == CQ_CELL_TEXT && strcmp(sh->cells[i].text, "\u2013") == 0;
    if (!any)
        return;
    cq_sbuf buf = {0};
    cq_sbuf_puts(&buf, "&L&8&I");
    /* '&' starts a header code: double it */
    for (const char *p = note; *p; p++) {
        if (*p == '&')
            cq_sbuf_putn(&buf, "&", 1);
        cq_sbuf_putn(&buf, p, 1);
    }
    if (buf.nomem)
        x->nomem = 1;
    if (cq_utf8_width(cq_sbuf_str(&buf)) <= 250) /* Excel's limit is 255 characters */
        sh->header = rb_dup(x, cq_sbuf_str(&buf));
    cq_sbuf_free(&buf);
}

void
rb_set_width(ctx *x, cq_rsheet *sh, uint32_t c, double w)
{
    if (!sh || touch(x, sh, 0, c) != 0)
        return;
    sh->widths[c] = w;
    sh->width_fixed[c] = 1;
}

void
rb_set_height(ctx *x, cq_rsheet *sh, uint32_t r, double h)
{
    if (!sh || touch(x, sh, r, 0) != 0)
        return;
    sh->heights[r] = h;
}

void
rb_add_break(ctx *x, cq_rsheet *sh, uint32_t r)
{
    if (!sh || r == 0)
        return;
    if (rb_grow((void **)&sh->breaks, &sh->cap_breaks, sh->n_breaks + 1, sizeof *sh->breaks) != 0) {
        x->nomem = 1;
        return;
    }
    sh->breaks[sh->n_breaks++] = r;
}

void
rb_add_colorscale(ctx *x, cq_rsheet *sh, uint32_t r1, uint32_t c1, uint32_t r2, uint32_t c2,
                  double lo, double mid, double hi, uint32_t lo_color, uint32_t hi_color)
{
    if (!sh || r2 < r1)
        return;
    if (rb_grow((void **)&sh->scales, &sh->cap_scales, sh->n_scales + 1, sizeof *sh->scales) != 0) {
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

cq_rchart *
rb_chart_add(ctx *x, cq_rsheet *sh)
{
    if (!sh)
        return NULL;
    cq_rchart *c = calloc(1, sizeof *c);
    if (!c ||
        rb_grow((void **)&sh->charts, &sh->cap_charts, sh->n_charts + 1, sizeof *sh->charts) != 0) {
        free(c);
        x->nomem = 1;
        return NULL;
    }
    sh->charts[sh->n_charts++] = c;
    return c;
}

void
rb_series_add(ctx *x, cq_rchart *c, const cq_rseries *s)
{
    if (!c)
        return;
    if (rb_grow((void **)&c->series, &c->cap_series, c->n_series + 1, sizeof *c->series) != 0) {
        x->nomem = 1;
        return;
    }
    c->series[c->n_series++] = *s;
}

/* ------------------------------------------------------------------ */
/* names, collation, small helpers                                      */

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
        uint32_t x = coll(cq_utf8_next(&p)), y = coll(cq_utf8_next(&q));
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
        uint32_t x = coll(cq_utf8_next(&a)), y = coll(cq_utf8_next(&b));
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
    size_t n = cq_utf8_prefix(s, max, cap - 1);
    memcpy(out, s, n);
    out[n] = '\0';
}

/* A valid, unique Excel sheet name made from want: at most 31 characters,
 * none of []:*?/\, not starting or ending with an apostrophe. */
const char *
rb_sheet_name(ctx *x, const char *want)
{
    /* a sheet name keeps 31 characters: 200 bytes on a character boundary
     * leave room for leading apostrophes that are dropped */
    char clean[256], base[256], out[300];
    size_t o = cq_utf8_prefix(want, (size_t)-1, 200);
    for (size_t i = 0; i < o; i++)
        clean[i] = strchr("[]:*?/\\", want[i]) ? '_' : want[i];
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
        return rb_dup(x, base);
    for (int k = 2; k < 1000; k++) {
        char suffix[16];
        snprintf(suffix, sizeof suffix, " (%d)", k);
        copy_cps(out, sizeof out, s, 31 - strlen(suffix));
        strcat(out, suffix);
        if (!name_taken(x, out))
            return rb_dup(x, out);
    }
    return rb_dup(x, "?"); /* not reached with fewer than 1000 sheets */
}

const char *
rb_scale_name(const ctx *x, size_t s)
{
    return x->en ? x->ins->scales[s].label_en : x->ins->scales[s].label_sv;
}

const char *
rb_wave_label(const ctx *x, size_t w)
{
    return x->st->waves[w].label;
}

/* Head count of group g of breakdown b in wave w; NaN when unknown. */
double
rb_head_at(const ctx *x, size_t b, size_t w, size_t g)
{
    return x->head[b][w * x->bg[b].n + g];
}

/* Whether breakdown b has a head count for some group in wave w. */
int
rb_has_heads(const ctx *x, size_t b, size_t w)
{
    for (size_t g = 0; g < x->bg[b].n; g++)
        if (isfinite(rb_head_at(x, b, w, g)))
            return 1;
    return 0;
}

/* The labels of the waves with head counts (in breakdown b, or in the whole
 * sample too when with_all), "2016 och 2017"; *n gets their number. */
const char *
rb_head_waves(ctx *x, size_t b, int with_all, size_t *n)
{
    const char **items = calloc(x->nw + 1, sizeof *items);
    *n = 0;
    if (!items) {
        x->nomem = 1;
        return "";
    }
    for (size_t w = 0; w < x->nw; w++)
        if (rb_has_heads(x, b, w) || (with_all && rb_has_heads(x, 0, w)))
            items[(*n)++] = rb_wave_label(x, w);
    const char *r = rb_join_list(x, items, *n);
    free(items);
    return r;
}

const char *
rb_group_display(const ctx *x, const char *g)
{
    if (strcmp(g, CQ_MISSING_GROUP) == 0)
        return cq_text(x->en, CQ_T_MISSING_GROUP);
    return g;
}

/* The summary of (breakdown, wave, group, scale), or NULL. */
const cq_summary *
rb_sum_at(const ctx *x, size_t b, size_t w, size_t g, size_t s)
{
    return x->sum[b][IDX_SUM(x, b, w, g, s)];
}

/* A shown summary: present, not suppressed, with a finite mean. */
const cq_summary *
rb_shown(const ctx *x, size_t b, size_t w, size_t g, size_t s)
{
    const cq_summary *r = rb_sum_at(x, b, w, g, s);
    return r && !r->suppressed && isfinite(r->mean) ? r : NULL;
}

/* The comparison of waves p -> p+1, or NULL. */
const cq_comparison *
rb_cmp_at(const ctx *x, size_t b, size_t p, size_t g, size_t s)
{
    return x->nw > 1 ? x->cmp[b][IDX_SUM(x, b, p, g, s)] : NULL;
}

/* Width of the longest word (for headers that wrap). */
double
rb_longest_word(const char *s)
{
    size_t best = 0, cur = 0;
    while (*s) {
        uint32_t c = cq_utf8_next(&s);
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
double
rb_wrapped_lines(const char *text, double per_line)
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
            cq_utf8_next(&p);
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
const char *
rb_lower_first(ctx *x, const char *s)
{
    char *p = cq_arena_strdup(&x->rep->arena, s ? s : "");
    if (!p) {
        x->nomem = 1;
        return "";
    }
    cq_text_lower_first(p);
    return p;
}

/* "a, b och c" */
const char *
rb_join_list(ctx *x, const char **items, size_t n)
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
    const char *r = rb_dup(x, buf);
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
    if (rb_grow((void **)names, cap, *n + 1, sizeof **names) != 0 ||
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

cq_status
rb_index_study(ctx *x, cq_diag *d)
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
        /* 0: shown; otherwise the reason (cq_hidden_by), for the unit pages */
        x->hidden[c->breakdown][c->wave * x->bg[c->breakdown].n + g] = (unsigned char)c->hidden_by;
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
    x->ref = calloc(ns + 1, sizeof *x->ref);
    if (!x->ref)
        return cq_fail(d, CQ_ERR_NOMEM, "report: out of memory");
    for (size_t i = 0; i < st->n_reference; i++) {
        const cq_reference *rf = &st->reference[i];
        if (rf->scale < ns) {
            x->ref[rf->scale] = rf;
            x->n_ref++;
            if (!x->ref_source)
                x->ref_source = rf->source;
        }
    }
    return CQ_OK;
}

void
rb_free_index(ctx *x)
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
    free(x->fl);
    free(x->ref);
    free(x->domain_of);
    free(x->domains);
}

/* ------------------------------------------------------------------ */
/* styles                                                               */

void
rb_init_styles(ctx *x)
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
    /* p below 0.001 shows as "< 0.001" with the reader's decimal sign, like
     * every other p: the cell holds 0.001 under a "< " format (rb_put_p) */
    S->p = style(x, (cq_rstyle){.num_format = "0.000"});
    S->p_lt = style(x, (cq_rstyle){.num_format = "\"< \"0.000"});
    S->diff1 = style(x, (cq_rstyle){.num_format = "+0.0;-0.0;0.0"});
    S->diff0 = style(x, (cq_rstyle){.num_format = "+0;-0;0", .halign = CQ_ALIGN_CENTER});
    S->dash = style(x, (cq_rstyle){.halign = CQ_ALIGN_CENTER, .color = C_GREY});
    S->small = style(x, (cq_rstyle){.size = 9});
    S->warn_pct1 = style(x, (cq_rstyle){.num_format = "0.0%", .fill = C_WARN});
    S->warn_num2 = style(x, (cq_rstyle){.num_format = "0.00", .fill = C_WARN});
    S->warn_num3 = style(x, (cq_rstyle){.num_format = "0.000", .fill = C_WARN});
    S->warn_text =
        style(x, (cq_rstyle){.fill = C_WARN, .bold = 1, .wrap = 1, .valign = 1, .no_width = 1});
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
            style(x, (cq_rstyle){.fill = tl[i], .num_format = "0.0%", .halign = CQ_ALIGN_CENTER});
        S->tl_head[i] = style(
            x, (cq_rstyle){
                   .fill = tl[i], .bold = 1, .size = 9, .halign = CQ_ALIGN_CENTER, .bottom = 1});
    }
    S->hm0 = style(x, (cq_rstyle){.num_format = "0", .halign = CQ_ALIGN_CENTER});
    S->pct0c = style(x, (cq_rstyle){.num_format = "0%", .halign = CQ_ALIGN_CENTER});
    S->pct1c = style(x, (cq_rstyle){.num_format = "0.0%", .halign = CQ_ALIGN_CENTER});
    S->sha = style(x, (cq_rstyle){.size = 9, .indent = 1});
    S->int_c = style(x, (cq_rstyle){.num_format = "#,##0", .halign = CQ_ALIGN_CENTER});
    S->text_c = style(x, (cq_rstyle){.halign = CQ_ALIGN_CENTER});
}

int
rb_ref_compare(const ctx *x, const cq_summary *sm, size_t s, rb_refcmp *out)
{
    memset(out, 0, sizeof *out);
    const cq_reference *rf = x->ref ? x->ref[s] : NULL;
    if (!rf || !sm || sm->suppressed || !isfinite(sm->mean))
        return 0;
    cq_ttest t;
    cq_welch((size_t)rf->n, rf->mean, rf->sd, sm->n, sm->mean, sm->sd, &t);
    out->ref = rf->mean;
    out->diff = sm->mean - rf->mean;
    out->p = t.p;
    out->relevance = cq_relevance(out->diff);
    int good_side = x->ins->scales[s].higher_is_good ? out->diff > 0 : out->diff < 0;
    int sure = isfinite(t.p) && t.p < 0.05 && out->relevance >= 1;
    out->better = sure && good_side;
    out->worse = sure && !good_side;
    return 1;
}

void
rb_put_p(ctx *x, cq_rsheet *sh, uint32_t r, uint32_t c, double p)
{
    if (isfinite(p) && p < 0.001)
        rb_put_num(x, sh, r, c, 0.001, x->S.p_lt);
    else
        rb_put_num(x, sh, r, c, p, x->S.p);
}

/* The breakdown's label from the study file's [labels], or NULL: in an
 * English report "column.en = label" first, then "column = label". */
const char *
rb_breakdown_given(ctx *x, size_t b)
{
    const cq_settings *set = x->st->settings;
    const char *raw = set->groups[b - 1];
    size_t n = strlen(raw);
    for (size_t i = 0; i < set->n_labels && x->en; i++)
        if (strncmp(set->label_keys[i], raw, n) == 0 && strcmp(set->label_keys[i] + n, ".en") == 0)
            return set->label_values[i];
    for (size_t i = 0; i < set->n_labels; i++)
        if (strcmp(set->label_keys[i], raw) == 0)
            return set->label_values[i];
    return NULL;
}

/* The breakdown's name as a reader knows it: its label in the study file's
 * [labels], else the column name with its first letter upper-cased and '_'
 * as a space. */
const char *
rb_breakdown_label(ctx *x, size_t b)
{
    const char *raw = x->st->settings->groups[b - 1];
    const char *given = rb_breakdown_given(x, b);
    if (given)
        return given;
    char *s = (char *)rb_dup(x, raw);
    for (char *p = s; *p; p++)
        if (*p == '_')
            *p = ' ';
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}
