/* test_reliability.c - the reliability stage (which gathers the complete
 * respondents' answer codes eight rows at a time and calls
 * cq_cronbach_coded) against the plain computation: the complete rows found
 * one by one, their points as an n x k array of doubles, cq_cronbach (whose
 * numbers test_stats.c and test_compare.c check against R).  Bit for bit, on
 * random scales, missing-answer patterns and wave sizes around the 8-row
 * groups and 4096-row blocks. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "copsoq/instrument.h"
#include "copsoq/stages.h"
#include "copsoq/stats.h"
#include "fixture.h"
#include "harness.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static unsigned long long rel_rng_state = 5;

static const char *const REL_SETS =
    "response_set,code,points,label_en,label_sv\n"
    "f5,1,100,a,a\nf5,2,75,b,b\nf5,3,50,c,c\nf5,4,25,d,d\nf5,5,0,e,e\nf5,6,,dk,dk\n"
    "third,1,0,a,a\nthird,2,33.333333333333336,b,b\nthird,3,66.666666666666671,c,c\n"
    "third,4,100,d,d\n"
    "yn,1,100,a,a\nyn,0,0,b,b\n";

CQ_TEST(reliability_stage_same_bits_as_plain_cronbach)
{
    static const size_t sizes[] = {0, 1, 2, 7, 8, 9, 17, 100, 4095, 4096, 4097, 5003};
    static const unsigned na_percent[] = {0, 2, 10, 50, 100};
    static const char *const sets[] = {"f5", "third", "yn"};
    size_t rows_compared = 0;
    for (int round = 0; round < 24; round++) {
        /* 1 to 4 scales of 1 to 10 items */
        char items[4096], scales[1024];
        size_t li = (size_t)snprintf(items, sizeof items, "item,scale,response_set,reverse\n");
        size_t ls = (size_t)snprintf(scales, sizeof scales,
                                     "scale,domain,label_en,label_sv,higher_is,green,red\n");
        size_t n_scales = 1 + fx_rng(&rel_rng_state) % 4, n_items = 0;
        for (size_t s = 0; s < n_scales; s++) {
            size_t k = 1 + fx_rng(&rel_rng_state) % 10;
            for (size_t j = 0; j < k; j++)
                li += (size_t)snprintf(items + li, sizeof items - li, "I%zu,S%zu,%s,%d\n",
                                       n_items++, s, sets[fx_rng(&rel_rng_state) % 3],
                                       (int)(fx_rng(&rel_rng_state) % 2));
            ls += (size_t)snprintf(scales + ls, sizeof scales - ls, "S%zu,D,S,S,good,,\n", s);
        }
        cq_instrument *ins = NULL;
        cq_diag d;
        CHECK_INT(cq_instrument_parse(items, li, REL_SETS, strlen(REL_SETS), scales, ls, &ins, &d),
                  CQ_OK);
        if (!ins)
            return;
        /* two waves of different sizes */
        cq_study st;
        memset(&st, 0, sizeof st);
        st.ins = ins;
        st.n_waves = 2;
        st.waves = calloc(2, sizeof *st.waves);
        CHECK(st.waves != NULL);
        if (!st.waves)
            return;
        for (size_t w = 0; w < 2; w++) {
            cq_wave *wave = &st.waves[w];
            wave->n = sizes[(size_t)(round + 5 * (int)w) % N_OF(sizes)];
            wave->answers = calloc(ins->n_items, sizeof *wave->answers);
            for (size_t i = 0; i < ins->n_items; i++) {
                const cq_response_set *set = &ins->sets[ins->items[i].set];
                unsigned na = na_percent[fx_rng(&rel_rng_state) % N_OF(na_percent)];
                wave->answers[i] = malloc(wave->n ? wave->n : 1);
                for (size_t r = 0; r < wave->n; r++) {
                    uint8_t o = (uint8_t)(fx_rng(&rel_rng_state) % set->n_options);
                    wave->answers[i][r] =
                        set->options[o].missing || fx_rng(&rel_rng_state) % 100 < na ? CQ_NA : o;
                }
            }
        }
        CHECK_INT(cq_stage_reliability(&st, &d), CQ_OK);
        /* the plain computation, wave by wave and scale by scale, in the
         * stage's order */
        size_t row = 0, item_row = 0;
        for (size_t w = 0; w < 2; w++) {
            const cq_wave *wave = &st.waves[w];
            for (size_t s = 0; s < ins->n_scales; s++) {
                const cq_scale *sc = &ins->scales[s];
                size_t k = sc->n_items, m = 0;
                if (k < 2)
                    continue;
                double *x = malloc((k * wave->n + 1) * sizeof *x);
                double alpha, rest[10], del[10];
                for (size_t r = 0; r < wave->n; r++) {
                    size_t j = 0;
                    while (j < k && wave->answers[sc->items[j]][r] != CQ_NA)
                        j++;
                    if (j < k)
                        continue;
                    m++;
                }
                size_t t = 0;
                for (size_t r = 0; r < wave->n; r++) {
                    size_t j = 0;
                    while (j < k && wave->answers[sc->items[j]][r] != CQ_NA)
                        j++;
                    if (j < k)
                        continue;
                    for (j = 0; j < k; j++) {
                        size_t i = sc->items[j];
                        x[j * m + t] = cq_item_points(ins, i, wave->answers[i][r]);
                    }
                    t++;
                }
                CHECK_INT(cq_cronbach(x, m, k, &alpha, rest, del), CQ_OK);
                free(x);
                CHECK(row < st.n_reliability);
                if (row >= st.n_reliability)
                    break;
                const cq_reliability *rel = &st.reliability[row++];
                CHECK_INT(rel->wave, w);
                CHECK_INT(rel->scale, s);
                CHECK_INT(rel->n_complete, m);
                CHECK(memcmp(&rel->alpha, &alpha, sizeof alpha) == 0);
                for (size_t j = 0; j < k; j++) {
                    const cq_reliability_item *it = &st.reliability_items[item_row++];
                    CHECK_INT(it->item, sc->items[j]);
                    CHECK(memcmp(&it->item_rest_r, &rest[j], sizeof rest[j]) == 0);
                    CHECK(memcmp(&it->alpha_if_deleted, &del[j], sizeof del[j]) == 0);
                }
                rows_compared += m;
            }
        }
        CHECK_INT(row, st.n_reliability);
        for (size_t w = 0; w < 2; w++) {
            for (size_t i = 0; i < ins->n_items; i++)
                free(st.waves[w].answers[i]);
            free(st.waves[w].answers);
        }
        free(st.waves);
        free(st.reliability);
        free(st.reliability_items);
        cq_instrument_free(ins);
    }
    CHECK(rows_compared > 10000);
}
