/* report.c - PLACEHOLDER first report: one sheet per wave with the summary table. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "copsoq/stages.h"

cq_status
cq_stage_report(cq_study *st, cq_diag *d)
{
    const char *tmp;
    cq_status s = cq_output_reserve(st, "report.xlsx", &tmp, d);
    if (s != CQ_OK)
        return s;
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb)
        return cq_fail(d, CQ_ERR_WRITE, "%s: cannot create workbook", tmp);
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    for (size_t w = 0; w < st->n_waves; w++) {
        char name[32];
        snprintf(name, sizeof name, "%.28s", st->waves[w].label);
        lxw_worksheet *ws = workbook_add_worksheet(wb, name);
        static const char *const head[] = {"Indelning", "Grupp", "Skala", "n", "Medel", "SD",
                                           "KI låg", "KI hög", "Median"};
        for (int c = 0; c < 9; c++)
            worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], bold);
        lxw_row_t r = 1;
        for (size_t i = 0; i < st->n_summary; i++) {
            const cq_summary *row = &st->summary[i];
            if (row->wave != w)
                continue;
            worksheet_write_string(ws, r, 0, cq_breakdown_name(st, row->breakdown), NULL);
            worksheet_write_string(ws, r, 1, row->group, NULL);
            worksheet_write_string(ws, r, 2, st->ins->scales[row->scale].label_sv, NULL);
            double v[6] = {(double)row->n, row->mean, row->sd, row->ci_low, row->ci_high,
                           row->median};
            for (int c = 0; c < 6; c++) {
                if (row->suppressed)
                    worksheet_write_string(ws, r, (lxw_col_t)(3 + c), "–", NULL);
                else if (isfinite(v[c]))
                    worksheet_write_number(ws, r, (lxw_col_t)(3 + c), v[c], NULL);
            }
            r++;
        }
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR)
        return cq_fail(d, CQ_ERR_WRITE, "%s: %s", tmp, lxw_strerror(e));
    return CQ_OK;
}
