/*
 * compare.h - the paired test on score codes (stages/compare.c), declared
 * for the unit tests; the compare stage itself is cq_stage_compare
 * (stages.h).
 */
#ifndef COPSOQ_COMPARE_H
#define COPSOQ_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "copsoq/stats.h"

/* cq_paired(xa, xb, m, out) for xa[i] = va[ab[i] & 0xff] and
 * xb[i] = vb[ab[i] >> 8]: the same long-double sums of the same values in
 * the same order, so the same bits, without the two arrays of doubles.  No
 * value may be NaN.  xa and xb are scratch of m doubles each, used only when
 * a mean is not finite (cq_paired itself then runs on them). */
void cq_paired_codes(const uint16_t *ab, size_t m, const double *va, const double *vb, double *xa,
                     double *xb, cq_ttest *out);

#endif
