/*
 * log.h - progress and timing messages on stderr.  Quiet by default;
 * -v / --verbose raises the level.  Errors are not logged here: main prints them.
 */
#ifndef COPSOQ_LOG_H
#define COPSOQ_LOG_H

#include <stdio.h>

typedef enum { CQ_LOG_QUIET = 0, CQ_LOG_INFO = 1, CQ_LOG_DEBUG = 2 } cq_log_level;

void cq_log_set_level(cq_log_level level);
cq_log_level cq_log_get_level(void);
void cq_log(cq_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cq_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Lines logged by the calling thread go to f from now on (NULL: stderr
 * again); the wave threads hold theirs back this way (waves.h). */
void cq_log_hold(FILE *f);
/* Monotonic seconds, for stage timing. */
double cq_now(void);

#endif
