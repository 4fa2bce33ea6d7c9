/*
 * report_text.h - every string of the report, in Swedish and English.
 *
 * The texts are one X-macro table in stages/report_text.c, so a text cannot
 * exist in one language only.  Texts marked "fmt" below are printf formats;
 * cq_textf() fills them.  Both languages of one text take the same
 * arguments in the same order (checked by tests/report_check.py).
 *
 * All returned strings are static or point into the caller's buffer.
 */
#ifndef COPSOQ_REPORT_TEXT_H
#define COPSOQ_REPORT_TEXT_H

#include <stdarg.h>
#include <stddef.h>

#include "copsoq/utf8.h"

/* X(id, Swedish, English) */
#define CQ_REPORT_TEXTS(X)                                                                                      \
    X(CQ_T_DOC_TITLE, "COPSOQ – psykosocial arbetsmiljö",                                                       \
      "COPSOQ – psychosocial work environment")                                                                 \
    X(CQ_T_DOC_SUBJECT, "Resultat av COPSOQ-enkäten", "Results of the COPSOQ survey")                           \
    X(CQ_T_DOC_COMMENTS,                                                                                        \
      "Skapad av copsoq. Alla siffror finns också i CSV-filerna bredvid rapporten.",                            \
      "Created by copsoq. Every figure is also in the CSV files beside the report.")                            \
    X(CQ_T_SHEET_OVERVIEW, "Översikt", "Overview")                                                              \
    X(CQ_T_SHEET_TRAFFIC, "Trafikljus", "Traffic lights")                                                       \
    X(CQ_T_SHEET_CHARTS, "Diagram", "Charts")                                                                   \
    X(CQ_T_SHEET_CHARTDATA, "Diagramdata", "Chart data")                                                        \
    X(CQ_T_SHEET_ITEMS, "Frågor", "Items")                                                                      \
    X(CQ_T_SHEET_RELIABILITY, "Reliabilitet", "Reliability")                                                    \
    X(CQ_T_SHEET_QUALITY, "Datakvalitet", "Data quality")                                                       \
    X(CQ_T_SHEET_METHOD, "Metod", "Method")                                                                     \
    X(CQ_T_SHEET_PROVENANCE, "Spårbarhet", "Provenance")                                                        \
    X(CQ_T_SHEET_DEFAULT, "Blad", "Sheet")                                                                      \
    X(CQ_T_AND, " och ", " and ")                                                                               \
    X(CQ_T_BETTER, "bättre", "better")                                                                          \
    X(CQ_T_WORSE, "sämre", "worse")                                                                             \
    X(CQ_T_INCREASED, "ökat", "increased")                                                                      \
    X(CQ_T_DECREASED, "minskat", "decreased")                                                                   \
    X(CQ_T_REL_BETTER, "en relevant förbättring", "a relevant improvement")                                     \
    X(CQ_T_BIG_BETTER, "en stor förbättring", "a large improvement")                                            \
    X(CQ_T_REL_WORSE, "en relevant försämring", "a relevant deterioration")                                     \
    X(CQ_T_BIG_WORSE, "en stor försämring", "a large deterioration")                                            \
    X(CQ_T_WHOLE_SAMPLE, "Alla svarande", "All respondents")                                                    \
    X(CQ_T_MISSING_GROUP, "(uppgift saknas)", "(not stated)")                                                   \
    X(CQ_T_FEW_ANSWERS_SHORT, "för få svar", "too few answers")                                                 \
    X(CQ_T_HIGH_GOOD, "bra", "good")                                                                            \
    X(CQ_T_HIGH_BAD, "dåligt", "bad")                                                                           \
    X(CQ_T_MARK_BETTER, "Bättre", "Better")                                                                     \
    X(CQ_T_MARK_WORSE, "Sämre", "Worse")                                                                        \
    X(CQ_T_MARK_NONE, "Ingen säkerställd förändring", "No significant change")                                  \
    X(CQ_T_REL_0, "liten (< 5)", "small (< 5)")                                                                 \
    X(CQ_T_REL_1, "relevant (5–10)", "relevant (5–10)")                                                         \
    X(CQ_T_REL_2, "stor (≥ 10)", "large (≥ 10)")                                                                \
    X(CQ_T_S_ANSWERS_IN, "%s svar %s", "%s answers in %s")                                                      \
    X(CQ_T_S_BASIS, "Underlaget är %s.", "The results rest on %s.")                                             \
    X(CQ_T_S_RATE, "Svarsfrekvensen %s var %s %% (%s av %s anställda).",                                        \
      "The response rate in %s was %s%% (%s of %s employees).")                                                 \
    X(CQ_T_S_RATE_LOW,                                                                                          \
      "Det är under 60 %, vilket COPSOQ Sverige kallar otillfredsställande: tolka resultaten med "            \
      "försiktighet.",                                                                                          \
      "That is below 60%, which COPSOQ Sweden calls unsatisfactory: read the results with "                     \
      "caution.")                                                                                               \
    X(CQ_T_S_RATE_ITEM, "%s %% %s (%s av %s anställda)", "%s%% in %s (%s of %s employees)")                     \
    X(CQ_T_S_RATES, "Svarsfrekvensen var %s.", "The response rate was %s.")                                     \
    X(CQ_T_S_RATES_LOW,                                                                                         \
      "Svarsfrekvensen %s var under 60 %%, vilket COPSOQ Sverige kallar "                                       \
      "otillfredsställande: tolka de resultaten med försiktighet.",                                             \
      "The response rate in %s was below 60%%, which COPSOQ Sweden calls unsatisfactory: read "                 \
      "those results with caution.")                                                                            \
    X(CQ_T_S_ONE_WAVE, "Rapporten bygger på en mätning, så förändringar kan inte visas.",                       \
      "The report rests on one survey, so no changes can be shown.")                                            \
    X(CQ_T_S_PAIR, "Förändringar från %s till %s:", "Changes from %s to %s:")                                   \
    X(CQ_T_S_CHANGE, "%s har %s med %s poäng (95 %% KI %s–%s), %s.",                                            \
      "%s %s by %s points (95%% CI %s–%s), %s.")                                                                \
    X(CQ_T_S_SMALL, "Statistiskt säkerställda men små förändringar (under 5 poäng): %s.",                       \
      "Statistically significant but small changes (under 5 points): %s.")                                      \
    X(CQ_T_S_UNSURE, "Skillnader på minst 5 poäng som inte är statistiskt säkerställda: %s.",                   \
      "Differences of 5 points or more that are not statistically significant: %s.")                            \
    X(CQ_T_S_NONE_AT_ALL, "Ingen skala förändrades statistiskt säkerställt mellan %s och %s.",                  \
      "No scale changed significantly between %s and %s.")                                                      \
    X(CQ_T_S_NONE_OTHERS, "Övriga %s skalor visar ingen statistiskt säkerställd förändring.",                   \
      "The other %s scales show no statistically significant change.")                                          \
    X(CQ_T_S_FEW, "För få svar för att bedöma förändringen: %s.",                                               \
      "Too few answers to judge the change: %s.")                                                               \
    X(CQ_T_S_NO_COMPARISON,                                                                                     \
      "Jämförelser mellan mätningarna saknas i underlaget, så inga förändringar beskrivs.",                     \
      "The comparisons between the surveys are missing, so no changes are described.")                          \
    X(CQ_T_S_UNFAV_CUT,                                                                                         \
      "Ligger kvar i det röda området (medelvärdet bortom skalans röda gränsvärde) i alla "               \
      "mätningar: %s.",                                                                                         \
      "Stayed in the red zone (the mean beyond the scale's red cut-off) in every survey: %s.")                  \
    X(CQ_T_S_UNFAV_CUT_ONE,                                                                                     \
      "Ligger i det röda området (medelvärdet bortom skalans röda gränsvärde): %s.",                            \
      "In the red zone (the mean beyond the scale's red cut-off): %s.")                                         \
    X(CQ_T_S_UNFAV_MID,                                                                                         \
      "Ligger kvar på den ogynnsamma sidan, minst 5 poäng från skalans mitt (50), i alla "                   \
      "mätningar: %s.",                                                                                         \
      "Stayed on the unfavourable side, at least 5 points from the scale's midpoint (50), in "                  \
      "every survey: %s.")                                                                                      \
    X(CQ_T_S_UNFAV_MID_ONE,                                                                                     \
      "Ligger på den ogynnsamma sidan, minst 5 poäng från skalans mitt (50): %s.",                              \
      "On the unfavourable side, at least 5 points from the scale's midpoint (50): %s.")                        \
    X(CQ_T_OVERVIEW_TITLE, "Psykosocial arbetsmiljö (COPSOQ) – översikt",                                       \
      "Psychosocial work environment (COPSOQ) – overview")                                                      \
    X(CQ_T_OVERVIEW_SUB, "Alla svarande · instrument %s · %s · skalor 0–100",                                   \
      "All respondents · instrument %s · %s · scales 0–100")                                                    \
    X(CQ_T_SURVEY_ONE, "mätningen %s", "survey %s")                                                             \
    X(CQ_T_SURVEYS, "mätningarna %s", "surveys %s")                                                             \
    X(CQ_T_SUMMARY_HEAD, "Sammanfattning", "Summary")                                                           \
    X(CQ_T_COL_SCALE, "Skala", "Scale")                                                                         \
    X(CQ_T_COL_HIGH_IS, "Högt värde är", "High score is")                                                       \
    X(CQ_T_COL_MEAN, "Medelvärde", "Mean")                                                                      \
    X(CQ_T_COL_CHANGE_PAIR, "Förändring %s → %s", "Change %s → %s")                                             \
    X(CQ_T_COL_DIFF, "Poäng", "Points")                                                                         \
    X(CQ_T_COL_CI_LOW, "95 % KI från", "95% CI from")                                                           \
    X(CQ_T_COL_CI_HIGH, "till", "to")                                                                           \
    X(CQ_T_COL_PADJ, "p (justerat)", "p (adjusted)")                                                            \
    X(CQ_T_COL_SIZE, "Storlek", "Size")                                                                         \
    X(CQ_T_COL_ASSESS, "Bedömning", "Assessment")                                                               \
    X(CQ_T_RESPONDENTS_ROW, "Svarande", "Respondents")                                                          \
    X(CQ_T_RATE_ROW, "Svarsfrekvens %s (av anställda)", "Response rate %s (of employees)")                      \
    X(CQ_T_COL_N, "Antal svar (n)", "Answers (n)")                                                              \
    X(CQ_T_NOTE_OVERVIEW_MEAN,                                                                                  \
      "Medelvärden på skalan 0–100 för alla svarande. \"Högt värde är\" säger om en hög poäng är "  \
      "gynnsam (bra) eller ogynnsam (dåligt) för arbetsmiljön.",                                                \
      "Means on the 0–100 scale over all respondents. \"High score is\" tells whether a high "                \
      "score is favourable (good) or unfavourable (bad) for the work environment.")                             \
    X(CQ_T_NOTE_OVERVIEW_CHANGE,                                                                                \
      "Förändring = senare minus tidigare medelvärde, med 95 % konfidensintervall (KI, Welch). p "           \
      "(justerat): p-värdet justerat för att många skalor jämförs (Benjamini–Hochberg).",                       \
      "Change = later minus earlier mean, with its 95% confidence interval (CI, Welch). p "                     \
      "(adjusted): the p-value adjusted because many scales are compared (Benjamini–Hochberg).")                \
    X(CQ_T_NOTE_OVERVIEW_COLOURS,                                                                               \
      "Bättre/Sämre kräver p (justerat) < 0,05 och följer skalans riktning, inte tecknet. Stark "           \
      "färg: minst 5 poäng (relevant); ljus färg: under 5 poäng.",                                              \
      "Better/Worse needs p (adjusted) < 0.05 and follows the scale's direction, not the sign. "                \
      "Strong colour: 5 points or more (relevant); light colour: under 5 points.")                              \
    X(CQ_T_NOTE_DASH,                                                                                           \
      "– = visas inte: färre än %d svar, eller dolt så att en liten grupp inte kan räknas fram "          \
      "ur de andra.",                                                                                           \
      "– = not shown: fewer than %d answers, or withheld so that a small group cannot be worked "             \
      "out from the others.")                                                                                   \
    X(CQ_T_BREAKDOWN_TITLE, "Per %s", "By %s")                                                                  \
    X(CQ_T_BREAKDOWN_SUB,                                                                                       \
      "Medelvärden 0–100 per grupp. Färgen jämför gruppen med hela urvalet i samma mätning: "            \
      "grönt = gynnsammare, rött = ogynnsammare, full färg vid 10 poängs skillnad.",                            \
      "Means 0–100 per group. The colour compares the group with the whole sample in the same "               \
      "survey: green = more favourable, red = less favourable, full colour at a 10-point "                      \
      "difference.")                                                                                            \
    X(CQ_T_COL_GROUP, "Grupp", "Group")                                                                         \
    X(CQ_T_COL_RESPONDENTS, "Svar", "Answers")                                                                  \
    X(CQ_T_COL_HEADCOUNT, "Anställda %s", "Employees %s")                                                       \
    X(CQ_T_COL_RATE, "Svarsfrekvens %s", "Response rate %s")                                                    \
    X(CQ_T_COL_HEADCOUNT_ANY, "Anställda", "Employees")                                                         \
    X(CQ_T_COL_RATE_ANY, "Svarsfrekvens", "Response rate")                                                      \
    X(CQ_T_BLOCK_MEANS, "Medelvärden %s", "Means %s")                                                           \
    X(CQ_T_BLOCK_CHANGE, "Förändring %s → %s (poäng, senare minus tidigare)",                                   \
      "Change %s → %s (points, later minus earlier)")                                                           \
    X(CQ_T_NO_COMPARISON_ROWS, "Jämförelser saknas i underlaget.",                                              \
      "No comparisons in the results.")                                                                         \
    X(CQ_T_NOTE_HEATMAP,                                                                                        \
      "Färgerna på medelvärdena följer skalans riktning: en hög poäng är grön där högt värde är "   \
      "bra och röd där högt värde är dåligt.",                                                                  \
      "The colours of the means follow each scale's direction: a high score is green where high "               \
      "is good and red where high is bad.")                                                                     \
    X(CQ_T_NOTE_GROUP_CHANGE,                                                                                   \
      "Förändringen är grön (bättre) eller röd (sämre) bara när den är statistiskt säkerställd "     \
      "(p justerat < 0,05); stark färg vid minst 5 poäng.",                                                     \
      "A change is green (better) or red (worse) only when it is statistically significant (p "                 \
      "adjusted < 0.05); strong colour at 5 points or more.")                                                   \
    X(CQ_T_NOTE_COUNTS,                                                                                         \
      "Svar = antal svarande i gruppen. Antal och svarsfrekvens visas inte för en grupp som är "              \
      "dold på någon skala.",                                                                                   \
      "Answers = respondents in the group. Counts and response rates are not shown for a group "                \
      "that is withheld on any scale.")                                                                         \
    X(CQ_T_NOTE_RATE,                                                                                           \
      "Svarsfrekvens = svar / anställda enligt population-filen, som avser mätningen %s. Under "              \
      "60 %% (orange) kallar COPSOQ Sverige otillfredsställande.",                                              \
      "Response rate = answers / employees from the population file, which refers to the survey "               \
      "%s. Below 60%% (orange) COPSOQ Sweden calls unsatisfactory.")                                            \
    X(CQ_T_NOTE_RATES,                                                                                          \
      "Svarsfrekvens = svar / anställda enligt population-filen, i varje mätnings block "                     \
      "(antal anställda finns för %s). Under 60 %% (orange) kallar COPSOQ Sverige "                           \
      "otillfredsställande.",                                                                                   \
      "Response rate = answers / employees from the population file, in each survey's "                         \
      "block (head counts are given for %s). Below 60%% (orange) COPSOQ Sweden calls "                          \
      "unsatisfactory.")                                                                                        \
    X(CQ_T_NOTE_RATE_CAP,                                                                                       \
      "Där population-filen anger färre anställda än svarande visas svarsfrekvensen som 100 %%; "           \
      "kontrollera antalet anställda.",                                                                         \
      "Where the population file gives fewer employees than respondents, the response rate is "                 \
      "shown "                                                                                                  \
      "as 100%%; check the head counts.")                                                                       \
    X(CQ_T_TRAFFIC_TITLE, "Trafikljus: andel svarande i grönt, gult och rött",                                  \
      "Traffic lights: share of respondents in green, yellow and red")                                          \
    X(CQ_T_TRAFFIC_SUB,                                                                                         \
      "Varje svarande räknas som grön, gul eller röd efter sin poäng och skalans gränsvärden "            \
      "(se raden Gränsvärden). Andelar av de svarande med poäng på skalan, per grupp och "                  \
      "mätning.",                                                                                               \
      "Each respondent counts as green, yellow or red by their score and the scale's cut-offs "                 \
      "(see the row Cut-offs). Shares of the respondents with a score on the scale, per group "                 \
      "and "                                                                                                    \
      "survey.")                                                                                                \
    X(CQ_T_TRAFFIC_RULE,                                                                                        \
      "Regel: där högt värde är bra är en poäng ≥ green grön och ≤ red röd; där högt värde är " \
      "dåligt är ≤ green grön och ≥ red röd; allt däremellan gult.",                                            \
      "Rule: where high is good a score ≥ green is green and ≤ red is red; where high is bad ≤ "          \
      "green is green and ≥ red is red; everything between is yellow.")                                         \
    X(CQ_T_TRAFFIC_CUTOFFS, "Gränsvärden", "Cut-offs")                                                          \
    X(CQ_T_CUTOFF_GOOD, "grön ≥ %s, röd ≤ %s", "green ≥ %s, red ≤ %s")                                          \
    X(CQ_T_CUTOFF_BAD, "grön ≤ %s, röd ≥ %s", "green ≤ %s, red ≥ %s")                                           \
    X(CQ_T_TL_GREEN, "Grön", "Green")                                                                           \
    X(CQ_T_TL_YELLOW, "Gul", "Yellow")                                                                          \
    X(CQ_T_TL_RED, "Röd", "Red")                                                                                \
    X(CQ_T_TRAFFIC_BLOCK, "Per %s, %s", "By %s, %s")                                                            \
    X(CQ_T_TRAFFIC_WITHOUT, "Inga gränsvärden, därför inga trafikljus, för: %s.",                               \
      "No cut-offs, so no traffic lights, for: %s.")                                                            \
    X(CQ_T_CHARTS_TITLE, "Diagram: medelvärden med 95 % konfidensintervall",                                    \
      "Charts: means with 95% confidence intervals")                                                            \
    X(CQ_T_CHARTS_SUB,                                                                                          \
      "Alla svarande. Strecken visar 95 % konfidensintervall för varje mätnings medelvärde. Om "             \
      "en förändring är statistiskt säkerställd avgör testet i Översikt (p justerat), inte om "          \
      "strecken överlappar: streck som överlappar kan ändå höra till en säkerställd förändring. "      \
      "Tänk på skalans riktning (se Översikt).",                                                                \
      "All respondents. The whiskers show the 95% confidence interval of each survey's mean. "                  \
      "Whether a change is statistically significant is decided by the test on the Overview (p "                \
      "adjusted), not by whether the whiskers overlap: overlapping whiskers can still belong to "               \
      "a "                                                                                                      \
      "significant change. Mind each scale's direction (see Overview).")                                        \
    X(CQ_T_CHART_AXIS, "Medelvärde 0–100 (95 % KI)", "Mean 0–100 (95% CI)")                                     \
    X(CQ_T_CHART_PROFILE, "Profil %s: alla skalor", "Profile %s: all scales")                                   \
    X(CQ_T_LEGEND_HIGH_GOOD, "Högt värde är bra", "High score is good")                                         \
    X(CQ_T_LEGEND_HIGH_BAD, "Högt värde är dåligt", "High score is bad")                                        \
    X(CQ_T_CHARTS_NOTE, "Diagrammens siffror finns på det dolda bladet \"%s\".",                                \
      "The charts' figures are on the hidden sheet \"%s\".")                                                    \
    X(CQ_T_ITEMS_TITLE, "Frågor: svarsfördelning per mätning", "Items: answers per survey")                     \
    X(CQ_T_ITEMS_SUB,                                                                                           \
      "Andel av alla svarande i mätningen som valt varje svarsalternativ, också alternativ utan "             \
      "poäng som \"Vet inte\", och andel utan svar (tomt eller ogiltigt värde). Bara för hela "              \
      "mätningen, aldrig per grupp.",                                                                           \
      "Share of all respondents of the survey who chose each option, options without points such "              \
      "as \"Don't know\" included, and the share without an answer (empty or an invalid value). "               \
      "For "                                                                                                    \
      "whole surveys only, never by group.")                                                                    \
    X(CQ_T_COL_ITEM, "Fråga", "Item")                                                                           \
    X(CQ_T_COL_ITEM_TEXT, "Frågetext", "Wording")                                                               \
    X(CQ_T_COL_WAVE, "Mätning", "Survey")                                                                       \
    X(CQ_T_COL_NO_ANSWER, "Inget svar", "No answer")                                                            \
    X(CQ_T_ITEMS_NOTE,                                                                                          \
      "– = mätningen har färre än %d svarande (för känsliga skalor gäller en högre gräns).",                    \
      "– = the survey has fewer than %d respondents (sensitive scales have a higher limit).")                   \
    X(CQ_T_ITEMS_NOTE_MISSING_OPT,                                                                              \
      "* Alternativet ger inga poäng och räknas som saknat svar i skalan (till exempel \"har "                \
      "ingen chef\").",                                                                                         \
      "* The option gives no points and counts as a missing answer in the scale (for example \"I "              \
      "have no supervisor\").")                                                                                 \
    X(CQ_T_REL_TITLE, "Reliabilitet (Cronbachs alfa)", "Reliability (Cronbach's alpha)")                        \
    X(CQ_T_REL_SUB,                                                                                             \
      "Hur väl en skalas frågor hänger ihop i detta urval, över de svarande som besvarat alla "             \
      "skalans frågor. Alfa under 0,70 markeras orange.",                                                       \
      "How well a scale's items hang together in this sample, over the respondents who answered "               \
      "all of the scale's items. Alpha below 0.70 is marked orange.")                                           \
    X(CQ_T_COL_CODE, "Kod", "Code")                                                                             \
    X(CQ_T_COL_ITEMS_K, "Frågor", "Items")                                                                      \
    X(CQ_T_COL_ALPHA, "Alfa", "Alpha")                                                                          \
    X(CQ_T_COL_N_COMPLETE, "n kompletta", "n complete")                                                         \
    X(CQ_T_REL_NONE, "Reliabiliteten har inte beräknats i den här körningen.",                                  \
      "Reliability was not computed in this run.")                                                              \
    X(CQ_T_SINGLE_ITEM, "en fråga", "one item")                                                                 \
    X(CQ_T_REL_NOTE,                                                                                            \
      "Alfa visas inte (–) när färre än %d svarande besvarat alla skalans frågor. Skalor med en "         \
      "fråga har ingen alfa.",                                                                                  \
      "Alpha is not shown (–) when fewer than %d respondents answered all of the scale's items. "             \
      "Single-item scales have no alpha.")                                                                      \
    X(CQ_T_REL_ITEMS_HEAD, "Frågornas bidrag", "The items' contribution")                                       \
    X(CQ_T_REL_ITEMS_NONE, "Uppgifter per fråga har inte beräknats i den här körningen.",                       \
      "Item statistics were not computed in this run.")                                                         \
    X(CQ_T_COL_ITEM_REST, "r fråga–rest", "item–rest r")                                                        \
    X(CQ_T_COL_ALPHA_DROP, "alfa utan frågan", "alpha if deleted")                                              \
    X(CQ_T_REL_ITEMS_NOTE,                                                                                      \
      "r fråga–rest: korrelationen mellan frågan och summan av skalans övriga frågor. Orange "            \
      "alfa utan frågan: skalan skulle hänga ihop bättre utan den. Skalor med två frågor har "             \
      "ingen alfa utan frågan (en ensam fråga har ingen alfa).",                                                \
      "item–rest r: the correlation of the item with the sum of the scale's other items. Orange "             \
      "alpha if deleted: the scale would hang together better without the item. Two-item scales "               \
      "have no alpha if deleted (a single item has no alpha).")                                                 \
    X(CQ_T_QUALITY_TITLE, "Datakvalitet", "Data quality")                                                       \
    X(CQ_T_COL_FILE, "Fil", "File")                                                                             \
    X(CQ_T_COL_RECORDS, "Rader med data", "Data rows")                                                          \
    X(CQ_T_COL_ACCEPTED, "Godkända svarande", "Accepted respondents")                                           \
    X(CQ_T_COL_REJ_DUP, "Avvisade: dubblett-id", "Rejected: duplicate id")                                      \
    X(CQ_T_COL_REJ_OTHER, "Avvisade: övrigt", "Rejected: other")                                                \
    X(CQ_T_COL_EMPTY, "Helt tomma rader", "Empty rows")                                                         \
    X(CQ_T_COL_BAD_VALUES, "Ogiltiga värden (blir saknade)", "Invalid values (made missing)")                   \
    X(CQ_T_COL_ENCODING, "Teckenkodning", "Encoding")                                                           \
    X(CQ_T_COL_FORMAT, "Avgränsare", "Delimiter")                                                               \
    X(CQ_T_ENC_CP1252, "Windows-1252 (%zu fält)", "Windows-1252 (%zu fields)")                                  \
    X(CQ_T_DELIM_COMMA, "komma (,)", "comma (,)")                                                               \
    X(CQ_T_DELIM_SEMICOLON, "semikolon (;)", "semicolon (;)")                                                   \
    X(CQ_T_DELIM_TAB, "tabb", "tab")                                                                            \
    X(CQ_T_QUALITY_WAVE_NOTE,                                                                                   \
      "Avvisade rader används inte alls. Ogiltiga värden räknas som saknade svar. Varje avvisad "            \
      "rad och varje ogiltigt värde finns i quality.csv.",                                                      \
      "Rejected rows are not used at all. Invalid values count as missing answers. Every "                      \
      "rejected row and invalid value is listed in quality.csv.")                                               \
    X(CQ_T_QUALITY_MISSING_HEAD, "Saknade svar per fråga (godkända svarande)",                                  \
      "Missing answers per item (accepted respondents)")                                                        \
    X(CQ_T_COL_MISSING_N, "Saknas %s", "Missing %s")                                                            \
    X(CQ_T_COL_MISSING_PCT, "Andel %s", "Share %s")                                                             \
    X(CQ_T_QUALITY_ROWS_HEAD, "Rader ur quality.csv (de första %zu av %zu)",                                    \
      "Rows of quality.csv (the first %zu of %zu)")                                                             \
    X(CQ_T_QUALITY_NONE, "Inga problem hittades.", "No problems were found.")                                   \
    X(CQ_T_COL_LINE, "Rad", "Line")                                                                             \
    X(CQ_T_COL_COLUMN, "Kolumn", "Column")                                                                      \
    X(CQ_T_COL_ISSUE, "Problem", "Issue")                                                                       \
    X(CQ_T_COL_DETAIL, "Detalj", "Detail")                                                                      \
    X(CQ_T_DETAIL_DUPLICATE,                                                                                    \
      "samma id som en tidigare rad: den första raden används, den här inte",                                   \
      "the same id as an earlier row: the first row is kept, this one not used")                                \
    X(CQ_T_DETAIL_INVALID, "'%s' är inget svarsalternativ i %s: räknas som saknat svar",                        \
      "'%s' is not an answer option of %s: counted as missing")                                                 \
    X(CQ_T_DETAIL_WITHHELD, "(värdet visas inte: det är ett svarandes id)",                                     \
      "(value not shown: it is a respondent's id)")                                                             \
    X(CQ_T_METHOD_TITLE, "Metod: så har resultaten tagits fram",                                                \
      "Method: how the results were made")                                                                      \
    X(CQ_T_M_ABOUT_H, "Om rapporten", "About the report")                                                       \
    X(CQ_T_M_ABOUT,                                                                                             \
      "Skapad av copsoq %s. Instrument: %s (%zu frågor, %zu skalor); filernas SHA-256 finns "                  \
      "under Spårbarhet och identifierar exakt vilken version som användes.",                                   \
      "Created by copsoq %s. Instrument: %s (%zu items, %zu scales); the SHA-256 of its files "                 \
      "under Provenance identifies exactly which version was used.")                                            \
    X(CQ_T_M_SCORING_H, "Poäng", "Scoring")                                                                     \
    X(CQ_T_M_SCORING,                                                                                           \
      "Varje svarsalternativ ger 0–100 poäng enligt response_sets.csv; en omvänd fråga (reverse "          \
      "= 1) ger 100 minus poängen. Alternativ utan poäng (till exempel \"vet inte\" eller \"har "             \
      "ingen chef\") räknas som saknade svar. 100 betyder alltid \"mer av det skalan heter\": "                \
      "höga krav är ogynnsamt, högt inflytande gynnsamt (se \"Högt värde är\").",                               \
      "Each answer option gives 0–100 points by response_sets.csv; a reversed item (reverse = 1) "            \
      "gives 100 minus the points. Options without points (for example \"don't know\" or \"I "                  \
      "have no supervisor\") count as missing answers. 100 always means \"more of what the scale "              \
      "is named after\": high demands are unfavourable, high influence favourable (see \"High "                 \
      "score is\").")                                                                                           \
    X(CQ_T_M_HALF_H, "Halva-regeln", "Half rule")                                                               \
    X(CQ_T_M_HALF,                                                                                              \
      "En persons skalpoäng är medelvärdet av de besvarade frågorna i skalan, och räknas bara "            \
      "när personen besvarat minst hälften av skalans frågor. Annars har personen ingen poäng på "         \
      "skalan.",                                                                                                \
      "A person's scale score is the mean of the answered items of the scale, computed only when "              \
      "the person answered at least half of the scale's items. Otherwise the person has no score "              \
      "on that scale.")                                                                                         \
    X(CQ_T_M_STATS_H, "Medelvärden", "Means")                                                                   \
    X(CQ_T_M_STATS,                                                                                             \
      "För varje mätning, grupp och skala: antal (n), medelvärde, standardavvikelse (n − 1), 95 "          \
      "% konfidensintervall med t-fördelningen, median och kvartiler. Alla finns i "                           \
      "scale_summary.csv.",                                                                                     \
      "For every survey, group and scale: count (n), mean, standard deviation (n − 1), 95% "                  \
      "confidence interval by the t distribution, median and quartiles. All are in "                            \
      "scale_summary.csv.")                                                                                     \
    X(CQ_T_M_TESTS_H, "Förändring", "Change")                                                                   \
    X(CQ_T_M_TESTS,                                                                                             \
      "Förändringen mellan två mätningar i följd är senare minus tidigare medelvärde för alla "         \
      "svarande (Welchs t-test, 95 % KI, effektstorlek Hedges g). comparison.csv har också en "                \
      "parad jämförelse av dem som svarat båda gångerna (samma id; parat t-test, effektstorlek "            \
      "d_z).",                                                                                                  \
      "The change between two consecutive surveys is the later minus the earlier mean over all "                \
      "respondents (Welch's t test, 95% CI, effect size Hedges' g). comparison.csv also holds a "               \
      "paired comparison of those who answered both times (same id; paired t test, effect size "                \
      "d_z).")                                                                                                  \
    X(CQ_T_M_BH_H, "Många jämförelser", "Many comparisons")                                                     \
    X(CQ_T_M_BH,                                                                                                \
      "p-värdena justeras med Benjamini–Hochberg över skalorna inom samma indelning, grupp och "            \
      "par av mätningar. En förändring kallas bättre eller sämre när p (justerat) < 0,05; "               \
      "riktningen följer skalan (högt värde bra eller dåligt), inte tecknet.",                                  \
      "The p-values are adjusted by Benjamini–Hochberg over the scales within one breakdown, "                \
      "group and pair of surveys. A change is called better or worse when p (adjusted) < 0.05; "                \
      "the direction follows the scale (high is good or bad), not the sign.")                                   \
    X(CQ_T_M_RELEVANCE_H, "Relevans", "Relevance")                                                              \
    X(CQ_T_M_RELEVANCE,                                                                                         \
      "Skillnader under 5 poäng har sällan praktisk betydelse (copsoq.se). Storlek: liten under "             \
      "5 poäng, relevant 5–10, stor 10 eller mer. Relevans visas bredvid statistisk säkerhet, "             \
      "inte i stället för den. Meningarna på översikten kallar en förändring relevant bara när "         \
      "den både är statistiskt säkerställd och minst 5 poäng.",                                                 \
      "Differences under 5 points are seldom of practical importance (copsoq.se). Size: small "                 \
      "under 5 points, relevant 5–10, large 10 or more. Relevance is shown beside statistical "               \
      "significance, not instead of it. The sentences on the overview call a change relevant "                  \
      "only when it is both significant and at least 5 points.")                                                \
    X(CQ_T_M_UNFAV_H, "Ogynnsam nivå", "Unfavourable level")                                                    \
    X(CQ_T_M_UNFAV,                                                                                             \
      "Meningen om skalor som ligger kvar på den ogynnsamma sidan använder skalans röda "                    \
      "gränsvärde i scales.csv när det finns; annars ett medelvärde minst 5 poäng från skalans "          \
      "mitt (50) åt det ogynnsamma hållet, i varje mätning. Det är en tumregel för att välja vad "        \
      "som ska diskuteras, inte ett referensvärde.",                                                            \
      "The sentence about scales that stayed on the unfavourable side uses the scale's red "                    \
      "cut-off in scales.csv where there is one; otherwise a mean at least 5 points from the "                  \
      "midpoint (50) on the unfavourable side, in every survey. It is a rule of thumb for "                     \
      "choosing what to discuss, not a reference value.")                                                       \
    X(CQ_T_M_SUPPRESS_H, "Anonymitet", "Anonymity")                                                             \
    X(CQ_T_M_SUPPRESS,                                                                                          \
      "Ingen siffra (inte heller n) visas för en grupp med färre än %d svar (%d för skalor "                \
      "markerade som känsliga). När de dolda grupperna i en indelning tillsammans har färre än "            \
      "%d svar döljs också den minsta visade gruppen, så att ingen liten grupp kan räknas fram "            \
      "som helheten minus de andra. Samma regel gäller inom en överordnad grupp när en indelning "           \
      "ligger inuti en annan (sektioner i en förvaltning). En jämförelse av dem som svarade båda "          \
      "gångerna döljs också när de som bara svarade en gång är färre än gränsen. Median och "          \
      "kvartiler visas bara för grupper med minst dubbelt så många svar som gränsen. Dolda "                \
      "värden "                                                                                                \
      "visas som –, även i diagram och trafikljus. Svarsfördelningen per fråga visas bara för "           \
      "hela "                                                                                                   \
      "mätningen. Rapporten innehåller aldrig svarandes id eller enskilda svar.",                               \
      "No figure (n included) is shown for a group with fewer than %d answers (%d for scales "                  \
      "marked sensitive). When the withheld groups of a breakdown together have fewer than %d "                 \
      "answers, the smallest shown group is withheld too, so that no small group can be worked "                \
      "out as the whole minus the others. The same rule holds inside a parent group when one "                  \
      "breakdown lies inside another (sections of an administration). A comparison of those who "               \
      "answered both times is withheld too when those who answered only once are fewer than the "               \
      "limit. Median and quartiles are shown only for groups of at least twice the limit. "                     \
      "Withheld "                                                                                               \
      "values show as –, in charts and traffic lights too. Answers per item are shown for whole "             \
      "surveys only. The report never holds respondent ids or single answers.")                                 \
    X(CQ_T_M_AUDIT_H, "Granskning av anonymiteten", "Anonymity audit")                                          \
    X(CQ_T_M_AUDIT,                                                                                             \
      "%zu publicerade celler granskade: ingen grupp under %d kan räknas fram genom att lägga "               \
      "ihop "                                                                                                   \
      "och dra ifrån publicerade siffror, inte heller mellan indelningar, mellan jämförelserna "             \
      "eller "                                                                                                  \
      "mellan mätningarna. Programmet skriver ingenting om granskningen hittar en sådan grupp. "              \
      "Dolda "                                                                                                  \
      "celler: %zu för att gruppen har för få svar, %zu för att skydda en mindre grupp (varav "             \
      "%zu "                                                                                                    \
      "mellan korsade indelningar), %zu jämförelser där gruppen är dold i någon mätning.",                      \
      "%zu published cells audited: no group under %d can be worked out by adding and "                         \
      "subtracting "                                                                                            \
      "published figures, across breakdowns, comparisons and surveys included. The program "                    \
      "writes "                                                                                                 \
      "nothing if the audit finds such a group. Withheld cells: %zu with too few answers, %zu to "              \
      "protect a smaller group (%zu of them between crossed breakdowns), %zu comparisons whose "                \
      "group "                                                                                                  \
      "is withheld in a survey.")                                                                               \
    X(CQ_T_LOW_MIN_GROUP,                                                                                       \
      "Obs! Anonymitetsgränsen är satt till %d svar, under den vanliga gränsen 5. Så små grupper "         \
      "kan vara lätta att känna igen; läs resultaten med försiktighet och sprid dem inte vidare.",              \
      "Note: the anonymity limit is set to %d answers, below the usual 5. Groups this small can "               \
      "be "                                                                                                     \
      "easy to recognise; read the results with care and do not pass them on.")                                 \
    X(CQ_T_M_COLOURS_H, "Färger", "Colours")                                                                    \
    X(CQ_T_M_COLOURS,                                                                                           \
      "Översikten: grönt = bättre, rött = sämre (p justerat < 0,05); stark färg vid minst 5 "             \
      "poäng, ljus färg under 5. Indelningsbladen: färgen jämför gruppen med hela urvalet i "              \
      "samma mätning, grönt åt det gynnsamma hållet och rött åt det ogynnsamma, full färg vid 10 "       \
      "poängs skillnad, vitt = som hela urvalet. Orange: alfa under 0,70 eller svarsfrekvens "                 \
      "under 60 %.",                                                                                            \
      "Overview: green = better, red = worse (p adjusted < 0.05); strong colour at 5 points or "                \
      "more, light colour under 5. Breakdown sheets: the colour compares the group with the "                   \
      "whole sample of the same survey, green on the favourable side and red on the unfavourable "              \
      "side, full colour at a 10-point difference, white = like the whole sample. Orange: alpha "               \
      "below 0.70 or a response rate below 60%.")                                                               \
    X(CQ_T_M_TRAFFIC_H, "Trafikljus", "Traffic lights")                                                         \
    X(CQ_T_M_TRAFFIC,                                                                                           \
      "Varje svarande räknas som grön, gul eller röd efter sin skalpoäng och gränsvärdena green "         \
      "och red i scales.csv: där högt värde är bra är en poäng ≥ green grön och ≤ red röd, där "   \
      "högt värde är dåligt är ≤ green grön och ≥ red röd, annars gul (som den spanska "             \
      "CoPsoQ-istas21-metoden). Det finns inga officiella svenska gränsvärden; rapporten hittar "             \
      "aldrig på några.",                                                                                       \
      "Each respondent counts as green, yellow or red by their scale score and the cut-offs "                   \
      "green and red in scales.csv: where high is good a score ≥ green is green and ≤ red is "              \
      "red, where high is bad ≤ green is green and ≥ red is red, otherwise yellow (as in the "              \
      "Spanish CoPsoQ-istas21 method). There are no official Swedish cut-offs; the report never "               \
      "invents any.")                                                                                           \
    X(CQ_T_M_TRAFFIC_N, "Detta instrument har gränsvärden för %zu av %zu skalor.",                              \
      "This instrument has cut-offs for %zu of %zu scales.")                                                    \
    X(CQ_T_M_RATE_H, "Svarsfrekvens", "Response rate")                                                          \
    X(CQ_T_M_RATE,                                                                                              \
      "Svar delat med antal anställda enligt %s. Antalet anställda antas gälla den senaste "                 \
      "mätningen (%s). Under 60 %% kallar COPSOQ Sverige otillfredsställande.",                                 \
      "Answers divided by the employees in %s. The head counts are taken to refer to the latest "               \
      "survey (%s). Below 60%% COPSOQ Sweden calls unsatisfactory.")                                            \
    X(CQ_T_M_RATE_WAVES,                                                                                        \
      "Svar delat med antal anställda enligt %s, som anger antalet per mätning "                              \
      "(kolumnen wave; en tom cell avser den senaste mätningen, %s). Svarsfrekvens "                           \
      "visas för %s. Under 60 %% kallar COPSOQ Sverige otillfredsställande.",                                   \
      "Answers divided by the employees in %s, which gives the head counts per survey (column "                 \
      "wave; an empty cell refers to the latest survey, %s). Response rates are shown for %s. "                 \
      "Below 60%% COPSOQ Sweden calls unsatisfactory.")                                                         \
    X(CQ_T_M_RATE_NONE,                                                                                         \
      "Ingen fil med antal anställda (--population) angavs, så svarsfrekvens visas inte.",                      \
      "No head-count file (--population) was given, so response rates are not shown.")                          \
    X(CQ_T_M_RELIABILITY_H, "Reliabilitet", "Reliability")                                                      \
    X(CQ_T_M_RELIABILITY,                                                                                       \
      "Cronbachs alfa för skalor med minst två frågor, över de svarande som besvarat alla "                 \
      "skalans frågor (efter omvändning); tom när färre än %d sådana svarande finns.",                          \
      "Cronbach's alpha for scales of two or more items, over the respondents who answered all "                \
      "of the scale's items (after reversal); empty when fewer than %d such respondents.")                      \
    X(CQ_T_M_FILES_H, "Filerna", "The files")                                                                   \
    X(CQ_T_M_FILES,                                                                                             \
      "Rapportens siffror kommer från CSV-filerna som skrivs bredvid den: scale_summary.csv, "                 \
      "comparison.csv, reliability.csv, reliability_items.csv och quality.csv. De kan läsas i R, "             \
      "Python, SPSS eller Excel.",                                                                              \
      "The report's figures come from the CSV files written beside it: scale_summary.csv, "                     \
      "comparison.csv, reliability.csv, reliability_items.csv and quality.csv. They can be read "               \
      "in R, Python, SPSS or Excel.")                                                                           \
    X(CQ_T_M_COLMAP_H, "Kolumnkarta", "Column map")                                                             \
    X(CQ_T_M_COLMAP, "Kolumnkartan %s (SHA-256 %s) döpte om dessa kolumner:",                                   \
      "Column map %s (SHA-256 %s) renamed these columns:")                                                      \
    X(CQ_T_M_COLMAP_RENAME, "%s %s: %s -> %s;", "%s %s: %s -> %s;")                                             \
    X(CQ_T_M_READ_H, "Så läser du rapporten", "How to read the report")                                         \
    X(CQ_T_M_READ,                                                                                              \
      "Börja med Översikt: meningarna överst säger vad som blivit bättre eller sämre och vad som "        \
      "ligger kvar på en ogynnsam nivå. Jämför sedan grupperna på indelningsbladen: röda celler "         \
      "visar var en grupp har det sämre än organisationen i stort. Diskutera resultaten i "                   \
      "arbetsgruppen innan åtgärder väljs; små skillnader (under 5 poäng) är sällan värda att "         \
      "agera på ensamma.",                                                                                      \
      "Start with the Overview: the sentences at the top tell what got better or worse and what "               \
      "stays at an unfavourable level. Then compare the groups on the breakdown sheets: red "                   \
      "cells show where a group is worse off than the organisation as a whole. Discuss the "                    \
      "results in the work group before choosing actions; small differences (under 5 points) are "              \
      "seldom worth acting on alone.")                                                                          \
    X(CQ_T_PROV_TITLE, "Spårbarhet", "Provenance")                                                              \
    X(CQ_T_PROV_PROGRAM, "Program", "Program")                                                                  \
    X(CQ_T_PROV_CREATED, "Skapad", "Created")                                                                   \
    X(CQ_T_PROV_FROM_SDE, "från SOURCE_DATE_EPOCH", "from SOURCE_DATE_EPOCH")                                   \
    X(CQ_T_PROV_FROM_CLOCK, "datorns klocka", "the computer's clock")                                           \
    X(CQ_T_PROV_LIBRARIES, "Excel-bibliotek", "Excel library")                                                  \
    X(CQ_T_PROV_SETTINGS, "Inställningar", "Settings")                                                          \
    X(CQ_T_PROV_STUDY_FILE, "Studiefil", "Study file")                                                          \
    X(CQ_T_PROV_OUT_NOT_RECORDED,                                                                               \
      "(utmappen registreras inte, så att samma indata ger samma fil)",                                         \
      "(the output folder is not recorded, so that the same inputs give the same file)")                        \
    X(CQ_T_PROV_FILES, "Indatafiler", "Input files")                                                            \
    X(CQ_T_COL_ROLE, "Roll", "Role")                                                                            \
    X(CQ_T_COL_BYTES, "Byte", "Bytes")                                                                          \
    X(CQ_T_COL_ROWS, "Rader", "Rows")                                                                           \
    X(CQ_T_COL_SHA, "SHA-256", "SHA-256")                                                                       \
    X(CQ_T_ROLE_WAVE, "Mätning %s", "Survey %s")                                                                \
    X(CQ_T_ROLE_INSTRUMENT, "Instrument", "Instrument")                                                         \
    X(CQ_T_ROLE_POPULATION, "Antal anställda", "Head counts")                                                   \
    X(CQ_T_ROLE_STUDY, "Studiefil", "Study file")                                                               \
    X(CQ_T_PROV_NOTE,                                                                                           \
      "Rader: dataposter i svarsfilen (utan rubrikrad), rader i instrumentfilerna (frågor, "                   \
      "svarsalternativ, skalor) och i filen med antal anställda. SHA-256 beräknas med OpenSSL; "              \
      "samma värde betyder samma fil, byte för byte.",                                                          \
      "Rows: data records of a response file (header excluded), rows of the instrument files "                  \
      "(items, answer options, scales) and of the head-count file. SHA-256 is computed with "                   \
      "OpenSSL; the same value means the same file, byte for byte.")                                            \
    X(CQ_T_QUALITY_IDENTICAL,                                                                                   \
      "Varning: mätningarna %s och %s kommer från filer som är identiska byte för byte (samma "             \
      "SHA-256). Troligen har samma mätning angetts två gånger; jämförelsen mellan dem visar då "         \
      "ingen förändring.",                                                                                      \
      "Warning: the surveys %s and %s come from files that are identical byte for byte (the same "              \
      "SHA-256). Probably the same survey was given twice; their comparison then shows no "                     \
      "change.")                                                                                                \
    X(CQ_T_SHEET_TREND, "Trend", "Trend")                                                                       \
    X(CQ_T_TREND_TITLE, "Trend över alla mätningar", "Trend over every survey")                                 \
    X(CQ_T_TREND_SUB,                                                                                           \
      "Alla svarande. Medelvärde per mätning, och förändringen från den första till den sista "           \
      "mätningen (%s → %s): Welchs t-test på de två mätningarnas medelvärden, standardavvikelser "       \
      "och antal, p justerat med Benjamini–Hochberg över skalorna. Bättre/Sämre kräver p "                \
      "justerat < 0,05; stark färg = minst 5 poäng.",                                                           \
      "All respondents. The mean of each survey, and the change from the first to the last "                    \
      "survey (%s → %s): Welch's t-test on the two surveys' means, standard deviations and "                  \
      "sizes, p adjusted by Benjamini–Hochberg over the scales. Better/Worse needs p adjusted < "             \
      "0.05; strong colour = 5 points or more.")                                                                \
    X(CQ_T_COL_FIRST_LAST, "Förändring %s → %s (första till sista)",                                            \
      "Change %s → %s (first to last)")                                                                         \
    X(CQ_T_S_FIRST_LAST, "Från den första till den sista mätningen, %s till %s:",                               \
      "From the first to the last survey, %s to %s:")                                                           \
    X(CQ_T_TREND_CHARTS, "Medelvärde per mätning, en linje per skala (alla svarande).",                         \
      "Mean per survey, one line per scale (all respondents).")                                                 \
    X(CQ_T_NOTE_NO_TRAFFIC,                                                                                     \
      "Trafikljus (andelen svarande i grönt, gult och rött per grupp) visas inte: inga "                      \
      "gränsvärden har angetts, och rapporten hittar aldrig på några. Den som kör programmet kan "         \
      "lägga till dem med källa: kolumnerna green och red i instrumentets scales.csv, eller i "               \
      "filen med referensvärden (--reference).",                                                                \
      "Traffic lights (the share of respondents in green, yellow and red per group) are not "                   \
      "shown: no cut-offs were given, and the report never invents any. Whoever runs the program "              \
      "can add them with their source: the columns green and red in the instrument's scales.csv, "              \
      "or in the reference file (--reference).")                                                                \
    X(CQ_T_TRAFFIC_BLOCK_WAVE, "%s, %s", "%s, %s")                                                              \
    X(CQ_T_CUTOFF_FROM_REF,                                                                                     \
      "Gränsvärdena kommer från filen med referensvärden (%s) där den anger dem, annars från "            \
      "scales.csv.",                                                                                            \
      "The cut-offs come from the reference file (%s) where it gives them, otherwise from "                     \
      "scales.csv.")                                                                                            \
    X(CQ_T_COL_REF_HEAD, "Mot referensvärdet %s", "Against the reference value %s")                             \
    X(CQ_T_COL_REF, "Referens", "Reference")                                                                    \
    X(CQ_T_COL_REF_DIFF, "Skillnad", "Difference")                                                              \
    X(CQ_T_COL_REF_P, "p", "p")                                                                                 \
    X(CQ_T_NOTE_REF,                                                                                            \
      "Referensvärden: %s. Skillnad = medelvärdet minus referensvärdet; p från Welchs t-test på "          \
      "medelvärden, standardavvikelser och antal (inte justerat för flera test). Grönt/rött: "              \
      "minst 5 poäng åt det gynnsamma/ogynnsamma hållet och p < 0,05.",                                         \
      "Reference values: %s. Difference = the mean minus the reference value; p from Welch's "                  \
      "t-test on the means, standard deviations and sizes (not adjusted for multiple tests). "                  \
      "Green/red: 5 points or more on the favourable/unfavourable side and p < 0.05.")                          \
    X(CQ_T_S_UNFAV_REF,                                                                                         \
      "Ligger kvar på den ogynnsamma sidan jämfört med referensvärdet (minst 5 poäng, p < 0,05) "          \
      "i alla mätningar: %s.",                                                                                  \
      "Stayed on the unfavourable side of the reference value (5 points or more, p < 0.05) in "                 \
      "every survey: %s.")                                                                                      \
    X(CQ_T_S_UNFAV_REF_ONE,                                                                                     \
      "Ligger på den ogynnsamma sidan jämfört med referensvärdet (minst 5 poäng, p < 0,05): %s.",               \
      "On the unfavourable side of the reference value (5 points or more, p < 0.05): %s.")                      \
    X(CQ_T_S_REF_BETTER, "Bättre än referensvärdet (minst 5 poäng, p < 0,05) %s: %s.",                          \
      "Better than the reference value (5 points or more, p < 0.05) in %s: %s.")                                \
    X(CQ_T_UNIT_COL_REF, "Referensvärde", "Reference value")                                                    \
    X(CQ_T_UNIT_COL_REF_DIFF, "Enheten mot referensvärdet", "Unit against the reference value")                 \
    X(CQ_T_UNIT_SERIES_REF, "Referensvärde", "Reference value")                                                 \
    X(CQ_T_M_REF_H, "Referensvärden", "Reference values")                                                       \
    X(CQ_T_M_REF,                                                                                               \
      "Varje grupps medelvärde jämförs med skalans referensvärde i filen %s (källa: %s; "                  \
      "instrument %s). Skillnaden är medelvärdet minus referensvärdet, testad med Welchs t-test "            \
      "på medelvärden, standardavvikelser och antal. Ogynnsamt jämfört med referensvärdet "                \
      "betyder minst 5 poäng åt det ogynnsamma hållet och p < 0,05; för skalor med referensvärde "         \
      "ersätter det tumregeln om skalans mitt. Referensvärden av ett annat instrument eller en "              \
      "annan version tas inte emot.",                                                                           \
      "Each group's mean is compared with the scale's reference value in the file %s (source: "                 \
      "%s; instrument %s). The difference is the mean minus the reference value, tested with "                  \
      "Welch's t-test on the means, standard deviations and sizes. Unfavourable against the "                   \
      "reference means 5 points or more on the unfavourable side and p < 0.05; for scales with a "              \
      "reference value this replaces the rule of thumb about the scale's midpoint. Reference "                  \
      "values of another instrument or version are refused.")                                                   \
    X(CQ_T_CHART_AXIS_PLAIN, "Medelvärde 0–100", "Mean 0–100")                                                  \
    X(CQ_T_SHEET_UNITS, "Din enhet", "Your unit")                                                               \
    X(CQ_T_UNIT_TITLE, "Din enhet: %s", "Your unit: %s")                                                        \
    X(CQ_T_UNIT_SUB, "%s, mätningen %s.", "%s, survey %s.")                                                     \
    X(CQ_T_UNIT_PARENT, "%s, inom %s, mätningen %s.", "%s, within %s, survey %s.")                              \
    X(CQ_T_UNIT_RATE, "Svarsfrekvens %s: %s %% (%s av %s anställda).",                                          \
      "Response rate %s: %s%% (%s of %s employees).")                                                           \
    X(CQ_T_UNIT_RATE_LOW, "Under 60 %: tolka resultaten med försiktighet.",                                     \
      "Below 60%: read the results with caution.")                                                              \
    X(CQ_T_UNIT_ANSWERS, "%s svar %s.", "%s answers in %s.")                                                    \
    X(CQ_T_UNIT_COL_UNIT, "Enheten %s", "Unit %s")                                                              \
    X(CQ_T_UNIT_COL_CHANGE, "Förändring", "Change")                                                             \
    X(CQ_T_UNIT_COL_PANEL, "Förändring bland de som svarade båda gångerna",                                     \
      "Change among those who answered both times")                                                             \
    X(CQ_T_UNIT_COL_ORG, "Hela organisationen %s", "Whole organisation %s")                                     \
    X(CQ_T_UNIT_BETTER, "Förbättrat: %s.", "Improved: %s.")                                                     \
    X(CQ_T_UNIT_WORSE, "Försämrat: %s.", "Worsened: %s.")                                                       \
    X(CQ_T_UNIT_NO_CHANGE,                                                                                      \
      "Ingen skala har förändrats statistiskt säkerställt med minst 5 poäng sedan %s.",                         \
      "No scale changed significantly by 5 points or more since %s.")                                           \
    X(CQ_T_UNIT_UNFAV_REF, "Fortfarande ogynnsamt jämfört med referensvärdet: %s.",                             \
      "Still unfavourable compared with the reference value: %s.")                                              \
    X(CQ_T_UNIT_UNFAV_REF_ONE, "Ogynnsamt jämfört med referensvärdet: %s.",                                     \
      "Unfavourable compared with the reference value: %s.")                                                    \
    X(CQ_T_UNIT_UNFAV_RULE,                                                                                     \
      "Fortfarande på en ogynnsam nivå (minst 5 poäng från skalans mitt på den ogynnsamma sidan, "         \
      "eller bortom det röda gränsvärdet): %s.",                                                                \
      "Still at an unfavourable level (at least 5 points from the scale's midpoint on the "                     \
      "unfavourable side, or beyond the red cut-off): %s.")                                                     \
    X(CQ_T_UNIT_UNFAV_RULE_ONE,                                                                                 \
      "På en ogynnsam nivå (minst 5 poäng från skalans mitt på den ogynnsamma sidan, eller "               \
      "bortom det röda gränsvärdet): %s.",                                                                      \
      "At an unfavourable level (at least 5 points from the scale's midpoint on the unfavourable "              \
      "side, or beyond the red cut-off): %s.")                                                                  \
    X(CQ_T_UNIT_HIDDEN_FEW,                                                                                     \
      "Resultaten för %s visas inte: enheten har färre än %d svar %s. Det skyddar de svarandes "             \
      "anonymitet. Vad ni kan göra: slå ihop enheten med en närliggande enhet i nästa rapport, "            \
      "eller öka deltagandet i nästa mätning.",                                                                 \
      "The results of %s are not shown: the unit has fewer than %d answers in %s. This protects "               \
      "the respondents' anonymity. What you can do: merge the unit with a neighbouring one in "                 \
      "the next report, or raise participation in the next survey.")                                            \
    X(CQ_T_UNIT_HIDDEN_PROTECT,                                                                                 \
      "Resultaten för %s visas inte, fast enheten har minst %d svar %s: de är dolda för att "                \
      "skydda en mindre grupp, vars resultat annars skulle kunna räknas fram ur den här enhetens "            \
      "och organisationens siffror. Vad ni kan göra: slå ihop de minsta enheterna i nästa "                  \
      "rapport, eller öka deltagandet i nästa mätning.",                                                        \
      "The results of %s are not shown, although the unit has at least %d answers in %s: they "                 \
      "are withheld to protect a smaller group, whose results could otherwise be worked out from "              \
      "this unit's and the organisation's figures. What you can do: merge the smallest units in "               \
      "the next report, or raise participation in the next survey.")                                            \
    X(CQ_T_UNIT_NOTE,                                                                                           \
      "Bättre och Sämre betyder en statistiskt säkerställd förändring (p justerat < 0,05); stark "        \
      "färg = minst 5 poäng. \"Högt värde är\" säger om ett högt värde är bra eller dåligt. – = "   \
      "visas inte (färre än %d svar, eller dolt för att skydda en mindre grupp).",                              \
      "Better and Worse mean a statistically significant change (p adjusted < 0.05); strong "                   \
      "colour = 5 points or more. \"High score is\" says whether a high score is good or bad. – "             \
      "= not shown (fewer than %d answers, or withheld to protect a smaller group).")                           \
    X(CQ_T_UNIT_CHART, "%s och hela organisationen, %s", "%s and the whole organisation, %s")                   \
    X(CQ_T_UNIT_SERIES_ORG, "Hela organisationen", "Whole organisation")                                        \
    X(CQ_T_UNIT_NONE_BELOW, "inga", "none")

typedef enum {
#define CQ_X_TEXT_ENUM(id, sv, en) id,
    CQ_REPORT_TEXTS(CQ_X_TEXT_ENUM)
#undef CQ_X_TEXT_ENUM
        CQ_T_COUNT
} cq_text_id;

/* The text in Swedish (en = 0) or English (en = 1). */
const char *cq_text(int en, cq_text_id id);

/* Formats the text (a printf format) with the arguments into out, replacing
 * what out held; returns its string (valid until out is written again). */
const char *cq_textf(cq_sbuf *out, int en, cq_text_id id, ...);
const char *cq_vtextf(cq_sbuf *out, int en, cq_text_id id, va_list ap);

/* A number for running text, rounded to `decimals`: Swedish decimal comma
 * and no-break space between thousands, English point and comma; a real
 * minus sign; sign = 1 puts '+' before positive numbers.  Returns buf. */
const char *cq_text_number(char *buf, size_t cap, int en, double v, int decimals, int sign);

/* The display name of a COPSOQ domain: the seven standard domains (given in
 * English in scales.csv) translated into Swedish; any other name as given. */
const char *cq_text_domain(int en, const char *domain);

/* A quality.csv issue code in words. */
const char *cq_text_issue(int en, const char *issue);

/* Lower-cases the first letter of s in place (ASCII and Latin-1 letters). */
void cq_text_lower_first(char *s);

#endif
