/* columns.c - a draft column map (see columns.h). */
#include "copsoq/columns.h"

cq_status
cq_columns_draft(const cq_settings *set, FILE *out, cq_diag *d)
{
    (void)set;
    (void)out;
    return cq_fail(d, CQ_ERR_USAGE, "copsoq columns: not built yet");
}
