/* main.c - runs every registered unit test; optional argument: a name filter. */
#include <gsl/gsl_errno.h>
#include <stdarg.h>
#include <stdlib.h>

#include "harness.h"

#define MAX_TESTS 1024

static struct {
    const char *name;
    cq_test_fn fn;
} tests[MAX_TESTS];
static int n_tests;
static int current_failures;
static const char *current_name;

void
cq_test_register(const char *name, cq_test_fn fn)
{
    if (n_tests < MAX_TESTS) {
        tests[n_tests].name = name;
        tests[n_tests].fn = fn;
        n_tests++;
    }
}

void
cq_test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stdout, "FAIL %s (%s:%d): ", current_name, file, line);
    vfprintf(stdout, fmt, ap);
    fputc('\n', stdout);
    va_end(ap);
    current_failures++;
}

int
main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    gsl_set_error_handler_off(); /* as main() does: GSL reports, never aborts */
    for (int i = 0; i < n_tests; i++) {
        if (argc > 1 && !strstr(tests[i].name, argv[1]))
            continue;
        current_name = tests[i].name;
        current_failures = 0;
        tests[i].fn();
        if (current_failures) {
            failed++;
        } else {
            passed++;
            if (getenv("CQ_TEST_VERBOSE"))
                printf("ok   %s\n", tests[i].name);
        }
    }
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
