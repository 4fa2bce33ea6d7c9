/*
 * stats.h - the statistics the stages share, on top of GSL.  Inputs are
 * plain arrays of present values (never NaN).  Results that are undefined
 * (n too small, zero variance) come back as NaN for the writers to blank.
 *
 * These are the typed cores of the summarise, reliability and compare
 * stages: pure functions of arrays or summary numbers, so unit tests call
 * them directly (tests/unit/test_stats.c, expected values from R in
 * tests/r/stats_expected.R).  None of them allocates except cq_cronbach and
 * cq_p_adjust_bh, which say so.
 */
#ifndef COPSOQ_STATS_H
#define COPSOQ_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "copsoq/status.h"

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

/* The same for data given as counts: count[i] copies of value[i], values
 * ascending (counts may be 0).  Makes the same additions in the same order
 * as cq_describe_sorted on the data written out, so every number is the
 * same to the last bit, without the data. */
void cq_describe_counts(const double *value, const size_t *count, size_t k, cq_desc *out);

/* s after c times s += v in long double, bit for bit, in time proportional
 * to the binades the sum crosses rather than to c (cq_describe_counts's
 * sums; exact where long double has 64 significant bits, the plain loop
 * elsewhere, e.g. under valgrind). */
long double cq_add_repeated(long double s, long double v, size_t c);

/* Mean and sd (n-1) as R computes them: the mean summed in long double and
 * corrected by a second pass, the sd from the squared deviations from that
 * mean.  n = 0 gives NaN for both; sd is NaN for n < 2. */
void cq_mean_sd(const double *x, size_t n, double *mean, double *sd);

/* Quantile of Student's t with df degrees of freedom (df > 0, any real df);
 * NaN otherwise.  Agrees with R's qt to ~3e-15 relative (tests/r). */
double cq_t_quantile(double p, double df);

/* Two-sided p-value P(|T| >= |t|) with df degrees of freedom, from the
 * regularised incomplete beta function.  Relative error against R's
 * 2 * pt(-|t|, df) <= 1e-12 for df <= 1e4 (t = 40, df = 200: 2.2487e-97),
 * and against 40-digit mpmath <= 2.2e-11 up to df = 1e6.  0 when p is below
 * the smallest double (R's pt gives 0 too).  NaN for a non-finite t or a df
 * that is not positive and finite. */
double cq_t_p_two_sided(double t, double df);

/* Result of a two-sample comparison (contract §4).  Undefined members are NaN. */
typedef struct {
    size_t n_a, n_b;        /* paired: both the number of pairs */
    double mean_a, mean_b;  /* paired: means of the paired scores */
    double diff;            /* mean_B - mean_A; paired: mean of (B - A) */
    double sd_diff;         /* paired: sd of (B - A); Welch: NaN */
    double se, t, df, p;    /* two-sided p */
    double ci_low, ci_high; /* 95 % CI of diff */
    double effect;          /* Welch: Hedges' g; paired: d_z = diff / sd_diff */
} cq_ttest;

/* Welch's test from each group's n, mean and sd (sd with n-1):
 * se = sqrt(sd_a^2/n_a + sd_b^2/n_b), Welch-Satterthwaite df, t = diff/se,
 * CI = diff -/+ t(0.975, df) se, effect = Hedges' g = d (1 - 3/(4(n_a+n_b) - 9))
 * with d = diff / pooled sd.  Means and diff are set whenever n_a, n_b >= 1.
 * Undefined, as NaN: everything but means and diff when n_a < 2 or n_b < 2;
 * se, t, df, p and the CI when the data are constant in both groups (se
 * below 10 * DBL_EPSILON * max |mean|, where R's t.test stops with "data are
 * essentially constant"); the effect when the pooled sd is zero. */
void cq_welch(size_t n_a, double mean_a, double sd_a, size_t n_b, double mean_b, double sd_b,
              cq_ttest *out);

/* Welch's test from the two samples themselves (means and sds as cq_mean_sd). */
void cq_welch_samples(const double *a, size_t n_a, const double *b, size_t n_b, cq_ttest *out);

/* Paired test of the same n respondents' scores a[i] (wave A) and b[i]
 * (wave B): diff = mean of (b - a), sd_diff their sd, t = diff/(sd_diff/sqrt n),
 * df = n - 1, CI = diff -/+ t(0.975, n-1) sd_diff/sqrt n, effect d_z = diff/sd_diff.
 * Undefined, as NaN: sd_diff and what follows when n < 2; se, t, df, p, CI and
 * the effect when every difference is the same (sd_diff below
 * 10 * DBL_EPSILON * |diff|, R's "data are essentially constant"). */
void cq_paired(const double *a, const double *b, size_t n, cq_ttest *out);
/* cq_paired's last step, from the mean difference md, n >= 2 pairs and the
 * sum of squared deviations ss (for kernels that sum the same terms another
 * way, compare.c's on score codes). */
void cq_paired_finish(double md, size_t n, long double ss, cq_ttest *out);

/* Cronbach's alpha of k items over n respondents who answered all of them:
 * x[j * n + i] is respondent i's points on item j (after reversal).
 * alpha = k/(k-1) (1 - sum var(item) / var(sum)).  When item_rest_r and
 * alpha_if_deleted are not NULL they receive k values each: the correlation
 * of item j with the sum of the other items, and alpha of the other k-1
 * items.  Undefined, as NaN: everything when n < 2 or k < 2; alpha when the
 * sum has zero variance; alpha_if_deleted for k = 2 (one item left) or when
 * the rest has zero variance; item_rest_r when the item or the rest has zero
 * variance.  A variance counts as zero below 1e-10 times the sum of the item
 * variances involved (rounding of an exactly constant sum).
 * Allocates k*k doubles: returns CQ_ERR_NOMEM when that fails, else CQ_OK. */
cq_status cq_cronbach(const double *x, size_t n, size_t k, double *alpha, double *item_rest_r,
                      double *alpha_if_deleted);

/* cq_cronbach of the values points[j * 256 + code[j * stride + i]] (item j's
 * points for respondent i's answer code), without making that n x k array of
 * doubles: the same results, bit for bit (tests/unit/test_stats.c).  Every
 * code must have its points in the table. */
cq_status cq_cronbach_coded(const uint8_t *code, size_t stride, const double *points, size_t n,
                            size_t k, double *alpha, double *item_rest_r, double *alpha_if_deleted);

/* Benjamini-Hochberg adjusted p-values of p[0..n-1] into out (R's
 * p.adjust(p, "BH")).  NaN entries are not part of the family (R drops NA)
 * and stay NaN.  Allocates n entries: CQ_ERR_NOMEM (out all NaN) when that
 * fails, else CQ_OK. */
cq_status cq_p_adjust_bh(const double *p, size_t n, double *out);

/* COPSOQ practical relevance of a difference of points: 0 for |diff| < 5,
 * 1 for 5 <= |diff| < 10, 2 for |diff| >= 10, -1 when diff is not finite. */
int cq_relevance(double diff);

/* Direction of a change: 1 better, -1 worse, 0 none.  A change is called
 * only when p_adj < 0.05 and diff != 0; better when the difference points
 * the way the scale calls good (higher_is_good: diff > 0). */
int cq_change(double diff, double p_adj, int higher_is_good);

/* The secondary (difference) suppression rule of contract §5 over the n
 * groups of one wave (or wave pair), breakdown and scale: count[i] is group
 * i's respondents (or pairs), suppressed[i] its flag (in/out), name[i] its
 * name.  While the count in suppressed groups is > 0 and < min_group, the
 * shown group with the smallest count (ties: the name first by bytes) is
 * suppressed too.  Returns how many groups it suppressed. */
size_t cq_suppress_secondary(const size_t *count, const char *const *name, int *suppressed,
                             size_t n, int min_group);

#endif
