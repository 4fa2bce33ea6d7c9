/*
 * test_disclose.c - the disclose stage and the linear rule (suppress.h,
 * cq_span), on hand-made tables whose expected hidden cells are worked out in
 * the comments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copsoq/stages.h"
#include "copsoq/suppress.h"
#include "fixture.h"
#include "harness.h"

/* ------------------------------------------------------------ the span engine */

CQ_TEST(span_finds_a_small_atom_behind_two_figures)
{
    /* atoms: a (10), b (10), c (3); min_group 5.
     * "all" = a+b+c and "P" = b+c leave every single atom unknown (a = all - P
     * is 10: fine).  Adding "U" = b gives c = P - U: 3 people. */
    size_t size[] = {10, 10, 3};
    cq_span *sp = cq_span_new(size, 3, 5, 1000);
    CHECK(sp != NULL);
    uint32_t all[] = {0, 1, 2}, p[] = {1, 2}, u[] = {1};
    CHECK_INT(cq_span_add(sp, all, 3), 1);
    CHECK_INT(cq_span_add(sp, p, 2), 1);
    CHECK_INT(cq_span_check(sp, NULL), CQ_SPAN_SAFE);
    cq_span_verdict v;
    CHECK_INT(cq_span_try(sp, u, 1, &v), 0);
    CHECK_INT(v, CQ_SPAN_UNSAFE);
    /* rolled back: still safe, and the same figure again is refused again */
    CHECK_INT(cq_span_check(sp, NULL), CQ_SPAN_SAFE);
    CHECK_INT(cq_span_try(sp, u, 1, &v), 0);
    CHECK_INT(v, CQ_SPAN_UNSAFE);
    /* a figure already in the span adds nothing: a = all - P */
    uint32_t a[] = {0};
    CHECK_INT(cq_span_add(sp, a, 1), 0);
    cq_span_free(sp);
}

CQ_TEST(span_unions_of_small_atoms)
{
    /* atoms: a (2), b (2), c (2), d (20); min_group 5.
     * "all" and "d" published: a+b+c = all - d is 6 people: allowed (6 >= 5).
     * Then "a+b" would give a+b (4 < 5): refused; "a" alone would give a (2)
     * and c = 6 - ... : refused.  A figure over a+b+d gives a+b = it - d: refused. */
    size_t size[] = {2, 2, 2, 20};
    cq_span *sp = cq_span_new(size, 4, 5, 1000);
    uint32_t all[] = {0, 1, 2, 3}, d[] = {3}, ab[] = {0, 1}, abd[] = {0, 1, 3};
    size_t k = 0;
    CHECK_INT(cq_span_add(sp, all, 4), 1);
    CHECK_INT(cq_span_add(sp, d, 1), 1);
    CHECK_INT(cq_span_check(sp, &k), CQ_SPAN_SAFE);
    cq_span_verdict v;
    CHECK_INT(cq_span_try(sp, ab, 2, &v), 0);
    CHECK_INT(v, CQ_SPAN_UNSAFE);
    CHECK_INT(cq_span_try(sp, abd, 3, &v), 0);
    CHECK_INT(v, CQ_SPAN_UNSAFE);
    /* forced in: the check names a set of 4 (a+b) or 2 (c = 6 - 4) */
    CHECK_INT(cq_span_add(sp, ab, 2), 1);
    CHECK_INT(cq_span_check(sp, &k), CQ_SPAN_UNSAFE);
    CHECK(k == 4 || k == 2);
    cq_span_free(sp);
}

CQ_TEST(span_first_figure_can_be_refused)
{
    /* atoms a (2), b (10); min_group 5: a figure over a alone is refused at
     * once, and the span stays empty (then b alone is fine) */
    size_t size[] = {2, 10};
    cq_span *sp = cq_span_new(size, 2, 5, 1000);
    uint32_t a[] = {0}, b[] = {1};
    cq_span_verdict v;
    CHECK_INT(cq_span_try(sp, a, 1, &v), 0);
    CHECK_INT(v, CQ_SPAN_UNSAFE);
    CHECK_INT(cq_span_try(sp, b, 1, &v), 0);
    CHECK_INT(v, CQ_SPAN_SAFE);
    CHECK_INT(cq_span_check(sp, NULL), CQ_SPAN_SAFE);
    cq_span_free(sp);
}

CQ_TEST(span_budget_is_not_a_pass)
{
    /* 12 atoms of 1 published one by one through "all minus one": with a
     * budget of 1 the check cannot finish and must not say safe */
    size_t size[12];
    uint32_t cellv[11];
    for (size_t i = 0; i < 12; i++)
        size[i] = 1;
    cq_span *sp = cq_span_new(size, 12, 20, 1);
    for (size_t skip = 0; skip < 3; skip++) {
        size_t m = 0;
        for (size_t i = 0; i < 12; i++)
            if (i != skip)
                cellv[m++] = (uint32_t)i;
        cq_span_add(sp, cellv, m);
    }
    CHECK(cq_span_check(sp, NULL) != CQ_SPAN_SAFE);
    cq_span_free(sp);
}

/* ------------------------------------------------------------ the stage */

static const cq_summary *
row_of(const cq_study *st, size_t w, size_t b, const char *group, size_t scale)
{
    for (size_t i = 0; i < st->n_summary; i++) {
        const cq_summary *r = &st->summary[i];
        if (r->wave == w && r->breakdown == b && r->scale == scale && !strcmp(r->group, group))
            return r;
    }
    return NULL;
}

static int
run_one(fixture *f, const char *text, int min_group)
{
    cq_diag d;
    if (fx_init(f, 1, 2, min_group) != 0 || fx_ingest(f, 0, text, strlen(text), &d) != CQ_OK ||
        cq_stage_score(&f->st, &d) != CQ_OK || cq_stage_summarise(&f->st, &d) != CQ_OK ||
        cq_stage_compare(&f->st, &d) != CQ_OK || cq_stage_disclose(&f->st, &d) != CQ_OK)
        return -1;
    return 0;
}

/* rows "id,unit,role,A1,A2,A3,B1" for n people of unit u and role p */
static void
add_people(char *buf, size_t cap, const char *prefix, size_t n, const char *u, const char *p)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, cap - len, "%s%zu,%s,%s,%zu,2,3,%zu\n", prefix, i, u, p, 1 + i % 5,
                 i % 2);
    }
}

CQ_TEST(disclose_nested_unit_in_role)
{
    /* units U1 (10 people, all role P1), U2 (10, role P2), U3 (3, role P2);
     * min_group 5.  Contract: U3 primary (3), then U1 secondary (tie with U2 on
     * 10, "U1" sorts first).  Every unit lies in one role, so the units nest
     * in the roles, and U3 = P2 - U2: the nested rule hides U2. */
    static char text[8192];
    strcpy(text, "id,unit,role,A1,A2,A3,B1\n");
    add_people(text, sizeof text, "a", 10, "U1", "P1");
    add_people(text, sizeof text, "b", 10, "U2", "P2");
    add_people(text, sizeof text, "c", 3, "U3", "P2");
    fixture f;
    CHECK(run_one(&f, text, 5) == 0);
    const cq_summary *u2 = row_of(&f.st, 0, 1, "U2", 0), *p2 = row_of(&f.st, 0, 2, "P2", 0);
    CHECK(u2 && u2->suppressed && u2->hidden_by == CQ_HID_NESTED);
    CHECK(p2 && !p2->suppressed && p2->n == 13);
    fx_free(&f);
}

CQ_TEST(disclose_crossed_unit_and_role)
{
    /* Crossed (neither breakdown nests in the other; U2 has two roles):
     *   U1 = 10 (role P1, and P1 is only U1), U2 = 5 P2 + 5 P3, U3 = 3 (P2),
     *   U4 = 12 (P3).  min_group 5.
     * Contract: U3 primary; U1 secondary (tie with U2 on 10, "U1" first);
     * roles P1 10, P2 8, P3 17 all shown.  Then U3 = all - U2 - U4 - P1.
     * The linear rule takes the figures largest first: all 35, P3 17, U4 12,
     * U2 10 (units before roles on a tie), then P1 (10) would give U3: hidden;
     * P2 (8): U3 = P3 - U4 - U2 + P2 = (c+e) - e - (b+c) + (b+d): hidden.
     * Shown: all, P3, U4, U2; and nothing smaller than 5 follows from them
     * (all - U2 - U4 = U1 + U3 is 13). */
    static char text[8192];
    strcpy(text, "id,unit,role,A1,A2,A3,B1\n");
    add_people(text, sizeof text, "a", 10, "U1", "P1");
    add_people(text, sizeof text, "b", 5, "U2", "P2");
    add_people(text, sizeof text, "c", 5, "U2", "P3");
    add_people(text, sizeof text, "d", 3, "U3", "P2");
    add_people(text, sizeof text, "e", 12, "U4", "P3");
    fixture f;
    CHECK(run_one(&f, text, 5) == 0);
    for (size_t s = 0; s < 2; s++) {
        static const struct {
            size_t b;
            const char *group;
            cq_hidden_by want;
        } t[] = {
            {0, "all", CQ_SHOWN},      {1, "U1", CQ_HID_SECONDARY}, {1, "U2", CQ_SHOWN},
            {1, "U3", CQ_HID_PRIMARY}, {1, "U4", CQ_SHOWN},         {2, "P1", CQ_HID_LINEAR},
            {2, "P2", CQ_HID_LINEAR},  {2, "P3", CQ_SHOWN},
        };
        for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
            const cq_summary *r = row_of(&f.st, 0, t[i].b, t[i].group, s);
            CHECK(r != NULL);
            if (!r)
                continue;
            CHECK_INT(r->hidden_by, t[i].want);
            CHECK_INT(r->suppressed, t[i].want != CQ_SHOWN);
            if (r->suppressed) /* blanked at the source */
                CHECK(r->n == 0 && isnan(r->mean) && isnan(r->sd));
        }
    }
    CHECK(f.st.audit_spaces > 0 && f.st.audit_cells > 0);
    /* P1 and P2 on two scales, and in the response counts (same structure) */
    CHECK_INT(f.st.hidden_linear, 6);
    fx_free(&f);
}

CQ_TEST(disclose_quality_never_echoes_ids_or_text)
{
    /* r2 typed r1's id into A1; r3 a comment into A2; r4 a short bad code */
    const char *text = "id,unit,role,A1,A2,A3,B1\n"
                       "resp001,U,P,1,1,1,1\n"
                       "resp002,U,P,resp001,1,1,1\n"
                       "resp003,U,P,1,han borde sluta med det där,1,1\n"
                       "resp004,U,P,7,1,1,1\n"
                       "resp005,U,P,1,1,1,1\n";
    fixture f;
    CHECK(run_one(&f, text, 3) == 0);
    CHECK_INT(f.st.n_quality, 3);
    for (size_t i = 0; i < f.st.n_quality; i++) {
        const char *det = f.st.quality[i].detail;
        CHECK(strstr(det, "resp001") == NULL);
        CHECK(strstr(det, "sluta") == NULL);
    }
    /* the short code stays as typed; the comment shows its length:
     * "han borde sluta med det där" is 27 characters */
    CHECK(strstr(f.st.quality[2].detail, "'7'") != NULL);
    CHECK(strstr(f.st.quality[1].detail, "27 characters") != NULL);
    fx_free(&f);
}

/* ------------------------------------------------------------ quality details */

/* An invalid answer that is a respondent's id, or starts with one, is not
 * echoed in quality.csv's detail; other tokens are.  Wave 1's answer
 * "zed007" is the id of a respondent of wave 2 only, "r10x" starts with
 * wave 1's id "r10" (ids of 3 bytes or more count), "s1" is an id of no
 * wave (ids: r1 .. r4, r6, r10, zed007). */
CQ_TEST(quality_detail_hides_tokens_like_ids)
{
    static const char w1[] = "id,unit,A1,A2,A3,B1\n"
                             "r1,U1,zed007,2,2,1\n"
                             "r2,U1,2,r10x,2,1\n"
                             "r3,U1,2,2,s1,1\n"
                             "r4,U1,2,2,2,1\n"
                             "r10,U1,2,2,2,1\n";
    static const char w2[] = "id,unit,A1,A2,A3,B1\n"
                             "r1,U1,2,2,2,1\n"
                             "r6,U1,2,2,2,1\n"
                             "zed007,U1,2,2,2,1\n";
    fixture f;
    CHECK(fx_init(&f, 2, 1, 2) == 0);
    cq_diag d;
    CHECK_INT(fx_ingest(&f, 0, w1, sizeof w1 - 1, &d), CQ_OK);
    CHECK_INT(fx_ingest(&f, 1, w2, sizeof w2 - 1, &d), CQ_OK);
    CHECK_INT(cq_stage_score(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_summarise(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_compare(&f.st, &d), CQ_OK);
    CHECK_INT(cq_stage_disclose(&f.st, &d), CQ_OK);
    static const struct {
        const char *token;
        int id_like;
    } want[] = {{"zed007", 1}, {"r10x", 1}, {"s1", 0}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const cq_quality *q = NULL;
        for (size_t j = 0; j < f.st.n_quality; j++)
            if (f.st.quality[j].token && strcmp(f.st.quality[j].token, want[i].token) == 0)
                q = &f.st.quality[j];
        CHECK(q != NULL && q->detail != NULL);
        if (!q || !q->detail)
            continue;
        int hidden = strstr(q->detail, "like a respondent id") != NULL;
        int echoed = strstr(q->detail, want[i].token) != NULL;
        if (hidden != want[i].id_like || echoed == want[i].id_like)
            cq_test_fail(__FILE__, __LINE__, "token %s: detail '%s'", want[i].token, q->detail);
    }
    fx_free(&f);
}
