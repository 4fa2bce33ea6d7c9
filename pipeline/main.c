/*
 * main.c - arguments -> settings -> run -> exit status.  The only place that
 * prints the final error and chooses the exit status (0 done, 1 input could
 * not be used, 2 wrong usage).
 */
#include <gsl/gsl_errno.h>
#include <stdio.h>

#include "copsoq/cli.h"
#include "copsoq/columns.h"
#include "copsoq/driver.h"
#include "copsoq/log.h"

int
main(int argc, char **argv)
{
    /* GSL must report, not abort: every call's inputs are checked first and
     * special functions are called through their _e variants. */
    gsl_set_error_handler_off();
    cq_settings settings = {0};
    cq_action act;
    cq_diag d = {{0}};
    cq_status s = cq_cli_parse(argc, argv, &settings, &act, &d);
    if (s == CQ_OK && act == CQ_ACT_HELP) {
        cq_cli_usage(stdout);
    } else if (s == CQ_OK && act == CQ_ACT_VERSION) {
        printf("copsoq %s\n", CQ_VERSION);
    } else if (s == CQ_OK && act == CQ_ACT_COLUMNS) {
        s = cq_columns_draft(&settings, stdout, &d);
    } else if (s == CQ_OK) {
        cq_log_set_level(settings.verbose >= 2   ? CQ_LOG_DEBUG
                         : settings.verbose == 1 ? CQ_LOG_INFO
                                                 : CQ_LOG_QUIET);
        s = cq_run(&settings, &d);
    }
    if (s != CQ_OK) {
        fprintf(stderr, "copsoq: %s\n", d.msg[0] ? d.msg : cq_strerror(s));
        if (s == CQ_ERR_USAGE)
            fputs("copsoq: try 'copsoq --help'\n", stderr);
    }
    cq_settings_free(&settings);
    return cq_exit_code(s);
}
