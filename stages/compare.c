/* compare.c - PLACEHOLDER: produces no rows yet (being written). */
#include "copsoq/stages.h"

cq_status
cq_stage_compare(cq_study *st, cq_diag *d)
{
    (void)st;
    (void)d;
    return CQ_OK;
}
