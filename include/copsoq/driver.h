/*
 * driver.h - runs the stages in order over one study, times them, and makes
 * the outputs appear all together or not at all.
 */
#ifndef COPSOQ_DRIVER_H
#define COPSOQ_DRIVER_H

#include "copsoq/status.h"
#include "copsoq/study.h"

/* Runs every stage for the settings (only the validating ones when
 * settings->check_only).  On success the output files are in place; on
 * failure d holds the detail and nothing was left in the output folder. */
cq_status cq_run(const cq_settings *settings, cq_diag *d);

/* Runs the stages on an initialised study, up to and including the stage
 * named stop_after (NULL: all), without committing outputs.  For tests. */
cq_status cq_run_stages(cq_study *st, const char *stop_after, cq_diag *d);

#endif
