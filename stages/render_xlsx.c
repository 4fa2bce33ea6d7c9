/*
 * render_xlsx.c - draws a report model (report.h) with libxlsxwriter.
 *
 * The only file that calls libxlsxwriter.  It decides nothing about content:
 * every cell, style, width, colour scale and chart comes from the model.
 * Pitfalls of libxlsxwriter 1.1.4 handled here or upstream:
 *   - workbook_close writes straight to the path: the caller passes a
 *     temporary name that the driver renames when the whole run succeeded;
 *   - NaN/Inf would be written as text that Excel repairs: the model holds
 *     finite numbers only (checked again here);
 *   - the document's `created` time is set from the model so that two runs
 *     give byte-identical files;
 *   - numbers are printed with the C locale: nothing here calls setlocale.
 */
#include "copsoq/log.h"
#include "copsoq/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

static lxw_format *make_format(lxw_workbook *wb, const cq_rstyle *s);
static lxw_error render_sheet(lxw_workbook *wb, lxw_worksheet *ws, const cq_rsheet *sh,
                              lxw_format **formats);
static lxw_error render_chart(lxw_workbook *wb, lxw_worksheet *ws, const cq_rchart *c);

const char *
cq_render_xlsx_version(void)
{
    return LXW_VERSION;
}

cq_status
cq_report_render_xlsx(const cq_report *rep, const char *path, cq_diag *d)
{
    cq_status status = CQ_OK;
    lxw_format **formats = NULL;
    lxw_worksheet **ws = NULL;
    /* libxlsxwriter's own scratch files go beside the workbook (the run's
     * private folder), so a run touches nothing outside --out */
    char *tmpdir = strdup(path);
    if (!tmpdir)
        return cq_fail(d, CQ_ERR_NOMEM, "out of memory");
    char *slash = strrchr(tmpdir, '/');
    if (slash)
        *slash = '\0';
    else
        strcpy(tmpdir, ".");
    lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = tmpdir};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    if (!wb) {
        free(tmpdir);
        return cq_fail(d, CQ_ERR_WRITE, "%s: cannot create the workbook", path);
    }

    formats = calloc(rep->n_styles ? rep->n_styles : 1, sizeof *formats);
    ws = calloc(rep->n_sheets ? rep->n_sheets : 1, sizeof *ws);
    if (!formats || !ws) {
        status = cq_fail(d, CQ_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < rep->n_styles; i++) {
        formats[i] = make_format(wb, &rep->styles[i]);
        if (!formats[i]) {
            status = cq_fail(d, CQ_ERR_NOMEM, "%s: cannot add a cell format", path);
            goto cleanup;
        }
    }

    lxw_doc_properties props = {
        .title = (char *)rep->title,
        .subject = (char *)rep->subject,
        .author = (char *)rep->author,
        .keywords = (char *)rep->keywords,
        .comments = (char *)rep->comments,
        .created = (time_t)rep->created,
    };
    lxw_error e = workbook_set_properties(wb, &props);

    /* all sheets first: charts refer to data sheets by name */
    for (size_t i = 0; i < rep->n_sheets && e == LXW_NO_ERROR; i++) {
        ws[i] = workbook_add_worksheet(wb, rep->sheets[i]->name);
        if (!ws[i]) {
            status = cq_fail(d, CQ_ERR_INTERNAL, "%s: cannot add sheet '%s'", path,
                             rep->sheets[i]->name);
            goto cleanup;
        }
    }
    for (size_t i = 0; i < rep->n_sheets && e == LXW_NO_ERROR; i++)
        e = render_sheet(wb, ws[i], rep->sheets[i], formats);
    if (e == LXW_NO_ERROR && rep->active < rep->n_sheets) {
        worksheet_activate(ws[rep->active]);
        worksheet_set_first_sheet(ws[rep->active]);
    }
    if (e != LXW_NO_ERROR) {
        status = cq_fail(d, CQ_ERR_WRITE, "%s: %s", path, lxw_strerror(e));
        goto cleanup;
    }

cleanup:
    free(formats);
    free(ws);
    {
        /* workbook_close frees the workbook whatever happens; on an earlier
         * failure the file it leaves is removed with the private folder */
        lxw_error ce = workbook_close(wb);
        if (status == CQ_OK && ce != LXW_NO_ERROR)
            status = cq_fail(d, CQ_ERR_WRITE, "%s: %s", path, lxw_strerror(ce));
    }
    free(tmpdir);
    return status;
}

static lxw_format *
make_format(lxw_workbook *wb, const cq_rstyle *s)
{
    lxw_format *f = workbook_add_format(wb);
    if (!f)
        return NULL;
    if (s->bold)
        format_set_bold(f);
    if (s->italic)
        format_set_italic(f);
    if (s->wrap)
        format_set_text_wrap(f);
    if (s->border) {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, 0xBFBFBF);
    }
    if (s->bottom) {
        format_set_bottom(f, LXW_BORDER_THIN);
        format_set_bottom_color(f, 0x808080);
    }
    switch (s->halign) {
    case CQ_ALIGN_LEFT:
        format_set_align(f, LXW_ALIGN_LEFT);
        break;
    case CQ_ALIGN_CENTER:
        format_set_align(f, LXW_ALIGN_CENTER);
        break;
    case CQ_ALIGN_RIGHT:
        format_set_align(f, LXW_ALIGN_RIGHT);
        break;
    default:
        break;
    }
    if (s->valign == 1)
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    else if (s->valign == 2)
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (s->rotate90)
        format_set_rotation(f, 90);
    if (s->indent)
        format_set_indent(f, s->indent);
    if (s->size)
        format_set_font_size(f, s->size);
    if (s->color)
        format_set_font_color(f, (lxw_color_t)s->color);
    if (s->fill) {
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, (lxw_color_t)s->fill);
    }
    if (s->num_format)
        format_set_num_format(f, s->num_format);
    return f;
}

static lxw_error
render_sheet(lxw_workbook *wb, lxw_worksheet *ws, const cq_rsheet *sh, lxw_format **formats)
{
    lxw_error e = LXW_NO_ERROR;
    if (sh->hidden)
        worksheet_hide(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    if (sh->landscape)
        worksheet_set_landscape(ws);
    worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
    if (sh->fit_width || sh->fit_height)
        worksheet_fit_to_pages(ws, (uint16_t)sh->fit_width, (uint16_t)sh->fit_height);
    else if (sh->print_scale > 0)
        worksheet_set_print_scale(ws, (uint16_t)sh->print_scale);
    if (sh->print_across)
        worksheet_print_across(ws);
    if (!sh->gridlines)
        worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);
    if (sh->freeze_row > 0 || sh->freeze_col > 0)
        worksheet_freeze_panes(ws, (lxw_row_t)sh->freeze_row, (lxw_col_t)sh->freeze_col);
    if (sh->repeat_first >= 0 && sh->repeat_last >= sh->repeat_first)
        e = worksheet_repeat_rows(ws, (lxw_row_t)sh->repeat_first, (lxw_row_t)sh->repeat_last);
    if (e == LXW_NO_ERROR && sh->repeat_cols > 0)
        e = worksheet_repeat_columns(ws, 0, (lxw_col_t)(sh->repeat_cols - 1));
    if (e == LXW_NO_ERROR && sh->header)
        e = worksheet_set_header(ws, sh->header);
    if (e == LXW_NO_ERROR && sh->footer)
        e = worksheet_set_footer(ws, sh->footer);

    for (size_t c = 0; c < sh->n_cols && e == LXW_NO_ERROR; c++)
        if (sh->widths[c] > 0)
            e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, sh->widths[c], NULL);
    for (size_t r = 0; r < sh->n_rows && e == LXW_NO_ERROR; r++)
        if (sh->heights[r] > 0)
            e = worksheet_set_row(ws, (lxw_row_t)r, sh->heights[r], NULL);
    if (e == LXW_NO_ERROR && sh->n_breaks) {
        /* the array must end with 0 */
        lxw_row_t *br = calloc(sh->n_breaks + 1, sizeof *br);
        if (!br)
            return LXW_ERROR_MEMORY_MALLOC_FAILED;
        /* Excel keeps at most LXW_BREAKS_MAX (1,023) manual breaks in a
         * sheet, and libxlsxwriter counts the array in a 16-bit counter:
         * 65,536 breaks or more (a page per unit of a very large
         * population file) made it loop for ever.  The pages after the
         * 1,023rd break are not forced; the user is told. */
        size_t k = 0, all = 0;
        for (size_t i = 0; i < sh->n_breaks; i++)
            if (sh->breaks[i] > 0 && all++ < LXW_BREAKS_MAX)
                br[k++] = (lxw_row_t)sh->breaks[i];
        if (all > k)
            cq_warn("report.xlsx: sheet '%s' has %zu page breaks; Excel keeps %d in a sheet, "
                    "so the pages after row %u are not forced to start on a new page",
                    sh->name, all, LXW_BREAKS_MAX, (unsigned)br[k - 1]);
        if (k)
            e = worksheet_set_h_pagebreaks(ws, br);
        free(br);
    }

    if (e == LXW_NO_ERROR && sh->n_vbreaks) {
        lxw_col_t *br = calloc(sh->n_vbreaks + 1, sizeof *br);
        if (!br)
            return LXW_ERROR_MEMORY_MALLOC_FAILED;
        size_t k = 0;
        for (size_t i = 0; i < sh->n_vbreaks; i++)
            if (sh->vbreaks[i] > 0)
                br[k++] = (lxw_col_t)sh->vbreaks[i];
        if (k)
            e = worksheet_set_v_pagebreaks(ws, br);
        free(br);
    }

    for (size_t i = 0; i < sh->n_cells && e == LXW_NO_ERROR; i++) {
        const cq_rcell *c = &sh->cells[i];
        lxw_format *f = formats[c->style];
        lxw_row_t r = (lxw_row_t)c->row;
        lxw_col_t col = (lxw_col_t)c->col;
        switch (c->kind) {
        case CQ_CELL_TEXT:
            e = worksheet_write_string(ws, r, col, c->text, f);
            break;
        case CQ_CELL_NUMBER:
            /* the model never holds NaN/Inf; a blank is the safe fallback */
            if (isfinite(c->num))
                e = worksheet_write_number(ws, r, col, c->num, f);
            else
                e = worksheet_write_blank(ws, r, col, f);
            break;
        case CQ_CELL_BLANK:
            e = worksheet_write_blank(ws, r, col, f);
            break;
        }
    }
    for (size_t i = 0; i < sh->n_merges && e == LXW_NO_ERROR; i++) {
        const cq_rmerge *m = &sh->merges[i];
        e = worksheet_merge_range(ws, (lxw_row_t)m->r1, (lxw_col_t)m->c1, (lxw_row_t)m->r2,
                                  (lxw_col_t)m->c2, m->text, formats[m->style]);
    }
    for (size_t i = 0; i < sh->n_scales && e == LXW_NO_ERROR; i++) {
        const cq_rcolorscale *s = &sh->scales[i];
        lxw_conditional_format cf;
        memset(&cf, 0, sizeof cf);
        cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
        cf.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
        cf.min_value = s->min;
        cf.min_color = (lxw_color_t)s->min_color;
        cf.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
        cf.mid_value = s->mid;
        cf.mid_color = (lxw_color_t)s->mid_color;
        cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
        cf.max_value = s->max;
        cf.max_color = (lxw_color_t)s->max_color;
        e = worksheet_conditional_format_range(ws, (lxw_row_t)s->r1, (lxw_col_t)s->c1,
                                               (lxw_row_t)s->r2, (lxw_col_t)s->c2, &cf);
    }
    for (size_t i = 0; i < sh->n_charts && e == LXW_NO_ERROR; i++)
        e = render_chart(wb, ws, sh->charts[i]);
    return e;
}

static lxw_error
render_chart(lxw_workbook *wb, lxw_worksheet *ws, const cq_rchart *c)
{
    lxw_chart *ch = workbook_add_chart(wb, c->line         ? LXW_CHART_LINE
                                           : c->horizontal ? LXW_CHART_BAR
                                                           : LXW_CHART_COLUMN);
    if (!ch)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_chart_font title_font = {.size = 12, .bold = LXW_TRUE};
    lxw_chart_font axis_font = {.size = 8};
    lxw_chart_font label_font = {.size = 8, .color = 0x404040};
    if (c->title) {
        chart_title_set_name(ch, c->title);
        chart_title_set_name_font(ch, &title_font);
    }
    int16_t *drop = calloc(c->n_series + 1, sizeof *drop);
    if (!drop)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    size_t n_drop = 0;
    for (size_t i = 0; i < c->n_series; i++) {
        const cq_rseries *s = &c->series[i];
        lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
        if (!se) {
            free(drop);
            return LXW_ERROR_MEMORY_MALLOC_FAILED;
        }
        chart_series_set_categories(se, s->sheet, (lxw_row_t)s->r1, (lxw_col_t)s->cat_col,
                                    (lxw_row_t)s->r2, (lxw_col_t)s->cat_col);
        chart_series_set_values(se, s->sheet, (lxw_row_t)s->r1, (lxw_col_t)s->val_col,
                                (lxw_row_t)s->r2, (lxw_col_t)s->val_col);
        if (s->name)
            chart_series_set_name(se, s->name);
        lxw_chart_fill fill = {.color = (lxw_color_t)s->color};
        lxw_chart_line border = {.color = (lxw_color_t)s->color, .width = c->line ? 2.25f : 0};
        if (c->line) {
            chart_series_set_marker_type(se, LXW_CHART_MARKER_CIRCLE);
            chart_series_set_marker_fill(se, &fill);
            chart_series_set_marker_line(se, &border);
        } else {
            chart_series_set_fill(se, &fill);
        }
        chart_series_set_line(se, &border);
        if (s->error > 0 && isfinite(s->error)) {
            lxw_series_error_bars *eb = chart_series_get_error_bars(
                se, c->horizontal ? LXW_CHART_ERROR_BAR_AXIS_X : LXW_CHART_ERROR_BAR_AXIS_Y);
            if (eb) {
                lxw_chart_line whisker = {.color = 0x262626, .width = 1.25};
                chart_series_set_error_bars(eb, LXW_CHART_ERROR_BAR_TYPE_FIXED, s->error);
                chart_series_set_error_bars_direction(eb, LXW_CHART_ERROR_BAR_DIR_BOTH);
                chart_series_set_error_bars_endcap(eb, LXW_CHART_ERROR_BAR_END_CAP);
                chart_series_set_error_bars_line(eb, &whisker);
            }
        }
        if (s->labels) {
            chart_series_set_labels(se);
            chart_series_set_labels_position(se, c->line ? LXW_CHART_LABEL_POSITION_ABOVE
                                                         : LXW_CHART_LABEL_POSITION_INSIDE_BASE);
            lxw_chart_font lf = label_font;
            if (s->label_color)
                lf.color = (lxw_color_t)s->label_color;
            chart_series_set_labels_font(se, &lf);
            if (c->label_format)
                chart_series_set_labels_num_format(se, c->label_format);
        }
        if (!s->in_legend)
            drop[n_drop++] = (int16_t)i;
    }
    drop[n_drop] = -1;
    if (c->legend) {
        chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
        chart_legend_set_font(ch, &axis_font);
        if (n_drop)
            chart_legend_delete_series(ch, drop);
    } else {
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
    }
    free(drop);

    /* libxlsxwriter names a bar chart's horizontal value axis x */
    lxw_chart_axis *val = c->horizontal ? ch->x_axis : ch->y_axis;
    lxw_chart_axis *cat = c->horizontal ? ch->y_axis : ch->x_axis;
    chart_axis_set_min(val, c->min);
    chart_axis_set_max(val, c->max);
    if (c->major > 0)
        chart_axis_set_major_unit(val, c->major);
    chart_axis_set_num_font(val, &axis_font);
    chart_axis_set_num_font(cat, &axis_font);
    if (c->value_title) {
        chart_axis_set_name(val, c->value_title);
        chart_axis_set_name_font(val, &axis_font);
    }
    chart_axis_set_interval_unit(cat, 1); /* every category labelled */
    chart_axis_set_major_tick_mark(cat, LXW_CHART_AXIS_TICK_MARK_NONE);
    if (c->horizontal) {
        chart_axis_set_reverse(cat);      /* first category at the top */
        chart_axis_set_crossing_max(cat); /* and the value axis stays at the bottom */
    }
    chart_set_series_overlap(ch, 100);
    chart_set_series_gap(ch, 40);
    chart_show_blanks_as(ch, LXW_CHART_BLANKS_AS_GAP);

    lxw_chart_options o = {
        .x_offset = c->x_offset,
        .y_offset = c->y_offset,
        .x_scale = c->width / 480.0,
        .y_scale = c->height / 288.0,
        .object_position = LXW_OBJECT_MOVE_DONT_SIZE,
    };
    return worksheet_insert_chart_opt(ws, (lxw_row_t)c->row, (lxw_col_t)c->col, ch, &o);
}
