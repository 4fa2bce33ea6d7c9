/* status.c - status messages and exit codes from the one list in status.h. */
#include "copsoq/status.h"

#include <stdarg.h>
#include <stdio.h>

static const char *const messages[] = {
#define CQ_X_MSG(name, exitcode, msg) msg,
    CQ_STATUS_LIST(CQ_X_MSG)
#undef CQ_X_MSG
};

static const int exit_codes[] = {
#define CQ_X_EXIT(name, exitcode, msg) exitcode,
    CQ_STATUS_LIST(CQ_X_EXIT)
#undef CQ_X_EXIT
};

const char *
cq_strerror(cq_status s)
{
    if ((int)s < 0 || s >= CQ_STATUS_COUNT)
        return "unknown status";
    return messages[s];
}

int
cq_exit_code(cq_status s)
{
    if ((int)s < 0 || s >= CQ_STATUS_COUNT)
        return 1;
    return exit_codes[s];
}

cq_status
cq_fail(cq_diag *d, cq_status s, const char *fmt, ...)
{
    if (d) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->msg, sizeof d->msg, fmt, ap);
        va_end(ap);
    }
    return s;
}
