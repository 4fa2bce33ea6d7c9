/*
 * status.h - status codes and error detail shared by every module.
 *
 * Fallible functions return a cq_status.  When they fail they also fill a
 * caller-owned cq_diag with the detail (file, line, column, reason); only
 * main() prints it and chooses the exit status.  The list is one X-macro so
 * names, messages and exit statuses cannot drift apart.
 */
#ifndef COPSOQ_STATUS_H
#define COPSOQ_STATUS_H

#include <stddef.h>

/* X(name, exit status, message) */
#define CQ_STATUS_LIST(X)                                                                          \
    X(CQ_OK, 0, "ok")                                                                              \
    X(CQ_ERR_USAGE, 2, "wrong usage")                                                              \
    X(CQ_ERR_NOMEM, 1, "out of memory")                                                            \
    X(CQ_ERR_OPEN, 1, "cannot open file")                                                          \
    X(CQ_ERR_READ, 1, "cannot read file")                                                          \
    X(CQ_ERR_WRITE, 1, "cannot write output")                                                      \
    X(CQ_ERR_GZIP, 1, "damaged or truncated gzip data")                                            \
    X(CQ_ERR_EMPTY, 1, "file is empty")                                                            \
    X(CQ_ERR_NO_DATA, 1, "file has a header but no data rows")                                     \
    X(CQ_ERR_BINARY, 1, "file is not text (binary data)")                                          \
    X(CQ_ERR_CSV, 1, "malformed CSV")                                                              \
    X(CQ_ERR_LIMIT, 1, "input exceeds a size limit")                                               \
    X(CQ_ERR_HEADER, 1, "bad header")                                                              \
    X(CQ_ERR_INSTRUMENT, 1, "invalid instrument")                                                  \
    X(CQ_ERR_STUDY, 1, "invalid study file")                                                       \
    X(CQ_ERR_DISCLOSURE, 1, "the published figures would reveal a small group")                    \
    X(CQ_ERR_INTERNAL, 1, "internal error")

typedef enum {
#define CQ_X_ENUM(name, exitcode, msg) name,
    CQ_STATUS_LIST(CQ_X_ENUM)
#undef CQ_X_ENUM
        CQ_STATUS_COUNT
} cq_status;

/* Static string; never NULL. */
const char *cq_strerror(cq_status s);
/* Process exit status for s: 0, 1 (input could not be used) or 2 (usage). */
int cq_exit_code(cq_status s);

/* Detail of the last failure.  Filled by the failing function, printed by main. */
typedef struct {
    char msg[1024];
} cq_diag;

/* Formats the detail into d (if d is not NULL) and returns s, so that
 * `return cq_fail(d, CQ_ERR_CSV, "%s: line %zu: ...", ...);` reads naturally. */
cq_status cq_fail(cq_diag *d, cq_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
