/*
 * stats.c - statistics shared by the stages (see stats.h), on GSL.
 *
 * Accuracy, measured against R 4.2 and mpmath (tests/r/stats_expected.R,
 * tests/unit/test_stats.c):
 * - means and sds follow R's algorithms (long double sums, a corrected mean),
 *   so they agree with R's mean() and sd() to the last bit or two;
 * - p-values come from the regularised incomplete beta function, which keeps
 *   full relative accuracy for tiny p (t = 40, df = 200: 3e-15 from R;
 *   at most 1.4e-13 over the grid of tests/r/stats_expected.R).
 *   GSL evaluates I_x(a, b) for x near 1 as 1 - I_{1-x}(b, a), forming 1 - x
 *   from the rounded x, which costs up to 3e-11 when p is near 1 and df is
 *   large; we pass y = t^2/(df + t^2) for that branch ourselves, exactly;
 * - t quantiles are gsl_cdf_tdist_Pinv, within 3e-15 of R's qt.
 * GSL's error handler is switched off by main, so special functions return
 * a status that is checked here instead of aborting.
 */
#include "copsoq/stats.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A variance counts as zero below this fraction of the item variances it is
 * made of (the rounding left of an exactly constant sum of items). */
#define ZERO_VAR_REL 1e-10

static double mean_of(const double *x, size_t n);
static void means_paired(const double *a, const double *b, size_t n, double *ma, double *mb,
                         double *md);
static double mean_of_diff(const double *a, const double *b, size_t n);
static void finish_t(cq_ttest *out);

void
cq_mean_sd(const double *x, size_t n, double *mean, double *sd)
{
    *mean = NAN;
    *sd = NAN;
    if (n == 0)
        return;
    double m = mean_of(x, n);
    *mean = m;
    if (n < 2)
        return;
    long double ss = 0;
    for (size_t i = 0; i < n; i++) {
        long double dv = (long double)x[i] - m;
        ss += dv * dv;
    }
    *sd = sqrt((double)(ss / (long double)(n - 1)));
}

double
cq_t_quantile(double p, double df)
{
    if (!(df > 0) || !(p > 0 && p < 1))
        return NAN;
    return gsl_cdf_tdist_Pinv(p, df);
}

double
cq_t_p_two_sided(double t, double df)
{
    if (!isfinite(t) || !(df > 0) || isinf(df))
        return NAN;
    /* P(|T| >= |t|) = I_x(df/2, 1/2), x = df/(df+t^2); I_x(a, b) = 1 - I_y(b, a)
     * with y = 1 - x = t^2/(df+t^2).  GSL itself switches to the second form
     * above x = (a+1)/(a+b+2) but forms 1 - x from the rounded x: doing the
     * switch here with the exact y keeps p near 1 accurate too. */
    double a = df / 2.0, b = 0.5;
    double tt = t * t;
    double x = df / (df + tt), y = tt / (df + tt);
    gsl_sf_result r;
    double p;
    if (x < (a + 1.0) / (a + b + 2.0)) {
        int e = gsl_sf_beta_inc_e(a, b, x, &r);
        if (e == GSL_EUNDRFLW)
            return 0; /* below the smallest double, as R's pt gives 0 */
        if (e != GSL_SUCCESS)
            return NAN;
        p = r.val;
    } else {
        int e = gsl_sf_beta_inc_e(b, a, y, &r);
        if (e == GSL_EUNDRFLW)
            return 1;
        if (e != GSL_SUCCESS)
            return NAN;
        p = 1.0 - r.val;
    }
    if (p > 1)
        p = 1;
    if (p < 0)
        p = 0;
    return p;
}

void
cq_describe(double *x, size_t n, cq_desc *out)
{
    if (n > 0)
        gsl_sort(x, 1, n);
    cq_describe_sorted(x, n, out);
}

void
cq_describe_sorted(const double *x, size_t n, cq_desc *out)
{
    out->n = n;
    out->mean = out->sd = out->ci_low = out->ci_high = NAN;
    out->median = out->q1 = out->q3 = NAN;
    if (n == 0)
        return;
    cq_mean_sd(x, n, &out->mean, &out->sd);
    if (n >= 2) {
        double half = cq_t_quantile(0.975, (double)(n - 1)) * out->sd / sqrt((double)n);
        out->ci_low = out->mean - half;
        out->ci_high = out->mean + half;
    }
    /* GSL's quantile is R's type 7: (1-h) x[lo] + h x[lo+1] at (n-1)p */
    out->median = gsl_stats_quantile_from_sorted_data(x, 1, n, 0.5);
    out->q1 = gsl_stats_quantile_from_sorted_data(x, 1, n, 0.25);
    out->q3 = gsl_stats_quantile_from_sorted_data(x, 1, n, 0.75);
}

/* Element j (0-based) of the sorted data that the counts describe. */
static double
nth_counted(const double *value, const size_t *count, size_t k, size_t j)
{
    size_t i = 0;
    while (i + 1 < k && j >= count[i])
        j -= count[i++];
    return value[i];
}

/* GSL's gsl_stats_quantile_from_sorted_data (R's type 7), on counts */
static double
quantile_counted(const double *value, const size_t *count, size_t k, size_t n, double f)
{
    const double index = f * (n - 1);
    const size_t lhs = (int)index;
    const double delta = index - lhs;
    if (lhs == n - 1)
        return nth_counted(value, count, k, lhs);
    return (1 - delta) * nth_counted(value, count, k, lhs) +
           delta * nth_counted(value, count, k, lhs + 1);
}

void
cq_describe_counts(const double *value, const size_t *count, size_t k, cq_desc *out)
{
    size_t n = 0;
    for (size_t i = 0; i < k; i++)
        n += count[i];
    out->n = n;
    out->mean = out->sd = out->ci_low = out->ci_high = NAN;
    out->median = out->q1 = out->q3 = NAN;
    if (n == 0)
        return;
    /* mean_of and cq_mean_sd, each term computed once per distinct value
     * and added as often as it occurs, in ascending order (cq_add_repeated
     * makes those additions, or gives their result without making them) */
    long double s = 0;
    for (size_t i = 0; i < k; i++)
        s = cq_add_repeated(s, value[i], count[i]);
    long double m = s / (long double)n;
    if (!isfinite((double)m)) {
        out->mean = (double)m;
    } else {
        long double corr = 0;
        for (size_t i = 0; i < k; i++)
            corr = cq_add_repeated(corr, value[i] - m, count[i]);
        out->mean = (double)(m + corr / (long double)n);
    }
    if (n >= 2) {
        long double ss = 0;
        for (size_t i = 0; i < k; i++) {
            long double dv = (long double)value[i] - out->mean;
            ss = cq_add_repeated(ss, dv * dv, count[i]);
        }
        out->sd = sqrt((double)(ss / (long double)(n - 1)));
        double half = cq_t_quantile(0.975, (double)(n - 1)) * out->sd / sqrt((double)n);
        out->ci_low = out->mean - half;
        out->ci_high = out->mean + half;
    }
    out->median = quantile_counted(value, count, k, n, 0.5);
    out->q1 = quantile_counted(value, count, k, n, 0.25);
    out->q3 = quantile_counted(value, count, k, n, 0.75);
}

/* The plain loop: what cq_add_repeated must give, bit for bit. */
static long double
add_plain(long double s, long double v, size_t c)
{
    for (; c; c--)
        s += v;
    return s;
}

/*
 * c times s += v in long double, in O(binades crossed) instead of O(c).
 * Works on magnitudes: a = |s| and w = v with the sign of s flipped when s is
 * negative (rounding to nearest even is symmetric).  In a's binade
 * [2^(e-1), 2^e) the long doubles are A * ulp, ulp = 2^(e-64), A an integer in
 * [2^63, 2^64).  While the exact sum a + w stays inside the binade, a + w
 * rounds to (A + D) * ulp with D = w/ulp rounded to nearest: a fixed step, so
 * t steps give (A + t D) * ulp, exactly.  When w/ulp is a tie (fraction .5)
 * and A is even, round-to-even picks the even neighbour of w/ulp, again a
 * fixed step that keeps A even; with A odd one plain step makes it even.
 * The jump goes as far as the exact sums provably stay in the binade
 * (up: A + t D <= 2^64 - 1; down: A + t D >= 2^63 + 1); then one plain step
 * leaves the binade and the next one starts.  Zero, subnormal and non-finite
 * sums, and steps of 2^62 ulps or more, take plain steps.
 *
 * Exact only where long double has its 64-bit significand at run time:
 * valgrind computes x87 arithmetic in 53 bits, so there the plain loop runs
 * (valgrind then sees the sums the plain loop gives under it).
 */
long double
cq_add_repeated(long double s, long double v, size_t c)
{
    volatile long double one = 1;
    if (one + LDBL_EPSILON == one || LDBL_MANT_DIG != 64)
        return add_plain(s, v, c);
    const uint64_t half = UINT64_C(1) << 63;
    while (c > 0) {
        if (s == 0 || v == 0 || !isfinite(s) || !isfinite(v) || fabsl(s) < LDBL_MIN) {
            s += v;
            c--;
            continue;
        }
        long double a = fabsl(s), w = s < 0 ? -v : v;
        int e;
        long double f = frexpl(a, &e); /* a = f 2^e, f in [0.5, 1) */
        long double ulp = ldexpl(1, e - 64);
        uint64_t A = (uint64_t)ldexpl(f, 64); /* exact: 64 significant bits */
        long double q = w / ulp;              /* exact: a power of two */
        if (!(fabsl(q) < 0x1p62L) || (w < 0 && A == half)) {
            s += v; /* a large step, or below the binade's floor at once */
            c--;
            continue;
        }
        long double fl = floorl(q), frac = q - fl; /* both exact */
        int64_t D = (int64_t)fl;
        if (frac == 0.5L) {
            if (A & 1) {
                s += v; /* round-to-even moves A to an even value first */
                c--;
                continue;
            }
            D += D & 1; /* the even neighbour of q */
        } else if (frac > 0.5L) {
            D += 1;
        }
        if (D == 0)
            return s; /* each addition rounds back to s */
        uint64_t t;
        if (D > 0)
            t = (UINT64_MAX - A) / (uint64_t)D;
        else
            t = A >= half + 1 ? (A - (half + 1)) / (uint64_t)(-D) : 0;
        uint64_t jump = t < c ? t : (uint64_t)c;
        if (jump > 0) {
            uint64_t B = D > 0 ? A + jump * (uint64_t)D : A - jump * (uint64_t)(-D);
            a = (long double)B * ulp; /* exact: B < 2^64 times a power of two */
            s = s < 0 ? -a : a;
            c -= (size_t)jump;
        }
        if (c > 0) {
            s += v; /* leaves the binade (or would have gone past its edge) */
            c--;
        }
    }
    return s;
}

void
cq_welch(size_t n_a, double mean_a, double sd_a, size_t n_b, double mean_b, double sd_b,
         cq_ttest *out)
{
    out->n_a = n_a;
    out->n_b = n_b;
    out->mean_a = n_a ? mean_a : NAN;
    out->mean_b = n_b ? mean_b : NAN;
    out->diff = out->mean_b - out->mean_a;
    out->sd_diff = out->se = out->t = out->df = out->p = NAN;
    out->ci_low = out->ci_high = out->effect = NAN;
    if (n_a < 2 || n_b < 2 || !isfinite(sd_a) || !isfinite(sd_b))
        return;
    double na = (double)n_a, nb = (double)n_b;
    double va = sd_a * sd_a / na, vb = sd_b * sd_b / nb;
    double pooled2 = ((na - 1) * sd_a * sd_a + (nb - 1) * sd_b * sd_b) / (na + nb - 2);
    if (pooled2 > 0) {
        double d = out->diff / sqrt(pooled2);
        out->effect = d * (1.0 - 3.0 / (4.0 * (na + nb) - 9.0));
    }
    double se = sqrt(va + vb);
    double scale = fmax(fabs(mean_a), fabs(mean_b));
    if (!(se > 0) || se < 10 * DBL_EPSILON * scale)
        return; /* R: "data are essentially constant" */
    out->se = se;
    out->df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
    finish_t(out);
}

void
cq_welch_samples(const double *a, size_t n_a, const double *b, size_t n_b, cq_ttest *out)
{
    double ma, sa, mb, sb;
    cq_mean_sd(a, n_a, &ma, &sa);
    cq_mean_sd(b, n_b, &mb, &sb);
    cq_welch(n_a, ma, sa, n_b, mb, sb, out);
}

void
cq_paired(const double *a, const double *b, size_t n, cq_ttest *out)
{
    out->n_a = out->n_b = n;
    out->mean_a = out->mean_b = out->diff = NAN;
    out->sd_diff = out->se = out->t = out->df = out->p = NAN;
    out->ci_low = out->ci_high = out->effect = NAN;
    if (n == 0)
        return;
    /* R: t.test(b, a, paired = TRUE) is the one-sample test of b - a */
    double md;
    means_paired(a, b, n, &out->mean_a, &out->mean_b, &md);
    out->diff = md;
    if (n < 2)
        return;
    long double ss = 0;
    for (size_t i = 0; i < n; i++) {
        long double dv = (long double)(b[i] - a[i]) - md;
        ss += dv * dv;
    }
    cq_paired_finish(md, n, ss, out);
}

void
cq_paired_finish(double md, size_t n, long double ss, cq_ttest *out)
{
    double sd = sqrt((double)(ss / (long double)(n - 1)));
    out->sd_diff = sd;
    double se = sd / sqrt((double)n);
    if (!(se > 0) || se < 10 * DBL_EPSILON * fabs(md)) {
        /* every difference the same: R stops ("essentially constant");
         * the contract's CI = diff -/+ t * sd / sqrt(n) is diff -/+ 0, while
         * t, p and d_z (divisions by sd) stay undefined */
        out->df = (double)(n - 1);
        out->se = 0;
        out->sd_diff = 0;
        out->ci_low = out->ci_high = md;
        return;
    }
    out->effect = md / sd;
    out->se = se;
    out->df = (double)(n - 1);
    finish_t(out);
}

/* Cronbach's alpha and the item figures need only the item variances v_j,
 * each item's covariance with the scale total, row_j = cov(x_j, T) =
 * sum_l cov_jl, and var(T) = sum_jl cov_jl.  Scales of up to
 * CRONBACH_MATRIX_ITEMS items (every COPSOQ scale) take them from the k x k
 * covariance matrix, as R's psych::alpha does, at n * k^2 / 2 work - the
 * numbers earlier versions wrote; longer scales from the item-total
 * covariances, n * k work, which agree with the matrix to rounding (1e-13,
 * tests/unit/test_stats.c) and keep the cost linear in items. */
#define CRONBACH_MATRIX_ITEMS 8

/* The items' values come either as doubles (x[j * n + i], cq_cronbach) or
 * as answer codes with a table of points per item (cq_cronbach_coded), read
 * in the loops themselves, so no n x k array of doubles is made for them.
 * Each kernel below is compiled twice, for a constant `coded`; every sum
 * adds the same terms in the same order either way: the same bits. */
#define INLINE static inline __attribute__((always_inline))

typedef struct {
    const double *x;      /* [k][n] values, or NULL: */
    const uint8_t *code;  /* [k][stride] answer codes */
    const double *points; /* [k][256] the points of each code */
    size_t n, stride;
} columns;

/* one column: x, or code with its points */
typedef struct {
    const double *x;
    const uint8_t *code;
    const double *points;
} column;

INLINE column
column_of(const columns *c, size_t j)
{
    column col = {NULL, NULL, NULL};
    if (c->x)
        col.x = c->x + j * c->n;
    else {
        col.code = c->code + j * c->stride;
        col.points = c->points + 256 * j;
    }
    return col;
}

/* row i of a column, for a constant coded */
#define AT(col, i) (coded ? (col).points[(col).code[i]] : (col).x[i])

/* The k columns' means, each as mean_of computes it (a long double sum,
 * then a correction summed from the sum's mean, unless that mean is not
 * finite), four columns side by side: a long double addition waits for the
 * one before it in the same sum, so four sums in one loop take about the
 * time of one, and each still adds the same terms in the same order. */
INLINE void
means_of(const columns *c, int coded, size_t k, double *mean)
{
    size_t n = c->n;
    for (size_t g = 0; g < k; g += 4) {
        size_t w = k - g < 4 ? k - g : 4;
        column x0 = column_of(c, g), x1 = column_of(c, g + (w > 1)),
               x2 = column_of(c, g + (w > 2 ? 2 : 0)), x3 = column_of(c, g + (w > 3 ? 3 : 0));
        long double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        switch (w) {
        case 1:
            for (size_t i = 0; i < n; i++)
                s0 += AT(x0, i);
            break;
        case 2:
            for (size_t i = 0; i < n; i++) {
                s0 += AT(x0, i);
                s1 += AT(x1, i);
            }
            break;
        case 3:
            for (size_t i = 0; i < n; i++) {
                s0 += AT(x0, i);
                s1 += AT(x1, i);
                s2 += AT(x2, i);
            }
            break;
        default:
            for (size_t i = 0; i < n; i++) {
                s0 += AT(x0, i);
                s1 += AT(x1, i);
                s2 += AT(x2, i);
                s3 += AT(x3, i);
            }
            break;
        }
        long double a0 = s0 / (long double)n, a1 = s1 / (long double)n, a2 = s2 / (long double)n,
                    a3 = s3 / (long double)n;
        /* the corrections (wasted for a mean that is not finite) */
        long double c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        switch (w) {
        case 1:
            for (size_t i = 0; i < n; i++)
                c0 += AT(x0, i) - a0;
            break;
        case 2:
            for (size_t i = 0; i < n; i++) {
                c0 += AT(x0, i) - a0;
                c1 += AT(x1, i) - a1;
            }
            break;
        case 3:
            for (size_t i = 0; i < n; i++) {
                c0 += AT(x0, i) - a0;
                c1 += AT(x1, i) - a1;
                c2 += AT(x2, i) - a2;
            }
            break;
        default:
            for (size_t i = 0; i < n; i++) {
                c0 += AT(x0, i) - a0;
                c1 += AT(x1, i) - a1;
                c2 += AT(x2, i) - a2;
                c3 += AT(x3, i) - a3;
            }
            break;
        }
        long double a[4] = {a0, a1, a2, a3}, cm[4] = {c0, c1, c2, c3};
        for (size_t q = 0; q < w; q++)
            mean[g + q] =
                isfinite((double)a[q]) ? (double)(a[q] + cm[q] / (long double)n) : (double)a[q];
    }
}

/* s[q] = sum over i of (xj[i] - mj) (x(l + q)[i] - m[l + q]), q < w <= 4 */
INLINE void
co_sums(const columns *c, int coded, size_t j, size_t l, size_t w, const double *m, long double *s)
{
    size_t n = c->n;
    column xj = column_of(c, j), x0 = column_of(c, l), x1 = column_of(c, l + (w > 1)),
           x2 = column_of(c, l + (w > 2 ? 2 : 0)), x3 = column_of(c, l + (w > 3 ? 3 : 0));
    double mj = m[j];
    const double *ml = m + l;
    long double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    switch (w) {
    case 1:
        for (size_t i = 0; i < n; i++)
            s0 += ((long double)AT(xj, i) - mj) * ((long double)AT(x0, i) - ml[0]);
        break;
    case 2:
        for (size_t i = 0; i < n; i++) {
            long double d = (long double)AT(xj, i) - mj;
            s0 += d * ((long double)AT(x0, i) - ml[0]);
            s1 += d * ((long double)AT(x1, i) - ml[1]);
        }
        break;
    case 3:
        for (size_t i = 0; i < n; i++) {
            long double d = (long double)AT(xj, i) - mj;
            s0 += d * ((long double)AT(x0, i) - ml[0]);
            s1 += d * ((long double)AT(x1, i) - ml[1]);
            s2 += d * ((long double)AT(x2, i) - ml[2]);
        }
        break;
    default:
        for (size_t i = 0; i < n; i++) {
            long double d = (long double)AT(xj, i) - mj;
            s0 += d * ((long double)AT(x0, i) - ml[0]);
            s1 += d * ((long double)AT(x1, i) - ml[1]);
            s2 += d * ((long double)AT(x2, i) - ml[2]);
            s3 += d * ((long double)AT(x3, i) - ml[3]);
        }
        break;
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
}

/* s[0..2] = the sums of co_sums for the pairs (j, j), (j, j + 1) and
 * (j + 1, j + 1): the last two columns' pairs in one loop where co_sums took
 * two (each term the same product of the same centred values) */
INLINE void
co_sums_last_two(const columns *c, int coded, size_t j, const double *m, long double *s)
{
    size_t n = c->n;
    column x0 = column_of(c, j), x1 = column_of(c, j + 1);
    double m0 = m[j], m1 = m[j + 1];
    long double s0 = 0, s1 = 0, s2 = 0;
    for (size_t i = 0; i < n; i++) {
        long double d0 = (long double)AT(x0, i) - m0, d1 = (long double)AT(x1, i) - m1;
        s0 += d0 * d0;
        s1 += d0 * d1;
        s2 += d1 * d1;
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
}

/* The moments from the covariance matrix: two passes over centred values,
 * the sums of up to four pairs in one loop, each summed in the same order as
 * alone. */
INLINE void
moments_matrix(const columns *c, int coded, size_t k, const double *m, double *var, double *row,
               double *trace, double *total)
{
    double cov[CRONBACH_MATRIX_ITEMS * CRONBACH_MATRIX_ITEMS];
    size_t n = c->n;
    for (size_t j = 0; j < k; j++) {
        if (j + 2 == k) {
            long double s[3];
            co_sums_last_two(c, coded, j, m, s);
            cov[j * k + j] = (double)(s[0] / (long double)(n - 1));
            cov[j * k + j + 1] = cov[(j + 1) * k + j] = (double)(s[1] / (long double)(n - 1));
            cov[(j + 1) * k + j + 1] = (double)(s[2] / (long double)(n - 1));
            break;
        }
        for (size_t l = j; l < k; l += 4) {
            size_t w = k - l < 4 ? k - l : 4;
            long double s[4];
            co_sums(c, coded, j, l, w, m, s);
            for (size_t q = 0; q < w; q++)
                cov[j * k + l + q] = cov[(l + q) * k + j] = (double)(s[q] / (long double)(n - 1));
        }
    }
    *trace = *total = 0;
    for (size_t j = 0; j < k; j++) {
        *trace += cov[j * k + j];
        for (size_t l = 0; l < k; l++)
            *total += cov[j * k + l];
    }
    for (size_t j = 0; j < k; j++) {
        var[j] = cov[j * k + j];
        row[j] = 0;
        for (size_t l = 0; l < k; l++)
            row[j] += cov[j * k + l];
    }
}

/* The moments from the item-total covariances: t[i] = T_i - mean(T), summed
 * item by item from centred values in long double, then one pass per item. */
INLINE void
moments_item_total(const columns *c, int coded, size_t k, const double *m, long double *t,
                   double *var, double *row, double *trace, double *total)
{
    size_t n = c->n;
    for (size_t i = 0; i < n; i++)
        t[i] = 0;
    for (size_t j = 0; j < k; j++) {
        column xj = column_of(c, j);
        for (size_t i = 0; i < n; i++)
            t[i] += (long double)AT(xj, i) - m[j];
    }
    *trace = *total = 0;
    for (size_t j = 0; j < k; j++) {
        column xj = column_of(c, j);
        long double vv = 0, vt = 0;
        for (size_t i = 0; i < n; i++) {
            long double dv = (long double)AT(xj, i) - m[j];
            vv += dv * dv;
            vt += dv * t[i];
        }
        var[j] = (double)(vv / (long double)(n - 1));
        row[j] = (double)(vt / (long double)(n - 1));
        *trace += var[j];
        *total += row[j];
    }
}

#undef AT

INLINE cq_status
cronbach(const columns *c, int coded, size_t k, double *alpha, double *item_rest_r,
         double *alpha_if_deleted)
{
    size_t n = c->n;
    *alpha = NAN;
    for (size_t j = 0; item_rest_r && j < k; j++)
        item_rest_r[j] = NAN;
    for (size_t j = 0; alpha_if_deleted && j < k; j++)
        alpha_if_deleted[j] = NAN;
    if (n < 2 || k < 2)
        return CQ_OK;
    if (k > ((size_t)-1) / sizeof(double) / 3)
        return CQ_ERR_NOMEM;
    double *m = malloc(3 * k * sizeof *m), *var = m + k, *row = m + 2 * k; /* item means */
    long double *t = k > CRONBACH_MATRIX_ITEMS ? malloc(n * sizeof *t) : NULL;
    if (!m || (k > CRONBACH_MATRIX_ITEMS && !t)) {
        free(m);
        free(t);
        return CQ_ERR_NOMEM;
    }
    means_of(c, coded, k, m);
    double trace, total;
    if (k <= CRONBACH_MATRIX_ITEMS)
        moments_matrix(c, coded, k, m, var, row, &trace, &total);
    else
        moments_item_total(c, coded, k, m, t, var, row, &trace, &total);
    double kk = (double)k;
    if (total > ZERO_VAR_REL * trace)
        *alpha = kk / (kk - 1) * (1 - trace / total);
    for (size_t j = 0; j < k; j++) {
        double vj = var[j];
        double rest_trace = trace - vj;
        double rest_var = total - 2 * row[j] + vj; /* var(sum - item j) */
        int rest_ok = rest_var > ZERO_VAR_REL * rest_trace;
        if (item_rest_r && vj > 0 && rest_ok) {
            double r = (row[j] - vj) / sqrt(vj * rest_var);
            item_rest_r[j] = r > 1 ? 1 : r < -1 ? -1 : r;
        }
        if (alpha_if_deleted && k >= 3 && rest_ok)
            alpha_if_deleted[j] = (kk - 1) / (kk - 2) * (1 - rest_trace / rest_var);
    }
    free(m);
    free(t);
    return CQ_OK;
}

cq_status
cq_cronbach(const double *x, size_t n, size_t k, double *alpha, double *item_rest_r,
            double *alpha_if_deleted)
{
    columns c = {x, NULL, NULL, n, n};
    return cronbach(&c, 0, k, alpha, item_rest_r, alpha_if_deleted);
}

cq_status
cq_cronbach_coded(const uint8_t *code, size_t stride, const double *points, size_t n, size_t k,
                  double *alpha, double *item_rest_r, double *alpha_if_deleted)
{
    columns c = {NULL, code, points, n, stride};
    return cronbach(&c, 1, k, alpha, item_rest_r, alpha_if_deleted);
}

typedef struct {
    double p;
    size_t i;
} pidx;

static int
cmp_p_desc(const void *a, const void *b)
{
    const pidx *x = a, *y = b;
    if (x->p > y->p)
        return -1;
    if (x->p < y->p)
        return 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

cq_status
cq_p_adjust_bh(const double *p, size_t n, double *out)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        out[i] = NAN;
        if (!isnan(p[i]))
            m++;
    }
    if (m == 0)
        return CQ_OK;
    pidx *v = malloc(m * sizeof *v);
    if (!v)
        return CQ_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(p[i]))
            v[k++] = (pidx){p[i], i};
    qsort(v, m, sizeof *v, cmp_p_desc);
    /* R: pmin(1, cummin(n / i * p[o])), o = order(p, decreasing = TRUE), i = n:1 */
    double run = INFINITY;
    for (size_t j = 0; j < m; j++) {
        double rank = (double)(m - j);
        double q = (double)m / rank * v[j].p;
        if (q < run)
            run = q;
        out[v[j].i] = run < 1 ? run : 1;
    }
    free(v);
    return CQ_OK;
}

int
cq_relevance(double diff)
{
    if (!isfinite(diff))
        return -1;
    double a = fabs(diff);
    return a < 5 ? 0 : a < 10 ? 1 : 2;
}

int
cq_change(double diff, double p_adj, int higher_is_good)
{
    if (!(p_adj < 0.05) || !isfinite(diff) || diff == 0)
        return 0;
    return (diff > 0) == (higher_is_good != 0) ? 1 : -1;
}

size_t
cq_suppress_secondary(const size_t *count, const char *const *name, int *suppressed, size_t n,
                      int min_group)
{
    size_t added = 0;
    for (;;) {
        size_t hidden = 0;
        for (size_t i = 0; i < n; i++)
            if (suppressed[i])
                hidden += count[i];
        if (hidden == 0 || hidden >= (size_t)min_group)
            return added;
        size_t pick = (size_t)-1;
        for (size_t i = 0; i < n; i++) {
            if (suppressed[i])
                continue;
            if (pick == (size_t)-1 || count[i] < count[pick] ||
                (count[i] == count[pick] && strcmp(name[i], name[pick]) < 0))
                pick = i;
        }
        if (pick == (size_t)-1)
            return added;
        suppressed[pick] = 1;
        added++;
    }
}

/* R's mean(): the sum in long double divided by n, then corrected by the
 * mean of the residuals. */
static double
mean_of(const double *x, size_t n)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i];
    long double m = s / (long double)n;
    if (!isfinite((double)m))
        return (double)m;
    long double c = 0;
    for (size_t i = 0; i < n; i++)
        c += x[i] - m;
    return (double)(m + c / (long double)n);
}

/* mean_of(a), mean_of(b) and mean_of_diff(a, b), summed side by side as
 * means_of does */
static void
means_paired(const double *a, const double *b, size_t n, double *ma, double *mb, double *md)
{
    long double sa = 0, sb = 0, sd = 0;
    for (size_t i = 0; i < n; i++) {
        sa += a[i];
        sb += b[i];
        sd += (double)(b[i] - a[i]);
    }
    long double aa = sa / (long double)n, ab = sb / (long double)n, ad = sd / (long double)n;
    if (!isfinite((double)aa) || !isfinite((double)ab)) {
        *ma = mean_of(a, n);
        *mb = mean_of(b, n);
        *md = mean_of_diff(a, b, n);
        return;
    }
    long double ca = 0, cb = 0, cd = 0;
    for (size_t i = 0; i < n; i++) {
        ca += a[i] - aa;
        cb += b[i] - ab;
        cd += (double)(b[i] - a[i]) - ad;
    }
    *ma = (double)(aa + ca / (long double)n);
    *mb = (double)(ab + cb / (long double)n);
    *md = (double)(ad + cd / (long double)n);
}

/* mean of b[i] - a[i], each difference rounded to double first as R's b - a is */
static double
mean_of_diff(const double *a, const double *b, size_t n)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)(b[i] - a[i]);
    long double m = s / (long double)n;
    long double c = 0;
    for (size_t i = 0; i < n; i++)
        c += (double)(b[i] - a[i]) - m;
    return (double)(m + c / (long double)n);
}

/* t, p and CI from out->diff, out->se and out->df */
static void
finish_t(cq_ttest *out)
{
    out->t = out->diff / out->se;
    out->p = cq_t_p_two_sided(out->t, out->df);
    double q = cq_t_quantile(0.975, out->df);
    if (isfinite(q)) {
        out->ci_low = out->diff - q * out->se;
        out->ci_high = out->diff + q * out->se;
    }
}
