/*
 * test_stats.c - the numeric cores in stats.h against R.  Every expected
 * number below is copied from tests/r/stats_expected.txt, the output of
 * tests/r/stats_expected.R (R 4.2: qt, pt, quantile type 7, t.test,
 * p.adjust "BH", Cronbach's alpha by formula, cross-checked with psych::alpha).
 * NAN marks what R refuses to compute (n < 2, "data are essentially
 * constant"): the program must leave it undefined, never print a number.
 */
#include <float.h>
#include <gsl/gsl_errno.h>
#include <stdlib.h>

#include "copsoq/stats.h"
#include "fixture.h"
#include "harness.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* As pipeline/main.c does: GSL reports errors (e.g. an underflowing p) by
 * status instead of calling abort().  Runs before any test. */
__attribute__((constructor)) static void
gsl_errors_by_status(void)
{
    gsl_set_error_handler_off();
}

/* |got - want| <= rel * |want| + abs_tol, or both NaN */
static int
near(double got, double want, double rel, double abs_tol)
{
    if (isnan(want))
        return isnan(got);
    return isfinite(got) && fabs(got - want) <= rel * fabs(want) + abs_tol;
}

#define CHECK_R(got, want, rel)                                                                    \
    do {                                                                                           \
        double g_ = (got), w_ = (want);                                                            \
        if (!near(g_, w_, (rel), 0))                                                               \
            cq_test_fail(__FILE__, __LINE__, "%s: %s = %.17g, expected %.17g (rel %g)", name,      \
                         #got, g_, w_, (double)(rel));                                             \
    } while (0)

/* ------------------------------------------------------------ t quantiles */

static const struct {
    double df, q;
} qt_table[] = {
    {1, 12.706204736174694},
    {1.5, 6.0166631044279288},
    {2, 4.3026527297494619},
    {2.5, 3.5746548420036919},
    {3, 3.1824463052837078},
    {4.5, 2.6589123472044025},
    {7, 2.3646242515927844},
    {10, 2.2281388519862739},
    {29, 2.0452296421327034},
    {30, 2.0422724563012378},
    {31, 2.0395134463964082},
    {50, 2.0085591121007607},
    {100, 1.9839715185235516},
    {355, 1.9666688922772291},
    {1190.4922390690599, 1.9619586585274562},
    {10000, 1.9602012398906257},
    {300000, 1.9599718921421827},
};

CQ_TEST(t_quantile_matches_r)
{
    for (size_t i = 0; i < N_OF(qt_table); i++) {
        const char *name = "qt";
        CHECK_R(cq_t_quantile(0.975, qt_table[i].df), qt_table[i].q, 1e-14);
    }
    CHECK(isnan(cq_t_quantile(0.975, 0)));
    CHECK(isnan(cq_t_quantile(0.975, NAN)));
    CHECK(isnan(cq_t_quantile(1, 10)));
}

/* ------------------------------------------------------------ p-values */

static const struct {
    double t, df, p;
} pt_table[] = {
    {0, 5, 1},
    {0.5, 1, 0.70483276469913358},
    {-3, 1, 0.20483276469913345},
    {1.5, 2.5, 0.2478364530862962},
    {2, 2, 0.18350341907227391},
    {2.5, 10, 0.031446844236608776},
    {-2.5, 10, 0.031446844236608776},
    {5, 30, 2.3296685467007786e-05},
    {5, 31, 2.1477834670175642e-05},
    {8, 50, 1.6632966028321343e-10},
    {1.96, 355, 0.050777719885268587},
    {-1.41114115443768, 1190.4922390690599, 0.15846426793870844},
    {40, 200, 2.2487396535202259e-97},
    {60, 300, 3.8795019393403863e-169},
    {20, 10000, 2.7646525865406926e-87},
    {3, 10000, 0.0027064481899976654},
    {0.001, 10000, 0.99920213551905257},
    {0.001, 50, 0.99920609477550171},
    {1e-08, 20, 0.99999999212022828},
    {12, 3, 0.001245015800789336},
    {100, 2, 9.9985002499562581e-05},
    {127.594570778636, 99199, 0},
    {40, 10000, 0},
    {10000000000, 5, 1.8980334491124894e-49},
};

CQ_TEST(t_p_two_sided_matches_r_to_1e12_relative)
{
    for (size_t i = 0; i < N_OF(pt_table); i++) {
        const char *name = "p";
        CHECK_R(cq_t_p_two_sided(pt_table[i].t, pt_table[i].df), pt_table[i].p, 1e-12);
    }
    CHECK(isnan(cq_t_p_two_sided(NAN, 10)));
    CHECK(isnan(cq_t_p_two_sided(INFINITY, 10)));
    CHECK(isnan(cq_t_p_two_sided(2, 0)));
    CHECK(isnan(cq_t_p_two_sided(2, -1)));
    CHECK(isnan(cq_t_p_two_sided(2, NAN)));
}

/* ------------------------------------------------------------ descriptives */

static const double D1[] = {3, 1, 2};
static const double D2[] = {5};
static const double D3[] = {0, 25, 25, 50, 100, 100, 75};
static const double D4[] = {1000000001, 1000000002, 1000000003, 1000000005};
static const double D5[] = {
    66.666666666666671, 12.5, 33.333333333333336, 50, 87.5, 66.666666666666671, 0, 100, 37.5, 62.5,
    41.666666666666664};

static const struct {
    const double *x;
    size_t n;
    double mean, sd, ci_low, ci_high, median, q1, q3;
} desc_table[] = {
    {D1, 3, 2, 1, -0.48413771175033027, 4.4841377117503303, 2, 1.5, 2.5},
    {D2, 1, 5, NAN, NAN, NAN, 5, 5, 5},
    {D3, 7, 53.571428571428569, 39.339789623472157, 17.188191398434171, 89.954665744422968, 50, 25,
     87.5},
    {D4, 4, 1000000002.75, 1.707825127659933, 1000000000.0324692, 1000000005.4675308, 1000000002.5,
     1000000001.75, 1000000003.5},
    {D5, 11, 50.757575757575758, 30.03575310603123, 30.579282259068734, 70.935869256082782, 50,
     35.416666666666671, 66.666666666666671},
};

CQ_TEST(describe_matches_r)
{
    for (size_t i = 0; i < N_OF(desc_table); i++) {
        const char *name = "describe";
        double x[16];
        size_t n = desc_table[i].n;
        memcpy(x, desc_table[i].x, n * sizeof *x);
        cq_desc ds;
        cq_describe(x, n, &ds);
        CHECK_INT(ds.n, n);
        CHECK_R(ds.mean, desc_table[i].mean, 1e-15);
        CHECK_R(ds.sd, desc_table[i].sd, 1e-13);
        CHECK_R(ds.ci_low, desc_table[i].ci_low, 1e-13);
        CHECK_R(ds.ci_high, desc_table[i].ci_high, 1e-13);
        CHECK_R(ds.median, desc_table[i].median, 1e-15);
        CHECK_R(ds.q1, desc_table[i].q1, 1e-15);
        CHECK_R(ds.q3, desc_table[i].q3, 1e-15);
        double m, sd;
        cq_mean_sd(desc_table[i].x, n, &m, &sd);
        CHECK_R(m, desc_table[i].mean, 1e-15);
        CHECK_R(sd, desc_table[i].sd, 1e-13);
    }
    double m, sd;
    cq_mean_sd(NULL, 0, &m, &sd);
    CHECK(isnan(m) && isnan(sd));
}

/* ------------------------------------------------------------ Welch */

static const double W1_a[] = {50, 75};
static const double W1_b[] = {25, 100};
static const double W2_a[] = {0, 50, 100};
static const double W2_b[] = {25, 50, 75};
static const double W3_a[] = {50, 50, 50, 50};
static const double W3_b[] = {25, 50, 75, 100, 100};
static const double W4_a[] = {50, 50, 50};
static const double W4_b[] = {75, 75};
static const double W5_a[] = {0,   50, 75, 25, 0,  25, 0,  0,  50,  25, 0,   50, 75, 100,
                              100, 25, 50, 75, 0,  0,  25, 75, 25,  0,  25,  50, 50, 25,
                              0,   75, 0,  0,  75, 0,  25, 25, 100, 50, 100, 25};
static const double W5_b[] = {0,  25,  75,  75, 25,  50, 25, 50,  75,  100, 100, 0,  75,  50, 25,
                              75, 50,  100, 25, 0,   25, 25, 100, 100, 100, 100, 0,  100, 50, 0,
                              50, 100, 25,  0,  100, 25, 0,  50,  0,   25,  25,  75, 0,   50, 0};
static const double W6_a[] = {50, 50};
static const double W6_b[] = {50, 50};
static const double W7_a[] = {50};
static const double W7_b[] = {25, 75, 100};
static const double W8_a[] = {0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25,
                              0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25,
                              0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25, 0, 25};
static const double W8_b[] = {75, 100, 75, 100, 75, 100, 75, 100, 75, 100, 75, 100, 75, 100,
                              75, 100, 75, 100, 75, 100, 75, 100, 75, 100, 75, 100, 75, 100,
                              75, 100, 75, 100, 75, 100, 75, 100, 75, 100, 75, 100, 75, 100,
                              75, 100, 75, 100, 75, 100, 75, 100, 75, 100, 75, 100, 75, 100,
                              75, 100, 75, 100, 75, 100, 75, 100, 75, 100, 75, 100, 75, 100};
static const double W9_a[] = {66.666666666666671, 12.5, 33.333333333333336, 50, 87.5};
static const double W9_b[] = {
    75, 62.5, 100, 41.666666666666664, 58.333333333333336, 91.666666666666671};

static const struct {
    const char *name;
    const double *a;
    size_t n_a;
    const double *b;
    size_t n_b;
    double diff, t, df, p, ci_low, ci_high, g;
} welch_table[] = {
    {"W1", W1_a, 2, W1_b, 2, 0, 0, 1.2195121951219516, 1, -331.80272223868246, 331.80272223868246,
     0},
    {"W2", W2_a, 3, W2_b, 3, 0, 0, 2.9411764705882346, 1, -103.8849875795626, 103.8849875795626, 0},
    {"W3", W3_a, 4, W3_b, 5, 20, 1.3719886811400708, 4, 0.24198153056802077, -20.473294617717581,
     60.473294617717578, 0.72149284436749139},
    {"W4", W4_a, 3, W4_b, 2, 25, NAN, NAN, NAN, NAN, NAN, NAN},
    {"W5", W5_a, 40, W5_b, 45, 10.347222222222221, 1.3530905480964353, 82.969763785969022,
     0.17970213272442032, -4.8626392182355458, 25.55708366267999, 0.28964539612046147},
    {"W6", W6_a, 2, W6_b, 2, 0, NAN, NAN, NAN, NAN, NAN, NAN},
    {"W7", W7_a, 1, W7_b, 3, 16.666666666666671, NAN, NAN, NAN, NAN, NAN, NAN},
    {"W8", W8_a, 60, W8_b, 70, 75, 33.837386867191746, 124.93119156077672, 9.2434815570952848e-65,
     70.613281018803775, 79.386718981196239, 5.9187142235288821},
    {"W9", W9_a, 5, W9_b, 6, 21.527777777777771, 1.3681501476979379, 7.3466559308723065,
     0.21163924990541144, -15.32651296771906, 58.382068523274604, 0.77912834022668476},
};

CQ_TEST(welch_matches_r_t_test)
{
    for (size_t i = 0; i < N_OF(welch_table); i++) {
        const char *name = welch_table[i].name;
        cq_ttest r;
        cq_welch_samples(welch_table[i].a, welch_table[i].n_a, welch_table[i].b, welch_table[i].n_b,
                         &r);
        CHECK_INT(r.n_a, welch_table[i].n_a);
        CHECK_INT(r.n_b, welch_table[i].n_b);
        CHECK(near(r.diff, welch_table[i].diff, 1e-13, 1e-12));
        CHECK(near(r.t, welch_table[i].t, 1e-12, 1e-13));
        CHECK_R(r.df, welch_table[i].df, 1e-12);
        CHECK_R(r.p, welch_table[i].p, 1e-11);
        CHECK_R(r.ci_low, welch_table[i].ci_low, 1e-12);
        CHECK_R(r.ci_high, welch_table[i].ci_high, 1e-12);
        CHECK(near(r.effect, welch_table[i].g, 1e-12, 1e-14));
        CHECK(isnan(r.sd_diff));
    }
}

CQ_TEST(welch_from_summary_numbers)
{
    /* the stage calls cq_welch with the summary rows' n, mean and sd: the
     * same as the samples (W5: df > 30) */
    const char *name = "W5 summary";
    double ma, sa, mb, sb;
    cq_mean_sd(W5_a, N_OF(W5_a), &ma, &sa);
    cq_mean_sd(W5_b, N_OF(W5_b), &mb, &sb);
    cq_ttest r;
    cq_welch(N_OF(W5_a), ma, sa, N_OF(W5_b), mb, sb, &r);
    CHECK_R(r.t, welch_table[4].t, 1e-12);
    CHECK_R(r.p, welch_table[4].p, 1e-11);
    CHECK_R(r.mean_a, ma, 0);
    CHECK_R(r.mean_b, mb, 0);
    /* an empty side: means NaN, nothing else defined */
    cq_welch(0, NAN, NAN, 3, 50, 10, &r);
    CHECK(isnan(r.mean_a) && isnan(r.diff) && isnan(r.t) && isnan(r.p) && isnan(r.effect));
    CHECK_R(r.mean_b, 50, 0);
}

/* ------------------------------------------------------------ paired */

static const double P1_a[] = {50, 75};
static const double P1_b[] = {75, 75};
static const double P2_a[] = {0, 25, 50};
static const double P2_b[] = {25, 50, 75};
static const double P3_a[] = {50};
static const double P3_b[] = {100};
static const double P4_a[] = {25, 50, 75, 50};
static const double P4_b[] = {50, 25, 50, 75};
static const double P5_a[] = {25, 50, 75, 75, 50, 25, 50, 25, 25, 100, 0, 50};
static const double P5_b[] = {50, 100, 25, 75, 25, 0, 50, 50, 25, 50, 50, 0};
static const double P6_a[] = {100, 75, 0,   25, 75,  75, 75,  0,  25, 100, 50, 50, 75, 100,
                              50,  75, 25,  75, 100, 50, 100, 50, 50, 75,  0,  25, 0,  25,
                              75,  50, 100, 75, 50,  25, 0,   25, 25, 50,  50, 25};
static const double P6_b[] = {0,  25, 25, 75, 0,   50, 0,  25, 75, 100, 75, 25, 75, 25,
                              75, 75, 0,  0,  100, 50, 25, 0,  0,  100, 0,  50, 50, 0,
                              50, 0,  25, 50, 50,  25, 75, 75, 25, 50,  50, 100};
static const double P7_a[] = {66.666666666666671, 12.5, 33.333333333333336, 50, 87.5, 50};
static const double P7_b[] = {
    75, 62.5, 100, 41.666666666666664, 58.333333333333336, 91.666666666666671};

static const struct {
    const char *name;
    const double *a, *b;
    size_t n;
    double mean_a, mean_b, diff, sd_diff, t, df, p, ci_low, ci_high, dz;
} paired_table[] = {
    {"P1", P1_a, P1_b, 2, 62.5, 75, 12.5, 17.677669529663689, 1, 1, 0.49999999999999956,
     -146.32755920218366, 171.32755920218366, 0.70710678118654746},
    /* P2: every difference 25, sd 0: R stops; the contract's CI is 25 -/+ 0, df = 2 */
    {"P2", P2_a, P2_b, 3, 25, 50, 25, 0, NAN, 2, NAN, 25, 25, NAN},
    {"P3", P3_a, P3_b, 1, 50, 100, 50, NAN, NAN, NAN, NAN, NAN, NAN, NAN},
    {"P4", P4_a, P4_b, 4, 50, 50, 0, 28.867513459481287, 0, 3, 1, -45.934655775926963,
     45.934655775926963, 0},
    {"P5", P5_a, P5_b, 12, 45.833333333333336, 41.666666666666664, -4.166666666666667,
     36.670110031154387, -0.39361094683048231, 11, 0.70139055826133823, -27.465743011541381,
     19.132409678208049, -0.11362569305428122},
    {"P6", P6_a, P6_b, 40, 51.875, 41.875, -10, 44.864468266329794, -1.4097025028341317, 39,
     0.16655267802464382, -24.348353045910386, 4.3483530459103834, -0.2228935366097913},
    {"P7", P7_a, P7_b, 6, 50, 71.527777777777771, 21.527777777777775, 37.119988126594528,
     1.4205842596647422, 5, 0.21468136956669837, -17.427260714786275, 60.482816270341822,
     0.57995109546800339},
};

CQ_TEST(paired_matches_r_t_test)
{
    for (size_t i = 0; i < N_OF(paired_table); i++) {
        const char *name = paired_table[i].name;
        cq_ttest r;
        cq_paired(paired_table[i].a, paired_table[i].b, paired_table[i].n, &r);
        CHECK_INT(r.n_a, paired_table[i].n);
        CHECK_INT(r.n_b, paired_table[i].n);
        CHECK_R(r.mean_a, paired_table[i].mean_a, 1e-15);
        CHECK_R(r.mean_b, paired_table[i].mean_b, 1e-15);
        CHECK(near(r.diff, paired_table[i].diff, 1e-14, 1e-13));
        CHECK(near(r.sd_diff, paired_table[i].sd_diff, 1e-13, 1e-13));
        CHECK(near(r.t, paired_table[i].t, 1e-12, 1e-14));
        CHECK_R(r.df, paired_table[i].df, 0);
        CHECK_R(r.p, paired_table[i].p, 1e-11);
        CHECK_R(r.ci_low, paired_table[i].ci_low, 1e-12);
        CHECK_R(r.ci_high, paired_table[i].ci_high, 1e-12);
        CHECK(near(r.effect, paired_table[i].dz, 1e-12, 1e-14));
    }
    cq_ttest r;
    cq_paired(NULL, NULL, 0, &r);
    CHECK(isnan(r.mean_a) && isnan(r.diff) && isnan(r.t) && r.n_a == 0);
}

/* ------------------------------------------------------------ Cronbach's alpha */

static const double A1[] = {100, 75, 75, 50,  25,  50, 0,  100, 75, 75, 50, 50,
                            25,  25, 25, 100, 100, 50, 75, 25,  50, 50, 0,  75};
static const double A2[] = {0, 25, 50, 75, 100, 50, 25, 25, 75, 50, 100, 75};
static const double A3[] = {50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50};
static const double A4[] = {100, 75,  50, 25, 0,  75,  50,  25, 100, 0,  75, 75, 50, 25,
                            25,  100, 50, 0,  75, 25,  100, 50, 50,  50, 0,  75, 25, 25,
                            100, 0,   0,  25, 50, 100, 75,  25, 50,  75, 0,  100};
static const double A5[] = {100, 75, 50, 25, 0, 50, 50, 50, 50, 50, 75, 75, 50, 25, 25};
static const double A6[] = {0, 100, 50, 100, 0, 50};
static const double A7[] = {
    0,   100, 75,  75, 50,  25,  0,   0,  100, 75,  50, 50, 100, 0,   0,   25,  25,  50,  50, 75,
    75,  100, 100, 0,  0,   50,  100, 25, 50,  100, 25, 75, 100, 25,  75,  0,   100, 50,  0,  75,
    25,  100, 50,  0,  75,  25,  100, 50, 100, 75,  50, 50, 25,  0,   100, 100, 75,  50,  25, 25,
    25,  50,  50,  75, 75,  100, 100, 0,  0,   25,  25, 50, 0,   50,  100, 25,  50,  100, 25, 75,
    100, 25,  75,  0,  50,  0,   75,  25, 100, 50,  0,  75, 25,  100, 50,  0,   0,   100, 75, 75,
    50,  25,  0,   0,  100, 75,  50,  50, 0,   25,  25, 50, 50,  75,  75,  100, 100, 0,   0,  25};

static const struct {
    const char *name;
    const double *x;
    size_t n, k;
    double alpha, item_rest_r[10], alpha_if_deleted[10];
} alpha_table[] = {
    {"A1",
     A1,
     8,
     3,
     0.9126637554585153,
     {0.9686196045011366, 0.76712935442312213, 0.77204864697795605},
     {0.74603174603174582, 0.92391304347826098, 0.91666666666666674}},
    {"A2", A2, 6, 2, 0.8936170212765957, {0.81742389136959914, 0.81742389136959914}, {NAN, NAN}},
    {"A3", A3, 4, 3, NAN, {NAN, NAN, NAN}, {NAN, NAN, NAN}},
    {"A4",
     A4,
     10,
     4,
     -0.2119766825649177,
     {0.70710678118654768, 0.64271369598648342, 0.80507648589941316, -0.92305076303671096},
     {-3.1952662721893494, -2.0481927710843375, -3.5625, 0.936834634492548}},
    {"A5",
     A5,
     5,
     3,
     0.69230769230769229,
     {0.94868329805051377, NAN, 0.94868329805051377},
     {0, 0.92307692307692313, 0}},
    {"A6", A6, 3, 2, NAN, {-1, -1}, {NAN, NAN}},
    /* ten items: cq_cronbach's item-total path (more than 8 items) */
    {"A7",
     A7,
     12,
     10,
     0.11794498213480419,
     {0.12249717390181328, -0.094691687428475557, 0.71030904493857316, -0.17275890125224774,
      -0.36344088815155051, -0.4176998943896697, 0.71030904493857316, -0.070902844992715153,
      0.12249717390181328, 0.16479122503986157},
     {0.051685809559096005, 0.19565217391304346, -0.43587662337662342, 0.23254383266687176,
      0.31613611416026355, 0.34431455897980873, -0.43587662337662342, 0.17404129793510337,
      0.051685809559096005, 0.022294207317073128}},
};
/* psych::alpha (psych 2.2.9) on the same data, for the record; the formula
 * above agrees with it to 8.9e-16 wherever both define the value.  psych
 * drops an item of zero variance (A5), and for k = 2 reports a number as
 * "alpha if deleted" although one item has no alpha (A2: 0.954, 0.700).
 *  A1: raw_alpha 0.9126637554585153, r.drop 0.9686196045011366 0.76712935442312224
 *      0.77204864697795594, alpha.drop 0.74603174603174582 0.92391304347826098
 *      0.91666666666666674
 *  A2: raw_alpha 0.8936170212765957, r.drop 0.81742389136959914 0.81742389136959903
 *  A4: raw_alpha -0.2119766825649177, r.drop 0.70710678118654768 0.64271369598648354
 *      0.80507648589941316 -0.92305076303671085, alpha.drop -3.1952662721893486
 *      -2.0481927710843371 -3.5624999999999991 0.936834634492548
 */

CQ_TEST(cronbach_alpha_matches_r_and_psych)
{
    for (size_t i = 0; i < N_OF(alpha_table); i++) {
        const char *name = alpha_table[i].name;
        double a, r[10], ad[10];
        CHECK_INT(cq_cronbach(alpha_table[i].x, alpha_table[i].n, alpha_table[i].k, &a, r, ad),
                  CQ_OK);
        CHECK_R(a, alpha_table[i].alpha, 1e-13);
        for (size_t j = 0; j < alpha_table[i].k; j++) {
            CHECK_R(r[j], alpha_table[i].item_rest_r[j], 1e-13);
            CHECK(near(ad[j], alpha_table[i].alpha_if_deleted[j], 1e-13, 1e-14));
        }
    }
    /* one respondent or one item: undefined; NULL item outputs allowed */
    double a;
    CHECK_INT(cq_cronbach(A1, 1, 3, &a, NULL, NULL), CQ_OK);
    CHECK(isnan(a));
    CHECK_INT(cq_cronbach(A1, 8, 1, &a, NULL, NULL), CQ_OK);
    CHECK(isnan(a));
    CHECK_INT(cq_cronbach(A1, 8, 3, &a, NULL, NULL), CQ_OK);
    {
        const char *name = "A1 without item outputs";
        CHECK_R(a, alpha_table[0].alpha, 1e-13);
    }
}

/* ------------------------------------------------------------ Benjamini-Hochberg */

static const struct {
    const char *name;
    size_t n;
    double p[5], adj[5];
} bh_table[] = {
    {"B1",
     5,
     {0.01, 0.040000000000000001, 0.029999999999999999, 0.0050000000000000001, 0.5},
     {0.025000000000000001, 0.050000000000000003, 0.050000000000000003, 0.025000000000000001, 0.5}},
    {"B2",
     4,
     {0.02, NAN, 0.040000000000000001, 0.001},
     {0.029999999999999999, NAN, 0.040000000000000001, 0.0030000000000000001}},
    {"B3",
     4,
     {0.029999999999999999, 0.029999999999999999, 0.029999999999999999, 0.20000000000000001},
     {0.039999999999999994, 0.039999999999999994, 0.039999999999999994, 0.20000000000000001}},
    {"B4", 1, {0.29999999999999999}, {0.29999999999999999}},
    {"B5",
     3,
     {0.59999999999999998, 0.90000000000000002, 0.80000000000000004},
     {0.90000000000000002, 0.90000000000000002, 0.90000000000000002}},
    {"B6",
     5,
     {1e-300, 2.8999999999999999e-97, 0.5, NAN, 0.049000000000000002},
     {4.0000000000000001e-300, 5.7999999999999999e-97, 0.5, NAN, 0.065333333333333327}},
    {"B7", 2, {NAN, NAN}, {NAN, NAN}},
};

CQ_TEST(bh_matches_r_p_adjust)
{
    for (size_t i = 0; i < N_OF(bh_table); i++) {
        const char *name = bh_table[i].name;
        double out[5];
        CHECK_INT(cq_p_adjust_bh(bh_table[i].p, bh_table[i].n, out), CQ_OK);
        for (size_t j = 0; j < bh_table[i].n; j++)
            CHECK_R(out[j], bh_table[i].adj[j], 1e-15);
    }
    double none[1];
    CHECK_INT(cq_p_adjust_bh(NULL, 0, none), CQ_OK);
}

/* Every paired difference equal: sd = 0, so the contract's (§5) CI =
 * diff -/+ t(0.975, n-1) * sd / sqrt(n) is diff -/+ 0 = [diff, diff] and
 * df = n - 1; t, p and d_z divide by sd and stay undefined.  (R's t.test
 * stops with "data are essentially constant" unless all differences are 0,
 * where it gives df = n - 1 and NaN for the rest; the contract decides.) */
CQ_TEST(paired_all_differences_equal_ci_is_diff)
{
    double a[] = {50, 75, 25, 100, 0, 50}, b[] = {50, 75, 25, 100, 0, 50};
    cq_ttest t;
    cq_paired(a, b, 6, &t);
    CHECK_NEAR(t.df, 5, 0);
    CHECK_NEAR(t.diff, 0, 0);
    CHECK_NEAR(t.ci_low, 0, 0);
    CHECK_NEAR(t.ci_high, 0, 0);
    CHECK(isnan(t.t) && isnan(t.p) && isnan(t.effect));
    double c[] = {55, 80, 30, 105, 5, 55}; /* every difference 5 */
    cq_paired(a, c, 6, &t);
    CHECK_NEAR(t.diff, 5, 1e-12);
    CHECK_NEAR(t.ci_low, 5, 1e-12);
    CHECK_NEAR(t.ci_high, 5, 1e-12);
    CHECK_NEAR(t.df, 5, 0);
    CHECK(isnan(t.t) && isnan(t.p) && isnan(t.effect));
}

/* cq_describe_counts must give the bits cq_describe_sorted gives on the data
 * written out (it is what summarise uses for groups, and the R references
 * check cq_describe_sorted): values with long binary expansions, counts of
 * 0 to a few thousand, and the edge sizes 0, 1 and 2. */
CQ_TEST(describe_counts_same_bits_as_sorted)
{
    const double value[] = {0,  100.0 / 12, 12.5, 100.0 / 6, 100.0 / 3,         35.0 / 3,
                            50, 200.0 / 3,  75.0, 250.0 / 3, 91.66666666666667, 100};
    const size_t k = sizeof value / sizeof value[0];
    size_t count[sizeof value / sizeof value[0]];
    double *x = malloc(12 * 5000 * sizeof *x);
    CHECK(x != NULL);
    if (!x)
        return;
    unsigned long long seed = 12345;
    for (int trial = 0; trial < 200; trial++) {
        size_t n = 0, limit = trial < 10 ? (size_t)trial % 3 : (size_t)(trial * 25);
        for (size_t i = 0; i < k; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            count[i] = limit ? (size_t)(seed >> 33) % (limit + 1) : 0;
            if (trial < 10 && n + count[i] > (size_t)trial % 3)
                count[i] = (size_t)trial % 3 - n; /* n = 0, 1 or 2 in total */
            for (size_t c = 0; c < count[i]; c++)
                x[n++] = value[i];
        }
        cq_desc a, b;
        cq_describe_sorted(x, n, &a);
        cq_describe_counts(value, count, k, &b);
        CHECK_INT(b.n, n);
        double ga[] = {a.mean, a.sd, a.ci_low, a.ci_high, a.median, a.q1, a.q3};
        double gb[] = {b.mean, b.sd, b.ci_low, b.ci_high, b.median, b.q1, b.q3};
        if (memcmp(ga, gb, sizeof ga) != 0)
            cq_test_fail(__FILE__, __LINE__,
                         "trial %d (n %zu): mean %.17g / %.17g, sd %.17g / %.17g", trial, n, a.mean,
                         b.mean, a.sd, b.sd);
    }
    free(x);
}

/* cq_add_repeated against the plain loop it stands for, bit for bit (the
 * 10 bytes of an x87 long double), over random cases aimed at its edges:
 * both signs of s and v, s = 0, steps far below half an ulp of s and far
 * above s, exact ties v = (k + 1/2) ulp(s), sums that cross zero or a power
 * of two, doubles like the summarised scores, counts 0 to 10^6. */
static unsigned long long rng_state = 20261127;

/* a random long double with 64 random significant bits, in [2^(e-1), 2^e) */
static long double
rand_ld(int e)
{
    return ldexpl((long double)(fx_rng(&rng_state) | 1ULL << 63), e - 64);
}

CQ_TEST(add_repeated_same_bits_as_the_loop)
{
    const double scores[] = {100.0 / 3, 100.0 / 12, 91.66666666666667, 12.5, 35.0 / 3, 100};
    size_t budget = 0; /* plain additions made, to keep valgrind runs short */
    for (int trial = 0; trial < 4000; trial++) {
        long double s, v;
        int kind = (int)(fx_rng(&rng_state) % 10), es = (int)(fx_rng(&rng_state) % 80) - 20;
        size_t c = (size_t)(fx_rng(&rng_state) % 7); /* 0..6 copies, often */
        if (fx_rng(&rng_state) % 2)
            c = (size_t)ldexp(1, (int)(fx_rng(&rng_state) % 21)) +
                (size_t)(fx_rng(&rng_state) % 1000); /* up to ~10^6 */
        s = rand_ld(es);
        switch (kind) {
        case 0: /* s = 0: a score summed from the start */
            s = 0;
            v = scores[fx_rng(&rng_state) % 6];
            break;
        case 1: /* a double step, anywhere from far below to far above s */
            v = (double)rand_ld(es - 75 + (int)(fx_rng(&rng_state) % 90));
            break;
        case 2: /* an exact tie: (k + 1/2) ulp(s), k small or large */
        case 3: {
            int e;
            frexpl(s, &e);
            unsigned long long k = fx_rng(&rng_state) >> (fx_rng(&rng_state) % 64);
            v = ((long double)k + 0.5L) * ldexpl(1, e - 64);
            if (kind == 3) /* a power of two: ties below it have half the ulp */
                s = ldexpl(1, es);
            break;
        }
        case 4: /* crossing zero: about c steps take s to -s */
            v = -2 * s / (long double)(c ? c : 1) *
                (0.5L + (long double)(fx_rng(&rng_state) % 1000) / 1000);
            break;
        case 5: /* a tiny or a barely-not-tiny step: below / near half an ulp */
            v = ldexpl((long double)(fx_rng(&rng_state) % 5 + 1),
                       es - 66 + (int)(fx_rng(&rng_state) % 3));
            break;
        case 6: /* a score times a large count, the summarise case, from s > 0 */
            s = (long double)scores[fx_rng(&rng_state) % 6] *
                (long double)(fx_rng(&rng_state) % 100000);
            v = scores[fx_rng(&rng_state) % 6];
            break;
        case 7: /* a long double step, a few bits below s */
            v = rand_ld(es - (int)(fx_rng(&rng_state) % 70));
            break;
        default: { /* near the binade's floor (kind 8) or top (kind 9): s = A ulp
                    * with A = 2^63 + j or 2^64 - 1 - j, steps of d + i/8 ulp
                    * toward that edge, d from 0 */
            unsigned long long d = fx_rng(&rng_state) % 2 ? fx_rng(&rng_state) % 4
                                                          : fx_rng(&rng_state) % 100000,
                               j = fx_rng(&rng_state) % (3 * d + 4);
            if (fx_rng(&rng_state) % 2)
                j += (c > 0 ? c - 1 : 0) * d; /* the last of the c steps reaches the edge */
            long double ulp = ldexpl(1, es - 64), frac = (long double)(fx_rng(&rng_state) % 8) / 8;
            s = (long double)(kind == 8 ? (1ULL << 63) + j : ~0ULL - j) * ulp;
            v = ((long double)d + frac) * ulp * (kind == 8 ? -1 : 1);
            break;
        }
        }
        if (kind < 8 && fx_rng(&rng_state) % 2)
            v = -v;
        if (fx_rng(&rng_state) % 2) {
            s = -s;
            v = -v;
        }
        if (budget > 20000000)
            c %= 1000;
        budget += c;
        long double want = s;
        for (size_t i = 0; i < c; i++)
            want += v;
        long double got = cq_add_repeated(s, v, c);
        if (memcmp(&got, &want, 10) != 0) {
            cq_test_fail(__FILE__, __LINE__,
                         "trial %d (kind %d): s %La + %zu x %La = %La, loop %La", trial, kind, s, c,
                         v, got, want);
            return;
        }
    }
}

/* The sums side by side (stats.c) must give the bits of one sum at a time:
 * the straightforward loops below are the reference (R's algorithms, as
 * stats.c had them before the sums were interleaved). */
static double
ref_mean(const double *x, size_t n)
{
    long double s = 0, c = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i];
    long double m = s / (long double)n;
    for (size_t i = 0; i < n; i++)
        c += x[i] - m;
    return (double)(m + c / (long double)n);
}

CQ_TEST(interleaved_sums_same_bits_and_alpha_from_item_totals)
{
    enum { N = 3001, K = 40 };
    static double x[K * N], y[N];
    const double pts[] = {0, 100.0 / 3, 200.0 / 3, 100, 12.5, 87.5, 100.0 / 6};
    unsigned long long seed = 99;
    for (size_t i = 0; i < K * N; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        x[i] = pts[(seed >> 33) % 7];
    }
    for (size_t i = 0; i < N; i++)
        y[i] = x[i] * 0.5 + x[N + i] * 0.25; /* correlated with x */
    /* paired: means and the mean difference */
    cq_ttest t;
    cq_paired(x, y, N, &t);
    long double sd = 0, cd = 0;
    for (size_t i = 0; i < N; i++)
        sd += (double)(y[i] - x[i]);
    long double md = sd / N;
    for (size_t i = 0; i < N; i++)
        cd += (double)(y[i] - x[i]) - md;
    double want[] = {ref_mean(x, N), ref_mean(y, N), (double)(md + cd / N)};
    double got[] = {t.mean_a, t.mean_b, t.diff};
    CHECK(memcmp(want, got, sizeof want) == 0);
    /* Cronbach against the textbook k x k covariance matrix, summed one pair
     * at a time.  Up to 8 items cq_cronbach uses that matrix too, and must
     * give the same bits (the numbers earlier versions wrote); longer scales
     * use the item-total covariances (n * k work), which sum in another
     * order and agree to rounding: alpha = k / (k - 1) (1 - trace / total)
     * subtracts two numbers near 1 on these uncorrelated items (alpha near
     * 0), so that check is absolute, 1e-13 (about 500 ulps of 1).  The item
     * figures come from the same matrix: row sums and rest variances. */
    static const size_t ks[] = {2, 3, 4, 5, 6, 7, 8, 9, 10, 17, 40};
    for (size_t ki = 0; ki < N_OF(ks); ki++) {
        size_t k = ks[ki];
        double m[K], cov[K * K];
        for (size_t j = 0; j < k; j++)
            m[j] = ref_mean(x + j * N, N);
        for (size_t j = 0; j < k; j++)
            for (size_t l = j; l < k; l++) {
                long double s = 0;
                for (size_t i = 0; i < N; i++)
                    s += ((long double)x[j * N + i] - m[j]) * ((long double)x[l * N + i] - m[l]);
                cov[j * k + l] = cov[l * k + j] = (double)(s / (long double)(N - 1));
            }
        double trace = 0, total = 0;
        for (size_t j = 0; j < k; j++) {
            trace += cov[j * k + j];
            for (size_t l = 0; l < k; l++)
                total += cov[j * k + l];
        }
        double alpha_want = (double)k / ((double)k - 1) * (1 - trace / total), alpha;
        double rr[K], ad[K];
        CHECK_INT(cq_cronbach(x, N, k, &alpha, rr, ad), CQ_OK);
        if (k <= 8 ? memcmp(&alpha, &alpha_want, sizeof alpha) != 0
                   : !(fabs(alpha - alpha_want) < 1e-13))
            cq_test_fail(__FILE__, __LINE__, "k %zu: alpha %.17g, covariance matrix %.17g", k,
                         alpha, alpha_want);
        for (size_t j = 0; j < k; j++) {
            double row = 0, vj = cov[j * k + j];
            for (size_t l = 0; l < k; l++)
                row += cov[j * k + l];
            double rest = total - 2 * row + vj;
            double r_want = (row - vj) / sqrt(vj * rest);
            double a_want =
                k >= 3 ? ((double)k - 1) / ((double)k - 2) * (1 - (trace - vj) / rest) : NAN;
            if (!(fabs(rr[j] - r_want) < 1e-13) || (k >= 3 && !(fabs(ad[j] - a_want) < 1e-13)))
                cq_test_fail(__FILE__, __LINE__,
                             "k %zu item %zu: r %.17g/%.17g, if deleted %.17g/%.17g", k, j, rr[j],
                             r_want, ad[j], a_want);
        }
    }
}

/* cq_cronbach_coded reads answer codes and a points table per item instead of
 * an n x k array of doubles: the same results, bit for bit, for scales of 1
 * to 12 items (the matrix and the item-total paths), n across the 512-row
 * chunks, odd points (100/3, 12.5, reversed 100 - p), a constant item, and
 * a column stride longer than n. */
CQ_TEST(cronbach_coded_same_bits_as_doubles)
{
    enum { N = 1100, K = 12, STRIDE = N + 7 };
    static uint8_t code[K * STRIDE];
    static double x[K * N], points[K * 256];
    const double odd[] = {0, 100.0 / 3, 200.0 / 3, 100, 12.5, 87.5, 100.0 / 6, 50, 25, 75};
    static const size_t ns[] = {0, 1, 2, 3, 511, 512, 513, 1100};
    unsigned long long seed = 7;
    size_t compared = 0;
    for (int round = 0; round < 40; round++) {
        size_t k = 1 + (size_t)round % K, n = ns[(size_t)round % N_OF(ns)];
        size_t n_opt = 2 + (size_t)round % 5;
        for (size_t j = 0; j < k; j++) {
            int reverse = (round + (int)j) % 3 == 0;
            for (size_t o = 0; o < n_opt; o++) {
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                double p = odd[(seed >> 33) % N_OF(odd)];
                points[j * 256 + o] = reverse ? 100 - p : p;
            }
            for (size_t i = 0; i < n; i++) {
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                /* item 1 of every fifth round answers one option only */
                uint8_t c = (uint8_t)(j == 1 && round % 5 == 0 ? 0 : (seed >> 33) % n_opt);
                code[j * STRIDE + i] = c;
                x[j * n + i] = points[j * 256 + c];
            }
        }
        double a1, a2, r1[K], r2[K], d1[K], d2[K];
        CHECK_INT(cq_cronbach(x, n, k, &a1, r1, d1), CQ_OK);
        CHECK_INT(cq_cronbach_coded(code, STRIDE, points, n, k, &a2, r2, d2), CQ_OK);
        if (memcmp(&a1, &a2, sizeof a1) != 0 || memcmp(r1, r2, k * sizeof *r1) != 0 ||
            memcmp(d1, d2, k * sizeof *d1) != 0)
            cq_test_fail(__FILE__, __LINE__, "round %d (k %zu, n %zu): alpha %.17g / %.17g", round,
                         k, n, a1, a2);
        compared += n >= 2 && k >= 2 && !isnan(a1);
    }
    CHECK(compared >= 20); /* most rounds had an alpha to compare */
}
