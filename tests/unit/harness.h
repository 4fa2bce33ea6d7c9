/*
 * harness.h - a small table-friendly unit-test harness.
 *
 * A test is a function declared with CQ_TEST(name); it registers itself
 * (constructor attribute), so test files need no central list.  Checks
 * record a failure with file and line and let the test go on.  The runner
 * (main.c) prints "N passed, N failed" as its last line; a test passes when
 * none of its checks failed.
 */
#ifndef COPSOQ_TEST_HARNESS_H
#define COPSOQ_TEST_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef void (*cq_test_fn)(void);
void cq_test_register(const char *name, cq_test_fn fn);
void cq_test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define CQ_TEST(name)                                                                         \
    static void name(void);                                                                   \
    __attribute__((constructor)) static void name##_register(void)                            \
    {                                                                                         \
        cq_test_register(#name, name);                                                        \
    }                                                                                         \
    static void name(void)

#define CHECK(cond)                                                                           \
    do {                                                                                      \
        if (!(cond))                                                                          \
            cq_test_fail(__FILE__, __LINE__, "%s", #cond);                                    \
    } while (0)

#define CHECK_INT(got, want)                                                                  \
    do {                                                                                      \
        long long g_ = (long long)(got), w_ = (long long)(want);                              \
        if (g_ != w_)                                                                         \
            cq_test_fail(__FILE__, __LINE__, "%s = %lld, expected %lld", #got, g_, w_);       \
    } while (0)

#define CHECK_STR(got, want)                                                                  \
    do {                                                                                      \
        const char *g_ = (got), *w_ = (want);                                                 \
        if (!g_ || strcmp(g_, w_) != 0)                                                       \
            cq_test_fail(__FILE__, __LINE__, "%s = '%s', expected '%s'", #got,                \
                         g_ ? g_ : "(null)", w_);                                             \
    } while (0)

/* |got - want| <= tol, or both NaN */
#define CHECK_NEAR(got, want, tol)                                                            \
    do {                                                                                      \
        double g_ = (got), w_ = (want);                                                       \
        if (!((isnan(g_) && isnan(w_)) || fabs(g_ - w_) <= (tol)))                            \
            cq_test_fail(__FILE__, __LINE__, "%s = %.17g, expected %.17g (tol %g)", #got, g_,  \
                         w_, (double)(tol));                                                  \
    } while (0)

/* relative tolerance */
#define CHECK_REL(got, want, rel)                                                             \
    do {                                                                                      \
        double g_ = (got), w_ = (want);                                                       \
        if (!(fabs(g_ - w_) <= (rel) * fabs(w_) || fabs(g_ - w_) <= 1e-300))                  \
            cq_test_fail(__FILE__, __LINE__, "%s = %.17g, expected %.17g (rel %g)", #got, g_,  \
                         w_, (double)(rel));                                                  \
    } while (0)

#endif
