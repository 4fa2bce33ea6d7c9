/*
 * stats.h - the statistics the stages share, on top of GSL.  Inputs are
 * plain arrays of present values (never NaN).  Results that are undefined
 * (n too small, zero variance) come back as NaN for the writers to blank.
 */
#ifndef COPSOQ_STATS_H
#define COPSOQ_STATS_H

#include <stddef.h>

typedef struct {
    size_t n;
    double mean, sd, ci_low, ci_high, median, q1, q3;
} cq_desc;

/* Descriptives of x[0..n-1] (contract §4): sd with n-1, t-based 95 % CI,
 * quartiles by R's type 7.  Sorts x in place.  n = 0 gives all NaN; n = 1
 * gives mean/median/quartiles and NaN sd and CI. */
void cq_describe(double *x, size_t n, cq_desc *out);

/* The same for data already sorted ascending (x is not changed). */
void cq_describe_sorted(const double *x, size_t n, cq_desc *out);

/* Mean and sd (n-1) by a stable two-pass algorithm; sd is NaN for n < 2. */
void cq_mean_sd(const double *x, size_t n, double *mean, double *sd);

/* Quantile of Student's t with df degrees of freedom (df > 0). */
double cq_t_quantile(double p, double df);

/* Two-sided p-value of t with df degrees of freedom, accurate for tiny p
 * (regularised incomplete beta, not gsl_cdf_tdist_Q).  NaN for bad input. */
double cq_t_p_two_sided(double t, double df);

/* Benjamini-Hochberg adjusted p-values of p[0..n-1] into out (R's p.adjust "BH").
 * NaN entries are not part of the family and stay NaN. */
void cq_p_adjust_bh(const double *p, size_t n, double *out);

#endif
