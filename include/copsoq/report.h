/*
 * report.h - the Excel report as a model, and its renderer.
 *
 *   study --cq_report_build()--> cq_report (sheets, cells, styles, merged
 *   ranges, colour scales, charts) --cq_report_render_xlsx()--> report.xlsx
 *
 * stages/report.c builds the model from the study and knows everything about
 * what the report says; it makes no libxlsxwriter call.  stages/render_xlsx.c
 * is the only file that talks to libxlsxwriter: it draws exactly what the
 * model holds, so a second renderer (HTML, CSV) needs no statistics.  Every
 * string of the report (Swedish and English) lives in stages/report_text.c.
 *
 * Anonymity is decided while building: a suppressed statistic never enters
 * the model, so no renderer can show it.
 *
 * Memory: a cq_report owns everything it holds (strings in rep->arena,
 * arrays malloc'd); cq_report_free() releases it.  Rows and columns are
 * 0-based.  Texts in the model are valid UTF-8.
 */
#ifndef COPSOQ_REPORT_H
#define COPSOQ_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "copsoq/arena.h"
#include "copsoq/status.h"
#include "copsoq/study.h"
#include "copsoq/utf8.h"

enum { CQ_ALIGN_GENERAL = 0, CQ_ALIGN_LEFT, CQ_ALIGN_CENTER, CQ_ALIGN_RIGHT };

/* A cell style.  Interned: cells refer to it by index.  A zeroed style is
 * Excel's default; colours are 0xRRGGBB with 0 meaning "the default" (use
 * 0x010101 for an explicit black). */
typedef struct {
    uint8_t bold, italic, wrap;
    uint8_t border;   /* 1: thin border all round */
    uint8_t bottom;   /* 1: thin bottom border only */
    uint8_t halign;   /* CQ_ALIGN_* */
    uint8_t valign;   /* 0: bottom (default), 1: top, 2: centre */
    uint8_t rotate90; /* 1: text rotated 90 degrees (column headers) */
    uint8_t indent;
    uint8_t size;           /* font size in points; 0: the default 11 */
    uint32_t color;         /* font colour; 0: default */
    uint32_t fill;          /* background; 0: none */
    const char *num_format; /* Excel number format (static string) or NULL */
    uint8_t no_width;       /* the cell does not widen its column (titles, notes) */
} cq_rstyle;

typedef enum { CQ_CELL_TEXT = 0, CQ_CELL_NUMBER, CQ_CELL_BLANK } cq_cell_kind;

typedef struct {
    uint32_t row, col;
    uint32_t style; /* index into cq_report.styles */
    cq_cell_kind kind;
    double num;       /* CQ_CELL_NUMBER: always finite */
    const char *text; /* CQ_CELL_TEXT */
} cq_rcell;

/* Merged range with its text.  auto_height: when the model is finished, the
 * height of row r1 (r1 == r2) is set to fit the wrapped text. */
typedef struct {
    uint32_t r1, c1, r2, c2;
    uint32_t style;
    const char *text;
    int auto_height;
    int stretch; /* 1: may be widened over the empty columns to its right, up to
                  * the sheet's text_width (wrapped notes) or its text's width
                  * (single lines), so that no text wraps into a narrow table */
} cq_rmerge;

/* A pagination hint for the builder's own page breaks (renderers ignore
 * it): rows first..last are kept on one page when they fit on one; when
 * head_first >= 0, a table body that must be split gets a copy of the rows
 * head_first..head_last (its header) at the top of each further page. */
typedef struct {
    uint32_t first, last;
    int32_t head_first, head_last;
    int keep; /* 1: kept on one page when it fits; 2: also the print scale
               * shrinks until it fits (a page of its own, such as a unit's) */
} cq_rblock;

/* A three-colour scale over a numeric range: min_color at or below min,
 * mid_color at mid, max_color at or above max. */
typedef struct {
    uint32_t r1, c1, r2, c2;
    double min, mid, max;
    uint32_t min_color, mid_color, max_color;
} cq_rcolorscale;

/* One chart series: categories and values are ranges of one column on a
 * sheet of the model; error: a fixed error bar (plus and minus), 0 for none. */
typedef struct {
    const char *name; /* legend entry */
    int in_legend;
    const char *sheet; /* sheet holding the data */
    uint32_t r1, r2;   /* rows of categories and values */
    uint32_t cat_col, val_col;
    double error;
    uint32_t color;
    int labels;           /* 1: show the value as a data label */
    uint32_t label_color; /* 0: dark grey */
} cq_rseries;

typedef struct {
    int horizontal; /* 1: horizontal bars (Excel "bar"), 0: columns */
    int line;       /* 1: a line with markers instead of bars */
    const char *title;
    const char *value_title;
    double min, max, major; /* value axis */
    uint32_t row, col;      /* anchor cell */
    int32_t x_offset, y_offset;
    uint32_t width, height; /* pixels */
    int legend;             /* 1: legend at the bottom */
    const char *label_format;
    cq_rseries *series;
    size_t n_series, cap_series;
} cq_rchart;

typedef struct {
    const char *name; /* valid Excel sheet name, unique in the report */
    int hidden;
    int landscape, fit_width, fit_height; /* fit: pages wide/high, 0: free */
    int32_t freeze_row, freeze_col;       /* rows/columns frozen; 0: none */
    int32_t repeat_first, repeat_last;    /* print titles; -1: none */
    int32_t repeat_cols; /* columns 0..repeat_cols-1 printed on every page; 0: none */
    int print_scale;     /* percent, with fit_width = fit_height = 0; 0: 100 */
    int print_across;    /* 1: pages numbered across, then down */
    const char *header;  /* page header (Excel header codes), NULL: none */
    const char *footer;
    double text_width; /* stretched merges are widened to this many characters */
    int gridlines;     /* 1: show screen gridlines */
    cq_rcell *cells;
    size_t n_cells, cap_cells;
    double *widths;       /* [n_cols] final widths in characters */
    uint8_t *width_fixed; /* [n_cols] 1: set by the builder, not computed */
    size_t n_cols;
    double *heights; /* [n_rows] points; 0: default */
    size_t n_rows;
    uint32_t *breaks; /* rows before which a printed page breaks */
    size_t n_breaks, cap_breaks;
    uint32_t *vbreaks; /* columns before which a printed page breaks */
    size_t n_vbreaks, cap_vbreaks;
    cq_rmerge *merges;
    size_t n_merges, cap_merges;
    cq_rcolorscale *scales;
    size_t n_scales, cap_scales;
    cq_rchart **charts;
    size_t n_charts, cap_charts;
    cq_rblock *blocks; /* pagination hints, used while the model is finished */
    size_t n_blocks, cap_blocks;
} cq_rsheet;

typedef struct {
    cq_arena arena;
    cq_rstyle *styles;
    size_t n_styles, cap_styles;
    cq_rsheet **sheets;
    size_t n_sheets, cap_sheets;
    size_t active; /* sheet shown when the file opens */
    /* document properties */
    const char *title, *subject, *author, *keywords, *comments;
    long long created; /* seconds since 1970 (SOURCE_DATE_EPOCH when set) */
} cq_report;

/* Builds the whole report model from a study whose stages up to compare have
 * run.  On success *rep is filled and owned by the caller (cq_report_free);
 * on failure it is already freed. */
cq_status cq_report_build(const cq_study *st, cq_report *rep, cq_diag *d);

/* Frees everything the model holds; a zeroed report is a no-op. */
void cq_report_free(cq_report *rep);

/* Renders the model to an .xlsx file at path (stages/render_xlsx.c). */
cq_status cq_report_render_xlsx(const cq_report *rep, const char *path, cq_diag *d);

/* The libxlsxwriter version the renderer was built with (static string). */
const char *cq_render_xlsx_version(void);

#endif
