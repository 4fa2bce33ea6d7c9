/* log.c - progress messages on stderr (see log.h). */
#include "copsoq/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static void line(const char *prefix, const char *fmt, va_list ap);

static cq_log_level current = CQ_LOG_QUIET;
static _Thread_local FILE *held; /* cq_log_hold: this thread's lines, or NULL: stderr */

void
cq_log_hold(FILE *f)
{
    held = f;
}

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
    line("copsoq: ", fmt, ap);
    va_end(ap);
}

void
cq_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    line("copsoq: warning: ", fmt, ap);
    va_end(ap);
}

/* One whole line, never mixed with another thread's. */
static void
line(const char *prefix, const char *fmt, va_list ap)
{
    FILE *out = held ? held : stderr;
    flockfile(out);
    fputs(prefix, out);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
    funlockfile(out);
}

double
cq_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}
