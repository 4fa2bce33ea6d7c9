/* test_instrument.c - instrument loading and validation, from memory. */
#include <stdlib.h>

#include "copsoq/instrument.h"
#include "harness.h"

static const char *ITEMS = "item,scale,response_set,reverse,text_en,text_sv\n"
                           "A1,A,f5,0,\"One, with comma\",En\n"
                           "A2,A,f5,1,Two,Två\n"
                           "B1,B,yn,0,,\n";
static const char *SETS = "response_set,code,points,label_en,label_sv\n"
                          "f5,1,100,Always,Alltid\n"
                          "f5,2,75,Often,Ofta\n"
                          "f5,3,50,Sometimes,Ibland\n"
                          "f5,4,25,Seldom,Sällan\n"
                          "f5,5,0,Never,Aldrig\n"
                          "f5,6,,Don't know,Vet inte\n"
                          "yn,1,100,Yes,Ja\n"
                          "yn,0,0,No,Nej\n";
static const char *SCALES = "scale,domain,label_en,label_sv,higher_is,green,red\n"
                            "A,Demands,Scale A,Skala A,bad,25,60\n"
                            "B,Health,Scale B,Skala B,good,,\n";

static cq_status
parse(const char *items, const char *sets, const char *scales, cq_instrument **ins, cq_diag *d)
{
    return cq_instrument_parse(items, strlen(items), sets, strlen(sets), scales, strlen(scales),
                               ins, d);
}

CQ_TEST(instrument_valid)
{
    cq_instrument *ins = NULL;
    cq_diag d = {{0}};
    CHECK_INT(parse(ITEMS, SETS, SCALES, &ins, &d), CQ_OK);
    if (!ins)
        return;
    CHECK_INT(ins->n_items, 3);
    CHECK_INT(ins->n_scales, 2);
    CHECK_INT(ins->n_sets, 2);
    CHECK_STR(ins->items[0].text_en, "One, with comma");
    CHECK_INT(ins->items[1].reverse, 1);
    CHECK_INT(ins->scales[0].n_items, 2);
    CHECK_INT(ins->scales[0].higher_is_good, 0);
    CHECK_INT(ins->scales[0].has_cutoffs, 1);
    CHECK_INT(ins->scales[1].has_cutoffs, 0);
    CHECK_INT(ins->scales[0].sensitive, 0);
    CHECK_INT(ins->sets[0].n_options, 6);
    CHECK_INT(ins->sets[0].options[5].missing, 1);
    CHECK_STR(ins->sets[0].options[3].fold_sv, "sällan");
    /* reversal: option 'Often' (75) on a reversed item gives 25 */
    CHECK_NEAR(cq_item_points(ins, 1, 1), 25.0, 0);
    CHECK_NEAR(cq_item_points(ins, 0, 1), 75.0, 0);
    CHECK_INT(cq_instrument_find_item(ins, "B1"), 2);
    CHECK_INT(cq_instrument_find_scale(ins, "Z"), (size_t)-1);
    cq_instrument_free(ins);
}

/* Each bad instrument must be refused with the file, the line and the problem named. */
CQ_TEST(instrument_invalid_table)
{
    static const struct {
        const char *items, *sets, *scales;
        const char *want1, *want2; /* substrings of the message */
    } cases[] = {
        {"item,scale,response_set,reverse\nA1,A,f9,0\n", NULL, NULL, "items.csv: line 2",
         "unknown response set 'f9'"},
        {"item,scale,response_set,reverse\nA1,A,f5,0\nA1,A,f5,0\n", NULL, NULL, "items.csv: line 3",
         "duplicate item 'A1'"},
        {"item,scale,response_set,reverse\nA1,,f5,0\n", NULL, NULL, "items.csv: line 2",
         "has no scale"},
        {"item,scale,response_set,reverse\nA1,Q,f5,0\n", NULL, NULL, "items.csv: line 2",
         "unknown scale 'Q'"},
        {"item,scale,response_set,reverse\nA1,A,f5,2\n", NULL, NULL, "items.csv: line 2",
         "reverse is '2'"},
        {"item,scale,response_set,reverse\nA1,A,f5,0\nA2,A,f5,0\n", NULL, NULL,
         "scales.csv: line 3", "scale 'B' has no items"},
        {NULL, "response_set,code,points\nf5,1,100\nf5,1,50\nyn,1,0\n", NULL,
         "response_sets.csv: line 3", "duplicate code 1"},
        {NULL, "response_set,code,points\nf5,1,101\nyn,1,0\n", NULL, "response_sets.csv: line 2",
         "from 0 to 100"},
        {NULL, "response_set,code,points\nf5,1,-5\nyn,1,0\n", NULL, "response_sets.csv: line 2",
         "from 0 to 100"},
        {NULL, "response_set,code,points\nf5,x,50\nyn,1,0\n", NULL, "response_sets.csv: line 2",
         "not an integer"},
        {NULL, "response_set,code\nf5,1\n", NULL, "response_sets.csv: line 1",
         "column 'points' is missing"},
        {NULL, NULL, "scale,domain,label_en,label_sv,higher_is\nA,D,a,a,high\nB,D,b,b,good\n",
         "scales.csv: line 2", "higher_is is 'high'"},
        {NULL, NULL, "scale,domain,label_en,label_sv,higher_is\nA,D,a,a,bad\nA,D,b,b,good\n",
         "scales.csv: line 3", "duplicate scale 'A'"},
        {NULL, NULL,
         "scale,domain,label_en,label_sv,higher_is,green,red\nA,D,a,a,bad,70,20\nB,D,b,b,good,,\n",
         "scales.csv: line 2", "favourable side"},
        {NULL, NULL,
         "scale,domain,label_en,label_sv,higher_is,green,red\nA,D,a,a,bad,20,\nB,D,b,b,good,,\n",
         "scales.csv: line 2", "both"},
        {NULL, NULL, "", "scales.csv", "empty"},
        {NULL, NULL,
         "scale,domain,label_en,label_sv,higher_is,sensitive\nA,D,a,a,bad,2\nB,D,b,b,good,0\n",
         "scales.csv: line 2", "sensitive is '2'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cq_instrument *ins = NULL;
        cq_diag d = {{0}};
        const char *items = cases[i].items ? cases[i].items : ITEMS;
        const char *sets = cases[i].sets ? cases[i].sets : SETS;
        const char *scales = cases[i].scales ? cases[i].scales : SCALES;
        cq_status s = parse(items, sets, scales, &ins, &d);
        if (s == CQ_OK) {
            cq_test_fail(__FILE__, __LINE__, "case %zu accepted, expected '%s'", i, cases[i].want2);
            cq_instrument_free(ins);
            continue;
        }
        CHECK(ins == NULL);
        if (!strstr(d.msg, cases[i].want1) || !strstr(d.msg, cases[i].want2))
            cq_test_fail(__FILE__, __LINE__, "case %zu: message '%s' lacks '%s' / '%s'", i, d.msg,
                         cases[i].want1, cases[i].want2);
    }
}

CQ_TEST(fold_swedish_letters)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"SÄLLAN", "sällan"},
        {"  Sällan ", "sällan"},
        {"ÅÄÖ åäö É", "åäö åäö é"},
        {"Don’t KNOW", "don't know"},
        {"\tI MYCKET stor utsträckning ", "i mycket stor utsträckning"},
        {"×", "×"}, /* U+00D7 is not a letter */
    };
    char buf[128];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = cq_fold(cases[i].in, strlen(cases[i].in), buf, sizeof buf);
        CHECK(n != (size_t)-1);
        CHECK_STR(buf, cases[i].out);
    }
    CHECK(cq_fold("abcdef", 6, buf, 4) == (size_t)-1);
}
