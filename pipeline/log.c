/* log.c - progress messages on stderr (see log.h). */
#include "copsoq/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static cq_log_level current = CQ_LOG_QUIET;

void
cq_log_set_level(cq_log_level level)
{
    current = level;
}

cq_log_level
cq_log_get_level(void)
{
    return current;
}

void
cq_log(cq_log_level level, const char *fmt, ...)
{
    if (level > current)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("copsoq: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void
cq_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("copsoq: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

double
cq_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
