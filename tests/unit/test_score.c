/* test_score.c - the answer-tuple path of the score stage against the plain
 * row-by-row path, bit for bit, on random instruments and answers (odd
 * points such as 100/3, reversed items, patterns of missing answers, long
 * scales that fall back to the plain path, waves of 0, 1 and a few thousand
 * respondents).  The plain path's numbers are checked by hand in
 * test_summary.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "copsoq/instrument.h"
#include "copsoq/score.h"
#include "fixture.h"
#include "harness.h"

static unsigned long long score_rng_state = 11;

/* Response sets: points as text, as an instrument file gives them ("" = an
 * option without points, which ingest turns into CQ_NA). */
static const char *const SCORE_SETS =
    "response_set,code,points,label_en,label_sv\n"
    "f5,1,100,a,a\nf5,2,75,b,b\nf5,3,50,c,c\nf5,4,25,d,d\nf5,5,0,e,e\nf5,6,,dk,dk\n"
    "third,1,0,a,a\nthird,2,33.333333333333336,b,b\nthird,3,66.666666666666671,c,c\n"
    "third,4,100,d,d\n"
    "odd,1,12.5,a,a\nodd,2,8.3333333333333339,b,b\nodd,3,91.666666666666671,c,c\n"
    "odd,4,35,d,d\nodd,5,12.5,e,e\nodd,6,0.1,f,f\nodd,7,99.9,g,g\n"
    "yn,1,100,a,a\nyn,0,0,b,b\n"
    "wide,1,0,a,a\nwide,2,7,b,b\nwide,3,14,c,c\nwide,4,21,d,d\nwide,5,28,e,e\n"
    "wide,6,35,f,f\nwide,7,42,g,g\nwide,8,49,h,h\nwide,9,56,i,i\nwide,10,63,j,j\n"
    "wide,11,70,k,k\nwide,12,77,l,l\nwide,13,84,m,m\nwide,14,100,n,n\n";

static const char *const SCORE_SET_NAMES[] = {"f5", "third", "odd", "yn", "wide"};

/* A random instrument of 1 to 6 scales of 1 to 7 items; NULL on failure. */
static cq_instrument *
random_instrument(void)
{
    char items[8192], scales[2048];
    size_t li = (size_t)snprintf(items, sizeof items, "item,scale,response_set,reverse\n");
    size_t ls = (size_t)snprintf(scales, sizeof scales,
                                 "scale,domain,label_en,label_sv,higher_is,green,red\n");
    size_t n_scales = 1 + fx_rng(&score_rng_state) % 6, item = 0;
    for (size_t s = 0; s < n_scales; s++) {
        size_t k = 1 + fx_rng(&score_rng_state) % 7;
        /* mostly one set a scale, as in COPSOQ; sometimes mixed */
        int mixed = fx_rng(&score_rng_state) % 3 == 0;
        size_t set = fx_rng(&score_rng_state) % 5;
        for (size_t j = 0; j < k; j++) {
            if (mixed)
                set = fx_rng(&score_rng_state) % 5;
            li += (size_t)snprintf(items + li, sizeof items - li, "I%zu,S%zu,%s,%d\n", item++, s,
                                   SCORE_SET_NAMES[set], (int)(fx_rng(&score_rng_state) % 2));
        }
        ls +=
            (size_t)snprintf(scales + ls, sizeof scales - ls, "S%zu,D,S%zu,S%zu,bad,,\n", s, s, s);
    }
    cq_instrument *ins = NULL;
    cq_diag d;
    if (cq_instrument_parse(items, li, SCORE_SETS, strlen(SCORE_SETS), scales, ls, &ins, &d) !=
        CQ_OK)
        return NULL;
    return ins;
}

/* Random answers: per item a share of missing answers (none, some, most, all). */
static int
random_answers(const cq_instrument *ins, size_t n, uint8_t **answers)
{
    static const unsigned na_percent[] = {0, 10, 50, 90, 100};
    for (size_t i = 0; i < ins->n_items; i++) {
        answers[i] = malloc(n ? n : 1);
        if (!answers[i])
            return -1;
        const cq_response_set *set = &ins->sets[ins->items[i].set];
        unsigned na = na_percent[fx_rng(&score_rng_state) % 5];
        for (size_t r = 0; r < n; r++) {
            uint8_t o = (uint8_t)(fx_rng(&score_rng_state) % set->n_options);
            if (set->options[o].missing || fx_rng(&score_rng_state) % 100 < na)
                o = CQ_NA;
            answers[i][r] = o;
        }
    }
    return 0;
}

CQ_TEST(score_tuples_same_bits_as_plain)
{
    static const size_t sizes[] = {0, 1, 2, 17, 2048, 2049, 5000};
    size_t cases = 0, scales = 0, values = 0, wide = 0;
    for (int round = 0; round < 60; round++) {
        cq_instrument *ins = random_instrument();
        CHECK(ins != NULL);
        if (!ins)
            return;
        size_t n = sizes[round % 7];
        uint8_t **answers = calloc(ins->n_items, sizeof *answers);
        CHECK(answers && random_answers(ins, n, answers) == 0);
        cq_wave a, b;
        memset(&a, 0, sizeof a);
        memset(&b, 0, sizeof b);
        cq_arena_init(&a.arena);
        cq_arena_init(&b.arena);
        a.n = b.n = n;
        a.answers = b.answers = answers;
        CHECK_INT(cq_score_wave(ins, &a, CQ_SCORE_AUTO), CQ_OK);
        CHECK_INT(cq_score_wave(ins, &b, CQ_SCORE_PLAIN), CQ_OK);
        for (size_t s = 0; s < ins->n_scales; s++) {
            const cq_scores *x = &a.scores[s], *y = &b.scores[s];
            CHECK_INT(x->n_values, y->n_values);
            if (x->n_values != y->n_values)
                continue;
            CHECK(memcmp(x->value, y->value, x->n_values * sizeof *x->value) == 0);
            /* one byte a code exactly when the scale has at most CQ_CODE8_VALUES
             * values (study.h), on both paths */
            int narrow = x->n_values <= CQ_CODE8_VALUES;
            CHECK((x->code8 != NULL) == narrow && (x->code == NULL) == narrow);
            CHECK((y->code8 != NULL) == narrow && (y->code == NULL) == narrow);
            wide += !narrow;
            size_t differ = 0;
            for (size_t r = 0; r < n; r++)
                differ += cq_score_code(x, r) != cq_score_code(y, r);
            CHECK_INT(differ, 0);
            scales++;
            values += x->n_values;
        }
        cases++;
        for (size_t i = 0; i < ins->n_items; i++)
            free(answers[i]);
        free(answers);
        cq_arena_free(&a.arena);
        cq_arena_free(&b.arena);
        cq_instrument_free(ins);
    }
    /* the rounds did compare something, with both code widths */
    CHECK_INT(cases, 60);
    CHECK(scales > 100 && values > 1000);
    CHECK(wide > 0); /* and some with four-byte codes (6 in these rounds) */
}
