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

/* m pairs of scores as codes: pair i has a = va[ab[i] & 0xff] (wave A) and
 * b = vb[ab[i] >> 8] (wave B), and diff[ab[i]] holds b - a (in double).
 * No a or b is NaN.  Everything is borrowed. */
typedef struct {
    const uint16_t *ab;
    size_t m;
    const double *va, *vb, *diff;
} cq_paired_job;

/* cq_paired(a, b, m, out) on the job's scores: the same long-double sums of
 * the same values in the same order, so the same bits, without arrays of
 * doubles.  xa and xb: scratch of m doubles each, used only when a mean is
 * not finite (cq_paired itself then runs on them). */
void cq_paired_codes(const cq_paired_job *x, double *xa, double *xb, cq_ttest *out);

/* Two jobs at once, their sums side by side: the same bits as two calls of
 * cq_paired_codes.  xa, xb: scratch of max(x->m, y->m) doubles each. */
void cq_paired_codes2(const cq_paired_job *x, const cq_paired_job *y, double *xa, double *xb,
                      cq_ttest *ox, cq_ttest *oy);

#endif
