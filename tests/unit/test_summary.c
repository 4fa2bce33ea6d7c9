/* test_summary.c - scoring (half rule, reversal) and descriptives with both
 * suppression rules; expected numbers are hand calculations shown here. */
#include <stdlib.h>

#include "copsoq/stages.h"
#include "copsoq/stats.h"
#include "fixture.h"
#include "harness.h"

CQ_TEST(score_half_rule_and_reversal)
{
    /* scale A = A1, A2, A3 (A3 reversed); freq5 points 100 75 50 25 0 for codes 1..5 */
    const char *text = "id,A1,A2,A3,B1\n"
                       "r1,1,2,2,1\n"   /* 100, 75, 100-75=25 -> 200/3 = 66.666..; B 100 */
                       "r2,3,,,0\n"     /* 1 of 3 answered: 2*1 < 3 -> no score; B 0 */
                       "r3,5,4,,\n"     /* 0, 25 -> 12.5 (2 of 3 answered) ; B none */
                       "r4,6,6,1,Ja\n"; /* 'Don't know' twice: 1 of 3 -> no score */
    fixture f;
    CHECK(fx_init(&f, 1, 0, 1) == 0);
    cq_diag d;
    CHECK_INT(fx_ingest(&f, 0, text, strlen(text), &d), CQ_OK);
    CHECK_INT(cq_stage_score(&f.st, &d), CQ_OK);
    const cq_scores *a = &f.st.waves[0].scores[0], *b = &f.st.waves[0].scores[1];
    CHECK_NEAR(cq_score(a, 0), 200.0 / 3.0, 1e-12);
    CHECK(isnan(cq_score(a, 1)));
    CHECK_NEAR(cq_score(a, 2), 12.5, 1e-12);
    CHECK(isnan(cq_score(a, 3)));
    CHECK_NEAR(cq_score(b, 0), 100, 0);
    CHECK_NEAR(cq_score(b, 1), 0, 0);
    CHECK(isnan(cq_score(b, 2)));
    CHECK_NEAR(cq_score(b, 3), 100, 0);
    /* compactly: each scale's distinct scores once, ascending after code 0 */
    CHECK_INT(a->n_values, 3); /* no score, 12.5, 66.67 */
    CHECK(cq_score_code(a, 2) == 1 && cq_score_code(a, 0) == 2 && cq_score_code(a, 1) == 0 &&
          cq_score_code(a, 3) == 0);
    CHECK_INT(b->n_values, 3); /* no score, 0, 100 */
    CHECK(cq_score_code(b, 0) == 2 && cq_score_code(b, 1) == 1 && cq_score_code(b, 2) == 0 &&
          cq_score_code(b, 3) == 2);
    fx_free(&f);
}

CQ_TEST(describe_matches_hand_calculation)
{
    /* x = 10 20 30 40: mean 25, sd = sqrt(500/3) = 12.909944487358056,
     * t(0.975, 3) = 3.182446305284263 (R: qt(0.975, 3)),
     * half = 3.182446305284263 * 12.909944487358056 / 2 = 20.542510,
     * type 7: q1 = 10 + 0.75*10 = 17.5, median 25, q3 = 32.5 */
    double x[] = {40, 10, 30, 20};
    cq_desc ds;
    cq_describe(x, 4, &ds);
    CHECK_NEAR(ds.mean, 25, 1e-12);
    CHECK_NEAR(ds.sd, 12.909944487358056, 1e-12);
    CHECK_NEAR(ds.ci_low, 25 - 3.182446305284263 * 12.909944487358056 / 2, 1e-9);
    CHECK_NEAR(ds.ci_high, 25 + 3.182446305284263 * 12.909944487358056 / 2, 1e-9);
    CHECK_NEAR(ds.q1, 17.5, 1e-12);
    CHECK_NEAR(ds.median, 25, 1e-12);
    CHECK_NEAR(ds.q3, 32.5, 1e-12);
    double one[] = {42};
    cq_describe(one, 1, &ds);
    CHECK_NEAR(ds.mean, 42, 0);
    CHECK(isnan(ds.sd) && isnan(ds.ci_low) && isnan(ds.ci_high));
    cq_describe(one, 0, &ds);
    CHECK(isnan(ds.mean));
}

static const cq_summary *
find(const cq_study *st, size_t wave, size_t b, const char *group, size_t scale)
{
    for (size_t i = 0; i < st->n_summary; i++) {
        const cq_summary *r = &st->summary[i];
        if (r->wave == wave && r->breakdown == b && r->scale == scale &&
            strcmp(r->group, group) == 0)
            return r;
    }
    return NULL;
}

/* Groups: P 6, Q 5, R 3, S 1, (missing) 1 with min_group 5.
 * Primary: R (3), S (1), (missing) (1) -> 5 hidden, not < 5: no secondary.
 * With role: K 7, L 4 -> L hidden (4 < 5) -> secondary hides K (4 could be
 * recovered as all - K), and 'all' stays shown. */
CQ_TEST(summary_suppression_primary_and_secondary)
{
    char text[4096];
    size_t len = (size_t)snprintf(text, sizeof text, "id,unit,role,A1,A2,A3,B1\n");
    static const char *const units[11] = {"P", "P", "P", "P", "P", "P", "Q", "Q", "Q", "Q", "Q"};
    int r = 0;
    for (int i = 0; i < 11; i++, r++)
        len += (size_t)snprintf(text + len, sizeof text - len, "r%d,%s,%s,%d,1,5,1\n", r, units[i],
                                i < 7 ? "K" : "L", 1 + i % 5);
    for (int i = 0; i < 3; i++, r++)
        len += (size_t)snprintf(text + len, sizeof text - len, "r%d,R,K,2,2,2,0\n", r);
    len += (size_t)snprintf(text + len, sizeof text - len, "r%d,S,K,3,3,3,0\n", r++);
    len += (size_t)snprintf(text + len, sizeof text - len, "r%d,,K,3,3,3,0\n", r++);
    fixture f;
    CHECK(fx_init(&f, 1, 2, 5) == 0);
    cq_diag d;
    CHECK_INT(fx_ingest(&f, 0, text, len, &d), CQ_OK);
    CHECK_INT(cq_stage_score(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_summarise(&f.st, &d), CQ_OK);
    /* group R: three identical scores 2,2,2 -> points 75,75,100-75=25 -> 175/3,
     * computed by summarise; the disclose stage then blanks it */
    const cq_summary *R = find(&f.st, 0, 1, "R", 0);
    CHECK(R && R->n == 3 && fabs(R->mean - 175.0 / 3.0) < 1e-12 && R->sd == 0);
    CHECK_INT(cq_stage_compare(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_disclose(&f.st, &d), CQ_OK);
    CHECK(R && R->n == 0 && isnan(R->mean) && isnan(R->sd));
    const cq_summary *all = find(&f.st, 0, 0, "all", 0);
    CHECK(all && all->n == 16 && !all->suppressed);
    static const struct {
        size_t b;
        const char *group;
        size_t n;
        int suppressed, secondary;
    } want[] = {
        {1, "P", 6, 0, 0},         {1, "Q", 5, 0, 0},  {1, "R", 3, 1, 0}, {1, "S", 1, 1, 0},
        {1, "(missing)", 1, 1, 0}, {2, "K", 12, 1, 1}, {2, "L", 4, 1, 0},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const cq_summary *s = find(&f.st, 0, want[i].b, want[i].group, 0);
        if (!s) {
            cq_test_fail(__FILE__, __LINE__, "no row for %s", want[i].group);
            continue;
        }
        CHECK_INT(s->n, want[i].suppressed ? 0 : want[i].n); /* hidden: blanked */
        CHECK_INT(s->suppressed, want[i].suppressed);
        CHECK_INT(s->hidden_by == CQ_HID_SECONDARY, want[i].secondary);
    }
    fx_free(&f);
}

/* Secondary rule ties: two shown groups of equal size -> the name first by bytes. */
CQ_TEST(summary_secondary_tie_breaks_by_name)
{
    char text[4096];
    size_t len = (size_t)snprintf(text, sizeof text, "id,unit,A1,A2,A3,B1\n");
    static const char *const units[] = {"Öst",  "Öst",  "Öst",  "Öst",  "Öst",  "Öst",  "Väst",
                                        "Väst", "Väst", "Väst", "Väst", "Väst", "Norr", "Norr"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "r%zu,%s,1,2,3,1\n", i, units[i]);
    fixture f;
    CHECK(fx_init(&f, 1, 1, 5) == 0);
    cq_diag d;
    CHECK_INT(fx_ingest(&f, 0, text, len, &d), CQ_OK);
    CHECK_INT(cq_stage_score(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_summarise(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_compare(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_disclose(&f.st, &d), CQ_OK);
    /* Norr 2 hidden; Väst (0x56) sorts before Öst (0xC3 0x96): Väst is hidden too */
    CHECK(find(&f.st, 0, 1, "Norr", 0)->suppressed);
    CHECK(find(&f.st, 0, 1, "Väst", 0)->suppressed);
    CHECK(!find(&f.st, 0, 1, "Öst", 0)->suppressed);
    fx_free(&f);
}

/* Nested-breakdown cases: respondents per (unit, role) cell, and the
 * suppression flag expected for each group of scale A. */
typedef struct {
    const char *unit, *role;
    int n;
} cell;

typedef struct {
    size_t b;
    const char *group;
    int suppressed;
} expect;

static void
check_nested(const cell *cells, size_t n_cells, const expect *want, size_t n_want)
{
    char text[8192];
    size_t len = (size_t)snprintf(text, sizeof text, "id,unit,role,A1,A2,A3,B1\n");
    int r = 0;
    for (size_t i = 0; i < n_cells; i++)
        for (int k = 0; k < cells[i].n; k++, r++)
            len += (size_t)snprintf(text + len, sizeof text - len, "r%d,%s,%s,%d,2,3,1\n", r,
                                    cells[i].unit, cells[i].role, 1 + r % 5);
    fixture f;
    CHECK(fx_init(&f, 1, 2, 5) == 0);
    cq_diag d;
    CHECK_INT(fx_ingest(&f, 0, text, len, &d), CQ_OK);
    CHECK_INT(cq_stage_score(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_summarise(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_compare(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_disclose(&f.st, &d), CQ_OK);
    for (size_t i = 0; i < n_want; i++) {
        const cq_summary *row = find(&f.st, 0, want[i].b, want[i].group, 0);
        CHECK(row != NULL);
        if (row && row->suppressed != want[i].suppressed)
            cq_test_fail(__FILE__, __LINE__, "%s: suppressed %d, expected %d", want[i].group,
                         row->suppressed, want[i].suppressed);
    }
    fx_free(&f);
}

/* Nested breakdowns (role inside unit): the contract's rule alone leaves
 * role b (2) = unit X (8) - role a (6) and role d (3) = Y (9) - c (6)
 * recoverable, because b and d together hold 5.  The nested rule hides a and
 * c as well.  Units: X = a 6 + b 2, Y = c 6 + d 3, Z = e 20. */
CQ_TEST(summary_nested_breakdowns)
{
    static const cell cells[] = {
        {"X", "a", 6}, {"X", "b", 2}, {"Y", "c", 6}, {"Y", "d", 3}, {"Z", "e", 20}};
    static const expect want[] = {{2, "a", 1}, {2, "b", 1}, {2, "c", 1}, {2, "d", 1},
                                  {2, "e", 0}, {1, "X", 0}, {1, "Y", 0}, {1, "Z", 0}};
    check_nested(cells, sizeof cells / sizeof cells[0], want, sizeof want / sizeof want[0]);
}

/* A hidden parent whose children are all shown would be their sum. Units
 * P 3 (primary), Q 12 (hidden by the contract's rule to protect P), R 16;
 * roles nest in units: p1 3, q1 12, r1 8, r2 8.  Among roles the contract
 * hides p1 and then r1 (8 < 12, tie with r2 broken by name).  Q is hidden
 * but its only child q1 is shown: q1 would give Q and so P = all - Q - R.
 * The nested rule must hide q1. */
CQ_TEST(summary_nested_hidden_parent)
{
    static const cell cells[] = {{"P", "p1", 3}, {"Q", "q1", 12}, {"R", "r1", 8}, {"R", "r2", 8}};
    static const expect want[] = {{1, "P", 1},  {1, "Q", 1},  {1, "R", 0},  {2, "p1", 1},
                                  {2, "q1", 1}, {2, "r1", 1}, {2, "r2", 0}, {0, "all", 0}};
    check_nested(cells, sizeof cells / sizeof cells[0], want, sizeof want / sizeof want[0]);
}

/* A scale marked sensitive (scales.csv `sensitive` = 1) needs
 * --min-group-sensitive answers (here 20): a unit of 12 is shown on scale A
 * and withheld on the sensitive scale B; with 12 < 20 hidden in 'unit', the
 * secondary rule hides the other unit's B (25) too. */
CQ_TEST(summary_sensitive_scale_uses_its_own_limit)
{
    char text[8192];
    size_t len = (size_t)snprintf(text, sizeof text, "id,unit,A1,A2,A3,B1\n");
    for (int r = 0; r < 37; r++)
        len += (size_t)snprintf(text + len, sizeof text - len, "r%d,%s,%d,2,3,%d\n", r,
                                r < 12 ? "small" : "large", 1 + r % 5, r % 2);
    fixture f;
    CHECK(fx_init(&f, 1, 1, 5) == 0);
    f.st.ins->scales[1].sensitive = 1;
    cq_diag d;
    CHECK_INT(fx_ingest(&f, 0, text, len, &d), CQ_OK);
    CHECK_INT(cq_stage_score(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_summarise(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_compare(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_disclose(&f.st, &d), CQ_OK);
    CHECK_INT(cq_min_group_for(&f.st, 0), 5);
    CHECK_INT(cq_min_group_for(&f.st, 1), 20);
    CHECK(!find(&f.st, 0, 1, "small", 0)->suppressed);
    CHECK(!find(&f.st, 0, 1, "large", 0)->suppressed);
    CHECK(find(&f.st, 0, 1, "small", 1)->suppressed);
    CHECK(find(&f.st, 0, 1, "large", 1)->suppressed);
    CHECK(!find(&f.st, 0, 0, "all", 1)->suppressed); /* 37 >= 20 */
    fx_free(&f);
}

CQ_TEST(order_statistics_need_twice_min_group)
{
    /* contract v2 §5: median, q1, q3 only for groups of at least 2 * min_group.
     * min_group 3: "all" has 6 scores on B (>= 6: shown, median of 0 0 0 100
     * 100 100 = 50), unit U (3 scores, shown but < 6: no order statistics);
     * its mean (100 / 3 * 1 = 33.33..) stays. */
    const char *text = "id,unit,A1,A2,A3,B1\n"
                       "a,U,1,1,5,1\n"
                       "b,U,1,1,5,0\n"
                       "c,U,1,1,5,0\n"
                       "d,V,1,1,5,1\n"
                       "e,V,1,1,5,1\n"
                       "f,V,1,1,5,0\n";
    fixture f;
    CHECK(fx_init(&f, 1, 1, 3) == 0);
    cq_diag d;
    CHECK_INT(fx_ingest(&f, 0, text, strlen(text), &d), CQ_OK);
    CHECK_INT(cq_stage_score(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_summarise(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_compare(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_disclose(&f.st, &d), CQ_OK);
    const cq_summary *all = find(&f.st, 0, 0, "all", 1), *u = find(&f.st, 0, 1, "U", 1);
    CHECK(all && all->n == 6 && all->median == 50 && all->q1 == 0 && all->q3 == 100);
    CHECK(u && !u->suppressed && u->n == 3);
    CHECK(u && isnan(u->median) && isnan(u->q1) && isnan(u->q3));
    CHECK(u && fabs(u->mean - 100.0 / 3.0) < 1e-12);
    fx_free(&f);
}
