/*
 * stats.c - statistics shared by the stages (see stats.h), on GSL.
 *
 * p-values come from the regularised incomplete beta function, which keeps
 * full relative accuracy for tiny p at any df; gsl_cdf_tdist_Q does not.
 * GSL's error handler is switched off by main, so special functions return
 * a status that is checked here instead of aborting.
 */
#include "copsoq/stats.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

void
cq_mean_sd(const double *x, size_t n, double *mean, double *sd)
{
    if (n == 0) {
        *mean = NAN;
        *sd = NAN;
        return;
    }
    /* two passes with a correction term: accurate for values far from 0 */
    double m = gsl_stats_mean(x, 1, n);
    *mean = m;
    *sd = n >= 2 ? gsl_stats_sd_m(x, 1, n, m) : NAN;
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
    if (!isfinite(t) || !(df > 0))
        return NAN;
    /* P(|T| > |t|) = I_{df/(df+t^2)}(df/2, 1/2) */
    double x = df / (df + t * t);
    gsl_sf_result r;
    if (gsl_sf_beta_inc_e(df / 2.0, 0.5, x, &r) != GSL_SUCCESS)
        return NAN;
    double p = r.val;
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
    out->median = gsl_stats_quantile_from_sorted_data(x, 1, n, 0.5);
    out->q1 = gsl_stats_quantile_from_sorted_data(x, 1, n, 0.25);
    out->q3 = gsl_stats_quantile_from_sorted_data(x, 1, n, 0.75);
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

void
cq_p_adjust_bh(const double *p, size_t n, double *out)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        out[i] = NAN;
        if (!isnan(p[i]))
            m++;
    }
    if (m == 0)
        return;
    pidx *v = malloc(m * sizeof *v);
    if (!v)
        return; /* out stays NaN: shown as empty, never wrong */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(p[i]))
            v[k++] = (pidx){p[i], i};
    qsort(v, m, sizeof *v, cmp_p_desc);
    /* R: pmin(1, cummin(n / i * p[o])) over p in decreasing order */
    double run = INFINITY;
    for (size_t j = 0; j < m; j++) {
        double rank = (double)(m - j);
        double q = (double)m / rank * v[j].p;
        if (q < run)
            run = q;
        out[v[j].i] = run < 1 ? run : 1;
    }
    free(v);
}
