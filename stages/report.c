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
 * Anonymity (contract §5): a suppressed summary or comparison row shows "–"
 * and never a figure, nor enters a chart, traffic light or response rate.
 * The report reads suppression from the result rows and the respondent
 * counts as the disclose stage decided them (cq_study.counts); it decides
 * nothing about what may be shown.
 * Response rates are per wave: a head count of --population refers to one
 * wave (cq_population.wave), and a rate is that wave's respondents over it.  Items
 * are reported for whole waves only, with at least min_group respondents.
 * Respondent ids are never read.
 *
 * The files, one per job (shared context: include/copsoq/report_build.h):
 *   report.c            this stage and the order of the sheets
 *   report_model.c      model primitives, names, the index of the study, styles
 *   report_sentences.c  assessments and generated sentences
 *   report_sheets.c     overview, breakdowns, traffic lights, charts
 *   report_annex.c      items, reliability, data quality, method, provenance
 *   report_layout.c     widths, heights, page breaks
 *
 * Layout: rb_finish_sheet() sizes the columns and the rows from their text,
 * widens notes beside narrow tables, and sets the page breaks from the
 * builders' hints (cq_rblock: blocks kept on one page, table headers
 * repeated on further pages), estimating the page Excel prints.
 */
#include "copsoq/report_build.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/cli.h"
#include "copsoq/stages.h"

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
    cq_status s = rb_index_study(&x, d);
    if (s != CQ_OK)
        goto cleanup;
    rb_init_styles(&x);
    if (rb_index_trend(&x) != 0)
        x.nomem = 1;

    rep->created = st->created;
    rep->title = cq_text(x.en, CQ_T_DOC_TITLE);
    rep->subject = cq_text(x.en, CQ_T_DOC_SUBJECT);
    rep->author = "copsoq " CQ_VERSION;
    rep->keywords = "COPSOQ";
    rep->comments = cq_text(x.en, CQ_T_DOC_COMMENTS);

    /* the chart-data sheet's name is reserved first so no other sheet takes it */
    x.chart_sheet = rb_sheet_name(&x, cq_text(x.en, CQ_T_SHEET_CHARTDATA));
    rb_build_overview(&x);
    rb_build_units(&x);
    for (size_t b = 1; b < x.nb; b++)
        rb_build_breakdown(&x, b);
    rb_build_traffic(&x);
    rb_build_charts(&x);
    rb_build_trend(&x);
    rb_build_items(&x);
    rb_build_reliability(&x);
    rb_build_quality(&x);
    rb_build_method(&x);
    rb_build_provenance(&x);
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
        if (rb_finish_sheet(rep, rep->sheets[i]) != 0)
            x.nomem = 1;
    if (x.nomem)
        s = cq_fail(d, CQ_ERR_NOMEM, "report: out of memory");

cleanup:
    rb_free_index(&x);
    cq_sbuf_free(&x.scratch);
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
