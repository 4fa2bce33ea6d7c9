/* test_sentences.c - the report's generated sentences from plain data
 * (report_sentences.c), with hand cases: each expected sentence is written
 * out from the text table's wording and the rounding rules (whole points in
 * the change sentence, one decimal with a sign in lists, '−' as minus). */
#include <stdlib.h>

#include "copsoq/report_build.h"
#include "harness.h"

static const char *
run_change(int en, const rb_change *c, size_t n, int any, cq_sbuf *out)
{
    cq_sbuf_clear(out);
    rb_change_sentences(en, c, n, "2016", "2017", any, out);
    return cq_sbuf_str(out);
}

CQ_TEST(sentences_relevant_changes_first_then_lists)
{
    rb_change c[] = {
        /* worse and large: a demand went up by 10.4 (CI 6.2 to 14.6) */
        {"Arbetstempo", 1, -1, 2, 10.4, 6.2, 14.6},
        /* better and relevant: went down 7.2 (CI -11.4 to -3.1), shown as 3-11 */
        {"Rollkonflikter", 1, 1, 1, -7.2, -11.4, -3.1},
        /* significant but small */
        {"Inflytande", 1, 1, 0, 2.34, 0.5, 4.1},
        /* 5 points or more, not significant */
        {"Erkännande", 1, 0, 1, -5.05, -12.0, 1.9},
        /* nothing */
        {"Mening i arbetet", 1, 0, 0, 0.4, -1.0, 1.8},
        {"Tillit", 1, 0, 0, -0.2, -2.0, 1.6},
        /* withheld */
        {"Självskattad hälsa", 0, 0, 0, 0, 0, 0},
    };
    cq_sbuf out = {0};
    CHECK_STR(run_change(0, c, 7, 1, &out),
              "Rollkonflikter har minskat med 7 poäng (95 % KI 3–11), en relevant förbättring.\n"
              "Arbetstempo har ökat med 10 poäng (95 % KI 6–15), en stor försämring.\n"
              "Statistiskt säkerställda men små förändringar (under 5 poäng): inflytande (+2,3, "
              "bättre).\n"
              "Skillnader på minst 5 poäng som inte är statistiskt säkerställda: erkännande "
              "(\u22125,0).\n"
              "Övriga 2 skalor visar ingen statistiskt säkerställd förändring.\n"
              "För få svar för att bedöma förändringen: självskattad hälsa.\n");
    CHECK_STR(run_change(1, c, 7, 1, &out),
              "Rollkonflikter decreased by 7 points (95% CI 3–11), a relevant improvement.\n"
              "Arbetstempo increased by 10 points (95% CI 6–15), a large deterioration.\n"
              "Statistically significant but small changes (under 5 points): inflytande (+2.3, "
              "better).\n"
              "Differences of 5 points or more that are not statistically significant: erkännande "
              "(\u22125.0).\n"
              "The other 2 scales show no statistically significant change.\n"
              "Too few answers to judge the change: självskattad hälsa.\n");
    cq_sbuf_free(&out);
}

CQ_TEST(sentences_no_change_at_all_and_lists_of_three)
{
    rb_change c[] = {
        {"QD", 1, 0, 0, 1.0, -1.0, 3.0},
        {"Ålder", 0, 0, 0, 0, 0, 0},
        {"Öppenhet", 0, 0, 0, 0, 0, 0},
        {"LSS-stöd", 0, 0, 0, 0, 0, 0},
    };
    cq_sbuf out = {0};
    /* acronyms keep their capitals; Å and Ö are lower-cased */
    CHECK_STR(run_change(0, c, 4, 1, &out),
              "Ingen skala förändrades statistiskt säkerställt mellan 2016 och 2017.\n"
              "För få svar för att bedöma förändringen: ålder, öppenhet och LSS-stöd.\n");
    CHECK_STR(run_change(0, c, 4, 0, &out),
              "Jämförelser mellan mätningarna saknas i underlaget, så inga förändringar "
              "beskrivs.\n");
    CHECK_STR(run_change(0, c, 0, 1, &out), "");
    cq_sbuf_free(&out);
}

CQ_TEST(sentences_unit_page)
{
    rb_change c[] = {
        {"Mening i arbetet", 1, 1, 1, 9.1, 5.0, 13.2},
        {"Rollkonflikter", 1, 1, 1, -6.1, -10.0, -2.2},
        {"Inflytande", 1, 0, 0, 4.7, -0.5, 9.9},  /* not significant: not listed */
        {"Arbetstempo", 1, -1, 0, 3.0, 1.0, 5.0}, /* significant but small: not listed */
        {"Ålder", 0, 0, 0, 0, 0, 0},
    };
    const char *unfav[] = {"Kvantitativa krav", "Arbetstempo"};
    cq_sbuf out = {0};
    rb_unit_sentences(0, c, 5, "2016", unfav, 2, 1, 1, &out);
    CHECK_STR(cq_sbuf_str(&out),
              "Förbättrat: mening i arbetet (+9) och rollkonflikter (\u22126).\n"
              "Försämrat: inga.\n"
              "Fortfarande ogynnsamt jämfört med referensvärdet: kvantitativa krav och "
              "arbetstempo.\n");
    cq_sbuf_clear(&out);
    rb_unit_sentences(1, c + 2, 3, "2016", NULL, 0, 1, 1, &out);
    CHECK_STR(cq_sbuf_str(&out),
              "No scale changed significantly by 5 points or more since 2016.\n");
    /* one survey: no change sentences; the rule of thumb without "still" */
    cq_sbuf_clear(&out);
    rb_unit_sentences(0, c, 5, NULL, unfav, 1, 2, 0, &out);
    CHECK_STR(cq_sbuf_str(&out),
              "På en ogynnsam nivå (minst 5 poäng från skalans mitt på den ogynnsamma sidan, "
              "eller bortom det röda gränsvärdet): kvantitativa krav.\n");
    cq_sbuf_free(&out);
}
