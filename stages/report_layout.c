/*
 * report_layout.c - column widths and row heights from the text, and the
 * page breaks: blocks kept on one page, table headers repeated, estimated
 * from the page Excel prints (see docs/report.md, "Print-ready").
 */
#include "copsoq/report_build.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FILL      0.97 /* share of the printable height filled */
#define MIN_SPLIT 3    /* rows of a split block on each side of the break */
#define MIN_ROWS  4    /* rows on a sheet's last page, when it has more than one */
#define TAIL      0.2  /* and the share of a page it fills, where the page before can spare it */

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
    if (rb_grow((void **)&sh->cells, &sh->cap_cells, nc + add_c, sizeof *sh->cells) != 0 ||
        rb_grow((void **)&sh->merges, &sh->cap_merges, nm + add_m, sizeof *sh->merges) != 0)
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

/* ------------------------------------------------------------------ */
/* page breaks                                                          */

/* Rows that print something: a cell with a value or text, a merge with
 * text, or a chart over it.  content[r] is 1 for such rows, 2 for a heading
 * (bold text only, such as a section's band or a table's header). */
static uint8_t *
row_kinds(const cq_report *rep, const cq_rsheet *sh)
{
    uint8_t *k = calloc(sh->n_rows + 1, 1);
    uint8_t *plain = calloc(sh->n_rows + 1, 1);
    if (!k || !plain) {
        free(k);
        free(plain);
        return NULL;
    }
    for (size_t i = 0; i < sh->n_cells; i++) {
        const cq_rcell *c = &sh->cells[i];
        if (c->row >= sh->n_rows || c->kind == CQ_CELL_BLANK ||
            (c->kind == CQ_CELL_TEXT && (!c->text || !c->text[0])))
            continue;
        k[c->row] = 1;
        if (c->kind != CQ_CELL_TEXT || !rep->styles[c->style].bold)
            plain[c->row] = 1;
    }
    for (size_t i = 0; i < sh->n_merges; i++) {
        const cq_rmerge *m = &sh->merges[i];
        if (m->r1 >= sh->n_rows || !m->text || !m->text[0])
            continue;
        k[m->r1] = 1;
        if (!rep->styles[m->style].bold)
            plain[m->r1] = 1;
    }
    for (uint32_t r = 0; r < sh->n_rows; r++)
        if (k[r] && !plain[r])
            k[r] = 2;
    for (size_t i = 0; i < sh->n_charts; i++) {
        const cq_rchart *ch = sh->charts[i];
        uint32_t rows = (uint32_t)ceil(ch->height / 20.0);
        for (uint32_t r = ch->row; r < ch->row + rows && r < sh->n_rows; r++)
            if (!k[r])
                k[r] = 1;
    }
    free(plain);
    return k;
}

/* Rows first..end-1 that print something (heads: only the headings). */
static uint32_t
count_rows(const uint8_t *kind, uint32_t first, uint32_t end, int heads)
{
    uint32_t n = 0;
    for (uint32_t r = first; r < end; r++)
        n += heads ? kind[r] == 2 : kind[r] != 0;
    return n;
}

/* The builder's own sections as blocks: a run of headings and the rows
 * below them up to a blank row or the next heading.  One that takes at
 * most half a page is kept on one page; a longer one is split with at
 * least MIN_SPLIT of its rows on each side (see paginate). */
static int
add_sections(cq_rsheet *sh, const uint8_t *kind, double cap)
{
    uint32_t r = 0;
    while (r < sh->n_rows) {
        if (kind[r] != 2) {
            r++;
            continue;
        }
        uint32_t h = r;
        while (r < sh->n_rows && kind[r] == 2)
            r++;
        uint32_t body = r;
        while (r < sh->n_rows && kind[r] == 1)
            r++;
        if (r == body)
            continue;
        if (rb_grow((void **)&sh->blocks, &sh->cap_blocks, sh->n_blocks + 1, sizeof *sh->blocks) !=
            0)
            return -1;
        cq_rblock *b = &sh->blocks[sh->n_blocks++];
        b->first = h;
        b->last = r - 1;
        b->head_first = b->head_last = -1;
        b->keep = rows_height(sh, h, r - 1) <= 0.5 * cap;
    }
    return 0;
}

/* The print scale in whole percent: the sheet fitted to the page width,
 * and smaller still where a block must have a page of its own (keep 2: a
 * unit's page).  The builder sets it instead of Excel's "fit to page",
 * because Excel ignores manual page breaks under fit to page. */
static double
print_scale(const cq_rsheet *sh, double page_w, double page_h, double titles)
{
    uint32_t last_col = sh->n_cols ? (uint32_t)sh->n_cols - 1 : 0;
    for (size_t i = 0; i < sh->n_merges; i++)
        if (sh->merges[i].c2 > last_col)
            last_col = sh->merges[i].c2;
    /* libxlsxwriter writes a column of w characters as round(7 w) + 5
     * pixels, which Excel draws (Calibri 11: 7 pixels a character);
     * LibreOffice's columns come out about 6 % wider (7.45 pixels a
     * character with Carlito, measured on this report), so the scale is
     * taken from a little more than that: a sheet never runs onto a second
     * page across, at the cost of a narrow unused strip in Excel. */
    double px = 0;
    for (uint32_t c = 0; c <= last_col; c++)
        px += (floor(col_width(sh, c) * 7.0 + 0.5) + 5.0) * 7.5 / 7.0;
    double scale = 1.0;
    if (sh->fit_width && px > 0)
        scale = floor(100.0 * page_w / (px * 0.75)) / 100.0;
    else if (sh->print_scale > 0)
        scale = sh->print_scale / 100.0;
    for (size_t i = 0; i < sh->n_blocks; i++) {
        const cq_rblock *b = &sh->blocks[i];
        if (b->keep != 2)
            continue;
        double bh = rows_height(sh, b->first, b->last) + titles;
        double fit = floor(100.0 * FILL * page_h / bh) / 100.0;
        if (fit < scale)
            scale = fit;
    }
    if (scale > 1.0)
        scale = 1.0;
    if (scale < 0.1)
        scale = 0.1;
    return scale;
}

/* Where a page that would break before row r breaks instead, given the
 * page began at page_first: a header goes along with its table, a split
 * block takes at least MIN_SPLIT rows along and leaves at least MIN_SPLIT
 * of its body behind its heading, and no heading ends a page.  *head_moves
 * is set when a table header directly above r goes along. */
static uint32_t
break_row(const cq_rsheet *sh, const uint8_t *kind, uint32_t r, uint32_t page_first,
          int *head_moves)
{
    uint32_t at = r;
    *head_moves = 0;
    for (size_t i = 0; i < sh->n_blocks; i++) {
        const cq_rblock *b = &sh->blocks[i];
        if (b->head_first >= 0 && b->first == r && (uint32_t)b->head_last + 1 == r &&
            (uint32_t)b->head_first > page_first) {
            at = (uint32_t)b->head_first;
            *head_moves = 1;
        }
    }
    if (*head_moves)
        return at;
    /* no widows: the innermost block split here takes MIN_SPLIT rows along */
    const cq_rblock *in = NULL;
    for (size_t i = 0; i < sh->n_blocks; i++) {
        const cq_rblock *b = &sh->blocks[i];
        if (b->first < r && r <= b->last && (!in || b->first > in->first))
            in = b;
    }
    if (in && in->last - r + 1 < MIN_SPLIT) {
        uint32_t back = MIN_SPLIT - (in->last - r + 1);
        if (r - back > in->first + 1 && r - back >= page_first + MIN_SPLIT)
            at = r - back;
    }
    /* no orphans: a section that starts with a heading keeps MIN_SPLIT rows
     * of its body under it, or goes to the next page whole */
    for (int moved = 1; moved;) {
        moved = 0;
        for (size_t i = 0; i < sh->n_blocks; i++) {
            const cq_rblock *b = &sh->blocks[i];
            if (b->first < at && at <= b->last && b->first > page_first && kind[b->first] == 2 &&
                count_rows(kind, b->first, at, 0) - count_rows(kind, b->first, at, 1) < MIN_SPLIT) {
                at = b->first;
                moved = 1;
            }
        }
    }
    /* a heading never ends a page */
    while (at > page_first + 1 && kind[at - 1] == 2)
        at--;
    return at;
}

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Block indices by their first row, then by index (qsort_r's context: the
 * sheet's blocks). */
static int
cmp_block_first(const void *a, const void *b, void *sheet_blocks)
{
    const cq_rblock *blocks = sheet_blocks;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    uint32_t x = blocks[i].first, y = blocks[j].first;
    if (x != y)
        return x < y ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Whether the last page may start at row c instead (see balance_last). */
static int
may_start(const cq_rsheet *sh, const uint8_t *kind, uint32_t c, uint32_t last, double cap)
{
    if (kind[c - 1] == 2)
        return 0;
    for (size_t i = 0; i < sh->n_blocks; i++) {
        const cq_rblock *b = &sh->blocks[i];
        if (!(b->first < c && c <= b->last))
            continue;
        /* a block kept whole, unless it is split at the break already */
        int split = b->first < last && last <= b->last;
        if ((b->keep && !split && rows_height(sh, b->first, b->last) <= cap) ||
            b->head_first >= 0 || b->last - c + 1 < MIN_SPLIT)
            return 0;
        if (kind[b->first] == 2 &&
            count_rows(kind, b->first, c, 0) - count_rows(kind, b->first, c, 1) < MIN_SPLIT)
            return 0;
    }
    return 1;
}

/* No tiny last page: when the sheet's last page would hold fewer than
 * MIN_ROWS rows or TAIL of a page, its break moves up to a row where
 * a block or section may start, so that the page before gives some of its
 * rows away while keeping at least half a page. */
static void
balance_last(cq_rsheet *sh, const uint8_t *kind, size_t own, double cap, double titles)
{
    size_t li = 0;
    for (size_t i = 1; i < sh->n_breaks; i++)
        if (sh->breaks[i] > sh->breaks[li])
            li = i;
    if (sh->n_breaks == 0 || li < own || sh->n_rows == 0)
        return;
    uint32_t last = sh->breaks[li], end = (uint32_t)sh->n_rows;
    uint32_t prev = 0;
    for (size_t i = 0; i < sh->n_breaks; i++)
        if (sh->breaks[i] < last && sh->breaks[i] > prev)
            prev = sh->breaks[i];
    double top = sh->repeat_last >= 0 && last > (uint32_t)sh->repeat_last ? titles : 0;
    if (count_rows(kind, last, end, 0) >= MIN_ROWS && rows_height(sh, last, end - 1) >= TAIL * cap)
        return;
    for (uint32_t c = last - 1; c > prev + 1; c--) {
        if (rows_height(sh, c, end - 1) + top > cap || rows_height(sh, prev, c - 1) < 0.5 * cap)
            return;
        if (!may_start(sh, kind, c, last, cap))
            continue;
        if (count_rows(kind, c, end, 0) >= MIN_ROWS && rows_height(sh, c, end - 1) >= TAIL * cap) {
            sh->breaks[li] = c;
            return;
        }
    }
}

/* Page breaks from the builder's hints (cq_rblock) and its sections (a
 * heading and the rows under it): a block that fits on a page is not
 * split, and a table split over pages gets its header again at the top of
 * each further page.  The page is the one Excel prints - A4 with the
 * margins of render_xlsx.c at the print scale set here (print_scale) - and
 * is filled only to FILL, so that a viewer whose rows come out a little
 * taller does not break the page first. */
static int
paginate(const cq_report *rep, cq_rsheet *sh)
{
    if (sh->fit_height)
        return 0;
    double page_w = 842.0 - 72.0, page_h = 595.0 - 86.4;
    if (!sh->landscape) {
        page_w = 595.0 - 72.0;
        page_h = 842.0 - 86.4;
    }
    double titles = 0;
    if (sh->repeat_first >= 0 && sh->repeat_last >= sh->repeat_first)
        titles = rows_height(sh, (uint32_t)sh->repeat_first, (uint32_t)sh->repeat_last);
    double scale = print_scale(sh, page_w, page_h, titles);
    sh->print_scale = (int)lround(scale * 100.0);
    sh->fit_width = 0;
    double cap = FILL * page_h / scale;
    uint8_t *kind = row_kinds(rep, sh);
    if (!kind || add_sections(sh, kind, cap) != 0) {
        free(kind);
        return -1;
    }
    size_t own = sh->n_breaks; /* the builder's: a page of its own, never moved */
    uint32_t copied = 0;       /* header rows copied at the last break set here */
    /* The rows are visited in order, so the builder's breaks (sorted; a
     * header copy shifts them all alike) and the blocks (indexed in order of
     * their first row) are found with cursors that only move on: linear in
     * rows, where a search per row was rows x breaks (a page per unit of a
     * 12,500-unit population file: 1.5 G compares). */
    if (own > 1)
        qsort(sh->breaks, own, sizeof *sh->breaks, cmp_u32);
    size_t nb = sh->n_blocks, oc = 0, bc = 0;
    size_t *by_first = malloc((nb ? nb : 1) * sizeof *by_first);
    if (!by_first) {
        free(kind);
        return -1;
    }
    for (size_t i = 0; i < nb; i++)
        by_first[i] = i;
    if (nb > 1)
        qsort_r(by_first, nb, sizeof *by_first, cmp_block_first, sh->blocks);

    double used = 0, start = 0;
    uint32_t page_first = 0;
    for (uint32_t r = 0; r < sh->n_rows; r++) {
        while (oc < own && sh->breaks[oc] < r)
            oc++;
        while (bc < nb && sh->blocks[by_first[bc]].first < r)
            bc++;
        int brk = oc < own && sh->breaks[oc] == r;
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
            for (size_t j = bc; j < nb && !brk && used - start > 0.15 * cap; j++) {
                const cq_rblock *b = &sh->blocks[by_first[j]];
                if (b->first != r)
                    break;
                if (!b->keep)
                    continue;
                double bh = rows_height(sh, b->first, b->last);
                if (used + bh > cap && top + bh <= cap)
                    brk = 1;
            }
            if (used + row_height(sh, r) > cap)
                brk = 1;
            if (brk) {
                int head_moves;
                uint32_t at = break_row(sh, kind, r, page_first, &head_moves);
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
                    if (insert_copy(sh, at, (uint32_t)t->head_first, n) != 0) {
                        free(kind);
                        free(by_first);
                        return -1;
                    }
                    free(kind);
                    kind = row_kinds(rep, sh);
                    if (!kind) {
                        free(by_first);
                        return -1;
                    }
                }
                if (rb_grow((void **)&sh->breaks, &sh->cap_breaks, sh->n_breaks + 1,
                            sizeof *sh->breaks) != 0) {
                    free(kind);
                    free(by_first);
                    return -1;
                }
                sh->breaks[sh->n_breaks++] = at;
                copied = n;
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
    if (copied == 0)
        balance_last(sh, kind, own, cap, titles);
    free(kind);
    free(by_first);
    if (sh->n_breaks > 1)
        qsort(sh->breaks, sh->n_breaks, sizeof *sh->breaks, cmp_u32);
    return 0;
}

int
rb_finish_sheet(const cq_report *rep, cq_rsheet *sh)
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
            w = rb_longest_word(c->text); /* wraps, but never inside a word */
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
        double lines = rb_wrapped_lines(c->text, per_line);
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
        double lines = rb_wrapped_lines(m->text, per_line);
        double h = lines * 15.0 * (s->size ? s->size : 11) / 11.0 + 3.0;
        if (m->r1 < sh->n_rows && h > sh->heights[m->r1])
            sh->heights[m->r1] = h;
    }
    return paginate(rep, sh);
}
