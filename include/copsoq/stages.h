/*
 * stages.h - the stages of a run, in order.  Each has a typed core (declared
 * in its own header where tests need it) and this adapter, which the driver
 * calls from its table.  An adapter reads and extends the study and returns a
 * status; on failure d holds the detail.  Stages never print and never exit.
 */
#ifndef COPSOQ_STAGES_H
#define COPSOQ_STAGES_H

#include "copsoq/status.h"
#include "copsoq/study.h"

typedef cq_status (*cq_stage_fn)(cq_study *st, cq_diag *d);

#define CQ_REPORT_FILE "report.xlsx"

/* The name of the i-th file a run writes (the CSV files of stages/write.c,
 * then CQ_REPORT_FILE); NULL past the last. */
const char *cq_output_name(size_t i);

cq_status cq_stage_instrument(cq_study *st, cq_diag *d);  /* stages/instrument.c */
cq_status cq_stage_ingest(cq_study *st, cq_diag *d);      /* stages/ingest.c */
cq_status cq_stage_population(cq_study *st, cq_diag *d);  /* stages/population.c */
cq_status cq_stage_score(cq_study *st, cq_diag *d);       /* stages/score.c */
cq_status cq_stage_summarise(cq_study *st, cq_diag *d);   /* stages/summarise.c */
cq_status cq_stage_reliability(cq_study *st, cq_diag *d); /* stages/reliability.c */
cq_status cq_stage_compare(cq_study *st, cq_diag *d);     /* stages/compare.c */
cq_status cq_stage_disclose(cq_study *st, cq_diag *d);    /* stages/disclose.c */
cq_status cq_stage_write(cq_study *st, cq_diag *d);       /* stages/write.c: the CSV files */
cq_status cq_stage_report(cq_study *st, cq_diag *d);      /* stages/report.c: report.xlsx */

#endif
